/*
 * test_output_safety.c - everything printed from log or rule data is
 * escaped for its format: terminal text (lint, query table), JSON (lint,
 * query), CSV (query).  Each format gets the same hostile strings: ANSI
 * CSI/OSC sequences, BEL, C1 controls, CR, DEL, NUL-cut strings, invalid
 * UTF-8, quotes, commas, newlines and Markdown/HTML metacharacters.
 * Formats that land later (SARIF, Markdown, HTML) add a test here.
 */
#include <stdio.h>
#include <string.h>
#include <glib.h>

#include "findings/findings.h"
#include "query/query.h"
#include "report/report.h"

static const char *const hostile[] = {
    "\x1b[31mred\x1b[0m",
    "\x1b]0;pwned\x07",
    "bell\x07 cr\r del\x7f",
    "c1 \xc2\x9b"
    "6n \xc2\x9d"
    "x", /* U+009B CSI, U+009D OSC as UTF-8 */
    "bad \xff\xfe\xc0\xaf utf8",
    "quote\" comma, newline\nnext",
    "md |pipe| *star* _u_ `tick` <b>&amp;</b> [l](x)",
    "=cmd|' /C calc'!A0",
};

/* TRUE when the text holds a C1 control (U+0080..U+009F) or DEL raw. */
static gboolean
has_raw_c1_or_del(const char *text, gsize len)
{
    for (gsize i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == 0x7f || (c == 0xc2 && i + 1 < len && (unsigned char)text[i + 1] >= 0x80 &&
                          (unsigned char)text[i + 1] <= 0x9f))
            return TRUE;
    }
    return FALSE;
}

/* No raw C0 control but \n and \t (ESC, BEL, CR...), valid UTF-8. */
static void
assert_no_c0(const char *text, gsize len)
{
    for (gsize i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x20 && c != '\n' && c != '\t')
            g_error("raw control byte 0x%02x at %" G_GSIZE_FORMAT " in: %s", c, i, text);
    }
    g_assert_true(g_utf8_validate(text, (gssize)len, NULL));
}

/* No byte a terminal would act on: C0 but \n and \t, DEL, C1 (as UTF-8). */
static void
assert_terminal_safe(const char *text, gsize len)
{
    assert_no_c0(text, len);
    if (has_raw_c1_or_del(text, len))
        g_error("raw DEL or C1 control in: %s", text);
}

static void
test_escape_terminal(void)
{
    for (gsize i = 0; i < G_N_ELEMENTS(hostile); i++) {
        GString *out = g_string_new(NULL);
        base_escape_terminal(out, hostile[i]);
        assert_terminal_safe(out->str, out->len);
        g_string_free(out, TRUE);
    }
    GString *out = g_string_new(NULL);
    base_escape_terminal(out, "\x1b[2J");
    g_assert_cmpstr(out->str, ==, "\\x1b[2J");
    g_string_free(out, TRUE);
}

static void
test_json_string(void)
{
    for (gsize i = 0; i < G_N_ELEMENTS(hostile); i++) {
        cJSON *s = base_json_string(hostile[i]);
        char *text = base_json_text(s, FALSE);
        assert_terminal_safe(text, strlen(text));
        /* It parses back to a string; valid UTF-8 input comes back intact. */
        cJSON *back = cJSON_Parse(text);
        g_assert_true(cJSON_IsString(back));
        if (g_utf8_validate(hostile[i], -1, NULL))
            g_assert_cmpstr(back->valuestring, ==, hostile[i]);
        else
            g_assert_nonnull(strstr(back->valuestring, "\xef\xbf\xbd")); /* U+FFFD */
        cJSON_Delete(back);
        g_free(text);
        cJSON_Delete(s);
    }
}

/* Lint's text and JSON output over rules whose text and msg are hostile. */
static char *
lint_output(gboolean json)
{
    GString *rules = g_string_new(NULL);
    for (gsize i = 0; i < G_N_ELEMENTS(hostile); i++) {
        g_autofree char *one = g_strdelimit(g_strdup(hostile[i]), "\n;\"", ' ');
        g_string_append_printf(rules,
                               "alert tcp any any -> any 80 (msg:\"%s\"; sid:%d; bogus:%s;)\n", one,
                               (int)i + 1, one);
        g_string_append_printf(rules, "%s\n", one);
    }
    Policy *policy = policy_new(RULE_ORDER_STRICT);
    g_assert_true(policy_load_text(policy, "\x1b[31mevil\x07.rules", rules->str, rules->len, NULL));
    GPtrArray *findings = policy->findings;
    g_assert_cmpuint(findings->len, >=, G_N_ELEMENTS(hostile));
    LintSummary summary = { 0 };
    summary.files = 1;
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    if (json)
        report_lint_json(out, findings, &summary);
    else
        report_lint_text(out, findings, &summary);
    fclose(out);
    policy_free(policy);
    g_string_free(rules, TRUE);
    return buf;
}

static void
test_lint_text(void)
{
    char *text = lint_output(FALSE);
    assert_terminal_safe(text, strlen(text));
    g_assert_nonnull(strstr(text, "\\x1b[31mevil\\x07.rules:"));
    free(text);
}

static void
test_lint_json(void)
{
    char *text = lint_output(TRUE);
    assert_terminal_safe(text, strlen(text));
    cJSON *doc = cJSON_Parse(text);
    g_assert_nonnull(doc);
    cJSON *first = cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "findings"), 0);
    g_assert_cmpstr(cJSON_GetObjectItem(first, "file")->valuestring, ==, "\x1b[31mevil\x07.rules");
    cJSON_Delete(doc);
    free(text);
}

