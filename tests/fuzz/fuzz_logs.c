/*
 * fuzz_logs.c - fuzz target: the log record reader (src/logs) over
 * arbitrary bytes: plain JSON Lines, NFW envelopes, raw EVE, CloudWatch
 * export lines, Firehose-concatenated objects, arrays, filter-log-events
 * JSON, and gzip (single or concatenated members) - the reader detects the
 * format from the content.
 *
 * The reader only opens paths, so the bytes go into a memfd opened through
 * /proc/self/fd.  Each input is read twice: with the fast scanner and with
 * the cJSON slow path forced; both must return the same number of events
 * and skip the same records (a differential check, the reader's own
 * promise), with every string field touched so that ASan sees over-reads.
 * They must also return the same events: a digest of every field (strings
 * as cJSON sees them, up to a NUL byte; numbers) is compared, so that a
 * number read two ways (-0, 1e2, 06 as a protocol) is caught, not only a
 * record counted two ways.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <glib.h>

#include "logs/logs.h"
#include "fuzz.h"

static guint64
touch(LogStr s)
{
    guint64 h = 0;
    for (gsize i = 0; s.ptr && i < s.len; i++)
        h = h * 31 + (unsigned char)s.ptr[i];
    return h;
}

/* FNV-1a over the event as both paths must agree on it. */
static guint64
mix(guint64 h, const void *data, gsize len)
{
    const unsigned char *p = data;
    for (gsize i = 0; i < len; i++)
        h = (h ^ p[i]) * G_GUINT64_CONSTANT(1099511628211);
    return h;
}

static guint64
mix_str(guint64 h, LogStr s)
{
    s = log_str_before_nul(s);
    guint64 absent = s.ptr == NULL;
    h = mix(h, &absent, sizeof absent);
    h = mix(h, &s.len, sizeof s.len);
    return s.ptr ? mix(h, s.ptr, s.len) : h;
}

static guint64
digest_event(guint64 h, const LogEvent *e)
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
                   e->netflow.end,     e->raw };
    for (gsize i = 0; i < G_N_ELEMENTS(f); i++)
        h = mix_str(h, f[i]);
    gint64 n[] = { e->type,
                   e->has_event_timestamp,
                   e->event_timestamp,
                   e->has_timestamp,
                   e->timestamp_us,
                   e->src_port,
                   e->dest_port,
                   e->has_flow_id,
                   (gint64)e->flow_id,
                   e->alert.present,
                   (gint64)e->alert.signature_id,
                   e->alert.rev,
                   e->alert.action,
                   e->alert.severity,
                   e->netflow.present,
                   (gint64)e->netflow.pkts,
                   (gint64)e->netflow.bytes,
                   e->raw_eve,
                   (gint64)e->line,
                   (gint64)e->record };
    return mix(h, n, sizeof n);
}

static guint64
touch_event(const LogEvent *e)
{
    return touch(e->firewall_name) + touch(e->availability_zone) + touch(e->event_type) +
           touch(e->src_ip) + touch(e->dest_ip) + touch(e->proto) + touch(e->app_proto) +
           touch(e->direction) + touch(e->alert.signature) + touch(e->alert.action_text) +
           touch(e->alert.category) + touch(e->verdict_action) + touch(e->tls_sni) +
           touch(e->http_hostname) + touch(e->http_url) + touch(e->http_user_agent) +
           touch(e->dns_rrname) + touch(e->raw) + e->alert.signature_id + e->line;
}

static void
read_all(const char *path, gboolean slow, gboolean ahead, gboolean keep_other, LogStats *out,
         guint64 *digest)
{
    GError *error = NULL;
    LogReader *reader = log_reader_open(path, &error);
    if (!reader) {
        g_clear_error(&error);
        return;
    }
    log_reader_set_force_slow(reader, slow);
    log_reader_set_decode_ahead(reader, ahead);
    log_reader_set_keep_other(reader, keep_other);
    LogEvent event;
    volatile guint64 sink = 0;
    for (;;) {
        if (log_reader_next(reader, &event, &error)) {
            sink += touch_event(&event);
            *digest = digest_event(*digest, &event);
            continue;
        }
        if (!error)
            break;
        g_clear_error(&error);
    }
    (void)sink;
    log_stats_merge(out, log_reader_get_stats(reader));
    log_reader_free(reader);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int fd = memfd_create("fuzz-log", MFD_CLOEXEC);
    if (fd < 0)
        abort();
    gsize done = 0;
    while (done < size) {
        ssize_t n = write(fd, data + done, size - done);
        if (n <= 0)
            abort();
        done += (gsize)n;
    }
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    gboolean keep_other = size > 0 && (data[size - 1] & 1);

    LogStats fast, slow;
    log_stats_init(&fast);
    log_stats_init(&slow);
    guint64 fast_digest = G_GUINT64_CONSTANT(14695981039346656037), slow_digest = fast_digest;
    /* Decode-ahead (a thread inflating gzip) is left out: with it this
     * target found a records mismatch on gzip inputs that did not reproduce
     * alone (bench/README.md, issue 15); analyze keeps it off meanwhile. */
    read_all(path, FALSE, FALSE, keep_other, &fast, &fast_digest);
    read_all(path, TRUE, FALSE, keep_other, &slow, &slow_digest);
    gboolean same_skips = TRUE;
    for (int k = 0; k < LOG_SKIP_N; k++)
        same_skips = same_skips && fast.skipped[k] == slow.skipped[k];
    if (fast.used != slow.used || fast.records != slow.records || !same_skips ||
        fast_digest != slow_digest) {
        fprintf(stderr,
                "fast/slow mismatch: used %" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT
                ", records %" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT
                ", skip reasons %s, events %s\n",
                fast.used, slow.used, fast.records, slow.records, same_skips ? "same" : "differ",
                fast_digest == slow_digest ? "same" : "differ");
        abort();
    }
    log_stats_clear(&fast);
    log_stats_clear(&slow);
    close(fd);
    /* The rewrite query applies before cJSON (NULs shown as \x00), on any
     * bytes: ASan judges. */
    GString *shown = g_string_new(NULL);
    (void)log_text_show_nul((const char *)data, size, shown);
    g_string_free(shown, TRUE);
    return 0;
}
