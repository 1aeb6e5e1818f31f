/*
 * test_rule_parse.c - the rule parser as a specification: what Suricata 7
 * accepts, what it rejects and why, and the model a rule becomes.
 */
#include <string.h>

#include "rules/rules.h"

static Rule *
parse_ok(const char *text)
{
    RuleDiag diag;
    SourceLoc loc = { "t.rules", 1, 1 };
    Rule *rule = rule_parse(text, &loc, &diag);
    if (rule == NULL)
        g_error("expected '%s' to parse, got %s at %d: %s", text, diag.check, diag.offset,
                diag.message);
    return rule;
}

static void
assert_rejected(const char *text, const char *check, const char *message_part)
{
    RuleDiag diag;
    SourceLoc loc = { "t.rules", 1, 1 };
    Rule *rule = rule_parse(text, &loc, &diag);
    if (rule != NULL)
        g_error("expected '%s' to be rejected", text);
    g_assert_cmpstr(diag.check, ==, check);
    if (message_part != NULL && strstr(diag.message, message_part) == NULL)
        g_error("message '%s' lacks '%s'", diag.message, message_part);
    rule_diag_clear(&diag);
}

static void
test_header_fields(void)
{
    Rule *r = parse_ok("pass tls $HOME_NET any -> [10.0.0.0/8, !10.1.0.0/16] [443,8443:8445] "
                       "(tls.sni; content:\"example.com\"; startswith; endswith; "
                       "msg:\"allow \\\"x\\\"\"; flow:to_server, established; sid:42; rev:3;)");
    g_assert_cmpint(r->action, ==, RULE_ACTION_PASS);
    g_assert_cmpstr(r->proto, ==, "tls");
    g_assert_cmpstr(r->src, ==, "$HOME_NET");
    g_assert_cmpstr(r->dst, ==, "[10.0.0.0/8, !10.1.0.0/16]");
    g_assert_cmpint(r->dst_expr->kind, ==, NETEXPR_GROUP);
    g_assert_true(((NetExpr *)g_ptr_array_index(r->dst_expr->items, 1))->negated);
    g_assert_cmpint(r->direction, ==, RULE_DIR_FORWARD);
    g_assert_cmpuint(r->sid, ==, 42);
    g_assert_cmpuint(r->rev, ==, 3);
    g_assert_cmpstr(r->msg, ==, "allow \"x\"");
    g_assert_true(r->flags & RULE_F_APP_LAYER);
    g_assert_true(r->flags & RULE_F_HAS_FLOW);
    g_assert_nonnull(rule_find_option(r, "tls_sni")); /* alias finds canonical */
    rule_free(r);
}

/* The flow keyword is parsed once, into Rule.flow, for every check. */
static void
test_flow_parsed_once(void)
{
    static const struct {
        const char *flow; /* NULL: no flow keyword */
        guint bits;
    } cases[] = {
        { NULL, 0 },
        { "to_server", RULE_FLOW_TO_SERVER },
        { "from_client", RULE_FLOW_TO_SERVER },
        { " from_server , established ", RULE_FLOW_TO_CLIENT | RULE_FLOW_ESTABLISHED },
        { "not_established,to_server", RULE_FLOW_NOT_ESTABLISHED | RULE_FLOW_TO_SERVER },
        { "stateless", RULE_FLOW_STATELESS },
        { "established,only_stream", RULE_FLOW_ESTABLISHED | RULE_FLOW_ONLY_STREAM },
        { "no_stream,no_frag", RULE_FLOW_NO_STREAM | RULE_FLOW_NO_FRAG },
        { "only_frag", RULE_FLOW_ONLY_FRAG },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *text =
            cases[i].flow
                ? g_strdup_printf("alert tcp any any -> any any (flow:%s; sid:1;)", cases[i].flow)
                : g_strdup("alert tcp any any -> any any (sid:1;)");
        Rule *r = parse_ok(text);
        g_assert_cmphex(r->flow, ==, cases[i].bits);
        g_assert_cmpint((r->flags & RULE_F_HAS_FLOW) != 0, ==, cases[i].flow != NULL);
        rule_free(r);
    }
}

