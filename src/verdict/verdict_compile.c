/*
 * verdict_compile.c - a rule reduced to what decides its match on one
 * packet of a flow (verdict_internal.h: VRule).
 *
 * Design decisions:
 *  - Options are replayed the way Suricata's Setup functions fill a
 *    signature's lists: a sticky buffer (tls.sni;) makes the following
 *    content/pcre/bsize/isdataat and transforms go to that buffer (the same
 *    buffer named twice is one list), pkt_data goes back to the payload, a
 *    legacy modifier (http_host after a content) moves that content to its
 *    buffer, a pcre's buffer flag (/U, /W, /V, /M, /I) picks its buffer.
 *  - Only buffers some log field fills get a value (VBuf); any other
 *    buffer, payload matches, byte_*, thresholds, flowint/xbits and every
 *    keyword this file does not know set `unknown_reason` (the first one
 *    met): the rule can then only "maybe" match.  Meta keywords and
 *    fast_pattern / rawbytes / tag change no match.
 *  - Header sets are resolved per rule group with policy_lookup_var (the
 *    same resolution Network Firewall applies), cached by (group, field
 *    text); an @ipset reference or an undefined variable leaves the set
 *    NULL (unknown).
 *  - The signature type and scope come from src/rules (Rule.sig_type,
 *    Rule.scope): this file only reads them.
 */
#include "verdict/verdict_internal.h"

#include <stdlib.h>
#include <string.h>

#include "rules/rules.h"

/* ---- header sets ---------------------------------------------------------- */

typedef struct {
    const RuleGroup *group;
    gboolean ports;
    char *text;
} SetKey;

static guint
set_key_hash(gconstpointer p)
{
    const SetKey *k = p;
    return g_str_hash(k->text) ^ g_direct_hash(k->group) ^ (guint)k->ports;
}

static gboolean
set_key_equal(gconstpointer a, gconstpointer b)
{
    const SetKey *x = a, *y = b;
    return x->group == y->group && x->ports == y->ports && strcmp(x->text, y->text) == 0;
}

static void
set_key_free(gpointer p)
{
    SetKey *k = p;
    g_free(k->text);
    g_free(k);
}

static void
set_value_free(gpointer p)
{
    if (p)
        netset_free(p);
}

static void
expr_value_free(gpointer p)
{
    if (p)
        netexpr_free(p);
}

typedef struct {
    const Policy *policy;
    const RuleGroup *group;
    gboolean ports;
    GHashTable *cache; /* SetKey (variable name) -> NetExpr* or NULL */
} Resolver;

static const NetExpr *
resolve_var(const char *name, gboolean ipset_ref, gpointer data)
{
    Resolver *r = data;
    if (ipset_ref)
        return NULL; /* a prefix list: its content is in no input */
    SetKey key = { r->group, r->ports, (char *)name };
    gpointer value;
    if (g_hash_table_lookup_extended(r->cache, &key, NULL, &value))
        return value;
    const char *text = policy_lookup_var(r->policy, r->group, name, r->ports);
    NetExpr *expr = NULL;
    if (text != NULL) {
        char *error = NULL;
        int offset = 0;
        expr = r->ports ? netexpr_parse_ports(text, &error, &offset)
                        : netexpr_parse_address(text, &error, &offset);
        g_free(error);
    }
    SetKey *copy = g_new(SetKey, 1);
    *copy = (SetKey){ r->group, r->ports, g_strdup(name) };
    g_hash_table_insert(r->cache, copy, expr);
    return expr;
}

static const NetSet *
resolve_set(const Policy *policy, VCompiled *c, const Rule *rule, const char *text,
            const NetExpr *expr, gboolean ports)
{
    if (expr == NULL || text == NULL)
        return NULL;
    SetKey key = { rule->group, ports, (char *)text };
    gpointer value;
    if (g_hash_table_lookup_extended(c->sets, &key, NULL, &value))
        return value;
    Resolver r = { policy, rule->group, ports, c->var_cache };
    char *error = NULL;
    NetSet *set = netset_from_expr(expr, ports, resolve_var, &r, &error);
    g_free(error);
    SetKey *copy = g_new(SetKey, 1);
    *copy = (SetKey){ rule->group, ports, g_strdup(text) };
    g_hash_table_insert(c->sets, copy, set);
    return set;
}

/* ---- protocols ------------------------------------------------------------ */