/* A query result whose cells are the hostile strings (from log records). */
static QueryResult *
hostile_result(void)
{
    GError *error = NULL;
    Query *q =
        query_parse("fields event.http.hostname as host, event.tls.sni as sni", "query", &error);
    g_assert_no_error(error);
    for (gsize i = 0; i < G_N_ELEMENTS(hostile); i++) {
        cJSON *rec = cJSON_CreateObject();
        cJSON *ev = cJSON_AddObjectToObject(rec, "event");
        cJSON_AddStringToObject(cJSON_AddObjectToObject(ev, "http"), "hostname", hostile[i]);
        cJSON_AddStringToObject(cJSON_AddObjectToObject(ev, "tls"), "sni", "ok");
        query_feed(q, rec, hostile[i], QUERY_NO_TIMESTAMP);
        cJSON_Delete(rec);
    }
    QueryResult *r = query_finish(q);
    query_free(q);
    g_assert_cmpuint(query_result_n_rows(r), ==, G_N_ELEMENTS(hostile));
    return r;
}

static void
test_query_table(void)
{
    QueryResult *r = hostile_result();
    GString *out = g_string_new(NULL);
    query_result_render(r, QUERY_FORMAT_TABLE, out);
    assert_terminal_safe(out->str, out->len);
    /* One line per row: a newline inside a value must not start a new row. */
    g_assert_null(strstr(out->str, "\nnext"));
    g_string_free(out, TRUE);
    query_result_free(r);
}

static void
test_query_json(void)
{
    QueryResult *r = hostile_result();
    GString *out = g_string_new(NULL);
    query_result_render(r, QUERY_FORMAT_JSON, out);
    assert_terminal_safe(out->str, out->len);
    cJSON *doc = cJSON_Parse(out->str);
    g_assert_nonnull(doc);
    g_string_free(out, TRUE);
    cJSON_Delete(doc);
    query_result_free(r);
}

/* Minimal RFC 4180 reader: the fields of the CSV text, row by row. */
static GPtrArray *
csv_parse(const char *s)
{
    GPtrArray *rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    GPtrArray *row = g_ptr_array_new_with_free_func(g_free);
    GString *field = g_string_new(NULL);
    gboolean quoted = FALSE, in_quotes = FALSE;
    for (const char *p = s; *p; p++) {
        if (in_quotes) {
            if (*p == '"' && p[1] == '"') {
                g_string_append_c(field, '"');
                p++;
            } else if (*p == '"') {
                in_quotes = FALSE;
            } else {
                g_string_append_c(field, *p);
            }
        } else if (*p == '"' && field->len == 0 && !quoted) {
            in_quotes = quoted = TRUE;
        } else if (*p == ',') {
            g_ptr_array_add(row, g_strdup(field->str));
            g_string_truncate(field, 0);
            quoted = FALSE;
        } else if (*p == '\n' || (*p == '\r' && p[1] == '\n')) {
            if (*p == '\r')
                p++;
            g_ptr_array_add(row, g_strdup(field->str));
            g_string_truncate(field, 0);
            quoted = FALSE;
            g_ptr_array_add(rows, row);
            row = g_ptr_array_new_with_free_func(g_free);
        } else {
            g_assert_true(*p != '"'); /* a bare quote: the writer did not quote */
            g_string_append_c(field, *p);
        }
    }
    g_assert_false(in_quotes);
    g_ptr_array_unref(row);
    g_string_free(field, TRUE);
    return rows;
}

static void
test_query_csv(void)
{
    QueryResult *r = hostile_result();
    GString *out = g_string_new(NULL);
    query_result_render(r, QUERY_FORMAT_CSV, out);
    /* No raw control but the CR/LF of records and quoted cells. */
    for (gsize i = 0; i < out->len; i++)
        g_assert_true((guchar)out->str[i] >= 0x20 || out->str[i] == '\r' || out->str[i] == '\n');
    g_assert_false(has_raw_c1_or_del(out->str, out->len));
    g_assert_true(g_utf8_validate(out->str, (gssize)out->len, NULL));
    GPtrArray *rows = csv_parse(out->str);
    g_assert_cmpuint(rows->len, ==, G_N_ELEMENTS(hostile) + 1); /* header */
    for (gsize i = 0; i < G_N_ELEMENTS(hostile); i++) {
        GPtrArray *row = g_ptr_array_index(rows, i + 1);
        g_assert_cmpuint(row->len, ==, 2);
        g_assert_cmpstr(g_ptr_array_index(row, 1), ==, "ok");
        /* Text without controls comes back byte for byte (quotes, commas,
         * newlines, Markdown and formula characters included). */
        if (i >= 5)
            g_assert_cmpstr(g_ptr_array_index(row, 0), ==, hostile[i]);
    }
    g_ptr_array_unref(rows);
    g_string_free(out, TRUE);
    query_result_free(r);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/output-safety/terminal-escape", test_escape_terminal);
    g_test_add_func("/output-safety/json-string", test_json_string);
    g_test_add_func("/output-safety/lint-text", test_lint_text);
    g_test_add_func("/output-safety/lint-json", test_lint_json);
    g_test_add_func("/output-safety/query-table", test_query_table);
    g_test_add_func("/output-safety/query-json", test_query_json);
    g_test_add_func("/output-safety/query-csv", test_query_csv);
    return g_test_run();
}
