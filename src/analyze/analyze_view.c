/*
 * analyze_view.c - the AnalyzeView (analyze.h): what the findings and every
 * renderer show of an analysis, decided once after analyze_agg_finish().
 *
 * Design decisions:
 *  - Orders are decided here and nowhere else: default actions by
 *    signature, their groups most flows first (then alerts, destination,
 *    source, port), unmapped signatures most alerts first.
 *  - Suggested rules: two sids per group, numbered from the first free
 *    sid (analyze_first_free_sid) in that order over all groups of all
 *    default actions, so a group keeps its sids whatever a renderer caps.
 *    Each group's alert + pass pair is made once, here.
 *  - The view borrows the aggregate: it lives no longer than it.
 */
#include "analyze/analyze_internal.h"

static void
view_default_free(AnalyzeViewDefault *d)
{
    for (guint i = 0; i < d->groups->len; i++)
        g_free(g_array_index(d->groups, AnalyzeViewGroup, i).suggested_rules);
    g_array_unref(d->groups);
    g_free(d);
}

AnalyzeView *
analyze_view_new(const AnalyzeAgg *agg)
{
    g_return_val_if_fail(agg != NULL, NULL);
    AnalyzeView *view = g_new0(AnalyzeView, 1);
    view->agg = agg;
    view->first_free_sid = analyze_first_free_sid(agg);
    view->defaults = g_ptr_array_new_with_free_func((GDestroyNotify)view_default_free);
    GPtrArray *defaults = analyze_defaults_sorted(agg);
    guint64 sid = view->first_free_sid;
    for (guint i = 0; i < defaults->len; i++) {
        AnalyzeViewDefault *vd = g_new0(AnalyzeViewDefault, 1);
        vd->def = g_ptr_array_index(defaults, i);
        GPtrArray *groups = analyze_default_groups_sorted(vd->def);
        vd->groups = g_array_sized_new(FALSE, TRUE, sizeof(AnalyzeViewGroup), groups->len);
        for (guint j = 0; j < groups->len; j++, sid += 2) {
            AnalyzeViewGroup g = { g_ptr_array_index(groups, j), sid, NULL };
            g.suggested_rules = analyze_suggest_rules(g.group, sid);
            g_array_append_val(vd->groups, g);
        }
        g_ptr_array_unref(groups);
        g_ptr_array_add(view->defaults, vd);
    }
    g_ptr_array_unref(defaults);
    view->signatures = analyze_signatures_sorted(agg);
    view->silent = analyze_silent_flows(agg, &view->silent_totals);
    return view;
}

void
analyze_view_free(AnalyzeView *view)
{
    if (view == NULL)
        return;
    g_ptr_array_unref(view->defaults);
    g_ptr_array_unref(view->signatures);
    g_ptr_array_unref(view->silent);
    g_free(view);
}
