/*
 * report_explain.c - `explain`: one flow's walk through the policy, as text
 * and as JSON, plus the pieces of a verdict that `simulate` prints too
 * (addresses, a hit as {"sid": N} or {"default_action": "aws:..."}).
 *
 * The renderer decides nothing: it prints the VerdictTrace and
 * VerdictResult the engine produced, in their order.  Strings from the
 * flow (SNI, host, URI typed by the user or read from logs) are escaped
 * for the terminal, and NUL bytes are shown as \x00.
 */
#include "report/report.h"

#include <arpa/inet.h>
#include <string.h>

void
report_verdict_addr(char out[64], int family, const guint8 *addr)
{
    if (inet_ntop(family == 6 ? AF_INET6 : AF_INET, addr, out, 64) == NULL)
        g_strlcpy(out, "?", 64);
}

char *
report_verdict_value_text(const VerdictValue *v)
{
    if (!v->known || v->value == NULL)
        return NULL;
    GString *s = g_string_sized_new(v->len);
    for (gsize i = 0; i < v->len; i++) {
        if (v->value[i] == '\0')
            g_string_append(s, "\\x00");
        else
            g_string_append_c(s, v->value[i]);
    }
    return g_string_free(s, FALSE);
}

cJSON *
report_verdict_hit_json(const VerdictHit *hit)
{
    cJSON *o = cJSON_CreateObject();
    if (hit->rule)
        cJSON_AddNumberToObject(o, "sid", (double)hit->sid);
    else
        cJSON_AddStringToObject(o, "default_action", hit->default_action);
    return o;
}

void
report_verdict_hit_text(GString *out, const VerdictHit *hit)
{
    if (hit->rule)
        g_string_append_printf(out, "sid %" G_GUINT64_FORMAT, hit->sid);
    else
        g_string_append(out, hit->default_action);
}

cJSON *
report_verdict_hits_json(const GArray *hits)
{
    cJSON *a = cJSON_CreateArray();
    for (guint i = 0; i < hits->len; i++)
        cJSON_AddItemToArray(a, report_verdict_hit_json(&g_array_index(hits, VerdictHit, i)));
    return a;
}

static const char *
proto_name(guint8 p)
{
    switch (p) {
    case 6: return "TCP";
    case 17: return "UDP";
    case 1: return "ICMP";
    case 58: return "IPv6-ICMP";
    default: return NULL;
    }
}

void
report_verdict_proto(char out[16], guint8 ip_proto)
{
    const char *n = proto_name(ip_proto);
    if (n)
        g_strlcpy(out, n, 16);
    else
        g_snprintf(out, 16, "%u", ip_proto);
}

static void
flow_line(GString *s, const VerdictFlow *f)
{
    char c[64], d[64], proto[16];
    report_verdict_addr(c, f->family, f->client);
    report_verdict_addr(d, f->family, f->server);
    report_verdict_proto(proto, f->ip_proto);
    gboolean v6 = f->family == 6;
    g_string_append_printf(s, "%s %s%s%s", proto, v6 ? "[" : "", c, v6 ? "]" : "");
    if (f->client_port >= 0)
        g_string_append_printf(s, ":%d", f->client_port);
    g_string_append_printf(s, " -> %s%s%s", v6 ? "[" : "", d, v6 ? "]" : "");
    if (f->server_port >= 0)
        g_string_append_printf(s, ":%d", f->server_port);
    g_string_append_printf(s, ", app_proto %s", f->app_proto ? f->app_proto : "not known");
    for (int i = 0; i < VERDICT_FIELD_N; i++) {
        char *v = report_verdict_value_text(&f->fields[i]);
        if (v) {
            g_string_append_printf(s, ", %s ", verdict_field_name((VerdictField)i));
            base_escape_terminal(s, v);
        } else if (f->fields[i].known)
            g_string_append_printf(s, ", no %s", verdict_field_name((VerdictField)i));
        g_free(v);
    }
}

static const char *
step_word(const VerdictStep *st)
{
    switch (st->kind) {
    case VERDICT_STEP_NO_MATCH: return "no match";
    case VERDICT_STEP_MATCH: return "match";
    case VERDICT_STEP_UNKNOWN: return "unknown";
    case VERDICT_STEP_DEFAULT: return "default";
    case VERDICT_STEP_SKIPPED: return "skipped";
    }
    return "?";
}

