/*
 * query_output.c - the result table of a query and its renderers: an
 * aligned text table, JSON in the shape of `aws logs get-query-results`
 * (so tools that read CloudWatch results read ours), and CSV.
 *
 * Field values come from logs an attacker can write to (SNI, Host, URL):
 * the table form shows control characters as \xNN and invalid UTF-8 as
 * U+FFFD, so a value can not move the cursor or fake rows; JSON escapes
 * them; CSV quotes any cell with a comma, quote, CR or LF.  DEL and the C1
 * controls (U+0080..U+009F: U+009B is a CSI) are escaped in all three, as
 * are the other C0 controls in CSV, which has no escape of its own: no NFW
 * field holds them legitimately (tests/hostile/test_output_safety.c).
 */
#include <string.h>

#include "query/query_internal.h"

void
query_result_free(QueryResult *r)
{
    if (!r)
        return;
    for (guint i = 0; i < r->rows->len; i++) {
        QueryValue *cells = g_ptr_array_index(r->rows, i);
        for (guint j = 0; j < r->columns->len; j++)
            qv_clear(&cells[j]);
        g_free(cells);
    }
    g_ptr_array_unref(r->rows);
    g_ptr_array_unref(r->columns);
    if (r->skip_names)
        g_ptr_array_unref(r->skip_names);
    if (r->skip_counts)
        g_array_unref(r->skip_counts);
    g_free(r);
}

guint
query_result_n_columns(const QueryResult *r)
{
    return r->columns->len;
}

const char *
query_result_column(const QueryResult *r, guint col)
{
    return col < r->columns->len ? g_ptr_array_index(r->columns, col) : NULL;
}

guint
query_result_n_rows(const QueryResult *r)
{
    return r->rows->len;
}

char *
query_result_cell(const QueryResult *r, guint row, guint col)
{
    if (row >= r->rows->len || col >= r->columns->len)
        return NULL;
    const QueryValue *cells = g_ptr_array_index(r->rows, row);
    return qv_to_string(&cells[col]);
}

int
query_result_find_column(const QueryResult *r, const char *name)
{
    for (guint i = 0; i < r->columns->len; i++)
        if (strcmp(g_ptr_array_index(r->columns, i), name) == 0)
            return (int)i;
    return -1;
}

gboolean
query_result_default_limit_applied(const QueryResult *r, gint64 *limit)
{
    if (limit)
        *limit = r->limit;
    return r->default_limit_applied;
}

guint64
query_result_records_scanned(const QueryResult *r)
{
    return r->records_scanned;
}

void
query_result_set_scanned(QueryResult *r, guint64 records_scanned, guint64 bytes_scanned,
                         guint64 records_filtered)
{
    r->records_scanned = records_scanned;
    r->bytes_scanned = bytes_scanned;
    r->has_bytes_scanned = TRUE;
    r->records_filtered = records_filtered;
}

void
query_result_add_skipped(QueryResult *r, const char *reason, guint64 count)
{
    if (count == 0)
        return;
    if (!r->skip_names) {
        r->skip_names = g_ptr_array_new_with_free_func(g_free);
        r->skip_counts = g_array_new(FALSE, FALSE, sizeof(guint64));
    }
    g_ptr_array_add(r->skip_names, g_strdup(reason));
    g_array_append_val(r->skip_counts, count);
}

static guint64
skipped_total(const QueryResult *r)
{
    guint64 n = 0;
    for (guint i = 0; r->skip_counts && i < r->skip_counts->len; i++)
        n += g_array_index(r->skip_counts, guint64, i);
    return n;
}
guint64
query_result_records_matched(const QueryResult *r)
{
    return r->records_matched;
}
guint64
query_result_regex_limit_hits(const QueryResult *r)
{
    return r->regex_limit_hits;
}

char *
query_result_notes(const QueryResult *r)
{
    GString *s = g_string_new(NULL);
    if (r->default_limit_applied)
        g_string_append_printf(s,
                               "note: showing the first %" G_GINT64_FORMAT
                               " rows: the query has no 'limit', so the default limit applies "
                               "(add '| limit N' to choose)\n",
                               r->limit);
    if (r->regex_limit_hits)
        g_string_append_printf(s,
                               "warning: %" G_GUINT64_FORMAT
                               " regex match(es) hit the PCRE2 match/depth limit and counted as "
                               "no match\n",
                               r->regex_limit_hits);
    return g_string_free(s, FALSE);
}

