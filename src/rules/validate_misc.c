/*
 * validate_misc.c - validators of header-level and app-layer keywords:
 * ssl_state, ssl_version, tls.version, app-layer-protocol, geoip, tcp.flags,
 * numeric comparisons (ttl, itype, dsize, urilen ...), ip_proto,
 * dns.opcode, fragbits, tos, ipopts, events, iprep.
 */
#include <netdb.h>
#include <string.h>

#include "rules/parser_state.h"
#include "rules/protocols.h"
#include "rules/validate.h"

/* app-layer-protocol values beside the protocols of protocols.c. */
static const char *const alproto_states[] = { "failed", "unknown", NULL };

static gboolean
word_in(const char *const *list, const char *s)
{
    for (; *list; list++)
        if (strcmp(*list, s) == 0)
            return TRUE;
    return FALSE;
}

/* "a|b|!c" or "a,b,!c" lists of known words. */
static gboolean
word_list(const char *value, const char *seps, const char *const *words, char **error)
{
    char **items = g_strsplit_set(value, seps, -1);
    gboolean ok = TRUE;
    for (int i = 0; ok && items[i]; i++) {
        char *w = g_strstrip(items[i]);
        if (*w == '!')
            w++;
        if (!word_in(words, w)) {
            *error = g_strdup_printf("unknown value '%s'", w);
            ok = FALSE;
        }
    }
    g_strfreev(items);
    return ok;
}

gboolean
validate_ssl_state(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    static const char *const states[] = {
        "client_hello", "server_hello", "client_keyx", "server_keyx", "unknown", NULL,
    };
    return word_list(value, "|", states, error);
}

gboolean
validate_ssl_version(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    static const char *const versions[] = {
        "sslv2", "sslv3", "tls1.0", "tls1.1", "tls1.2", "tls1.3", NULL,
    };
    return word_list(value, ",", versions, error);
}

gboolean
validate_tls_version(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    static const char *const versions[] = { "1.0", "1.1", "1.2", "1.3", NULL };
    const char *v = value;
    if (*v == '!')
        v++;
    if (word_in(versions, v) || (g_str_has_prefix(v, "0x") && strlen(v) > 2))
        return TRUE;
    *error = g_strdup_printf("unknown TLS version '%s'", value);
    return FALSE;
}

gboolean
validate_app_layer_protocol(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    char **p = g_strsplit(value, ",", 2);
    char *name = g_strstrip(p[0]);
    gboolean negated = *name == '!';
    if (negated)
        name++;
    gboolean ok = (rule_proto_flags(name) & (RULE_PROTO_APP | RULE_PROTO_DISABLED)) != 0 ||
                  word_in(alproto_states, name);
    if (!ok) {
        *error = g_strdup_printf("unknown app-layer protocol '%s'", name);
    } else if (!negated && (parser->alproto_positive || parser->alproto != NULL)) {
        /* Suricata: one positive match per rule, and none when the rule
         * already names its protocol (header or buffer keywords). */
        *error = g_strdup(parser->alproto_positive
                              ? "only one positive app-layer-protocol match per rule"
                              : "the rule's protocol is already set by its header or keywords");
        ok = FALSE;
    } else if ((negated || strcmp(name, "failed") == 0) && parser->alproto_positive) {
        *error = g_strdup("a positive app-layer-protocol match cannot be mixed with a "
                          "negated one or with 'failed'");
        ok = FALSE;
    } else if (!negated && parser->alproto_negated) {
        *error = g_strdup("a positive app-layer-protocol match cannot be mixed with a "
                          "negated one");
        ok = FALSE;
    }
    if (ok && negated)
        parser->alproto_negated = TRUE;
    else if (ok)
        parser->alproto_positive = TRUE;
    g_strfreev(p);
    return ok;
}

gboolean
validate_geoip(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    const char *comma = strchr(value, ',');
    if (comma == NULL) {
        *error = g_strdup("expected 'src|dst|both|any,CC[,CC...]'");
        return FALSE;
    }
    char *dir = g_strstrip(g_strndup(value, comma - value));
    gboolean ok =
        !strcmp(dir, "src") || !strcmp(dir, "dst") || !strcmp(dir, "both") || !strcmp(dir, "any");
    g_free(dir);
    if (!ok)
        *error = g_strdup("the direction must be src, dst, both or any");
    return ok;
}

gboolean
validate_tcp_flags(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    char **p = g_strsplit(value, ",", 2);
    gboolean ok = TRUE;
    for (int part = 0; ok && part < 2 && p[part]; part++) {
        const char *s = g_strstrip(p[part]);
        if (*s == '\0')
            ok = FALSE;
        for (; ok && *s; s++)
            ok = strchr(part == 0 ? "FSRPAUCEN0+*!" : "FSRPAUCE12", *s) != NULL;
    }
    g_strfreev(p);
    if (!ok)
        *error =
            g_strdup_printf("invalid TCP flags '%s' (use F S R P A U C E 0 with + * !)", value);
    return ok;
}

/* Suricata's generic uint comparison: N, <N, >N, <=N, >=N, !N, =N, N-M, N<>M. */
static gboolean
uint_cmp(const char *value, guint64 max, char **error)
{
    const char *s = value;
    while (*s == ' ')
        s++;
    guint64 a, b;
    if (*s == '<' || *s == '>' || *s == '!' || *s == '=') {
        s++;
        if (*s == '=')
            s++;
        if (parse_uint(s, max, &a))
            return TRUE;
    } else {
        const char *range = strstr(s, "<>");
        int skip = 2;
        if (range == NULL) {
            range = strchr(s, '-');
            skip = 1;
        }
        if (range != NULL) {
            char *lo = g_strndup(s, range - s);
            gboolean ok = parse_uint(lo, max, &a) && parse_uint(range + skip, max, &b) && a < b;
            g_free(lo);
            if (ok)
                return TRUE;
        } else if (parse_uint(s, max, &a)) {
            return TRUE;
        }
    }
    *error = g_strdup_printf(
        "'%s' is not a valid comparison (N, <N, >N, N<>M ...) up to %" G_GUINT64_FORMAT, value,
        max);
    return FALSE;
}

