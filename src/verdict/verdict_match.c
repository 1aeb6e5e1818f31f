/*
 * verdict_match.c - does one compiled rule match one packet class of a
 * flow: YES, NO, or MAYBE when the answer needs data the flow description
 * lacks (verdict_internal.h).
 *
 * Design decisions:
 *  - Conditions are checked cheapest first and any NO wins over a MAYBE:
 *    a rule whose header excludes the flow is determined even if it also
 *    has a payload content.
 *  - Content inspection follows Suricata 7's DetectEngineContentInspection
 *    (detect-engine-content-inspection.c): offset/depth are absolute
 *    unless the content is relative (distance/within: from the end of the
 *    previous match), endswith needs the match to end the buffer, and a
 *    relative chain backtracks: when a later op fails, the earlier content
 *    is looked for again one byte after its last match start.
 *  - A buffer the flow's logs do not hold makes the rule MAYBE; a buffer
 *    known to be absent (a ClientHello without SNI) makes it NO, since
 *    Suricata does not inspect a buffer that does not exist.
 *  - http.uri is Suricata's normalised URI; the logs hold the URI as sent,
 *    so it is known only when normalisation cannot change it (no '%', no
 *    backslash, no "//", "/./" or "/../").
 */
#include "verdict/verdict_internal.h"

#include <string.h>

/* ---- addresses and ports --------------------------------------------------- */

static NetU128
addr_value(int family, const guint8 *addr)
{
    NetU128 v = 0;
    int n = family == 6 ? 16 : 4;
    for (int i = 0; i < n; i++)
        v = v << 8 | addr[i];
    return v;
}

static gboolean
ranges_contain(const GArray *ranges, NetU128 v)
{
    guint lo = 0, hi = ranges->len;
    while (lo < hi) {
        guint mid = lo + (hi - lo) / 2;
        const NetRange *r = &g_array_index(ranges, NetRange, mid);
        if (v < r->lo)
            hi = mid;
        else if (v > r->hi)
            lo = mid + 1;
        else
            return TRUE;
    }
    return FALSE;
}

gboolean
verdict_set_contains(const NetSet *set, int family, const guint8 *addr)
{
    return ranges_contain(family == 6 ? set->v6 : set->v4, addr_value(family, addr));
}

gboolean
verdict_ports_contain(const NetSet *set, guint32 port)
{
    return ranges_contain(set->v4, port);
}

/* ---- buffers -------------------------------------------------------------- */

static gboolean
uri_needs_normalising(const char *s, gsize len)
{
    for (gsize i = 0; i < len; i++) {
        char c = s[i];
        if (c == '%' || c == '\\' || c == '\0' || (guchar)c < 0x20 || (guchar)c >= 0x7f)
            return TRUE;
        if (c == '?' || c == '#')
            break; /* the query is not normalised */
        if (c == '/' && i + 1 < len &&
            (s[i + 1] == '/' ||
             (s[i + 1] == '.' && (i + 2 == len || s[i + 2] == '/' || s[i + 2] == '?' ||
                                  (s[i + 2] == '.' && (i + 3 == len || s[i + 3] == '/'))))))
            return TRUE;
    }
    return FALSE;
}

static const VerdictValue *
buffer_field(const VerdictFlow *flow, VBuf buf)
{
    switch (buf) {
    case VBUF_TLS_SNI: return &flow->fields[VERDICT_FIELD_TLS_SNI];
    case VBUF_HTTP_HOST: return &flow->fields[VERDICT_FIELD_HTTP_HOST];
    case VBUF_HTTP_URI:
    case VBUF_HTTP_URI_RAW: return &flow->fields[VERDICT_FIELD_HTTP_URI];
    case VBUF_HTTP_UA: return &flow->fields[VERDICT_FIELD_HTTP_USER_AGENT];
    case VBUF_HTTP_METHOD: return &flow->fields[VERDICT_FIELD_HTTP_METHOD];
    case VBUF_DNS_QUERY: return &flow->fields[VERDICT_FIELD_DNS_QUERY];
    case VBUF_SSH_PROTO: return &flow->fields[VERDICT_FIELD_SSH_PROTO];
    case VBUF_SSH_SOFTWARE: return &flow->fields[VERDICT_FIELD_SSH_SOFTWARE];
    case VBUF_N: break;
    }
    return NULL;
}

