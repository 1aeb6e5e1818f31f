/*
 * rule_sig.c - each accepted rule's Suricata 7 signature type and action
 * scope (rule.h: RuleSigType, RuleScope), computed exactly as Suricata
 * 7.0.x does.
 *
 * Source of truth, OISF/suricata tag suricata-7.0.10:
 *  - SignatureSetType() and SignatureIsPDOnly / SignatureIsIPOnly /
 *    SignatureIsDEOnly in src/detect-engine-build.c decide the type from
 *    what the parse left in the signature: the app-layer protocol
 *    (s->alproto), the packet match list (DETECT_SM_LIST_MATCH), the
 *    payload list (PMATCH), the post-match list, the buffers (sticky
 *    buffers and app-layer keyword lists, each an app, packet or frame
 *    engine), the direction flags and SIG_FLAG_APPLAYER /
 *    SIG_FLAG_REQUIRE_PACKET / SIG_FLAG_REQUIRE_STREAM.
 *  - signature_properties[] in src/detect-engine.c maps the type to the
 *    action scope: ip_only, like_ip_only, pd_only, app_layer, app_tx act on
 *    the flow; pkt and de_only on the packet; pkt_stream and stream on the
 *    flow only when the match was in the stream or app state
 *    (FlowApplySignatureActions, src/detect-engine-alert.c).
 *
 * Design: this file replays the option list of a parsed Rule the way
 * Suricata's keyword Setup functions fill those lists, and then runs the
 * decision of SignatureSetType() unchanged.  Where each keyword puts its
 * match is one table (sig_keywords[]); it was read in the keywords' Setup
 * functions (src/detect-*.c) and confirmed per keyword with
 * `suricata --engine-analysis` (rules.json "lists", "engines",
 * "pkt_engines", "frame_engines" and "flags") on one probe rule per keyword
 * (tests/rules/probe_sig_keywords.py re-derives it).  Keywords not in the
 * table fall back on their KW_F_* flags (keywords.h): sticky buffers are app
 * buffers, app-layer keywords add to an app list, payload keywords go to the
 * current buffer, other keywords add a packet match.  The table is kept
 * apart from keywords_table.c because it mirrors a different Suricata
 * structure (the match lists, not the keyword registry).
 *
 * Variables: a rule is like_ip_only when an address contains a negation
 * after variable expansion (DetectAddressParse: a non-empty negated list).
 * At parse time variables are unknown, so $EXTERNAL_NET counts as negated
 * (Suricata's and Network Firewall's default, "!$HOME_NET") and other
 * variables and IP set references as not negated; src/policy calls
 * rule_classify() again with the policy's own values once they are known.
 */
#include <string.h>

#include "rules/keywords.h"
#include "rules/rule.h"

/* Where a keyword's match goes (the lists of Suricata's Signature). */
typedef enum {
    SK_NONE,       /* no match: meta keywords, modifiers, transforms, tag, threshold */
    SK_MATCH,      /* DETECT_SM_LIST_MATCH, not ip-only compatible */
    SK_MATCH_PKT,  /* MATCH and SIG_FLAG_REQUIRE_PACKET (ttl, dsize, itype ...) */
    SK_MATCH_IPC,  /* MATCH with SIGMATCH_IPONLY_COMPAT (iprep) */
    SK_NEED_PKT,   /* no match, SIG_FLAG_REQUIRE_PACKET (ip_proto) */
    SK_POST,       /* DETECT_SM_LIST_POSTMATCH, not ip-only compatible */
    SK_PAYLOAD,    /* content, pcre, byte_*: the current buffer, else PMATCH */
    SK_DEPTH,      /* depth, offset, startswith: DETECT_CONTENT_DEPTH/OFFSET */
    SK_APP_LIST,   /* its own app-layer list (ssl_state, urilen, filename ...) */
    SK_PKT_BUF,    /* sticky packet buffer (tcp.hdr, ipv4.hdr ...) */
    SK_APP_BUF,    /* sticky app-layer buffer (tls.sni, http.uri, file.data ...) */
    SK_LEGACY,     /* content modifier that moves the last content (http_uri) */
    SK_URICONTENT, /* content straight into http_uri */
    SK_PKT_DATA,   /* back to the payload */
    SK_BASE64,     /* base64_data: the BASE64_DATA list, outside every type test */
    SK_FRAME,      /* frame: a frame buffer */
    SK_FLOW,
    SK_FLOWBITS,
    SK_BITS, /* hostbits, xbits: ip-only compatible in MATCH and POSTMATCH */
    SK_FLOWINT,
    SK_DECODE_EVENT,
    SK_APP_PROTO,     /* app-layer-protocol */
    SK_APP_EVENT,     /* app-layer-event */
    SK_APP_POST,      /* config: POSTMATCH and SIG_FLAG_APPLAYER */
    SK_APP_POST_ALPR, /* tls.store: POSTMATCH, SIG_FLAG_APPLAYER, alproto tls */
} SigKind;

