/*
 * report_common.c - escaping and JSON helpers shared by every renderer.
 */
#include "report/report.h"

#include <string.h>

cJSON *
report_json_string(const char *s)
{
    if (s == NULL)
        return cJSON_CreateNull();
    if (g_utf8_validate(s, -1, NULL))
        return cJSON_CreateString(s);
    char *valid = g_utf8_make_valid(s, -1);
    cJSON *j = cJSON_CreateString(valid);
    g_free(valid);
    return j;
}

/* Code points that change how a terminal shows text without being C0/C1
 * controls: bidirectional overrides and isolates ("Trojan Source"). */
static gboolean
is_bidi_control(gunichar c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
           c == 0x200F || c == 0x061C;
}

void
report_escape_terminal(GString *out, const char *s)
{
    if (s == NULL)
        return;
    /* Fast path: a run of printable ASCII (nearly every rule and log
     * string) is copied at once; the careful loop handles the rest. */
    const char *p = s;
    while (*p >= 0x20 && *p < 0x7f)
        p++;
    g_string_append_len(out, s, p - s);
    while (*p) {
        gunichar c = g_utf8_get_char_validated(p, -1);
        if (c == (gunichar)-1 || c == (gunichar)-2) {
            /* A byte that is not valid UTF-8 (from a log or a rule file):
             * shown as \xNN, never sent raw (found by tests/hostile). */
            g_string_append_printf(out, "\\x%02x", (guchar)*p);
            p++;
            continue;
        }
        const char *next = g_utf8_next_char(p);
        if ((c < 0x20 && c != '\t') || c == 0x7f)
            g_string_append_printf(out, "\\x%02x", c);
        else if ((c >= 0x80 && c <= 0x9f) || is_bidi_control(c))
            /* C1 controls (U+0080..U+009F) can also act as escapes. */
            g_string_append_printf(out, "\\u%04x", c);
        else
            g_string_append_len(out, p, next - p);
        p = next;
    }
}

char *
report_json_text(const cJSON *doc, gboolean pretty)
{
    char *text = pretty ? cJSON_Print(doc) : cJSON_PrintUnformatted(doc);
    /* cJSON escapes C0 controls but leaves DEL and the C1 controls raw:
     * valid JSON, yet a terminal may act on U+009B (CSI).  Outside strings
     * JSON text has no such bytes, so they are escaped wherever found. */
    GString *out = g_string_sized_new(strlen(text) + 16);
    for (const guchar *p = (const guchar *)text; *p; p++) {
        if (*p == 0x7f) {
            g_string_append(out, "\\u007f");
        } else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
            g_string_append_printf(out, "\\u%04x", p[1]);
            p++;
        } else {
            g_string_append_c(out, (char)*p);
        }
    }
    cJSON_free(text);
    return g_string_free(out, FALSE);
}

void
report_print_json(FILE *out, cJSON *doc)
{
    char *text = report_json_text(doc, TRUE);
    fputs(text, out);
    fputc('\n', out);
    g_free(text);
    cJSON_Delete(doc);
}

static cJSON *
location_json(const SourceLoc *loc)
{
    cJSON *j = cJSON_CreateObject();
    cJSON_AddItemToObject(j, "file", report_json_string(loc->file));
    if (loc->line > 0)
        cJSON_AddNumberToObject(j, "line", loc->line);
    if (loc->column > 0)
        cJSON_AddNumberToObject(j, "column", loc->column);
    return j;
}

cJSON *
report_finding_json(const Finding *f)
{
    cJSON *j = cJSON_CreateObject();
    cJSON_AddStringToObject(j, "check", f->check);
    cJSON_AddStringToObject(j, "severity", severity_name(f->severity));
    cJSON_AddItemToObject(j, "message", report_json_string(f->message));
    cJSON_AddItemToObject(j, "file", report_json_string(f->loc.file));
    if (f->loc.line > 0)
        cJSON_AddNumberToObject(j, "line", f->loc.line);
    if (f->loc.column > 0)
        cJSON_AddNumberToObject(j, "column", f->loc.column);
    if (f->group != NULL)
        cJSON_AddItemToObject(j, "group", report_json_string(f->group));
    if (f->has_sid)
        cJSON_AddNumberToObject(j, "sid", (double)f->sid);
    if (f->fix != NULL)
        cJSON_AddItemToObject(j, "fix", report_json_string(f->fix));
    if (f->related->len > 0) {
        cJSON *rel = cJSON_AddArrayToObject(j, "related");
        for (guint i = 0; i < f->related->len; i++) {
            const RelatedLoc *r = g_ptr_array_index(f->related, i);
            cJSON *item = location_json(&r->loc);
            cJSON_AddItemToObject(item, "message", report_json_string(r->message));
            cJSON_AddItemToArray(rel, item);
        }
    }
    return j;
}

void
lint_summary_count(LintSummary *s, const Policy *policy, GPtrArray *findings)
{
    memset(s, 0, sizeof *s);
    s->files = policy->files_loaded;
    s->groups = (int)policy->groups->len;
    s->rules = (int)policy->eval_order->len;
    for (guint g = 0; g < policy->groups->len; g++) {
        const RuleGroup *group = g_ptr_array_index(policy->groups, g);
        for (guint r = 0; r < group->rules->len; r++) {
            const Rule *rule = g_ptr_array_index(group->rules, r);
            if (rule->flags & RULE_F_DISABLED)
                s->disabled_rules++;
        }
    }
    for (guint i = 0; i < findings->len; i++) {
        const Finding *f = g_ptr_array_index(findings, i);
        if (f->severity == SEVERITY_ERROR)
            s->errors++;
        else if (f->severity == SEVERITY_WARNING)
            s->warnings++;
        else if (f->severity == SEVERITY_NOTE)
            s->notes++;
    }
}
