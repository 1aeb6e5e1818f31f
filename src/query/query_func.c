/*
 * query_func.c - the function table of Logs Insights QL: one entry per
 * function (name, argument counts, aggregate kind, implementation, one-line
 * summary), like Suricata's keyword table.  Adding a function is adding an
 * entry.
 *
 * Scalar functions get their arguments evaluated; a null argument gives a
 * null result unless the function is about presence (ispresent, isempty,
 * isblank, coalesce, concat).  Aggregates (agg != QAGG_NONE) have no
 * implementation here: query_agg.c accumulates them.  bin, datefloor and
 * dateceil take a time period (5m, 1h) and are evaluated in query_eval.c.
 *
 * Strings are UTF-8 from JSON; functions that count or cut characters
 * (strlen, substr) count characters when the text is valid UTF-8, bytes
 * otherwise (a log line may hold any bytes).
 */
#include <arpa/inet.h>
#include <math.h>
#include <string.h>

#include "query/query_internal.h"

static gboolean
arg_string(const QueryValue *v, char **out)
{
    *out = qv_to_string(v);
    return *out != NULL;
}

static gboolean
is_blank_text(const char *s)
{
    for (; *s; s++)
        if (!g_ascii_isspace(*s))
            return FALSE;
    return TRUE;
}

static void
fn_ispresent(Query *q, QueryValue *a, int n, QueryValue *out)
{
    qv_set_bool(out, a[0].kind != QV_NULL);
}

static void
fn_isempty(Query *q, QueryValue *a, int n, QueryValue *out)
{
    qv_set_bool(out, a[0].kind == QV_NULL || (a[0].kind == QV_STR && a[0].str[0] == '\0'));
}

static void
fn_isblank(Query *q, QueryValue *a, int n, QueryValue *out)
{
    qv_set_bool(out, a[0].kind == QV_NULL || (a[0].kind == QV_STR && is_blank_text(a[0].str)));
}

static void
fn_coalesce(Query *q, QueryValue *a, int n, QueryValue *out)
{
    for (int i = 0; i < n; i++) {
        if (a[i].kind != QV_NULL) {
            qv_copy(out, &a[i]);
            return;
        }
    }
    qv_set_null(out);
}

static void
fn_strlen(Query *q, QueryValue *a, int n, QueryValue *out)
{
    g_autofree char *s = NULL;
    if (!arg_string(&a[0], &s))
        return;
    gsize len = strlen(s);
    qv_set_num(out, g_utf8_validate(s, len, NULL) ? (double)g_utf8_strlen(s, len) : (double)len);
}

static void
fn_tolower(Query *q, QueryValue *a, int n, QueryValue *out)
{
    g_autofree char *s = NULL;
    if (!arg_string(&a[0], &s))
        return;
    qv_set_str_owned(out,
                     g_utf8_validate(s, -1, NULL) ? g_utf8_strdown(s, -1) : g_ascii_strdown(s, -1));
}

static void
fn_toupper(Query *q, QueryValue *a, int n, QueryValue *out)
{
    g_autofree char *s = NULL;
    if (!arg_string(&a[0], &s))
        return;
    qv_set_str_owned(out,
                     g_utf8_validate(s, -1, NULL) ? g_utf8_strup(s, -1) : g_ascii_strup(s, -1));
}

static void
fn_concat(Query *q, QueryValue *a, int n, QueryValue *out)
{
    GString *s = g_string_new(NULL);
    for (int i = 0; i < n; i++)
        qv_append(s, &a[i]);
    qv_set_str_owned(out, g_string_free(s, FALSE));
}

static void
fn_substr(Query *q, QueryValue *a, int n, QueryValue *out)
{
    g_autofree char *s = NULL;
    double start, len = -1;
    if (!arg_string(&a[0], &s) || !qv_to_number(&a[1], &start))
        return;
    if (n > 2 && !qv_to_number(&a[2], &len))
        return;
    gboolean utf8 = g_utf8_validate(s, -1, NULL);
    glong total = utf8 ? g_utf8_strlen(s, -1) : (glong)strlen(s);
    glong from = start < 0 ? 0 : (glong)start;
    if (from > total)
        from = total;
    glong count = len < 0 ? total - from : (glong)len;
    if (from + count > total)
        count = total - from;
    if (utf8) {
        const char *b = g_utf8_offset_to_pointer(s, from);
        const char *e = g_utf8_offset_to_pointer(b, count);
        qv_set_str_owned(out, g_strndup(b, e - b));
    } else {
        qv_set_str_owned(out, g_strndup(s + from, count));
    }
}