typedef struct {
    const char *name; /* canonical keyword name */
    SigKind kind;
} SigKeyword;

/* Confirmed by --engine-analysis on Suricata 7.0.10 unless marked (source):
 * those keywords do not load in the default configuration. */
static const SigKeyword sig_keywords[] = {
    { "sid", SK_NONE },
    { "rev", SK_NONE },
    { "gid", SK_NONE },
    { "msg", SK_NONE },
    { "priority", SK_NONE },
    { "classtype", SK_NONE },
    { "reference", SK_NONE },
    { "metadata", SK_NONE },
    { "target", SK_NONE },
    { "requires", SK_NONE },
    { "noalert", SK_NONE },
    { "alert", SK_NONE },
    { "tag", SK_NONE },              /* TMATCH list: ignored by every type test */
    { "threshold", SK_NONE },        /* THRESHOLD list */
    { "detection_filter", SK_NONE }, /* THRESHOLD list */
    { "l3_proto", SK_NONE },
    { "fast_pattern", SK_NONE },
    { "prefilter", SK_NONE },
    { "nocase", SK_NONE },
    { "distance", SK_NONE },
    { "within", SK_NONE },
    { "endswith", SK_NONE },
    { "rawbytes", SK_NONE },
    { "depth", SK_DEPTH },
    { "offset", SK_DEPTH },
    { "startswith", SK_DEPTH }, /* sets a depth */
    /* DetectReplaceSetup ignores replace outside the NFQ and IPFW run modes
     * (engine analysis, pcap, AF_PACKET); there it is a packet post-match. */
    { "replace", SK_NONE },
    { "ip_proto", SK_NEED_PKT },
    { "tcp.ack", SK_MATCH_PKT },
    { "tcp.seq", SK_MATCH_PKT },
    { "tcp.window", SK_MATCH_PKT },
    { "tcp.flags", SK_MATCH_PKT },
    { "tcp.mss", SK_MATCH_PKT },
    { "ipopts", SK_MATCH_PKT },
    { "fragbits", SK_MATCH_PKT },
    { "fragoffset", SK_MATCH_PKT },
    { "ttl", SK_MATCH_PKT },
    { "tos", SK_MATCH_PKT },
    { "itype", SK_MATCH_PKT },
    { "icode", SK_MATCH_PKT },
    { "icmp_id", SK_MATCH_PKT },
    { "icmpv6.mtu", SK_MATCH_PKT },
    { "dsize", SK_MATCH_PKT },
    { "sameip", SK_MATCH_PKT },
    { "id", SK_MATCH_PKT },
    { "rpc", SK_MATCH_PKT },
    { "flow.age", SK_MATCH_PKT },
    { "template2", SK_MATCH_PKT },
    { "geoip", SK_MATCH_PKT }, /* source: detect-geoip.c */
    { "icmp_seq", SK_MATCH },
    { "stream_size", SK_MATCH },
    { "asn1", SK_MATCH },
    { "flowvar", SK_MATCH },
    { "pktvar", SK_MATCH },
    { "stream-event", SK_MATCH },
    { "engine-event", SK_MATCH }, /* source: detect-engine-event.c */
    { "ipv4-csum", SK_MATCH },
    { "tcpv4-csum", SK_MATCH },
    { "tcpv6-csum", SK_MATCH },
    { "udpv4-csum", SK_MATCH },
    { "udpv6-csum", SK_MATCH },
    { "icmpv4-csum", SK_MATCH },
    { "icmpv6-csum", SK_MATCH },
    { "iprep", SK_MATCH_IPC }, /* source: detect-iprep.c */
    { "bypass", SK_POST },
    { "nfq_set_mark", SK_POST },
    { "content", SK_PAYLOAD },
    { "pcre", SK_PAYLOAD },
    { "byte_test", SK_PAYLOAD },
    { "byte_jump", SK_PAYLOAD },
    { "byte_math", SK_PAYLOAD },
    { "byte_extract", SK_PAYLOAD },
    { "isdataat", SK_PAYLOAD },
    { "base64_decode", SK_PAYLOAD },
    { "bsize", SK_PAYLOAD },
    { "dataset", SK_PAYLOAD }, /* source: detect-dataset.c (current buffer) */
    { "datarep", SK_PAYLOAD }, /* source: detect-datarep.c */
    { "uricontent", SK_URICONTENT },
    { "pkt_data", SK_PKT_DATA },
    { "base64_data", SK_BASE64 },
    { "frame", SK_FRAME },
    { "tcp.hdr", SK_PKT_BUF },
    { "udp.hdr", SK_PKT_BUF },
    { "ipv4.hdr", SK_PKT_BUF },
    { "ipv6.hdr", SK_PKT_BUF },
    { "icmpv4.hdr", SK_PKT_BUF },
    { "icmpv6.hdr", SK_PKT_BUF },
    { "ip.src", SK_PKT_BUF },
    { "ip.dst", SK_PKT_BUF },
    { "flow", SK_FLOW },
    { "flowbits", SK_FLOWBITS },
    { "hostbits", SK_BITS },
    { "xbits", SK_BITS },
    { "flowint", SK_FLOWINT },
    { "decode-event", SK_DECODE_EVENT },
    { "app-layer-protocol", SK_APP_PROTO },
    { "app-layer-event", SK_APP_EVENT },
    { "config", SK_APP_POST },
    { "tls_store", SK_APP_POST_ALPR },
    /* File keywords: the files / file.name / file.magic lists. */
    { "filename", SK_APP_LIST },
    { "fileext", SK_APP_LIST },
    { "filemagic", SK_APP_LIST },
    { "filesize", SK_APP_LIST },
    { "filestore", SK_APP_LIST },
    { "filemd5", SK_APP_LIST },    /* source: detect-filemd5.c */
    { "filesha1", SK_APP_LIST },   /* source */
    { "filesha256", SK_APP_LIST }, /* source */
    /* ICS keywords (detection disabled by default): app lists (source). */
    { "modbus", SK_APP_LIST },
    { "dnp3_func", SK_APP_LIST },
    { "dnp3_ind", SK_APP_LIST },
    { "dnp3_obj", SK_APP_LIST },
    { "enip_command", SK_APP_LIST },
    { "cip_service", SK_APP_LIST },
};

