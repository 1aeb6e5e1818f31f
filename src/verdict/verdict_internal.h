/*
 * verdict_internal.h - what src/verdict's files share: the compiled form of
 * a rule (VRule), of a flow's packet classes (VPacket), and the matcher.
 * Internal to src/verdict; other parts include verdict.h.
 *
 * A VRule is a rule reduced to what decides whether it matches one packet
 * of a flow: the header as sets, the flow keyword as bits, and its options
 * as a list of conditions on known buffers.  Anything the logs can never
 * tell (payload bytes, a TLS certificate field, byte_test, thresholds) is
 * kept as `unknown_reason`: such a rule can only "maybe" match a packet its
 * known conditions allow.
 */
#ifndef NFW_VERDICT_INTERNAL_H
#define NFW_VERDICT_INTERNAL_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "verdict/verdict.h"
#include "rules/rules.h"

typedef enum {
    VTRI_NO = 0,
    VTRI_YES = 1,
    VTRI_MAYBE = 2,
} VTri;

/* Buffers the logs can fill; VBUF_NONE is "not in any log". */
typedef enum {
    VBUF_TLS_SNI,
    VBUF_HTTP_HOST,
    VBUF_HTTP_URI,     /* normalised URI: known only when the logged url
                          needs no normalisation */
    VBUF_HTTP_URI_RAW, /* the url as sent */
    VBUF_HTTP_UA,
    VBUF_HTTP_METHOD,
    VBUF_DNS_QUERY,
    VBUF_SSH_PROTO, /* the client's: what a to_server packet inspects */
    VBUF_SSH_SOFTWARE,
    VBUF_N,
    VBUF_NONE = VBUF_N,
} VBuf;

enum {
    VXF_DOTPREFIX = 1 << 0,
    VXF_LOWER = 1 << 1,
    VXF_STRIP_WS = 1 << 2,
    VXF_COMPRESS_WS = 1 << 3,
};

typedef enum {
    VOP_CONTENT,
    VOP_PCRE,
    VOP_BSIZE,
    VOP_ISDATAAT,
} VOpKind;

typedef enum {
    VCMP_EQ,
    VCMP_NE,
    VCMP_LT,
    VCMP_LE,
    VCMP_GT,
    VCMP_GE,
    VCMP_RANGE, /* lo < x < hi, Suricata's "lo<>hi" */
} VCmp;

typedef struct {
    VOpKind kind;
    /* content */
    guint8 *pat;
    gsize len;
    gboolean nocase, negated, endswith;
    gboolean has_offset, has_depth, has_distance, has_within;
    gint64 offset, depth, distance, within;
    /* pcre */
    pcre2_code *re;
    gboolean relative; /* pcre R, isdataat relative */
    /* bsize, isdataat */
    VCmp cmp;
    guint64 lo, hi;
} VOp;

typedef struct {
    VBuf buf;
    guint transforms; /* VXF_* */
    GArray *ops;      /* VOp */
} VBufList;


typedef enum {
    VPROTO_IP, /* ip / any: every packet */
    VPROTO_TCP,
    VPROTO_UDP,
    VPROTO_ICMP, /* icmpv4 */
    VPROTO_ICMP6,
    VPROTO_ICMP_ANY,   /* icmp: both versions */
    VPROTO_TCP_OR_UDP, /* an app protocol that runs over both (dns) */
} VProto;

typedef enum {
    VBITS_SET,
    VBITS_UNSET,
    VBITS_TOGGLE,
    VBITS_ISSET,
    VBITS_ISNOTSET,
} VBitsCmd;

typedef struct {
    VBitsCmd cmd;
    GPtrArray *names; /* char*; "a|b" for isset means any, "a&b" all */
    gboolean any;     /* names joined by | */
} VBitsOp;

