/*
 * cli_inputs.c - options shared by commands that read rule groups, the
 * loading of all input paths into one Policy, and the argument parsing
 * every command shares.
 *
 * Decisions:
 *  - `--` ends the options, always: GOption keeps a `--` in argv in some
 *    cases (an argument starting with '-' after it), so cli_parse_args()
 *    splits argv at the first `--` itself and hands GOption only what is
 *    before it.
 *  - Loading nothing is an input error, not a clean run: a policy with no
 *    rule and no firewall policy (an empty folder, a folder of other files,
 *    a .rules file of comments) would pass every check, which in CI reads as
 *    "all good" when the path was wrong.
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

gboolean
cli_parse_args(GOptionContext *context, int *argc, char ***argv, GError **error)
{
    int n = *argc, dashdash = -1;
    for (int i = 1; i < n; i++) {
        if (strcmp((*argv)[i], "--") == 0) {
            dashdash = i;
            break;
        }
    }
    if (dashdash < 0)
        return g_option_context_parse(context, argc, argv, error);
    /* GOption parses (and reorders) a copy of the part before `--`; the
     * result and then everything after `--` are written back into argv,
     * which is long enough since `--` itself goes. */
    char **head = g_new0(char *, dashdash + 1);
    memcpy(head, *argv, sizeof(char *) * (gsize)dashdash);
    int head_argc = dashdash;
    char **parsed = head;
    gboolean ok = g_option_context_parse(context, &head_argc, &parsed, error);
    if (ok) {
        char **out = *argv;
        int tail = n - dashdash - 1;
        char **rest = g_new(char *, tail + 1);
        memcpy(rest, *argv + dashdash + 1, sizeof(char *) * (gsize)tail);
        memcpy(out, parsed, sizeof(char *) * (gsize)head_argc);
        memcpy(out + head_argc, rest, sizeof(char *) * (gsize)tail);
        out[head_argc + tail] = NULL;
        *argc = head_argc + tail;
        g_free(rest);
    }
    g_free(head);
    return ok;
}

void
cli_input_options_add(GOptionContext *context, InputOptions *options, gboolean with_engine)
{
    GOptionEntry entries[] = {
        { "var", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->vars,
          "Define a rule variable (repeatable), e.g. HOME_NET=[10.0.0.0/16]", "NAME=VALUE" },
        { "rule-order", 0, 0, G_OPTION_ARG_STRING, &options->rule_order,
          "Rule order of bare .rules files: strict (default) or action", "ORDER" },
        { "engine", 0, 0, G_OPTION_ARG_STRING, &options->engine,
          "Judge rules as nfw (default: Network Firewall's Suricata, with aws_domain_category, "
          "aws_url_category and geoip) or suricata (exactly Suricata 7.0.10)",
          "ENGINE" },
        { NULL },
    };
    if (!with_engine)
        entries[2] = (GOptionEntry){ NULL };
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
    g_free(options->engine);
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
    RuleEngine engine = RULE_ENGINE_NFW;
    if (options->engine != NULL && !rule_engine_from_string(options->engine, &engine)) {
        fprintf(stderr, "nfw-advisor: --engine must be 'nfw' or 'suricata', not '%s'\n",
                options->engine);
        return NULL;
    }
    Policy *policy = policy_new(order);
    policy->parse_options.engine = engine;
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
    if (!policy_has_input(policy)) {
        GString *names = g_string_new(NULL);
        for (char **p = paths; p && *p; p++)
            g_string_append_printf(names, "%s%s", names->len ? ", " : "",
                                   strcmp(*p, "-") == 0 ? "<stdin>" : *p);
        fprintf(stderr,
                "nfw-advisor: no rule and no firewall policy in %s: nothing to check "
                "(Suricata rule text or Network Firewall rule-group or firewall-policy JSON "
                "is expected)\n",
                names->str);
        g_string_free(names, TRUE);
        policy_free(policy);
        return NULL;
    }
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
