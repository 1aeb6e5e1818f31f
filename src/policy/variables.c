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
 * reject the rule, so the rule is removed from its group (group->rules only
 * holds rules Suricata would load) and counted: one "undefined-variable"
 * finding per variable says how many rules use it.  @NAME must be declared
 * in the group's ReferenceSets.IPSetReferences.  A field that leaves nothing
 * once resolved ("[$HOME_NET,!$HOME_NET]") is rejected too.
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

/* The rules that use one undefined variable: one undefined-variable
 * finding per name, not one per rule (a rule set written for other
 * variables has thousands). */
typedef struct {
    char *name;
    gboolean is_port;
    int rules;
    const Rule *first; /* where the finding points */
    const Rule *last;  /* last rule counted (a rule may use it twice) */
    SourceLoc first_loc;
    GPtrArray *others; /* SourceLoc* of the other rules (owned) */
} Undefined;

static void
loc_free(SourceLoc *loc)
{
    g_free(loc->file);
    g_free(loc);
}

static void
undefined_free(Undefined *u)
{
    g_free(u->name);
    g_free(u->first_loc.file);
    g_ptr_array_free(u->others, TRUE);
    g_free(u);
}

typedef struct {
    Policy *policy;
    RuleGroup *group;
    gboolean ports;
    GHashTable *exprs[2];  /* per group: name -> NetExpr* of its value (addresses, ports) */
    GHashTable *empty;     /* per group: "a:" / "p:" + field text -> GINT(1 empty, 2 not) */
    GHashTable *undefined; /* policy-wide: "ip:NAME" / "port:NAME" -> Undefined* */
    GPtrArray *undefined_order;
} VarCheck;

/* Reports the first unresolvable symbol of `expr`; TRUE when all resolve.
 * An undefined $NAME is counted in vc->undefined (reported once, later). */
static gboolean
check_expr(VarCheck *vc, Rule *rule, const NetExpr *expr, int field, gboolean is_port)
{
    if (!expr)
        return TRUE;
    if (expr->kind == NETEXPR_GROUP) {
        for (guint i = 0; expr->items && i < expr->items->len; i++)
            if (!check_expr(vc, rule, g_ptr_array_index(expr->items, i), field, is_port))
                return FALSE;
        return TRUE;
    }
    SourceLoc loc = rule->loc;
    if (loc.column > 0 && field >= 0 && field < 6)
        loc.column = rule_column_of(rule, rule->field_offset[field] + MAX(expr->offset, 0));
    if (expr->kind == NETEXPR_VAR &&
        !policy_lookup_var(vc->policy, vc->group, expr->name, is_port)) {
        g_autofree char *key = g_strconcat(is_port ? "port:" : "ip:", expr->name, NULL);
        Undefined *u = g_hash_table_lookup(vc->undefined, key);
        if (u == NULL) {
            u = g_new0(Undefined, 1);
            u->name = g_strdup(expr->name);
            u->is_port = is_port;
            u->first = rule;
            u->first_loc = loc;
            u->first_loc.file = g_strdup(loc.file);
            u->others = g_ptr_array_new_with_free_func((GDestroyNotify)loc_free);
            g_hash_table_insert(vc->undefined, g_strdup(key), u);
            g_ptr_array_add(vc->undefined_order, u);
        } else if (u->last != rule) {
            SourceLoc *other = g_new0(SourceLoc, 1);
            *other = loc;
            other->file = g_strdup(loc.file);
            g_ptr_array_add(u->others, other);
        }
        if (u->last != rule)
            u->rules++;
        u->last = rule;
        return FALSE;
    }
    if (expr->kind == NETEXPR_IPSET_REF &&
        !g_hash_table_contains(vc->group->ip_set_refs, expr->name)) {
        g_autofree char *message =
            g_strdup_printf("undefined IP set reference @%s: declare it in the rule "
                            "group's ReferenceSets.IPSetReferences",
                            expr->name);
        Finding *f = finding_new("syntax", &loc, message);
        policy_finding_set_rule(f, rule);
        policy_add_finding(vc->policy, f);
        return FALSE;
    }
    return TRUE;
}

static gboolean
has_ipset_ref(const NetExpr *e)
{
    if (e == NULL)
        return FALSE;
    if (e->kind == NETEXPR_IPSET_REF)
        return TRUE;
    for (guint i = 0; e->kind == NETEXPR_GROUP && e->items && i < e->items->len; i++)
        if (has_ipset_ref(g_ptr_array_index(e->items, i)))
            return TRUE;
    return FALSE;
}

static const NetExpr *
resolve_var(const char *name, gboolean ipset_ref, gpointer data)
{
    VarCheck *vc = data;
    if (ipset_ref)
        return NULL;
    GHashTable *cache = vc->exprs[vc->ports];
    gpointer value;
    if (g_hash_table_lookup_extended(cache, name, NULL, &value))
        return value;
    const char *text = policy_lookup_var(vc->policy, vc->group, name, vc->ports);
    NetExpr *expr = NULL;
    if (text != NULL) {
        char *error = NULL;
        int offset = 0;
        expr = vc->ports ? netexpr_parse_ports(text, &error, &offset)
                         : netexpr_parse_address(text, &error, &offset);
        g_free(error);
    }
    g_hash_table_insert(cache, g_strdup(name), expr);
    return expr;
}

