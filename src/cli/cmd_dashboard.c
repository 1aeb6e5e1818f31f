/*
 * cmd_dashboard.c - `nfw-advisor dashboard`: print a CloudWatch dashboard
 * body (the JSON `aws cloudwatch put-dashboard --dashboard-body` takes)
 * with Logs Insights widgets over a firewall's log groups.
 *
 * Design decisions:
 *  - The saved queries of analysis/ (the .cwli files) are embedded at build time
 *    (src/cli/gen_saved_queries.py -> saved_queries.c), so the binary needs
 *    no data directory and the dashboard always matches the queries the
 *    tests check.  Queries that name one FQDN or signature to replace (03,
 *    05, 06) are left out: a dashboard cannot ask for the value.
 *  - The advisor's key signals come first, as small time series and bars:
 *    default-action drops per hour, the noisiest signatures, blocks by
 *    domain list.  Then the saved queries, two widgets per row.
 *  - Each widget's query is "SOURCE '<group>' | filter firewall_name = ..."
 *    then the query, as CloudWatch's log widget expects.  Names are
 *    checked against the characters AWS allows, so nothing needs quoting.
 *  - Body format: CloudWatch "Dashboard body structure and syntax" (widgets
 *    with type/x/y/width/height/properties, a 24-column grid; log widget
 *    properties query, region, title, view, stacked); tests/cli checks the
 *    output against a JSON schema written from it.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli/cli.h"
#include "cli/saved_queries.h"

#define GRID_WIDTH 24
#define WIDGET_HEIGHT 6

typedef struct {
    const char *title;
    const char *view;
    gboolean stacked;
    const char *query;
} SignalWidget;

static const SignalWidget signals[] = {
    { "Default-action drops per hour (traffic no rule allows yet)", "timeSeries", TRUE,
      "filter event.alert.action = \"blocked\" and event.alert.signature like "
      "/^aws:(alert|drop)_(established|strict) action$/\n"
      "| stats count(*) as drops by bin(1h), event.alert.signature" },
    { "Noisiest signatures (all actions)", "bar", FALSE,
      "filter event.event_type = \"alert\" and not isempty(event.alert.signature)\n"
      "| stats count(*) as alerts by event.alert.signature\n"
      "| sort alerts desc\n"
      "| limit 10" },
    { "Blocked by domain list per hour", "timeSeries", TRUE,
      "filter event.alert.signature in [\"matching TLS denylisted FQDNs\", "
      "\"matching HTTP denylisted FQDNs\"]\n"
      "| stats count(*) as blocked by bin(1h), event.alert.signature" },
    { "Alerts per hour by action", "timeSeries", TRUE,
      "filter event.event_type = \"alert\"\n"
      "| stats count(*) as alerts by bin(1h), event.alert.action" },
};

/* Log group names: 1-512 of [.-_/#A-Za-z0-9] (CloudWatch Logs). */
static gboolean
valid_log_group(const char *s)
{
    gsize n = strlen(s);
    if (n == 0 || n > 512)
        return FALSE;
    for (const char *p = s; *p; p++)
        if (!g_ascii_isalnum(*p) && strchr("._-/#", *p) == NULL)
            return FALSE;
    return TRUE;
}

/* Firewall names: 1-128 of [A-Za-z0-9-] (Network Firewall). */
static gboolean
valid_firewall(const char *s)
{
    gsize n = strlen(s);
    if (n == 0 || n > 128)
        return FALSE;
    for (const char *p = s; *p; p++)
        if (!g_ascii_isalnum(*p) && *p != '-')
            return FALSE;
    return TRUE;
}

/* Regions: "us-east-1", "ap-northeast-1", "us-gov-west-1", "cn-north-1". */
static gboolean
valid_region(const char *s)
{
    return g_regex_match_simple("^[a-z]{2}(-[a-z]+)+-[0-9]+$", s, 0, 0);
}

typedef struct {
    cJSON *widgets;
    int x, y, row_height;
} Layout;

static cJSON *
layout_add(Layout *layout, const char *type, int width, int height)
{
    if (layout->x + width > GRID_WIDTH) {
        layout->x = 0;
        layout->y += layout->row_height;
        layout->row_height = 0;
    }
    cJSON *w = cJSON_CreateObject();
    cJSON_AddStringToObject(w, "type", type);
    cJSON_AddNumberToObject(w, "x", layout->x);
    cJSON_AddNumberToObject(w, "y", layout->y);
    cJSON_AddNumberToObject(w, "width", width);
    cJSON_AddNumberToObject(w, "height", height);
    cJSON_AddItemToArray(layout->widgets, w);
    layout->x += width;
    layout->row_height = MAX(layout->row_height, height);
    return cJSON_AddObjectToObject(w, "properties");
}

static void
add_log_widget(Layout *layout, const char *source, const char *firewall, const char *region,
               const char *title, const char *view, gboolean stacked, const char *query, int width)
{
    cJSON *p = layout_add(layout, "log", width, WIDGET_HEIGHT);
    char *full =
        g_strdup_printf("%s\n| filter firewall_name = \"%s\"\n| %s", source, firewall, query);
    cJSON_AddStringToObject(p, "query", full);
    cJSON_AddStringToObject(p, "region", region);
    cJSON_AddStringToObject(p, "title", title);
    cJSON_AddStringToObject(p, "view", view);
    if (strcmp(view, "timeSeries") == 0)
        cJSON_AddBoolToObject(p, "stacked", stacked);
    g_free(full);
}

static void
add_text_widget(Layout *layout, const char *markdown)
{
    cJSON *p = layout_add(layout, "text", GRID_WIDTH, 2);
    cJSON_AddStringToObject(p, "markdown", markdown);
}

