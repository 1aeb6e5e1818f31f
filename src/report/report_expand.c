/*
 * report_expand.c - the effective rules of a policy in evaluation order,
 * as Network Firewall holds them: text (one rule per line, group headers
 * and default actions as '#' comments, so the output still loads in
 * Suricata) and JSON.
 */
#include "report/report.h"

#include <string.h>

static void
print_group_header(GString *out, const RuleGroup *g, RuleOrder order)
{
    g_string_append(out, "# group ");
    base_escape_terminal(out, g->name);
    if (order == RULE_ORDER_STRICT && g->priority >= 0)
        g_string_append_printf(out, " (priority %d)", g->priority);
    g_string_append_printf(out, " [%s]", group_kind_name(g->kind));
    if (g->drop_to_alert)
        g_string_append(out, " override DROP_TO_ALERT");
    if (g->file != NULL) {
        g_string_append(out, " from ");
        base_escape_terminal(out, g->file);
    }
    g_string_append_c(out, '\n');
}

static RuleOrder
policy_order(const Policy *policy)
{
    return policy->order;
}

static gboolean
group_has_no_rules(const RuleGroup *g)
{
    return g->kind == GROUP_KIND_MANAGED || g->kind == GROUP_KIND_MISSING ||
           g->kind == GROUP_KIND_STATELESS;
}

static void
print_placeholder(GString *out, const RuleGroup *g, RuleOrder order)
{
    print_group_header(out, g, order);
    g_string_append(out, g->kind == GROUP_KIND_MANAGED   ? "#   managed: rule text not available\n"
                         : g->kind == GROUP_KIND_MISSING ? "#   referenced but not loaded\n"
                                                         : "#   stateless: not Suricata rules\n");
}

/* Strict order: group by group in priority order, each group's rules as
 * written.  Action order: the whole pool as Suricata sorts it; groups
 * without rules are listed first so that nothing referenced is left out. */
void
report_expand_text(FILE *out, const Policy *policy)
{
    GString *buf = g_string_new(NULL);
    RuleOrder order = policy_order(policy);
    g_string_append_printf(buf, "# evaluation order: %s\n", rule_order_name(order));
    if (order == RULE_ORDER_STRICT) {
        guint next = 0;
        for (guint i = 0; i < policy->groups->len; i++) {
            const RuleGroup *g = g_ptr_array_index(policy->groups, i);
            if (group_has_no_rules(g)) {
                print_placeholder(buf, g, order);
                continue;
            }
            gboolean header = FALSE;
            while (next < policy->eval_order->len) {
                const Rule *rule = g_ptr_array_index(policy->eval_order, next);
                if (rule->group != g)
                    break;
                if (!header) {
                    print_group_header(buf, g, order);
                    header = TRUE;
                }
                base_escape_terminal(buf, rule->text);
                g_string_append_c(buf, '\n');
                next++;
            }
        }
        /* Rules of groups not met above (should not happen): never drop one. */
        for (; next < policy->eval_order->len; next++) {
            const Rule *rule = g_ptr_array_index(policy->eval_order, next);
            base_escape_terminal(buf, rule->text);
            g_string_append_c(buf, '\n');
        }
    } else {
        for (guint i = 0; i < policy->groups->len; i++) {
            const RuleGroup *g = g_ptr_array_index(policy->groups, i);
            if (group_has_no_rules(g))
                print_placeholder(buf, g, order);
        }
        for (guint i = 0; i < policy->eval_order->len; i++) {
            const Rule *rule = g_ptr_array_index(policy->eval_order, i);
            base_escape_terminal(buf, rule->text);
            g_string_append_c(buf, '\n');
        }
    }
    if (policy->info != NULL && policy->info->stateful_default_actions->len > 0) {
        g_string_append(buf, "# default actions:");
        for (guint i = 0; i < policy->info->stateful_default_actions->len; i++) {
            g_string_append_c(buf, ' ');
            base_escape_terminal(buf, g_ptr_array_index(policy->info->stateful_default_actions, i));
        }
        g_string_append_c(buf, '\n');
    }
    fwrite(buf->str, 1, buf->len, out);
    g_string_free(buf, TRUE);
}

void
report_expand_json(FILE *out, const Policy *policy)
{
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddNumberToObject(doc, "schema_version", REPORT_SCHEMA_VERSION);
    cJSON_AddStringToObject(doc, "rule_order", rule_order_name(policy_order(policy)));
    cJSON *groups = cJSON_AddArrayToObject(doc, "groups");
    for (guint i = 0; i < policy->groups->len; i++) {
        const RuleGroup *g = g_ptr_array_index(policy->groups, i);
        cJSON *j = cJSON_CreateObject();
        cJSON_AddItemToObject(j, "name", base_json_string(g->name));
        cJSON_AddStringToObject(j, "kind", group_kind_name(g->kind));
        cJSON_AddNumberToObject(j, "priority", g->priority);
        cJSON_AddStringToObject(j, "rule_order", rule_order_name(g->order));
        cJSON_AddBoolToObject(j, "drop_to_alert", g->drop_to_alert);
        cJSON_AddItemToObject(j, "arn", base_json_string(g->arn));
        cJSON_AddItemToObject(j, "file", base_json_string(g->file));
        cJSON_AddNumberToObject(j, "rules", g->rules->len);
        cJSON_AddItemToArray(groups, j);
    }
    cJSON *rules = cJSON_AddArrayToObject(doc, "rules");
    for (guint i = 0; i < policy->eval_order->len; i++) {
        const Rule *rule = g_ptr_array_index(policy->eval_order, i);
        cJSON *j = cJSON_CreateObject();
        cJSON_AddItemToObject(j, "group", base_json_string(rule->group ? rule->group->name : NULL));
        cJSON_AddNumberToObject(j, "priority", rule->group ? rule->group->priority : -1);
        cJSON_AddNumberToObject(j, "index", rule->index);
        cJSON_AddNumberToObject(j, "sid", (double)rule->sid);
        cJSON_AddNumberToObject(j, "rev", rule->rev);
        cJSON_AddStringToObject(j, "action", rule_action_name(rule->action));
        cJSON_AddItemToObject(j, "protocol", base_json_string(rule->proto));
        cJSON_AddStringToObject(j, "signature_type", rule_sig_type_name(rule->sig_type));
        cJSON_AddStringToObject(j, "action_scope", rule_scope_name(rule->scope));
        cJSON_AddItemToObject(j, "msg", base_json_string(rule->msg));
        cJSON_AddItemToObject(j, "text", base_json_string(rule->text));
        cJSON_AddItemToObject(j, "file", base_json_string(rule->loc.file));
        cJSON_AddNumberToObject(j, "line", rule->loc.line);
        cJSON_AddItemToArray(rules, j);
    }
    cJSON *defaults = cJSON_AddArrayToObject(doc, "default_actions");
    if (policy->info != NULL)
        for (guint i = 0; i < policy->info->stateful_default_actions->len; i++)
            cJSON_AddItemToArray(defaults, base_json_string(g_ptr_array_index(
                                               policy->info->stateful_default_actions, i)));
    base_json_print(out, doc);
}
