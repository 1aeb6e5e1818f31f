/*
 * cmd_explain.c - `nfw-advisor explain --rules POLICY... FLOW`: one flow
 * typed by hand, walked through the policy packet class by packet class,
 * every rule it meets with what matched and what decided.
 *
 * FLOW may be one argument or several (they are joined with spaces, so
 * that an unquoted flow works when it has no shell metacharacters; `->`
 * must be quoted in a shell).  A FLOW that does not parse is reported with
 * the text and a caret under the column, exit 2.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "report/report.h"
#include "verdict/verdict.h"

static void
show_flow_error(const char *text, const GError *error)
{
    cli_error("explain", "FLOW: %s", error->message);
    const char *col = strstr(error->message, "column ");
    int c = col ? atoi(col + 7) : 0;
    if (c > 0) {
        GString *line = g_string_new(NULL);
        base_escape_terminal(line, text);
        fprintf(stderr, "  %s\n  %*s^\n", line->str, c - 1, "");
        g_string_free(line, TRUE);
    }
}

int
cmd_explain(int argc, char **argv)
{
    char **rules = NULL;
    char *format = NULL, *defaults = NULL;
    InputOptions inputs = { 0 };
    GOptionEntry entries[] = {
        { "rules", 'r', 0, G_OPTION_ARG_FILENAME_ARRAY, &rules,
          "Rule group, policy JSON, .rules file or directory (repeatable; required)", "INPUT" },
        { "default-actions", 0, 0, G_OPTION_ARG_STRING, &defaults,
          "Stateful default actions to use instead of the policy's, comma-separated "
          "(aws:drop_established,aws:alert_established; \"\" for none)",
          "LIST" },
        { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output format: text (default) or json",
          "FORMAT" },
        { NULL },
    };
    GOptionContext *context =
        g_option_context_new("--rules INPUT... FLOW - walk one flow through the policy");
    g_option_context_set_summary(
        context,
        "FLOW: PROTO CLIENT[:PORT] -> SERVER[:PORT] [KEY=VALUE]...\n"
        "  PROTO   tcp, udp, icmp, icmpv6, or an app protocol (tls, http, dns, ssh, ...)\n"
        "  KEY     sni, host, uri, ua, method, dns (the app fields), app (app_proto),\n"
        "          server=accept|refuse|silent and data=both|client|none (TCP),\n"
        "          reply=yes|no (UDP, ICMP)\n"
        "Example: nfw-advisor explain -r policy.json 'tcp 10.0.1.5:43211 -> 203.0.113.9:443 "
        "sni=api.example.com'\n"
        "Prints, per packet class (handshake, client data, server data, later packets), each\n"
        "rule in evaluation order: whether it matches and why, which one decides, then the\n"
        "verdict.  Exit status: 0 allowed, 1 blocked, 3 undetermined, 2 usage or input error.");
    g_option_context_add_main_entries(context, entries, NULL);
    cli_input_options_add(context, &inputs, TRUE);
    GError *error = NULL;
    int rc = EXIT_USAGE;
    Policy *policy = NULL;
    VerdictEngine *engine = NULL;
    VerdictTrace *trace = NULL;
    GPtrArray *da = NULL;
    char *text = NULL;
    VerdictFlow flow;
    verdict_flow_init(&flow);
    VerdictResult result;
    verdict_result_init(&result);

    /* An unquoted arrow is a FLOW word, not an option: hide it from GOption. */
    static char arrow_right[] = "\001->", arrow_left[] = "\001<-";
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "->") == 0)
            argv[i] = arrow_right;
        else if (strcmp(argv[i], "<-") == 0)
            argv[i] = arrow_left;
    }
    gboolean parsed = cli_parse_args(context, &argc, &argv, &error);
    for (int i = 1; i < argc; i++)
        if (argv[i][0] == '\001')
            argv[i]++;
    if (!parsed) {
        cli_error("explain", "%s", error->message);
        g_clear_error(&error);
        goto out;
    }
    gboolean json = FALSE;
    if (format && strcmp(format, "json") == 0)
        json = TRUE;
    else if (format && strcmp(format, "text") != 0) {
        cli_error("explain", "--format must be text or json, not '%s'", format);
        goto out;
    }
    if (rules == NULL) {
        cli_error("explain", "no --rules given (try 'nfw-advisor explain --help')");
        goto out;
    }
    if (argc < 2) {
        cli_error("explain", "no FLOW given (try 'nfw-advisor explain --help')");
        goto out;
    }
    text = g_strjoinv(" ", argv + 1);
    if (!verdict_flow_parse(text, &flow, &error)) {
        show_flow_error(text, error);
        g_clear_error(&error);
        goto out;
    }
    policy = cli_load_policy(rules, &inputs);
    if (policy == NULL || !cli_policy_usable("explain", policy))
        goto out;
    if (defaults && !cli_parse_default_actions("explain", defaults, &da))
        goto out;
    engine = verdict_engine_new(policy, da, &error);
    if (engine == NULL) {
        cli_error("explain", "--default-actions: %s", error->message);
        g_clear_error(&error);
        goto out;
    }
    trace = verdict_trace_new();
    verdict_evaluate(engine, &flow, &result, trace);
    ExplainInfo info = { policy->eval_order->len, policy->order,
                         verdict_engine_default_actions(engine) };
    if (json)
        report_explain_json(stdout, &flow, &info, trace, &result);
    else
        report_explain_text(stdout, &flow, &info, trace, &result);
    rc = result.verdict == VERDICT_ALLOWED   ? EXIT_CLEAN
         : result.verdict == VERDICT_BLOCKED ? EXIT_FINDINGS
                                             : EXIT_UNDETERMINED;
out:
    verdict_trace_free(trace);
    verdict_result_clear(&result);
    verdict_flow_clear(&flow);
    verdict_engine_free(engine);
    if (da)
        g_ptr_array_unref(da);
    policy_free(policy);
    g_free(text);
    g_free(format);
    g_free(defaults);
    g_strfreev(rules);
    cli_input_options_clear(&inputs);
    g_option_context_free(context);
    return rc;
}
