/*
 * verdict_syntax.c - a flow typed by hand (verdict.h: verdict_flow_parse),
 * for `nfw-advisor explain`:
 *
 *   tcp 10.0.1.5:43211 -> 203.0.113.9:443 sni=api.example.com
 *   dns 10.0.1.5:5353 -> 10.0.0.2:53 dns=example.com
 *   icmp 10.0.1.5 -> 8.8.8.8 reply=no
 *   http [2001:db8::5]:40000 -> [2001:db8::80]:80 host=example.org uri=/x
 *
 * The text is outside input: every error says what was expected and the
 * column (1-based) where it went wrong, and nothing is accepted silently
 * (a key given twice, a port on ICMP, a value that does not fit its key).
 *
 * What the flow did is stated, not guessed: by default a TCP flow completes
 * its handshake and both sides send data, a UDP/ICMP flow gets a reply;
 * server=, data= and reply= say otherwise.  The packet counts follow from
 * that (they only tell packet classes apart).  Fields not given are unknown:
 * a rule that needs one is reported as undecidable, never assumed.
 */
#include "verdict/verdict_internal.h"

#include <gio/gio.h>
#include <string.h>

typedef struct {
    const char *text;
    gsize pos;
    GError **error;
} Lexer;

static gboolean fail(Lexer *lx, gsize at, const char *fmt, ...) G_GNUC_PRINTF(3, 4);

static gboolean
fail(Lexer *lx, gsize at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_set_error(lx->error, VERDICT_ERROR, VERDICT_ERROR_SYNTAX, "column %zu: %s", at + 1, msg);
    g_free(msg);
    return FALSE;
}

static void
skip_space(Lexer *lx)
{
    while (lx->text[lx->pos] == ' ' || lx->text[lx->pos] == '\t')
        lx->pos++;
}

/* A word up to whitespace (not empty); the caller frees. */
static char *
word(Lexer *lx, gsize *start)
{
    skip_space(lx);
    *start = lx->pos;
    while (lx->text[lx->pos] && lx->text[lx->pos] != ' ' && lx->text[lx->pos] != '\t')
        lx->pos++;
    if (lx->pos == *start)
        return NULL;
    return g_strndup(lx->text + *start, lx->pos - *start);
}

static const char *const tcp_apps[] = { "tls", "http", "http2", "ssh",  "ftp",    "smtp", "imap",
                                        "smb", "rdp",  "pgsql", "mqtt", "telnet", "rfb",  NULL };
static const char *const udp_apps[] = { "dns",  "ntp", "dhcp", "snmp", "tftp",
                                        "quic", "sip", "ike",  NULL };

static int
app_transport(const char *app)
{
    for (const char *const *p = tcp_apps; *p; p++)
        if (strcmp(*p, app) == 0)
            return 6;
    for (const char *const *p = udp_apps; *p; p++)
        if (strcmp(*p, app) == 0)
            return 17;
    return 0;
}

static gboolean
parse_proto(Lexer *lx, VerdictFlow *flow)
{
    gsize at;
    char *w = word(lx, &at);
    if (w == NULL)
        return fail(lx, lx->pos,
                    "expected a protocol (tcp, udp, icmp, icmpv6, tls, http, dns, ...)");
    char *lower = g_ascii_strdown(w, -1);
    g_free(w);
    gboolean ok = TRUE;
    if (strcmp(lower, "tcp") == 0)
        flow->ip_proto = 6;
    else if (strcmp(lower, "udp") == 0)
        flow->ip_proto = 17;
    else if (strcmp(lower, "icmp") == 0)
        flow->ip_proto = 1;
    else if (strcmp(lower, "icmpv6") == 0)
        flow->ip_proto = 58;
    else if (app_transport(lower)) {
        flow->ip_proto = (guint8)app_transport(lower);
        verdict_flow_set_app_proto(flow, strcmp(lower, "http2") == 0 ? "http2" : lower);
    } else
        ok = fail(lx, at,
                  "unknown protocol '%s' (tcp, udp, icmp, icmpv6, or an app protocol: tls, http, "
                  "http2, ssh, ftp, smtp, dns, ntp, ...)",
                  lower);
    g_free(lower);
    return ok;
}

