/*
 * stateful_rules.c - a standard stateful rule (RulesSource.StatefulRules[],
 * the "5-tuple" form) becomes the Suricata text Network Firewall generates.
 *
 * Documented (nfw-reference.md section 4): lower-cased action and protocol,
 * Direction FORWARD -> "->", ANY -> "<>", options "keyword:settings;" in
 * array order, "keyword;" when there are no settings.
 * Chosen where AWS says nothing (the README repeats these):
 *  - `ANY` as an address or port becomes `any` (the DG example keeps
 *    "ANY"; Suricata accepts both, and log mapping only uses sid and msg).
 *  - Several Settings are joined with "," ("flow:to_server,established;").
 *  - Options are separated by one space, as in the DG example, and NFW adds
 *    nothing itself (no rev, no flow).
 *  - Values are copied as written: `msg` keeps the quotes stored in the
 *    setting.  Any problem with them is the rule parser's to report.
 */
#include "policy/policy_internal.h"

#include <string.h>

static const char *header_members[] = {
    "Protocol", "Source", "SourcePort", "Direction", "Destination", "DestinationPort",
};

static char *
fail(char **error_member, char **error, const char *member, const char *message)
{
    *error_member = g_strdup(member);
    *error = g_strdup(message);
    return NULL;
}

static void
append_endpoint(GString *out, const char *value)
{
    g_string_append(out, g_ascii_strcasecmp(value, "ANY") == 0 ? "any" : value);
}

char *
stateful_rule_to_text(const cJSON *item, char **error_member, char **error)
{
    *error_member = NULL;
    *error = NULL;
    if (!cJSON_IsObject(item))
        return fail(error_member, error, "", "expected an object");

    const cJSON *action = cJSON_GetObjectItem(item, "Action");
    const cJSON *header = cJSON_GetObjectItem(item, "Header");
    const cJSON *options = cJSON_GetObjectItem(item, "RuleOptions");
    if (!cJSON_IsString(action))
        return fail(error_member, error, "Action",
                    action ? "expected a string" : "missing (required)");
    if (!cJSON_IsObject(header))
        return fail(error_member, error, "Header",
                    header ? "expected an object" : "missing (required)");
    if (options && !cJSON_IsArray(options))
        return fail(error_member, error, "RuleOptions", "expected an array");

    const char *fields[G_N_ELEMENTS(header_members)];
    for (gsize i = 0; i < G_N_ELEMENTS(header_members); i++) {
        const cJSON *v = cJSON_GetObjectItem(header, header_members[i]);
        if (!cJSON_IsString(v)) {
            g_autofree char *member = g_strdup_printf("Header.%s", header_members[i]);
            return fail(error_member, error, member,
                        v ? "expected a string" : "missing (required)");
        }
        fields[i] = v->valuestring;
    }

    const char *direction;
    if (g_ascii_strcasecmp(fields[3], "FORWARD") == 0)
        direction = "->";
    else if (g_ascii_strcasecmp(fields[3], "ANY") == 0)
        direction = "<>";
    else
        return fail(error_member, error, "Header.Direction", "expected FORWARD or ANY");

    GString *out = g_string_new(NULL);
    g_autofree char *act = g_ascii_strdown(action->valuestring, -1);
    g_autofree char *proto = g_ascii_strdown(fields[0], -1);
    g_string_append_printf(out, "%s %s ", act, proto);
    append_endpoint(out, fields[1]);
    g_string_append_c(out, ' ');
    append_endpoint(out, fields[2]);
    g_string_append_printf(out, " %s ", direction);
    append_endpoint(out, fields[4]);
    g_string_append_c(out, ' ');
    append_endpoint(out, fields[5]);
    g_string_append(out, " (");

    int n = 0;
    const cJSON *opt;
    int index = 0;
    cJSON_ArrayForEach(opt, options)
    {
        g_autofree char *member = g_strdup_printf("RuleOptions[%d]", index++);
        const cJSON *kw = cJSON_GetObjectItem(opt, "Keyword");
        const cJSON *settings = cJSON_GetObjectItem(opt, "Settings");
        if (!cJSON_IsObject(opt) || !cJSON_IsString(kw)) {
            g_string_free(out, TRUE);
            g_autofree char *m = g_strdup_printf("%s.Keyword", member);
            return fail(error_member, error, cJSON_IsObject(opt) ? m : member,
                        cJSON_IsObject(opt) ? (kw ? "expected a string" : "missing (required)")
                                            : "expected an object");
        }
        if (settings && !cJSON_IsArray(settings)) {
            g_string_free(out, TRUE);
            g_autofree char *m = g_strdup_printf("%s.Settings", member);
            return fail(error_member, error, m, "expected an array of strings");
        }
        if (n++ > 0)
            g_string_append_c(out, ' ');
        g_string_append(out, kw->valuestring);
        int s = 0;
        const cJSON *setting;
        cJSON_ArrayForEach(setting, settings)
        {
            if (!cJSON_IsString(setting)) {
                g_string_free(out, TRUE);
                g_autofree char *m = g_strdup_printf("%s.Settings[%d]", member, s);
                return fail(error_member, error, m, "expected a string");
            }
            /* The one place that decides how several Settings are joined. */
            g_string_append(out, s++ == 0 ? ":" : ",");
            g_string_append(out, setting->valuestring);
        }
        g_string_append_c(out, ';');
    }
    g_string_append_c(out, ')');
    return g_string_free(out, FALSE);
}
