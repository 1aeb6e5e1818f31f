/*
 * verdict_walk.c - the packet walk (verdict.h: verdict_evaluate).
 *
 * Per packet class, in time order, two phases as in Suricata 7's detect.c:
 *  1. match: every rule in evaluation order is matched against the packet;
 *     a matching rule's flowbits:set/unset/toggle act at once, so later
 *     rules on the same packet see them (Suricata runs post-match actions
 *     at match time, whatever the verdict walk later keeps);
 *  2. decide: the matching rules in evaluation order.  Strict order (NFW
 *     STRICT_ORDER): alert rules log, the first pass/drop/reject decides
 *     and nothing after it is logged.  Action order: PacketAlertFinalize
 *     (detect-engine-alert.c): a pass ends the walk; a drop drops the
 *     packet and the walk goes on, later drops and alerts still logging;
 *     the first flow-scope decision sets the flow's action.
 * A packet no rule decided goes to the default actions (strict order only:
 * NFW allows them nowhere else).  A flow-scope pass ends inspection (the
 * rest of the flow passes unlogged); a flow-scope drop drops the rest of
 * the flow unlogged.
 *
 * Unknowns: a MAYBE match of an alert rule is a maybe-alert; of a deciding
 * rule, the end of what can be known (the verdict is undetermined unless
 * an earlier packet was already dropped).  A packet class that may or may
 * not exist is walked "speculatively": its drops make the verdict
 * undetermined, its alerts are maybe-alerts, and from then on everything
 * is speculative, since the flow's state after it is not known.
 */
#include "verdict/verdict_internal.h"

#include <string.h>

void
verdict_result_init(VerdictResult *result)
{
    memset(result, 0, sizeof *result);
    result->alerts = g_array_new(FALSE, TRUE, sizeof(VerdictHit));
    result->maybe_alerts = g_array_new(FALSE, TRUE, sizeof(VerdictHit));
    result->reason = g_string_new(NULL);
}

void
verdict_result_clear(VerdictResult *result)
{
    if (result->alerts)
        g_array_unref(result->alerts);
    if (result->maybe_alerts)
        g_array_unref(result->maybe_alerts);
    if (result->reason)
        g_string_free(result->reason, TRUE);
    memset(result, 0, sizeof *result);
}

void
verdict_result_reset(VerdictResult *result)
{
    result->verdict = VERDICT_ALLOWED;
    result->has_blocked_by = FALSE;
    memset(&result->blocked_by, 0, sizeof result->blocked_by);
    result->blocked_at = VERDICT_PKT_SYN;
    result->allowed_by = NULL;
    g_array_set_size(result->alerts, 0);
    g_array_set_size(result->maybe_alerts, 0);
    g_string_truncate(result->reason, 0);
}

static void
step_clear(gpointer p)
{
    g_free(((VerdictStep *)p)->why);
}

VerdictTrace *
verdict_trace_new(void)
{
    VerdictTrace *t = g_new0(VerdictTrace, 1);
    t->steps = g_array_new(FALSE, TRUE, sizeof(VerdictStep));
    g_array_set_clear_func(t->steps, step_clear);
    t->classes = g_array_new(FALSE, TRUE, sizeof(VerdictPacketClass));
    t->class_maybe = g_array_new(FALSE, TRUE, sizeof(gboolean));
    return t;
}

void
verdict_trace_free(VerdictTrace *trace)
{
    if (trace == NULL)
        return;
    g_array_unref(trace->steps);
    g_array_unref(trace->classes);
    g_array_unref(trace->class_maybe);
    g_free(trace);
}

static gboolean
hit_equal(const VerdictHit *a, const VerdictHit *b)
{
    if (a->rule || b->rule)
        return a->rule == b->rule;
    return g_strcmp0(a->default_action, b->default_action) == 0;
}

static void
hits_add(GArray *hits, const VerdictHit *hit)
{
    for (guint i = 0; i < hits->len; i++)
        if (hit_equal(&g_array_index(hits, VerdictHit, i), hit))
            return;
    g_array_append_val(hits, *hit);
}

static gboolean
hits_has(const GArray *hits, const VerdictHit *hit)
{
    for (guint i = 0; i < hits->len; i++)
        if (hit_equal(&g_array_index(hits, VerdictHit, i), hit))
            return TRUE;
    return FALSE;
}

static VerdictHit
rule_hit(const VRule *r)
{
    VerdictHit h = { r->rule, NULL, r->rule->sid };
    return h;
}

