/*
 * test_policy_order.c - evaluation order (STRICT_ORDER and Suricata 7's
 * DEFAULT_ACTION_ORDER) and variable resolution, the Network Firewall way.
 */
#include <string.h>

#include "policy/policy.h"

static Policy *
load_texts(RuleOrder order, const char *const *name_text_pairs)
{
    Policy *p = policy_new(order);
    for (; *name_text_pairs; name_text_pairs += 2) {
        GError *error = NULL;
        const char *text = name_text_pairs[1];
        if (!policy_load_text(p, name_text_pairs[0], text, strlen(text), &error))
            g_error("%s", error->message);
    }
    g_assert_true(policy_finish(p, NULL));
    return p;
}

static char *
sids(const Policy *p)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < p->eval_order->len; i++) {
        const Rule *r = g_ptr_array_index(p->eval_order, i);
        g_string_append_printf(s, "%s%" G_GUINT64_FORMAT, i ? " " : "", r->sid);
    }
    return g_string_free(s, FALSE);
}

static const Finding *
find_finding(const Policy *p, const char *check, const char *part)
{
    for (guint i = 0; i < p->findings->len; i++) {
        const Finding *f = g_ptr_array_index(p->findings, i);
        if (strcmp(f->check, check) == 0 && (!part || strstr(f->message, part)))
            return f;
    }
    return NULL;
}

static const char *MIXED =
    "alert tcp any any -> any any (sid:1;)\n"
    "drop tcp any any -> any any (sid:2;)\n"
    "# pass tcp any any -> any any (sid:3;)\n"
    "reject tcp any any -> any any (sid:4;)\n"
    "pass tcp any any -> any any (sid:5;)\n"
    "alert tcp any any -> any any (priority:1; sid:6;)\n"
    "alert tcp any any -> any any (classtype:trojan-activity; sid:7;)\n"
    "alert tcp any any -> any any (classtype:tcp-connection; sid:8;)\n"
    "alert tcp any any -> any any (classtype:trojan-activity; priority:4; sid:9;)\n"
    "rejectboth tcp any any -> any any (sid:10;)\n"
    "pass tcp any any -> any any (sid:11;)\n";

static void
test_strict_order(void)
{
    const char *files[] = { "a.rules", MIXED, "b.rules", "drop ip any any -> any any (sid:100;)\n",
                            NULL };
    Policy *p = load_texts(RULE_ORDER_STRICT, files);
    g_autofree char *got = sids(p);
    /* as written, disabled sid 3 left out, then the second group */
    g_assert_cmpstr(got, ==, "1 2 4 5 6 7 8 9 10 11 100");
    policy_free(p);
}

static void
test_action_order(void)
{
    const char *files[] = { "a.rules", MIXED, "b.rules", "drop ip any any -> any any (sid:100;)\n",
                            NULL };
    Policy *p = load_texts(RULE_ORDER_ACTION, files);
    g_autofree char *got = sids(p);
    /* pass (5, 11), drop (2, 100), reject incl. rejectboth (4, 10), alert by
     * priority: 6 (priority 1), 7 (classtype 1), 1 (default 3), 9 (4 beats
     * classtype's 1), 8 (tcp-connection, 4) - 9 before 8 by sid. */
    g_assert_cmpstr(got, ==, "5 11 2 100 4 10 6 7 1 8 9");
    policy_free(p);
}

static void
test_action_order_flowbits(void)
{
    const char *files[] = {
        "f.rules",
        "alert tcp any any -> any any (sid:1;)\n"
        "alert tcp any any -> any any (flowbits:isset,x; sid:2;)\n"
        "alert tcp any any -> any any (flowbits:set,x; flowbits:noalert; sid:3;)\n"
        "alert tcp any any -> any any (flowbits:isset,y; flowbits:set,x; sid:4;)\n"
        "alert tcp any any -> any any (priority:1; sid:5;)\n"
        "drop tcp any any -> any any (flowbits:isset,x; sid:6;)\n",
        NULL
    };
    Policy *p = load_texts(RULE_ORDER_ACTION, files);
    g_autofree char *got = sids(p);
    /* Within alerts: setters (3), set+read (4), readers (2), then the rest by
     * priority (5 before 1).  Suricata's sigorder ranks flowbits above priority. */
    g_assert_cmpstr(got, ==, "6 3 4 2 5 1");
    policy_free(p);
}

