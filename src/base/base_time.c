/*
 * base_time.c - UTC calendar arithmetic and formatting (base.h).
 *
 * Times are integers since the epoch, always UTC: logs, rules and reports
 * never depend on the local time zone of the machine that reads them.
 */
#include "base/base.h"

/* Howard Hinnant's algorithm (days_from_civil's inverse), exact for every
 * gint64 day count a log can hold. */
void
base_civil_from_days(gint64 z, int *y, int *m, int *d)
{
    z += 719468;
    gint64 era = (z >= 0 ? z : z - 146096) / 146097;
    gint64 doe = z - era * 146097;
    gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    gint64 yy = yoe + era * 400;
    gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    gint64 mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

char *
base_utc_format(gint64 seconds, const char *format)
{
    GDateTime *t = g_date_time_new_from_unix_utc(seconds);
    if (t == NULL)
        return NULL;
    char *s = g_date_time_format(t, format);
    g_date_time_unref(t);
    return s;
}
