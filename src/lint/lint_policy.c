/*
 * lint_policy.c - checks on the firewall policy itself: default actions,
 * rule order, stateless forwarding, HOME_NET.  Sources: nfw-reference.md
 * sections 2.1 (default actions), 3 (domain lists and HOME_NET), 6 (rule
 * order) and the AWS Network Firewall Developer Guide pages cited there.
 *
 * All of these need a firewall-policy JSON (describe-firewall-policy or
 * the bare FirewallPolicy): bare .rules files carry no policy and give no
 * policy findings.  Findings point at the policy object's line.
 *
 * drop-strict-app-layer: the evidence is the app-layer rules (a rule whose
 * protocol or keywords are app-layer) and domain lists of the policy; the
 * first few are attached as related locations and the count is in the
 * message.  A pass rule for the TCP handshake (flow:not_established) is
 * the documented workaround, so its presence silences the check.
 */
#include <string.h>

#include "lint/lint.h"
#include "lint/lint_match.h"

#define EVIDENCE_MAX 5

static gboolean
has_action(const GPtrArray *actions, const char *name)
{
    for (guint i = 0; actions != NULL && i < actions->len; i++)
        if (strcmp(g_ptr_array_index(actions, i), name) == 0)
            return TRUE;
    return FALSE;
}

static Finding *
policy_finding(const Policy *policy, const char *check, char *message)
{
    SourceLoc loc = { policy->info->file, policy->info->file_line, 0 };
    Finding *f = finding_new(check, &loc, message);
    g_free(message);
    return f;
}

static const char *
drop_default(const PolicyInfo *info)
{
    for (guint i = 0; i < info->stateful_default_actions->len; i++) {
        const char *a = g_ptr_array_index(info->stateful_default_actions, i);
        if (g_str_has_prefix(a, "aws:drop_"))
            return a;
    }
    return NULL;
}

static void
check_default_drop(const Policy *policy, GPtrArray *findings)
{
    const PolicyInfo *info = policy->info;
    const char *drop = drop_default(info);
    if (drop == NULL) {
        Finding *f = policy_finding(
            policy, "no-default-drop",
            g_strdup_printf(
                "STRICT_ORDER policy '%s' has no drop default action: traffic that no rule "
                "handles is allowed (and not logged)",
                info->name ? info->name : ""));
        finding_set_fix(f, "\"StatefulDefaultActions\": [\"aws:drop_established\", "
                           "\"aws:alert_established\"]");
        g_ptr_array_add(findings, f);
        return;
    }
    char *alert = g_strconcat("aws:alert_", drop + strlen("aws:drop_"), NULL);
    if (!has_action(info->stateful_default_actions, alert)) {
        Finding *f = policy_finding(
            policy, "silent-default-drop",
            g_strdup_printf(
                "default action %s has no %s twin: Network Firewall generates the default drop "
                "with noalert, so the traffic it drops never appears in alert logs",
                drop, alert));
        char *fix = g_strdup_printf("\"StatefulDefaultActions\": [\"%s\", \"%s\"]", drop, alert);
        finding_set_fix(f, fix);
        g_free(fix);
        g_ptr_array_add(findings, f);
    }
    g_free(alert);
}

static gboolean
passes_handshake(const Rule *rule)
{
    if (rule->action != RULE_ACTION_PASS ||
        (strcmp(rule->proto, "tcp") != 0 && strcmp(rule->proto, "ip") != 0))
        return FALSE;
    return (rule->flow & RULE_FLOW_NOT_ESTABLISHED) != 0;
}

