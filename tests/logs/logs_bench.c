/*
 * logs_bench.c - measures src/logs alone: reads inputs, counts alerts per
 * signature_id (the same answer jq and DuckDB compute in
 * bench/logs/read.sh), prints the reader's counts, time, MB/s, events/s
 * and peak RSS on stderr.  Not a test; also handy to inspect a log:
 * --dump prints one line per event.
 *
 *   logs-bench [--slow] [--threads N] [--dump] [--sids] PATH...
 *
 * --threads N splits the inputs with log_parts_plan() and merges the
 * per-thread counts: the shape the analyzer uses.
 */
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "logs/logs.h"

typedef struct {
    GPtrArray *parts; /* this thread's LogPart* */
    gboolean slow, dump;
    GHashTable *sids; /* guint64 sid → count (boxed in gpointer) */
    LogStats stats;
    guint64 netflow_bytes;
    GError *error;
} Job;

static void
print_str(const char *label, LogStr s)
{
    if (s.ptr == NULL)
        return;
    printf(" %s=", label);
    for (gsize i = 0; i < s.len; i++) {
        unsigned char c = (unsigned char)s.ptr[i];
        if (c < 0x20 || c == 0x7f || c == '\\')
            printf("\\x%02x", c);
        else
            putchar(c);
    }
}

static void
dump_event(const LogEvent *ev)
{
    printf("%s:%" G_GUINT64_FORMAT " type=%d", ev->file, ev->line, ev->type);
    print_str("fw", ev->firewall_name);
    printf(" ts=%" G_GINT64_FORMAT, ev->has_timestamp ? ev->timestamp_us : -1);
    print_str("src", ev->src_ip);
    printf(":%d", ev->src_port);
    print_str("dst", ev->dest_ip);
    printf(":%d", ev->dest_port);
    print_str("proto", ev->proto);
    print_str("app", ev->app_proto);
    if (ev->alert.present) {
        printf(" sid=%" G_GUINT64_FORMAT " rev=%u", ev->alert.signature_id, ev->alert.rev);
        print_str("msg", ev->alert.signature);
        print_str("action", ev->alert.action_text);
    }
    print_str("verdict", ev->verdict_action);
    print_str("sni", ev->tls_sni);
    print_str("host", ev->http_hostname);
    print_str("rrname", ev->dns_rrname);
    if (ev->netflow.present)
        printf(" pkts=%" G_GUINT64_FORMAT " bytes=%" G_GUINT64_FORMAT, ev->netflow.pkts,
               ev->netflow.bytes);
    putchar('\n');
}

static gpointer
job_run(gpointer data)
{
    Job *job = data;
    job->sids = g_hash_table_new(g_int64_hash, g_int64_equal);
    LogReader *r = log_reader_open_parts(job->parts, &job->error);
    log_reader_set_force_slow(r, job->slow);
    log_reader_set_decode_ahead(r, g_getenv("LOGS_BENCH_DECODE_AHEAD") != NULL);
    LogEvent ev;
    GHashTable *counts = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, g_free);
    for (;;) {
        GError *err = NULL;
        if (!log_reader_next(r, &ev, &err)) {
            if (err) {
                g_printerr("logs-bench: %s\n", err->message);
                g_error_free(err);
                continue;
            }
            break;
        }
        if (job->dump)
            dump_event(&ev);
        if (ev.type == LOG_EVENT_ALERT) {
            guint64 *n = g_hash_table_lookup(counts, &ev.alert.signature_id);
            if (n == NULL) {
                gint64 *k = g_new(gint64, 1);
                *k = (gint64)ev.alert.signature_id;
                n = g_new0(guint64, 1);
                g_hash_table_insert(counts, k, n);
            }
            (*n)++;
        } else if (ev.type == LOG_EVENT_NETFLOW) {
            job->netflow_bytes += ev.netflow.bytes;
        }
    }
    g_hash_table_unref(job->sids);
    job->sids = counts;
    log_stats_init(&job->stats);
    log_stats_merge(&job->stats, log_reader_get_stats(r));
    log_reader_free(r);
    return NULL;
}

static gint
cmp_u64(gconstpointer a, gconstpointer b)
{
    guint64 x = **(guint64 *const *)a, y = **(guint64 *const *)b;
    return x < y ? -1 : x > y;
}

