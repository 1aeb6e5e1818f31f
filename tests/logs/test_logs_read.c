/*
 * test_logs_read.c - src/logs as a specification: every input format gives
 * the same events, every record is counted (used, filtered, skipped with a
 * reason, or empty), and the fast scanner agrees with the cJSON slow path.
 */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "logs/log_parse.h"
#include "logs/log_source.h"
#include "logs/logs.h"

static char *
fixture(const char *name)
{
    const char *root = g_getenv("SOURCE_ROOT");
    return g_build_filename(root ? root : ".", "fixtures", "logs", name, NULL);
}

/* What a read produced: events as text lines, and the stats. */
typedef struct {
    GPtrArray *events; /* char* (one description per event) */
    GPtrArray *raws;   /* char* raw record text */
    LogStats stats;
    GPtrArray *errors; /* char* error messages */
} ReadResult;

static char *
str_or_dash(LogStr s)
{
    if (s.ptr == NULL)
        return g_strdup("-");
    GString *g = g_string_new(NULL);
    for (gsize i = 0; i < s.len; i++) {
        unsigned char c = (unsigned char)s.ptr[i];
        if (c < 0x20 || c >= 0x7f || c == '\\')
            g_string_append_printf(g, "\\x%02x", c);
        else
            g_string_append_c(g, (char)c);
    }
    return g_string_free(g, FALSE);
}

/* Every field of the event, in one comparable line.  `nul_cut`: strings
 * are cut at their first NUL (cJSON's view of "\u0000"). */
static char *
describe(const LogEvent *e, gboolean nul_cut)
{
    LogStr f[] = { e->firewall_name,   e->availability_zone,
                   e->event_type,      e->src_ip,
                   e->dest_ip,         e->proto,
                   e->app_proto,       e->direction,
                   e->alert.signature, e->alert.action_text,
                   e->alert.category,  e->verdict_action,
                   e->tls_sni,         e->http_hostname,
                   e->http_url,        e->http_user_agent,
                   e->dns_rrname,      e->netflow.start,
                   e->netflow.end };
    GString *g = g_string_new(NULL);
    g_string_append_printf(g,
                           "type=%d ets=%d:%" G_GINT64_FORMAT " ts=%d:%" G_GINT64_FORMAT
                           " ports=%d,%d flow=%d:%" G_GUINT64_FORMAT " alert=%d:%" G_GUINT64_FORMAT
                           ":%u:%d:%d nf=%d:%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT " raw_eve=%d",
                           e->type, e->has_event_timestamp, e->event_timestamp, e->has_timestamp,
                           e->timestamp_us, e->src_port, e->dest_port, e->has_flow_id, e->flow_id,
                           e->alert.present, e->alert.signature_id, e->alert.rev, e->alert.action,
                           e->alert.severity, e->netflow.present, e->netflow.pkts, e->netflow.bytes,
                           e->raw_eve);
    for (gsize i = 0; i < G_N_ELEMENTS(f); i++) {
        LogStr s = f[i];
        if (nul_cut && s.ptr) {
            const char *z = memchr(s.ptr, 0, s.len);
            if (z)
                s.len = (gsize)(z - s.ptr);
        }
        g_autofree char *t = str_or_dash(s);
        g_string_append_printf(g, "|%s", t);
    }
    return g_string_free(g, FALSE);
}

static void
result_free(ReadResult *r)
{
    g_ptr_array_unref(r->events);
    g_ptr_array_unref(r->raws);
    g_ptr_array_unref(r->errors);
    log_stats_clear(&r->stats);
}

static void
read_reader(LogReader *reader, gboolean nul_cut, ReadResult *out)
{
    out->events = g_ptr_array_new_with_free_func(g_free);
    out->raws = g_ptr_array_new_with_free_func(g_free);
    out->errors = g_ptr_array_new_with_free_func(g_free);
    LogEvent ev;
    for (;;) {
        GError *err = NULL;
        if (!log_reader_next(reader, &ev, &err)) {
            if (err == NULL)
                break;
            g_ptr_array_add(out->errors, g_strdup(err->message));
            g_error_free(err);
            continue;
        }
        g_ptr_array_add(out->events, describe(&ev, nul_cut));
        g_ptr_array_add(out->raws, g_strndup(ev.raw.ptr, ev.raw.len));
    }
    log_stats_init(&out->stats);
    log_stats_merge(&out->stats, log_reader_get_stats(reader));
}

static void
read_path(const char *path, ReadResult *out)
{
    GError *err = NULL;
    LogReader *r = log_reader_open(path, &err);
    g_assert_no_error(err);
    read_reader(r, FALSE, out);
    log_reader_free(r);
}

static void
read_fixture(const char *name, ReadResult *out)
{
    g_autofree char *p = fixture(name);
    read_path(p, out);
}

/* Invariant of every read: nothing lost. */
static void
assert_accounted(const LogStats *s)
{
    g_assert_cmpuint(s->records, ==, s->used + s->filtered + log_stats_skipped_total(s));
    g_assert_cmpuint(s->used, ==, s->alerts + s->netflows + s->tls_logs + s->others);
}

/* The 11 records of envelope.jsonl, described once, as the reference for
 * the other formats that carry the same records. */
static GPtrArray *
reference_events(void)
{
    ReadResult r;
    read_fixture("envelope.jsonl", &r);
    GPtrArray *ev = g_ptr_array_ref(r.events);
    result_free(&r);
    return ev;
}

static void
assert_prefix_of_reference(const ReadResult *r, guint first, guint n)
{
    g_autoptr(GPtrArray) ref = reference_events();
    g_assert_cmpuint(r->events->len, ==, n);
    for (guint i = 0; i < n; i++)
        g_assert_cmpstr(r->events->pdata[i], ==, ref->pdata[first + i]);
}

/* ---- fields ------------------------------------------------------------- */

