/*
 * rule.h - the one in-memory model of a Suricata / Network Firewall rule,
 * shared by every part of nfw-advisor (parser, policy, advisor, log mapping,
 * reports), and the rule parser's API.
 *
 * Design:
 *  - A Rule keeps the text exactly as written (continuations joined) plus the
 *    parsed header and options.  Offsets of every header field and option are
 *    kept so that diagnostics can point at file:line:column.
 *  - Variables ($HOME_NET, @ipset) are *not* resolved here: the header keeps
 *    the text and a parsed expression tree; src/policy resolves them.
 *  - The parser never prints.  A rule that cannot be accepted yields a
 *    RuleDiag (check id, column, message) instead of a Rule.
 *  - Ownership: a Rule owns all its strings and its options; `group` is a
 *    borrowed back-pointer set by src/policy.  A parsed Rule is one
 *    allocation: the struct, then its RuleOptions, then every string,
 *    sized exactly (rule_parse builds it in a GStringChunk, then compacts
 *    it), so a million rules do not cost a million x 10 mallocs.  Never
 *    g_free() a Rule's string or option: they belong to the Rule's block.
 */
#ifndef NFW_RULES_RULE_H
#define NFW_RULES_RULE_H

#include <glib.h>

#include "rules/netexpr.h"

typedef enum {
    RULE_ACTION_ALERT,
    RULE_ACTION_PASS,
    RULE_ACTION_DROP,
    RULE_ACTION_REJECT,
    RULE_ACTION_REJECTSRC,
    RULE_ACTION_REJECTDST,
    RULE_ACTION_REJECTBOTH,
    RULE_ACTION_CONFIG,
} RuleAction;

typedef enum {
    RULE_DIR_FORWARD, /* -> */
    RULE_DIR_BOTH,    /* <> */
} RuleDirection;

/* Flags derived from the options, so that checks need not rescan them. */
enum {
    RULE_F_DISABLED = 1 << 0, /* written as a comment: "# alert ..." */
    RULE_F_ALERT_KW = 1 << 1, /* has the `alert;` keyword (logs a pass rule) */
    RULE_F_NOALERT = 1 << 2,  /* has `noalert;` */
    RULE_F_HAS_SID = 1 << 3,
    RULE_F_HAS_REV = 1 << 4,
    RULE_F_HAS_PRIORITY = 1 << 5,
    RULE_F_APP_LAYER = 1 << 6,   /* app-layer protocol or app-layer keyword */
    RULE_F_HAS_FLOW = 1 << 7,    /* has a flow: keyword */
    RULE_F_HAS_CONTENT = 1 << 8, /* content, pcre or another payload match */
    RULE_F_SKIPPED = 1 << 9,     /* Suricata loads nothing for it, without an error
                                    (requires not met, unknown app-layer event) */
};

/* Suricata 7's signature type of a rule (SignatureSetType() in
 * detect-engine-build.c, the "type" of `suricata --engine-analysis`
 * rules.json), computed for every accepted rule (rule_sig.c). */
typedef enum {
    RULE_SIG_IPONLY,      /* "ip_only": header only, no flow keyword */
    RULE_SIG_LIKE_IPONLY, /* "like_ip_only": as ip_only, with a negated address */
    RULE_SIG_PDONLY,      /* "pd_only": app-layer-protocol only */
    RULE_SIG_DEONLY,      /* "de_only": decoder events only */
    RULE_SIG_PKT,         /* "pkt": packet keywords, any flow keyword without payload */
    RULE_SIG_PKT_STREAM,  /* "pkt_stream": payload, packets and stream */
    RULE_SIG_STREAM,      /* "stream": payload of the reassembled stream */
    RULE_SIG_APPLAYER,    /* "app_layer": app protocol in the header, no buffer */
    RULE_SIG_APP_TX,      /* "app_tx": app-layer buffers or keywords */
} RuleSigType;

/* What a matching pass or drop covers (signature_properties[] in
 * detect-engine.c): the packet, the whole flow, or the flow only when the
 * match was in the stream or app-layer state (else the packet). */
typedef enum {
    RULE_SCOPE_PACKET,         /* "packet": pkt, de_only */
    RULE_SCOPE_FLOW,           /* "flow": ip_only, like_ip_only, pd_only, app_layer, app_tx */
    RULE_SCOPE_FLOW_IF_STREAM, /* "flow_if_stream": pkt_stream, stream */
} RuleScope;

/* The flow keyword, parsed once by the parser (validate_flow.c) into
 * Rule.flow, so that no check reads its text again.  Aliases share a bit:
 * from_client is to_server, from_server is to_client. */
enum {
    RULE_FLOW_TO_SERVER = 1 << 0,
    RULE_FLOW_TO_CLIENT = 1 << 1,
    RULE_FLOW_ESTABLISHED = 1 << 2,
    RULE_FLOW_NOT_ESTABLISHED = 1 << 3,
    RULE_FLOW_ONLY_STREAM = 1 << 4,
    RULE_FLOW_NO_STREAM = 1 << 5,
    RULE_FLOW_ONLY_FRAG = 1 << 6,
    RULE_FLOW_NO_FRAG = 1 << 7,
    RULE_FLOW_STATELESS = 1 << 8,
};

/* Suricata's rule line buffer (DETECT_MAX_RULE_SIZE, detect.h): a rule,
 * its continuation lines joined, has at most RULE_TEXT_MAX - 1 bytes. */
#define RULE_TEXT_MAX 8192

