/*
 * html_lint.c - `lint --format html`: the policy review as one page.
 *
 * Sections: the policy at a glance (counts, default actions, groups, rules
 * by action), findings ranked by severity with the fix as copyable rule
 * text, and the rule order of the whole policy with findings marked on the
 * rule they are about (shadowed rules, missing alert twins drawn as a
 * dashed row where the twin belongs).
 *
 * Design decisions:
 *  - Findings are tied to rules by location (file and line of the rule's
 *    start), the one thing every check fills in; no check-specific data.
 *  - A policy of 35,000 rules would make a page nobody reads: above
 *    HTML_MAX_ROWS rules, the order shows only rules with findings (and
 *    says so); findings are capped the same way, the chart counts them all.
 */
#include "report/html.h"

#include <string.h>

#include "findings/findings.h"

#define RULE_TEXT_CHARS 400

typedef struct {
    const Policy *policy;
    GPtrArray *findings; /* borrowed */
    GHashTable *by_loc;  /* "file\nline" -> GPtrArray* of Finding* (borrowed) */
} LintPage;

static char *
loc_key(const char *file, int line)
{
    return g_strdup_printf("%s\n%d", file ? file : "", line);
}

static void
index_findings(LintPage *page)
{
    page->by_loc =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);
    for (guint i = 0; i < page->findings->len; i++) {
        Finding *f = g_ptr_array_index(page->findings, i);
        if (f->loc.file == NULL || f->loc.line <= 0)
            continue;
        char *key = loc_key(f->loc.file, f->loc.line);
        GPtrArray *list = g_hash_table_lookup(page->by_loc, key);
        if (list == NULL) {
            list = g_ptr_array_new();
            g_hash_table_insert(page->by_loc, key, list);
        } else {
            g_free(key);
        }
        g_ptr_array_add(list, f);
    }
}

static void
append_loc(GString *out, const SourceLoc *loc)
{
    if (loc->file == NULL)
        return;
    g_string_append(out, "<span class=\"loc\">");
    html_escape(out, loc->file);
    if (loc->line > 0)
        g_string_append_printf(out, ":%d", loc->line);
    if (loc->column > 0)
        g_string_append_printf(out, ":%d", loc->column);
    g_string_append(out, "</span>");
}

static void
append_card(GString *out, const char *label, guint64 n, const char *id)
{
    g_string_append_printf(out, "<li id=\"%s\"><span class=\"n\">", id);
    html_append_count(out, n);
    g_string_append_printf(out, "</span>%s</li>", label);
}

static void
append_list(GString *out, GPtrArray *items)
{
    if (items == NULL || items->len == 0) {
        g_string_append(out, "<em>none given</em>");
        return;
    }
    for (guint i = 0; i < items->len; i++) {
        if (i > 0)
            g_string_append(out, ", ");
        g_string_append(out, "<code>");
        html_escape(out, g_ptr_array_index(items, i));
        g_string_append(out, "</code>");
    }
}

static guint
group_finding_count(const LintPage *page, const RuleGroup *g)
{
    guint n = 0;
    for (guint i = 0; i < page->findings->len; i++) {
        const Finding *f = g_ptr_array_index(page->findings, i);
        if (f->group != NULL && g->name != NULL && strcmp(f->group, g->name) == 0)
            n++;
    }
    return n;
}