typedef struct {
    const VerdictEngine *engine;
    const VerdictFlow *flow;
    VerdictResult *result;
    VerdictTrace *trace;
    GHashTable *bits_set, *bits_maybe;
    GString *why;
    GString *scratch; /* transformed buffer values */
    VTri *matches;    /* per rule, for the current packet */
    gboolean speculative;
    gboolean flow_passed, flow_dropped;
    gboolean stopped; /* the rest cannot be known */
} Walk;

static void
trace_step(Walk *w, const VPacket *p, VerdictStepKind kind, VerdictHit hit, gboolean alerted,
           gboolean decided, gboolean dropped, gboolean flow_wide, const char *why)
{
    if (w->trace == NULL)
        return;
    VerdictStep s = { p->cls, kind, hit, alerted, decided, dropped, flow_wide, g_strdup(why) };
    g_array_append_val(w->trace->steps, s);
}

static void
alert(Walk *w, const VerdictHit *hit, gboolean maybe)
{
    if (maybe || w->speculative) {
        if (!hits_has(w->result->alerts, hit))
            hits_add(w->result->maybe_alerts, hit);
        return;
    }
    hits_add(w->result->alerts, hit);
    /* Once certain, it is no longer a maybe. */
    for (guint i = 0; i < w->result->maybe_alerts->len; i++)
        if (hit_equal(&g_array_index(w->result->maybe_alerts, VerdictHit, i), hit)) {
            g_array_remove_index(w->result->maybe_alerts, i);
            break;
        }
}

static void undetermined(Walk *w, const VPacket *p, const char *fmt, ...) G_GNUC_PRINTF(3, 4);

/* What follows cannot be known; the verdict is undetermined unless a
 * packet was already certainly dropped. */
static void
undetermined(Walk *w, const VPacket *p, const char *fmt, ...)
{
    w->stopped = TRUE;
    if (w->result->verdict == VERDICT_BLOCKED)
        return;
    w->result->verdict = VERDICT_UNDETERMINED;
    va_list ap;
    va_start(ap, fmt);
    g_string_vprintf(w->result->reason, fmt, ap);
    va_end(ap);
    g_string_append_printf(w->result->reason, " (at %s)",
                           verdict_packet_class_name(p->cls, w->flow->ip_proto));
}

static void
packet_dropped(Walk *w, const VPacket *p, const VerdictHit *by, const char *how)
{
    if (w->result->verdict == VERDICT_BLOCKED)
        return;
    if (w->speculative) {
        undetermined(w, p, "%s would drop it, if the flow had such packets (the logs do not say)",
                     how);
        return;
    }
    w->result->verdict = VERDICT_BLOCKED;
    w->result->has_blocked_by = TRUE;
    w->result->blocked_by = *by;
    w->result->blocked_at = p->cls;
    g_string_printf(w->result->reason, "%s drops the %s", how,
                    verdict_packet_class_name(p->cls, w->flow->ip_proto));
}

static void
bits_apply(Walk *w, const VRule *r, VTri m)
{
    for (guint i = 0; i < r->bits->len; i++) {
        const VBitsOp *op = &g_array_index(r->bits, VBitsOp, i);
        if (op->cmd == VBITS_ISSET || op->cmd == VBITS_ISNOTSET)
            continue;
        for (guint k = 0; k < op->names->len; k++) {
            const char *name = g_ptr_array_index(op->names, k);
            if (m == VTRI_MAYBE || w->speculative) {
                g_hash_table_add(w->bits_maybe, (gpointer)name);
                continue;
            }
            gboolean was = g_hash_table_contains(w->bits_set, name);
            gboolean now = op->cmd == VBITS_SET ? TRUE : op->cmd == VBITS_UNSET ? FALSE : !was;
            if (now)
                g_hash_table_add(w->bits_set, (gpointer)name);
            else
                g_hash_table_remove(w->bits_set, name);
        }
    }
}

static void
match_phase(Walk *w, const VPacket *p)
{
    const GPtrArray *rules = w->engine->compiled.rules;
    for (guint i = 0; i < rules->len; i++) {
        const VRule *r = g_ptr_array_index(rules, i);
        VTri m = verdict_rule_match(r, w->flow, p, w->bits_set, w->bits_maybe, w->scratch, NULL);
        w->matches[i] = m;
        if (m != VTRI_NO && r->bits->len > 0)
            bits_apply(w, r, m);
    }
}

