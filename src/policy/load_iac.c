/*
 * load_iac.c - where users keep their firewall as code: CloudFormation
 * templates (JSON or YAML) and Terraform (`terraform show -json` plan or
 * state, a raw terraform.tfstate, *.tf.json configuration).
 *
 * Each AWS::NetworkFirewall::RuleGroup / FirewallPolicy resource, or
 * aws_networkfirewall_rule_group / aws_networkfirewall_firewall_policy
 * resource, becomes the API-shaped document load_json.c already reads
 * (create-rule-group / create-firewall-policy input), so that one code
 * path checks every input.  Locations go through a JsonLocIndex view: a
 * finding points at the template or plan file and the line where it
 * writes the value, and rules of a RulesString at their own line.
 *
 * Decisions:
 *  - Values not known before deploy stay unresolved and are reported as
 *    `iac-unresolved` notes naming the reference, never guessed:
 *    CloudFormation Ref / Fn::GetAtt / Fn::Sub to anything but the cases
 *    below, Fn::If, Fn::ImportValue, Fn::Select ...; Terraform values a plan
 *    does not know yet, and "${...}" interpolations of *.tf.json.  An
 *    unresolved item of a list (a HOME_NET Definition entry) is left out;
 *    an unresolved member is left out; "${X}" left in a RulesString stays
 *    in the text (Suricata then rejects that rule, as the note explains).
 *  - What is resolved: a Ref (or Fn::GetAtt ...Arn) to a rule group of the
 *    same template or plan becomes an ARN ending in the group's name, so
 *    that the policy's references find their groups; a Ref to a parameter
 *    with a Default becomes the Default (noted: the deployed value may
 *    differ); Fn::Sub with such names, and Fn::Join of resolved parts.
 *    ${AWS::Region}-style pseudo parameters stay as written inside ARNs
 *    (a managed group's ARN is still recognised by its "aws-managed" part).
 *  - A group's name is its RuleGroupName when it is plain text, else the
 *    logical ID (CloudFormation) or the resource name (Terraform).
 *  - A template or plan with several firewall policies: the first in
 *    document order is checked and a note names the others (one policy
 *    per run, as for JSON inputs).
 *  - Terraform blocks are lists of objects (show -json) or objects or
 *    lists (*.tf.json); both are read.  For a plan, a reference whose ARN
 *    is not known yet (a group created by the same plan) is found through
 *    the configuration's expression references.
 *  - HCL (*.tf) is not read: Debian has no C parser for HCL 2 (only Go's
 *    hashicorp/hcl and Python's pyhcl for HCL 1); `terraform show -json`
 *    gives the same resources as JSON.
 */
#include "policy/policy_internal.h"

#include <string.h>

#include "base/base.h"

#define IAC_ARN_PREFIX "arn:aws:network-firewall:::stateful-rulegroup/"

typedef struct {
    Policy *policy;
    const char *file;
    const JsonLocIndex *locs; /* of the whole file */
    IacKind kind;
    const cJSON *root;
    /* CloudFormation */
    const cJSON *parameters;
    const cJSON *resources;
    GHashTable *group_names; /* logical ID / TF address -> group name */
    int policies_seen;
    GString *other_policies;
} IacCtx;

static void iac_note(IacCtx *c, const char *path, const char *fmt, ...) G_GNUC_PRINTF(3, 4);

/* An iac-unresolved note at the line where the file writes `path`. */
static void
iac_note(IacCtx *c, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g_autofree char *what = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    SourceLoc loc = { (char *)c->file, json_loc_line(c->locs, path), 0 };
    policy_add_finding(c->policy, finding_new_printf("iac-unresolved", &loc, "%s", what));
}

static const char *
str_member(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

IacKind
policy_iac_detect(const cJSON *root)
{
    if (!cJSON_IsObject(root))
        return IAC_NONE;
    const cJSON *res = cJSON_GetObjectItemCaseSensitive(root, "Resources");
    if (cJSON_GetObjectItemCaseSensitive(root, "AWSTemplateFormatVersion") || cJSON_IsObject(res))
        return IAC_CLOUDFORMATION;
    if (cJSON_GetObjectItemCaseSensitive(root, "format_version") &&
        (cJSON_GetObjectItemCaseSensitive(root, "values") ||
         cJSON_GetObjectItemCaseSensitive(root, "planned_values") ||
         cJSON_GetObjectItemCaseSensitive(root, "terraform_version")))
        return IAC_TERRAFORM_SHOW;
    if (cJSON_GetObjectItemCaseSensitive(root, "terraform_version") &&
        cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(root, "resources")))
        return IAC_TERRAFORM_STATE;
    if (cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(root, "resource")))
        return IAC_TERRAFORM_JSON;
    return IAC_NONE;
}

/* ------------------------------------------------------------------ */
/* CloudFormation                                                      */
/* ------------------------------------------------------------------ */

static const char *
cfn_type(IacCtx *c, const char *id)
{
    const cJSON *r = cJSON_GetObjectItemCaseSensitive(c->resources, id);
    return str_member(r, "Type");
}

static gboolean
cfn_is_group(IacCtx *c, const char *id)
{
    const char *t = cfn_type(c, id);
    return t && strcmp(t, "AWS::NetworkFirewall::RuleGroup") == 0;
}

static char *
cfn_group_arn(IacCtx *c, const char *id)
{
    const char *name = g_hash_table_lookup(c->group_names, id);
    return g_strconcat(IAC_ARN_PREFIX, name ? name : id, NULL);
}

/* The Default of parameter `name`, as text; NULL when none. */
static char *
cfn_param_default(IacCtx *c, const char *name)
{
    const cJSON *p = cJSON_GetObjectItemCaseSensitive(c->parameters, name);
    const cJSON *d = cJSON_GetObjectItemCaseSensitive(p, "Default");
    if (cJSON_IsString(d))
        return g_strdup(d->valuestring);
    if (cJSON_IsNumber(d))
        return g_strdup_printf("%g", d->valuedouble);
    return NULL;
}

static gboolean
cfn_param_is_list(IacCtx *c, const char *name)
{
    const cJSON *p = cJSON_GetObjectItemCaseSensitive(c->parameters, name);
    const char *t = str_member(p, "Type");
    return t && (strcmp(t, "CommaDelimitedList") == 0 || g_str_has_prefix(t, "List<"));
}

