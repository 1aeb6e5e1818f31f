/*
 * lint.h - the static checks (no logs): rules and policy to findings.
 * Each runner is one entry of the table in lint.c: the check ids it
 * produces and its function.
 */
#ifndef NFW_LINT_LINT_H
#define NFW_LINT_LINT_H

#include <glib.h>

#include "policy/policy.h"

/* A runner: the check ids it produces (NULL-terminated) and its function. */
typedef struct {
    const char *const *checks;
    void (*run)(const Policy *policy, GPtrArray *findings);
} LintRunner;

/* The runners, in the order lint_run runs them. */
const LintRunner *lint_runners(gsize *count);

/* Run every static check over a finished policy, skipping the runners
 * whose ids are all in `disabled` (may be NULL); append Findings (owned by
 * the array) to `findings`.  A runner that still runs may report a
 * disabled id too: the caller drops those findings. */
void lint_run(const Policy *policy, GHashTable *disabled, GPtrArray *findings);

/* The checks, one function each (lint_rules.c, lint_policy.c ...). */
void lint_check_nfw_unsupported(const Policy *policy, GPtrArray *findings);
void lint_check_sids(const Policy *policy, GPtrArray *findings);
void lint_check_priority_keyword(const Policy *policy, GPtrArray *findings);
void lint_check_capacity(const Policy *policy, GPtrArray *findings);
/* lint_shadow.c (with lint_twins.c, on one lint_match.c model of the
 * policy): pass-without-alert, alert-twin-after-pass, shadowed-rule,
 * redundant-rule, broad-pass, pass-tcp-before-app-drop */
void lint_check_ordering(const Policy *policy, GPtrArray *findings);
/* lint_flow.c: connectionless-established, flowbits-unset */
void lint_check_connectionless(const Policy *policy, GPtrArray *findings);
void lint_check_flowbits(const Policy *policy, GPtrArray *findings);
/* lint_policy.c: no-default-drop, silent-default-drop, drop-strict-app-layer,
 * action-order-policy, rule-order-mismatch, stateless-not-forwarding,
 * home-net-override */
void lint_check_policy(const Policy *policy, GPtrArray *findings);

/* Alert twins (twin_map.c): alert Rule* -> the pass Rule* it logs, by
 * lint's definition of a twin.  Rules are borrowed from the policy; the
 * caller frees the table with g_hash_table_destroy. */
GHashTable *twin_map_new(const Policy *policy);

#endif
