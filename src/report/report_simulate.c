/*
 * report_simulate.c - `simulate` as JSON (every flow, streamed as it is
 * finished, then the summary), text and Markdown (the changes first,
 * grouped, with counts and examples).
 *
 * The renderer decides nothing: flows and the summary come from
 * src/simulate as they are.  JSON is written one flow per line inside the
 * "flows" array, so that millions of flows never sit in memory and `jq -c
 * '.flows[]'` or a line filter can read them.
 */
#include "report/report.h"

#include <string.h>

/* ---- JSON ------------------------------------------------------------------ */

static void
add_u64(cJSON *o, const char *key, guint64 v)
{
    char buf[24];
    g_snprintf(buf, sizeof buf, "%" G_GUINT64_FORMAT, v);
    cJSON_AddRawToObject(o, key, buf);
}

static cJSON *
hit_json(const VerdictHit *h)
{
    cJSON *o = cJSON_CreateObject();
    if (h->default_action)
        cJSON_AddStringToObject(o, "default_action", h->default_action);
    else
        add_u64(o, "sid", h->sid);
    return o;
}

static cJSON *
hits_json(const GArray *hits)
{
    cJSON *a = cJSON_CreateArray();
    for (guint i = 0; hits && i < hits->len; i++)
        cJSON_AddItemToArray(a, hit_json(&g_array_index(hits, VerdictHit, i)));
    return a;
}

static cJSON *
known_json(const SimFlowResult *r)
{
    static const struct {
        guint bit;
        const char *name;
    } bits[] = {
        { SIM_KNOWN_FLOW_RECORD, "flow_record" }, { SIM_KNOWN_REPLY_RECORD, "reply_record" },
        { SIM_KNOWN_TCP_FLAGS, "tcp_flags" },     { SIM_KNOWN_ALERTS, "alerts" },
        { SIM_KNOWN_DIRECTION, "direction" },     { SIM_KNOWN_APP_PROTO, "app_proto" }
    };
    cJSON *a = cJSON_CreateArray();
    for (gsize i = 0; i < G_N_ELEMENTS(bits); i++)
        if (r->known & bits[i].bit)
            cJSON_AddItemToArray(a, cJSON_CreateString(bits[i].name));
    for (int f = 0; f < VERDICT_FIELD_N; f++)
        if (r->flow->fields[f].known)
            cJSON_AddItemToArray(a, cJSON_CreateString(verdict_field_name((VerdictField)f)));
    return a;
}

cJSON *
report_simulate_flow_json(const SimFlowResult *r)
{
    const VerdictFlow *f = r->flow;
    const VerdictResult *p = r->proposed;
    cJSON *o = cJSON_CreateObject();
    if (r->has_flow_id)
        add_u64(o, "flow_id", r->flow_id);
    else
        cJSON_AddNullToObject(o, "flow_id");
    char a[64], proto[16];
    report_verdict_addr(a, f->family, f->client);
    cJSON_AddStringToObject(o, "src_ip", a);
    if (f->client_port >= 0)
        cJSON_AddNumberToObject(o, "src_port", f->client_port);
    else
        cJSON_AddNullToObject(o, "src_port");
    report_verdict_addr(a, f->family, f->server);
    cJSON_AddStringToObject(o, "dest_ip", a);
    if (f->server_port >= 0)
        cJSON_AddNumberToObject(o, "dest_port", f->server_port);
    else
        cJSON_AddNullToObject(o, "dest_port");
    report_verdict_proto(proto, f->ip_proto);
    cJSON_AddStringToObject(o, "proto", proto);
    cJSON_AddItemToObject(o, "app_proto", base_json_string(f->app_proto));
    cJSON_AddStringToObject(o, "verdict", verdict_kind_name(p->verdict));
    cJSON_AddItemToObject(o, "blocked_by",
                          p->has_blocked_by ? hit_json(&p->blocked_by) : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "alerts", hits_json(p->alerts));
    cJSON_AddItemToObject(o, "reason", base_json_string(p->reason->str));
    cJSON_AddItemToObject(o, "maybe_alerts", hits_json(p->maybe_alerts));
    if (r->firewall)
        cJSON_AddItemToObject(o, "firewall_name", base_json_string(r->firewall));
    cJSON_AddItemToObject(o, "known", known_json(r));
    cJSON *fields = cJSON_AddObjectToObject(o, "fields");
    for (int i = 0; i < VERDICT_FIELD_N; i++) {
        if (!f->fields[i].known)
            continue;
        char *v = report_verdict_value_text(&f->fields[i]);
        cJSON_AddItemToObject(fields, verdict_field_name((VerdictField)i), base_json_string(v));
        g_free(v);
    }
    cJSON *ref = cJSON_AddObjectToObject(o, "reference");
    cJSON_AddStringToObject(ref, "verdict", verdict_kind_name(r->reference->verdict));
    cJSON_AddItemToObject(ref, "blocked_by",
                          r->reference->has_blocked_by ? hit_json(&r->reference->blocked_by)
                                                       : cJSON_CreateNull());
    cJSON_AddItemToObject(ref, "alerts", hits_json(r->reference->alerts));
    cJSON_AddStringToObject(o, "change", sim_change_name(r->change));
    cJSON_AddItemToObject(o, "alerts_gained", hits_json(r->alerts_gained));
    cJSON_AddItemToObject(o, "alerts_lost", hits_json(r->alerts_lost));
    return o;
}