static GHashTable *
sig_keyword_index(void)
{
    static gsize once = 0;
    static GHashTable *index = NULL;
    if (g_once_init_enter(&once)) {
        GHashTable *h = g_hash_table_new(g_str_hash, g_str_equal);
        for (gsize i = 0; i < G_N_ELEMENTS(sig_keywords); i++)
            g_hash_table_insert(h, (gpointer)sig_keywords[i].name, (gpointer)&sig_keywords[i]);
        index = h;
        g_once_init_leave(&once, 1);
    }
    return index;
}

static SigKind
sig_kind_of(const RuleOption *opt)
{
    const KeywordInfo *kw = opt->kw;
    const char *name = kw != NULL ? kw->canonical : opt->name;
    const SigKeyword *entry = g_hash_table_lookup(sig_keyword_index(), name);
    if (entry != NULL)
        return entry->kind;
    if (kw == NULL)
        return SK_MATCH;
    if (kw->flags & KW_F_STICKY)
        return SK_APP_BUF;
    if ((kw->flags & KW_F_CONTENT_MOD) && (kw->flags & KW_F_APP_LAYER))
        return SK_LEGACY;
    if (kw->flags & (KW_F_CONTENT_MOD | KW_F_TRANSFORM | KW_F_META))
        return SK_NONE;
    if (kw->flags & KW_F_PAYLOAD)
        return SK_PAYLOAD;
    if ((kw->flags & KW_F_APP_LAYER) || kw->alproto != NULL)
        return SK_APP_LIST;
    return SK_MATCH;
}

