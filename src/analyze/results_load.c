/*
 * results_load.c - `analyze --results`: read the results of the exported
 * queries (analyze.h) and add them into an AnalyzeAgg, so that
 * the checks see what they would have seen from the raw logs.
 *
 * Formats, detected from the content: `aws logs get-query-results` JSON
 * ({"results":[[{"field","value"},...],...]}, every value a string, fields
 * without a value left out; what `nfw-advisor query --format json` prints
 * too), or CSV with a header row (RFC 4180, as Athena writes it; an empty
 * cell is NULL).  Which query a file answers is told by its columns.
 *
 * How rows become aggregates (analyze.h says --results goes through
 * analyze_agg_add_event() with a weight):
 * - An alert row (rule-alerts, default-actions) is a LogEvent with the
 *   row's fields, added `hits - 1` times at its first time and once at its
 *   last, so that first/last hit, the hourly counts (a row never spans two
 *   hours) and the log window come out as from the raw records.  Distinct
 *   sources, destinations and flows see the real values (the queries group
 *   by them), so their counts, exact or estimated, are the same too.
 * - The source port is not in the rows: src_port is -1 (see
 *   results_queries.c), which only matters to tell apart rules that share
 *   a sid and message.
 * - default-actions in action order also lists flows a rule blocked: those
 *   rows are not counted again (rule-alerts has them); they mark the flow
 *   so that its default-action alerts count as `after_rule_block`, as the
 *   raw analysis does when the rule's alert comes first.
 * - flows rows give counts of flows, not ids: each flow becomes a netflow
 *   event with a made-up id (from 2^63 up, beyond Suricata's ids), added to
 *   the alerted set when the row says it had an alert.
 * - window rows set the window and the record counts.
 * - An empty string is "absent", as analyze treats an empty SNI, protocol
 *   or verdict.
 */
#include "analyze/analyze.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "analyze/analyze_internal.h"

G_DEFINE_QUARK(results - error - quark, results_error)

#define RESULTS_CWL_MAX_ROWS 10000
#define RESULTS_FIRST_FAKE_FLOW ((guint64)1 << 63)

/* A results file as a table of strings; NULL cells are absent values. */
typedef struct {
    GPtrArray *columns; /* char* */
    GPtrArray *rows;    /* char** of columns->len cells (owned, cells may be NULL) */
} ResultsTable;

static void
table_free(ResultsTable *t)
{
    if (t->rows) {
        for (guint i = 0; i < t->rows->len; i++) {
            char **cells = g_ptr_array_index(t->rows, i);
            for (guint c = 0; c < t->columns->len; c++)
                g_free(cells[c]);
            g_free(cells);
        }
        g_ptr_array_unref(t->rows);
    }
    if (t->columns)
        g_ptr_array_unref(t->columns);
}

static int
table_column(const ResultsTable *t, const char *name)
{
    for (guint i = 0; i < t->columns->len; i++)
        if (strcmp(g_ptr_array_index(t->columns, i), name) == 0)
            return (int)i;
    return -1;
}

static int
column_add(ResultsTable *t, const char *name)
{
    int c = table_column(t, name);
    if (c >= 0)
        return c;
    g_ptr_array_add(t->columns, g_strdup(name));
    /* widen the rows read so far */
    for (guint i = 0; i < t->rows->len; i++) {
        char **cells = g_ptr_array_index(t->rows, i);
        cells = g_renew(char *, cells, t->columns->len);
        cells[t->columns->len - 1] = NULL;
        t->rows->pdata[i] = cells;
    }
    return (int)t->columns->len - 1;
}

/* ---- get-query-results JSON ---- */

