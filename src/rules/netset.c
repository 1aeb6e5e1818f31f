/*
 * netset.c - resolved address and port sets (netset.h).
 *
 * Ranges are kept sorted, disjoint and merged, so containment is a linear
 * walk.  Variables nest (a variable's value may use other variables);
 * a depth limit stops cycles ($A = [$B], $B = [$A]).
 */
#include "rules/netset.h"

#include <string.h>

#define NETSET_MAX_DEPTH 32

static const NetU128 V4_MAX = 0xffffffffu;
static const NetU128 V6_MAX = ~(NetU128)0;
static const NetU128 PORT_MAX = 65535;

NetSet *
netset_new(gboolean ports)
{
    NetSet *s = g_new0(NetSet, 1);
    s->ports = ports;
    s->v4 = g_array_new(FALSE, FALSE, sizeof(NetRange));
    s->v6 = g_array_new(FALSE, FALSE, sizeof(NetRange));
    return s;
}

NetSet *
netset_new_any(gboolean ports)
{
    NetSet *s = netset_new(ports);
    NetRange r = { 0, ports ? PORT_MAX : V4_MAX };
    g_array_append_val(s->v4, r);
    if (!ports) {
        NetRange r6 = { 0, V6_MAX };
        g_array_append_val(s->v6, r6);
    }
    return s;
}

void
netset_free(NetSet *s)
{
    if (s == NULL)
        return;
    g_array_free(s->v4, TRUE);
    g_array_free(s->v6, TRUE);
    g_free(s);
}

NetSet *
netset_copy(const NetSet *s)
{
    NetSet *c = netset_new(s->ports);
    g_array_append_vals(c->v4, s->v4->data, s->v4->len);
    g_array_append_vals(c->v6, s->v6->data, s->v6->len);
    return c;
}

static int
range_cmp(gconstpointer a, gconstpointer b)
{
    const NetRange *x = a, *y = b;
    return x->lo < y->lo ? -1 : x->lo > y->lo ? 1 : 0;
}

/* Sort and merge overlapping or adjacent ranges. */
static void
ranges_normalise(GArray *ranges)
{
    if (ranges->len < 2)
        return;
    g_array_sort(ranges, range_cmp);
    guint out = 0;
    for (guint i = 1; i < ranges->len; i++) {
        NetRange *cur = &g_array_index(ranges, NetRange, out);
        NetRange *next = &g_array_index(ranges, NetRange, i);
        if (cur->hi == ~(NetU128)0 || next->lo <= cur->hi + 1) {
            if (next->hi > cur->hi)
                cur->hi = next->hi;
        } else {
            out++;
            g_array_index(ranges, NetRange, out) = *next;
        }
    }
    g_array_set_size(ranges, out + 1);
}

static void
ranges_union(GArray *into, const GArray *from)
{
    g_array_append_vals(into, from->data, from->len);
    ranges_normalise(into);
}

/* into = into − from; both normalised. */
static void
ranges_subtract(GArray *into, const GArray *from)
{
    GArray *result = g_array_new(FALSE, FALSE, sizeof(NetRange));
    for (guint i = 0; i < into->len; i++) {
        NetRange cur = g_array_index(into, NetRange, i);
        gboolean alive = TRUE;
        for (guint j = 0; j < from->len && alive; j++) {
            const NetRange *cut = &g_array_index(from, NetRange, j);
            if (cut->hi < cur.lo || cut->lo > cur.hi)
                continue;
            if (cut->lo > cur.lo) {
                NetRange left = { cur.lo, cut->lo - 1 };
                g_array_append_val(result, left);
            }
            if (cut->hi < cur.hi)
                cur.lo = cut->hi + 1;
            else
                alive = FALSE;
        }
        if (alive)
            g_array_append_val(result, cur);
    }
    g_array_set_size(into, 0);
    g_array_append_vals(into, result->data, result->len);
    g_array_free(result, TRUE);
}

static void
netset_union(NetSet *into, const NetSet *from)
{
    ranges_union(into->v4, from->v4);
    ranges_union(into->v6, from->v6);
}

static void
netset_subtract(NetSet *into, const NetSet *from)
{
    ranges_subtract(into->v4, from->v4);
    ranges_subtract(into->v6, from->v6);
}

static NetU128
bytes_to_u128(const guint8 *b, int n)
{
    NetU128 v = 0;
    for (int i = 0; i < n; i++)
        v = v << 8 | b[i];
    return v;
}

static NetSet *eval_expr(const NetExpr *e, gboolean ports, NetVarResolver resolver, gpointer data,
                         int depth, char **error);

