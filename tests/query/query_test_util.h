/*
 * query_test_util.h - helpers shared by the tests of src/query: run a query
 * over JSON lines given inline or read from fixture files, and show a
 * result as "a|b\n" text (null cells as <null>) so that tests read as
 * specifications.
 */
#ifndef NFW_TESTS_QUERY_UTIL_H
#define NFW_TESTS_QUERY_UTIL_H

#include <stdio.h>
#include <string.h>
#include <glib.h>

#include "query/query.h"

static QueryResult *
feed_lines(Query *q, const char *const *lines)
{
    for (int i = 0; lines[i]; i++) {
        cJSON *json = cJSON_Parse(lines[i]);
        g_assert_nonnull(json);
        gint64 ts;
        if (!query_record_timestamp_ms(json, &ts))
            ts = QUERY_NO_TIMESTAMP;
        gboolean more = query_feed(q, json, lines[i], ts);
        cJSON_Delete(json);
        if (!more)
            break;
    }
    return query_finish(q);
}

/* Runs `text` over inline JSON lines; fails the test on a parse error. */
G_GNUC_UNUSED static QueryResult *
run_lines(const char *text, const char *const *lines)
{
    GError *error = NULL;
    Query *q = query_parse(text, "query", &error);
    if (!q)
        g_error("%s", error->message);
    QueryResult *r = feed_lines(q, lines);
    query_free(q);
    return r;
}

static char *
fixture_path(const char *name)
{
    const char *root = g_getenv("SOURCE_ROOT");
    return g_build_filename(root ? root : ".", "fixtures", "query", name, NULL);
}

/* Runs `q` over fixture files (NULL-terminated names in fixtures/query/). */
static QueryResult *
run_query_files(Query *q, const char *const *names)
{
    for (int i = 0; names[i]; i++) {
        g_autofree char *path = fixture_path(names[i]);
        FILE *f = fopen(path, "r");
        g_assert_nonnull(f);
        char *line = NULL;
        size_t cap = 0;
        ssize_t n;
        gboolean more = TRUE;
        while (more && (n = getline(&line, &cap, f)) > 0) {
            while (n > 0 && line[n - 1] == '\n')
                line[--n] = '\0';
            cJSON *json = cJSON_Parse(line);
            g_assert_nonnull(json);
            gint64 ts;
            if (!query_record_timestamp_ms(json, &ts))
                ts = QUERY_NO_TIMESTAMP;
            more = query_feed(q, json, line, ts);
            cJSON_Delete(json);
        }
        free(line);
        fclose(f);
    }
    return query_finish(q);
}

G_GNUC_UNUSED static QueryResult *
run_files(const char *text, const char *const *names)
{
    GError *error = NULL;
    Query *q = query_parse(text, "query", &error);
    if (!q)
        g_error("%s", error->message);
    QueryResult *r = run_query_files(q, names);
    query_free(q);
    return r;
}

/* "col1|col2\n" then one "v|v\n" per row. */
static char *
result_text(const QueryResult *r)
{
    GString *s = g_string_new(NULL);
    for (guint c = 0; c < query_result_n_columns(r); c++)
        g_string_append_printf(s, "%s%s", c ? "|" : "", query_result_column(r, c));
    g_string_append_c(s, '\n');
    for (guint i = 0; i < query_result_n_rows(r); i++) {
        for (guint c = 0; c < query_result_n_columns(r); c++) {
            g_autofree char *v = query_result_cell(r, i, c);
            g_string_append_printf(s, "%s%s", c ? "|" : "", v ? v : "<null>");
        }
        g_string_append_c(s, '\n');
    }
    return g_string_free(s, FALSE);
}

/* Asserts the whole result, header included. */
#define assert_result(r, expected)              \
    do {                                        \
        g_autofree char *got_ = result_text(r); \
        g_assert_cmpstr(got_, ==, (expected));  \
    } while (0)

/* The message of a query that must not parse. */
G_GNUC_UNUSED static char *
parse_error(const char *text)
{
    GError *error = NULL;
    Query *q = query_parse(text, "query", &error);
    g_assert_null(q);
    g_assert_nonnull(error);
    char *msg = g_strdup(error->message);
    g_error_free(error);
    return msg;
}

#endif