static void
test_envelope_fields(void)
{
    g_autofree char *p = fixture("envelope.jsonl");
    g_autoptr(LogReader) r = log_reader_open(p, NULL);
    LogEvent ev;
    g_assert_true(log_reader_next(r, &ev, NULL));
    g_assert_cmpint(ev.type, ==, LOG_EVENT_ALERT);
    g_assert_true(log_str_equal(ev.firewall_name, "egress-fw"));
    g_assert_true(log_str_equal(ev.availability_zone, "us-east-1a"));
    g_assert_cmpint(ev.event_timestamp, ==, 1700000000);
    g_assert_cmpint(ev.timestamp_us, ==, G_GINT64_CONSTANT(1700000000123456));
    g_assert_cmpuint(ev.flow_id, ==, 111111111111111u);
    g_assert_true(log_str_equal(ev.src_ip, "10.0.1.10"));
    g_assert_cmpint(ev.src_port, ==, 50000);
    g_assert_cmpint(ev.dest_port, ==, 80);
    g_assert_true(log_str_equal(ev.proto, "TCP"));
    g_assert_true(log_str_equal(ev.app_proto, "http"));
    g_assert_cmpuint(ev.alert.signature_id, ==, 1000001);
    g_assert_cmpuint(ev.alert.rev, ==, 2);
    g_assert_true(log_str_equal(ev.alert.signature, "Block plain HTTP"));
    g_assert_cmpint(ev.alert.action, ==, LOG_ACTION_BLOCKED);
    g_assert_cmpint(ev.alert.severity, ==, 3);
    g_assert_true(log_str_equal(ev.http_hostname, "example.org"));
    g_assert_true(log_str_equal(ev.http_url, "/index.html"));
    g_assert_true(log_str_equal(ev.http_user_agent, "curl/8.0"));
    g_assert_null(ev.verdict_action.ptr); /* older logs: no verdict */
    g_assert_false(ev.raw_eve);
    g_assert_cmpuint(ev.line, ==, 1);
    g_assert_cmpuint(ev.offset, ==, 0);
    g_assert_true(ev.raw.len > 100 && ev.raw.ptr[0] == '{' && ev.raw.ptr[ev.raw.len - 1] == '}');

    g_assert_true(log_reader_next(r, &ev, NULL)); /* netflow */
    g_assert_cmpint(ev.type, ==, LOG_EVENT_NETFLOW);
    g_assert_true(ev.netflow.present);
    g_assert_cmpuint(ev.netflow.pkts, ==, 5);
    g_assert_cmpuint(ev.netflow.bytes, ==, 420);
    gint64 start_us, end_us;
    g_assert_true(log_time_parse(ev.netflow.start.ptr, ev.netflow.start.len, &start_us));
    g_assert_true(log_time_parse(ev.netflow.end.ptr, ev.netflow.end.len, &end_us));
    g_assert_cmpint(end_us - start_us, ==, 1500000);

    g_assert_true(log_reader_next(r, &ev, NULL)); /* default-action drop, Suricata 7 */
    g_assert_true(log_str_equal(ev.alert.signature, "aws:alert_established action"));
    g_assert_true(log_str_equal(ev.verdict_action, "drop"));
    g_assert_true(log_str_equal(ev.tls_sni, "updates.example.com"));
    g_assert_true(log_str_equal(ev.direction, "to_server"));
    g_assert_cmpint(ev.timestamp_us, ==, G_GINT64_CONSTANT(1740407457933410));

    g_assert_true(log_reader_next(r, &ev, NULL)); /* dns.query[] */
    g_assert_true(log_str_equal(ev.dns_rrname, "tracker.example.net"));
    g_assert_true(log_reader_next(r, &ev, NULL)); /* dns.queries[] (EVE v3), "Z" time */
    g_assert_true(log_str_equal(ev.dns_rrname, "bad.example.com"));
    g_assert_cmpint(ev.timestamp_us, ==, G_GINT64_CONSTANT(1740407425) * 1000000);
    g_assert_true(log_reader_next(r, &ev, NULL)); /* ICMP netflow: no ports */
    g_assert_cmpint(ev.src_port, ==, -1);
    g_assert_cmpint(ev.dest_port, ==, -1);
    g_assert_true(log_reader_next(r, &ev, NULL)); /* old allowed default action */
    g_assert_cmpint(ev.alert.action, ==, LOG_ACTION_ALLOWED);
    g_assert_true(log_reader_next(r, &ev, NULL)); /* domain list */
    g_assert_cmpuint(ev.alert.rev, ==, 1);
    g_assert_cmpint(ev.alert.severity, ==, 1);

    g_assert_true(log_reader_next(r, &ev, NULL)); /* strings for numbers, numeric ets */
    g_assert_true(log_str_equal(ev.firewall_name, "quirk-fw"));
    g_assert_cmpint(ev.event_timestamp, ==, 1740787201);
    g_assert_cmpint(ev.src_port, ==, 1234);
    g_assert_cmpint(ev.dest_port, ==, 8443);
    g_assert_cmpuint(ev.alert.signature_id, ==, 42);
    g_assert_cmpuint(ev.alert.rev, ==, 3);
    g_assert_cmpint(ev.alert.severity, ==, 2);
    g_assert_cmpint(ev.timestamp_us, ==, G_GINT64_CONSTANT(1740787201500000));

    g_assert_true(log_reader_next(r, &ev, NULL)); /* duplicate keys: last wins */
    g_assert_true(log_str_equal(ev.firewall_name, "dup-fw"));
    g_assert_true(log_str_equal(ev.src_ip, "10.0.0.2"));
    g_assert_cmpuint(ev.alert.signature_id, ==, 7);
    g_assert_true(log_str_equal(ev.alert.signature, "new"));
    g_assert_true(log_str_equal(ev.tls_sni, "b.example"));

    g_assert_true(log_reader_next(r, &ev, NULL)); /* escapes decoded */
    g_assert_true(
        log_str_equal(ev.alert.signature, "quote \" slash / tab \t \xc3\xa9\xf0\x9f\x98\x80 end"));
    g_assert_true(log_str_equal(ev.http_hostname, "hAst.example"));
    g_assert_true(log_str_equal(ev.http_url, "/a\\b"));
    g_assert_true(log_str_equal(ev.http_user_agent, "UA \"x\""));
    g_assert_false(log_reader_next(r, &ev, NULL));
    const LogStats *s = log_reader_get_stats(r);
    g_assert_cmpuint(s->used, ==, 11);
    g_assert_cmpuint(s->alerts, ==, 9);
    g_assert_cmpuint(s->netflows, ==, 2);
    g_assert_cmpuint(s->slow_path, ==, 0);
    g_assert_cmpuint(s->lines, ==, 11);
    assert_accounted(s);
}

/* ---- formats ------------------------------------------------------------ */

static void
test_same_records(gconstpointer data)
{
    /* "file first n": each format holds records first..first+n-1 of
   * envelope.jsonl. */
    const char *spec = data;
    g_auto(GStrv) parts = g_strsplit(spec, " ", 3);
    ReadResult r;
    read_fixture(parts[0], &r);
    assert_prefix_of_reference(&r, (guint)atoi(parts[1]), (guint)atoi(parts[2]));
    g_assert_cmpuint(log_stats_skipped_total(&r.stats), ==, 0);
    g_assert_cmpuint(r.errors->len, ==, 0);
    assert_accounted(&r.stats);
    result_free(&r);
}

static void
test_gzip_counts_bytes(void)
{
    ReadResult r;
    read_fixture("envelope.jsonl.gz", &r);
    g_autofree char *plain = fixture("envelope.jsonl");
    struct stat sb;
    g_assert_cmpint(g_stat(plain, (GStatBuf *)&sb), ==, 0);
    g_assert_cmpuint(r.stats.bytes_decoded, ==, (guint64)sb.st_size);
    g_assert_cmpuint(r.stats.bytes_in, <, r.stats.bytes_decoded);
    result_free(&r);
}

static void
test_truncated_gzip(void)
{
    ReadResult r;
    read_fixture("truncated.jsonl.gz", &r);
    g_assert_cmpuint(r.stats.skipped[LOG_SKIP_TRUNCATED_GZIP], ==, 1);
    g_assert_cmpuint(r.stats.skipped[LOG_SKIP_BAD_JSON], ==, 0); /* partial line is the gzip skip */
    g_assert_cmpuint(r.stats.used, >, 0);
    g_assert_cmpuint(r.stats.used, <, 11);
    g_assert_true(strstr(r.stats.samples[LOG_SKIP_TRUNCATED_GZIP]->pdata[0], "truncated.jsonl.gz"));
    assert_prefix_of_reference(&r, 0, r.events->len);
    assert_accounted(&r.stats);
    result_free(&r);
}

static void
test_corrupt_gzip(void)
{
    ReadResult r;
    read_fixture("corrupt.jsonl.gz", &r);
    g_assert_cmpuint(r.stats.skipped[LOG_SKIP_CORRUPT_GZIP], ==, 1);
    g_assert_cmpuint(r.errors->len, ==, 0);
    assert_accounted(&r.stats);
    result_free(&r);
}

/* Reads `path` with the given inflater: every event as a line, and the
 * stats and samples as text. */
static void
read_with_inflater(const char *path, const char *inflater, GString *events, GString *stats)
{
    g_setenv("NFW_ADVISOR_INFLATE", inflater, TRUE);
    ReadResult r;
    read_path(path, &r);
    for (guint i = 0; i < r.events->len; i++)
        g_string_append_printf(events, "%s\n", (char *)r.events->pdata[i]);
    g_string_append_printf(
        stats, "records=%" G_GUINT64_FORMAT " in=%" G_GUINT64_FORMAT " out=%" G_GUINT64_FORMAT "\n",
        r.stats.records, r.stats.bytes_in, r.stats.bytes_decoded);
    for (int k = 0; k < LOG_SKIP_N; k++) {
        g_string_append_printf(stats, "%s=%" G_GUINT64_FORMAT, log_skip_reason_name(k),
                               r.stats.skipped[k]);
        for (guint j = 0; j < r.stats.samples[k]->len; j++)
            g_string_append_printf(stats, " %s", (char *)r.stats.samples[k]->pdata[j]);
        g_string_append_c(stats, '\n');
    }
    result_free(&r);
}

