/*
 * test_rule_sig.c - signature types and action scopes (rule_sig.c) as a
 * specification: each rule below with the "type" Suricata 7.0.10's
 * --engine-analysis gave it (the table was produced by running
 * `suricata --engine-analysis` on these rules, not written by hand), the
 * scope of each type (signature_properties[]), and the
 * refinement of like_ip_only by variable values.
 */
#include <string.h>

#include "rules/rule.h"

static Rule *
parse_ok(const char *text)
{
    RuleDiag diag;
    SourceLoc loc = { "t.rules", 1, 1 };
    Rule *rule = rule_parse(text, &loc, &diag);
    if (rule == NULL)
        g_error("expected '%s' to parse, got %s: %s", text, diag.check, diag.message);
    return rule;
}

static const struct {
    const char *rule;
    const char *type;
} engine_analysis[] = {
    { "alert tcp any any -> any any (pcre:\"/x/U\"; sid:1;)", "app_tx" },
    { "alert tcp any any -> any any (content:\"a\"; content:\"x\"; http_uri; sid:1;)", "app_tx" },
    { "pass tls $HOME_NET any -> any any (tls.sni; content:\"example.com\"; flow:to_server; sid:1;)",
      "app_tx" },
    { "alert tcp any any -> any any (content:\"x\"; depth:4; sid:1;)", "pkt_stream" },
    { "alert tcp any any -> any any (content:\"x\"; http_uri; sid:1;)", "app_tx" },
    { "alert tcp any any -> any any (content:\"x\"; replace:\"y\"; sid:1;)", "stream" },
    { "alert tcp any any -> any any (content:\"x\"; sid:1;)", "stream" },
    { "alert udp any any -> any any (content:\"x\"; sid:1;)", "pkt_stream" },
    { "alert dns any any -> any any (content:\"x\"; sid:1;)", "stream" },
    { "alert tcp-pkt any any -> any any (content:\"x\"; sid:1;)", "pkt" },
    { "alert tcp-stream any any -> any any (content:\"x\"; sid:1;)", "stream" },
    { "alert tcp any any -> any any (tcp.hdr; content:\"|00|\"; sid:1;)", "pkt" },
    { "alert ip any any -> any any (ip_proto:1; sid:1;)", "ip_only" },
    { "pass tcp 10.0.0.0/8 any -> 203.0.113.0/24 22 (sid:1;)", "ip_only" },
    { "alert tls any any -> any any (tls.store; sid:1;)", "app_layer" },
    { "alert tcp !$EXTERNAL_NET any -> any any (sid:1;)", "like_ip_only" },
    { "pass tcp 10.0.0.0/8 any <> 203.0.113.0/24 22 (sid:1;)", "ip_only" },
    { "pass tcp $HOME_NET any -> $EXTERNAL_NET any (sid:1;)", "like_ip_only" },
    { "pass ip [10.0.0.0/8,!10.1.0.0/16] any -> any any (sid:1;)", "like_ip_only" },
    { "alert icmp any any -> any any (itype:8; sid:1;)", "pkt" },
    { "alert udp any any -> any any (dsize:>3; content:\"x\"; sid:1;)", "pkt" },
    { "alert tcp any any -> any any (app-layer-event:applayer_mismatch_protocol_both_directions; sid:1;)",
      "pkt" },
    { "alert tls any any -> any any (ssl_state:client_hello; sid:1;)", "app_tx" },
    { "alert tcp any any -> any any (flow:established,no_stream; content:\"y\"; sid:1;)", "pkt" },
    { "pass tcp any any -> any any (flow:established; app-layer-protocol:tls; sid:1;)", "pkt" },
    { "pass tls any any -> any any (flow:established; sid:1;)", "pkt" },
    { "pass tcp any any -> any any (flow:established; sid:1;)", "pkt" },
    { "alert tcp any any -> any any (flowint:fi,=,1; sid:1;)", "pkt" },
    { "alert tls any any -> any any (flowint:fi,=,1; sid:1;)", "app_layer" },
    { "alert tls any any -> any any (flowint:fi,==,1; sid:1;)", "pkt" },
    { "alert ip any any -> any any (decode-event:ipv4.trunc_pkt; sid:1;)", "de_only" },
    { "alert tcp any any -> any any (decode-event:ipv4.trunc_pkt; ttl:3; sid:1;)", "pkt" },
    { "alert tcp any any -> any any (xbits:isset,a,track ip_src; sid:1;)", "ip_only" },
    { "alert tcp any any -> any any (flowbits:isset,a; sid:1;)", "pkt" },
    { "pass tcp any any -> any any (flow:not_established,to_client; sid:1;)", "pkt" },
    { "alert tcp any any -> any any (stream_size:server,>,1; content:\"y\"; sid:1;)",
      "pkt_stream" },
    { "alert tcp any any -> any any (flowbits:set,a; app-layer-protocol:tls; sid:1;)", "pd_only" },
    { "alert tls any any -> any any (app-layer-event:tls.invalid_record_type; sid:1;)", "app_tx" },
    { "alert tcp any any -> any any (frame:tls.pdu; content:\"x\"; sid:1;)", "app_tx" },
    { "pass tcp any any -> any any (flow:to_server; app-layer-protocol:tls; sid:1;)", "pd_only" },
    { "pass tcp $HOME_NET any -> $EXTERNAL_NET 22 (flow:to_server; sid:1;)", "pkt" },
    { "pass tls any any -> any any (flow:to_server; sid:1;)", "app_layer" },
    { "pass ssh $HOME_NET any -> $EXTERNAL_NET any (flow:to_server; sid:1;)", "app_layer" },
};