/* Suricata rejects a field that leaves nothing once its variables are
 * resolved ("[$HOME_NET,!$HOME_NET]": DetectAddressMergeNot, "no addresses
 * left").  Fields without variables were checked by the parser. */
static gboolean
check_nonempty(VarCheck *vc, Rule *rule, const char *text, const NetExpr *expr, int field,
               gboolean is_port)
{
    if (expr == NULL || !netexpr_has_symbols(expr) || has_ipset_ref(expr))
        return TRUE;
    g_autofree char *key = g_strconcat(is_port ? "p:" : "a:", text, NULL);
    int known = GPOINTER_TO_INT(g_hash_table_lookup(vc->empty, key));
    char *error = NULL;
    if (known == 0) {
        vc->ports = is_port;
        NetSet *set = netset_from_expr(expr, is_port, resolve_var, vc, &error);
        known = set == NULL ? 1 : 2;
        netset_free(set);
        g_hash_table_insert(vc->empty, g_strdup(key), GINT_TO_POINTER(known));
    }
    if (known == 2) {
        g_free(error);
        return TRUE;
    }
    SourceLoc loc = rule->loc;
    if (loc.column > 0)
        loc.column = rule_column_of(rule, rule->field_offset[field]);
    g_autofree char *message = g_strdup_printf("%s once its variables are resolved",
                                               error != NULL ? error
                                               : is_port     ? "no ports left after negation"
                                                             : "no addresses left after negation");
    g_free(error);
    Finding *f = finding_new("syntax", &loc, message);
    policy_finding_set_rule(f, rule);
    policy_add_finding(vc->policy, f);
    return FALSE;
}

static gboolean
rule_variables_resolve(VarCheck *vc, Rule *rule)
{
    /* field_offset: action, proto, src, sport, dst, dport */
    if (!(check_expr(vc, rule, rule->src_expr, 2, FALSE) &
          check_expr(vc, rule, rule->src_ports_expr, 3, TRUE) &
          check_expr(vc, rule, rule->dst_expr, 4, FALSE) &
          check_expr(vc, rule, rule->dst_ports_expr, 5, TRUE)))
        return FALSE;
    return check_nonempty(vc, rule, rule->src, rule->src_expr, 2, FALSE) &&
           check_nonempty(vc, rule, rule->src_ports, rule->src_ports_expr, 3, TRUE) &&
           check_nonempty(vc, rule, rule->dst, rule->dst_expr, 4, FALSE) &&
           check_nonempty(vc, rule, rule->dst_ports, rule->dst_ports_expr, 5, TRUE);
}

static void
report_undefined(Policy *policy, const Undefined *u)
{
    const char *where = u->is_port ? "a PortSet of the rule group"
                                   : "the rule group's IPSets or the policy's RuleVariables";
    g_autofree char *message = g_strdup_printf(
        "undefined variable $%s in %d rule%s (Suricata rejects %s): define it with --var "
        "%s=VALUE or in %s",
        u->name, u->rules, u->rules == 1 ? "" : "s", u->rules == 1 ? "it" : "them", u->name, where);
    Finding *f = finding_new("undefined-variable", &u->first_loc, message);
    policy_finding_set_rule(f, u->first);
    g_autofree char *note = g_strdup_printf("also uses $%s", u->name);
    for (guint i = 0; i < u->others->len; i++)
        finding_add_related(f, g_ptr_array_index(u->others, i), note);
    policy_add_finding(policy, f);
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
    VarCheck vc = { .policy = policy };
    vc.undefined = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    vc.undefined_order = g_ptr_array_new_with_free_func((GDestroyNotify)undefined_free);
    GPtrArray *dropped = g_ptr_array_new_with_free_func((GDestroyNotify)rule_free);
    for (guint g = 0; g < policy->groups->len; g++) {
        RuleGroup *group = g_ptr_array_index(policy->groups, g);
        vc.group = group;
        for (int k = 0; k < 2; k++)
            vc.exprs[k] = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify)netexpr_free);
        vc.empty = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        for (guint i = 0; i < group->rules->len;) {
            Rule *rule = g_ptr_array_index(group->rules, i);
            if (!(rule->flags & RULE_F_DISABLED) && !rule_variables_resolve(&vc, rule)) {
                /* Suricata would not load it; kept alive until the
                 * undefined-variable findings have read it */
                g_ptr_array_add(dropped, g_ptr_array_steal_index(group->rules, i));
                continue;
            }
            if (netexpr_has_symbols(rule->src_expr) || netexpr_has_symbols(rule->dst_expr)) {
                VarScope scope = { policy, group };
                rule_classify(rule, var_scope_lookup, &scope);
            }
            i++;
        }
        for (int k = 0; k < 2; k++)
            g_hash_table_destroy(vc.exprs[k]);
        g_hash_table_destroy(vc.empty);
    }
    for (guint i = 0; i < vc.undefined_order->len; i++)
        report_undefined(policy, g_ptr_array_index(vc.undefined_order, i));
    g_ptr_array_free(vc.undefined_order, TRUE);
    g_hash_table_destroy(vc.undefined);
    g_ptr_array_free(dropped, TRUE);
}
