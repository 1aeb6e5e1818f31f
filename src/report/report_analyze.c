/*
 * report_analyze.c - `analyze` results as a report read top to bottom
 * (text) and as a JSON document (docs/json-schema.md, "analyze").
 *
 * Text order: the window and the input accounting (skip reasons with a
 * sample location each), the findings that matter most (errors and
 * warnings, then notes, capped at --top per check with a count of the
 * rest), then the per-rule table, the default-action groups with their
 * suggested rules, and the unmapped signatures.  Every string from logs
 * or rules is escaped for the terminal; JSON strings are made valid UTF-8.
 */
#include "report/report.h"

#include <string.h>

#include "analyze/analyze.h"

static char *
iso_time(gint64 us)
{
    if (us == 0)
        return NULL;
    return base_utc_format(us / G_USEC_PER_SEC, "%Y-%m-%dT%H:%M:%SZ");
}

static void
json_add_time(cJSON *obj, const char *name, gint64 us)
{
    char *s = iso_time(us);
    if (s)
        cJSON_AddStringToObject(obj, name, s);
    else
        cJSON_AddNullToObject(obj, name);
    g_free(s);
}

static void
json_add_str(cJSON *obj, const char *name, const char *s)
{
    cJSON_AddItemToObject(obj, name, s ? base_json_string(s) : cJSON_CreateNull());
}

static cJSON *
json_top(const AnalyzeTop *top, const char *key_name, guint n)
{
    cJSON *arr = cJSON_CreateArray();
    GPtrArray *sorted = analyze_top_sorted(top);
    for (guint i = 0; i < sorted->len && i < n; i++) {
        AnalyzeTopEntry *e = g_ptr_array_index(sorted, i);
        cJSON *o = cJSON_CreateObject();
        json_add_str(o, key_name, e->key);
        cJSON_AddNumberToObject(o, "alerts", (double)e->count);
        if (e->error)
            cJSON_AddNumberToObject(o, "overcount_at_most", (double)e->error);
        cJSON_AddItemToArray(arr, o);
    }
    g_ptr_array_unref(sorted);
    return arr;
}

static cJSON *
json_hours(AnalyzeHours *hours)
{
    cJSON *arr = cJSON_CreateArray();
    GArray *keys = analyze_hours_sorted(hours);
    for (guint i = 0; i < keys->len; i++) {
        gint64 h = g_array_index(keys, gint64, i);
        AnalyzeCounts *c = g_hash_table_lookup(hours, &h);
        cJSON *o = cJSON_CreateObject();
        json_add_time(o, "hour", h * G_USEC_PER_SEC);
        cJSON_AddNumberToObject(o, "hits", (double)c->hits);
        cJSON_AddNumberToObject(o, "blocked", (double)c->blocked);
        cJSON_AddNumberToObject(o, "allowed", (double)c->allowed);
        cJSON_AddItemToArray(arr, o);
    }
    g_array_unref(keys);
    return arr;
}

static void
json_add_distinct(cJSON *o, const char *name, const AnalyzeDistinct *d)
{
    cJSON_AddNumberToObject(o, name, (double)analyze_distinct_count(d));
    if (analyze_distinct_is_estimate(d)) {
        char *k = g_strdup_printf("%s_estimated", name);
        cJSON_AddTrueToObject(o, k);
        g_free(k);
    }
}