/* ADDR or ADDR:PORT or [V6]:PORT or bare V6. */
static gboolean
parse_endpoint(Lexer *lx, VerdictFlow *flow, gboolean client)
{
    skip_space(lx);
    gsize at = lx->pos;
    const char *s = lx->text + lx->pos;
    gsize end = 0;
    while (s[end] && s[end] != ' ' && s[end] != '\t')
        end++;
    if (end == 0)
        return fail(lx, at, "expected the %s address", client ? "client" : "server");
    char *tok = g_strndup(s, end);
    lx->pos += end;
    char *addr = NULL, *port = NULL;
    gsize port_at = 0;
    if (tok[0] == '[') {
        char *close = strchr(tok, ']');
        if (close == NULL) {
            g_free(tok);
            return fail(lx, at, "'[' without ']' around an IPv6 address");
        }
        addr = g_strndup(tok + 1, (gsize)(close - tok - 1));
        if (close[1] == ':') {
            port = g_strdup(close + 2);
            port_at = at + (gsize)(close - tok) + 2;
        } else if (close[1] != '\0') {
            gsize bad = at + (gsize)(close - tok) + 1;
            g_free(tok);
            g_free(addr);
            return fail(lx, bad, "expected ':PORT' after ']'");
        }
    } else {
        char *colon = strchr(tok, ':');
        if (colon && strchr(colon + 1, ':') == NULL) {
            addr = g_strndup(tok, (gsize)(colon - tok));
            port = g_strdup(colon + 1);
            port_at = at + (gsize)(colon - tok) + 1;
        } else
            addr = g_strdup(tok); /* IPv4 without port, or a bare IPv6 address */
    }
    g_free(tok);
    GInetAddress *ia = g_inet_address_new_from_string(addr);
    if (ia == NULL) {
        gboolean r = fail(lx, at, "'%s' is not an IPv4 or IPv6 address", addr);
        g_free(addr);
        g_free(port);
        return r;
    }
    int family = g_inet_address_get_family(ia) == G_SOCKET_FAMILY_IPV6 ? 6 : 4;
    if (!client && family != flow->family) {
        g_object_unref(ia);
        g_free(addr);
        g_free(port);
        return fail(lx, at, "the server address is IPv%d and the client's IPv%d", family,
                    flow->family);
    }
    flow->family = family;
    memcpy(client ? flow->client : flow->server, g_inet_address_to_bytes(ia),
           g_inet_address_get_native_size(ia));
    g_object_unref(ia);
    g_free(addr);
    gboolean has_ports = flow->ip_proto == 6 || flow->ip_proto == 17;
    if (port == NULL) {
        if (has_ports)
            return fail(lx, lx->pos,
                        "expected ':PORT' after the %s address (TCP and UDP "
                        "flows need both ports)",
                        client ? "client" : "server");
        return TRUE;
    }
    if (!has_ports) {
        g_free(port);
        return fail(lx, port_at - 1, "ICMP and other protocols have no ports");
    }
    char *endp = NULL;
    guint64 n = g_ascii_strtoull(port, &endp, 10);
    if (port[0] == '\0' || *endp != '\0' || n > 65535) {
        gboolean r = fail(lx, port_at, "'%s' is not a port (0-65535)", port);
        g_free(port);
        return r;
    }
    g_free(port);
    if (client)
        flow->client_port = (gint32)n;
    else
        flow->server_port = (gint32)n;
    return TRUE;
}

/* A value: bare to whitespace, or "quoted" with \" and \\. */
static char *
parse_value(Lexer *lx, gsize *len)
{
    GString *v = g_string_new(NULL);
    if (lx->text[lx->pos] == '"') {
        gsize open = lx->pos++;
        for (;;) {
            char c = lx->text[lx->pos];
            if (c == '\0') {
                fail(lx, open, "unterminated '\"'");
                g_string_free(v, TRUE);
                return NULL;
            }
            lx->pos++;
            if (c == '"')
                break;
            if (c == '\\') {
                char n = lx->text[lx->pos];
                if (n != '"' && n != '\\') {
                    fail(lx, lx->pos - 1,
                         "'\\' in a quoted value must be followed by '\"' or "
                         "'\\'");
                    g_string_free(v, TRUE);
                    return NULL;
                }
                lx->pos++;
                c = n;
            }
            g_string_append_c(v, c);
        }
        char after = lx->text[lx->pos];
        if (after != '\0' && after != ' ' && after != '\t') {
            fail(lx, lx->pos, "expected a space after the closing '\"'");
            g_string_free(v, TRUE);
            return NULL;
        }
    } else {
        while (lx->text[lx->pos] && lx->text[lx->pos] != ' ' && lx->text[lx->pos] != '\t')
            g_string_append_c(v, lx->text[lx->pos++]);
    }
    *len = v->len;
    return g_string_free(v, FALSE);
}

typedef struct {
    const char *server; /* accept | refuse | silent */
    const char *data;   /* both | client | none */
    const char *reply;  /* yes | no */
} Behaviour;

