/*
 * test_verdict.c - the verdict engine (src/verdict) as a specification:
 * what Suricata 7 / Network Firewall decide for one flow, written as
 * (rules, default actions, flow) -> (verdict, blocking rule, alerts).
 *
 * Flows are typed in explain's syntax (verdict_flow_parse), which also has
 * its own cases: every error names its column.  The Suricata behaviour each
 * case pins down is in its comment; the whole is checked against real
 * Suricata by tests/simulate/oracle_compare.py.
 */
#include <string.h>

#include "policy/policy.h"
#include "verdict/verdict.h"

typedef struct {
    VerdictKind verdict;
    char *blocked_by; /* "sid 5", "aws:drop_strict", "" */
    char *alerts;     /* "sid 1,aws:alert_established" */
    char *maybe;
    char *reason;
} Outcome;

static void
outcome_clear(Outcome *o)
{
    g_free(o->blocked_by);
    g_free(o->alerts);
    g_free(o->maybe);
    g_free(o->reason);
}

static char *
hits_text(const GArray *hits)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < hits->len; i++) {
        const VerdictHit *h = &g_array_index(hits, VerdictHit, i);
        if (i)
            g_string_append_c(s, ',');
        if (h->default_action)
            g_string_append(s, h->default_action);
        else
            g_string_append_printf(s, "sid %" G_GUINT64_FORMAT, h->sid);
    }
    return g_string_free(s, FALSE);
}

/* Rules in `order`, default actions "a,b" (NULL: none), one flow. */
static Outcome
run_order(const char *rules, RuleOrder order, const char *defaults, const char *flow_text)
{
    Policy *policy = policy_new(order);
    GError *error = NULL;
    g_assert_true(policy_add_cli_var(policy, "HOME_NET=[10.0.0.0/8]", &error));
    g_assert_true(policy_load_text(policy, "test.rules", rules, strlen(rules), &error));
    g_assert_true(policy_finish(policy, &error));
    g_assert_no_error(error);
    for (guint i = 0; i < policy->findings->len; i++) {
        const Finding *f = g_ptr_array_index(policy->findings, i);
        if (f->severity == SEVERITY_ERROR)
            g_error("rule error: %s", f->message);
    }
    GPtrArray *da = NULL;
    if (defaults) {
        da = g_ptr_array_new_with_free_func(g_free);
        char **items = g_strsplit(defaults, ",", -1);
        for (char **p = items; *p; p++)
            g_ptr_array_add(da, g_strdup(*p));
        g_strfreev(items);
    }
    VerdictEngine *engine = verdict_engine_new(policy, da, &error);
    g_assert_no_error(error);
    VerdictFlow flow;
    g_assert_true(verdict_flow_parse(flow_text, &flow, &error));
    g_assert_no_error(error);
    VerdictResult r;
    verdict_result_init(&r);
    verdict_evaluate(engine, &flow, &r, NULL);
    Outcome o = { r.verdict, NULL, hits_text(r.alerts), hits_text(r.maybe_alerts),
                  g_strdup(r.reason->str) };
    if (r.has_blocked_by) {
        GArray *one = g_array_new(FALSE, FALSE, sizeof(VerdictHit));
        g_array_append_val(one, r.blocked_by);
        o.blocked_by = hits_text(one);
        g_array_unref(one);
    } else
        o.blocked_by = g_strdup("");
    verdict_result_clear(&r);
    verdict_flow_clear(&flow);
    verdict_engine_free(engine);
    if (da)
        g_ptr_array_unref(da);
    policy_free(policy);
    return o;
}

static Outcome
run(const char *rules, const char *defaults, const char *flow_text)
{
    return run_order(rules, RULE_ORDER_STRICT, defaults, flow_text);
}

static void
expect(const char *rules, const char *defaults, const char *flow, VerdictKind verdict,
       const char *blocked_by, const char *alerts)
{
    Outcome o = run(rules, defaults, flow);
    if (o.verdict != verdict || strcmp(o.blocked_by, blocked_by) != 0 ||
        (alerts && strcmp(o.alerts, alerts) != 0))
        g_error("rules:\n%s\nflow: %s\nexpected %s [%s] alerts [%s], got %s [%s] alerts [%s] (%s)",
                rules, flow, verdict_kind_name(verdict), blocked_by, alerts ? alerts : "*",
                verdict_kind_name(o.verdict), o.blocked_by, o.alerts, o.reason);
    outcome_clear(&o);
}