static void
fn_replace(Query *q, QueryValue *a, int n, QueryValue *out)
{
    g_autofree char *s = NULL, *from = NULL, *to = NULL;
    if (!arg_string(&a[0], &s) || !arg_string(&a[1], &from) || !arg_string(&a[2], &to))
        return;
    if (from[0] == '\0') {
        qv_set_str_owned(out, g_steal_pointer(&s));
        return;
    }
    GString *r = g_string_new(NULL);
    gsize flen = strlen(from);
    for (const char *p = s;;) {
        const char *hit = strstr(p, from);
        if (!hit) {
            g_string_append(r, p);
            break;
        }
        g_string_append_len(r, p, hit - p);
        g_string_append(r, to);
        p = hit + flen;
    }
    qv_set_str_owned(out, g_string_free(r, FALSE));
}

static void
fn_strcontains(Query *q, QueryValue *a, int n, QueryValue *out)
{
    g_autofree char *s = NULL, *sub = NULL;
    if (!arg_string(&a[0], &s) || !arg_string(&a[1], &sub))
        return;
    /* CloudWatch returns 1 or 0 */
    qv_set_num(out, strstr(s, sub) != NULL ? 1 : 0);
}

static void
trim_common(QueryValue *a, int n, QueryValue *out, gboolean left, gboolean right)
{
    g_autofree char *s = NULL, *chars = NULL;
    if (!arg_string(&a[0], &s))
        return;
    if (n > 1 && !arg_string(&a[1], &chars))
        return;
    const char *set = chars ? chars : " \t\n\r\f\v";
    char *b = s, *e = s + strlen(s);
    while (left && b < e && strchr(set, *b))
        b++;
    while (right && e > b && strchr(set, e[-1]))
        e--;
    qv_set_str_owned(out, g_strndup(b, e - b));
}

static void
fn_trim(Query *q, QueryValue *a, int n, QueryValue *out)
{
    trim_common(a, n, out, TRUE, TRUE);
}
static void
fn_ltrim(Query *q, QueryValue *a, int n, QueryValue *out)
{
    trim_common(a, n, out, TRUE, FALSE);
}
static void
fn_rtrim(Query *q, QueryValue *a, int n, QueryValue *out)
{
    trim_common(a, n, out, FALSE, TRUE);
}

static void
fn_frommillis(Query *q, QueryValue *a, int n, QueryValue *out)
{
    double ms;
    if (qv_to_number(&a[0], &ms))
        qv_set_time(out, floor(ms));
}

static void
fn_tomillis(Query *q, QueryValue *a, int n, QueryValue *out)
{
    gint64 ms;
    if (a[0].kind == QV_TIME || a[0].kind == QV_NUM)
        qv_set_num(out, a[0].num);
    else if (a[0].kind == QV_STR && query_time_parse(a[0].str, &ms))
        qv_set_num(out, (double)ms);
}

/* ---- IP addresses ---- */

static int
parse_ip(const char *s, unsigned char addr[16])
{
    if (inet_pton(AF_INET, s, addr) == 1)
        return 4;
    if (inet_pton(AF_INET6, s, addr) == 1)
        return 6;
    return 0;
}

static void
ip_valid(QueryValue *a, QueryValue *out, int want)
{
    g_autofree char *s = NULL;
    unsigned char addr[16];
    if (!arg_string(&a[0], &s)) {
        qv_set_bool(out, FALSE);
        return;
    }
    int fam = parse_ip(s, addr);
    qv_set_bool(out, fam != 0 && (want == 0 || fam == want));
}

static void
fn_isvalidip(Query *q, QueryValue *a, int n, QueryValue *out)
{
    ip_valid(a, out, 0);
}
static void
fn_isvalidipv4(Query *q, QueryValue *a, int n, QueryValue *out)
{
    ip_valid(a, out, 4);
}
static void
fn_isvalidipv6(Query *q, QueryValue *a, int n, QueryValue *out)
{
    ip_valid(a, out, 6);
}