static void
append_glance(GString *out, const LintPage *page, const LintSummary *s)
{
    const Policy *policy = page->policy;
    g_string_append(out, "<section aria-labelledby=\"glance\"><h2 id=\"glance\">The policy at a "
                         "glance</h2>\n<ul class=\"cards\">");
    append_card(out, "files", s->files, "count-files");
    append_card(out, "rule groups", s->groups, "count-groups");
    append_card(out, "rules in evaluation order", s->rules, "count-rules");
    append_card(out, "disabled rules", s->disabled_rules, "count-disabled");
    append_card(out, "errors", s->errors, "count-errors");
    append_card(out, "warnings", s->warnings, "count-warnings");
    append_card(out, "notes", s->notes, "count-notes");
    g_string_append(out, "</ul>\n<p>Rule order: <strong>");
    g_string_append(out, rule_order_name(policy->order));
    g_string_append(out, "</strong>");
    if (policy->info != NULL) {
        g_string_append(out, ". Stateful default actions: ");
        append_list(out, policy->info->stateful_default_actions);
        g_string_append(out, ". Stateless default actions: ");
        append_list(out, policy->info->stateless_default_actions);
    } else {
        g_string_append(out, ". No firewall policy JSON was given: default actions unknown");
    }
    g_string_append(out, ".</p>\n");

    /* Groups. */
    g_string_append(out,
                    "<h3>Rule groups in evaluation order</h3>\n<table class=\"sortable\">"
                    "<thead><tr><th scope=\"col\" class=\"num\"><button type=\"button\">Priority"
                    "</button></th><th scope=\"col\"><button type=\"button\">Group</button></th>"
                    "<th scope=\"col\"><button type=\"button\">Kind</button></th>"
                    "<th scope=\"col\"><button type=\"button\">Order</button></th>"
                    "<th scope=\"col\" class=\"num\"><button type=\"button\">Rules</button></th>"
                    "<th scope=\"col\" class=\"num\"><button type=\"button\">Findings</button>"
                    "</th></tr></thead><tbody>\n");
    guint shown = 0;
    for (guint i = 0; i < policy->groups->len && shown < HTML_MAX_ROWS; i++, shown++) {
        const RuleGroup *g = g_ptr_array_index(policy->groups, i);
        guint nf = group_finding_count(page, g);
        g_string_append_printf(out, "<tr><td class=\"num\" data-v=\"%d\">%d</td><td>", g->priority,
                               g->priority);
        html_escape(out, g->name);
        if (g->drop_to_alert)
            g_string_append(out, " <span class=\"mark\">DROP_TO_ALERT</span>");
        if (!g->referenced)
            g_string_append(out, " <span class=\"mark\">not referenced</span>");
        g_string_append_printf(out,
                               "</td><td>%s</td><td>%s</td><td class=\"num\" data-v=\"%u\">"
                               "%u</td><td class=\"num\" data-v=\"%u\">%u</td></tr>\n",
                               group_kind_name(g->kind), rule_order_name(g->order), g->rules->len,
                               g->rules->len, nf, nf);
    }
    g_string_append(out, "</tbody></table>\n");
    if (policy->groups->len > shown)
        g_string_append_printf(out, "<p class=\"capped\">%u of %u groups shown.</p>\n", shown,
                               policy->groups->len);

    /* Rules by action. */
    guint by_action[RULE_ACTION_CONFIG + 1] = { 0 };
    for (guint i = 0; i < policy->eval_order->len; i++) {
        const Rule *r = g_ptr_array_index(policy->eval_order, i);
        if (r->action <= RULE_ACTION_CONFIG)
            by_action[r->action]++;
    }
    ChartBar bars[RULE_ACTION_CONFIG + 1];
    gsize n = 0;
    for (int a = 0; a <= RULE_ACTION_CONFIG; a++)
        if (by_action[a] > 0)
            bars[n++] = (ChartBar){ rule_action_name((RuleAction)a), by_action[a] };
    g_string_append(out, "<h3>Rules by action</h3>\n");
    ChartOptions opt = { "chart-actions", "Rules by action", 0 };
    svg_bar_chart(out, &opt, bars, n);
    g_string_append(out, "</section>\n");
}

static void
append_findings_chart(GString *out, const LintPage *page)
{
    /* Count per check id, most first. */
    GHashTable *counts = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < page->findings->len; i++) {
        const Finding *f = g_ptr_array_index(page->findings, i);
        guint n = GPOINTER_TO_UINT(g_hash_table_lookup(counts, f->check));
        g_hash_table_insert(counts, (gpointer)f->check, GUINT_TO_POINTER(n + 1));
    }
    guint len = g_hash_table_size(counts);
    ChartBar *bars = g_new0(ChartBar, len ? len : 1);
    GHashTableIter it;
    gpointer k, v;
    gsize n = 0;
    g_hash_table_iter_init(&it, counts);
    while (g_hash_table_iter_next(&it, &k, &v))
        bars[n++] = (ChartBar){ k, GPOINTER_TO_UINT(v) };
    for (gsize i = 1; i < n; i++) /* insertion sort: few checks */
        for (gsize j = i; j > 0 && (bars[j].value > bars[j - 1].value ||
                                    (bars[j].value == bars[j - 1].value &&
                                     strcmp(bars[j].label, bars[j - 1].label) < 0));
             j--) {
            ChartBar t = bars[j];
            bars[j] = bars[j - 1];
            bars[j - 1] = t;
        }
    ChartOptions opt = { "chart-checks", "Findings by check", 0 };
    svg_bar_chart(out, &opt, bars, n);
    g_free(bars);
    g_hash_table_destroy(counts);
}

