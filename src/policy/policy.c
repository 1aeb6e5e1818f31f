/*
 * policy.c - the Policy object: lifetime, --var, and policy_finish(), which
 * ties the loaded inputs together: policy references are matched to loaded
 * groups (by ARN, then by name), AWS managed groups become placeholders,
 * unresolved references are reported, groups are put in evaluation order,
 * variables are checked and the rule evaluation order is built.
 *
 * Decisions:
 *  - Groups the policy does not reference stay in `groups` (after the
 *    referenced ones, flagged referenced=FALSE, with an "unreferenced-group"
 *    note) but are not part of eval_order: Network Firewall would not run
 *    them.
 *  - Without policy JSON every loaded group is referenced, in load order,
 *    and the policy's order is the RuleOrder that all JSON groups declaring
 *    one agree on, else --rule-order (default_order).
 *  - A policy without StatefulEngineOptions.RuleOrder is
 *    DEFAULT_ACTION_ORDER, as in the AWS API.
 */
#include "policy/policy_internal.h"

#include <string.h>

G_DEFINE_QUARK(nfw - policy - error - quark, policy_error)

const char *
rule_order_name(RuleOrder order)
{
    return order == RULE_ORDER_STRICT ? "STRICT_ORDER" : "DEFAULT_ACTION_ORDER";
}

const char *
group_kind_name(GroupKind kind)
{
    switch (kind) {
    case GROUP_KIND_RULES_FILE: return "rules-file";
    case GROUP_KIND_RULES_STRING: return "rules-string";
    case GROUP_KIND_DOMAIN_LIST: return "domain-list";
    case GROUP_KIND_STATEFUL_RULES: return "stateful-rules";
    case GROUP_KIND_STATELESS: return "stateless";
    case GROUP_KIND_MANAGED: return "managed";
    case GROUP_KIND_MISSING: return "missing";
    }
    return "unknown";
}

Policy *
policy_new(RuleOrder default_order)
{
    Policy *policy = g_new0(Policy, 1);
    policy->groups = g_ptr_array_new_with_free_func((GDestroyNotify)rule_group_free);
    policy->eval_order = g_ptr_array_new();
    policy->findings = g_ptr_array_new_with_free_func((GDestroyNotify)finding_free);
    policy->cli_vars = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    policy->cli_var_fits = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    policy->var_text = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    policy->suppressions = g_ptr_array_new_with_free_func((GDestroyNotify)suppression_free);
    policy->default_order = default_order;
    policy->order = default_order;
    policy->next_file_priority = 1;
    return policy;
}

static void
group_ref_free(GroupRef *ref)
{
    if (!ref)
        return;
    g_free(ref->arn);
    g_free(ref->name);
    g_free(ref);
}

void
policy_info_free(PolicyInfo *info)
{
    if (!info)
        return;
    g_free(info->name);
    g_free(info->arn);
    g_free(info->file);
    g_ptr_array_unref(info->stateful_default_actions);
    g_ptr_array_unref(info->stateless_default_actions);
    g_ptr_array_unref(info->stateless_fragment_default_actions);
    g_hash_table_destroy(info->variables);
    g_free(info->stream_exception_policy);
    g_ptr_array_unref(info->refs);
    g_ptr_array_unref(info->stateless_refs);
    g_free(info->tls_inspection_arn);
    g_free(info->description);
    g_free(info);
}

PolicyInfo *
policy_info_new(const char *file)
{
    PolicyInfo *info = g_new0(PolicyInfo, 1);
    info->file = g_strdup(file);
    info->from_json = TRUE;
    info->order = RULE_ORDER_ACTION;
    info->file_line = 1;
    info->tcp_idle_timeout = -1;
    info->stateful_default_actions = g_ptr_array_new_with_free_func(g_free);
    info->stateless_default_actions = g_ptr_array_new_with_free_func(g_free);
    info->stateless_fragment_default_actions = g_ptr_array_new_with_free_func(g_free);
    info->variables = definition_table_new();
    info->refs = g_ptr_array_new_with_free_func((GDestroyNotify)group_ref_free);
    info->stateless_refs = g_ptr_array_new_with_free_func((GDestroyNotify)group_ref_free);
    return info;
}