/* The text of one ${name} of a Fn::Sub, or NULL (then kept as written). */
static char *
cfn_sub_name(IacCtx *c, const char *name, const cJSON *vars, GPtrArray *defaults_used)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(vars, name);
    if (cJSON_IsString(v))
        return g_strdup(v->valuestring);
    char *dot = strchr(name, '.');
    if (dot != NULL) { /* ${Group.RuleGroupArn} */
        g_autofree char *id = g_strndup(name, (gsize)(dot - name));
        if (cfn_is_group(c, id) && strcmp(dot + 1, "RuleGroupArn") == 0)
            return cfn_group_arn(c, id);
        return NULL;
    }
    if (cfn_is_group(c, name))
        return cfn_group_arn(c, name);
    char *d = cfn_param_default(c, name);
    if (d != NULL)
        g_ptr_array_add(defaults_used, g_strdup(name));
    return d;
}

/* Fn::Sub: names it can resolve are replaced, the others kept as
 * "${Name}"; `unresolved` receives those names (not pseudo parameters). */
static char *
cfn_sub(IacCtx *c, const char *text, const cJSON *vars, GPtrArray *unresolved,
        GPtrArray *defaults_used)
{
    GString *out = g_string_new(NULL);
    const char *p = text;
    while (*p) {
        const char *open = strstr(p, "${");
        if (open == NULL) {
            g_string_append(out, p);
            break;
        }
        g_string_append_len(out, p, open - p);
        const char *close = strchr(open + 2, '}');
        if (close == NULL) {
            g_string_append(out, open);
            break;
        }
        g_autofree char *name = g_strndup(open + 2, (gsize)(close - open - 2));
        if (name[0] == '!') { /* ${!Literal} is the literal ${Literal} */
            g_string_append_printf(out, "${%s}", name + 1);
        } else {
            g_autofree char *value = cfn_sub_name(c, name, vars, defaults_used);
            if (value != NULL) {
                g_string_append(out, value);
            } else {
                g_string_append_len(out, open, close - open + 1);
                if (!g_str_has_prefix(name, "AWS::"))
                    g_ptr_array_add(unresolved, g_strdup(name));
            }
        }
        p = close + 1;
    }
    return g_string_free(out, FALSE);
}

static char *
intrinsic_text(const cJSON *v)
{
    char *json = cJSON_PrintUnformatted(v);
    if (json != NULL && strlen(json) > 80)
        strcpy(json + 77, "...");
    return json;
}

static cJSON *cfn_resolve(IacCtx *c, const cJSON *v, const char *path);

/* An intrinsic function object ({"Ref": ..}, {"Fn::X": ..}); NULL when it
 * stays unresolved (a note is made). */
static cJSON *
cfn_resolve_intrinsic(IacCtx *c, const cJSON *v, const char *path)
{
    const char *fn = v->child->string;
    const cJSON *arg = v->child;
    if (strcmp(fn, "Ref") == 0 && cJSON_IsString(arg)) {
        const char *name = arg->valuestring;
        if (cfn_is_group(c, name)) {
            g_autofree char *arn = cfn_group_arn(c, name);
            return cJSON_CreateString(arn);
        }
        g_autofree char *d = cfn_param_default(c, name);
        if (d != NULL) {
            iac_note(c, path,
                     "%s: Ref %s is a template parameter: checked with its Default '%s' "
                     "(the deployed value may differ)",
                     path, name, d);
            if (cfn_param_is_list(c, name)) {
                cJSON *arr = cJSON_CreateArray();
                char **items = g_strsplit(d, ",", -1);
                for (char **i = items; *i; i++)
                    cJSON_AddItemToArray(arr, cJSON_CreateString(g_strstrip(*i)));
                g_strfreev(items);
                return arr;
            }
            return cJSON_CreateString(d);
        }
        iac_note(
            c, path, "%s: Ref %s is not known before deploy (%s): checked without it", path, name,
            cJSON_GetObjectItemCaseSensitive(c->parameters, name) ? "a parameter without a Default"
            : g_str_has_prefix(name, "AWS::")                     ? "a pseudo parameter"
                                              : "not a rule group of this template");
        return NULL;
    }
    if (strcmp(fn, "Fn::GetAtt") == 0 && cJSON_IsArray(arg) && cJSON_GetArraySize(arg) == 2) {
        const char *id = cJSON_GetArrayItem(arg, 0)->valuestring;
        const char *attr = cJSON_GetArrayItem(arg, 1)->valuestring;
        if (id && attr && cfn_is_group(c, id) && strcmp(attr, "RuleGroupArn") == 0) {
            g_autofree char *arn = cfn_group_arn(c, id);
            return cJSON_CreateString(arn);
        }
    }
    if (strcmp(fn, "Fn::Sub") == 0 &&
        (cJSON_IsString(arg) ||
         (cJSON_IsArray(arg) && cJSON_IsString(cJSON_GetArrayItem(arg, 0))))) {
        const char *text =
            cJSON_IsString(arg) ? arg->valuestring : cJSON_GetArrayItem(arg, 0)->valuestring;
        const cJSON *vars = cJSON_IsArray(arg) ? cJSON_GetArrayItem(arg, 1) : NULL;
        GPtrArray *unresolved = g_ptr_array_new_with_free_func(g_free);
        GPtrArray *defaults = g_ptr_array_new_with_free_func(g_free);
        char *out = cfn_sub(c, text, vars, unresolved, defaults);
        for (guint i = 0; i < defaults->len; i++) {
            const char *pname = g_ptr_array_index(defaults, i);
            g_autofree char *d = cfn_param_default(c, pname);
            iac_note(c, path,
                     "%s: ${%s} in Fn::Sub is a template parameter: checked with its Default "
                     "'%s' (the deployed value may differ)",
                     path, pname, d);
        }
        for (guint i = 0; i < unresolved->len; i++)
            iac_note(c, path, "%s: ${%s} in Fn::Sub is not known before deploy: kept as written",
                     path, (char *)g_ptr_array_index(unresolved, i));
        g_ptr_array_unref(unresolved);
        g_ptr_array_unref(defaults);
        cJSON *s = cJSON_CreateString(out);
        g_free(out);
        return s;
    }
    if (strcmp(fn, "Fn::Join") == 0 && cJSON_IsArray(arg) && cJSON_GetArraySize(arg) == 2 &&
        cJSON_IsString(cJSON_GetArrayItem(arg, 0)) && cJSON_IsArray(cJSON_GetArrayItem(arg, 1))) {
        GString *out = g_string_new(NULL);
        const cJSON *part;
        int i = 0;
        gboolean ok = TRUE;
        cJSON_ArrayForEach(part, cJSON_GetArrayItem(arg, 1))
        {
            cJSON *r = cfn_resolve(c, part, path);
            if (!cJSON_IsString(r)) {
                ok = FALSE;
                cJSON_Delete(r);
                break;
            }
            if (i++ > 0)
                g_string_append(out, cJSON_GetArrayItem(arg, 0)->valuestring);
            g_string_append(out, r->valuestring);
            cJSON_Delete(r);
        }
        if (ok) {
            cJSON *s = cJSON_CreateString(out->str);
            g_string_free(out, TRUE);
            return s;
        }
        g_string_free(out, TRUE);
    }
    g_autofree char *shown = intrinsic_text(v);
    iac_note(c, path, "%s: %s is not known before deploy: checked without it", path, shown);
    return NULL;
}

