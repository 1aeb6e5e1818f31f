/*
 * analyze_count.c - bounded counters for the log analysis (analyze.h):
 * distinct counts (exact, then HyperLogLog), top lists (Space-Saving),
 * small flow-id sets (open addressing) and per-hour counts.
 *
 * All of them are mergeable, so per-thread aggregates add up exactly as a
 * single pass would (HyperLogLog: register-wise max; Space-Saving: the
 * merged list keeps the largest counts, with their error bounds).
 */
#include "analyze/analyze_internal.h"

#include <math.h>
#include <string.h>

/* ---- 64-bit hash (FNV-1a then a finaliser) ---- */
guint64
analyze_hash(const char *s, gsize len)
{
    guint64 h = 0xcbf29ce484222325ULL;
    for (gsize i = 0; i < len; i++) {
        h ^= (guchar)s[i];
        h *= 0x100000001b3ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

guint64
analyze_hash_u64(guint64 x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

/* ---- distinct ---- */
static void
hll_add(guint8 *regs, guint64 h)
{
    guint idx = (guint)(h >> (64 - ANALYZE_HLL_BITS));
    guint64 rest = (h << ANALYZE_HLL_BITS) | ((guint64)1 << (ANALYZE_HLL_BITS - 1));
    guint8 rank = (guint8)(__builtin_clzll(rest) + 1);
    if (rank > regs[idx])
        regs[idx] = rank;
}

static void
distinct_to_hll(AnalyzeDistinct *d)
{
    d->hll = g_malloc0(1u << ANALYZE_HLL_BITS);
    for (guint i = 0; i < d->n; i++)
        hll_add(d->hll, d->exact[i]);
    g_free(d->exact);
    d->exact = NULL;
    d->n = 0;
}

void
analyze_distinct_add_hash(AnalyzeDistinct *d, guint64 h)
{
    if (d->hll != NULL) {
        hll_add(d->hll, h);
        return;
    }
    for (guint i = 0; i < d->n; i++)
        if (d->exact[i] == h)
            return;
    if (d->n == ANALYZE_DISTINCT_EXACT) {
        distinct_to_hll(d);
        hll_add(d->hll, h);
        return;
    }
    /* Capacity doubles from 4 (n is a power of two when full). */
    if (d->n == 0)
        d->exact = g_new(guint64, 4);
    else if (d->n >= 4 && (d->n & (d->n - 1)) == 0)
        d->exact = g_renew(guint64, d->exact, d->n * 2);
    d->exact[d->n++] = h;
}

void
analyze_distinct_merge(AnalyzeDistinct *dst, const AnalyzeDistinct *src)
{
    if (src->hll != NULL) {
        if (dst->hll == NULL)
            distinct_to_hll(dst);
        for (guint i = 0; i < (1u << ANALYZE_HLL_BITS); i++)
            if (src->hll[i] > dst->hll[i])
                dst->hll[i] = src->hll[i];
        return;
    }
    for (guint i = 0; i < src->n; i++)
        analyze_distinct_add_hash(dst, src->exact[i]);
}

void
analyze_distinct_clear(AnalyzeDistinct *d)
{
    g_free(d->exact);
    g_free(d->hll);
    memset(d, 0, sizeof *d);
}

guint64
analyze_distinct_count(const AnalyzeDistinct *d)
{
    if (d->hll == NULL)
        return d->n;
    const double m = 1u << ANALYZE_HLL_BITS;
    double sum = 0;
    guint zeros = 0;
    for (guint i = 0; i < (1u << ANALYZE_HLL_BITS); i++) {
        sum += ldexp(1.0, -d->hll[i]);
        if (d->hll[i] == 0)
            zeros++;
    }
    double alpha = 0.7213 / (1 + 1.079 / m);
    double e = alpha * m * m / sum;
    if (e <= 2.5 * m && zeros > 0)
        e = m * log(m / zeros); /* linear counting for small ranges */
    return (guint64)(e + 0.5);
}

gboolean
analyze_distinct_is_estimate(const AnalyzeDistinct *d)
{
    return d->hll != NULL;
}

/* ---- top (Space-Saving) ---- */
AnalyzeTop *
analyze_top_new(void)
{
    return g_new0(AnalyzeTop, 1);
}

void
analyze_top_free(AnalyzeTop *top)
{
    if (top == NULL)
        return;
    for (guint i = 0; i < top->n; i++)
        g_free(top->slots[i].key);
    g_free(top);
}

static void
top_add_error(AnalyzeTop *top, const char *key, gsize len, guint64 h, guint64 count, guint64 error)
{
    for (guint i = 0; i < top->n; i++) {
        if (top->hashes[i] != h)
            continue;
        AnalyzeTopEntry *e = &top->slots[i];
        if (e->len == len && memcmp(e->key, key, len) == 0) {
            e->count = top->counts[i] += count;
            e->error += error;
            return;
        }
    }
    if (top->n < ANALYZE_TOP_SLOTS) {
        guint i = top->n++;
        AnalyzeTopEntry *e = &top->slots[i];
        e->key = g_strndup(key, len);
        e->len = e->room = len;
        e->count = top->counts[i] = count;
        e->error = error;
        top->hashes[i] = h;
        return;
    }
    guint min = 0;
    for (guint i = 1; i < top->n; i++)
        if (top->counts[i] < top->counts[min])
            min = i;
    AnalyzeTopEntry *e = &top->slots[min];
    /* Replacements happen on nearly every add once the slots are full
     * (thousands of distinct sources): reuse the old key's memory when the
     * new key fits in it. */
    if (e->room < len) {
        g_free(e->key);
        e->key = g_malloc(len + 1);
        e->room = len;
    }
    memcpy(e->key, key, len);
    e->key[len] = '\0';
    e->len = len;
    top->hashes[min] = h;
    e->error = e->count + error;
    e->count = top->counts[min] += count;
}

void
analyze_key_init(AnalyzeKey *k, const char *text, gsize len)
{
    /* A key with a NUL byte would be cut short in the C strings of the
     * reports: keep what is before it. */
    LogStr s = log_str_before_nul((LogStr){ text, text ? len : 0 });
    k->ptr = s.ptr;
    k->len = s.len;
    k->hash = analyze_hash(text ? text : "", k->len);
}

void
analyze_top_add(AnalyzeTop *top, const AnalyzeKey *key, guint64 count)
{
    top_add_error(top, key->ptr, key->len, key->hash, count, 0);
}

void
analyze_top_merge(AnalyzeTop *dst, const AnalyzeTop *src)
{
    for (guint i = 0; i < src->n; i++) {
        const AnalyzeTopEntry *e = &src->slots[i];
        top_add_error(dst, e->key, e->len, src->hashes[i], e->count, e->error);
    }
}

gint
analyze_top_entry_compare(gconstpointer a, gconstpointer b)
{
    const AnalyzeTopEntry *x = *(AnalyzeTopEntry *const *)a;
    const AnalyzeTopEntry *y = *(AnalyzeTopEntry *const *)b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->key, y->key);
}

GPtrArray *
analyze_top_sorted(const AnalyzeTop *top)
{
    GPtrArray *out = g_ptr_array_new();
    if (top == NULL)
        return out;
    for (guint i = 0; i < top->n; i++)
        g_ptr_array_add(out, (gpointer)&top->slots[i]);
    g_ptr_array_sort(out, analyze_top_entry_compare);
    return out;
}

/* ---- flow-id sets (small: the recently blocked flows) ---- */
static gsize
flowset_find(const AnalyzeFlowSet *set, guint64 id)
{
    gsize mask = set->size - 1;
    gsize i = analyze_hash_u64(id) & mask;
    while (set->slots[i] != 0 && set->slots[i] != id)
        i = (i + 1) & mask;
    return i;
}

static void
flowset_grow(AnalyzeFlowSet *set)
{
    gsize old_size = set->size;
    guint64 *old = set->slots;
    set->size = old_size ? old_size * 2 : 1024;
    set->slots = g_new0(guint64, set->size);
    for (gsize i = 0; i < old_size; i++)
        if (old[i] != 0)
            set->slots[flowset_find(set, old[i])] = old[i];
    g_free(old);
}

void
analyze_flowset_add(AnalyzeFlowSet *set, guint64 id)
{
    if (id == 0) {
        set->has_zero = TRUE;
        return;
    }
    if (set->size == 0 || (set->used + 1) * 4 > set->size * 3)
        flowset_grow(set);
    gsize i = flowset_find(set, id);
    if (set->slots[i] == 0) {
        set->slots[i] = id;
        set->used++;
    }
}

gboolean
analyze_flowset_contains(const AnalyzeFlowSet *set, guint64 id)
{
    if (id == 0)
        return set->has_zero;
    if (set->size == 0)
        return FALSE;
    return set->slots[flowset_find(set, id)] == id;
}

void
analyze_flowset_clear(AnalyzeFlowSet *set)
{
    g_free(set->slots);
    memset(set, 0, sizeof *set);
}

/* ---- hours ---- */
AnalyzeHours *
analyze_hours_new(void)
{
    return g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, g_free);
}

void
analyze_hours_add(AnalyzeHours *hours, gint64 hour, const AnalyzeCounts *c)
{
    AnalyzeCounts *slot = g_hash_table_lookup(hours, &hour);
    if (slot == NULL) {
        gint64 *key = g_new(gint64, 1);
        *key = hour;
        slot = g_new0(AnalyzeCounts, 1);
        g_hash_table_insert(hours, key, slot);
    }
    slot->hits += c->hits;
    slot->blocked += c->blocked;
    slot->allowed += c->allowed;
}

void
analyze_hours_merge(AnalyzeHours *dst, AnalyzeHours *src)
{
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, src);
    while (g_hash_table_iter_next(&it, &k, &v))
        analyze_hours_add(dst, *(gint64 *)k, v);
}

static gint
int64_compare(gconstpointer a, gconstpointer b)
{
    gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;
    return x < y ? -1 : x > y;
}

GArray *
analyze_hours_sorted(AnalyzeHours *hours)
{
    GArray *out = g_array_new(FALSE, FALSE, sizeof(gint64));
    if (hours == NULL)
        return out;
    GHashTableIter it;
    gpointer k;
    g_hash_table_iter_init(&it, hours);
    while (g_hash_table_iter_next(&it, &k, NULL))
        g_array_append_val(out, *(gint64 *)k);
    g_array_sort(out, int64_compare);
    return out;
}

void
analyze_counts_add(AnalyzeCounts *dst, const AnalyzeCounts *src)
{
    dst->hits += src->hits;
    dst->blocked += src->blocked;
    dst->allowed += src->allowed;
}

void
analyze_time_span(gint64 *first, gint64 *last, gint64 first_src, gint64 last_src)
{
    if (first_src != 0 && (*first == 0 || first_src < *first))
        *first = first_src;
    if (last_src != 0 && (*last == 0 || last_src > *last))
        *last = last_src;
}