static const char *const tcp_only[] = {
    "http",   "http1", "http2", "ftp",        "ftp-data", "smtp",  "tls", "ssh",
    "imap",   "rfb",   "mqtt",  "telnet",     "rdp",      "pgsql", "smb", "dcerpc",
    "modbus", "dnp3",  "enip",  "bittorrent", "pop3",     NULL,
};
static const char *const udp_only[] = {
    "ntp", "tftp", "dhcp", "quic", "snmp", "ike", "bittorrent-dht", "sip", NULL,
};

static gboolean
in_list(const char *const *list, const char *s)
{
    for (; *list; list++)
        if (strcmp(*list, s) == 0)
            return TRUE;
    return FALSE;
}

static void
header_proto(VRule *v, const char *proto)
{
    if (strcmp(proto, "ip") == 0 || strcmp(proto, "pkthdr") == 0 || strcmp(proto, "ipv4") == 0 ||
        strcmp(proto, "ip4") == 0 || strcmp(proto, "ipv6") == 0 || strcmp(proto, "ip6") == 0)
        v->proto = VPROTO_IP;
    else if (g_str_has_prefix(proto, "tcp"))
        v->proto = VPROTO_TCP;
    else if (strcmp(proto, "udp") == 0)
        v->proto = VPROTO_UDP;
    else if (strcmp(proto, "icmp") == 0)
        v->proto = VPROTO_ICMP_ANY; /* Suricata: ICMPv4 and ICMPv6 */
    else if (strcmp(proto, "icmpv4") == 0)
        v->proto = VPROTO_ICMP;
    else if (strcmp(proto, "icmpv6") == 0)
        v->proto = VPROTO_ICMP6;
    else {
        v->alproto = g_strdup(proto);
        v->proto = in_list(tcp_only, proto)   ? VPROTO_TCP
                   : in_list(udp_only, proto) ? VPROTO_UDP
                                              : VPROTO_TCP_OR_UDP;
    }
}

/* ---- options -------------------------------------------------------------- */

typedef struct {
    const Rule *rule;
    VRule *v;
    VBufList *current; /* NULL: the payload */
    VBufList *payload; /* content on the payload (unknown data) */
    VBufList *last_list;
    guint last_op; /* index of the last content in last_list, G_MAXUINT none */
} Compile;

static void
set_unknown(VRule *v, const char *fmt, const char *arg)
{
    if (v->unknown_reason == NULL)
        v->unknown_reason = g_strdup_printf(fmt, arg);
}

static void
buflist_free(gpointer p)
{
    VBufList *l = p;
    for (guint i = 0; i < l->ops->len; i++) {
        VOp *op = &g_array_index(l->ops, VOp, i);
        g_free(op->pat);
        if (op->re)
            pcre2_code_free(op->re);
    }
    g_array_unref(l->ops);
    g_free(l);
}

static VBufList *
buflist_new(VBuf buf)
{
    VBufList *l = g_new0(VBufList, 1);
    l->buf = buf;
    l->ops = g_array_new(FALSE, TRUE, sizeof(VOp));
    return l;
}

static VBufList *
buffer_list(Compile *c, VBuf buf, const char *name)
{
    if (buf == VBUF_NONE) {
        set_unknown(c->v, "%s is not in the logs", name);
        VBufList *l = buflist_new(VBUF_NONE);
        g_ptr_array_add(c->v->buffers, l);
        return l;
    }
    for (guint i = 0; i < c->v->buffers->len; i++) {
        VBufList *l = g_ptr_array_index(c->v->buffers, i);
        if (l->buf == buf)
            return l;
    }
    VBufList *l = buflist_new(buf);
    g_ptr_array_add(c->v->buffers, l);
    return l;
}

static const struct {
    const char *name; /* canonical sticky buffer or legacy modifier */
    VBuf buf;
    const char *alproto;
} buffer_names[] = {
    { "tls.sni", VBUF_TLS_SNI, "tls" },
    { "http.host", VBUF_HTTP_HOST, "http" },
    { "http_host", VBUF_HTTP_HOST, "http" },
    { "http.uri", VBUF_HTTP_URI, "http" },
    { "http_uri", VBUF_HTTP_URI, "http" },
    { "http.uri.raw", VBUF_HTTP_URI_RAW, "http" },
    { "http_raw_uri", VBUF_HTTP_URI_RAW, "http" },
    { "http.user_agent", VBUF_HTTP_UA, "http" },
    { "http_user_agent", VBUF_HTTP_UA, "http" },
    { "http.method", VBUF_HTTP_METHOD, "http" },
    { "http_method", VBUF_HTTP_METHOD, "http" },
    { "dns.query", VBUF_DNS_QUERY, "dns" },
    { "ssh.proto", VBUF_SSH_PROTO, "ssh" },
    { "ssh.software", VBUF_SSH_SOFTWARE, "ssh" },
};