static const char *
pick(const char *value, const char *const *choices)
{
    for (; *choices; choices++)
        if (strcmp(value, *choices) == 0)
            return *choices;
    return NULL;
}

static gboolean
parse_pair(Lexer *lx, VerdictFlow *flow, Behaviour *b, guint *seen)
{
    gsize at = lx->pos;
    gsize k = lx->pos;
    while (lx->text[k] && lx->text[k] != '=' && lx->text[k] != ' ' && lx->text[k] != '\t')
        k++;
    if (lx->text[k] != '=')
        return fail(lx, at,
                    "expected KEY=VALUE (keys: sni, host, uri, ua, method, dns, ssh_proto, "
                    "ssh_software, app, server, data, reply)");
    char *key = g_strndup(lx->text + at, k - at);
    lx->pos = k + 1;
    gsize vat = lx->pos;
    gsize len = 0;
    char *value = parse_value(lx, &len);
    if (value == NULL) {
        g_free(key);
        return FALSE;
    }
    /* The fields first, in VerdictField order, then the others. */
    static const char *const keys[] = {
        "sni",       "host",         "uri", "ua",     "method", "dns",
        "ssh_proto", "ssh_software", "app", "server", "data",   "reply",
    };
    int idx = -1;
    for (gsize i = 0; i < G_N_ELEMENTS(keys); i++)
        if (strcmp(keys[i], key) == 0)
            idx = (int)i;
    gboolean ok = TRUE;
    if (idx < 0)
        ok = fail(
            lx, at,
            "unknown key '%s' (keys: sni, host, uri, ua, method, dns, ssh_proto, ssh_software, app, server, data, "
            "reply)",
            key);
    else if (*seen & (1u << idx))
        ok = fail(lx, at, "'%s' given twice", key);
    else if (idx < VERDICT_FIELD_N && len == 0)
        ok = fail(lx, vat, "empty value for '%s'", key);
    if (!ok) {
        g_free(key);
        g_free(value);
        return FALSE;
    }
    *seen |= 1u << idx;
    static const char *const servers[] = { "accept", "refuse", "silent", NULL };
    static const char *const datas[] = { "both", "client", "none", NULL };
    static const char *const replies[] = { "yes", "no", NULL };
    if (idx < VERDICT_FIELD_N) {
        VerdictField f = (VerdictField)idx;
        verdict_flow_set_field(flow, f, value, len);
    } else if (idx == VERDICT_FIELD_N) {
        verdict_flow_set_app_proto(flow, value);
    } else if (idx == VERDICT_FIELD_N + 1) {
        if ((b->server = pick(value, servers)) == NULL)
            ok = fail(lx, vat, "server= takes accept, refuse or silent");
        else if (flow->ip_proto != 6)
            ok = fail(lx, at, "server= is for TCP flows (UDP and ICMP: reply=)");
    } else if (idx == VERDICT_FIELD_N + 2) {
        if ((b->data = pick(value, datas)) == NULL)
            ok = fail(lx, vat, "data= takes both, client or none");
        else if (flow->ip_proto != 6)
            ok = fail(lx, at, "data= is for TCP flows");
    } else {
        if ((b->reply = pick(value, replies)) == NULL)
            ok = fail(lx, vat, "reply= takes yes or no");
        else if (flow->ip_proto == 6)
            ok = fail(lx, at, "reply= is for UDP and ICMP flows (TCP: server= and data=)");
    }
    g_free(key);
    g_free(value);
    return ok;
}

