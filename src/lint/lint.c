/*
 * lint.c - the table of static checks and the driver that runs them.
 * Adding a check is adding an entry here and its function.
 */
#include "lint/lint.h"

typedef struct {
    const char *name;
    void (*run)(const Policy *policy, GPtrArray *findings);
} LintCheck;

static const LintCheck lint_checks[] = {
    { "nfw-unsupported", lint_check_nfw_unsupported },
    { "duplicate-sid/cross-group-sid", lint_check_sids },
    { "priority-keyword-strict", lint_check_priority_keyword },
    { "capacity", lint_check_capacity },
    { "pass-without-alert/alert-twin-after-pass/shadowed-rule/redundant-rule/"
      "broad-pass/pass-tcp-before-app-drop",
      lint_check_ordering },
    { "connectionless-established", lint_check_connectionless },
    { "flowbits-unset", lint_check_flowbits },
    { "policy: defaults, rule order, stateless, HOME_NET", lint_check_policy },
};

void
lint_run(const Policy *policy, GPtrArray *findings)
{
    for (gsize i = 0; i < G_N_ELEMENTS(lint_checks); i++)
        lint_checks[i].run(policy, findings);
}
