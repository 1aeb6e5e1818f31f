/*
 * analyze.h - the log analysis model: alerts and flows mapped to the rules
 * of a Policy and aggregated, then turned into Findings (`analyze`).
 *
 * Data flow: LogEvent -> analyze_agg_add_event() (mapping + counting) ->
 * AnalyzeAgg (a plain data model, no printing: the text/JSON/HTML renderers
 * and `analyze --results` share it) -> analyze_findings().
 *
 * Design decisions:
 *  - The mapping index (AnalyzeIndex) is built once from the policy and is
 *    read-only, so threads share it; each thread fills its own AnalyzeAgg
 *    and analyze_agg_merge() adds them up.  Rule statistics are an array
 *    aligned with AnalyzeIndex.rules, so a merge is position by position.
 *  - Memory grows with distinct keys, never with input size: distinct
 *    counts are exact up to ANALYZE_DISTINCT_EXACT values, then a
 *    HyperLogLog estimate (ANALYZE_HLL_ERROR relative standard error);
 *    top-N lists are Space-Saving sketches of ANALYZE_TOP_SLOTS counters
 *    (exact while fewer keys than slots were seen); default-action groups
 *    and unmapped signatures are capped, the overflow is counted apart;
 *    silent-flows keeps at most ANALYZE_FLOW_CAP flows: those whose flow
 *    id hashes lowest, a uniform sample in which every count is exact,
 *    the same whatever the order of the input or the number of threads.
 *  - Identity of an alert (docs: checks.md): `aws:<name> action` is a
 *    default action whatever its sid; domain-list messages go to a
 *    domain-list group (narrowed by the SNI / HTTP host); otherwise
 *    (sid, msg) among the loaded rules, narrowed by protocol and ports;
 *    several -> ambiguous, none -> a referenced managed group or unknown.
 *    A different rev still maps, and is counted as a rev mismatch.
 *  - Decision of an alert: verdict.action when present (Suricata >= 7),
 *    else alert.action.  A default-action alert on a flow that a rule
 *    already blocked (action order logs both, rule first) is counted as
 *    `after_rule_block` and not put into the default-action groups.
 *  - `--results` (query results) fills the same aggregates through
 *    analyze_agg_add_event() with a weight (count of a result row).
 */
#ifndef NFW_ANALYZE_ANALYZE_H
#define NFW_ANALYZE_ANALYZE_H

#include <glib.h>

#include "logs/logs.h"
#include "policy/policy.h"

#define ANALYZE_DISTINCT_EXACT 64 /* exact distinct values before the estimate */
#define ANALYZE_HLL_BITS 10       /* 1024 registers */
#define ANALYZE_HLL_ERROR 0.0325  /* 1.04 / sqrt(1024) */
#define ANALYZE_TOP_SLOTS 32      /* Space-Saving counters per top list */
#define ANALYZE_MAX_DEFAULT_GROUPS 20000
#define ANALYZE_MAX_SIGNATURES 20000
#define ANALYZE_JSON_MAX_GROUPS 1000 /* default-action groups listed per signature in JSON */
#define ANALYZE_FLOW_CAP (1u << 21)  /* flows kept for silent-flows (a sample above) */

/* Distinct count: exact (sorted-free small array of 64-bit hashes) up to
 * ANALYZE_DISTINCT_EXACT, then HyperLogLog. */
typedef struct {
    guint64 *exact; /* n hashes, NULL once switched to hll */
    guint n;
    guint8 *hll; /* 1 << ANALYZE_HLL_BITS registers, NULL while exact */
} AnalyzeDistinct;

typedef struct {
    char *key;
    gsize len, room; /* strlen(key) and the bytes allocated for it, less one */
    guint64 count;
    guint64 error; /* Space-Saving overestimate bound (0 = exact) */
} AnalyzeTopEntry;

/* Top keys by count (Space-Saving).  Every alert adds to a few of these,
 * mostly missing once there are more keys than slots: the hashes and
 * counts are also kept in arrays of their own, so that the two scans of
 * an add (find the key, find the smallest count) read few cache lines. */
typedef struct {
    guint n;
    guint64 hashes[ANALYZE_TOP_SLOTS]; /* of slots[i].key: compared before the text */
    guint64 counts[ANALYZE_TOP_SLOTS]; /* = slots[i].count */
    AnalyzeTopEntry slots[ANALYZE_TOP_SLOTS];
} AnalyzeTop;