static void
test_action_order_same_key_is_stable(void)
{
    const char *files[] = { "a.rules", "alert tcp any any -> any any (sid:7;)\n", "b.rules",
                            "alert tcp any any -> any any (sid:7;)\n"
                            "alert udp any any -> any any (sid:7;)\n",
                            NULL };
    Policy *p = load_texts(RULE_ORDER_ACTION, files);
    const Rule *r0 = g_ptr_array_index(p->eval_order, 0);
    const Rule *r2 = g_ptr_array_index(p->eval_order, 2);
    g_assert_cmpstr(r0->group->name, ==, "a");
    g_assert_cmpstr(r2->proto, ==, "udp");
    policy_free(p);
}

static void
test_variables_nfw_way(void)
{
    const char *policy_json =
        "{\"FirewallPolicy\": {\"StatelessDefaultActions\": [\"aws:forward_to_sfe\"],\n"
        " \"StatefulEngineOptions\": {\"RuleOrder\": \"STRICT_ORDER\"},\n"
        " \"PolicyVariables\": {\"RuleVariables\": {\"HOME_NET\": {\"Definition\": "
        "[\"10.0.0.0/8\", \"172.16.0.0/12\"]}}},\n"
        " \"StatefulRuleGroupReferences\": [{\"ResourceArn\": \"arn:x:stateful-rulegroup/g\","
        " \"Priority\": 1}]}}\n";
    const char *group_json =
        "{\"RuleGroupName\": \"g\", \"Type\": \"STATEFUL\", \"Capacity\": 10,\n"
        " \"RuleGroup\": {\"RuleVariables\": {\"IPSets\": {\"HOME_NET\": {\"Definition\": "
        "[\"0.0.0.0/0\"]}}},\n"
        "  \"RulesSource\": {\"RulesString\": \"pass tcp $HOME_NET any -> $EXTERNAL_NET any "
        "(sid:1;)\\nalert tcp $HOME_NET any -> $NOPE any (sid:2;)\\nalert tcp any $NOPORTS -> "
        "any any (sid:3;)\\nalert tcp @MISSING any -> any any (sid:4;)\\n\"}}}\n";
    const char *files[] = { "policy.json", policy_json, "g.json", group_json, NULL };
    Policy *p = load_texts(RULE_ORDER_ACTION, files);
    RuleGroup *g = g_ptr_array_index(p->groups, 0);
    /* The group's HOME_NET wins for its rules ... */
    g_assert_cmpstr(policy_lookup_var(p, g, "HOME_NET", FALSE), ==, "0.0.0.0/0");
    /* ... but EXTERNAL_NET stays the negation of the policy-level HOME_NET. */
    g_assert_cmpstr(policy_lookup_var(p, g, "EXTERNAL_NET", FALSE), ==,
                    "![10.0.0.0/8,172.16.0.0/12]");
    g_assert_cmpstr(policy_lookup_var(p, NULL, "HOME_NET", FALSE), ==,
                    "[10.0.0.0/8,172.16.0.0/12]");
    g_assert_null(policy_lookup_var(p, g, "HTTP_PORTS", TRUE));

    const Finding *f = find_finding(p, "undefined-variable", "undefined variable $NOPE");
    g_assert_nonnull(f);
    g_assert_true(g_str_has_suffix(f->loc.file, "g.json"));
    g_assert_cmpint(f->loc.line, ==, 3);                       /* the line of "RulesString" */
    g_assert_cmpint(f->loc.column, ==, 116);                   /* the $ of $NOPE, in the file */
    g_assert_cmpint(f->loc.column - f->source_column, ==, 27); /* the caret, in the rule */
    g_assert_true(f->has_sid);
    g_assert_cmpuint(f->sid, ==, 2);
    g_assert_nonnull(find_finding(p, "undefined-variable", "undefined variable $NOPORTS"));
    g_assert_nonnull(find_finding(p, "syntax", "undefined IP set reference @MISSING"));
    /* Suricata rejects those rules: only sid 1 is left. */
    g_assert_cmpuint(g->rules->len, ==, 1);
    g_assert_cmpuint(p->eval_order->len, ==, 1);
    policy_free(p);
}

