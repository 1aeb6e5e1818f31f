/*
 * report_common.c - what every renderer of findings shares: a Finding as
 * JSON and the lint summary counts.
 */
#include "report/report.h"

#include <string.h>

static cJSON *
location_json(const SourceLoc *loc)
{
    cJSON *j = cJSON_CreateObject();
    cJSON_AddItemToObject(j, "file", base_json_string(loc->file));
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
    cJSON_AddItemToObject(j, "message", base_json_string(f->message));
    cJSON_AddItemToObject(j, "file", base_json_string(f->loc.file));
    if (f->loc.line > 0)
        cJSON_AddNumberToObject(j, "line", f->loc.line);
    if (f->loc.column > 0)
        cJSON_AddNumberToObject(j, "column", f->loc.column);
    if (f->group != NULL)
        cJSON_AddItemToObject(j, "group", base_json_string(f->group));
    if (f->has_sid)
        cJSON_AddNumberToObject(j, "sid", (double)f->sid);
    if (f->fix != NULL)
        cJSON_AddItemToObject(j, "fix", base_json_string(f->fix));
    if (f->status != FINDING_ACTIVE) {
        cJSON_AddStringToObject(j, "status", finding_status_name(f->status));
        cJSON *sup = cJSON_AddObjectToObject(j, "suppression");
        cJSON_AddStringToObject(sup, "kind",
                                f->status == FINDING_SUPPRESSED_INLINE ? "comment"
                                : f->status == FINDING_SUPPRESSED_FILE ? "file"
                                                                       : "baseline");
        if (f->status_reason != NULL)
            cJSON_AddItemToObject(sup, "reason", base_json_string(f->status_reason));
        if (f->status_expires != NULL)
            cJSON_AddStringToObject(sup, "expires", f->status_expires);
        if (f->status_loc.file != NULL) {
            cJSON_AddItemToObject(sup, "file", base_json_string(f->status_loc.file));
            cJSON_AddNumberToObject(sup, "line", f->status_loc.line);
        }
    }
    if (f->related->len > 0) {
        cJSON *rel = cJSON_AddArrayToObject(j, "related");
        for (guint i = 0; i < f->related->len; i++) {
            const RelatedLoc *r = g_ptr_array_index(f->related, i);
            cJSON *item = location_json(&r->loc);
            cJSON_AddItemToObject(item, "message", base_json_string(r->message));
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

char *
report_status_text(const Finding *f)
{
    if (f->status == FINDING_ACTIVE)
        return NULL;
    if (f->status == FINDING_BASELINED)
        return g_strdup("in the baseline: not counted");
    GString *out = g_string_new("suppressed");
    if (f->status_reason != NULL)
        g_string_append_printf(out, ": %s", f->status_reason);
    if (f->status_expires != NULL)
        g_string_append_printf(out, " (until %s)", f->status_expires);
    if (f->status_loc.file != NULL)
        g_string_append_printf(out, " [%s:%d]", f->status_loc.file, f->status_loc.line);
    return g_string_free(out, FALSE);
}

void
report_count_status(GPtrArray *findings, int *suppressed, int *baselined)
{
    *suppressed = *baselined = 0;
    for (guint i = 0; i < findings->len; i++) {
        const Finding *f = g_ptr_array_index(findings, i);
        if (f->status == FINDING_BASELINED)
            (*baselined)++;
        else if (f->status != FINDING_ACTIVE)
            (*suppressed)++;
    }
}
