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

/* Streamed (base_json_writer): the same bytes as building a cJSON tree of
 * every rule and printing it, without the tree (a quarter of expand's time
 * on ET Open, bench/README.md). */
void
report_expand_json(FILE *out, const Policy *policy)
{
    BaseJsonWriter w;
    base_json_writer_init(&w, out);
    base_json_begin_object(&w, NULL);
    base_json_write_number(&w, "schema_version", REPORT_SCHEMA_VERSION);
    base_json_write_string(&w, "rule_order", rule_order_name(policy_order(policy)));
    base_json_begin_array(&w, "groups");
    for (guint i = 0; i < policy->groups->len; i++) {
        const RuleGroup *g = g_ptr_array_index(policy->groups, i);
        base_json_begin_object(&w, NULL);
        base_json_write_string(&w, "name", g->name);
        base_json_write_string(&w, "kind", group_kind_name(g->kind));
        base_json_write_number(&w, "priority", g->priority);
        base_json_write_string(&w, "rule_order", rule_order_name(g->order));
        base_json_write_bool(&w, "drop_to_alert", g->drop_to_alert);
        base_json_write_string(&w, "arn", g->arn);
        base_json_write_string(&w, "file", g->file);
        base_json_write_number(&w, "rules", g->rules->len);
        base_json_end(&w);
    }
    base_json_end(&w);
    base_json_begin_array(&w, "rules");
    for (guint i = 0; i < policy->eval_order->len; i++) {
        const Rule *rule = g_ptr_array_index(policy->eval_order, i);
        base_json_begin_object(&w, NULL);
        base_json_write_string(&w, "group", rule->group ? rule->group->name : NULL);
        base_json_write_number(&w, "priority", rule->group ? rule->group->priority : -1);
        base_json_write_number(&w, "index", rule->index);
        base_json_write_number(&w, "sid", (double)rule->sid);
        base_json_write_number(&w, "rev", rule->rev);
        base_json_write_string(&w, "action", rule_action_name(rule->action));
        base_json_write_string(&w, "protocol", rule->proto);
        base_json_write_string(&w, "signature_type", rule_sig_type_name(rule->sig_type));
        base_json_write_string(&w, "action_scope", rule_scope_name(rule->scope));
        base_json_write_string(&w, "msg", rule->msg);
        base_json_write_string(&w, "text", rule->text);
        base_json_write_string(&w, "file", rule->loc.file);
        base_json_write_number(&w, "line", rule->loc.line);
        base_json_end(&w);
    }
    base_json_end(&w);
    base_json_begin_array(&w, "default_actions");
    if (policy->info != NULL)
        for (guint i = 0; i < policy->info->stateful_default_actions->len; i++)
            base_json_write_string(&w, NULL,
                                   g_ptr_array_index(policy->info->stateful_default_actions, i));
    base_json_end(&w);
    base_json_end(&w);
}