static gboolean
table_from_json(ResultsTable *t, const char *path, const cJSON *root, GError **error)
{
    const cJSON *results = cJSON_GetObjectItemCaseSensitive(root, "results");
    if (!cJSON_IsArray(results)) {
        g_set_error(error, RESULTS_ERROR, RESULTS_ERROR_FORMAT,
                    "%s: JSON without a \"results\" array: not the output of aws logs "
                    "get-query-results",
                    path);
        return FALSE;
    }
    guint r = 0;
    const cJSON *row;
    cJSON_ArrayForEach(row, results)
    {
        r++;
        if (!cJSON_IsArray(row)) {
            g_set_error(error, RESULTS_ERROR, RESULTS_ERROR_FORMAT,
                        "%s: results[%u] is not an array of {field, value}", path, r - 1);
            return FALSE;
        }
        GPtrArray *pairs = g_ptr_array_new();
        const cJSON *cell;
        cJSON_ArrayForEach(cell, row)
        {
            const cJSON *f = cJSON_GetObjectItemCaseSensitive(cell, "field");
            const cJSON *v = cJSON_GetObjectItemCaseSensitive(cell, "value");
            if (!cJSON_IsString(f) || !(cJSON_IsString(v) || cJSON_IsNull(v) || v == NULL)) {
                g_set_error(error, RESULTS_ERROR, RESULTS_ERROR_FORMAT,
                            "%s: results[%u] holds an element that is not {\"field\": string, "
                            "\"value\": string}",
                            path, r - 1);
                g_ptr_array_unref(pairs);
                return FALSE;
            }
            g_ptr_array_add(pairs, (gpointer)cell);
        }
        for (guint i = 0; i < pairs->len; i++)
            column_add(t, cJSON_GetObjectItemCaseSensitive(pairs->pdata[i], "field")->valuestring);
        char **cells = g_new0(char *, MAX(t->columns->len, 1));
        for (guint i = 0; i < pairs->len; i++) {
            const cJSON *f = cJSON_GetObjectItemCaseSensitive(pairs->pdata[i], "field");
            const cJSON *v = cJSON_GetObjectItemCaseSensitive(pairs->pdata[i], "value");
            int c = table_column(t, f->valuestring);
            g_free(cells[c]);
            cells[c] = cJSON_IsString(v) ? g_strdup(v->valuestring) : NULL;
        }
        g_ptr_array_add(t->rows, cells);
        g_ptr_array_unref(pairs);
    }
    return TRUE;
}

/* ---- CSV (RFC 4180) ---- */

/* One record from *p; cells are NULL when empty and unquoted.  Returns
 * FALSE at the end of the text. */
static gboolean
csv_record(const char **p, const char *end, GPtrArray *cells, gboolean *bad)
{
    if (*p >= end)
        return FALSE;
    for (;;) {
        GString *cell = g_string_new(NULL);
        gboolean quoted = FALSE;
        if (*p < end && **p == '"') {
            quoted = TRUE;
            (*p)++;
            for (;;) {
                if (*p >= end) {
                    *bad = TRUE;
                    break;
                }
                if (**p == '"') {
                    if (*p + 1 < end && (*p)[1] == '"') {
                        g_string_append_c(cell, '"');
                        *p += 2;
                        continue;
                    }
                    (*p)++;
                    break;
                }
                g_string_append_c(cell, **p);
                (*p)++;
            }
        }
        while (*p < end && **p != ',' && **p != '\n' && **p != '\r') {
            if (quoted)
                *bad = TRUE;
            g_string_append_c(cell, **p);
            (*p)++;
        }
        g_ptr_array_add(cells, (!quoted && cell->len == 0) ? (g_string_free(cell, TRUE), NULL)
                                                           : g_string_free(cell, FALSE));
        if (*p < end && **p == ',') {
            (*p)++;
            continue;
        }
        if (*p < end && **p == '\r')
            (*p)++;
        if (*p < end && **p == '\n')
            (*p)++;
        return TRUE;
    }
}

