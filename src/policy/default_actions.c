/*
 * default_actions.c - the one model of Network Firewall's eight stateful
 * default actions (StatefulDefaultActions of a STRICT_ORDER policy): parsed
 * and validated once when the policy is finished, then asked, for one packet
 * that no rule decided, whether the default drops it and whether it alerts
 * on it, and with what signature and sid the alert is logged.  Used by lint,
 * analyze and the simulator (policy.h).
 *
 * What AWS publishes (NFW Developer Guide, "strict evaluation order";
 * nfw-reference.md 2.1; ../shared/oracle/README.md "Default actions"):
 *   aws:drop_strict        every packet no rule passed: TCP in any state
 *                          (the handshake too) and both directions; every
 *                          packet of other protocols.
 *   aws:drop_established   TCP packets of established connections from
 *                          client to server only (server-to-client packets
 *                          pass "to allow return traffic"); for
 *                          connectionless protocols "drops all packets".
 *   aws:drop_established_app_layer  ("bidirectional"): established TCP
 *                          packets in both directions; every packet of
 *                          other protocols.
 *   aws:drop_established_app_layer_to_server ("server-directed only", the
 *                          default of new policies since June 2026): as
 *                          drop_established for TCP.
 *   The app-layer variants wait for the application layer to be known
 *   before they drop.  Each aws:alert_* alerts on what its drop drops.
 *   At most one drop; an "established" action with an "app-layer" one is
 *   invalid; alert actions only make sense with the matching drop; default
 *   actions exist in STRICT_ORDER only.
 *
 * What AWS does NOT publish, and is therefore a model here:
 *   - the rules NFW generates for them (the oracle emulates them as packet
 *     rules; the direction of the alert twins is assumed to follow the
 *     drop's);
 *   - how the app-layer variants wait (modelled as: an established TCP
 *     packet whose flow has no detected app-layer protocol yet is not
 *     dropped; the oracle does not emulate that wait) and whether they wait
 *     for connectionless protocols (modelled: no, every packet is dropped);
 *   - the sids: NFW logs show sid 4 (TCP), 3 (UDP) and 2 (ICMP and other)
 *     for aws:alert_established; the app-layer variants are assumed to use
 *     the same, and aws:alert_strict 8/7/6 (the oracle's guess; one 2026
 *     public document shows sid 2 for TCP): those are flagged sid_guessed.
 */
#include "policy/policy_internal.h"

#include <string.h>

static const char *const scope_suffix[] = {
    [DEFAULT_SCOPE_NONE] = NULL,
    [DEFAULT_SCOPE_STRICT] = "strict",
    [DEFAULT_SCOPE_ESTABLISHED] = "established",
    [DEFAULT_SCOPE_APP_LAYER] = "established_app_layer",
    [DEFAULT_SCOPE_APP_LAYER_TO_SERVER] = "established_app_layer_to_server",
};

/* "aws:drop_strict", ... in the API's order (botocore service model). */
static const char *const valid_names[] = {
    "aws:drop_strict",
    "aws:drop_established",
    "aws:drop_established_app_layer",
    "aws:drop_established_app_layer_to_server",
    "aws:alert_strict",
    "aws:alert_established",
    "aws:alert_established_app_layer",
    "aws:alert_established_app_layer_to_server",
};

const char *
default_actions_valid_list(void)
{
    return "aws:drop_strict, aws:drop_established, aws:drop_established_app_layer, "
           "aws:drop_established_app_layer_to_server, aws:alert_strict, aws:alert_established, "
           "aws:alert_established_app_layer, aws:alert_established_app_layer_to_server";
}

gboolean
default_action_from_string(const char *s, gboolean *is_alert, DefaultScope *scope)
{
    for (guint i = 0; s != NULL && i < G_N_ELEMENTS(valid_names); i++)
        if (strcmp(s, valid_names[i]) == 0) {
            *is_alert = i >= 4;
            *scope = (DefaultScope)(i % 4 + 1);
            return TRUE;
        }
    return FALSE;
}

const char *
default_action_name(DefaultScope scope, gboolean alert)
{
    if (scope == DEFAULT_SCOPE_NONE || (guint)scope >= G_N_ELEMENTS(scope_suffix))
        return NULL;
    return valid_names[(alert ? 4 : 0) + (guint)scope - 1];
}

static gboolean
scope_is_app_layer(DefaultScope s)
{
    return s == DEFAULT_SCOPE_APP_LAYER || s == DEFAULT_SCOPE_APP_LAYER_TO_SERVER;
}

static gboolean
scope_is_established(DefaultScope s)
{
    return s == DEFAULT_SCOPE_ESTABLISHED;
}