/* Header protocols whose signature covers IPPROTO_TCP (s->proto after
 * SigParseProto and AppLayerProtoDetectSupportedIpprotos): the PMATCH
 * corner case in SigValidate() then makes payload rules stream rules.
 * Confirmed by --engine-analysis: udp-only app protocols give pkt_stream. */
static gboolean
proto_has_tcp(const char *proto)
{
    static const char *const no_tcp[] = {
        "udp",  "icmp", "icmpv4", "icmpv6", "sctp",           "ntp", "tftp", "ike",
        "quic", "dhcp", "snmp",   "sip",    "bittorrent-dht", NULL,
    };
    for (int i = 0; no_tcp[i] != NULL; i++)
        if (strcmp(proto, no_tcp[i]) == 0)
            return FALSE;
    return TRUE;
}

static gboolean
proto_is_app_layer(const Rule *rule)
{
    static const char *const packet[] = {
        "ip",     "ipv4",   "ip4",  "ipv6",    "ip6",        "tcp",    "udp", "icmp",
        "icmpv4", "icmpv6", "sctp", "tcp-pkt", "tcp-stream", "pkthdr", NULL,
    };
    for (int i = 0; packet[i] != NULL; i++)
        if (strcmp(rule->proto, packet[i]) == 0)
            return FALSE;
    return TRUE;
}

/* The first comma-separated token of a value, trimmed, in `out`. */
static void
first_token(const char *value, char *out, gsize size)
{
    out[0] = '\0';
    if (value == NULL)
        return;
    while (*value == ' ' || *value == '\t')
        value++;
    gsize n = 0;
    while (value[n] != '\0' && value[n] != ',' && value[n] != ' ' && value[n] != '\t' &&
           n + 1 < size) {
        out[n] = value[n];
        n++;
    }
    out[n] = '\0';
}

/* A pcre whose modifiers select an HTTP buffer (/U, /H ...) goes to that
 * app-layer buffer, not to the payload (detect-pcre.c). */
static gboolean
pcre_selects_buffer(const char *value)
{
    if (value == NULL)
        return FALSE;
    const char *end = value + strlen(value);
    while (end > value && (end[-1] == '"' || end[-1] == ' '))
        end--;
    const char *slash = NULL;
    for (const char *p = end; p > value; p--)
        if (p[-1] == '/') {
            slash = p - 1;
            break;
        }
    if (slash == NULL)
        return FALSE;
    for (const char *f = slash + 1; f < end; f++)
        if (strchr("UIPQHDMCSYVWZ", *f) != NULL)
            return TRUE;
    return FALSE;
}

/* Negation inside an address after variable expansion. */
static gboolean expr_has_negation(const NetExpr *e, RuleVarLookup lookup, gpointer data, int depth);

static gboolean
var_has_negation(const char *name, RuleVarLookup lookup, gpointer data, int depth)
{
    if (lookup == NULL)
        return strcmp(name, "EXTERNAL_NET") == 0;
    const char *value = lookup(name, data);
    if (value == NULL || depth > 64)
        return strcmp(name, "EXTERNAL_NET") == 0;
    char *error = NULL;
    int error_offset = 0;
    NetExpr *e = netexpr_parse_address(value, &error, &error_offset);
    g_free(error);
    if (e == NULL)
        return FALSE;
    gboolean neg = expr_has_negation(e, lookup, data, depth + 1);
    netexpr_free(e);
    return neg;
}

static gboolean
expr_has_negation(const NetExpr *e, RuleVarLookup lookup, gpointer data, int depth)
{
    if (e == NULL)
        return FALSE;
    if (e->negated)
        return TRUE;
    switch (e->kind) {
    case NETEXPR_VAR: return var_has_negation(e->name, lookup, data, depth);
    case NETEXPR_GROUP:
        for (guint i = 0; e->items != NULL && i < e->items->len; i++)
            if (expr_has_negation(g_ptr_array_index(e->items, i), lookup, data, depth))
                return TRUE;
        return FALSE;
    default: return FALSE;
    }
}