static VBuf
buffer_of(const char *name)
{
    for (gsize i = 0; i < G_N_ELEMENTS(buffer_names); i++)
        if (strcmp(buffer_names[i].name, name) == 0)
            return buffer_names[i].buf;
    return VBUF_NONE;
}

static VOp *
last_content(Compile *c)
{
    if (c->last_list == NULL || c->last_op == G_MAXUINT)
        return NULL;
    return &g_array_index(c->last_list->ops, VOp, c->last_op);
}

static gboolean
parse_int(const char *s, gint64 *out)
{
    if (s == NULL)
        return FALSE;
    while (*s == ' ')
        s++;
    char *end = NULL;
    gint64 v = g_ascii_strtoll(s, &end, 10);
    if (end == s)
        return FALSE;
    while (*end == ' ')
        end++;
    if (*end != '\0')
        return FALSE;
    *out = v;
    return TRUE;
}

/* "5", "<5", ">5", "<=5", ">=5", "!5", "2<>8", "2-8" (Suricata's uint
 * comparisons). */
static gboolean
parse_cmp(const char *s, VCmp *cmp, guint64 *lo, guint64 *hi)
{
    if (s == NULL)
        return FALSE;
    char *t = g_strstrip(g_strdup(s));
    gboolean ok = FALSE;
    const char *sep = strstr(t, "<>");
    gint64 a = 0, b = 0;
    if (sep) {
        char *left = g_strndup(t, (gsize)(sep - t));
        ok = parse_int(left, &a) && parse_int(sep + 2, &b) && a >= 0 && b >= 0;
        g_free(left);
        *cmp = VCMP_RANGE;
    } else if (t[0] == '<' && t[1] == '=') {
        ok = parse_int(t + 2, &b) && b >= 0;
        *cmp = VCMP_LE;
        a = b;
    } else if (t[0] == '>' && t[1] == '=') {
        ok = parse_int(t + 2, &b) && b >= 0;
        *cmp = VCMP_GE;
        a = b;
    } else if (t[0] == '<') {
        ok = parse_int(t + 1, &b) && b >= 0;
        *cmp = VCMP_LT;
        a = b;
    } else if (t[0] == '>') {
        ok = parse_int(t + 1, &b) && b >= 0;
        *cmp = VCMP_GT;
        a = b;
    } else if (t[0] == '!') {
        ok = parse_int(t + 1, &b) && b >= 0;
        *cmp = VCMP_NE;
        a = b;
    } else if (t[0] != '\0' && strchr(t + 1, '-') != NULL) {
        char *dash = strchr(t + 1, '-');
        char *left = g_strndup(t, (gsize)(dash - t));
        ok = parse_int(left, &a) && parse_int(dash + 1, &b) && a >= 0 && b >= 0;
        g_free(left);
        *cmp = VCMP_RANGE;
    } else {
        ok = parse_int(t, &a) && a >= 0;
        b = a;
        *cmp = VCMP_EQ;
    }
    g_free(t);
    *lo = (guint64)a;
    *hi = (guint64)b;
    return ok;
}

static void
option_content(Compile *c, const char *value, VBufList *into)
{
    const char *v = value ? value : "";
    while (*v == ' ')
        v++;
    VOp op = { .kind = VOP_CONTENT };
    if (*v == '!') {
        op.negated = TRUE;
        v++;
        while (*v == ' ')
            v++;
    }
    char *inner = g_strdup(v);
    gsize n = strlen(inner);
    if (n >= 2 && inner[0] == '"' && inner[n - 1] == '"') {
        memmove(inner, inner + 1, n - 2);
        inner[n - 2] = '\0';
    }
    GByteArray *bytes = g_byte_array_new();
    char *error = NULL;
    if (rule_content_decode(inner, bytes, &error) < 0) {
        set_unknown(c->v, "content %s does not decode", value);
        g_free(error);
    }
    g_free(inner);
    op.len = bytes->len;
    op.pat = (guint8 *)g_byte_array_free(bytes, FALSE);
    VBufList *l = into ? into : (c->current ? c->current : c->payload);
    g_array_append_val(l->ops, op);
    c->last_list = l;
    c->last_op = l->ops->len - 1;
}

