/*
 * analyze_checks.c - the log checks (analyze.h, checks.md "Log checks"):
 * aggregates + policy -> Findings.  Each check is one function; they only
 * read the aggregates, so `analyze --results` gets the same findings.
 *
 * Order of the output: findings are sorted by severity (stable), and each
 * check adds its findings biggest first, so the report reads "what matters
 * most" first.
 */
#include "analyze/analyze_internal.h"

#include <stdio.h>
#include <string.h>

#include "findings/findings.h"
#include "base/base.h"

static char *
format_time(gint64 us)
{
    if (us == 0)
        return g_strdup("-");
    char *s = base_utc_format(us / G_USEC_PER_SEC, "%Y-%m-%dT%H:%M:%SZ");
    return s ? s : g_strdup("?");
}

static char *
window_text(const AnalyzeAgg *agg)
{
    char *a = format_time(agg->first_event_us), *b = format_time(agg->last_event_us);
    char *s = g_strdup_printf("%.1f h log window (%s .. %s)", analyze_agg_window_hours(agg), a, b);
    g_free(a);
    g_free(b);
    return s;
}

static const char *
approx(const AnalyzeDistinct *d)
{
    return analyze_distinct_is_estimate(d) ? "~" : "";
}

static char *
top_text(const AnalyzeTop *top, guint n)
{
    GPtrArray *sorted = analyze_top_sorted(top);
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < sorted->len && i < n; i++) {
        AnalyzeTopEntry *e = g_ptr_array_index(sorted, i);
        g_string_append_printf(s, "%s%s (%" G_GUINT64_FORMAT ")", i ? ", " : "", e->key, e->count);
    }
    g_ptr_array_unref(sorted);
    return g_string_free(s, FALSE);
}

static gboolean
rule_logs(const Rule *r)
{
    if (r->flags & RULE_F_NOALERT)
        return FALSE;
    return r->action != RULE_ACTION_PASS || (r->flags & RULE_F_ALERT_KW);
}

static const char *
msg_or_empty(const Rule *r)
{
    return r->msg ? r->msg : "";
}

static void
check_unused(const AnalyzeView *view, const AnalyzeThresholds *t, GPtrArray *out)
{
    const AnalyzeAgg *agg = view->agg;
    const AnalyzeIndex *ix = agg->index;
    char *window = window_text(agg);
    for (guint i = 0; i < ix->rules->len; i++) {
        const Rule *r = g_ptr_array_index(ix->rules, i);
        if (!rule_logs(r) || agg->rules[i].counts.hits > 0)
            continue;
        Finding *f = finding_new_printf(
            "unused-rule", &r->loc,
            "%s rule sid %" G_GUINT64_FORMAT " \"%s\" had no hit in the whole %s",
            rule_action_name(r->action), r->sid, msg_or_empty(r), window);
        policy_finding_set_rule(f, r);
        g_ptr_array_add(out, f);
    }
    g_free(window);
}

static void
check_unobservable(const AnalyzeView *view, const AnalyzeThresholds *t, GPtrArray *out)
{
    const AnalyzeAgg *agg = view->agg;
    const AnalyzeIndex *ix = agg->index;
    for (guint i = 0; i < ix->rules->len; i++) {
        const Rule *r = g_ptr_array_index(ix->rules, i);
        if (rule_logs(r) || g_array_index(ix->has_twin, gboolean, i))
            continue;
        Finding *f = finding_new_printf(
            "unobservable-rule", &r->loc,
            "%s rule sid %" G_GUINT64_FORMAT " \"%s\" %s: its hits never appear in the logs, "
            "so whether it is used is unknown",
            rule_action_name(r->action), r->sid, msg_or_empty(r),
            (r->flags & RULE_F_NOALERT)
                ? "has noalert"
                : "has neither the alert keyword nor an alert twin before it");
        policy_finding_set_rule(f, r);
        g_ptr_array_add(out, f);
    }
}

static gint
compare_hits_desc(gconstpointer a, gconstpointer b, gpointer data)
{
    const AnalyzeAgg *agg = data;
    guint x = *(const guint *)a, y = *(const guint *)b;
    guint64 hx = agg->rules[x].counts.hits, hy = agg->rules[y].counts.hits;
    if (hx != hy)
        return hx > hy ? -1 : 1;
    return x < y ? -1 : x > y;
}

