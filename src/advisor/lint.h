/*
 * lint.h - the static checks (no logs): rules and policy to findings.
 * Each check is one entry of the table in lint.c: id and function.
 */
#ifndef NFW_ADVISOR_LINT_H
#define NFW_ADVISOR_LINT_H

#include <glib.h>

#include "policy/policy.h"

/* Run every static check over a finished policy; append Findings (owned by
 * the array) to `findings`. */
void lint_run(const Policy *policy, GPtrArray *findings);

/* The checks, one function each (lint_rules.c, lint_policy.c ...). */
void lint_check_nfw_unsupported(const Policy *policy, GPtrArray *findings);
void lint_check_sids(const Policy *policy, GPtrArray *findings);
void lint_check_priority_keyword(const Policy *policy, GPtrArray *findings);
void lint_check_capacity(const Policy *policy, GPtrArray *findings);

#endif