/* A legacy modifier (http_host after content): the last content moves to
 * that buffer, with the modifiers given so far. */
static void
option_legacy(Compile *c, const char *name, VBuf buf)
{
    VOp *op = last_content(c);
    if (op == NULL)
        return;
    VBufList *to = buffer_list(c, buf, name);
    if (to == c->last_list)
        return;
    VOp moved = *op;
    g_array_remove_index(c->last_list->ops, c->last_op);
    g_array_append_val(to->ops, moved);
    c->last_list = to;
    c->last_op = to->ops->len - 1;
}

static void
option_content_modifier(Compile *c, const char *name, const char *value)
{
    VOp *op = last_content(c);
    if (op == NULL)
        return;
    gint64 n = 0;
    if (strcmp(name, "nocase") == 0)
        op->nocase = TRUE;
    else if (strcmp(name, "startswith") == 0) {
        op->has_depth = TRUE;
        op->depth = (gint64)op->len;
    } else if (strcmp(name, "endswith") == 0)
        op->endswith = TRUE;
    else if (strcmp(name, "depth") == 0 || strcmp(name, "offset") == 0 ||
             strcmp(name, "distance") == 0 || strcmp(name, "within") == 0) {
        if (!parse_int(value, &n)) {
            /* a byte_extract variable */
            set_unknown(c->v, "%s comes from a byte_extract variable", name);
            return;
        }
        if (strcmp(name, "depth") == 0) {
            op->has_depth = TRUE;
            op->depth = n;
        } else if (strcmp(name, "offset") == 0) {
            op->has_offset = TRUE;
            op->offset = n;
        } else if (strcmp(name, "distance") == 0) {
            op->has_distance = TRUE;
            op->distance = n;
        } else {
            op->has_within = TRUE;
            op->within = n;
        }
    }
    /* fast_pattern, rawbytes: no effect on the match */
}

static guint32
pcre_compile_flags(const char *flags, gboolean *relative, VBuf *buf, const char **bufname,
                   gboolean *unknown)
{
    guint32 opts = 0;
    *relative = FALSE;
    *buf = VBUF_N; /* none given */
    *unknown = FALSE;
    for (const char *f = flags; *f; f++) {
        switch (*f) {
        case 'i': opts |= PCRE2_CASELESS; break;
        case 's': opts |= PCRE2_DOTALL; break;
        case 'm': opts |= PCRE2_MULTILINE; break;
        case 'x': opts |= PCRE2_EXTENDED; break;
        case 'A': opts |= PCRE2_ANCHORED; break;
        case 'E': opts |= PCRE2_DOLLAR_ENDONLY; break;
        case 'G': opts |= PCRE2_UNGREEDY; break;
        case 'R': *relative = TRUE; break;
        case 'U': *buf = VBUF_HTTP_URI, *bufname = "http.uri"; break;
        case 'I': *buf = VBUF_HTTP_URI_RAW, *bufname = "http.uri.raw"; break;
        case 'W': *buf = VBUF_HTTP_HOST, *bufname = "http.host"; break;
        case 'V': *buf = VBUF_HTTP_UA, *bufname = "http.user_agent"; break;
        case 'M': *buf = VBUF_HTTP_METHOD, *bufname = "http.method"; break;
        case 'B':
        case 'O': break;
        case 'P': *buf = VBUF_NONE, *bufname = "http.request_body"; break;
        case 'Q': *buf = VBUF_NONE, *bufname = "http.response_body"; break;
        case 'H': *buf = VBUF_NONE, *bufname = "http.header"; break;
        case 'D': *buf = VBUF_NONE, *bufname = "http.header.raw"; break;
        case 'C': *buf = VBUF_NONE, *bufname = "http.cookie"; break;
        case 'S': *buf = VBUF_NONE, *bufname = "http.stat_code"; break;
        case 'Y': *buf = VBUF_NONE, *bufname = "http.stat_msg"; break;
        case 'Z': *buf = VBUF_NONE, *bufname = "http.host.raw"; break;
        default: *unknown = TRUE; break;
        }
    }
    return opts;
}

