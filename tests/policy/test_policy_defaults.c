/*
 * test_policy_defaults.c - the stateful default-action model
 * (default_actions.c) as a specification: what each of the eight values
 * drops and alerts on, per protocol class, direction and TCP state (AWS
 * Developer Guide, "strict evaluation order"; oracle README "Default
 * actions"), the sids NFW logs, and what the parser refuses.
 */
#include <string.h>

#include "policy/policy.h"

static GPtrArray *
values(const char *first, ...)
{
    GPtrArray *a = g_ptr_array_new();
    va_list ap;
    va_start(ap, first);
    for (const char *s = first; s != NULL; s = va_arg(ap, const char *))
        g_ptr_array_add(a, (gpointer)s);
    va_end(ap);
    return a;
}

static DefaultActions
parse_ok(const char *drop, const char *alert)
{
    GPtrArray *v = values(drop, alert, NULL);
    GPtrArray *problems = g_ptr_array_new_with_free_func(g_free);
    DefaultActions d;
    g_assert_true(default_actions_parse(v, &d, problems));
    g_assert_cmpuint(problems->len, ==, 0);
    g_ptr_array_free(problems, TRUE);
    g_ptr_array_free(v, TRUE);
    return d;
}

/* Expected drop per (proto, direction, established) for each drop default:
 * rows TCP handshake c2s, TCP handshake s2c, TCP est. c2s, TCP est. s2c,
 * UDP c2s, UDP s2c, ICMP c2s, ICMP s2c, other c2s. */
static const struct {
    const char *drop;
    gboolean drops[9];
} table[] = {
    { "aws:drop_strict", { 1, 1, 1, 1, 1, 1, 1, 1, 1 } },
    { "aws:drop_established", { 0, 0, 1, 0, 1, 1, 1, 1, 1 } },
    { "aws:drop_established_app_layer", { 0, 0, 1, 1, 1, 1, 1, 1, 1 } },
    { "aws:drop_established_app_layer_to_server", { 0, 0, 1, 0, 1, 1, 1, 1, 1 } },
};

static const UndecidedPacket rows[9] = {
    { PROTO_CLASS_TCP, PACKET_TO_SERVER, FALSE, FALSE },
    { PROTO_CLASS_TCP, PACKET_TO_CLIENT, FALSE, FALSE },
    { PROTO_CLASS_TCP, PACKET_TO_SERVER, TRUE, TRUE },
    { PROTO_CLASS_TCP, PACKET_TO_CLIENT, TRUE, TRUE },
    { PROTO_CLASS_UDP, PACKET_TO_SERVER, FALSE, TRUE },
    { PROTO_CLASS_UDP, PACKET_TO_CLIENT, TRUE, TRUE },
    { PROTO_CLASS_ICMP, PACKET_TO_SERVER, FALSE, TRUE },
    { PROTO_CLASS_ICMP, PACKET_TO_CLIENT, TRUE, TRUE },
    { PROTO_CLASS_OTHER, PACKET_TO_SERVER, FALSE, TRUE },
};

static void
test_what_each_default_drops(void)
{
    for (gsize t = 0; t < G_N_ELEMENTS(table); t++) {
        char *alert = g_strconcat("aws:alert_", table[t].drop + strlen("aws:drop_"), NULL);
        DefaultActions d = parse_ok(table[t].drop, alert);
        for (int i = 0; i < 9; i++) {
            DefaultVerdict v;
            default_actions_judge(&d, &rows[i], &v);
            if (v.drops != table[t].drops[i] || v.alerts != table[t].drops[i])
                g_error("%s row %d: drops %d alerts %d, expected %d", table[t].drop, i, v.drops,
                        v.alerts, table[t].drops[i]);
            if (v.alerts) {
                char *sig = g_strconcat(alert, " action", NULL);
                g_assert_cmpstr(v.signature, ==, sig);
                g_free(sig);
            } else {
                g_assert_null(v.signature);
                g_assert_cmpuint(v.sid, ==, 0);
            }
        }
        /* The drop alone is silent (NFW generates it with noalert). */
        DefaultActions silent = parse_ok(table[t].drop, NULL);
        DefaultVerdict v;
        default_actions_judge(&silent, &rows[2], &v);
        g_assert_true(v.drops);
        g_assert_false(v.alerts);
        g_assert_null(v.signature);
        g_free(alert);
    }
}

static void
test_replies(void)
{
    DefaultActions est = parse_ok("aws:drop_established", NULL);
    g_assert_false(default_actions_drop_replies(&est, PROTO_CLASS_TCP));
    g_assert_true(default_actions_drop_replies(&est, PROTO_CLASS_UDP));
    g_assert_true(default_actions_drop_replies(&est, PROTO_CLASS_ICMP));
    DefaultActions bidi = parse_ok("aws:drop_established_app_layer", NULL);
    g_assert_true(default_actions_drop_replies(&bidi, PROTO_CLASS_TCP));
    DefaultActions to_server = parse_ok("aws:drop_established_app_layer_to_server", NULL);
    g_assert_false(default_actions_drop_replies(&to_server, PROTO_CLASS_TCP));
    DefaultActions none = { DEFAULT_SCOPE_NONE, DEFAULT_SCOPE_NONE };
    g_assert_false(default_actions_drop_replies(&none, PROTO_CLASS_UDP));
}

