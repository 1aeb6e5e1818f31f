/*
 * test_query_analysis.c - the saved queries of analysis/ (the article's six
 * and ours) run on the fixture logs of fixtures/query/, each answer checked
 * against the same question asked independently with jq.
 *
 * The fixtures give distinct counts wherever a query sorts by a count, so
 * the order is checked too; where ties are possible (bytes per flow, rows per
 * hour) rows are compared as sets and the order is checked separately.
 */
#include <stdlib.h>

#include "query_test_util.h"

static const char *const alert_only[] = { "alert.jsonl", NULL };
static const char *const alert_and_flow[] = { "alert.jsonl", "flow.jsonl", NULL };

/* jq -r -s FILTER over fixture files: its output lines. */
static char *
jq(const char *filter, const char *const *names)
{
    GPtrArray *argv = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(argv, g_strdup("jq"));
    g_ptr_array_add(argv, g_strdup("-r"));
    g_ptr_array_add(argv, g_strdup("-s"));
    g_ptr_array_add(argv, g_strdup(filter));
    for (int i = 0; names[i]; i++)
        g_ptr_array_add(argv, fixture_path(names[i]));
    g_ptr_array_add(argv, NULL);
    char *out = NULL, *err = NULL;
    int status = 0;
    GError *error = NULL;
    gboolean ok = g_spawn_sync(NULL, (char **)argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error);
    if (!ok)
        g_error("cannot run jq: %s", error->message);
    if (!g_spawn_check_wait_status(status, NULL))
        g_error("jq failed: %s", err);
    g_free(err);
    g_ptr_array_unref(argv);
    return out;
}

/* The result's rows (no header) as "a|b\n" lines. */
static char *
rows_text(const QueryResult *r)
{
    g_autofree char *all = result_text(r);
    return g_strdup(strchr(all, '\n') + 1);
}

static QueryResult *
run_analysis(const char *file, const char *const *names)
{
    const char *root = g_getenv("SOURCE_ROOT");
    g_autofree char *path = g_build_filename(root ? root : ".", "analysis", file, NULL);
    GError *error = NULL;
    Query *q = query_parse_file(path, &error);
    g_assert_no_error(error);
    QueryResult *r = run_query_files(q, names);
    query_free(q);
    return r;
}

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *
sorted_lines(const char *text)
{
    char **lines = g_strsplit(text, "\n", -1);
    guint n = g_strv_length(lines);
    qsort(lines, n, sizeof(char *), cmp_str);
    char *joined = g_strjoinv("\n", lines);
    g_strfreev(lines);
    return joined;
}

/* Checks a saved query: rows equal jq's lines, in order or as sets. */
static void
check_analysis(const char *file, const char *const *names, const char *header,
               const char *jq_filter, gboolean ordered)
{
    QueryResult *r = run_analysis(file, names);
    g_autofree char *all = result_text(r);
    g_autofree char *head = g_strndup(all, strchr(all, '\n') - all);
    g_assert_cmpstr(head, ==, header);
    g_autofree char *got = rows_text(r);
    g_autofree char *want = jq(jq_filter, names);
    g_assert_cmpuint(strlen(want), >, 0);
    if (ordered) {
        g_assert_cmpstr(got, ==, want);
    } else {
        g_autofree char *a = sorted_lines(got), *b = sorted_lines(want);
        g_assert_cmpstr(a, ==, b);
    }
    query_result_free(r);
}

/* jq pieces: CloudWatch's display of @timestamp from event.timestamp, and
 * null cells as the tests show them. */
#define JQ_TS "(.event.timestamp[0:10] + \" \" + .event.timestamp[11:23])"
#define N(x) "((" x ") // \"<null>\" | tostring)"

static void
test_01_alert_overview(void)
{
    check_analysis(
        "01-alert-overview.cwli", alert_only,
        "@timestamp|event.event_type|event.alert.action|event.alert.signature|event.app_proto|"
        "event.src_ip|event.src_port|event.dest_ip|event.dest_port|event.tls.sni|event.http.hostname",
        "map(select(.event.event_type == \"alert\")) | sort_by(.event.timestamp) | reverse | .[] | "
        "[" JQ_TS
        ", .event.event_type, .event.alert.action, .event.alert.signature, " N(".event.app_proto") ", .event.src_ip, .event.src_port, .event.dest_ip, .event.dest_port, " N(
            ".event.tls.sni") ", " N(".event.http.hostname") "] | map(tostring) | join(\"|\")",
        TRUE);
}

