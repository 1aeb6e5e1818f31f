/*
 * Unit tests of the flows seen by analyze (src/analyze/analyze_flows.c):
 * records of one flow merge, the result does not depend on input order or
 * on how the input is split between threads, the cap keeps the flows whose
 * id hashes lowest, and buckets made large on purpose still sort.
 */
#include "analyze/analyze_internal.h"

#include <string.h>

/* Inverse of analyze_hash_u64 (each step of the finaliser is invertible),
 * to make flow ids with chosen hashes. */
static guint64
unhash(guint64 h)
{
    const guint64 inv1 = 0x4f74430c22a54005ULL; /* 0xff51afd7ed558ccd^-1 mod 2^64 */
    const guint64 inv2 = 0x9cb4b2f8129337dbULL; /* 0xc4ceb9fe1a85ec53^-1 mod 2^64 */
    h ^= h >> 33;
    h *= inv2;
    h ^= h >> 33;
    h *= inv1;
    h ^= h >> 33;
    return h;
}

static const AnalyzeFlowRecord *
find(const AnalyzeFlows *f, guint64 flow_id)
{
    guint64 h = analyze_hash_u64(flow_id);
    for (gsize i = 0; i < f->len; i++)
        if (f->recs[i].hash == h)
            return &f->recs[i];
    return NULL;
}

static void
assert_sorted_unique(const AnalyzeFlows *f)
{
    g_assert_cmpuint(f->sorted, ==, f->len);
    for (gsize i = 1; i < f->len; i++)
        g_assert_cmpuint(f->recs[i - 1].hash, <, f->recs[i].hash);
}

static void
assert_same(const AnalyzeFlows *a, const AnalyzeFlows *b)
{
    g_assert_cmpuint(a->len, ==, b->len);
    g_assert_cmpuint(a->limit, ==, b->limit);
    g_assert_cmpuint(a->not_checked, ==, b->not_checked);
    g_assert_cmpmem(a->recs, a->len * sizeof *a->recs, b->recs, b->len * sizeof *b->recs);
}

static void
test_unhash(void)
{
    for (guint64 x = 1; x < 1000000; x += 7919)
        g_assert_cmpuint(unhash(analyze_hash_u64(x)), ==, x);
}

static void
test_records_merge(void)
{
    AnalyzeFlows f;
    analyze_flows_init(&f);
    analyze_flows_add(&f, 42, ANALYZE_FLOW_ALERTED, 0);
    analyze_flows_add(&f, 7, ANALYZE_FLOW_NETFLOW, 3);
    analyze_flows_add(&f, 42, ANALYZE_FLOW_NETFLOW, 5);
    analyze_flows_add(&f, 42, ANALYZE_FLOW_NETFLOW, 5);
    analyze_flows_add(&f, 0, ANALYZE_FLOW_NETFLOW, 2); /* flow id 0 is a flow like any other */
    analyze_flows_compact(&f);
    assert_sorted_unique(&f);
    g_assert_cmpuint(f.len, ==, 3);
    const AnalyzeFlowRecord *r = find(&f, 42);
    g_assert_nonnull(r);
    g_assert_cmpuint(r->flags, ==, ANALYZE_FLOW_ALERTED | ANALYZE_FLOW_NETFLOW);
    g_assert_cmpuint(r->key, ==, 5);
    g_assert_cmpuint(r->netflow_records, ==, 2);
    r = find(&f, 7);
    g_assert_cmpuint(r->flags, ==, ANALYZE_FLOW_NETFLOW);
    g_assert_cmpuint(r->key, ==, 3);
    g_assert_nonnull(find(&f, 0));
    /* Adding after a compaction merges with the sorted part: the latest key wins. */
    analyze_flows_add(&f, 7, ANALYZE_FLOW_ALERTED, 0);
    analyze_flows_add(&f, 7, ANALYZE_FLOW_NETFLOW, 9);
    analyze_flows_compact(&f);
    assert_sorted_unique(&f);
    g_assert_cmpuint(f.len, ==, 3);
    r = find(&f, 7);
    g_assert_cmpuint(r->flags, ==, ANALYZE_FLOW_ALERTED | ANALYZE_FLOW_NETFLOW);
    g_assert_cmpuint(r->key, ==, 9);
    g_assert_cmpuint(r->netflow_records, ==, 2);
    g_assert_cmpuint(f.not_checked, ==, 0);
    g_assert_cmpuint(f.limit, ==, G_MAXUINT64);
    analyze_flows_clear(&f);
}