/* Rule positions with hits, most hits first. */
static GArray *
rules_by_hits(const AnalyzeAgg *agg)
{
    GArray *order = g_array_new(FALSE, FALSE, sizeof(guint));
    for (guint i = 0; i < agg->index->rules->len; i++)
        if (agg->rules[i].counts.hits > 0)
            g_array_append_val(order, i);
    g_array_sort_with_data(order, compare_hits_desc, (gpointer)agg);
    return order;
}

static void
check_noisy(const AnalyzeView *view, const AnalyzeThresholds *t, GPtrArray *out)
{
    const AnalyzeAgg *agg = view->agg;
    const AnalyzeIndex *ix = agg->index;
    double hours = analyze_agg_window_hours(agg);
    GArray *order = rules_by_hits(agg);
    for (guint k = 0; k < order->len; k++) {
        guint i = g_array_index(order, guint, k);
        const Rule *r = g_ptr_array_index(ix->rules, i);
        const AnalyzeRuleStats *s = &agg->rules[i];
        if (g_array_index(ix->twin_of, guint, i) != 0)
            continue; /* the logging twin of a pass rule: noise by design */
        double share = agg->alerts ? (double)s->counts.hits / agg->alerts : 0;
        double rate = s->counts.hits / hours;
        if (s->counts.hits < t->noisy_min_hits || (share < t->noisy_share && rate < t->noisy_rate))
            continue;
        guint64 sources = analyze_distinct_count(&s->sources);
        guint64 dests = analyze_distinct_count(&s->destinations);
        char *talkers = top_text(s->talkers, 3);
        char *targets = top_text(s->targets, 3);
        const char *advice;
        if (sources <= 3)
            advice =
                "a few sources make the noise: if that traffic is known-good, add an alert+pass "
                "pair for it before this rule, or exclude those sources in the header";
        else if (dests <= 3)
            advice = "a few destinations make the noise: narrow the header's destination or add a "
                     "pass rule (with its alert twin) for the known-good destination";
        else
            advice = "narrow the header (addresses, ports, flow:to_server) or the content match; "
                     "Network Firewall does not support threshold or suppress";
        Finding *f = finding_new_printf(
            "noisy-rule", &r->loc,
            "sid %" G_GUINT64_FORMAT " \"%s\": %" G_GUINT64_FORMAT " alerts, %.1f%% of all alerts, "
            "%.1f per hour, from %s%" G_GUINT64_FORMAT " sources to %s%" G_GUINT64_FORMAT
            " destinations; top talkers %s; top destinations %s. Suggestion: %s",
            r->sid, msg_or_empty(r), s->counts.hits, share * 100, rate, approx(&s->sources),
            sources, approx(&s->destinations), dests, talkers, targets, advice);
        policy_finding_set_rule(f, r);
        g_ptr_array_add(out, f);
        g_free(talkers);
        g_free(targets);
    }
    g_array_unref(order);
}

/* Suricata content text: quote, semicolon, backslash, pipe and anything
 * not printable ASCII as |hex| (names come from the logs: untrusted). */
static void
append_content(GString *s, const char *text)
{
    for (const guchar *p = (const guchar *)text; *p; p++) {
        if (*p == '"' || *p == ';' || *p == '\\' || *p == '|' || *p < 0x20 || *p >= 0x7f)
            g_string_append_printf(s, "|%02x|", *p);
        else
            g_string_append_c(s, *p);
    }
}

