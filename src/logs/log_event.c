/*
 * log_event.c - small helpers around LogEvent: time parsing, the filter,
 * borrowed strings, and LogStats (counts that threads merge at the end).
 *
 * Time parsing is hand-written rather than GDateTime because it runs for
 * every record on the hot path; it accepts the shapes NFW and Suricata
 * write ("+0000", "Z", "+00:00", 0-9 fraction digits) and those people
 * write in queries and options (no seconds, "+02", ',' as decimal sign).
 */
#include <string.h>

#include "logs/logs.h"

G_DEFINE_QUARK(nfw - logs - error - quark, log_error)

static const char *const skip_names[LOG_SKIP_N] = {
    [LOG_SKIP_BAD_JSON] = "bad-json",
    [LOG_SKIP_NOT_NFW_RECORD] = "not-nfw-record",
    [LOG_SKIP_UNKNOWN_EVENT_TYPE] = "unknown-event-type",
    [LOG_SKIP_BAD_FIELD] = "bad-field",
    [LOG_SKIP_LINE_TOO_LONG] = "line-too-long",
    [LOG_SKIP_TRUNCATED_GZIP] = "truncated-gzip",
    [LOG_SKIP_CORRUPT_GZIP] = "corrupt-gzip",
    [LOG_SKIP_GZIP_BOMB] = "gzip-bomb",
};

const char *
log_skip_reason_name(LogSkipReason reason)
{
    return reason < LOG_SKIP_N ? skip_names[reason] : "unknown";
}

void
log_stats_init(LogStats *stats)
{
    memset(stats, 0, sizeof *stats);
    for (int i = 0; i < LOG_SKIP_N; i++)
        stats->samples[i] = g_ptr_array_new_with_free_func(g_free);
}

void
log_stats_clear(LogStats *stats)
{
    for (int i = 0; i < LOG_SKIP_N; i++)
        if (stats->samples[i])
            g_ptr_array_unref(stats->samples[i]);
    memset(stats, 0, sizeof *stats);
}

void
log_stats_merge(LogStats *dst, const LogStats *src)
{
    dst->files += src->files;
    dst->files_ignored += src->files_ignored;
    dst->bytes_in += src->bytes_in;
    dst->bytes_decoded += src->bytes_decoded;
    dst->lines += src->lines;
    dst->records += src->records;
    dst->empty += src->empty;
    dst->used += src->used;
    dst->filtered += src->filtered;
    dst->alerts += src->alerts;
    dst->netflows += src->netflows;
    dst->tls_logs += src->tls_logs;
    dst->others += src->others;
    dst->slow_path += src->slow_path;
    dst->prefiltered += src->prefiltered;
    for (int i = 0; i < LOG_SKIP_N; i++) {
        dst->skipped[i] += src->skipped[i];
        for (guint j = 0; j < src->samples[i]->len && dst->samples[i]->len < LOG_STATS_SAMPLES; j++)
            g_ptr_array_add(dst->samples[i], g_strdup(src->samples[i]->pdata[j]));
    }
}

guint64
log_stats_skipped_total(const LogStats *stats)
{
    guint64 n = 0;
    for (int i = 0; i < LOG_SKIP_N; i++)
        n += stats->skipped[i];
    return n;
}

gboolean
log_str_equal(LogStr s, const char *text)
{
    gsize n = strlen(text);
    return s.ptr != NULL && s.len == n && memcmp(s.ptr, text, n) == 0;
}

LogStr
log_str_before_nul(LogStr s)
{
    const char *nul = s.ptr ? memchr(s.ptr, '\0', s.len) : NULL;
    if (nul != NULL)
        s.len = (gsize)(nul - s.ptr);
    return s;
}

/* The first NUL a JSON text holds: a raw NUL byte or a "\u0000" escape
 * (not "\\u0000", an escaped backslash then "u0000"), or NULL. */
static const char *
json_first_nul(const char *p, const char *end)
{
    const char *raw = memchr(p, '\0', (gsize)(end - p));
    const char *stop = raw ? raw : end;
    while ((p = memchr(p, '\\', (gsize)(stop - p))) != NULL) {
        if (stop - p >= 6 && memcmp(p + 1, "u0000", 5) == 0)
            return p;
        p += 2; /* an escape pair: its second byte is never a new escape */
        if (p >= stop)
            break;
    }
    return raw;
}