void
report_simulate_json_begin(SimJsonWriter *sink)
{
    sink->count = 0;
    sink->started = FALSE;
}

/* The head is written with the first flow (or by the end): a run that
 * cannot open its input prints nothing. */
static void
json_head(SimJsonWriter *sink)
{
    if (sink->started)
        return;
    fprintf(sink->out, "{\"schema_version\":%d,\"command\":\"simulate\",\"flows\":[",
            REPORT_SCHEMA_VERSION);
    sink->started = TRUE;
}

void
report_simulate_json_flow(const SimFlowResult *r, gpointer data)
{
    SimJsonWriter *sink = data;
    json_head(sink);
    cJSON *o = report_simulate_flow_json(r);
    char *text = base_json_text(o, FALSE);
    fprintf(sink->out, "%s\n%s", sink->count ? "," : "", text);
    g_free(text);
    cJSON_Delete(o);
    sink->count++;
}

static cJSON *
groups_json(const GPtrArray *groups, gboolean by_hit, const char *key)
{
    cJSON *a = cJSON_CreateArray();
    for (guint i = 0; groups && i < groups->len; i++) {
        const SimGroup *g = g_ptr_array_index(groups, i);
        cJSON *o = by_hit ? hit_json(&g->hit) : cJSON_CreateObject();
        if (!by_hit)
            cJSON_AddItemToObject(o, key, base_json_string(g->name));
        add_u64(o, "flows", g->flows);
        cJSON *ex = cJSON_AddArrayToObject(o, "examples");
        for (guint k = 0; k < g->examples->len; k++) {
            const SimExample *e = g_ptr_array_index(g->examples, k);
            cJSON *x = cJSON_CreateObject();
            if (e->has_flow_id)
                add_u64(x, "flow_id", e->flow_id);
            else
                cJSON_AddNullToObject(x, "flow_id");
            cJSON_AddItemToObject(x, "flow", base_json_string(e->text));
            cJSON_AddItemToArray(ex, x);
        }
        cJSON_AddItemToArray(a, o);
    }
    return a;
}

