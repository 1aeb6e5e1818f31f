/*
 * cmd_analyze.c - `nfw-advisor analyze`: load the rules, stream the logs
 * (in parallel over files and byte ranges of big plain files), map every
 * alert to its rule, aggregate, run the log checks, print, exit by
 * --fail-on.
 *
 * Threads: log_parts_plan() cuts the inputs into parts; thread t gets the
 * t-th contiguous run of them (so merging in thread order keeps input
 * order); each thread has its own LogReader and AnalyzeAgg over the
 * shared read-only AnalyzeIndex; the aggregates are merged at the end.
 * Progress: when stderr is a terminal, thread 0 prints one updating line
 * (events and MB read by all threads) about once a second.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "analyze/analyze.h"
#include "findings/findings.h"
#include "cli/cli.h"
#include "logs/logs.h"
#include "report/report.h"

/* Plain files above this size are read by several threads. */
#define PART_MIN_BYTES ((gint64)64 << 20)

typedef struct {
    GPtrArray *parts; /* LogPart*, borrowed from the plan */
    const AnalyzeIndex *index;
    const LogFilter *filter;
    AnalyzeAgg *agg;       /* owned by the caller */
    GPtrArray *errors;     /* char* messages, owned */
    gboolean progress;     /* this thread prints the progress line */
    gboolean decode_ahead; /* gzip inflated by a thread of its own (not --threads 1) */
    gint *events_total;    /* shared, atomic */
    gint64 start_us;
} Worker;

static gpointer
worker_run(gpointer data)
{
    Worker *w = data;
    GError *error = NULL;
    LogReader *reader = log_reader_open_parts(w->parts, &error);
    if (reader == NULL) {
        g_ptr_array_add(w->errors, g_strdup(error->message));
        g_error_free(error);
        return NULL;
    }
    log_reader_set_filter(reader, w->filter);
    log_reader_set_decode_ahead(reader, w->decode_ahead);
    LogEvent ev;
    guint64 n = 0;
    gint64 next_print = w->start_us + G_USEC_PER_SEC;
    for (;;) {
        if (!log_reader_next(reader, &ev, &error)) {
            if (error == NULL)
                break;
            g_ptr_array_add(w->errors, g_strdup(error->message));
            g_clear_error(&error);
            continue; /* the reader goes on with the next file */
        }
        analyze_agg_add_event(w->agg, &ev, 1);
        if (++n % 65536 == 0) {
            g_atomic_int_add(w->events_total, 1);
            if (w->progress && g_get_monotonic_time() >= next_print) {
                next_print = g_get_monotonic_time() + G_USEC_PER_SEC;
                const LogStats *st = log_reader_get_stats(reader);
                double secs = (g_get_monotonic_time() - w->start_us) / 1e6;
                fprintf(stderr, "\ranalyze: %.1f M events, %.0f MB read by this thread, %.0f s   ",
                        g_atomic_int_get(w->events_total) * 65536 / 1e6, st->bytes_in / 1e6, secs);
                fflush(stderr);
            }
        }
    }
    log_stats_merge(&w->agg->stats, log_reader_get_stats(reader));
    log_reader_free(reader);
    return NULL;
}

static gboolean
parse_time_option(const char *name, const char *value, gint64 *out)
{
    if (log_time_parse(value, strlen(value), out))
        return TRUE;
    cli_error("analyze", "%s: cannot read '%s' as a time (2025-02-24 or 2025-02-24T14:30:00Z)",
              name, value);
    return FALSE;
}

