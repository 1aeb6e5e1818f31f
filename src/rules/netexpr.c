/*
 * netexpr.c - parsing of Suricata address and port fields.
 *
 * Grammar (Suricata 7, detect-engine-address.c / detect-engine-port.c):
 *   item  := '!'* ( 'any' | CIDR | IP '-' IP | '$'NAME | '@'NAME | '[' list ']' )
 *   list  := item (',' item)*
 * Ports use the same shape with N, N:M, N:, :M instead of addresses.
 * Whitespace inside brackets is tolerated, as Suricata does.
 * Validation that needs resolved variables (complete negation of the
 * address space, ...) belongs to the policy, not here.
 */
#include "rules/netexpr.h"
#include "rules/sc_parse.h"

#include <string.h>
#include <arpa/inet.h>

typedef struct {
    const char *text;
    int pos;
    gboolean ports;
    char *error;
    int error_offset;
} ExprParser;

static NetExpr *parse_item(ExprParser *p, int depth);

static void
expr_fail(ExprParser *p, int offset, const char *fmt, const char *arg)
{
    if (p->error != NULL)
        return;
    p->error = g_strdup_printf(fmt, arg);
    p->error_offset = offset;
}

static void
skip_space(ExprParser *p)
{
    while (p->text[p->pos] == ' ' || p->text[p->pos] == '\t')
        p->pos++;
}

void
netexpr_free(NetExpr *expr)
{
    if (expr == NULL)
        return;
    g_free(expr->name);
    if (expr->items != NULL)
        g_ptr_array_free(expr->items, TRUE);
    g_free(expr);
}

static NetExpr *
netexpr_alloc(NetExprKind kind, int offset)
{
    NetExpr *e = g_new0(NetExpr, 1);
    e->kind = kind;
    e->offset = offset;
    return e;
}

static gboolean
is_name_char(char c)
{
    return g_ascii_isalnum(c) || c == '_' || c == '-';
}

/* An atom runs to the next ',', ']' or whitespace. */
static char *
take_atom(ExprParser *p)
{
    int start = p->pos;
    while (p->text[p->pos] != '\0' && p->text[p->pos] != ',' && p->text[p->pos] != ']' &&
           p->text[p->pos] != '[' && p->text[p->pos] != ' ' && p->text[p->pos] != '\t')
        p->pos++;
    return g_strndup(p->text + start, p->pos - start);
}

static void
clear_host_bits(guint8 *addr, int len_bytes, int prefix)
{
    for (int i = 0; i < len_bytes; i++) {
        int bits = prefix - i * 8;
        if (bits >= 8)
            continue;
        if (bits <= 0)
            addr[i] = 0;
        else
            addr[i] &= (guint8)(0xff << (8 - bits));
    }
}

/* Parse "a.b.c.d", "a.b.c.d/nn", "a.b.c.d/m.m.m.m", IPv6 forms, "a-b". */
static NetExpr *
parse_ip_atom(ExprParser *p, const char *atom, int offset)
{
    NetExpr *e = netexpr_alloc(NETEXPR_CIDR, offset);
    const char *slash = strchr(atom, '/');
    const char *dash = strchr(atom, '-');
    char *host = g_strndup(atom, slash ? (gsize)(slash - atom)
                                       : (dash ? (gsize)(dash - atom) : strlen(atom)));

    if (strchr(host, ':') != NULL) {
        e->family = 6;
        if (inet_pton(AF_INET6, host, e->addr) != 1) {
            expr_fail(p, offset, "invalid IPv6 address '%s'", atom);
            goto fail;
        }
        e->prefix = 128;
    } else {
        e->family = 4;
        struct in_addr a4;
        /* inet_pton rejects leading zeros and short forms, as Suricata does. */
        if (inet_pton(AF_INET, host, &a4) != 1) {
            expr_fail(p, offset, "invalid address '%s'", atom);
            goto fail;
        }
        memcpy(e->addr, &a4, 4);
        e->prefix = 32;
    }

    if (slash != NULL) {
        const char *m = slash + 1;
        char *end = NULL;
        if (e->family == 4 && strchr(m, '.') != NULL) {
            struct in_addr mask;
            if (inet_pton(AF_INET, m, &mask) != 1) {
                expr_fail(p, offset, "invalid netmask in '%s'", atom);
                goto fail;
            }
            guint32 mv = ntohl(mask.s_addr);
            int bits = 0;
            while (bits < 32 && (mv & (0x80000000u >> bits)))
                bits++;
            if (bits < 32 && (mv << bits) != 0) {
                expr_fail(p, offset, "non-contiguous netmask in '%s'", atom);
                goto fail;
            }
            e->prefix = bits;
        } else {
            if (*m == '\0' || !g_ascii_isdigit(*m)) {
                expr_fail(p, offset, "invalid prefix length in '%s'", atom);
                goto fail;
            }
            guint64 v = g_ascii_strtoull(m, &end, 10);
            if (*end != '\0' || v > (guint64)(e->family == 4 ? 32 : 128)) {
                expr_fail(p, offset, "invalid prefix length in '%s'", atom);
                goto fail;
            }
            e->prefix = (int)v;
        }
        clear_host_bits(e->addr, e->family == 4 ? 4 : 16, e->prefix);
    } else if (dash != NULL) {
        e->kind = NETEXPR_IP_RANGE;
        const char *hi = dash + 1;
        int ok = e->family == 4 ? inet_pton(AF_INET, hi, e->addr_hi)
                                : inet_pton(AF_INET6, hi, e->addr_hi);
        if (ok != 1 || memcmp(e->addr, e->addr_hi, e->family == 4 ? 4 : 16) > 0) {
            expr_fail(p, offset, "invalid address range '%s'", atom);
            goto fail;
        }
    }
    g_free(host);
    return e;
fail:
    g_free(host);
    netexpr_free(e);
    return NULL;
}