static cJSON *
summary_json(const SimSummary *s)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "reference", s->baseline ? "baseline" : "logged");
    cJSON_AddStringToObject(o, "rule_order", rule_order_name(s->order));
    cJSON *da = cJSON_AddArrayToObject(o, "default_actions");
    for (guint i = 0; s->default_actions && i < s->default_actions->len; i++)
        cJSON_AddItemToArray(da, cJSON_CreateString(g_ptr_array_index(s->default_actions, i)));
    add_u64(o, "rules", s->rules);
    add_u64(o, "flows", s->flows);
    add_u64(o, "determined", s->determined);
    add_u64(o, "undetermined", s->undetermined);
    cJSON_AddNumberToObject(o, "determined_share",
                            s->flows ? (double)s->determined / (double)s->flows : 0.0);
    add_u64(o, "allowed", s->allowed);
    add_u64(o, "blocked", s->blocked);
    add_u64(o, "reference_allowed", s->ref_allowed);
    add_u64(o, "reference_blocked", s->ref_blocked);
    add_u64(o, "reference_undetermined", s->ref_undetermined);
    add_u64(o, "unchanged", s->unchanged);
    cJSON *nb = cJSON_AddObjectToObject(o, "newly_blocked");
    add_u64(nb, "flows", s->newly_blocked);
    cJSON_AddItemToObject(nb, "by_rule", groups_json(s->newly_blocked_by_rule, TRUE, NULL));
    cJSON_AddItemToObject(nb, "by_destination",
                          groups_json(s->newly_blocked_by_destination, FALSE, "destination"));
    cJSON *na = cJSON_AddObjectToObject(o, "newly_allowed");
    add_u64(na, "flows", s->newly_allowed);
    cJSON_AddItemToObject(na, "by_rule", groups_json(s->newly_allowed_by_rule, TRUE, NULL));
    cJSON_AddItemToObject(na, "by_destination",
                          groups_json(s->newly_allowed_by_destination, FALSE, "destination"));
    cJSON *bc = cJSON_AddObjectToObject(o, "blocker_changed");
    add_u64(bc, "flows", s->blocker_changed);
    cJSON_AddItemToObject(bc, "by_rule", groups_json(s->blocker_changed_by_rule, TRUE, NULL));
    cJSON_AddItemToObject(o, "alerts_gained", groups_json(s->alerts_gained, TRUE, NULL));
    cJSON_AddItemToObject(o, "alerts_lost", groups_json(s->alerts_lost, TRUE, NULL));
    cJSON_AddItemToObject(o, "undetermined_by_reason",
                          groups_json(s->undetermined_by_reason, FALSE, "reason"));
    cJSON *in = cJSON_AddObjectToObject(o, "input");
    add_u64(in, "records", s->stats.records);
    add_u64(in, "alerts", s->stats.alerts);
    add_u64(in, "flow_records", s->stats.netflows);
    add_u64(in, "skipped", log_stats_skipped_total(&s->stats));
    add_u64(in, "flows_without_flow_record", s->without_flow_record);
    add_u64(in, "flows_without_alerts", s->without_alerts);
    add_u64(in, "flows_unusable", s->unusable);
    return o;
}

void
report_simulate_json_end(SimJsonWriter *sink, const SimSummary *s)
{
    json_head(sink);
    cJSON *o = summary_json(s);
    char *text = base_json_text(o, TRUE);
    fprintf(sink->out, "%s],\n\"summary\":%s}\n", sink->count ? "\n" : "", text);
    g_free(text);
    cJSON_Delete(o);
}

/* ---- text and Markdown ------------------------------------------------------ */

static void
hit_text(GString *s, const VerdictHit *h)
{
    if (h->default_action)
        g_string_append(s, h->default_action);
    else
        g_string_append_printf(s, "sid %" G_GUINT64_FORMAT, h->sid);
}

static double
pct(guint64 a, guint64 b)
{
    return b ? 100.0 * (double)a / (double)b : 0.0;
}

static void
groups_text(GString *s, const char *title, const GPtrArray *groups, gboolean by_hit, guint top)
{
    if (groups == NULL || groups->len == 0)
        return;
    g_string_append_printf(s, "    %s:\n", title);
    for (guint i = 0; i < groups->len && i < top; i++) {
        const SimGroup *g = g_ptr_array_index(groups, i);
        GString *name = g_string_new(NULL);
        if (by_hit)
            hit_text(name, &g->hit);
        else
            base_escape_terminal(name, g->name);
        g_string_append_printf(s, "      %-40s %8" G_GUINT64_FORMAT " flow%s\n", name->str,
                               g->flows, g->flows == 1 ? "" : "s");
        g_string_free(name, TRUE);
        for (guint k = 0; k < g->examples->len; k++) {
            const SimExample *e = g_ptr_array_index(g->examples, k);
            g_string_append(s, "        e.g. ");
            base_escape_terminal(s, e->text);
            if (e->has_flow_id)
                g_string_append_printf(s, " (flow_id %" G_GUINT64_FORMAT ")", e->flow_id);
            g_string_append_c(s, '\n');
        }
    }
    if (groups->len > top)
        g_string_append_printf(s, "      ... and %u more\n", groups->len - top);
}