/* ISA-L and zlib give the same records, skips, samples and byte counts for
 * every prefix of two gzip fixtures (multi-member, zero padding): truncated
 * inputs are handled alike.  For a corrupt byte (every 7th position of
 * one fixture) they may notice at different places, so there: both see a
 * bad end or neither, and the events of one are a prefix of the other's. */
static void
test_gzip_inflaters_agree(void)
{
    g_autofree char *saved = g_strdup(g_getenv("NFW_ADVISOR_INFLATE"));
    g_setenv("NFW_ADVISOR_INFLATE", "isa-l", TRUE);
    if (strcmp(log_source_inflater(), "isa-l") != 0) {
        g_test_skip("built without ISA-L");
        return;
    }
    const char *names[] = { "concat-members.jsonl.gz", "padded.jsonl.gz" };
    g_autofree char *dir = g_dir_make_tmp("gzcut-XXXXXX", NULL);
    g_autofree char *cut = g_build_filename(dir, "cut.gz", NULL);
    guint compared = 0;
    for (gsize i = 0; i < G_N_ELEMENTS(names); i++) {
        g_autofree char *p = fixture(names[i]);
        g_autofree char *data = NULL;
        gsize len;
        g_assert_true(g_file_get_contents(p, &data, &len, NULL));
        for (gsize n = 2; n <= len; n++) {
            for (int flip = 0; flip < 2; flip++) {
                if (flip && (i != 0 || n % 7 != 0))
                    continue;
                g_autofree char *copy = g_memdup2(data, len);
                if (flip)
                    copy[n - 1] ^= 0x55;
                FILE *f = fopen(cut, "wb"); /* g_file_set_contents syncs: too slow here */
                g_assert_nonnull(f);
                g_assert_cmpuint(fwrite(copy, 1, flip ? len : n, f), ==, flip ? len : n);
                fclose(f);
                g_autoptr(GString) ea = g_string_new(NULL), sa = g_string_new(NULL);
                g_autoptr(GString) eb = g_string_new(NULL), sb = g_string_new(NULL);
                read_with_inflater(cut, "isa-l", ea, sa);
                read_with_inflater(cut, "zlib", eb, sb);
                g_test_message("%s, %s at %zu", names[i], flip ? "flipped" : "cut", n);
                if (!flip) {
                    g_assert_cmpstr(ea->str, ==, eb->str);
                    g_assert_cmpstr(sa->str, ==, sb->str);
                } else {
                    gboolean bad_a = strstr(sa->str, "corrupt-gzip=0") == NULL ||
                                     strstr(sa->str, "truncated-gzip=0") == NULL;
                    gboolean bad_b = strstr(sb->str, "corrupt-gzip=0") == NULL ||
                                     strstr(sb->str, "truncated-gzip=0") == NULL;
                    g_assert_cmpint(bad_a, ==, bad_b);
                    GString *shorter = ea->len < eb->len ? ea : eb;
                    GString *longer = shorter == ea ? eb : ea;
                    g_assert_true(strncmp(shorter->str, longer->str, shorter->len) == 0);
                    if (!bad_a)
                        g_assert_cmpstr(ea->str, ==, eb->str);
                }
                compared++;
            }
        }
    }
    g_test_message("%u inputs compared", compared);
    g_assert_cmpuint(compared, >, 3000);
    g_unlink(cut);
    g_rmdir(dir);
    if (saved)
        g_setenv("NFW_ADVISOR_INFLATE", saved, TRUE);
    else
        g_unsetenv("NFW_ADVISOR_INFLATE");
}

/* Decode-ahead (a thread inflating gzip ahead of the parse) changes
 * nothing: the same events, raw texts, stats and samples for every gzip
 * fixture, the truncated and corrupt ones included, and plain files. */
static void
test_decode_ahead_same(void)
{
    const char *names[] = { "envelope.jsonl.gz",
                            "concat-members.jsonl.gz",
                            "truncated.jsonl.gz",
                            "corrupt.jsonl.gz",
                            "padded.jsonl.gz",
                            "envelope.jsonl",
                            "s3" };
    for (gsize i = 0; i < G_N_ELEMENTS(names); i++) {
        g_autofree char *p = fixture(names[i]);
        ReadResult res[2];
        for (int ahead = 0; ahead < 2; ahead++) {
            LogReader *r = log_reader_open(p, NULL);
            log_reader_set_decode_ahead(r, ahead);
            read_reader(r, FALSE, &res[ahead]);
            log_reader_free(r);
        }
        g_test_message("%s", names[i]);
        g_assert_cmpuint(res[0].events->len, ==, res[1].events->len);
        for (guint j = 0; j < res[0].events->len; j++) {
            g_assert_cmpstr(res[0].events->pdata[j], ==, res[1].events->pdata[j]);
            g_assert_cmpstr(res[0].raws->pdata[j], ==, res[1].raws->pdata[j]);
        }
        g_assert_cmpuint(res[0].stats.bytes_in, ==, res[1].stats.bytes_in);
        g_assert_cmpuint(res[0].stats.bytes_decoded, ==, res[1].stats.bytes_decoded);
        g_assert_cmpuint(res[0].stats.records, ==, res[1].stats.records);
        for (int k = 0; k < LOG_SKIP_N; k++) {
            g_assert_cmpuint(res[0].stats.skipped[k], ==, res[1].stats.skipped[k]);
            g_assert_cmpuint(res[0].stats.samples[k]->len, ==, res[1].stats.samples[k]->len);
            for (guint j = 0; j < res[0].stats.samples[k]->len; j++)
                g_assert_cmpstr(res[0].stats.samples[k]->pdata[j], ==,
                                res[1].stats.samples[k]->pdata[j]);
        }
        result_free(&res[0]);
        result_free(&res[1]);
    }
}

static void
test_filter_log_events(void)
{
    ReadResult r;
    read_fixture("filter-log-events.json", &r);
    /* two pages in one file: records 0-2, then 3-4 */
    assert_prefix_of_reference(&r, 0, 5);
    /* the raw text is the decoded message: the envelope line itself */
    g_assert_true(g_str_has_prefix(r.raws->pdata[0], "{\"firewall_name\":\"egress-fw\""));
    result_free(&r);
    read_fixture("get-log-events.json", &r);
    assert_prefix_of_reference(&r, 5, 3);
    result_free(&r);
}

static void
test_opensearch_sample(void)
{
    ReadResult r;
    read_fixture("opensearch-sample.json", &r);
    g_assert_cmpuint(r.stats.used, ==, 13);
    g_assert_cmpuint(r.stats.alerts, ==, 5);
    g_assert_cmpuint(r.stats.netflows, ==, 8);
    g_assert_cmpuint(log_stats_skipped_total(&r.stats), ==, 0);
    g_assert_true(strstr(r.events->pdata[1], "|aws:alert_established action|blocked|"));
    result_free(&r);
}

static void
test_raw_eve(void)
{
    ReadResult r;
    read_fixture("eve.json", &r);
    g_assert_cmpuint(r.stats.used, ==, 3);
    g_assert_cmpuint(r.stats.skipped[LOG_SKIP_UNKNOWN_EVENT_TYPE], ==, 3);
    g_assert_true(strstr(r.events->pdata[0], "raw_eve=1|-|-|alert|10.0.1.10|"));
    result_free(&r);

    g_autofree char *p = fixture("eve.json");
    g_autoptr(LogReader) rd = log_reader_open(p, NULL);
    log_reader_set_keep_other(rd, TRUE);
    read_reader(rd, FALSE, &r);
    g_assert_cmpuint(r.stats.used, ==, 6);
    g_assert_cmpuint(r.stats.others, ==, 3);
    g_assert_true(strstr(r.events->pdata[3], "|x.example")); /* dns.rrname (EVE v2 dns) */
    result_free(&r);
}