/* DetectPortIsValidRange: StringParseUint16, base 10, strict (strtoull
 * underneath: a leading '+' or '-0' passes). */
static gboolean
parse_port_number(const char *s, guint32 *out)
{
    guint16 v;
    if (!sc_parse_u16(&v, 10, 0, s))
        return FALSE;
    *out = v;
    return TRUE;
}

static NetExpr *
parse_port_atom(ExprParser *p, const char *atom, int offset)
{
    NetExpr *e = netexpr_alloc(NETEXPR_PORT_RANGE, offset);
    const char *colon = strchr(atom, ':');
    if (colon == NULL) {
        if (strlen(atom) >= 16 || !parse_port_number(atom, &e->port_lo)) {
            expr_fail(p, offset, "invalid port '%s'", atom);
            netexpr_free(e);
            return NULL;
        }
        e->port_hi = e->port_lo;
        return e;
    }
    char *lo = g_strndup(atom, colon - atom);
    const char *hi = colon + 1;
    gboolean ok = TRUE;
    e->port_lo = 0;
    e->port_hi = 65535;
    /* PortParse: ":" alone is 0:65535; at most 15 characters */
    if (strlen(atom) >= 16)
        ok = FALSE;
    if (ok && *lo != '\0')
        ok = parse_port_number(lo, &e->port_lo);
    if (ok && *hi != '\0')
        ok = parse_port_number(hi, &e->port_hi);
    if (ok && e->port_lo > e->port_hi)
        ok = FALSE;
    g_free(lo);
    if (!ok) {
        expr_fail(p, offset, "invalid port range '%s'", atom);
        netexpr_free(e);
        return NULL;
    }
    return e;
}

static NetExpr *
parse_group(ExprParser *p, int depth)
{
    int start = p->pos;
    p->pos++; /* '[' */
    NetExpr *g = netexpr_alloc(NETEXPR_GROUP, start);
    g->items = g_ptr_array_new_with_free_func((GDestroyNotify)netexpr_free);
    for (;;) {
        skip_space(p);
        if (p->text[p->pos] == ']') {
            if (g->items->len == 0)
                expr_fail(p, p->pos, "empty list%s", "");
            else
                expr_fail(p, p->pos, "unexpected ']' after ','%s", "");
            break;
        }
        NetExpr *item = parse_item(p, depth + 1);
        if (item == NULL)
            break;
        g_ptr_array_add(g->items, item);
        skip_space(p);
        if (p->text[p->pos] == ',') {
            p->pos++;
            continue;
        }
        if (p->text[p->pos] == ']') {
            p->pos++;
            return g;
        }
        if (p->text[p->pos] == '\0')
            expr_fail(p, start, "unbalanced '[': missing ']'%s", "");
        else
            expr_fail(p, p->pos, "expected ',' or ']' but found '%.1s'", p->text + p->pos);
        break;
    }
    netexpr_free(g);
    return NULL;
}

