/*
 * svg_chart.c - bar charts, stacked time series and sparklines as inline
 * SVG, for the HTML report.
 *
 * Design decisions:
 *  - Pure functions appending to a GString: no state, no I/O; the tests
 *    read the markup.
 *  - Values are doubles so that 64-bit counters fit; NaN, infinities and
 *    negative values are drawn as 0 (counts are never negative, and a
 *    chart must never print "nan" into the page).
 *  - Scales start at 0 and end on a "nice" number (1, 2, 2.5, 5 x 10^k) so
 *    tick labels read well; integer scales never step below 1.
 *  - Grey-scale printing: each series has a fill of its own lightness and
 *    its own pattern (solid, hatched, dotted, crossed...) defined in the
 *    chart's <defs> with ids prefixed by ChartOptions.id, an outline, and a
 *    legend; bar values are written as text.
 *  - Labels from logs (SNI, signatures) are escaped with html_escape() and
 *    shortened; the full text stays in a <title> tooltip.
 */
#include "report/html.h"

#include <math.h>
#include <string.h>

#define DEFAULT_WIDTH 720
#define LABEL_CHARS 48
#define BAR_HEIGHT 18
#define BAR_GAP 6

/* Fill styles: a base colour of distinct lightness and a pattern over it. */
typedef struct {
    const char *base;
    const char *ink;     /* pattern strokes */
    const char *pattern; /* "solid", "hatch", "dots", "cross", "hlines", "rhatch" */
} FillStyle;

static const FillStyle fill_styles[SVG_FILL_STYLES] = {
    { "#1d3557", "#1d3557", "solid" },  /* dark */
    { "#e9c46a", "#5a4400", "hatch" },  /* light, dark diagonal lines */
    { "#8ab4d8", "#8ab4d8", "solid" },  /* middle */
    { "#ffffff", "#333333", "dots" },   /* white with dots */
    { "#9d4e5b", "#ffffff", "cross" },  /* middle-dark, light cross-hatch */
    { "#d9d9d9", "#222222", "hlines" }, /* light grey, horizontal lines */
};

static double
clean_value(double v)
{
    return (isfinite(v) && v > 0) ? v : 0;
}

/* A chart value as a counter for tooltips; (guint64) of a double at or
 * above 2^64 is undefined, so saturate. */
static guint64
count_of_value(double v)
{
    v = clean_value(v);
    return v >= 18446744073709551615.0 ? G_MAXUINT64 : (guint64)v;
}

void
chart_scale_nice(double max, int max_ticks, gboolean integer, ChartScale *out)
{
    if (max_ticks < 1)
        max_ticks = 1;
    max = clean_value(max);
    if (max == 0) {
        out->top = 1;
        out->step = integer ? 1 : 1.0 / max_ticks;
        out->ticks = integer ? 2 : max_ticks + 1;
        return;
    }
    double raw = max / max_ticks;
    double mag = pow(10, floor(log10(raw)));
    double norm = raw / mag;
    double nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
    double step = nice * mag;
    if (integer) {
        if (step < 1)
            step = 1;
        else if (step != floor(step))
            step = ceil(step); /* 2.5 -> 3 only when mag == 1; keeps whole numbers */
    }
    int intervals = (int)ceil(max / step - 1e-9);
    if (intervals < 1)
        intervals = 1;
    out->step = step;
    out->top = step * intervals;
    out->ticks = intervals + 1;
}

void
chart_format_number(GString *out, double v)
{
    static const char *prefixes[] = { "", "k", "M", "G", "T", "P", "E", "Z", "Y" };
    v = isfinite(v) ? v : 0;
    double a = fabs(v);
    if (a < 10000) {
        if (a == floor(a))
            g_string_append_printf(out, "%.0f", v);
        else
            g_string_append_printf(out, "%.3g", v);
        return;
    }
    int p = 0;
    while (a >= 1000 && p < (int)G_N_ELEMENTS(prefixes) - 1) {
        a /= 1000;
        v /= 1000;
        p++;
    }
    if (a >= 1000) {
        g_string_append_printf(out, "%.3g%s", v, prefixes[p]);
        return;
    }
    /* 1.2k, 12k, 123k: three significant digits at most. */
    if (a < 10)
        g_string_append_printf(out, "%.1f%s", v, prefixes[p]);
    else
        g_string_append_printf(out, "%.0f%s", v, prefixes[p]);
}

