/*
 * cmd_expand.c - `nfw-advisor expand`: the effective rules of the policy in
 * evaluation order, exactly as Network Firewall holds them (domain lists
 * and standard rules expanded).
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "report/report.h"

int
cmd_expand(int argc, char **argv)
{
    char *format = NULL;
    InputOptions inputs = { 0 };
    GOptionEntry entries[] = {
        { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output format: text (default) or json",
          "FORMAT" },
        { NULL },
    };
    GOptionContext *context =
        g_option_context_new("INPUT... - print the effective rules in evaluation order");
    g_option_context_set_summary(
        context, "Prints every rule of the policy in the order Network Firewall evaluates them:\n"
                 "STRICT_ORDER: groups by priority, rules as written; DEFAULT_ACTION_ORDER: pass,\n"
                 "drop, reject, alert, then the priority keyword.  Domain lists and standard\n"
                 "stateful rules are expanded into the rules Network Firewall generates.\n"
                 "INPUT is as for lint (- for standard input; -- ends the options).");
    g_option_context_add_main_entries(context, entries, NULL);
    cli_input_options_add(context, &inputs, TRUE);
    GError *error = NULL;
    int rc = EXIT_USAGE;
    Policy *policy = NULL;

    if (!cli_parse_args(context, &argc, &argv, &error)) {
        cli_error("expand", "%s", error->message);
        g_error_free(error);
        goto out;
    }
    gboolean json = format != NULL && strcmp(format, "json") == 0;
    if (format != NULL && !json && strcmp(format, "text") != 0) {
        cli_error("expand", "unknown --format '%s' (text or json)", format);
        goto out;
    }
    if (argc < 2) {
        cli_error("expand", "no input given (try 'nfw-advisor expand --help')");
        goto out;
    }
    policy = cli_load_policy(argv + 1, &inputs);
    if (policy == NULL)
        goto out;
    if (json)
        report_expand_json(stdout, policy);
    else
        report_expand_text(stdout, policy);
    rc = EXIT_CLEAN;
out:
    policy_free(policy);
    g_free(format);
    cli_input_options_clear(&inputs);
    g_option_context_free(context);
    return rc;
}
