/*
 * eval_order.c - the order in which Network Firewall evaluates the rules of
 * the whole policy (Policy.eval_order).
 *
 * STRICT_ORDER: groups in policy->groups order (ascending Priority, set by
 * policy_finish), rules as written.  DEFAULT_ACTION_ORDER: all rules pooled
 * and sorted as Suricata 7 does (detect-engine-sigorder.c):
 *   1. action class: pass, drop, reject (all reject variants), alert
 *      (config rules last);
 *   2. flowbits use: setters first (set > set-and-read > read > not used),
 *      then likewise flowint, flowvar, pktvar, hostbits, xbits;
 *   3. priority: the priority keyword, else the classtype's, else 3;
 *   4. sid;
 * and the sort is stable, so rules equal on all of these keep load order.
 * Disabled rules and groups the policy does not reference are left out.
 * A group with Override DROP_TO_ALERT has its drop/reject rules sorted as
 * alerts (that is what they become).
 * Approximations (documented for the README): flowvar/pktvar "set" is a
 * pcre with a (?P<flow_..>/(?P<pkt_..> capture; xbits count as one class
 * whatever their track.
 */
#include "policy/policy_internal.h"

#include <stdlib.h>
#include <string.h>

#define DEFAULT_RULE_PRIORITY 3

int
rule_effective_priority(const Rule *rule)
{
    if (rule->priority >= 0)
        return rule->priority;
    const RuleOption *ct = rule_find_option(rule, "classtype");
    int p = ct && ct->value ? rule_classtype_priority(ct->value) : -1;
    return p >= 0 ? p : DEFAULT_RULE_PRIORITY;
}

static int
action_class(const Rule *rule)
{
    RuleAction action = rule->action;
    if (rule->group && rule->group->drop_to_alert && action != RULE_ACTION_PASS &&
        action != RULE_ACTION_CONFIG)
        action = RULE_ACTION_ALERT;
    switch (action) {
    case RULE_ACTION_PASS: return 0;
    case RULE_ACTION_DROP: return 1;
    case RULE_ACTION_REJECT:
    case RULE_ACTION_REJECTSRC:
    case RULE_ACTION_REJECTDST:
    case RULE_ACTION_REJECTBOTH: return 2;
    case RULE_ACTION_ALERT: return 3;
    case RULE_ACTION_CONFIG: return 4;
    }
    return 4;
}

/* Suricata's DETECT_*_NOT_USED 1, TYPE_READ 2, TYPE_SET_READ 3, TYPE_SET 4. */
static int
var_use_type(int reads, int writes)
{
    if (reads > 0 && writes > 0)
        return 3;
    if (writes > 0)
        return 4;
    if (reads > 0)
        return 2;
    return 1;
}

/* First comma-separated word of an option value, trimmed. */
static char *
first_word(const char *value)
{
    if (!value)
        return g_strdup("");
    const char *comma = strchr(value, ',');
    char *w = comma ? g_strndup(value, (gsize)(comma - value)) : g_strdup(value);
    return g_strstrip(w);
}

enum { VAR_FLOWBITS, VAR_FLOWINT, VAR_FLOWVAR, VAR_PKTVAR, VAR_HOSTBITS, VAR_XBITS, VAR_KINDS };

typedef struct {
    Rule *rule;
    guint position; /* load order, for stability */
    int action;
    int var_type[VAR_KINDS];
    int priority;
} SortKey;

static gboolean
bits_cmd_writes(const char *cmd)
{
    return strcmp(cmd, "set") == 0 || strcmp(cmd, "unset") == 0 || strcmp(cmd, "toggle") == 0;
}

static gboolean
bits_cmd_reads(const char *cmd)
{
    return strcmp(cmd, "isset") == 0 || strcmp(cmd, "isnotset") == 0;
}

