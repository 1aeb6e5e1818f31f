/*
 * test_query_lang.c - the Logs Insights language, construct by construct:
 * every command, operator, function and aggregate, CloudWatch's semantics
 * (missing vs empty, numeric comparisons, count(field), stable sort, the
 * default limit), the renderers, and bad queries (clear errors with a
 * caret, never a hang).  Records are small NFW envelopes written inline,
 * so each expected answer can be checked by eye.
 */
#include <math.h>

#include "query_test_util.h"

static const char *const recs[] = {
    /* 1: TLS alert, blocked */
    "{\"firewall_name\":\"fw\",\"event_timestamp\":\"1740391200\",\"event\":{"
    "\"timestamp\":\"2025-02-24T10:00:00.250000+0000\",\"event_type\":\"alert\","
    "\"src_ip\":\"10.0.0.1\",\"src_port\":1000,\"dest_ip\":\"93.184.216.34\",\"dest_port\":443,"
    "\"proto\":\"TCP\",\"app_proto\":\"tls\",\"flow_id\":1,"
    "\"alert\":{\"action\":\"blocked\",\"signature\":\"A\",\"signature_id\":1,"
    "\"metadata\":{\"signature_severity\":[\"Major\",\"x\"]}},\"tls\":{\"sni\":\"www.example.com\"}}}",
    /* 2: HTTP alert, allowed, empty signature, port as text */
    "{\"firewall_name\":\"fw\",\"event_timestamp\":\"1740393000\",\"event\":{"
    "\"timestamp\":\"2025-02-24T10:30:00.000000+0000\",\"event_type\":\"alert\","
    "\"src_ip\":\"10.0.0.2\",\"src_port\":\"2000\",\"dest_ip\":\"198.51.100.1\",\"dest_port\":80,"
    "\"proto\":\"TCP\",\"app_proto\":\"http\",\"flow_id\":2,"
    "\"alert\":{\"action\":\"allowed\",\"signature\":\"\",\"signature_id\":2},"
    "\"http\":{\"hostname\":\"files.example.net\"}}}",
    /* 3: TLS alert, allowed, same flow as 1 */
    "{\"firewall_name\":\"fw\",\"event_timestamp\":\"1740395700\",\"event\":{"
    "\"timestamp\":\"2025-02-24T11:15:00.000000+0000\",\"event_type\":\"alert\","
    "\"src_ip\":\"10.0.0.1\",\"src_port\":1001,\"dest_ip\":\"93.184.216.34\",\"dest_port\":443,"
    "\"proto\":\"TCP\",\"app_proto\":\"tls\",\"flow_id\":1,"
    "\"alert\":{\"action\":\"allowed\",\"signature\":\"B\",\"signature_id\":3},"
    "\"tls\":{\"sni\":\" Api.Example.com \"}}}",
    /* 4, 5: the two directions of flow 1 */
    "{\"firewall_name\":\"fw\",\"event_timestamp\":\"1740397500\",\"event\":{"
    "\"timestamp\":\"2025-02-24T11:45:00.000000+0000\",\"event_type\":\"netflow\","
    "\"src_ip\":\"10.0.0.1\",\"dest_ip\":\"93.184.216.34\",\"proto\":\"TCP\",\"flow_id\":1,"
    "\"netflow\":{\"bytes\":1000,\"pkts\":10}}}",
    /* event_timestamp only: @timestamp falls back to it */
    "{\"firewall_name\":\"fw\",\"event_timestamp\":\"1740398700\",\"event\":{"
    "\"event_type\":\"netflow\",\"src_ip\":\"93.184.216.34\",\"dest_ip\":\"10.0.0.1\","
    "\"proto\":\"TCP\",\"flow_id\":1,\"netflow\":{\"bytes\":500,\"pkts\":5}}}",
    NULL
};

static void
check(const char *query, const char *expected)
{
    QueryResult *r = run_lines(query, recs);
    assert_result(r, expected);
    query_result_free(r);
}

/* ---- commands ---- */