typedef struct {
    guint64 hits, blocked, allowed;
} AnalyzeCounts;

/* Counts per hour (key: hour start in seconds since epoch, gint64 boxed in
 * the table) -> AnalyzeCounts*.  The HTML report draws its time series
 * from these. */
typedef GHashTable AnalyzeHours;

typedef struct {
    AnalyzeCounts counts;
    guint64 ambiguous;        /* hits also attributed to other rules */
    guint64 rev_mismatch;     /* hits whose logged rev differs */
    guint32 log_rev;          /* last differing rev seen */
    gint64 first_us, last_us; /* 0 when no hit */
    AnalyzeDistinct sources, destinations;
    AnalyzeTop *talkers; /* sources, NULL until the first hit */
    AnalyzeTop *targets; /* SNI / host / dest IP */
    AnalyzeHours *hours;
} AnalyzeRuleStats;

/* A signature that is not a loaded rule: unknown, or from a managed group. */
typedef struct {
    guint64 sid;
    guint32 rev;
    char *msg;
    char *managed;          /* managed group name(s) it is attributed to, NULL = unknown */
    gboolean drop_to_alert; /* the managed group runs with DROP_TO_ALERT */
    AnalyzeCounts counts;
    gint64 first_us, last_us;
    AnalyzeDistinct sources;
    AnalyzeTop *talkers;
    char *sample; /* "file:line" of the first alert */
} AnalyzeSigStats;

/* An (sid, msg) that matched several loaded rules. */
typedef struct {
    guint64 sid;
    char *msg;
    guint64 hits;
    GArray *candidates; /* guint positions in AnalyzeIndex.rules */
} AnalyzeAmbiguous;

/* Traffic decided by one default action, grouped. */
typedef struct {
    char *src_net;         /* "$HOME_NET", "198.51.100.0/24", "2001:db8::/64" */
    char *destination;     /* SNI, HTTP host, else dest IP */
    char *dest_ip;         /* one destination address seen */
    gint32 dest_port;      /* -1 when absent */
    char *proto;           /* "TCP", "UDP", "ICMP" */
    char *app_proto;       /* "tls", "http", "" when unknown */
    gboolean by_name;      /* destination is an SNI or host */
    gboolean name_has_nul; /* that name held NUL bytes (shown as \x00): no
                                    legitimate name does, so no rule is suggested on it */
    AnalyzeCounts counts;
    AnalyzeDistinct flows;
    gint64 first_us, last_us;
} AnalyzeDefaultGroup;

typedef struct {
    char *signature; /* "aws:alert_established action" */
    AnalyzeCounts counts;
    guint64 after_rule_block; /* on flows a rule had already blocked */
    guint64 overflow;         /* hits beyond ANALYZE_MAX_DEFAULT_GROUPS */
    gint64 first_us, last_us;
    GHashTable *groups; /* key text -> AnalyzeDefaultGroup* */
    AnalyzeHours *hours;
} AnalyzeDefault;

/* A set of flow ids (open addressing), for the recently blocked flows. */
typedef struct {
    guint64 *slots; /* 0 = empty (flow id 0 is stored apart) */
    gsize size, used;
    gboolean has_zero;
} AnalyzeFlowSet;

/* The flows seen, for silent-flows: one record per flow id, with what the
 * logs showed of it.  Events append records; analyze_flows_compact() sorts
 * them by hash and merges those of one flow (analyze_flows.c). */
#define ANALYZE_FLOW_ALERTED 1u /* an alert named this flow id */
#define ANALYZE_FLOW_NETFLOW 2u /* a netflow record named it */
typedef struct {
    guint64 hash;            /* analyze_hash_u64(flow id): one-to-one */
    guint32 key;             /* silent-flow key id of its netflow records, 0 if none */
    guint16 flags;           /* ANALYZE_FLOW_* */
    guint16 netflow_records; /* saturating at G_MAXUINT16 */
} AnalyzeFlowRecord;

typedef struct {
    AnalyzeFlowRecord *recs;
    gsize len, alloc;
    gsize sorted;        /* recs[0, sorted) are sorted and one per flow */
    guint64 limit;       /* flows hashing above are not kept (cap reached) */
    guint64 not_checked; /* netflow records of flows not kept */
} AnalyzeFlows;

