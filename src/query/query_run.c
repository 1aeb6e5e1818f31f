/*
 * query_run.c - running a parsed query: the push pipeline of stages,
 * query_feed(), query_finish() and query_run().
 *
 * Each record enters stage 0 as a QueryRow that borrows the caller's JSON.
 * Streaming stages change or drop it and push it on.  stats folds it into
 * its group; sort keeps a private copy.  query_finish() releases the
 * blocking stages in order: each group (or kept row) is pushed into the
 * stage after it.  The sink at the end keeps the output columns.
 *
 * Bounds: a sort followed by `limit N` (or by nothing that drops rows, with
 * the default limit) keeps at most 2N rows: when the buffer fills it is
 * sorted and cut to N.  Ties keep arrival order (a sequence number is the
 * last sort key), so the cut and the final order are stable.
 * The run stops early (query_feed returns FALSE) once a limit is reached
 * with nothing blocking before it.
 */
#include <string.h>

#include "query/query_internal.h"

typedef struct {
    QueryRow *row;
    QueryValue *keys; /* one per sort item (owned) */
    guint n_keys;
} SortEntry;

struct QueryGroup {
    QueryValue *keys;     /* one per `by` item (owned) */
    QueryAggState **aggs; /* one per aggregate slot */
};

static void push(Query *q, guint idx, QueryRow *row);

void
query_row_set(QueryRow *row, const char *name, const QueryValue *v)
{
    QueryValue copy = { 0 };
    qv_copy(&copy, v); /* first: v may borrow from the slot replaced below */
    if (!row->names) {
        row->names = g_ptr_array_new_with_free_func(g_free);
        row->values = g_array_new(FALSE, TRUE, sizeof(QueryValue));
    }
    for (guint i = 0; i < row->names->len; i++) {
        if (strcmp(g_ptr_array_index(row->names, i), name) == 0) {
            QueryValue *slot = &g_array_index(row->values, QueryValue, i);
            qv_clear(slot);
            *slot = copy;
            return;
        }
    }
    g_ptr_array_add(row->names, g_strdup(name));
    g_array_append_val(row->values, copy);
}

static void
row_clear(QueryRow *row)
{
    if (row->names)
        g_ptr_array_unref(row->names);
    if (row->values) {
        for (guint i = 0; i < row->values->len; i++)
            qv_clear(&g_array_index(row->values, QueryValue, i));
        g_array_unref(row->values);
    }
    if (row->json_owned)
        cJSON_Delete(row->json_owned);
    g_free(row->raw_owned);
    memset(row, 0, sizeof *row);
}

/* A copy that owns everything, for rows kept past the current record. */
static QueryRow *
row_persist(const QueryRow *row)
{
    QueryRow *copy = g_new0(QueryRow, 1);
    if (row->json) {
        copy->json_owned = cJSON_Duplicate(row->json, TRUE);
        copy->json = copy->json_owned;
    }
    if (row->raw) {
        copy->raw_owned = g_strdup(row->raw);
        copy->raw = copy->raw_owned;
    }
    copy->ts_ms = row->ts_ms;
    copy->has_ts = row->has_ts;
    if (row->names)
        for (guint i = 0; i < row->names->len; i++)
            query_row_set(copy, g_ptr_array_index(row->names, i),
                          &g_array_index(row->values, QueryValue, i));
    return copy;
}

static void
sort_entry_free(SortEntry *s)
{
    for (guint i = 0; i < s->n_keys; i++)
        qv_clear(&s->keys[i]);
    g_free(s->keys);
    row_clear(s->row);
    g_free(s->row);
    g_free(s);
}

static void
group_free(QueryStage *s, QueryGroup *g)
{
    for (guint i = 0; i < s->groups->len; i++)
        qv_clear(&g->keys[i]);
    g_free(g->keys);
    for (guint i = 0; i < s->aggs->len; i++)
        query_agg_free(g->aggs[i]);
    g_free(g->aggs);
    g_free(g);
}

static gboolean
is_blocking(const QueryStage *s)
{
    return s->cmd == QCMD_STATS || s->cmd == QCMD_SORT;
}

/* ---- sort ---- */

static int
sort_cmp_items(const SortEntry *a, const SortEntry *b, const GPtrArray *items)
{
    for (guint i = 0; i < items->len; i++) {
        const QueryItem *it = g_ptr_array_index(items, i);
        int c = qv_compare_nulls_last(&a->keys[i], &b->keys[i]);
        /* nulls stay last in both directions */
        if (c != 0 && it->desc && a->keys[i].kind != QV_NULL && b->keys[i].kind != QV_NULL)
            c = -c;
        if (c != 0)
            return c;
    }
    return a->row->seq < b->row->seq ? -1 : a->row->seq > b->row->seq ? 1 : 0;
}