static gboolean
is_intrinsic(const cJSON *v)
{
    if (!cJSON_IsObject(v) || v->child == NULL || v->child->next != NULL)
        return FALSE;
    const char *k = v->child->string;
    return strcmp(k, "Ref") == 0 || strcmp(k, "Condition") == 0 || g_str_has_prefix(k, "Fn::");
}

/* A copy of `v` with intrinsic functions resolved; NULL when `v` is an
 * intrinsic that stays unresolved. */
static cJSON *
cfn_resolve(IacCtx *c, const cJSON *v, const char *path)
{
    if (is_intrinsic(v))
        return cfn_resolve_intrinsic(c, v, path);
    if (cJSON_IsObject(v)) {
        cJSON *obj = cJSON_CreateObject();
        const cJSON *m;
        cJSON_ArrayForEach(m, v)
        {
            g_autofree char *p =
                path[0] ? g_strconcat(path, ".", m->string, NULL) : g_strdup(m->string);
            cJSON *r = cfn_resolve(c, m, p);
            if (r != NULL)
                cJSON_AddItemToObject(obj, m->string, r);
        }
        return obj;
    }
    if (cJSON_IsArray(v)) {
        cJSON *arr = cJSON_CreateArray();
        const cJSON *item;
        int i = 0;
        cJSON_ArrayForEach(item, v)
        {
            g_autofree char *p = g_strdup_printf("%s[%d]", path, i++);
            cJSON *r = cfn_resolve(c, item, p);
            if (r == NULL)
                continue;
            /* A reference whose ResourceArn stays unresolved is left out
             * (the note says so), not reported as a broken reference. */
            if (cJSON_IsObject(item) && cJSON_GetObjectItemCaseSensitive(item, "ResourceArn") &&
                !cJSON_GetObjectItemCaseSensitive(r, "ResourceArn")) {
                cJSON_Delete(r);
                continue;
            }
            /* A list parameter where an item was expected: its items. */
            if (cJSON_IsArray(r) && is_intrinsic(item)) {
                while (cJSON_GetArraySize(r) > 0)
                    cJSON_AddItemToArray(arr, cJSON_DetachItemFromArray(r, 0));
                cJSON_Delete(r);
            } else {
                cJSON_AddItemToArray(arr, r);
            }
        }
        return arr;
    }
    return cJSON_Duplicate(v, TRUE);
}

static gboolean
cfn_load_resource(IacCtx *c, const char *id, const cJSON *res, gboolean is_group, GError **error)
{
    g_autofree char *props_path = g_strdup_printf("Resources.%s.Properties", id);
    const cJSON *props = cJSON_GetObjectItemCaseSensitive(res, "Properties");
    if (!cJSON_IsObject(props)) {
        iac_note(c, props_path, "%s: no Properties: nothing to check", props_path);
        return TRUE;
    }
    cJSON *doc = cfn_resolve(c, props, props_path);
    if (!cJSON_IsObject(doc)) {
        /* Properties: !Ref X, Fn::If ...: nothing known before deploy. */
        cJSON_Delete(doc);
        return TRUE;
    }
    const char *name_key = is_group ? "RuleGroupName" : "FirewallPolicyName";
    const char *name = g_hash_table_lookup(c->group_names, id);
    if (!is_group) {
        const char *written = str_member(doc, name_key);
        name = written && !strstr(written, "${") ? written : id;
    }
    g_autofree char *name_copy = g_strdup(name);
    cJSON_DeleteItemFromObjectCaseSensitive(doc, name_key);
    cJSON_AddStringToObject(doc, name_key, name_copy);
    if (is_group) {
        g_autofree char *arn = cfn_group_arn(c, id);
        cJSON_AddStringToObject(doc, "RuleGroupArn", arn);
        /* Without a RuleGroup (and no Rules) it is still a rule-group document. */
        if (!cJSON_GetObjectItemCaseSensitive(doc, "Type"))
            cJSON_AddStringToObject(doc, "Type", "STATEFUL");
    } else if (!cJSON_GetObjectItemCaseSensitive(doc, "FirewallPolicy")) {
        cJSON_AddObjectToObject(doc, "FirewallPolicy");
    }
    JsonLocIndex *view = json_loc_view_new(c->locs, props_path, NULL);
    gboolean recognised;
    gboolean ok = policy_load_json_doc(c->policy, c->file, doc, view, &recognised, error);
    json_loc_index_free(view);
    cJSON_Delete(doc);
    return ok;
}