/* What the option replay collects: Suricata's Signature lists. */
typedef struct {
    gboolean alproto;        /* s->alproto != ALPROTO_UNKNOWN */
    gboolean applayer;       /* SIG_FLAG_APPLAYER */
    gboolean need_packet;    /* SIG_FLAG_REQUIRE_PACKET */
    gboolean need_stream;    /* SIG_FLAG_REQUIRE_STREAM */
    guint dir;               /* RULE_FLOW_TO_SERVER / _TO_CLIENT from flow: */
    int match;               /* entries of the MATCH list */
    int match_not_iponly;    /* ... without SIGMATCH_IPONLY_COMPAT or with a flowbits check */
    int match_not_pdonly;    /* ... that SignatureIsPDOnly refuses */
    int match_not_deonly;    /* ... that are not decode-event */
    gboolean pd;             /* app-layer-protocol in MATCH */
    gboolean decode_event;   /* decode-event in MATCH */
    int post_not_iponly;     /* POSTMATCH entries SignatureIsIPOnly refuses */
    GArray *pmatch;          /* gboolean per PMATCH entry: a content with depth/offset */
    int pmatch_last_content; /* index of the last content in pmatch, -1 if none */
    gboolean buf_app, buf_pkt, buf_frame;
} SigLists;

typedef enum { BUF_PAYLOAD, BUF_APP, BUF_PKT, BUF_FRAME, BUF_OTHER } BufKind;

static void
lists_add_to(SigLists *l, BufKind cur, gboolean is_content)
{
    switch (cur) {
    case BUF_PAYLOAD: {
        gboolean depth = FALSE;
        g_array_append_val(l->pmatch, depth);
        l->pmatch_last_content = is_content ? (int)l->pmatch->len - 1 : l->pmatch_last_content;
        break;
    }
    case BUF_APP: l->buf_app = TRUE; break;
    case BUF_PKT: l->buf_pkt = TRUE; break;
    case BUF_FRAME: l->buf_frame = TRUE; break;
    case BUF_OTHER: break;
    }
}

static void
lists_add_match(SigLists *l, gboolean iponly_compat, gboolean pdonly_compat)
{
    l->match++;
    if (!iponly_compat)
        l->match_not_iponly++;
    if (!pdonly_compat)
        l->match_not_pdonly++;
    l->match_not_deonly++;
}