static void
check_drop_strict(const Policy *policy, GPtrArray *findings)
{
    if (!has_action(policy->info->stateful_default_actions, "aws:drop_strict"))
        return;
    GPtrArray *rules = g_ptr_array_new();
    GPtrArray *lists = g_ptr_array_new();
    for (guint i = 0; i < policy->eval_order->len; i++) {
        const Rule *rule = g_ptr_array_index(policy->eval_order, i);
        if (passes_handshake(rule))
            goto out;
        if (!(rule->flags & RULE_F_APP_LAYER))
            continue;
        if (rule->group != NULL && rule->group->kind == GROUP_KIND_DOMAIN_LIST) {
            if (lists->len == 0 || g_ptr_array_index(lists, lists->len - 1) != rule->group)
                g_ptr_array_add(lists, rule->group);
        } else {
            g_ptr_array_add(rules, (gpointer)rule);
        }
    }
    if (rules->len == 0 && lists->len == 0)
        goto out;
    Finding *f = policy_finding(
        policy, "drop-strict-app-layer",
        g_strdup_printf(
            "default action aws:drop_strict drops the TCP handshake before the app-layer protocol "
            "is known, yet %u rule%s and %u domain list%s match on app-layer fields: they never "
            "match (use aws:drop_established)",
            rules->len, rules->len == 1 ? "" : "s", lists->len, lists->len == 1 ? "" : "s"));
    for (guint i = 0; i < lists->len && i < EVIDENCE_MAX; i++) {
        const RuleGroup *g = g_ptr_array_index(lists, i);
        SourceLoc loc = { g->file, g->file_line, 0 };
        char *note = g_strdup_printf("domain list '%s' (%s)", g->name,
                                     g->domain_list && g->domain_list->generated_type
                                         ? g->domain_list->generated_type
                                         : "?");
        finding_add_related(f, &loc, note);
        g_free(note);
    }
    for (guint i = 0; i < rules->len && i < EVIDENCE_MAX; i++) {
        const Rule *rule = g_ptr_array_index(rules, i);
        char *note = g_strdup_printf("app-layer %s rule sid %" G_GUINT64_FORMAT " (%s)",
                                     rule_action_name(rule->action), rule->sid, rule->proto);
        finding_add_related(f, &rule->loc, note);
        g_free(note);
    }
    finding_set_fix(f, "\"StatefulDefaultActions\": [\"aws:drop_established\", "
                       "\"aws:alert_established\"]");
    g_ptr_array_add(findings, f);
out:
    g_ptr_array_free(rules, TRUE);
    g_ptr_array_free(lists, TRUE);
}

static void
check_rule_order(const Policy *policy, GPtrArray *findings)
{
    const PolicyInfo *info = policy->info;
    for (guint i = 0; i < policy->groups->len; i++) {
        const RuleGroup *g = g_ptr_array_index(policy->groups, i);
        if (!g->referenced || g->kind == GROUP_KIND_STATELESS || g->kind == GROUP_KIND_MISSING ||
            g->kind == GROUP_KIND_RULES_FILE || g->order == info->order)
            continue;
        if (g->kind == GROUP_KIND_MANAGED && !g->order_explicit)
            continue;
        SourceLoc loc = { g->file, g->file_line, 0 };
        Finding *f = finding_new_printf(
            "rule-order-mismatch", &loc,
            "rule group '%s' is %s%s but firewall policy '%s' is %s: Network Firewall refuses "
            "the association",
            g->name, rule_order_name(g->order),
            g->order_explicit ? "" : " (RuleOrder absent: the AWS default)",
            info->name ? info->name : "", rule_order_name(info->order));
        f->group = g_strdup(g->name);
        if (g->kind == GROUP_KIND_MANAGED) {
            char *fix =
                g_strdup_printf("use the %s variant of the managed group",
                                info->order == RULE_ORDER_STRICT ? "StrictOrder" : "ActionOrder");
            finding_set_fix(f, fix);
            g_free(fix);
        } else {
            char *fix = g_strdup_printf("\"StatefulRuleOptions\": {\"RuleOrder\": \"%s\"}",
                                        rule_order_name(info->order));
            finding_set_fix(f, fix);
            g_free(fix);
        }
        g_ptr_array_add(findings, f);
    }
}

static void
check_stateless(const Policy *policy, GPtrArray *findings)
{
    const PolicyInfo *info = policy->info;
    const struct {
        const char *member;
        const GPtrArray *actions;
    } lists[] = {
        { "StatelessDefaultActions", info->stateless_default_actions },
        { "StatelessFragmentDefaultActions", info->stateless_fragment_default_actions },
    };
    for (guint i = 0; i < G_N_ELEMENTS(lists); i++) {
        if (lists[i].actions == NULL || lists[i].actions->len == 0 ||
            has_action(lists[i].actions, "aws:forward_to_sfe"))
            continue;
        GString *was = g_string_new(NULL);
        for (guint k = 0; k < lists[i].actions->len; k++)
            g_string_append_printf(was, "%s%s", k ? ", " : "",
                                   (const char *)g_ptr_array_index(lists[i].actions, k));
        Finding *f = policy_finding(
            policy, "stateless-not-forwarding",
            g_strdup_printf(
                "%s is [%s], not aws:forward_to_sfe: packets no stateless rule handles bypass "
                "every stateful rule and are never logged",
                lists[i].member, was->str));
        char *fix = g_strdup_printf("\"%s\": [\"aws:forward_to_sfe\"]", lists[i].member);
        finding_set_fix(f, fix);
        g_free(fix);
        g_ptr_array_add(findings, f);
        g_string_free(was, TRUE);
    }
}

