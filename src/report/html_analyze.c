/*
 * html_analyze.c - `analyze --format html`: what the logs say about the
 * policy, as one page drawn from the aggregates (AnalyzeAgg), never from
 * raw events, so 1 GiB of logs gives a page of the same size as 1 MiB.
 *
 * Sections: window and input accounting; alerts per hour by action and by
 * the top rules; findings (alert-mode verdicts carry their evidence in the
 * message); per-rule table with a sparkline of hits per hour; top talkers
 * and top blocked names (the article's queries as charts); default-action
 * groups with their suggested alert + pass pair.
 *
 * Design decisions: rows are capped (HTML_MAX_ROWS rules, 100 default
 * groups per signature, t->top entries in top lists) and the page says so;
 * sparklines and time charts span the whole window hour by hour, up to
 * MAX_HOURS hours (then the latest MAX_HOURS).
 */
#include "report/html.h"

#include <string.h>

#define MAX_HOURS (24 * 62)
#define MAX_GROUPS 100
#define TOP_RULE_SERIES 5

typedef struct {
    gint64 start; /* first hour shown, seconds */
    gsize n;      /* hours shown */
} HourRange;

static HourRange
hour_range(const AnalyzeAgg *agg)
{
    HourRange r = { 0, 0 };
    GArray *keys = agg->hours ? analyze_hours_sorted(agg->hours) : NULL;
    if (keys != NULL && keys->len > 0) {
        gint64 first = g_array_index(keys, gint64, 0);
        gint64 last = g_array_index(keys, gint64, keys->len - 1);
        gint64 n = (last - first) / 3600 + 1;
        if (n > MAX_HOURS) {
            first = last - (gint64)(MAX_HOURS - 1) * 3600;
            n = MAX_HOURS;
        }
        r.start = first;
        r.n = (gsize)n;
    }
    if (keys != NULL)
        g_array_free(keys, TRUE);
    return r;
}

/* Values per hour of `hours` over the range; `which` 0 hits, 1 blocked, 2 allowed. */
static double *
hour_values(AnalyzeHours *hours, const HourRange *r, int which)
{
    double *v = g_new0(double, r->n ? r->n : 1);
    if (hours == NULL)
        return v;
    GHashTableIter it;
    gpointer k, val;
    g_hash_table_iter_init(&it, hours);
    while (g_hash_table_iter_next(&it, &k, &val)) {
        gint64 h = *(gint64 *)k;
        const AnalyzeCounts *c = val;
        if (h < r->start || (h - r->start) / 3600 >= (gint64)r->n)
            continue;
        v[(h - r->start) / 3600] += which == 1 ? c->blocked : which == 2 ? c->allowed : c->hits;
    }
    return v;
}

static void
append_window(GString *out, const AnalyzeAgg *agg)
{
    const LogStats *s = &agg->stats;
    g_string_append(out, "<section aria-labelledby=\"window\"><h2 id=\"window\">Window and "
                         "input</h2>\n<p>From <strong>");
    html_append_time_us(out, agg->first_event_us);
    g_string_append(out, "</strong> to <strong>");
    html_append_time_us(out, agg->last_event_us);
    g_string_append_printf(out, "</strong> (%.1f hours).</p>\n<ul class=\"cards\">",
                           analyze_agg_window_hours(agg));
    struct {
        const char *label, *id;
        guint64 n;
    } cards[] = {
        { "files", "count-files", s->files },
        { "records", "count-records", s->records },
        { "alerts", "count-alerts", agg->alerts },
        { "flows", "count-flows", agg->flows },
        { "filtered", "count-filtered", s->filtered },
        { "alerts by default actions", "count-default", agg->alerts_default },
        { "alerts of unknown signatures", "count-unknown", agg->alerts_unknown },
    };
    guint64 skipped = 0;
    for (int r = 0; r < LOG_SKIP_N; r++)
        skipped += s->skipped[r];
    for (gsize i = 0; i < G_N_ELEMENTS(cards); i++) {
        g_string_append_printf(out, "<li id=\"%s\"><span class=\"n\">", cards[i].id);
        html_append_count(out, cards[i].n);
        g_string_append_printf(out, "</span>%s</li>", cards[i].label);
    }
    g_string_append(out, "<li id=\"count-skipped\"><span class=\"n\">");
    html_append_count(out, skipped);
    g_string_append(out, "</span>skipped</li></ul>\n");
    if (skipped > 0) {
        g_string_append(out, "<table><thead><tr><th scope=\"col\">Skip reason</th>"
                             "<th scope=\"col\" class=\"num\">Records</th><th scope=\"col\">Samples"
                             "</th></tr></thead><tbody>\n");
        for (int r = 0; r < LOG_SKIP_N; r++) {
            if (s->skipped[r] == 0)
                continue;
            g_string_append(out, "<tr><td>");
            html_escape(out, log_skip_reason_name((LogSkipReason)r));
            g_string_append(out, "</td><td class=\"num\">");
            html_append_count(out, s->skipped[r]);
            g_string_append(out, "</td><td class=\"loc\">");
            for (guint i = 0; s->samples[r] && i < s->samples[r]->len; i++) {
                if (i)
                    g_string_append(out, ", ");
                html_escape(out, g_ptr_array_index(s->samples[r], i));
            }
            g_string_append(out, "</td></tr>\n");
        }
        g_string_append(out, "</tbody></table>\n");
    }
    g_string_append(out, "</section>\n");
}