/* ---- content on a known buffer -------------------------------------------- */

static void
test_content_modifiers(void)
{
    static const struct {
        const char *options; /* after "tls.sni; " */
        const char *sni;
        gboolean match;
    } cases[] = {
        { "content:\"example.com\"; endswith;", "www.example.com", TRUE },
        { "content:\"example.com\"; endswith;", "example.com.evil", FALSE },
        { "content:\"API.\"; startswith; nocase;", "api.example.com", TRUE },
        { "content:\"API.\"; startswith;", "api.example.com", FALSE },
        /* dotprefix: the buffer gets a leading dot, so the bare domain and
         * its subdomains match, a look-alike does not */
        { "dotprefix; content:\".example.com\"; endswith;", "example.com", TRUE },
        { "dotprefix; content:\".example.com\"; endswith;", "a.b.example.com", TRUE },
        { "dotprefix; content:\".example.com\"; endswith;", "badexample.com", FALSE },
        { "content:\"abc\"; depth:3;", "abcdef", TRUE },
        { "content:\"abc\"; depth:3;", "xabcdef", FALSE },
        { "content:\"def\"; offset:3;", "abcdef", TRUE },
        { "content:\"def\"; offset:4;", "abcdef", FALSE },
        { "content:\"a\"; content:\"c\"; distance:1; within:1;", "abc", TRUE },
        { "content:\"a\"; content:\"c\"; distance:1; within:1;", "abbc", FALSE },
        /* backtracking: the first "ab" fails the relative match, the
         * second succeeds (DetectEngineContentInspection retries) */
        { "content:\"ab\"; content:\"cd\"; within:2;", "abxxabcd", TRUE },
        { "content:!\"evil\";", "good.example", TRUE },
        { "content:!\"evil\";", "evil.example", FALSE },
        { "content:\"example|2e|com\";", "www.example.com", TRUE },
        { "pcre:\"/^api\\.[a-z]+\\.com$/i\";", "API.Example.com", TRUE },
        { "pcre:\"/^api\\.[a-z]+\\.com$/\";", "API.Example.com", FALSE },
        { "bsize:<10;", "short.io", TRUE },
        { "bsize:<10;", "toolong.example.com", FALSE },
        { "to_lowercase; content:\"api.\"; startswith;", "API.example.com", TRUE },
        { "content:\"example\"; content:\".com\"; distance:0; endswith;", "example.org.com", TRUE },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *rules = g_strdup_printf(
            "drop tls any any -> any any (tls.sni; %s flow:to_server, established; sid:1;)\n",
            cases[i].options);
        char *flow = g_strdup_printf("tls 10.0.0.1:40000 -> 192.0.2.1:443 sni=%s", cases[i].sni);
        expect(rules, NULL, flow, cases[i].match ? VERDICT_BLOCKED : VERDICT_ALLOWED,
               cases[i].match ? "sid 1" : "", NULL);
        g_free(rules);
        g_free(flow);
    }
}

