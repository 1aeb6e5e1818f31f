/*
 * variables.c - rule variables resolved the way Network Firewall does.
 *
 * Lookup order for $NAME used by a rule of group G:
 *   1. G's RuleVariables (IPSets for addresses, PortSets for ports),
 *   2. the policy's PolicyVariables.RuleVariables (IP sets only),
 *   3. --var NAME=VALUE,
 *   4. defaults: HOME_NET = POLICY_DEFAULT_HOME_NET; EXTERNAL_NET = the
 *      negation of the *policy-level* HOME_NET (steps 2-4).  A group that
 *      overrides HOME_NET does not change EXTERNAL_NET: that is NFW's
 *      documented behaviour (nfw-reference.md section 3).
 * No other variable is predefined (no $HTTP_PORTS etc.): NFW documents only
 * HOME_NET and EXTERNAL_NET.  A $VAR that cannot be resolved makes Suricata
 * reject the rule, so it is a "syntax" finding and the rule is removed from
 * its group (group->rules only holds rules Suricata would load).  @NAME must
 * be declared in the group's ReferenceSets.IPSetReferences.
 */
#include "policy/policy_internal.h"

#include <string.h>

/* NFW's real default is the CIDR of the firewall's VPC, which no input
 * tells us.  RFC 1918 space, as in Suricata's default suricata.yaml, is the
 * usual superset of it.  This is the one place that decides; override with
 * --var HOME_NET=... or PolicyVariables. */
const char *const POLICY_DEFAULT_HOME_NET = "[10.0.0.0/8,172.16.0.0/12,192.168.0.0/16]";

char *
definitions_to_text(const GPtrArray *definitions)
{
    if (!definitions || definitions->len == 0)
        return g_strdup("[]");
    if (definitions->len == 1)
        return g_strdup(g_ptr_array_index(definitions, 0));
    GString *out = g_string_new("[");
    for (guint i = 0; i < definitions->len; i++) {
        if (i > 0)
            g_string_append_c(out, ',');
        g_string_append(out, g_ptr_array_index(definitions, i));
    }
    g_string_append_c(out, ']');
    return g_string_free(out, FALSE);
}

static const char *
policy_level_home_net(const Policy *policy)
{
    if (policy->info) {
        const char *v = g_hash_table_lookup(policy->var_text, "ip:HOME_NET");
        if (v)
            return v;
    }
    const char *cli = g_hash_table_lookup(policy->cli_vars, "HOME_NET");
    return cli ? cli : POLICY_DEFAULT_HOME_NET;
}

void
policy_refresh_vars(Policy *policy)
{
    GHashTable *text = policy->var_text;
    g_hash_table_remove_all(text);
    if (policy->info) {
        GHashTableIter it;
        gpointer key, value;
        g_hash_table_iter_init(&it, policy->info->variables);
        while (g_hash_table_iter_next(&it, &key, &value))
            g_hash_table_insert(text, g_strconcat("ip:", key, NULL), definitions_to_text(value));
    }
    const char *home = policy_level_home_net(policy);
    char *external = home[0] == '!' ? g_strdup(home + 1) : g_strconcat("!", home, NULL);
    g_hash_table_insert(text, g_strdup("default:EXTERNAL_NET"), external);
    g_hash_table_insert(text, g_strdup("default:HOME_NET"), g_strdup(home));
}

/* --var values are untyped: like Suricata's address-groups and port-groups,
 * a value serves where it parses ("[10.0.0.0/8]" is no port group). */
gboolean
cli_var_fits(const char *value, gboolean is_port)
{
    char *error = NULL;
    int offset = 0;
    NetExpr *e = is_port ? netexpr_parse_ports(value, &error, &offset)
                         : netexpr_parse_address(value, &error, &offset);
    g_free(error);
    netexpr_free(e);
    return e != NULL;
}

