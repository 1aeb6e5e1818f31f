/*
 * cli.h - the command-line program: one file per command (cmd_*.c), shared
 * input loading here.  The CLI wires the parts together and owns exit codes.
 */
#ifndef NFW_CLI_CLI_H
#define NFW_CLI_CLI_H

#include <stdio.h>
#include <glib.h>

#include "findings/findings.h"
#include "logs/logs.h"

#include "policy/policy.h"

enum {
    EXIT_CLEAN = 0,        /* no finding at or above --fail-on */
    EXIT_FINDINGS = 1,     /* findings at or above --fail-on */
    EXIT_USAGE = 2,        /* usage or input error */
    EXIT_UNDETERMINED = 3, /* explain: the verdict needs data the flow lacks */
};

/* Options every command that reads rule groups takes. */
typedef struct {
    char **vars;      /* --var NAME=VALUE */
    char *rule_order; /* --rule-order strict|action */
    char *engine;     /* --engine nfw|suricata: the dialect rules are judged by */
} InputOptions;

/* g_option_context_parse(), except that everything after the first `--`
 * is a positional argument, never an option (and `--` itself is gone). */
gboolean cli_parse_args(GOptionContext *context, int *argc, char ***argv, GError **error);

/* `with_engine`: also offer --engine (export-queries has its own). */
void cli_input_options_add(GOptionContext *context, InputOptions *options, gboolean with_engine);
void cli_input_options_clear(InputOptions *options);

/* Load every input path ("-" is standard input) into a finished Policy;
 * NULL with an error message already printed on failure, and when the
 * inputs hold neither a rule nor a firewall policy. */
Policy *cli_load_policy(char **paths, const InputOptions *options);

/* simulate and explain: FALSE (the errors printed) when loading found
 * errors, since Network Firewall would refuse such a rule group. */
gboolean cli_policy_usable(const char *command, const Policy *policy);
/* --default-actions "a,b": the list (char*, may be empty); FALSE with a
 * message on an empty item. */
gboolean cli_parse_default_actions(const char *command, const char *value, GPtrArray **out);

/* Options every command that reports findings takes (cli_report.c). */
typedef struct {
    char *format;   /* --format */
    char *output;   /* -o FILE */
    char *fail_on;  /* --fail-on */
    char **disable; /* --disable IDS (repeatable) */
    char *baseline; /* --baseline FILE: a previous JSON report */
} ReportOptions;

void cli_report_options_add(GOptionContext *context, ReportOptions *options);
void cli_report_options_clear(ReportOptions *options);

/* Output of commands that report findings (cli_report.c). */
typedef enum {
    OUTPUT_TEXT,
    OUTPUT_JSON,
    OUTPUT_HTML,
    OUTPUT_SARIF,
    OUTPUT_MARKDOWN,
} OutputFormat;

gboolean cli_output_format_parse(const char *command, const char *name, OutputFormat *out);
/* -o FILE: stdout when NULL or "-"; NULL (message printed) on failure. */
FILE *cli_output_open(const char *command, const char *path);
gboolean cli_output_close(const char *command, FILE *f, const char *path);
/* --disable a,b: the set of ids; *ok FALSE (message printed) on an unknown id. */
GHashTable *cli_parse_disabled(const char *command, char **lists, gboolean *ok);
void cli_drop_disabled(GPtrArray *findings, GHashTable *disabled);
gboolean cli_parse_fail_on(const char *command, const char *value, Severity *out);
/* EXIT_FINDINGS when a finding that counts (not suppressed, not in the
 * baseline) is at or above `threshold`, else EXIT_CLEAN. */
int cli_findings_exit_status(GPtrArray *findings, Severity threshold);
/* Accepted findings: the inputs' suppressions (comments, Suppressions
 * files; expired ones become suppression-expired warnings), then the
 * --baseline report (`baseline` may be NULL).  FALSE (message printed)
 * when the baseline cannot be read. */
gboolean cli_findings_accept(const char *command, GPtrArray *findings, const Policy *policy,
                             const char *baseline);
/* For SARIF (code scanning needs a location per result): a finding about
 * no file is placed at the rule of its sid, else at the firewall policy's
 * file, else at the first rule group's file. */
void cli_findings_locate(GPtrArray *findings, const Policy *policy);

/* TRUE (and a message on stderr) when logs had records but every one was
 * skipped: the report is printed, and the exit status is 2, since nothing
 * usable remained (corrupt, truncated or hostile input). */
gboolean cli_nothing_usable(const char *command, const LogStats *stats);

/* cli_logs.c.  Before reporting a run over logs: FALSE (message printed;
 * exit 2) when the inputs held no record, when the filter left no record,
 * or when a --firewall name matched no record (`firewall_matched[i]` for
 * filter->firewalls[i], may be NULL); the message names the firewalls and
 * the time window the logs do hold (read again without the filter). */
gboolean cli_logs_matched(const char *command, const LogStats *stats, const char *const *paths,
                          gsize n_paths, const LogFilter *filter, const gboolean *firewall_matched);
/* FALSE (usage message printed) when --since is not before --until. */
gboolean cli_window_check(const char *command, const LogFilter *filter);

/* Print "nfw-advisor CMD: message" to stderr. */
void cli_error(const char *command, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

int cmd_expand(int argc, char **argv);
int cmd_lint(int argc, char **argv);
int cmd_analyze(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_dashboard(int argc, char **argv);
int cmd_export_queries(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_simulate(int argc, char **argv);

#endif