static void
test_fields(void)
{
    check("fields event.src_ip, event.dest_port as port | limit 2",
          "event.src_ip|port\n10.0.0.1|443\n10.0.0.2|80\n");
    /* no fields: @timestamp and @message, @timestamp from event.timestamp */
    QueryResult *r = run_lines("limit 1", recs);
    g_assert_cmpstr(query_result_column(r, 0), ==, "@timestamp");
    g_assert_cmpstr(query_result_column(r, 1), ==, "@message");
    g_autofree char *ts = query_result_cell(r, 0, 0);
    g_assert_cmpstr(ts, ==, "2025-02-24 10:00:00.250");
    g_autofree char *msg = query_result_cell(r, 0, 1);
    g_assert_cmpstr(msg, ==, recs[0]);
    query_result_free(r);
    /* @timestamp from event_timestamp when event.timestamp is missing */
    check("filter event.netflow.bytes = 500 | fields @timestamp",
          "@timestamp\n2025-02-24 12:05:00.000\n");
    /* two fields commands add up; a later one can use an earlier alias */
    check("fields event.src_port as p | fields p + 1 as q | limit 1", "p|q\n1000|1001\n");
}

static void
test_filter(void)
{
    check("filter event.alert.action = \"blocked\" | fields event.alert.signature",
          "event.alert.signature\nA\n");
    check(
        "filter event.src_ip = \"10.0.0.1\" and event.event_type = \"alert\" | fields event.src_port",
        "event.src_port\n1000\n1001\n");
}

static void
test_stats(void)
{
    check(
        "stats count(*) as n, count(event.alert.signature) as sigs, count() as all by event.event_type",
        "event.event_type|n|sigs|all\nalert|3|3|3\nnetflow|2|0|2\n");
    /* several groups, in the order first seen */
    check("stats count(*) by event.src_ip, event.event_type",
          "event.src_ip|event.event_type|count(*)\n10.0.0.1|alert|2\n10.0.0.2|alert|1\n"
          "10.0.0.1|netflow|1\n93.184.216.34|netflow|1\n");
    check("stats count(*) as n by bin(1h)",
          "bin(1h)|n\n2025-02-24 10:00:00.000|2\n2025-02-24 11:00:00.000|2\n"
          "2025-02-24 12:00:00.000|1\n");
    check("stats count(*) as n by bin(30m) | sort n desc | limit 1",
          "bin(30m)|n\n2025-02-24 10:00:00.000|1\n");
    /* an expression over aggregates */
    check("stats sum(event.netflow.bytes) / count(event.netflow.bytes) as mean", "mean\n750\n");
    /* the flow_id "join": bytes from flow records, SNI from the alerts */
    check("stats sum(event.netflow.bytes) as bytes, latest(event.tls.sni) as sni, "
          "earliest(event.tls.sni) as first by event.flow_id",
          "event.flow_id|bytes|sni|first\n1|1500| Api.Example.com |www.example.com\n"
          "2|<null>|<null>|<null>\n");
}

static void
test_aggregates(void)
{
    check(
        "filter event.event_type = \"alert\" | stats sum(event.src_port) as s, "
        "avg(event.src_port) as a, min(event.src_port) as mn, max(event.src_port) as mx, "
        "count_distinct(event.src_ip) as d, pct(event.src_port, 50) as p50, "
        "pct(event.src_port, 100) as p100, stddev(event.src_port) as sd",
        "s|a|mn|mx|d|p50|p100|sd\n4001|1333.6666666666667|1000|2000|2|1001|2000|577.0618106696486\n");
    /* min/max of text; earliest/latest by @timestamp */
    check("stats min(event.src_ip) as lo, max(event.src_ip) as hi, earliest(event.src_ip) as e, "
          "latest(event.src_ip) as l",
          "lo|hi|e|l\n10.0.0.1|93.184.216.34|10.0.0.1|93.184.216.34\n");
    /* with no values: null, except counts */
    check("stats sum(nothing) as s, avg(nothing) as a, count(nothing) as c, "
          "count_distinct(nothing) as d, pct(nothing, 90) as p, stddev(nothing) as sd",
          "s|a|c|d|p|sd\n<null>|<null>|0|0|<null>|<null>\n");
}