static void
test_types_as_suricata(void)
{
    for (gsize i = 0; i < G_N_ELEMENTS(engine_analysis); i++) {
        Rule *r = parse_ok(engine_analysis[i].rule);
        if (strcmp(rule_sig_type_name(r->sig_type), engine_analysis[i].type) != 0)
            g_error("%s: advisor %s, suricata %s", engine_analysis[i].rule,
                    rule_sig_type_name(r->sig_type), engine_analysis[i].type);
        RuleSigType back;
        g_assert_true(rule_sig_type_from_string(engine_analysis[i].type, &back));
        g_assert_cmpint(back, ==, r->sig_type);
        rule_free(r);
    }
}

static void
test_scopes(void)
{
    static const struct {
        RuleSigType type;
        RuleScope scope;
        const char *name;
    } scopes[] = {
        { RULE_SIG_IPONLY, RULE_SCOPE_FLOW, "flow" },
        { RULE_SIG_LIKE_IPONLY, RULE_SCOPE_FLOW, "flow" },
        { RULE_SIG_PDONLY, RULE_SCOPE_FLOW, "flow" },
        { RULE_SIG_DEONLY, RULE_SCOPE_PACKET, "packet" },
        { RULE_SIG_PKT, RULE_SCOPE_PACKET, "packet" },
        { RULE_SIG_PKT_STREAM, RULE_SCOPE_FLOW_IF_STREAM, "flow_if_stream" },
        { RULE_SIG_STREAM, RULE_SCOPE_FLOW_IF_STREAM, "flow_if_stream" },
        { RULE_SIG_APPLAYER, RULE_SCOPE_FLOW, "flow" },
        { RULE_SIG_APP_TX, RULE_SCOPE_FLOW, "flow" },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(scopes); i++) {
        g_assert_cmpint(rule_sig_type_scope(scopes[i].type), ==, scopes[i].scope);
        g_assert_cmpstr(rule_scope_name(scopes[i].scope), ==, scopes[i].name);
    }
    Rule *r = parse_ok("pass tcp $HOME_NET any -> any 22 (flow:to_server; sid:1;)");
    g_assert_cmpint(r->scope, ==, RULE_SCOPE_PACKET);
    rule_free(r);
    r = parse_ok("pass tcp $HOME_NET any -> any 22 (sid:1;)");
    g_assert_cmpint(r->scope, ==, RULE_SCOPE_FLOW);
    rule_free(r);
}

typedef struct {
    const char *name, *value;
} Var;

static const char *
lookup(const char *name, gpointer data)
{
    for (const Var *v = data; v->name != NULL; v++)
        if (strcmp(v->name, name) == 0)
            return v->value;
    return NULL;
}

static void
test_variables_decide_like_ip_only(void)
{
    /* At parse time $EXTERNAL_NET is "!$HOME_NET" (Suricata's and NFW's
     * default) and other variables hold no negation. */
    Rule *r = parse_ok("pass tcp $HOME_NET any -> $EXTERNAL_NET 443 (sid:1;)");
    g_assert_cmpint(r->sig_type, ==, RULE_SIG_LIKE_IPONLY);
    Var none[] = { { "HOME_NET", "[10.0.0.0/8]" }, { "EXTERNAL_NET", "any" }, { NULL, NULL } };
    rule_classify(r, lookup, none);
    g_assert_cmpint(r->sig_type, ==, RULE_SIG_IPONLY);
    rule_free(r);
    r = parse_ok("pass tcp $SERVERS any -> any 443 (sid:1;)");
    g_assert_cmpint(r->sig_type, ==, RULE_SIG_IPONLY);
    Var nested[] = { { "SERVERS", "[$OTHER,10.0.0.1]" },
                     { "OTHER", "[!10.9.0.0/16]" },
                     { NULL, NULL } };
    rule_classify(r, lookup, nested);
    g_assert_cmpint(r->sig_type, ==, RULE_SIG_LIKE_IPONLY);
    rule_free(r);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/rules/sig/types-as-suricata", test_types_as_suricata);
    g_test_add_func("/rules/sig/scopes", test_scopes);
    g_test_add_func("/rules/sig/variables", test_variables_decide_like_ip_only);
    return g_test_run();
}