static gboolean
cfn_load(IacCtx *c, GError **error)
{
    c->parameters = cJSON_GetObjectItemCaseSensitive(c->root, "Parameters");
    c->resources = cJSON_GetObjectItemCaseSensitive(c->root, "Resources");
    /* Names first: references may point forward. */
    const cJSON *res;
    int groups = 0, policies = 0;
    cJSON_ArrayForEach(res, c->resources)
    {
        const char *type = str_member(res, "Type");
        if (type && strcmp(type, "AWS::NetworkFirewall::RuleGroup") == 0) {
            const cJSON *props = cJSON_GetObjectItemCaseSensitive(res, "Properties");
            const char *written = str_member(props, "RuleGroupName");
            g_hash_table_insert(
                c->group_names, g_strdup(res->string),
                g_strdup(written && !strstr(written, "${") ? written : res->string));
            groups++;
        } else if (type && strcmp(type, "AWS::NetworkFirewall::FirewallPolicy") == 0) {
            policies++;
        }
    }
    if (groups == 0 && policies == 0) {
        g_set_error(error, POLICY_ERROR, POLICY_ERROR_NOT_INPUT,
                    "%s: a CloudFormation template without AWS::NetworkFirewall::RuleGroup or "
                    "FirewallPolicy resources",
                    c->file);
        return FALSE;
    }
    cJSON_ArrayForEach(res, c->resources)
    {
        const char *type = str_member(res, "Type");
        if (type == NULL)
            continue;
        gboolean group = strcmp(type, "AWS::NetworkFirewall::RuleGroup") == 0;
        gboolean pol = strcmp(type, "AWS::NetworkFirewall::FirewallPolicy") == 0;
        if (pol && c->policies_seen++ > 0) {
            g_string_append_printf(c->other_policies, "%s%s", c->other_policies->len ? ", " : "",
                                   res->string);
            continue;
        }
        if ((group || pol) && !cfn_load_resource(c, res->string, res, group, error))
            return FALSE;
    }
    return TRUE;
}

/* ------------------------------------------------------------------ */
/* Terraform                                                           */
/* ------------------------------------------------------------------ */

typedef struct {
    const char *type;
    char *address;        /* aws_networkfirewall_rule_group.x, module.m.aws_... */
    const cJSON *values;  /* attribute values */
    char *path;           /* where the values are in the file */
    const cJSON *unknown; /* plan: after_unknown, may be NULL */
    const cJSON *config;  /* plan: the configuration's expressions, may be NULL */
} TfResource;

static void
tf_resource_free(TfResource *r)
{
    g_free(r->address);
    g_free(r->path);
    g_free(r);
}

static gboolean
tf_wanted(const char *type)
{
    return type && (strcmp(type, "aws_networkfirewall_rule_group") == 0 ||
                    strcmp(type, "aws_networkfirewall_firewall_policy") == 0);
}

/* show -json: values/planned_values .root_module, child_modules. */
static void
tf_collect_module(const cJSON *module, const char *path, GPtrArray *out)
{
    g_autofree char *rpath = g_strconcat(path, ".resources", NULL);
    const cJSON *r;
    int i = 0;
    cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(module, "resources"))
    {
        int index = i++;
        const char *type = str_member(r, "type");
        const char *mode = str_member(r, "mode");
        if (!tf_wanted(type) || (mode && strcmp(mode, "managed") != 0))
            continue;
        TfResource *t = g_new0(TfResource, 1);
        t->type = type;
        t->address = g_strdup(str_member(r, "address"));
        t->values = cJSON_GetObjectItemCaseSensitive(r, "values");
        t->path = g_strdup_printf("%s[%d].values", rpath, index);
        g_ptr_array_add(out, t);
    }
    const cJSON *child;
    i = 0;
    cJSON_ArrayForEach(child, cJSON_GetObjectItemCaseSensitive(module, "child_modules"))
    {
        g_autofree char *cpath = g_strdup_printf("%s.child_modules[%d]", path, i++);
        tf_collect_module(child, cpath, out);
    }
}

static void
tf_collect(IacCtx *c, GPtrArray *out)
{
    const cJSON *root = c->root;
    if (c->kind == IAC_TERRAFORM_SHOW) {
        const char *top =
            cJSON_GetObjectItemCaseSensitive(root, "planned_values") ? "planned_values" : "values";
        const cJSON *mod = cJSON_GetObjectItemCaseSensitive(
            cJSON_GetObjectItemCaseSensitive(root, top), "root_module");
        g_autofree char *path = g_strconcat(top, ".root_module", NULL);
        tf_collect_module(mod, path, out);
        /* Plans: what is not known yet, and the expressions. */
        const cJSON *changes = cJSON_GetObjectItemCaseSensitive(root, "resource_changes");
        const cJSON *conf = cJSON_GetObjectItemCaseSensitive(
            cJSON_GetObjectItemCaseSensitive(root, "configuration"), "root_module");
        for (guint i = 0; i < out->len; i++) {
            TfResource *t = g_ptr_array_index(out, i);
            const cJSON *ch;
            cJSON_ArrayForEach(ch, changes)
            {
                if (g_strcmp0(str_member(ch, "address"), t->address) == 0)
                    t->unknown = cJSON_GetObjectItemCaseSensitive(
                        cJSON_GetObjectItemCaseSensitive(ch, "change"), "after_unknown");
            }
            const cJSON *cr;
            cJSON_ArrayForEach(cr, cJSON_GetObjectItemCaseSensitive(conf, "resources"))
            {
                if (g_strcmp0(str_member(cr, "address"), t->address) == 0)
                    t->config = cJSON_GetObjectItemCaseSensitive(cr, "expressions");
            }
        }
    } else if (c->kind == IAC_TERRAFORM_STATE) {
        const cJSON *r;
        int i = 0;
        cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(root, "resources"))
        {
            int index = i++;
            const char *type = str_member(r, "type");
            const char *mode = str_member(r, "mode");
            if (!tf_wanted(type) || (mode && strcmp(mode, "managed") != 0))
                continue;
            const char *module = str_member(r, "module");
            const cJSON *inst;
            int k = 0;
            cJSON_ArrayForEach(inst, cJSON_GetObjectItemCaseSensitive(r, "instances"))
            {
                TfResource *t = g_new0(TfResource, 1);
                t->type = type;
                t->address = g_strdup_printf("%s%s%s.%s", module ? module : "", module ? "." : "",
                                             type, str_member(r, "name"));
                t->values = cJSON_GetObjectItemCaseSensitive(inst, "attributes");
                t->path = g_strdup_printf("resources[%d].instances[%d].attributes", index, k++);
                g_ptr_array_add(out, t);
            }
        }
    } else {
        const cJSON *resource = cJSON_GetObjectItemCaseSensitive(root, "resource");
        const cJSON *bytype;
        cJSON_ArrayForEach(bytype, resource)
        {
            if (!tf_wanted(bytype->string))
                continue;
            const cJSON *r;
            cJSON_ArrayForEach(r, bytype)
            {
                TfResource *t = g_new0(TfResource, 1);
                t->type = bytype->string;
                t->address = g_strdup_printf("%s.%s", bytype->string, r->string);
                t->values = cJSON_IsArray(r) ? cJSON_GetArrayItem(r, 0) : r;
                t->path = g_strdup_printf("resource.%s.%s%s", bytype->string, r->string,
                                          cJSON_IsArray(r) ? "[0]" : "");
                g_ptr_array_add(out, t);
            }
        }
    }
}