gboolean
verdict_buffer_value(const VerdictFlow *flow, const VBufList *list, GString *scratch,
                     gboolean *absent)
{
    *absent = FALSE;
    const VerdictValue *v = buffer_field(flow, list->buf);
    if (v == NULL || !v->known)
        return FALSE;
    if (v->value == NULL) {
        *absent = TRUE;
        return TRUE;
    }
    if (list->buf == VBUF_HTTP_URI && uri_needs_normalising(v->value, v->len))
        return FALSE;
    g_string_truncate(scratch, 0);
    if (list->transforms & VXF_DOTPREFIX)
        g_string_append_c(scratch, '.');
    gboolean last_space = FALSE;
    for (gsize i = 0; i < v->len; i++) {
        char c = v->value[i];
        gboolean space = c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
        if (space && (list->transforms & VXF_STRIP_WS))
            continue;
        if (space && (list->transforms & VXF_COMPRESS_WS)) {
            if (last_space)
                continue;
            c = ' ';
        }
        last_space = space;
        if (list->transforms & VXF_LOWER)
            c = g_ascii_tolower(c);
        g_string_append_c(scratch, c);
    }
    return TRUE;
}

/* ---- ops ------------------------------------------------------------------ */

static gboolean
bytes_equal(const guint8 *a, const guint8 *b, gsize n, gboolean nocase)
{
    if (!nocase)
        return memcmp(a, b, n) == 0;
    for (gsize i = 0; i < n; i++)
        if (g_ascii_tolower(a[i]) != g_ascii_tolower(b[i]))
            return FALSE;
    return TRUE;
}

static gboolean
cmp_holds(VCmp cmp, guint64 lo, guint64 hi, guint64 x)
{
    switch (cmp) {
    case VCMP_EQ: return x == lo;
    case VCMP_NE: return x != lo;
    case VCMP_LT: return x < lo;
    case VCMP_LE: return x <= lo;
    case VCMP_GT: return x > lo;
    case VCMP_GE: return x >= lo;
    case VCMP_RANGE: return x > lo && x < hi;
    }
    return FALSE;
}

static gboolean ops_from(const GArray *ops, guint i, const guint8 *buf, gsize len, gsize prev);

/* One content op at ops[i], the previous match ending at `prev`. */
static gboolean
content_from(const GArray *ops, guint i, const guint8 *buf, gsize len, gsize prev)
{
    const VOp *op = &g_array_index(ops, VOp, i);
    gboolean relative = op->has_distance || op->has_within;
    gint64 offset, depth = (gint64)len;
    if (relative) {
        offset = (gint64)prev;
        gint64 distance = op->has_distance ? op->distance : 0;
        offset = distance < 0 && -distance > offset ? 0 : offset + distance;
        if (op->has_within && depth > (gint64)prev + op->within + distance)
            depth = (gint64)prev + op->within + distance;
        if (op->has_depth && op->depth + (gint64)prev < depth)
            depth = (gint64)prev + op->depth;
        if (op->has_offset && op->offset > offset)
            offset = op->offset;
    } else {
        offset = op->has_offset ? op->offset : 0;
        if (op->has_depth)
            depth = offset + op->depth;
    }
    if (depth > (gint64)len)
        depth = (gint64)len;
    if (offset > depth || depth == 0)
        return op->negated ? ops_from(ops, i + 1, buf, len, prev) : FALSE;
    if (op->endswith && depth < (gint64)len)
        return op->negated ? ops_from(ops, i + 1, buf, len, prev) : FALSE;
    gboolean next_relative = FALSE;
    if (i + 1 < ops->len) {
        const VOp *next = &g_array_index(ops, VOp, i + 1);
        next_relative = next->has_distance || next->has_within || next->relative;
    }
    for (gint64 at = offset; at + (gint64)op->len <= depth; at++) {
        if (!bytes_equal(buf + at, op->pat, op->len, op->nocase))
            continue;
        gsize end = (gsize)at + op->len;
        if (op->endswith && end != len)
            continue;
        if (op->negated)
            return FALSE;
        if (ops_from(ops, i + 1, buf, len, end))
            return TRUE;
        if (!next_relative)
            return FALSE; /* the rest does not depend on where this matched */
    }
    return op->negated ? ops_from(ops, i + 1, buf, len, prev) : FALSE;
}