static void
test_02_top_blocked_tls(void)
{
    check_analysis(
        "02-top-blocked-tls-fqdns.cwli", alert_only, "event.tls.sni|numBlockedRequests",
        "map(select(.event.alert.signature == \"matching TLS denylisted FQDNs\")) "
        "| group_by(.event.tls.sni) | map([.[0].event.tls.sni, length]) | sort_by(-.[1]) "
        "| .[:10][] | \"\\(.[0])|\\(.[1])\"",
        TRUE);
}

static void
test_03_top_sources_of_fqdn(void)
{
    check_analysis(
        "03-top-sources-of-blocked-fqdn.cwli", alert_only, "event.src_ip|numBlockedRequests",
        "map(select(.event.alert.action == \"blocked\" and .event.tls.sni == \"www.example.com\")) "
        "| group_by(.event.src_ip) | map([.[0].event.src_ip, length]) | sort_by(-.[1]) "
        "| .[:10][] | \"\\(.[0])|\\(.[1])\"",
        TRUE);
}

static void
test_04_top_alert_signatures(void)
{
    check_analysis(
        "04-top-alert-signatures.cwli", alert_only, "event.alert.signature|numEvents",
        "map(select(.event.alert.action == \"allowed\" and (.event.alert.signature // \"\") != \"\")) "
        "| group_by(.event.alert.signature) | map([.[0].event.alert.signature, length]) "
        "| sort_by(-.[1]) | .[:10][] | \"\\(.[0])|\\(.[1])\"",
        TRUE);
}

static void
test_05_top_sources_of_signature(void)
{
    check_analysis(
        "05-top-sources-of-signature.cwli", alert_only, "event.src_ip|numEvents",
        "map(select(.event.alert.action == \"allowed\" and .event.alert.signature == \"Allowed TLS to SaaS\")) "
        "| group_by(.event.src_ip) | map([.[0].event.src_ip, length]) | sort_by(-.[1]) "
        "| .[:10][] | \"\\(.[0])|\\(.[1])\"",
        TRUE);
}

static void
test_06_signature_details(void)
{
    check_analysis(
        "06-signature-details.cwli", alert_only,
        "@timestamp|event.event_type|event.alert.action|event.alert.signature|"
        "event.alert.metadata.signature_severity.0|event.app_proto|event.src_ip|event.src_port|"
        "event.dest_ip|event.dest_port|event.tls.sni|event.http.hostname",
        ".[] | select(.event.alert.signature == \"Custom SSH outbound\") | "
        "[" JQ_TS
        ", .event.event_type, .event.alert.action, .event.alert.signature, " N(".event.alert.metadata.signature_severity[0]") ", " N(
            ".event.app_proto") ", .event.src_ip, .event.src_port, .event.dest_ip, .event.dest_port, " N(".event.tls.sni") ", " N(".event.http.hostname") "] | map(tostring) | join(\"|\")",
        TRUE);
}

static void
test_07_top_blocked_http(void)
{
    check_analysis("07-top-blocked-http-hosts.cwli", alert_only,
                   "event.http.hostname|numBlockedRequests",
                   "map(select(.event.alert.signature == \"matching HTTP denylisted FQDNs\")) "
                   "| group_by(.event.http.hostname) | map([.[0].event.http.hostname, length]) "
                   "| sort_by(-.[1]) | .[:10][] | \"\\(.[0])|\\(.[1])\"",
                   TRUE);
}

static void
test_08_default_action_drops(void)
{
    check_analysis(
        "08-default-action-drops.cwli", alert_only,
        "event.alert.signature|event.proto|event.app_proto|event.dest_port|event.tls.sni|"
        "drops|sources|first|last",
        "map(select(.event.alert.action == \"blocked\" and (.event.alert.signature "
        "| test(\"^aws:(alert|drop)_(established|strict) action$\")))) "
        "| group_by([.event.alert.signature, .event.proto, .event.app_proto, .event.dest_port, "
        ".event.tls.sni]) | map([.[0].event.alert.signature, .[0].event.proto, " N(".[0].event.app_proto") ", .[0].event.dest_port, " N(
            ".[0].event.tls.sni") ", length, (map(.event.src_ip) | unique | length), (map(" JQ_TS
                                  ") | min), "
                                  "(map(" JQ_TS
                                  ") | max)]) | sort_by(-.[5]) | .[] | map(tostring) | join(\"|\")",
        TRUE);
}