int
cmd_analyze(int argc, char **argv)
{
    char *since = NULL, *until = NULL;
    char **firewalls = NULL, **rules = NULL;
    ReportOptions report = { 0 };
    gint top = ANALYZE_DEFAULT_TOP,
         threads = 0;              /* 0: one per core, as DuckDB, ripgrep and zstd do */
    gboolean from_results = FALSE; /* --results: query results instead of logs */
    gdouble noisy_share = -1, noisy_rate = -1, nat_share = -1;
    gint noisy_min_hits = -1, review_sources = -1;
    InputOptions inputs = { 0 };
    GOptionEntry entries[] = {
        { "rules", 'r', 0, G_OPTION_ARG_FILENAME_ARRAY, &rules,
          "Rule group, policy JSON, .rules file or directory (repeatable; required)", "INPUT" },
        { "since", 0, 0, G_OPTION_ARG_STRING, &since, "Only events at or after this time (UTC)",
          "TIME" },
        { "until", 0, 0, G_OPTION_ARG_STRING, &until, "Only events before this time (UTC)",
          "TIME" },
        { "firewall", 0, 0, G_OPTION_ARG_STRING_ARRAY, &firewalls,
          "Only events of this firewall_name (repeatable)", "NAME" },
        { "top", 0, 0, G_OPTION_ARG_INT, &top,
          "Rows in top lists and findings shown per check (" G_STRINGIFY(ANALYZE_DEFAULT_TOP) ")",
          "N" },
        { "threads", 'j', 0, G_OPTION_ARG_INT, &threads,
          "Reader threads (0 = one per core, the default; 1 = one thread)", "N" },
        { "results", 0, 0, G_OPTION_ARG_NONE, &from_results,
          "The arguments are results of the queries of 'nfw-advisor export-queries' "
          "(get-query-results JSON or Athena CSV), not logs",
          NULL },
        { "noisy-share", 0, 0, G_OPTION_ARG_DOUBLE, &noisy_share,
          "noisy-rule: share of all alerts (" G_STRINGIFY(ANALYZE_DEFAULT_NOISY_SHARE) ")",
          "FRACTION" },
        { "noisy-rate", 0, 0, G_OPTION_ARG_DOUBLE, &noisy_rate,
          "noisy-rule: alerts per hour (" G_STRINGIFY(ANALYZE_DEFAULT_NOISY_RATE) ")", "N" },
        { "noisy-min-hits", 0, 0, G_OPTION_ARG_INT, &noisy_min_hits,
          "noisy-rule: never below this many hits (" G_STRINGIFY(
              ANALYZE_DEFAULT_NOISY_MIN_HITS) ")",
          "N" },
        { "review-sources", 0, 0, G_OPTION_ARG_INT, &review_sources,
          "alert-mode-review at or above this many distinct sources (" G_STRINGIFY(
              ANALYZE_DEFAULT_REVIEW_SOURCES) ")",
          "N" },
        { "nat-share", 0, 0, G_OPTION_ARG_DOUBLE, &nat_share,
          "nat-masked-sources: share of alerts from the top two sources (" G_STRINGIFY(
              ANALYZE_DEFAULT_NAT_SHARE) ")",
          "FRACTION" },
        { NULL },
    };
    GOptionContext *context =
        g_option_context_new("--rules INPUT... LOG... - map alerts to rules and advise");
    g_option_context_set_summary(
        context, "LOG is an NFW alert or flow log (JSON Lines, .gz, S3 folder tree, Firehose,\n"
                 "filter-log-events JSON, JSON array, raw eve.json) or - for standard input.\n"
                 "Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.");
    g_option_context_add_main_entries(context, entries, NULL);
    cli_report_options_add(context, &report);
    cli_input_options_add(context, &inputs);
    GError *error = NULL;
    int rc = EXIT_USAGE;
    Policy *policy = NULL;
    AnalyzeIndex *index = NULL;
    AnalyzeAgg *total = NULL;
    GHashTable *disabled = NULL;
    GPtrArray *findings = NULL, *plan = NULL;

    if (!g_option_context_parse(context, &argc, &argv, &error)) {
        cli_error("analyze", "%s", error->message);
        g_error_free(error);
        goto out;
    }
    OutputFormat fmt;
    Severity threshold;
    if (!cli_output_format_parse("analyze", report.format, &fmt) ||
        !cli_parse_fail_on("analyze", report.fail_on, &threshold))
        goto out;
    AnalyzeThresholds t;
    analyze_thresholds_init(&t);
    if (top < 1 || threads < 0 || threads > 256) {
        cli_error("analyze", "--top must be at least 1 and --threads between 0 and 256");
        goto out;
    }
    t.top = top;
    if (noisy_share >= 0)
        t.noisy_share = noisy_share;
    if (noisy_rate >= 0)
        t.noisy_rate = noisy_rate;
    if (noisy_min_hits >= 0)
        t.noisy_min_hits = noisy_min_hits;
    if (review_sources >= 0)
        t.review_sources = review_sources;
    if (nat_share >= 0)
        t.nat_share = nat_share;
    LogFilter filter = { 0 };
    if (since && !(filter.has_since = parse_time_option("--since", since, &filter.since_us)))
        goto out;
    if (until && !(filter.has_until = parse_time_option("--until", until, &filter.until_us)))
        goto out;
    filter.firewalls = (const char *const *)firewalls;
    gboolean ok;
    disabled = cli_parse_disabled("analyze", report.disable, &ok);
    if (!ok)
        goto out;
    if (rules == NULL) {
        cli_error("analyze", "no --rules given (try 'nfw-advisor analyze --help')");
        goto out;
    }
    if (argc < 2) {
        cli_error("analyze", "no log given (try 'nfw-advisor analyze --help')");
        goto out;
    }
    policy = cli_load_policy(rules, &inputs);
    if (policy == NULL)
        goto out;
    if (threads == 0)
        threads = (gint)g_get_num_processors();

    /* --results: no log is read; the results are loaded below
     * into the empty aggregate of the one worker. */
    if (from_results && (since || until || firewalls)) {
        cli_error("analyze", "--since, --until and --firewall filter logs: with --results, "
                             "choose the window and log groups when running the queries");
        goto out;
    }
    plan = from_results ? g_ptr_array_new()
                        : log_parts_plan((const char *const *)argv + 1, argc - 1, threads,
                                         PART_MIN_BYTES, &error);
    if (plan == NULL) {
        cli_error("analyze", "%s", error->message);
        g_error_free(error);
        goto out;
    }
    index = analyze_index_new(policy);
    guint n_workers = MAX(1, MIN((guint)threads, plan->len));
    Worker *workers = g_new0(Worker, n_workers);
    GThread **handles = g_new0(GThread *, n_workers);
    gint events_total = 0;
    gboolean progress = isatty(STDERR_FILENO);
    gint64 start = g_get_monotonic_time();
    for (guint i = 0; i < n_workers; i++) {
        workers[i].parts = g_ptr_array_new();
        workers[i].index = index;
        workers[i].filter = &filter;
        workers[i].agg = analyze_agg_new(index);
        workers[i].errors = g_ptr_array_new_with_free_func(g_free);
        workers[i].progress = progress && i == 0;
        workers[i].decode_ahead = threads > 1;
        workers[i].events_total = &events_total;
        workers[i].start_us = start;
    }
    /* Contiguous runs of parts, merged in order: "first seen" answers,
     * samples and errors come out as one thread reading in order gives them. */
    for (guint i = 0; i < plan->len; i++)
        g_ptr_array_add(workers[(guint64)i * n_workers / plan->len].parts,
                        g_ptr_array_index(plan, i));
    for (guint i = 1; i < n_workers; i++)
        handles[i] = g_thread_new("analyze", worker_run, &workers[i]);
    worker_run(&workers[0]);
    gboolean read_error = FALSE;
    total = workers[0].agg;
    for (guint i = 0; i < n_workers; i++) {
        if (i > 0) {
            g_thread_join(handles[i]);
            analyze_agg_merge(total, workers[i].agg);
            analyze_agg_free(workers[i].agg);
        }
        for (guint j = 0; j < workers[i].errors->len; j++) {
            cli_error("analyze", "%s", (char *)g_ptr_array_index(workers[i].errors, j));
            read_error = TRUE;
        }
        g_ptr_array_unref(workers[i].errors);
        g_ptr_array_unref(workers[i].parts);
    }
    g_free(workers);
    g_free(handles);
    if (progress)
        fprintf(stderr, "\r%70s\r", "");
    if (from_results) { /* --results: query results instead of logs */
        GPtrArray *notes = g_ptr_array_new_with_free_func(g_free);
        gboolean loaded =
            results_load_files(total, (const char *const *)argv + 1, argc - 1, notes, &error);
        for (guint i = 0; i < notes->len; i++)
            cli_error("analyze", "warning: %s", (char *)g_ptr_array_index(notes, i));
        g_ptr_array_unref(notes);
        if (!loaded) {
            cli_error("analyze", "%s", error->message);
            g_clear_error(&error);
            goto out;
        }
    }

    analyze_agg_finish(total);
    findings = g_ptr_array_new_with_free_func((GDestroyNotify)finding_free);
    analyze_findings(total, &t, findings);
    cli_drop_disabled(findings, disabled);
    FILE *dest = cli_output_open("analyze", report.output);
    if (dest == NULL)
        goto out;
    switch (fmt) {
    case OUTPUT_HTML: report_analyze_html(dest, total, &t, findings); break;
    case OUTPUT_JSON: report_analyze_json(dest, total, &t, findings); break;
    case OUTPUT_SARIF: report_findings_sarif(dest, findings, NFW_ADVISOR_VERSION); break;
    case OUTPUT_MARKDOWN:
        report_findings_markdown(dest, findings, "nfw-advisor analyze",
                                 "Findings from the alert and flow logs.");
        break;
    case OUTPUT_TEXT: report_analyze_text(dest, total, &t, findings); break;
    }
    if (!cli_output_close("analyze", dest, report.output))
        goto out;
    rc = cli_findings_exit_status(findings, threshold);
    if (read_error || (!from_results && cli_nothing_usable("analyze", &total->stats)))
        rc = EXIT_USAGE;
out:
    if (findings != NULL)
        g_ptr_array_free(findings, TRUE);
    analyze_agg_free(total);
    analyze_index_free(index);
    if (plan != NULL)
        g_ptr_array_unref(plan);
    if (disabled != NULL)
        g_hash_table_destroy(disabled);
    policy_free(policy);
    cli_report_options_clear(&report);
    g_free(since);
    g_free(until);
    g_strfreev(firewalls);
    g_strfreev(rules);
    cli_input_options_clear(&inputs);
    g_option_context_free(context);
    return rc;
}