gboolean
default_actions_parse(const GPtrArray *values, DefaultActions *out, GPtrArray *problems)
{
    memset(out, 0, sizeof *out);
    gboolean ok = TRUE;
    GPtrArray *drops = g_ptr_array_new(), *alerts = g_ptr_array_new();
    for (guint i = 0; values != NULL && i < values->len; i++) {
        const char *v = g_ptr_array_index(values, i);
        gboolean alert;
        DefaultScope scope;
        if (!default_action_from_string(v, &alert, &scope)) {
            g_ptr_array_add(problems,
                            g_strdup_printf("unknown stateful default action '%s' (valid: %s)", v,
                                            default_actions_valid_list()));
            ok = FALSE;
            continue;
        }
        GPtrArray *list = alert ? alerts : drops;
        gboolean dup = FALSE;
        for (guint k = 0; k < list->len; k++)
            if (strcmp(g_ptr_array_index(list, k), v) == 0)
                dup = TRUE;
        if (dup)
            continue;
        g_ptr_array_add(list, (gpointer)v);
        if (alert && out->alert == DEFAULT_SCOPE_NONE)
            out->alert = scope;
        else if (!alert && out->drop == DEFAULT_SCOPE_NONE)
            out->drop = scope;
    }
    const struct {
        GPtrArray *list;
        const char *what;
    } kinds[] = { { drops, "drop" }, { alerts, "alert" } };
    for (guint k = 0; k < G_N_ELEMENTS(kinds); k++) {
        if (kinds[k].list->len <= 1)
            continue;
        GString *names = g_string_new(NULL);
        for (guint i = 0; i < kinds[k].list->len; i++)
            g_string_append_printf(names, "%s%s", i ? ", " : "",
                                   (const char *)g_ptr_array_index(kinds[k].list, i));
        g_ptr_array_add(problems,
                        g_strdup_printf("more than one %s default action (%s): choose "
                                        "at most one (valid: %s)",
                                        kinds[k].what, names->str, default_actions_valid_list()));
        g_string_free(names, TRUE);
        ok = FALSE;
    }
    if ((scope_is_established(out->drop) && scope_is_app_layer(out->alert)) ||
        (scope_is_app_layer(out->drop) && scope_is_established(out->alert))) {
        g_ptr_array_add(problems,
                        g_strdup_printf("%s cannot be combined with %s: an \"established\" "
                                        "default action and an \"application layer\" one are "
                                        "mutually exclusive",
                                        default_action_name(out->drop, FALSE),
                                        default_action_name(out->alert, TRUE)));
        ok = FALSE;
    }
    g_ptr_array_free(drops, TRUE);
    g_ptr_array_free(alerts, TRUE);
    return ok;
}

gboolean
default_scope_covers(DefaultScope scope, const UndecidedPacket *p)
{
    if (scope == DEFAULT_SCOPE_NONE)
        return FALSE;
    if (p->proto != PROTO_CLASS_TCP)
        return TRUE; /* connectionless: every packet, whatever the variant */
    switch (scope) {
    case DEFAULT_SCOPE_STRICT: return TRUE;
    case DEFAULT_SCOPE_ESTABLISHED: return p->established && p->direction == PACKET_TO_SERVER;
    case DEFAULT_SCOPE_APP_LAYER: return p->established && p->app_layer_known;
    case DEFAULT_SCOPE_APP_LAYER_TO_SERVER:
        return p->established && p->app_layer_known && p->direction == PACKET_TO_SERVER;
    case DEFAULT_SCOPE_NONE: break;
    }
    return FALSE;
}

/* The sid NFW logs for an alert default on this protocol class. */
static guint
default_sid(DefaultScope scope, ProtoClass proto, gboolean *guessed)
{
    gboolean strict = scope == DEFAULT_SCOPE_STRICT;
    *guessed = scope != DEFAULT_SCOPE_ESTABLISHED;
    switch (proto) {
    case PROTO_CLASS_TCP: return strict ? 8 : 4;
    case PROTO_CLASS_UDP: return strict ? 7 : 3;
    default: return strict ? 6 : 2;
    }
}

void
default_actions_judge(const DefaultActions *d, const UndecidedPacket *p, DefaultVerdict *out)
{
    memset(out, 0, sizeof *out);
    out->drops = default_scope_covers(d->drop, p);
    out->alerts = default_scope_covers(d->alert, p);
    if (out->alerts) {
        static const char *const signatures[] = {
            NULL,
            "aws:alert_strict action",
            "aws:alert_established action",
            "aws:alert_established_app_layer action",
            "aws:alert_established_app_layer_to_server action",
        };
        out->signature = signatures[d->alert];
        out->sid = default_sid(d->alert, p->proto, &out->sid_guessed);
    }
}

gboolean
default_actions_drop_replies(const DefaultActions *d, ProtoClass proto)
{
    UndecidedPacket reply = { proto, PACKET_TO_CLIENT, TRUE, TRUE };
    return default_scope_covers(d->drop, &reply);
}

const char *
proto_class_name(ProtoClass proto)
{
    switch (proto) {
    case PROTO_CLASS_TCP: return "TCP";
    case PROTO_CLASS_UDP: return "UDP";
    case PROTO_CLASS_ICMP: return "ICMP";
    case PROTO_CLASS_OTHER: return "other";
    }
    return "?";
}

/* Called by policy_finish: one parse, findings for what the API refuses. */
void
policy_check_default_actions(Policy *policy)
{
    PolicyInfo *info = policy->info;
    if (info == NULL)
        return;
    GPtrArray *problems = g_ptr_array_new_with_free_func(g_free);
    default_actions_parse(info->stateful_default_actions, &info->defaults, problems);
    if (info->order != RULE_ORDER_STRICT && info->stateful_default_actions->len > 0)
        g_ptr_array_add(problems,
                        g_strdup("StatefulDefaultActions are only allowed with STRICT_ORDER: "
                                 "Network Firewall refuses them in a DEFAULT_ACTION_ORDER "
                                 "policy, where unmatched traffic is passed"));
    for (guint i = 0; i < problems->len; i++) {
        SourceLoc loc = { info->file, info->file_line, 0 };
        Finding *f = finding_new("default-action-invalid", &loc, g_ptr_array_index(problems, i));
        policy_add_finding(policy, f);
    }
    if (info->order != RULE_ORDER_STRICT)
        memset(&info->defaults, 0, sizeof info->defaults);
    g_ptr_array_free(problems, TRUE);
}
