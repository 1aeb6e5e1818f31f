/*
 * query_value.c - QueryValue: the one value type of the query evaluator,
 * its text form and its ordering.
 *
 * CloudWatch compares two values numerically when both look like numbers
 * ("443" = 443), else as text.  A number's text form is the shortest one
 * that reads back the same (1208, 0.5, 3.3333333333333335); a time is shown
 * as "2025-02-24 14:30:57.933" (UTC, milliseconds), as the console does.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "query/query_internal.h"

void
qv_clear(QueryValue *v)
{
    if (v->owned)
        g_free((char *)v->str);
    v->kind = QV_NULL;
    v->owned = FALSE;
    v->str = NULL;
    v->num = 0;
}

void
qv_set_null(QueryValue *v)
{
    qv_clear(v);
}

void
qv_set_bool(QueryValue *v, gboolean b)
{
    qv_clear(v);
    v->kind = QV_BOOL;
    v->num = b ? 1 : 0;
}

void
qv_set_num(QueryValue *v, double n)
{
    qv_clear(v);
    if (isnan(n) || isinf(n))
        return; /* null: CloudWatch shows no value for 0/0, log(-1) */
    v->kind = QV_NUM;
    v->num = n;
}

void
qv_set_time(QueryValue *v, double ms)
{
    qv_clear(v);
    if (isnan(ms) || isinf(ms))
        return;
    v->kind = QV_TIME;
    v->num = ms;
}

void
qv_set_str_borrowed(QueryValue *v, const char *s)
{
    qv_clear(v);
    v->kind = QV_STR;
    v->str = s;
}

void
qv_set_str_owned(QueryValue *v, char *s)
{
    qv_clear(v);
    v->kind = QV_STR;
    v->str = s;
    v->owned = TRUE;
}

void
qv_copy(QueryValue *dst, const QueryValue *src)
{
    if (dst == src)
        return;
    qv_clear(dst);
    *dst = *src;
    if (src->kind == QV_STR) {
        dst->str = g_strdup(src->str);
        dst->owned = TRUE;
    } else {
        dst->owned = FALSE;
    }
}

void
qv_own(QueryValue *v)
{
    if (v->kind == QV_STR && !v->owned) {
        v->str = g_strdup(v->str);
        v->owned = TRUE;
    }
}

static gboolean
text_to_number(const char *s, double *out)
{
    while (*s == ' ' || *s == '\t')
        s++;
    if (*s == '\0')
        return FALSE;
    /* Only decimal numbers: strtod would also take "nan", "inf" and hex. */
    const char *p = s;
    if (*p == '+' || *p == '-')
        p++;
    if (!g_ascii_isdigit(*p) && !(*p == '.' && g_ascii_isdigit(p[1])))
        return FALSE;
    char *end = NULL;
    double d = g_ascii_strtod(s, &end);
    if (end == s)
        return FALSE;
    while (*end == ' ' || *end == '\t')
        end++;
    if (*end != '\0')
        return FALSE;
    *out = d;
    return TRUE;
}

gboolean
qv_to_number(const QueryValue *v, double *out)
{
    switch (v->kind) {
    case QV_NUM:
    case QV_BOOL:
    case QV_TIME: *out = v->num; return TRUE;
    case QV_STR: return text_to_number(v->str, out);
    default: return FALSE;
    }
}

gboolean
qv_is_numeric(const QueryValue *v)
{
    double d;
    return qv_to_number(v, &d);
}

gboolean
qv_truthy(const QueryValue *v)
{
    switch (v->kind) {
    case QV_BOOL:
    case QV_NUM: return v->num != 0;
    case QV_TIME: return TRUE;
    case QV_STR: return v->str[0] != '\0';
    default: return FALSE;
    }
}

void
query_time_format(GString *out, gint64 ms)
{
    gint64 days = ms >= 0 ? ms / 86400000 : -((-ms + 86399999) / 86400000);
    gint64 rem = ms - days * 86400000;
    int y, m, d;
    base_civil_from_days(days, &y, &m, &d);
    g_string_append_printf(out, "%04d-%02d-%02d %02d:%02d:%02d.%03d", y, m, d, (int)(rem / 3600000),
                           (int)(rem / 60000 % 60), (int)(rem / 1000 % 60), (int)(rem % 1000));
}

static void
append_number(GString *out, double n)
{
    if (n == floor(n) && fabs(n) < 1e17) {
        g_string_append_printf(out, "%.0f", n);
        return;
    }
    /* the shortest text that reads back the same: 56.782, not 56.781999999999996 */
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    for (int digits = 15; digits <= 17; digits++) {
        g_ascii_formatd(buf, sizeof buf,
                        digits == 15   ? "%.15g"
                        : digits == 16 ? "%.16g"
                                       : "%.17g",
                        n);
        if (g_ascii_strtod(buf, NULL) == n)
            break;
    }
    g_string_append(out, buf);
}

void
qv_append(GString *out, const QueryValue *v)
{
    switch (v->kind) {
    case QV_BOOL: g_string_append(out, v->num != 0 ? "true" : "false"); break;
    case QV_NUM: append_number(out, v->num); break;
    case QV_TIME: query_time_format(out, (gint64)v->num); break;
    case QV_STR: g_string_append(out, v->str); break;
    default: break;
    }
}

char *
qv_to_string(const QueryValue *v)
{
    if (v->kind == QV_NULL)
        return NULL;
    if (v->kind == QV_STR)
        return g_strdup(v->str);
    GString *s = g_string_new(NULL);
    qv_append(s, v);
    return g_string_free(s, FALSE);
}

int
qv_compare(const QueryValue *a, const QueryValue *b)
{
    double x, y;
    if (qv_to_number(a, &x) && qv_to_number(b, &y))
        return x < y ? -1 : x > y ? 1 : 0;
    if (a->kind == QV_STR && b->kind == QV_STR)
        return strcmp(a->str, b->str);
    g_autofree char *sa = qv_to_string(a);
    g_autofree char *sb = qv_to_string(b);
    return strcmp(sa ? sa : "", sb ? sb : "");
}

int
qv_compare_nulls_last(const QueryValue *a, const QueryValue *b)
{
    if (a->kind == QV_NULL || b->kind == QV_NULL)
        return (a->kind == QV_NULL) - (b->kind == QV_NULL);
    return qv_compare(a, b);
}

void
qv_append_key(GString *key, const QueryValue *v)
{
    /* Numbers, times and text are apart: a number 443 and a text "443" make
   * two groups, as they are two different values in the log. */
    double d;
    if (v->kind == QV_NULL) {
        g_string_append_c(key, 'z');
    } else if (v->kind != QV_STR && qv_to_number(v, &d)) {
        g_string_append_c(key, v->kind == QV_TIME ? 't' : 'n');
        append_number(key, d);
    } else {
        g_string_append_c(key, 's');
        qv_append(key, v);
    }
    g_string_append_c(key, '\x1f');
}