static gboolean
ops_from(const GArray *ops, guint i, const guint8 *buf, gsize len, gsize prev)
{
    if (i >= ops->len)
        return TRUE;
    const VOp *op = &g_array_index(ops, VOp, i);
    switch (op->kind) {
    case VOP_CONTENT: return content_from(ops, i, buf, len, prev);
    case VOP_BSIZE:
        return cmp_holds(op->cmp, op->lo, op->hi, len) && ops_from(ops, i + 1, buf, len, prev);
    case VOP_ISDATAAT: {
        gsize base = op->relative ? prev : 0;
        gboolean has = base + op->lo < len;
        if (has == op->negated)
            return FALSE;
        return ops_from(ops, i + 1, buf, len, prev);
    }
    case VOP_PCRE: {
        pcre2_match_data *md = pcre2_match_data_create_from_pattern(op->re, NULL);
        gsize start = op->relative ? prev : 0;
        int rc = start <= len ? pcre2_match(op->re, buf, len, start, 0, md, NULL) : -1;
        gsize end = prev;
        if (rc > 0)
            end = pcre2_get_ovector_pointer(md)[1];
        pcre2_match_data_free(md);
        if ((rc > 0) == op->negated)
            return FALSE;
        return ops_from(ops, i + 1, buf, len, op->negated ? prev : end);
    }
    }
    return FALSE;
}

gboolean
verdict_ops_match(const VBufList *list, const guint8 *buf, gsize len)
{
    return ops_from(list->ops, 0, buf, len, 0);
}

/* ---- the rule ------------------------------------------------------------- */

static gboolean
alproto_equal(const char *rule_alproto, const char *flow_alproto)
{
    if (strcmp(rule_alproto, flow_alproto) == 0)
        return TRUE;
    /* Suricata's `http` is HTTP/1 and HTTP/2; EVE says "http" for HTTP/1. */
    if (strcmp(rule_alproto, "http") == 0)
        return strcmp(flow_alproto, "http2") == 0;
    if (strcmp(rule_alproto, "http1") == 0)
        return strcmp(flow_alproto, "http") == 0;
    return FALSE;
}

/* An app_proto that names a detected protocol (not unknown/failed). */
static gboolean
app_detected(const char *app_proto)
{
    return app_proto && strcmp(app_proto, "unknown") != 0 && strcmp(app_proto, "failed") != 0 &&
           app_proto[0] != '\0';
}

static gboolean
proto_matches(const VRule *r, guint8 ip_proto)
{
    switch (r->proto) {
    case VPROTO_IP: return TRUE;
    case VPROTO_TCP: return ip_proto == 6;
    case VPROTO_UDP: return ip_proto == 17;
    case VPROTO_ICMP: return ip_proto == 1;
    case VPROTO_ICMP6: return ip_proto == 58;
    case VPROTO_ICMP_ANY: return ip_proto == 1 || ip_proto == 58;
    case VPROTO_TCP_OR_UDP: return ip_proto == 6 || ip_proto == 17;
    }
    return FALSE;
}

static gboolean
ip_protos_match(const VRule *r, guint8 ip_proto)
{
    if (r->ip_protos == NULL)
        return TRUE;
    for (guint i = 0; i < r->ip_protos->len; i++) {
        gint code = g_array_index(r->ip_protos, gint, i);
        if (code >= 0 && code != ip_proto)
            return FALSE;
        if (code < 0 && -code - 1 == ip_proto)
            return FALSE;
    }
    return TRUE;
}

/* The header against one orientation: packet source `s`:`sp` to `d`:`dp`.
 * NO, YES, or MAYBE when a set is unknown. */
static VTri
header_side(const VRule *r, const VerdictFlow *f, const guint8 *s, gint32 sp, const guint8 *d,
            gint32 dp)
{
    VTri out = VTRI_YES;
    const NetSet *sets[2] = { r->src, r->dst };
    const guint8 *addrs[2] = { s, d };
    for (int k = 0; k < 2; k++) {
        if (sets[k] == NULL)
            out = VTRI_MAYBE;
        else if (!verdict_set_contains(sets[k], f->family, addrs[k]))
            return VTRI_NO;
    }
    if (f->ip_proto == 6 || f->ip_proto == 17) {
        const NetSet *ports[2] = { r->sport, r->dport };
        gint32 nums[2] = { sp, dp };
        for (int k = 0; k < 2; k++) {
            if (ports[k] == NULL)
                out = VTRI_MAYBE;
            else if (nums[k] >= 0 && !verdict_ports_contain(ports[k], (guint32)nums[k]))
                return VTRI_NO;
        }
    }
    return out;
}

