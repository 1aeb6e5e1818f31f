/*
 * main.c - nfw-advisor's entry point: dispatch to a command.
 *
 * Commands: expand, lint (rule groups and policies), and the log commands
 * as they land.  Each command parses its own options (GOptionContext) and
 * returns the exit status.
 */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} Command;

static const Command commands[] = {
    { "lint", cmd_lint, "check rule groups and policies (syntax, Suricata 7 parity, NFW limits)" },
    { "expand", cmd_expand, "print the effective rules in evaluation order" },
    { "analyze", cmd_analyze,
      "map alert/flow logs to rules: unused, noisy, default-action drops, alert-mode" },
    { "simulate", cmd_simulate, "what a proposed policy would do to the flows already logged" },
    { "explain", cmd_explain, "walk one hand-typed flow through the policy, rule by rule" },
    { "query", cmd_query, "run a CloudWatch Logs Insights query over local logs" },
    { "export-queries", cmd_export_queries,
      "print the CWLI/Athena queries whose results analyze --results reads" },
    { "dashboard", cmd_dashboard,
      "print a CloudWatch dashboard body (Logs Insights widgets) for a firewall" },
};

static void
usage(FILE *out)
{
    fprintf(out, "Usage: nfw-advisor COMMAND [OPTIONS] ARGS...\n\n"
                 "Rule-tuning advisor for AWS Network Firewall and Suricata 7.\n\nCommands:\n");
    for (gsize i = 0; i < G_N_ELEMENTS(commands); i++)
        fprintf(out, "  %-15s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\nRun 'nfw-advisor COMMAND --help' for a command's options; 'man nfw-advisor' "
                 "for everything.\n");
}

int
main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return EXIT_CLEAN;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("nfw-advisor %s\n", NFW_ADVISOR_VERSION);
        return EXIT_CLEAN;
    }
    for (gsize i = 0; i < G_N_ELEMENTS(commands); i++) {
        if (strcmp(argv[1], commands[i].name) == 0) {
            /* The command sees itself as argv[0]: "nfw-advisor lint". */
            char *prgname = g_strdup_printf("nfw-advisor %s", commands[i].name);
            g_set_prgname(prgname);
            g_free(prgname);
            return commands[i].run(argc - 1, argv + 1);
        }
    }
    fprintf(stderr, "nfw-advisor: unknown command '%s' (run 'nfw-advisor --help' for the list)\n",
            argv[1]);
    return EXIT_USAGE;
}
