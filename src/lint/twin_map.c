/*
 * twin_map.c - which alert rule logs which pass rule, for the parts that
 * need the answer rather than a finding (analyze: a twin's hits are the
 * pass rule's traffic, not noise; a pass rule with a twin is observable).
 *
 * The definition is lint's (lint_twins.c): in STRICT_ORDER an alert rule
 * without noalert, before the pass rule in evaluation order, that matches
 * at least everything the pass matches (match_covers).  One definition, so
 * lint and analyze never disagree about a twin.
 */
#include "lint/lint.h"
#include "lint/lint_match.h"

GHashTable *
twin_map_new(const Policy *policy)
{
    GHashTable *map = g_hash_table_new(g_direct_hash, g_direct_equal);
    if (policy->order != RULE_ORDER_STRICT || policy->eval_order->len == 0)
        return map;
    MatchSet *set = match_set_new(policy);
    MatchIndex *alerts = match_index_new_logging_alerts(set);
    for (guint i = 0; i < set->matches->len; i++) {
        const RuleMatch *m = g_ptr_array_index(set->matches, i);
        if (!match_wants_twin(m))
            continue;
        const RuleMatch *twin = match_twin_before(alerts, m);
        if (twin != NULL && !g_hash_table_contains(map, twin->rule))
            g_hash_table_insert(map, (gpointer)twin->rule, (gpointer)m->rule);
    }
    match_index_free(alerts);
    match_set_free(set);
    return map;
}