void
html_append_finding(GString *out, const Finding *f, guint index)
{
    const char *sev = severity_name(f->severity);
    g_string_append_printf(out,
                           "<article class=\"finding %s\" id=\"finding-%u\">"
                           "<h3><span class=\"sev sev-%s\">%s</span> <span class=\"check\">",
                           sev, index, sev, sev);
    html_escape(out, f->check);
    g_string_append(out, "</span> ");
    append_loc(out, &f->loc);
    g_string_append(out, "</h3>\n<p class=\"msg\">");
    html_escape(out, f->message);
    g_string_append(out, "</p>\n");
    g_autofree char *status = report_status_text(f);
    if (status != NULL) {
        g_string_append(out, "<p class=\"status\">");
        html_escape(out, status);
        g_string_append(out, "</p>\n");
    }
    if (f->source_line != NULL) {
        g_string_append(out, "<pre class=\"source\"><code>");
        html_escape_truncated(out, f->source_line, 2000);
        g_string_append(out, "</code></pre>\n");
    }
    if (f->related->len > 0) {
        g_string_append(out, "<ul class=\"related\">");
        for (guint i = 0; i < f->related->len; i++) {
            const RelatedLoc *r = g_ptr_array_index(f->related, i);
            g_string_append(out, "<li>");
            append_loc(out, &r->loc);
            g_string_append(out, ": ");
            html_escape(out, r->message);
            g_string_append(out, "</li>");
        }
        g_string_append(out, "</ul>\n");
    }
    if (f->fix != NULL) {
        g_string_append(out, "<p><strong>Fix:</strong></p>\n");
        char *id = g_strdup_printf("fix-%u", index);
        html_append_copyable(out, id, f->fix);
        g_free(id);
    }
    g_string_append(out, "</article>\n");
}

static void
append_findings(GString *out, const LintPage *page)
{
    g_string_append(out, "<section aria-labelledby=\"findings\"><h2 id=\"findings\">Findings, "
                         "most severe first</h2>\n");
    if (page->findings->len == 0) {
        g_string_append(out, "<p id=\"no-findings\">No findings: nothing to fix.</p></section>\n");
        return;
    }
    append_findings_chart(out, page);
    GPtrArray *ranked = g_ptr_array_sized_new(page->findings->len);
    for (guint i = 0; i < page->findings->len; i++)
        g_ptr_array_add(ranked, g_ptr_array_index(page->findings, i));
    g_ptr_array_sort(ranked,
                     finding_compare_severity); /* stable: keeps file order within a severity */
    guint shown = MIN(ranked->len, HTML_MAX_ROWS);
    for (guint i = 0; i < shown; i++)
        html_append_finding(out, g_ptr_array_index(ranked, i), i + 1);
    if (ranked->len > shown)
        g_string_append_printf(out,
                               "<p class=\"capped\">%u of %u findings shown (the most "
                               "severe); the chart above counts them all. Use "
                               "<code>--format json</code> for the complete list.</p>\n",
                               shown, ranked->len);
    g_ptr_array_free(ranked, TRUE);
    g_string_append(out, "</section>\n");
}

static gboolean
is_check(const Finding *f, const char *id)
{
    return strcmp(f->check, id) == 0;
}

/* The marks of one rule, and the missing twin to draw before it. */
static void
append_marks(GString *out, GPtrArray *list)
{
    for (guint i = 0; list && i < list->len; i++) {
        const Finding *f = g_ptr_array_index(list, i);
        gboolean strong = is_check(f, "shadowed-rule") || is_check(f, "pass-without-alert") ||
                          f->severity == SEVERITY_ERROR;
        const char *label = is_check(f, "shadowed-rule")        ? "shadowed"
                            : is_check(f, "pass-without-alert") ? "no alert twin"
                            : is_check(f, "redundant-rule")     ? "redundant"
                                                                : f->check;
        g_string_append_printf(out, "<span class=\"mark%s\" title=\"", strong ? " strong" : "");
        html_escape(out, f->message);
        g_string_append(out, "\">");
        html_escape(out, label);
        g_string_append(out, "</span>");
        if (is_check(f, "shadowed-rule") && f->related->len > 0) {
            const RelatedLoc *r = g_ptr_array_index(f->related, 0);
            g_string_append(out, " by ");
            append_loc(out, &r->loc);
        }
    }
}

static void
append_rule_row(GString *out, const Rule *r, guint position, GPtrArray *list)
{
    /* A missing twin goes where it belongs: right before the pass rule. */
    for (guint i = 0; list && i < list->len; i++) {
        const Finding *f = g_ptr_array_index(list, i);
        if (is_check(f, "pass-without-alert") && f->fix != NULL) {
            g_string_append(out, "<tr class=\"ghost\"><td class=\"num\">+</td><td colspan=\"3\">"
                                 "<em>missing alert twin (suggested)</em></td><td class=\"rule\">");
            html_escape_truncated(out, f->fix, RULE_TEXT_CHARS);
            g_string_append(out, "</td><td></td></tr>\n");
        }
    }
    g_string_append_printf(out, "<tr%s><td class=\"num\">%u</td><td>",
                           list ? " class=\"flagged\"" : "", position);
    html_escape(out, r->group ? r->group->name : "");
    g_string_append_printf(
        out, "</td><td>%s</td><td class=\"num\">%" G_GUINT64_FORMAT "</td><td class=\"rule\">",
        rule_action_name(r->action), r->sid);
    html_escape_truncated(out, r->text, RULE_TEXT_CHARS);
    g_string_append(out, "<br>");
    append_loc(out, &r->loc);
    g_string_append(out, "</td><td>");
    append_marks(out, list);
    g_string_append(out, "</td></tr>\n");
}

