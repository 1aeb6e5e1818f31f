/*
 * read_logs.c - hostile-read-logs: the log reader's end-to-end test tool
 * (until the `query`/`analyze` commands exist, it is how tests/hostile/
 * drives src/logs through a real process, with its exit status and RSS).
 *
 *   hostile-read-logs [--keys] [--show] PATH...   ("-" = standard input)
 *
 * Prints "used N", "records N", one "skipped REASON N first-sample" line
 * per reason that occurred, and with --keys "keys N": the distinct
 * (signature_id, src_ip, dest_port) keys, aggregated the way an analysis
 * would (memory grows with keys, not with events).  --show prints the SNI,
 * HTTP host and URL of each event, escaped for the terminal and as JSON
 * strings, to check that hostile bytes never reach the output raw (a NUL
 * inside a value is shown as \x00 in text; JSON strings stop at it).
 * Exit status: 0 when at least one event was used or nothing was wrong,
 * 2 when nothing usable remains (every record skipped, or an input error).
 */
#include <stdio.h>
#include <string.h>
#include <glib.h>

#include "logs/logs.h"
#include "base/base.h"

static void
show(const char *label, LogStr s)
{
    if (!s.ptr)
        return;
    /* The borrowed slice may hold NUL bytes: escape what a C string sees,
     * and say how long the value really was. */
    g_autofree char *text = log_str_dup(s);
    GString *term = g_string_new(NULL);
    for (gsize start = 0; start <= s.len;) {
        const char *nul = memchr(s.ptr + start, '\0', s.len - start);
        gsize end = nul ? (gsize)(nul - s.ptr) : s.len;
        g_autofree char *piece = g_strndup(s.ptr + start, end - start);
        base_escape_terminal(term, piece);
        if (!nul)
            break;
        g_string_append(term, "\\x00");
        start = end + 1;
    }
    cJSON *json = base_json_string(text);
    char *json_text = base_json_text(json, FALSE);
    printf("%s len=%" G_GSIZE_FORMAT " text=%s json=%s\n", label, s.len, term->str, json_text);
    g_free(json_text);
    cJSON_Delete(json);
    g_string_free(term, TRUE);
}

int
main(int argc, char **argv)
{
    gboolean keys = FALSE, show_fields = FALSE;
    GPtrArray *paths = g_ptr_array_new();
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--keys") == 0)
            keys = TRUE;
        else if (strcmp(argv[i], "--show") == 0)
            show_fields = TRUE;
        else
            g_ptr_array_add(paths, argv[i]);
    }
    if (paths->len == 0) {
        fprintf(stderr, "usage: hostile-read-logs [--keys] [--show] PATH...\n");
        return 2;
    }
    GError *error = NULL;
    LogReader *reader =
        log_reader_open_paths((const char *const *)paths->pdata, paths->len, &error);
    if (!reader) {
        fprintf(stderr, "hostile-read-logs: %s\n", error->message);
        return 2;
    }
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    gboolean input_error = FALSE;
    LogEvent ev;
    for (;;) {
        if (!log_reader_next(reader, &ev, &error)) {
            if (!error)
                break;
            fprintf(stderr, "hostile-read-logs: %s\n", error->message);
            g_clear_error(&error);
            input_error = TRUE;
            continue;
        }
        if (keys) {
            char key[160];
            g_snprintf(key, sizeof key, "%" G_GUINT64_FORMAT "|%.*s|%d", ev.alert.signature_id,
                       (int)MIN(ev.src_ip.len, 64), ev.src_ip.ptr ? ev.src_ip.ptr : "",
                       ev.dest_port);
            if (!g_hash_table_contains(seen, key))
                g_hash_table_add(seen, g_strdup(key));
        }
        if (show_fields) {
            show("sni", ev.tls_sni);
            show("host", ev.http_hostname);
            show("url", ev.http_url);
            show("msg", ev.alert.signature);
        }
    }
    const LogStats *st = log_reader_get_stats(reader);
    printf("used %" G_GUINT64_FORMAT "\nrecords %" G_GUINT64_FORMAT "\n", st->used, st->records);
    for (int r = 0; r < LOG_SKIP_N; r++) {
        if (!st->skipped[r])
            continue;
        const char *sample =
            st->samples[r] && st->samples[r]->len ? g_ptr_array_index(st->samples[r], 0) : "-";
        printf("skipped %s %" G_GUINT64_FORMAT " %s\n", log_skip_reason_name(r), st->skipped[r],
               sample);
    }
    if (keys)
        printf("keys %u\n", g_hash_table_size(seen));
    gboolean usable = st->used > 0 || (log_stats_skipped_total(st) == 0 && !input_error);
    g_hash_table_unref(seen);
    log_reader_free(reader);
    g_ptr_array_unref(paths);
    return usable ? 0 : 2;
}