static const char *
step_json_word(const VerdictStep *st)
{
    switch (st->kind) {
    case VERDICT_STEP_NO_MATCH: return "no_match";
    case VERDICT_STEP_MATCH: return "match";
    case VERDICT_STEP_UNKNOWN: return "unknown";
    case VERDICT_STEP_DEFAULT: return "default_action";
    case VERDICT_STEP_SKIPPED: return "not_inspected";
    }
    return "?";
}

static void
step_text(GString *s, const VerdictStep *st)
{
    if (st->kind == VERDICT_STEP_SKIPPED) {
        g_string_append_printf(s, "    %s\n", st->why);
        return;
    }
    if (st->kind == VERDICT_STEP_DEFAULT) {
        g_string_append_printf(s, "    default actions: %s\n", st->why);
        return;
    }
    const Rule *r = st->hit.rule;
    g_string_append_printf(s, "    %-9s sid %" G_GUINT64_FORMAT " (%s %s, %s:%d)", step_word(st),
                           r->sid, rule_action_name(r->action), r->proto,
                           r->loc.file ? r->loc.file : "?", r->loc.line);
    if (st->decided)
        g_string_append_printf(s, " -> %s %s", st->dropped ? "drops" : "passes",
                               st->flow_wide ? "the flow" : "this packet");
    else if (st->alerted)
        g_string_append(s, " -> alerts");
    g_string_append(s, ": ");
    base_escape_terminal(s, st->why);
    g_string_append_c(s, '\n');
}

static void
result_text(GString *s, const VerdictResult *res)
{
    g_string_append_printf(s, "verdict: %s", verdict_kind_name(res->verdict));
    if (res->has_blocked_by) {
        g_string_append(s, " by ");
        report_verdict_hit_text(s, &res->blocked_by);
    }
    g_string_append(s, "\nreason: ");
    base_escape_terminal(s, res->reason->str);
    g_string_append(s, "\nalerts: ");
    if (res->alerts->len == 0)
        g_string_append(s, "none");
    for (guint i = 0; i < res->alerts->len; i++) {
        if (i)
            g_string_append(s, ", ");
        report_verdict_hit_text(s, &g_array_index(res->alerts, VerdictHit, i));
    }
    g_string_append_c(s, '\n');
    if (res->maybe_alerts->len) {
        g_string_append(s, "may also alert (needs data not given): ");
        for (guint i = 0; i < res->maybe_alerts->len; i++) {
            if (i)
                g_string_append(s, ", ");
            report_verdict_hit_text(s, &g_array_index(res->maybe_alerts, VerdictHit, i));
        }
        g_string_append_c(s, '\n');
    }
}

static const char *
class_dir(VerdictPacketClass c)
{
    switch (c) {
    case VERDICT_PKT_SYN_ACK:
    case VERDICT_PKT_SERVER_DATA:
    case VERDICT_PKT_SERVER_LATER: return "to_client";
    default: return "to_server";
    }
}

void
report_explain_text(FILE *out, const VerdictFlow *flow, const ExplainInfo *info,
                    const VerdictTrace *trace, const VerdictResult *res)
{
    GString *s = g_string_new("flow: ");
    flow_line(s, flow);
    g_string_append_printf(s, "\npolicy: %u rules in %s", info->rules,
                           rule_order_name(info->order));
    g_string_append(s, ", default actions: ");
    if (info->default_actions == NULL || info->default_actions->len == 0)
        g_string_append(s, "none");
    for (guint i = 0; info->default_actions && i < info->default_actions->len; i++)
        g_string_append_printf(s, "%s%s", i ? ", " : "",
                               (char *)g_ptr_array_index(info->default_actions, i));
    g_string_append(s, "\n");
    guint step = 0;
    for (guint c = 0; c < trace->classes->len; c++) {
        VerdictPacketClass cls = g_array_index(trace->classes, VerdictPacketClass, c);
        gboolean maybe = g_array_index(trace->class_maybe, gboolean, c);
        g_string_append_printf(s, "\n%s (%s)%s\n", verdict_packet_class_name(cls, flow->ip_proto),
                               class_dir(cls), maybe ? ", if the flow has such packets" : "");
        while (step < trace->steps->len &&
               g_array_index(trace->steps, VerdictStep, step).cls == cls) {
            step_text(s, &g_array_index(trace->steps, VerdictStep, step));
            step++;
        }
    }
    g_string_append_c(s, '\n');
    result_text(s, res);
    fputs(s->str, out);
    g_string_free(s, TRUE);
}