/* The <defs> with one pattern per fill style, ids "<id>-f<k>". */
static void
append_fill_defs(GString *out, const char *id)
{
    g_string_append(out, "<defs>");
    for (int k = 0; k < SVG_FILL_STYLES; k++) {
        const FillStyle *s = &fill_styles[k];
        if (strcmp(s->pattern, "solid") == 0)
            continue;
        g_string_append_printf(out,
                               "<pattern id=\"%s-f%d\" width=\"6\" height=\"6\" "
                               "patternUnits=\"userSpaceOnUse\">"
                               "<rect width=\"6\" height=\"6\" fill=\"%s\"/>",
                               id, k, s->base);
        if (strcmp(s->pattern, "hatch") == 0)
            g_string_append_printf(out,
                                   "<path d=\"M0,6 L6,0 M-1,1 L1,-1 M5,7 L7,5\" "
                                   "stroke=\"%s\" stroke-width=\"1.2\"/>",
                                   s->ink);
        else if (strcmp(s->pattern, "dots") == 0)
            g_string_append_printf(out, "<circle cx=\"3\" cy=\"3\" r=\"1.2\" fill=\"%s\"/>",
                                   s->ink);
        else if (strcmp(s->pattern, "cross") == 0)
            g_string_append_printf(out,
                                   "<path d=\"M0,0 L6,6 M6,0 L0,6\" stroke=\"%s\" "
                                   "stroke-width=\"0.8\"/>",
                                   s->ink);
        else if (strcmp(s->pattern, "hlines") == 0)
            g_string_append_printf(out,
                                   "<path d=\"M0,3 L6,3\" stroke=\"%s\" "
                                   "stroke-width=\"1\"/>",
                                   s->ink);
        g_string_append(out, "</pattern>");
    }
    g_string_append(out, "</defs>");
}

static void
append_fill(GString *out, const char *id, gsize k)
{
    if (k >= SVG_FILL_STYLES)
        k = SVG_FILL_STYLES - 1;
    const FillStyle *s = &fill_styles[k];
    if (strcmp(s->pattern, "solid") == 0)
        g_string_append_printf(out, "fill=\"%s\"", s->base);
    else
        g_string_append_printf(out, "fill=\"url(#%s-f%zu)\"", id, k);
}

static void
svg_begin(GString *out, const ChartOptions *opt, int width, int height)
{
    g_string_append_printf(out,
                           "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" "
                           "role=\"img\" aria-labelledby=\"%s-title\" width=\"%d\" "
                           "height=\"%d\" viewBox=\"0 0 %d %d\" id=\"%s\">"
                           "<title id=\"%s-title\">",
                           opt->id, width, height, width, height, opt->id, opt->id);
    html_escape(out, opt->title);
    g_string_append(out, "</title>");
}

static void
svg_no_data(GString *out, const ChartOptions *opt, int width)
{
    svg_begin(out, opt, width, 40);
    g_string_append_printf(out,
                           "<rect x=\"0.5\" y=\"0.5\" width=\"%d\" height=\"39\" "
                           "fill=\"none\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>"
                           "<text x=\"%d\" y=\"25\" text-anchor=\"middle\" class=\"nodata\">"
                           "No data</text></svg>",
                           width - 1, width / 2);
}

/* x position of value v on a scale drawn from x0 over `span` pixels. */
static double
scale_pos(const ChartScale *s, double v, double span)
{
    return clean_value(v) / s->top * span;
}

