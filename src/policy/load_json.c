/*
 * load_json.c - Network Firewall JSON (rule groups and firewall policies)
 * into the Policy model.
 *
 * Accepted documents, recognised by their members (not the file name):
 *  - describe-rule-group output  {"RuleGroup", "RuleGroupResponse", "UpdateToken"}
 *  - create-rule-group input     {"RuleGroupName", "Type", "Capacity",
 *                                 "RuleGroup" or "Rules"}
 *  - a bare RuleGroup            {"RulesSource", ...}
 *  - describe-firewall-policy    {"FirewallPolicy", "FirewallPolicyResponse", ...}
 *  - create-firewall-policy      {"FirewallPolicyName", "FirewallPolicy"}
 *  - a bare FirewallPolicy       {"StatefulRuleGroupReferences", "StatelessDefaultActions", ...}
 * Member names are matched case-insensitively (cJSON_GetObjectItem), so the
 * camelCase of CDK/SDK dumps loads too.
 *
 * Errors: bad JSON or an unrecognised document is a GError naming
 * file:line:column; a member of the wrong type inside a recognised document
 * is a "syntax" Finding naming the member path and the line of its key
 * (json_loc.c), and the member is ignored.
 * RulesString rules (and create-rule-group's Rules) are located at their
 * real place in the file (embed_map.c): a JSON string is one physical
 * line, so every rule is on the line of its key, at the column where it is
 * written.  Generated rules (domain lists, StatefulRules) point at the
 * line of the target / StatefulRules item, column 0.
 * The same code loads the API-shaped documents that the CloudFormation and
 * Terraform loaders (load_iac.c) build: their JsonLocIndex is a view that
 * maps each API path to where the template or plan writes it.
 */
#include "policy/policy_internal.h"

#include <string.h>


typedef struct {
    Policy *policy;
    const char *file;
    const JsonLocIndex *locs;
} JsonCtx;

static const char *
json_type_name(const cJSON *v)
{
    if (cJSON_IsString(v))
        return "a string";
    if (cJSON_IsNumber(v))
        return "a number";
    if (cJSON_IsBool(v))
        return "a boolean";
    if (cJSON_IsNull(v))
        return "null";
    if (cJSON_IsArray(v))
        return "an array";
    if (cJSON_IsObject(v))
        return "an object";
    return "an invalid value";
}

static char *
member_path(const char *parent, const char *key)
{
    return parent && parent[0] ? g_strconcat(parent, ".", key, NULL) : g_strdup(key);
}

static void ctx_finding(JsonCtx *ctx, const char *path, const char *group, const char *fmt, ...)
    G_GNUC_PRINTF(4, 5);

static void
ctx_finding(JsonCtx *ctx, const char *path, const char *group, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g_autofree char *what = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    SourceLoc loc = { (char *)ctx->file, json_loc_line(ctx->locs, path), 0 };
    Finding *f = finding_new_printf("syntax", &loc, "%s: %s", path, what);
    if (group) {
        g_free(f->group);
        f->group = g_strdup(group);
    }
    policy_add_finding(ctx->policy, f);
}

enum {
    T_STRING = 1 << 0,
    T_NUMBER = 1 << 1,
    T_BOOL = 1 << 2,
    T_ARRAY = 1 << 3,
    T_OBJECT = 1 << 4,
    T_INT = 1 << 5,
};

static const char *
expected_name(int types)
{
    if (types & T_INT)
        return "an integer";
    if (types & T_STRING)
        return "a string";
    if (types & T_NUMBER)
        return "a number";
    if (types & T_BOOL)
        return "a boolean";
    if (types & T_ARRAY)
        return "an array";
    return "an object";
}

static gboolean
type_ok(const cJSON *v, int types)
{
    if ((types & T_STRING) && cJSON_IsString(v))
        return TRUE;
    if ((types & T_BOOL) && cJSON_IsBool(v))
        return TRUE;
    if ((types & T_ARRAY) && cJSON_IsArray(v))
        return TRUE;
    if ((types & T_OBJECT) && cJSON_IsObject(v))
        return TRUE;
    if ((types & T_NUMBER) && cJSON_IsNumber(v))
        return TRUE;
    if ((types & T_INT) && cJSON_IsNumber(v)) {
        double d = v->valuedouble;
        /* Range before the cast: (long long)1e300 is undefined behaviour. */
        return d >= -2147483648.0 && d <= 2147483647.0 && d == (double)(long long)d;
    }
    return FALSE;
}

