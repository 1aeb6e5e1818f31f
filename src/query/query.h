/*
 * query.h - the face of src/query: the CloudWatch Logs Insights query
 * language (Logs Insights QL), run offline over NFW log records.
 *
 * Use:
 *     Query *q = query_parse(text, "query", &error);   // AST with positions
 *     for each record:                                  // streaming
 *         if (!query_feed(q, json, raw, timestamp_ms)) break;  // FALSE: done
 *     QueryResult *r = query_finish(q);                 // the result table
 *     query_result_render(r, QUERY_FORMAT_TABLE, out);
 * or query_run() with a record source, which does all of it.
 *
 * The evaluator does not know the log reader: a record is the parsed JSON
 * of one NFW envelope ({"firewall_name",...,"event":{...}}), its raw text
 * (@message) and its @timestamp in ms (query_record_timestamp_ms() computes
 * it from event.timestamp, else event_timestamp).
 *
 * Supported: commands fields, filter, stats, sort, limit, display, parse
 * (glob and /regex/ with named groups), dedup; dotted field paths with array
 * indexes (event.alert.metadata.signature_severity.0), `backquoted` names,
 * @timestamp, @message, @logStream/@log (null here); `as` aliases;
 * = != < <= > >= and or not, like (substring or /regex/[i]), =~, in [...],
 * not in, + - * / % ^; the scalar functions and aggregates in the table of
 * query_func.c (query_function_names()).  Anything else is an error naming
 * the construct.  Regexes run under PCRE2 match and depth limits: a match
 * that hits them counts as no match and is counted in the result.
 *
 * Semantics follow CloudWatch: a missing field is null (ispresent() false,
 * isempty() true); comparisons are numeric when both sides look numeric;
 * count(field) counts non-null values; sort is stable; when the query has
 * no `limit`, at most QUERY_DEFAULT_LIMIT rows are returned and the result
 * says so.
 */
#ifndef NFW_QUERY_QUERY_H
#define NFW_QUERY_QUERY_H

#include <stdio.h>
#include <glib.h>
#include <cjson/cJSON.h>

G_BEGIN_DECLS

#define QUERY_ERROR (query_error_quark())
GQuark query_error_quark(void);

typedef enum {
    QUERY_ERROR_SYNTAX,      /* the text is not valid Logs Insights QL */
    QUERY_ERROR_UNSUPPORTED, /* valid in CloudWatch, not implemented here */
    QUERY_ERROR_SOURCE,      /* the record source failed (query_run) */
} QueryErrorCode;

/* Rows returned when a query has no `limit` command.  CloudWatch's current
 * documentation (CWL_QuerySyntax-Limit, StartQuery `limit`) says 10,000;
 * older consoles showed 1,000.  query_set_default_limit() changes it. */
#define QUERY_DEFAULT_LIMIT 10000

/* PCRE2 limits for every regex match (like, =~, parse). */
#define QUERY_REGEX_MATCH_LIMIT 100000
#define QUERY_REGEX_DEPTH_LIMIT 10000

typedef struct Query Query;
typedef struct QueryResult QueryResult;

/* Parses `text`.  `source` names it in messages ("query" or a file name).
 * On error returns NULL and sets a QUERY_ERROR whose message is
 *     source:LINE:COL: error: WHAT
 *     <the query line>
 *         ^
 */
Query *query_parse(const char *text, const char *source, GError **error);
/* Reads a query file (e.g. a .cwli file of analysis/) and parses it. */
Query *query_parse_file(const char *path, GError **error);
void query_free(Query *q);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Query, query_free)

/* Before the first query_feed(): the rows returned without a `limit`. */
void query_set_default_limit(Query *q, gint64 rows);

/* Field paths the query reads from records (dotted, e.g. "event.tls.sni",
 * "@message", "@timestamp"), NULL-terminated, owned by the query.  A reader
 * may use it to decode only these fields. */
const char *const *query_fields_used(const Query *q);

/* FALSE when the raw record text cannot pass the query's first filters
 * (it lacks a string literal that an `=` comparison requires), so the
 * caller may skip parsing it.  TRUE means "parse and feed it". */
gboolean query_raw_may_match(const Query *q, const char *raw, gsize len);

