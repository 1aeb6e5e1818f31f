/*
 * analyze_internal.h - helpers shared by the analyze_*.c files only.
 */
#ifndef NFW_ANALYZE_ANALYZE_INTERNAL_H
#define NFW_ANALYZE_ANALYZE_INTERNAL_H

#include "analyze/analyze.h"

guint64 analyze_hash(const char *s, gsize len);
guint64 analyze_hash_u64(guint64 x);

void analyze_distinct_add_hash(AnalyzeDistinct *d, guint64 h);
void analyze_distinct_merge(AnalyzeDistinct *dst, const AnalyzeDistinct *src);
void analyze_distinct_clear(AnalyzeDistinct *d);

AnalyzeTop *analyze_top_new(void);
void analyze_top_free(AnalyzeTop *top);
/* A key of a top list or distinct count, cut at a NUL byte, hashed once
 * per event for all the counters it goes to. */
typedef struct {
    const char *ptr; /* borrowed, NULL when absent */
    gsize len;
    guint64 hash;
} AnalyzeKey;
void analyze_key_init(AnalyzeKey *k, const char *text, gsize len);
void analyze_top_add(AnalyzeTop *top, const AnalyzeKey *key, guint64 count);
void analyze_top_merge(AnalyzeTop *dst, const AnalyzeTop *src);
/* For g_ptr_array_sort() of AnalyzeTopEntry*: most first, then by key. */
gint analyze_top_entry_compare(gconstpointer a, gconstpointer b);

void analyze_flowset_add(AnalyzeFlowSet *set, guint64 id);
gboolean analyze_flowset_contains(const AnalyzeFlowSet *set, guint64 id);
void analyze_flowset_clear(AnalyzeFlowSet *set);

void analyze_flows_init(AnalyzeFlows *flows);
void analyze_flows_clear(AnalyzeFlows *flows);
/* One record: flags ANALYZE_FLOW_*, key a silent-flow key id or 0. */
void analyze_flows_add(AnalyzeFlows *flows, guint64 flow_id, guint32 flags, guint32 key);
void analyze_flows_append(AnalyzeFlows *flows, const AnalyzeFlowRecord *rec);
/* Sorts and merges the records: after it, recs[0, len) is one per flow. */
void analyze_flows_compact(AnalyzeFlows *flows);
/* Keeps only flows hashing at or below `limit` (to merge a capped sample). */
void analyze_flows_lower_limit(AnalyzeFlows *flows, guint64 limit);

AnalyzeHours *analyze_hours_new(void);
void analyze_hours_add(AnalyzeHours *hours, gint64 hour, const AnalyzeCounts *c);
void analyze_hours_merge(AnalyzeHours *dst, AnalyzeHours *src);

void analyze_counts_add(AnalyzeCounts *dst, const AnalyzeCounts *src);

/* What analyze_view_new() decides with (analyze_checks.c, analyze.c); the
 * rest of the program reads the AnalyzeView instead.  Sorted arrays of
 * borrowed elements (free the array only): default actions by signature;
 * groups most flows first, then alerts; unmapped signatures most alerts
 * first. */
GPtrArray *analyze_defaults_sorted(const AnalyzeAgg *agg);
GPtrArray *analyze_default_groups_sorted(const AnalyzeDefault *d);
GPtrArray *analyze_signatures_sorted(const AnalyzeAgg *agg);
/* 1,000,000 + the highest loaded sid + 1 when that is below 1,000,000
 * (suggested sids stay clear of small hand-numbered policies), else the
 * highest sid + 1. */
guint64 analyze_first_free_sid(const AnalyzeAgg *agg);
/* The alert + pass pair that would allow a default-action group; sids
 * from `first_sid`.  Newly allocated. */
char *analyze_suggest_rules(const AnalyzeDefaultGroup *group, guint64 first_sid);
/* Silent flows by key, most first: AnalyzeTopEntry* (owned), *totals
 * filled.  Needs analyze_agg_finish() first. */
GPtrArray *analyze_silent_flows(const AnalyzeAgg *agg, AnalyzeSilentTotals *totals);
void analyze_time_span(gint64 *first, gint64 *last, gint64 first_src, gint64 last_src);

#endif