/* The member `key` of `obj` when it has one of `types`; NULL when absent
 * (or JSON null) or of the wrong type (then a finding).  *path_out, when
 * given, receives the member's path (caller frees). */
static const cJSON *
get_member(JsonCtx *ctx, const cJSON *obj, const char *obj_path, const char *key, int types,
           const char *group, char **path_out)
{
    const cJSON *v = cJSON_GetObjectItem(obj, key);
    if (path_out)
        *path_out = NULL;
    if (!v || cJSON_IsNull(v))
        return NULL;
    g_autofree char *path = member_path(obj_path, v->string ? v->string : key);
    if (!type_ok(v, types)) {
        ctx_finding(ctx, path, group, "expected %s, got %s", expected_name(types),
                    json_type_name(v));
        return NULL;
    }
    if (path_out)
        *path_out = g_steal_pointer(&path);
    return v;
}

static const char *
get_string(JsonCtx *ctx, const cJSON *obj, const char *obj_path, const char *key, const char *group)
{
    const cJSON *v = get_member(ctx, obj, obj_path, key, T_STRING, group, NULL);
    return v ? v->valuestring : NULL;
}

static int
get_int(JsonCtx *ctx, const cJSON *obj, const char *obj_path, const char *key, const char *group,
        int fallback)
{
    const cJSON *v = get_member(ctx, obj, obj_path, key, T_INT, group, NULL);
    return v ? (int)v->valuedouble : fallback;
}

/* An array of strings into `out` (char*, owned); wrong items are findings. */
static void
get_string_list(JsonCtx *ctx, const cJSON *obj, const char *obj_path, const char *key,
                const char *group, GPtrArray *out)
{
    g_autofree char *path = NULL;
    const cJSON *arr = get_member(ctx, obj, obj_path, key, T_ARRAY, group, &path);
    const cJSON *item;
    int i = 0;
    cJSON_ArrayForEach(item, arr)
    {
        if (cJSON_IsString(item)) {
            g_ptr_array_add(out, g_strdup(item->valuestring));
        } else {
            g_autofree char *ipath = g_strdup_printf("%s[%d]", path, i);
            ctx_finding(ctx, ipath, group, "expected a string, got %s", json_type_name(item));
        }
        i++;
    }
}

/* Each Definition entry must be what Suricata accepts in an address (or
 * port) field; a bad one would make every rule using the variable fail. */
static void
check_definitions(JsonCtx *ctx, const char *set_path, const char *group, const GPtrArray *defs,
                  gboolean ports)
{
    for (guint i = 0; i < defs->len; i++) {
        const char *def = g_ptr_array_index(defs, i);
        char *problem = NULL;
        int offset = 0;
        NetExpr *e = ports ? netexpr_parse_ports(def, &problem, &offset)
                           : netexpr_parse_address(def, &problem, &offset);
        if (e) {
            netexpr_free(e);
            continue;
        }
        g_autofree char *path = g_strdup_printf("%s.Definition[%u]", set_path, i);
        ctx_finding(ctx, path, group, "invalid %s '%s': %s", ports ? "port" : "address", def,
                    problem ? problem : "not accepted");
        g_free(problem);
    }
}