/* The protocol table: the parser and the checks agree because they ask it. */
static void
test_protocol_table(void)
{
    g_assert_cmphex(rule_proto_flags("tcp"), ==, RULE_PROTO_PACKET | RULE_PROTO_OVER_TCP);
    g_assert_true(rule_proto_flags("tls") & RULE_PROTO_APP);
    g_assert_true(rule_proto_flags("tls") & RULE_PROTO_OVER_TCP);
    g_assert_false(rule_proto_flags("dns") & (RULE_PROTO_OVER_TCP | RULE_PROTO_OVER_UDP));
    g_assert_true(rule_proto_is_connectionless("quic"));
    g_assert_true(rule_proto_is_connectionless("icmpv6"));
    g_assert_false(rule_proto_is_connectionless("dns")); /* over TCP too */
    g_assert_true(rule_proto_flags("udp") & RULE_PROTO_NO_RESET);
    g_assert_false(rule_proto_flags("tcp") & RULE_PROTO_NO_RESET);
    g_assert_cmphex(rule_proto_flags("modbus"), ==, RULE_PROTO_DISABLED);
    g_assert_cmphex(rule_proto_flags("TCP"), ==, 0); /* names are lower case */
    g_assert_cmphex(rule_proto_flags("frob"), ==, 0);
    /* What the parser accepts in a header is what the table says. */
    static const char *const names[] = { "ip",  "ipv6", "tcp-stream", "pkthdr", "http2",
                                         "dns", "sip",  "pgsql",      "modbus", "frob" };
    for (gsize i = 0; i < G_N_ELEMENTS(names); i++) {
        guint flags = rule_proto_flags(names[i]);
        g_assert_false((flags & RULE_PROTO_OVER_TCP) && (flags & RULE_PROTO_OVER_UDP));
        g_autofree char *text = g_strdup_printf("alert %s any any -> any any (sid:1;)", names[i]);
        RuleDiag diag;
        SourceLoc loc = { "t.rules", 1, 1 };
        Rule *r = rule_parse(text, &loc, &diag);
        g_assert_cmpint(r != NULL, ==, (flags & (RULE_PROTO_PACKET | RULE_PROTO_APP)) != 0);
        if (r != NULL) {
            g_assert_cmpint((r->flags & RULE_F_APP_LAYER) != 0, ==, (flags & RULE_PROTO_APP) != 0);
            rule_free(r);
        } else {
            rule_diag_clear(&diag);
        }
    }
}

static void
test_tolerated_forms(void)
{
    /* Suricata tolerates a missing '(' or ')' and upper-case action/protocol. */
    rule_free(parse_ok("alert tcp any any -> any any msg:\"x\"; sid:1;"));
    rule_free(parse_ok("alert tcp any any -> any any (msg:\"x\"; sid:2;"));
    rule_free(parse_ok("ALERT TCP any any <> any any ( msg : \"x\" ; sid : 3 ; )"));
    rule_free(
        parse_ok("alert tcp any any -> any any (msg:\"a\\;b\"; content:\"x\"; nocase:; sid:4;)"));
    rule_free(parse_ok("rejectboth tcp any any -> any any (sid:5;)"));
    rule_free(parse_ok("alert tcp any any -> any any (content:\"a|41 42|\\\\\"; depth:4; sid:6;)"));
    rule_free(parse_ok("alert tcp any any -> any any (content:!\"abc\"; fast_pattern; sid:7;)"));
    rule_free(
        parse_ok("alert tcp any any -> any any (content:\"abc\"; endswith; within:5; sid:8;)"));
    rule_free(parse_ok("alert udp any any -> any any (http.uri; content:\"x\"; sid:9;)"));
    rule_free(parse_ok(
        "alert tcp any any -> any any (byte_extract:1,0,v; content:\"ab\"; depth:v; sid:10;)"));
    rule_free(parse_ok(
        "alert tcp any any -> any any (tls.sni; dotprefix; content:\".a\"; endswith; sid:11;)"));
}

