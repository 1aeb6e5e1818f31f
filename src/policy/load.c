/*
 * load.c - inputs to the Policy: files and directories, detected by content.
 *
 * A file whose first non-blank byte is '{' or '[' is JSON (load_json.c:
 * rule groups and policies, or a CloudFormation template or Terraform JSON
 * for load_iac.c); text naming AWS::NetworkFirewall:: resource types or
 * AWSTemplateFormatVersion is a YAML CloudFormation template (load_yaml.c,
 * then load_iac.c); otherwise, when rules_text_sniff() says so, it is Suricata rule text and
 * (looks_like_rules() below) becomes one GROUP_KIND_RULES_FILE group named after the file (base name
 * without its last extension), with priority = load position and
 * RuleOrder = --rule-order.  Anything else is a POLICY_ERROR_FORMAT error,
 * as is an empty file.
 * Directories are walked recursively in name order (stable output), hidden
 * entries skipped; a directory (with its subfolders) that holds no input at
 * all is an error, so that a wrong path cannot pass as a clean policy.
 * "-" is standard input, read whole and named "<stdin>".  Every file is tried; content that is not an input
 * (POLICY_ERROR_NOT_INPUT: a README, a package.json) is skipped, while a
 * broken *.rules / *.json file (bad JSON, empty) stops the load.
 */
#include "policy/policy_internal.h"

#include <stdio.h>
#include <string.h>


#define LOAD_MAX_DEPTH 32

static gsize
skip_bom_and_space(const char *text, gsize len)
{
    gsize pos = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        pos = 3;
    while (pos < len && g_ascii_isspace(text[pos]))
        pos++;
    return pos;
}

static char *
group_name_from_file(const char *path)
{
    g_autofree char *base = g_path_get_basename(path);
    char *dot = strrchr(base, '.');
    if (dot && dot != base)
        *dot = '\0';
    /* "file.json[RulesString]"-style names keep only the file part. */
    return g_strdup(base);
}

static void
load_rules_text(Policy *policy, const char *name, const char *text, gsize len)
{
    g_autofree char *group_name = group_name_from_file(name);
    RuleGroup *group = rule_group_new(group_name, name, GROUP_KIND_RULES_FILE);
    group->order = policy->default_order;
    group->order_explicit = FALSE;
    group->priority = policy->next_file_priority++;
    rule_group_parse_text(group, text, len, name, &policy->parse_options, policy->findings);
    rule_group_index_rules(group);
    g_ptr_array_add(policy->groups, group);
}

/* rules_text_sniff() takes anything that is not JSON.  To tell rule text
 * from other text (a README in a rules directory, a wrong file on the
 * command line) the first line that is neither blank nor a plain comment
 * must start with a rule action (a commented-out rule "# alert ..." counts);
 * a file of comments only is not taken (it may be a licence text).
 * Files named *.rules skip this test: for them a stray line is better
 * reported as a syntax finding with its line and column. */
static gboolean
looks_like_rules(const char *text, gsize len)
{
    static const char *actions[] = {
        /* not "config": classification.config lines start with it */
        "alert", "pass", "drop", "reject", "rejectsrc", "rejectdst", "rejectboth",
    };
    gsize pos = 0;
    while (pos < len) {
        gsize eol = pos;
        while (eol < len && text[eol] != '\n')
            eol++;
        gsize p = pos;
        while (p < eol && g_ascii_isspace(text[p]))
            p++;
        gboolean comment = p < eol && text[p] == '#';
        if (comment) {
            p++;
            while (p < eol && g_ascii_isspace(text[p]))
                p++;
        }
        if (p < eol) {
            gsize w = p;
            while (w < eol && g_ascii_isalpha(text[w]))
                w++;
            for (gsize i = 0; i < G_N_ELEMENTS(actions); i++)
                if (w - p == strlen(actions[i]) && strncmp(text + p, actions[i], w - p) == 0 &&
                    w < eol && g_ascii_isspace(text[w]))
                    return TRUE;
            if (!comment)
                return FALSE;
        }
        pos = eol + 1;
    }
    return FALSE; /* only comments and blank lines (a licence text): not rules */
}

static gboolean
contains(const char *text, gsize len, const char *what)
{
    return memmem(text, len, what, strlen(what)) != NULL;
}

/* A CloudFormation template in YAML: it names Network Firewall resource
 * types or the template format.  Other YAML (suricata.yaml, CI files) is
 * not an input. */