gboolean
query_format_from_name(const char *name, QueryFormat *out)
{
    if (g_strcmp0(name, "table") == 0)
        *out = QUERY_FORMAT_TABLE;
    else if (g_strcmp0(name, "json") == 0)
        *out = QUERY_FORMAT_JSON;
    else if (g_strcmp0(name, "csv") == 0)
        *out = QUERY_FORMAT_CSV;
    else
        return FALSE;
    return TRUE;
}

/* Text safe for a terminal: valid UTF-8, control characters escaped. */
static char *
cell_display(const QueryValue *v)
{
    g_autofree char *s = qv_to_string(v);
    if (!s)
        return g_strdup("");
    g_autofree char *valid = g_utf8_make_valid(s, -1);
    GString *out = g_string_new(NULL);
    base_escape_terminal(out, valid); /* C0, DEL, C1, bidi controls */
    return g_string_free(out, FALSE);
}

static void
render_table(const QueryResult *r, GString *out)
{
    guint nc = r->columns->len, nr = r->rows->len;
    GPtrArray *texts = g_ptr_array_new_with_free_func(g_free);
    glong *width = g_new0(glong, nc);
    for (guint c = 0; c < nc; c++)
        width[c] = g_utf8_strlen(g_ptr_array_index(r->columns, c), -1);
    for (guint i = 0; i < nr; i++) {
        const QueryValue *cells = g_ptr_array_index(r->rows, i);
        for (guint c = 0; c < nc; c++) {
            char *t = cell_display(&cells[c]);
            glong w = g_utf8_strlen(t, -1);
            if (w > width[c])
                width[c] = w;
            g_ptr_array_add(texts, t);
        }
    }
    for (guint c = 0; c < nc; c++) {
        const char *name = g_ptr_array_index(r->columns, c);
        g_string_append(out, name);
        if (c + 1 < nc)
            for (glong k = g_utf8_strlen(name, -1); k < width[c] + 2; k++)
                g_string_append_c(out, ' ');
    }
    g_string_append_c(out, '\n');
    for (guint c = 0; c < nc; c++) {
        for (glong k = 0; k < width[c]; k++)
            g_string_append_c(out, '-');
        if (c + 1 < nc)
            g_string_append(out, "  ");
    }
    g_string_append_c(out, '\n');
    for (guint i = 0; i < nr; i++) {
        for (guint c = 0; c < nc; c++) {
            const char *t = g_ptr_array_index(texts, i * nc + c);
            g_string_append(out, t);
            if (c + 1 < nc)
                for (glong k = g_utf8_strlen(t, -1); k < width[c] + 2; k++)
                    g_string_append_c(out, ' ');
        }
        /* no trailing blanks */
        while (out->len && out->str[out->len - 1] == ' ')
            g_string_truncate(out, out->len - 1);
        g_string_append_c(out, '\n');
    }
    g_string_append_printf(
        out, "(%u row%s; %" G_GUINT64_FORMAT " records scanned, %" G_GUINT64_FORMAT " matched", nr,
        nr == 1 ? "" : "s", r->records_scanned, r->records_matched);
    if (r->records_filtered)
        g_string_append_printf(out, ", %" G_GUINT64_FORMAT " outside --since/--until",
                               r->records_filtered);
    if (skipped_total(r))
        g_string_append_printf(out, ", %" G_GUINT64_FORMAT " skipped", skipped_total(r));
    g_string_append(out, ")\n");
    g_autofree char *notes = query_result_notes(r);
    g_string_append(out, notes);
    g_free(width);
    g_ptr_array_unref(texts);
}