static void
test_sort_limit(void)
{
    check("fields event.src_ip | sort event.src_ip desc",
          "event.src_ip\n93.184.216.34\n10.0.0.2\n10.0.0.1\n10.0.0.1\n10.0.0.1\n");
    /* numbers sort as numbers (1000 < 2000 though "2000" is text); nulls last
   * in both directions; ties keep input order */
    check("fields event.src_port, event.flow_id | sort event.src_port asc",
          "event.src_port|event.flow_id\n1000|1\n1001|1\n2000|2\n<null>|1\n<null>|1\n");
    check("fields event.src_port, event.flow_id | sort event.src_port desc",
          "event.src_port|event.flow_id\n2000|2\n1001|1\n1000|1\n<null>|1\n<null>|1\n");
    check("fields event.flow_id, event.event_type | sort event.flow_id",
          "event.flow_id|event.event_type\n1|alert\n1|alert\n1|netflow\n1|netflow\n2|alert\n");
    check("fields event.flow_id | sort event.flow_id desc, @timestamp desc | limit 2",
          "event.flow_id\n2\n1\n");
    check("fields event.src_ip | limit 2 | sort event.src_ip desc",
          "event.src_ip\n10.0.0.2\n10.0.0.1\n");
}

static void
test_default_limit(void)
{
    GError *error = NULL;
    Query *q = query_parse("fields event.flow_id", "query", &error);
    g_assert_no_error(error);
    query_set_default_limit(q, 3);
    QueryResult *r = feed_lines(q, recs);
    gint64 limit = 0;
    g_assert_true(query_result_default_limit_applied(r, &limit));
    g_assert_cmpint(limit, ==, 3);
    g_assert_cmpuint(query_result_n_rows(r), ==, 3);
    g_autofree char *notes = query_result_notes(r);
    g_assert_nonnull(strstr(notes, "showing the first 3 rows"));
    GString *table = g_string_new(NULL);
    query_result_render(r, QUERY_FORMAT_TABLE, table);
    g_assert_nonnull(strstr(table->str, "default limit applies"));
    g_string_free(table, TRUE);
    query_result_free(r);
    query_free(q);
    /* with an explicit limit, no note even when rows are cut */
    QueryResult *r2 = run_lines("fields event.flow_id | limit 3", recs);
    g_assert_false(query_result_default_limit_applied(r2, NULL));
    query_result_free(r2);
    /* not cut: no note */
    QueryResult *r3 = run_lines("fields event.flow_id", recs);
    g_assert_false(query_result_default_limit_applied(r3, NULL));
    g_assert_cmpint(QUERY_DEFAULT_LIMIT, ==, 10000);
    query_result_free(r3);
}

static void
test_display_dedup(void)
{
    check("fields event.src_ip as ip, event.flow_id as f | display f | limit 1", "f\n1\n");
    check("fields event.src_ip | dedup event.src_ip",
          "event.src_ip\n10.0.0.1\n10.0.0.2\n93.184.216.34\n");
    check("dedup event.flow_id, event.event_type | fields event.flow_id, event.event_type",
          "event.flow_id|event.event_type\n1|alert\n2|alert\n1|netflow\n");
}

static void
test_parse(void)
{
    /* glob: '*' captures, lazily except the last */
    check("parse @message '\"sni\":\"*\"' as sni | filter ispresent(sni) | fields sni",
          "sni\nwww.example.com\n Api.Example.com \n");
    check(
        "parse event.tls.sni \"*.*.*\" as a, b, c | filter ispresent(a) | fields a, b, c | limit 1",
        "a|b|c\nwww|example|com\n");
    /* regex with named groups; no match gives null */
    check("parse @message /\"src_ip\":\"(?<net>\\d+\\.\\d+)\\.(?<host>\\d+\\.\\d+)\"/ "
          "| fields net, host | limit 2",
          "net|host\n10.0|0.1\n10.0|0.2\n");
    check("parse event.tls.sni /^(?<www>www)\\./ | fields www",
          "www\nwww\n<null>\n<null>\n<null>\n<null>\n");
}

/* ---- fields and values ---- */

static void
test_paths(void)
{
    /* array index as a path segment; beyond the end is null */
    check(
        "filter event.alert.signature = \"A\" | fields event.alert.metadata.signature_severity.0 as s0, "
        "event.alert.metadata.signature_severity.1 as s1, event.alert.metadata.signature_severity.2 as s2",
        "s0|s1|s2\nMajor|x|<null>\n");
    /* backquoted names; an object shows as its JSON */
    check("filter `event`.`flow_id` = 2 | fields `event.http.hostname` as h, event.http as o",
          "h|o\nfiles.example.net|{\"hostname\":\"files.example.net\"}\n");
    /* @logStream and other CloudWatch fields are absent offline */
    check("fields @logStream, ispresent(@logStream) as p | limit 1",
          "@logStream|p\n<null>|false\n");
    /* comments */
    check("# a comment\nfields event.flow_id # trailing\n| limit 1 # end", "event.flow_id\n1\n");
}

