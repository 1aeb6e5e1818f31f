/*
 * lint_flow.c - flow-state mistakes: connectionless-established and
 * flowbits-unset.
 *
 * connectionless-established: a drop or reject on UDP, ICMP (or an
 * app-layer protocol that only runs over UDP) with flow:established misses
 * the first packet of every flow (a UDP flow is established only after
 * packets both ways).  The fix is the rule without `established`.
 *
 * flowbits-unset: flowbits are per flow and shared by every rule of the
 * policy, so setters and checkers are collected across all groups.
 * `set` and `toggle` set a bit; `isset`/`isnotset` check it (names joined
 * with | or & are each checked).  One finding per bit, at its first use.
 * When the policy references managed or missing groups, whose text we do
 * not have, the message says so.
 */
#include <string.h>

#include "lint/lint.h"
#include "lint/lint_fix.h"
#include "lint/lint_match.h"
#include "rules/rules.h"

static void
check_established(const Rule *rule, GPtrArray *findings)
{
    if ((rule->action == RULE_ACTION_ALERT || rule->action == RULE_ACTION_PASS ||
         rule->action == RULE_ACTION_CONFIG) ||
        !match_proto_is_connectionless(rule->proto) || !(rule->flow & RULE_FLOW_ESTABLISHED))
        return;
    const RuleOption *flow = rule_find_option(rule, "flow");
    g_return_if_fail(flow != NULL && flow->value != NULL); /* Rule.flow comes from it */
    /* The fix: the flow value as written, without the established token. */
    char **tokens = g_strsplit(flow->value, ",", -1);
    GString *kept = g_string_new(NULL);
    for (char **t = tokens; *t; t++) {
        char *s = g_strstrip(*t);
        if (strcmp(s, "established") != 0)
            g_string_append_printf(kept, "%s%s", kept->len ? "," : "", s);
    }
    g_strfreev(tokens);

    SourceLoc loc = rule->loc;
    loc.column = rule_column_of(rule, flow->offset);
    Finding *f = finding_new_printf(
        "connectionless-established", &loc,
        "flow:established on a %s %s rule: a %s flow is established only after packets in "
        "both directions, so the first packet (a query, a ping) is never matched and gets "
        "through",
        rule_action_name(rule->action), rule->proto, rule->proto);
    policy_finding_set_rule(f, rule);
    char *fix = fix_replace_option(rule, "flow", kept->len ? kept->str : NULL);
    finding_set_fix(f, fix);
    g_free(fix);
    g_ptr_array_add(findings, f);
    g_string_free(kept, TRUE);
}

void
lint_check_connectionless(const Policy *policy, GPtrArray *findings)
{
    for (guint i = 0; i < policy->eval_order->len; i++)
        check_established(g_ptr_array_index(policy->eval_order, i), findings);
}

typedef struct {
    const Rule *rule; /* first rule using the bit this way */
    const RuleOption *opt;
} BitUse;

static void
note_use(GHashTable *table, const char *name, const Rule *rule, const RuleOption *opt,
         GPtrArray *order)
{
    if (g_hash_table_contains(table, name))
        return;
    BitUse *use = g_new0(BitUse, 1);
    use->rule = rule;
    use->opt = opt;
    char *key = g_strdup(name);
    g_hash_table_insert(table, key, use);
    if (order != NULL)
        g_ptr_array_add(order, key);
}

static void
collect_flowbits(const Rule *rule, GHashTable *setters, GHashTable *checkers, GPtrArray *set_order,
                 GPtrArray *check_order)
{
    for (guint i = 0; i < rule->options->len; i++) {
        const RuleOption *opt = g_ptr_array_index(rule->options, i);
        if (opt->kw == NULL || strcmp(opt->kw->canonical, "flowbits") != 0 || opt->value == NULL)
            continue;
        char **parts = g_strsplit(opt->value, ",", 2);
        char *cmd = g_strstrip(parts[0]);
        char *names = parts[1] ? g_strstrip(parts[1]) : NULL;
        if (names != NULL) {
            char **bits = g_strsplit_set(names, "|&", -1);
            for (char **b = bits; *b; b++) {
                char *bit = g_strstrip(*b);
                if (*bit == '\0')
                    continue;
                if (strcmp(cmd, "set") == 0 || strcmp(cmd, "toggle") == 0)
                    note_use(setters, bit, rule, opt, set_order);
                else if (strcmp(cmd, "isset") == 0 || strcmp(cmd, "isnotset") == 0)
                    note_use(checkers, bit, rule, opt, check_order);
            }
            g_strfreev(bits);
        }
        g_strfreev(parts);
    }
}

static gboolean
has_unseen_groups(const Policy *policy)
{
    for (guint i = 0; i < policy->groups->len; i++) {
        const RuleGroup *g = g_ptr_array_index(policy->groups, i);
        if (g->kind == GROUP_KIND_MANAGED || g->kind == GROUP_KIND_MISSING)
            return TRUE;
    }
    return FALSE;
}

static void
report_bit(const BitUse *use, const char *bit, gboolean checked_unset, const char *caveat,
           GPtrArray *findings)
{
    SourceLoc loc = use->rule->loc;
    loc.column = rule_column_of(use->rule, use->opt->offset);
    Finding *f;
    if (checked_unset)
        f = finding_new_printf(
            "flowbits-unset", &loc,
            "flowbit '%s' is checked (%s) but no rule of the policy sets it: the check is "
            "always %s%s",
            bit, use->opt->value,
            g_str_has_prefix(use->opt->value, "isnotset") ? "true"
                                                          : "false, the rule never "
                                                            "matches",
            caveat);
    else
        f = finding_new_printf(
            "flowbits-unset", &loc,
            "flowbit '%s' is set but no rule of the policy checks it: the set does nothing%s", bit,
            caveat);
    policy_finding_set_rule(f, use->rule);
    g_ptr_array_add(findings, f);
}

void
lint_check_flowbits(const Policy *policy, GPtrArray *findings)
{
    GHashTable *setters = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    GHashTable *checkers = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    GPtrArray *set_order = g_ptr_array_new(), *check_order = g_ptr_array_new();
    for (guint i = 0; i < policy->eval_order->len; i++)
        collect_flowbits(g_ptr_array_index(policy->eval_order, i), setters, checkers, set_order,
                         check_order);
    const char *caveat = has_unseen_groups(policy)
                             ? " (managed or missing rule groups of the policy were not checked)"
                             : "";
    for (guint i = 0; i < check_order->len; i++) {
        const char *bit = g_ptr_array_index(check_order, i);
        if (!g_hash_table_contains(setters, bit))
            report_bit(g_hash_table_lookup(checkers, bit), bit, TRUE, caveat, findings);
    }
    for (guint i = 0; i < set_order->len; i++) {
        const char *bit = g_ptr_array_index(set_order, i);
        if (!g_hash_table_contains(checkers, bit))
            report_bit(g_hash_table_lookup(setters, bit), bit, FALSE, caveat, findings);
    }
    g_ptr_array_free(set_order, TRUE);
    g_ptr_array_free(check_order, TRUE);
    g_hash_table_destroy(setters);
    g_hash_table_destroy(checkers);
}