/* The converter: Terraform attributes (snake_case, blocks as lists) into
 * the API shape, recording API path -> file path for the view. */
typedef struct {
    IacCtx *c;
    GHashTable *map; /* API path -> file path */
} TfConv;

static void
tf_map(TfConv *t, const char *api, const char *src)
{
    g_hash_table_replace(t->map, g_strdup(api), g_strdup(src));
}

/* The first (or only) block `key` of `obj`: a list of objects or an object. */
static const cJSON *
tf_block(const cJSON *obj, const char *key, const char *path, char **bpath)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (cJSON_IsArray(v)) {
        *bpath = g_strdup_printf("%s.%s[0]", path, key);
        return cJSON_IsObject(cJSON_GetArrayItem(v, 0)) ? cJSON_GetArrayItem(v, 0) : NULL;
    }
    *bpath = g_strdup_printf("%s.%s", path, key);
    return cJSON_IsObject(v) ? v : NULL;
}

/* Every block `key` of `obj` (list or single object), with its path. */
static GPtrArray *
tf_blocks(const cJSON *obj, const char *key, const char *path, GPtrArray **paths)
{
    GPtrArray *out = g_ptr_array_new();
    *paths = g_ptr_array_new_with_free_func(g_free);
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (cJSON_IsObject(v)) {
        g_ptr_array_add(out, (gpointer)v);
        g_ptr_array_add(*paths, g_strdup_printf("%s.%s", path, key));
    } else {
        const cJSON *item;
        int i = 0;
        cJSON_ArrayForEach(item, v)
        {
            if (cJSON_IsObject(item)) {
                g_ptr_array_add(out, (gpointer)item);
                g_ptr_array_add(*paths, g_strdup_printf("%s.%s[%d]", path, key, i));
            }
            i++;
        }
    }
    return out;
}

static gboolean
tf_present(const cJSON *v)
{
    if (v == NULL || cJSON_IsNull(v))
        return FALSE;
    if (cJSON_IsString(v) && v->valuestring[0] == '\0')
        return FALSE;
    if (cJSON_IsArray(v) && cJSON_GetArraySize(v) == 0)
        return FALSE;
    return TRUE;
}

/* Copy attribute `key` of `obj` as member `api_key` of `out`. */
static void
tf_copy(TfConv *t, cJSON *out, const char *api_parent, const char *api_key, const cJSON *obj,
        const char *src, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!tf_present(v))
        return;
    cJSON_AddItemToObject(out, api_key, cJSON_Duplicate(v, TRUE));
    g_autofree char *api =
        api_parent[0] ? g_strconcat(api_parent, ".", api_key, NULL) : g_strdup(api_key);
    g_autofree char *s = g_strconcat(src, ".", key, NULL);
    tf_map(t, api, s);
    if (cJSON_IsArray(v)) {
        for (int i = 0; i < cJSON_GetArraySize(v); i++) {
            g_autofree char *ai = g_strdup_printf("%s[%d]", api, i);
            g_autofree char *si = g_strdup_printf("%s[%d]", s, i);
            tf_map(t, ai, si);
        }
    }
}

/* ip_sets { key = "X", ip_set { definition = [...] } } -> {"X": {"Definition": [...]}} */
static void
tf_sets(TfConv *t, cJSON *out, const char *api_parent, const char *api_key, const cJSON *obj,
        const char *src, const char *key, const char *inner)
{
    GPtrArray *paths;
    GPtrArray *sets = tf_blocks(obj, key, src, &paths);
    if (sets->len > 0) {
        g_autofree char *api =
            api_parent[0] ? g_strconcat(api_parent, ".", api_key, NULL) : g_strdup(api_key);
        cJSON *dst = cJSON_AddObjectToObject(out, api_key);
        for (guint i = 0; i < sets->len; i++) {
            const cJSON *set = g_ptr_array_index(sets, i);
            const char *spath = g_ptr_array_index(paths, i);
            const char *name = str_member(set, "key");
            if (name == NULL)
                continue;
            g_autofree char *ipath = NULL;
            const cJSON *body = tf_block(set, inner, spath, &ipath);
            cJSON *entry = cJSON_AddObjectToObject(dst, name);
            g_autofree char *aentry = g_strconcat(api, ".", name, NULL);
            tf_map(t, aentry, spath);
            if (body != NULL)
                tf_copy(t, entry, aentry,
                        strcmp(inner, "ip_set_reference") == 0 ? "ReferenceArn" : "Definition",
                        body, ipath,
                        strcmp(inner, "ip_set_reference") == 0 ? "reference_arn" : "definition");
        }
    }
    g_ptr_array_unref(sets);
    g_ptr_array_unref(paths);
}

static const char *const TF_NOT_NEEDED[] = {
    "arn", "id", "update_token", "tags_all", "tags", "encryption_configuration", NULL,
};

/* Plan: attributes that are not known until apply (after_unknown true). */
static void
tf_note_unknown(TfConv *t, const cJSON *unknown, const char *tf_path, const char *src)
{
    if (cJSON_IsTrue(unknown)) {
        iac_note(t->c, src, "%s: not known until apply (terraform plan): checked without it",
                 tf_path);
        return;
    }
    const cJSON *m;
    int i = 0;
    cJSON_ArrayForEach(m, unknown)
    {
        if (cJSON_IsObject(unknown) && base_str_in_list(TF_NOT_NEEDED, m->string))
            continue;
        g_autofree char *p =
            cJSON_IsArray(unknown)
                ? g_strdup_printf("%s[%d]", tf_path, i)
                : (tf_path[0] ? g_strconcat(tf_path, ".", m->string, NULL) : g_strdup(m->string));
        g_autofree char *s = cJSON_IsArray(unknown) ? g_strdup_printf("%s[%d]", src, i)
                                                    : g_strconcat(src, ".", m->string, NULL);
        i++;
        /* resource_arn of a reference: found through the configuration. */
        if (cJSON_IsTrue(m) && !cJSON_IsArray(unknown) && strcmp(m->string, "resource_arn") == 0)
            continue;
        tf_note_unknown(t, m, p, s);
    }
}

