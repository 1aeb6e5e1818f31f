/*
 * verdict_engine.c - the engine of one policy (verdict.h): its compiled
 * rules and the default actions in force, and the question the walk asks
 * of the defaults for a packet no rule decided.
 *
 * The meaning of each default action is src/policy's model (one model for
 * lint, analyze and this engine); this file only describes the packet to
 * it.  Default actions exist only under STRICT_ORDER: Network Firewall
 * refuses them otherwise, and DEFAULT_ACTION_ORDER passes what no rule
 * decided.
 */
#include "verdict/verdict_internal.h"

#include <string.h>

static ProtoClass
proto_class(guint8 ip_proto)
{
    switch (ip_proto) {
    case 6: return PROTO_CLASS_TCP;
    case 17: return PROTO_CLASS_UDP;
    case 1:
    case 58: return PROTO_CLASS_ICMP;
    default: return PROTO_CLASS_OTHER;
    }
}

/* Detection done on this packet: a protocol found, or given up ("failed").
 * "unknown" means Suricata had not concluded. */
static VTri
detection_done(const VerdictFlow *flow, const VPacket *pkt)
{
    if (flow->app_proto == NULL)
        return pkt->payload == VTRI_NO ? VTRI_NO : VTRI_MAYBE;
    if (strcmp(flow->app_proto, "unknown") == 0)
        return VTRI_NO;
    if (strcmp(flow->app_proto, "failed") == 0)
        return pkt->cls >= VERDICT_PKT_CLIENT_DATA ? VTRI_YES : VTRI_NO;
    return pkt->app_known ? VTRI_YES : VTRI_NO;
}

void
verdict_default_decide(const VerdictEngine *engine, const VerdictFlow *flow, const VPacket *pkt,
                       VerdictDefaultOutcome *out)
{
    memset(out, 0, sizeof *out);
    const DefaultActions *d = &engine->defaults;
    if (engine->order != RULE_ORDER_STRICT ||
        (d->drop == DEFAULT_SCOPE_NONE && d->alert == DEFAULT_SCOPE_NONE)) {
        out->why = g_strdup("no rule decided: passed (no default action)");
        return;
    }
    VTri done = detection_done(flow, pkt);
    UndecidedPacket p = { proto_class(flow->ip_proto),
                          pkt->dir == VERDICT_TO_SERVER ? PACKET_TO_SERVER : PACKET_TO_CLIENT,
                          pkt->established, done == VTRI_YES };
    DefaultVerdict v;
    default_actions_judge(d, &p, &v);
    if (done == VTRI_MAYBE) {
        DefaultVerdict other;
        p.app_layer_known = !p.app_layer_known;
        default_actions_judge(d, &p, &other);
        out->unknown = v.drops != other.drops || v.alerts != other.alerts;
    }
    out->drop_name = v.drops ? default_action_name(d->drop, FALSE) : NULL;
    out->alert_name = v.alerts ? default_action_name(d->alert, TRUE) : NULL;
    out->sid = v.sid;
    if (out->unknown)
        out->why = g_strdup("no rule decided: whether the default action covers it depends on "
                            "app-layer detection, which the logs do not show");
    else
        out->why = g_strdup_printf(
            "no rule decided: %s%s%s", out->drop_name ? out->drop_name : "passed",
            out->alert_name ? ", logged by " : "", out->alert_name ? out->alert_name : "");
}

VerdictEngine *
verdict_engine_new(const Policy *policy, GPtrArray *default_actions, GError **error)
{
    VerdictEngine *e = g_new0(VerdictEngine, 1);
    e->policy = policy;
    e->order = policy->order;
    e->default_actions = g_ptr_array_new_with_free_func(g_free);
    GPtrArray *names = default_actions;
    if (names == NULL && policy->info)
        names = policy->info->stateful_default_actions;
    for (guint i = 0; names && i < names->len; i++)
        g_ptr_array_add(e->default_actions, g_strdup(g_ptr_array_index(names, i)));
    if (default_actions != NULL) {
        GPtrArray *problems = g_ptr_array_new_with_free_func(g_free);
        if (!default_actions_parse(default_actions, &e->defaults, problems)) {
            GString *msg = g_string_new(NULL);
            for (guint i = 0; i < problems->len; i++)
                g_string_append_printf(msg, "%s%s", i ? "; " : "",
                                       (char *)g_ptr_array_index(problems, i));
            g_set_error_literal(error, VERDICT_ERROR, VERDICT_ERROR_DEFAULT_ACTIONS, msg->str);
            g_string_free(msg, TRUE);
            g_ptr_array_free(problems, TRUE);
            g_ptr_array_unref(e->default_actions);
            g_free(e);
            return NULL;
        }
        g_ptr_array_free(problems, TRUE);
    } else if (policy->info)
        e->defaults = policy->info->defaults;
    verdict_compile(policy, &e->compiled);
    return e;
}

void
verdict_engine_free(VerdictEngine *engine)
{
    if (engine == NULL)
        return;
    verdict_compiled_clear(&engine->compiled);
    g_ptr_array_unref(engine->default_actions);
    g_free(engine);
}

const GPtrArray *
verdict_engine_default_actions(const VerdictEngine *engine)
{
    return engine->default_actions;
}
