/*
 * report_markdown.c - findings as a pull-request review comment (GitHub
 * flavoured Markdown).  Generic: any GPtrArray of Finding, from lint or
 * analyze.
 *
 * Layout: a title with the totals, a summary table (one row per check:
 * severity, count), then the findings grouped by severity (errors first),
 * as many whole findings as fit in REPORT_MARKDOWN_MAX characters (a
 * GitHub comment holds 65,536), then a note of how many were cut by
 * severity;
 * each with its location, message, related locations and the fix as a
 * fenced code block.  Text from rules and logs is escaped so that it cannot
 * open HTML, links or tables; a fence is always longer than any backtick
 * run inside the fix.
 */
#include "report/report.h"

#include <string.h>

static void
append_escaped(GString *out, const char *s)
{
    if (s == NULL)
        return;
    GString *plain = g_string_new(NULL);
    base_escape_terminal(plain, s);
    for (const char *p = plain->str; *p; p++) {
        switch (*p) {
        case '<': g_string_append(out, "&lt;"); break;
        case '>': g_string_append(out, "&gt;"); break;
        case '&': g_string_append(out, "&amp;"); break;
        case '\n': g_string_append(out, "<br>"); break;
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '|':
        case '#':
        case '~':
            g_string_append_c(out, '\\');
            g_string_append_c(out, *p);
            break;
        default: g_string_append_c(out, *p);
        }
    }
    g_string_free(plain, TRUE);
}

static void
append_location(GString *out, const SourceLoc *loc)
{
    GString *where = g_string_new(NULL);
    if (loc->file != NULL) {
        base_escape_terminal(where, loc->file);
        if (loc->line > 0)
            g_string_append_printf(where, ":%d", loc->line);
        if (loc->column > 0)
            g_string_append_printf(where, ":%d", loc->column);
    } else {
        g_string_append(where, "(policy)");
    }
    /* Inline code: no escaping inside, but it must not contain the fence. */
    int run = 0, longest = 0;
    for (const char *p = where->str; *p; p++) {
        run = *p == '`' ? run + 1 : 0;
        longest = MAX(longest, run);
    }
    for (int i = 0; i <= longest; i++)
        g_string_append_c(out, '`');
    g_string_append_printf(out, "%s%s%s", longest ? " " : "", where->str, longest ? " " : "");
    for (int i = 0; i <= longest; i++)
        g_string_append_c(out, '`');
    g_string_free(where, TRUE);
}

static void
append_code_block(GString *out, const char *code)
{
    int run = 0, longest = 0;
    for (const char *p = code; *p; p++) {
        run = *p == '`' ? run + 1 : 0;
        longest = MAX(longest, run);
    }
    int fence = MAX(3, longest + 1);
    /* Escape control characters line by line (a newline stays a newline). */
    GString *body = g_string_new(NULL);
    char **lines = g_strsplit(code, "\n", -1);
    for (int i = 0; lines[i]; i++) {
        if (i > 0)
            g_string_append_c(body, '\n');
        base_escape_terminal(body, lines[i]);
    }
    g_strfreev(lines);
    for (int i = 0; i < fence; i++)
        g_string_append_c(out, '`');
    g_string_append(out, "\n");
    g_string_append(out, body->str);
    g_string_append(out, "\n");
    for (int i = 0; i < fence; i++)
        g_string_append_c(out, '`');
    g_string_append(out, "\n");
    g_string_free(body, TRUE);
}

static void
append_finding(GString *out, const Finding *f)
{
    g_string_append(out, "- ");
    append_location(out, &f->loc);
    g_string_append_printf(out, " **%s**", f->check);
    if (f->group != NULL) {
        g_string_append(out, " (group ");
        append_escaped(out, f->group);
        if (f->has_sid)
            g_string_append_printf(out, ", sid %" G_GUINT64_FORMAT, f->sid);
        g_string_append(out, ")");
    }
    g_string_append(out, ": ");
    append_escaped(out, f->message);
    g_autofree char *status = report_status_text(f);
    if (status != NULL) {
        g_string_append(out, " *(");
        append_escaped(out, status);
        g_string_append(out, ")*");
    }
    g_string_append(out, "\n");
    for (guint i = 0; i < f->related->len; i++) {
        const RelatedLoc *r = g_ptr_array_index(f->related, i);
        g_string_append(out, "  - related: ");
        append_location(out, &r->loc);
        g_string_append(out, " ");
        append_escaped(out, r->message);
        g_string_append(out, "\n");
    }
    if (f->fix != NULL) {
        g_string_append(out, "\n  Fix:\n\n");
        GString *block = g_string_new(NULL);
        append_code_block(block, f->fix);
        /* Indent the block so that it belongs to the list item. */
        char **lines = g_strsplit(block->str, "\n", -1);
        for (int i = 0; lines[i] && lines[i + 1]; i++)
            g_string_append_printf(out, "  %s\n", lines[i]);
        g_strfreev(lines);
        g_string_free(block, TRUE);
    }
    g_string_append(out, "\n");
}