static void
test_legacy_modifier_and_http_fields(void)
{
    /* content:...; http_host; moves the content to http.host */
    expect("drop http any any -> any any (content:\"example.org\"; http_host; sid:1;)\n", NULL,
           "http 10.0.0.1:40000 -> 192.0.2.1:80 host=updates.example.org uri=/x", VERDICT_BLOCKED,
           "sid 1", "sid 1");
    /* the raw URI is known; the normalised one only when nothing to normalise */
    expect("drop http any any -> any any (http.uri; content:\"/a.js\"; endswith; sid:2;)\n", NULL,
           "http 10.0.0.1:40000 -> 192.0.2.1:80 host=x uri=/lib/a.js", VERDICT_BLOCKED, "sid 2",
           NULL);
    expect("drop http any any -> any any (http.uri; content:\"/a.js\"; endswith; sid:2;)\n", NULL,
           "http 10.0.0.1:40000 -> 192.0.2.1:80 host=x uri=/lib%2fa.js", VERDICT_UNDETERMINED, "",
           NULL);
    expect("drop http any any -> any any (http.uri.raw; content:\"%2f\"; sid:3;)\n", NULL,
           "http 10.0.0.1:40000 -> 192.0.2.1:80 host=x uri=/lib%2fa.js", VERDICT_BLOCKED, "sid 3",
           NULL);
    expect("drop http any any -> any any (http.user_agent; content:\"curl/\"; startswith; "
           "sid:4;)\n",
           NULL, "http 10.0.0.1:40000 -> 192.0.2.1:80 host=x ua=curl/8.1", VERDICT_BLOCKED, "sid 4",
           NULL);
    expect("drop dns any any -> any any (dns.query; content:\"evil\"; sid:5;)\n", NULL,
           "dns 10.0.0.1:40000 -> 10.0.0.2:53 dns=www.evil.test", VERDICT_BLOCKED, "sid 5", NULL);
}

/* ---- scope, direction, default actions ------------------------------------ */

static void
test_udp_pass_scope(void)
{
    const char *da = "aws:drop_established,aws:alert_established";
    /* flow:to_server makes a packet rule: the reply meets the default */
    expect("pass udp $HOME_NET any -> any 123 (flow:to_server; sid:10;)\n", da,
           "udp 10.0.0.1:40000 -> 192.0.2.1:123", VERDICT_BLOCKED, "aws:drop_established",
           "aws:alert_established");
    /* header only: ip-only, a flow-scope pass on the first packet */
    expect("pass udp $HOME_NET any -> any 123 (sid:10;)\n", da,
           "udp 10.0.0.1:40000 -> 192.0.2.1:123", VERDICT_ALLOWED, "", "");
    /* no reply: nothing left for the default to drop */
    expect("pass udp $HOME_NET any -> any 123 (flow:to_server; sid:10;)\n", da,
           "udp 10.0.0.1:40000 -> 192.0.2.1:123 reply=no", VERDICT_ALLOWED, "", "");
    expect("pass icmp $HOME_NET any -> any any (flow:to_server; sid:11;)\n", da,
           "icmp 10.0.0.1 -> 192.0.2.1", VERDICT_BLOCKED, "aws:drop_established",
           "aws:alert_established");
}

static void
test_tcp_defaults(void)
{
    const char *pass = "pass tcp $HOME_NET any -> any 22 (flow:to_server; sid:20;)\n";
    /* drop_established drops client-to-server packets only: replies pass */
    expect(pass, "aws:drop_established,aws:alert_established", "tcp 10.0.0.1:40000 -> 192.0.2.1:22",
           VERDICT_ALLOWED, "", "");
    /* the bidirectional app-layer drop drops the server's packets too */
    expect(pass, "aws:drop_established_app_layer,aws:alert_established_app_layer",
           "ssh 10.0.0.1:40000 -> 192.0.2.1:22", VERDICT_BLOCKED, "aws:drop_established_app_layer",
           "aws:alert_established_app_layer");
    /* drop_strict drops the handshake before any app-layer rule can pass */
    expect("pass tls any any -> any any (tls.sni; content:\"ok.example\"; "
           "flow:to_server, established; sid:21;)\n",
           "aws:drop_strict,aws:alert_strict", "tls 10.0.0.1:40000 -> 192.0.2.1:443 sni=ok.example",
           VERDICT_BLOCKED, "aws:drop_strict", "aws:alert_strict");
    /* a refused connection has no established packet to drop */
    expect("# no rules\n", "aws:drop_established,aws:alert_established",
           "tcp 10.0.0.1:40000 -> 192.0.2.1:8443 server=refuse", VERDICT_ALLOWED, "", "");
    /* an alert default alone drops nothing */
    expect("# no rules\n", "aws:alert_established", "tcp 10.0.0.1:40000 -> 192.0.2.1:80",
           VERDICT_ALLOWED, "", "aws:alert_established");
    /* without default actions, what no rule decides passes */
    expect("# no rules\n", NULL, "udp 10.0.0.1:40000 -> 192.0.2.1:53", VERDICT_ALLOWED, "", "");
}