/* {"NAME": {"Definition": [..]}} (IPSets, PortSets, PolicyVariables) */
static void
load_definitions(JsonCtx *ctx, const cJSON *obj, const char *obj_path, const char *key,
                 const char *group, GHashTable *out, GHashTable *text_out, const char *text_prefix)
{
    g_autofree char *path = NULL;
    const cJSON *sets = get_member(ctx, obj, obj_path, key, T_OBJECT, group, &path);
    const cJSON *set;
    cJSON_ArrayForEach(set, sets)
    {
        g_autofree char *set_path = member_path(path, set->string);
        if (!cJSON_IsObject(set)) {
            ctx_finding(ctx, set_path, group, "expected an object with a Definition, got %s",
                        json_type_name(set));
            continue;
        }
        GPtrArray *defs = g_ptr_array_new_with_free_func(g_free);
        get_string_list(ctx, set, set_path, "Definition", group, defs);
        check_definitions(ctx, set_path, group, defs, strcmp(key, "PortSets") == 0);
        if (!cJSON_GetObjectItem(set, "Definition"))
            ctx_finding(ctx, set_path, group, "missing Definition (required)");
        if (text_out)
            g_hash_table_replace(text_out, g_strconcat(text_prefix, set->string, NULL),
                                 definitions_to_text(defs));
        g_hash_table_replace(out, g_strdup(set->string), defs);
    }
}

static gboolean
parse_rule_order(JsonCtx *ctx, const cJSON *obj, const char *obj_path, const char *group,
                 RuleOrder *order)
{
    g_autofree char *path = NULL;
    const cJSON *v = get_member(ctx, obj, obj_path, "RuleOrder", T_STRING, group, &path);
    if (!v)
        return FALSE;
    if (strcmp(v->valuestring, "STRICT_ORDER") == 0) {
        *order = RULE_ORDER_STRICT;
        return TRUE;
    }
    if (strcmp(v->valuestring, "DEFAULT_ACTION_ORDER") == 0) {
        *order = RULE_ORDER_ACTION;
        return TRUE;
    }
    ctx_finding(ctx, path, group, "unknown RuleOrder '%s' (STRICT_ORDER or DEFAULT_ACTION_ORDER)",
                v->valuestring);
    return FALSE;
}

/* Rule text held in a string (RulesString, create-rule-group Rules) at
 * member `path`: located at its real line and column in the file. */
static void
load_rules_string(JsonCtx *ctx, RuleGroup *group, const char *text, const char *path)
{
    gsize len = strlen(text);
    EmbedMap *map = embed_map_new(ctx->locs, path, text, len);
    rule_group_parse_embedded(group, text, len, ctx->file, map, &ctx->policy->parse_options,
                              ctx->policy->findings);
    embed_map_free(map);
    group->kind = GROUP_KIND_RULES_STRING;
}

static void
load_domain_list(JsonCtx *ctx, RuleGroup *group, const cJSON *list, const char *path)
{
    DomainList *dl = g_new0(DomainList, 1);
    dl->targets = g_ptr_array_new_with_free_func(g_free);
    get_string_list(ctx, list, path, "Targets", group->name, dl->targets);

    GPtrArray *types = g_ptr_array_new_with_free_func(g_free);
    g_autofree char *types_path = member_path(path, "TargetTypes");
    get_string_list(ctx, list, path, "TargetTypes", group->name, types);
    for (guint i = 0; i < types->len; i++) {
        const char *t = g_ptr_array_index(types, i);
        if (strcmp(t, "TLS_SNI") == 0)
            dl->tls_sni = TRUE;
        else if (strcmp(t, "HTTP_HOST") == 0)
            dl->http_host = TRUE;
        else
            ctx_finding(ctx, types_path, group->name,
                        "unknown target type '%s' (TLS_SNI or HTTP_HOST)", t);
    }
    g_ptr_array_unref(types);

    g_autofree char *gen_path = member_path(path, "GeneratedRulesType");
    const char *gen = get_string(ctx, list, path, "GeneratedRulesType", group->name);
    if (gen && strcmp(gen, "ALLOWLIST") && strcmp(gen, "DENYLIST") && strcmp(gen, "REJECTLIST") &&
        strcmp(gen, "ALERTLIST")) {
        ctx_finding(ctx, gen_path, group->name,
                    "unknown GeneratedRulesType '%s' "
                    "(ALLOWLIST, DENYLIST, REJECTLIST or ALERTLIST)",
                    gen);
        gen = NULL;
    } else if (!gen && !cJSON_GetObjectItem(list, "GeneratedRulesType")) {
        ctx_finding(ctx, path, group->name, "missing GeneratedRulesType (required)");
    }
    dl->generated_type = g_strdup(gen);
    group->kind = GROUP_KIND_DOMAIN_LIST;
    group->domain_list = dl;

    /* Generated rules point at their target's line; the catch-all drops
     * at GeneratedRulesType's.  Same walk as domain_list_expand(). */
    GPtrArray *lines = domain_list_expand(dl, group->order);
    g_autofree char *targets_path = member_path(path, "Targets");
    guint per_type = dl->targets->len + (gen && strcmp(gen, "ALLOWLIST") == 0 ? 1 : 0);
    for (guint i = 0; i < lines->len; i++) {
        guint k = per_type ? i % per_type : 0;
        g_autofree char *tpath = g_strdup_printf("%s[%u]", targets_path, k);
        int line = k < dl->targets->len ? json_loc_line(ctx->locs, tpath)
                                        : json_loc_line(ctx->locs, gen_path);
        SourceLoc loc = { (char *)ctx->file, line, 0 };
        rule_group_add_text(group, g_ptr_array_index(lines, i), &loc, &ctx->policy->parse_options,
                            ctx->policy->findings);
    }
    g_ptr_array_unref(lines);
}

