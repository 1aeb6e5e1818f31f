/*
 * cmd_analyze.c - `nfw-advisor analyze`: options, then load the rules, run
 * the analysis (analyze_run: reader threads, progress, --results), build
 * the view, run the log checks, print, exit by --fail-on.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "analyze/analyze.h"
#include "cli/cli.h"
#include "findings/findings.h"
#include "logs/logs.h"
#include "report/report.h"

/* What the command line says. */
typedef struct {
    char *since, *until;
    char **firewalls, **rules;
    ReportOptions report;
    InputOptions inputs;
    gint top, threads;     /* threads 0: one per core, as DuckDB, ripgrep and zstd do */
    gboolean from_results; /* --results: query results instead of logs */
    gdouble noisy_share, noisy_rate, nat_share; /* < 0: the default */
    gint noisy_min_hits, review_sources;        /* < 0: the default */
} AnalyzeOptions;

static gboolean
parse_time_option(const char *name, const char *value, gint64 *out)
{
    if (log_time_parse(value, strlen(value), out))
        return TRUE;
    cli_error("analyze", "%s: cannot read '%s' as a time (2025-02-24 or 2025-02-24T14:30:00Z)",
              name, value);
    return FALSE;
}

static GOptionContext *
options_context(AnalyzeOptions *o)
{
    GOptionEntry entries[] = {
        { "rules", 'r', 0, G_OPTION_ARG_FILENAME_ARRAY, &o->rules,
          "Rule group, policy JSON, .rules file or directory (repeatable; required)", "INPUT" },
        { "since", 0, 0, G_OPTION_ARG_STRING, &o->since, "Only events at or after this time (UTC)",
          "TIME" },
        { "until", 0, 0, G_OPTION_ARG_STRING, &o->until, "Only events before this time (UTC)",
          "TIME" },
        { "firewall", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->firewalls,
          "Only events of this firewall_name (repeatable)", "NAME" },
        { "top", 0, 0, G_OPTION_ARG_INT, &o->top,
          "Rows in top lists and findings shown per check (" G_STRINGIFY(ANALYZE_DEFAULT_TOP) ")",
          "N" },
        { "threads", 'j', 0, G_OPTION_ARG_INT, &o->threads,
          "Reader threads (0 = one per core, the default; 1 = one thread)", "N" },
        { "results", 0, 0, G_OPTION_ARG_NONE, &o->from_results,
          "The arguments are results of the queries of 'nfw-advisor export-queries' "
          "(get-query-results JSON or Athena CSV), not logs",
          NULL },
        { "noisy-share", 0, 0, G_OPTION_ARG_DOUBLE, &o->noisy_share,
          "noisy-rule: share of all alerts (" G_STRINGIFY(ANALYZE_DEFAULT_NOISY_SHARE) ")",
          "FRACTION" },
        { "noisy-rate", 0, 0, G_OPTION_ARG_DOUBLE, &o->noisy_rate,
          "noisy-rule: alerts per hour (" G_STRINGIFY(ANALYZE_DEFAULT_NOISY_RATE) ")", "N" },
        { "noisy-min-hits", 0, 0, G_OPTION_ARG_INT, &o->noisy_min_hits,
          "noisy-rule: never below this many hits (" G_STRINGIFY(
              ANALYZE_DEFAULT_NOISY_MIN_HITS) ")",
          "N" },
        { "review-sources", 0, 0, G_OPTION_ARG_INT, &o->review_sources,
          "alert-mode-review at or above this many distinct sources (" G_STRINGIFY(
              ANALYZE_DEFAULT_REVIEW_SOURCES) ")",
          "N" },
        { "nat-share", 0, 0, G_OPTION_ARG_DOUBLE, &o->nat_share,
          "nat-masked-sources: share of alerts from the top two sources (" G_STRINGIFY(
              ANALYZE_DEFAULT_NAT_SHARE) ")",
          "FRACTION" },
        { NULL },
    };
    GOptionContext *context =
        g_option_context_new("--rules INPUT... LOG... - map alerts to rules and advise");
    g_option_context_set_summary(
        context, "LOG is an NFW alert or flow log (JSON Lines, .gz, S3 folder tree, Firehose,\n"
                 "filter-log-events JSON, JSON array, raw eve.json) or - for standard input\n"
                 "(--rules - reads the rules from it instead).  No record at all, --since not\n"
                 "before --until, or a filter that matches nothing is exit 2, naming the\n"
                 "firewalls and window the logs hold.\n"
                 "Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.");
    g_option_context_add_main_entries(context, entries, NULL);
    cli_report_options_add(context, &o->report);
    cli_input_options_add(context, &o->inputs, TRUE);
    return context;
}

