/*
 * test_policy_load.c - every input form src/policy accepts, what it
 * becomes, and what bad input gives (errors and findings, never a crash).
 */
#include <string.h>

#include "policy/policy.h"

static char *
fixture(const char *rel)
{
    const char *root = g_getenv("SOURCE_ROOT");
    return g_build_filename(root ? root : ".", "fixtures", "policy", rel, NULL);
}

static Policy *
load(RuleOrder order, const char *const *rels)
{
    Policy *p = policy_new(order);
    for (; *rels; rels++) {
        g_autofree char *path = fixture(*rels);
        GError *error = NULL;
        if (!policy_load_path(p, path, &error))
            g_error("%s: %s", path, error->message);
    }
    GError *error = NULL;
    g_assert_true(policy_finish(p, &error));
    g_assert_no_error(error);
    return p;
}

static Policy *
load1(const char *rel)
{
    const char *rels[] = { rel, NULL };
    return load(RULE_ORDER_STRICT, rels);
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

static void
dump_findings(const Policy *p)
{
    for (guint i = 0; i < p->findings->len; i++) {
        const Finding *f = g_ptr_array_index(p->findings, i);
        g_printerr("  finding: %s:%d:%d %s %s\n", f->loc.file, f->loc.line, f->loc.column, f->check,
                   f->message);
    }
}

static const Finding *
must_find(const Policy *p, const char *check, const char *part)
{
    const Finding *f = find_finding(p, check, part);
    if (!f) {
        dump_findings(p);
        g_error("no %s finding containing '%s'", check, part ? part : "");
    }
    return f;
}

static RuleGroup *
group(const Policy *p, guint i)
{
    g_assert_cmpuint(i, <, p->groups->len);
    return g_ptr_array_index(p->groups, i);
}

static const char *
rule_text(const RuleGroup *g, guint i)
{
    g_assert_cmpuint(i, <, g->rules->len);
    return ((Rule *)g_ptr_array_index(g->rules, i))->text;
}

/* --- rule groups ------------------------------------------------------ */

static void
test_describe_rule_group(void)
{
    Policy *p = load1("forms/describe-rule-group.json");
    dump_findings(p);
    g_assert_cmpuint(p->findings->len, ==, 0);
    RuleGroup *g = group(p, 0);
    g_assert_cmpstr(g->name, ==, "described");
    g_assert_cmpstr(g->arn, ==,
                    "arn:aws:network-firewall:us-east-1:123456789012:stateful-rulegroup/described");
    g_assert_cmpint(g->kind, ==, GROUP_KIND_RULES_STRING);
    g_assert_cmpint(g->capacity, ==, 100);
    g_assert_cmpstr(g->type, ==, "STATEFUL");
    g_assert_cmpstr(g->description, ==, "a described group");
    g_assert_cmpint(g->order, ==, RULE_ORDER_STRICT);
    g_assert_true(g->order_explicit);
    g_assert_cmpint(g->file_line, ==, 3);   /* "RuleGroup": { */
    g_assert_cmpuint(g->rules->len, ==, 4); /* the disabled one included */
    g_assert_true(((Rule *)g_ptr_array_index(g->rules, 1))->flags & RULE_F_DISABLED);
    g_assert_true(((Rule *)g_ptr_array_index(g->rules, 0))->group == g);
    g_assert_cmpint(((Rule *)g_ptr_array_index(g->rules, 2))->index, ==, 2);
    /* Rules of a RulesString are located where the file writes them: on
     * the line of the key (a JSON string is one line), at their column. */
    const Rule *r = g_ptr_array_index(g->rules, 3);
    g_assert_true(g_str_has_suffix(r->loc.file, "describe-rule-group.json"));
    g_assert_cmpint(r->loc.line, ==, 35);
    g_assert_cmpint(r->loc.column, ==, 282); /* "pass ip @CORP", past three \" escapes */
    /* Variables, the NFW way. */
    GPtrArray *dns = g_hash_table_lookup(g->ip_sets, "DNS_SERVERS");
    g_assert_cmpuint(dns->len, ==, 2);
    g_assert_cmpstr(policy_lookup_var(p, g, "DNS_SERVERS", FALSE), ==, "[10.1.0.2,10.1.0.3]");
    g_assert_cmpstr(policy_lookup_var(p, g, "WEB_PORTS", TRUE), ==, "[80,443]");
    g_assert_null(policy_lookup_var(p, g, "WEB_PORTS", FALSE));
    g_assert_cmpstr(g_hash_table_lookup(g->ip_set_refs, "CORP"), ==,
                    "arn:aws:ec2:us-east-1:123456789012:prefix-list/pl-1234");
    /* No policy JSON: a synthesised policy that follows the group's order. */
    g_assert_null(p->info);
    g_assert_cmpint(p->order, ==, RULE_ORDER_STRICT);
    g_assert_cmpuint(p->eval_order->len, ==, 3);
    policy_free(p);
}

static void
test_create_rule_group_forms(void)
{
    Policy *p = load1("forms/create-rule-group-rules.json");
    g_assert_cmpuint(p->findings->len, ==, 0);
    RuleGroup *g = group(p, 0);
    g_assert_cmpstr(g->name, ==, "created-rules");
    g_assert_cmpint(g->capacity, ==, 10);
    g_assert_cmpint(g->kind, ==, GROUP_KIND_RULES_STRING);
    g_assert_false(g->order_explicit);
    g_assert_cmpint(g->order, ==, RULE_ORDER_ACTION); /* AWS's default */
    const Rule *first = g_ptr_array_index(g->rules, 0);
    g_assert_true(g_str_has_suffix(first->loc.file, "create-rule-group-rules.json"));
    g_assert_cmpint(first->loc.line, ==, 5);
    g_assert_cmpint(first->loc.column, ==, 13); /* after `  "Rules": "` */
    policy_free(p);

    p = load1("forms/create-rule-group.json");
    g = group(p, 0);
    g_assert_cmpstr(g->name, ==, "created");
    g_assert_cmpint(g->capacity, ==, 20);
    g_assert_true(g->order_explicit);
    g_assert_cmpint(g->order, ==, RULE_ORDER_ACTION);
    g_assert_cmpint(p->order, ==, RULE_ORDER_ACTION);
    g_assert_cmpstr(rule_text(g, 0), ==, "alert icmp any any -> any any (msg:\"ping\"; sid:5;)");
    policy_free(p);

    p = load1("forms/bare-rule-group.json");
    g = group(p, 0);
    g_assert_cmpstr(g->name, ==, "bare-rule-group"); /* from the file name */
    g_assert_null(g->arn);
    g_assert_cmpint(g->capacity, ==, -1);
    g_assert_cmpuint(g->rules->len, ==, 1);
    policy_free(p);
}

static void
test_stateless_group(void)
{
    Policy *p = load1("forms/stateless.json");
    RuleGroup *g = group(p, 0);
    g_assert_cmpint(g->kind, ==, GROUP_KIND_STATELESS);
    g_assert_cmpint(g->stateless_rule_count, ==, 2);
    g_assert_cmpuint(g->rules->len, ==, 0);
    g_assert_cmpuint(p->eval_order->len, ==, 0);
    policy_free(p);
}

static void
test_rules_file_content_detection(void)
{
    /* Rule text in a file named .json is still rule text. */
    Policy *p = load1("awslabs/sample-rule-group.json");
    RuleGroup *g = group(p, 0);
    g_assert_cmpint(g->kind, ==, GROUP_KIND_RULES_FILE);
    g_assert_cmpstr(g->name, ==, "sample-rule-group");
    g_assert_cmpuint(g->rules->len, ==, 0); /* all use undefined $a1234... variables */
    must_find(p, "undefined-variable", "undefined variable $a123456789123123456789abcef11");
    policy_free(p);

    p = policy_new(RULE_ORDER_ACTION);
    g_assert_true(policy_add_cli_var(p, "a123456789123123456789abcef11=10.0.0.0/24", NULL));
    g_assert_true(policy_add_cli_var(p, "a123456789123123456789abcef12=[10.0.1.0/24]", NULL));
    g_autofree char *path = fixture("awslabs/sample-rule-group.json");
    g_assert_true(policy_load_path(p, path, NULL));
    g_assert_true(policy_finish(p, NULL));
    dump_findings(p);
    g_assert_cmpuint(p->findings->len, ==, 0);
    g_assert_cmpuint(group(p, 0)->rules->len, ==, 14);
    g_assert_cmpint(group(p, 0)->order, ==, RULE_ORDER_ACTION);
    policy_free(p);
}

/* --- policies ------------------------------------------------------------ */

static void
check_policy_info(const Policy *p)
{
    const PolicyInfo *info = p->info;
    g_assert_nonnull(info);
    g_assert_true(info->from_json);
    g_assert_cmpint(info->order, ==, RULE_ORDER_STRICT);
    g_assert_true(info->order_explicit);
    g_assert_cmpstr(info->stream_exception_policy, ==, "REJECT");
    g_assert_cmpint(info->tcp_idle_timeout, ==, 300);
    g_assert_cmpuint(info->stateful_default_actions->len, ==, 2);
    g_assert_cmpstr(g_ptr_array_index(info->stateful_default_actions, 0), ==,
                    "aws:drop_established");
    g_assert_cmpstr(g_ptr_array_index(info->stateless_default_actions, 0), ==,
                    "aws:forward_to_sfe");
    g_assert_cmpuint(info->stateless_fragment_default_actions->len, ==, 1);
    g_assert_true(info->tls_session_holding);
    g_assert_nonnull(info->tls_inspection_arn);
    g_assert_cmpuint(info->refs->len, ==, 2);
    g_assert_cmpuint(info->stateless_refs->len, ==, 1);
    const GroupRef *ref = g_ptr_array_index(info->refs, 1);
    g_assert_cmpstr(ref->name, ==, "created");
    g_assert_cmpint(ref->priority, ==, 100);
    g_assert_nonnull(g_hash_table_lookup(info->variables, "HOME_NET"));
}

static void
test_policy_forms(void)
{
    const char *forms[] = { "forms/describe-firewall-policy.json",
                            "forms/create-firewall-policy.json",
                            "forms/bare-firewall-policy.json" };
    const char *names[] = { "prod", "created-policy", "bare-firewall-policy" };
    for (gsize i = 0; i < G_N_ELEMENTS(forms); i++) {
        const char *rels[] = { forms[i], "forms/describe-rule-group.json",
                               "forms/create-rule-group.json", "forms/stateless.json", NULL };
        Policy *p = load(RULE_ORDER_ACTION, rels);
        check_policy_info(p);
        g_assert_cmpstr(p->info->name, ==, names[i]);
        g_assert_cmpint(p->order, ==, RULE_ORDER_STRICT);
        /* Strict order: groups by Priority (created 100, described 200),
         * then the stateless group. */
        g_assert_cmpstr(group(p, 0)->name, ==, "created");
        g_assert_cmpint(group(p, 0)->priority, ==, 100);
        g_assert_cmpstr(group(p, 1)->name, ==, "described");
        g_assert_cmpstr(group(p, 2)->name, ==, "sl");
        g_assert_true(group(p, 2)->referenced);
        g_assert_null(find_finding(p, "unreferenced-group", NULL));
        g_assert_null(find_finding(p, "missing-group", NULL));
        /* created's 1 rule, then described's 3 enabled ones. */
        g_assert_cmpuint(p->eval_order->len, ==, 4);
        g_assert_cmpuint(((Rule *)g_ptr_array_index(p->eval_order, 0))->sid, ==, 5);
        g_assert_cmpuint(((Rule *)g_ptr_array_index(p->eval_order, 1))->sid, ==, 1);
        policy_free(p);
    }
    /* camelCase members (awslabs/anfw-automate policy fragment). */
    Policy *p = load1("awslabs/STRICT_ORDER.json");
    g_assert_nonnull(p->info);
    g_assert_cmpint(p->info->order, ==, RULE_ORDER_STRICT);
    g_assert_cmpstr(p->info->stream_exception_policy, ==, "REJECT");
    policy_free(p);
}

static void
test_policy_directory(void)
{
    Policy *p = load1("dir");
    /* README.md and package.json skipped; 5 files loaded. */
    g_assert_cmpint(p->files_loaded, ==, 5);
    g_assert_nonnull(p->info);
    g_assert_cmpstr(p->info->name, ==, "egress-policy");
    /* Strict: managed (5), more (10), domains (20), egress (30), gone (40),
     * then the unreferenced group. */
    const char *want[] = { "ThreatSignaturesMalwareStrictOrder",
                           "more",
                           "domains-by-arn",
                           "egress",
                           "gone",
                           "unreferenced" };
    g_assert_cmpuint(p->groups->len, ==, G_N_ELEMENTS(want));
    for (gsize i = 0; i < G_N_ELEMENTS(want); i++)
        g_assert_cmpstr(group(p, i)->name, ==, want[i]);
    RuleGroup *managed = group(p, 0);
    g_assert_cmpint(managed->kind, ==, GROUP_KIND_MANAGED);
    g_assert_true(managed->drop_to_alert);
    g_assert_cmpint(managed->order, ==, RULE_ORDER_STRICT);
    g_assert_cmpint(group(p, 2)->kind, ==, GROUP_KIND_DOMAIN_LIST); /* matched by ARN */
    g_assert_cmpint(group(p, 3)->kind, ==, GROUP_KIND_RULES_FILE);  /* matched by name */
    g_assert_cmpint(group(p, 3)->priority, ==, 30);
    g_assert_cmpint(group(p, 4)->kind, ==, GROUP_KIND_MISSING);
    g_assert_false(group(p, 5)->referenced);

    const Finding *f = must_find(p, "missing-group", "'gone'");
    g_assert_cmpint(f->severity, ==, SEVERITY_WARNING);
    g_assert_true(g_str_has_suffix(f->loc.file, "policy.json"));
    g_assert_cmpint(f->loc.line, >, 1);
    f = must_find(p, "unreferenced-group", "'unreferenced'");
    g_assert_cmpint(f->severity, ==, SEVERITY_NOTE);
    g_assert_null(find_finding(p, "missing-group", "Threat"));
    g_assert_null(find_finding(p, "syntax", NULL));

    /* eval_order: more (1), domains (2), egress (2); unreferenced left out. */
    g_assert_cmpuint(p->eval_order->len, ==, 5);
    g_assert_cmpuint(((Rule *)g_ptr_array_index(p->eval_order, 0))->sid, ==, 200);
    g_assert_cmpstr(((Rule *)g_ptr_array_index(p->eval_order, 1))->msg, ==,
                    "matching TLS allowlisted FQDNs");
    g_assert_cmpuint(((Rule *)g_ptr_array_index(p->eval_order, 4))->sid, ==, 101);
    /* Generated rules point at their JSON target's line. */
    const Rule *gen = g_ptr_array_index(group(p, 2)->rules, 0);
    g_assert_true(g_str_has_suffix(gen->loc.file, "domains-group.json"));
    g_assert_cmpint(gen->loc.line, ==, 7);
    policy_free(p);
}

static void
test_bare_rules_files(void)
{
    /* No policy JSON: groups in load order, priority = load position,
     * RuleOrder = --rule-order. */
    const char *rels[] = { "dir/unreferenced.rules", "dir/egress.rules", NULL };
    Policy *p = load(RULE_ORDER_ACTION, rels);
    g_assert_null(p->info);
    g_assert_cmpint(p->order, ==, RULE_ORDER_ACTION);
    g_assert_cmpstr(group(p, 0)->name, ==, "unreferenced");
    g_assert_cmpint(group(p, 0)->priority, ==, 1);
    g_assert_cmpstr(group(p, 1)->name, ==, "egress");
    g_assert_cmpint(group(p, 1)->priority, ==, 2);
    g_assert_false(group(p, 1)->order_explicit);
    g_assert_cmpint(group(p, 1)->order, ==, RULE_ORDER_ACTION);
    g_assert_cmpint(group(p, 1)->kind, ==, GROUP_KIND_RULES_FILE);
    g_assert_null(group(p, 1)->arn);
    g_assert_cmpuint(p->findings->len, ==, 0);
    /* Action order: pass 101 first, then alerts 100, 300 by sid. */
    g_assert_cmpuint(((Rule *)g_ptr_array_index(p->eval_order, 0))->sid, ==, 101);
    g_assert_cmpuint(((Rule *)g_ptr_array_index(p->eval_order, 1))->sid, ==, 100);
    g_assert_cmpuint(((Rule *)g_ptr_array_index(p->eval_order, 2))->sid, ==, 300);
    policy_free(p);
}

/* --- bad input ------------------------------------------------------------ */

static void
expect_error(const char *rel, int code, const char *part)
{
    Policy *p = policy_new(RULE_ORDER_STRICT);
    g_autofree char *path = fixture(rel);
    GError *error = NULL;
    g_assert_false(policy_load_path(p, path, &error));
    g_assert_error(error, POLICY_ERROR, code);
    if (!strstr(error->message, part))
        g_error("'%s' lacks '%s'", error->message, part);
    g_assert_nonnull(strstr(error->message, path));
    g_error_free(error);
    g_assert_true(policy_finish(p, NULL));
    policy_free(p);
}

static void
test_bad_files(void)
{
    expect_error("bad/truncated.json", POLICY_ERROR_FORMAT, ":5:1: invalid JSON");
    expect_error("bad/empty.rules", POLICY_ERROR_FORMAT, "empty file");
    expect_error("bad/blank.json", POLICY_ERROR_FORMAT, "empty file");
    expect_error("bad/nul.json", POLICY_ERROR_FORMAT, ":2:23: NUL byte");
    expect_error("bad/not-input.txt", POLICY_ERROR_NOT_INPUT, "neither Suricata rule text");
    expect_error("bad/array.json", POLICY_ERROR_NOT_INPUT, ":1:1: expected a JSON object");
    expect_error("bad/unknown.json", POLICY_ERROR_NOT_INPUT,
                 "neither a Network Firewall rule group");
    expect_error("bad/trailing.json", POLICY_ERROR_FORMAT, ":2:1: unexpected text after");
    expect_error("no/such/file.rules", POLICY_ERROR_IO, "no such file");

    /* Two policies in one run. */
    Policy *p = policy_new(RULE_ORDER_STRICT);
    g_autofree char *a = fixture("forms/bare-firewall-policy.json");
    g_autofree char *b = fixture("forms/create-firewall-policy.json");
    GError *error = NULL;
    g_assert_true(policy_load_path(p, a, NULL));
    g_assert_false(policy_load_path(p, b, &error));
    g_assert_error(error, POLICY_ERROR, POLICY_ERROR_USAGE);
    g_error_free(error);
    policy_free(p);
}

static void
test_wrong_types(void)
{
    Policy *p = load1("bad/wrong-types.json");
    const Finding *f = must_find(p, "syntax",
                                 "RuleGroup.RulesSource.RulesString: expected a "
                                 "string, got a number");
    g_assert_cmpint(f->loc.line, ==, 4);
    g_assert_true(g_str_has_suffix(f->loc.file, "wrong-types.json"));
    f = must_find(p, "syntax",
                  "RuleGroup.RuleVariables.IPSets.HOME_NET.Definition: expected "
                  "an array");
    g_assert_cmpint(f->loc.line, ==, 9);
    must_find(p, "syntax", "Capacity: expected an integer, got a string");
    must_find(p, "syntax",
              "RuleGroup.RuleVariables.PortSets.WEB.Definition[1]: invalid port "
              "'http'");
    must_find(p, "syntax", "IPSets.DNS.Definition[0]: invalid address '10.0.0.300'");
    g_assert_cmpint(group(p, 0)->capacity, ==, -1);
    policy_free(p);

    p = load1("bad/wrong-policy-types.json");
    must_find(p, "syntax", "FirewallPolicy.StatelessFragmentDefaultActions: expected an array");
    f = must_find(p, "syntax",
                  "FirewallPolicy.StatefulRuleGroupReferences[0].Priority: "
                  "expected an integer, got a string");
    g_assert_cmpint(f->loc.line, >, 1);
    must_find(p, "syntax", "StatefulRuleGroupReferences[1]: missing ResourceArn");
    must_find(p, "syntax", "StatefulRuleGroupReferences[2]: expected an object");
    must_find(p, "syntax", "unknown RuleOrder 'SOMETIMES'");
    g_assert_cmpuint(p->info->refs->len, ==, 1);
    g_assert_cmpint(((GroupRef *)g_ptr_array_index(p->info->refs, 0))->priority, ==, -1);
    must_find(p, "missing-group", NULL);
    policy_free(p);
}

/* Garbage of every kind through the in-memory entry point: errors or
 * findings, never a crash (ASan/valgrind runs make this meaningful). */
static void
test_garbage_never_crashes(void)
{
    static const char *inputs[] = {
        "{",
        "[",
        "{\"RuleGroup\":",
        "{\"RuleGroup\":{\"RulesSource\":[]}}",
        "{\"RuleGroup\":null,\"RuleGroupResponse\":null}",
        "{\"RulesSource\":{\"RulesSourceList\":{\"Targets\":[1,null,{}],\"TargetTypes\":\"x\"}}}",
        "{\"RulesSource\":{\"StatefulRules\":[1,{},{\"Action\":\"PASS\"},{\"Action\":\"PASS\","
        "\"Header\":{}},{\"Action\":1,\"Header\":[],\"RuleOptions\":{}}]}}",
        "{\"RulesSource\":{\"StatefulRules\":[{\"Action\":\"PASS\",\"Header\":{\"Protocol\":"
        "\"TCP\",\"Source\":\"ANY\",\"SourcePort\":\"ANY\",\"Direction\":\"UP\","
        "\"Destination\":\"ANY\",\"DestinationPort\":\"ANY\"},\"RuleOptions\":[]}]}}",
        "{\"FirewallPolicy\":\"x\"}",
        "{\"FirewallPolicy\":{\"StatefulRuleGroupReferences\":{}}}",
        "{\"StatefulRuleGroupReferences\":[{\"ResourceArn\":\"\"},{\"ResourceArn\":\"/\"}]}",
        "{\"RulesSource\":{\"RulesString\":\"pass tcp any any -> any any (sid:1;\"}}",
        "{\"RulesSource\":{}}",
        "{\"RulesSource\":{\"RulesString\":\"\",\"StatefulRules\":[]}}",
        "\xEF\xBB\xBF{\"RulesSource\":{\"RulesString\":\"\"}}",
        "{\"a\":\"\\",
        "{\"RuleGroup\":{\"RulesSource\":{\"RulesString\":\"x\"}},\"RuleGroup\":1}",
        "alert tcp any any -> any any (sid:1;)\n\x01\x02\xff\xfe",
        "\xff\xfe\x00\x01",
        "#",
        "   {   ",
        "{\"RulesSource\":{\"RulesSourceList\":{}}}",
    };
    for (gsize i = 0; i < G_N_ELEMENTS(inputs); i++) {
        Policy *p = policy_new(RULE_ORDER_STRICT);
        GError *error = NULL;
        gsize len = strlen(inputs[i]);
        if (i == 18)
            len = 4; /* keep the NUL */
        if (!policy_load_text(p, "garbage.json", inputs[i], len, &error)) {
            g_assert_nonnull(error);
            g_assert_nonnull(strstr(error->message, "garbage.json"));
            g_error_free(error);
        }
        g_assert_true(policy_finish(p, NULL));
        policy_free(p);
    }
}

static void
test_json_with_bom(void)
{
    const char *text = "\xEF\xBB\xBF{\"RulesSource\": {\"RulesString\": "
                       "\"pass tcp any any -> any any (sid:1;)\"}}";
    Policy *p = policy_new(RULE_ORDER_STRICT);
    GError *error = NULL;
    g_assert_true(policy_load_text(p, "bom.json", text, strlen(text), &error));
    g_assert_no_error(error);
    g_assert_true(policy_finish(p, NULL));
    g_assert_cmpuint(p->eval_order->len, ==, 1);
    policy_free(p);
}

static void
test_cli_vars(void)
{
    Policy *p = policy_new(RULE_ORDER_STRICT);
    GError *error = NULL;
    g_assert_false(policy_add_cli_var(p, "NOVALUE", &error));
    g_assert_error(error, POLICY_ERROR, POLICY_ERROR_USAGE);
    g_clear_error(&error);
    g_assert_false(policy_add_cli_var(p, "=1.2.3.4", &error));
    g_clear_error(&error);
    g_assert_false(policy_add_cli_var(p, "9BAD=1.2.3.4", &error));
    g_clear_error(&error);
    g_assert_true(policy_add_cli_var(p, "DNS=[10.0.0.2]", &error));
    g_assert_cmpstr(policy_lookup_var(p, NULL, "DNS", FALSE), ==, "[10.0.0.2]");
    policy_free(p);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/policy/load/describe-rule-group", test_describe_rule_group);
    g_test_add_func("/policy/load/create-rule-group", test_create_rule_group_forms);
    g_test_add_func("/policy/load/stateless", test_stateless_group);
    g_test_add_func("/policy/load/content-detection", test_rules_file_content_detection);
    g_test_add_func("/policy/load/policy-forms", test_policy_forms);
    g_test_add_func("/policy/load/directory", test_policy_directory);
    g_test_add_func("/policy/load/bare-rules-files", test_bare_rules_files);
    g_test_add_func("/policy/load/bad-files", test_bad_files);
    g_test_add_func("/policy/load/wrong-types", test_wrong_types);
    g_test_add_func("/policy/load/garbage", test_garbage_never_crashes);
    g_test_add_func("/policy/load/cli-vars", test_cli_vars);
    g_test_add_func("/policy/load/json-bom", test_json_with_bom);
    return g_test_run();
}
