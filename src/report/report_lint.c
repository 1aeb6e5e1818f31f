/*
 * report_lint.c - findings as a compiler prints diagnostics, and as JSON.
 *
 * Text: "file:line:col: severity: message [check]", then the source line
 * and a caret under the column, then the fix if there is one.  Long lines
 * are shown as a window around the caret so a 100 KB rule stays readable.
 * Real rule sets repeat one finding thousands of times (a keyword Network
 * Firewall does not support, in every rule): text shows the first
 * GROUP_SHOW findings with the same check and message, then "and N more
 * like this"; a finding shows at most RELATED_SHOW related locations (all
 * of them when only one more would be left out).
 * JSON and SARIF keep every finding and location.
 */
#include "report/report.h"

#include <string.h>

#define SHOW_WIDTH 120
#define GROUP_SHOW 3
#define RELATED_SHOW 5

/* 6212 -> "6,212" */
static void
append_count(GString *out, guint n)
{
    char digits[32];
    int len = g_snprintf(digits, sizeof digits, "%u", n);
    for (int i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            g_string_append_c(out, ',');
        g_string_append_c(out, digits[i]);
    }
}

static void
print_caret_line(GString *out, const Finding *f)
{
    const char *line = f->source_line;
    glong len = g_utf8_validate(line, -1, NULL) ? g_utf8_strlen(line, -1) : (glong)strlen(line);
    glong caret = f->loc.column > 0 ? f->loc.column - f->source_column : 0;
    if (caret < 0 || caret > len)
        caret = 0;
    glong from = 0;
    if (len > SHOW_WIDTH && caret > SHOW_WIDTH / 2)
        from = MIN(caret - SHOW_WIDTH / 2, len - SHOW_WIDTH);
    glong to = MIN(len, from + SHOW_WIDTH);
    gboolean utf8 = g_utf8_validate(line, -1, NULL);
    const char *start = utf8 ? g_utf8_offset_to_pointer(line, from) : line + from;
    const char *end = utf8 ? g_utf8_offset_to_pointer(line, to) : line + to;
    char *shown = g_strndup(start, end - start);
    g_string_append(out, "    ");
    if (from > 0)
        g_string_append(out, "...");
    base_escape_terminal(out, shown);
    if (to < len)
        g_string_append(out, "...");
    g_string_append(out, "\n    ");
    if (from > 0)
        g_string_append(out, "   ");
    for (glong i = from; i < caret; i++)
        g_string_append_c(out, ' ');
    g_string_append(out, "^\n");
    g_free(shown);
}

static void
print_finding(GString *out, const Finding *f)
{
    if (f->loc.file != NULL) {
        base_escape_terminal(out, f->loc.file);
        if (f->loc.line > 0)
            g_string_append_printf(out, ":%d", f->loc.line);
        if (f->loc.column > 0)
            g_string_append_printf(out, ":%d", f->loc.column);
        g_string_append(out, ": ");
    }
    g_string_append_printf(out, "%s: ", severity_name(f->severity));
    base_escape_terminal(out, f->message);
    g_string_append_printf(out, " [%s]", f->check);
    g_autofree char *status = report_status_text(f);
    if (status != NULL) {
        g_string_append(out, " (");
        base_escape_terminal(out, status);
        g_string_append_c(out, ')');
    }
    g_string_append_c(out, '\n');
    if (f->source_line != NULL)
        print_caret_line(out, f);
    for (guint i = 0; i < f->related->len; i++) {
        const RelatedLoc *r = g_ptr_array_index(f->related, i);
        /* "and 1 more" would take the line the location takes */
        if (i == RELATED_SHOW && f->related->len > RELATED_SHOW + 1) {
            g_string_append(out, "    note: and ");
            append_count(out, f->related->len - RELATED_SHOW);
            g_string_append(out, " more (--format json lists them all)\n");
            break;
        }
        g_string_append(out, "    note: ");
        base_escape_terminal(out, r->loc.file);
        if (r->loc.line > 0)
            g_string_append_printf(out, ":%d", r->loc.line);
        g_string_append(out, ": ");
        base_escape_terminal(out, r->message);
        g_string_append_c(out, '\n');
    }
    if (f->fix != NULL) {
        g_string_append(out, "    fix:\n");
        char **lines = g_strsplit(f->fix, "\n", -1);
        for (int i = 0; lines[i]; i++) {
            g_string_append(out, "        ");
            base_escape_terminal(out, lines[i]);
            g_string_append_c(out, '\n');
        }
        g_strfreev(lines);
    }
}