void
svg_bar_chart(GString *out, const ChartOptions *opt, const ChartBar *bars, gsize n)
{
    int width = opt->width > 0 ? opt->width : DEFAULT_WIDTH;
    if (n == 0) {
        svg_no_data(out, opt, width);
        return;
    }
    double max = 0;
    for (gsize i = 0; i < n; i++)
        max = MAX(max, clean_value(bars[i].value));
    ChartScale scale;
    chart_scale_nice(max, 5, TRUE, &scale);
    int label_w = width * 2 / 5, value_w = 60;
    int plot_x = label_w + 8, plot_w = width - plot_x - value_w;
    int top = 8, axis_h = 20;
    int height = top + (int)n * (BAR_HEIGHT + BAR_GAP) + axis_h;
    svg_begin(out, opt, width, height);
    append_fill_defs(out, opt->id);
    int plot_bottom = height - axis_h;
    /* Grid and tick labels. */
    for (int t = 0; t < scale.ticks; t++) {
        double x = plot_x + scale_pos(&scale, scale.step * t, plot_w);
        g_string_append_printf(out,
                               "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                               "class=\"grid\" stroke=\"#ccc\"/>"
                               "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" class=\"tick\">",
                               x, top - 4, x, plot_bottom, x, plot_bottom + 14);
        chart_format_number(out, scale.step * t);
        g_string_append(out, "</text>");
    }
    for (gsize i = 0; i < n; i++) {
        int y = top + (int)i * (BAR_HEIGHT + BAR_GAP);
        double w = scale_pos(&scale, bars[i].value, plot_w);
        g_string_append_printf(out, "<g class=\"bar\"><title>");
        html_escape(out, bars[i].label);
        g_string_append(out, ": ");
        html_append_count(out, count_of_value(bars[i].value));
        g_string_append_printf(out,
                               "</title><text x=\"%d\" y=\"%d\" text-anchor=\"end\" "
                               "class=\"label\">",
                               label_w, y + BAR_HEIGHT - 5);
        html_escape_truncated(out, bars[i].label, LABEL_CHARS);
        g_string_append_printf(out,
                               "</text><rect x=\"%d\" y=\"%d\" width=\"%.1f\" "
                               "height=\"%d\" ",
                               plot_x, y, MAX(w, 0.5), BAR_HEIGHT);
        append_fill(out, opt->id, 0);
        g_string_append_printf(out,
                               " stroke=\"#000\" stroke-width=\"0.5\"/>"
                               "<text x=\"%.1f\" y=\"%d\" class=\"value\">",
                               plot_x + w + 4, y + BAR_HEIGHT - 5);
        chart_format_number(out, clean_value(bars[i].value));
        g_string_append(out, "</text></g>");
    }
    g_string_append(out, "</svg>");
}

/* "10-01 13h" in UTC. */
static void
append_bucket_label(GString *out, gint64 seconds, gint64 bucket_seconds)
{
    char *s = base_utc_format(seconds, bucket_seconds >= 86400 ? "%m-%d" : "%m-%d %Hh");
    g_string_append(out, s ? s : "?");
    g_free(s);
}

static void
append_legend(GString *out, const ChartOptions *opt, const ChartTimeSeries *ts, int y, int width)
{
    int x = 50;
    for (gsize s = 0; s < ts->n_series; s++) {
        const char *name = ts->series[s].name ? ts->series[s].name : "";
        int text_w = (int)MIN(g_utf8_strlen(name, -1), 32) * 7 + 30;
        if (x + text_w > width && x > 50) {
            x = 50;
            y += 18;
        }
        g_string_append_printf(out,
                               "<g class=\"legend\"><rect x=\"%d\" y=\"%d\" width=\"14\" "
                               "height=\"12\" ",
                               x, y);
        append_fill(out, opt->id, s);
        g_string_append_printf(out,
                               " stroke=\"#000\" stroke-width=\"0.5\"/>"
                               "<text x=\"%d\" y=\"%d\" class=\"label\">",
                               x + 18, y + 10);
        html_escape_truncated(out, name, 32);
        g_string_append(out, "</text></g>");
        x += text_w;
    }
}

static int
legend_rows(const ChartTimeSeries *ts, int width)
{
    int x = 50, rows = 1;
    for (gsize s = 0; s < ts->n_series; s++) {
        const char *name = ts->series[s].name ? ts->series[s].name : "";
        int text_w = (int)MIN(g_utf8_strlen(name, -1), 32) * 7 + 30;
        if (x + text_w > width && x > 50) {
            x = 50;
            rows++;
        }
        x += text_w;
    }
    return rows;
}