static gboolean
expr_names(const NetExpr *e, const char *var)
{
    if (e == NULL)
        return FALSE;
    if (e->kind == NETEXPR_VAR)
        return strcmp(e->name, var) == 0;
    if (e->kind == NETEXPR_GROUP)
        for (guint i = 0; e->items && i < e->items->len; i++)
            if (expr_names(g_ptr_array_index(e->items, i), var))
                return TRUE;
    return FALSE;
}

static const Rule *
first_rule_using(const RuleGroup *g, const char *var)
{
    for (guint i = 0; i < g->rules->len; i++) {
        const Rule *r = g_ptr_array_index(g->rules, i);
        if (!(r->flags & RULE_F_DISABLED) &&
            (expr_names(r->src_expr, var) || expr_names(r->dst_expr, var)))
            return r;
    }
    return NULL;
}

static void
check_home_net(const Policy *policy, GPtrArray *findings)
{
    const char *policy_home = policy_lookup_var(policy, NULL, "HOME_NET", FALSE);
    const char *external = policy_lookup_var(policy, NULL, "EXTERNAL_NET", FALSE);
    gboolean any_override = FALSE;
    for (guint i = 0; i < policy->groups->len; i++) {
        const RuleGroup *g = g_ptr_array_index(policy->groups, i);
        if (!g->referenced || !g_hash_table_contains(g->ip_sets, "HOME_NET"))
            continue;
        any_override = TRUE;
        const char *home = policy_lookup_var(policy, g, "HOME_NET", FALSE);
        const Rule *user = first_rule_using(g, "EXTERNAL_NET");
        if (user == NULL || g_strcmp0(home, policy_home) == 0)
            continue;
        SourceLoc loc = { g->file, g->file_line, 0 };
        Finding *f = finding_new_printf(
            "home-net-override", &loc,
            "rule group '%s' overrides HOME_NET as %s, but its rules use $EXTERNAL_NET, which "
            "stays the negation of the policy-level HOME_NET (%s): EXTERNAL_NET is not "
            "recomputed",
            g->name, home, external ? external : "?");
        f->group = g_strdup(g->name);
        finding_add_related(f, &user->loc, "a rule using $EXTERNAL_NET");
        g_ptr_array_add(findings, f);
    }
    gboolean policy_sets_home = g_hash_table_contains(policy->info->variables, "HOME_NET") ||
                                g_hash_table_contains(policy->cli_vars, "HOME_NET");
    if (!any_override || policy_sets_home)
        return;
    for (guint i = 0; i < policy->groups->len; i++) {
        const RuleGroup *g = g_ptr_array_index(policy->groups, i);
        if (!g->referenced || g->kind != GROUP_KIND_DOMAIN_LIST ||
            g_hash_table_contains(g->ip_sets, "HOME_NET"))
            continue;
        SourceLoc loc = { g->file, g->file_line, 0 };
        Finding *f = finding_new_printf(
            "home-net-override", &loc,
            "domain list '%s' inspects only traffic from HOME_NET, which here is Network "
            "Firewall's default (the firewall VPC's CIDR), while other rule groups of the "
            "policy name wider home networks: traffic from those is not inspected; set HOME_NET "
            "in the policy's PolicyVariables",
            g->name);
        f->group = g_strdup(g->name);
        g_ptr_array_add(findings, f);
    }
}

void
lint_check_policy(const Policy *policy, GPtrArray *findings)
{
    if (policy->info == NULL || !policy->info->from_json)
        return;
    if (policy->info->order == RULE_ORDER_STRICT) {
        check_default_drop(policy, findings);
        check_drop_strict(policy, findings);
    } else {
        Finding *f = policy_finding(
            policy, "action-order-policy",
            g_strdup_printf(
                "firewall policy '%s' uses DEFAULT_ACTION_ORDER%s: pass rules win over drop and "
                "alert rules whatever their position, unmatched traffic is passed, and alert "
                "twins cannot log allowed traffic; STRICT_ORDER with aws:drop_established is "
                "recommended",
                policy->info->name ? policy->info->name : "",
                policy->info->order_explicit ? "" : " (RuleOrder absent: the AWS default)"));
        g_ptr_array_add(findings, f);
    }
    check_rule_order(policy, findings);
    check_stateless(policy, findings);
    check_home_net(policy, findings);
}