static int
compare_rule_hits(gconstpointer a, gconstpointer b, gpointer data)
{
    const AnalyzeAgg *agg = data;
    guint x = *(const guint *)a, y = *(const guint *)b;
    guint64 hx = agg->rules[x].counts.hits, hy = agg->rules[y].counts.hits;
    return hx < hy ? 1 : hx > hy ? -1 : (x > y) - (x < y);
}

/* Positions of the rules, most hits first. */
static GArray *
rules_by_hits(const AnalyzeAgg *agg)
{
    guint n = agg->index->rules->len;
    GArray *order = g_array_sized_new(FALSE, FALSE, sizeof(guint), n);
    for (guint i = 0; i < n; i++)
        g_array_append_val(order, i);
    g_array_sort_with_data(order, compare_rule_hits, (gpointer)agg);
    return order;
}

static void
append_time_charts(GString *out, const AnalyzeAgg *agg, const HourRange *r, GArray *order)
{
    g_string_append(out, "<section aria-labelledby=\"time\"><h2 id=\"time\">Alerts per hour"
                         "</h2>\n<h3>By action</h3>\n");
    double *blocked = hour_values(agg->hours, r, 1), *allowed = hour_values(agg->hours, r, 2);
    ChartSeries by_action[] = { { "blocked", blocked }, { "allowed", allowed } };
    ChartTimeSeries ts = { r->start, 3600, r->n, by_action, 2 };
    ChartOptions opt = { "chart-hours-action", "Alerts per hour by action (UTC)", 0 };
    svg_time_series(out, &opt, &ts);
    g_free(blocked);
    g_free(allowed);

    g_string_append(out, "<h3>By top rules</h3>\n");
    ChartSeries series[TOP_RULE_SERIES];
    char *names[TOP_RULE_SERIES];
    gsize n = 0;
    for (guint i = 0; i < order->len && n < TOP_RULE_SERIES; i++) {
        guint pos = g_array_index(order, guint, i);
        const AnalyzeRuleStats *st = &agg->rules[pos];
        if (st->counts.hits == 0)
            break;
        const Rule *rule = g_ptr_array_index(agg->index->rules, pos);
        names[n] =
            g_strdup_printf("%" G_GUINT64_FORMAT " %s", rule->sid, rule->msg ? rule->msg : "");
        series[n] = (ChartSeries){ names[n], hour_values(st->hours, r, 0) };
        n++;
    }
    ChartTimeSeries ts2 = { r->start, 3600, r->n, series, n };
    ChartOptions opt2 = { "chart-hours-rules", "Alerts per hour of the top rules (UTC)", 0 };
    svg_time_series(out, &opt2, &ts2);
    for (gsize i = 0; i < n; i++) {
        g_free(names[i]);
        g_free((double *)series[i].values);
    }
    g_string_append(out, "</section>\n");
}

