/*
 * cli_logs.c - what the log commands (analyze, query) say when their
 * filters leave nothing: a run over logs that used no record is an input
 * or usage error (exit 2), never a clean report of "every rule unused".
 *
 * Decisions:
 *  - The reader counts what the filter set aside but not what it held
 *    (which firewalls, which times): only when a filter matched nothing
 *    are the inputs read a second time, without the filter, to name what
 *    they do hold.  The cost falls on the error path alone.
 *  - At most CLI_SEEN_NAMES firewall names are listed, most records first,
 *    so that the message stays one readable line.
 *  - Standard input cannot be read twice: the message then gives only the
 *    counts the reader kept.
 */
#include "cli/cli.h"

#include <string.h>

#include "base/base.h"

#define CLI_SEEN_NAMES 8

typedef struct {
    GHashTable *names; /* firewall name -> guint64* record count */
    guint64 no_name;   /* records without firewall_name (raw EVE) */
    guint64 records;
    gboolean has_time;
    gint64 first_us, last_us;
} LogsSeen;

static void
logs_seen_scan(const char *const *paths, gsize n_paths, LogsSeen *seen)
{
    seen->names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    GError *error = NULL;
    LogReader *reader = log_reader_open_paths(paths, n_paths, &error);
    if (reader == NULL) {
        g_clear_error(&error);
        return;
    }
    LogEvent ev;
    for (;;) {
        if (!log_reader_next(reader, &ev, &error)) {
            if (error == NULL)
                break;
            g_clear_error(&error);
            continue;
        }
        seen->records++;
        LogStr name = log_str_before_nul(ev.firewall_name);
        if (name.ptr == NULL) {
            seen->no_name++;
        } else {
            char *key = g_strndup(name.ptr, name.len);
            guint64 *count = g_hash_table_lookup(seen->names, key);
            if (count == NULL) {
                count = g_new0(guint64, 1);
                g_hash_table_insert(seen->names, key, count);
            } else {
                g_free(key);
            }
            (*count)++;
        }
        gint64 t;
        if (log_event_time(&ev, &t)) {
            if (!seen->has_time || t < seen->first_us)
                seen->first_us = t;
            if (!seen->has_time || t > seen->last_us)
                seen->last_us = t;
            seen->has_time = TRUE;
        }
    }
    log_reader_free(reader);
}

static gint
compare_by_count(gconstpointer a, gconstpointer b, gpointer data)
{
    GHashTable *names = data;
    const char *na = *(const char *const *)a, *nb = *(const char *const *)b;
    guint64 ca = *(guint64 *)g_hash_table_lookup(names, na);
    guint64 cb = *(guint64 *)g_hash_table_lookup(names, nb);
    if (ca != cb)
        return ca > cb ? -1 : 1;
    return strcmp(na, nb);
}

static void
append_time(GString *out, gint64 us)
{
    char *text = base_utc_format(us / G_USEC_PER_SEC, "%Y-%m-%dT%H:%M:%SZ");
    g_string_append(out, text ? text : "?");
    g_free(text);
}

/* "firewalls a (12 records), b (3 records); times 2024-.. to 2024-.." */
static void
append_seen(GString *out, const LogsSeen *seen)
{
    GPtrArray *names = g_ptr_array_new();
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, seen->names);
    while (g_hash_table_iter_next(&it, &key, NULL))
        g_ptr_array_add(names, key);
    g_ptr_array_sort_with_data(names, compare_by_count, seen->names);
    if (names->len == 0 && seen->no_name == 0)
        g_string_append(out, "no record");
    if (names->len > 0)
        g_string_append(out, names->len == 1 ? "firewall " : "firewalls ");
    for (guint i = 0; i < names->len && i < CLI_SEEN_NAMES; i++) {
        const char *name = g_ptr_array_index(names, i);
        guint64 n = *(guint64 *)g_hash_table_lookup(seen->names, name);
        if (i > 0)
            g_string_append(out, ", ");
        g_string_append_c(out, '\'');
        base_escape_terminal(out, name);
        g_string_append_printf(out, "' (%" G_GUINT64_FORMAT " record%s)", n, n == 1 ? "" : "s");
    }
    if (names->len > CLI_SEEN_NAMES)
        g_string_append_printf(out, " and %u more", names->len - CLI_SEEN_NAMES);
    if (seen->no_name > 0)
        g_string_append_printf(out, "%s%" G_GUINT64_FORMAT " record%s without firewall_name",
                               names->len ? " and " : "", seen->no_name,
                               seen->no_name == 1 ? "" : "s");
    if (seen->has_time) {
        g_string_append(out, ", from ");
        append_time(out, seen->first_us);
        g_string_append(out, " to ");
        append_time(out, seen->last_us);
    }
    g_ptr_array_unref(names);
}