/* The mapping index: read-only, shared by threads. */
typedef struct {
    const Policy *policy; /* borrowed */
    GPtrArray *rules;     /* Rule*, borrowed: enabled rules in evaluation
                                    order, default-action rules left out */
    GHashTable *by_sid;   /* guint64* sid -> GArray of guint positions */
    GPtrArray *managed;   /* RuleGroup*, borrowed: referenced managed groups */
    char *managed_names;  /* "a, b" or NULL */
    gboolean managed_drop_to_alert;
    NetSet *home_net; /* resolved policy HOME_NET */
    char *home_net_text;
    GArray *twin_of;  /* guint per rule: position+1 of the pass rule an
                                    alert rule is the logging twin of, 0 if none */
    GArray *has_twin; /* gboolean per rule: a pass rule with an alert twin */
    guint64 max_sid;
} AnalyzeIndex;

/* The defaults of the thresholds, written once: analyze_thresholds_init()
 * uses them and the CLI's help text prints them (G_STRINGIFY), so they are
 * plain literals. */
#define ANALYZE_DEFAULT_NOISY_SHARE 0.2
#define ANALYZE_DEFAULT_NOISY_RATE 1000
#define ANALYZE_DEFAULT_NOISY_MIN_HITS 100
#define ANALYZE_DEFAULT_REVIEW_SOURCES 20
#define ANALYZE_DEFAULT_NAT_SHARE 0.9
#define ANALYZE_DEFAULT_NAT_MIN_ALERTS 50
#define ANALYZE_DEFAULT_TOP 10

typedef struct {
    /* Thresholds: defaults from analyze_thresholds_init(); flags override. */
    double noisy_share;     /* share of all alerts */
    double noisy_rate;      /* alerts per hour */
    guint64 noisy_min_hits; /* never noisy below this */
    guint64 review_sources; /* alert-mode-review at or above this many sources */
    double nat_share;       /* top two sources' share of alerts */
    guint64 nat_min_alerts; /* nat-masked-sources needs this many alerts */
    guint top;              /* --top N: rows in lists */
} AnalyzeThresholds;

typedef struct {
    const AnalyzeIndex *index;            /* borrowed */
    LogStats stats;                       /* reader counts, merged */
    gint64 first_event_us, last_event_us; /* 0 when none */
    guint64 alerts;                       /* alert events seen */
    guint64 flows;                        /* netflow events seen */
    guint64 alerts_default, alerts_rules, alerts_unknown, alerts_managed, alerts_ambiguous;
    AnalyzeRuleStats *rules; /* index->rules->len entries */
    GHashTable *signatures;  /* "sid\trev\tmsg" -> AnalyzeSigStats* */
    guint64 signatures_overflow;
    GHashTable *ambiguous;         /* "sid\tmsg" -> AnalyzeAmbiguous* */
    GHashTable *defaults;          /* signature -> AnalyzeDefault* */
    AnalyzeTop *top_sources;       /* all alerts */
    AnalyzeTop *top_blocked_names; /* SNI / host of blocked alerts */
    AnalyzeDistinct all_sources;
    AnalyzeHours *hours; /* all alerts */
    /* silent-flows: flows with an alert, and netflow flows with their key */
    AnalyzeFlows flows_seen;
    guint64 results_fake_flows; /* made-up flow ids used by `--results` */
    GPtrArray *flow_keys;       /* char* "proto\tapp_proto\tdest_port", index 1.. */
    GHashTable *flow_key_ids;   /* char* -> GUINT_TO_POINTER(index) */
    /* Recently blocked flows (rule alerts), for after_rule_block; emptied
     * every 65,536 flows. */
    AnalyzeFlowSet recent_blocked;
    /* Scratch buffers for hash keys, reused from event to event so that a
     * lookup of an existing key allocates nothing. */
    GString *scratch_key;
    GString *scratch_name; /* an SNI/Host with NUL bytes shown as \x00 */
    GString *scratch_sig;
    GArray *scratch_cands; /* guint: candidate rules of the current alert */
} AnalyzeAgg;

/* Index --------------------------------------------------------------- */
AnalyzeIndex *analyze_index_new(const Policy *policy);
void analyze_index_free(AnalyzeIndex *index);

/* TRUE for "aws:<name> action". */
gboolean analyze_is_default_signature(const char *msg, gsize len);
/* TRUE for the domain-list messages of nfw-reference §3. */
gboolean analyze_is_domain_list_message(const char *msg, gsize len);
/* Domain-list target semantics: ".example.com" matches example.com and
 * its subdomains, anything else only itself; case-insensitive. */
