/*
 * query_time.c - time in the query language: @timestamp of an NFW record,
 * ISO 8601 parsing, and rounding to periods (bin, datefloor, dateceil).
 *
 * @timestamp comes from the event, not from the time of reading:
 * event.timestamp ("2025-02-24T14:30:57.933410+0000", µs precision, cut to
 * ms) when present, else the envelope's event_timestamp (epoch seconds; a
 * string in alert/flow logs, a number in TLS logs).  CloudWatch stamps an
 * NFW record with the time it was delivered, which is close to these but
 * not equal; offline, the event's own time is the only one there is.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "logs/logs.h"
#include "query/query_internal.h"

static gint64
floor_div(gint64 a, gint64 b)
{
    gint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* The log reader's ISO 8601 reader, cut to milliseconds. */
gboolean
query_time_parse(const char *s, gint64 *out_ms)
{
    gint64 us;
    if (!log_time_parse(s, strlen(s), &us))
        return FALSE;
    *out_ms = floor_div(us, 1000);
    return TRUE;
}

gboolean
query_record_timestamp_ms(const cJSON *record, gint64 *out_ms)
{
    if (!cJSON_IsObject(record))
        return FALSE;
    const cJSON *event = cJSON_GetObjectItemCaseSensitive(record, "event");
    const cJSON *ts =
        cJSON_GetObjectItemCaseSensitive(cJSON_IsObject(event) ? event : record, "timestamp");
    if (cJSON_IsString(ts) && query_time_parse(ts->valuestring, out_ms))
        return TRUE;
    const cJSON *et = cJSON_GetObjectItemCaseSensitive(record, "event_timestamp");
    /* Seconds that fit in gint64 milliseconds only: the casts and the
   * multiplication below would overflow otherwise (undefined behaviour). */
    if (cJSON_IsNumber(et) && fabs(et->valuedouble) < (double)(G_MAXINT64 / 1000)) {
        *out_ms = (gint64)(et->valuedouble * 1000.0);
        return TRUE;
    }
    if (cJSON_IsString(et)) {
        char *end = NULL;
        gint64 secs = g_ascii_strtoll(et->valuestring, &end, 10);
        if (end != et->valuestring && *end == '\0' && secs > G_MININT64 / 1000 &&
            secs < G_MAXINT64 / 1000) {
            *out_ms = secs * 1000;
            return TRUE;
        }
    }
    return FALSE;
}

/* Milliseconds at the first of month `idx` (year * 12 + month - 1). */
static gint64
month_start_ms(gint64 idx)
{
    gint64 year = floor_div(idx, 12);
    return log_days_from_civil(year, (guint)(idx - year * 12) + 1, 1) * 86400000;
}

gint64
query_time_round(gint64 ms, gint64 period_ms, int months, gboolean ceil)
{
    if (months > 0) {
        gint64 days = floor_div(ms, 86400000);
        int y, m, d;
        base_civil_from_days(days, &y, &m, &d);
        gint64 idx = (gint64)y * 12 + (m - 1);
        gint64 start_idx = floor_div(idx, months) * months;
        gint64 start = month_start_ms(start_idx);
        if (!ceil || start == ms)
            return start;
        return month_start_ms(start_idx + months);
    }
    gint64 start = floor_div(ms, period_ms) * period_ms;
    if (ceil && start != ms)
        return start + period_ms;
    return start;
}
