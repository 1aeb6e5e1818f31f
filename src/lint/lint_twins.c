/*
 * lint_twins.c - pass rules that log nothing: pass-without-alert and
 * alert-twin-after-pass.
 *
 * A pass rule counts as logged (nfw-reference.md 6.5) when it has the
 * `alert` keyword, or, in STRICT_ORDER, when an alert rule before it in
 * evaluation order (same group or a group with a lower Priority) matches at
 * least everything it matches (match_covers; an alert with `noalert` logs
 * nothing and does not count).  In DEFAULT_ACTION_ORDER pass rules run
 * before every alert rule, so only the keyword works and is the fix.
 *
 * When no twin comes before the pass but one comes after it, the finding is
 * alert-twin-after-pass on that alert (the fix is to move it), not a second
 * pass-without-alert.  Pass rules generated from one domain list give one
 * finding for the group (its rules cannot be edited), with the twins for a
 * standard group placed before it.  Twin sids: lint_fix.c.
 */
#include <string.h>

#include "lint/lint.h"
#include "lint/lint_fix.h"
#include "lint/lint_match.h"

MatchIndex *
match_index_new_logging_alerts(const MatchSet *set)
{
    MatchIndex *alerts = match_index_new();
    for (guint i = 0; i < set->matches->len; i++) {
        const RuleMatch *m = g_ptr_array_index(set->matches, i);
        if (m->action == RULE_ACTION_ALERT && !(m->rule->flags & RULE_F_NOALERT))
            match_index_add(alerts, m);
    }
    return alerts;
}

gboolean
match_wants_twin(const RuleMatch *pass)
{
    return pass->action == RULE_ACTION_PASS && !(pass->rule->flags & RULE_F_ALERT_KW);
}

const RuleMatch *
match_twin_before(const MatchIndex *alerts, const RuleMatch *pass)
{
    return match_index_first_covering(alerts, pass, 0, pass->position);
}

static void
report_twin_after(const RuleMatch *pass, const RuleMatch *alert, GPtrArray *findings)
{
    char *desc = match_describe_rule(pass->rule);
    Finding *f = finding_new_printf(
        "alert-twin-after-pass", &alert->rule->loc,
        "this alert rule is the logging twin of %s but comes after it in evaluation order: "
        "the pass stops inspection of the flow, so this alert never fires and the allowed "
        "traffic is not logged; move it right before the pass rule",
        desc);
    policy_finding_set_rule(f, alert->rule);
    finding_add_related(f, &pass->rule->loc, "the pass rule this alert should precede");
    finding_set_fix(f, alert->rule->text);
    g_ptr_array_add(findings, f);
    g_free(desc);
}

static void
report_unlogged(const Policy *policy, const RuleMatch *pass, GHashTable *sids, GPtrArray *findings)
{
    const Rule *rule = pass->rule;
    Finding *f;
    char *fix;
    if (policy->order == RULE_ORDER_STRICT) {
        guint64 sid = fix_free_sid(sids, rule->sid);
        f = finding_new_printf(
            "pass-without-alert", &rule->loc,
            "this pass rule logs nothing: it has no alert keyword and no alert rule before it "
            "matches the same traffic, so what it allows never appears in alert logs; add the "
            "alert twin (sid %" G_GUINT64_FORMAT " = 1,000,000,000 + this sid) right before it",
            sid);
        fix = fix_alert_twin(rule, sid, TRUE);
    } else {
        f = finding_new_printf(
            "pass-without-alert", &rule->loc,
            "this pass rule logs nothing: in DEFAULT_ACTION_ORDER pass rules run before every "
            "alert rule, so only the alert keyword on the pass rule itself logs what it allows");
        fix = fix_insert_option(rule, "alert;");
    }
    policy_finding_set_rule(f, rule);
    finding_set_fix(f, fix);
    g_free(fix);
    g_ptr_array_add(findings, f);
}

/* Domain-list pass rules of one group without twins: one finding. */
typedef struct {
    const RuleGroup *group;
    GPtrArray *passes; /* const RuleMatch* */
} ListGap;