static void
test_rejections(void)
{
    assert_rejected("alert tcp any any -> any any (msg:\"x\"; content:abc; sid:1;)",
                    "invalid-option", "double quoted");
    assert_rejected("alert tcp any any -> any any (msg:\"a;b\"; sid:3;)", "syntax", "';'");
    assert_rejected("alert tcp any any -> any any (msg:\"x\"; sid:4)", "syntax", "';'");
    assert_rejected("alert tcp any any -> any any", "syntax", NULL);
    assert_rejected("alert tcp any any <- any any (sid:5;)", "syntax", "direction");
    assert_rejected("alert ssl any any -> any any (sid:7;)", "syntax", "protocol");
    assert_rejected("alert modbus any any -> any any (sid:7;)", "syntax", "disabled");
    assert_rejected("alert tcp any any -> any any (sid:10; sid:11;)", "invalid-option", "twice");
    assert_rejected("alert tcp any any -> any any (sid:6; rev:0;)", "invalid-option", NULL);
    assert_rejected("alert tcp any any -> any any (nocase; sid:7;)", "invalid-option", "content");
    assert_rejected("alert tcp any any -> any any (content:\"x\"; nocase:1; sid:8;)",
                    "invalid-option", "no value");
    assert_rejected("alert tcp any any -> any any (foo:1; sid:8;)", "unknown-keyword", "foo");
    assert_rejected("alert tls any any -> any any (tls.sni; sid:1;)", "invalid-option", "tls.sni");
    assert_rejected("alert http any any -> any any (tls.sni; content:\"x\"; sid:2;)",
                    "invalid-option", "conflicting");
    assert_rejected("alert tcp any any -> any any (content:\"abc\"; depth:2; sid:3;)",
                    "invalid-option", "depth");
    assert_rejected("alert tcp any any -> any any (content:\"abc\"; distance:1; depth:5; sid:6;)",
                    "invalid-option", "relative");
    assert_rejected("alert tcp any any -> any any (content:\"abc\"; within:2; sid:7;)",
                    "invalid-option", "within");
    assert_rejected(
        "alert tcp any any -> any any (content:\"a\"; fast_pattern; content:\"b\"; fast_pattern; sid:9;)",
        "invalid-option", "fast_pattern");
    assert_rejected("alert tcp any any -> any any (content:\"a|4g|\"; sid:10;)", "invalid-option",
                    "hex");
    assert_rejected("alert tcp any any -> any any (content:\"a|41\"; sid:11;)", "invalid-option",
                    "hex");
    assert_rejected("alert tcp any any -> any any (content:\"a|414|\"; sid:12;)", "invalid-option",
                    "hex");
    assert_rejected("alert tcp any any -> any any (content:\"a\\x\"; sid:13;)", "invalid-option",
                    "\\");
    assert_rejected("alert tcp any any -> any any (tls.sni; content:\"x\"; http_uri; sid:15;)",
                    "invalid-option", "sticky");
    assert_rejected("alert tcp any any -> any any (dotprefix; content:\"x\"; sid:19;)",
                    "invalid-option", "sticky buffer");
    assert_rejected("alert tcp any any -> any any (content:\"abc\"; offset:2; startswith; sid:22;)",
                    "invalid-option", "startswith");
    assert_rejected("alert tcp any any -> any any (sid:0;)", "invalid-option", NULL);
    assert_rejected("alert tcp any any -> any any (sid:4294967296;)", "invalid-option", NULL);
    assert_rejected("alert tcp any any -> any any (msg:\"x\";)", "syntax", "sid");
    assert_rejected("alert tcp any any -> any any (pcre:\"/a(/\"; sid:1;)", "invalid-option",
                    "regex");
    assert_rejected("alert tcp any any -> any any (flow:to_server,to_client; sid:1;)",
                    "invalid-option", "contradicts");
    assert_rejected("alert tcp 300.1.1.1 any -> any any (sid:1;)", "syntax", "address");
    assert_rejected("alert tcp [1.1.1.1 any -> any any (sid:1;)", "syntax", NULL);
    assert_rejected("alert tcp any 70000 -> any any (sid:1;)", "syntax", "port");
    assert_rejected("alert tcp !any any -> any any (sid:1;)", "syntax", NULL);
}

