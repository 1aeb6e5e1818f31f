/*
 * cmd_lint.c - `nfw-advisor lint`: load rule groups and policies, run the
 * static checks, print findings, exit by --fail-on.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "advisor/checks.h"
#include "advisor/lint.h"
#include "cli/cli.h"
#include "report/report.h"
#include "report/html.h"

static void
print_check_list(void)
{
    gsize count = 0;
    const CheckInfo *table = check_table(&count);
    for (gsize i = 0; i < count; i++)
        printf("%-28s %-8s %-7s %s\n", table[i].id, severity_name(table[i].severity),
               table[i].kind == CHECK_KIND_STATIC ? "lint" : "analyze", table[i].summary);
}

/* --disable a,b --disable c: every id must exist. */
static GHashTable *
parse_disabled(char **lists, gboolean *ok)
{
    GHashTable *set = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    *ok = TRUE;
    for (char **l = lists; l && *l; l++) {
        char **ids = g_strsplit(*l, ",", -1);
        for (char **id = ids; *id; id++) {
            char *name = g_strstrip(*id);
            if (*name == '\0')
                continue;
            if (check_lookup(name) == NULL) {
                cli_error("lint", "unknown check '%s' in --disable (see --list-checks)", name);
                *ok = FALSE;
            }
            g_hash_table_add(set, g_strdup(name));
        }
        g_strfreev(ids);
    }
    return set;
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
    char *format = NULL, *fail_on = NULL;
    char *output = NULL;  /* -o FILE */
    char **disable = NULL;
    gboolean list_checks = FALSE;
    InputOptions inputs = { 0 };
    GOptionEntry entries[] = {
        { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
          "Output format: text (default), json, html, sarif (SARIF 2.1.0 for code scanning) "
          "or markdown (a pull-request review comment)", "FORMAT" },
        { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
          "Write the report to FILE instead of standard output (html: one self-contained file)",
          "FILE" },
        { "fail-on", 0, 0, G_OPTION_ARG_STRING, &fail_on,
          "Exit 1 when a finding is at or above: error (default), warning, note, none", "SEVERITY" },
        { "disable", 'd', 0, G_OPTION_ARG_STRING_ARRAY, &disable,
          "Do not report these checks (comma-separated, repeatable)", "CHECKS" },
        { "list-checks", 0, 0, G_OPTION_ARG_NONE, &list_checks,
          "List every check with its default severity and exit", NULL },
        { NULL },
    };
    GOptionContext *context = g_option_context_new("INPUT... - check rule groups and policies");
    g_option_context_set_summary(context,
        "INPUT is a Suricata .rules file, AWS rule-group or firewall-policy JSON\n"
        "(describe-* output, create-* input or the bare object), or a directory of them.\n"
        "Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.");
    g_option_context_add_main_entries(context, entries, NULL);
    cli_input_options_add(context, &inputs);
    GError *error = NULL;
    int rc = EXIT_USAGE;
    Policy *policy = NULL;
    GHashTable *disabled = NULL;
    GPtrArray *findings = NULL;

    if (!g_option_context_parse(context, &argc, &argv, &error)) {
        cli_error("lint", "%s", error->message);
        g_error_free(error);
        goto out;
    }
    if (list_checks) {
        print_check_list();
        rc = EXIT_CLEAN;
        goto out;
    }
    gboolean json = format != NULL && strcmp(format, "json") == 0;
    gboolean html = format != NULL && strcmp(format, "html") == 0;
    gboolean sarif = format != NULL && strcmp(format, "sarif") == 0;
    gboolean markdown = format != NULL && strcmp(format, "markdown") == 0;
    if (format != NULL && !json && !html && !sarif && !markdown && strcmp(format, "text") != 0) {
        cli_error("lint", "unknown --format '%s' (text, json, html, sarif or markdown)", format);
        goto out;
    }
    Severity threshold = SEVERITY_ERROR;
    if (fail_on != NULL && !severity_from_string(fail_on, &threshold)) {
        cli_error("lint", "--fail-on must be error, warning, note or none, not '%s'", fail_on);
        goto out;
    }
    gboolean ok;
    disabled = parse_disabled(disable, &ok);
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
    lint_run(policy, findings);
    for (guint i = findings->len; i > 0; i--) {
        Finding *f = g_ptr_array_index(findings, i - 1);
        if (g_hash_table_contains(disabled, f->check))
            g_ptr_array_remove_index(findings, i - 1);
    }
    findings_sort(findings);

    LintSummary summary;
    lint_summary_count(&summary, policy, findings);
    FILE *dest = stdout;
    if (output != NULL && (dest = fopen(output, "w")) == NULL) {
        cli_error("lint", "cannot write '%s': %s", output, g_strerror(errno));
        goto out;
    }
    if (html)
        report_lint_html(dest, policy, findings, &summary);
    else if (json)
        report_lint_json(dest, findings, &summary);
    else if (sarif)
        report_findings_sarif(dest, findings, NFW_ADVISOR_VERSION);
    else if (markdown)
        print_markdown(dest, findings, &summary);
    else
        report_lint_text(dest, findings, &summary);
    if (dest != stdout && fclose(dest) != 0) {
        cli_error("lint", "cannot write '%s': %s", output, g_strerror(errno));
        goto out;
    }
    rc = EXIT_CLEAN;
    if (threshold != SEVERITY_NONE)
        for (guint i = 0; i < findings->len; i++)
            if (((Finding *)g_ptr_array_index(findings, i))->severity >= threshold)
                rc = EXIT_FINDINGS;
out:
    if (findings != NULL)
        g_ptr_array_free(findings, TRUE);
    if (disabled != NULL)
        g_hash_table_destroy(disabled);
    policy_free(policy);
    g_free(format);
    g_free(output);
    g_free(fail_on);
    g_strfreev(disable);
    cli_input_options_clear(&inputs);
    g_option_context_free(context);
    return rc;
}