static gboolean
looks_like_yaml_template(const char *text, gsize len)
{
    return contains(text, len, "AWS::NetworkFirewall::") ||
           contains(text, len, "AWSTemplateFormatVersion");
}

/* Terraform HCL naming Network Firewall resources: not read (no C parser
 * for HCL 2 in Debian), but worth saying so. */
static gboolean
looks_like_hcl(const char *name, const char *text, gsize len)
{
    return g_str_has_suffix(name, ".tf") || contains(text, len, "resource \"aws_networkfirewall_");
}

/* JSON: a CloudFormation template or Terraform JSON (load_iac.c), else a
 * rule group or a policy (load_json.c). */
static gboolean
load_json_text(Policy *policy, const char *name, const char *text, gsize len, GError **error)
{
    cJSON *root = policy_json_parse(name, text, len, error);
    if (root == NULL)
        return FALSE;
    JsonLocIndex *locs = json_loc_index_new(text, len);
    gboolean ok, recognised = TRUE;
    if (cJSON_GetObjectItem(root, "Suppressions") != NULL)
        ok = policy_load_suppressions(policy, name, root, locs, error);
    else if (policy_iac_detect(root) != IAC_NONE)
        ok = policy_load_iac(policy, name, root, locs, error);
    else
        ok = policy_load_json_doc(policy, name, root, locs, &recognised, error);
    if (!recognised)
        g_set_error(error, POLICY_ERROR, POLICY_ERROR_NOT_INPUT,
                    "%s: JSON is neither a Network Firewall rule group nor a firewall policy "
                    "(no RuleGroup, RulesSource, FirewallPolicy or StatefulRuleGroupReferences), "
                    "nor a CloudFormation template or Terraform JSON",
                    name);
    json_loc_index_free(locs);
    cJSON_Delete(root);
    return ok;
}

static gboolean
load_yaml_text(Policy *policy, const char *name, const char *text, gsize len, GError **error)
{
    JsonLocIndex *locs = NULL;
    cJSON *root = policy_yaml_parse(name, text, len, &locs, error);
    if (root == NULL)
        return FALSE;
    gboolean ok;
    if (policy_iac_detect(root) == IAC_CLOUDFORMATION) {
        ok = policy_load_iac(policy, name, root, locs, error);
    } else {
        g_set_error(error, POLICY_ERROR, POLICY_ERROR_NOT_INPUT,
                    "%s: YAML that is not a CloudFormation template (no Resources)", name);
        ok = FALSE;
    }
    cJSON_Delete(root);
    json_loc_index_free(locs);
    return ok;
}

gboolean
policy_load_text(Policy *policy, const char *name, const char *text, gsize len, GError **error)
{
    gsize start = skip_bom_and_space(text, len);
    if (start >= len) {
        g_set_error(error, POLICY_ERROR, POLICY_ERROR_FORMAT,
                    "%s: empty file: expected Suricata rules or Network Firewall JSON", name);
        return FALSE;
    }
    if (text[start] == '{' || text[start] == '[') {
        /* cJSON rejects a UTF-8 BOM: blank it out (same offsets, same lines). */
        g_autofree char *copy = NULL;
        if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
            copy = g_memdup2(text, len);
            memset(copy, ' ', 3);
        }
        if (!load_json_text(policy, name, copy ? copy : text, len, error))
            return FALSE;
    } else if (!g_str_has_suffix(name, ".rules") && looks_like_yaml_template(text, len)) {
        if (!load_yaml_text(policy, name, text, len, error))
            return FALSE;
    } else if (rules_text_sniff(text, len) &&
               (g_str_has_suffix(name, ".rules") || looks_like_rules(text, len))) {
        load_rules_text(policy, name, text, len);
    } else if (looks_like_hcl(name, text, len)) {
        policy->hcl_files_skipped++;
        g_set_error(error, POLICY_ERROR, POLICY_ERROR_NOT_INPUT,
                    "%s: Terraform HCL is not read (no HCL 2 parser in C): give the output of "
                    "'terraform show -json' (a plan or the state) or a *.tf.json file",
                    name);
        return FALSE;
    } else {
        g_set_error(error, POLICY_ERROR, POLICY_ERROR_NOT_INPUT,
                    "%s: neither Suricata rule text nor Network Firewall JSON", name);
        return FALSE;
    }
    policy->files_loaded++;
    return TRUE;
}