static cJSON *
json_input(const AnalyzeAgg *agg)
{
    const LogStats *st = &agg->stats;
    cJSON *in = cJSON_CreateObject();
    cJSON_AddNumberToObject(in, "files", (double)st->files);
    cJSON_AddNumberToObject(in, "bytes", (double)st->bytes_in);
    cJSON_AddNumberToObject(in, "bytes_decoded", (double)st->bytes_decoded);
    cJSON_AddNumberToObject(in, "lines", (double)st->lines);
    cJSON_AddNumberToObject(in, "records", (double)st->records);
    cJSON_AddNumberToObject(in, "empty_lines", (double)st->empty);
    cJSON_AddNumberToObject(in, "events", (double)st->used);
    cJSON_AddNumberToObject(in, "alerts", (double)agg->alerts);
    cJSON_AddNumberToObject(in, "flows", (double)agg->flows);
    cJSON_AddNumberToObject(in, "tls_logs", (double)st->tls_logs);
    cJSON_AddNumberToObject(in, "filtered", (double)st->filtered);
    cJSON *sk = cJSON_AddObjectToObject(in, "skipped");
    cJSON *samples = cJSON_CreateObject();
    for (int r = 0; r < LOG_SKIP_N; r++) {
        if (st->skipped[r] == 0)
            continue;
        cJSON_AddNumberToObject(sk, log_skip_reason_name(r), (double)st->skipped[r]);
        cJSON *arr = cJSON_AddArrayToObject(samples, log_skip_reason_name(r));
        for (guint i = 0; st->samples[r] && i < st->samples[r]->len; i++)
            cJSON_AddItemToArray(arr, base_json_string(g_ptr_array_index(st->samples[r], i)));
    }
    cJSON_AddItemToObject(in, "skipped_samples", samples);
    json_add_time(in, "first_event", agg->first_event_us);
    json_add_time(in, "last_event", agg->last_event_us);
    cJSON_AddNumberToObject(
        in, "window_hours",
        agg->first_event_us ? (agg->last_event_us - agg->first_event_us) / 3600e6 : 0);
    cJSON *m = cJSON_AddObjectToObject(in, "alerts_mapped");
    cJSON_AddNumberToObject(m, "rules", (double)agg->alerts_rules);
    cJSON_AddNumberToObject(m, "ambiguous", (double)agg->alerts_ambiguous);
    cJSON_AddNumberToObject(m, "default_actions", (double)agg->alerts_default);
    cJSON_AddNumberToObject(m, "managed", (double)agg->alerts_managed);
    cJSON_AddNumberToObject(m, "unknown", (double)agg->alerts_unknown);
    return in;
}

static cJSON *
json_thresholds(const AnalyzeThresholds *t)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "noisy_share", t->noisy_share);
    cJSON_AddNumberToObject(o, "noisy_rate_per_hour", t->noisy_rate);
    cJSON_AddNumberToObject(o, "noisy_min_hits", (double)t->noisy_min_hits);
    cJSON_AddNumberToObject(o, "review_sources", (double)t->review_sources);
    cJSON_AddNumberToObject(o, "nat_share", t->nat_share);
    cJSON_AddNumberToObject(o, "nat_min_alerts", (double)t->nat_min_alerts);
    cJSON_AddNumberToObject(o, "top", t->top);
    return o;
}