static VTri
header_match(const VRule *r, const VerdictFlow *f, const VPacket *p)
{
    const guint8 *s = p->dir == VERDICT_TO_SERVER ? f->client : f->server;
    const guint8 *d = p->dir == VERDICT_TO_SERVER ? f->server : f->client;
    gint32 sp = p->dir == VERDICT_TO_SERVER ? f->client_port : f->server_port;
    gint32 dp = p->dir == VERDICT_TO_SERVER ? f->server_port : f->client_port;
    VTri fwd = header_side(r, f, s, sp, d, dp);
    if (!r->bidir || fwd == VTRI_YES)
        return fwd;
    VTri back = header_side(r, f, d, dp, s, sp);
    if (back == VTRI_YES)
        return VTRI_YES;
    return fwd == VTRI_MAYBE || back == VTRI_MAYBE ? VTRI_MAYBE : VTRI_NO;
}

/* Suricata's flags keyword: "S", "SA", "S,12" (mask), "+A", "*SA", "!R". */
static VTri
tcp_flags_match(const char *spec, int flags)
{
    if (flags < 0)
        return VTRI_MAYBE;
    const char *p = spec;
    char mode = 0;
    if (*p == '+' || *p == '*' || *p == '!' || *p == '=') {
        mode = *p;
        p++;
    }
    int want = 0, ignore = 0;
    gboolean in_mask = FALSE;
    for (; *p; p++) {
        int bit = 0;
        switch (g_ascii_toupper(*p)) {
        case 'F': bit = 0x01; break;
        case 'S': bit = 0x02; break;
        case 'R': bit = 0x04; break;
        case 'P': bit = 0x08; break;
        case 'A': bit = 0x10; break;
        case 'U': bit = 0x20; break;
        case 'E':
        case '2': bit = 0x40; break;
        case 'C':
        case '1': bit = 0x80; break;
        case '0': break;
        case ',': in_mask = TRUE; continue;
        case ' ': continue;
        default:
            if (*p == '+' || *p == '*' || *p == '!') {
                mode = *p;
                continue;
            }
            return VTRI_MAYBE;
        }
        if (in_mask)
            ignore |= bit;
        else
            want |= bit;
    }
    int f = flags & ~ignore;
    gboolean ok;
    switch (mode) {
    case '+': ok = (f & want) == want; break;
    case '*': ok = (f & want) != 0; break;
    case '!': ok = (f & want) == 0; break;
    default: ok = f == want; break;
    }
    return ok ? VTRI_YES : VTRI_NO;
}

static VTri
bits_match(const VRule *r, GHashTable *set, GHashTable *maybe, GString *why)
{
    VTri out = VTRI_YES;
    for (guint i = 0; i < r->bits->len; i++) {
        const VBitsOp *op = &g_array_index(r->bits, VBitsOp, i);
        if (op->cmd != VBITS_ISSET && op->cmd != VBITS_ISNOTSET)
            continue;
        gboolean want = op->cmd == VBITS_ISSET;
        VTri acc = op->any ? VTRI_NO : VTRI_YES;
        for (guint k = 0; k < op->names->len; k++) {
            const char *name = g_ptr_array_index(op->names, k);
            VTri one = g_hash_table_contains(maybe, name)
                           ? VTRI_MAYBE
                           : (g_hash_table_contains(set, name) == want ? VTRI_YES : VTRI_NO);
            if (op->any) {
                if (one == VTRI_YES)
                    acc = VTRI_YES;
                else if (one == VTRI_MAYBE && acc == VTRI_NO)
                    acc = VTRI_MAYBE;
            } else {
                if (one == VTRI_NO)
                    acc = VTRI_NO;
                else if (one == VTRI_MAYBE && acc == VTRI_YES)
                    acc = VTRI_MAYBE;
            }
        }
        if (acc == VTRI_NO) {
            if (why)
                g_string_printf(why, "flowbit %s is %s", (char *)g_ptr_array_index(op->names, 0),
                                want ? "not set" : "set");
            return VTRI_NO;
        }
        if (acc == VTRI_MAYBE) {
            if (why && out == VTRI_YES)
                g_string_printf(why, "flowbit %s is set by a rule whose match is not known",
                                (char *)g_ptr_array_index(op->names, 0));
            out = VTRI_MAYBE;
        }
    }
    return out;
}