void
report_simulate_text(FILE *out, const SimSummary *s, guint top)
{
    GString *t = g_string_new(NULL);
    g_string_append_printf(t, "nfw-advisor simulate: %" G_GUINT64_FORMAT " flows, %u rules in %s",
                           s->flows, s->rules, rule_order_name(s->order));
    g_string_append(t, ", default actions: ");
    if (s->default_actions->len == 0)
        g_string_append(t, "none");
    for (guint i = 0; i < s->default_actions->len; i++)
        g_string_append_printf(t, "%s%s", i ? ", " : "",
                               (char *)g_ptr_array_index(s->default_actions, i));
    g_string_append_printf(t, "\ncompared with: %s\n",
                           s->baseline ? "the baseline policy (--baseline), simulated the same way"
                                       : "what the logs show (blocked alerts; silent drops are "
                                         "not in logs)");
    g_string_append_printf(t,
                           "determined: %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT
                           " flows (%.1f%%), %" G_GUINT64_FORMAT " undetermined\n\n",
                           s->determined, s->flows, pct(s->determined, s->flows), s->undetermined);
    g_string_append(t, "Changes\n");
    g_string_append_printf(t, "  newly blocked: %" G_GUINT64_FORMAT " flows\n", s->newly_blocked);
    groups_text(t, "by rule", s->newly_blocked_by_rule, TRUE, top);
    groups_text(t, "by destination", s->newly_blocked_by_destination, FALSE, top);
    g_string_append_printf(t, "  newly allowed: %" G_GUINT64_FORMAT " flows\n", s->newly_allowed);
    groups_text(t, "by the rule that blocked them", s->newly_allowed_by_rule, TRUE, top);
    groups_text(t, "by destination", s->newly_allowed_by_destination, FALSE, top);
    g_string_append_printf(t, "  blocked by another rule: %" G_GUINT64_FORMAT " flows\n",
                           s->blocker_changed);
    groups_text(t, "by the new blocking rule", s->blocker_changed_by_rule, TRUE, top);
    guint64 gained = 0, lost = 0;
    for (guint i = 0; i < s->alerts_gained->len; i++)
        gained += ((SimGroup *)g_ptr_array_index(s->alerts_gained, i))->flows;
    for (guint i = 0; i < s->alerts_lost->len; i++)
        lost += ((SimGroup *)g_ptr_array_index(s->alerts_lost, i))->flows;
    g_string_append_printf(t, "  alerts gained: %u rules, %" G_GUINT64_FORMAT " flow alerts\n",
                           s->alerts_gained->len, gained);
    groups_text(t, "by rule", s->alerts_gained, TRUE, top);
    g_string_append_printf(t, "  alerts lost: %u rules, %" G_GUINT64_FORMAT " flow alerts\n",
                           s->alerts_lost->len, lost);
    groups_text(t, "by rule", s->alerts_lost, TRUE, top);
    if (s->undetermined) {
        g_string_append_printf(t, "\nUndetermined: %" G_GUINT64_FORMAT " flows\n", s->undetermined);
        groups_text(t, "by reason", s->undetermined_by_reason, FALSE, top);
    }
    g_string_append_printf(t,
                           "\nVerdicts: proposed %" G_GUINT64_FORMAT " allowed, %" G_GUINT64_FORMAT
                           " blocked; reference %" G_GUINT64_FORMAT " allowed, %" G_GUINT64_FORMAT
                           " blocked; %" G_GUINT64_FORMAT " unchanged\n",
                           s->allowed, s->blocked, s->ref_allowed, s->ref_blocked, s->unchanged);
    g_string_append_printf(t,
                           "Input: %" G_GUINT64_FORMAT " records (%" G_GUINT64_FORMAT
                           " alerts, %" G_GUINT64_FORMAT " flow records, %" G_GUINT64_FORMAT
                           " skipped); %" G_GUINT64_FORMAT
                           " flows without a flow record, %" G_GUINT64_FORMAT " not rebuilt\n",
                           s->stats.records, s->stats.alerts, s->stats.netflows,
                           log_stats_skipped_total(&s->stats), s->without_flow_record, s->unusable);
    fputs(t->str, out);
    g_string_free(t, TRUE);
}

