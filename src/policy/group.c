/*
 * group.c - RuleGroup lifetime and adding parsed rules to a group.
 * A group owns its rules, its variable tables and its domain list.
 */
#include "policy/policy_internal.h"


static void
ptr_array_unref0(gpointer p)
{
    if (p)
        g_ptr_array_unref(p);
}

GHashTable *
definition_table_new(void)
{
    return g_hash_table_new_full(g_str_hash, g_str_equal, g_free, ptr_array_unref0);
}

RuleGroup *
rule_group_new(const char *name, const char *file, GroupKind kind)
{
    RuleGroup *group = g_new0(RuleGroup, 1);
    group->name = g_strdup(name);
    group->file = g_strdup(file);
    group->file_line = 1;
    group->kind = kind;
    group->capacity = -1;
    group->priority = -1;
    group->referenced = TRUE;
    group->rules = g_ptr_array_new_with_free_func((GDestroyNotify)rule_free);
    group->ip_sets = definition_table_new();
    group->port_sets = definition_table_new();
    group->ip_set_refs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    group->var_text = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    group->suppressions = g_ptr_array_new_with_free_func((GDestroyNotify)suppression_free);
    return group;
}

void
rule_group_free(RuleGroup *group)
{
    if (!group)
        return;
    g_free(group->name);
    g_free(group->arn);
    g_free(group->file);
    g_ptr_array_unref(group->rules);
    g_hash_table_destroy(group->ip_sets);
    g_hash_table_destroy(group->port_sets);
    g_hash_table_destroy(group->ip_set_refs);
    g_hash_table_destroy(group->var_text);
    g_ptr_array_unref(group->suppressions);
    domain_list_free(group->domain_list);
    g_free(group->type);
    g_free(group->description);
    g_free(group);
}

gboolean
rule_group_add_text(RuleGroup *group, const char *text, const SourceLoc *loc,
                    const RuleParseOptions *opts, GPtrArray *findings)
{
    RuleDiag diag = { 0 };
    Rule *rule = rule_parse_with(text, loc, opts, &diag);
    if (!rule) {
        SourceLoc at = *loc;
        /* Rules generated from JSON point at a JSON line (column 0): a
         * column inside the generated text would mean nothing there. */
        if (loc->column > 0 && diag.offset >= 0)
            at.column = loc->column + diag.offset;
        Finding *f = finding_new(diag.check ? diag.check : "syntax", &at,
                                 diag.message ? diag.message : "rule not accepted");
        g_free(f->source_line);
        f->source_line = g_strdup(text);
        g_free(f->group);
        f->group = g_strdup(group->name);
        g_ptr_array_add(findings, f);
        rule_diag_clear(&diag);
        return FALSE;
    }
    if (diag.message != NULL) {
        /* accepted, but Suricata would load nothing for it (rule-skipped) */
        Finding *f = finding_new(diag.check, loc, diag.message);
        g_free(f->source_line);
        f->source_line = g_strdup(text);
        g_free(f->group);
        f->group = g_strdup(group->name);
        g_ptr_array_add(findings, f);
        rule_diag_clear(&diag);
    }
    rule->group = group;
    rule->index = (int)group->rules->len;
    g_ptr_array_add(group->rules, rule);
    return TRUE;
}

void
rule_group_index_rules(RuleGroup *group)
{
    for (guint i = 0; i < group->rules->len; i++) {
        Rule *rule = g_ptr_array_index(group->rules, i);
        rule->group = group;
        rule->index = (int)i;
    }
}