gboolean analyze_domain_matches(const char *target, const char *name, gsize len);

/* Aggregates -------------------------------------------------------- */
void analyze_thresholds_init(AnalyzeThresholds *t);
AnalyzeAgg *analyze_agg_new(const AnalyzeIndex *index);
void analyze_agg_free(AnalyzeAgg *agg);
/* Count one event `weight` times (1 for log records; a result row's count
 * for `--results`). */
void analyze_agg_add_event(AnalyzeAgg *agg, const LogEvent *event, guint64 weight);
/* Adds `src` into `dst` (same index); src is left unchanged. */
void analyze_agg_merge(AnalyzeAgg *dst, const AnalyzeAgg *src);
/* After the last add/merge: fold address-only default-action groups into
 * the named group of the same flows (alerts before the SNI / Host was
 * seen) and settle the flows seen.  Call once, before analyze_findings()
 * and the renderers. */
void analyze_agg_finish(AnalyzeAgg *agg);
/* Window length in hours (at least 1/60). */
double analyze_agg_window_hours(const AnalyzeAgg *agg);

/* Silent flows: netflow flows without any alert (AnalyzeView.silent). */
typedef struct {
    guint64 netflow_flows; /* flows in the flow logs (kept ones) */
    guint64 without_alert; /* of those, flows no alert named */
    guint64 not_checked;   /* netflow records of flows beyond the cap */
    gboolean sampled;      /* the cap was reached: figures are of a sample */
} AnalyzeSilentTotals;

/* A default-action group as shown: its suggested alert + pass pair
 * (strict order, flow:to_server) with sids first_sid and first_sid + 1. */
typedef struct {
    const AnalyzeDefaultGroup *group; /* borrowed from the aggregate */
    guint64 first_sid;
    char *suggested_rules; /* owned by the view */
} AnalyzeViewGroup;

typedef struct {
    const AnalyzeDefault *def; /* borrowed */
    GArray *groups;            /* AnalyzeViewGroup, most flows first */
} AnalyzeViewDefault;

/* What the findings and every renderer show of a finished aggregate,
 * decided once (analyze_view.c): orders, suggested sids and rules, silent
 * flows.  Nothing that reads a view sorts, numbers or suggests again. */
typedef struct {
    const AnalyzeAgg *agg;  /* borrowed */
    guint64 first_free_sid; /* sids of suggested rules start here */
    GPtrArray *defaults;    /* AnalyzeViewDefault*, by signature */
    GPtrArray *signatures;  /* AnalyzeSigStats*, borrowed: not loaded rules, most alerts first */
    GPtrArray *silent;      /* AnalyzeTopEntry*, owned: silent flows by service, most first */
    AnalyzeSilentTotals silent_totals;
} AnalyzeView;

/* After analyze_agg_finish().  The view borrows `agg`: free it first. */
AnalyzeView *analyze_view_new(const AnalyzeAgg *agg);
void analyze_view_free(AnalyzeView *view);

/* --- one run (analyze_run.c) --------------------------------------- */
typedef struct {
    const char *const *inputs; /* log paths ("-": standard input); with from_results,
                                  results of the exported queries */
    gsize n_inputs;
    gboolean from_results;   /* `--results` */
    const LogFilter *filter; /* borrowed; logs only */
    guint threads;           /* reader threads; 0: one per core */
    gboolean progress;       /* an updating progress line on stderr */
    gboolean *firewall_seen; /* out, may be NULL: per filter->firewalls[i], whether a
                                used record carried that name (zeroed by the caller) */
} AnalyzeRunOptions;

/* Reads every input over `index` (threads, merge) or loads the results
 * files, and finishes the aggregate (analyze_agg_finish).  Returns it
 * (caller frees), or NULL with *error when the inputs cannot be planned or
 * a results file does not load.  `errors` (char*, owned by the array)
 * receives the read errors reading went on after; `notes` (char*) the
 * warnings of results loading, such as a result cut at 10,000 rows. */
AnalyzeAgg *analyze_run(const AnalyzeIndex *index, const AnalyzeRunOptions *options,
                        GPtrArray *errors, GPtrArray *notes, GError **error);

/* A log check runner: the check ids it produces (NULL-terminated) and its
 * function (analyze_checks.c). */
typedef struct {
    const char *const *checks;
    void (*run)(const AnalyzeView *view, const AnalyzeThresholds *t, GPtrArray *findings);
} AnalyzeRunner;