static void
option_pcre(Compile *c, const char *value)
{
    const char *v = value ? value : "";
    while (*v == ' ')
        v++;
    gboolean negated = FALSE;
    if (*v == '!') {
        negated = TRUE;
        v++;
    }
    char *text = g_strdup(v);
    gsize n = strlen(text);
    if (n >= 2 && text[0] == '"' && text[n - 1] == '"') {
        memmove(text, text + 1, n - 2);
        text[n - 2] = '\0';
    }
    char *first = strchr(text, '/');
    char *last = strrchr(text, '/');
    if (first == NULL || last == first) {
        set_unknown(c->v, "pcre %s is not modelled", value);
        g_free(text);
        return;
    }
    *last = '\0';
    gboolean relative, unknown;
    VBuf buf;
    const char *bufname = NULL;
    guint32 opts = pcre_compile_flags(last + 1, &relative, &buf, &bufname, &unknown);
    if (unknown) {
        set_unknown(c->v, "pcre flags of %s are not modelled", value);
        g_free(text);
        return;
    }
    int err = 0;
    PCRE2_SIZE erroff = 0;
    pcre2_code *re =
        pcre2_compile((PCRE2_SPTR)(first + 1), PCRE2_ZERO_TERMINATED, opts, &err, &erroff, NULL);
    g_free(text);
    if (re == NULL) {
        set_unknown(c->v, "pcre %s does not compile", value);
        return;
    }
    VBufList *l =
        buf == VBUF_N ? (c->current ? c->current : c->payload) : buffer_list(c, buf, bufname);
    VOp op = { .kind = VOP_PCRE, .re = re, .relative = relative, .negated = negated };
    g_array_append_val(l->ops, op);
}

static void
option_flowbits(VRule *v, const char *value)
{
    char **parts = g_strsplit(value ? value : "", ",", 2);
    char *cmd = g_strstrip(parts[0] ? parts[0] : (char *)"");
    if (strcmp(cmd, "noalert") == 0) {
        v->flowbits_noalert = TRUE;
        g_strfreev(parts);
        return;
    }
    VBitsOp op = { 0 };
    if (strcmp(cmd, "set") == 0)
        op.cmd = VBITS_SET;
    else if (strcmp(cmd, "unset") == 0)
        op.cmd = VBITS_UNSET;
    else if (strcmp(cmd, "toggle") == 0)
        op.cmd = VBITS_TOGGLE;
    else if (strcmp(cmd, "isset") == 0)
        op.cmd = VBITS_ISSET;
    else if (strcmp(cmd, "isnotset") == 0)
        op.cmd = VBITS_ISNOTSET;
    else {
        set_unknown(v, "flowbits %s is not modelled", cmd);
        g_strfreev(parts);
        return;
    }
    const char *names = parts[1] ? parts[1] : "";
    op.any = strchr(names, '|') != NULL;
    char **list = g_strsplit_set(names, "|&", -1);
    op.names = g_ptr_array_new_with_free_func(g_free);
    for (char **p = list; *p; p++) {
        char *s = g_strstrip(*p);
        if (*s)
            g_ptr_array_add(op.names, g_strdup(s));
    }
    g_strfreev(list);
    g_array_append_val(v->bits, op);
    g_strfreev(parts);
}

static void
option_ssl_state(VRule *v, const char *value)
{
    char *s = g_strstrip(g_strdup(value ? value : ""));
    const char *p = s;
    if (*p == '!') {
        v->ssl_state_negated = TRUE;
        p++;
    }
    char **items = g_strsplit_set(p, "|,", -1);
    for (char **i = items; *i; i++) {
        char *t = g_strstrip(*i);
        gboolean neg = FALSE;
        if (*t == '!') {
            neg = TRUE;
            t++;
        }
        if (neg)
            set_unknown(v, "ssl_state %s is not modelled", value);
        if (strcmp(t, "client_hello") == 0)
            v->ssl_state |= VSSL_CLIENT_HELLO;
        else if (strcmp(t, "server_hello") == 0)
            v->ssl_state |= VSSL_SERVER_HELLO;
        else if (strcmp(t, "client_keyx") == 0)
            v->ssl_state |= VSSL_CLIENT_KEYX;
        else if (strcmp(t, "server_keyx") == 0)
            v->ssl_state |= VSSL_SERVER_KEYX;
        else
            v->ssl_state |= VSSL_UNKNOWN;
    }
    g_strfreev(items);
    g_free(s);
    if (v->ssl_state & (VSSL_CLIENT_KEYX | VSSL_SERVER_KEYX | VSSL_UNKNOWN))
        set_unknown(v, "ssl_state %s is not in the logs", value);
}

static const struct {
    const char *name;
    int number;
} ip_proto_names[] = {
    { "ip", 0 },   { "icmp", 1 },    { "igmp", 2 },       { "tcp", 6 },
    { "udp", 17 }, { "ipv6", 41 },   { "gre", 47 },       { "esp", 50 },
    { "ah", 51 },  { "icmpv6", 58 }, { "ipv6-icmp", 58 }, { "sctp", 132 },
};