char *
analyze_suggest_rules(const AnalyzeDefaultGroup *g, guint64 first_sid)
{
    GString *match = g_string_new(NULL);
    const char *proto;
    const char *app = g->app_proto ? g->app_proto : "";
    gboolean name_rule =
        g->by_name && !g->name_has_nul && (strcmp(app, "tls") == 0 || strcmp(app, "http") == 0);
    char *port = g->dest_port >= 0 ? g_strdup_printf("%d", g->dest_port) : g_strdup("any");
    char *dest;
    GString *label = g_string_new(NULL);
    if (name_rule) {
        proto = app;
        dest = g_strdup("$EXTERNAL_NET");
        g_string_append(match,
                        strcmp(app, "tls") == 0 ? "tls.sni; content:\"" : "http.host; content:\"");
        append_content(match, g->destination);
        g_string_append(match, strcmp(app, "tls") == 0 ? "\"; startswith; nocase; endswith; "
                                                       : "\"; startswith; endswith; ");
        append_content(label, g->destination);
    } else {
        proto = (rule_proto_flags(app) & RULE_PROTO_SUGGEST)
                    ? app
                    : (g->proto && *g->proto ? g->proto : "ip");
        dest = g_strdup(g->dest_ip && *g->dest_ip ? g->dest_ip : "any");
        append_content(label, dest);
        if (g_ascii_strcasecmp(proto, "icmp") != 0)
            g_string_append_printf(label, " port %s", port);
    }
    char *lproto = g_ascii_strdown(proto, -1);
    if (strcmp(lproto, "icmp") == 0) {
        g_free(port);
        port = g_strdup("any");
    }
    char *src = g->src_net && *g->src_net ? g->src_net : "any";
    char *text = g_strdup_printf(
        "alert %s %s any -> %s %s (%smsg:\"Allowed %s %s\"; flow:to_server; sid:%" G_GUINT64_FORMAT
        "; rev:1;)\n"
        "pass %s %s any -> %s %s (%smsg:\"Pass %s %s\"; flow:to_server; sid:%" G_GUINT64_FORMAT
        "; rev:1;)",
        lproto, src, dest, port, match->str, lproto, label->str, first_sid, lproto, src, dest, port,
        match->str, lproto, label->str, first_sid + 1);
    g_free(lproto);
    g_free(port);
    g_free(dest);
    g_string_free(match, TRUE);
    g_string_free(label, TRUE);
    return text;
}

static gint
group_compare(gconstpointer a, gconstpointer b)
{
    const AnalyzeDefaultGroup *x = *(AnalyzeDefaultGroup *const *)a;
    const AnalyzeDefaultGroup *y = *(AnalyzeDefaultGroup *const *)b;
    guint64 fx = analyze_distinct_count(&x->flows), fy = analyze_distinct_count(&y->flows);
    if (fx != fy)
        return fx > fy ? -1 : 1;
    if (x->counts.hits != y->counts.hits)
        return x->counts.hits > y->counts.hits ? -1 : 1;
    int c = strcmp(x->destination, y->destination);
    if (c)
        return c;
    c = strcmp(x->src_net, y->src_net);
    if (c)
        return c;
    return x->dest_port - y->dest_port;
}

GPtrArray *
analyze_default_groups_sorted(const AnalyzeDefault *d)
{
    GPtrArray *out = g_ptr_array_new();
    GHashTableIter it;
    gpointer v;
    g_hash_table_iter_init(&it, d->groups);
    while (g_hash_table_iter_next(&it, NULL, &v))
        g_ptr_array_add(out, v);
    g_ptr_array_sort(out, group_compare);
    return out;
}