static void
test_app_layer_wait(void)
{
    /* The app-layer variants do not drop an established TCP packet before
     * the flow's app-layer protocol is known (not published in detail). */
    DefaultActions d = parse_ok("aws:drop_established_app_layer", NULL);
    UndecidedPacket early = { PROTO_CLASS_TCP, PACKET_TO_SERVER, TRUE, FALSE };
    g_assert_false(default_scope_covers(d.drop, &early));
    DefaultActions est = parse_ok("aws:drop_established", NULL);
    g_assert_true(default_scope_covers(est.drop, &early));
}

static void
test_sids(void)
{
    DefaultActions d = parse_ok("aws:drop_established", "aws:alert_established");
    const guint expect[] = { 4, 3, 2, 2 };
    const ProtoClass protos[] = { PROTO_CLASS_TCP, PROTO_CLASS_UDP, PROTO_CLASS_ICMP,
                                  PROTO_CLASS_OTHER };
    for (int i = 0; i < 4; i++) {
        UndecidedPacket p = { protos[i], PACKET_TO_SERVER, TRUE, TRUE };
        DefaultVerdict v;
        default_actions_judge(&d, &p, &v);
        g_assert_cmpuint(v.sid, ==, expect[i]);
        g_assert_false(v.sid_guessed); /* seen in real NFW logs */
    }
    DefaultActions s = parse_ok("aws:drop_strict", "aws:alert_strict");
    UndecidedPacket p = { PROTO_CLASS_TCP, PACKET_TO_SERVER, FALSE, FALSE };
    DefaultVerdict v;
    default_actions_judge(&s, &p, &v);
    g_assert_cmpuint(v.sid, ==, 8);
    g_assert_true(v.sid_guessed);
}

static void
assert_refused(GPtrArray *v, const char *message_part)
{
    GPtrArray *problems = g_ptr_array_new_with_free_func(g_free);
    DefaultActions d;
    g_assert_false(default_actions_parse(v, &d, problems));
    g_assert_cmpuint(problems->len, >=, 1);
    const char *m = g_ptr_array_index(problems, 0);
    if (strstr(m, message_part) == NULL)
        g_error("'%s' lacks '%s'", m, message_part);
    g_ptr_array_free(problems, TRUE);
    g_ptr_array_free(v, TRUE);
}

static void
test_refused(void)
{
    assert_refused(values("aws:drop_establised", NULL), "valid: aws:drop_strict");
    assert_refused(values("aws:drop_strict", "aws:drop_established", NULL), "more than one drop");
    assert_refused(values("aws:alert_strict", "aws:alert_established", NULL),
                   "more than one alert");
    assert_refused(values("aws:drop_established", "aws:alert_established_app_layer", NULL),
                   "mutually exclusive");
    assert_refused(
        values("aws:drop_established_app_layer_to_server", "aws:alert_established", NULL),
        "mutually exclusive");
    /* A repeated value is harmless. */
    DefaultActions d = parse_ok("aws:drop_strict", "aws:drop_strict");
    g_assert_cmpint(d.drop, ==, DEFAULT_SCOPE_STRICT);
    g_assert_cmpint(d.alert, ==, DEFAULT_SCOPE_NONE);
}

static void
test_names(void)
{
    gboolean alert;
    DefaultScope scope;
    g_assert_true(
        default_action_from_string("aws:alert_established_app_layer_to_server", &alert, &scope));
    g_assert_true(alert);
    g_assert_cmpint(scope, ==, DEFAULT_SCOPE_APP_LAYER_TO_SERVER);
    g_assert_cmpstr(default_action_name(DEFAULT_SCOPE_APP_LAYER, FALSE), ==,
                    "aws:drop_established_app_layer");
    g_assert_null(default_action_name(DEFAULT_SCOPE_NONE, TRUE));
}

static void
test_policy_load_reports(void)
{
    const char *json = "{\"FirewallPolicy\": {\"StatelessDefaultActions\": "
                       "[\"aws:forward_to_sfe\"], \"StatelessFragmentDefaultActions\": "
                       "[\"aws:forward_to_sfe\"], \"StatefulDefaultActions\": "
                       "[\"aws:drop_establised\"], \"StatefulEngineOptions\": "
                       "{\"RuleOrder\": \"STRICT_ORDER\"}}}";
    Policy *p = policy_new(RULE_ORDER_STRICT);
    GError *error = NULL;
    g_assert_true(policy_load_text(p, "fw.json", json, strlen(json), &error));
    g_assert_true(policy_finish(p, &error));
    guint n = 0;
    for (guint i = 0; i < p->findings->len; i++) {
        const Finding *f = g_ptr_array_index(p->findings, i);
        if (strcmp(f->check, "default-action-invalid") == 0) {
            n++;
            g_assert_cmpint(f->severity, ==, SEVERITY_ERROR);
            g_assert_nonnull(strstr(f->message, "aws:drop_establised"));
        }
    }
    g_assert_cmpuint(n, ==, 1);
    g_assert_cmpint(p->info->defaults.drop, ==, DEFAULT_SCOPE_NONE);
    policy_free(p);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/policy/defaults/what-each-drops", test_what_each_default_drops);
    g_test_add_func("/policy/defaults/replies", test_replies);
    g_test_add_func("/policy/defaults/app-layer-wait", test_app_layer_wait);
    g_test_add_func("/policy/defaults/sids", test_sids);
    g_test_add_func("/policy/defaults/refused", test_refused);
    g_test_add_func("/policy/defaults/names", test_names);
    g_test_add_func("/policy/defaults/policy-load", test_policy_load_reports);
    return g_test_run();
}
