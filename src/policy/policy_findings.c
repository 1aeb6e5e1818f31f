/*
 * policy_findings.c - the Findings that loading makes: problems of the
 * inputs, in Policy.findings.  The lower parts report plain facts (rule
 * text diagnostics: line, column, check id, message); here they become
 * Findings with the rule group set, since only the policy knows groups.
 */
#include "policy/policy_internal.h"

void
policy_add_finding(Policy *policy, Finding *finding)
{
    g_ptr_array_add(policy->findings, finding);
}

void
rule_group_parse_text(RuleGroup *group, const char *text, gsize len, const char *file,
                      GPtrArray *findings)
{
    g_autoptr(GPtrArray) diags =
        g_ptr_array_new_with_free_func((GDestroyNotify)rules_text_diag_free);
    rules_text_parse(text, len, file, 1, group->rules, diags);
    for (guint i = 0; i < diags->len; i++) {
        const RulesTextDiag *d = g_ptr_array_index(diags, i);
        SourceLoc loc = { (char *)file, d->line, d->column };
        Finding *f = finding_new(d->check, &loc, d->message);
        if (d->source_line != NULL) {
            f->source_line = g_strdup(d->source_line);
            f->source_column = d->source_column;
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
