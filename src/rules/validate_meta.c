/*
 * validate_meta.c - validators of the keywords that describe a rule rather
 * than match traffic: sid, rev, gid, priority, msg, classtype, metadata,
 * reference, target, requires.  Also records them in the Rule.
 */
#include <string.h>

#include "rules/parser_state.h"
#include "rules/validate.h"

/* Suricata 7's classification.config (etc/classification.config). */
static const struct { const char *name; int priority; } classtypes[] = {
    { "not-suspicious", 3 }, { "unknown", 3 }, { "bad-unknown", 2 },
    { "attempted-recon", 2 }, { "successful-recon-limited", 2 },
    { "successful-recon-largescale", 2 }, { "attempted-dos", 2 },
    { "successful-dos", 2 }, { "attempted-user", 1 }, { "unsuccessful-user", 1 },
    { "successful-user", 1 }, { "attempted-admin", 1 }, { "successful-admin", 1 },
    { "rpc-portmap-decode", 2 }, { "shellcode-detect", 1 }, { "string-detect", 3 },
    { "suspicious-filename-detect", 2 }, { "suspicious-login", 2 },
    { "system-call-detect", 2 }, { "tcp-connection", 4 }, { "trojan-activity", 1 },
    { "unusual-client-port-connection", 2 }, { "network-scan", 3 },
    { "denial-of-service", 2 }, { "non-standard-protocol", 2 },
    { "protocol-command-decode", 3 }, { "web-application-activity", 2 },
    { "web-application-attack", 1 }, { "misc-activity", 3 }, { "misc-attack", 2 },
    { "icmp-event", 3 }, { "inappropriate-content", 1 }, { "policy-violation", 1 },
    { "default-login-attempt", 2 }, { "targeted-activity", 1 },
    { "exploit-kit", 1 }, { "external-ip-check", 2 }, { "domain-c2", 1 },
    { "pup-activity", 2 }, { "credential-theft", 1 }, { "social-engineering", 2 },
    { "coin-mining", 2 }, { "command-and-control", 1 },
};

/* Suricata 7's reference.config. */
static const char *const reference_types[] = {
    "bugtraq", "bid", "cve", "nessus", "arachnids", "mcafee", "osvdb", "msb", "url",
    "et", "etpro", "telus", "md5", NULL,
};

int
rule_classtype_priority(const char *name)
{
    for (guint i = 0; i < G_N_ELEMENTS(classtypes); i++)
        if (g_ascii_strcasecmp(classtypes[i].name, name) == 0)
            return classtypes[i].priority;
    return -1;
}

gboolean
validate_sid(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    guint64 v;
    if (parser->seen_sid) {
        *error = g_strdup("sid given twice");
        return FALSE;
    }
    if (!parse_uint(value, G_MAXUINT64, &v)) {
        *error = g_strdup_printf("'%s' is not a number", value);
        return FALSE;
    }
    if (v == 0 || v > G_MAXUINT32) {
        *error = g_strdup_printf("%s is out of range (1 to 4294967295)", value);
        return FALSE;
    }
    parser->seen_sid = TRUE;
    parser->rule->sid = v;
    parser->rule->flags |= RULE_F_HAS_SID;
    return TRUE;
}

gboolean
validate_rev(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    guint64 v;
    if (parser->seen_rev) {
        *error = g_strdup("rev given twice");
        return FALSE;
    }
    if (!parse_uint(value, G_MAXUINT64, &v)) {
        *error = g_strdup_printf("'%s' is not a number", value);
        return FALSE;
    }
    if (v == 0 || v > G_MAXUINT32) {
        *error = g_strdup_printf("%s is out of range (1 to 4294967295)", value);
        return FALSE;
    }
    parser->seen_rev = TRUE;
    parser->rule->rev = (guint32)v;
    parser->rule->flags |= RULE_F_HAS_REV;
    return TRUE;
}

gboolean
validate_gid(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    guint64 v;
    if (parser->seen_gid) {
        *error = g_strdup("gid given twice");
        return FALSE;
    }
    if (!parse_uint(value, G_MAXUINT32, &v)) {
        *error = g_strdup_printf("'%s' is not a number from 0 to 4294967295", value);
        return FALSE;
    }
    parser->seen_gid = TRUE;
    parser->rule->gid = (guint32)v;
    return TRUE;
}

gboolean
validate_priority(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    guint64 v;
    if (!parse_uint(value, G_MAXUINT64, &v) || v < 1 || v > 255) {
        *error = g_strdup_printf("'%s' is not a number from 1 to 255", value);
        return FALSE;
    }
    parser->seen_priority = TRUE;
    parser->rule->priority = (int)v;
    parser->rule->flags |= RULE_F_HAS_PRIORITY;
    return TRUE;
}

gboolean
validate_msg(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    /* Suricata drops the backslash of every escape in msg. */
    GString *msg = g_string_sized_new(strlen(value));
    for (const char *p = value; *p; p++) {
        if (*p == '\\' && p[1] != '\0')
            p++;
        g_string_append_c(msg, *p);
    }
    g_free(parser->rule->msg);
    parser->rule->msg = g_string_free(msg, FALSE);
    parser->seen_msg = TRUE;
    return TRUE;
}

gboolean
validate_classtype(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    if (parser->seen_classtype) {
        *error = g_strdup("classtype given twice");
        return FALSE;
    }
    int prio = rule_classtype_priority(value);
    if (prio < 0) {
        *error = g_strdup_printf("unknown classtype '%s' (not in classification.config)", value);
        return FALSE;
    }
    parser->seen_classtype = TRUE;
    return TRUE;
}

gboolean
validate_metadata(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    /* "key value, key value": Suricata 7 accepts free text pairs. */
    return TRUE;
}

gboolean
validate_reference(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    const char *comma = strchr(value, ',');
    if (comma == NULL || comma[1] == '\0') {
        *error = g_strdup("expected 'type,id'");
        return FALSE;
    }
    char *type = g_strstrip(g_strndup(value, comma - value));
    gboolean known = FALSE;
    for (const char *const *t = reference_types; *t; t++)
        if (g_ascii_strcasecmp(*t, type) == 0)
            known = TRUE;
    if (!known)
        *error = g_strdup_printf("unknown reference type '%s' (not in reference.config)", type);
    g_free(type);
    return known;
}

gboolean
validate_target(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    if (strcmp(value, "src_ip") != 0 && strcmp(value, "dest_ip") != 0) {
        *error = g_strdup_printf("'%s' is not src_ip or dest_ip", value);
        return FALSE;
    }
    return TRUE;
}

gboolean
validate_requires(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    return TRUE;
}