/* The runners, in the order analyze_findings runs them. */
const AnalyzeRunner *analyze_runners(gsize *count);

/* Findings from the view (appended, owned by the array), sorted by
 * severity then size; runners whose ids are all in `disabled` (a set of
 * check ids, may be NULL) are skipped. */
void analyze_findings(const AnalyzeView *view, const AnalyzeThresholds *t, GHashTable *disabled,
                      GPtrArray *findings);

/* Helpers shared by renderers. */
guint64 analyze_distinct_count(const AnalyzeDistinct *d);
gboolean analyze_distinct_is_estimate(const AnalyzeDistinct *d);
/* Sorted copy of a top list, most first (entries borrowed). */
GPtrArray *analyze_top_sorted(const AnalyzeTop *top);
/* Sorted hour keys of an AnalyzeHours (gint64 seconds). */
GArray *analyze_hours_sorted(AnalyzeHours *hours);
/* Decision of an alert: TRUE when blocked (verdict drop/reject, else
 * alert.action blocked). */
gboolean analyze_event_blocked(const LogEvent *event);

/* --- the path to fleets (results_queries.c, results_load.c) ----------
 * The queries that compute, on an engine the user already has (CloudWatch
 * Logs Insights, Amazon Athena), exactly the aggregates `analyze` needs,
 * and the reading of their results back into an AnalyzeAgg (`analyze
 * --results`).
 *
 * Four queries, each identified in its results by its columns, so that the
 * result files may be named anyhow and given in any order:
 *   rule-alerts     alerts that are not default actions, one row per
 *                   (sid, rev, msg, decision, 5-tuple but the source port,
 *                   SNI, host, hour) with hits and first/last time
 *   default-actions alerts of `aws:... action` signatures, one row per flow
 *                   (and, in action order, the flows a rule blocked)
 *   flows           netflow flows counted by service and by "had an alert"
 *   window          first and last record and record counts by event type
 * Rows add up: results of several time windows may be given together.
 */

typedef enum {
    RESULTS_ENGINE_CWLI,
    RESULTS_ENGINE_ATHENA,
} ResultsEngine;

typedef enum {
    RESULTS_QUERY_RULE_ALERTS,
    RESULTS_QUERY_DEFAULT_ACTIONS,
    RESULTS_QUERY_FLOWS,
    RESULTS_QUERY_WINDOW,
    RESULTS_QUERY_N
} ResultsQuery;

/* "rule-alerts", ... */
const char *results_query_name(ResultsQuery which);
gboolean results_query_from_name(const char *name, ResultsQuery *out);
/* One line saying what the query computes. */
const char *results_query_summary(ResultsQuery which);

/* The query text (newly allocated).  `action_order`: the policy uses
 * DEFAULT_ACTION_ORDER, so default-actions also lists the flows that a
 * rule blocked (action order logs the rule and the default action).
 * Athena text reads the tables of analysis/athena/00-create-tables.sql
 * over the last day (change the log_hour condition for another window). */
char *results_query_text(ResultsQuery which, ResultsEngine engine, gboolean action_order);

#define RESULTS_ERROR (results_error_quark())
GQuark results_error_quark(void);

typedef enum {
    RESULTS_ERROR_FORMAT,  /* neither get-query-results JSON nor CSV with a header */
    RESULTS_ERROR_COLUMNS, /* not the result of an exported query */
    RESULTS_ERROR_VALUE,   /* a cell that does not parse (row and column named) */
} ResultsErrorCode;

/* What one results file held. */
typedef struct {
    ResultsQuery query;
    guint64 rows;
    gboolean maybe_cut; /* exactly 10,000 rows: CloudWatch's cap */
} ResultsFileInfo;

/* Reads `path` (`aws logs get-query-results` JSON, or CSV with a header
 * as Athena writes it) and adds its rows into `agg`.  FALSE with an error
 * naming the file (and row, column) when it is not the result of one of
 * the exported queries. */
gboolean results_load_file(AnalyzeAgg *agg, const char *path, ResultsFileInfo *info,
                           GError **error);

/* Loads every file in order; stops at the first error.  `notes` (char*,
 * owned by the array) receives warnings for the user, such as a result
 * that may have been cut at 10,000 rows or a query missing from the set. */
gboolean results_load_files(AnalyzeAgg *agg, const char *const *paths, gsize n_paths,
                            GPtrArray *notes, GError **error);

#endif