static const char *
reason_of(Walk *w, const VRule *r, const VPacket *p)
{
    /* Rerun the match with a reason (only for traces and the result). */
    verdict_rule_match(r, w->flow, p, w->bits_set, w->bits_maybe, w->scratch, w->why);
    return w->why->str;
}

static void
flow_pass(Walk *w, const VRule *r, const VPacket *p)
{
    if (w->speculative)
        return; /* not known whether it happened: later packets are walked */
    w->flow_passed = TRUE;
    if (w->result->verdict != VERDICT_BLOCKED)
        w->result->allowed_by = r->rule;
}

/* Strict order: the first matching pass/drop/reject decides. Returns TRUE
 * when a rule decided the packet. */
static gboolean
decide_strict(Walk *w, const VPacket *p)
{
    const GPtrArray *rules = w->engine->compiled.rules;
    for (guint i = 0; i < rules->len; i++) {
        VTri m = w->matches[i];
        const VRule *r = g_ptr_array_index(rules, i);
        if (m == VTRI_NO) {
            if (w->trace)
                trace_step(w, p, VERDICT_STEP_NO_MATCH, rule_hit(r), FALSE, FALSE, FALSE, FALSE,
                           reason_of(w, r, p));
            continue;
        }
        VerdictHit hit = rule_hit(r);
        if (!r->terminal) {
            if (r->logs)
                alert(w, &hit, m == VTRI_MAYBE);
            if (w->trace)
                trace_step(w, p, m == VTRI_MAYBE ? VERDICT_STEP_UNKNOWN : VERDICT_STEP_MATCH, hit,
                           r->logs, FALSE, FALSE, FALSE, reason_of(w, r, p));
            continue;
        }
        if (m == VTRI_MAYBE) {
            const char *why = reason_of(w, r, p);
            if (w->trace)
                trace_step(w, p, VERDICT_STEP_UNKNOWN, hit, FALSE, FALSE, FALSE, FALSE, why);
            if (r->logs)
                alert(w, &hit, TRUE);
            undetermined(w, p, "whether %s matches is not known: %s", r->summary, why);
            return TRUE;
        }
        if (r->logs)
            alert(w, &hit, FALSE);
        if (w->trace)
            trace_step(w, p, VERDICT_STEP_MATCH, hit, r->logs, TRUE, r->drops, r->flow_scope,
                       reason_of(w, r, p));
        if (r->drops) {
            packet_dropped(w, p, &hit, r->summary);
            if (r->flow_scope && !w->speculative)
                w->flow_dropped = TRUE;
        } else if (r->flow_scope)
            flow_pass(w, r, p);
        return TRUE;
    }
    return FALSE;
}

/* Action order (Suricata's PacketAlertFinalize over rules already sorted
 * by action class). */
static gboolean
decide_action(Walk *w, const VPacket *p)
{
    const GPtrArray *rules = w->engine->compiled.rules;
    gboolean dropped = FALSE, flow_set = FALSE;
    for (guint i = 0; i < rules->len; i++) {
        VTri m = w->matches[i];
        const VRule *r = g_ptr_array_index(rules, i);
        if (m == VTRI_NO) {
            if (w->trace)
                trace_step(w, p, VERDICT_STEP_NO_MATCH, rule_hit(r), FALSE, FALSE, FALSE, FALSE,
                           reason_of(w, r, p));
            continue;
        }
        VerdictHit hit = rule_hit(r);
        if (m == VTRI_MAYBE) {
            const char *why = reason_of(w, r, p);
            if (w->trace)
                trace_step(w, p, VERDICT_STEP_UNKNOWN, hit, FALSE, FALSE, FALSE, FALSE, why);
            if (r->logs)
                alert(w, &hit, TRUE);
            if (r->terminal && !dropped) {
                undetermined(w, p, "whether %s matches is not known: %s", r->summary, why);
                return TRUE;
            }
            if (r->action == RULE_ACTION_PASS)
                return TRUE; /* nothing after a possible pass is known */
            continue;
        }
        if (r->logs)
            alert(w, &hit, FALSE);
        if (w->trace)
            trace_step(w, p, VERDICT_STEP_MATCH, hit, r->logs, r->terminal && !dropped, r->drops,
                       r->terminal && r->flow_scope, reason_of(w, r, p));
        if (r->action == RULE_ACTION_PASS) {
            if (r->flow_scope && !flow_set)
                flow_pass(w, r, p);
            return TRUE;
        }
        if (r->drops) {
            if (!dropped)
                packet_dropped(w, p, &hit, r->summary);
            dropped = TRUE;
            if (r->flow_scope && !flow_set && !w->speculative) {
                w->flow_dropped = TRUE;
                flow_set = TRUE;
            }
        }
    }
    return dropped;
}