gboolean
validate_u8_cmp(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    return uint_cmp(value, 255, error);
}

gboolean
validate_u16_cmp(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    if (strcmp(parser->kw->canonical, "urilen") == 0) {
        char **p = g_strsplit(value, ",", 2);
        gboolean ok = uint_cmp(g_strstrip(p[0]), 65535, error);
        if (ok && p[1] != NULL) {
            char *mode = g_strstrip(p[1]);
            ok = !strcmp(mode, "raw") || !strcmp(mode, "norm");
            if (!ok)
                *error = g_strdup_printf("unknown urilen mode '%s'", mode);
        }
        g_strfreev(p);
        return ok;
    }
    return uint_cmp(value, 65535, error);
}

gboolean
validate_u32_cmp(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    return uint_cmp(value, G_MAXUINT32, error);
}

gboolean
validate_u64_cmp(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    if (strcmp(parser->kw->canonical, "bsize") == 0 && parser->buffer == NULL) {
        *error = g_strdup("bsize needs a sticky buffer before it");
        return FALSE;
    }
    return uint_cmp(value, G_MAXUINT64, error);
}

gboolean
validate_u32(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    return uint_cmp(value, G_MAXUINT32, error);
}

gboolean
validate_dsize(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    if (parser->seen_dsize) {
        *error = g_strdup("a rule may have only one dsize");
        return FALSE;
    }
    parser->seen_dsize = TRUE;
    return uint_cmp(value, 65535, error);
}

gboolean
validate_ip_proto(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    const char *proto = parser->rule->proto;
    if (strcmp(proto, "ip") != 0 && strcmp(proto, "ipv4") != 0 && strcmp(proto, "ip4") != 0 &&
        strcmp(proto, "ipv6") != 0 && strcmp(proto, "ip6") != 0) {
        *error = g_strdup_printf("ip_proto can only be used in 'ip' rules, not '%s'", proto);
        return FALSE;
    }
    const char *s = value;
    if (*s == '!' || *s == '<' || *s == '>')
        s++;
    guint64 v;
    if (parse_uint(s, 255, &v))
        return TRUE;
    if (getprotobyname(s) != NULL)
        return TRUE;
    *error = g_strdup_printf("'%s' is not a protocol number or a name from /etc/protocols", s);
    return FALSE;
}

gboolean
validate_dns_opcode(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    const char *s = value;
    if (*s == '!')
        s++;
    return uint_cmp(s, 255, error);
}

gboolean
validate_fragbits(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    for (const char *c = value; *c; c++)
        if (!strchr("MDR+*!", *c)) {
            *error = g_strdup_printf("invalid fragbits '%s' (use M D R with + * !)", value);
            return FALSE;
        }
    return TRUE;
}

gboolean
validate_tos(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    const char *s = value;
    if (*s == '!')
        s++;
    guint64 v;
    if (g_str_has_prefix(s, "0x") || g_str_has_prefix(s, "0X")) {
        char *end = NULL;
        v = g_ascii_strtoull(s + 2, &end, 16);
        if (end != s + 2 && *end == '\0' && v <= 255)
            return TRUE;
    } else if (parse_uint(s, 255, &v)) {
        return TRUE;
    }
    *error = g_strdup_printf("'%s' is not a TOS value from 0 to 255", value);
    return FALSE;
}

gboolean
validate_ipopts(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    static const char *const opts[] = {
        "rr", "eol", "nop", "ts", "sec", "esec", "lsrr", "lsrre", "ssrr", "satid", "any", NULL,
    };
    if (word_in(opts, value))
        return TRUE;
    *error = g_strdup_printf("unknown IP option '%s'", value);
    return FALSE;
}

gboolean
validate_event(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    const char *s = value;
    if (*s == '!')
        s++;
    if (!rule_event_known(parser->kw->canonical, s)) {
        *error = g_strdup_printf("unknown event '%s'", s);
        return FALSE;
    }
    return *s != '\0';
}

gboolean
validate_iprep(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    /* The category must come from a reputation categories file; Suricata's
     * default configuration has none, so every iprep rule is rejected (and
     * Network Firewall does not support IP reputation at all). */
    char **p = g_strsplit(value, ",", -1);
    gboolean shape = g_strv_length(p) == 4;
    g_strfreev(p);
    *error = g_strdup(shape ? "no IP reputation categories are configured (Suricata's default "
                              "configuration has none)"
                            : "expected 'side,category,operator,value'");
    return FALSE;
}

gboolean
validate_filestore(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    static const char *const directions[] = {
        "request", "response", "both", "to_server", "to_client", NULL,
    };
    static const char *const scopes[] = { "file", "tx", "ssn", "flow", NULL };
    if (value == NULL)
        return TRUE;
    char **p = g_strsplit(value, ",", -1);
    gboolean ok = g_strv_length(p) <= 2 && word_in(directions, g_strstrip(p[0])) &&
                  (p[1] == NULL || word_in(scopes, g_strstrip(p[1])));
    g_strfreev(p);
    if (!ok)
        *error = g_strdup("expected 'request|response|both[,file|tx|ssn|flow]'");
    return ok;
}