static void
load_stateful_rules(JsonCtx *ctx, RuleGroup *group, const cJSON *rules, const char *path)
{
    group->kind = GROUP_KIND_STATEFUL_RULES;
    const cJSON *item;
    int i = 0;
    cJSON_ArrayForEach(item, rules)
    {
        g_autofree char *ipath = g_strdup_printf("%s[%d]", path, i++);
        g_autofree char *bad_member = NULL, *problem = NULL;
        g_autofree char *text = stateful_rule_to_text(item, &bad_member, &problem);
        if (!text) {
            g_autofree char *mpath =
                bad_member[0] ? member_path(ipath, bad_member) : g_strdup(ipath);
            ctx_finding(ctx, mpath, group->name, "%s", problem);
            continue;
        }
        SourceLoc loc = { (char *)ctx->file, json_loc_line(ctx->locs, ipath), 0 };
        rule_group_add_text(group, text, &loc, &ctx->policy->parse_options, ctx->policy->findings);
    }
}

static void
load_rules_source(JsonCtx *ctx, RuleGroup *group, const cJSON *rg, const char *rg_path)
{
    g_autofree char *src_path = NULL;
    const cJSON *src =
        get_member(ctx, rg, rg_path, "RulesSource", T_OBJECT, group->name, &src_path);
    if (!src) {
        if (!cJSON_GetObjectItem(rg, "RulesSource")) {
            g_autofree char *p = rg_path[0] ? g_strdup(rg_path) : g_strdup("RuleGroup");
            ctx_finding(ctx, p, group->name, "missing RulesSource (required)");
        }
        return;
    }
    static const char *kinds[] = {
        "RulesString",
        "RulesSourceList",
        "StatefulRules",
        "StatelessRulesAndCustomActions",
    };
    int present = 0;
    for (gsize i = 0; i < G_N_ELEMENTS(kinds); i++)
        if (cJSON_GetObjectItem(src, kinds[i]))
            present++;
    if (present != 1)
        ctx_finding(
            ctx, src_path, group->name,
            present == 0
                ? "none of RulesString, RulesSourceList, StatefulRules, StatelessRulesAndCustomActions"
                : "more than one of RulesString, RulesSourceList, StatefulRules, "
                  "StatelessRulesAndCustomActions (AWS accepts exactly one); all are loaded");

    g_autofree char *p1 = NULL, *p2 = NULL, *p3 = NULL, *p4 = NULL;
    const cJSON *rs = get_member(ctx, src, src_path, "RulesString", T_STRING, group->name, &p1);
    if (rs)
        load_rules_string(ctx, group, rs->valuestring, p1);
    const cJSON *list =
        get_member(ctx, src, src_path, "RulesSourceList", T_OBJECT, group->name, &p2);
    if (list)
        load_domain_list(ctx, group, list, p2);
    const cJSON *stateful =
        get_member(ctx, src, src_path, "StatefulRules", T_ARRAY, group->name, &p3);
    if (stateful)
        load_stateful_rules(ctx, group, stateful, p3);
    const cJSON *stateless = get_member(ctx, src, src_path, "StatelessRulesAndCustomActions",
                                        T_OBJECT, group->name, &p4);
    if (stateless) {
        group->kind = GROUP_KIND_STATELESS;
        const cJSON *rules =
            get_member(ctx, stateless, p4, "StatelessRules", T_ARRAY, group->name, NULL);
        group->stateless_rule_count = cJSON_GetArraySize(rules);
    }
}