/* n events over `flows` flow ids, from a seeded generator. */
typedef struct {
    guint64 id;
    guint32 flags, key;
} Event;

static Event *
make_events(gsize n, guint64 flows, guint32 seed)
{
    GRand *rand = g_rand_new_with_seed(seed);
    Event *ev = g_new(Event, n);
    for (gsize i = 0; i < n; i++) {
        ev[i].id = 1000 + (guint64)g_rand_int_range(rand, 0, (gint32)flows);
        ev[i].flags = g_rand_boolean(rand) ? ANALYZE_FLOW_ALERTED : ANALYZE_FLOW_NETFLOW;
        ev[i].key = ev[i].flags == ANALYZE_FLOW_NETFLOW ? (guint32)(ev[i].id % 17) + 1 : 0;
    }
    g_rand_free(rand);
    return ev;
}

static void
add_events(AnalyzeFlows *f, const Event *ev, gsize from, gsize to)
{
    for (gsize i = from; i < to; i++)
        analyze_flows_add(f, ev[i].id, ev[i].flags, ev[i].key);
}

/* Two threads' worth, merged as analyze_agg_merge does. */
static void
merge_into(AnalyzeFlows *dst, const AnalyzeFlows *src)
{
    analyze_flows_lower_limit(dst, src->limit);
    for (gsize i = 0; i < src->len; i++)
        analyze_flows_append(dst, &src->recs[i]);
    dst->not_checked += src->not_checked;
}

static void
test_order_and_split(void)
{
    const gsize n = 300000;
    Event *ev = make_events(n, 100000, 7);
    AnalyzeFlows one, rev, a, b;
    analyze_flows_init(&one);
    analyze_flows_init(&rev);
    analyze_flows_init(&a);
    analyze_flows_init(&b);
    add_events(&one, ev, 0, n);
    analyze_flows_compact(&one);
    assert_sorted_unique(&one);
    /* Reversed input: the same flows and flags (keys depend on the id only). */
    for (gsize i = n; i-- > 0;)
        analyze_flows_add(&rev, ev[i].id, ev[i].flags, ev[i].key);
    analyze_flows_compact(&rev);
    assert_same(&one, &rev);
    /* Split between two "threads", merged unfinished. */
    add_events(&a, ev, 0, n / 3);
    add_events(&b, ev, n / 3, n);
    merge_into(&a, &b);
    analyze_flows_compact(&a);
    assert_same(&one, &a);
    /* Against a plain hash table. */
    GHashTable *flags = g_hash_table_new(g_int64_hash, g_int64_equal);
    for (gsize i = 0; i < n; i++) {
        guint old = GPOINTER_TO_UINT(g_hash_table_lookup(flags, &ev[i].id));
        g_hash_table_insert(flags, &ev[i].id, GUINT_TO_POINTER(old | ev[i].flags));
    }
    g_assert_cmpuint(one.len, ==, g_hash_table_size(flags));
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, flags);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        const AnalyzeFlowRecord *r = find(&one, *(guint64 *)k);
        g_assert_nonnull(r);
        g_assert_cmpuint(r->flags, ==, GPOINTER_TO_UINT(v));
    }
    g_hash_table_destroy(flags);
    analyze_flows_clear(&one);
    analyze_flows_clear(&rev);
    analyze_flows_clear(&a);
    analyze_flows_clear(&b);
    g_free(ev);
}

