/*
 * analyze_flows.c - the flows seen, for silent-flows (analyze.h,
 * AnalyzeFlows): which flow ids the flow logs show, and which of them an
 * alert named.
 *
 * Why not a hash set: a set probed per event pays a cache miss per event
 * once it outgrows the cache (a quarter of analyze's time on 1 GiB).
 * Appending a record is a sequential write; now and then the unsorted tail
 * is sorted by hash (two bucket passes on the top bits, the hash being
 * uniform, then small sorts) and merged into the sorted part, records of
 * one flow becoming one.  Memory follows distinct flows, as a set's would.
 *
 * Over ANALYZE_FLOW_CAP flows, the flows with the lowest hashes are kept
 * and `limit` drops the others from then on: a uniform sample, the same
 * whatever the input order or thread split, in which alerted and netflow
 * records are kept alike, so every kept flow's verdict is exact.
 */
#include "analyze/analyze_internal.h"

#include <string.h>

#define FLOWS_FIRST_ALLOC 4096
#define FLOWS_SMALL_BUCKET 32 /* insertion sort up to this; merge sort above */

void
analyze_flows_init(AnalyzeFlows *flows)
{
    memset(flows, 0, sizeof *flows);
    flows->limit = G_MAXUINT64;
}

void
analyze_flows_clear(AnalyzeFlows *flows)
{
    g_free(flows->recs);
    analyze_flows_init(flows);
}

static void
record_absorb(AnalyzeFlowRecord *into, const AnalyzeFlowRecord *later)
{
    into->flags |= later->flags;
    if (later->key != 0)
        into->key = later->key;
    guint32 n = (guint32)into->netflow_records + later->netflow_records;
    into->netflow_records = n > G_MAXUINT16 ? G_MAXUINT16 : (guint16)n;
}

static gint
record_compare(gconstpointer a, gconstpointer b, gpointer unused)
{
    (void)unused;
    guint64 x = ((const AnalyzeFlowRecord *)a)->hash, y = ((const AnalyzeFlowRecord *)b)->hash;
    return x < y ? -1 : x > y;
}

/* Stable: records of one flow keep their arrival order, so the latest key
 * wins as it would in a set. */
static void
records_sort_small(AnalyzeFlowRecord *r, gsize n)
{
    if (n > FLOWS_SMALL_BUCKET) {
        g_qsort_with_data(r, (gint)n, sizeof *r, record_compare, NULL); /* stable since 2.32 */
        return;
    }
    for (gsize i = 1; i < n; i++) {
        AnalyzeFlowRecord x = r[i];
        gsize j = i;
        while (j > 0 && r[j - 1].hash > x.hash) {
            r[j] = r[j - 1];
            j--;
        }
        r[j] = x;
    }
}

/* Stable counting sort of n records from `in` to `out` on the 8 bits of
 * the hash at `shift`; bucket starts go to start[0..256]. */
static void
records_scatter(const AnalyzeFlowRecord *in, gsize n, AnalyzeFlowRecord *out, guint shift,
                gsize start[257])
{
    gsize fill[256];
    memset(start, 0, 257 * sizeof *start);
    for (gsize i = 0; i < n; i++)
        start[((in[i].hash >> shift) & 0xff) + 1]++;
    for (guint b = 0; b < 256; b++)
        start[b + 1] += start[b];
    memcpy(fill, start, sizeof fill);
    for (gsize i = 0; i < n; i++)
        out[fill[(in[i].hash >> shift) & 0xff]++] = in[i];
}

/* Sorts n records into out (stable), the hash being uniform: a pass on
 * the top 8 bits, a second on the next 8 within each bucket (which fits
 * in the cache), then small sorts.  Passes of 8 bits keep the writes of a
 * pass in few places; a single pass on 16 bits would miss the cache. */
static void
records_sort(const AnalyzeFlowRecord *in, gsize n, AnalyzeFlowRecord *out)
{
    gsize top[257], sub[257];
    records_scatter(in, n, out, 56, top);
    AnalyzeFlowRecord *scratch = NULL;
    gsize scratch_len = 0;
    for (guint b = 0; b < 256; b++) {
        AnalyzeFlowRecord *r = out + top[b];
        gsize m = top[b + 1] - top[b];
        if (m <= FLOWS_SMALL_BUCKET) {
            records_sort_small(r, m);
            continue;
        }
        if (m > scratch_len) {
            g_free(scratch);
            scratch = g_new(AnalyzeFlowRecord, m);
            scratch_len = m;
        }
        records_scatter(r, m, scratch, 48, sub);
        for (guint c = 0; c < 256; c++)
            records_sort_small(scratch + sub[c], sub[c + 1] - sub[c]);
        memcpy(r, scratch, m * sizeof *r);
    }
    g_free(scratch);
}