static int
sort_cmp(gconstpointer pa, gconstpointer pb, gpointer items)
{
    const SortEntry *a = *(SortEntry *const *)pa, *b = *(SortEntry *const *)pb;
    return sort_cmp_items(a, b, items);
}

static void
sort_buffer(QueryStage *s, gint64 keep)
{
    g_ptr_array_sort_with_data(s->buffer, sort_cmp, s->items);
    if (keep > 0 && s->buffer->len > (guint)keep)
        g_ptr_array_set_size(s->buffer, (guint)keep);
}

static void
sort_add(Query *q, QueryStage *s, QueryRow *row)
{
    SortEntry *e = g_new0(SortEntry, 1);
    e->row = row_persist(row);
    e->row->seq = s->seq++;
    e->n_keys = s->items->len;
    e->keys = g_new0(QueryValue, e->n_keys);
    for (guint i = 0; i < e->n_keys; i++) {
        query_eval(q, ((QueryItem *)g_ptr_array_index(s->items, i))->expr, e->row, &e->keys[i]);
        qv_own(&e->keys[i]);
    }
    g_ptr_array_add(s->buffer, e);
    if (s->keep > 0 && s->buffer->len >= (guint)(2 * s->keep + 64))
        sort_buffer(s, s->keep);
}

/* ---- stats ---- */

/* The group of `keys` (computed from the row), created if new; then the
 * row is added to its aggregates, if `row` is not NULL. */
static QueryGroup *
stats_add_group(Query *q, QueryStage *s, QueryRow *row, QueryValue *keys)
{
    guint ng = s->groups->len;
    GString *key = g_string_new(NULL);
    for (guint i = 0; i < ng; i++)
        qv_append_key(key, &keys[i]);
    QueryGroup *g = g_hash_table_lookup(s->group_index, key->str);
    if (!g) {
        g = g_new0(QueryGroup, 1);
        g->keys = g_new0(QueryValue, ng ? ng : 1);
        for (guint i = 0; i < ng; i++)
            qv_copy(&g->keys[i], &keys[i]);
        g->aggs = g_new0(QueryAggState *, s->aggs->len);
        for (guint i = 0; i < s->aggs->len; i++)
            g->aggs[i] = query_agg_new(g_ptr_array_index(s->aggs, i));
        g_hash_table_insert(s->group_index, g_string_free(key, FALSE), g);
        g_ptr_array_add(s->group_list, g);
    } else {
        g_string_free(key, TRUE);
    }
    if (row)
        for (guint i = 0; i < s->aggs->len; i++)
            query_agg_add(q, g->aggs[i], g_ptr_array_index(s->aggs, i), row);
    return g;
}

static void
stats_add(Query *q, QueryStage *s, QueryRow *row)
{
    guint ng = s->groups->len;
    QueryValue stack[8];
    QueryValue *keys = ng <= 8 ? stack : g_new(QueryValue, ng);
    memset(keys, 0, sizeof(QueryValue) * ng);
    for (guint i = 0; i < ng; i++)
        query_eval(q, ((QueryItem *)g_ptr_array_index(s->groups, i))->expr, row, &keys[i]);
    stats_add_group(q, s, row, keys);
    for (guint i = 0; i < ng; i++)
        qv_clear(&keys[i]);
    if (keys != stack)
        g_free(keys);
}

static void
stats_flush(Query *q, guint idx)
{
    QueryStage *s = g_ptr_array_index(q->stages, idx);
    guint na = s->aggs->len;
    /* stats without `by` over no records still gives its one row (count 0) */
    if (s->groups->len == 0 && s->group_list->len == 0)
        stats_add_group(q, s, NULL, NULL);
    for (guint gi = 0; gi < s->group_list->len; gi++) {
        QueryGroup *g = g_ptr_array_index(s->group_list, gi);
        QueryRow row = { 0 };
        row.seq = gi;
        for (guint i = 0; i < s->groups->len; i++)
            query_row_set(&row, ((QueryItem *)g_ptr_array_index(s->groups, i))->name, &g->keys[i]);
        QueryValue *slots = g_new0(QueryValue, na ? na : 1);
        for (guint i = 0; i < na; i++)
            query_agg_result(g->aggs[i], g_ptr_array_index(s->aggs, i), &slots[i]);
        row.agg_values = slots;
        for (guint i = 0; i < s->items->len; i++) {
            QueryItem *it = g_ptr_array_index(s->items, i);
            QueryValue v = { 0 };
            query_eval(q, it->expr, &row, &v);
            query_row_set(&row, it->name, &v);
            qv_clear(&v);
        }
        row.agg_values = NULL;
        for (guint i = 0; i < na; i++)
            qv_clear(&slots[i]);
        g_free(slots);
        /* the groups are not needed once pushed: free them as we go */
        group_free(s, g);
        s->group_list->pdata[gi] = NULL;
        push(q, idx + 1, &row);
        row_clear(&row);
    }
    g_ptr_array_set_size(s->group_list, 0);
    g_hash_table_remove_all(s->group_index); /* keys freed; groups already were */
}

