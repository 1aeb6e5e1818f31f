/*
 * cmd_lint.c - `nfw-advisor lint`: load rule groups and policies, run the
 * static checks, print findings, exit by --fail-on.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "findings/findings.h"
#include "lint/lint.h"
#include "cli/cli.h"
#include "report/report.h"

static void
print_check_list(void)
{
    gsize count = 0;
    const CheckInfo *table = check_table(&count);
    for (gsize i = 0; i < count; i++)
        printf("%-28s %-8s %-7s %s\n", table[i].id, severity_name(table[i].severity),
               table[i].kind == CHECK_KIND_STATIC ? "lint" : "analyze", table[i].summary);
}

static void
print_markdown(FILE *dest, GPtrArray *findings, const LintSummary *s)
{
    char *scope = g_strdup_printf("%d rule%s in %d group%s (%d file%s) checked.", s->rules,
                                  s->rules == 1 ? "" : "s", s->groups, s->groups == 1 ? "" : "s",
                                  s->files, s->files == 1 ? "" : "s");
    report_findings_markdown(dest, findings, "nfw-advisor lint", scope);
    g_free(scope);
}

int
cmd_lint(int argc, char **argv)
{
    gboolean list_checks = FALSE;
    ReportOptions report = { 0 };
    InputOptions inputs = { 0 };
    GOptionEntry entries[] = {
        { "list-checks", 0, 0, G_OPTION_ARG_NONE, &list_checks,
          "List every check with its default severity and exit", NULL },
        { NULL },
    };
    GOptionContext *context = g_option_context_new("INPUT... - check rule groups and policies");
    g_option_context_set_summary(
        context, "INPUT is a Suricata .rules file, AWS rule-group or firewall-policy JSON\n"
                 "(describe-* output, create-* input or the bare object), a directory of them,\n"
                 "or - for standard input; -- ends the options.  Inputs with no rule and no\n"
                 "policy (an empty or wrong folder) are an input error.\n"
                 "Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.");
    cli_report_options_add(context, &report);
    g_option_context_add_main_entries(context, entries, NULL);
    cli_input_options_add(context, &inputs, TRUE);
    GError *error = NULL;
    int rc = EXIT_USAGE;
    Policy *policy = NULL;
    GHashTable *disabled = NULL;
    GPtrArray *findings = NULL;

    if (!cli_parse_args(context, &argc, &argv, &error)) {
        cli_error("lint", "%s", error->message);
        g_error_free(error);
        goto out;
    }
    if (list_checks) {
        print_check_list();
        rc = EXIT_CLEAN;
        goto out;
    }
    OutputFormat fmt;
    Severity threshold;
    if (!cli_output_format_parse("lint", report.format, &fmt) ||
        !cli_parse_fail_on("lint", report.fail_on, &threshold))
        goto out;
    gboolean ok;
    disabled = cli_parse_disabled("lint", report.disable, &ok);
    if (!ok)
        goto out;
    if (argc < 2) {
        cli_error("lint", "no input given (try 'nfw-advisor lint --help')");
        goto out;
    }
    policy = cli_load_policy(argv + 1, &inputs);
    if (policy == NULL)
        goto out;

    findings = g_ptr_array_new_with_free_func((GDestroyNotify)finding_free);
    for (guint i = 0; i < policy->findings->len; i++) {
        Finding *f = g_ptr_array_index(policy->findings, i);
        g_ptr_array_add(findings, f);
    }
    g_ptr_array_set_free_func(policy->findings, NULL);
    g_ptr_array_set_size(policy->findings, 0);
    g_ptr_array_set_free_func(policy->findings, (GDestroyNotify)finding_free);
    lint_run(policy, disabled, findings);
    cli_drop_disabled(findings, disabled);
    if (!cli_findings_accept("lint", findings, policy, report.baseline))
        goto out;
    findings_sort(findings);

    LintSummary summary;
    lint_summary_count(&summary, policy, findings);
    FILE *dest = cli_output_open("lint", report.output);
    if (dest == NULL)
        goto out;
    switch (fmt) {
    case OUTPUT_HTML: report_lint_html(dest, policy, findings, &summary); break;
    case OUTPUT_JSON: report_lint_json(dest, findings, &summary); break;
    case OUTPUT_SARIF:
        cli_findings_locate(findings, policy);
        report_findings_sarif(dest, findings, NFW_ADVISOR_VERSION);
        break;
    case OUTPUT_MARKDOWN: print_markdown(dest, findings, &summary); break;
    case OUTPUT_TEXT: report_lint_text(dest, findings, &summary); break;
    }
    if (!cli_output_close("lint", dest, report.output))
        goto out;
    rc = cli_findings_exit_status(findings, threshold);
out:
    if (findings != NULL)
        g_ptr_array_free(findings, TRUE);
    if (disabled != NULL)
        g_hash_table_destroy(disabled);
    policy_free(policy);
    cli_report_options_clear(&report);
    cli_input_options_clear(&inputs);
    g_option_context_free(context);
    return rc;
}
