/*
 * cli_inputs.c - options shared by commands that read rule groups, and the
 * loading of all input paths into one Policy.
 */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

void
cli_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    fprintf(stderr, "nfw-advisor %s: %s\n", command, msg);
    g_free(msg);
}

void
cli_input_options_add(GOptionContext *context, InputOptions *options)
{
    GOptionEntry entries[] = {
        { "var", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->vars,
          "Define a rule variable (repeatable), e.g. HOME_NET=[10.0.0.0/16]", "NAME=VALUE" },
        { "rule-order", 0, 0, G_OPTION_ARG_STRING, &options->rule_order,
          "Rule order of bare .rules files: strict (default) or action", "ORDER" },
        { NULL },
    };
    GOptionGroup *group =
        g_option_group_new("input", "Input options:", "Show input options", NULL, NULL);
    g_option_group_add_entries(group, entries);
    g_option_context_add_group(context, group);
}

void
cli_input_options_clear(InputOptions *options)
{
    g_strfreev(options->vars);
    g_free(options->rule_order);
}

Policy *
cli_load_policy(char **paths, const InputOptions *options)
{
    RuleOrder order = RULE_ORDER_STRICT;
    if (options->rule_order != NULL) {
        if (strcmp(options->rule_order, "strict") == 0)
            order = RULE_ORDER_STRICT;
        else if (strcmp(options->rule_order, "action") == 0)
            order = RULE_ORDER_ACTION;
        else {
            fprintf(stderr, "nfw-advisor: --rule-order must be 'strict' or 'action', not '%s'\n",
                    options->rule_order);
            return NULL;
        }
    }
    Policy *policy = policy_new(order);
    GError *error = NULL;
    for (char **v = options->vars; v && *v; v++) {
        if (!policy_add_cli_var(policy, *v, &error))
            goto fail;
    }
    for (char **p = paths; p && *p; p++) {
        if (!policy_load_path(policy, *p, &error))
            goto fail;
    }
    if (!policy_finish(policy, &error))
        goto fail;
    return policy;
fail:
    fprintf(stderr, "nfw-advisor: %s\n", error->message);
    g_error_free(error);
    policy_free(policy);
    return NULL;
}

gboolean
cli_policy_usable(const char *command, const Policy *policy)
{
    guint errors = 0;
    for (guint i = 0; i < policy->findings->len; i++) {
        const Finding *f = g_ptr_array_index(policy->findings, i);
        if (f->severity != SEVERITY_ERROR)
            continue;
        if (errors++ < 5)
            cli_error(command, "%s:%d:%d: %s", f->loc.file ? f->loc.file : "?", f->loc.line,
                      f->loc.column, f->message);
    }
    if (errors == 0)
        return TRUE;
    cli_error(command,
              "%u error%s in the rules: Network Firewall would refuse them (run 'nfw-advisor "
              "lint' for all findings)",
              errors, errors == 1 ? "" : "s");
    return FALSE;
}

gboolean
cli_parse_default_actions(const char *command, const char *value, GPtrArray **out)
{
    GPtrArray *list = g_ptr_array_new_with_free_func(g_free);
    char **items = g_strsplit(value, ",", -1);
    gboolean ok = TRUE;
    for (char **p = items; *p; p++) {
        char *s = g_strstrip(*p);
        if (*s == '\0') {
            if (items[1] != NULL || p != items) {
                cli_error(command, "--default-actions: an empty item in '%s'", value);
                ok = FALSE;
            }
            continue;
        }
        g_ptr_array_add(list, g_strdup(s));
    }
    g_strfreev(items);
    if (!ok) {
        g_ptr_array_unref(list);
        return FALSE;
    }
    *out = list;
    return TRUE;
}