/* Which engine's rules a rule is judged by. */
typedef enum {
    RULE_ENGINE_NFW = 0,  /* Network Firewall: Suricata 7 plus aws_domain_category,
                            aws_url_category; geoip has its database */
    RULE_ENGINE_SURICATA, /* exactly what Suricata 7.0.10 takes with its default
                             configuration */
} RuleEngine;

/* "nfw" / "suricata"; FALSE for anything else. */
gboolean rule_engine_from_string(const char *s, RuleEngine *out);
const char *rule_engine_name(RuleEngine engine);

typedef struct {
    RuleEngine engine;
} RuleParseOptions;

/* Where something is, for diagnostics.  Lines and columns are 1-based;
 * 0 means unknown.  `file` is owned by whoever made the SourceLoc. */
typedef struct {
    char *file;
    int line;
    int column;
} SourceLoc;

typedef struct {
    char *name;                   /* keyword as written, e.g. "tls.sni" or "dns_query" */
    char *value;                  /* raw value as written (NULL when the keyword has none) */
    int offset;                   /* byte offset of the keyword in Rule.text */
    int value_offset;             /* byte offset of the value in Rule.text (-1 if none) */
    const struct KeywordInfo *kw; /* registry entry, NULL if unknown */
} RuleOption;

struct RuleGroup; /* src/policy/policy.h */

typedef struct Rule {
    char *text;     /* the rule as written, on one line */
    SourceLoc loc;  /* where the rule starts (column of the action) */
    int line_count; /* physical lines spanned (\ continuations) */
    guint flags;    /* RULE_F_* */
    guint flow;     /* RULE_FLOW_* of the flow keyword; 0 without one */

    RuleAction action;
    char *proto; /* lower-case protocol as written ("tcp", "tls") */
    char *src;   /* header fields exactly as written */
    char *src_ports;
    RuleDirection direction;
    char *dst;
    char *dst_ports;
    NetExpr *src_expr; /* parsed address / port expressions */
    NetExpr *src_ports_expr;
    NetExpr *dst_expr;
    NetExpr *dst_ports_expr;
    int field_offset[6]; /* offsets of action, proto, src, sport, dst, dport */

    GPtrArray *options; /* RuleOption*, in order (the options live in the
                              Rule's block: never remove or free one) */
    guint64 sid;        /* 0 when missing */
    guint32 rev;
    guint32 gid;
    int priority; /* -1 when the keyword is absent */
    char *msg;    /* unescaped msg, NULL when absent */

    RuleSigType sig_type; /* Suricata 7 signature type (rule_classify) */
    RuleScope scope;      /* action scope of sig_type */

    struct RuleGroup *group; /* borrowed; NULL until added to a group */
    int index;               /* position in its group (0-based), -1 if none */
    GStringChunk *strings;   /* while parsing: every string above and the options';
                              NULL in a parsed Rule (its strings follow it) */
} Rule;

/* A reason a rule was not accepted. */
typedef struct {
    const char *check; /* "syntax", "unknown-keyword", "invalid-option", ... */
    int offset;        /* byte offset into the rule text, -1 if none */
    char *message;
} RuleDiag;

/* Parse one rule (a single logical line, no leading '#').  On success returns
 * a new Rule (caller frees with rule_free) whose loc is copied from `loc`.
 * On failure returns NULL and fills `diag` (caller frees diag->message). */
Rule *rule_parse(const char *text, const SourceLoc *loc, RuleDiag *diag);
/* The same with options (NULL = defaults: the NFW engine).  When Suricata
 * would skip an accepted rule (RULE_F_SKIPPED), `diag` says why (check
 * "rule-skipped"; caller frees diag->message). */
Rule *rule_parse_with(const char *text, const SourceLoc *loc, const RuleParseOptions *opts,
                      RuleDiag *diag);

void rule_free(Rule *rule);
void rule_diag_clear(RuleDiag *diag);

const char *rule_action_name(RuleAction action);
gboolean rule_action_from_string(const char *s, RuleAction *out);
/* pass, drop, reject* decide a packet; alert and config do not. */
gboolean rule_action_is_terminal(RuleAction action);

/* The first option with this keyword (aliases count), or NULL. */
const RuleOption *rule_find_option(const Rule *rule, const char *keyword);

/* Priority of a classtype from Suricata 7's classification.config, -1 if
 * the classtype is unknown. */
int rule_classtype_priority(const char *classtype);

/* A variable's value in Suricata syntax ("[10.0.0.0/8]"), or NULL when
 * undefined. */
typedef const char *(*RuleVarLookup)(const char *name, gpointer data);

/* Compute rule->sig_type and rule->scope (rule_sig.c).  rule_parse
 * does it with lookup NULL ($EXTERNAL_NET counts as negated, as Suricata's
 * and Network Firewall's default "!$HOME_NET"; other variables as not);
 * src/policy calls it again with the policy's variables. */
void rule_classify(Rule *rule, RuleVarLookup lookup, gpointer data);

RuleScope rule_sig_type_scope(RuleSigType type);
/* Suricata's names: "ip_only", ..., "app_tx"; and "packet", "flow",
 * "flow_if_stream". */
const char *rule_sig_type_name(RuleSigType type);
gboolean rule_sig_type_from_string(const char *s, RuleSigType *out);
const char *rule_scope_name(RuleScope scope);

/* A content value as written between its quotes (|hex|, \; \" \: \\)
 * appended to `out` as bytes; the length, or -1 with *error (caller frees)
 * when Suricata 7 would reject it. */
int rule_content_decode(const char *value, GByteArray *out, char **error);

/* The column (1-based) of a byte offset in rule->text, for diagnostics. */
int rule_column_of(const Rule *rule, int offset);

#endif