GroupRef *
group_ref_new(const char *arn, int priority)
{
    GroupRef *ref = g_new0(GroupRef, 1);
    ref->arn = g_strdup(arn);
    const char *slash = strrchr(arn, '/');
    ref->name = g_strdup(slash ? slash + 1 : arn);
    ref->priority = priority;
    ref->file_line = 1;
    return ref;
}

void
policy_free(Policy *policy)
{
    if (!policy)
        return;
    policy_info_free(policy->info);
    g_ptr_array_unref(policy->eval_order);
    g_ptr_array_unref(policy->groups);
    g_ptr_array_unref(policy->findings);
    g_hash_table_destroy(policy->cli_vars);
    g_hash_table_destroy(policy->cli_var_fits);
    g_hash_table_destroy(policy->var_text);
    g_ptr_array_unref(policy->suppressions);
    g_free(policy);
}

static gboolean
variable_name_valid(const char *name)
{
    /* RuleVariableName in the AWS model: ^[A-Za-z][A-Za-z0-9_]*$, max 32. */
    if (!g_ascii_isalpha(name[0]) || strlen(name) > 32)
        return FALSE;
    for (const char *p = name; *p; p++)
        if (!g_ascii_isalnum(*p) && *p != '_')
            return FALSE;
    return TRUE;
}

gboolean
policy_add_cli_var(Policy *policy, const char *assignment, GError **error)
{
    const char *eq = strchr(assignment, '=');
    if (!eq || eq == assignment || eq[1] == '\0') {
        g_set_error(error, POLICY_ERROR, POLICY_ERROR_USAGE,
                    "--var %s: expected NAME=VALUE, e.g. HOME_NET=[10.0.0.0/8]", assignment);
        return FALSE;
    }
    g_autofree char *name = g_strndup(assignment, (gsize)(eq - assignment));
    if (!variable_name_valid(name)) {
        g_set_error(error, POLICY_ERROR, POLICY_ERROR_USAGE,
                    "--var %s: invalid variable name '%s' (letters, digits and _, "
                    "starting with a letter, at most 32)",
                    assignment, name);
        return FALSE;
    }
    guint fits = (cli_var_fits(eq + 1, FALSE) ? CLI_VAR_FITS_ADDRESS : 0) |
                 (cli_var_fits(eq + 1, TRUE) ? CLI_VAR_FITS_PORT : 0);
    g_hash_table_replace(policy->cli_var_fits, g_strdup(name), GUINT_TO_POINTER(fits));
    g_hash_table_replace(policy->cli_vars, g_steal_pointer(&name), g_strdup(eq + 1));
    policy_refresh_vars(policy);
    return TRUE;
}

GPtrArray *
policy_suppressions(const Policy *policy)
{
    GPtrArray *all = g_ptr_array_new();
    for (guint i = 0; i < policy->suppressions->len; i++)
        g_ptr_array_add(all, g_ptr_array_index(policy->suppressions, i));
    for (guint g = 0; g < policy->groups->len; g++) {
        const RuleGroup *group = g_ptr_array_index(policy->groups, g);
        for (guint i = 0; i < group->suppressions->len; i++)
            g_ptr_array_add(all, g_ptr_array_index(group->suppressions, i));
    }
    return all;
}

gboolean
policy_has_input(const Policy *policy)
{
    /* A file whose every rule is rejected holds rules: they are findings. */
    if (policy->info != NULL || policy->findings->len > 0)
        return TRUE;
    for (guint i = 0; i < policy->groups->len; i++) {
        const RuleGroup *group = g_ptr_array_index(policy->groups, i);
        if (group->rules->len > 0 || group->stateless_rule_count > 0 ||
            (group->domain_list != NULL && group->domain_list->targets->len > 0))
            return TRUE;
    }
    return FALSE;
}