static void
test_09_flow_bytes_with_sni(void)
{
    const char *filter =
        "map(select(.event.event_type == \"netflow\" or .event.tls.sni != null)) "
        "| group_by(.event.flow_id) | map({id: .[0].event.flow_id, "
        "bytes: (map(.event.netflow.bytes // empty) | add), "
        "packets: (map(.event.netflow.pkts // empty) | add), "
        "sni: (map(select(.event.tls.sni != null)) | sort_by(.event.timestamp) | last | .event.tls.sni), "
        "n: length}) | map(select(.sni != null and (.bytes // 0) > 0)) | sort_by(-.bytes) | .[:100][] "
        "| \"\\(.id)|\\(.bytes)|\\(.packets)|\\(.sni)|\\(.n)\"";
    check_analysis("09-flow-bytes-with-sni.cwli", alert_and_flow,
                   "event.flow_id|bytes|packets|sni|records", filter, FALSE);
    /* and in order of bytes, largest first */
    QueryResult *r = run_analysis("09-flow-bytes-with-sni.cwli", alert_and_flow);
    g_assert_cmpuint(query_result_n_rows(r), >, 10);
    double prev = G_MAXDOUBLE;
    for (guint i = 0; i < query_result_n_rows(r); i++) {
        g_autofree char *b = query_result_cell(r, i, 1);
        double v = g_ascii_strtod(b, NULL);
        g_assert_cmpfloat(v, <=, prev);
        prev = v;
    }
    query_result_free(r);
}

static void
test_10_alerts_per_hour(void)
{
    check_analysis(
        "10-alerts-per-hour.cwli", alert_only, "bin(1h)|event.alert.action|alerts",
        "map(select(.event.event_type == \"alert\")) "
        "| group_by([.event.timestamp[0:13], .event.alert.action]) "
        "| map(\"\\(.[0].event.timestamp[0:10]) \\(.[0].event.timestamp[11:13]):00:00.000|"
        "\\(.[0].event.alert.action)|\\(length)\") | .[]",
        FALSE);
    QueryResult *r = run_analysis("10-alerts-per-hour.cwli", alert_only);
    for (guint i = 1; i < query_result_n_rows(r); i++) {
        g_autofree char *a = query_result_cell(r, i - 1, 0), *b = query_result_cell(r, i, 0);
        g_assert_cmpstr(a, >=, b);
    }
    query_result_free(r);
}

/* The top-blocked-SNI query written inline must agree with its saved form,
 * and stop scanning nothing early (it has stats before limit). */
static void
test_inline_equals_saved(void)
{
    QueryResult *a = run_files("filter event.alert.signature = \"matching TLS denylisted FQDNs\"\n"
                               "| stats count(*) as numBlockedRequests by event.tls.sni\n"
                               "| sort numBlockedRequests desc\n| limit 10",
                               alert_only);
    QueryResult *b = run_analysis("02-top-blocked-tls-fqdns.cwli", alert_only);
    g_autofree char *ta = result_text(a), *tb = result_text(b);
    g_assert_cmpstr(ta, ==, tb);
    g_autofree char *total = jq("length", alert_only);
    g_assert_cmpuint(query_result_records_scanned(a), ==, strtoull(total, NULL, 10));
    query_result_free(a);
    query_result_free(b);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_autofree char *jq_path = g_find_program_in_path("jq");
    if (!jq_path) {
        g_printerr("jq is not installed: skipping\n");
        return 77;
    }
    g_test_add_func("/query/analysis/01-alert-overview", test_01_alert_overview);
    g_test_add_func("/query/analysis/02-top-blocked-tls-fqdns", test_02_top_blocked_tls);
    g_test_add_func("/query/analysis/03-top-sources-of-blocked-fqdn", test_03_top_sources_of_fqdn);
    g_test_add_func("/query/analysis/04-top-alert-signatures", test_04_top_alert_signatures);
    g_test_add_func("/query/analysis/05-top-sources-of-signature",
                    test_05_top_sources_of_signature);
    g_test_add_func("/query/analysis/06-signature-details", test_06_signature_details);
    g_test_add_func("/query/analysis/07-top-blocked-http-hosts", test_07_top_blocked_http);
    g_test_add_func("/query/analysis/08-default-action-drops", test_08_default_action_drops);
    g_test_add_func("/query/analysis/09-flow-bytes-with-sni", test_09_flow_bytes_with_sni);
    g_test_add_func("/query/analysis/10-alerts-per-hour", test_10_alerts_per_hour);
    g_test_add_func("/query/analysis/inline-equals-saved", test_inline_equals_saved);
    return g_test_run();
}