static void
option_ip_proto(VRule *v, const char *value)
{
    char *s = g_strstrip(g_strdup(value ? value : ""));
    const char *p = s;
    gboolean neg = FALSE;
    if (*p == '!') {
        neg = TRUE;
        p++;
    }
    if (*p == '<' || *p == '>') {
        set_unknown(v, "ip_proto %s is not modelled", value);
        g_free(s);
        return;
    }
    gint64 n = -1;
    if (!parse_int(p, &n)) {
        for (gsize i = 0; i < G_N_ELEMENTS(ip_proto_names); i++)
            if (g_ascii_strcasecmp(ip_proto_names[i].name, p) == 0)
                n = ip_proto_names[i].number;
    }
    if (n < 0 || n > 255) {
        set_unknown(v, "ip_proto %s is not modelled", value);
        g_free(s);
        return;
    }
    gint code = neg ? -(gint)n - 1 : (gint)n;
    if (v->ip_protos == NULL)
        v->ip_protos = g_array_new(FALSE, FALSE, sizeof(gint));
    g_array_append_val(v->ip_protos, code);
    g_free(s);
}

static void
option_transform(Compile *c, const char *name)
{
    VBufList *l = c->current;
    if (l == NULL) {
        set_unknown(c->v, "transform %s on the payload is not in the logs", name);
        return;
    }
    if (strcmp(name, "dotprefix") == 0)
        l->transforms |= VXF_DOTPREFIX;
    else if (strcmp(name, "to_lowercase") == 0)
        l->transforms |= VXF_LOWER;
    else if (strcmp(name, "strip_whitespace") == 0)
        l->transforms |= VXF_STRIP_WS;
    else if (strcmp(name, "compress_whitespace") == 0)
        l->transforms |= VXF_COMPRESS_WS;
    else
        set_unknown(c->v, "transform %s is not modelled", name);
    if (l->ops->len > 0 && strcmp(name, "dotprefix") == 0)
        set_unknown(c->v, "transform %s after a content is not modelled", name);
}

static void
option_buffer_cmp(Compile *c, const char *name, const char *value)
{
    VBufList *l = c->current ? c->current : c->payload;
    VOp op = { .kind = strcmp(name, "bsize") == 0 ? VOP_BSIZE : VOP_ISDATAAT };
    if (op.kind == VOP_BSIZE) {
        if (!parse_cmp(value, &op.cmp, &op.lo, &op.hi)) {
            set_unknown(c->v, "bsize %s is not modelled", value);
            return;
        }
    } else {
        char *s = g_strstrip(g_strdup(value ? value : ""));
        const char *p = s;
        if (*p == '!') {
            op.negated = TRUE;
            p++;
        }
        char **parts = g_strsplit(p, ",", -1);
        gint64 n;
        gboolean ok = parts[0] && parse_int(parts[0], &n) && n >= 0;
        for (char **q = parts + (parts[0] ? 1 : 0); ok && *q; q++) {
            char *t = g_strstrip(*q);
            if (strcmp(t, "relative") == 0)
                op.relative = TRUE;
            else if (strcmp(t, "rawbytes") != 0)
                ok = FALSE;
        }
        g_strfreev(parts);
        g_free(s);
        if (!ok) {
            set_unknown(c->v, "isdataat %s is not modelled", value);
            return;
        }
        op.lo = (guint64)n;
    }
    g_array_append_val(l->ops, op);
}

