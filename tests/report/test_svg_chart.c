/*
 * test_svg_chart.c - the SVG charts of the HTML report: scales, number
 * labels, bar charts, stacked time series and sparklines, on the cases
 * that break charts (no data, one point, huge values, NaN, hostile labels).
 */
#include <math.h>
#include <string.h>

#include "report/html.h"

static int
count_of(const char *haystack, const char *needle)
{
    int n = 0;
    for (const char *p = strstr(haystack, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* The markup is well-formed enough: as many <svg as </svg>, no "nan"/"inf". */
static void
assert_sane_svg(const char *s)
{
    g_assert_cmpint(count_of(s, "<svg"), ==, count_of(s, "</svg>"));
    g_assert_cmpint(count_of(s, "<g"), ==, count_of(s, "</g>"));
    g_assert_null(strstr(s, "nan"));
    g_assert_null(strstr(s, "inf"));
    g_assert_null(strstr(s, "NaN"));
    g_assert_null(strstr(s, "=\"-")); /* no negative coordinates or sizes */
}

static void
test_scale_nice(void)
{
    ChartScale s;
    chart_scale_nice(97, 5, TRUE, &s);
    g_assert_cmpfloat(s.step, ==, 20);
    g_assert_cmpfloat(s.top, ==, 100);
    g_assert_cmpint(s.ticks, ==, 6);

    chart_scale_nice(100, 5, TRUE, &s); /* exactly on a tick: no extra interval */
    g_assert_cmpfloat(s.top, ==, 100);

    chart_scale_nice(1234567, 5, TRUE, &s);
    g_assert_cmpfloat(s.step, ==, 250000);
    g_assert_cmpfloat(s.top, ==, 1250000);
    g_assert_cmpint(s.ticks, ==, 6);

    chart_scale_nice(3, 5, TRUE, &s); /* integer counts never step below 1 */
    g_assert_cmpfloat(s.step, ==, 1);
    g_assert_cmpfloat(s.top, ==, 3);

    chart_scale_nice(0.3, 5, FALSE, &s);
    g_assert_cmpfloat(fabs(s.step - 0.1), <, 1e-12);
    g_assert_cmpfloat(s.top, >=, 0.3 - 1e-12);

    chart_scale_nice(12, 5, TRUE, &s); /* 2.5 x 1 becomes 3: whole numbers */
    g_assert_cmpfloat(s.step, ==, 3);
    g_assert_cmpfloat(s.top, ==, 12);
}

static void
test_scale_degenerate(void)
{
    ChartScale s;
    double bad[] = { 0, -5, NAN, INFINITY, -INFINITY };
    for (gsize i = 0; i < G_N_ELEMENTS(bad); i++) {
        chart_scale_nice(bad[i], 5, TRUE, &s);
        g_assert_cmpfloat(s.top, ==, 1);
        g_assert_cmpfloat(s.step, ==, 1);
        g_assert_cmpint(s.ticks, ==, 2);
    }
    chart_scale_nice(10, 0, TRUE, &s); /* no ticks asked: one interval */
    g_assert_cmpfloat(s.top, >=, 10);
    g_assert_cmpint(s.ticks, ==, 2);
}

static void
test_scale_huge(void)
{
    ChartScale s;
    double max = (double)G_MAXUINT64; /* 1.8e19 */
    chart_scale_nice(max, 5, TRUE, &s);
    g_assert_true(isfinite(s.top));
    g_assert_cmpfloat(s.top, >=, max);
    g_assert_cmpfloat(s.top, <, max * 2);
    g_assert_cmpint(s.ticks, >=, 2);
    g_assert_cmpint(s.ticks, <=, 6);
    chart_scale_nice(1e300, 5, TRUE, &s);
    g_assert_true(isfinite(s.top));
}

static char *
fmt(double v)
{
    GString *s = g_string_new(NULL);
    chart_format_number(s, v);
    return g_string_free(s, FALSE);
}

static void
test_format_number(void)
{
    struct {
        double v;
        const char *want;
    } cases[] = {
        { 0, "0" },
        { 7, "7" },
        { 9999, "9999" },
        { 10000, "10k" },
        { 12345, "12k" },
        { 1500000, "1.5M" },
        { 2.5, "2.5" },
        { 250000000, "250M" },
        { (double)G_MAXUINT64, "18E" },
        { 1e30, "1e+06Y" },
        { NAN, "0" },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *got = fmt(cases[i].v);
        g_assert_cmpstr(got, ==, cases[i].want);
        g_free(got);
    }
}

static void
test_bar_chart(void)
{
    ChartBar bars[] = { { "www.example.com", 120 }, { "api.example.org", 30 }, { "x", 0 } };
    ChartOptions opt = { "c1", "Top blocked names", 600 };
    GString *s = g_string_new(NULL);
    svg_bar_chart(s, &opt, bars, G_N_ELEMENTS(bars));
    assert_sane_svg(s->str);
    g_assert_nonnull(strstr(s->str, "role=\"img\""));
    g_assert_nonnull(strstr(s->str, "<title id=\"c1-title\">Top blocked names</title>"));
    g_assert_cmpint(count_of(s->str, "<g class=\"bar\">"), ==, 3);
    g_assert_nonnull(strstr(s->str, ">www.example.com</text>"));
    g_assert_nonnull(strstr(s->str, "class=\"value\">120</text>"));
    g_assert_nonnull(strstr(s->str, "class=\"value\">0</text>"));
    g_assert_nonnull(strstr(s->str, "width=\"600\""));
    g_string_free(s, TRUE);
}

static void
test_bar_chart_empty(void)
{
    ChartOptions opt = { "c2", "Nothing", 0 };
    GString *s = g_string_new(NULL);
    svg_bar_chart(s, &opt, NULL, 0);
    assert_sane_svg(s->str);
    g_assert_nonnull(strstr(s->str, "No data"));
    g_assert_nonnull(strstr(s->str, "width=\"720\"")); /* default width */
    g_string_free(s, TRUE);
}

static void
test_bar_chart_hostile_and_long_labels(void)
{
    char *long_label = g_strnfill(300, 'a');
    ChartBar bars[] = {
        { "<script>alert(1)</script>\"'&", 5 },
        { long_label, 1 },
        { "bad\xff\x01utf8", 2 },
        { NULL, 3 },
    };
    ChartOptions opt = { "c3", "<b>title</b>", 0 };
    GString *s = g_string_new(NULL);
    svg_bar_chart(s, &opt, bars, G_N_ELEMENTS(bars));
    assert_sane_svg(s->str);
    g_assert_null(strstr(s->str, "<script"));
    g_assert_null(strstr(s->str, "<b>"));
    g_assert_nonnull(strstr(s->str, "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;"));
    g_assert_nonnull(strstr(s->str, "bad\xef\xbf\xbd\xef\xbf\xbdutf8"));
    g_assert_true(g_utf8_validate(s->str, -1, NULL));
    /* Shortened label with an ellipsis in the text, full label in the tooltip. */
    GString *want = g_string_new(">");
    for (int i = 0; i < 47; i++)
        g_string_append_c(want, 'a');
    g_string_append(want, "\xe2\x80\xa6</text>");
    g_assert_nonnull(strstr(s->str, want->str));
    g_assert_nonnull(strstr(s->str, long_label));
    g_string_free(want, TRUE);
    g_string_free(s, TRUE);
    g_free(long_label);
}

static void
test_bar_chart_huge_and_bad_values(void)
{
    ChartBar bars[] = { { "max", (double)G_MAXUINT64 },
                        { "not a number", NAN },
                        { "negative", -3 },
                        { "endless", INFINITY } };
    ChartOptions opt = { "c4", "Huge", 0 };
    GString *s = g_string_new(NULL);
    svg_bar_chart(s, &opt, bars, G_N_ELEMENTS(bars));
    assert_sane_svg(s->str);
    g_assert_nonnull(strstr(s->str, "class=\"value\">18E</text>"));
    /* (guint64)(double)G_MAXUINT64 is out of range: the count saturates. */
    g_assert_nonnull(strstr(s->str, "max: 18,446,744,073,709,551,615</title>"));
    g_string_free(s, TRUE);
}

static void
test_time_series(void)
{
    double blocked[] = { 10, 0, 5, 40 };
    double allowed[] = { 2, 3, 0, 1000 };
    ChartSeries series[] = { { "blocked", blocked }, { "allowed", allowed } };
    ChartTimeSeries ts = { 1696161600 /* 2023-10-01 12:00Z */, 3600, 4, series, 2 };
    ChartOptions opt = { "ts1", "Alerts per hour by action", 0 };
    GString *s = g_string_new(NULL);
    svg_time_series(s, &opt, &ts);
    assert_sane_svg(s->str);
    g_assert_cmpint(count_of(s->str, "<g class=\"column\">"), ==, 4);
    g_assert_cmpint(count_of(s->str, "<g class=\"legend\">"), ==, 2);
    g_assert_nonnull(strstr(s->str, ">10-01 12h</text>"));
    g_assert_nonnull(strstr(s->str, "10-01 15h\nblocked: 40\nallowed: 1,000</title>"));
    /* Zero values draw no rectangle: 6 non-zero cells + 2 legend swatches + pattern tiles. */
    g_assert_cmpint(count_of(s->str, "stroke-width=\"0.4\""), ==, 6);
    /* The second series uses a pattern (grey-scale safe), defined in this chart. */
    g_assert_nonnull(strstr(s->str, "<pattern id=\"ts1-f1\""));
    g_assert_nonnull(strstr(s->str, "fill=\"url(#ts1-f1)\""));
    /* The axis reaches the highest stack (1040): nice top 1250. */
    g_assert_nonnull(strstr(s->str, "class=\"tick\">1250</text>"));
    g_string_free(s, TRUE);
}

static void
test_time_series_one_point(void)
{
    double v[] = { 7 };
    ChartSeries series[] = { { "blocked", v } };
    ChartTimeSeries ts = { 1696161600, 3600, 1, series, 1 };
    ChartOptions opt = { "ts2", "One hour", 0 };
    GString *s = g_string_new(NULL);
    svg_time_series(s, &opt, &ts);
    assert_sane_svg(s->str);
    g_assert_cmpint(count_of(s->str, "<g class=\"column\">"), ==, 1);
    g_assert_nonnull(strstr(s->str, "blocked: 7</title>"));
    g_string_free(s, TRUE);
}

static void
test_time_series_empty(void)
{
    ChartTimeSeries ts = { 0, 3600, 0, NULL, 0 };
    ChartOptions opt = { "ts3", "Empty", 0 };
    GString *s = g_string_new(NULL);
    svg_time_series(s, &opt, &ts);
    assert_sane_svg(s->str);
    g_assert_nonnull(strstr(s->str, "No data"));
    g_string_free(s, TRUE);
}

static void
test_time_series_many_buckets_huge(void)
{
    /* 30 days of hours, values near the 64-bit limit, more series than styles. */
    gsize n = 720;
    double *a = g_new(double, n), *b = g_new(double, n);
    for (gsize i = 0; i < n; i++) {
        a[i] = (double)G_MAXUINT64 / 4;
        b[i] = i % 2 ? NAN : 1e18;
    }
    ChartSeries series[8];
    for (int i = 0; i < 8; i++)
        series[i] = (ChartSeries){ i % 2 ? "odd <series>" : "even", i % 2 ? b : a };
    ChartTimeSeries ts = { 1696161600, 3600, n, series, 8 };
    ChartOptions opt = { "ts4", "Month", 0 };
    GString *s = g_string_new(NULL);
    svg_time_series(s, &opt, &ts);
    assert_sane_svg(s->str);
    g_assert_null(strstr(s->str, "<series>"));
    /* Time labels are thinned so that they do not overlap (at most ~8). */
    g_assert_cmpint(count_of(s->str, "text-anchor=\"middle\" class=\"tick\""), <=, 9);
    g_assert_cmpint(count_of(s->str, "<g class=\"legend\">"), ==, 8);
    g_string_free(s, TRUE);
    g_free(a);
    g_free(b);
}

static void
test_sparkline(void)
{
    double v[] = { 0, 4, 2, 8 };
    GString *s = g_string_new(NULL);
    svg_sparkline(s, v, 4, "hits per hour of sid 1 <x>");
    assert_sane_svg(s->str);
    g_assert_nonnull(strstr(s->str, "<title>hits per hour of sid 1 &lt;x&gt;</title>"));
    /* First point at the bottom left, the maximum at the top right. */
    g_assert_nonnull(strstr(s->str, "points=\"1.0,18.5 "));
    g_assert_nonnull(strstr(s->str, " 99.0,1.5\""));
    g_string_free(s, TRUE);

    s = g_string_new(NULL);
    svg_sparkline(s, v, 1, "one");
    assert_sane_svg(s->str);
    g_assert_nonnull(strstr(s->str, "<circle"));
    g_string_free(s, TRUE);

    s = g_string_new(NULL);
    svg_sparkline(s, NULL, 0, "none");
    assert_sane_svg(s->str);
    g_assert_nonnull(strstr(s->str, "stroke-dasharray"));
    g_string_free(s, TRUE);

    double flat[] = { 0, 0, 0 };
    s = g_string_new(NULL);
    svg_sparkline(s, flat, 3, "flat");
    assert_sane_svg(s->str);
    g_string_free(s, TRUE);

    double huge[] = { (double)G_MAXUINT64, NAN, 1 };
    s = g_string_new(NULL);
    svg_sparkline(s, huge, 3, "huge");
    assert_sane_svg(s->str);
    g_assert_nonnull(strstr(s->str, "points=\"1.0,1.5 50.0,18.5 99.0,18.5\""));
    g_string_free(s, TRUE);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/svg/scale/nice", test_scale_nice);
    g_test_add_func("/svg/scale/degenerate", test_scale_degenerate);
    g_test_add_func("/svg/scale/huge", test_scale_huge);
    g_test_add_func("/svg/format-number", test_format_number);
    g_test_add_func("/svg/bar/basic", test_bar_chart);
    g_test_add_func("/svg/bar/empty", test_bar_chart_empty);
    g_test_add_func("/svg/bar/hostile-labels", test_bar_chart_hostile_and_long_labels);
    g_test_add_func("/svg/bar/huge-values", test_bar_chart_huge_and_bad_values);
    g_test_add_func("/svg/time/basic", test_time_series);
    g_test_add_func("/svg/time/one-point", test_time_series_one_point);
    g_test_add_func("/svg/time/empty", test_time_series_empty);
    g_test_add_func("/svg/time/many-huge", test_time_series_many_buckets_huge);
    g_test_add_func("/svg/sparkline", test_sparkline);
    return g_test_run();
}