/* The packet counts and flags the stated behaviour implies. */
static void
apply_behaviour(VerdictFlow *flow, const Behaviour *b)
{
    flow->counts_known = TRUE;
    if (flow->ip_proto != 6) {
        gboolean reply = b->reply == NULL || strcmp(b->reply, "yes") == 0;
        flow->pkts[VERDICT_TO_SERVER] = 1;
        flow->pkts[VERDICT_TO_CLIENT] = reply ? 1 : 0;
        flow->bytes[VERDICT_TO_SERVER] = 100;
        flow->bytes[VERDICT_TO_CLIENT] = reply ? 100 : 0;
        if (flow->ip_proto == 1) {
            flow->icmp_type[VERDICT_TO_SERVER] = 8;
            flow->icmp_type[VERDICT_TO_CLIENT] = reply ? 0 : -1;
        }
        return;
    }
    flow->tcp_flags_known = TRUE;
    const char *server = b->server ? b->server : "accept";
    if (strcmp(server, "silent") == 0) {
        flow->pkts[0] = 1, flow->bytes[0] = 74;
        flow->tcp_flags[0] = VERDICT_TCP_SYN;
        return;
    }
    if (strcmp(server, "refuse") == 0) {
        flow->pkts[0] = 1, flow->bytes[0] = 74;
        flow->pkts[1] = 1, flow->bytes[1] = 54;
        flow->tcp_flags[0] = VERDICT_TCP_SYN;
        flow->tcp_flags[1] = VERDICT_TCP_RST | VERDICT_TCP_ACK;
        return;
    }
    const char *data = b->data ? b->data : "both";
    gboolean cdata = strcmp(data, "none") != 0, sdata = strcmp(data, "both") == 0;
    guint8 base = VERDICT_TCP_SYN | VERDICT_TCP_ACK | VERDICT_TCP_FIN;
    /* client: SYN, ACK, [data], FIN, ACK; server: SYN-ACK, [data], FIN */
    flow->pkts[0] = cdata ? 5 : 4;
    flow->bytes[0] = 74 + 54 * 3 + (cdata ? 600 : 0);
    flow->tcp_flags[0] = base | (cdata ? VERDICT_TCP_PSH : 0);
    flow->pkts[1] = sdata ? 3 : 2;
    flow->bytes[1] = 74 + 54 + (sdata ? 1500 : 0);
    flow->tcp_flags[1] = base | (sdata ? VERDICT_TCP_PSH : 0);
}

static const char *
implied_app(VerdictField f)
{
    switch (f) {
    case VERDICT_FIELD_TLS_SNI: return "tls";
    case VERDICT_FIELD_DNS_QUERY: return "dns";
    case VERDICT_FIELD_SSH_PROTO:
    case VERDICT_FIELD_SSH_SOFTWARE: return "ssh";
    default: return "http";
    }
}

gboolean
verdict_flow_parse(const char *text, VerdictFlow *flow, GError **error)
{
    verdict_flow_init(flow);
    Lexer lx = { text, 0, error };
    if (!parse_proto(&lx, flow) || !parse_endpoint(&lx, flow, TRUE))
        goto bad;
    skip_space(&lx);
    gboolean reversed = FALSE;
    if (strncmp(text + lx.pos, "->", 2) == 0)
        lx.pos += 2;
    else if (strncmp(text + lx.pos, "<-", 2) == 0) {
        lx.pos += 2;
        reversed = TRUE;
    } else {
        fail(&lx, lx.pos, "expected '->' (client to server) or '<-' (server first)");
        goto bad;
    }
    if (reversed) {
        /* "SERVER <- CLIENT": what was read first is the server. */
        guint8 first[16];
        memcpy(first, flow->client, 16);
        gint32 first_port = flow->client_port;
        if (!parse_endpoint(&lx, flow, TRUE))
            goto bad;
        memcpy(flow->server, first, 16);
        flow->server_port = first_port;
    } else if (!parse_endpoint(&lx, flow, FALSE))
        goto bad;
    Behaviour b = { 0 };
    guint seen = 0;
    for (;;) {
        skip_space(&lx);
        if (text[lx.pos] == '\0')
            break;
        if (!parse_pair(&lx, flow, &b, &seen))
            goto bad;
    }
    /* Fields imply their app protocol; they must agree with it. */
    for (int f = 0; f < VERDICT_FIELD_N; f++) {
        if (!flow->fields[f].known)
            continue;
        const char *need = implied_app((VerdictField)f);
        if (flow->app_proto == NULL)
            verdict_flow_set_app_proto(flow, need);
        else if (strcmp(flow->app_proto, need) != 0 &&
                 !(strcmp(need, "http") == 0 && strcmp(flow->app_proto, "http2") == 0)) {
            g_set_error(error, VERDICT_ERROR, VERDICT_ERROR_SYNTAX,
                        "%s= is a field of %s flows, and this flow's app protocol is %s",
                        verdict_field_name((VerdictField)f), need, flow->app_proto);
            goto bad;
        }
    }
    if (flow->app_proto == NULL)
        verdict_flow_set_app_proto(flow,
                                   flow->ip_proto == 6 || flow->ip_proto == 17 ? "unknown" : NULL);
    if (flow->app_proto && app_transport(flow->app_proto) &&
        app_transport(flow->app_proto) != flow->ip_proto && strcmp(flow->app_proto, "dns") != 0) {
        g_set_error(error, VERDICT_ERROR, VERDICT_ERROR_SYNTAX,
                    "app protocol %s does not run over %s", flow->app_proto,
                    flow->ip_proto == 6    ? "TCP"
                    : flow->ip_proto == 17 ? "UDP"
                                           : "ICMP");
        goto bad;
    }
    apply_behaviour(flow, &b);
    return TRUE;
bad:
    verdict_flow_clear(flow);
    return FALSE;
}