/* Everything about one rule group.  `rg` is the RuleGroup object (may be
 * NULL for create-rule-group with Rules), `rules_text` the Rules string. */
static void
load_rule_group(JsonCtx *ctx, const cJSON *rg, const char *rg_path, const char *name,
                const char *arn, int capacity, const char *type, const char *description,
                const char *rules_text)
{
    g_autofree char *fallback = NULL;
    if (!name) {
        g_autofree char *base = g_path_get_basename(ctx->file);
        char *dot = strrchr(base, '.');
        if (dot && dot != base)
            *dot = '\0';
        const char *slash = arn ? strrchr(arn, '/') : NULL;
        fallback = g_strdup(slash ? slash + 1 : base);
        name = fallback;
    }
    Policy *policy = ctx->policy;
    RuleGroup *group = rule_group_new(name, ctx->file, GROUP_KIND_RULES_STRING);
    group->arn = g_strdup(arn);
    group->capacity = capacity;
    group->type = g_strdup(type);
    group->description = g_strdup(description);
    group->priority = policy->next_file_priority++;
    group->order = RULE_ORDER_ACTION; /* the AWS default when RuleOrder is absent */
    group->order_explicit = FALSE;
    group->file_line = rg_path[0] ? json_loc_line(ctx->locs, rg_path) : 1;

    if (rg) {
        g_autofree char *opt_path = NULL;
        const cJSON *opts =
            get_member(ctx, rg, rg_path, "StatefulRuleOptions", T_OBJECT, name, &opt_path);
        if (opts && parse_rule_order(ctx, opts, opt_path, name, &group->order))
            group->order_explicit = TRUE;

        g_autofree char *vars_path = NULL;
        const cJSON *vars =
            get_member(ctx, rg, rg_path, "RuleVariables", T_OBJECT, name, &vars_path);
        if (vars) {
            load_definitions(ctx, vars, vars_path, "IPSets", name, group->ip_sets, group->var_text,
                             "ip:");
            load_definitions(ctx, vars, vars_path, "PortSets", name, group->port_sets,
                             group->var_text, "port:");
        }
        g_autofree char *refs_path = NULL;
        const cJSON *refsets =
            get_member(ctx, rg, rg_path, "ReferenceSets", T_OBJECT, name, &refs_path);
        g_autofree char *ipr_path = NULL;
        const cJSON *iprefs = refsets ? get_member(ctx, refsets, refs_path, "IPSetReferences",
                                                   T_OBJECT, name, &ipr_path)
                                      : NULL;
        const cJSON *ref;
        cJSON_ArrayForEach(ref, iprefs)
        {
            g_autofree char *rpath = member_path(ipr_path, ref->string);
            if (!cJSON_IsObject(ref)) {
                ctx_finding(ctx, rpath, name, "expected an object with a ReferenceArn, got %s",
                            json_type_name(ref));
                continue;
            }
            const char *rarn = get_string(ctx, ref, rpath, "ReferenceArn", name);
            g_hash_table_replace(group->ip_set_refs, g_strdup(ref->string),
                                 g_strdup(rarn ? rarn : ""));
        }
        load_rules_source(ctx, group, rg, rg_path);
    } else if (rules_text) {
        load_rules_string(ctx, group, rules_text, "Rules");
    }
    if (type && strcmp(type, "STATELESS") == 0)
        group->kind = GROUP_KIND_STATELESS;
    rule_group_index_rules(group);
    g_ptr_array_add(policy->groups, group);
}