static void
test_missing_vs_empty(void)
{
    check(
        "fields isempty(event.alert.signature) as e, ispresent(event.alert.signature) as p, "
        "isblank(event.tls.sni) as b",
        "e|p|b\nfalse|true|false\ntrue|true|true\nfalse|true|false\ntrue|false|true\ntrue|false|true\n");
    check("filter not isempty(event.alert.signature) | fields event.alert.signature",
          "event.alert.signature\nA\nB\n");
    /* comparisons with a missing field are false, both = and != */
    check("filter event.alert.action != \"blocked\" | stats count(*) as n", "n\n2\n");
    check("filter not (event.alert.action = \"blocked\") | stats count(*) as n", "n\n4\n");
    check("filter event.alert.signature = \"\" | stats count(*) as n", "n\n1\n");
}

/* ---- operators ---- */

static void
test_comparisons(void)
{
    /* numbers compare numerically when both sides look numeric */
    check("filter event.dest_port = \"443\" | stats count(*) as n", "n\n2\n");
    check("filter event.src_port = 2000 | stats count(*) as n", "n\n1\n"); /* "2000" text */
    check("filter event.src_port > 999 and event.src_port < 1001 | stats count(*) as n", "n\n1\n");
    check("filter event.src_port >= 1000 and event.src_port <= 1001 | stats count(*) as n",
          "n\n2\n");
    check("filter event.src_ip != \"10.0.0.1\" | stats count(*) as n", "n\n2\n");
    /* text compares as text */
    check("filter event.src_ip < \"10.0.0.2\" | stats count(*) as n", "n\n3\n");
    /* @timestamp against ms */
    check("filter @timestamp >= 1740396000000 | stats count(*) as n", "n\n2\n");
}

static void
test_like_in(void)
{
    check("filter event.tls.sni like \"example\" | stats count(*) as n",
          "n\n1\n"); /* case-sensitive */
    check("filter event.tls.sni like /example/i | stats count(*) as n", "n\n2\n");
    check("filter event.tls.sni =~ /^www\\./ | stats count(*) as n", "n\n1\n");
    check("filter event.tls.sni not like /www/ | stats count(*) as n", "n\n1\n");
    check("filter event.dest_port in [80, 22] | fields event.dest_port", "event.dest_port\n80\n");
    check("filter event.alert.action in [\"blocked\", \"allowed\"] | stats count(*) as n",
          "n\n3\n");
    check("filter event.alert.action not in [\"blocked\"] | stats count(*) as n", "n\n2\n");
    check("filter @message like /netflow/ | stats count(*) as n", "n\n2\n");
    check("filter /netflow/ | stats count(*) as n", "n\n2\n");
}

static void
test_boolean(void)
{
    /* and binds tighter than or; not tighter than and */
    check("filter event.flow_id = 2 or event.flow_id = 1 and event.event_type = \"netflow\" "
          "| stats count(*) as n",
          "n\n3\n");
    check("filter (event.flow_id = 2 or event.flow_id = 1) and event.event_type = \"netflow\" "
          "| stats count(*) as n",
          "n\n2\n");
    check("filter not event.flow_id = 1 and ispresent(event.alert) | stats count(*) as n",
          "n\n1\n");
}

static void
test_arithmetic(void)
{
    check(
        "fields 1 + 2 * 3 as a, (1 + 2) * 3 as b, 2 ^ 3 ^ 2 as c, 10 % 3 as d, 7 / 2 as e, "
        "-3 - -4 as f, 1 / 0 as g, \"x\" + 1 as h, event.src_port + 1 as i | limit 2",
        "a|b|c|d|e|f|g|h|i\n7|9|512|1|3.5|1|<null>|<null>|1001\n7|9|512|1|3.5|1|<null>|<null>|2001\n");
    check("fields @timestamp + 1000 as t, toMillis(@timestamp) - 1740391200000 as d | limit 1",
          "t|d\n2025-02-24 10:00:01.250|250\n");
}

/* ---- functions ---- */