/* Merges runs of one flow in a sorted array; returns the new length. */
static gsize
records_unique(AnalyzeFlowRecord *r, gsize n)
{
    if (n == 0)
        return 0;
    gsize w = 0;
    for (gsize i = 1; i < n; i++) {
        if (r[i].hash == r[w].hash)
            record_absorb(&r[w], &r[i]);
        else
            r[++w] = r[i];
    }
    return w + 1;
}

/* How many hashes two sorted, duplicate-free arrays have in common. */
static gsize
records_common(const AnalyzeFlowRecord *a, gsize na, const AnalyzeFlowRecord *b, gsize nb)
{
    gsize i = 0, j = 0, n = 0;
    while (i < na && j < nb) {
        if (a[i].hash < b[j].hash) {
            i++;
        } else if (a[i].hash > b[j].hash) {
            j++;
        } else {
            n++;
            i++;
            j++;
        }
    }
    return n;
}

/* Drops the kept flows hashing above `limit` (after a merge lowered it). */
static void
flows_apply_limit(AnalyzeFlows *flows)
{
    while (flows->sorted > 0 && flows->recs[flows->sorted - 1].hash > flows->limit) {
        flows->not_checked += flows->recs[flows->sorted - 1].netflow_records;
        flows->sorted--;
    }
}

void
analyze_flows_compact(AnalyzeFlows *flows)
{
    gsize tail = flows->len - flows->sorted;
    if (tail > 0) {
        AnalyzeFlowRecord *t = g_new(AnalyzeFlowRecord, tail);
        records_sort(flows->recs + flows->sorted, tail, t);
        tail = records_unique(t, tail);
        /* Merge from the back, so that the output never overtakes the
         * sorted part; counting the flows in both first makes it end
         * where it must begin, at 0. */
        AnalyzeFlowRecord *r = flows->recs;
        gsize both = records_common(r, flows->sorted, t, tail);
        gsize i = flows->sorted, j = tail, w = flows->sorted + tail - both;
        while (j > 0) {
            if (i > 0 && r[i - 1].hash > t[j - 1].hash) {
                r[--w] = r[--i];
            } else if (i > 0 && r[i - 1].hash == t[j - 1].hash) {
                AnalyzeFlowRecord merged = r[--i];
                record_absorb(&merged, &t[--j]);
                r[--w] = merged;
            } else {
                r[--w] = t[--j];
            }
        }
        g_assert(w == i);
        flows->sorted = flows->sorted + tail - both;
        g_free(t);
    }
    flows->len = flows->sorted;
    if (flows->sorted > ANALYZE_FLOW_CAP) {
        flows->limit = flows->recs[ANALYZE_FLOW_CAP - 1].hash;
        flows_apply_limit(flows);
        flows->len = flows->sorted;
    }
}

void
analyze_flows_append(AnalyzeFlows *flows, const AnalyzeFlowRecord *rec)
{
    if (rec->hash > flows->limit) {
        flows->not_checked += rec->netflow_records;
        return;
    }
    if (flows->len == flows->alloc) {
        analyze_flows_compact(flows);
        /* Keep at least half of the room for new records: each compaction
         * merges the whole sorted part, so it should not come too often. */
        if (flows->len * 2 > flows->alloc || flows->alloc == 0) {
            gsize want = flows->alloc ? flows->alloc * 2 : FLOWS_FIRST_ALLOC;
            flows->recs = g_renew(AnalyzeFlowRecord, flows->recs, want);
            flows->alloc = want;
        }
        if (rec->hash > flows->limit) { /* the compaction may have reached the cap */
            flows->not_checked += rec->netflow_records;
            return;
        }
    }
    flows->recs[flows->len++] = *rec;
}

void
analyze_flows_add(AnalyzeFlows *flows, guint64 flow_id, guint32 flags, guint32 key)
{
    AnalyzeFlowRecord rec = { analyze_hash_u64(flow_id), key, (guint16)flags,
                              (flags & ANALYZE_FLOW_NETFLOW) ? 1 : 0 };
    analyze_flows_append(flows, &rec);
}

void
analyze_flows_lower_limit(AnalyzeFlows *flows, guint64 limit)
{
    if (limit >= flows->limit)
        return;
    analyze_flows_compact(flows);
    flows->limit = limit;
    flows_apply_limit(flows);
    flows->len = flows->sorted;
}