typedef struct {
    const Rule *rule;
    guint position;        /* index in eval_order */
    RuleAction action;     /* effective (DROP_TO_ALERT groups alert) */
    gboolean terminal;     /* pass, drop, reject */
    gboolean drops;        /* drop, reject */
    gboolean logs;         /* alerts when it matches (drop/alert unless noalert;
                          pass only with the alert keyword) */
    gboolean flow_scope;   /* a decision covers the rest of the flow */
    gboolean first_packet; /* ip-only: looked at on each direction's first packet */
    gboolean per_tx;       /* app-tx: matched once, on the packet of its transaction */
    VProto proto;
    char *alproto; /* owned: app protocol of the header or the buffers, NULL */
    const NetSet *src, *dst, *sport, *dport; /* NULL: unknown (borrowed from the engine) */
    gboolean bidir;
    guint flow;             /* RULE_FLOW_* that decide a match (from Rule.flow) */
    GArray *ip_protos;      /* gint: ip_proto values; negative -v-1 = !v */
    GPtrArray *buffers;     /* VBufList* */
    gboolean response_side; /* inspects the server's side (ssl_state server_hello, ...) */
    guint ssl_state;        /* SSL_* bits, 0 when absent */
    gboolean ssl_state_negated;
    char *app_layer_protocol; /* app-layer-protocol value, NULL when absent */
    gboolean app_layer_protocol_negated;
    gboolean sameip;
    gboolean has_dsize;
    VCmp dsize_cmp;
    guint64 dsize_lo, dsize_hi;
    char *tcp_flags; /* flags: value, NULL when absent */
    GArray *bits;    /* VBitsOp */
    gboolean flowbits_noalert;
    char *unknown_reason; /* owned: the first condition the logs cannot tell */
    char *summary;        /* owned: "drop tls ... sid 5" for reasons */
} VRule;

enum {
    VSSL_CLIENT_HELLO = 1 << 0,
    VSSL_SERVER_HELLO = 1 << 1,
    VSSL_CLIENT_KEYX = 1 << 2,
    VSSL_SERVER_KEYX = 1 << 3,
    VSSL_UNKNOWN = 1 << 4,
};

/* One packet class of a flow as rules see it. */
typedef struct {
    VerdictPacketClass cls;
    VTri exists;
    int dir;              /* VERDICT_TO_SERVER / VERDICT_TO_CLIENT */
    gboolean established; /* Suricata's FLOW_PKT_ESTABLISHED */
    gboolean first;       /* first packet of its direction (ip-only rules) */
    int tcp_flags;        /* the packet's flags, -1 when packets of the class differ */
    VTri payload;         /* carries payload */
    gboolean app_known;   /* the app protocol is detected by this packet */
    gboolean request;     /* the request's fields are parsed on this packet */
    gboolean response;    /* the response is parsed on this packet */
} VPacket;

/* The flow's packet classes, in order; returns how many. */
guint verdict_packets_of(const VerdictFlow *flow, VPacket out[VERDICT_PKT_N]);

typedef struct {
    GPtrArray *rules; /* VRule*, owned, in evaluation order */
    GHashTable *sets; /* owned NetSets, keyed by group and field text */
    GHashTable *var_cache;
    gboolean has_bits; /* some rule uses flowbits */
} VCompiled;

/* Compile every enabled rule of the evaluation order. */
void verdict_compile(const Policy *policy, VCompiled *out);
void verdict_compiled_clear(VCompiled *compiled);

/* The buffer's bytes for a flow (after transforms into `scratch`), or
 * FALSE when the logs do not hold it.  *absent: the field is known
 * absent (the buffer does not exist). */
gboolean verdict_buffer_value(const VerdictFlow *flow, const VBufList *list, GString *scratch,
                              gboolean *absent);

/* Match a buffer's ops against bytes: YES or NO. */
gboolean verdict_ops_match(const VBufList *list, const guint8 *buf, gsize len);

/* Header, flow keyword and options against one packet.  `scratch` is the
 * caller's buffer for transformed values; `why` (may be NULL) gets the
 * reason of a NO or MAYBE, or what matched. */
VTri verdict_rule_match(const VRule *rule, const VerdictFlow *flow, const VPacket *pkt,
                        GHashTable *bits_set, GHashTable *bits_maybe, GString *scratch,
                        GString *why);

/* The engine (verdict.h's opaque type). */
struct VerdictEngine {
    const Policy *policy;
    RuleOrder order;
    VCompiled compiled;
    GPtrArray *default_actions; /* char*, as given */
    DefaultActions defaults;    /* src/policy's model of them */
};

/* What the default actions do with one packet no rule decided. */
typedef struct {
    const char *drop_name;  /* "aws:drop_established" when it drops, else NULL */
    const char *alert_name; /* "aws:alert_established" when it alerts, else NULL */
    guint64 sid;            /* the sid its alert is logged with */
    gboolean unknown;       /* what it does depends on what the logs do not show */
    char *why;              /* owned: for traces */
} VerdictDefaultOutcome;

void verdict_default_decide(const VerdictEngine *engine, const VerdictFlow *flow,
                            const VPacket *pkt, VerdictDefaultOutcome *out);

gboolean verdict_set_contains(const NetSet *set, int family, const guint8 *addr);
gboolean verdict_ports_contain(const NetSet *set, guint32 port);

#endif