const char *
policy_lookup_var(const Policy *policy, const RuleGroup *group, const char *name, gboolean is_port)
{
    /* Called for every variable of every rule: build the key on the stack. */
    char key[64];
    if (g_snprintf(key, sizeof key, "%s%s", is_port ? "port:" : "ip:", name) >= (int)sizeof key)
        return NULL; /* longer than any valid variable name (32 characters) */
    if (group) {
        const char *v = g_hash_table_lookup(group->var_text, key);
        if (v)
            return v;
    }
    if (!is_port) {
        const char *v = g_hash_table_lookup(policy->var_text, key);
        if (v)
            return v;
    }
    const char *cli = g_hash_table_lookup(policy->cli_vars, name);
    guint fits = GPOINTER_TO_UINT(g_hash_table_lookup(policy->cli_var_fits, name));
    if (cli && (fits & (is_port ? CLI_VAR_FITS_PORT : CLI_VAR_FITS_ADDRESS)))
        return cli;
    if (!is_port && (strcmp(name, "HOME_NET") == 0 || strcmp(name, "EXTERNAL_NET") == 0)) {
        char dkey[64];
        g_snprintf(dkey, sizeof dkey, "default:%s", name);
        const char *v = g_hash_table_lookup(policy->var_text, dkey);
        if (v)
            return v;
        /* policy_refresh_vars not run yet (cannot happen after policy_new) */
        return strcmp(name, "HOME_NET") == 0 ? POLICY_DEFAULT_HOME_NET : NULL;
    }
    return NULL;
}

/* Reports the first unresolvable symbol of `expr`; TRUE when all resolve. */
static gboolean
check_expr(Policy *policy, RuleGroup *group, Rule *rule, const NetExpr *expr, int field,
           gboolean is_port)
{
    if (!expr)
        return TRUE;
    if (expr->kind == NETEXPR_GROUP) {
        for (guint i = 0; expr->items && i < expr->items->len; i++)
            if (!check_expr(policy, group, rule, g_ptr_array_index(expr->items, i), field, is_port))
                return FALSE;
        return TRUE;
    }
    const char *problem = NULL;
    g_autofree char *message = NULL;
    if (expr->kind == NETEXPR_VAR && !policy_lookup_var(policy, group, expr->name, is_port)) {
        message = g_strdup_printf("undefined variable $%s%s", expr->name,
                                  is_port ? " (no PortSet of that name)" : "");
        problem = message;
    } else if (expr->kind == NETEXPR_IPSET_REF &&
               !g_hash_table_contains(group->ip_set_refs, expr->name)) {
        message = g_strdup_printf("undefined IP set reference @%s: declare it in the rule "
                                  "group's ReferenceSets.IPSetReferences",
                                  expr->name);
        problem = message;
    }
    if (!problem)
        return TRUE;

    SourceLoc loc = rule->loc;
    if (loc.column > 0 && field >= 0 && field < 6)
        loc.column = rule_column_of(rule, rule->field_offset[field] + MAX(expr->offset, 0));
    Finding *f = finding_new("syntax", &loc, problem);
    policy_finding_set_rule(f, rule);
    policy_add_finding(policy, f);
    return FALSE;
}

static gboolean
rule_variables_resolve(Policy *policy, RuleGroup *group, Rule *rule)
{
    /* field_offset: action, proto, src, sport, dst, dport */
    return check_expr(policy, group, rule, rule->src_expr, 2, FALSE) &&
           check_expr(policy, group, rule, rule->src_ports_expr, 3, TRUE) &&
           check_expr(policy, group, rule, rule->dst_expr, 4, FALSE) &&
           check_expr(policy, group, rule, rule->dst_ports_expr, 5, TRUE);
}

typedef struct {
    const Policy *policy;
    const RuleGroup *group;
} VarScope;

static const char *
var_scope_lookup(const char *name, gpointer data)
{
    const VarScope *scope = data;
    return policy_lookup_var(scope->policy, scope->group, name, FALSE);
}

/* Removes the rules whose variables do not resolve, and computes the
 * signature type of the others again now that the values are known: a
 * variable holding a negation makes an ip_only rule like_ip_only. */
void
policy_check_variables(Policy *policy)
{
    for (guint g = 0; g < policy->groups->len; g++) {
        RuleGroup *group = g_ptr_array_index(policy->groups, g);
        for (guint i = 0; i < group->rules->len;) {
            Rule *rule = g_ptr_array_index(group->rules, i);
            if (!(rule->flags & RULE_F_DISABLED) && !rule_variables_resolve(policy, group, rule)) {
                g_ptr_array_remove_index(group->rules, i); /* frees the rule */
                continue;
            }
            if (netexpr_has_symbols(rule->src_expr) || netexpr_has_symbols(rule->dst_expr)) {
                VarScope scope = { policy, group };
                rule_classify(rule, var_scope_lookup, &scope);
            }
            i++;
        }
    }
}