/* The dashboard body; the caller frees it. */
static cJSON *
dashboard_body(const char *alert_group, const char *flow_group, const char *firewall,
               const char *region)
{
    cJSON *body = cJSON_CreateObject();
    cJSON_AddStringToObject(body, "start", "-PT24H");
    Layout layout = { cJSON_AddArrayToObject(body, "widgets"), 0, 0, 0 };
    char *alert_source = g_strdup_printf("SOURCE '%s'", alert_group);
    char *both_sources =
        strcmp(alert_group, flow_group) == 0
            ? g_strdup(alert_source)
            : g_strdup_printf("SOURCE '%s' | SOURCE '%s'", alert_group, flow_group);
    char *intro = g_strdup_printf(
        "# Network Firewall %s\nKey signals of nfw-advisor, then the saved queries of "
        "`analysis/`. Default-action drops are traffic no rule allows yet: run "
        "`nfw-advisor analyze` on the logs for the pass rules that would allow it.",
        firewall);
    add_text_widget(&layout, intro);
    for (gsize i = 0; i < G_N_ELEMENTS(signals); i++)
        add_log_widget(&layout, alert_source, firewall, region, signals[i].title, signals[i].view,
                       signals[i].stacked, signals[i].query, GRID_WIDTH / 2);
    for (gsize i = 0; i < saved_query_count; i++) {
        const SavedQuery *q = &saved_queries[i];
        if (q->parameterised)
            continue;
        add_log_widget(&layout, q->flows ? both_sources : alert_source, firewall, region, q->title,
                       q->view, FALSE, q->query,
                       strcmp(q->view, "table") == 0 ? GRID_WIDTH : GRID_WIDTH / 2);
    }
    g_free(intro);
    g_free(alert_source);
    g_free(both_sources);
    return body;
}

int
cmd_dashboard(int argc, char **argv)
{
    char *log_group = NULL, *alert_group = NULL, *flow_group = NULL;
    char *region = NULL, *firewall = NULL, *output = NULL;
    GOptionEntry entries[] = {
        { "log-group", 0, 0, G_OPTION_ARG_STRING, &log_group,
          "CloudWatch log group of the firewall's logs (alert and flow)", "NAME" },
        { "alert-log-group", 0, 0, G_OPTION_ARG_STRING, &alert_group,
          "Log group of the alert logs, when apart from --log-group", "NAME" },
        { "flow-log-group", 0, 0, G_OPTION_ARG_STRING, &flow_group,
          "Log group of the flow logs, when apart from --log-group", "NAME" },
        { "region", 0, 0, G_OPTION_ARG_STRING, &region, "AWS Region of the log groups", "REGION" },
        { "firewall", 0, 0, G_OPTION_ARG_STRING, &firewall,
          "Firewall name (widgets filter on firewall_name)", "NAME" },
        { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
          "Write the body to FILE instead of standard output", "FILE" },
        { NULL },
    };
    GOptionContext *context = g_option_context_new("- print a CloudWatch dashboard body");
    g_option_context_set_summary(
        context,
        "Prints the JSON body of a CloudWatch dashboard with Logs Insights widgets for the\n"
        "firewall's key signals and the saved queries of analysis/. Install it with:\n"
        "  aws cloudwatch put-dashboard --dashboard-name NAME --dashboard-body file://FILE\n"
        "Exit status: 0 done, 2 usage error.");
    g_option_context_add_main_entries(context, entries, NULL);
    GError *error = NULL;
    int rc = EXIT_USAGE;
    cJSON *body = NULL;

    if (!cli_parse_args(context, &argc, &argv, &error)) {
        cli_error("dashboard", "%s", error->message);
        g_error_free(error);
        goto out;
    }
    if (argc > 1) {
        cli_error("dashboard", "unexpected argument '%s'", argv[1]);
        goto out;
    }
    const char *alerts = alert_group ? alert_group : log_group;
    const char *flows = flow_group ? flow_group : log_group ? log_group : alert_group;
    if (alerts == NULL || region == NULL || firewall == NULL) {
        cli_error("dashboard", "--log-group (or --alert-log-group), --region and --firewall "
                               "are required (try 'nfw-advisor dashboard --help')");
        goto out;
    }
    const char *groups[] = { alerts, flows };
    for (gsize i = 0; i < G_N_ELEMENTS(groups); i++)
        if (!valid_log_group(groups[i])) {
            cli_error("dashboard", "'%s' is not a log group name (1-512 of A-Z a-z 0-9 . _ - / #)",
                      groups[i]);
            goto out;
        }
    if (!valid_firewall(firewall)) {
        cli_error("dashboard", "'%s' is not a firewall name (1-128 of A-Z a-z 0-9 -)", firewall);
        goto out;
    }
    if (!valid_region(region)) {
        cli_error("dashboard", "'%s' is not an AWS Region (like us-east-1)", region);
        goto out;
    }
    body = dashboard_body(alerts, flows, firewall, region);
    char *text = cJSON_Print(body);
    FILE *dest = output ? fopen(output, "w") : stdout;
    if (dest == NULL) {
        cli_error("dashboard", "cannot write '%s': %s", output, g_strerror(errno));
        cJSON_free(text);
        goto out;
    }
    fputs(text, dest);
    fputc('\n', dest);
    cJSON_free(text);
    if (dest != stdout && fclose(dest) != 0) {
        cli_error("dashboard", "cannot write '%s': %s", output, g_strerror(errno));
        goto out;
    }
    rc = EXIT_CLEAN;
out:
    cJSON_Delete(body);
    g_free(log_group);
    g_free(alert_group);
    g_free(flow_group);
    g_free(region);
    g_free(firewall);
    g_free(output);
    g_option_context_free(context);
    return rc;
}
