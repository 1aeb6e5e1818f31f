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
read_all(const char *path, gboolean slow, gboolean keep_other, LogStats *out)
{
    GError *error = NULL;
    LogReader *reader = log_reader_open(path, &error);
    if (!reader) {
        g_clear_error(&error);
        return;
    }
    log_reader_set_force_slow(reader, slow);
    log_reader_set_keep_other(reader, keep_other);
    LogEvent event;
    volatile guint64 sink = 0;
    for (;;) {
        if (log_reader_next(reader, &event, &error)) {
            sink += touch_event(&event);
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
    read_all(path, FALSE, keep_other, &fast);
    read_all(path, TRUE, keep_other, &slow);
    if (fast.used != slow.used || fast.records != slow.records ||
        log_stats_skipped_total(&fast) != log_stats_skipped_total(&slow)) {
        fprintf(stderr,
                "fast/slow mismatch: used %" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT
                ", records %" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT "\n",
                fast.used, slow.used, fast.records, slow.records);
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