static void
append_rule_table(GString *out, const AnalyzeAgg *agg, const HourRange *r, GArray *order)
{
    guint total = order->len, shown = MIN(total, HTML_MAX_ROWS);
    g_string_append(out,
                    "<section aria-labelledby=\"rules\"><h2 id=\"rules\">Rules</h2>\n"
                    "<table class=\"sortable\" id=\"rule-table\"><thead><tr>"
                    "<th scope=\"col\"><button type=\"button\">Group</button></th>"
                    "<th scope=\"col\" class=\"num\"><button type=\"button\">sid</button></th>"
                    "<th scope=\"col\"><button type=\"button\">Action</button></th>"
                    "<th scope=\"col\"><button type=\"button\">Message</button></th>"
                    "<th scope=\"col\" class=\"num\"><button type=\"button\">Hits</button></th>"
                    "<th scope=\"col\" class=\"num\"><button type=\"button\">Blocked</button></th>"
                    "<th scope=\"col\" class=\"num\"><button type=\"button\">Allowed</button></th>"
                    "<th scope=\"col\" class=\"num\"><button type=\"button\">Sources</button></th>"
                    "<th scope=\"col\"><button type=\"button\">First hit</button></th>"
                    "<th scope=\"col\"><button type=\"button\">Last hit</button></th>"
                    "<th scope=\"col\">Hits per hour</th></tr></thead><tbody>\n");
    for (guint i = 0; i < shown; i++) {
        guint pos = g_array_index(order, guint, i);
        const AnalyzeRuleStats *st = &agg->rules[pos];
        const Rule *rule = g_ptr_array_index(agg->index->rules, pos);
        guint64 sources = analyze_distinct_count(&st->sources);
        g_string_append(out, "<tr><td>");
        html_escape(out, rule->group ? rule->group->name : "");
        g_string_append_printf(out,
                               "</td><td class=\"num\" data-v=\"%" G_GUINT64_FORMAT
                               "\">%" G_GUINT64_FORMAT "</td><td>%s</td><td>",
                               rule->sid, rule->sid, rule_action_name(rule->action));
        html_escape(out, rule->msg);
        guint64 nums[] = { st->counts.hits, st->counts.blocked, st->counts.allowed, sources };
        for (gsize k = 0; k < G_N_ELEMENTS(nums); k++) {
            g_string_append_printf(out, "</td><td class=\"num\" data-v=\"%" G_GUINT64_FORMAT "\">",
                                   nums[k]);
            if (k == 3 && analyze_distinct_is_estimate(&st->sources))
                g_string_append(out, "~");
            html_append_count(out, nums[k]);
        }
        g_string_append(out, "</td><td>");
        html_append_time_us(out, st->first_us);
        g_string_append(out, "</td><td>");
        html_append_time_us(out, st->last_us);
        g_string_append(out, "</td><td>");
        double *v = hour_values(st->hours, r, 0);
        char *title = g_strdup_printf("hits per hour of sid %" G_GUINT64_FORMAT, rule->sid);
        svg_sparkline(out, v, st->counts.hits ? r->n : 0, title);
        g_free(title);
        g_free(v);
        g_string_append(out, "</td></tr>\n");
    }
    g_string_append(out, "</tbody></table>\n");
    if (total > shown)
        g_string_append_printf(out,
                               "<p class=\"capped\">%u of %u rules shown (most hits "
                               "first); <code>--format json</code> has them all.</p>\n",
                               shown, total);
    g_string_append(out, "</section>\n");
}

static void
append_top_chart(GString *out, const AnalyzeTop *top, guint limit, const char *id,
                 const char *title)
{
    g_string_append_printf(out, "<h3>%s</h3>\n", title);
    GPtrArray *sorted = top ? analyze_top_sorted(top) : g_ptr_array_new();
    guint n = MIN(sorted->len, limit);
    ChartBar *bars = g_new0(ChartBar, n ? n : 1);
    for (guint i = 0; i < n; i++) {
        const AnalyzeTopEntry *e = g_ptr_array_index(sorted, i);
        bars[i] = (ChartBar){ e->key, (double)e->count };
    }
    ChartOptions opt = { id, title, 0 };
    svg_bar_chart(out, &opt, bars, n);
    g_free(bars);
    g_ptr_array_free(sorted, TRUE);
}

static void
append_defaults(GString *out, const AnalyzeView *view)
{
    g_string_append(out, "<section aria-labelledby=\"defaults\"><h2 id=\"defaults\">Default-"
                         "action traffic</h2>\n<p>Traffic no rule decided, grouped; each group "
                         "comes with the alert + pass pair that would allow it (review before "
                         "use).</p>\n");
    guint fix_id = 0;
    for (guint n = 0; n < view->defaults->len; n++) {
        const AnalyzeViewDefault *vd = g_ptr_array_index(view->defaults, n);
        const AnalyzeDefault *d = vd->def;
        g_string_append(out, "<h3><code>");
        html_escape(out, d->signature);
        g_string_append(out, "</code>: ");
        html_append_count(out, d->counts.hits);
        g_string_append(out, " alerts</h3>\n");
        const GArray *groups = vd->groups;
        guint shown = MIN(groups->len, MAX_GROUPS);
        for (guint i = 0; i < shown; i++) {
            const AnalyzeViewGroup *vg = &g_array_index(groups, AnalyzeViewGroup, i);
            const AnalyzeDefaultGroup *g = vg->group;
            g_string_append(out, "<p>");
            html_escape(out, g->src_net);
            g_string_append(out, " &rarr; ");
            html_escape(out, g->destination);
            if (g->dest_port >= 0)
                g_string_append_printf(out, ":%d", g->dest_port);
            g_string_append(out, " ");
            html_escape(out, g->proto);
            if (g->app_proto && *g->app_proto) {
                g_string_append(out, "/");
                html_escape(out, g->app_proto);
            }
            g_string_append(out, ": <strong>");
            html_append_count(out, g->counts.hits);
            g_string_append(out, "</strong> alerts, ");
            html_append_count(out, analyze_distinct_count(&g->flows));
            g_string_append(out, " flows, ");
            html_append_time_us(out, g->first_us);
            g_string_append(out, " to ");
            html_append_time_us(out, g->last_us);
            g_string_append(out, "</p>\n");
            char *id = g_strdup_printf("suggest-%u", ++fix_id);
            html_append_copyable(out, id, vg->suggested_rules);
            g_free(id);
        }
        if (groups->len > shown)
            g_string_append_printf(out,
                                   "<p class=\"capped\">%u of %u groups shown (most flows "
                                   "first).</p>\n",
                                   shown, groups->len);
    }
    if (view->defaults->len == 0)
        g_string_append(out, "<p>No default-action alerts in the window.</p>\n");
    g_string_append(out, "</section>\n");
}

