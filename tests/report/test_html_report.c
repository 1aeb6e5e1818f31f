/*
 * test_html_report.c - the HTML lint report: one self-contained page
 * (nothing fetched), every string from rules escaped, findings ranked by
 * severity with copyable fixes, findings marked on the rule they are
 * about, and the size cap on huge policies.
 */
#include <string.h>

#include "lint/lint.h"
#include "report/html.h"

static int
count_of(const char *haystack, const char *needle)
{
    int n = 0;
    for (const char *p = strstr(haystack, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

static Policy *
load_rules(const char *name, const char *text)
{
    Policy *policy = policy_new(RULE_ORDER_STRICT);
    GError *error = NULL;
    g_assert_true(policy_load_text(policy, name, text, strlen(text), &error));
    g_assert_no_error(error);
    g_assert_true(policy_finish(policy, &error));
    g_assert_no_error(error);
    return policy;
}

static char *
render(Policy *policy, GPtrArray *findings)
{
    LintSummary summary;
    lint_summary_count(&summary, policy, findings);
    GString *out = g_string_new(NULL);
    report_lint_html_string(out, policy, findings, &summary);
    return g_string_free(out, FALSE);
}

/* No external resource of any kind: the page must open offline. */
static void
assert_self_contained(const char *html)
{
    g_assert_true(g_str_has_prefix(html, "<!DOCTYPE html>\n<html lang=\"en\">"));
    g_assert_true(g_str_has_suffix(html, "</html>\n"));
    g_assert_null(strstr(html, "<img"));
    g_assert_null(strstr(html, "<iframe"));
    g_assert_null(strstr(html, "<link"));
    g_assert_null(strstr(html, "@import"));
    g_assert_null(strstr(html, "url(http"));
    g_assert_null(strstr(html, "https://"));
    /* The only http:// is the SVG namespace name, which is never fetched. */
    for (const char *p = strstr(html, "http://"); p; p = strstr(p + 1, "http://"))
        g_assert_true(g_str_has_prefix(p, "http://www.w3.org/2000/svg\""));
    g_assert_cmpint(count_of(html, "<script>"), ==, 1);
    g_assert_cmpint(count_of(html, "<script"), ==, 1);
    g_assert_true(g_utf8_validate(html, -1, NULL));
    g_assert_cmpint(count_of(html, "<table"), ==, count_of(html, "</table>"));
    g_assert_cmpint(count_of(html, "<section"), ==, count_of(html, "</section>"));
    g_assert_cmpint(count_of(html, "<article"), ==, count_of(html, "</article>"));
    g_assert_cmpint(count_of(html, "<svg"), ==, count_of(html, "</svg>"));
}

static void
test_escape(void)
{
    GString *s = g_string_new(NULL);
    html_escape(s, "<a href=\"x\">'&'</a>\x01\x7f\xc2\x85 ok\xff\tend");
    g_assert_cmpstr(s->str, ==,
                    "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
                    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd ok\xef\xbf\xbd\tend");
    g_string_truncate(s, 0);
    html_escape(s, NULL);
    g_assert_cmpstr(s->str, ==, "");
    html_escape_truncated(s, "\xe3\x81\x82\xe3\x81\x84\xe3\x81\x86<>", 3); /* 3 chars max */
    g_assert_cmpstr(s->str, ==, "\xe3\x81\x82\xe3\x81\x84\xe2\x80\xa6");
    g_string_truncate(s, 0);
    html_append_count(s, 1234567);
    g_string_append_c(s, ' ');
    html_append_count(s, 999);
    g_string_append_c(s, ' ');
    html_append_count(s, 0);
    g_assert_cmpstr(s->str, ==, "1,234,567 999 0");
    g_string_truncate(s, 0);
    html_append_time_us(s, G_GINT64_CONSTANT(1696161600) * G_USEC_PER_SEC);
    g_assert_cmpstr(s->str, ==, "2023-10-01 12:00:00Z");
    g_string_free(s, TRUE);
}

static const char hostile_rules[] =
    "alert tls $HOME_NET any -> $EXTERNAL_NET any (msg:\"</pre><script>alert(1)</script>\"; "
    "tls.sni; content:\"<img src=x onerror=alert(2)>\"; sid:1; rev:1;)\n"
    "pass tcp $HOME_NET any -> $EXTERNAL_NET 443 (msg:\"allow & <b>bold</b>\"; "
    "flow:to_server; sid:2; rev:1;)\n"
    "drop tcp any any -> any 22 (msg:\"ssh\"; sid:3; rev:1;)\n"
    "# drop tcp any any -> any 23 (msg:\"telnet\"; sid:4; rev:1;)\n"
    "alert tcp any any -> any any (msg:\"bad\"; nosuchkeyword; sid:5;)\n";

static void
test_lint_report_hostile_rules(void)
{
    Policy *policy = load_rules("<evil>.rules", hostile_rules);
    GPtrArray *findings = g_ptr_array_new_with_free_func((GDestroyNotify)finding_free);
    for (guint i = 0; i < policy->findings->len; i++)
        g_ptr_array_add(findings, g_ptr_array_steal_index(policy->findings, i--));
    lint_run(policy, NULL, findings);
    findings_sort(findings);
    char *html = render(policy, findings);
    assert_self_contained(html);
    /* No markup from rule text or file names survives. */
    g_assert_null(strstr(html, "<img"));
    g_assert_null(strstr(html, "<b>bold"));
    g_assert_null(strstr(html, "<evil>"));
    g_assert_null(strstr(html, "</pre><script>"));
    g_assert_nonnull(strstr(html, "&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
    g_assert_nonnull(strstr(html, "&lt;img src=x onerror=alert(2)&gt;"));
    g_assert_nonnull(strstr(html, "&lt;evil&gt;.rules"));
    /* Counts at a glance, headings, table headers. */
    g_assert_nonnull(strstr(html, "<li id=\"count-rules\"><span class=\"n\">3</span>"));
    g_assert_nonnull(strstr(html, "<li id=\"count-disabled\"><span class=\"n\">1</span>"));
    g_assert_nonnull(strstr(html, "<h1>"));
    g_assert_nonnull(strstr(html, "<th scope=\"col\""));
    /* The unknown keyword is an error, shown first, marked on its rule. */
    g_assert_nonnull(strstr(html, "<span class=\"sev sev-error\">error</span>"));
    g_assert_nonnull(strstr(html, "unknown-keyword"));
    g_free(html);
    g_ptr_array_free(findings, TRUE);
    policy_free(policy);
}

static const char order_rules[] =
    "pass tcp $HOME_NET any -> any 443 (msg:\"allow https\"; sid:10; rev:1;)\n"
    "pass tls $HOME_NET any -> any 443 (msg:\"allow tls\"; tls.sni; content:\"a.example\"; "
    "sid:11; rev:1;)\n"
    "drop tcp any any -> any any (msg:\"drop rest\"; sid:12; rev:1;)\n";

static Rule *
rule_at(Policy *policy, guint i)
{
    return g_ptr_array_index(policy->eval_order, i);
}

static void
test_lint_report_marks_in_place(void)
{
    Policy *policy = load_rules("order.rules", order_rules);
    GPtrArray *findings = g_ptr_array_new_with_free_func((GDestroyNotify)finding_free);
    /* Findings as the strict-order checks report them (made here so that the
     * renderer is tested apart from the checks). */
    Rule *shadowed = rule_at(policy, 1), *pass = rule_at(policy, 0);
    Finding *f = finding_new("shadowed-rule", &shadowed->loc,
                             "rule sid 11 never decides: sid 10 passes every packet it matches");
    policy_finding_set_rule(f, shadowed);
    finding_add_related(f, &pass->loc, "the rule that shadows it");
    g_ptr_array_add(findings, f);
    f = finding_new("pass-without-alert", &pass->loc, "pass rule sid 10 logs nothing");
    policy_finding_set_rule(f, pass);
    finding_set_fix(f, "alert tcp $HOME_NET any -> any 443 (msg:\"allow https\"; "
                       "sid:1000010; rev:1;)");
    g_ptr_array_add(findings, f);
    findings_sort(findings);
    char *html = render(policy, findings);
    assert_self_contained(html);
    /* The ghost twin row comes right before the pass rule's row. */
    const char *ghost = strstr(html, "<tr class=\"ghost\">");
    const char *pass_row = strstr(html, "<tr class=\"flagged\"><td class=\"num\">1</td>");
    g_assert_nonnull(ghost);
    g_assert_nonnull(pass_row);
    g_assert_true(ghost < pass_row);
    g_assert_nonnull(strstr(ghost, "sid:1000010"));
    g_assert_nonnull(strstr(html, ">no alert twin</span>"));
    /* The shadowed rule is marked, naming the shadowing rule's location. */
    const char *row2 = strstr(html, "<tr class=\"flagged\"><td class=\"num\">2</td>");
    g_assert_nonnull(row2);
    g_assert_nonnull(strstr(row2, ">shadowed</span> by <span class=\"loc\">order.rules:1"));
    /* Rule 3 has no finding. */
    g_assert_nonnull(strstr(html, "<tr><td class=\"num\">3</td>"));
    /* The fix is copyable. */
    g_assert_nonnull(strstr(html, "data-copy=\"fix-"));
    g_assert_cmpint(count_of(html, "<article class=\"finding warning\""), ==, 2);
    g_free(html);
    g_ptr_array_free(findings, TRUE);
    policy_free(policy);
}

static void
test_lint_report_no_findings(void)
{
    Policy *policy =
        load_rules("clean.rules", "drop tcp any any -> any 22 (msg:\"ssh\"; sid:3; rev:1;)\n");
    GPtrArray *findings = g_ptr_array_new_with_free_func((GDestroyNotify)finding_free);
    char *html = render(policy, findings);
    assert_self_contained(html);
    g_assert_nonnull(strstr(html, "id=\"no-findings\""));
    g_free(html);
    g_ptr_array_free(findings, TRUE);
    policy_free(policy);
}

static void
test_lint_report_caps_big_policies(void)
{
    GString *text = g_string_new(NULL);
    for (int i = 1; i <= 5000; i++)
        g_string_append_printf(text, "alert tcp any any -> any %d (msg:\"r%d\"; sid:%d; rev:1;)\n",
                               1 + i % 60000, i, i);
    Policy *policy = load_rules("big.rules", text->str);
    GPtrArray *findings = g_ptr_array_new_with_free_func((GDestroyNotify)finding_free);
    for (int i = 0; i < 1500; i++) {
        Rule *r = rule_at(policy, i * 3);
        Finding *f = finding_new("redundant-rule", &r->loc, "same as an earlier rule");
        policy_finding_set_rule(f, r);
        g_ptr_array_add(findings, f);
    }
    char *html = render(policy, findings);
    assert_self_contained(html);
    g_assert_nonnull(strstr(html, "id=\"order-capped\""));
    g_assert_nonnull(strstr(html, "500 of 1500 findings shown"));
    g_assert_cmpint(count_of(html, "<tr class=\"flagged\">"), ==, HTML_MAX_ROWS);
    g_assert_cmpint(count_of(html, "<article "), ==, HTML_MAX_ROWS);
    g_assert_cmpuint(strlen(html), <, 2 * 1024 * 1024);
    g_free(html);
    g_string_free(text, TRUE);
    g_ptr_array_free(findings, TRUE);
    policy_free(policy);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/html/escape", test_escape);
    g_test_add_func("/html/lint/hostile-rules", test_lint_report_hostile_rules);
    g_test_add_func("/html/lint/marks-in-place", test_lint_report_marks_in_place);
    g_test_add_func("/html/lint/no-findings", test_lint_report_no_findings);
    g_test_add_func("/html/lint/caps", test_lint_report_caps_big_policies);
    return g_test_run();
}
