/*
 * query_internal.h - shared insides of src/query (the CloudWatch Logs
 * Insights language): values, the AST with positions, the function table,
 * the compiled pipeline and its run state.  Only the files of src/query include it;
 * other parts use query.h.
 *
 * Design decisions:
 *   - One value type (QueryValue) for everything an expression yields.  A
 *     string is either borrowed (from the cJSON record or the query text,
 *     valid while the record is being fed) or owned; anything kept beyond
 *     one record (buffers, groups, results) is made owned with qv_own().
 *   - The AST is also the executable form: expressions are evaluated by
 *     walking it.  Regexes are compiled once at parse time.
 *   - A query is a list of stages run as a push pipeline.  Streaming stages
 *     (fields, filter, parse, dedup, limit, display) handle one row at a time;
 *     blocking stages (stats, sort) hold rows or groups and release them at
 *     query_finish().  Memory grows with distinct groups and with sort's
 *     kept rows (bounded by the following limit), never with input size.
 */
#ifndef NFW_QUERY_INTERNAL_H
#define NFW_QUERY_INTERNAL_H

#include <glib.h>
#include <cjson/cJSON.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "base/base.h"
#include "query/query.h"

/* ---- values (query_value.c) ---- */

typedef enum {
    QV_NULL = 0, /* missing field, or no result */
    QV_BOOL,     /* comparisons, ispresent(), JSON true/false */
    QV_NUM,      /* JSON numbers, arithmetic, numeric functions */
    QV_STR,      /* text */
    QV_TIME,     /* @timestamp, bin(), fromMillis(): ms since the epoch, UTC */
} QueryValueKind;

typedef struct {
    QueryValueKind kind;
    gboolean owned;  /* str is owned (g_free) */
    double num;      /* QV_NUM, QV_BOOL (0/1), QV_TIME (ms) */
    const char *str; /* QV_STR: NUL-terminated */
} QueryValue;

void qv_clear(QueryValue *v);
void qv_set_null(QueryValue *v);
void qv_set_bool(QueryValue *v, gboolean b);
void qv_set_num(QueryValue *v, double n);
void qv_set_time(QueryValue *v, double ms);
void qv_set_str_borrowed(QueryValue *v, const char *s);
void qv_set_str_owned(QueryValue *v, char *s);        /* takes ownership */
void qv_copy(QueryValue *dst, const QueryValue *src); /* dst owns its string */
void qv_own(QueryValue *v);                           /* make the string owned */
/* A number from the value: numbers, times and bools directly; strings that
 * look numeric ("443", " 1.5e3") are parsed.  FALSE otherwise. */
gboolean qv_to_number(const QueryValue *v, double *out);
gboolean qv_is_numeric(const QueryValue *v);
/* Truth for filter: bool value, nonzero number, non-empty string. */
gboolean qv_truthy(const QueryValue *v);
/* Text form as shown in results (NULL for null); caller frees. */
char *qv_to_string(const QueryValue *v);
/* Appends the text form; nothing for null. */
void qv_append(GString *out, const QueryValue *v);
/* Ordering of two non-null values: numerically when both look numeric,
 * else by bytes of their text forms. */
int qv_compare(const QueryValue *a, const QueryValue *b);
/* Sort order: like qv_compare, nulls after everything. */
int qv_compare_nulls_last(const QueryValue *a, const QueryValue *b);
/* Group/dedup key: a type tag and the text, appended to `key`. */
void qv_append_key(GString *key, const QueryValue *v);
/* "2025-02-24 14:30:57.933" (CloudWatch's display form). */
void query_time_format(GString *out, gint64 ms);
/* Floors (ceil FALSE) or ceils `ms` to a period of `period_ms` or, when
 * `months` > 0, of calendar months (1mo, 1q = 3, 1y = 12). */
gint64 query_time_round(gint64 ms, gint64 period_ms, int months, gboolean ceil);

/* ---- AST (query_parse.c) ---- */