static void why_set(GString *why, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

static void
why_set(GString *why, const char *fmt, ...)
{
    if (why == NULL)
        return;
    va_list ap;
    va_start(ap, fmt);
    g_string_vprintf(why, fmt, ap);
    va_end(ap);
}

static const char *
vbuf_name(VBuf b)
{
    static const char *const names[] = {
        "tls.sni",     "http.host", "http.uri",  "http.uri.raw", "http.user_agent",
        "http.method", "dns.query", "ssh.proto", "ssh.software",
    };
    return b < VBUF_N ? names[b] : "a buffer";
}

VTri
verdict_rule_match(const VRule *r, const VerdictFlow *f, const VPacket *p, GHashTable *bits_set,
                   GHashTable *bits_maybe, GString *scratch, GString *why)
{
    VTri out = VTRI_YES;
    GString *maybe_why = NULL;
#define MAYBE_BECAUSE(...)                           \
    do {                                             \
        if (out == VTRI_YES && why) {                \
            maybe_why = why;                         \
            g_string_printf(maybe_why, __VA_ARGS__); \
        }                                            \
        out = VTRI_MAYBE;                            \
    } while (0)

    if (!proto_matches(r, f->ip_proto)) {
        why_set(why, "protocol %s does not carry this flow", r->rule->proto);
        return VTRI_NO;
    }
    if (!ip_protos_match(r, f->ip_proto)) {
        why_set(why, "ip_proto does not match");
        return VTRI_NO;
    }
    if (r->flow & RULE_FLOW_ONLY_FRAG) {
        why_set(why, "flow:only_frag (the logs show no fragments)");
        return VTRI_NO;
    }
    if ((r->flow & RULE_FLOW_TO_SERVER) && p->dir != VERDICT_TO_SERVER) {
        why_set(why, "flow:to_server, and this packet goes to the client");
        return VTRI_NO;
    }
    if ((r->flow & RULE_FLOW_TO_CLIENT) && p->dir != VERDICT_TO_CLIENT) {
        why_set(why, "flow:to_client, and this packet goes to the server");
        return VTRI_NO;
    }
    if ((r->flow & RULE_FLOW_ESTABLISHED) && !p->established) {
        why_set(why, "flow:established, and the flow is not established yet");
        return VTRI_NO;
    }
    if ((r->flow & RULE_FLOW_NOT_ESTABLISHED) && p->established) {
        why_set(why, "flow:not_established, and the flow is established");
        return VTRI_NO;
    }
    if (r->first_packet && !p->first) {
        why_set(why, "an ip-only rule is only looked at on the first packet of each direction");
        return VTRI_NO;
    }
    VTri h = header_match(r, f, p);
    if (h == VTRI_NO) {
        why_set(why, "addresses or ports do not match");
        return VTRI_NO;
    }
    if (h == VTRI_MAYBE)
        MAYBE_BECAUSE("an address or port set is not known (IP set reference or undefined "
                      "variable)");
    if (r->sameip && memcmp(f->client, f->server, 16) != 0) {
        why_set(why, "sameip, and the addresses differ");
        return VTRI_NO;
    }
    if (r->alproto) {
        if (!p->app_known) {
            why_set(why, "app protocol %s is not detected on this packet", r->alproto);
            return VTRI_NO;
        }
        if (f->app_proto == NULL)
            MAYBE_BECAUSE("the flow's app_proto is not in the logs");
        else if (!alproto_equal(r->alproto, f->app_proto)) {
            why_set(why, "the flow's app_proto is %s, not %s", f->app_proto, r->alproto);
            return VTRI_NO;
        }
    }
    if (r->app_layer_protocol) {
        if (!p->app_known && !r->app_layer_protocol_negated) {
            why_set(why, "app-layer-protocol:%s: not detected on this packet",
                    r->app_layer_protocol);
            return VTRI_NO;
        }
        if (f->app_proto == NULL || !p->app_known)
            MAYBE_BECAUSE("the flow's app_proto is not in the logs");
        else if (alproto_equal(r->app_layer_protocol, f->app_proto) ==
                 r->app_layer_protocol_negated) {
            why_set(why, "app-layer-protocol:%s%s, and the flow's app_proto is %s",
                    r->app_layer_protocol_negated ? "!" : "", r->app_layer_protocol, f->app_proto);
            return VTRI_NO;
        }
    }
    gboolean has_request_buffers = FALSE;
    for (guint i = 0; i < r->buffers->len; i++)
        if (((VBufList *)g_ptr_array_index(r->buffers, i))->buf != VBUF_NONE)
            has_request_buffers = TRUE;
    if (r->per_tx || r->ssl_state) {
        gboolean wants_response = r->response_side && !has_request_buffers;
        if (wants_response ? !p->response : !p->request) {
            why_set(why, "its %s is parsed on another packet",
                    wants_response ? "response" : "request");
            return VTRI_NO;
        }
    }
    if (r->ssl_state && !(r->ssl_state & VSSL_UNKNOWN)) {
        gboolean here = ((r->ssl_state & VSSL_CLIENT_HELLO) && p->request) ||
                        ((r->ssl_state & VSSL_SERVER_HELLO) && p->response);
        if (here == r->ssl_state_negated) {
            why_set(why, "ssl_state does not hold on this packet");
            return VTRI_NO;
        }
    }
    if (r->has_dsize) {
        if (p->payload == VTRI_NO) {
            if (!cmp_holds(r->dsize_cmp, r->dsize_lo, r->dsize_hi, 0)) {
                why_set(why, "dsize, and this packet has no payload");
                return VTRI_NO;
            }
        } else
            MAYBE_BECAUSE("dsize: the payload size is not in the logs");
    }
    if (r->tcp_flags && f->ip_proto == 6) {
        VTri t = tcp_flags_match(r->tcp_flags, p->tcp_flags);
        if (t == VTRI_NO) {
            why_set(why, "flags:%s does not match this packet", r->tcp_flags);
            return VTRI_NO;
        }
        if (t == VTRI_MAYBE)
            MAYBE_BECAUSE("flags:%s: the flags of these packets are not in the logs", r->tcp_flags);
    }
    if (r->bits->len > 0) {
        GString *bw = why ? g_string_new(NULL) : NULL;
        VTri b = bits_match(r, bits_set, bits_maybe, bw);
        if (b == VTRI_NO) {
            if (bw) {
                g_string_assign(why, bw->str);
                g_string_free(bw, TRUE);
            }
            return VTRI_NO;
        }
        if (b == VTRI_MAYBE)
            MAYBE_BECAUSE("%s", bw ? bw->str : "");
        if (bw)
            g_string_free(bw, TRUE);
    }
    for (guint i = 0; i < r->buffers->len; i++) {
        const VBufList *l = g_ptr_array_index(r->buffers, i);
        if (l->buf == VBUF_NONE)
            continue; /* counted in unknown_reason */
        gboolean absent;
        if ((l->buf == VBUF_SSH_PROTO || l->buf == VBUF_SSH_SOFTWARE) &&
            p->dir == VERDICT_TO_CLIENT) {
            MAYBE_BECAUSE("the server's %s is not in the logs", vbuf_name(l->buf));
            continue;
        }
        if (!verdict_buffer_value(f, l, scratch, &absent)) {
            MAYBE_BECAUSE("%s is not in the logs for this flow", vbuf_name(l->buf));
            continue;
        }
        if (absent) {
            why_set(why, "the flow has no %s", vbuf_name(l->buf));
            return VTRI_NO;
        }
        if (!verdict_ops_match(l, (const guint8 *)scratch->str, scratch->len)) {
            if (why) {
                g_string_printf(why, "%s \"", vbuf_name(l->buf));
                g_string_append_len(why, scratch->str, (gssize)MIN(scratch->len, 200));
                g_string_append(why, "\" does not match");
            }
            return VTRI_NO;
        }
    }
    if (r->unknown_reason)
        MAYBE_BECAUSE("%s", r->unknown_reason);
    if (out == VTRI_YES && why) {
        g_string_truncate(why, 0);
        for (guint i = 0; i < r->buffers->len; i++) {
            const VBufList *l = g_ptr_array_index(r->buffers, i);
            g_string_append_printf(why, "%s%s matches", why->len ? ", " : "", vbuf_name(l->buf));
        }
        if (why->len == 0)
            g_string_assign(why, "header and flow match");
    }
#undef MAYBE_BECAUSE
    (void)app_detected;
    return out;
}