static void
test_ip_only_first_packet(void)
{
    /* an ip-only rule matches the first packet of each direction: a drop
     * naming the server as source drops the SYN-ACK, and the flow */
    expect("drop tcp 192.0.2.1 any -> $HOME_NET any (sid:30;)\n", NULL,
           "tcp 10.0.0.1:40000 -> 192.0.2.1:443", VERDICT_BLOCKED, "sid 30", "sid 30");
    /* <> matches both ways: the client's SYN already */
    expect("drop tcp 192.0.2.1 any <> $HOME_NET any (sid:31;)\n", NULL,
           "tcp 10.0.0.1:40000 -> 192.0.2.1:443", VERDICT_BLOCKED, "sid 31", "sid 31");
    /* a broad header-only pass first: the later deny-list drop never sees
     * the ClientHello */
    expect("pass tcp $HOME_NET any -> any 443 (sid:32;)\n"
           "drop tls any any -> any any (tls.sni; content:\"evil\"; flow:to_server; sid:33;)\n",
           "aws:drop_established,aws:alert_established",
           "tls 10.0.0.1:40000 -> 192.0.2.1:443 sni=evil.example", VERDICT_ALLOWED, "", "");
}

static void
test_strict_logging(void)
{
    /* strict order: alert rules before the decision log, after it not */
    expect("alert tls any any -> any any (tls.sni; content:\"a.example\"; flow:to_server; "
           "sid:40;)\n"
           "pass tls any any -> any any (tls.sni; content:\"a.example\"; flow:to_server; "
           "sid:41;)\n"
           "alert tls any any -> any any (tls.sni; content:\"a.example\"; flow:to_server; "
           "sid:42;)\n",
           NULL, "tls 10.0.0.1:40000 -> 192.0.2.1:443 sni=a.example", VERDICT_ALLOWED, "",
           "sid 40");
    /* a pass with the alert keyword logs itself */
    expect("pass tls any any -> any any (tls.sni; content:\"a\"; flow:to_server; alert; "
           "sid:43;)\n",
           NULL, "tls 10.0.0.1:40000 -> 192.0.2.1:443 sni=a.example", VERDICT_ALLOWED, "",
           "sid 43");
    /* a noalert drop decides silently */
    expect("drop tls any any -> any any (tls.sni; content:\"a\"; flow:to_server; noalert; "
           "sid:44;)\n",
           NULL, "tls 10.0.0.1:40000 -> 192.0.2.1:443 sni=a.example", VERDICT_BLOCKED, "sid 44",
           "");
}

static void
test_action_order(void)
{
    /* action order: pass sorts first and wins wherever it is written */
    Outcome o = run_order("drop tls any any -> any any (tls.sni; content:\"a\"; flow:to_server; "
                          "sid:50;)\n"
                          "pass tls any any -> any any (tls.sni; content:\"a\"; flow:to_server; "
                          "sid:51;)\n",
                          RULE_ORDER_ACTION, NULL, "tls 10.0.0.1:40000 -> 192.0.2.1:443 sni=a.b");
    g_assert_cmpint(o.verdict, ==, VERDICT_ALLOWED);
    g_assert_cmpstr(o.alerts, ==, "");
    outcome_clear(&o);
    /* a drop does not end the walk: a later drop and an alert still log */
    o = run_order("alert tls any any -> any any (tls.sni; content:\"a\"; flow:to_server; "
                  "sid:52;)\n"
                  "drop tls any any -> any any (tls.sni; content:\"a\"; flow:to_server; sid:53;)\n"
                  "drop tls any any -> any any (tls.sni; content:\"b\"; flow:to_server; sid:54;)\n",
                  RULE_ORDER_ACTION, NULL, "tls 10.0.0.1:40000 -> 192.0.2.1:443 sni=a.b");
    g_assert_cmpint(o.verdict, ==, VERDICT_BLOCKED);
    g_assert_cmpstr(o.blocked_by, ==, "sid 53");
    g_assert_cmpstr(o.alerts, ==, "sid 53,sid 54,sid 52");
    outcome_clear(&o);
}