static void
render_json(const QueryResult *r, GString *out)
{
    cJSON *root = cJSON_CreateObject();
    cJSON *results = cJSON_AddArrayToObject(root, "results");
    for (guint i = 0; i < r->rows->len; i++) {
        const QueryValue *cells = g_ptr_array_index(r->rows, i);
        cJSON *row = cJSON_CreateArray();
        for (guint c = 0; c < r->columns->len; c++) {
            g_autofree char *s = qv_to_string(&cells[c]);
            if (!s)
                continue; /* CloudWatch leaves out fields without a value */
            g_autofree char *valid = g_utf8_make_valid(s, -1);
            cJSON *f = cJSON_CreateObject();
            cJSON_AddStringToObject(f, "field", g_ptr_array_index(r->columns, c));
            cJSON_AddStringToObject(f, "value", valid);
            cJSON_AddItemToArray(row, f);
        }
        cJSON_AddItemToArray(results, row);
    }
    cJSON *stats = cJSON_AddObjectToObject(root, "statistics");
    cJSON_AddNumberToObject(stats, "recordsMatched", (double)r->records_matched);
    cJSON_AddNumberToObject(stats, "recordsScanned", (double)r->records_scanned);
    if (r->has_bytes_scanned) {
        cJSON_AddNumberToObject(stats, "bytesScanned", (double)r->bytes_scanned);
        cJSON_AddNumberToObject(stats, "recordsOutsideWindow", (double)r->records_filtered);
        cJSON *skipped = cJSON_AddObjectToObject(stats, "recordsSkipped");
        for (guint i = 0; r->skip_names && i < r->skip_names->len; i++)
            cJSON_AddNumberToObject(skipped, g_ptr_array_index(r->skip_names, i),
                                    (double)g_array_index(r->skip_counts, guint64, i));
    }
    cJSON_AddStringToObject(root, "status", "Complete");
    cJSON *fields = cJSON_AddArrayToObject(root, "fields");
    for (guint c = 0; c < r->columns->len; c++)
        cJSON_AddItemToArray(fields, cJSON_CreateString(g_ptr_array_index(r->columns, c)));
    cJSON_AddBoolToObject(root, "defaultLimitApplied", r->default_limit_applied);
    if (r->default_limit_applied)
        cJSON_AddNumberToObject(root, "limit", (double)r->limit);
    cJSON_AddNumberToObject(root, "regexLimitHits", (double)r->regex_limit_hits);
    char *text = base_json_text(root, TRUE); /* DEL and C1 escaped too */
    g_string_append(out, text);
    g_string_append_c(out, '\n');
    g_free(text);
    cJSON_Delete(root);
}

/* Valid UTF-8 with the controls a terminal acts on shown as in the table;
 * TAB, CR and LF stay (a quoted CSV cell holds them). */
static char *
csv_text(const char *raw)
{
    g_autofree char *valid = g_utf8_make_valid(raw, -1);
    GString *out = g_string_new(NULL);
    for (const char *p = valid; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f)
            g_string_append_printf(out, "\\x%02x", c);
        else if (c >= 0x80 && c <= 0x9f)
            g_string_append_printf(out, "\\u%04x", c);
        else
            g_string_append_len(out, p, g_utf8_next_char(p) - p);
    }
    return g_string_free(out, FALSE);
}

static void
csv_cell(GString *out, const char *raw)
{
    if (!raw)
        return;
    g_autofree char *s = csv_text(raw);
    if (!strpbrk(s, ",\"\r\n") && s[0] != ' ' && (s[0] == '\0' || s[strlen(s) - 1] != ' ')) {
        g_string_append(out, s);
        return;
    }
    g_string_append_c(out, '"');
    for (const char *c = s; *c; c++) {
        if (*c == '"')
            g_string_append_c(out, '"');
        g_string_append_c(out, *c);
    }
    g_string_append_c(out, '"');
}

static void
render_csv(const QueryResult *r, GString *out)
{
    for (guint c = 0; c < r->columns->len; c++) {
        if (c)
            g_string_append_c(out, ',');
        csv_cell(out, g_ptr_array_index(r->columns, c));
    }
    g_string_append(out, "\r\n");
    for (guint i = 0; i < r->rows->len; i++) {
        const QueryValue *cells = g_ptr_array_index(r->rows, i);
        for (guint c = 0; c < r->columns->len; c++) {
            if (c)
                g_string_append_c(out, ',');
            g_autofree char *s = qv_to_string(&cells[c]);
            csv_cell(out, s);
        }
        g_string_append(out, "\r\n");
    }
}

void
query_result_render(const QueryResult *r, QueryFormat format, GString *out)
{
    switch (format) {
    case QUERY_FORMAT_TABLE: render_table(r, out); break;
    case QUERY_FORMAT_JSON: render_json(r, out); break;
    case QUERY_FORMAT_CSV: render_csv(r, out); break;
    }
}