static void
default_actions(Walk *w, const VPacket *p)
{
    VerdictDefaultOutcome d;
    verdict_default_decide(w->engine, w->flow, p, &d);
    if (d.unknown) {
        if (w->trace) {
            VerdictHit none = { 0 };
            trace_step(w, p, VERDICT_STEP_DEFAULT, none, FALSE, FALSE, FALSE, FALSE, d.why);
        }
        undetermined(w, p, "%s", d.why + strlen("no rule decided: "));
        g_free(d.why);
        return;
    }
    if (d.alert_name) {
        VerdictHit hit = { NULL, d.alert_name, d.sid };
        alert(w, &hit, FALSE);
    }
    if (w->trace) {
        VerdictHit hit = { NULL, d.drop_name ? d.drop_name : d.alert_name, d.sid };
        trace_step(w, p, VERDICT_STEP_DEFAULT, hit, d.alert_name != NULL, d.drop_name != NULL,
                   d.drop_name != NULL, FALSE, d.why);
    }
    if (d.drop_name) {
        VerdictHit hit = { NULL, d.drop_name, d.sid };
        char *how = g_strdup_printf("the default action %s", d.drop_name);
        packet_dropped(w, p, &hit, how);
        g_free(how);
    }
    g_free(d.why);
}

void
verdict_evaluate(const VerdictEngine *engine, const VerdictFlow *flow, VerdictResult *result,
                 VerdictTrace *trace)
{
    verdict_result_reset(result);
    VPacket packets[VERDICT_PKT_N];
    guint n = verdict_packets_of(flow, packets);
    Walk w = { 0 };
    w.engine = engine;
    w.flow = flow;
    w.result = result;
    w.trace = trace;
    /* Per flow, only what the policy needs: most have no flowbits, and a
     * small policy's match table fits on the stack. */
    if (engine->compiled.has_bits) {
        w.bits_set = g_hash_table_new(g_str_hash, g_str_equal);
        w.bits_maybe = g_hash_table_new(g_str_hash, g_str_equal);
    }
    w.why = g_string_new(NULL);
    w.scratch = g_string_new(NULL);
    VTri local[256];
    guint n_rules = engine->compiled.rules->len;
    w.matches = n_rules < G_N_ELEMENTS(local) ? local : g_new0(VTri, n_rules + 1);
    if (trace) {
        g_array_set_size(trace->steps, 0);
        g_array_set_size(trace->classes, 0);
        g_array_set_size(trace->class_maybe, 0);
    }
    for (guint k = 0; k < n && !w.stopped; k++) {
        const VPacket *p = &packets[k];
        if (trace) {
            gboolean maybe = p->exists == VTRI_MAYBE;
            g_array_append_val(trace->classes, p->cls);
            g_array_append_val(trace->class_maybe, maybe);
        }
        if (p->exists == VTRI_MAYBE)
            w.speculative = TRUE;
        if (w.flow_passed || w.flow_dropped) {
            if (trace) {
                VerdictHit none = { 0 };
                trace_step(&w, p, VERDICT_STEP_SKIPPED, none, FALSE, FALSE, w.flow_dropped, TRUE,
                           w.flow_passed ? "the flow was passed: not inspected"
                                         : "the flow was dropped: dropped without inspection");
            }
            continue;
        }
        match_phase(&w, p);
        gboolean decided =
            engine->order == RULE_ORDER_STRICT ? decide_strict(&w, p) : decide_action(&w, p);
        if (!decided && !w.stopped)
            default_actions(&w, p);
    }
    if (result->verdict == VERDICT_ALLOWED && result->reason->len == 0) {
        if (result->allowed_by)
            g_string_printf(result->reason, "sid %" G_GUINT64_FORMAT " passes the flow",
                            result->allowed_by->sid);
        else
            g_string_assign(result->reason, "no rule or default action drops a packet");
    }
    if (w.matches != local)
        g_free(w.matches);
    g_string_free(w.why, TRUE);
    g_string_free(w.scratch, TRUE);
    if (w.bits_set) {
        g_hash_table_destroy(w.bits_set);
        g_hash_table_destroy(w.bits_maybe);
    }
}