RuleGroup *
policy_find_group(const Policy *policy, const char *name)
{
    for (guint i = 0; i < policy->groups->len; i++) {
        RuleGroup *group = g_ptr_array_index(policy->groups, i);
        if (group->name && g_strcmp0(group->name, name) == 0)
            return group;
    }
    return NULL;
}

/* ARN first, then name; skips groups already claimed by another reference
 * and stateful/stateless mismatches. */
static RuleGroup *
find_ref_target(Policy *policy, const GroupRef *ref, gboolean stateless, GHashTable *claimed)
{
    for (int pass = 0; pass < 2; pass++) {
        for (guint i = 0; i < policy->groups->len; i++) {
            RuleGroup *g = g_ptr_array_index(policy->groups, i);
            if (g_hash_table_contains(claimed, g))
                continue;
            if ((g->kind == GROUP_KIND_STATELESS) != stateless)
                continue;
            if (pass == 0 ? (g->arn && strcmp(g->arn, ref->arn) == 0)
                          : (g->name && strcmp(g->name, ref->name) == 0))
                return g;
        }
    }
    return NULL;
}

static RuleGroup *
placeholder_for(Policy *policy, const GroupRef *ref)
{
    PolicyInfo *info = policy->info;
    gboolean managed = strstr(ref->arn, ":aws-managed:") != NULL;
    RuleGroup *g =
        rule_group_new(ref->name, info->file, managed ? GROUP_KIND_MANAGED : GROUP_KIND_MISSING);
    g->arn = g_strdup(ref->arn);
    g->file_line = ref->file_line;
    g->order = info->order;
    if (managed) {
        /* Managed names end in StrictOrder / ActionOrder. */
        if (g_str_has_suffix(ref->name, "StrictOrder")) {
            g->order = RULE_ORDER_STRICT;
            g->order_explicit = TRUE;
        } else if (g_str_has_suffix(ref->name, "ActionOrder")) {
            g->order = RULE_ORDER_ACTION;
            g->order_explicit = TRUE;
        }
    } else {
        SourceLoc loc = { info->file, ref->file_line, 0 };
        Finding *f = finding_new_printf(
            "missing-group", &loc,
            "rule group '%s' (%s) is referenced by firewall policy '%s' but was not "
            "loaded: its rules are not checked; pass its describe-rule-group JSON or "
            "rules file too",
            ref->name, ref->arn, info->name ? info->name : "");
        g_free(f->group);
        f->group = g_strdup(ref->name);
        policy_add_finding(policy, f);
    }
    return g;
}

static int
compare_group_priority(gconstpointer a, gconstpointer b)
{
    const RuleGroup *ga = *(RuleGroup *const *)a;
    const RuleGroup *gb = *(RuleGroup *const *)b;
    /* Absent priorities (-1) sort after present ones. */
    guint pa = ga->priority < 0 ? G_MAXUINT : (guint)ga->priority;
    guint pb = gb->priority < 0 ? G_MAXUINT : (guint)gb->priority;
    return pa < pb ? -1 : pa > pb;
}

/* Resolves the references and reorders policy->groups: referenced stateful
 * groups (by Priority in strict order, reference order otherwise), then
 * referenced stateless groups, then the unreferenced ones in load order. */