/* A timestamp_ms meaning "unknown": @timestamp is then null. */
#define QUERY_NO_TIMESTAMP G_MININT64

/* Feeds one record.  `record` and `raw` are borrowed for the call only.
 * `raw` may be NULL (then @message is null).  Returns FALSE when no later
 * record can change the result (a `limit` reached with no stats or sort
 * before it): the caller may stop reading. */
gboolean query_feed(Query *q, const cJSON *record, const char *raw, gint64 timestamp_ms);

/* Ends the run and returns the result (caller frees).  The query can not
 * be fed again afterwards. */
QueryResult *query_finish(Query *q);

/* @timestamp of an NFW record in ms: event.timestamp (ISO 8601, e.g.
 * "2025-02-24T14:30:57.933410+0000"), else event_timestamp (seconds, a
 * string in alert/flow logs, a number in TLS logs), else timestamp at the
 * top level (raw EVE).  FALSE when none is usable. */
gboolean query_record_timestamp_ms(const cJSON *record, gint64 *out_ms);
/* ISO 8601 date-time (or date) to ms since the epoch. */
gboolean query_time_parse(const char *text, gint64 *out_ms);

/* ---- running over a record source ---- */

/* Gives the next record: sets *record (borrowed until the next call), *raw
 * (may be NULL) and *timestamp_ms, or sets *has_timestamp FALSE to let the
 * query compute it.  Returns FALSE at the end, or on error (with *error). */
typedef gboolean (*QueryNextFn)(gpointer source, const cJSON **record, const char **raw,
                                gint64 *timestamp_ms, gboolean *has_timestamp, GError **error);

typedef struct {
    gboolean has_since, has_until;
    gint64 since_ms, until_ms; /* until is exclusive */
} QueryWindow;

/* Feeds every record of the source within the window (NULL: all) and
 * finishes.  Returns NULL with *error if the source failed. */
QueryResult *query_run(Query *q, QueryNextFn next, gpointer source, const QueryWindow *window,
                       GError **error);

/* ---- results ---- */

void query_result_free(QueryResult *r);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(QueryResult, query_result_free)

guint query_result_n_columns(const QueryResult *r);
const char *query_result_column(const QueryResult *r, guint col);
guint query_result_n_rows(const QueryResult *r);
/* The cell as text (as CloudWatch shows it), NULL for null; caller frees. */
char *query_result_cell(const QueryResult *r, guint row, guint col);
/* Index of a column by name, -1 if none. */
int query_result_find_column(const QueryResult *r, const char *name);
/* TRUE when the default limit cut the rows (no `limit` in the query). */
gboolean query_result_default_limit_applied(const QueryResult *r, gint64 *limit);
guint64 query_result_records_scanned(const QueryResult *r);
guint64 query_result_records_matched(const QueryResult *r);
/* Regex matches that hit the PCRE2 limits (counted as no match). */
guint64 query_result_regex_limit_hits(const QueryResult *r);
/* What the reader around the query saw, for the statistics of the output
 * (the JSON "statistics" object, the table's footer).  The query itself
 * only counts the records fed to it; a caller that skips records before
 * feeding them (query_raw_may_match()) sets the true count here. */
void query_result_set_scanned(QueryResult *r, guint64 records_scanned, guint64 bytes_scanned,
                              guint64 records_filtered);
/* Records the reader skipped for `reason` (a short name such as
 * "bad-json"); reasons with a count of 0 are ignored. */
void query_result_add_skipped(QueryResult *r, const char *reason, guint64 count);
/* Warnings for the user (one per line, empty if none). */
char *query_result_notes(const QueryResult *r);

typedef enum {
    QUERY_FORMAT_TABLE, /* aligned text table, notes after it */
    QUERY_FORMAT_JSON,  /* `aws logs get-query-results` shape + statistics */
    QUERY_FORMAT_CSV,   /* RFC 4180, header row; notes go to query_result_notes() */
} QueryFormat;

gboolean query_format_from_name(const char *name, QueryFormat *out);
void query_result_render(const QueryResult *r, QueryFormat format, GString *out);

/* Names of all supported functions (scalar and aggregate), for --help. */
const char *const *query_function_names(void);

G_END_DECLS

#endif