static void
test_tls_log(void)
{
    ReadResult r;
    read_fixture("tls-log.jsonl", &r);
    g_assert_cmpuint(r.stats.used, ==, 2);
    g_assert_cmpuint(r.stats.tls_logs, ==, 2);
    g_assert_cmpuint(log_stats_skipped_total(&r.stats), ==, 0);
    g_assert_true(g_str_has_prefix(
        r.events->pdata[0], "type=3 ets=1:1719943304 ts=1:1719943304412778 ports=59844,443"));
    result_free(&r);
}

static void
test_s3_tree(void)
{
    ReadResult r;
    read_fixture("s3", &r);
    g_assert_cmpuint(r.stats.files, ==, 3);
    g_assert_cmpuint(r.stats.files_ignored, ==, 1); /* .DS_Store */
    g_assert_cmpuint(r.stats.used, ==, 5);
    /* sorted walk: alert/…/14, alert/…/15, flow/…/14 */
    g_autoptr(GPtrArray) ref = reference_events();
    g_assert_cmpstr(r.events->pdata[0], ==, ref->pdata[0]);
    g_assert_cmpstr(r.events->pdata[1], ==, ref->pdata[2]);
    g_assert_cmpstr(r.events->pdata[2], ==, ref->pdata[3]);
    g_assert_cmpstr(r.events->pdata[3], ==, ref->pdata[1]);
    g_assert_cmpstr(r.events->pdata[4], ==, ref->pdata[5]);
    result_free(&r);
}

static void
test_stdin(void)
{
    g_autofree char *p = fixture("envelope.jsonl.gz");
    int saved = dup(0);
    FILE *f = fopen(p, "rb");
    g_assert_nonnull(f);
    dup2(fileno(f), 0);
    ReadResult r;
    read_path("-", &r);
    dup2(saved, 0);
    close(saved);
    fclose(f);
    g_assert_cmpuint(r.stats.used, ==, 11);
    assert_prefix_of_reference(&r, 0, 11);
    result_free(&r);
}

/* ---- skips -------------------------------------------------------------- */

static void
test_skip_reasons(void)
{
    ReadResult r;
    read_fixture("broken.jsonl", &r);
    const LogStats *s = &r.stats;
    g_assert_cmpuint(s->used, ==, 2);
    g_assert_cmpuint(s->empty, ==, 2);
    g_assert_cmpuint(s->lines, ==, 15);
    g_assert_cmpuint(s->skipped[LOG_SKIP_BAD_JSON], ==, 3);
    g_assert_cmpuint(s->skipped[LOG_SKIP_NOT_NFW_RECORD], ==, 3);
    g_assert_cmpuint(s->skipped[LOG_SKIP_UNKNOWN_EVENT_TYPE], ==, 1);
    g_assert_cmpuint(s->skipped[LOG_SKIP_BAD_FIELD], ==, 4);
    g_assert_cmpuint(s->samples[LOG_SKIP_BAD_JSON]->len, ==, 3);
    g_assert_true(g_str_has_suffix(s->samples[LOG_SKIP_BAD_JSON]->pdata[0], "broken.jsonl:3"));
    g_assert_true(g_str_has_suffix(s->samples[LOG_SKIP_BAD_JSON]->pdata[1], "broken.jsonl:5"));
    g_assert_true(g_str_has_suffix(s->samples[LOG_SKIP_BAD_JSON]->pdata[2], "broken.jsonl:13"));
    g_assert_true(g_str_has_suffix(s->samples[LOG_SKIP_UNKNOWN_EVENT_TYPE]->pdata[0], ":8"));
    g_assert_cmpuint(s->samples[LOG_SKIP_BAD_FIELD]->len, ==, LOG_STATS_SAMPLES);
    g_assert_cmpstr(log_skip_reason_name(LOG_SKIP_LINE_TOO_LONG), ==, "line-too-long");
    assert_accounted(s);
    result_free(&r);
}

static void
test_hostile_strings(void)
{
    ReadResult r;
    read_fixture("hostile.jsonl", &r);
    g_assert_cmpuint(r.stats.used, ==, 4);
    /* NUL kept inside the SNI (length-delimited strings) */
    g_assert_true(strstr(r.events->pdata[0], "|evil\\x00.example.com|"));
    /* invalid UTF-8 kept as bytes: escaping is the renderer's job */
    g_assert_true(strstr(r.events->pdata[1], "|bad\\xff\\xfe.example.com|"));
    g_assert_true(strstr(r.events->pdata[2], "|\\x1b[31mred\\x1b[0m|/\\x1b[2J|"));
    /* 2000-deep nesting: refused (cJSON's limit), counted, no crash */
    g_assert_cmpuint(r.stats.skipped[LOG_SKIP_BAD_JSON], ==, 1);
    result_free(&r);
}

static glong
max_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* A 100 MB line is skipped while streaming through it: memory stays near
 * LOG_MAX_RECORD, far below the line's size (let alone twice it). */
