/*
 * policy_findings.c - the Findings that loading makes: problems of the
 * inputs, in Policy.findings.  The lower parts report plain facts (rule
 * text diagnostics: line, column, check id, message); here they become
 * Findings with the rule group set, since only the policy knows groups.
 */
#include "policy/policy_internal.h"

const char *const policy_check_ids[] = {
    "syntax",
    "unknown-keyword",
    "invalid-option",
    "undefined-variable",
    "rule-skipped",
    "missing-group",
    "unreferenced-group",
    "default-action-invalid",
    "iac-unresolved",
    NULL,
};

void
policy_add_finding(Policy *policy, Finding *finding)
{
    g_ptr_array_add(policy->findings, finding);
}

void
rule_group_parse_text(RuleGroup *group, const char *text, gsize len, const char *file,
                      const RuleParseOptions *opts, GPtrArray *findings)
{
    rule_group_parse_embedded(group, text, len, file, NULL, opts, findings);
}

void
rule_group_parse_embedded(RuleGroup *group, const char *text, gsize len, const char *file,
                          const EmbedMap *map, const RuleParseOptions *opts, GPtrArray *findings)
{
    g_autoptr(GPtrArray) diags =
        g_ptr_array_new_with_free_func((GDestroyNotify)rules_text_diag_free);
    guint first_rule = group->rules->len;
    rules_text_parse_with(text, len, file, 1, opts, group->rules, diags);
    rule_group_scan_suppressions(group, text, len, file, map, first_rule, findings);
    /* Lines and columns inside the string become those of the file; a
     * rule keeps its own text for the caret, which stays where it was
     * (the caret is the column less the column the text starts at). */
    for (guint i = first_rule; map != NULL && i < group->rules->len; i++) {
        Rule *rule = g_ptr_array_index(group->rules, i);
        embed_map_locate(map, rule->loc.line, rule->loc.column > 0 ? rule->loc.column : 1,
                         &rule->loc.line, &rule->loc.column);
    }
    for (guint i = 0; i < diags->len; i++) {
        const RulesTextDiag *d = g_ptr_array_index(diags, i);
        SourceLoc loc = { (char *)file, d->line, d->column };
        int delta = d->column - d->source_column;
        if (map != NULL)
            embed_map_locate(map, d->line, d->column > 0 ? d->column : 1, &loc.line, &loc.column);
        Finding *f = finding_new(d->check, &loc, d->message);
        if (d->source_line != NULL) {
            f->source_line = g_strdup(d->source_line);
            f->source_column = map != NULL && d->column > 0 ? loc.column - delta : d->source_column;
        }
        f->group = g_strdup(group->name);
        g_ptr_array_add(findings, f);
    }
}

void
policy_finding_set_rule(Finding *finding, const Rule *rule)
{
    finding_set_rule(finding, rule, rule->group != NULL ? rule->group->name : NULL);
}