static void
test_cap_keeps_lowest_hashes(void)
{
    const guint64 extra = 1000;
    const guint64 n = ANALYZE_FLOW_CAP + extra;
    AnalyzeFlows f, a, b;
    analyze_flows_init(&f);
    analyze_flows_init(&a);
    analyze_flows_init(&b);
    /* Flow ids 1..n, netflow each; the same split between two parts. */
    for (guint64 id = 1; id <= n; id++) {
        analyze_flows_add(&f, id, ANALYZE_FLOW_NETFLOW, 1);
        analyze_flows_add(id % 3 ? &a : &b, id, ANALYZE_FLOW_NETFLOW, 1);
    }
    analyze_flows_compact(&f);
    assert_sorted_unique(&f);
    g_assert_cmpuint(f.len, ==, ANALYZE_FLOW_CAP);
    g_assert_cmpuint(f.not_checked, ==, extra);
    g_assert_cmpuint(f.limit, ==, f.recs[f.len - 1].hash);
    /* The kept flows are exactly the lowest hashes of all n. */
    guint64 above = 0;
    for (guint64 id = 1; id <= n; id++)
        above += analyze_hash_u64(id) > f.limit;
    g_assert_cmpuint(above, ==, extra);
    /* An alert on a kept flow is recorded; on a flow beyond the cap, not. */
    guint64 kept_id = unhash(f.recs[0].hash);
    analyze_flows_add(&f, kept_id, ANALYZE_FLOW_ALERTED, 0);
    guint64 dropped_id = 0;
    for (guint64 id = 1; id <= n && dropped_id == 0; id++)
        if (analyze_hash_u64(id) > f.limit)
            dropped_id = id;
    analyze_flows_add(&f, dropped_id, ANALYZE_FLOW_NETFLOW, 1);
    analyze_flows_compact(&f);
    g_assert_cmpuint(f.len, ==, ANALYZE_FLOW_CAP);
    g_assert_cmpuint(f.recs[0].flags, ==, ANALYZE_FLOW_ALERTED | ANALYZE_FLOW_NETFLOW);
    g_assert_null(find(&f, dropped_id));
    g_assert_cmpuint(f.not_checked, ==, extra + 1);
    /* Split: neither part reached the cap alone; merged, the same sample. */
    merge_into(&a, &b);
    analyze_flows_compact(&a);
    analyze_flows_add(&a, kept_id, ANALYZE_FLOW_ALERTED, 0);
    analyze_flows_add(&a, dropped_id, ANALYZE_FLOW_NETFLOW, 1);
    analyze_flows_compact(&a);
    assert_same(&f, &a);
    analyze_flows_clear(&f);
    analyze_flows_clear(&a);
    analyze_flows_clear(&b);
}

/* Hostile flow ids: all hashes share their top 16 bits, so every record
 * falls in one bucket of both passes; the fallback sort must cope. */
static void
test_one_bucket(void)
{
    const guint64 n = 200000;
    AnalyzeFlows f;
    analyze_flows_init(&f);
    for (guint64 i = n; i > 0; i--) {
        guint64 id = unhash(0xabcd000000000000ULL | (i * 2654435761ULL % (1ULL << 48)));
        analyze_flows_add(&f, id, ANALYZE_FLOW_NETFLOW, 1);
        if (i % 2)
            analyze_flows_add(&f, id, ANALYZE_FLOW_ALERTED, 0);
    }
    gint64 t0 = g_get_monotonic_time();
    analyze_flows_compact(&f);
    g_assert_cmpint(g_get_monotonic_time() - t0, <, 10 * G_USEC_PER_SEC);
    assert_sorted_unique(&f);
    g_assert_cmpuint(f.len, ==, n);
    guint64 alerted = 0;
    for (gsize i = 0; i < f.len; i++) {
        g_assert_cmpuint(f.recs[i].hash >> 48, ==, 0xabcd);
        alerted += (f.recs[i].flags & ANALYZE_FLOW_ALERTED) != 0;
    }
    g_assert_cmpuint(alerted, ==, n / 2);
    analyze_flows_clear(&f);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/analyze/flows/unhash", test_unhash);
    g_test_add_func("/analyze/flows/records-merge", test_records_merge);
    g_test_add_func("/analyze/flows/order-and-split", test_order_and_split);
    g_test_add_func("/analyze/flows/cap-keeps-lowest-hashes", test_cap_keeps_lowest_hashes);
    g_test_add_func("/analyze/flows/one-bucket", test_one_bucket);
    return g_test_run();
}