static void
test_string_functions(void)
{
    check(
        "filter event.flow_id = 1 and event.alert.signature = \"B\" | fields strlen(event.tls.sni) as l, "
        "tolower(event.tls.sni) as lo, toupper(event.tls.sni) as up, trim(event.tls.sni) as t, "
        "ltrim(event.tls.sni) as lt, rtrim(event.tls.sni) as rt",
        "l|lo|up|t|lt|rt\n17| api.example.com | API.EXAMPLE.COM |Api.Example.com|Api.Example.com | Api.Example.com\n");
    check(
        "filter event.alert.signature = \"A\" | fields concat(event.src_ip, \":\", event.src_port) as c, "
        "substr(event.tls.sni, 4) as s1, substr(event.tls.sni, 4, 7) as s2, substr(event.tls.sni, 99) as s3, "
        "replace(event.tls.sni, \".\", \"_\") as r, strcontains(event.tls.sni, \"example\") as y, "
        "strcontains(event.tls.sni, \"nope\") as n, trim(\"xxaxx\", \"x\") as tx",
        "c|s1|s2|s3|r|y|n|tx\n10.0.0.1:1000|example.com|example||www_example_com|1|0|a\n");
    check("fields strlen(\"héllo\") as u, toupper(\"é\") as e | limit 1", "u|e\n5|É\n");
}

static void
test_general_functions(void)
{
    check("fields coalesce(event.tls.sni, event.http.hostname, \"none\") as c",
          "c\nwww.example.com\nfiles.example.net\n Api.Example.com \nnone\nnone\n");
}

static void
test_number_functions(void)
{
    check("fields abs(-2.5) as a, ceil(2.1) as c, floor(-2.1) as f, greatest(1, 5, 3) as g, "
          "least(4, -1, 3) as l, sqrt(16) as s, log(1) as lg, sqrt(-1) as bad | limit 1",
          "a|c|f|g|l|s|lg|bad\n2.5|3|-3|5|-1|4|0|<null>\n");
}

static void
test_time_functions(void)
{
    check(
        "fields datefloor(@timestamp, 1h) as f, dateceil(@timestamp, 1h) as c, "
        "datefloor(@timestamp, 1d) as d, datefloor(@timestamp, 1mo) as m, datefloor(@timestamp, 1y) as y, "
        "datefloor(@timestamp, 1q) as q | limit 1",
        "f|c|d|m|y|q\n2025-02-24 10:00:00.000|2025-02-24 11:00:00.000|2025-02-24 00:00:00.000|"
        "2025-02-01 00:00:00.000|2025-01-01 00:00:00.000|2025-01-01 00:00:00.000\n");
    check("fields fromMillis(1740391200000) as t, toMillis(@timestamp) as ms, "
          "bin(15m) as b | limit 1",
          "t|ms|b\n2025-02-24 10:00:00.000|1740391200250|2025-02-24 10:00:00.000\n");
    check("fields toMillis(event.timestamp) as ms, datefloor(event.timestamp, 1m) as m | limit 1",
          "ms|m\n1740391200250|2025-02-24 10:00:00.000\n");
}

static void
test_ip_functions(void)
{
    check(
        "fields isIpv4InSubnet(event.src_ip, \"10.0.0.0/31\") as a, isIpInSubnet(event.src_ip, \"10.0.0.2/32\") as b, "
        "isValidIp(event.src_ip) as v, isValidIpV4(\"fd00::1\") as v4, isValidIpV6(\"fd00::1\") as v6, "
        "isIpv6InSubnet(\"fd00::1\", \"fd00::/8\") as s6, isValidIp(\"10.0.0.256\") as bad | limit 2",
        "a|b|v|v4|v6|s6|bad\ntrue|false|true|false|true|true|false\nfalse|true|true|false|true|true|false\n");
}

/* ---- renderers ---- */