static cJSON *
json_rules(const AnalyzeAgg *agg, const AnalyzeThresholds *t)
{
    cJSON *arr = cJSON_CreateArray();
    for (guint i = 0; i < agg->index->rules->len; i++) {
        const Rule *r = g_ptr_array_index(agg->index->rules, i);
        const AnalyzeRuleStats *s = &agg->rules[i];
        cJSON *o = cJSON_CreateObject();
        json_add_str(o, "group", r->group ? r->group->name : NULL);
        json_add_str(o, "file", r->loc.file);
        cJSON_AddNumberToObject(o, "line", r->loc.line);
        cJSON_AddNumberToObject(o, "sid", (double)r->sid);
        cJSON_AddNumberToObject(o, "rev", r->rev);
        cJSON_AddStringToObject(o, "action", rule_action_name(r->action));
        json_add_str(o, "msg", r->msg);
        cJSON_AddBoolToObject(o, "logs",
                              !(r->flags & RULE_F_NOALERT) &&
                                  (r->action != RULE_ACTION_PASS || (r->flags & RULE_F_ALERT_KW)));
        guint twin = g_array_index(agg->index->twin_of, guint, i);
        if (twin) {
            const Rule *p = g_ptr_array_index(agg->index->rules, twin - 1);
            cJSON_AddNumberToObject(o, "twin_of_sid", (double)p->sid);
        }
        cJSON_AddNumberToObject(o, "hits", (double)s->counts.hits);
        cJSON_AddNumberToObject(o, "blocked", (double)s->counts.blocked);
        cJSON_AddNumberToObject(o, "allowed", (double)s->counts.allowed);
        cJSON_AddNumberToObject(o, "ambiguous_hits", (double)s->ambiguous);
        cJSON_AddNumberToObject(o, "rev_mismatch_hits", (double)s->rev_mismatch);
        json_add_distinct(o, "sources", &s->sources);
        json_add_distinct(o, "destinations", &s->destinations);
        json_add_time(o, "first_hit", s->first_us);
        json_add_time(o, "last_hit", s->last_us);
        if (s->talkers) {
            cJSON_AddItemToObject(o, "top_talkers", json_top(s->talkers, "source", t->top));
            cJSON_AddItemToObject(o, "top_destinations",
                                  json_top(s->targets, "destination", t->top));
            cJSON_AddItemToObject(o, "hourly", json_hours(s->hours));
        }
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

static cJSON *
json_defaults(const AnalyzeView *view)
{
    cJSON *arr = cJSON_CreateArray();
    for (guint i = 0; i < view->defaults->len; i++) {
        const AnalyzeViewDefault *vd = g_ptr_array_index(view->defaults, i);
        const AnalyzeDefault *d = vd->def;
        cJSON *o = cJSON_CreateObject();
        json_add_str(o, "signature", d->signature);
        cJSON_AddNumberToObject(o, "hits", (double)d->counts.hits);
        cJSON_AddNumberToObject(o, "blocked", (double)d->counts.blocked);
        cJSON_AddNumberToObject(o, "allowed", (double)d->counts.allowed);
        cJSON_AddNumberToObject(o, "after_rule_block", (double)d->after_rule_block);
        cJSON_AddNumberToObject(o, "ungrouped_overflow", (double)d->overflow);
        json_add_time(o, "first_hit", d->first_us);
        json_add_time(o, "last_hit", d->last_us);
        cJSON *groups = cJSON_AddArrayToObject(o, "groups");
        cJSON_AddNumberToObject(o, "groups_total", vd->groups->len);
        for (guint j = 0; j < vd->groups->len && j < ANALYZE_JSON_MAX_GROUPS; j++) {
            const AnalyzeViewGroup *vg = &g_array_index(vd->groups, AnalyzeViewGroup, j);
            const AnalyzeDefaultGroup *g = vg->group;
            cJSON *go = cJSON_CreateObject();
            json_add_str(go, "source_network", g->src_net);
            json_add_str(go, "destination", g->destination);
            json_add_str(go, "dest_ip", g->dest_ip);
            cJSON_AddNumberToObject(go, "dest_port", g->dest_port);
            json_add_str(go, "proto", g->proto);
            json_add_str(go, "app_proto", g->app_proto);
            gboolean tls = strcmp(g->app_proto, "tls") == 0;
            json_add_str(go, "sni", g->by_name && tls ? g->destination : NULL);
            json_add_str(go, "host", g->by_name && !tls ? g->destination : NULL);
            json_add_distinct(go, "flows", &g->flows);
            cJSON_AddNumberToObject(go, "alerts", (double)g->counts.hits);
            cJSON_AddNumberToObject(go, "blocked", (double)g->counts.blocked);
            json_add_time(go, "first_hit", g->first_us);
            json_add_time(go, "last_hit", g->last_us);
            json_add_str(go, "suggested_rules", vg->suggested_rules);
            cJSON_AddItemToArray(groups, go);
        }
        cJSON_AddItemToObject(o, "hourly", json_hours(d->hours));
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

static cJSON *
json_signatures(const AnalyzeView *view, const AnalyzeThresholds *t)
{
    cJSON *arr = cJSON_CreateArray();
    const GPtrArray *sigs = view->signatures;
    for (guint i = 0; i < sigs->len; i++) {
        const AnalyzeSigStats *s = g_ptr_array_index(sigs, i);
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "sid", (double)s->sid);
        cJSON_AddNumberToObject(o, "rev", s->rev);
        json_add_str(o, "msg", s->msg);
        json_add_str(o, "managed_groups", s->managed);
        cJSON_AddBoolToObject(o, "drop_to_alert", s->drop_to_alert);
        cJSON_AddNumberToObject(o, "hits", (double)s->counts.hits);
        cJSON_AddNumberToObject(o, "blocked", (double)s->counts.blocked);
        cJSON_AddNumberToObject(o, "allowed", (double)s->counts.allowed);
        json_add_distinct(o, "sources", &s->sources);
        json_add_time(o, "first_hit", s->first_us);
        json_add_time(o, "last_hit", s->last_us);
        json_add_str(o, "first_seen_at", s->sample);
        cJSON_AddItemToObject(o, "top_talkers", json_top(s->talkers, "source", t->top));
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

static cJSON *
json_silent(const AnalyzeView *view, const AnalyzeThresholds *t)
{
    const AnalyzeSilentTotals tot = view->silent_totals;
    const GPtrArray *keys = view->silent;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "flows_in_flow_logs", (double)tot.netflow_flows);
    cJSON_AddNumberToObject(o, "without_alert", (double)tot.without_alert);
    cJSON_AddNumberToObject(o, "not_checked_over_cap", (double)tot.not_checked);
    cJSON *arr = cJSON_AddArrayToObject(o, "by_service");
    for (guint i = 0; i < keys->len && i < t->top; i++) {
        AnalyzeTopEntry *e = g_ptr_array_index(keys, i);
        char **parts = g_strsplit(e->key, "\t", 3);
        cJSON *so = cJSON_CreateObject();
        json_add_str(so, "proto", parts[0]);
        json_add_str(so, "app_proto", parts[1]);
        cJSON_AddNumberToObject(so, "port", parts[2] ? g_ascii_strtoll(parts[2], NULL, 10) : -1);
        cJSON_AddNumberToObject(so, "flows", (double)e->count);
        cJSON_AddItemToArray(arr, so);
        g_strfreev(parts);
    }
    return o;
}

void
report_analyze_json(FILE *out, const AnalyzeView *view, const AnalyzeThresholds *t,
                    GPtrArray *findings)
{
    const AnalyzeAgg *agg = view->agg;
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddNumberToObject(doc, "schema_version", REPORT_SCHEMA_VERSION);
    cJSON_AddStringToObject(doc, "command", "analyze");
    cJSON_AddItemToObject(doc, "input", json_input(agg));
    cJSON_AddItemToObject(doc, "thresholds", json_thresholds(t));
    cJSON *est = cJSON_AddObjectToObject(doc, "estimates");
    cJSON_AddNumberToObject(est, "distinct_exact_up_to", ANALYZE_DISTINCT_EXACT);
    cJSON_AddNumberToObject(est, "distinct_relative_error", ANALYZE_HLL_ERROR);
    cJSON_AddNumberToObject(est, "top_list_counters", ANALYZE_TOP_SLOTS);
    cJSON_AddItemToObject(doc, "rules", json_rules(agg, t));
    cJSON_AddItemToObject(doc, "defaults", json_defaults(view));
    cJSON_AddItemToObject(doc, "signatures", json_signatures(view, t));
    cJSON_AddItemToObject(doc, "top_talkers", json_top(agg->top_sources, "source", t->top));
    cJSON_AddItemToObject(doc, "top_blocked_names",
                          json_top(agg->top_blocked_names, "name", t->top));
    cJSON_AddItemToObject(doc, "hourly", json_hours(agg->hours));
    cJSON_AddItemToObject(doc, "silent_flows", json_silent(view, t));
    cJSON *fa = cJSON_AddArrayToObject(doc, "findings");
    int counts[4] = { 0 };
    for (guint i = 0; i < findings->len; i++) {
        const Finding *f = g_ptr_array_index(findings, i);
        counts[f->severity]++;
        cJSON_AddItemToArray(fa, report_finding_json(f));
    }
    cJSON *sum = cJSON_AddObjectToObject(doc, "summary");
    cJSON_AddNumberToObject(sum, "errors", counts[SEVERITY_ERROR]);
    cJSON_AddNumberToObject(sum, "warnings", counts[SEVERITY_WARNING]);
    cJSON_AddNumberToObject(sum, "notes", counts[SEVERITY_NOTE]);
    base_json_print(out, doc);
}

/* ---- text ---- */
static void
esc(GString *s, const char *text)
{
    base_escape_terminal(s, text ? text : "");
}

static void
text_input(GString *s, const AnalyzeAgg *agg)
{
    const LogStats *st = &agg->stats;
    char *a = iso_time(agg->first_event_us), *b = iso_time(agg->last_event_us);
    g_string_append_printf(s, "Log window: %s .. %s (%.1f h)\n", a ? a : "-", b ? b : "-",
                           agg->first_event_us ? (agg->last_event_us - agg->first_event_us) / 3600e6
                                               : 0.0);
    g_free(a);
    g_free(b);
    g_string_append_printf(
        s,
        "Input: %" G_GUINT64_FORMAT " files, %" G_GUINT64_FORMAT " lines, %" G_GUINT64_FORMAT
        " records: %" G_GUINT64_FORMAT " used (%" G_GUINT64_FORMAT " alerts, %" G_GUINT64_FORMAT
        " flow records, %" G_GUINT64_FORMAT " TLS log records), %" G_GUINT64_FORMAT
        " filtered, %" G_GUINT64_FORMAT " skipped, %" G_GUINT64_FORMAT " empty lines\n",
        st->files, st->lines, st->records, st->used, agg->alerts, agg->flows, st->tls_logs,
        st->filtered, log_stats_skipped_total(st), st->empty);
    for (int r = 0; r < LOG_SKIP_N; r++) {
        if (st->skipped[r] == 0)
            continue;
        g_string_append_printf(s, "  skipped %s: %" G_GUINT64_FORMAT, log_skip_reason_name(r),
                               st->skipped[r]);
        for (guint i = 0; st->samples[r] && i < st->samples[r]->len; i++) {
            g_string_append(s, i ? ", " : " (e.g. ");
            esc(s, g_ptr_array_index(st->samples[r], i));
        }
        g_string_append(s, st->samples[r] && st->samples[r]->len ? ")\n" : "\n");
    }
    g_string_append_printf(s,
                           "Alerts mapped: %" G_GUINT64_FORMAT " to rules (%" G_GUINT64_FORMAT
                           " ambiguous), %" G_GUINT64_FORMAT
                           " to default actions, %" G_GUINT64_FORMAT
                           " to managed groups, %" G_GUINT64_FORMAT " unknown\n",
                           agg->alerts_rules, agg->alerts_ambiguous, agg->alerts_default,
                           agg->alerts_managed, agg->alerts_unknown);
}

static void
text_thresholds(GString *s, const AnalyzeThresholds *t)
{
    g_string_append_printf(
        s,
        "Thresholds: noisy at >= %" G_GUINT64_FORMAT " hits and >= %.0f%% of alerts or >= %.0f/h; "
        "alert-mode review at >= %" G_GUINT64_FORMAT " sources; NAT at >= %.0f%% from two sources. "
        "Distinct counts are exact up to %d, then estimated (~, about %.1f%% error).\n",
        t->noisy_min_hits, t->noisy_share * 100, t->noisy_rate, t->review_sources,
        t->nat_share * 100, ANALYZE_DISTINCT_EXACT, ANALYZE_HLL_ERROR * 100);
}

static void
text_finding(GString *s, const Finding *f)
{
    g_string_append_printf(s, "%s [%s] ", severity_name(f->severity), f->check);
    if (f->loc.file != NULL) {
        esc(s, f->loc.file);
        if (f->loc.line > 0)
            g_string_append_printf(s, ":%d", f->loc.line);
        g_string_append(s, ": ");
    }
    esc(s, f->message);
    g_autofree char *status = report_status_text(f);
    if (status != NULL) {
        g_string_append(s, " (");
        esc(s, status);
        g_string_append_c(s, ')');
    }
    g_string_append_c(s, '\n');
    for (guint i = 0; i < f->related->len; i++) {
        RelatedLoc *r = g_ptr_array_index(f->related, i);
        g_string_append(s, "    ");
        esc(s, r->loc.file);
        g_string_append_printf(s, ":%d: ", r->loc.line);
        esc(s, r->message);
        g_string_append_c(s, '\n');
    }
    if (f->fix != NULL) {
        char **lines = g_strsplit(f->fix, "\n", -1);
        for (char **l = lines; *l; l++) {
            g_string_append(s, "    + ");
            esc(s, *l);
            g_string_append_c(s, '\n');
        }
        g_strfreev(lines);
    }
}

static void
text_findings(GString *s, GPtrArray *findings, const AnalyzeThresholds *t)
{
    int counts[4] = { 0 };
    for (guint i = 0; i < findings->len; i++)
        counts[((Finding *)g_ptr_array_index(findings, i))->severity]++;
    g_string_append_printf(s, "\nFindings: %d errors, %d warnings, %d notes\n",
                           counts[SEVERITY_ERROR], counts[SEVERITY_WARNING], counts[SEVERITY_NOTE]);
    /* At most --top findings per check; the rest counted. */
    GHashTable *shown = g_hash_table_new(g_str_hash, g_str_equal);
    GHashTable *hidden = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < findings->len; i++) {
        const Finding *f = g_ptr_array_index(findings, i);
        guint n = GPOINTER_TO_UINT(g_hash_table_lookup(shown, f->check));
        if (n >= t->top) {
            g_hash_table_insert(
                hidden, (gpointer)f->check,
                GUINT_TO_POINTER(GPOINTER_TO_UINT(g_hash_table_lookup(hidden, f->check)) + 1));
            continue;
        }
        g_hash_table_insert(shown, (gpointer)f->check, GUINT_TO_POINTER(n + 1));
        text_finding(s, f);
    }
    for (guint i = 0; i < findings->len; i++) {
        const Finding *f = g_ptr_array_index(findings, i);
        guint n = GPOINTER_TO_UINT(g_hash_table_lookup(hidden, f->check));
        if (n > 0) {
            g_string_append_printf(s, "... and %u more %s findings (--top, or --format json)\n", n,
                                   f->check);
            g_hash_table_remove(hidden, f->check);
        }
    }
    g_hash_table_destroy(shown);
    g_hash_table_destroy(hidden);
}

static void
text_rules(GString *s, const AnalyzeAgg *agg)
{
    g_string_append(s, "\nRules (evaluation order):\n");
    g_string_append_printf(s, "  %-20s %10s %-6s %9s %9s %9s %8s  %s\n", "group", "sid", "action",
                           "hits", "blocked", "allowed", "sources", "msg");
    for (guint i = 0; i < agg->index->rules->len; i++) {
        const Rule *r = g_ptr_array_index(agg->index->rules, i);
        const AnalyzeRuleStats *st = &agg->rules[i];
        GString *name = g_string_new(NULL);
        esc(name, r->group ? r->group->name : "-");
        if (name->len > 20)
            g_string_truncate(name, 20);
        gboolean logs = !(r->flags & RULE_F_NOALERT) &&
                        (r->action != RULE_ACTION_PASS || (r->flags & RULE_F_ALERT_KW));
        char *sources = g_strdup_printf("%s%" G_GUINT64_FORMAT,
                                        analyze_distinct_is_estimate(&st->sources) ? "~" : "",
                                        analyze_distinct_count(&st->sources));
        if (logs)
            g_string_append_printf(s,
                                   "  %-20s %10" G_GUINT64_FORMAT " %-6s %9" G_GUINT64_FORMAT
                                   " %9" G_GUINT64_FORMAT " %9" G_GUINT64_FORMAT " %8s  ",
                                   name->str, r->sid, rule_action_name(r->action), st->counts.hits,
                                   st->counts.blocked, st->counts.allowed, sources);
        else
            g_string_append_printf(s, "  %-20s %10" G_GUINT64_FORMAT " %-6s %9s %9s %9s %8s  ",
                                   name->str, r->sid, rule_action_name(r->action), "(silent)", "-",
                                   "-", "-");
        esc(s, r->msg);
        g_string_append_c(s, '\n');
        g_free(sources);
        g_string_free(name, TRUE);
    }
}

static void
text_defaults(GString *s, const AnalyzeView *view, const AnalyzeThresholds *t)
{
    for (guint i = 0; i < view->defaults->len; i++) {
        const AnalyzeViewDefault *vd = g_ptr_array_index(view->defaults, i);
        const AnalyzeDefault *d = vd->def;
        g_string_append(s, "\nDefault action ");
        esc(s, d->signature);
        g_string_append_printf(
            s,
            ": %" G_GUINT64_FORMAT " alerts (%" G_GUINT64_FORMAT " blocked, %" G_GUINT64_FORMAT
            " on flows a rule had already blocked), %u groups\n",
            d->counts.hits, d->counts.blocked, d->after_rule_block, g_hash_table_size(d->groups));
        g_string_append_printf(s, "  %8s %8s  %-18s %-32s %5s %-5s %s\n", "flows", "alerts",
                               "source", "destination", "port", "proto", "app");
        const GArray *groups = vd->groups;
        for (guint j = 0; j < groups->len && j < t->top; j++) {
            const AnalyzeDefaultGroup *g = g_array_index(groups, AnalyzeViewGroup, j).group;
            GString *dest = g_string_new(NULL);
            esc(dest, g->destination);
            /* "~249": the estimate mark is part of the right-aligned cell. */
            char flows[32], port[16];
            g_snprintf(flows, sizeof flows, "%s%" G_GUINT64_FORMAT,
                       analyze_distinct_is_estimate(&g->flows) ? "~" : "",
                       analyze_distinct_count(&g->flows));
            if (g->dest_port < 0)
                g_strlcpy(port, "any", sizeof port); /* ICMP and other port-less protocols */
            else
                g_snprintf(port, sizeof port, "%d", g->dest_port);
            g_string_append_printf(s, "  %8s %8" G_GUINT64_FORMAT "  %-18s %-32s %5s %-5s %s\n",
                                   flows, g->counts.hits, g->src_net, dest->str, port, g->proto,
                                   g->app_proto);
            g_string_free(dest, TRUE);
        }
        if (groups->len > t->top)
            g_string_append_printf(s, "  ... %u more groups\n", groups->len - t->top);
    }
}

static void
text_signatures(GString *s, const AnalyzeView *view, const AnalyzeThresholds *t)
{
    const AnalyzeAgg *agg = view->agg;
    const GPtrArray *sigs = view->signatures;
    if (sigs->len > 0) {
        g_string_append(s, "\nSignatures not in the loaded rules:\n");
        for (guint i = 0; i < sigs->len && i < t->top; i++) {
            const AnalyzeSigStats *g = g_ptr_array_index(sigs, i);
            g_string_append_printf(
                s, "  sid %" G_GUINT64_FORMAT " rev %u %9" G_GUINT64_FORMAT " alerts  %s  ", g->sid,
                g->rev, g->counts.hits, g->managed ? "managed" : "unknown");
            esc(s, g->msg);
            g_string_append_c(s, '\n');
        }
        if (sigs->len > t->top)
            g_string_append_printf(s, "  ... %u more\n", sigs->len - t->top);
    }
    GPtrArray *top = analyze_top_sorted(agg->top_sources);
    if (top->len > 0) {
        g_string_append(s, "\nTop alert sources:");
        for (guint i = 0; i < top->len && i < t->top; i++) {
            AnalyzeTopEntry *e = g_ptr_array_index(top, i);
            g_string_append(s, i ? ", " : " ");
            esc(s, e->key);
            g_string_append_printf(s, " %" G_GUINT64_FORMAT, e->count);
        }
        g_string_append_c(s, '\n');
    }
    g_ptr_array_unref(top);
    top = analyze_top_sorted(agg->top_blocked_names);
    if (top->len > 0) {
        g_string_append(s, "Top blocked names (SNI / HTTP host):");
        for (guint i = 0; i < top->len && i < t->top; i++) {
            AnalyzeTopEntry *e = g_ptr_array_index(top, i);
            g_string_append(s, i ? ", " : " ");
            esc(s, e->key);
            g_string_append_printf(s, " %" G_GUINT64_FORMAT, e->count);
        }
        g_string_append_c(s, '\n');
    }
    g_ptr_array_unref(top);
}

void
report_analyze_text(FILE *out, const AnalyzeView *view, const AnalyzeThresholds *t,
                    GPtrArray *findings)
{
    const AnalyzeAgg *agg = view->agg;
    GString *s = g_string_new(NULL);
    text_input(s, agg);
    text_thresholds(s, t);
    text_findings(s, findings, t);
    text_rules(s, agg);
    text_defaults(s, view, t);
    text_signatures(s, view, t);
    fwrite(s->str, 1, s->len, out);
    g_string_free(s, TRUE);
}