/* An item without its own negation. */
static NetSet *
eval_positive(const NetExpr *e, gboolean ports, NetVarResolver resolver, gpointer data, int depth,
              char **error)
{
    NetSet *s = NULL;
    switch (e->kind) {
    case NETEXPR_ANY: return netset_new_any(ports);
    case NETEXPR_CIDR: {
        s = netset_new(ports);
        int bits = e->family == 4 ? 32 : 128;
        NetU128 base = bytes_to_u128(e->addr, e->family == 4 ? 4 : 16);
        NetU128 span = e->prefix == 0 ? (e->family == 4 ? V4_MAX : V6_MAX)
                                      : (((NetU128)1 << (bits - e->prefix)) - 1);
        NetRange r = { base, base + span };
        g_array_append_val(e->family == 4 ? s->v4 : s->v6, r);
        return s;
    }
    case NETEXPR_IP_RANGE: {
        s = netset_new(ports);
        int n = e->family == 4 ? 4 : 16;
        NetRange r = { bytes_to_u128(e->addr, n), bytes_to_u128(e->addr_hi, n) };
        g_array_append_val(e->family == 4 ? s->v4 : s->v6, r);
        return s;
    }
    case NETEXPR_PORT_RANGE: {
        s = netset_new(TRUE);
        NetRange r = { e->port_lo, e->port_hi };
        g_array_append_val(s->v4, r);
        return s;
    }
    case NETEXPR_VAR:
    case NETEXPR_IPSET_REF: {
        const NetExpr *value =
            resolver ? resolver(e->name, e->kind == NETEXPR_IPSET_REF, data) : NULL;
        if (value == NULL) {
            *error = g_strdup_printf("undefined %s %c%s",
                                     e->kind == NETEXPR_VAR ? "variable" : "IP set reference",
                                     e->kind == NETEXPR_VAR ? '$' : '@', e->name);
            return NULL;
        }
        if (depth >= NETSET_MAX_DEPTH) {
            *error = g_strdup_printf("variable $%s refers to itself", e->name);
            return NULL;
        }
        return eval_expr(value, ports, resolver, data, depth + 1, error);
    }
    case NETEXPR_GROUP: {
        NetSet *plus = netset_new(ports);
        NetSet *minus = netset_new(ports);
        gboolean any_positive = FALSE;
        for (guint i = 0; i < e->items->len; i++) {
            const NetExpr *item = g_ptr_array_index(e->items, i);
            NetSet *v = eval_positive(item, ports, resolver, data, depth + 1, error);
            if (v == NULL) {
                netset_free(plus);
                netset_free(minus);
                return NULL;
            }
            if (item->negated) {
                netset_union(minus, v);
            } else {
                netset_union(plus, v);
                any_positive = TRUE;
            }
            netset_free(v);
        }
        if (!any_positive) {
            netset_free(plus);
            plus = netset_new_any(ports);
        }
        netset_subtract(plus, minus);
        netset_free(minus);
        return plus;
    }
    }
    return NULL;
}

static NetSet *
eval_expr(const NetExpr *e, gboolean ports, NetVarResolver resolver, gpointer data, int depth,
          char **error)
{
    NetSet *s = eval_positive(e, ports, resolver, data, depth, error);
    if (s != NULL && e->negated) {
        NetSet *all = netset_new_any(ports);
        netset_subtract(all, s);
        netset_free(s);
        s = all;
    }
    return s;
}

NetSet *
netset_from_expr(const NetExpr *expr, gboolean ports, NetVarResolver resolver, gpointer data,
                 char **error)
{
    NetSet *s = eval_expr(expr, ports, resolver, data, 0, error);
    if (s != NULL && netset_is_empty(s)) {
        *error =
            g_strdup(ports ? "no ports left after negation" : "no addresses left after negation");
        netset_free(s);
        return NULL;
    }
    return s;
}

gboolean
netset_is_empty(const NetSet *s)
{
    return s->v4->len == 0 && s->v6->len == 0;
}

gboolean
netset_is_any(const NetSet *s)
{
    NetSet *any = netset_new_any(s->ports);
    gboolean r = netset_contains(s, any);
    netset_free(any);
    return r;
}

static gboolean
ranges_contain(const GArray *outer, const GArray *inner)
{
    guint j = 0;
    for (guint i = 0; i < inner->len; i++) {
        const NetRange *r = &g_array_index(inner, NetRange, i);
        while (j < outer->len && g_array_index(outer, NetRange, j).hi < r->lo)
            j++;
        if (j >= outer->len)
            return FALSE;
        const NetRange *o = &g_array_index(outer, NetRange, j);
        if (o->lo > r->lo || o->hi < r->hi)
            return FALSE;
    }
    return TRUE;
}

gboolean
netset_contains(const NetSet *outer, const NetSet *inner)
{
    return ranges_contain(outer->v4, inner->v4) && ranges_contain(outer->v6, inner->v6);
}

static gboolean
ranges_intersect(const GArray *a, const GArray *b)
{
    guint i = 0, j = 0;
    while (i < a->len && j < b->len) {
        const NetRange *x = &g_array_index(a, NetRange, i);
        const NetRange *y = &g_array_index(b, NetRange, j);
        if (x->hi < y->lo)
            i++;
        else if (y->hi < x->lo)
            j++;
        else
            return TRUE;
    }
    return FALSE;
}

gboolean
netset_intersects(const NetSet *a, const NetSet *b)
{
    return ranges_intersect(a->v4, b->v4) || ranges_intersect(a->v6, b->v6);
}

gboolean
netset_contains_ipv4(const NetSet *s, guint32 addr)
{
    for (guint i = 0; i < s->v4->len; i++) {
        const NetRange *r = &g_array_index(s->v4, NetRange, i);
        if ((NetU128)addr >= r->lo && (NetU128)addr <= r->hi)
            return TRUE;
    }
    return FALSE;
}