static void
test_renderers(void)
{
    QueryResult *r = run_lines(
        "fields event.src_ip, event.tls.sni, concat(\"a,\", '\"b\"') as odd | limit 2", recs);
    GString *s = g_string_new(NULL);
    query_result_render(r, QUERY_FORMAT_CSV, s);
    g_assert_cmpstr(s->str, ==,
                    "event.src_ip,event.tls.sni,odd\r\n10.0.0.1,www.example.com,\"a,\"\"b\"\"\"\r\n"
                    "10.0.0.2,,\"a,\"\"b\"\"\"\r\n");
    g_string_truncate(s, 0);
    query_result_render(r, QUERY_FORMAT_JSON, s);
    cJSON *json = cJSON_Parse(s->str);
    g_assert_nonnull(json);
    cJSON *results = cJSON_GetObjectItem(json, "results");
    g_assert_cmpint(cJSON_GetArraySize(results), ==, 2);
    /* like get-query-results: [{"field","value"}], null fields left out */
    cJSON *row2 = cJSON_GetArrayItem(results, 1);
    g_assert_cmpint(cJSON_GetArraySize(row2), ==, 2);
    g_assert_cmpstr(cJSON_GetObjectItem(cJSON_GetArrayItem(row2, 0), "field")->valuestring, ==,
                    "event.src_ip");
    g_assert_cmpstr(cJSON_GetObjectItem(cJSON_GetArrayItem(row2, 0), "value")->valuestring, ==,
                    "10.0.0.2");
    g_assert_cmpint(
        cJSON_GetObjectItem(cJSON_GetObjectItem(json, "statistics"), "recordsScanned")->valueint,
        ==, 2);
    cJSON_Delete(json);
    g_string_truncate(s, 0);
    query_result_render(r, QUERY_FORMAT_TABLE, s);
    g_assert_cmpstr(s->str, ==,
                    "event.src_ip  event.tls.sni    odd\n"
                    "------------  ---------------  -----\n"
                    "10.0.0.1      www.example.com  a,\"b\"\n"
                    "10.0.0.2                       a,\"b\"\n"
                    "(2 rows; 2 records scanned, 2 matched)\n");
    g_string_free(s, TRUE);
    query_result_free(r);
    /* control characters from the log cannot reach a terminal raw */
    const char *evil[] = { "{\"event\":{\"tls\":{\"sni\":\"a\\u001b[2Jb\\nc\"}}}", NULL };
    QueryResult *r2 = run_lines("fields event.tls.sni", evil);
    GString *t = g_string_new(NULL);
    query_result_render(r2, QUERY_FORMAT_TABLE, t);
    g_assert_nonnull(strstr(t->str, "a\\x1b[2Jb\\x0ac"));
    g_string_free(t, TRUE);
    query_result_free(r2);
}

/* ---- the reader's helpers ---- */

static void
test_fields_used(void)
{
    GError *error = NULL;
    Query *q = query_parse("filter event.alert.signature = \"matching TLS denylisted FQDNs\" "
                           "| stats count(*) as n by event.tls.sni | sort n desc | limit 10",
                           "query", &error);
    g_assert_no_error(error);
    const char *const *used = query_fields_used(q);
    g_assert_cmpstr(used[0], ==, "event.alert.signature");
    g_assert_cmpstr(used[1], ==, "event.tls.sni");
    g_assert_null(used[2]);
    const char *yes = "{\"event\":{\"alert\":{\"signature\":\"matching TLS denylisted FQDNs\"}}}";
    g_assert_true(query_raw_may_match(q, yes, strlen(yes)));
    g_assert_false(query_raw_may_match(q, recs[0], strlen(recs[0])));
    query_free(q);
    /* aliases are not record fields; @timestamp is used by bin() */
    q = query_parse("fields event.src_ip as ip | stats count(*) by ip, bin(1h)", "query", &error);
    g_assert_no_error(error);
    used = query_fields_used(q);
    g_assert_cmpstr(used[0], ==, "event.src_ip");
    g_assert_cmpstr(used[1], ==, "@timestamp");
    g_assert_null(used[2]);
    /* no prefilter after a renaming fields, nor for numeric literals */
    g_assert_true(query_raw_may_match(q, "{}", 2));
    query_free(q);
    q = query_parse("filter event.dest_port = \"443\"", "query", &error);
    g_assert_true(query_raw_may_match(q, "{}", 2));
    query_free(q);
}

static void
test_timestamps(void)
{
    gint64 ms;
    g_assert_true(query_time_parse("2025-02-24T14:30:57.933410+0000", &ms));
    g_assert_cmpint(ms, ==, 1740407457933);
    g_assert_true(query_time_parse("2025-02-24T16:30:57+02:00", &ms));
    g_assert_cmpint(ms, ==, 1740407457000);
    g_assert_true(query_time_parse("2025-02-24T14:30:57Z", &ms));
    g_assert_cmpint(ms, ==, 1740407457000);
    g_assert_true(query_time_parse("2025-02-24", &ms));
    g_assert_cmpint(ms, ==, 1740355200000);
    g_assert_false(query_time_parse("2025-02-24T25:00:00Z", &ms));
    g_assert_false(query_time_parse("yesterday", &ms));
    /* TLS logs: event_timestamp is a number */
    cJSON *tls = cJSON_Parse("{\"event_timestamp\":1719943304,\"event\":{\"sni\":\"x\"}}");
    g_assert_true(query_record_timestamp_ms(tls, &ms));
    g_assert_cmpint(ms, ==, 1719943304000);
    cJSON_Delete(tls);
    cJSON *none = cJSON_Parse("{\"event\":{}}");
    g_assert_false(query_record_timestamp_ms(none, &ms));
    cJSON_Delete(none);
}