void
report_lint_text(FILE *out, GPtrArray *findings, const LintSummary *s)
{
    GString *buf = g_string_new(NULL);
    /* check + message -> [total, shown so far] */
    GHashTable *groups = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    for (guint i = 0; i < findings->len; i++) {
        const Finding *f = g_ptr_array_index(findings, i);
        char *key = g_strconcat(f->check, "\x1f", f->message, NULL);
        guint *n = g_hash_table_lookup(groups, key);
        if (n == NULL) {
            n = g_new0(guint, 2);
            g_hash_table_insert(groups, key, n);
        } else {
            g_free(key);
        }
        n[0]++;
    }
    for (guint i = 0; i < findings->len; i++) {
        const Finding *f = g_ptr_array_index(findings, i);
        char *key = g_strconcat(f->check, "\x1f", f->message, NULL);
        guint *n = g_hash_table_lookup(groups, key);
        g_free(key);
        /* all of a group of GROUP_SHOW + 1: "and 1 more" saves no line */
        gboolean elide = n[0] > GROUP_SHOW + 1;
        if (++n[1] > GROUP_SHOW && elide)
            continue;
        print_finding(buf, f);
        if (n[1] == GROUP_SHOW && elide) {
            g_string_append(buf, "    and ");
            append_count(buf, n[0] - GROUP_SHOW);
            g_string_append_printf(buf, " more like this [%s]\n", f->check);
        }
    }
    g_hash_table_destroy(groups);
    g_string_append_printf(buf,
                           "%d error%s, %d warning%s, %d note%s in %d rule%s "
                           "(%d group%s, %d file%s",
                           s->errors, s->errors == 1 ? "" : "s", s->warnings,
                           s->warnings == 1 ? "" : "s", s->notes, s->notes == 1 ? "" : "s",
                           s->rules, s->rules == 1 ? "" : "s", s->groups, s->groups == 1 ? "" : "s",
                           s->files, s->files == 1 ? "" : "s");
    if (s->disabled_rules > 0)
        g_string_append_printf(buf, ", %d disabled rule%s", s->disabled_rules,
                               s->disabled_rules == 1 ? "" : "s");
    g_string_append(buf, ")");
    int suppressed, baselined;
    report_count_status(findings, &suppressed, &baselined);
    if (suppressed + baselined > 0)
        g_string_append_printf(buf,
                               "; of them %d suppressed and %d in the baseline, not counted "
                               "for --fail-on",
                               suppressed, baselined);
    g_string_append_c(buf, '\n');
    fwrite(buf->str, 1, buf->len, out);
    g_string_free(buf, TRUE);
}

void
report_lint_json(FILE *out, GPtrArray *findings, const LintSummary *s)
{
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddNumberToObject(doc, "schema_version", REPORT_SCHEMA_VERSION);
    cJSON *arr = cJSON_AddArrayToObject(doc, "findings");
    for (guint i = 0; i < findings->len; i++)
        cJSON_AddItemToArray(arr, report_finding_json(g_ptr_array_index(findings, i)));
    cJSON *sum = cJSON_AddObjectToObject(doc, "summary");
    cJSON_AddNumberToObject(sum, "files", s->files);
    cJSON_AddNumberToObject(sum, "groups", s->groups);
    cJSON_AddNumberToObject(sum, "rules", s->rules);
    cJSON_AddNumberToObject(sum, "disabled_rules", s->disabled_rules);
    cJSON_AddNumberToObject(sum, "errors", s->errors);
    cJSON_AddNumberToObject(sum, "warnings", s->warnings);
    cJSON_AddNumberToObject(sum, "notes", s->notes);
    int suppressed, baselined;
    report_count_status(findings, &suppressed, &baselined);
    cJSON_AddNumberToObject(sum, "suppressed", suppressed);
    cJSON_AddNumberToObject(sum, "baselined", baselined);
    base_json_print(out, doc);
}
