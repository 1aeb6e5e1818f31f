/*
 * results_queries.c - the text of the exported queries (analyze.h)
 * in CloudWatch Logs Insights QL and in Athena SQL.
 *
 * Design decisions:
 * - Same column names in both languages (sid, rev, signature, action,
 *   verdict, proto, app_proto, src_ip, dest_ip, dest_port, sni, host, hour,
 *   hits, first, last, flow_id, flows, alerted, port, event_type, records):
 *   results_load.c reads either by name.
 * - Optional fields are coalesced to "" (or -1 for the port) before
 *   grouping, so that no engine drops or merges records whose field is
 *   missing; the reader turns "" back into "absent", which is what analyze
 *   does with an empty SNI or protocol anyway.
 * - first/last are event.timestamp (microseconds) rather than @timestamp,
 *   which CloudWatch takes from the delivery (second precision).
 * - No joins (Logs Insights has none): the flows query groups alert and
 *   netflow records together by flow_id, then counts those flows by service
 *   with a second stats.
 * - The source port is left out of rule-alerts (it would make one row per
 *   connection): alerts are narrowed to rules by destination port only.
 * - Each CWLI query ends with `limit 10000`, CloudWatch's maximum; a result
 *   with exactly that many rows is reported as possibly cut.
 */
#include "analyze/analyze.h"

#include <string.h>

static const char *const query_names[RESULTS_QUERY_N] = {
    "rule-alerts",
    "default-actions",
    "flows",
    "window",
};

static const char *const query_summaries[RESULTS_QUERY_N] = {
    "hits of every signature that is not a default action, by decision, source, destination "
    "and hour (per-rule hits, first/last hit, distinct sources and destinations)",
    "alerts of the default actions (aws:... action), one row per flow (default-action groups "
    "with their flows)",
    "netflow flows by service, with or without an alert (silent flows)",
    "first and last record and record counts by event type (the log window)",
};

const char *
results_query_name(ResultsQuery which)
{
    return which < RESULTS_QUERY_N ? query_names[which] : "?";
}

const char *
results_query_summary(ResultsQuery which)
{
    return which < RESULTS_QUERY_N ? query_summaries[which] : "?";
}

gboolean
results_query_from_name(const char *name, ResultsQuery *out)
{
    for (int i = 0; i < RESULTS_QUERY_N; i++) {
        if (g_strcmp0(name, query_names[i]) == 0) {
            *out = (ResultsQuery)i;
            return TRUE;
        }
    }
    return FALSE;
}

/* ---- CloudWatch Logs Insights ---- */

#define CWLI_ALERT_FIELDS                                                                          \
    "| fields event.alert.signature_id as sid, event.alert.rev as rev,\n"                          \
    "    coalesce(event.alert.signature, \"\") as signature, event.alert.action as action,\n"      \
    "    coalesce(event.verdict.action, \"\") as verdict, coalesce(event.proto, \"\") as proto,\n" \
    "    coalesce(event.app_proto, \"\") as app_proto, coalesce(event.src_ip, \"\") as src_ip,\n"  \
    "    coalesce(event.dest_ip, \"\") as dest_ip, coalesce(event.dest_port, -1) as dest_port,\n"  \
    "    coalesce(event.tls.sni, \"\") as sni, coalesce(event.http.hostname, \"\") as host,\n"     \
    "    datefloor(@timestamp, 1h) as hour"

#define CWLI_ALERT_STATS                                              \
    "| stats count(*) as hits, earliest(event.timestamp) as first,\n" \
    "    latest(event.timestamp) as last\n"                           \
    "  by "

#define CWLI_ALERT_KEYS                                                          \
    "sid, rev, signature, action, verdict, proto, app_proto, src_ip, dest_ip,\n" \
    "    dest_port, sni, host, hour"

static char *
cwli_text(ResultsQuery which, gboolean action_order)
{
    switch (which) {
    case RESULTS_QUERY_RULE_ALERTS:
        return g_strdup(
            "filter event.event_type = \"alert\" and not (event.alert.signature like /^aws:.+ action$/)\n" CWLI_ALERT_FIELDS
            "\n" CWLI_ALERT_STATS CWLI_ALERT_KEYS "\n"
            "| limit 10000\n");
    case RESULTS_QUERY_DEFAULT_ACTIONS:
        return g_strconcat(
            "filter event.event_type = \"alert\" and (event.alert.signature like /^aws:.+ action$/",
            action_order ? " or event.alert.action = \"blocked\"" : "",
            ")\n" CWLI_ALERT_FIELDS ",\n"
            "    event.flow_id as flow_id\n" CWLI_ALERT_STATS "flow_id, " CWLI_ALERT_KEYS "\n"
            "| limit 10000\n",
            NULL);
    case RESULTS_QUERY_FLOWS:
        return g_strdup(
            "filter event.event_type = \"netflow\" or event.event_type = \"alert\"\n"
            "| stats count(event.netflow.pkts) as netflows, count(event.alert.signature_id) as alerts,\n"
            "    latest(event.proto) as p, latest(event.app_proto) as a,\n"
            "    min(event.src_port) as sp, min(event.dest_port) as dp\n"
            "  by event.flow_id\n"
            "| filter netflows > 0\n"
            "| fields coalesce(p, \"\") as proto, coalesce(a, \"\") as app_proto,\n"
            "    coalesce(least(sp, dp), dp, -1) as port, least(alerts, 1) as alerted\n"
            "| stats count(*) as flows by proto, app_proto, port, alerted\n"
            "| limit 10000\n");
    case RESULTS_QUERY_WINDOW:
        return g_strdup("filter event.event_type = \"netflow\" or event.event_type = \"alert\"\n"
                        "| fields event.event_type as event_type\n"
                        "| stats count(*) as records, earliest(event.timestamp) as first,\n"
                        "    latest(event.timestamp) as last by event_type\n");
    default: return NULL;
    }
}