static char *
tf_group_name(IacCtx *c, const TfResource *r)
{
    const char *name = str_member(r->values, "name");
    if (name != NULL && !strstr(name, "${"))
        return g_strdup(name);
    const char *dot = strrchr(r->address, '.');
    return g_strdup(dot ? dot + 1 : r->address);
}

static cJSON *
tf_rule_group_doc(TfConv *t, const TfResource *r)
{
    const char *src = r->path;
    const cJSON *v = r->values;
    cJSON *doc = cJSON_CreateObject();
    g_autofree char *name = g_strdup(g_hash_table_lookup(t->c->group_names, r->address));
    cJSON_AddStringToObject(doc, "RuleGroupName", name);
    tf_map(t, "RuleGroupName", src);
    const char *arn = str_member(v, "arn");
    g_autofree char *synthetic = g_strconcat(IAC_ARN_PREFIX, name, NULL);
    cJSON_AddStringToObject(doc, "RuleGroupArn", arn && arn[0] ? arn : synthetic);
    tf_copy(t, doc, "", "Type", v, src, "type");
    if (!cJSON_GetObjectItemCaseSensitive(doc, "Type"))
        cJSON_AddStringToObject(doc, "Type", "STATEFUL");
    tf_copy(t, doc, "", "Capacity", v, src, "capacity");
    tf_copy(t, doc, "", "Description", v, src, "description");
    g_autofree char *rgp = NULL;
    const cJSON *rg = tf_block(v, "rule_group", src, &rgp);
    if (rg == NULL) {
        tf_copy(t, doc, "", "Rules", v, src, "rules");
        return doc;
    }
    cJSON *out = cJSON_AddObjectToObject(doc, "RuleGroup");
    tf_map(t, "RuleGroup", rgp);
    g_autofree char *varp = NULL;
    const cJSON *vars = tf_block(rg, "rule_variables", rgp, &varp);
    if (vars != NULL) {
        cJSON *rv = cJSON_AddObjectToObject(out, "RuleVariables");
        tf_map(t, "RuleGroup.RuleVariables", varp);
        tf_sets(t, rv, "RuleGroup.RuleVariables", "IPSets", vars, varp, "ip_sets", "ip_set");
        tf_sets(t, rv, "RuleGroup.RuleVariables", "PortSets", vars, varp, "port_sets", "port_set");
    }
    g_autofree char *refp = NULL;
    const cJSON *refs = tf_block(rg, "reference_sets", rgp, &refp);
    if (refs != NULL) {
        cJSON *rs = cJSON_AddObjectToObject(out, "ReferenceSets");
        tf_sets(t, rs, "RuleGroup.ReferenceSets", "IPSetReferences", refs, refp,
                "ip_set_references", "ip_set_reference");
    }
    g_autofree char *optp = NULL;
    const cJSON *opts = tf_block(rg, "stateful_rule_options", rgp, &optp);
    if (opts != NULL) {
        cJSON *o = cJSON_AddObjectToObject(out, "StatefulRuleOptions");
        tf_copy(t, o, "RuleGroup.StatefulRuleOptions", "RuleOrder", opts, optp, "rule_order");
    }
    g_autofree char *srcp = NULL;
    const cJSON *rsrc = tf_block(rg, "rules_source", rgp, &srcp);
    if (rsrc == NULL)
        return doc;
    cJSON *so = cJSON_AddObjectToObject(out, "RulesSource");
    tf_map(t, "RuleGroup.RulesSource", srcp);
    tf_copy(t, so, "RuleGroup.RulesSource", "RulesString", rsrc, srcp, "rules_string");
    g_autofree char *listp = NULL;
    const cJSON *list = tf_block(rsrc, "rules_source_list", srcp, &listp);
    if (list != NULL) {
        cJSON *l = cJSON_AddObjectToObject(so, "RulesSourceList");
        const char *lp = "RuleGroup.RulesSource.RulesSourceList";
        tf_map(t, lp, listp);
        tf_copy(t, l, lp, "GeneratedRulesType", list, listp, "generated_rules_type");
        tf_copy(t, l, lp, "TargetTypes", list, listp, "target_types");
        tf_copy(t, l, lp, "Targets", list, listp, "targets");
    }
    GPtrArray *paths;
    GPtrArray *stateful = tf_blocks(rsrc, "stateful_rule", srcp, &paths);
    if (stateful->len > 0) {
        cJSON *arr = cJSON_AddArrayToObject(so, "StatefulRules");
        for (guint i = 0; i < stateful->len; i++) {
            const cJSON *sr = g_ptr_array_index(stateful, i);
            const char *sp = g_ptr_array_index(paths, i);
            g_autofree char *ap = g_strdup_printf("RuleGroup.RulesSource.StatefulRules[%u]", i);
            tf_map(t, ap, sp);
            cJSON *item = cJSON_CreateObject();
            cJSON_AddItemToArray(arr, item);
            tf_copy(t, item, ap, "Action", sr, sp, "action");
            g_autofree char *hp = NULL;
            const cJSON *h = tf_block(sr, "header", sp, &hp);
            if (h != NULL) {
                g_autofree char *ah = g_strconcat(ap, ".Header", NULL);
                cJSON *hdr = cJSON_AddObjectToObject(item, "Header");
                tf_map(t, ah, hp);
                tf_copy(t, hdr, ah, "Destination", h, hp, "destination");
                tf_copy(t, hdr, ah, "DestinationPort", h, hp, "destination_port");
                tf_copy(t, hdr, ah, "Direction", h, hp, "direction");
                tf_copy(t, hdr, ah, "Protocol", h, hp, "protocol");
                tf_copy(t, hdr, ah, "Source", h, hp, "source");
                tf_copy(t, hdr, ah, "SourcePort", h, hp, "source_port");
            }
            GPtrArray *opaths;
            GPtrArray *ropts = tf_blocks(sr, "rule_option", sp, &opaths);
            cJSON *ro = cJSON_AddArrayToObject(item, "RuleOptions");
            for (guint k = 0; k < ropts->len; k++) {
                const cJSON *o = g_ptr_array_index(ropts, k);
                g_autofree char *aop = g_strdup_printf("%s.RuleOptions[%u]", ap, k);
                tf_map(t, aop, g_ptr_array_index(opaths, k));
                cJSON *opt = cJSON_CreateObject();
                cJSON_AddItemToArray(ro, opt);
                tf_copy(t, opt, aop, "Keyword", o, g_ptr_array_index(opaths, k), "keyword");
                tf_copy(t, opt, aop, "Settings", o, g_ptr_array_index(opaths, k), "settings");
            }
            g_ptr_array_unref(ropts);
            g_ptr_array_unref(opaths);
        }
    }
    g_ptr_array_unref(stateful);
    g_ptr_array_unref(paths);
    g_autofree char *slp = NULL;
    const cJSON *sl = tf_block(rsrc, "stateless_rules_and_custom_actions", srcp, &slp);
    if (sl != NULL) {
        cJSON *o = cJSON_AddObjectToObject(so, "StatelessRulesAndCustomActions");
        GPtrArray *spaths;
        GPtrArray *rules = tf_blocks(sl, "stateless_rule", slp, &spaths);
        cJSON *arr = cJSON_AddArrayToObject(o, "StatelessRules");
        for (guint i = 0; i < rules->len; i++)
            cJSON_AddItemToArray(arr, cJSON_CreateObject());
        g_ptr_array_unref(rules);
        g_ptr_array_unref(spaths);
    }
    return doc;
}

