/*
 * keywords.h - the registry of Suricata 7 rule keywords, one table entry per
 * keyword (as Suricata's own sigmatch_table): name, flags, the app-layer
 * protocol a buffer belongs to, Network Firewall support, and the function
 * that validates the value.  Adding a keyword is adding an entry.
 *
 * The table (keywords_table.c) is derived from `suricata --list-keywords=csv`
 * of Suricata 7.0.10 plus the aliases Suricata registers, checked against
 * `suricata -T`.  Every entry names the Suricata function its validator
 * mirrors (`mirrors`), and the buffer type it selects or appends to.
 */
#ifndef NFW_RULES_KEYWORDS_H
#define NFW_RULES_KEYWORDS_H

#include <glib.h>

enum {
    KW_F_NOOPT = 1 << 0,             /* takes no value ("nocase;") */
    KW_F_OPTVALUE = 1 << 1,          /* value optional ("fast_pattern", "flowbits"?) */
    KW_F_STICKY = 1 << 2,            /* sticky buffer ("tls.sni;") */
    KW_F_CONTENT_MOD = 1 << 3,       /* modifies the previous content ("nocase", "http_uri") */
    KW_F_TRANSFORM = 1 << 4,         /* transform applied to the current buffer */
    KW_F_PAYLOAD = 1 << 5,           /* a payload match: content, pcre, byte_*, isdataat ... */
    KW_F_APP_LAYER = 1 << 6,         /* inspects app-layer data (sets the rule's app proto) */
    KW_F_NFW_UNSUPPORTED = 1 << 7,   /* rejected or unsupported by Network Firewall */
    KW_F_NFW_CAUTION = 1 << 8,       /* NFW documents conflicting support: warn, not error */
    KW_F_DEPRECATED = 1 << 9,        /* accepted by Suricata 7 with a deprecation warning */
    KW_F_META = 1 << 10,             /* sid, rev, msg, metadata ...: no match */
    KW_F_QUOTES_MANDATORY = 1 << 11, /* value must be double quoted (SIGMATCH_QUOTES_MANDATORY) */
    KW_F_QUOTES_OPTIONAL = 1 << 12, /* quotes allowed and stripped; otherwise quotes are an error */
    KW_F_NEGATION = 1 << 13,        /* a leading '!' negates the value (SIGMATCH_HANDLE_NEGATION) */
    KW_F_PREFILTER = 1 << 14,       /* SupportsPrefilter: "prefilter;" may follow it */
    KW_F_NFW_ONLY = 1 << 15,        /* Network Firewall's own keyword, unknown to Suricata */
};

struct RuleParser; /* rule_parse.c: the state of one rule being parsed */

/* Validate (and record) one option.  Returns FALSE with *error set (caller
 * frees) when Suricata 7 would reject the rule; *error_offset is relative
 * to the value (0 = start of value). */
typedef gboolean (*KeywordValidateFunc)(struct RuleParser *parser, const char *value, char **error,
                                        int *error_offset);

typedef struct KeywordInfo {
    const char *name;             /* the name as Suricata registers it */
    const char *canonical;        /* for aliases: the main name; else == name */
    guint flags;                  /* KW_F_* */
    const char *alproto;          /* app-layer protocol the keyword needs ("tls"), or NULL */
    const char *nfw_note;         /* why NFW does not support it, or NULL */
    KeywordValidateFunc validate; /* the keyword's Setup; NULL only for NFW-unknown ones */
    const char *buffer;           /* Suricata buffer type it selects or appends to, or NULL */
    const char *mirrors;          /* "DetectFlowSetup (detect-flow.c)" */
} KeywordInfo;

/* Lookup by name or alias (case-sensitive, as Suricata). */
const KeywordInfo *keyword_lookup(const char *name);
const KeywordInfo *keyword_table(gsize *count);

#endif