static void
test_huge_line(gconstpointer data)
{
    gboolean firehose = GPOINTER_TO_INT(data);
    g_autofree char *dir = g_dir_make_tmp("nfw-logs-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "huge.json", NULL);
    g_autofree char *good = fixture("envelope.jsonl");
    g_autofree char *good_text = NULL;
    g_assert_true(g_file_get_contents(good, &good_text, NULL, NULL));
    char *nl = strchr(good_text, '\n');
    *nl = '\0';
    FILE *f = fopen(path, "wb");
    fputs(good_text, f);
    fputs(firehose ? "" : "\n", f);
    fputs("{\"firewall_name\":\"x\",\"event\":{\"event_type\":\"alert\",\"tls\":{\"sni\":\"", f);
    char *chunk = g_malloc(1 << 20);
    memset(chunk, 'a', 1 << 20);
    for (int i = 0; i < 100; i++)
        fwrite(chunk, 1, 1 << 20, f);
    g_free(chunk);
    fputs("\"}}}", f);
    fputs(firehose ? "" : "\n", f);
    fputs(good_text, f);
    fputs("\n", f);
    fclose(f);
    glong before = max_rss_kb();
    ReadResult r;
    read_path(path, &r);
    glong grown_mb = (max_rss_kb() - before) / 1024;
    g_assert_cmpuint(r.stats.used, ==, 2);
    g_assert_cmpuint(r.stats.skipped[LOG_SKIP_LINE_TOO_LONG], ==, 1);
    g_assert_cmpuint(r.stats.records, ==, 3);
    g_assert_cmpint(grown_mb, <, 60);
    result_free(&r);
    g_unlink(path);
    g_rmdir(dir);
}

static void
test_missing_file_is_error(void)
{
    GError *err = NULL;
    LogReader *r = log_reader_open("/nonexistent/nfw.log", &err);
    g_assert_null(r);
    g_assert_error(err, LOG_ERROR, LOG_ERROR_OPEN);
    g_assert_true(strstr(err->message, "/nonexistent/nfw.log"));
    g_error_free(err);
}

static void
test_vanished_file_is_error_then_continue(void)
{
    g_autofree char *dir = g_dir_make_tmp("nfw-logs-XXXXXX", NULL);
    g_autofree char *a = g_build_filename(dir, "a.log", NULL);
    g_autofree char *b = g_build_filename(dir, "b.log", NULL);
    g_autofree char *src = fixture("envelope.jsonl");
    g_autofree char *text = NULL;
    gsize len;
    g_assert_true(g_file_get_contents(src, &text, &len, NULL));
    g_assert_true(g_file_set_contents(a, text, (gssize)len, NULL));
    g_assert_true(g_file_set_contents(b, text, (gssize)len, NULL));
    LogReader *r = log_reader_open(dir, NULL);
    g_unlink(a); /* gone before it is read */
    ReadResult res;
    read_reader(r, FALSE, &res);
    log_reader_free(r);
    g_assert_cmpuint(res.errors->len, ==, 1);
    g_assert_true(strstr(res.errors->pdata[0], "a.log"));
    g_assert_cmpuint(res.stats.used, ==, 11); /* b.log still read */
    result_free(&res);
    g_unlink(b);
    g_rmdir(dir);
}

/* ---- fast path vs slow path --------------------------------------------- */

static void
test_fast_equals_slow(void)
{
    const char *names[] = { "envelope.jsonl",
                            "envelope-crlf.jsonl",
                            "envelope.jsonl.gz",
                            "concat-members.jsonl.gz",
                            "truncated.jsonl.gz",
                            "corrupt.jsonl.gz",
                            "padded.jsonl.gz",
                            "firehose.json",
                            "pretty.json",
                            "array.json",
                            "opensearch-sample.json",
                            "filter-log-events.json",
                            "get-log-events.json",
                            "cloudwatch-export.log",
                            "eve.json",
                            "tls-log.jsonl",
                            "broken.jsonl",
                            "hostile.jsonl",
                            "s3" };
    for (gsize i = 0; i < G_N_ELEMENTS(names); i++) {
        g_autofree char *p = fixture(names[i]);
        ReadResult fast, slow;
        LogReader *r = log_reader_open(p, NULL);
        log_reader_set_keep_other(r, TRUE);
        read_reader(r, TRUE, &fast);
        log_reader_free(r);
        r = log_reader_open(p, NULL);
        log_reader_set_keep_other(r, TRUE);
        log_reader_set_force_slow(r, TRUE);
        read_reader(r, TRUE, &slow);
        log_reader_free(r);
        g_assert_cmpuint(fast.events->len, ==, slow.events->len);
        for (guint j = 0; j < fast.events->len; j++)
            g_assert_cmpstr(fast.events->pdata[j], ==, slow.events->pdata[j]);
        for (int k = 0; k < LOG_SKIP_N; k++)
            g_assert_cmpuint(fast.stats.skipped[k], ==, slow.stats.skipped[k]);
        result_free(&fast);
        result_free(&slow);
    }
}

/* Unsigned fields at the edges: JSON numbers are exact below 2^53 (above,
 * a double has lost digits: a bad field), digit strings up to 2^64 - 1,
 * leading zeros allowed.  Both parse paths say the same. */
static void
test_uint_limits(void)
{
    static const struct {
        const char *sid;
        LogParseResult result;
        guint64 value;
    } cases[] = {
        { "0", LOG_PARSE_OK, 0 },
        { "9007199254740991", LOG_PARSE_OK, G_GUINT64_CONSTANT(9007199254740991) },
        { "9007199254740992", LOG_PARSE_BAD_FIELD, 0 },
        { "9007199254740993", LOG_PARSE_BAD_FIELD, 0 },
        { "1234567890123456789", LOG_PARSE_BAD_FIELD, 0 },
        { "18446744073709551615", LOG_PARSE_BAD_FIELD, 0 },
        { "18446744073709551616", LOG_PARSE_BAD_FIELD, 0 },
        { "99999999999999999999", LOG_PARSE_BAD_FIELD, 0 },
        { "\"1234567890123456789\"", LOG_PARSE_OK, G_GUINT64_CONSTANT(1234567890123456789) },
        { "\"18446744073709551615\"", LOG_PARSE_OK, G_MAXUINT64 },
        { "\"18446744073709551616\"", LOG_PARSE_BAD_FIELD, 0 },
        { "\"000000000000000000000000000042\"", LOG_PARSE_OK, 42 },
        { "\"000018446744073709551616\"", LOG_PARSE_BAD_FIELD, 0 },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *text =
            g_strdup_printf("{\"firewall_name\":\"fw\",\"event\":{\"event_type\":\"alert\","
                            "\"alert\":{\"signature_id\":%s,\"signature\":\"x\"}}}",
                            cases[i].sid);
        gsize len = strlen(text);
        g_autofree char *scratch = g_malloc(len);
        LogEvent fast = { 0 }, slow = { 0 };
        cJSON *tree = NULL;
        g_test_message("signature_id %s", cases[i].sid);
        g_assert_cmpint(log_parse_fast(text, len, scratch, FALSE, &fast), ==, cases[i].result);
        g_assert_cmpint(log_parse_slow(text, len, &tree, FALSE, &slow), ==, cases[i].result);
        if (cases[i].result == LOG_PARSE_OK) {
            g_assert_cmpuint(fast.alert.signature_id, ==, cases[i].value);
            g_assert_cmpuint(slow.alert.signature_id, ==, cases[i].value);
        }
        log_parse_tree_free(tree);
    }
}

/* A bad value that cJSON's view never looks at does not make a bad field:
 * an earlier duplicate of a key (the last one wins), an alert object that
 * a later one replaces, EVE keys at top level of an envelope record (the
 * "event" object is the event).  Found by the logs fuzzer (fast/slow
 * mismatch); both paths must say the same. */
static void
test_bad_value_overridden(void)
{
    static const struct {
        const char *text;
        LogParseResult result;
    } cases[] = {
        { "{\"firewall_name\":\"fw\",\"event\":{\"event_type\":\"alert\",\"src_port\":500001111111,"
          "\"src_port\":50000,\"alert\":{\"signature_id\":1}}}",
          LOG_PARSE_OK },
        { "{\"firewall_name\":\"fw\",\"event\":{\"event_type\":\"alert\",\"src_port\":50000,"
          "\"src_port\":500001111111,\"alert\":{\"signature_id\":1}}}",
          LOG_PARSE_BAD_FIELD },
        { "{\"firewall_name\":\"fw\",\"event\":{\"event_type\":\"alert\","
          "\"alert\":{\"signature_id\":\"x\"},\"alert\":{\"signature_id\":1}}}",
          LOG_PARSE_OK },
        { "{\"firewall_name\":\"fw\",\"event\":{\"event_type\":\"alert\","
          "\"alert\":{\"signature_id\":1},\"alert\":{\"rev\":-1}}}",
          LOG_PARSE_BAD_FIELD },
        { "{\"firewall_name\":\"fw\",\"flow_id\":-5,\"event\":{\"event_type\":\"netflow\","
          "\"netflow\":{\"pkts\":true,\"pkts\":2}}}",
          LOG_PARSE_OK },
        { "{\"firewall_name\":\"fw\",\"event\":{\"event_type\":\"netflow\",\"flow_id\":\"x\"},"
          "\"event\":{\"event_type\":\"netflow\"}}",
          LOG_PARSE_OK },
        { "{\"event_type\":\"netflow\",\"flow_id\":\"x\"}", LOG_PARSE_BAD_FIELD },
        /* NUL bytes: decisions take what comes before (cJSON's C strings). */
        { "{\"firewall_name\":\"fw\",\"event\":{\"event_type\":\"alert\","
          "\"alert\":{\"signature_id\":1,\"action\":\"blocked\\u0000x\"}}}",
          LOG_PARSE_OK },
        { "{\"firewall_name\":\"fw\",\"event\":{\"event_type\":\"alert\\u0000\\u0000x\","
          "\"alert\":{\"signature_id\":\"5\\u0000\"}}}",
          LOG_PARSE_OK },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        const char *text = cases[i].text;
        gsize len = strlen(text);
        g_autofree char *scratch = g_malloc(len);
        LogEvent fast = { 0 }, slow = { 0 };
        cJSON *tree = NULL;
        g_test_message("%s", text);
        g_assert_cmpint(log_parse_fast(text, len, scratch, FALSE, &fast), ==, cases[i].result);
        g_assert_cmpint(log_parse_slow(text, len, &tree, FALSE, &slow), ==, cases[i].result);
        log_parse_tree_free(tree);
    }
    /* A raw NUL in a key: cJSON sees "severity" (then "" is a bad field); the
   * scanner leaves such keys to it. */
    static const char nul_key[] = "{\"firewall_name\":\"fw\",\"event\":{\"event_type\":\"alert\","
                                  "\"alert\":{\"signature_id\":1,\"severity\0x\":\"\"}}}";
    g_autofree char *scratch = g_malloc(sizeof nul_key);
    LogEvent ev = { 0 };
    cJSON *tree = NULL;
    g_assert_cmpint(log_parse_fast(nul_key, sizeof nul_key - 1, scratch, FALSE, &ev), ==,
                    LOG_PARSE_DECLINE);
    g_assert_cmpint(log_parse_slow(nul_key, sizeof nul_key - 1, &tree, FALSE, &ev), ==,
                    LOG_PARSE_BAD_FIELD);
    log_parse_tree_free(tree);
}

/* One record with `number` as the value of one numeric field. */
static char *
number_record(const char *field, const char *number)
{
    if (strcmp(field, "event_timestamp") == 0)
        return g_strdup_printf("{\"firewall_name\":\"fw\",\"event_timestamp\":%s,\"event\":{"
                               "\"event_type\":\"alert\",\"alert\":{\"signature_id\":1}}}",
                               number);
    const char *inner = strcmp(field, "signature_id") == 0 || strcmp(field, "rev") == 0 ||
                                strcmp(field, "severity") == 0
                            ? "alert"
                        : strcmp(field, "pkts") == 0 || strcmp(field, "bytes") == 0 ? "netflow"
                                                                                    : NULL;
    if (inner == NULL)
        return g_strdup_printf("{\"firewall_name\":\"fw\",\"event\":{\"event_type\":\"alert\","
                               "\"%s\":%s,\"alert\":{\"signature_id\":1}}}",
                               field, number);
    return g_strdup_printf("{\"firewall_name\":\"fw\",\"event\":{\"event_type\":\"%s\","
                           "\"%s\":{\"%s\":%s,\"x\":0}}}",
                           inner, inner, field, number);
}

/* Both paths on one record: the scanner declines or says what cJSON's
 * view says, field by field.  Returns the slow path's result. */
static LogParseResult
assert_paths_agree(const char *text, gboolean *declined, LogEvent *out)
{
    gsize len = strlen(text);
    g_autofree char *scratch = g_malloc(len + 1);
    LogEvent fast = { 0 }, slow = { 0 };
    cJSON *tree = NULL;
    LogParseResult rf = log_parse_fast(text, len, scratch, TRUE, &fast);
    LogParseResult rs = log_parse_slow(text, len, &tree, TRUE, &slow);
    *declined = rf == LOG_PARSE_DECLINE;
    if (!*declined) {
        g_assert_cmpint(rf, ==, rs);
        if (rf == LOG_PARSE_OK) {
            g_autofree char *df = describe(&fast, TRUE);
            g_autofree char *ds = describe(&slow, TRUE);
            g_assert_cmpstr(df, ==, ds);
        }
    }
    if (out) {
        *out = slow;
        /* the caller reads numbers only: strings die with the tree */
        out->proto = (LogStr){ 0 };
    }
    log_parse_tree_free(tree);
    return rs;
}

/* Issue 18: every number JSON allows, in every numeric field, is read the
 * same by both paths (fuzzed: "signature_id":-0 was a bad field for the
 * scanner and 0 for cJSON).  Signs, fractions, exponents, leading zeros,
 * big and long values; the scanner decides the plain ones itself. */
static void
test_numbers_every_field(void)
{
    static const char *const fields[] = { "signature_id",   "rev",       "severity",
                                          "src_port",       "dest_port", "flow_id",
                                          "pkts",           "bytes",     "proto",
                                          "event_timestamp" };
    GPtrArray *numbers = g_ptr_array_new_with_free_func(g_free);
    static const char *const fixed[] = {
        "0",
        "-0",
        "-00",
        "00",
        "007",
        "-007",
        "1",
        "-1",
        "-0.0",
        "0.0",
        "-0e0",
        "0e5",
        "0E-5",
        "1.0",
        "1.5",
        "1e2",
        "1E+2",
        "1e-2",
        "100e-2",
        "4.43e2",
        "1e-400",
        "-1e-400",
        "1e400",
        "-1e400",
        "0.99999999999999999999",
        "1.99999999999999999999",
        "1.00000000000000000001",
        "65535",
        "65536",
        "65535.0",
        "4294967295",
        "4294967296",
        "2147483647",
        "2147483648",
        "9223372036854",
        "9223372036855",
        "9223372036853.5",
        "9223372036853.99999999999999",
        "9007199254740991",
        "9007199254740992",
        "9007199254740991.0",
        "9007199254740991.4",
        "9007199254740993",
        "18446744073709551615",
        "18446744073709551616",
        "1e16",
        "99999999999999999999999",
        "-9007199254740993",
        "1740407457",
        "1740407457.933",
        "17404074579e-1",
        "0.1740407457e10",
        "6",
        "06",
        "17",
        "6.0",
        "6e0",
        /* exactly 63 characters: cJSON's buffer holds them */
        "000000000000000000000000000000000000000000000000000000000000042",
        "-00000000000000000000000000000000000000000000000000000000000000",
    };
    for (gsize i = 0; i < G_N_ELEMENTS(fixed); i++)
        g_ptr_array_add(numbers, g_strdup(fixed[i]));
    /* Longer than cJSON's 63 characters: valid JSON all the same. */
    g_autofree char *z70 = g_strnfill(70, '0');
    g_autofree char *z69 = g_strnfill(69, '0');
    g_autofree char *n70 = g_strnfill(70, '9');
    g_ptr_array_add(numbers, g_strconcat(z70, "42", NULL));
    g_ptr_array_add(numbers, g_strconcat("-", z70, NULL));
    g_ptr_array_add(numbers, g_strconcat("1", z70, NULL));
    g_ptr_array_add(numbers, g_strconcat("443.", z70, NULL));
    g_ptr_array_add(numbers, g_strconcat("1.", z70, "1", NULL));
    g_ptr_array_add(numbers, g_strconcat("0.", z69, "1e71", NULL));
    g_ptr_array_add(numbers, g_strconcat("5e-", z70, "1", NULL));
    g_ptr_array_add(numbers, g_strconcat("5e", n70, NULL));
    g_ptr_array_add(numbers, g_strconcat("-5e", n70, NULL));
    g_ptr_array_add(numbers, g_strconcat("5e-", n70, NULL));
    /* Every sign x integer x fraction x exponent combination. */
    static const char *const sign[] = { "", "-" };
    static const char *const ints[] = { "0", "00", "1", "01", "80", "65535", "9007199254740991" };
    static const char *const frac[] = { "", ".0", ".00", ".5", ".000000000000000000001" };
    static const char *const expo[] = { "", "e0", "E+0", "e-0", "e1", "e+2", "e-1", "e-20" };
    for (gsize a = 0; a < G_N_ELEMENTS(sign); a++)
        for (gsize b = 0; b < G_N_ELEMENTS(ints); b++)
            for (gsize c = 0; c < G_N_ELEMENTS(frac); c++)
                for (gsize d = 0; d < G_N_ELEMENTS(expo); d++)
                    g_ptr_array_add(numbers, g_strconcat(sign[a], ints[b], frac[c], expo[d], NULL));
    guint decided = 0, total = 0;
    for (gsize f = 0; f < G_N_ELEMENTS(fields); f++)
        for (guint n = 0; n < numbers->len; n++) {
            g_autofree char *text = number_record(fields[f], numbers->pdata[n]);
            gboolean declined;
            g_test_message("%s", text);
            LogParseResult r = assert_paths_agree(text, &declined, NULL);
            /* valid JSON, so never bad JSON, however long the number */
            g_assert_cmpint(r, !=, LOG_PARSE_BAD_JSON);
            decided += !declined;
            total++;
            /* the hot path keeps plain numbers: the scanner decides them */
            const char *num = numbers->pdata[n];
            if (strcmp(num, "0") == 0 || strcmp(num, "1") == 0 || strcmp(num, "80") == 0)
                g_assert_false(declined);
        }
    g_test_message("the scanner decided %u of %u records itself", decided, total);
    g_ptr_array_unref(numbers);

    /* What they agree on. */
    static const struct {
        const char *field, *number;
        LogParseResult result;
        guint64 value;
    } expect[] = {
        { "signature_id", "-0", LOG_PARSE_OK, 0 },
        { "signature_id", "-000", LOG_PARSE_OK, 0 },
        { "signature_id", "-0.0e3", LOG_PARSE_OK, 0 },
        { "signature_id", "-1", LOG_PARSE_BAD_FIELD, 0 },
        { "signature_id", "0042", LOG_PARSE_OK, 42 },
        { "signature_id", "4.2e1", LOG_PARSE_OK, 42 },
        { "signature_id", "42.5", LOG_PARSE_BAD_FIELD, 0 },
        { "signature_id", "1e-400", LOG_PARSE_OK, 0 }, /* the double is 0 */
        { "signature_id", "9007199254740991", LOG_PARSE_OK, G_GUINT64_CONSTANT(9007199254740991) },
        { "signature_id", "9007199254740991.4", LOG_PARSE_OK,
          G_GUINT64_CONSTANT(9007199254740991) }, /* the nearest double */
        { "signature_id", "9007199254740992", LOG_PARSE_BAD_FIELD, 0 },
        { "src_port", "65535", LOG_PARSE_OK, 65535 },
        { "src_port", "65535.0", LOG_PARSE_OK, 65535 },
        { "src_port", "65536", LOG_PARSE_BAD_FIELD, 0 },
        { "rev", "4294967296", LOG_PARSE_BAD_FIELD, 0 },
        { "severity", "2147483648", LOG_PARSE_BAD_FIELD, 0 },
        { "event_timestamp", "9223372036854", LOG_PARSE_OK, G_GUINT64_CONSTANT(9223372036854) },
        { "event_timestamp", "-0", LOG_PARSE_OK, 0 },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(expect); i++) {
        g_autofree char *text = number_record(expect[i].field, expect[i].number);
        gboolean declined;
        LogEvent ev;
        g_test_message("%s", text);
        g_assert_cmpint(assert_paths_agree(text, &declined, &ev), ==, expect[i].result);
        if (expect[i].result != LOG_PARSE_OK)
            continue;
        guint64 got = strcmp(expect[i].field, "signature_id") == 0 ? ev.alert.signature_id
                      : strcmp(expect[i].field, "src_port") == 0   ? (guint64)ev.src_port
                                                                   : (guint64)ev.event_timestamp;
        g_assert_cmpuint(got, ==, expect[i].value);
        if (strcmp(expect[i].field, "event_timestamp") == 0)
            g_assert_true(ev.has_event_timestamp);
    }
}

/* A number longer than cJSON's 63-character buffer anywhere in a record
 * (an unneeded field too) is valid JSON: both paths use the record. */
static void
test_long_number_elsewhere(void)
{
    g_autofree char *zeros = g_strnfill(200, '0');
    g_autofree char *text =
        g_strdup_printf("{\"firewall_name\":\"fw\",\"big\":[1%s,-0.%s1e-5,\"%s\"],\"event\":{"
                        "\"event_type\":\"alert\",\"alert\":{\"signature_id\":%s7}}}",
                        zeros, zeros, zeros, zeros);
    gboolean declined;
    LogEvent ev;
    g_assert_cmpint(assert_paths_agree(text, &declined, &ev), ==, LOG_PARSE_OK);
    g_assert_true(declined);
    g_assert_cmpuint(ev.alert.signature_id, ==, 7);
}

/* A time whose last duplicate does not parse is absent and reads 0 on both
 * paths, whatever the earlier one held (fuzzed: the scanner kept the first
 * value's microseconds behind has_timestamp = FALSE). */
static void
test_bad_time_duplicate(void)
{
    static const char *const texts[] = {
        "{\"event_type\":\"netflow\",\"timestamp\":\"2023-11-14T22:14:20.000001+0000\","
        "\"timestamp\":\"2025-02-24T14:03:57.9`3410+0000\"}",
        "{\"firewall_name\":\"fw\",\"event_timestamp\":\"1740407457\",\"event_timestamp\":\"x\","
        "\"event\":{\"event_type\":\"netflow\"}}",
    };
    for (gsize i = 0; i < G_N_ELEMENTS(texts); i++) {
        gboolean declined;
        LogEvent ev;
        g_assert_cmpint(assert_paths_agree(texts[i], &declined, &ev), ==, LOG_PARSE_OK);
        g_assert_false(declined);
        g_assert_false(ev.has_timestamp);
        g_assert_cmpint(ev.timestamp_us, ==, 0);
        g_assert_false(ev.has_event_timestamp);
        g_assert_cmpint(ev.event_timestamp, ==, 0);
    }
}

/* alert.action decides on the text before a NUL, as cJSON sees it
 * (fuzzed: "blocked\0" was blocked there, "other" for the scanner). */
static void
test_nul_in_action(void)
{
    static const char text[] = "{\"firewall_name\":\"fw\",\"event\":{\"event_type\":\"alert\","
                               "\"alert\":{\"signature_id\":1,\"action\":\"blocked\\u0000x\"}}}";
    gboolean declined;
    LogEvent ev;
    g_assert_cmpint(assert_paths_agree(text, &declined, &ev), ==, LOG_PARSE_OK);
    g_assert_false(declined);
    g_assert_cmpint(ev.alert.action, ==, LOG_ACTION_BLOCKED);
}

/* The text query hands to cJSON: NULs a string holds become \x00. */
static void
test_show_nul(void)
{
    static const struct {
        const char *in;
        gsize len;
        const char *out; /* NULL: nothing to show */
    } cases[] = {
        { "{\"sni\":\"evil.example\"}", 0, NULL },
        { "{\"sni\":\"evil\\u0000.example\"}", 0, "{\"sni\":\"evil\\\\x00.example\"}" },
        { "{\"sni\":\"a\\\\u0000b\"}", 0, NULL }, /* an escaped backslash, then "u0000" */
        { "{\"sni\":\"a\\\\\\u0000b\"}", 0, "{\"sni\":\"a\\\\\\\\x00b\"}" },
        { "{\"sni\":\"a\0b\\u0000\"}", 19, "{\"sni\":\"a\\\\x00b\\\\x00\"}" },
        { "{\"a\":\"\\\"\\u000\"}", 0, NULL }, /* "\u000" then a quote: not a NUL */
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        gsize len = cases[i].len ? cases[i].len : strlen(cases[i].in);
        g_autoptr(GString) out = g_string_new("untouched");
        g_test_message("%s", cases[i].in);
        gboolean shown = log_text_show_nul(cases[i].in, len, out);
        if (cases[i].out == NULL) {
            g_assert_false(shown);
            g_assert_cmpstr(out->str, ==, "untouched");
            continue;
        }
        g_assert_true(shown);
        g_assert_cmpstr(out->str, ==, cases[i].out);
        /* and cJSON reads it whole */
        cJSON *j = cJSON_ParseWithLength(out->str, out->len);
        g_assert_nonnull(j);
        cJSON_Delete(j);
    }
}

/* ---- filter ------------------------------------------------------------- */

static void
test_filter(void)
{
    g_autofree char *p = fixture("envelope.jsonl");
    const char *fws[] = { "egress-fw", NULL };
    LogFilter f = { 0 };
    f.firewalls = fws;
    g_assert_true(log_time_parse("2025-01-01", 10, &f.since_us));
    f.has_since = TRUE;
    g_assert_true(log_time_parse("2025-02-24T14:30:30Z", 20, &f.until_us));
    f.has_until = TRUE;
    g_autoptr(LogReader) r = log_reader_open(p, NULL);
    log_reader_set_filter(r, &f);
    ReadResult res;
    read_reader(r, FALSE, &res);
    /* egress-fw in [2025-01-01, 14:30:30): the dns alerts at 14:30:24/25 */
    g_assert_cmpuint(res.stats.used, ==, 2);
    g_assert_cmpuint(res.stats.filtered, ==, 9);
    assert_accounted(&res.stats);
    result_free(&res);
}

static void
test_time_parse(void)
{
    gint64 t;
    g_assert_true(log_time_parse("2025-02-24T14:30:57.933410+0000", 31, &t));
    g_assert_cmpint(t, ==, G_GINT64_CONSTANT(1740407457933410));
    g_assert_true(log_time_parse("2024-07-02T18:01:44.412778Z", 27, &t));
    g_assert_cmpint(t, ==, G_GINT64_CONSTANT(1719943304412778));
    g_assert_true(log_time_parse("2025-02-24T16:30:57+02:00", 25, &t));
    g_assert_cmpint(t, ==, G_GINT64_CONSTANT(1740407457000000));
    g_assert_true(log_time_parse("1970-01-01", 10, &t));
    g_assert_cmpint(t, ==, 0);
    /* Seconds optional, ',' and 'z', +HH offsets: as people write times. */
    g_assert_true(log_time_parse("2025-02-24T14:30", 16, &t));
    g_assert_cmpint(t, ==, G_GINT64_CONSTANT(1740407400000000));
    g_assert_true(log_time_parse("2025-02-24 16:30:57,5+02", 24, &t));
    g_assert_cmpint(t, ==, G_GINT64_CONSTANT(1740407457500000));
    g_assert_true(log_time_parse("2025-02-24T14:30:57.9334109z", 28, &t));
    g_assert_cmpint(t, ==, G_GINT64_CONSTANT(1740407457933410));
    g_assert_true(log_time_parse("1969-12-31T23:59:59.5Z", 22, &t));
    g_assert_cmpint(t, ==, -500000);
    const char *bad[] = { "2025-02-24T14:3",
                          "2025-02-24T14",
                          "2025-02-24T",
                          "2025-02-24T14:30:5",
                          "2025-02-24T14:30:57.",
                          "2025-02-24T14:30:57+2",
                          "2025-02-24T14:30:57+02:",
                          "2025-02-24T14:30:57+0",
                          "2025-02-24T24:00:00Z",
                          "2025-02-24T14:60",
                          "2025-02-24T14:30:57+24:00",
                          "2025-02-24x",
                          "2025-2-24",
                          "20250224" };
    for (gsize i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_test_message("%s", bad[i]);
        /* A copy of exact length: valgrind and ASan see any read past it. */
        g_autofree char *copy = g_memdup2(bad[i], strlen(bad[i]));
        g_assert_false(log_time_parse(copy, strlen(bad[i]), &t));
    }
    g_assert_false(log_time_parse("2025-13-01", 10, &t));
    g_assert_false(log_time_parse("2025-02-24T14:30:57+0000x", 25, &t));
}

/* ---- byte ranges ------------------------------------------------------- */

/* Whatever the cut, two ranges read every record exactly once. */
static void
test_ranges_every_cut(void)
{
    g_autofree char *p = fixture("envelope.jsonl");
    g_autoptr(GPtrArray) ref = reference_events();
    struct stat sb;
    g_assert_cmpint(g_stat(p, (GStatBuf *)&sb), ==, 0);
    for (gint64 cut = 0; cut <= sb.st_size; cut++) {
        g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func((GDestroyNotify)log_part_free);
        LogPart *a = g_new0(LogPart, 1), *b = g_new0(LogPart, 1);
        a->path = g_strdup(p);
        a->start = 0;
        a->end = cut;
        b->path = g_strdup(p);
        b->start = cut;
        b->end = -1;
        g_ptr_array_add(parts, a);
        g_ptr_array_add(parts, b);
        LogReader *r = log_reader_open_parts(parts, NULL);
        ReadResult res;
        read_reader(r, FALSE, &res);
        log_reader_free(r);
        g_assert_cmpuint(res.events->len, ==, ref->len);
        for (guint i = 0; i < ref->len; i++)
            g_assert_cmpstr(res.events->pdata[i], ==, ref->pdata[i]);
        /* One file, each byte counted once, though both ranges read past their ends. */
        g_assert_cmpuint(res.stats.files, ==, 1);
        g_assert_cmpuint(res.stats.bytes_in, ==, (guint64)sb.st_size);
        g_assert_cmpuint(res.stats.bytes_decoded, ==, (guint64)sb.st_size);
        result_free(&res);
    }
}

static void
test_parts_plan(void)
{
    g_autofree char *plain = fixture("envelope.jsonl");
    g_autofree char *gz = fixture("envelope.jsonl.gz");
    g_autofree char *fh = fixture("firehose.json");
    const char *paths[] = { plain, gz, fh };
    GError *err = NULL;
    g_autoptr(GPtrArray) parts = log_parts_plan(paths, 3, 8, 1, &err);
    g_assert_no_error(err);
    /* only the plain JSON Lines file is cut */
    guint n_plain = 0;
    for (guint i = 0; i < parts->len; i++) {
        LogPart *q = parts->pdata[i];
        if (strcmp(q->path, plain) == 0)
            n_plain++;
        else
            g_assert_true(q->start == 0 && q->end == -1);
    }
    g_assert_cmpuint(n_plain, >, 1);
    LogReader *r = log_reader_open_parts(parts, NULL);
    ReadResult res;
    read_reader(r, FALSE, &res);
    log_reader_free(r);
    g_assert_cmpuint(res.stats.used, ==, 11 + 11 + 8);
    g_assert_cmpuint(res.stats.files, ==, 3);
    result_free(&res);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/logs/envelope/fields", test_envelope_fields);
    g_test_add_data_func("/logs/format/crlf", "envelope-crlf.jsonl 0 11", test_same_records);
    g_test_add_data_func("/logs/format/gzip", "envelope.jsonl.gz 0 11", test_same_records);
    g_test_add_data_func("/logs/format/gzip-members", "concat-members.jsonl.gz 0 11",
                         test_same_records);
    g_test_add_data_func("/logs/format/gzip-zero-padding", "padded.jsonl.gz 0 11",
                         test_same_records);
    g_test_add_data_func("/logs/format/firehose", "firehose.json 0 8", test_same_records);
    g_test_add_data_func("/logs/format/array", "array.json 0 4", test_same_records);
    g_test_add_data_func("/logs/format/cloudwatch-export", "cloudwatch-export.log 0 4",
                         test_same_records);
    g_test_add_func("/logs/format/pretty", test_opensearch_sample);
    g_test_add_func("/logs/format/filter-log-events", test_filter_log_events);
    g_test_add_func("/logs/format/raw-eve", test_raw_eve);
    g_test_add_func("/logs/format/tls-log", test_tls_log);
    g_test_add_func("/logs/format/s3-tree", test_s3_tree);
    g_test_add_func("/logs/format/stdin", test_stdin);
    g_test_add_func("/logs/gzip/bytes", test_gzip_counts_bytes);
    g_test_add_func("/logs/gzip/truncated", test_truncated_gzip);
    g_test_add_func("/logs/gzip/corrupt", test_corrupt_gzip);
    g_test_add_func("/logs/gzip/inflaters-agree", test_gzip_inflaters_agree);
    g_test_add_func("/logs/gzip/decode-ahead", test_decode_ahead_same);
    g_test_add_func("/logs/skip/reasons", test_skip_reasons);
    g_test_add_func("/logs/skip/hostile-strings", test_hostile_strings);
    g_test_add_data_func("/logs/skip/huge-line", GINT_TO_POINTER(FALSE), test_huge_line);
    g_test_add_data_func("/logs/skip/huge-object-firehose", GINT_TO_POINTER(TRUE), test_huge_line);
    g_test_add_func("/logs/error/missing", test_missing_file_is_error);
    g_test_add_func("/logs/error/vanished", test_vanished_file_is_error_then_continue);
    g_test_add_func("/logs/parse/fast-equals-slow", test_fast_equals_slow);
    g_test_add_func("/logs/filter", test_filter);
    g_test_add_func("/logs/time", test_time_parse);
    g_test_add_func("/logs/ranges/every-cut", test_ranges_every_cut);
    g_test_add_func("/logs/ranges/plan", test_parts_plan);
    g_test_add_func("/logs/parse/uint-limits", test_uint_limits);
    g_test_add_func("/logs/parse/bad-value-overridden", test_bad_value_overridden);
    g_test_add_func("/logs/parse/show-nul", test_show_nul);
    g_test_add_func("/logs/parse/numbers-every-field", test_numbers_every_field);
    g_test_add_func("/logs/parse/long-number-elsewhere", test_long_number_elsewhere);
    g_test_add_func("/logs/parse/bad-time-duplicate", test_bad_time_duplicate);
    g_test_add_func("/logs/parse/nul-in-action", test_nul_in_action);
    return g_test_run();
}