/* A reference's ARN: written, else (plan) through the configuration's
 * references to a group of the same plan. */
static char *
tf_ref_arn(TfConv *t, const TfResource *r, const cJSON *ref, int index)
{
    const char *arn = str_member(ref, "resource_arn");
    if (arn != NULL && arn[0]) {
        /* *.tf.json: "${aws_networkfirewall_rule_group.x.arn}" */
        if (g_str_has_prefix(arn, "${") && g_str_has_suffix(arn, ".arn}")) {
            g_autofree char *addr = g_strndup(arn + 2, strlen(arn) - 2 - 5);
            const char *name = g_hash_table_lookup(t->c->group_names, addr);
            if (name != NULL)
                return g_strconcat(IAC_ARN_PREFIX, name, NULL);
        }
        return g_strdup(arn);
    }
    if (r->config == NULL)
        return NULL;
    const cJSON *fp =
        cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(r->config, "firewall_policy"), 0);
    const cJSON *cref = cJSON_GetArrayItem(
        cJSON_GetObjectItemCaseSensitive(fp, "stateful_rule_group_reference"), index);
    const cJSON *refs = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(cref, "resource_arn"), "references");
    const cJSON *item;
    cJSON_ArrayForEach(item, refs)
    {
        if (!cJSON_IsString(item))
            continue;
        g_autofree char *addr = g_strdup(item->valuestring);
        if (g_str_has_suffix(addr, ".arn"))
            addr[strlen(addr) - 4] = '\0';
        const char *name = g_hash_table_lookup(t->c->group_names, addr);
        if (name != NULL)
            return g_strconcat(IAC_ARN_PREFIX, name, NULL);
    }
    return NULL;
}

static cJSON *
tf_policy_doc(TfConv *t, const TfResource *r)
{
    const char *src = r->path;
    const cJSON *v = r->values;
    cJSON *doc = cJSON_CreateObject();
    g_autofree char *name = tf_group_name(t->c, r);
    cJSON_AddStringToObject(doc, "FirewallPolicyName", name);
    tf_copy(t, doc, "", "Description", v, src, "description");
    cJSON *fp = cJSON_AddObjectToObject(doc, "FirewallPolicy");
    g_autofree char *fpp = NULL;
    const cJSON *f = tf_block(v, "firewall_policy", src, &fpp);
    tf_map(t, "FirewallPolicy", fpp ? fpp : src);
    if (f == NULL)
        return doc;
    const char *ap = "FirewallPolicy";
    tf_copy(t, fp, ap, "StatelessDefaultActions", f, fpp, "stateless_default_actions");
    tf_copy(t, fp, ap, "StatelessFragmentDefaultActions", f, fpp,
            "stateless_fragment_default_actions");
    tf_copy(t, fp, ap, "StatefulDefaultActions", f, fpp, "stateful_default_actions");
    tf_copy(t, fp, ap, "TLSInspectionConfigurationArn", f, fpp, "tls_inspection_configuration_arn");
    g_autofree char *engp = NULL;
    const cJSON *eng = tf_block(f, "stateful_engine_options", fpp, &engp);
    if (eng != NULL) {
        cJSON *e = cJSON_AddObjectToObject(fp, "StatefulEngineOptions");
        const char *aep = "FirewallPolicy.StatefulEngineOptions";
        tf_map(t, aep, engp);
        tf_copy(t, e, aep, "RuleOrder", eng, engp, "rule_order");
        tf_copy(t, e, aep, "StreamExceptionPolicy", eng, engp, "stream_exception_policy");
        g_autofree char *ftp = NULL;
        const cJSON *ft = tf_block(eng, "flow_timeouts", engp, &ftp);
        if (ft != NULL) {
            cJSON *o = cJSON_AddObjectToObject(e, "FlowTimeouts");
            tf_copy(t, o, "FirewallPolicy.StatefulEngineOptions.FlowTimeouts",
                    "TcpIdleTimeoutSeconds", ft, ftp, "tcp_idle_timeout_seconds");
        }
    }
    g_autofree char *pvp = NULL;
    const cJSON *pv = tf_block(f, "policy_variables", fpp, &pvp);
    if (pv != NULL) {
        cJSON *o = cJSON_AddObjectToObject(fp, "PolicyVariables");
        tf_sets(t, o, "FirewallPolicy.PolicyVariables", "RuleVariables", pv, pvp, "rule_variables",
                "ip_set");
    }
    static const struct {
        const char *tf, *api;
        gboolean stateful;
    } lists[] = {
        { "stateful_rule_group_reference", "StatefulRuleGroupReferences", TRUE },
        { "stateless_rule_group_reference", "StatelessRuleGroupReferences", FALSE },
    };
    for (gsize l = 0; l < G_N_ELEMENTS(lists); l++) {
        GPtrArray *paths;
        GPtrArray *refs = tf_blocks(f, lists[l].tf, fpp, &paths);
        if (refs->len > 0) {
            cJSON *arr = cJSON_AddArrayToObject(fp, lists[l].api);
            for (guint i = 0; i < refs->len; i++) {
                const cJSON *ref = g_ptr_array_index(refs, i);
                const char *rp = g_ptr_array_index(paths, i);
                g_autofree char *arp = g_strdup_printf("FirewallPolicy.%s[%u]", lists[l].api, i);
                tf_map(t, arp, rp);
                cJSON *item = cJSON_CreateObject();
                cJSON_AddItemToArray(arr, item);
                g_autofree char *arn = lists[l].stateful
                                           ? tf_ref_arn(t, r, ref, (int)i)
                                           : g_strdup(str_member(ref, "resource_arn"));
                if (arn != NULL) {
                    cJSON_AddStringToObject(item, "ResourceArn", arn);
                } else {
                    iac_note(t->c, rp,
                             "%s.%s[%u].resource_arn: not known until apply and not a rule group "
                             "of this plan: the reference is left out",
                             r->address, lists[l].tf, i);
                    cJSON_DeleteItemFromArray(arr, cJSON_GetArraySize(arr) - 1);
                    continue;
                }
                tf_copy(t, item, arp, "Priority", ref, rp, "priority");
                g_autofree char *ovp = NULL;
                const cJSON *ov = tf_block(ref, "override", rp, &ovp);
                if (ov != NULL) {
                    cJSON *o = cJSON_AddObjectToObject(item, "Override");
                    g_autofree char *aov = g_strconcat(arp, ".Override", NULL);
                    tf_copy(t, o, aov, "Action", ov, ovp, "action");
                }
                tf_copy(t, item, arp, "DeepThreatInspection", ref, rp, "deep_threat_inspection");
            }
        }
        g_ptr_array_unref(refs);
        g_ptr_array_unref(paths);
    }
    return doc;
}