static void
lists_collect(const Rule *rule, SigLists *l)
{
    BufKind cur = BUF_PAYLOAD;
    char tok[32];
    for (guint i = 0; i < rule->options->len; i++) {
        const RuleOption *opt = g_ptr_array_index(rule->options, i);
        if (opt->kw != NULL && opt->kw->alproto != NULL)
            l->alproto = l->applayer = TRUE;
        switch (sig_kind_of(opt)) {
        case SK_NONE: break;
        case SK_MATCH: lists_add_match(l, FALSE, FALSE); break;
        case SK_MATCH_PKT:
            lists_add_match(l, FALSE, FALSE);
            l->need_packet = TRUE;
            break;
        case SK_MATCH_IPC: lists_add_match(l, TRUE, TRUE); break;
        case SK_NEED_PKT: l->need_packet = TRUE; break;
        case SK_POST: l->post_not_iponly++; break;
        case SK_PAYLOAD:
            if (cur == BUF_PAYLOAD && opt->kw != NULL && strcmp(opt->kw->canonical, "pcre") == 0 &&
                pcre_selects_buffer(opt->value)) {
                l->buf_app = TRUE;
                l->alproto = l->applayer = TRUE;
                break;
            }
            lists_add_to(l, cur, opt->kw != NULL && strcmp(opt->kw->canonical, "content") == 0);
            break;
        case SK_DEPTH:
            if (cur == BUF_PAYLOAD && l->pmatch_last_content >= 0)
                g_array_index(l->pmatch, gboolean, l->pmatch_last_content) = TRUE;
            break;
        case SK_APP_LIST: l->buf_app = TRUE; break;
        case SK_PKT_BUF:
            cur = BUF_PKT;
            l->need_packet = TRUE;
            break;
        case SK_APP_BUF: cur = BUF_APP; break;
        case SK_FRAME:
            cur = BUF_FRAME;
            l->buf_frame = TRUE;
            l->applayer = TRUE;
            break;
        case SK_PKT_DATA: cur = BUF_PAYLOAD; break;
        case SK_BASE64: cur = BUF_OTHER; break;
        case SK_LEGACY:
            /* The last content of the payload moves into the buffer. */
            if (l->pmatch_last_content >= 0) {
                g_array_remove_index(l->pmatch, (guint)l->pmatch_last_content);
                l->pmatch_last_content = -1;
            }
            l->buf_app = TRUE;
            break;
        case SK_URICONTENT: l->buf_app = TRUE; break;
        case SK_FLOW: {
            /* Suricata refuses a second flow option: Rule.flow is this one. */
            guint f = rule->flow;
            l->dir |= f & (RULE_FLOW_TO_SERVER | RULE_FLOW_TO_CLIENT);
            if (f & RULE_FLOW_ONLY_STREAM)
                l->need_stream = TRUE;
            if (f & RULE_FLOW_NO_STREAM)
                l->need_packet = TRUE;
            /* DetectFlowSetup: a direction alone adds no match. */
            if ((f & RULE_FLOW_NO_STREAM) || (f != RULE_FLOW_TO_SERVER && f != RULE_FLOW_TO_CLIENT))
                lists_add_match(l, FALSE, FALSE);
            break;
        }
        case SK_FLOWBITS:
            first_token(opt->value, tok, sizeof tok);
            if (strcmp(tok, "isset") == 0 || strcmp(tok, "isnotset") == 0)
                lists_add_match(l, FALSE, FALSE); /* compat, but only "set" passes */
            else if (strcmp(tok, "unset") == 0 || strcmp(tok, "toggle") == 0)
                l->post_not_iponly++;
            /* set: POSTMATCH, ip-only compatible; noalert: no match */
            break;
        case SK_BITS:
            first_token(opt->value, tok, sizeof tok);
            if (strcmp(tok, "isset") == 0 || strcmp(tok, "isnotset") == 0)
                lists_add_match(l, TRUE, TRUE);
            break;
        case SK_FLOWINT: {
            /* set / add / sub ("=", "+", "-") are post-match modifiers. */
            char **parts = g_strsplit(opt->value ? opt->value : "", ",", 3);
            const char *op = parts[0] && parts[1] ? g_strstrip(parts[1]) : "";
            if (strcmp(op, "=") == 0 || strcmp(op, "+") == 0 || strcmp(op, "-") == 0)
                l->post_not_iponly++;
            else
                lists_add_match(l, FALSE, FALSE);
            g_strfreev(parts);
            break;
        }
        case SK_DECODE_EVENT:
            l->match++;
            l->match_not_iponly++;
            l->match_not_pdonly++;
            l->decode_event = TRUE;
            break;
        case SK_APP_PROTO:
            l->match++;
            l->match_not_iponly++;
            l->match_not_deonly++;
            l->pd = TRUE;
            break;
        case SK_APP_EVENT:
            /* DetectAppLayerEventSetup: a name without '.' is a packet
             * event (applayer_mismatch_...: MATCH); "proto.event" goes to
             * the app-layer events list and sets the protocol. */
            if (opt->value == NULL || strchr(opt->value, '.') == NULL) {
                lists_add_match(l, FALSE, FALSE);
            } else {
                l->buf_app = TRUE;
                l->alproto = l->applayer = TRUE;
            }
            break;
        case SK_APP_POST:
            l->post_not_iponly++;
            l->applayer = TRUE;
            break;
        case SK_APP_POST_ALPR:
            l->post_not_iponly++;
            l->applayer = l->alproto = TRUE;
            break;
        }
    }
}

