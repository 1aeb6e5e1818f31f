/*
 * fuzz_query.c - fuzz target: the Logs Insights query parser and
 * evaluator (src/query).
 *
 * Input: the query text, optionally followed by a NUL byte and extra JSON
 * records, one per line.  The query is parsed; when it parses, it runs over
 * a fixed small set of NFW records (alert, netflow, TLS log, a hostile
 * one) plus the extra records, and the result is rendered in every format.
 * Parse errors are expected; crashes, leaks, sanitizer reports and hangs
 * (regexes run under PCRE2 limits) are bugs.
 */
#include <string.h>
#include <glib.h>

#include "query/query.h"
#include "fuzz.h"

static const char *const fixed_records[] = {
    "{\"firewall_name\":\"egress-fw\",\"availability_zone\":\"us-east-1a\",\"event_timestamp\":"
    "\"1740391411\",\"event\":{\"src_ip\":\"10.0.2.7\",\"src_port\":0,\"event_type\":\"alert\","
    "\"alert\":{\"severity\":3,\"signature_id\":5,\"rev\":2,\"signature\":\"aws:alert_strict "
    "action\",\"action\":\"blocked\",\"category\":\"\",\"metadata\":{\"tag\":[\"a\",\"b\"]}},"
    "\"flow_id\":100000001140337,\"dest_ip\":\"8.8.8.8\",\"proto\":\"ICMP\",\"verdict\":"
    "{\"action\":\"drop\"},\"dest_port\":0,\"timestamp\":\"2025-02-24T10:03:31.539546+0000\","
    "\"tls\":{\"sni\":\"example.com\"}}}",
    "{\"firewall_name\":\"egress-fw\",\"availability_zone\":\"us-east-1a\",\"event_timestamp\":"
    "\"1740392427\",\"event\":{\"app_proto\":\"tls\",\"src_ip\":\"10.0.1.21\",\"src_port\":45001,"
    "\"netflow\":{\"pkts\":2,\"bytes\":1300,\"start\":\"2025-02-24T10:19:27.869709+0000\","
    "\"end\":\"2025-02-24T10:19:29.869709+0000\",\"age\":2},\"event_type\":\"netflow\","
    "\"flow_id\":100000000815658,\"dest_ip\":\"203.0.113.6\",\"proto\":\"TCP\",\"dest_port\":443,"
    "\"timestamp\":\"2025-02-24T10:20:27.869709+0000\"}}",
    "{\"firewall_name\":\"tls-fw\",\"event_timestamp\":1740392000,\"event\":{\"src_ip\":"
    "\"10.0.0.1\",\"sni\":\"bad.example\",\"tls_error\":{\"error_message\":\"x\"}}}",
    "{\"firewall_name\":\"\\u001b[31mred\\u0000\",\"event\":{\"event_type\":\"alert\",\"http\":"
    "{\"hostname\":\"a\\\"b,c\\nd|e\",\"url\":\"/\\u00ff?\"},\"src_port\":-1,\"dest_port\":1e308,"
    "\"alert\":{\"signature_id\":18446744073709551616,\"signature\":null}}}",
    "{\"event\":[1,2,{\"x\":[]}],\"n\":-0.0,\"s\":\"9999999999999999999999\"}",
};

static void
feed_text(Query *q, const char *text, gboolean *more)
{
    cJSON *json = cJSON_Parse(text);
    if (!json)
        return;
    gint64 ts;
    if (!query_record_timestamp_ms(json, &ts))
        ts = QUERY_NO_TIMESTAMP;
    if (*more)
        *more = query_feed(q, json, text, ts);
    cJSON_Delete(json);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* The query: the bytes up to the first NUL (query_parse takes a C string). */
    const char *nul = memchr(data, '\0', size);
    gsize qlen = nul ? (gsize)((const uint8_t *)nul - data) : size;
    char *text = g_strndup((const char *)data, qlen);
    GError *error = NULL;
    Query *q = query_parse(text, "query", &error);
    g_free(text);
    if (!q) {
        g_clear_error(&error);
        return 0;
    }
    query_set_default_limit(q, 50);
    (void)query_fields_used(q);

    gboolean more = TRUE;
    for (gsize i = 0; i < G_N_ELEMENTS(fixed_records); i++) {
        const char *raw = fixed_records[i];
        if (query_raw_may_match(q, raw, strlen(raw)))
            feed_text(q, raw, &more);
    }
    if (nul) {
        gsize rest = size - qlen - 1;
        char *extra = g_strndup(nul + 1, rest);
        char **lines = g_strsplit(extra, "\n", 64);
        for (int i = 0; lines[i]; i++)
            feed_text(q, lines[i], &more);
        g_strfreev(lines);
        g_free(extra);
    }
    QueryResult *r = query_finish(q);
    GString *out = g_string_new(NULL);
    query_result_render(r, QUERY_FORMAT_TABLE, out);
    query_result_render(r, QUERY_FORMAT_JSON, out);
    query_result_render(r, QUERY_FORMAT_CSV, out);
    char *notes = query_result_notes(r);
    for (guint row = 0; row < query_result_n_rows(r); row++)
        for (guint col = 0; col < query_result_n_columns(r); col++)
            g_free(query_result_cell(r, row, col));
    g_free(notes);
    g_string_free(out, TRUE);
    query_result_free(r);
    query_free(q);
    return 0;
}
