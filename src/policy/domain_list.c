/*
 * domain_list.c - a domain-list rule group (RulesSourceList) becomes the
 * exact Suricata rules Network Firewall generates for it.
 *
 * Documented by AWS (nfw-reference.md section 3, DG suricata-examples and
 * stateful-rule-groups-domain-names):
 *  - DENYLIST TLS:  drop tls ... (ssl_state:client_hello; tls.sni; content:"x";
 *                   startswith; nocase; endswith; msg:"matching TLS denylisted FQDNs";
 *                   priority:1; flow:to_server, established; sid:N; rev:1;)
 *  - DENYLIST HTTP: the same with http.host, no ssl_state and no nocase.
 *  - ALLOWLIST: pass rules of the same shape, then one catch-all drop per
 *    target type ("not matching any ... allowlisted FQDNs").
 *  - A wildcard target ".example.com" is `dotprefix; content:".example.com";
 *    endswith;` (matches example.com and every subdomain), an exact one is
 *    `content:"x"; startswith; endswith;`.
 *  - sids are numbered per group from 1, rev 1; HTTP rules come before TLS
 *    rules (EGRESS sample: allowlist of one domain, both types, TLS catch-all
 *    logged with sid 4).
 *
 * Not documented, chosen here (all in DOMAIN_LIST_STYLES and the constants
 * below, and in the README):
 *  - REJECTLIST and ALERTLIST reuse the DENYLIST text with action `reject` /
 *    `alert` and messages "matching TLS rejectlisted FQDNs",
 *    "matching HTTP alertlisted FQDNs", ...
 *  - Order with several targets and both types: all HTTP rules (targets in
 *    the order given, then the HTTP catch-all drop for allowlists), then all
 *    TLS rules, whatever the order of TargetTypes.
 *  - Strict-order groups get the same text, `priority:1` included (the
 *    only real sample predates strict order; keeping the text identical
 *    keeps log mapping simple).
 *  - Targets are written as given (no lower-casing, no de-duplication).
 */
#include "policy/policy.h"

#include <string.h>

/* Strict-order groups keep `priority:1` in generated rules (see above). */
static const gboolean DOMAIN_LIST_STRICT_KEEPS_PRIORITY = TRUE;

typedef struct {
    const char *type;   /* GeneratedRulesType */
    const char *action; /* action of the per-target rules */
    const char *listed; /* "denylisted" in "matching TLS denylisted FQDNs" */
    gboolean catch_all; /* add "not matching any ..." drop rules */
} DomainListStyle;

static const DomainListStyle DOMAIN_LIST_STYLES[] = {
    { "ALLOWLIST", "pass", "allowlisted", TRUE },      /* documented */
    { "DENYLIST", "drop", "denylisted", FALSE },       /* documented */
    { "REJECTLIST", "reject", "rejectlisted", FALSE }, /* chosen: not documented */
    { "ALERTLIST", "alert", "alertlisted", FALSE },    /* chosen: not documented */
};

static const DomainListStyle *
domain_list_style(const char *type)
{
    for (gsize i = 0; i < G_N_ELEMENTS(DOMAIN_LIST_STYLES); i++)
        if (type && strcmp(DOMAIN_LIST_STYLES[i].type, type) == 0)
            return &DOMAIN_LIST_STYLES[i];
    return NULL;
}

/* Escape what Suricata's content parser treats specially.  Domain names
 * never contain these; a target that does still yields a loadable rule. */
static void
append_content_value(GString *out, const char *target)
{
    for (const char *p = target; *p; p++) {
        if (*p == '"' || *p == ';' || *p == '\\')
            g_string_append_c(out, '\\');
        g_string_append_c(out, *p);
    }
}

static void
append_tail(GString *line, const char *msg_fmt, const DomainListStyle *style,
            const char *proto_name, RuleOrder order, int sid)
{
    g_string_append(line, " msg:\"");
    g_string_append_printf(line, msg_fmt, proto_name, style->listed);
    g_string_append(line, "\";");
    if (order == RULE_ORDER_ACTION || DOMAIN_LIST_STRICT_KEEPS_PRIORITY)
        g_string_append(line, " priority:1;");
    g_string_append_printf(line, " flow:to_server, established; sid:%d; rev:1;)", sid);
}

static char *
target_rule(const DomainListStyle *style, gboolean tls, const char *target, RuleOrder order,
            int sid)
{
    GString *line = g_string_new(NULL);
    gboolean wildcard = target[0] == '.';

    g_string_append_printf(line, "%s %s $HOME_NET any -> $EXTERNAL_NET any (", style->action,
                           tls ? "tls" : "http");
    g_string_append(line, tls ? "ssl_state:client_hello; tls.sni;" : "http.host;");
    if (wildcard)
        g_string_append(line, " dotprefix;");
    g_string_append(line, " content:\"");
    append_content_value(line, target);
    g_string_append(line, "\";");
    if (!wildcard)
        g_string_append(line, " startswith;");
    if (tls)
        g_string_append(line, " nocase;");
    g_string_append(line, " endswith;");
    append_tail(line, "matching %s %s FQDNs", style, tls ? "TLS" : "HTTP", order, sid);
    return g_string_free(line, FALSE);
}

static char *
catch_all_rule(const DomainListStyle *style, gboolean tls, RuleOrder order, int sid)
{
    GString *line = g_string_new(NULL);
    if (tls) {
        /* DG text: msg and priority come before ssl_state here. */
        g_string_append(line, "drop tls $HOME_NET any -> $EXTERNAL_NET any (");
        g_string_append_printf(line, "msg:\"not matching any TLS %s FQDNs\";", style->listed);
        if (order == RULE_ORDER_ACTION || DOMAIN_LIST_STRICT_KEEPS_PRIORITY)
            g_string_append(line, " priority:1;");
        g_string_append_printf(line,
                               " ssl_state:client_hello; flow:to_server, established;"
                               " sid:%d; rev:1;)",
                               sid);
    } else {
        g_string_append(line, "drop http $HOME_NET any -> $EXTERNAL_NET any ("
                              "http.header_names; content:\"|0d 0a|\"; startswith;");
        append_tail(line, "not matching any %s %s FQDNs", style, "HTTP", order, sid);
    }
    return g_string_free(line, FALSE);
}

GPtrArray *
domain_list_expand(const DomainList *list, RuleOrder order)
{
    GPtrArray *lines = g_ptr_array_new_with_free_func(g_free);
    const DomainListStyle *style = list ? domain_list_style(list->generated_type) : NULL;
    if (!style)
        return lines;

    int sid = 1;
    /* HTTP first, then TLS: the one place that fixes the order of types. */
    const gboolean type_is_tls[2] = { FALSE, TRUE };
    for (int t = 0; t < 2; t++) {
        gboolean tls = type_is_tls[t];
        if (tls ? !list->tls_sni : !list->http_host)
            continue;
        for (guint i = 0; list->targets && i < list->targets->len; i++) {
            const char *target = g_ptr_array_index(list->targets, i);
            g_ptr_array_add(lines, target_rule(style, tls, target, order, sid++));
        }
        if (style->catch_all)
            g_ptr_array_add(lines, catch_all_rule(style, tls, order, sid++));
    }
    return lines;
}

void
domain_list_free(DomainList *list)
{
    if (!list)
        return;
    if (list->targets)
        g_ptr_array_unref(list->targets);
    g_free(list->generated_type);
    g_free(list);
}
