/*
 * lint_shadow.c - rules that can never decide a packet, and pass rules that
 * let too much through first: shadowed-rule, redundant-rule, broad-pass,
 * pass-tcp-before-app-drop.
 *
 * Shadowing walks the policy's evaluation order once (groups by priority,
 * rules as written; pooled and sorted by action in DEFAULT_ACTION_ORDER).
 * Every terminal rule (pass, drop, reject; not the drops of a DROP_TO_ALERT
 * group) is first looked up in an index of the terminal rules before it,
 * then added to it.  match_covers() (lint_match.c) is the proof; the index
 * keeps 35,000 rules to a few comparisons each.  Alert rules are not
 * reported here: an alert placed after its own pass twin is
 * alert-twin-after-pass (lint_twins.c).
 *
 * In action order a shadowed drop still logs (Suricata keeps walking after
 * a drop) but never changes the verdict; the message says "decides".
 */
#include <string.h>

#include "lint/lint.h"
#include "lint/lint_fix.h"
#include "lint/lint_match.h"

static gboolean
same_action_class(RuleAction a, RuleAction b)
{
    gboolean ra = a >= RULE_ACTION_REJECT && a <= RULE_ACTION_REJECTBOTH;
    gboolean rb = b >= RULE_ACTION_REJECT && b <= RULE_ACTION_REJECTBOTH;
    return a == b || (ra && rb);
}

static const char *
action_verb(RuleAction a)
{
    switch (a) {
    case RULE_ACTION_PASS: return "passes";
    case RULE_ACTION_DROP: return "drops";
    case RULE_ACTION_ALERT: return "alerts on";
    default: return "rejects";
    }
}

/* Why `outer` covers `inner`, for the message. */
static char *
covering_reason(const RuleMatch *outer, const RuleMatch *inner)
{
    GString *why = g_string_new(NULL);
    if (strcmp(outer->rule->proto, inner->rule->proto) == 0)
        g_string_append_printf(why, "same protocol %s", inner->rule->proto);
    else
        g_string_append_printf(why, "%s carries every %s packet", outer->rule->proto,
                               inner->rule->proto);
    g_string_append(why, ", its addresses and ports contain these");
    if (outer->rule->direction == RULE_DIR_BOTH)
        g_string_append(why, " (<> matches both directions)");
    if (outer->flow_explicit == 0)
        g_string_append(why, ", no flow restriction");
    else
        g_string_append(why, ", its flow keyword is implied by this rule's");
    if (outer->atoms->len == 0)
        g_string_append(why, ", no content or other match condition");
    else
        g_string_append_printf(why, ", its %u match condition%s also here", outer->atoms->len,
                               outer->atoms->len == 1 ? " is" : "s are");
    return g_string_free(why, FALSE);
}

static void
report_shadowed(const RuleMatch *outer, const RuleMatch *inner, GPtrArray *findings)
{
    const Rule *a = outer->rule, *b = inner->rule;
    gboolean redundant = same_action_class(outer->action, inner->action);
    char *desc = match_describe_rule(a);
    char *why = covering_reason(outer, inner);
    Finding *f;
    if (redundant) {
        f = finding_new_printf(
            "redundant-rule", &b->loc,
            "this %s rule is redundant: %s, earlier in evaluation order, already %s every "
            "packet it matches (%s); it can be deleted",
            rule_action_name(b->action), desc, action_verb(outer->action), why);
    } else {
        f = finding_new_printf(
            "shadowed-rule", &b->loc,
            "this %s rule never decides a packet: %s, earlier in evaluation order, %s every "
            "packet it matches first (%s)",
            rule_action_name(b->action), desc, action_verb(outer->action), why);
        if (outer->action == RULE_ACTION_PASS && inner->action != RULE_ACTION_PASS)
            f->severity = SEVERITY_ERROR;
    }
    policy_finding_set_rule(f, b);
    char *note = g_strdup_printf("the earlier %s rule (sid %" G_GUINT64_FORMAT ") that decides "
                                 "these packets first",
                                 rule_action_name(a->action), a->sid);
    finding_add_related(f, &a->loc, note);
    g_ptr_array_add(findings, f);
    g_free(note);
    g_free(why);
    g_free(desc);
}

void
lint_shadow_run(const MatchSet *set, GPtrArray *findings)
{
    MatchIndex *index = match_index_new();
    for (guint i = 0; i < set->matches->len; i++) {
        const RuleMatch *m = g_ptr_array_index(set->matches, i);
        if (!m->terminal)
            continue;
        const RuleMatch *outer = match_index_first_covering(index, m, 0, m->position);
        if (outer != NULL)
            report_shadowed(outer, m, findings);
        match_index_add(index, m);
    }
    match_index_free(index);
}

static gboolean
header_is_any(const RuleMatch *m)
{
    return m->src && netset_is_any(m->src) && m->dst && netset_is_any(m->dst) && m->sport &&
           netset_is_any(m->sport) && m->dport && netset_is_any(m->dport);
}