static void
ip_in_subnet(QueryValue *a, QueryValue *out, int want)
{
    g_autofree char *ip = NULL, *net = NULL;
    qv_set_bool(out, FALSE);
    if (!arg_string(&a[0], &ip) || !arg_string(&a[1], &net))
        return;
    char *slash = strchr(net, '/');
    long bits = -1;
    if (slash) {
        char *end;
        *slash = '\0';
        bits = strtol(slash + 1, &end, 10);
        if (end == slash + 1 || *end != '\0')
            return;
    }
    unsigned char x[16], y[16];
    int fx = parse_ip(ip, x), fy = parse_ip(net, y);
    if (fx == 0 || fx != fy || (want && fx != want))
        return;
    int max = fx == 4 ? 32 : 128;
    if (bits < 0)
        bits = max;
    if (bits > max)
        return;
    for (int i = 0; i < bits; i++) {
        int byte = i / 8, mask = 0x80 >> (i % 8);
        if ((x[byte] & mask) != (y[byte] & mask))
            return;
    }
    qv_set_bool(out, TRUE);
}

static void
fn_isipinsubnet(Query *q, QueryValue *a, int n, QueryValue *out)
{
    ip_in_subnet(a, out, 0);
}
static void
fn_isipv4insubnet(Query *q, QueryValue *a, int n, QueryValue *out)
{
    ip_in_subnet(a, out, 4);
}
static void
fn_isipv6insubnet(Query *q, QueryValue *a, int n, QueryValue *out)
{
    ip_in_subnet(a, out, 6);
}

/* ---- numbers ---- */

#define NUMERIC_FN(fname, expr)                                        \
    static void fname(Query *q, QueryValue *a, int n, QueryValue *out) \
    {                                                                  \
        double x;                                                      \
        if (qv_to_number(&a[0], &x))                                   \
            qv_set_num(out, (expr));                                   \
    }

NUMERIC_FN(fn_abs, fabs(x))
NUMERIC_FN(fn_ceil, ceil(x))
NUMERIC_FN(fn_floor, floor(x))
NUMERIC_FN(fn_log, x > 0 ? log(x) : NAN)
NUMERIC_FN(fn_sqrt, x >= 0 ? sqrt(x) : NAN)

static void
extreme(QueryValue *a, int n, QueryValue *out, int sign)
{
    gboolean have = FALSE;
    double best = 0;
    for (int i = 0; i < n; i++) {
        double x;
        if (!qv_to_number(&a[i], &x))
            continue;
        if (!have || (sign > 0 ? x > best : x < best))
            best = x;
        have = TRUE;
    }
    if (have)
        qv_set_num(out, best);
}

static void
fn_greatest(Query *q, QueryValue *a, int n, QueryValue *out)
{
    extreme(a, n, out, 1);
}
static void
fn_least(Query *q, QueryValue *a, int n, QueryValue *out)
{
    extreme(a, n, out, -1);
}

