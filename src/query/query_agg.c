/*
 * query_agg.c - the aggregate functions of stats, accumulated one record
 * at a time.
 *
 * Choices, where CloudWatch documents little:
 *   - count(*) and count() count records; count(f) counts records where f
 *     is not null (an empty string counts: it is present).
 *   - count_distinct is exact (CloudWatch estimates it past ~10,000 values);
 *     pct is exact, nearest rank (the value at rank ceil(N/100 * n)); both
 *     hold their values, so their memory grows with distinct values.
 *   - sum, avg, stddev take the values that look numeric and ignore the
 *     rest; with none they are null.  stddev is the sample deviation (n-1).
 *   - min and max compare numerically when both values look numeric, else
 *     as text, so they also work on names and times.
 *   - earliest/latest take the value from the record with the smallest /
 *     largest @timestamp among records where the value is not null; ties go
 *     to the first record seen (earliest) or the last (latest).  Skipping
 *     nulls is what makes `latest(event.tls.sni) by event.flow_id` join the
 *     SNI of an alert onto the flow records of the same flow.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "query/query_internal.h"

struct QueryAggState {
    guint64 n;
    double mean, m2, sum; /* Welford for stddev; sum for sum/avg */
    gboolean have;
    QueryValue best; /* min, max, earliest, latest (owned) */
    gint64 best_ts;
    GHashTable *distinct; /* count_distinct: key strings */
    GArray *values;       /* pct: doubles */
};

QueryAggState *
query_agg_new(const QueryExpr *call)
{
    QueryAggState *st = g_new0(QueryAggState, 1);
    if (call->func->agg == QAGG_COUNT_DISTINCT)
        st->distinct = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    if (call->func->agg == QAGG_PCT)
        st->values = g_array_new(FALSE, FALSE, sizeof(double));
    return st;
}

void
query_agg_free(QueryAggState *st)
{
    if (!st)
        return;
    qv_clear(&st->best);
    if (st->distinct)
        g_hash_table_unref(st->distinct);
    if (st->values)
        g_array_unref(st->values);
    g_free(st);
}

void
query_agg_add(Query *q, QueryAggState *st, const QueryExpr *call, QueryRow *row)
{
    QueryAggKind kind = call->func->agg;
    const QueryExpr *arg = call->args->len ? g_ptr_array_index(call->args, 0) : NULL;
    if (kind == QAGG_COUNT && (!arg || arg->kind == QE_STAR)) {
        st->n++;
        return;
    }
    QueryValue v = { 0 };
    query_eval(q, arg, row, &v);
    if (v.kind == QV_NULL)
        return;
    double x;
    switch (kind) {
    case QAGG_COUNT: st->n++; break;
    case QAGG_COUNT_DISTINCT: {
        GString *key = g_string_new(NULL);
        qv_append_key(key, &v);
        g_hash_table_add(st->distinct, g_string_free(key, FALSE));
        break;
    }
    case QAGG_SUM:
    case QAGG_AVG:
    case QAGG_STDDEV:
        if (qv_to_number(&v, &x)) {
            st->n++;
            st->sum += x;
            double d = x - st->mean;
            st->mean += d / (double)st->n;
            st->m2 += d * (x - st->mean);
        }
        break;
    case QAGG_PCT:
        if (qv_to_number(&v, &x))
            g_array_append_val(st->values, x);
        break;
    case QAGG_MIN:
    case QAGG_MAX: {
        int c = st->have ? qv_compare(&v, &st->best) : 0;
        if (!st->have || (kind == QAGG_MIN ? c < 0 : c > 0)) {
            qv_copy(&st->best, &v);
            st->have = TRUE;
        }
        break;
    }
    case QAGG_EARLIEST:
    case QAGG_LATEST: {
        gint64 ts = row->has_ts ? row->ts_ms : G_MININT64;
        if (!st->have || (kind == QAGG_EARLIEST ? ts < st->best_ts : ts >= st->best_ts)) {
            qv_copy(&st->best, &v);
            st->best_ts = ts;
            st->have = TRUE;
        }
        break;
    }
    default: break;
    }
    qv_clear(&v);
}

static int
cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y ? 1 : 0;
}

void
query_agg_result(QueryAggState *st, const QueryExpr *call, QueryValue *out)
{
    qv_clear(out);
    switch (call->func->agg) {
    case QAGG_COUNT: qv_set_num(out, (double)st->n); break;
    case QAGG_COUNT_DISTINCT: qv_set_num(out, (double)g_hash_table_size(st->distinct)); break;
    case QAGG_SUM:
        if (st->n)
            qv_set_num(out, st->sum);
        break;
    case QAGG_AVG:
        if (st->n)
            qv_set_num(out, st->sum / (double)st->n);
        break;
    case QAGG_STDDEV:
        if (st->n == 1)
            qv_set_num(out, 0);
        else if (st->n > 1)
            qv_set_num(out, sqrt(st->m2 / (double)(st->n - 1)));
        break;
    case QAGG_PCT: {
        guint n = st->values->len;
        if (n == 0)
            break;
        const QueryExpr *pe = g_ptr_array_index(call->args, 1);
        qsort(st->values->data, n, sizeof(double), cmp_double);
        double rank = ceil(pe->lit.num / 100.0 * (double)n);
        guint idx = rank < 1 ? 0 : (guint)rank - 1;
        if (idx >= n)
            idx = n - 1;
        qv_set_num(out, g_array_index(st->values, double, idx));
        break;
    }
    default:
        if (st->have)
            qv_copy(out, &st->best);
        break;
    }
}