/* ---- unknowns -------------------------------------------------------------- */

static void
test_never_guess(void)
{
    /* payload content could decide: undetermined, with the reason */
    Outcome o = run("drop tcp any any -> any 80 (content:\"curl\"; flow:to_server; sid:60;)\n",
                    NULL, "http 10.0.0.1:40000 -> 192.0.2.1:80 host=x");
    g_assert_cmpint(o.verdict, ==, VERDICT_UNDETERMINED);
    g_assert_nonnull(strstr(o.reason, "sid 60"));
    g_assert_nonnull(strstr(o.reason, "payload"));
    outcome_clear(&o);
    /* ... unless its header excludes the flow */
    expect("drop tcp any any -> any 8080 (content:\"curl\"; flow:to_server; sid:60;)\n", NULL,
           "http 10.0.0.1:40000 -> 192.0.2.1:80 host=x", VERDICT_ALLOWED, "", "");
    /* an alert rule on unknown data: the verdict stands, the alert is a maybe */
    o = run("alert tcp any any -> any 80 (content:\"curl\"; flow:to_server; sid:61;)\n", NULL,
            "http 10.0.0.1:40000 -> 192.0.2.1:80 host=x");
    g_assert_cmpint(o.verdict, ==, VERDICT_ALLOWED);
    g_assert_cmpstr(o.maybe, ==, "sid 61");
    outcome_clear(&o);
    /* an app field the flow does not give */
    o = run("pass tls any any -> any any (tls.sni; content:\"a\"; flow:to_server; sid:62;)\n",
            "aws:drop_established", "tls 10.0.0.1:40000 -> 192.0.2.1:443");
    g_assert_cmpint(o.verdict, ==, VERDICT_UNDETERMINED);
    g_assert_nonnull(strstr(o.reason, "tls.sni is not in the logs"));
    outcome_clear(&o);
    /* a known field decides a negated content both ways */
    expect("drop tls any any -> any any (tls.sni; content:!\"o\"; flow:to_server; sid:63;)\n", NULL,
           "tls 10.0.0.1:40000 -> 192.0.2.1:443 sni=ok", VERDICT_ALLOWED, "", "");
    /* thresholds count packets of other flows */
    o = run("drop tcp any any -> any 22 (flow:to_server; threshold:type limit, track by_src, "
            "count 1, seconds 60; sid:64;)\n",
            NULL, "tcp 10.0.0.1:40000 -> 192.0.2.1:22");
    g_assert_cmpint(o.verdict, ==, VERDICT_UNDETERMINED);
    outcome_clear(&o);
}

static void
test_flowbits(void)
{
    const char *rules =
        "alert tls any any -> any any (tls.sni; content:\"watch\"; flow:to_server; "
        "flowbits:set,watched; flowbits:noalert; sid:70;)\n"
        "drop tls any any -> any any (flowbits:isset,watched; flow:to_server; sid:71;)\n";
    expect(rules, NULL, "tls 10.0.0.1:40000 -> 192.0.2.1:443 sni=watch.example", VERDICT_BLOCKED,
           "sid 71", "sid 71");
    expect(rules, NULL, "tls 10.0.0.1:40000 -> 192.0.2.1:443 sni=other.example", VERDICT_ALLOWED,
           "", "");
    /* the setter's match unknown: so is the checker's */
    Outcome o = run(rules, NULL, "tls 10.0.0.1:40000 -> 192.0.2.1:443");
    g_assert_cmpint(o.verdict, ==, VERDICT_UNDETERMINED);
    outcome_clear(&o);
}

/* ---- the flow syntax ------------------------------------------------------- */