/* ---- Athena ---- */

#define ATHENA_WINDOW "log_hour >= date_format(current_timestamp - INTERVAL '1' DAY, '%Y/%m/%d/%H')"

#define ATHENA_ALERT_COLUMNS                                                                       \
    "       event.alert.signature_id AS sid, event.alert.rev AS rev,\n"                            \
    "       coalesce(event.alert.signature, '') AS signature, event.alert.action AS action,\n"     \
    "       coalesce(event.verdict.action, '') AS verdict, coalesce(event.proto, '') AS proto,\n"  \
    "       coalesce(event.app_proto, '') AS app_proto, coalesce(event.src_ip, '') AS src_ip,\n"   \
    "       coalesce(event.dest_ip, '') AS dest_ip, coalesce(event.dest_port, -1) AS dest_port,\n" \
    "       coalesce(event.tls.sni, '') AS sni, coalesce(event.http.hostname, '') AS host,\n"      \
    "       date_format(date_trunc('hour', from_unixtime(CAST(event_timestamp AS bigint))),\n"     \
    "                   '%Y-%m-%d %H:00:00.000') AS hour,\n"                                       \
    "       count(*) AS hits, min(event.\"timestamp\") AS first, max(event.\"timestamp\") AS last\n"

/* event.timestamp strings all end in +0000: text order is time order. */
static char *
athena_text(ResultsQuery which, gboolean action_order)
{
    switch (which) {
    case RESULTS_QUERY_RULE_ALERTS:
        return g_strdup(
            "SELECT\n" ATHENA_ALERT_COLUMNS "FROM nfw_alert\n"
            "WHERE " ATHENA_WINDOW "\n"
            "  AND event.event_type = 'alert'\n"
            "  AND NOT regexp_like(coalesce(event.alert.signature, ''), '^aws:.+ action$')\n"
            "GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13;\n");
    case RESULTS_QUERY_DEFAULT_ACTIONS:
        /* no printf: the text holds date_format's % directives */
        return g_strconcat(
            "SELECT event.flow_id AS flow_id,\n" ATHENA_ALERT_COLUMNS "FROM nfw_alert\n"
            "WHERE " ATHENA_WINDOW "\n"
            "  AND event.event_type = 'alert'\n"
            "  AND (regexp_like(coalesce(event.alert.signature, ''), '^aws:.+ action$')",
            action_order ? " OR event.alert.action = 'blocked'" : "",
            ")\n"
            "GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14;\n",
            NULL);
    case RESULTS_QUERY_FLOWS:
        return g_strdup(
            "WITH records AS (\n"
            "  SELECT event.flow_id AS flow_id, 1 AS netflow, 0 AS alert, event.proto AS proto,\n"
            "         event.app_proto AS app_proto, event.src_port AS sp, event.dest_port AS dp,\n"
            "         event.\"timestamp\" AS ts\n"
            "  FROM nfw_flow WHERE " ATHENA_WINDOW " AND event.event_type = 'netflow'\n"
            "  UNION ALL\n"
            "  SELECT event.flow_id, 0, 1, event.proto, event.app_proto, event.src_port,\n"
            "         event.dest_port, event.\"timestamp\"\n"
            "  FROM nfw_alert WHERE " ATHENA_WINDOW " AND event.event_type = 'alert'\n"
            "), per_flow AS (\n"
            "  SELECT flow_id, sum(netflow) AS netflows, sum(alert) AS alerts,\n"
            "         max_by(proto, ts) AS p, max_by(app_proto, ts) AS a, min(sp) AS sp, min(dp) AS dp\n"
            "  FROM records GROUP BY flow_id\n"
            ")\n"
            "SELECT coalesce(p, '') AS proto, coalesce(a, '') AS app_proto,\n"
            "       coalesce(least(sp, dp), dp, -1) AS port, least(alerts, 1) AS alerted,\n"
            "       count(*) AS flows\n"
            "FROM per_flow WHERE netflows > 0\n"
            "GROUP BY 1, 2, 3, 4;\n");
    case RESULTS_QUERY_WINDOW:
        return g_strdup(
            "SELECT event_type, sum(records) AS records, min(first) AS first, max(last) AS last\n"
            "FROM (\n"
            "  SELECT event.event_type AS event_type, count(*) AS records,\n"
            "         min(event.\"timestamp\") AS first, max(event.\"timestamp\") AS last\n"
            "  FROM nfw_alert WHERE " ATHENA_WINDOW " AND event.event_type = 'alert'\n"
            "  GROUP BY 1\n"
            "  UNION ALL\n"
            "  SELECT event.event_type, count(*), min(event.\"timestamp\"), max(event.\"timestamp\")\n"
            "  FROM nfw_flow WHERE " ATHENA_WINDOW " AND event.event_type = 'netflow'\n"
            "  GROUP BY 1\n"
            ")\n"
            "GROUP BY 1;\n");
    default: return NULL;
    }
}

char *
results_query_text(ResultsQuery which, ResultsEngine engine, gboolean action_order)
{
    return engine == RESULTS_ENGINE_ATHENA ? athena_text(which, action_order)
                                           : cwli_text(which, action_order);
}