static void
classify_vars(const Rule *rule, SortKey *key)
{
    int reads[VAR_KINDS] = { 0 }, writes[VAR_KINDS] = { 0 };
    for (guint i = 0; rule->options && i < rule->options->len; i++) {
        const RuleOption *opt = g_ptr_array_index(rule->options, i);
        const char *name = opt->name;
        int kind = -1;
        if (strcmp(name, "flowbits") == 0)
            kind = VAR_FLOWBITS;
        else if (strcmp(name, "hostbits") == 0)
            kind = VAR_HOSTBITS;
        else if (strcmp(name, "xbits") == 0)
            kind = VAR_XBITS;
        if (kind >= 0) {
            g_autofree char *cmd = first_word(opt->value);
            if (bits_cmd_writes(cmd))
                writes[kind]++;
            else if (bits_cmd_reads(cmd))
                reads[kind]++;
            continue;
        }
        if (strcmp(name, "flowint") == 0) {
            /* flowint: name, op[, value]; =, +, - write, the rest read. */
            const char *comma = opt->value ? strchr(opt->value, ',') : NULL;
            g_autofree char *op = first_word(comma ? comma + 1 : "");
            if (strcmp(op, "=") == 0 || strcmp(op, "+") == 0 || strcmp(op, "-") == 0)
                writes[VAR_FLOWINT]++;
            else
                reads[VAR_FLOWINT]++;
        } else if (strcmp(name, "flowvar") == 0) {
            reads[VAR_FLOWVAR]++;
        } else if (strcmp(name, "pktvar") == 0) {
            reads[VAR_PKTVAR]++;
        } else if (strcmp(name, "pcre") == 0 && opt->value) {
            if (strstr(opt->value, "?P<flow_"))
                writes[VAR_FLOWVAR]++;
            if (strstr(opt->value, "?P<pkt_"))
                writes[VAR_PKTVAR]++;
        }
    }
    for (int k = 0; k < VAR_KINDS; k++)
        key->var_type[k] = var_use_type(reads[k], writes[k]);
}

static int
compare_keys(const void *a, const void *b)
{
    const SortKey *ka = a, *kb = b;
    if (ka->action != kb->action)
        return ka->action < kb->action ? -1 : 1;
    for (int k = 0; k < VAR_KINDS; k++)
        if (ka->var_type[k] != kb->var_type[k])
            return ka->var_type[k] > kb->var_type[k] ? -1 : 1; /* setters first */
    if (ka->priority != kb->priority)
        return ka->priority < kb->priority ? -1 : 1;
    if (ka->rule->sid != kb->rule->sid)
        return ka->rule->sid < kb->rule->sid ? -1 : 1;
    return ka->position < kb->position ? -1 : ka->position > kb->position;
}

void
policy_build_eval_order(Policy *policy)
{
    g_ptr_array_set_size(policy->eval_order, 0);
    for (guint g = 0; g < policy->groups->len; g++) {
        RuleGroup *group = g_ptr_array_index(policy->groups, g);
        if (!group->referenced || group->kind == GROUP_KIND_STATELESS)
            continue;
        for (guint i = 0; i < group->rules->len; i++) {
            Rule *rule = g_ptr_array_index(group->rules, i);
            if (!(rule->flags & RULE_F_DISABLED))
                g_ptr_array_add(policy->eval_order, rule);
        }
    }
    if (policy->order == RULE_ORDER_STRICT || policy->eval_order->len < 2)
        return;

    guint n = policy->eval_order->len;
    SortKey *keys = g_new0(SortKey, n);
    for (guint i = 0; i < n; i++) {
        Rule *rule = g_ptr_array_index(policy->eval_order, i);
        keys[i].rule = rule;
        keys[i].position = i;
        keys[i].action = action_class(rule);
        keys[i].priority = rule_effective_priority(rule);
        classify_vars(rule, &keys[i]);
    }
    /* position is the last key, so qsort's instability cannot show. */
    qsort(keys, n, sizeof(SortKey), compare_keys);
    for (guint i = 0; i < n; i++)
        policy->eval_order->pdata[i] = keys[i].rule;
    g_free(keys);
}
