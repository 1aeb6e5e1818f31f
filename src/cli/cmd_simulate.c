/*
 * cmd_simulate.c - `nfw-advisor simulate --rules PROPOSED... LOG...`: what
 * the proposed policy would do to every flow the logs hold, compared with
 * what the logs show (or with --baseline CURRENT...), the changes grouped
 * by rule and destination.  --fail-on-change makes it a CI gate: exit 1
 * when a flow would be newly blocked.
 *
 * JSON is streamed (flows are written as they are finished); the other
 * formats print the summary at the end.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "report/report.h"
#include "simulate/simulate.h"
#include "verdict/verdict.h"

static gboolean
parse_time_option(const char *name, const char *value, gint64 *out)
{
    if (log_time_parse(value, strlen(value), out))
        return TRUE;
    cli_error("simulate", "%s: cannot read '%s' as a time (2025-02-24 or 2025-02-24T14:30:00Z)",
              name, value);
    return FALSE;
}

static VerdictEngine *
engine_for(const char *what, Policy *policy, const char *defaults)
{
    GPtrArray *da = NULL;
    if (defaults && !cli_parse_default_actions("simulate", defaults, &da))
        return NULL;
    GError *error = NULL;
    VerdictEngine *e = verdict_engine_new(policy, da, &error);
    if (e == NULL) {
        cli_error("simulate", "%s: %s", what, error->message);
        g_error_free(error);
    }
    if (da)
        g_ptr_array_unref(da);
    return e;
}

int
cmd_simulate(int argc, char **argv)
{
    char **rules = NULL, **baseline = NULL, **firewalls = NULL;
    char *format = NULL, *output = NULL, *defaults = NULL, *baseline_defaults = NULL;
    char *since = NULL, *until = NULL;
    gboolean fail_on_change = FALSE;
    gint top = 10;
    InputOptions inputs = { 0 };
    GOptionEntry entries[] = {
        { "rules", 'r', 0, G_OPTION_ARG_FILENAME_ARRAY, &rules,
          "The proposed policy: rule group, policy JSON, .rules file or directory (repeatable; "
          "required)",
          "INPUT" },
        { "baseline", 'b', 0, G_OPTION_ARG_FILENAME_ARRAY, &baseline,
          "Compare with this policy, simulated the same way, instead of with what the logs show "
          "(repeatable)",
          "INPUT" },
        { "default-actions", 0, 0, G_OPTION_ARG_STRING, &defaults,
          "Stateful default actions of the proposed policy instead of its own, comma-separated "
          "(\"\" for none)",
          "LIST" },
        { "baseline-default-actions", 0, 0, G_OPTION_ARG_STRING, &baseline_defaults,
          "The same for --baseline", "LIST" },
        { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
          "Output format: text (default), json, markdown or html", "FORMAT" },
        { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE instead of stdout",
          "FILE" },
        { "fail-on-change", 0, 0, G_OPTION_ARG_NONE, &fail_on_change,
          "Exit 1 when a flow would be newly blocked", NULL },
        { "top", 0, 0, G_OPTION_ARG_INT, &top, "Rows per group in text, markdown, html (10)", "N" },
        { "since", 0, 0, G_OPTION_ARG_STRING, &since, "Only events at or after this time (UTC)",
          "TIME" },
        { "until", 0, 0, G_OPTION_ARG_STRING, &until, "Only events before this time (UTC)",
          "TIME" },
        { "firewall", 0, 0, G_OPTION_ARG_STRING_ARRAY, &firewalls,
          "Only events of this firewall_name (repeatable)", "NAME" },
        { NULL },
    };
    GOptionContext *context = g_option_context_new(
        "--rules PROPOSED... LOG... - what a proposed policy would do to the logged flows");
    g_option_context_set_summary(
        context,
        "LOG is an NFW alert or flow log (JSON Lines, .gz, S3 folder tree, Firehose,\n"
        "filter-log-events JSON, JSON array, raw eve.json) or - for standard input; give both\n"
        "the alert and the flow logs of the same period.  Each flow is rebuilt from its flow\n"
        "records and alerts, walked through the proposed policy, and compared with what the\n"
        "logs show (or with --baseline).  Exit status: 0 done, 1 with --fail-on-change when a\n"
        "flow would be newly blocked, 2 usage or input error.");
    g_option_context_add_main_entries(context, entries, NULL);
    cli_input_options_add(context, &inputs, TRUE);
    GError *error = NULL;
    int rc = EXIT_USAGE;
    Policy *proposed = NULL, *base = NULL;
    VerdictEngine *pe = NULL, *be = NULL;
    FILE *dest = NULL;
    SimSummary summary;
    simulate_summary_init(&summary);

    if (!cli_parse_args(context, &argc, &argv, &error)) {
        cli_error("simulate", "%s", error->message);
        g_clear_error(&error);
        goto out;
    }
    OutputFormat fmt = OUTPUT_TEXT;
    if (format && !cli_output_format_parse("simulate", format, &fmt))
        goto out;
    if (fmt == OUTPUT_SARIF) {
        cli_error("simulate", "--format sarif is for findings: use text, json, markdown or html");
        goto out;
    }
    if (top < 1) {
        cli_error("simulate", "--top must be at least 1");
        goto out;
    }
    LogFilter filter = { 0 };
    if (since && !(filter.has_since = parse_time_option("--since", since, &filter.since_us)))
        goto out;
    if (until && !(filter.has_until = parse_time_option("--until", until, &filter.until_us)))
        goto out;
    filter.firewalls = (const char *const *)firewalls;
    if (rules == NULL) {
        cli_error("simulate", "no --rules given (try 'nfw-advisor simulate --help')");
        goto out;
    }
    if (argc < 2) {
        cli_error("simulate", "no log given (try 'nfw-advisor simulate --help')");
        goto out;
    }
    if (baseline_defaults && baseline == NULL) {
        cli_error("simulate", "--baseline-default-actions needs --baseline");
        goto out;
    }
    proposed = cli_load_policy(rules, &inputs);
    if (proposed == NULL || !cli_policy_usable("simulate", proposed))
        goto out;
    if ((pe = engine_for("--default-actions", proposed, defaults)) == NULL)
        goto out;
    if (baseline) {
        base = cli_load_policy(baseline, &inputs);
        if (base == NULL || !cli_policy_usable("simulate", base))
            goto out;
        if ((be = engine_for("--baseline-default-actions", base, baseline_defaults)) == NULL)
            goto out;
    }
    summary.order = proposed->order;
    summary.rules = proposed->eval_order->len;
    const GPtrArray *da = verdict_engine_default_actions(pe);
    for (guint i = 0; i < da->len; i++)
        g_ptr_array_add(summary.default_actions, g_strdup(g_ptr_array_index(da, i)));

    dest = cli_output_open("simulate", output);
    if (dest == NULL)
        goto out;
    SimJsonWriter writer = { dest, 0, FALSE };
    SimOptions opt = { pe, be, &filter, { NULL, NULL } };
    if (fmt == OUTPUT_JSON) {
        opt.sink.flow = report_simulate_json_flow;
        opt.sink.data = &writer;
        report_simulate_json_begin(&writer);
    }
    gboolean opened = FALSE;
    gboolean read_ok = simulate_run(&opt, (const char *const *)argv + 1, (gsize)argc - 1, &summary,
                                    &opened, &error);
    if (!read_ok) {
        cli_error("simulate", "%s", error->message);
        g_clear_error(&error);
    }
    if (!opened) {
        cli_output_close("simulate", dest, output);
        dest = NULL;
        goto out;
    }
    switch (fmt) {
    case OUTPUT_JSON: report_simulate_json_end(&writer, &summary); break;
    case OUTPUT_MARKDOWN: report_simulate_markdown(dest, &summary, (guint)top); break;
    case OUTPUT_HTML: report_simulate_html(dest, &summary, (guint)top); break;
    default: report_simulate_text(dest, &summary, (guint)top); break;
    }
    gboolean closed = cli_output_close("simulate", dest, output);
    dest = NULL;
    if (!closed || !read_ok || cli_nothing_usable("simulate", &summary.stats))
        goto out;
    rc = fail_on_change && summary.newly_blocked > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
out:
    simulate_summary_clear(&summary);
    verdict_engine_free(pe);
    verdict_engine_free(be);
    policy_free(proposed);
    policy_free(base);
    g_strfreev(rules);
    g_strfreev(baseline);
    g_strfreev(firewalls);
    g_free(format);
    g_free(output);
    g_free(defaults);
    g_free(baseline_defaults);
    g_free(since);
    g_free(until);
    cli_input_options_clear(&inputs);
    g_option_context_free(context);
    return rc;
}