static void
md_cell(GString *s, const char *text)
{
    GString *e = g_string_new(NULL);
    base_escape_terminal(e, text);
    for (const char *p = e->str; *p; p++) {
        if (*p == '|' || *p == '`' || *p == '*' || *p == '_' || *p == '<' || *p == '[')
            g_string_append_c(s, '\\');
        g_string_append_c(s, *p);
    }
    g_string_free(e, TRUE);
}

static void
groups_md(GString *s, const char *title, const char *col, const GPtrArray *groups, gboolean by_hit,
          guint top)
{
    if (groups == NULL || groups->len == 0)
        return;
    g_string_append_printf(s, "\n**%s**\n\n| %s | flows | example |\n|---|---:|---|\n", title, col);
    for (guint i = 0; i < groups->len && i < top; i++) {
        const SimGroup *g = g_ptr_array_index(groups, i);
        GString *name = g_string_new(NULL);
        if (by_hit)
            hit_text(name, &g->hit);
        else
            g_string_append(name, g->name);
        g_string_append(s, "| ");
        md_cell(s, name->str);
        g_string_append_printf(s, " | %" G_GUINT64_FORMAT " | ", g->flows);
        if (g->examples->len) {
            const SimExample *e = g_ptr_array_index(g->examples, 0);
            md_cell(s, e->text);
        }
        g_string_append(s, " |\n");
        g_string_free(name, TRUE);
    }
    if (groups->len > top)
        g_string_append_printf(s, "\n%u more not shown.\n", groups->len - top);
}

void
report_simulate_markdown(FILE *out, const SimSummary *s, guint top)
{
    GString *t = g_string_new(NULL);
    g_string_append_printf(t,
                           "## nfw-advisor simulate: %" G_GUINT64_FORMAT
                           " newly blocked, %" G_GUINT64_FORMAT
                           " newly allowed of %" G_GUINT64_FORMAT " flows\n\n",
                           s->newly_blocked, s->newly_allowed, s->flows);
    g_string_append_printf(t,
                           "Compared with %s. %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT
                           " flows determined (%.1f%%); %" G_GUINT64_FORMAT
                           " blocked by another rule; %u rules gain alerts, %u lose them.\n",
                           s->baseline ? "the baseline policy" : "what the logs show",
                           s->determined, s->flows, pct(s->determined, s->flows),
                           s->blocker_changed, s->alerts_gained->len, s->alerts_lost->len);
    groups_md(t, "Newly blocked, by rule", "rule", s->newly_blocked_by_rule, TRUE, top);
    groups_md(t, "Newly blocked, by destination", "destination", s->newly_blocked_by_destination,
              FALSE, top);
    groups_md(t, "Newly allowed, by the rule that blocked them", "rule", s->newly_allowed_by_rule,
              TRUE, top);
    groups_md(t, "Newly allowed, by destination", "destination", s->newly_allowed_by_destination,
              FALSE, top);
    groups_md(t, "Blocked by another rule", "new blocking rule", s->blocker_changed_by_rule, TRUE,
              top);
    groups_md(t, "Alerts gained", "rule", s->alerts_gained, TRUE, top);
    groups_md(t, "Alerts lost", "rule", s->alerts_lost, TRUE, top);
    groups_md(t, "Undetermined", "reason", s->undetermined_by_reason, FALSE, top);
    fputs(t->str, out);
    g_string_free(t, TRUE);
}