static void
report_domain_list(const Policy *policy, const ListGap *gap, GHashTable *sids, GPtrArray *findings)
{
    const RuleGroup *group = gap->group;
    SourceLoc loc = { group->file, group->file_line, 0 };
    GString *fix = g_string_new(NULL);
    Finding *f;
    if (policy->order == RULE_ORDER_STRICT) {
        for (guint i = 0; i < gap->passes->len; i++) {
            const Rule *rule = ((const RuleMatch *)g_ptr_array_index(gap->passes, i))->rule;
            char *twin = fix_alert_twin(rule, fix_free_sid(sids, rule->sid), TRUE);
            g_string_append_printf(fix, "%s%s", i ? "\n" : "", twin);
            g_free(twin);
        }
        f = finding_new_printf(
            "pass-without-alert", &loc,
            "the %u pass rule%s generated from domain list '%s' log nothing: no alert rule "
            "before them matches the same traffic, so allowed domains never appear in alert "
            "logs; put these alert twins in a stateful rule group with a lower Priority number",
            gap->passes->len, gap->passes->len == 1 ? "" : "s", group->name);
    } else {
        for (guint i = 0; i < gap->passes->len; i++) {
            const Rule *rule = ((const RuleMatch *)g_ptr_array_index(gap->passes, i))->rule;
            char *text = fix_insert_option(rule, "alert;");
            g_string_append_printf(fix, "%s%s", i ? "\n" : "", text);
            g_free(text);
        }
        f = finding_new_printf(
            "pass-without-alert", &loc,
            "the %u pass rule%s generated from domain list '%s' log nothing, and in "
            "DEFAULT_ACTION_ORDER no alert rule can log for them: replace the list by a "
            "standard rule group with these pass rules carrying the alert keyword",
            gap->passes->len, gap->passes->len == 1 ? "" : "s", group->name);
    }
    f->group = g_strdup(group->name);
    finding_set_fix(f, fix->str);
    g_string_free(fix, TRUE);
    g_ptr_array_add(findings, f);
}

void
lint_twins_run(const MatchSet *set, GPtrArray *findings)
{
    const Policy *policy = set->policy;
    MatchIndex *alerts = match_index_new_logging_alerts(set);
    GHashTable *sids = fix_sids_in_use(policy);
    GPtrArray *gaps = g_ptr_array_new();
    GHashTable *gap_of = g_hash_table_new(g_direct_hash, g_direct_equal); /* group -> ListGap */
    for (guint i = 0; i < set->matches->len; i++) {
        const RuleMatch *m = g_ptr_array_index(set->matches, i);
        if (!match_wants_twin(m))
            continue;
        if (policy->order == RULE_ORDER_STRICT) {
            if (match_twin_before(alerts, m) != NULL)
                continue;
            const RuleMatch *after =
                match_index_first_covering(alerts, m, m->position + 1, set->matches->len);
            if (after != NULL) {
                report_twin_after(m, after, findings);
                continue;
            }
        }
        const RuleGroup *group = m->rule->group;
        if (group != NULL && group->kind == GROUP_KIND_DOMAIN_LIST) {
            ListGap *gap = g_hash_table_lookup(gap_of, group);
            if (gap == NULL) {
                gap = g_new0(ListGap, 1);
                g_hash_table_insert(gap_of, (gpointer)group, gap);
                gap->group = group;
                gap->passes = g_ptr_array_new();
                g_ptr_array_add(gaps, gap);
            }
            g_ptr_array_add(gap->passes, (gpointer)m);
            continue;
        }
        report_unlogged(policy, m, sids, findings);
    }
    for (guint i = 0; i < gaps->len; i++) {
        ListGap *g = g_ptr_array_index(gaps, i);
        report_domain_list(policy, g, sids, findings);
        g_ptr_array_free(g->passes, TRUE);
        g_free(g);
    }
    g_ptr_array_free(gaps, TRUE);
    g_hash_table_destroy(gap_of);
    g_hash_table_destroy(sids);
    match_index_free(alerts);
}