/* ---- bad queries ---- */

static void
check_error(const char *query, const char *expected)
{
    g_autofree char *msg = parse_error(query);
    g_assert_cmpstr(msg, ==, expected);
}

static void
test_errors(void)
{
    check_error(
        "filter event.alert.action = \"blocked\" | stats count(*) by event.tls.sni | sort x desc | limit 10)",
        "query:1:97: error: expected '|' or the end of the query, found ')'\n"
        "filter event.alert.action = \"blocked\" | stats count(*) by event.tls.sni | sort x desc | limit 10)\n"
        "                                                                                                ^");
    check_error("fields concat(a, b", "query:1:19: error: expected ')' or ',', found end of query\n"
                                      "fields concat(a, b\n                  ^");
    check_error("fields a\n| bogus x",
                "query:2:3: error: unknown command 'bogus' (expected fields, "
                "filter, stats, sort, limit, display, parse or dedup)\n| bogus x\n  ^");
    check_error("filter a = \"open", "query:1:12: error: unterminated string: missing closing \"\n"
                                     "filter a = \"open\n           ^");
    check_error("filter a like /(x/",
                "query:1:15: error: bad regex /(x/: missing closing parenthesis "
                "at offset 2\nfilter a like /(x/\n              ^");
    check_error("filter a like /x", "query:1:15: error: unterminated regex: missing closing /\n"
                                    "filter a like /x\n              ^");
    check_error("pattern @message",
                "query:1:1: error: command 'pattern' is not supported by nfw-advisor query\n"
                "pattern @message\n^");
    check_error("fields jsonParse(@message)",
                "query:1:8: error: function 'jsonParse' is not supported by "
                "nfw-advisor query\nfields jsonParse(@message)\n       ^");
    check_error("fields nosuch(a)",
                "query:1:8: error: unknown function 'nosuch'\nfields nosuch(a)\n       ^");
    check_error("fields substr(a)",
                "query:1:8: error: function 'substr' takes 2 to 3 arguments, got 1\n"
                "fields substr(a)\n       ^");
    check_error("stats count(*) by",
                "query:1:18: error: expected an expression, found end of query\n"
                "stats count(*) by\n                 ^");
    check_error("stats a",
                "query:1:7: error: field 'a' in stats must be inside an aggregate function such "
                "as count() or latest(), or after 'by'\nstats a\n      ^");
    check_error("stats sum(count(*))",
                "query:1:11: error: aggregate function 'count' inside another "
                "aggregate\nstats sum(count(*))\n          ^");
    check_error("limit 0",
                "query:1:7: error: expected a whole number of rows, 1 or more, found '0'\n"
                "limit 0\n      ^");
    check_error("", "query:1:1: error: empty query: expected a command\n\n^");
    check_error("# only a comment", "query:1:17: error: empty query: expected a command\n"
                                    "# only a comment\n                ^");
    check_error("fields a |",
                "query:1:11: error: expected a command after '|'\nfields a |\n          ^");
    check_error("stats count(*) by bin(5x)",
                "query:1:24: error: unknown time unit (expected ms, s, m, h, "
                "d, w, mo, q or y)\nstats count(*) by bin(5x)\n                       ^");
    check_error("stats count(*) by bin(a)",
                "query:1:23: error: bin() takes a time period here, such as 5m or "
                "1h\nstats count(*) by bin(a)\n                      ^");
    check_error("parse @message \"a*b*\" as x",
                "query:1:16: error: parse pattern has 2 '*' but 1 names "
                "follow 'as'\nparse @message \"a*b*\" as x\n               ^");
    check_error("parse @message /(\\d+)/",
                "query:1:16: error: parse regex needs named groups such as "
                "(?<name>...) to create fields\nparse @message /(\\d+)/\n               ^");
    check_error("filter a == 1",
                "query:1:10: error: '==' is not an operator: use '='\nfilter a == 1\n         ^");
    check_error("filter a not b",
                "query:1:10: error: expected 'like' or 'in' after 'not', found 'not'\n"
                "filter a not b\n         ^");
    check_error("fields pct(a, 101)", "query:1:15: error: pct() takes a percentile from 0 to 100\n"
                                      "fields pct(a, 101)\n              ^");
    check_error("fields `a",
                "query:1:8: error: unterminated `backquoted` name\nfields `a\n       ^");
    /* the column counts characters, not bytes */
    check_error("filter a = \"é\" )",
                "query:1:16: error: expected '|' or the end of the query, found ')'\n"
                "filter a = \"é\" )\n               ^");
}