gboolean
log_text_show_nul(const char *text, gsize len, GString *out)
{
    const char *p = text, *end = text + len;
    const char *nul = json_first_nul(p, end);
    if (nul == NULL)
        return FALSE;
    g_string_truncate(out, 0);
    while (nul != NULL) {
        g_string_append_len(out, p, nul - p);
        g_string_append(out, "\\\\x00"); /* JSON text for the characters \x00 */
        p = nul + (*nul == '\0' ? 1 : 6);
        nul = json_first_nul(p, end);
    }
    g_string_append_len(out, p, end - p);
    return TRUE;
}

char *
log_str_dup(LogStr s)
{
    return s.ptr ? g_strndup(s.ptr, s.len) : NULL;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
gint64
log_days_from_civil(gint64 y, guint m, guint d)
{
    y -= m <= 2;
    gint64 era = (y >= 0 ? y : y - 399) / 400;
    guint yoe = (guint)(y - era * 400);
    guint doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    guint doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (gint64)doe - 719468;
}

static gboolean
num(const char *p, const char *end, int n, guint *out)
{
    guint v = 0;
    if (end - p < n)
        return FALSE;
    for (int i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9')
            return FALSE;
        v = v * 10 + (guint)(p[i] - '0');
    }
    *out = v;
    return TRUE;
}

/* The one ISO 8601 reader of the project: Suricata's timestamps in logs,
 * and the times users write in queries and options. */
gboolean
log_time_parse(const char *s, gsize len, gint64 *out_us)
{
    const char *p = s, *end = s + len;
    guint y, mo, d, h = 0, mi = 0, se = 0;
    if (!num(p, end, 4, &y) || len < 10 || p[4] != '-' || !num(p + 5, end, 2, &mo) || p[7] != '-' ||
        !num(p + 8, end, 2, &d) || mo < 1 || mo > 12 || d < 1 || d > 31)
        return FALSE;
    p += 10;
    gint64 frac_us = 0;
    gint64 offset_s = 0;
    if (p < end) {
        if ((*p != 'T' && *p != ' ') || !num(p + 1, end, 2, &h) || end - p < 6 || p[3] != ':' ||
            !num(p + 4, end, 2, &mi))
            return FALSE;
        p += 6;
        if (p < end && *p == ':') { /* seconds may be left out (queries) */
            if (!num(p + 1, end, 2, &se))
                return FALSE;
            p += 3;
        }
        if (h > 23 || mi > 59 || se > 60)
            return FALSE;
        if (p < end && (*p == '.' || *p == ',')) {
            p++;
            int digits = 0;
            for (; p < end && *p >= '0' && *p <= '9'; p++, digits++)
                if (digits < 6)
                    frac_us = frac_us * 10 + (*p - '0');
            if (digits == 0)
                return FALSE;
            for (; digits < 6; digits++)
                frac_us *= 10;
        }
        if (p < end && (*p == 'Z' || *p == 'z')) {
            p++;
        } else if (p < end && (*p == '+' || *p == '-')) {
            /* +HH, +HHMM or +HH:MM */
            int sign = *p == '-' ? -1 : 1;
            guint oh, om = 0;
            if (!num(p + 1, end, 2, &oh))
                return FALSE;
            p += 3;
            if (p < end && *p == ':') {
                if (!num(p + 1, end, 2, &om))
                    return FALSE;
                p += 3;
            } else if (p < end) {
                if (!num(p, end, 2, &om))
                    return FALSE;
                p += 2;
            }
            if (oh > 23 || om > 59)
                return FALSE;
            offset_s = sign * (gint64)(oh * 3600 + om * 60);
        }
    }
    if (p != end)
        return FALSE;
    gint64 secs = log_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se - offset_s;
    *out_us = secs * G_USEC_PER_SEC + frac_us;
    return TRUE;
}

gboolean
log_event_time(const LogEvent *event, gint64 *out_us)
{
    if (event->has_timestamp) {
        *out_us = event->timestamp_us;
        return TRUE;
    }
    if (event->has_event_timestamp) {
        *out_us = event->event_timestamp * G_USEC_PER_SEC;
        return TRUE;
    }
    return FALSE;
}

gboolean
log_filter_match(const LogFilter *filter, const LogEvent *event)
{
    if (filter == NULL)
        return TRUE;
    if (filter->has_since || filter->has_until) {
        gint64 t;
        if (!log_event_time(event, &t))
            return FALSE;
        if (filter->has_since && t < filter->since_us)
            return FALSE;
        if (filter->has_until && t >= filter->until_us)
            return FALSE;
    }
    if (filter->firewalls) {
        for (const char *const *f = filter->firewalls; *f; f++)
            if (log_str_equal(log_str_before_nul(event->firewall_name), *f))
                return TRUE;
        return FALSE;
    }
    return TRUE;
}