static void
append_rule_order(GString *out, const LintPage *page)
{
    const Policy *policy = page->policy;
    guint total = policy->eval_order->len;
    gboolean only_flagged = total > HTML_MAX_ROWS;
    g_string_append(out, "<section aria-labelledby=\"order\"><h2 id=\"order\">Rule order</h2>\n"
                         "<p>Every enabled rule in the order the firewall evaluates them");
    if (policy->order == RULE_ORDER_ACTION)
        g_string_append(out, " (action order: pass, then drop, reject, alert)");
    g_string_append(out, ". Findings are marked on the rule they are about; a dashed row shows "
                         "a missing alert twin where it should be inserted.</p>\n");
    if (only_flagged)
        g_string_append_printf(out,
                               "<p class=\"capped\" id=\"order-capped\">The policy has %u "
                               "rules: only rules with findings are listed (at most %d).</p>\n",
                               total, HTML_MAX_ROWS);
    g_string_append(out, "<table id=\"rule-order\"><thead><tr><th scope=\"col\" class=\"num\">#"
                         "</th><th scope=\"col\">Group</th><th scope=\"col\">Action</th>"
                         "<th scope=\"col\" class=\"num\">sid</th><th scope=\"col\">Rule</th>"
                         "<th scope=\"col\">Findings</th></tr></thead><tbody>\n");
    guint shown = 0;
    for (guint i = 0; i < total && shown < HTML_MAX_ROWS; i++) {
        const Rule *r = g_ptr_array_index(policy->eval_order, i);
        char *key = loc_key(r->loc.file, r->loc.line);
        GPtrArray *list = g_hash_table_lookup(page->by_loc, key);
        g_free(key);
        if (only_flagged && list == NULL)
            continue;
        append_rule_row(out, r, i + 1, list);
        shown++;
    }
    g_string_append(out, "</tbody></table>\n");
    if (!only_flagged && total > shown)
        g_string_append_printf(out, "<p class=\"capped\">%u of %u rules shown.</p>\n", shown,
                               total);
    if (total == 0)
        g_string_append(out, "<p>No enabled rule.</p>\n");
    g_string_append(out, "</section>\n");
}

void
report_lint_html_string(GString *out, const Policy *policy, GPtrArray *findings,
                        const LintSummary *summary)
{
    LintPage page = { policy, findings, NULL };
    index_findings(&page);
    const char *name = policy->info && policy->info->name ? policy->info->name : NULL;
    char *title = name ? g_strdup_printf("nfw-advisor policy review: %s", name)
                       : g_strdup("nfw-advisor policy review");
    html_page_begin(out, title);
    g_string_append(out, "<header><h1>");
    html_escape(out, title);
    g_string_append(out, "</h1><p class=\"meta\">");
    if (policy->info && policy->info->file) {
        g_string_append(out, "Policy file: ");
        append_loc(out, &(SourceLoc){ policy->info->file, 0, 0 });
        g_string_append(out, ". ");
    }
    g_string_append_printf(out,
                           "%d error%s, %d warning%s, %d note%s.</p>\n<nav aria-label="
                           "\"Sections\"><ul><li><a href=\"#glance\">The policy at a glance</a>"
                           "</li><li><a href=\"#findings\">Findings</a></li><li><a href=\"#order\">"
                           "Rule order</a></li></ul></nav></header>\n",
                           summary->errors, summary->errors == 1 ? "" : "s", summary->warnings,
                           summary->warnings == 1 ? "" : "s", summary->notes,
                           summary->notes == 1 ? "" : "s");
    append_glance(out, &page, summary);
    append_findings(out, &page);
    append_rule_order(out, &page);
    html_page_end(out);
    g_free(title);
    g_hash_table_destroy(page.by_loc);
}

void
report_lint_html(FILE *out, const Policy *policy, GPtrArray *findings, const LintSummary *summary)
{
    GString *buf = g_string_sized_new(64 * 1024);
    report_lint_html_string(buf, policy, findings, summary);
    fwrite(buf->str, 1, buf->len, out);
    g_string_free(buf, TRUE);
}