static void
test_catastrophic_regex(void)
{
    /* (a+)+$ against 'aaaa...b' backtracks exponentially: the match limit
   * stops it, it counts as no match and is reported. */
    GString *rec = g_string_new("{\"event\":{\"tls\":{\"sni\":\"");
    for (int i = 0; i < 5000; i++)
        g_string_append_c(rec, 'a');
    g_string_append(rec, "b\"}}}");
    const char *lines[] = { rec->str, rec->str, NULL };
    gint64 start = g_get_monotonic_time();
    QueryResult *r = run_lines("filter event.tls.sni like /(a+)+$/ | stats count(*) as n", lines);
    gint64 elapsed = g_get_monotonic_time() - start;
    assert_result(r, "n\n0\n");
    g_assert_cmpuint(query_result_regex_limit_hits(r), ==, 2);
    g_autofree char *notes = query_result_notes(r);
    g_assert_nonnull(strstr(notes, "2 regex match(es) hit the PCRE2 match/depth limit"));
    g_assert_cmpint(elapsed, <, 5 * G_USEC_PER_SEC);
    query_result_free(r);
    /* also in parse */
    r = run_lines(
        "parse event.tls.sni /^(?<x>(a|aa)+)$/ | filter ispresent(x) | stats count(*) as n", lines);
    assert_result(r, "n\n0\n");
    query_result_free(r);
    g_string_free(rec, TRUE);
}

static void
test_early_stop(void)
{
    GError *error = NULL;
    Query *q = query_parse("fields event.flow_id | limit 1", "query", &error);
    cJSON *json = cJSON_Parse(recs[0]);
    /* the first row fills `limit 1`: stop reading */
    g_assert_false(query_feed(q, json, recs[0], 0));
    g_assert_false(query_feed(q, json, recs[0], 0)); /* ignored */
    cJSON_Delete(json);
    QueryResult *r = query_finish(q);
    g_assert_cmpuint(query_result_n_rows(r), ==, 1);
    query_result_free(r);
    query_free(q);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_set_nonfatal_assertions();
    g_test_add_func("/query/command/fields", test_fields);
    g_test_add_func("/query/command/filter", test_filter);
    g_test_add_func("/query/command/stats", test_stats);
    g_test_add_func("/query/command/sort-limit", test_sort_limit);
    g_test_add_func("/query/command/default-limit", test_default_limit);
    g_test_add_func("/query/command/display-dedup", test_display_dedup);
    g_test_add_func("/query/command/parse", test_parse);
    g_test_add_func("/query/aggregates", test_aggregates);
    g_test_add_func("/query/fields/paths", test_paths);
    g_test_add_func("/query/fields/missing-vs-empty", test_missing_vs_empty);
    g_test_add_func("/query/operator/comparison", test_comparisons);
    g_test_add_func("/query/operator/like-in", test_like_in);
    g_test_add_func("/query/operator/boolean", test_boolean);
    g_test_add_func("/query/operator/arithmetic", test_arithmetic);
    g_test_add_func("/query/function/string", test_string_functions);
    g_test_add_func("/query/function/general", test_general_functions);
    g_test_add_func("/query/function/number", test_number_functions);
    g_test_add_func("/query/function/time", test_time_functions);
    g_test_add_func("/query/function/ip", test_ip_functions);
    g_test_add_func("/query/output/renderers", test_renderers);
    g_test_add_func("/query/reader/fields-used", test_fields_used);
    g_test_add_func("/query/reader/timestamps", test_timestamps);
    g_test_add_func("/query/reader/early-stop", test_early_stop);
    g_test_add_func("/query/error/messages", test_errors);
    g_test_add_func("/query/error/catastrophic-regex", test_catastrophic_regex);
    return g_test_run();
}