static gint
compare_str(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

GPtrArray *
analyze_defaults_sorted(const AnalyzeAgg *agg)
{
    GPtrArray *names = g_ptr_array_new();
    GHashTableIter it;
    gpointer k;
    g_hash_table_iter_init(&it, agg->defaults);
    while (g_hash_table_iter_next(&it, &k, NULL))
        g_ptr_array_add(names, k);
    g_ptr_array_sort(names, compare_str);
    GPtrArray *out = g_ptr_array_new();
    for (guint i = 0; i < names->len; i++)
        g_ptr_array_add(out, g_hash_table_lookup(agg->defaults, g_ptr_array_index(names, i)));
    g_ptr_array_unref(names);
    return out;
}

guint64
analyze_first_free_sid(const AnalyzeAgg *agg)
{
    return agg->index->max_sid < 1000000 ? 1000000 + agg->index->max_sid + 1
                                         : agg->index->max_sid + 1;
}

static void
check_default_drop(const AnalyzeView *view, const AnalyzeThresholds *t, GPtrArray *out)
{
    for (guint i = 0; i < view->defaults->len; i++) {
        const AnalyzeViewDefault *vd = g_ptr_array_index(view->defaults, i);
        const AnalyzeDefault *d = vd->def;
        for (guint j = 0; j < vd->groups->len && j < t->top; j++) {
            const AnalyzeViewGroup *vg = &g_array_index(vd->groups, AnalyzeViewGroup, j);
            const AnalyzeDefaultGroup *g = vg->group;
            guint64 flows = analyze_distinct_count(&g->flows);
            char port_text[16] = "any";
            if (g->dest_port >= 0 && strcmp(g->proto, "ICMP") != 0)
                g_snprintf(port_text, sizeof port_text, "%d", g->dest_port);
            Finding *f = finding_new_printf(
                "default-drop-traffic", NULL,
                "%s %s%" G_GUINT64_FORMAT " flows (%" G_GUINT64_FORMAT " alerts) from %s to %s "
                "port %s %s%s%s: if this traffic is legitimate, allow it with the rule pair below "
                "(review before use)",
                d->signature, approx(&g->flows), flows, g->counts.hits, g->src_net, g->destination,
                port_text, g->proto, *g->app_proto ? "/" : "", g->app_proto);
            if (g->counts.blocked == 0)
                f->severity = SEVERITY_NOTE; /* alert-only default: nothing was dropped */
            finding_set_fix(f, vg->suggested_rules);
            g_ptr_array_add(out, f);
        }
    }
}

static gint
sig_compare(gconstpointer a, gconstpointer b)
{
    const AnalyzeSigStats *x = *(AnalyzeSigStats *const *)a;
    const AnalyzeSigStats *y = *(AnalyzeSigStats *const *)b;
    if (x->counts.hits != y->counts.hits)
        return x->counts.hits > y->counts.hits ? -1 : 1;
    if (x->sid != y->sid)
        return x->sid < y->sid ? -1 : 1;
    return strcmp(x->msg, y->msg);
}

GPtrArray *
analyze_signatures_sorted(const AnalyzeAgg *agg)
{
    GPtrArray *out = g_ptr_array_new();
    GHashTableIter it;
    gpointer v;
    g_hash_table_iter_init(&it, agg->signatures);
    while (g_hash_table_iter_next(&it, NULL, &v))
        g_ptr_array_add(out, v);
    g_ptr_array_sort(out, sig_compare);
    return out;
}

static void
check_unknown(const AnalyzeView *view, const AnalyzeThresholds *t, GPtrArray *out)
{
    GPtrArray *sigs = view->signatures;
    for (guint i = 0; i < sigs->len; i++) {
        const AnalyzeSigStats *s = g_ptr_array_index(sigs, i);
        if (s->managed != NULL)
            continue;
        Finding *f = finding_new_printf(
            "unknown-sid", NULL,
            "%" G_GUINT64_FORMAT " alerts with sid %" G_GUINT64_FORMAT " rev %u \"%s\" match no "
            "loaded rule (first at %s): a stale deployment, a managed group or another rule set",
            s->counts.hits, s->sid, s->rev, s->msg, s->sample ? s->sample : "?");
        f->sid = s->sid;
        f->has_sid = TRUE;
        g_ptr_array_add(out, f);
    }
}

static void
check_ambiguous(const AnalyzeView *view, const AnalyzeThresholds *t, GPtrArray *out)
{
    const AnalyzeAgg *agg = view->agg;
    GHashTableIter it;
    gpointer v;
    GPtrArray *list = g_ptr_array_new();
    g_hash_table_iter_init(&it, agg->ambiguous);
    while (g_hash_table_iter_next(&it, NULL, &v))
        g_ptr_array_add(list, v);
    for (guint i = 0; i < list->len; i++) {
        const AnalyzeAmbiguous *a = g_ptr_array_index(list, i);
        const Rule *first =
            g_ptr_array_index(agg->index->rules, g_array_index(a->candidates, guint, 0));
        Finding *f = finding_new_printf(
            "ambiguous-sid", &first->loc,
            "%" G_GUINT64_FORMAT " alerts with sid %" G_GUINT64_FORMAT
            " \"%s\" fit %u loaded rules "
            "(protocol and ports do not tell them apart): counted for each of them",
            a->hits, a->sid, a->msg, a->candidates->len);
        policy_finding_set_rule(f, first);
        for (guint j = 1; j < a->candidates->len; j++) {
            const Rule *r =
                g_ptr_array_index(agg->index->rules, g_array_index(a->candidates, guint, j));
            char *m = g_strdup_printf("also fits this rule (group %s)",
                                      r->group && r->group->name ? r->group->name : "?");
            finding_add_related(f, &r->loc, m);
            g_free(m);
        }
        g_ptr_array_add(out, f);
    }
    g_ptr_array_unref(list);
}

static void
check_rev(const AnalyzeView *view, const AnalyzeThresholds *t, GPtrArray *out)
{
    const AnalyzeAgg *agg = view->agg;
    for (guint i = 0; i < agg->index->rules->len; i++) {
        const AnalyzeRuleStats *s = &agg->rules[i];
        if (s->rev_mismatch == 0)
            continue;
        const Rule *r = g_ptr_array_index(agg->index->rules, i);
        Finding *f =
            finding_new_printf("rev-mismatch", &r->loc,
                               "%" G_GUINT64_FORMAT " alerts of sid %" G_GUINT64_FORMAT
                               " show rev %u, the loaded rule "
                               "has rev %u: the logs come from another version of the rule",
                               s->rev_mismatch, r->sid, s->log_rev, r->rev);
        policy_finding_set_rule(f, r);
        g_ptr_array_add(out, f);
    }
}

static void
alert_mode_finding(GPtrArray *out, const AnalyzeThresholds *t, const Rule *r, guint64 sid,
                   const char *msg, const char *what, guint64 hits, guint64 allowed,
                   const AnalyzeDistinct *sources, const AnalyzeTop *talkers,
                   const AnalyzeTop *targets, const AnalyzeDistinct *dests)
{
    guint64 n = analyze_distinct_count(sources);
    char *talk = top_text(talkers, 3);
    Finding *f;
    if (n >= t->review_sources) {
        char *tg = targets ? top_text(targets, 3) : g_strdup("-");
        f = finding_new_printf(
            "alert-mode-review", r ? &r->loc : NULL,
            "%s sid %" G_GUINT64_FORMAT " \"%s\" alerted %" G_GUINT64_FORMAT
            " times (%" G_GUINT64_FORMAT " allowed) from %s%" G_GUINT64_FORMAT
            " sources%s%s: switching it to drop would block "
            "all of them; top sources %s; top destinations %s",
            what, sid, msg, hits, allowed, approx(sources), n, dests ? ", to destinations " : "",
            dests ? (analyze_distinct_is_estimate(dests) ? "~many" : "several") : "", talk, tg);
        g_free(tg);
    } else {
        f = finding_new_printf(
            "alert-mode-ready", r ? &r->loc : NULL,
            "%s sid %" G_GUINT64_FORMAT " \"%s\" alerted %" G_GUINT64_FORMAT
            " times from only %" G_GUINT64_FORMAT
            " sources (%s): candidate to switch to drop once those are confirmed "
            "not legitimate",
            what, sid, msg, hits, n, talk);
    }
    if (r)
        policy_finding_set_rule(f, r);
    else {
        f->sid = sid;
        f->has_sid = TRUE;
    }
    g_free(talk);
    g_ptr_array_add(out, f);
}

static void
check_alert_mode(const AnalyzeView *view, const AnalyzeThresholds *t, GPtrArray *out)
{
    const AnalyzeAgg *agg = view->agg;
    const AnalyzeIndex *ix = agg->index;
    GArray *order = rules_by_hits(agg);
    for (guint k = 0; k < order->len; k++) {
        guint i = g_array_index(order, guint, k);
        const Rule *r = g_ptr_array_index(ix->rules, i);
        const AnalyzeRuleStats *s = &agg->rules[i];
        if (r->action != RULE_ACTION_ALERT || g_array_index(ix->twin_of, guint, i) != 0)
            continue;
        alert_mode_finding(out, t, r, r->sid, msg_or_empty(r), "alert rule", s->counts.hits,
                           s->counts.allowed, &s->sources, s->talkers, s->targets,
                           &s->destinations);
    }
    g_array_unref(order);
    const GPtrArray *sigs = view->signatures;
    for (guint i = 0; i < sigs->len; i++) {
        const AnalyzeSigStats *s = g_ptr_array_index(sigs, i);
        if (s->managed == NULL || !s->drop_to_alert)
            continue;
        char *what = g_strdup_printf("managed signature (DROP_TO_ALERT, %s)", s->managed);
        alert_mode_finding(out, t, NULL, s->sid, s->msg, what, s->counts.hits, s->counts.allowed,
                           &s->sources, s->talkers, NULL, NULL);
        g_free(what);
    }
}

static gboolean
outside_home(const AnalyzeIndex *ix, const char *ip)
{
    guint32 a, b, c, d;
    if (ix->home_net == NULL || sscanf(ip, "%u.%u.%u.%u", &a, &b, &c, &d) != 4)
        return TRUE;
    return !netset_contains_ipv4(ix->home_net, (a << 24) | (b << 16) | (c << 8) | d);
}

static void
check_nat(const AnalyzeView *view, const AnalyzeThresholds *t, GPtrArray *out)
{
    const AnalyzeAgg *agg = view->agg;
    if (agg->alerts < t->nat_min_alerts)
        return;
    GPtrArray *top = analyze_top_sorted(agg->top_sources);
    guint64 sum = 0;
    gboolean outside = TRUE;
    for (guint i = 0; i < top->len && i < 2; i++) {
        AnalyzeTopEntry *e = g_ptr_array_index(top, i);
        sum += e->count;
        outside = outside && outside_home(agg->index, e->key);
    }
    if (top->len > 0 && outside && sum >= t->nat_share * agg->alerts) {
        char *talk = top_text(agg->top_sources, 2);
        g_ptr_array_add(
            out,
            finding_new_printf(
                "nat-masked-sources", NULL,
                "%.1f%% of the %" G_GUINT64_FORMAT " alerts come from %s, outside HOME_NET %s: the "
                "firewall likely sits behind a NAT gateway, so per-source figures are meaningless",
                100.0 * sum / agg->alerts, agg->alerts, talk,
                agg->index->home_net_text ? agg->index->home_net_text : "?"));
        g_free(talk);
    }
    g_ptr_array_unref(top);
}

static void
check_silent(const AnalyzeView *view, const AnalyzeThresholds *t, GPtrArray *out)
{
    const AnalyzeSilentTotals tot = view->silent_totals;
    const GPtrArray *keys = view->silent;
    if (tot.without_alert > 0) {
        GString *s = g_string_new(NULL);
        for (guint i = 0; i < keys->len && i < t->top; i++) {
            AnalyzeTopEntry *e = g_ptr_array_index(keys, i);
            char **parts = g_strsplit(e->key, "\t", 3);
            g_string_append_printf(s, "%s%s %s%s%s (%" G_GUINT64_FORMAT ")", i ? ", " : "",
                                   parts[0], parts[2] ? parts[2] : "",
                                   parts[1] && *parts[1] ? "/" : "", parts[1] ? parts[1] : "",
                                   e->count);
            g_strfreev(parts);
        }
        Finding *f = finding_new_printf(
            "silent-flows", NULL,
            "%" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT
            " flows in the flow logs have no alert: allowed "
            "silently (pass rules without an alert twin, or no default alert); by service: %s%s",
            tot.without_alert, tot.netflow_flows, s->str,
            tot.sampled ? " (a sample: the flows whose id hashes lowest, up to the memory cap)"
                        : "");
        g_string_free(s, TRUE);
        g_ptr_array_add(out, f);
    }
}

static const char *const default_drop_ids[] = { "default-drop-traffic", NULL };
static const char *const noisy_ids[] = { "noisy-rule", NULL };
static const char *const unknown_ids[] = { "unknown-sid", NULL };
static const char *const ambiguous_ids[] = { "ambiguous-sid", NULL };
static const char *const alert_mode_ids[] = { "alert-mode-ready", "alert-mode-review", NULL };
static const char *const nat_ids[] = { "nat-masked-sources", NULL };
static const char *const rev_ids[] = { "rev-mismatch", NULL };
static const char *const silent_ids[] = { "silent-flows", NULL };
static const char *const unused_ids[] = { "unused-rule", NULL };
static const char *const unobservable_ids[] = { "unobservable-rule", NULL };

/* The analyze runners, keyed by the check ids each produces (lint.c has
 * the lint half; tests/findings/test_check_registry.c checks that every
 * id of the catalogue has exactly one producer). */
static const AnalyzeRunner analyze_runner_table[] = {
    { default_drop_ids, check_default_drop },
    { noisy_ids, check_noisy },
    { unknown_ids, check_unknown },
    { ambiguous_ids, check_ambiguous },
    { alert_mode_ids, check_alert_mode },
    { nat_ids, check_nat },
    { rev_ids, check_rev },
    { silent_ids, check_silent },
    { unused_ids, check_unused },
    { unobservable_ids, check_unobservable },
};

const AnalyzeRunner *
analyze_runners(gsize *count)
{
    *count = G_N_ELEMENTS(analyze_runner_table);
    return analyze_runner_table;
}

void
analyze_findings(const AnalyzeView *view, const AnalyzeThresholds *t, GHashTable *disabled,
                 GPtrArray *findings)
{
    g_return_if_fail(view != NULL && t != NULL);
    GPtrArray *out = g_ptr_array_new();
    for (gsize i = 0; i < G_N_ELEMENTS(analyze_runner_table); i++)
        if (check_any_enabled(analyze_runner_table[i].checks, disabled))
            analyze_runner_table[i].run(view, t, out);
    g_ptr_array_sort(out, finding_compare_severity); /* stable since GLib 2.32 */
    for (guint i = 0; i < out->len; i++)
        g_ptr_array_add(findings, g_ptr_array_index(out, i));
    g_ptr_array_unref(out);
}