static gboolean
reads_stdin(const char *const *paths, gsize n_paths)
{
    for (gsize i = 0; i < n_paths; i++)
        if (strcmp(paths[i], "-") == 0)
            return TRUE;
    return FALSE;
}

static void
append_filter(GString *out, const LogFilter *filter, const gboolean *firewall_matched)
{
    gboolean any = FALSE;
    if (filter->firewalls != NULL) {
        for (guint i = 0; filter->firewalls[i]; i++) {
            if (firewall_matched != NULL && firewall_matched[i])
                continue;
            g_string_append_printf(out, "%s--firewall '", any ? " " : "");
            base_escape_terminal(out, filter->firewalls[i]);
            g_string_append_c(out, '\'');
            any = TRUE;
        }
    }
    if (filter->has_since) {
        g_string_append_printf(out, "%s--since ", any ? " " : "");
        append_time(out, filter->since_us);
        any = TRUE;
    }
    if (filter->has_until) {
        g_string_append_printf(out, "%s--until ", any ? " " : "");
        append_time(out, filter->until_us);
    }
}

gboolean
cli_logs_matched(const char *command, const LogStats *stats, const char *const *paths,
                 gsize n_paths, const LogFilter *filter, const gboolean *firewall_matched)
{
    if (stats->records == 0) {
        GString *names = g_string_new(NULL);
        for (gsize i = 0; i < n_paths; i++)
            g_string_append_printf(names, "%s%s", i ? ", " : "",
                                   strcmp(paths[i], "-") == 0 ? "<stdin>" : paths[i]);
        cli_error(command,
                  "no log record in %s (%" G_GUINT64_FORMAT " file%s read, %" G_GUINT64_FORMAT
                  " blank line%s): nothing to analyze",
                  names->str, stats->files, stats->files == 1 ? "" : "s", stats->empty,
                  stats->empty == 1 ? "" : "s");
        g_string_free(names, TRUE);
        return FALSE;
    }
    gboolean none_used = stats->used == 0 && stats->filtered > 0;
    gboolean some_name_unmatched = FALSE;
    if (filter != NULL && filter->firewalls != NULL && firewall_matched != NULL && !none_used)
        for (guint i = 0; filter->firewalls[i]; i++)
            some_name_unmatched |= !firewall_matched[i];
    if (!none_used && !some_name_unmatched)
        return TRUE;
    GString *msg = g_string_new(NULL);
    if (none_used) {
        g_string_append(msg, "no record matches ");
        append_filter(msg, filter, NULL);
        g_string_append_printf(msg, " (all %" G_GUINT64_FORMAT " record%s filtered out)",
                               stats->filtered, stats->filtered == 1 ? "" : "s");
    } else {
        append_filter(msg, filter, firewall_matched);
        g_string_append(msg, " matched no record (a typing error?)");
    }
    if (reads_stdin(paths, n_paths)) {
        g_string_append(msg, "; standard input cannot be read again to list what it holds");
    } else {
        LogsSeen seen = { 0 };
        logs_seen_scan(paths, n_paths, &seen);
        g_string_append(msg, "; the logs hold ");
        append_seen(msg, &seen);
        g_hash_table_destroy(seen.names);
    }
    cli_error(command, "%s", msg->str);
    g_string_free(msg, TRUE);
    return FALSE;
}

gboolean
cli_window_check(const char *command, const LogFilter *filter)
{
    if (!filter->has_since || !filter->has_until || filter->since_us < filter->until_us)
        return TRUE;
    GString *a = g_string_new(NULL), *b = g_string_new(NULL);
    append_time(a, filter->since_us);
    append_time(b, filter->until_us);
    cli_error(command, "--since %s is not before --until %s: the window is empty", a->str, b->str);
    g_string_free(a, TRUE);
    g_string_free(b, TRUE);
    return FALSE;
}