void
report_analyze_html_string(GString *out, const AnalyzeView *view, const AnalyzeThresholds *t,
                           GPtrArray *findings)
{
    const AnalyzeAgg *agg = view->agg;
    html_page_begin(out, "nfw-advisor log analysis");
    g_string_append(out,
                    "<header><h1>nfw-advisor log analysis</h1><nav aria-label=\"Sections\">"
                    "<ul><li><a href=\"#window\">Window and input</a></li><li><a href=\"#time\">"
                    "Alerts per hour</a></li><li><a href=\"#findings\">Findings</a></li><li>"
                    "<a href=\"#rules\">Rules</a></li><li><a href=\"#top\">Top talkers and "
                    "blocked names</a></li><li><a href=\"#defaults\">Default-action traffic</a>"
                    "</li></ul></nav></header>\n");
    HourRange r = hour_range(agg);
    GArray *order = rules_by_hits(agg);
    append_window(out, agg);
    append_time_charts(out, agg, &r, order);

    g_string_append(out, "<section aria-labelledby=\"findings\"><h2 id=\"findings\">Findings, "
                         "most severe first</h2>\n");
    g_string_append_printf(out,
                           "<p class=\"meta\">Thresholds: noisy at %.0f%% of alerts or "
                           "%.0f alerts per hour (at least %" G_GUINT64_FORMAT " hits); "
                           "alert-mode review from %" G_GUINT64_FORMAT " sources.</p>\n",
                           t->noisy_share * 100, t->noisy_rate, t->noisy_min_hits,
                           t->review_sources);
    GPtrArray *ranked = g_ptr_array_new();
    for (guint i = 0; i < findings->len; i++)
        g_ptr_array_add(ranked, g_ptr_array_index(findings, i));
    g_ptr_array_sort(ranked, finding_compare_severity);
    guint shown = MIN(ranked->len, HTML_MAX_ROWS);
    for (guint i = 0; i < shown; i++)
        html_append_finding(out, g_ptr_array_index(ranked, i), i + 1);
    if (ranked->len == 0)
        g_string_append(out, "<p id=\"no-findings\">No findings.</p>\n");
    if (ranked->len > shown)
        g_string_append_printf(out, "<p class=\"capped\">%u of %u findings shown.</p>\n", shown,
                               ranked->len);
    g_ptr_array_free(ranked, TRUE);
    g_string_append(out, "</section>\n");

    append_rule_table(out, agg, &r, order);
    g_string_append(out, "<section aria-labelledby=\"top\"><h2 id=\"top\">Top talkers and "
                         "blocked names</h2>\n");
    guint limit = t->top ? t->top : 10;
    append_top_chart(out, agg->top_sources, limit, "chart-talkers", "Top sources of alerts");
    append_top_chart(out, agg->top_blocked_names, limit, "chart-blocked-names",
                     "Top blocked SNI / HTTP hosts");
    g_string_append(out, "</section>\n");
    append_defaults(out, view);
    html_page_end(out);
    g_array_free(order, TRUE);
}

void
report_analyze_html(FILE *out, const AnalyzeView *view, const AnalyzeThresholds *t,
                    GPtrArray *findings)
{
    GString *buf = g_string_sized_new(64 * 1024);
    report_analyze_html_string(buf, view, t, findings);
    fwrite(buf->str, 1, buf->len, out);
    g_string_free(buf, TRUE);
}
