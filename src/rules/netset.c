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

/* One list being evaluated the way Suricata does (DetectAddressParse2 +
 * DetectAddressMergeNot, DetectPortParseDo + DetectPortParseMergeNotPorts):
 * every element goes to a positive or a negative list; a positive
 * sub-list or variable is spliced in (its own negatives are negatives of
 * the whole), a negated one is evaluated on its own first and its result
 * is one negative.  Then: the negatives may not cover the whole IPv4 (port)
 * space; a family with negatives and no positives starts from all of it;
 * the negatives are taken away; nothing left is an error. */
typedef struct {
    gboolean ports;
    NetVarResolver resolver;
    gpointer data;
    char **error;
    NetSet *plus, *minus;
} ListEval;

static gboolean list_collect(ListEval *le, const NetExpr *e, int depth);

static NetSet *
atom_set(const NetExpr *e, gboolean ports)
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
    default: return NULL;
    }
}

static gboolean
ranges_complete(const GArray *r, NetU128 max)
{
    return r->len == 1 && g_array_index(r, NetRange, 0).lo == 0 &&
           g_array_index(r, NetRange, 0).hi == max;
}

/* The merge step; consumes le->plus and le->minus. */
static NetSet *
list_merge(ListEval *le)
{
    NetSet *plus = le->plus, *minus = le->minus;
    le->plus = le->minus = NULL;
    if (ranges_complete(minus->v4, le->ports ? PORT_MAX : V4_MAX)) {
        *le->error = g_strdup(le->ports ? "the complete port space is negated"
                                        : "the complete IPv4 space is negated");
        netset_free(plus);
        netset_free(minus);
        return NULL;
    }
    NetSet *all = netset_new_any(le->ports);
    if (plus->v4->len == 0 && minus->v4->len > 0)
        ranges_union(plus->v4, all->v4);
    if (plus->v6->len == 0 && minus->v6->len > 0)
        ranges_union(plus->v6, all->v6);
    netset_free(all);
    netset_subtract(plus, minus);
    netset_free(minus);
    if (netset_is_empty(plus)) {
        *le->error = g_strdup(le->ports ? "no ports left after negation"
                                        : "no addresses left after negation");
        netset_free(plus);
        return NULL;
    }
    return plus;
}

/* The value of a negated element: an atom, or a list evaluated alone. */
static NetSet *
negated_value(ListEval *le, const NetExpr *e, int depth)
{
    if (e->kind != NETEXPR_GROUP && e->kind != NETEXPR_VAR && e->kind != NETEXPR_IPSET_REF)
        return atom_set(e, le->ports);
    ListEval sub = { le->ports, le->resolver,          le->data,
                     le->error, netset_new(le->ports), netset_new(le->ports) };
    NetExpr positive = *e;
    positive.negated = FALSE;
    if (!list_collect(&sub, &positive, depth + 1)) {
        netset_free(sub.plus);
        netset_free(sub.minus);
        return NULL;
    }
    return list_merge(&sub);
}

static gboolean
list_collect(ListEval *le, const NetExpr *e, int depth)
{
    if (depth >= NETSET_MAX_DEPTH) {
        *le->error = g_strdup("variables nested too deeply (one refers to itself?)");
        return FALSE;
    }
    if (e->negated) {
        NetSet *v = negated_value(le, e, depth);
        if (v == NULL)
            return FALSE;
        netset_union(le->minus, v);
        netset_free(v);
        return TRUE;
    }
    switch (e->kind) {
    case NETEXPR_GROUP:
        for (guint i = 0; i < e->items->len; i++)
            if (!list_collect(le, g_ptr_array_index(e->items, i), depth + 1))
                return FALSE;
        return TRUE;
    case NETEXPR_VAR:
    case NETEXPR_IPSET_REF: {
        const NetExpr *value =
            le->resolver ? le->resolver(e->name, e->kind == NETEXPR_IPSET_REF, le->data) : NULL;
        if (value == NULL) {
            *le->error = g_strdup_printf("undefined %s %c%s",
                                         e->kind == NETEXPR_VAR ? "variable" : "IP set reference",
                                         e->kind == NETEXPR_VAR ? '$' : '@', e->name);
            return FALSE;
        }
        return list_collect(le, value, depth + 1);
    }
    default: {
        NetSet *v = atom_set(e, le->ports);
        netset_union(le->plus, v);
        netset_free(v);
        return TRUE;
    }
    }
}

NetSet *
netset_from_expr(const NetExpr *expr, gboolean ports, NetVarResolver resolver, gpointer data,
                 char **error)
{
    ListEval le = { ports, resolver, data, error, netset_new(ports), netset_new(ports) };
    if (!list_collect(&le, expr, 0)) {
        netset_free(le.plus);
        netset_free(le.minus);
        return NULL;
    }
    return list_merge(&le);
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