int
main(int argc, char **argv)
{
    gboolean slow = FALSE, dump = FALSE, sids = FALSE;
    guint threads = 1;
    GPtrArray *paths = g_ptr_array_new();
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--slow") == 0)
            slow = TRUE;
        else if (strcmp(argv[i], "--dump") == 0)
            dump = TRUE;
        else if (strcmp(argv[i], "--sids") == 0)
            sids = TRUE;
        else if (strcmp(argv[i], "--threads") == 0 && i + 1 < argc) {
            int n = atoi(argv[++i]);
            threads = n > 0 ? (guint)n : 1;
        } else
            g_ptr_array_add(paths, argv[i]);
    }
    if (paths->len == 0) {
        g_printerr("usage: logs-bench [--slow] [--threads N] [--dump] [--sids] PATH...\n");
        return 2;
    }
    GError *error = NULL;
    gint64 t0 = g_get_monotonic_time();
    GPtrArray *parts =
        log_parts_plan((const char *const *)paths->pdata, paths->len, threads, 64 << 20, &error);
    if (parts == NULL) {
        g_printerr("logs-bench: %s\n", error->message);
        return 2;
    }
    Job *jobs = g_new0(Job, threads);
    for (guint t = 0; t < threads; t++) {
        jobs[t].parts = g_ptr_array_new();
        jobs[t].slow = slow;
        jobs[t].dump = dump;
    }
    for (guint i = 0; i < parts->len; i++)
        g_ptr_array_add(jobs[i % threads].parts, parts->pdata[i]);
    GThread **th = g_new0(GThread *, threads);
    for (guint t = 0; t < threads; t++)
        th[t] = g_thread_new("reader", job_run, &jobs[t]);
    LogStats total;
    log_stats_init(&total);
    GHashTable *merged = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, g_free);
    guint64 nf_bytes = 0;
    for (guint t = 0; t < threads; t++) {
        g_thread_join(th[t]);
        log_stats_merge(&total, &jobs[t].stats);
        nf_bytes += jobs[t].netflow_bytes;
        GHashTableIter it;
        gpointer k, v;
        g_hash_table_iter_init(&it, jobs[t].sids);
        while (g_hash_table_iter_next(&it, &k, &v)) {
            guint64 *n = g_hash_table_lookup(merged, k);
            if (n == NULL) {
                n = g_new0(guint64, 1);
                g_hash_table_insert(merged, g_memdup2(k, sizeof(gint64)), n);
            }
            *n += *(guint64 *)v;
        }
    }
    gint64 t1 = g_get_monotonic_time();
    double secs = (double)(t1 - t0) / 1e6;
    if (sids) {
        GPtrArray *keys = g_ptr_array_new();
        GHashTableIter it;
        gpointer k;
        g_hash_table_iter_init(&it, merged);
        while (g_hash_table_iter_next(&it, &k, NULL))
            g_ptr_array_add(keys, k);
        g_ptr_array_sort(keys, cmp_u64);
        for (guint i = 0; i < keys->len; i++)
            printf("%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT "\n",
                   *(guint64 *)g_hash_table_lookup(merged, keys->pdata[i]),
                   *(guint64 *)keys->pdata[i]);
        g_ptr_array_unref(keys);
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    g_printerr("files=%" G_GUINT64_FORMAT " records=%" G_GUINT64_FORMAT " used=%" G_GUINT64_FORMAT
               " alerts=%" G_GUINT64_FORMAT " netflows=%" G_GUINT64_FORMAT
               " tls_logs=%" G_GUINT64_FORMAT " filtered=%" G_GUINT64_FORMAT
               " empty=%" G_GUINT64_FORMAT " slow_path=%" G_GUINT64_FORMAT "\n",
               total.files, total.records, total.used, total.alerts, total.netflows, total.tls_logs,
               total.filtered, total.empty, total.slow_path);
    for (int i = 0; i < LOG_SKIP_N; i++)
        if (total.skipped[i]) {
            g_printerr("skipped %s=%" G_GUINT64_FORMAT, log_skip_reason_name(i), total.skipped[i]);
            for (guint j = 0; j < total.samples[i]->len; j++)
                g_printerr(" %s", (char *)total.samples[i]->pdata[j]);
            g_printerr("\n");
        }
    g_printerr("threads=%u parts=%u time=%.3fs in=%.1fMB decoded=%.1fMB in_MB/s=%.0f "
               "decoded_MB/s=%.0f events/s=%.0f maxrss=%ldMB\n",
               threads, parts->len, secs, total.bytes_in / 1e6, total.bytes_decoded / 1e6,
               total.bytes_in / 1e6 / secs, total.bytes_decoded / 1e6 / secs, total.used / secs,
               ru.ru_maxrss / 1024);
    return 0;
}