static gboolean
table_from_csv(ResultsTable *t, const char *path, const char *text, gsize len, GError **error)
{
    const char *p = text, *end = text + len;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    GPtrArray *cells = g_ptr_array_new();
    gboolean bad = FALSE;
    if (!csv_record(&p, end, cells, &bad) || bad) {
        g_set_error(error, RESULTS_ERROR, RESULTS_ERROR_FORMAT,
                    "%s: neither get-query-results JSON nor CSV with a header row", path);
        g_ptr_array_unref(cells);
        return FALSE;
    }
    for (guint i = 0; i < cells->len; i++) {
        char *name = cells->pdata[i];
        g_ptr_array_add(t->columns, g_strdup(name ? name : ""));
        g_free(name);
    }
    guint line = 1;
    for (;;) {
        g_ptr_array_set_size(cells, 0);
        line++;
        if (!csv_record(&p, end, cells, &bad))
            break;
        if (cells->len == 1 && cells->pdata[0] == NULL)
            continue; /* a blank line */
        if (bad || cells->len != t->columns->len) {
            g_set_error(error, RESULTS_ERROR, RESULTS_ERROR_FORMAT, "%s:%u: %s", path, line,
                        bad ? "badly quoted CSV cell"
                            : "the row does not have as many cells as the header");
            for (guint i = 0; i < cells->len; i++)
                g_free(cells->pdata[i]);
            g_ptr_array_unref(cells);
            return FALSE;
        }
        char **row = g_new0(char *, MAX(cells->len, 1));
        for (guint i = 0; i < cells->len; i++)
            row[i] = cells->pdata[i];
        g_ptr_array_add(t->rows, row);
    }
    g_ptr_array_unref(cells);
    return TRUE;
}

static gboolean
table_read(ResultsTable *t, const char *path, GError **error)
{
    char *text = NULL;
    gsize len = 0;
    if (!g_file_get_contents(path, &text, &len, error))
        return FALSE;
    t->columns = g_ptr_array_new_with_free_func(g_free);
    t->rows = g_ptr_array_new();
    gsize i = 0;
    while (i < len && g_ascii_isspace(text[i]))
        i++;
    gboolean ok;
    if (i < len && text[i] == '{') {
        cJSON *root = cJSON_ParseWithLength(text, len);
        if (root == NULL) {
            g_set_error(error, RESULTS_ERROR, RESULTS_ERROR_FORMAT,
                        "%s: not valid JSON (near byte %td)", path,
                        cJSON_GetErrorPtr() ? cJSON_GetErrorPtr() - text : (ptrdiff_t)0);
            ok = FALSE;
        } else {
            ok = table_from_json(t, path, root, error);
            cJSON_Delete(root);
        }
    } else {
        ok = table_from_csv(t, path, text, len, error);
    }
    g_free(text);
    return ok;
}

/* ---- rows into aggregates ---- */

typedef struct {
    const char *path;
    const ResultsTable *t;
    guint row; /* 0-based data row */
    GError **error;
} Cursor;

static const char *
cell(const Cursor *c, const char *name)
{
    int col = table_column(c->t, name);
    if (col < 0)
        return NULL;
    const char *v = ((char **)g_ptr_array_index(c->t->rows, c->row))[col];
    return v && *v ? v : NULL;
}

static LogStr
cell_str(const Cursor *c, const char *name)
{
    const char *v = cell(c, name);
    return (LogStr){ v, v ? strlen(v) : 0 };
}

static gboolean
bad_value(const Cursor *c, const char *name, const char *what)
{
    g_set_error(c->error, RESULTS_ERROR, RESULTS_ERROR_VALUE,
                "%s: row %u, column %s: '%s' is not %s", c->path, c->row + 1, name,
                cell(c, name) ? cell(c, name) : "", what);
    return FALSE;
}

/* A whole number; `absent` when the cell is empty.  CloudWatch prints
 * numbers it computed as text, possibly "12.0". */
static gboolean
cell_int(const Cursor *c, const char *name, gint64 absent, gint64 min, gint64 max, gint64 *out)
{
    const char *v = cell(c, name);
    if (v == NULL) {
        *out = absent;
        return TRUE;
    }
    char *end = NULL;
    errno = 0;
    gint64 n = g_ascii_strtoll(v, &end, 10);
    if (end != v && *end == '.') {
        char *e2 = end + 1;
        while (*e2 == '0')
            e2++;
        if (*e2 == '\0')
            end = e2;
    }
    if (end == v || *end != '\0' || errno != 0 || n < min || n > max)
        return bad_value(c, name, "a whole number in range");
    *out = n;
    return TRUE;
}