static void
resolve_refs(Policy *policy)
{
    PolicyInfo *info = policy->info;
    GHashTable *claimed = g_hash_table_new(g_direct_hash, g_direct_equal);
    GPtrArray *referenced = g_ptr_array_new();
    GPtrArray *stateless = g_ptr_array_new();
    GPtrArray *placeholders = g_ptr_array_new();

    for (guint i = 0; i < info->refs->len; i++) {
        GroupRef *ref = g_ptr_array_index(info->refs, i);
        RuleGroup *g = find_ref_target(policy, ref, FALSE, claimed);
        if (!g) {
            g = placeholder_for(policy, ref);
            g_ptr_array_add(placeholders, g);
        }
        g_hash_table_add(claimed, g);
        g->referenced = TRUE;
        g->priority = ref->priority;
        g->drop_to_alert = ref->drop_to_alert;
        ref->group = g;
        g_ptr_array_add(referenced, g);
    }
    for (guint i = 0; i < info->stateless_refs->len; i++) {
        GroupRef *ref = g_ptr_array_index(info->stateless_refs, i);
        RuleGroup *g = find_ref_target(policy, ref, TRUE, claimed);
        if (!g)
            continue; /* not Suricata: nothing to check, nothing to report */
        g_hash_table_add(claimed, g);
        g->referenced = TRUE;
        g->priority = ref->priority;
        ref->group = g;
        g_ptr_array_add(stateless, g);
    }
    if (info->order == RULE_ORDER_STRICT)
        g_ptr_array_sort(referenced, compare_group_priority); /* stable (merge sort) */

    /* Rebuild policy->groups without freeing anything. */
    GPtrArray *old = policy->groups;
    GPtrArray *groups = g_ptr_array_new_with_free_func((GDestroyNotify)rule_group_free);
    for (guint i = 0; i < referenced->len; i++)
        g_ptr_array_add(groups, g_ptr_array_index(referenced, i));
    for (guint i = 0; i < stateless->len; i++)
        g_ptr_array_add(groups, g_ptr_array_index(stateless, i));
    for (guint i = 0; i < old->len; i++) {
        RuleGroup *g = g_ptr_array_index(old, i);
        if (g_hash_table_contains(claimed, g))
            continue;
        g->referenced = FALSE;
        g_ptr_array_add(groups, g);
        SourceLoc loc = { g->file, g->file_line, 0 };
        Finding *f = finding_new_printf(
            "unreferenced-group", &loc,
            "rule group '%s' is not referenced by firewall policy '%s': Network Firewall "
            "does not evaluate it",
            g->name ? g->name : "", info->name ? info->name : "");
        g_free(f->group);
        f->group = g_strdup(g->name);
        policy_add_finding(policy, f);
    }
    g_ptr_array_set_free_func(old, NULL);
    g_ptr_array_unref(old);
    policy->groups = groups;

    g_ptr_array_unref(placeholders);
    g_ptr_array_unref(referenced);
    g_ptr_array_unref(stateless);
    g_hash_table_destroy(claimed);
}

static RuleOrder
synthesised_order(const Policy *policy)
{
    gboolean seen = FALSE;
    RuleOrder order = policy->default_order;
    for (guint i = 0; i < policy->groups->len; i++) {
        const RuleGroup *g = g_ptr_array_index(policy->groups, i);
        if (!g->order_explicit)
            continue;
        if (seen && g->order != order)
            return policy->default_order;
        order = g->order;
        seen = TRUE;
    }
    return order;
}

gboolean
policy_finish(Policy *policy, GError **error)
{
    if (policy->finished)
        return TRUE;
    policy->finished = TRUE;

    if (policy->info) {
        policy->order = policy->info->order;
        resolve_refs(policy);
    } else {
        policy->order = synthesised_order(policy);
        for (guint i = 0; i < policy->groups->len; i++)
            ((RuleGroup *)g_ptr_array_index(policy->groups, i))->referenced = TRUE;
        /* Groups keep load order: their priorities are load positions. */
    }
    policy_refresh_vars(policy);
    policy_check_variables(policy);
    policy_check_default_actions(policy);
    for (guint i = 0; i < policy->groups->len; i++)
        rule_group_index_rules(g_ptr_array_index(policy->groups, i));
    policy_build_eval_order(policy);
    return TRUE;
}