static RuleSigType
sig_type_decide(const Rule *rule, const SigLists *l, gboolean negation)
{
    gboolean buffers = l->buf_app || l->buf_pkt || l->buf_frame;
    gboolean pmatch = l->pmatch->len > 0;
    guint dir = l->dir & (RULE_FLOW_TO_SERVER | RULE_FLOW_TO_CLIENT);

    /* SignatureIsPDOnly */
    if (!l->alproto && !pmatch && !buffers && l->match > 0 && l->match_not_pdonly == 0 && l->pd)
        return RULE_SIG_PDONLY;
    /* SignatureIsIPOnly */
    if (!l->alproto && !pmatch && !l->applayer &&
        (dir == 0 || dir == (RULE_FLOW_TO_SERVER | RULE_FLOW_TO_CLIENT)) && !buffers &&
        l->match_not_iponly == 0 && l->post_not_iponly == 0)
        return negation ? RULE_SIG_LIKE_IPONLY : RULE_SIG_IPONLY;
    /* SignatureIsDEOnly */
    if (!l->alproto && !pmatch && !buffers && l->match_not_deonly == 0 && l->decode_event)
        return RULE_SIG_DEONLY;

    if (l->buf_pkt)
        return RULE_SIG_PKT;
    if (l->buf_frame || l->buf_app)
        return RULE_SIG_APP_TX;
    if (pmatch) {
        gboolean need_packet = l->need_packet || strcmp(rule->proto, "tcp-pkt") == 0;
        gboolean need_stream = l->need_stream || strcmp(rule->proto, "tcp-stream") == 0;
        /* SigValidate: TCP payload rules without either flag inspect the
         * stream, and the packets too when a content has depth/offset or
         * stream_size is used. */
        if (!need_packet && !need_stream && proto_has_tcp(rule->proto)) {
            need_stream = TRUE;
            for (guint i = 0; i < l->pmatch->len; i++)
                if (g_array_index(l->pmatch, gboolean, i))
                    need_packet = TRUE;
            for (guint i = 0; i < rule->options->len; i++) {
                const RuleOption *opt = g_ptr_array_index(rule->options, i);
                if (opt->kw != NULL && strcmp(opt->kw->canonical, "stream_size") == 0)
                    need_packet = TRUE;
            }
        }
        if (need_packet && !need_stream)
            return RULE_SIG_PKT;
        if (need_stream && !need_packet)
            return RULE_SIG_STREAM;
        return RULE_SIG_PKT_STREAM;
    }
    if (l->match > 0)
        return RULE_SIG_PKT;
    if (l->applayer)
        return RULE_SIG_APPLAYER;
    return RULE_SIG_PKT;
}

void
rule_classify(Rule *rule, RuleVarLookup lookup, gpointer data)
{
    SigLists l = { 0 };
    l.pmatch = g_array_new(FALSE, FALSE, sizeof(gboolean));
    l.pmatch_last_content = -1;
    if (proto_is_app_layer(rule))
        l.alproto = l.applayer = TRUE;
    lists_collect(rule, &l);
    gboolean negation = expr_has_negation(rule->src_expr, lookup, data, 0) ||
                        expr_has_negation(rule->dst_expr, lookup, data, 0);
    rule->sig_type = sig_type_decide(rule, &l, negation);
    rule->scope = rule_sig_type_scope(rule->sig_type);
    g_array_free(l.pmatch, TRUE);
}

RuleScope
rule_sig_type_scope(RuleSigType type)
{
    switch (type) {
    case RULE_SIG_IPONLY:
    case RULE_SIG_LIKE_IPONLY:
    case RULE_SIG_PDONLY:
    case RULE_SIG_APPLAYER:
    case RULE_SIG_APP_TX: return RULE_SCOPE_FLOW;
    case RULE_SIG_PKT_STREAM:
    case RULE_SIG_STREAM: return RULE_SCOPE_FLOW_IF_STREAM;
    case RULE_SIG_DEONLY:
    case RULE_SIG_PKT:
    default: return RULE_SCOPE_PACKET;
    }
}

static const char *const sig_type_names[] = {
    [RULE_SIG_IPONLY] = "ip_only", [RULE_SIG_LIKE_IPONLY] = "like_ip_only",
    [RULE_SIG_PDONLY] = "pd_only", [RULE_SIG_DEONLY] = "de_only",
    [RULE_SIG_PKT] = "pkt",        [RULE_SIG_PKT_STREAM] = "pkt_stream",
    [RULE_SIG_STREAM] = "stream",  [RULE_SIG_APPLAYER] = "app_layer",
    [RULE_SIG_APP_TX] = "app_tx",
};

const char *
rule_sig_type_name(RuleSigType type)
{
    return (guint)type < G_N_ELEMENTS(sig_type_names) ? sig_type_names[type] : "?";
}

gboolean
rule_sig_type_from_string(const char *s, RuleSigType *out)
{
    for (guint i = 0; i < G_N_ELEMENTS(sig_type_names); i++)
        if (s != NULL && strcmp(s, sig_type_names[i]) == 0) {
            *out = (RuleSigType)i;
            return TRUE;
        }
    return FALSE;
}

const char *
rule_scope_name(RuleScope scope)
{
    switch (scope) {
    case RULE_SCOPE_PACKET: return "packet";
    case RULE_SCOPE_FLOW: return "flow";
    case RULE_SCOPE_FLOW_IF_STREAM: return "flow_if_stream";
    }
    return "?";
}