static void
compile_option(Compile *c, const RuleOption *o)
{
    VRule *v = c->v;
    const char *name = o->kw ? o->kw->canonical : o->name;
    guint flags = o->kw ? o->kw->flags : 0;
    if (o->kw == NULL) {
        set_unknown(v, "keyword %s is not known", o->name);
        return;
    }
    if (flags & KW_F_META)
        return;
    if (strcmp(name, "flow") == 0)
        return; /* Rule.flow, read in compile_rule */
    else if (strcmp(name, "flowbits") == 0)
        option_flowbits(v, o->value);
    else if (strcmp(name, "content") == 0)
        option_content(c, o->value, NULL);
    else if (strcmp(name, "uricontent") == 0)
        option_content(c, o->value, buffer_list(c, VBUF_HTTP_URI, "http.uri"));
    else if (strcmp(name, "pcre") == 0)
        option_pcre(c, o->value);
    else if (strcmp(name, "bsize") == 0 || strcmp(name, "isdataat") == 0)
        option_buffer_cmp(c, name, o->value);
    else if (strcmp(name, "pkt_data") == 0)
        c->current = NULL;
    else if (strcmp(name, "fast_pattern") == 0 || strcmp(name, "rawbytes") == 0 ||
             strcmp(name, "tag") == 0 || strcmp(name, "prefilter") == 0)
        return;
    else if (flags & KW_F_CONTENT_MOD) {
        VBuf buf = buffer_of(name);
        if (buf != VBUF_NONE)
            option_legacy(c, name, buf);
        else if (strcmp(name, "nocase") == 0 || strcmp(name, "startswith") == 0 ||
                 strcmp(name, "endswith") == 0 || strcmp(name, "depth") == 0 ||
                 strcmp(name, "offset") == 0 || strcmp(name, "distance") == 0 ||
                 strcmp(name, "within") == 0)
            option_content_modifier(c, name, o->value);
        else
            option_legacy(c, name, VBUF_NONE); /* a buffer no log holds */
    } else if (flags & KW_F_STICKY)
        c->current = buffer_list(c, buffer_of(name), name);
    else if (flags & KW_F_TRANSFORM)
        option_transform(c, name);
    else if (strcmp(name, "ssl_state") == 0)
        option_ssl_state(v, o->value);
    else if (strcmp(name, "app-layer-protocol") == 0) {
        char *s = g_strstrip(g_strdup(o->value ? o->value : ""));
        if (s[0] == '"') {
            gsize n = strlen(s);
            memmove(s, s + 1, n);
            if (n >= 2 && s[n - 2] == '"')
                s[n - 2] = '\0';
        }
        v->app_layer_protocol_negated = s[0] == '!';
        v->app_layer_protocol = g_strdup(g_strstrip(s + (s[0] == '!')));
        g_free(s);
        if (strchr(v->app_layer_protocol, ',') != NULL)
            set_unknown(v, "app-layer-protocol %s is not modelled", o->value);
    } else if (strcmp(name, "ip_proto") == 0)
        option_ip_proto(v, o->value);
    else if (strcmp(name, "sameip") == 0)
        v->sameip = TRUE;
    else if (strcmp(name, "dsize") == 0) {
        v->has_dsize = parse_cmp(o->value, &v->dsize_cmp, &v->dsize_lo, &v->dsize_hi);
        if (!v->has_dsize)
            set_unknown(v, "dsize %s is not modelled", o->value);
    } else if (strcmp(name, "tcp.flags") == 0) {
        g_free(v->tcp_flags);
        v->tcp_flags = g_strstrip(g_strdup(o->value ? o->value : ""));
    } else if (strcmp(name, "threshold") == 0 || strcmp(name, "detection_filter") == 0)
        set_unknown(v, "%s counts packets of other flows", name);
    else if (flags & KW_F_PAYLOAD)
        set_unknown(v, "%s needs the payload", name);
    else
        set_unknown(v, "%s is not in the logs", name);
}

static gboolean
group_drop_to_alert(const Rule *rule)
{
    return rule->group && rule->group->drop_to_alert;
}

static char *
rule_summary(const Rule *rule)
{
    return g_strdup_printf("sid %" G_GUINT64_FORMAT " (%s %s)", rule->sid,
                           rule_action_name(rule->action), rule->proto);
}

