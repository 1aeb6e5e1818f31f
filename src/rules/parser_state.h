/*
 * parser_state.h - the state of one rule being parsed, shared between
 * rule_parse.c (the option loop) and the keyword validators (validate_*.c).
 * Private to src/rules.
 *
 * It mirrors what Suricata's Signature init data tracks while a rule is set
 * up: the current sticky buffer, the app-layer protocol, and the last
 * content so that modifiers (nocase, depth, http_uri ...) can check it.
 */
#ifndef NFW_RULES_PARSER_STATE_H
#define NFW_RULES_PARSER_STATE_H

#include "rules/rule.h"
#include "rules/keywords.h"

enum {
    CMOD_NOCASE = 1 << 0,
    CMOD_DEPTH = 1 << 1,
    CMOD_OFFSET = 1 << 2,
    CMOD_DISTANCE = 1 << 3,
    CMOD_WITHIN = 1 << 4,
    CMOD_STARTSWITH = 1 << 5,
    CMOD_ENDSWITH = 1 << 6,
    CMOD_FAST_PATTERN = 1 << 7,
    CMOD_RAWBYTES = 1 << 8,
    CMOD_FP_ONLY = 1 << 9,
};

enum {
    XFORM_TO_LOWER = 1 << 0,
    XFORM_TO_UPPER = 1 << 1,
};

typedef struct {
    gboolean present; /* there is a content to modify */
    gboolean negated;
    int length;         /* decoded length in bytes */
    guint mods;         /* CMOD_* already applied */
    const char *buffer; /* buffer the content sits in (NULL = payload) */
} ContentState;

struct RuleParser {
    Rule *rule;
    const KeywordInfo *kw;     /* keyword being validated */
    gboolean negated;          /* value began with '!' (content, pcre ...) */
    const char *alproto;       /* app-layer protocol of the rule, NULL if none */
    const char *buffer;        /* current sticky buffer (canonical), NULL = payload */
    gboolean buffer_has_match; /* a match was added to the current buffer */
    int buffer_match_count;    /* content/pcre matches in the current buffer */
    gboolean buffer_just_set;  /* the previous option set the buffer (transforms) */
    ContentState last;         /* last content/pcre */
    gboolean fast_pattern_seen;
    GHashTable *byte_vars; /* byte_extract / byte_math result names */
    gboolean seen_sid, seen_rev, seen_gid, seen_msg, seen_priority, seen_classtype;
    gboolean seen_flow, seen_threshold, seen_detection_filter, seen_dsize;
    gboolean seen_base64_decode;
    gboolean alproto_positive, alproto_negated; /* app-layer-protocol matches seen */
    gboolean uses_raw_header;                   /* http.header.raw / http_raw_header */
    gboolean uses_app_buffer; /* a sticky buffer or legacy modifier of an app protocol */
    guint buffer_transforms;  /* XFORM_* applied to the current sticky buffer */
};

typedef struct RuleParser RuleParser;

/* byte_extract / byte_math result names, for depth:NAME and friends. */
void parser_byte_var_add(RuleParser *parser, const char *name);
gboolean parser_byte_var_known(const RuleParser *parser, const char *name);

/* Set the rule's app-layer protocol; FALSE with *error on conflict. */
gboolean parser_set_alproto(RuleParser *parser, const char *alproto, char **error);

/* Decode a content string ("abc|41 42|def", quotes already stripped) into
 * bytes.  Returns the decoded length, or -1 with *error. */
int content_decode(const char *value, GByteArray *out, char **error, int *error_offset);

/* The checks common to content modifiers (nocase, depth, ...): a content
 * must precede, no duplicates, no conflicting pairs. */
gboolean content_modifier_check(RuleParser *parser, const char *name, char **error);

/* Whether Suricata 7 knows a decode-event / stream-event name
 * (events_table.c); other event keywords always TRUE. */
gboolean rule_event_known(const char *keyword, const char *name);

/* Strict unsigned integer parsing as Suricata's StringParseUint*. */
gboolean parse_uint(const char *s, guint64 max, guint64 *out);

#endif