/* A pass rule that matches every packet of its protocol (flow aside),
 * ahead of rules of that protocol. */
static void
check_broad_pass(const MatchSet *set, const RuleMatch *m, GPtrArray *findings)
{
    if (m->action != RULE_ACTION_PASS || m->atoms->len > 0 || m->opaque || !header_is_any(m))
        return;
    const RuleMatch *first = NULL;
    guint later = 0;
    for (guint i = m->position + 1; i < set->matches->len; i++) {
        const RuleMatch *o = g_ptr_array_index(set->matches, i);
        if (match_proto_covers(m->rule->proto, o->rule->proto)) {
            later++;
            if (first == NULL)
                first = o;
        }
    }
    if (later == 0)
        return;
    Finding *f = finding_new_printf(
        "broad-pass", &m->rule->loc,
        "this pass rule matches all %s traffic (any address, any port, no content%s) and "
        "comes before %u other %s rule%s: they never see that traffic, and it is allowed "
        "unlogged%s",
        m->rule->proto, m->flow_explicit ? "; only a flow restriction" : "", later, m->rule->proto,
        later == 1 ? "" : "s",
        (m->rule->flags & RULE_F_ALERT_KW) ? " (this rule logs it: it has alert;)" : "");
    policy_finding_set_rule(f, m->rule);
    char *note = g_strdup_printf("the first later rule it overrides (sid %" G_GUINT64_FORMAT ")",
                                 first->rule->sid);
    finding_add_related(f, &first->rule->loc, note);
    g_free(note);
    g_ptr_array_add(findings, f);
}

static gboolean
may_intersect(const NetSet *a, const NetSet *b)
{
    return a == NULL || b == NULL || netset_intersects(a, b);
}

static gboolean
traffic_overlaps(const RuleMatch *a, const RuleMatch *b)
{
    gboolean fwd = may_intersect(a->src, b->src) && may_intersect(a->dst, b->dst) &&
                   may_intersect(a->sport, b->sport) && may_intersect(a->dport, b->dport);
    gboolean rev = may_intersect(a->src, b->dst) && may_intersect(a->dst, b->src) &&
                   may_intersect(a->sport, b->dport) && may_intersect(a->dport, b->sport);
    if (fwd)
        return TRUE;
    return rev && (a->rule->direction == RULE_DIR_BOTH || b->rule->direction == RULE_DIR_BOTH);
}

/* A pass tcp/ip rule deciding at the first packet, before an app-layer
 * drop or reject on the same traffic could. */
static void
check_pass_tcp(const MatchSet *set, const RuleMatch *m, GPtrArray *findings)
{
    const char *proto = m->rule->proto;
    if (m->action != RULE_ACTION_PASS || (strcmp(proto, "tcp") != 0 && strcmp(proto, "ip") != 0))
        return;
    if (m->flow_explicit & (RULE_FLOW_TO_SERVER | RULE_FLOW_ESTABLISHED))
        return;
    for (guint i = m->position + 1; i < set->matches->len; i++) {
        const RuleMatch *o = g_ptr_array_index(set->matches, i);
        if (!o->terminal || o->action == RULE_ACTION_PASS || !(o->rule->flags & RULE_F_APP_LAYER) ||
            !match_proto_covers(proto,
                                strcmp(o->rule->proto, "tcp") == 0 ? "tls" : o->rule->proto) ||
            !traffic_overlaps(m, o))
            continue;
        Finding *f = finding_new_printf(
            "pass-tcp-before-app-drop", &m->rule->loc,
            "this pass %s rule has no flow:to_server, so it decides at the first packet of a "
            "flow, before the app-layer protocol is known: the later app-layer %s rule sid %" G_GUINT64_FORMAT
            " on the same traffic never sees it",
            proto, rule_action_name(o->rule->action), o->rule->sid);
        policy_finding_set_rule(f, m->rule);
        char *note =
            g_strdup_printf("the app-layer %s rule it pre-empts (sid %" G_GUINT64_FORMAT ")",
                            rule_action_name(o->rule->action), o->rule->sid);
        finding_add_related(f, &o->rule->loc, note);
        g_free(note);
        if (!(m->rule->flags & RULE_F_HAS_FLOW)) {
            char *fix = fix_insert_option(m->rule, "flow:to_server;");
            finding_set_fix(f, fix);
            g_free(fix);
        }
        g_ptr_array_add(findings, f);
        return;
    }
}

void
lint_pass_scope_run(const MatchSet *set, GPtrArray *findings)
{
    for (guint i = 0; i < set->matches->len; i++) {
        const RuleMatch *m = g_ptr_array_index(set->matches, i);
        check_broad_pass(set, m, findings);
        check_pass_tcp(set, m, findings);
    }
}

void
lint_check_ordering(const Policy *policy, GPtrArray *findings)
{
    MatchSet *set = match_set_new(policy);
    lint_twins_run(set, findings);
    lint_shadow_run(set, findings);
    lint_pass_scope_run(set, findings);
    match_set_free(set);
}
