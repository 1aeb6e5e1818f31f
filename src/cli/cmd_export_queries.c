/*
 * cmd_export_queries.c - `nfw-advisor export-queries`: print the CloudWatch
 * Logs Insights or Athena queries whose results `analyze --results` reads
 * instead of raw logs (src/analyze/analyze.h), so that the heavy
 * scan of a fleet's logs runs where the logs are.
 *
 * The rules are loaded (and must load) because the queries depend on the
 * policy: in DEFAULT_ACTION_ORDER the default-actions query also lists the
 * flows a rule blocked.  Without --query every query is printed, each after
 * a comment header (# for CWLI, -- for SQL) naming it; with --query NAME
 * only that one, ready to paste or to give to `nfw-advisor query -f`.
 */
#include <stdio.h>
#include <string.h>

#include "analyze/analyze.h"
#include "cli/cli.h"

static void
print_query(ResultsQuery which, ResultsEngine engine, gboolean action_order, gboolean header)
{
    const char *c = engine == RESULTS_ENGINE_ATHENA ? "--" : "#";
    if (header) {
        printf("%s nfw-advisor export-queries: %s\n", c, results_query_name(which));
        printf("%s %s.\n", c, results_query_summary(which));
        if (engine == RESULTS_ENGINE_CWLI)
            printf("# Run over the alert and flow log groups; save the results with\n"
                   "#   aws logs get-query-results --query-id ID > %s.json\n",
                   results_query_name(which));
        else
            printf("-- Save the result as CSV (the query's output file in S3) as %s.csv.\n",
                   results_query_name(which));
    }
    char *text = results_query_text(which, engine, action_order);
    fputs(text, stdout);
    g_free(text);
}

int
cmd_export_queries(int argc, char **argv)
{
    char *engine_name = NULL, *query_name = NULL;
    char **rules = NULL;
    InputOptions inputs = { 0 };
    GOptionEntry entries[] = {
        { "engine", 'e', 0, G_OPTION_ARG_STRING, &engine_name,
          "cwli (CloudWatch Logs Insights, default) or athena (SQL over the tables of "
          "analysis/athena/00-create-tables.sql)",
          "ENGINE" },
        { "rules", 'r', 0, G_OPTION_ARG_FILENAME_ARRAY, &rules,
          "Rule groups and policy the logs come from (repeatable)", "INPUT" },
        { "query", 'q', 0, G_OPTION_ARG_STRING, &query_name,
          "Print only this query, without header: rule-alerts, default-actions, flows, window",
          "NAME" },
        { NULL },
    };
    GOptionContext *context = g_option_context_new("- print the queries whose results "
                                                   "'analyze --results' reads");
    g_option_context_set_summary(
        context, "Prints the queries that compute, where the logs are, exactly the aggregates\n"
                 "'nfw-advisor analyze' needs: per-rule hits with first/last hit and distinct\n"
                 "sources, default-action groups, flows without alerts, and the log window.\n"
                 "Run each one, save its results (get-query-results JSON or Athena CSV) and give\n"
                 "the files to 'nfw-advisor analyze --results FILE... --rules INPUT...'.");
    g_option_context_set_description(
        context, "CloudWatch returns at most 10,000 rows per query: if a result has that many,\n"
                 "run the query over shorter time windows and give all the results; rows add up.\n"
                 "Exit status: 0, or 2 for a usage or input error.");
    g_option_context_add_main_entries(context, entries, NULL);
    cli_input_options_add(context, &inputs, FALSE);
    GError *error = NULL;
    int rc = EXIT_USAGE;
    Policy *policy = NULL;

    if (!cli_parse_args(context, &argc, &argv, &error)) {
        cli_error("export-queries", "%s", error->message);
        g_error_free(error);
        goto out;
    }
    ResultsEngine engine = RESULTS_ENGINE_CWLI;
    if (engine_name != NULL) {
        if (strcmp(engine_name, "athena") == 0)
            engine = RESULTS_ENGINE_ATHENA;
        else if (strcmp(engine_name, "cwli") != 0) {
            cli_error("export-queries", "unknown --engine '%s' (cwli or athena)", engine_name);
            goto out;
        }
    }
    ResultsQuery only = RESULTS_QUERY_N;
    if (query_name != NULL && !results_query_from_name(query_name, &only)) {
        cli_error("export-queries",
                  "unknown --query '%s' (rule-alerts, default-actions, flows "
                  "or window)",
                  query_name);
        goto out;
    }
    if (argc > 1) {
        cli_error("export-queries", "unexpected argument '%s' (rule inputs go after --rules)",
                  argv[1]);
        goto out;
    }
    if (rules == NULL) {
        cli_error("export-queries", "no --rules given (try 'nfw-advisor export-queries --help')");
        goto out;
    }
    policy = cli_load_policy(rules, &inputs);
    if (policy == NULL)
        goto out;
    gboolean action_order = policy->order == RULE_ORDER_ACTION;
    if (only != RESULTS_QUERY_N) {
        print_query(only, engine, action_order, FALSE);
    } else {
        for (int i = 0; i < RESULTS_QUERY_N; i++) {
            if (i)
                putchar('\n');
            print_query((ResultsQuery)i, engine, action_order, TRUE);
        }
    }
    rc = fflush(stdout) == 0 ? EXIT_CLEAN : EXIT_USAGE;
out:
    policy_free(policy);
    g_free(engine_name);
    g_free(query_name);
    g_strfreev(rules);
    cli_input_options_clear(&inputs);
    g_option_context_free(context);
    return rc;
}