static void
load_group_ref(JsonCtx *ctx, const cJSON *item, const char *path, GPtrArray *out, gboolean stateful)
{
    PolicyInfo *info = ctx->policy->info;
    if (!cJSON_IsObject(item)) {
        ctx_finding(ctx, path, NULL, "expected an object, got %s", json_type_name(item));
        return;
    }
    const char *arn = get_string(ctx, item, path, "ResourceArn", NULL);
    if (!arn) {
        if (!cJSON_GetObjectItem(item, "ResourceArn"))
            ctx_finding(ctx, path, NULL, "missing ResourceArn (required)");
        return;
    }
    GroupRef *ref = group_ref_new(arn, get_int(ctx, item, path, "Priority", NULL, -1));
    ref->file_line = json_loc_line(ctx->locs, path);
    if (stateful) {
        g_autofree char *ov_path = NULL;
        const cJSON *ov = get_member(ctx, item, path, "Override", T_OBJECT, NULL, &ov_path);
        const char *action = ov ? get_string(ctx, ov, ov_path, "Action", NULL) : NULL;
        if (action && strcmp(action, "DROP_TO_ALERT") == 0)
            ref->drop_to_alert = TRUE;
        else if (action)
            ctx_finding(ctx, ov_path, NULL, "unknown Override Action '%s' (DROP_TO_ALERT)", action);
        const cJSON *dti = get_member(ctx, item, path, "DeepThreatInspection", T_BOOL, NULL, NULL);
        if (dti) {
            ref->has_deep_threat_inspection = TRUE;
            ref->deep_threat_inspection = cJSON_IsTrue(dti);
        }
    }
    (void)info;
    g_ptr_array_add(out, ref);
}

static gboolean
load_policy(JsonCtx *ctx, const cJSON *fp, const char *fp_path, const char *name, const char *arn,
            const char *description, GError **error)
{
    Policy *policy = ctx->policy;
    if (policy->info) {
        g_set_error(error, POLICY_ERROR, POLICY_ERROR_USAGE,
                    "%s: a second firewall policy (the first came from %s): give one policy "
                    "per run",
                    ctx->file, policy->info->file);
        return FALSE;
    }
    PolicyInfo *info = policy_info_new(ctx->file);
    policy->info = info;
    if (!name) {
        const char *slash = arn ? strrchr(arn, '/') : NULL;
        g_autofree char *base = g_path_get_basename(ctx->file);
        char *dot = strrchr(base, '.');
        if (dot && dot != base)
            *dot = '\0';
        info->name = g_strdup(slash ? slash + 1 : base);
    } else {
        info->name = g_strdup(name);
    }
    info->arn = g_strdup(arn);
    info->description = g_strdup(description);
    info->file_line = fp_path[0] ? json_loc_line(ctx->locs, fp_path) : 1;

    get_string_list(ctx, fp, fp_path, "StatefulDefaultActions", NULL,
                    info->stateful_default_actions);
    get_string_list(ctx, fp, fp_path, "StatelessDefaultActions", NULL,
                    info->stateless_default_actions);
    get_string_list(ctx, fp, fp_path, "StatelessFragmentDefaultActions", NULL,
                    info->stateless_fragment_default_actions);

    g_autofree char *eng_path = NULL;
    const cJSON *eng =
        get_member(ctx, fp, fp_path, "StatefulEngineOptions", T_OBJECT, NULL, &eng_path);
    if (eng) {
        if (parse_rule_order(ctx, eng, eng_path, NULL, &info->order))
            info->order_explicit = TRUE;
        info->stream_exception_policy =
            g_strdup(get_string(ctx, eng, eng_path, "StreamExceptionPolicy", NULL));
        g_autofree char *ft_path = NULL;
        const cJSON *ft = get_member(ctx, eng, eng_path, "FlowTimeouts", T_OBJECT, NULL, &ft_path);
        if (ft)
            info->tcp_idle_timeout = get_int(ctx, ft, ft_path, "TcpIdleTimeoutSeconds", NULL, -1);
    }
    info->tls_inspection_arn =
        g_strdup(get_string(ctx, fp, fp_path, "TLSInspectionConfigurationArn", NULL));
    const cJSON *hold = get_member(ctx, fp, fp_path, "EnableTLSSessionHolding", T_BOOL, NULL, NULL);
    info->tls_session_holding = hold && cJSON_IsTrue(hold);

    g_autofree char *pv_path = NULL;
    const cJSON *pv = get_member(ctx, fp, fp_path, "PolicyVariables", T_OBJECT, NULL, &pv_path);
    if (pv)
        load_definitions(ctx, pv, pv_path, "RuleVariables", NULL, info->variables, NULL, NULL);

    static const struct {
        const char *key;
        gboolean stateful;
    } lists[] = {
        { "StatefulRuleGroupReferences", TRUE },
        { "StatelessRuleGroupReferences", FALSE },
    };
    for (gsize l = 0; l < G_N_ELEMENTS(lists); l++) {
        g_autofree char *rpath = NULL;
        const cJSON *refs = get_member(ctx, fp, fp_path, lists[l].key, T_ARRAY, NULL, &rpath);
        const cJSON *item;
        int i = 0;
        cJSON_ArrayForEach(item, refs)
        {
            g_autofree char *ipath = g_strdup_printf("%s[%d]", rpath, i++);
            load_group_ref(ctx, item, ipath, lists[l].stateful ? info->refs : info->stateless_refs,
                           lists[l].stateful);
        }
    }
    policy_refresh_vars(policy);
    return TRUE;
}