/* ---- the sink ---- */

static void
sink(Query *q, QueryRow *row)
{
    QueryResult *r = q->result;
    gint64 cap = q->has_limit ? G_MAXINT64 : q->default_limit;
    if ((gint64)r->rows->len >= cap) {
        r->truncated = TRUE;
        r->default_limit_applied = TRUE;
        return;
    }
    guint nc = q->columns->len;
    QueryValue *cells = g_new0(QueryValue, nc);
    for (guint i = 0; i < nc; i++) {
        query_row_lookup(row, g_ptr_array_index(q->columns, i),
                         g_ptr_array_index(q->column_paths, i), &cells[i]);
        if (cells[i].kind == QV_STR)
            qv_own(&cells[i]);
    }
    g_ptr_array_add(r->rows, cells);
}

/* TRUE when no stage before `idx` holds rows back. */
static gboolean
streaming_before(Query *q, guint idx)
{
    return idx <= q->first_blocking;
}

static void
push(Query *q, guint idx, QueryRow *row)
{
    for (; idx < q->stages->len; idx++) {
        QueryStage *s = g_ptr_array_index(q->stages, idx);
        switch (s->cmd) {
        case QCMD_FIELDS:
            for (guint i = 0; i < s->items->len; i++) {
                QueryItem *it = g_ptr_array_index(s->items, i);
                if (it->expr->kind == QE_FIELD && strcmp(it->name, it->expr->name) == 0)
                    continue; /* `fields a.b`: a lookup finds it where it is */
                QueryValue v = { 0 };
                query_eval(q, it->expr, row, &v);
                query_row_set(row, it->name, &v);
                qv_clear(&v);
            }
            break;
        case QCMD_FILTER: {
            QueryValue v = { 0 };
            query_eval(q, s->expr, row, &v);
            gboolean keep = qv_truthy(&v);
            qv_clear(&v);
            if (!keep)
                return;
            break;
        }
        case QCMD_PARSE: {
            QueryValue src = { 0 };
            query_eval(q, s->expr, row, &src);
            g_autofree char *text = qv_to_string(&src);
            qv_clear(&src);
            gboolean hit =
                text && query_regex_match(q, s->parse_re, s->parse_md, text, strlen(text));
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->parse_md);
            for (guint i = 0; i < s->parse_names->len; i++) {
                const char *name = g_ptr_array_index(s->parse_names, i);
                if (!name)
                    continue;
                /* the glob form numbers its names from 1: group i */
                guint grp = i + (s->parse_names->pdata[0] == NULL ? 0 : 1);
                QueryValue v = { 0 };
                if (hit && ov[2 * grp] != PCRE2_UNSET)
                    qv_set_str_owned(&v,
                                     g_strndup(text + ov[2 * grp], ov[2 * grp + 1] - ov[2 * grp]));
                query_row_set(row, name, &v);
                qv_clear(&v);
            }
            break;
        }
        case QCMD_DISPLAY: break;
        case QCMD_DEDUP: {
            GString *key = g_string_new(NULL);
            for (guint i = 0; i < s->items->len; i++) {
                QueryValue v = { 0 };
                query_eval(q, ((QueryItem *)g_ptr_array_index(s->items, i))->expr, row, &v);
                qv_append_key(key, &v);
                qv_clear(&v);
            }
            if (g_hash_table_contains(s->dedup_seen, key->str)) {
                g_string_free(key, TRUE);
                return;
            }
            g_hash_table_add(s->dedup_seen, g_string_free(key, FALSE));
            break;
        }
        case QCMD_LIMIT:
            if (s->seen >= s->limit) {
                if (streaming_before(q, idx))
                    q->done = TRUE;
                return;
            }
            s->seen++;
            if (s->seen >= s->limit && streaming_before(q, idx))
                q->done = TRUE; /* this row is the last one: stop reading */
            break;
        case QCMD_STATS:
        case QCMD_SORT:
            /* records that got through the filters: counted where they stop */
            if (idx == q->first_blocking)
                q->result->records_matched++;
            if (s->cmd == QCMD_STATS)
                stats_add(q, s, row);
            else
                sort_add(q, s, row);
            return;
        }
    }
    gboolean direct = q->first_blocking == q->stages->len;
    if (direct)
        q->result->records_matched++;
    sink(q, row);
    if (direct && q->result->truncated)
        q->done = TRUE;
}