static void
test_flow_syntax(void)
{
    static const struct {
        const char *text;
        const char *error; /* NULL: parses */
    } cases[] = {
        { "tcp 10.0.1.5:43211 -> 203.0.113.9:443 sni=api.example.com", NULL },
        { "http [2001:db8::1]:40000 -> [2001:db8::2]:80 host=\"a b\" uri=/x", NULL },
        { "icmp 10.0.0.1 -> 8.8.8.8 reply=no", NULL },
        { "udp 10.0.0.1:53 <- 10.0.0.2:40000", NULL },
        { "", "column 1: expected a protocol" },
        { "gre 10.0.0.1 -> 10.0.0.2", "column 1: unknown protocol 'gre'" },
        { "tcp 10.0.0.300:1 -> 10.0.0.2:2", "column 5: '10.0.0.300' is not an IPv4 or IPv6" },
        { "tcp 10.0.0.1 -> 10.0.0.2:2", "column 13: expected ':PORT'" },
        { "tcp 10.0.0.1:1 => 10.0.0.2:2", "column 16: expected '->'" },
        { "tcp 10.0.0.1:1 -> 10.0.0.2:65536", "column 28: '65536' is not a port" },
        { "icmp 10.0.0.1:5 -> 10.0.0.2", "column 14: ICMP and other protocols have no ports" },
        { "tcp 10.0.0.1:1 -> ::1:2", "the server address is IPv6" },
        { "tcp 10.0.0.1:1 -> 10.0.0.2:2 sni", "column 30: expected KEY=VALUE" },
        { "tcp 10.0.0.1:1 -> 10.0.0.2:2 color=red", "column 30: unknown key 'color'" },
        { "tcp 10.0.0.1:1 -> 10.0.0.2:2 sni=a sni=b", "column 36: 'sni' given twice" },
        { "tcp 10.0.0.1:1 -> 10.0.0.2:2 sni=\"open", "column 34: unterminated '\"'" },
        { "tcp 10.0.0.1:1 -> 10.0.0.2:2 sni=", "column 34: empty value for 'sni'" },
        { "tcp 10.0.0.1:1 -> 10.0.0.2:2 server=maybe", "column 37: server= takes accept" },
        { "udp 10.0.0.1:1 -> 10.0.0.2:2 server=refuse", "column 30: server= is for TCP" },
        { "dns 10.0.0.1:1 -> 10.0.0.2:53 sni=x", "sni= is a field of tls flows" },
        { "tls 10.0.0.1:1 -> 10.0.0.2:2 app=dns", NULL },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        VerdictFlow f;
        GError *error = NULL;
        gboolean ok = verdict_flow_parse(cases[i].text, &f, &error);
        if (cases[i].error == NULL) {
            if (!ok)
                g_error("'%s' should parse: %s", cases[i].text, error->message);
            verdict_flow_clear(&f);
            continue;
        }
        if (ok)
            g_error("'%s' should not parse", cases[i].text);
        if (strstr(error->message, cases[i].error) == NULL)
            g_error("'%s': expected '%s', got '%s'", cases[i].text, cases[i].error, error->message);
        g_error_free(error);
    }
    /* what the syntax gives */
    VerdictFlow f;
    g_assert_true(verdict_flow_parse("udp 10.0.0.1:53 <- 10.0.0.2:40000 dns=a.example", &f, NULL));
    g_assert_cmpint(f.client_port, ==, 40000);
    g_assert_cmpint(f.server_port, ==, 53);
    g_assert_cmpstr(f.app_proto, ==, "dns");
    g_assert_true(f.fields[VERDICT_FIELD_DNS_QUERY].known);
    g_assert_false(f.fields[VERDICT_FIELD_TLS_SNI].known);
    verdict_flow_clear(&f);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/verdict/content-modifiers", test_content_modifiers);
    g_test_add_func("/verdict/legacy-modifier-and-http-fields",
                    test_legacy_modifier_and_http_fields);
    g_test_add_func("/verdict/udp-pass-scope", test_udp_pass_scope);
    g_test_add_func("/verdict/tcp-defaults", test_tcp_defaults);
    g_test_add_func("/verdict/ip-only-first-packet", test_ip_only_first_packet);
    g_test_add_func("/verdict/strict-logging", test_strict_logging);
    g_test_add_func("/verdict/action-order", test_action_order);
    g_test_add_func("/verdict/never-guess", test_never_guess);
    g_test_add_func("/verdict/flowbits", test_flowbits);
    g_test_add_func("/verdict/flow-syntax", test_flow_syntax);
    return g_test_run();
}
