/*
 * html_simulate.c - `simulate --format html`: one self-contained page that
 * leads with the changes (cards with the counts, then one table per group:
 * newly blocked by rule and by destination, newly allowed, blocked by
 * another rule, alerts gained and lost, undetermined by reason), each row
 * with its example flows.  Every string goes through html_escape (SNI and
 * hosts come from logs).
 */
#include "report/report.h"
#include "report/html.h"

#include <string.h>

static void
hit_html(GString *s, const VerdictHit *h)
{
    if (h->default_action)
        html_escape(s, h->default_action);
    else
        g_string_append_printf(s, "sid %" G_GUINT64_FORMAT, h->sid);
}

static void
group_table(GString *s, const char *id, const char *title, const char *col, const GPtrArray *groups,
            gboolean by_hit, guint top)
{
    if (groups == NULL || groups->len == 0)
        return;
    g_string_append_printf(s, "<h3 id=\"%s\">", id);
    html_escape(s, title);
    g_string_append(s, "</h3>\n<table class=\"sortable\"><thead><tr><th scope=\"col\">");
    html_escape(s, col);
    g_string_append(s, "</th><th scope=\"col\" class=\"num\"><button type=\"button\">Flows"
                       "</button></th><th scope=\"col\">Examples</th></tr></thead><tbody>\n");
    guint rows = MIN(top, groups->len);
    for (guint i = 0; i < rows; i++) {
        const SimGroup *g = g_ptr_array_index(groups, i);
        g_string_append(s, "<tr><td class=\"loc\">");
        if (by_hit)
            hit_html(s, &g->hit);
        else
            html_escape(s, g->name);
        g_string_append_printf(s, "</td><td class=\"num\" data-v=\"%" G_GUINT64_FORMAT "\">",
                               g->flows);
        html_append_count(s, g->flows);
        g_string_append(s, "</td><td class=\"loc\">");
        for (guint k = 0; k < g->examples->len; k++) {
            const SimExample *e = g_ptr_array_index(g->examples, k);
            if (k)
                g_string_append(s, "<br>");
            html_escape(s, e->text);
            if (e->has_flow_id)
                g_string_append_printf(s, " (flow_id %" G_GUINT64_FORMAT ")", e->flow_id);
        }
        g_string_append(s, "</td></tr>\n");
    }
    g_string_append(s, "</tbody></table>\n");
    if (groups->len > rows)
        g_string_append_printf(s, "<p class=\"capped\">%u of %u rows shown (--top).</p>\n", rows,
                               groups->len);
}

static void
card(GString *s, const char *id, guint64 n, const char *label)
{
    g_string_append_printf(s, "<li id=\"%s\"><span class=\"n\">", id);
    html_append_count(s, n);
    g_string_append(s, "</span>");
    html_escape(s, label);
    g_string_append(s, "</li>");
}

void
report_simulate_html_string(GString *s, const SimSummary *sum, guint top)
{
    html_page_begin(s, "nfw-advisor simulate");
    g_string_append(s, "<h1>What the proposed policy would do</h1>\n<p class=\"meta\">");
    g_string_append_printf(s, "%u rules in %s; default actions: ", sum->rules,
                           rule_order_name(sum->order));
    if (sum->default_actions->len == 0)
        g_string_append(s, "none");
    for (guint i = 0; i < sum->default_actions->len; i++) {
        if (i)
            g_string_append(s, ", ");
        html_escape(s, g_ptr_array_index(sum->default_actions, i));
    }
    g_string_append(s, ". Compared with ");
    g_string_append(s, sum->baseline ? "the baseline policy, simulated the same way."
                                     : "what the logs show (alerts with action blocked; "
                                       "silent drops are not in logs).");
    g_string_append(s, "</p>\n<section aria-labelledby=\"changes\"><h2 id=\"changes\">Changes"
                       "</h2>\n<ul class=\"cards\">");
    card(s, "count-newly-blocked", sum->newly_blocked, "newly blocked");
    card(s, "count-newly-allowed", sum->newly_allowed, "newly allowed");
    card(s, "count-blocker-changed", sum->blocker_changed, "blocked by another rule");
    card(s, "count-gained", sum->alerts_gained->len, "rules gaining alerts");
    card(s, "count-lost", sum->alerts_lost->len, "rules losing alerts");
    card(s, "count-undetermined", sum->undetermined, "undetermined");
    g_string_append(s, "</ul>\n");
    if (sum->newly_blocked + sum->newly_allowed + sum->blocker_changed == 0 &&
        sum->alerts_gained->len + sum->alerts_lost->len == 0)
        g_string_append(s, "<p>No determined flow changes.</p>\n");
    group_table(s, "nb-rule", "Newly blocked, by rule", "Rule", sum->newly_blocked_by_rule, TRUE,
                top);
    group_table(s, "nb-dest", "Newly blocked, by destination", "Destination",
                sum->newly_blocked_by_destination, FALSE, top);
    group_table(s, "na-rule", "Newly allowed, by the rule that blocked them", "Rule",
                sum->newly_allowed_by_rule, TRUE, top);
    group_table(s, "na-dest", "Newly allowed, by destination", "Destination",
                sum->newly_allowed_by_destination, FALSE, top);
    group_table(s, "bc-rule", "Blocked by another rule", "New blocking rule",
                sum->blocker_changed_by_rule, TRUE, top);
    group_table(s, "gained", "Alerts gained", "Rule", sum->alerts_gained, TRUE, top);
    group_table(s, "lost", "Alerts lost", "Rule", sum->alerts_lost, TRUE, top);
    g_string_append(s, "</section>\n");
    g_string_append(s, "<section aria-labelledby=\"coverage\"><h2 id=\"coverage\">Coverage</h2>"
                       "\n<p>");
    html_append_count(s, sum->determined);
    g_string_append(s, " of ");
    html_append_count(s, sum->flows);
    g_string_append_printf(s, " flows determined (%.1f%%). Proposed: ",
                           sum->flows ? 100.0 * (double)sum->determined / (double)sum->flows : 0);
    html_append_count(s, sum->allowed);
    g_string_append(s, " allowed, ");
    html_append_count(s, sum->blocked);
    g_string_append(s, " blocked; reference: ");
    html_append_count(s, sum->ref_allowed);
    g_string_append(s, " allowed, ");
    html_append_count(s, sum->ref_blocked);
    g_string_append(s, " blocked.</p>\n");
    group_table(s, "undetermined", "Undetermined, by reason", "Reason", sum->undetermined_by_reason,
                FALSE, top);
    g_string_append(s, "</section>\n");
    html_page_end(s);
}

void
report_simulate_html(FILE *out, const SimSummary *summary, guint top)
{
    GString *s = g_string_new(NULL);
    report_simulate_html_string(s, summary, top);
    fputs(s->str, out);
    g_string_free(s, TRUE);
}