/* ---- run ---- */

static void
result_init(Query *q)
{
    QueryResult *r = g_new0(QueryResult, 1);
    r->columns = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < q->columns->len; i++)
        g_ptr_array_add(r->columns, g_strdup(g_ptr_array_index(q->columns, i)));
    r->rows = g_ptr_array_new();
    r->limit = q->default_limit;
    q->result = r;
    q->first_blocking = q->stages->len;
    for (guint i = q->stages->len; i-- > 0;)
        if (is_blocking(g_ptr_array_index(q->stages, i)))
            q->first_blocking = i;
    for (guint i = 0; i < q->stages->len; i++) {
        QueryStage *s = g_ptr_array_index(q->stages, i);
        if (s->cmd == QCMD_DEDUP)
            s->dedup_seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        if (s->cmd == QCMD_STATS) {
            s->group_index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
            s->group_list = g_ptr_array_new();
        }
        if (s->cmd == QCMD_SORT) {
            s->buffer = g_ptr_array_new_with_free_func((GDestroyNotify)sort_entry_free);
            /* keep only what a following limit (or the default one) lets out */
            s->keep = 0;
            for (guint j = i + 1; j <= q->stages->len; j++) {
                QueryStage *t = j < q->stages->len ? g_ptr_array_index(q->stages, j) : NULL;
                if (!t) {
                    if (!q->has_limit)
                        s->keep = q->default_limit;
                    break;
                }
                if (t->cmd == QCMD_LIMIT) {
                    s->keep = t->limit;
                    break;
                }
                if (t->cmd != QCMD_FIELDS && t->cmd != QCMD_DISPLAY)
                    break;
            }
        }
    }
}

gboolean
query_feed(Query *q, const cJSON *record, const char *raw, gint64 timestamp_ms)
{
    if (!q->result)
        result_init(q);
    if (q->done)
        return FALSE;
    q->records_fed++;
    QueryRow row = { .json = record,
                     .raw = raw,
                     .ts_ms = timestamp_ms,
                     .has_ts = timestamp_ms != QUERY_NO_TIMESTAMP };
    push(q, 0, &row);
    row_clear(&row);
    return !q->done;
}

QueryResult *
query_finish(Query *q)
{
    if (!q->result)
        result_init(q);
    for (guint i = 0; i < q->stages->len; i++) {
        QueryStage *s = g_ptr_array_index(q->stages, i);
        if (s->cmd == QCMD_STATS) {
            stats_flush(q, i);
        } else if (s->cmd == QCMD_SORT) {
            sort_buffer(s, s->keep);
            for (guint j = 0; j < s->buffer->len; j++)
                push(q, i + 1, ((SortEntry *)g_ptr_array_index(s->buffer, j))->row);
            g_ptr_array_set_size(s->buffer, 0);
        }
    }
    QueryResult *r = q->result;
    q->result = NULL;
    r->records_scanned = q->records_fed;
    r->regex_limit_hits = q->regex_limit_hits;
    if (q->has_limit)
        r->default_limit_applied = FALSE;
    q->done = TRUE;
    return r;
}

QueryResult *
query_run(Query *q, QueryNextFn next, gpointer source, const QueryWindow *window, GError **error)
{
    for (;;) {
        const cJSON *record = NULL;
        const char *raw = NULL;
        gint64 ts = 0;
        gboolean has_ts = FALSE;
        GError *err = NULL;
        if (!next(source, &record, &raw, &ts, &has_ts, &err)) {
            if (err) {
                g_propagate_error(error, err);
                return NULL;
            }
            break;
        }
        if (!has_ts)
            has_ts = query_record_timestamp_ms(record, &ts);
        if (window && (window->has_since || window->has_until)) {
            if (!has_ts || (window->has_since && ts < window->since_ms) ||
                (window->has_until && ts >= window->until_ms))
                continue;
        }
        if (!query_feed(q, record, raw, has_ts ? ts : QUERY_NO_TIMESTAMP))
            break;
    }
    return query_finish(q);
}
