/*
 * cli.h - the command-line program: one file per command (cmd_*.c), shared
 * input loading here.  The CLI wires the parts together and owns exit codes.
 */
#ifndef NFW_CLI_CLI_H
#define NFW_CLI_CLI_H

#include <glib.h>

#include "policy/policy.h"

enum {
    EXIT_CLEAN = 0,     /* no finding at or above --fail-on */
    EXIT_FINDINGS = 1,  /* findings at or above --fail-on */
    EXIT_USAGE = 2,     /* usage or input error */
};

/* Options every command that reads rule groups takes. */
typedef struct {
    char **vars;        /* --var NAME=VALUE */
    char *rule_order;   /* --rule-order strict|action */
} InputOptions;

void cli_input_options_add(GOptionContext *context, InputOptions *options);
void cli_input_options_clear(InputOptions *options);

/* Load every input path into a finished Policy; NULL with an error message
 * already printed on failure. */
Policy *cli_load_policy(char **paths, const InputOptions *options);

/* Print "nfw-advisor CMD: message" to stderr. */
void cli_error(const char *command, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

int cmd_expand(int argc, char **argv);
int cmd_lint(int argc, char **argv);
int cmd_analyze(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_dashboard(int argc, char **argv);
int cmd_export_queries(int argc, char **argv);

#endif