static void
test_rules_file(void)
{
    const char *text = "# a comment\n"
                       "\n"
                       "alert tcp any any -> any any (msg:\"one\"; \\\n"
                       "    sid:1;)\n"
                       "# drop tcp any any -> any any (msg:\"disabled\"; sid:2;)\n"
                       "alert tcp any any -> any any (msg:\"bad\"; sid:3)\n"
                       "  pass ip any any -> any any (sid:4;)\n";
    GPtrArray *rules = g_ptr_array_new_with_free_func((GDestroyNotify)rule_free);
    GPtrArray *diags = g_ptr_array_new_with_free_func((GDestroyNotify)rules_text_diag_free);
    rules_text_parse(text, strlen(text), "f.rules", 1, rules, diags);
    g_assert_cmpuint(rules->len, ==, 3);
    Rule *r0 = g_ptr_array_index(rules, 0);
    g_assert_cmpint(r0->loc.line, ==, 3);
    g_assert_cmpint(r0->line_count, ==, 2);
    Rule *r1 = g_ptr_array_index(rules, 1);
    g_assert_true(r1->flags & RULE_F_DISABLED);
    g_assert_cmpint(r1->loc.column, ==, 3);
    Rule *r2 = g_ptr_array_index(rules, 2);
    g_assert_cmpint(r2->loc.column, ==, 3);
    g_assert_cmpuint(diags->len, ==, 1);
    RulesTextDiag *d = g_ptr_array_index(diags, 0);
    g_assert_cmpstr(d->check, ==, "syntax");
    g_assert_cmpint(d->line, ==, 6);
    g_assert_cmpint(d->column, ==, 42);
    g_ptr_array_free(rules, TRUE);
    g_ptr_array_free(diags, TRUE);
}

static void
test_hostile_text(void)
{
    const char text[] = "alert tcp any any -> any any (msg:\"a\0b\"; sid:1;)\n"
                        "alert tcp any any -> any any (msg:\"\xff\xfe\"; sid:2;)\n"
                        "alert tcp any any -> any any (msg:\"unterminated; sid:3;\n"
                        "alert tcp any any -> any any (\n";
    GPtrArray *rules = g_ptr_array_new_with_free_func((GDestroyNotify)rule_free);
    GPtrArray *diags = g_ptr_array_new_with_free_func((GDestroyNotify)rules_text_diag_free);
    rules_text_parse(text, sizeof text - 1, "h.rules", 1, rules, diags);
    g_assert_cmpuint(rules->len, ==, 0);
    g_assert_cmpuint(diags->len, ==, 4);
    /* A 100 KB rule is a diagnostic, not a crash: Suricata reads at most
     * DETECT_MAX_RULE_SIZE - 1 (8191) bytes of a rule (detect-engine-loader.c). */
    GString *big = g_string_new("alert tcp any any -> any any (msg:\"");
    for (int i = 0; i < 100000; i++)
        g_string_append_c(big, 'a');
    g_string_append(big, "\"; sid:9;)");
    rules_text_parse(big->str, big->len, "big.rules", 1, rules, diags);
    g_assert_cmpuint(rules->len, ==, 0);
    g_assert_cmpuint(diags->len, ==, 5);
    const RulesTextDiag *d = g_ptr_array_index(diags, 4);
    g_assert_nonnull(strstr(d->message, "DETECT_MAX_RULE_SIZE"));
    /* 8191 bytes is still a rule. */
    g_string_assign(big, "alert tcp any any -> any any (msg:\"");
    while (big->len < 8191 - strlen("\"; sid:9;)"))
        g_string_append_c(big, 'a');
    g_string_append(big, "\"; sid:9;)");
    g_assert_cmpuint(big->len, ==, 8191);
    rules_text_parse(big->str, big->len, "big.rules", 1, rules, diags);
    g_assert_cmpuint(rules->len, ==, 1);
    g_string_free(big, TRUE);
    g_ptr_array_free(rules, TRUE);
    g_ptr_array_free(diags, TRUE);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/rules/parse/header-fields", test_header_fields);
    g_test_add_func("/rules/parse/flow-parsed-once", test_flow_parsed_once);
    g_test_add_func("/rules/parse/protocol-table", test_protocol_table);
    g_test_add_func("/rules/parse/tolerated-forms", test_tolerated_forms);
    g_test_add_func("/rules/parse/rejections", test_rejections);
    g_test_add_func("/rules/file/lines-comments-continuations", test_rules_file);
    g_test_add_func("/rules/file/hostile-text", test_hostile_text);
    return g_test_run();
}