static gboolean
cell_u64(const Cursor *c, const char *name, guint64 *out)
{
    const char *v = cell(c, name);
    if (v == NULL)
        return bad_value(c, name, "a number");
    char *end = NULL;
    errno = 0;
    guint64 n = g_ascii_strtoull(v, &end, 10);
    if (end == v || *end != '\0' || errno != 0 || v[0] == '-')
        return bad_value(c, name, "a number");
    *out = n;
    return TRUE;
}

/* event.timestamp text ("2025-02-24T10:03:31.539546+0000"), or the form
 * CloudWatch prints for times ("2025-02-24 10:03:31.539"). */
static gboolean
cell_time(const Cursor *c, const char *name, gboolean *has, gint64 *out_us)
{
    const char *v = cell(c, name);
    *has = FALSE;
    if (v == NULL)
        return TRUE;
    char *iso = g_strdup(v);
    if (strlen(iso) > 10 && iso[10] == ' ')
        iso[10] = 'T';
    gboolean ok = log_time_parse(iso, strlen(iso), out_us);
    if (!ok && strchr(iso, 'Z') == NULL && strchr(iso + 10, '+') == NULL) {
        char *z = g_strconcat(iso, "Z", NULL);
        ok = log_time_parse(z, strlen(z), out_us);
        g_free(z);
    }
    g_free(iso);
    if (!ok)
        return bad_value(c, name, "a time");
    *has = TRUE;
    return TRUE;
}

static LogAlertAction
action_from_text(LogStr s)
{
    if (s.ptr == NULL)
        return LOG_ACTION_NONE;
    if (log_str_equal(s, "allowed"))
        return LOG_ACTION_ALLOWED;
    if (log_str_equal(s, "blocked"))
        return LOG_ACTION_BLOCKED;
    return LOG_ACTION_OTHER;
}

/* The alert of a rule-alerts / default-actions row; times and hits apart. */
static gboolean
alert_event(const Cursor *c, LogEvent *ev, guint64 *hits, gint64 *first, gint64 *last,
            gboolean *has_time)
{
    memset(ev, 0, sizeof *ev);
    ev->type = LOG_EVENT_ALERT;
    ev->event_type = (LogStr){ "alert", 5 };
    ev->alert.present = TRUE;
    gint64 rev, port;
    if (!cell_u64(c, "sid", &ev->alert.signature_id) ||
        !cell_int(c, "rev", 0, 0, G_MAXUINT32, &rev) ||
        !cell_int(c, "dest_port", -1, -1, 65535, &port) || !cell_u64(c, "hits", hits))
        return FALSE;
    ev->alert.rev = (guint32)rev;
    ev->alert.signature = cell_str(c, "signature");
    ev->alert.action_text = cell_str(c, "action");
    ev->alert.action = action_from_text(ev->alert.action_text);
    ev->alert.severity = -1;
    ev->verdict_action = cell_str(c, "verdict");
    ev->proto = cell_str(c, "proto");
    ev->app_proto = cell_str(c, "app_proto");
    ev->src_ip = cell_str(c, "src_ip");
    ev->dest_ip = cell_str(c, "dest_ip");
    ev->src_port = -1;
    ev->dest_port = (gint32)port;
    ev->tls_sni = cell_str(c, "sni");
    ev->http_hostname = cell_str(c, "host");
    if (table_column(c->t, "flow_id") >= 0 && cell(c, "flow_id") != NULL) {
        if (!cell_u64(c, "flow_id", &ev->flow_id))
            return FALSE;
        ev->has_flow_id = TRUE;
    }
    gboolean has_first, has_last;
    if (!cell_time(c, "first", &has_first, first) || !cell_time(c, "last", &has_last, last))
        return FALSE;
    if (!has_last)
        *last = *first;
    if (!has_first)
        *first = *last;
    *has_time = has_first || has_last;
    ev->file = c->path;
    ev->line = c->row + 1;
    return TRUE;
}

/* hits-1 at the first time, 1 at the last. */
static void
add_alert_row(AnalyzeAgg *agg, LogEvent *ev, guint64 hits, gint64 first, gint64 last,
              gboolean has_time)
{
    if (hits == 0)
        return;
    ev->has_timestamp = has_time;
    ev->timestamp_us = first;
    if (hits > 1)
        analyze_agg_add_event(agg, ev, hits - 1);
    ev->timestamp_us = last;
    analyze_agg_add_event(agg, ev, 1);
}