/* *.tf.json "${...}" interpolations: noted; an item of a list (a
 * Definition entry) is left out, other strings (a RulesString) kept. */
static void
tf_note_interpolations(TfConv *t, cJSON *v, const char *api, JsonLocIndex *view)
{
    int n = cJSON_GetArraySize(v);
    for (int i = 0; i < n; i++) {
        cJSON *m = cJSON_GetArrayItem(v, i);
        g_autofree char *p = cJSON_IsArray(v) ? g_strdup_printf("%s[%d]", api, i)
                                              : (api[0] ? g_strconcat(api, ".", m->string, NULL)
                                                        : g_strdup(m->string));
        if (cJSON_IsObject(v) &&
            (strcmp(m->string, "RuleGroupName") == 0 ||
             strcmp(m->string, "FirewallPolicyName") == 0 ||
             strcmp(m->string, "Description") == 0 || strcmp(m->string, "RuleGroupArn") == 0 ||
             strcmp(m->string, "ResourceArn") == 0))
            continue;
        if (!cJSON_IsString(m)) {
            tf_note_interpolations(t, m, p, view);
            continue;
        }
        const char *open = strstr(m->valuestring, "${");
        if (open == NULL)
            continue;
        const char *close = strchr(open, '}');
        g_autofree char *expr = close ? g_strndup(open, (gsize)(close - open + 1)) : g_strdup(open);
        SourceLoc loc = { (char *)t->c->file, json_loc_line(view, p), 0 };
        gboolean drop = cJSON_IsArray(v);
        policy_add_finding(t->c->policy,
                           finding_new_printf("iac-unresolved", &loc,
                                              "%s: the interpolation %s is not known before "
                                              "apply: %s",
                                              p, expr, drop ? "left out" : "kept as written"));
        if (drop) {
            cJSON_DeleteItemFromArray(v, i);
            i--;
            n--;
        }
    }
}

static gboolean
tf_load(IacCtx *c, GError **error)
{
    GPtrArray *res = g_ptr_array_new_with_free_func((GDestroyNotify)tf_resource_free);
    tf_collect(c, res);
    gboolean ok = TRUE;
    if (res->len == 0) {
        g_set_error(error, POLICY_ERROR, POLICY_ERROR_NOT_INPUT,
                    "%s: Terraform JSON without aws_networkfirewall_rule_group or "
                    "aws_networkfirewall_firewall_policy resources",
                    c->file);
        ok = FALSE;
    }
    for (guint i = 0; i < res->len; i++) {
        TfResource *r = g_ptr_array_index(res, i);
        if (strcmp(r->type, "aws_networkfirewall_rule_group") == 0)
            g_hash_table_insert(c->group_names, g_strdup(r->address), tf_group_name(c, r));
    }
    for (guint i = 0; ok && i < res->len; i++) {
        TfResource *r = g_ptr_array_index(res, i);
        gboolean group = strcmp(r->type, "aws_networkfirewall_rule_group") == 0;
        if (!group && c->policies_seen++ > 0) {
            g_string_append_printf(c->other_policies, "%s%s", c->other_policies->len ? ", " : "",
                                   r->address);
            continue;
        }
        if (!cJSON_IsObject(r->values)) {
            iac_note(c, r->path, "%s: no values (not known until apply?): nothing to check",
                     r->address);
            continue;
        }
        TfConv t = { c, g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free) };
        cJSON *doc = group ? tf_rule_group_doc(&t, r) : tf_policy_doc(&t, r);
        if (r->unknown != NULL)
            tf_note_unknown(&t, r->unknown, r->address, r->path);
        JsonLocIndex *view = json_loc_view_new(c->locs, r->path, t.map);
        if (c->kind == IAC_TERRAFORM_JSON)
            tf_note_interpolations(&t, doc, "", view);
        gboolean recognised;
        ok = policy_load_json_doc(c->policy, c->file, doc, view, &recognised, error);
        json_loc_index_free(view);
        g_hash_table_unref(t.map);
        cJSON_Delete(doc);
    }
    g_ptr_array_unref(res);
    return ok;
}

gboolean
policy_load_iac(Policy *policy, const char *file, const cJSON *root, const JsonLocIndex *locs,
                GError **error)
{
    IacCtx c = { 0 };
    c.policy = policy;
    c.file = file;
    c.locs = locs;
    c.root = root;
    c.kind = policy_iac_detect(root);
    c.group_names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    c.other_policies = g_string_new(NULL);
    gboolean ok = c.kind == IAC_CLOUDFORMATION ? cfn_load(&c, error) : tf_load(&c, error);
    if (ok && c.other_policies->len > 0) {
        SourceLoc loc = { (char *)file, 1, 0 };
        policy_add_finding(policy, finding_new_printf("iac-unresolved", &loc,
                                                      "%d firewall policies here: the first is "
                                                      "checked; not checked: %s (one policy per "
                                                      "run)",
                                                      c.policies_seen, c.other_policies->str));
    }
    g_hash_table_destroy(c.group_names);
    g_string_free(c.other_policies, TRUE);
    return ok;
}