typedef enum {
    QOP_OR,
    QOP_AND,
    QOP_EQ,
    QOP_NE,
    QOP_LT,
    QOP_LE,
    QOP_GT,
    QOP_GE,
    QOP_LIKE,
    QOP_NOT_LIKE,
    QOP_MATCH,
    QOP_NOT_MATCH,
    QOP_IN,
    QOP_NOT_IN,
    QOP_ADD,
    QOP_SUB,
    QOP_MUL,
    QOP_DIV,
    QOP_MOD,
    QOP_POW,
} QueryOp;

typedef enum {
    QE_LITERAL,  /* lit */
    QE_FIELD,    /* name, path */
    QE_REGEX,    /* re (right side of like / =~) */
    QE_NOT,      /* left */
    QE_NEG,      /* left */
    QE_BINARY,   /* op, left, right */
    QE_CALL,     /* func, args */
    QE_LIST,     /* args: the [a, b] of `in` */
    QE_STAR,     /* the * of count(*) */
    QE_DURATION, /* duration_ms or months: 5m, 1h, 1mo */
} QueryExprKind;

typedef struct QueryFunc QueryFunc;
typedef struct QueryExpr QueryExpr;

struct QueryExpr {
    QueryExprKind kind;
    int line, col;  /* 1-based position of the first character */
    int start, end; /* byte span in the query text */
    QueryOp op;
    QueryValue lit;      /* QE_LITERAL: owned string */
    char *name;          /* QE_FIELD: canonical dotted name; QE_CALL: name as written */
    char **path;         /* QE_FIELD: segments (NULL-terminated) */
    gboolean backquoted; /* QE_FIELD: some segment was `quoted` */
    QueryExpr *left, *right;
    GPtrArray *args; /* QueryExpr*: QE_CALL, QE_LIST */
    const QueryFunc *func;
    int agg_slot;     /* QE_CALL of an aggregate inside stats: its slot */
    char *agg_column; /* QE_CALL: its text, the column it names after stats */
    pcre2_code *re;   /* QE_REGEX */
    pcre2_match_data *md;
    char *re_text;       /* QE_REGEX: the pattern, for messages */
    gint64 duration_ms;  /* QE_DURATION (fixed units) */
    int duration_months; /* QE_DURATION (mo, q, y): calendar units */
};

void query_expr_free(QueryExpr *e);

/* ---- functions (query_func.c) ---- */

typedef enum {
    QAGG_NONE = 0,
    QAGG_COUNT,
    QAGG_COUNT_DISTINCT,
    QAGG_SUM,
    QAGG_AVG,
    QAGG_MIN,
    QAGG_MAX,
    QAGG_PCT,
    QAGG_STDDEV,
    QAGG_EARLIEST,
    QAGG_LATEST,
} QueryAggKind;

typedef void (*QueryScalarFn)(Query *q, QueryValue *args, int n_args, QueryValue *out);

struct QueryFunc {
    const char *name;       /* matched case-insensitively */
    int min_args, max_args; /* max -1: any number */
    QueryAggKind agg;       /* QAGG_NONE for scalar functions */
    QueryScalarFn fn;
    const char *summary;
};

const QueryFunc *query_func_lookup(const char *name);
/* TRUE for names CloudWatch has but this implementation does not. */
gboolean query_func_is_unsupported(const char *name);

/* ---- stages (query_parse.c builds, query_run.c runs) ---- */

typedef enum {
    QCMD_FIELDS,
    QCMD_FILTER,
    QCMD_STATS,
    QCMD_SORT,
    QCMD_LIMIT,
    QCMD_DISPLAY,
    QCMD_PARSE,
    QCMD_DEDUP,
} QueryCommand;

typedef struct {
    QueryExpr *expr;
    char *name;    /* alias, or the expression's text */
    gboolean desc; /* sort */
} QueryItem;

typedef struct QueryGroup QueryGroup;