static gboolean
load_alerts(AnalyzeAgg *agg, Cursor *c, gboolean defaults)
{
    /* Default-actions in action order: first mark the flows a rule
     * blocked, then count the default-action alerts. */
    for (int pass = defaults ? 0 : 1; pass < 2; pass++) {
        for (c->row = 0; c->row < c->t->rows->len; c->row++) {
            LogEvent ev;
            guint64 hits;
            gint64 first = 0, last = 0;
            gboolean has_time;
            if (!alert_event(c, &ev, &hits, &first, &last, &has_time))
                return FALSE;
            gboolean is_default =
                analyze_is_default_signature(ev.alert.signature.ptr, ev.alert.signature.len);
            if (defaults && !is_default) {
                if (pass == 0 && ev.has_flow_id && analyze_event_blocked(&ev))
                    analyze_flowset_add(&agg->recent_blocked, ev.flow_id);
                continue;
            }
            if (pass == 0)
                continue;
            add_alert_row(agg, &ev, hits, first, last, has_time);
        }
    }
    return TRUE;
}

static gboolean
load_flows(AnalyzeAgg *agg, Cursor *c, guint64 *next_fake)
{
    for (c->row = 0; c->row < c->t->rows->len; c->row++) {
        guint64 flows;
        gint64 port, alerted;
        if (!cell_u64(c, "flows", &flows) || !cell_int(c, "port", -1, -1, 65535, &port) ||
            !cell_int(c, "alerted", 0, 0, G_MAXINT64, &alerted))
            return FALSE;
        LogEvent ev = { 0 };
        ev.type = LOG_EVENT_NETFLOW;
        ev.event_type = (LogStr){ "netflow", 7 };
        ev.proto = cell_str(c, "proto");
        ev.app_proto = cell_str(c, "app_proto");
        ev.src_port = -1;
        ev.dest_port = (gint32)port;
        ev.has_flow_id = TRUE;
        ev.netflow.present = TRUE;
        for (guint64 i = 0; i < flows; i++) {
            ev.flow_id = (*next_fake)++;
            analyze_agg_add_event(agg, &ev, 1);
            if (alerted)
                analyze_flows_add(&agg->flows_seen, ev.flow_id, ANALYZE_FLOW_ALERTED, 0);
        }
        /* netflow records are counted by the window query */
        agg->flows -= flows;
    }
    return TRUE;
}

static gboolean
load_window(AnalyzeAgg *agg, Cursor *c)
{
    for (c->row = 0; c->row < c->t->rows->len; c->row++) {
        guint64 records;
        gint64 first = 0, last = 0;
        gboolean has_first, has_last;
        if (!cell_u64(c, "records", &records) || !cell_time(c, "first", &has_first, &first) ||
            !cell_time(c, "last", &has_last, &last))
            return FALSE;
        LogStr type = cell_str(c, "event_type");
        if (has_first && (agg->first_event_us == 0 || first < agg->first_event_us))
            agg->first_event_us = first;
        if (has_last && (agg->last_event_us == 0 || last > agg->last_event_us))
            agg->last_event_us = last;
        agg->stats.records += records;
        agg->stats.used += records;
        if (log_str_equal(type, "netflow")) {
            agg->stats.netflows += records;
            agg->flows += records;
        } else if (log_str_equal(type, "alert")) {
            agg->stats.alerts += records;
        } else {
            agg->stats.others += records;
        }
    }
    return TRUE;
}

static gboolean
has_columns(const ResultsTable *t, const char *const *names)
{
    for (int i = 0; names[i]; i++)
        if (table_column(t, names[i]) < 0)
            return FALSE;
    return TRUE;
}