cJSON *
report_verdict_flow_json(const VerdictFlow *f)
{
    cJSON *o = cJSON_CreateObject();
    char a[64], proto[16];
    report_verdict_addr(a, f->family, f->client);
    cJSON_AddStringToObject(o, "src_ip", a);
    if (f->client_port >= 0)
        cJSON_AddNumberToObject(o, "src_port", f->client_port);
    report_verdict_addr(a, f->family, f->server);
    cJSON_AddStringToObject(o, "dest_ip", a);
    if (f->server_port >= 0)
        cJSON_AddNumberToObject(o, "dest_port", f->server_port);
    report_verdict_proto(proto, f->ip_proto);
    cJSON_AddStringToObject(o, "proto", proto);
    cJSON_AddItemToObject(o, "app_proto", base_json_string(f->app_proto));
    return o;
}

void
report_explain_json(FILE *out, const VerdictFlow *flow, const ExplainInfo *info,
                    const VerdictTrace *trace, const VerdictResult *res)
{
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddNumberToObject(doc, "schema_version", REPORT_SCHEMA_VERSION);
    cJSON *f = report_verdict_flow_json(flow);
    cJSON *fields = cJSON_AddObjectToObject(f, "fields");
    for (int i = 0; i < VERDICT_FIELD_N; i++) {
        if (!flow->fields[i].known)
            continue;
        char *v = report_verdict_value_text(&flow->fields[i]);
        cJSON_AddItemToObject(fields, verdict_field_name((VerdictField)i), base_json_string(v));
        g_free(v);
    }
    cJSON_AddItemToObject(doc, "flow", f);
    cJSON_AddStringToObject(doc, "rule_order", rule_order_name(info->order));
    cJSON *da = cJSON_AddArrayToObject(doc, "default_actions");
    for (guint i = 0; info->default_actions && i < info->default_actions->len; i++)
        cJSON_AddItemToArray(da, cJSON_CreateString(g_ptr_array_index(info->default_actions, i)));
    cJSON *packets = cJSON_AddArrayToObject(doc, "packets");
    guint step = 0;
    for (guint c = 0; c < trace->classes->len; c++) {
        VerdictPacketClass cls = g_array_index(trace->classes, VerdictPacketClass, c);
        cJSON *p = cJSON_CreateObject();
        cJSON_AddStringToObject(p, "class", verdict_packet_class_name(cls, flow->ip_proto));
        cJSON_AddStringToObject(p, "direction", class_dir(cls));
        cJSON_AddBoolToObject(p, "certain", !g_array_index(trace->class_maybe, gboolean, c));
        cJSON *steps = cJSON_AddArrayToObject(p, "steps");
        while (step < trace->steps->len &&
               g_array_index(trace->steps, VerdictStep, step).cls == cls) {
            const VerdictStep *st = &g_array_index(trace->steps, VerdictStep, step++);
            cJSON *j = cJSON_CreateObject();
            cJSON_AddStringToObject(j, "result", step_json_word(st));
            if (st->hit.rule) {
                cJSON_AddNumberToObject(j, "sid", (double)st->hit.rule->sid);
                cJSON_AddStringToObject(j, "action", rule_action_name(st->hit.rule->action));
                cJSON_AddItemToObject(j, "file", base_json_string(st->hit.rule->loc.file));
                cJSON_AddNumberToObject(j, "line", st->hit.rule->loc.line);
            } else if (st->hit.default_action)
                cJSON_AddStringToObject(j, "default_action", st->hit.default_action);
            cJSON_AddBoolToObject(j, "alerts", st->alerted);
            cJSON_AddBoolToObject(j, "decides", st->decided);
            if (st->decided) {
                cJSON_AddStringToObject(j, "decision", st->dropped ? "drop" : "pass");
                cJSON_AddStringToObject(j, "scope", st->flow_wide ? "flow" : "packet");
            }
            cJSON_AddItemToObject(j, "why", base_json_string(st->why));
            cJSON_AddItemToArray(steps, j);
        }
        cJSON_AddItemToArray(packets, p);
    }
    cJSON_AddStringToObject(doc, "verdict", verdict_kind_name(res->verdict));
    cJSON_AddItemToObject(doc, "blocked_by",
                          res->has_blocked_by ? report_verdict_hit_json(&res->blocked_by)
                                              : cJSON_CreateNull());
    cJSON_AddItemToObject(doc, "alerts", report_verdict_hits_json(res->alerts));
    cJSON_AddItemToObject(doc, "maybe_alerts", report_verdict_hits_json(res->maybe_alerts));
    cJSON_AddItemToObject(doc, "reason", base_json_string(res->reason->str));
    base_json_print(out, doc);
}