static void
options_clear(AnalyzeOptions *o)
{
    cli_report_options_clear(&o->report);
    g_free(o->since);
    g_free(o->until);
    g_strfreev(o->firewalls);
    g_strfreev(o->rules);
    cli_input_options_clear(&o->inputs);
}

/* The thresholds: defaults, then what the options override. */
static gboolean
options_thresholds(const AnalyzeOptions *o, AnalyzeThresholds *t)
{
    analyze_thresholds_init(t);
    if (o->top < 1 || o->threads < 0 || o->threads > 256) {
        cli_error("analyze", "--top must be at least 1 and --threads between 0 and 256");
        return FALSE;
    }
    t->top = o->top;
    if (o->noisy_share >= 0)
        t->noisy_share = o->noisy_share;
    if (o->noisy_rate >= 0)
        t->noisy_rate = o->noisy_rate;
    if (o->noisy_min_hits >= 0)
        t->noisy_min_hits = o->noisy_min_hits;
    if (o->review_sources >= 0)
        t->review_sources = o->review_sources;
    if (o->nat_share >= 0)
        t->nat_share = o->nat_share;
    return TRUE;
}

static gboolean
options_filter(const AnalyzeOptions *o, LogFilter *filter)
{
    memset(filter, 0, sizeof *filter);
    if (o->since &&
        !(filter->has_since = parse_time_option("--since", o->since, &filter->since_us)))
        return FALSE;
    if (o->until &&
        !(filter->has_until = parse_time_option("--until", o->until, &filter->until_us)))
        return FALSE;
    filter->firewalls = (const char *const *)o->firewalls;
    return TRUE;
}

/* The run's messages; FALSE when reading went wrong somewhere. */
static gboolean
print_messages(GPtrArray *errors, GPtrArray *notes)
{
    for (guint i = 0; i < errors->len; i++)
        cli_error("analyze", "%s", (char *)g_ptr_array_index(errors, i));
    for (guint i = 0; i < notes->len; i++)
        cli_error("analyze", "warning: %s", (char *)g_ptr_array_index(notes, i));
    return errors->len == 0;
}

static gboolean
print_report(OutputFormat fmt, const char *output, const AnalyzeView *view,
             const AnalyzeThresholds *t, GPtrArray *findings)
{
    FILE *dest = cli_output_open("analyze", output);
    if (dest == NULL)
        return FALSE;
    switch (fmt) {
    case OUTPUT_HTML: report_analyze_html(dest, view, t, findings); break;
    case OUTPUT_JSON: report_analyze_json(dest, view, t, findings); break;
    case OUTPUT_SARIF: report_findings_sarif(dest, findings, NFW_ADVISOR_VERSION); break;
    case OUTPUT_MARKDOWN:
        report_findings_markdown(dest, findings, "nfw-advisor analyze",
                                 "Findings from the alert and flow logs.");
        break;
    case OUTPUT_TEXT: report_analyze_text(dest, view, t, findings); break;
    }
    return cli_output_close("analyze", dest, output);
}