static gboolean
detect_query(const ResultsTable *t, ResultsQuery *out)
{
    static const char *const alerts[] = { "sid",   "signature", "action", "hits",
                                          "first", "last",      NULL };
    static const char *const flows[] = { "flows", "port", "alerted", NULL };
    static const char *const window[] = { "event_type", "records", "first", "last", NULL };
    if (has_columns(t, alerts)) {
        *out = table_column(t, "flow_id") >= 0 ? RESULTS_QUERY_DEFAULT_ACTIONS
                                               : RESULTS_QUERY_RULE_ALERTS;
        return TRUE;
    }
    if (has_columns(t, flows)) {
        *out = RESULTS_QUERY_FLOWS;
        return TRUE;
    }
    if (has_columns(t, window)) {
        *out = RESULTS_QUERY_WINDOW;
        return TRUE;
    }
    return FALSE;
}

gboolean
results_load_file(AnalyzeAgg *agg, const char *path, ResultsFileInfo *info, GError **error)
{
    ResultsTable t = { 0 };
    gboolean ok = table_read(&t, path, error);
    ResultsQuery which = RESULTS_QUERY_N;
    if (ok && t.rows->len > 0 && !detect_query(&t, &which)) {
        GString *cols = g_string_new(NULL);
        for (guint i = 0; i < t.columns->len; i++)
            g_string_append_printf(cols, "%s%s", i ? ", " : "", (char *)t.columns->pdata[i]);
        g_set_error(error, RESULTS_ERROR, RESULTS_ERROR_COLUMNS,
                    "%s: columns (%s) are not those of a query printed by "
                    "'nfw-advisor export-queries'",
                    path, cols->str);
        g_string_free(cols, TRUE);
        ok = FALSE;
    }
    if (ok) {
        Cursor c = { .path = path, .t = &t, .error = error };
        /* made-up flow ids go on from those already used */
        guint64 next_fake = RESULTS_FIRST_FAKE_FLOW + agg->results_fake_flows + 1;
        switch (which) {
        case RESULTS_QUERY_RULE_ALERTS: ok = load_alerts(agg, &c, FALSE); break;
        case RESULTS_QUERY_DEFAULT_ACTIONS: ok = load_alerts(agg, &c, TRUE); break;
        case RESULTS_QUERY_FLOWS:
            ok = load_flows(agg, &c, &next_fake);
            agg->results_fake_flows = next_fake - RESULTS_FIRST_FAKE_FLOW - 1;
            break;
        case RESULTS_QUERY_WINDOW: ok = load_window(agg, &c); break;
        default: break; /* no rows: nothing to add */
        }
        agg->stats.files++;
    }
    if (ok && info != NULL) {
        info->query = which;
        info->rows = t.rows->len;
        info->maybe_cut = t.rows->len == RESULTS_CWL_MAX_ROWS;
    }
    table_free(&t);
    return ok;
}

gboolean
results_load_files(AnalyzeAgg *agg, const char *const *paths, gsize n_paths, GPtrArray *notes,
                   GError **error)
{
    gboolean seen[RESULTS_QUERY_N] = { FALSE };
    for (gsize i = 0; i < n_paths; i++) {
        ResultsFileInfo info = { .query = RESULTS_QUERY_N };
        if (!results_load_file(agg, paths[i], &info, error))
            return FALSE;
        if (info.query < RESULTS_QUERY_N)
            seen[info.query] = TRUE;
        if (info.maybe_cut)
            g_ptr_array_add(
                notes,
                g_strdup_printf(
                    "%s: exactly %d rows, CloudWatch's maximum: the result is probably cut; run "
                    "the query over shorter time windows and give every result",
                    paths[i], RESULTS_CWL_MAX_ROWS));
    }
    for (int q = 0; q < RESULTS_QUERY_N; q++)
        if (!seen[q])
            g_ptr_array_add(
                notes,
                g_strdup_printf(
                    "no result of the '%s' query (or it had no rows): %s are missing from the "
                    "analysis",
                    results_query_name(q),
                    q == RESULTS_QUERY_RULE_ALERTS       ? "rule hits"
                    : q == RESULTS_QUERY_DEFAULT_ACTIONS ? "default-action groups"
                    : q == RESULTS_QUERY_FLOWS           ? "silent flows"
                                                         : "the log window"));
    return TRUE;
}
