/*
 * lint.c - the lint runners, keyed by check id, and the driver that runs
 * them.  Each runner names the check ids it produces; every id of the
 * catalogue (findings.h) has exactly one producer: the loader
 * (policy_check_ids), one runner here, or one analyze runner
 * (tests/findings/test_check_registry.c asserts it).  Adding a check is
 * adding its id to the catalogue and to the runner that produces it.
 */
#include "lint/lint.h"

static const char *const nfw_unsupported_ids[] = { "nfw-unsupported", NULL };
static const char *const sid_ids[] = { "duplicate-sid", "cross-group-sid", NULL };
static const char *const priority_ids[] = { "priority-keyword-strict", NULL };
static const char *const capacity_ids[] = { "capacity", NULL };
static const char *const ordering_ids[] = {
    "pass-without-alert",
    "alert-twin-after-pass",
    "shadowed-rule",
    "redundant-rule",
    "broad-pass",
    "pass-tcp-before-app-drop",
    NULL,
};
static const char *const connectionless_ids[] = { "connectionless-established", NULL };
static const char *const flowbits_ids[] = { "flowbits-unset", NULL };
static const char *const policy_ids[] = {
    "no-default-drop",     "drop-strict-app-layer",    "silent-default-drop", "action-order-policy",
    "rule-order-mismatch", "stateless-not-forwarding", "home-net-override",   NULL,
};

static const LintRunner lint_runner_table[] = {
    { nfw_unsupported_ids, lint_check_nfw_unsupported },
    { sid_ids, lint_check_sids },
    { priority_ids, lint_check_priority_keyword },
    { capacity_ids, lint_check_capacity },
    { ordering_ids, lint_check_ordering },
    { connectionless_ids, lint_check_connectionless },
    { flowbits_ids, lint_check_flowbits },
    { policy_ids, lint_check_policy },
};

const LintRunner *
lint_runners(gsize *count)
{
    *count = G_N_ELEMENTS(lint_runner_table);
    return lint_runner_table;
}

void
lint_run(const Policy *policy, GHashTable *disabled, GPtrArray *findings)
{
    g_return_if_fail(policy != NULL && policy->finished);
    for (gsize i = 0; i < G_N_ELEMENTS(lint_runner_table); i++)
        if (check_any_enabled(lint_runner_table[i].checks, disabled))
            lint_runner_table[i].run(policy, findings);
}