static const QueryFunc funcs[] = {
    /* general */
    { "ispresent", 1, 1, QAGG_NONE, fn_ispresent, "true when the field exists" },
    { "coalesce", 1, -1, QAGG_NONE, fn_coalesce, "the first argument that is not null" },
    /* strings */
    { "isempty", 1, 1, QAGG_NONE, fn_isempty, "true when the field is missing or empty" },
    { "isblank", 1, 1, QAGG_NONE, fn_isblank, "true when missing, empty or only white space" },
    { "concat", 1, -1, QAGG_NONE, fn_concat, "the arguments joined" },
    { "ltrim", 1, 2, QAGG_NONE, fn_ltrim,
      "removes white space (or the given characters) at the left" },
    { "rtrim", 1, 2, QAGG_NONE, fn_rtrim,
      "removes white space (or the given characters) at the right" },
    { "trim", 1, 2, QAGG_NONE, fn_trim,
      "removes white space (or the given characters) at both ends" },
    { "strlen", 1, 1, QAGG_NONE, fn_strlen, "length in characters" },
    { "toupper", 1, 1, QAGG_NONE, fn_toupper, "upper case" },
    { "tolower", 1, 1, QAGG_NONE, fn_tolower, "lower case" },
    { "substr", 2, 3, QAGG_NONE, fn_substr, "substr(s, start[, length]), start at 0" },
    { "replace", 3, 3, QAGG_NONE, fn_replace, "replace(s, search, with): every occurrence" },
    { "strcontains", 2, 2, QAGG_NONE, fn_strcontains,
      "1 if the text contains the search text, else 0" },
    /* date and time */
    { "bin", 1, 1, QAGG_NONE, NULL, "bin(period): @timestamp rounded down to the period" },
    { "datefloor", 2, 2, QAGG_NONE, NULL, "datefloor(time, period): rounded down" },
    { "dateceil", 2, 2, QAGG_NONE, NULL, "dateceil(time, period): rounded up" },
    { "fromMillis", 1, 1, QAGG_NONE, fn_frommillis, "ms since the epoch to a time" },
    { "toMillis", 1, 1, QAGG_NONE, fn_tomillis, "a time to ms since the epoch" },
    /* IP addresses */
    { "isValidIp", 1, 1, QAGG_NONE, fn_isvalidip, "true for an IPv4 or IPv6 address" },
    { "isValidIpV4", 1, 1, QAGG_NONE, fn_isvalidipv4, "true for an IPv4 address" },
    { "isValidIpV6", 1, 1, QAGG_NONE, fn_isvalidipv6, "true for an IPv6 address" },
    { "isIpInSubnet", 2, 2, QAGG_NONE, fn_isipinsubnet, "isIpInSubnet(ip, \"10.0.0.0/8\")" },
    { "isIpv4InSubnet", 2, 2, QAGG_NONE, fn_isipv4insubnet, "isIpv4InSubnet(ip, \"10.0.0.0/8\")" },
    { "isIpv6InSubnet", 2, 2, QAGG_NONE, fn_isipv6insubnet, "isIpv6InSubnet(ip, \"fd00::/8\")" },
    /* numbers */
    { "abs", 1, 1, QAGG_NONE, fn_abs, "absolute value" },
    { "ceil", 1, 1, QAGG_NONE, fn_ceil, "rounded up" },
    { "floor", 1, 1, QAGG_NONE, fn_floor, "rounded down" },
    { "greatest", 1, -1, QAGG_NONE, fn_greatest, "the largest number" },
    { "least", 1, -1, QAGG_NONE, fn_least, "the smallest number" },
    { "log", 1, 1, QAGG_NONE, fn_log, "natural logarithm" },
    { "sqrt", 1, 1, QAGG_NONE, fn_sqrt, "square root" },
    /* aggregates (stats) */
    { "count", 0, 1, QAGG_COUNT, NULL, "count(*) or count(): records; count(f): non-null values" },
    { "count_distinct", 1, 1, QAGG_COUNT_DISTINCT, NULL, "distinct non-null values (exact)" },
    { "sum", 1, 1, QAGG_SUM, NULL, "sum of the numbers" },
    { "avg", 1, 1, QAGG_AVG, NULL, "mean of the numbers" },
    { "min", 1, 1, QAGG_MIN, NULL, "smallest value" },
    { "max", 1, 1, QAGG_MAX, NULL, "largest value" },
    { "pct", 2, 2, QAGG_PCT, NULL, "pct(f, N): the N-th percentile (nearest rank, exact)" },
    { "stddev", 1, 1, QAGG_STDDEV, NULL, "sample standard deviation" },
    { "earliest", 1, 1, QAGG_EARLIEST, NULL,
      "the value from the record with the earliest @timestamp" },
    { "latest", 1, 1, QAGG_LATEST, NULL, "the value from the record with the latest @timestamp" },
};

/* CloudWatch has these; a query using them fails with "not supported". */
static const char *const unsupported[] = { "jsonParse", "jsonStringify", "sortsFirst",
                                           "sortsLast", "unmask",        "regexp_replace",
                                           "split",     "datediff",      "now",
                                           NULL };

const QueryFunc *
query_func_lookup(const char *name)
{
    for (gsize i = 0; i < G_N_ELEMENTS(funcs); i++)
        if (g_ascii_strcasecmp(funcs[i].name, name) == 0)
            return &funcs[i];
    return NULL;
}

gboolean
query_func_is_unsupported(const char *name)
{
    for (int i = 0; unsupported[i]; i++)
        if (g_ascii_strcasecmp(unsupported[i], name) == 0)
            return TRUE;
    return FALSE;
}

const char *const *
query_function_names(void)
{
    static const char *names[G_N_ELEMENTS(funcs) + 1];
    /* Filled from the constant table; the same every time. */
    for (gsize i = 0; i < G_N_ELEMENTS(funcs); i++)
        names[i] = funcs[i].name;
    names[G_N_ELEMENTS(funcs)] = NULL;
    return names;
}