static gboolean
has(const cJSON *obj, const char *key)
{
    return cJSON_GetObjectItem(obj, key) != NULL;
}

static const char *
str_or_null(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItem(obj, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Dispatches on the document's members.  Returns FALSE (no error set) when
 * the document is neither a rule group nor a policy. */
static gboolean
load_document(JsonCtx *ctx, const cJSON *root, gboolean *recognised, GError **error)
{
    *recognised = TRUE;
    const cJSON *fp = cJSON_GetObjectItem(root, "FirewallPolicy");
    if (fp && !cJSON_IsObject(fp)) {
        /* A policy document with a broken FirewallPolicy: report, load it empty. */
        ctx_finding(ctx, fp->string, NULL, "expected an object, got %s", json_type_name(fp));
        cJSON *empty = cJSON_CreateObject();
        gboolean ok =
            load_policy(ctx, empty, "", str_or_null(root, "FirewallPolicyName"), NULL, NULL, error);
        cJSON_Delete(empty);
        return ok;
    }
    if (fp) {
        const cJSON *resp = cJSON_GetObjectItem(root, "FirewallPolicyResponse");
        const char *name = str_or_null(resp, "FirewallPolicyName");
        if (!name)
            name = str_or_null(root, "FirewallPolicyName");
        const char *desc = str_or_null(resp, "Description");
        if (!desc)
            desc = str_or_null(root, "Description");
        return load_policy(ctx, fp, fp->string, name, str_or_null(resp, "FirewallPolicyArn"), desc,
                           error);
    }
    if (has(root, "RuleGroup") || has(root, "RuleGroupResponse") ||
        (has(root, "RuleGroupName") && (has(root, "Rules") || has(root, "Type")))) {
        g_autofree char *resp_path = NULL;
        const cJSON *resp =
            get_member(ctx, root, "", "RuleGroupResponse", T_OBJECT, NULL, &resp_path);
        /* describe output keeps the facts in RuleGroupResponse, create input
         * at the top level. */
        const cJSON *facts = resp ? resp : root;
        const char *facts_path = resp ? resp_path : "";
        const char *name = get_string(ctx, facts, facts_path, "RuleGroupName", NULL);
        const char *type = get_string(ctx, facts, facts_path, "Type", name);
        int capacity = get_int(ctx, facts, facts_path, "Capacity", name, -1);
        const char *desc = get_string(ctx, facts, facts_path, "Description", name);
        /* An ARN at the top level: the documents load_iac.c builds. */
        const char *arn = get_string(ctx, facts, facts_path, "RuleGroupArn", name);
        g_autofree char *rg_path = NULL;
        const cJSON *rg = get_member(ctx, root, "", "RuleGroup", T_OBJECT, name, &rg_path);
        const char *rules = rg ? NULL : get_string(ctx, root, "", "Rules", name);
        const cJSON *rg_member = cJSON_GetObjectItem(root, "RuleGroup");
        if (rg == NULL && rules == NULL && (rg_member == NULL || cJSON_IsNull(rg_member)) &&
            !has(root, "Rules")) {
            /* {"RuleGroup": null}, or a RuleGroupResponse alone: a rule group
             * document without the rules, which would lint as clean. */
            int line = rg_member ? json_loc_line(ctx->locs, rg_member->string) : 1;
            g_set_error(error, POLICY_ERROR, POLICY_ERROR_FORMAT,
                        "%s:%d:1: %s: this rule-group document holds no rules (describe the "
                        "group again, or give its RuleGroup object)",
                        ctx->file, line, rg_member ? "RuleGroup is null" : "no RuleGroup");
            return FALSE;
        }
        load_rule_group(ctx, rg, rg_path ? rg_path : "", name, arn, capacity, type, desc, rules);
        return TRUE;
    }
    if (has(root, "RulesSource")) {
        load_rule_group(ctx, root, "", NULL, NULL, -1, NULL, NULL, NULL);
        return TRUE;
    }
    static const char *policy_members[] = {
        "StatefulRuleGroupReferences",
        "StatelessRuleGroupReferences",
        "StatelessDefaultActions",
        "StatelessFragmentDefaultActions",
        "StatefulDefaultActions",
        "StatefulEngineOptions",
        "PolicyVariables",
    };
    for (gsize i = 0; i < G_N_ELEMENTS(policy_members); i++)
        if (has(root, policy_members[i]))
            return load_policy(ctx, root, "", NULL, NULL, NULL, error);
    *recognised = FALSE;
    return FALSE;
}

cJSON *
policy_json_parse(const char *path, const char *text, gsize len, GError **error)
{
    const char *nul = memchr(text, '\0', len);
    if (nul) {
        int line, col;
        json_offset_to_line_col(text, len, (gsize)(nul - text), &line, &col);
        g_set_error(error, POLICY_ERROR, POLICY_ERROR_FORMAT, "%s:%d:%d: NUL byte in JSON", path,
                    line, col);
        return NULL;
    }
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, FALSE);
    if (!root) {
        const char *at = end ? end : cJSON_GetErrorPtr();
        gsize offset = at && at >= text && at <= text + len ? (gsize)(at - text) : len;
        /* A truncated document: point at the end of the file, where the
         * missing text belongs, not at the last token cJSON looked at. */
        gsize tail = offset;
        while (tail < len && g_ascii_isspace(text[tail]))
            tail++;
        if (tail >= len)
            offset = len;
        int line, col;
        json_offset_to_line_col(text, len, offset, &line, &col);
        g_set_error(error, POLICY_ERROR, POLICY_ERROR_FORMAT, "%s:%d:%d: invalid JSON%s", path,
                    line, col, offset >= len ? " (unexpected end of file)" : "");
        return NULL;
    }
    /* cJSON stops after the first value: anything but blanks after it is wrong. */
    gsize rest = end && end >= text && end <= text + len ? (gsize)(end - text) : len;
    while (rest < len && g_ascii_isspace(text[rest]))
        rest++;
    if (rest < len) {
        int line, col;
        json_offset_to_line_col(text, len, rest, &line, &col);
        g_set_error(error, POLICY_ERROR, POLICY_ERROR_FORMAT,
                    "%s:%d:%d: unexpected text after the JSON document", path, line, col);
        cJSON_Delete(root);
        return NULL;
    }
    if (!cJSON_IsObject(root)) {
        g_set_error(error, POLICY_ERROR, POLICY_ERROR_NOT_INPUT,
                    "%s:1:1: expected a JSON object (a rule group or a firewall policy), got %s",
                    path, json_type_name(root));
        cJSON_Delete(root);
        return NULL;
    }
    return root;
}

gboolean
policy_load_json_doc(Policy *policy, const char *file, const cJSON *doc, const JsonLocIndex *locs,
                     gboolean *recognised, GError **error)
{
    JsonCtx ctx = { policy, file, locs };
    return load_document(&ctx, doc, recognised, error);
}