static gboolean
load_file(Policy *policy, const char *path, GError **error)
{
    g_autofree char *text = NULL;
    gsize len = 0;
    GError *local = NULL;
    if (!g_file_get_contents(path, &text, &len, &local)) {
        g_set_error(error, POLICY_ERROR, POLICY_ERROR_IO, "%s", local->message);
        g_error_free(local);
        return FALSE;
    }
    return policy_load_text(policy, path, text, len, error);
}

static gboolean
has_input_extension(const char *name)
{
    return g_str_has_suffix(name, ".rules") || g_str_has_suffix(name, ".json") ||
           g_str_has_suffix(name, ".yaml") || g_str_has_suffix(name, ".yml") ||
           g_str_has_suffix(name, ".template");
}

static int
compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static gboolean
load_dir(Policy *policy, const char *path, int depth, GError **error)
{
    if (depth > LOAD_MAX_DEPTH) {
        g_set_error(error, POLICY_ERROR, POLICY_ERROR_IO,
                    "%s: directories nested too deep (symbolic link loop?)", path);
        return FALSE;
    }
    GError *local = NULL;
    GDir *dir = g_dir_open(path, 0, &local);
    if (!dir) {
        g_set_error(error, POLICY_ERROR, POLICY_ERROR_IO, "%s", local->message);
        g_error_free(local);
        return FALSE;
    }
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *entry;
    while ((entry = g_dir_read_name(dir)))
        if (entry[0] != '.')
            g_ptr_array_add(names, g_strdup(entry));
    g_dir_close(dir);
    g_ptr_array_sort(names, compare_names);

    gboolean ok = TRUE;
    for (guint i = 0; ok && i < names->len; i++) {
        const char *name = g_ptr_array_index(names, i);
        g_autofree char *child = g_build_filename(path, name, NULL);
        if (g_file_test(child, G_FILE_TEST_IS_DIR)) {
            ok = load_dir(policy, child, depth + 1, error);
        } else if (g_file_test(child, G_FILE_TEST_IS_REGULAR)) {
            /* Content that is not an input (other JSON, prose) is skipped;
             * broken *.rules / *.json files are errors, other extensions
             * are skipped when they do not parse either. */
            GError *soft = NULL;
            if (!load_file(policy, child, &soft)) {
                gboolean fatal = soft->code == POLICY_ERROR_IO ||
                                 soft->code == POLICY_ERROR_USAGE ||
                                 (soft->code == POLICY_ERROR_FORMAT && has_input_extension(name));
                if (fatal) {
                    g_propagate_error(error, soft);
                    ok = FALSE;
                } else {
                    g_error_free(soft);
                }
            }
        }
    }
    g_ptr_array_unref(names);
    return ok;
}

static gboolean
load_stdin(Policy *policy, GError **error)
{
    GString *text = g_string_new(NULL);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, stdin)) > 0)
        g_string_append_len(text, buf, (gssize)n);
    gboolean ok;
    if (ferror(stdin)) {
        g_set_error(error, POLICY_ERROR, POLICY_ERROR_IO, "<stdin>: read error");
        ok = FALSE;
    } else {
        ok = policy_load_text(policy, "<stdin>", text->str, text->len, error);
    }
    g_string_free(text, TRUE);
    return ok;
}

gboolean
policy_load_path(Policy *policy, const char *path, GError **error)
{
    if (strcmp(path, "-") == 0)
        return load_stdin(policy, error);
    if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
        int before = policy->files_loaded;
        if (!load_dir(policy, path, 0, error))
            return FALSE;
        if (policy->files_loaded == before) {
            g_set_error(error, POLICY_ERROR, POLICY_ERROR_FORMAT,
                        "%s: no input in this directory: no file in it (or below) is Suricata "
                        "rule text, Network Firewall JSON, a CloudFormation template or "
                        "Terraform JSON%s",
                        path,
                        policy->hcl_files_skipped > 0
                            ? " (Terraform HCL *.tf files are not read: give 'terraform show "
                              "-json' output)"
                            : "");
            return FALSE;
        }
        return TRUE;
    }
    if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
        g_set_error(error, POLICY_ERROR, POLICY_ERROR_IO, "%s: no such file or directory", path);
        return FALSE;
    }
    return load_file(policy, path, error);
}