static VRule *
compile_rule(const Policy *policy, VCompiled *cc, const Rule *rule, guint position)
{
    VRule *v = g_new0(VRule, 1);
    v->rule = rule;
    v->position = position;
    v->action = rule->action;
    if (group_drop_to_alert(rule) && rule->action != RULE_ACTION_PASS &&
        rule->action != RULE_ACTION_CONFIG)
        v->action = RULE_ACTION_ALERT;
    v->terminal = rule_action_is_terminal(v->action);
    v->drops = v->terminal && v->action != RULE_ACTION_PASS;
    v->buffers = g_ptr_array_new_with_free_func(buflist_free);
    v->bits = g_array_new(FALSE, FALSE, sizeof(VBitsOp));
    v->summary = rule_summary(rule);
    header_proto(v, rule->proto);
    v->bidir = rule->direction == RULE_DIR_BOTH;
    v->src = resolve_set(policy, cc, rule, rule->src, rule->src_expr, FALSE);
    v->dst = resolve_set(policy, cc, rule, rule->dst, rule->dst_expr, FALSE);
    v->sport = resolve_set(policy, cc, rule, rule->src_ports, rule->src_ports_expr, TRUE);
    v->dport = resolve_set(policy, cc, rule, rule->dst_ports, rule->dst_ports_expr, TRUE);

    /* The flow keyword as the parser read it.  stateless, no_frag, and
     * only_stream / no_stream (where a payload rule looks: packets or the
     * stream) do not change what a packet of a logged flow matches. */
    v->flow = rule->flow & (RULE_FLOW_TO_SERVER | RULE_FLOW_TO_CLIENT | RULE_FLOW_ESTABLISHED |
                            RULE_FLOW_NOT_ESTABLISHED | RULE_FLOW_ONLY_FRAG);
    Compile c = { rule, v, NULL, buflist_new(VBUF_NONE), NULL, G_MAXUINT };
    for (guint i = 0; i < rule->options->len; i++)
        compile_option(&c, g_ptr_array_index(rule->options, i));
    if (c.payload->ops->len > 0)
        set_unknown(v, "%s needs the payload",
                    g_array_index(c.payload->ops, VOp, 0).kind == VOP_PCRE ? "pcre" : "content");
    buflist_free(c.payload);

    /* The app protocol a buffer implies, when the header did not name one. */
    for (guint i = 0; i < v->buffers->len && v->alproto == NULL; i++) {
        VBufList *l = g_ptr_array_index(v->buffers, i);
        for (gsize k = 0; k < G_N_ELEMENTS(buffer_names); k++)
            if (buffer_names[k].buf == l->buf && l->buf != VBUF_NONE) {
                v->alproto = g_strdup(buffer_names[k].alproto);
                break;
            }
    }
    if (v->ssl_state && v->alproto == NULL)
        v->alproto = g_strdup("tls");
    /* A transaction rule to the client looks at the response. */
    if ((v->ssl_state & VSSL_SERVER_HELLO) || (v->flow & RULE_FLOW_TO_CLIENT))
        v->response_side = TRUE;

    /* Logging: drop/reject/alert log unless noalert; pass only with the
     * alert keyword. */
    gboolean noalert = (rule->flags & RULE_F_NOALERT) || v->flowbits_noalert;
    if (v->action == RULE_ACTION_PASS)
        v->logs = (rule->flags & RULE_F_ALERT_KW) != 0 && !noalert;
    else
        v->logs = v->action != RULE_ACTION_CONFIG && !noalert;

    v->flow_scope = rule->scope == RULE_SCOPE_FLOW || rule->scope == RULE_SCOPE_FLOW_IF_STREAM;
    v->first_packet = rule->sig_type == RULE_SIG_IPONLY || rule->sig_type == RULE_SIG_LIKE_IPONLY;
    v->per_tx = rule->sig_type == RULE_SIG_APP_TX;
    return v;
}

static void
vrule_free(gpointer p)
{
    VRule *v = p;
    g_free(v->alproto);
    if (v->ip_protos)
        g_array_unref(v->ip_protos);
    g_ptr_array_unref(v->buffers);
    for (guint i = 0; i < v->bits->len; i++)
        g_ptr_array_unref(g_array_index(v->bits, VBitsOp, i).names);
    g_array_unref(v->bits);
    g_free(v->app_layer_protocol);
    g_free(v->tcp_flags);
    g_free(v->unknown_reason);
    g_free(v->summary);
    g_free(v);
}

void
verdict_compile(const Policy *policy, VCompiled *out)
{
    out->rules = g_ptr_array_new_with_free_func(vrule_free);
    out->sets = g_hash_table_new_full(set_key_hash, set_key_equal, set_key_free, set_value_free);
    out->var_cache =
        g_hash_table_new_full(set_key_hash, set_key_equal, set_key_free, expr_value_free);
    for (guint i = 0; i < policy->eval_order->len; i++) {
        const Rule *rule = g_ptr_array_index(policy->eval_order, i);
        if (rule->action == RULE_ACTION_CONFIG)
            continue;
        VRule *v = compile_rule(policy, out, rule, i);
        out->has_bits = out->has_bits || v->bits->len > 0;
        g_ptr_array_add(out->rules, v);
    }
}

void
verdict_compiled_clear(VCompiled *compiled)
{
    if (compiled->rules)
        g_ptr_array_unref(compiled->rules);
    if (compiled->sets)
        g_hash_table_destroy(compiled->sets);
    if (compiled->var_cache)
        g_hash_table_destroy(compiled->var_cache);
    memset(compiled, 0, sizeof *compiled);
}