int
cmd_analyze(int argc, char **argv)
{
    AnalyzeOptions o = { .top = ANALYZE_DEFAULT_TOP,
                         .noisy_share = -1,
                         .noisy_rate = -1,
                         .nat_share = -1,
                         .noisy_min_hits = -1,
                         .review_sources = -1 };
    GOptionContext *context = options_context(&o);
    GError *error = NULL;
    int rc = EXIT_USAGE;
    Policy *policy = NULL;
    AnalyzeIndex *index = NULL;
    AnalyzeAgg *total = NULL;
    AnalyzeView *view = NULL;
    GHashTable *disabled = NULL;
    GPtrArray *findings = NULL;
    g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func(g_free);
    gboolean *fw_seen = NULL; /* per --firewall name: some used record carried it */

    if (!cli_parse_args(context, &argc, &argv, &error)) {
        cli_error("analyze", "%s", error->message);
        g_error_free(error);
        goto out;
    }
    OutputFormat fmt;
    Severity threshold;
    AnalyzeThresholds t;
    LogFilter filter;
    gboolean ok;
    if (!cli_output_format_parse("analyze", o.report.format, &fmt) ||
        !cli_parse_fail_on("analyze", o.report.fail_on, &threshold) ||
        !options_thresholds(&o, &t) || !options_filter(&o, &filter) ||
        !cli_window_check("analyze", &filter))
        goto out;
    disabled = cli_parse_disabled("analyze", o.report.disable, &ok);
    if (!ok)
        goto out;
    if (o.rules == NULL) {
        cli_error("analyze", "no --rules given (try 'nfw-advisor analyze --help')");
        goto out;
    }
    if (argc < 2) {
        cli_error("analyze", "no log given (try 'nfw-advisor analyze --help')");
        goto out;
    }
    if (!o.from_results && base_str_in_list((const char *const *)o.rules, "-") &&
        base_str_in_list((const char *const *)argv + 1, "-")) {
        cli_error("analyze", "--rules - and a log - both want standard input: give one of them "
                             "as a file");
        goto out;
    }
    policy = cli_load_policy(o.rules, &o.inputs);
    if (policy == NULL)
        goto out;
    if (o.from_results && (o.since || o.until || o.firewalls)) {
        cli_error("analyze", "--since, --until and --firewall filter logs: with --results, "
                             "choose the window and log groups when running the queries");
        goto out;
    }

    index = analyze_index_new(policy);
    AnalyzeRunOptions run = {
        .inputs = (const char *const *)argv + 1,
        .n_inputs = (gsize)argc - 1,
        .from_results = o.from_results,
        .filter = &filter,
        .threads = (guint)o.threads,
        .progress = isatty(STDERR_FILENO),
    };
    if (o.firewalls != NULL)
        run.firewall_seen = fw_seen = g_new0(gboolean, g_strv_length(o.firewalls));
    total = analyze_run(index, &run, errors, notes, &error);
    gboolean read_ok = print_messages(errors, notes);
    if (total == NULL) {
        cli_error("analyze", "%s", error->message);
        g_clear_error(&error);
        goto out;
    }
    if (!o.from_results &&
        !cli_logs_matched("analyze", &total->stats, run.inputs, run.n_inputs, &filter, fw_seen))
        goto out;
    view = analyze_view_new(total);
    findings = g_ptr_array_new_with_free_func((GDestroyNotify)finding_free);
    analyze_findings(view, &t, disabled, findings);
    cli_drop_disabled(findings, disabled);
    if (!cli_findings_accept("analyze", findings, policy, o.report.baseline))
        goto out;
    if (fmt == OUTPUT_SARIF)
        cli_findings_locate(findings, policy);
    if (!print_report(fmt, o.report.output, view, &t, findings))
        goto out;
    rc = cli_findings_exit_status(findings, threshold);
    if (!read_ok || (!o.from_results && cli_nothing_usable("analyze", &total->stats)))
        rc = EXIT_USAGE;
out:
    g_free(fw_seen);
    if (findings != NULL)
        g_ptr_array_free(findings, TRUE);
    analyze_view_free(view);
    analyze_agg_free(total);
    analyze_index_free(index);
    if (disabled != NULL)
        g_hash_table_destroy(disabled);
    policy_free(policy);
    options_clear(&o);
    g_option_context_free(context);
    return rc;
}