static void
test_variables_defaults_and_cli(void)
{
    Policy *p = policy_new(RULE_ORDER_STRICT);
    g_assert_true(policy_finish(p, NULL));
    const char *home = policy_lookup_var(p, NULL, "HOME_NET", FALSE);
    g_assert_cmpstr(home, ==, "[10.0.0.0/8,172.16.0.0/12,192.168.0.0/16]");
    g_assert_cmpstr(policy_lookup_var(p, NULL, "EXTERNAL_NET", FALSE), ==,
                    "![10.0.0.0/8,172.16.0.0/12,192.168.0.0/16]");
    g_assert_null(policy_lookup_var(p, NULL, "HOME_NET", TRUE));
    policy_free(p);

    p = policy_new(RULE_ORDER_STRICT);
    g_assert_true(policy_add_cli_var(p, "HOME_NET=10.9.0.0/16", NULL));
    g_assert_true(policy_add_cli_var(p, "WEB=[80,443]", NULL));
    g_assert_cmpstr(policy_lookup_var(p, NULL, "EXTERNAL_NET", FALSE), ==, "!10.9.0.0/16");
    g_assert_cmpstr(policy_lookup_var(p, NULL, "WEB", TRUE), ==, "[80,443]");
    const char *text = "pass tcp $HOME_NET any -> $EXTERNAL_NET $WEB (sid:1;)\n";
    g_assert_true(policy_load_text(p, "x.rules", text, strlen(text), NULL));
    g_assert_true(policy_finish(p, NULL));
    g_assert_cmpuint(p->findings->len, ==, 0);
    g_assert_cmpuint(p->eval_order->len, ==, 1);
    policy_free(p);
}

static void
test_drop_to_alert_sorts_as_alert(void)
{
    const char *policy_json =
        "{\"StatefulEngineOptions\": {\"RuleOrder\": \"DEFAULT_ACTION_ORDER\"},\n"
        " \"StatefulRuleGroupReferences\": [{\"ResourceArn\": \"arn:x/m\", "
        "\"Override\": {\"Action\": \"DROP_TO_ALERT\"}}, {\"ResourceArn\": \"arn:x/n\"}]}";
    const char *files[] = { "p.json",  policy_json,
                            "m.rules", "drop tcp any any -> any any (sid:1;)\n",
                            "n.rules", "alert tcp any any -> any any (priority:1; sid:2;)\n",
                            NULL };
    Policy *p = load_texts(RULE_ORDER_STRICT, files);
    g_assert_cmpint(p->order, ==, RULE_ORDER_ACTION);
    g_autofree char *got = sids(p);
    g_assert_cmpstr(got, ==, "2 1");
    g_assert_true(((RuleGroup *)g_ptr_array_index(p->groups, 0))->drop_to_alert);
    policy_free(p);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/policy/order/strict", test_strict_order);
    g_test_add_func("/policy/order/action", test_action_order);
    g_test_add_func("/policy/order/action-flowbits", test_action_order_flowbits);
    g_test_add_func("/policy/order/action-stable", test_action_order_same_key_is_stable);
    g_test_add_func("/policy/vars/nfw-way", test_variables_nfw_way);
    g_test_add_func("/policy/vars/defaults-and-cli", test_variables_defaults_and_cli);
    g_test_add_func("/policy/order/drop-to-alert", test_drop_to_alert_sorts_as_alert);
    return g_test_run();
}