typedef struct {
    QueryCommand cmd;
    int line, col;
    GPtrArray *items;     /* QueryItem*: fields, display, sort, dedup, stats aggregates */
    GPtrArray *groups;    /* QueryItem*: stats ... by */
    QueryExpr *expr;      /* filter condition; parse source */
    pcre2_code *parse_re; /* parse: glob turned regex, or the /regex/ */
    pcre2_match_data *parse_md;
    GPtrArray *parse_names; /* char*: the fields parse sets */
    gint64 limit;           /* limit */
    GPtrArray *aggs;        /* QueryExpr* (borrowed from items): stats slots */

    /* run state */
    gint64 seen;             /* limit: rows passed */
    GHashTable *dedup_seen;  /* dedup: keys */
    GHashTable *group_index; /* stats: key -> QueryGroup* */
    GPtrArray *group_list;   /* stats: QueryGroup* in first-seen order */
    GPtrArray *buffer;       /* sort: QueryRow* */
    guint64 seq;             /* sort: arrival order, for stable ties */
    gint64 keep;             /* sort: keep only the first `keep` rows (0: all) */
} QueryStage;

/* A row flowing through the pipeline: a record (json, raw, timestamp) with
 * fields set by earlier stages layered over it (overlay), or, after stats,
 * an overlay alone. */
typedef struct {
    const cJSON *json; /* NULL after stats */
    cJSON *json_owned; /* set when the row was kept beyond feed */
    const char *raw;
    char *raw_owned;
    gint64 ts_ms;
    gboolean has_ts;
    GPtrArray *names; /* char* (owned) */
    GArray *values;   /* QueryValue (owned strings) */
    guint64 seq;
    QueryValue *agg_values; /* stats finish: slot values for evaluating items */
} QueryRow;

struct Query {
    char *text;
    char *source;            /* "query" or the file name, for messages */
    GPtrArray *stages;       /* QueryStage* */
    GPtrArray *columns;      /* char*: output columns */
    GPtrArray *column_paths; /* char** per column (for lookups in records) */
    GPtrArray *fields_used;  /* char* */
    GPtrArray *literals;     /* char*: texts a raw record must contain to pass */
    gboolean has_limit;      /* some limit command */
    gint64 default_limit;
    gboolean has_stats;

    /* run state */
    pcre2_match_context *mctx;
    guint64 regex_limit_hits;
    guint64 records_fed;
    gboolean done;        /* no further record can change the result */
    guint first_blocking; /* index of the first stats/sort, or stages->len */
    QueryResult *result;
};

/* query_eval.c */
void query_eval(Query *q, const QueryExpr *e, QueryRow *row, QueryValue *out);
/* A field of a row: overlay by name, then @fields, then the JSON path. */
void query_row_lookup(const QueryRow *row, const char *name, char *const *path, QueryValue *out);
/* PCRE2 match under the query's limits; a limit hit counts as no match. */
gboolean query_regex_match(Query *q, pcre2_code *re, pcre2_match_data *md, const char *subject,
                           gsize len);

/* query_run.c */
void query_row_set(QueryRow *row, const char *name, const QueryValue *v);
void query_stage_free(QueryStage *s);
/* query_agg.c */
typedef struct QueryAggState QueryAggState;
QueryAggState *query_agg_new(const QueryExpr *call);
void query_agg_free(QueryAggState *st);
void query_agg_add(Query *q, QueryAggState *st, const QueryExpr *call, QueryRow *row);
void query_agg_result(QueryAggState *st, const QueryExpr *call, QueryValue *out);

struct QueryResult {
    GPtrArray *columns; /* char* */
    GPtrArray *rows;    /* QueryValue* arrays of columns->len (owned) */
    gboolean default_limit_applied;
    gint64 limit;
    gboolean truncated; /* more rows existed than were kept */
    guint64 records_scanned, records_matched, regex_limit_hits;
    /* Set by the caller of query_run() (query_result_set_input()). */
    gboolean has_bytes_scanned;
    guint64 bytes_scanned, records_filtered;
    GPtrArray *skip_names; /* char* (owned) */
    GArray *skip_counts;   /* guint64, parallel to skip_names */
};

#endif