void
report_findings_markdown(FILE *out, GPtrArray *findings, const char *title, const char *scope)
{
    GString *buf = g_string_new(NULL);
    int counts[SEVERITY_ERROR + 1] = { 0 };
    /* "check\x1fseverity" -> count; rows in order of first appearance. */
    GHashTable *per_check = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GPtrArray *check_order = g_ptr_array_new();
    for (guint i = 0; i < findings->len; i++) {
        const Finding *f = g_ptr_array_index(findings, i);
        counts[f->severity]++;
        char *key = g_strdup_printf("%s\x1f%d", f->check, f->severity);
        int n = GPOINTER_TO_INT(g_hash_table_lookup(per_check, key));
        if (n == 0)
            g_ptr_array_add(check_order, (gpointer)f);
        g_hash_table_insert(per_check, key, GINT_TO_POINTER(n + 1));
    }
    g_string_append_printf(buf, "## %s: %d error%s, %d warning%s, %d note%s\n\n", title,
                           counts[SEVERITY_ERROR], counts[SEVERITY_ERROR] == 1 ? "" : "s",
                           counts[SEVERITY_WARNING], counts[SEVERITY_WARNING] == 1 ? "" : "s",
                           counts[SEVERITY_NOTE], counts[SEVERITY_NOTE] == 1 ? "" : "s");
    if (scope != NULL) {
        append_escaped(buf, scope);
        g_string_append(buf, "\n\n");
    }
    if (findings->len == 0) {
        g_string_append(buf, "No findings.\n");
    } else {
        g_string_append(buf, "| check | severity | findings |\n|---|---|---:|\n");
        for (Severity s = SEVERITY_ERROR; s >= SEVERITY_NOTE; s--) {
            for (guint i = 0; i < check_order->len; i++) {
                const Finding *f = g_ptr_array_index(check_order, i);
                if (f->severity != s)
                    continue;
                char *key = g_strdup_printf("%s\x1f%d", f->check, f->severity);
                g_string_append_printf(buf, "| `%s` | %s | %d |\n", f->check, severity_name(s),
                                       GPOINTER_TO_INT(g_hash_table_lookup(per_check, key)));
                g_free(key);
            }
        }
        static const char *const headings[] = {
            [SEVERITY_ERROR] = "Errors",
            [SEVERITY_WARNING] = "Warnings",
            [SEVERITY_NOTE] = "Notes",
        };
        int cut[SEVERITY_ERROR + 1] = { 0 };
        gboolean full = FALSE;
        GString *item = g_string_new(NULL);
        for (Severity s = SEVERITY_ERROR; s >= SEVERITY_NOTE; s--) {
            if (counts[s] == 0)
                continue;
            if (!full)
                g_string_append_printf(buf, "\n### %s (%d)\n\n", headings[s], counts[s]);
            for (guint i = 0; i < findings->len; i++) {
                const Finding *f = g_ptr_array_index(findings, i);
                if (f->severity != s)
                    continue;
                g_string_truncate(item, 0);
                append_finding(item, f);
                /* Most severe first, whole findings only, until the budget. */
                if (full ||
                    buf->len + item->len > REPORT_MARKDOWN_MAX - REPORT_MARKDOWN_NOTE_ROOM) {
                    full = TRUE;
                    cut[s]++;
                    continue;
                }
                g_string_append_len(buf, item->str, (gssize)item->len);
            }
        }
        g_string_free(item, TRUE);
        int total_cut = cut[SEVERITY_ERROR] + cut[SEVERITY_WARNING] + cut[SEVERITY_NOTE];
        if (total_cut > 0)
            g_string_append_printf(buf,
                                   "\n---\n\n**%d of %u findings not shown** (%d error%s, %d "
                                   "warning%s, %d note%s) to keep this comment under GitHub's "
                                   "65,536-character limit; the table above counts them all, "
                                   "and `--format sarif` or `--format json` lists every one.\n",
                                   total_cut, findings->len, cut[SEVERITY_ERROR],
                                   cut[SEVERITY_ERROR] == 1 ? "" : "s", cut[SEVERITY_WARNING],
                                   cut[SEVERITY_WARNING] == 1 ? "" : "s", cut[SEVERITY_NOTE],
                                   cut[SEVERITY_NOTE] == 1 ? "" : "s");
    }
    fwrite(buf->str, 1, buf->len, out);
    g_string_free(buf, TRUE);
    g_ptr_array_free(check_order, TRUE);
    g_hash_table_destroy(per_check);
}
