/*
 * html.h - the self-contained HTML report (`--format html`) and the SVG
 * charts it draws.  Internal to src/report (the report entry points are in
 * report.h).
 *
 * Design decisions:
 *  - One file, nothing fetched: inline CSS, inline SVG drawn here, a few
 *    lines of inline script (sortable tables, copy buttons) that the page
 *    does not need to be read or printed.
 *  - Every chart is a pure function appending to a GString, so that tests
 *    can look at the exact markup.  Charts escape every label (labels come
 *    from logs and rules: a hostile SNI must not inject markup).
 *  - Grey-scale safe: series differ by lightness *and* by pattern (solid,
 *    hatched, dotted...), every bar has an outline, every chart a legend
 *    or labels with the numbers written out.
 *  - Size: renderers take aggregates, never raw events, and cap table rows
 *    (HTML_MAX_ROWS), saying so where they do.
 */
#ifndef NFW_REPORT_HTML_H
#define NFW_REPORT_HTML_H

#include <stdio.h>
#include <glib.h>

#include "report/report.h"

/* Rows at most in any table of the report (the rest is counted, not shown). */
#define HTML_MAX_ROWS 500
/* Fill styles a chart cycles through (then repeats with the last). */
#define SVG_FILL_STYLES 6

/* --- escaping and page frame (html_page.c) ----------------------------- */

/* Append `s` escaped for HTML text and attribute values (& < > " '),
 * invalid UTF-8 and control characters replaced by U+FFFD.  NULL appends
 * nothing. */
void html_escape(GString *out, const char *s);
/* `s` escaped, at most `max_chars` characters (then an ellipsis). */
void html_escape_truncated(GString *out, const char *s, glong max_chars);
/* <!DOCTYPE html> ... <body><main>, with the inline style sheet. */
void html_page_begin(GString *out, const char *title);
/* </main>, the inline script, </body></html>. */
void html_page_end(GString *out);
/* A number with thousands separators ("1,234,567"). */
void html_append_count(GString *out, guint64 n);
/* A UTC time from microseconds since the epoch ("2023-10-01 12:00:00Z"),
 * or an en dash for 0. */
void html_append_time_us(GString *out, gint64 us);
/* One finding as an <article>: severity, check, location, message, source
 * line, related locations, fix as copyable text (html_lint.c). */
void html_append_finding(GString *out, const Finding *f, guint index);
/* <pre> with a copy button (the button is hidden when printing). */
void html_append_copyable(GString *out, const char *id, const char *text);

/* --- SVG charts (svg_chart.c) ---------------------------------------- */

/* A value axis from 0: `step` * (`ticks` - 1) == `top` >= the maximum. */
typedef struct {
    double top;
    double step;
    int ticks; /* tick marks including 0 */
} ChartScale;

/* "Nice" ticks (1, 2, 2.5, 5 x 10^k) for values 0..max with at most
 * `max_ticks` intervals; `integer` keeps the step >= 1 (counts).  max <= 0,
 * NaN or infinity give the axis 0..1. */
void chart_scale_nice(double max, int max_ticks, gboolean integer, ChartScale *out);
/* A short number for axes and labels: 999, 1.2k, 34M, 1.8E (SI prefixes). */
void chart_format_number(GString *out, double v);

typedef struct {
    const char *id;    /* unique in the page, [A-Za-z0-9-]: prefixes pattern ids */
    const char *title; /* accessible title (escaped) */
    int width;         /* pixels; 0 = 720 */
} ChartOptions;

typedef struct {
    const char *label; /* escaped, shortened to 48 characters (full text in a tooltip) */
    double value;
} ChartBar;

/* Horizontal bars, one per item in the order given, value written at the
 * end of each bar.  No items: a "no data" chart. */
void svg_bar_chart(GString *out, const ChartOptions *opt, const ChartBar *bars, gsize n);

typedef struct {
    const char *name;     /* legend label (escaped) */
    const double *values; /* n_buckets values */
} ChartSeries;

typedef struct {
    gint64 start;          /* seconds since the epoch of bucket 0 */
    gint64 bucket_seconds; /* 3600 for hours */
    gsize n_buckets;
    const ChartSeries *series;
    gsize n_series;
} ChartTimeSeries;

/* Stacked columns per time bucket, a legend, UTC time labels. */
void svg_time_series(GString *out, const ChartOptions *opt, const ChartTimeSeries *ts);

/* A small inline line of `n` values (no axes), titled for screen readers;
 * one value draws a dot, none an empty box. */
void svg_sparkline(GString *out, const double *values, gsize n, const char *title);

#endif