void
svg_time_series(GString *out, const ChartOptions *opt, const ChartTimeSeries *ts)
{
    int width = opt->width > 0 ? opt->width : DEFAULT_WIDTH;
    if (ts->n_buckets == 0 || ts->n_series == 0) {
        svg_no_data(out, opt, width);
        return;
    }
    double max = 0;
    for (gsize b = 0; b < ts->n_buckets; b++) {
        double sum = 0;
        for (gsize s = 0; s < ts->n_series; s++)
            sum += clean_value(ts->series[s].values[b]);
        max = MAX(max, sum);
    }
    ChartScale scale;
    chart_scale_nice(max, 5, TRUE, &scale);
    int plot_x = 50, plot_y = 10, plot_h = 180;
    int plot_w = width - plot_x - 10;
    int legend_y = plot_y + plot_h + 34;
    int height = legend_y + legend_rows(ts, width) * 18 + 4;
    svg_begin(out, opt, width, height);
    append_fill_defs(out, opt->id);
    int bottom = plot_y + plot_h;
    for (int t = 0; t < scale.ticks; t++) {
        double y = bottom - scale_pos(&scale, scale.step * t, plot_h);
        g_string_append_printf(out,
                               "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
                               "class=\"grid\" stroke=\"#ccc\"/>"
                               "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" class=\"tick\">",
                               plot_x, y, plot_x + plot_w, y, plot_x - 4, y + 4);
        chart_format_number(out, scale.step * t);
        g_string_append(out, "</text>");
    }
    double slot = (double)plot_w / ts->n_buckets;
    double bar_w = slot > 3 ? slot * 0.8 : slot;
    gsize label_every = (gsize)ceil(ts->n_buckets / (plot_w / 90.0));
    if (label_every < 1)
        label_every = 1;
    for (gsize b = 0; b < ts->n_buckets; b++) {
        double x = plot_x + slot * b + (slot - bar_w) / 2;
        double y = bottom;
        gint64 when = ts->start + (gint64)b * ts->bucket_seconds;
        g_string_append(out, "<g class=\"column\"><title>");
        append_bucket_label(out, when, ts->bucket_seconds);
        for (gsize s = 0; s < ts->n_series; s++) {
            g_string_append(out, "\n");
            html_escape(out, ts->series[s].name);
            g_string_append(out, ": ");
            html_append_count(out, count_of_value(ts->series[s].values[b]));
        }
        g_string_append(out, "</title>");
        for (gsize s = 0; s < ts->n_series; s++) {
            double h = scale_pos(&scale, ts->series[s].values[b], plot_h);
            if (h <= 0)
                continue;
            y -= h;
            g_string_append_printf(out,
                                   "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                                   "height=\"%.1f\" ",
                                   x, y, bar_w, h);
            append_fill(out, opt->id, s);
            g_string_append(out, " stroke=\"#000\" stroke-width=\"0.4\"/>");
        }
        g_string_append(out, "</g>");
        if (b % label_every == 0) {
            g_string_append_printf(out,
                                   "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" "
                                   "class=\"tick\">",
                                   plot_x + slot * b + slot / 2, bottom + 14);
            append_bucket_label(out, when, ts->bucket_seconds);
            g_string_append(out, "</text>");
        }
    }
    g_string_append_printf(out,
                           "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
                           "stroke=\"#000\"/>",
                           plot_x, bottom, plot_x + plot_w, bottom);
    g_string_append_printf(out, "<text x=\"%d\" y=\"%d\" class=\"tick\">UTC</text>",
                           plot_x + plot_w - 24, bottom + 28);
    append_legend(out, opt, ts, legend_y, width);
    g_string_append(out, "</svg>");
}

void
svg_sparkline(GString *out, const double *values, gsize n, const char *title)
{
    const int w = 100, h = 20;
    g_string_append_printf(out,
                           "<svg class=\"spark\" xmlns=\"http://www.w3.org/2000/svg\" "
                           "role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">"
                           "<title>",
                           w, h, w, h);
    html_escape(out, title);
    g_string_append(out, "</title>");
    if (n == 0) {
        g_string_append(out, "<line x1=\"0\" y1=\"19.5\" x2=\"100\" y2=\"19.5\" "
                             "stroke=\"#999\" stroke-dasharray=\"2 2\"/></svg>");
        return;
    }
    double max = 0;
    for (gsize i = 0; i < n; i++)
        max = MAX(max, clean_value(values[i]));
    double scale = max > 0 ? (h - 3) / max : 0;
    if (n == 1) {
        g_string_append_printf(out, "<circle cx=\"50\" cy=\"%.1f\" r=\"2\" fill=\"#000\"/></svg>",
                               h - 1.5 - clean_value(values[0]) * scale);
        return;
    }
    g_string_append(out, "<polyline fill=\"none\" stroke=\"#000\" stroke-width=\"1.2\" points=\"");
    for (gsize i = 0; i < n; i++)
        g_string_append_printf(out, "%s%.1f,%.1f", i ? " " : "", (double)i * (w - 2) / (n - 1) + 1,
                               h - 1.5 - clean_value(values[i]) * scale);
    g_string_append(out, "\"/></svg>");
}
