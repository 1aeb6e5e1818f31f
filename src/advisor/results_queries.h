/*
 * results_queries.h - the path to fleets: the queries that compute, on an
 * engine the user already has (CloudWatch Logs Insights, Amazon Athena),
 * exactly the aggregates `analyze` needs, and the reading of their results
 * back into an AnalyzeAgg (`analyze --results`).
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
#ifndef NFW_ADVISOR_RESULTS_QUERIES_H
#define NFW_ADVISOR_RESULTS_QUERIES_H

#include <glib.h>

#include "advisor/analyze.h"

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