static NetExpr *
parse_item(ExprParser *p, int depth)
{
    if (depth > 64) {
        expr_fail(p, p->pos, "lists nested too deeply%s", "");
        return NULL;
    }
    skip_space(p);
    int start = p->pos;
    gboolean negated = FALSE;
    while (p->text[p->pos] == '!') {
        negated = !negated;
        p->pos++;
    }
    if (negated && p->ports && depth >= 2) {
        /* Suricata: "Can't have a negated value in a range" */
        expr_fail(p, start, "a negated port inside a nested list is not allowed%s", "");
        return NULL;
    }
    NetExpr *e = NULL;
    if (p->text[p->pos] == '[') {
        e = parse_group(p, depth);
    } else {
        int atom_at = p->pos;
        char *atom = take_atom(p);
        if (*atom == '\0') {
            if (p->text[p->pos] == '\0')
                expr_fail(p, atom_at, "missing value after '%s'", p->pos > 0 ? "!" : "");
            else
                expr_fail(p, atom_at, "unexpected '%.1s'", p->text + p->pos);
        } else if (g_ascii_strcasecmp(atom, "any") == 0) {
            e = netexpr_alloc(NETEXPR_ANY, atom_at);
            if (negated) {
                expr_fail(p, start, "'!any' is not allowed%s", "");
                netexpr_free(e);
                e = NULL;
            }
        } else if (atom[0] == '$' || atom[0] == '@') {
            gboolean ok = atom[1] != '\0' && g_ascii_isalpha(atom[1]);
            for (const char *c = atom + 1; ok && *c; c++)
                ok = is_name_char(*c);
            if (!ok || (atom[0] == '@' && p->ports)) {
                expr_fail(p, atom_at, "invalid variable name '%s'", atom);
            } else {
                e = netexpr_alloc(atom[0] == '$' ? NETEXPR_VAR : NETEXPR_IPSET_REF, atom_at);
                e->name = g_strdup(atom + 1);
            }
        } else if (p->ports) {
            e = parse_port_atom(p, atom, atom_at);
        } else {
            e = parse_ip_atom(p, atom, atom_at);
        }
        g_free(atom);
    }
    if (e != NULL) {
        e->negated = negated;
        e->offset = start;
    }
    return e;
}

static NetExpr *
parse_field(const char *text, gboolean ports, char **error, int *error_offset)
{
    ExprParser p = { .text = text, .pos = 0, .ports = ports };
    NetExpr *e = parse_item(&p, 0);
    if (e != NULL) {
        skip_space(&p);
        if (text[p.pos] != '\0') {
            expr_fail(&p, p.pos, "unexpected text '%s'", text + p.pos);
            netexpr_free(e);
            e = NULL;
        }
    }
    if (e == NULL) {
        if (p.error == NULL)
            expr_fail(&p, 0, "invalid %s", ports ? "port" : "address");
        *error = p.error;
        *error_offset = p.error_offset;
    }
    return e;
}

NetExpr *
netexpr_parse_address(const char *text, char **error, int *error_offset)
{
    return parse_field(text, FALSE, error, error_offset);
}

NetExpr *
netexpr_parse_ports(const char *text, char **error, int *error_offset)
{
    return parse_field(text, TRUE, error, error_offset);
}

gboolean
netexpr_has_symbols(const NetExpr *expr)
{
    if (expr->kind == NETEXPR_VAR || expr->kind == NETEXPR_IPSET_REF)
        return TRUE;
    if (expr->kind == NETEXPR_GROUP)
        for (guint i = 0; i < expr->items->len; i++)
            if (netexpr_has_symbols(g_ptr_array_index(expr->items, i)))
                return TRUE;
    return FALSE;
}

static void
format_expr(GString *out, const NetExpr *e)
{
    char buf[INET6_ADDRSTRLEN];
    if (e->negated)
        g_string_append_c(out, '!');
    switch (e->kind) {
    case NETEXPR_ANY: g_string_append(out, "any"); break;
    case NETEXPR_CIDR:
        inet_ntop(e->family == 4 ? AF_INET : AF_INET6, e->addr, buf, sizeof buf);
        g_string_append(out, buf);
        if (e->prefix != (e->family == 4 ? 32 : 128))
            g_string_append_printf(out, "/%d", e->prefix);
        break;
    case NETEXPR_IP_RANGE:
        inet_ntop(e->family == 4 ? AF_INET : AF_INET6, e->addr, buf, sizeof buf);
        g_string_append(out, buf);
        g_string_append_c(out, '-');
        inet_ntop(e->family == 4 ? AF_INET : AF_INET6, e->addr_hi, buf, sizeof buf);
        g_string_append(out, buf);
        break;
    case NETEXPR_VAR: g_string_append_printf(out, "$%s", e->name); break;
    case NETEXPR_IPSET_REF: g_string_append_printf(out, "@%s", e->name); break;
    case NETEXPR_PORT_RANGE:
        if (e->port_lo == e->port_hi)
            g_string_append_printf(out, "%u", e->port_lo);
        else if (e->port_hi == 65535)
            g_string_append_printf(out, "%u:", e->port_lo);
        else
            g_string_append_printf(out, "%u:%u", e->port_lo, e->port_hi);
        break;
    case NETEXPR_GROUP:
        g_string_append_c(out, '[');
        for (guint i = 0; i < e->items->len; i++) {
            if (i > 0)
                g_string_append_c(out, ',');
            format_expr(out, g_ptr_array_index(e->items, i));
        }
        g_string_append_c(out, ']');
        break;
    }
}

char *
netexpr_to_string(const NetExpr *expr)
{
    GString *out = g_string_new(NULL);
    format_expr(out, expr);
    return g_string_free(out, FALSE);
}
