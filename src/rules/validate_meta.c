/*
 * validate_meta.c - validators of the keywords that describe a rule rather
 * than match traffic: sid, rev, gid, priority, msg, classtype, metadata,
 * reference, target, requires.  Also records them in the Rule.
 */
#include <string.h>

#include "rules/parser_state.h"
#include "rules/validate.h"

/* Suricata 7's classification.config (etc/classification.config). */
static const struct {
    const char *name;
    int priority;
} classtypes[] = {
    { "not-suspicious", 3 },
    { "unknown", 3 },
    { "bad-unknown", 2 },
    { "attempted-recon", 2 },
    { "successful-recon-limited", 2 },
    { "successful-recon-largescale", 2 },
    { "attempted-dos", 2 },
    { "successful-dos", 2 },
    { "attempted-user", 1 },
    { "unsuccessful-user", 1 },
    { "successful-user", 1 },
    { "attempted-admin", 1 },
    { "successful-admin", 1 },
    { "rpc-portmap-decode", 2 },
    { "shellcode-detect", 1 },
    { "string-detect", 3 },
    { "suspicious-filename-detect", 2 },
    { "suspicious-login", 2 },
    { "system-call-detect", 2 },
    { "tcp-connection", 4 },
    { "trojan-activity", 1 },
    { "unusual-client-port-connection", 2 },
    { "network-scan", 3 },
    { "denial-of-service", 2 },
    { "non-standard-protocol", 2 },
    { "protocol-command-decode", 3 },
    { "web-application-activity", 2 },
    { "web-application-attack", 1 },
    { "misc-activity", 3 },
    { "misc-attack", 2 },
    { "icmp-event", 3 },
    { "inappropriate-content", 1 },
    { "policy-violation", 1 },
    { "default-login-attempt", 2 },
    { "targeted-activity", 1 },
    { "exploit-kit", 1 },
    { "external-ip-check", 2 },
    { "domain-c2", 1 },
    { "pup-activity", 2 },
    { "credential-theft", 1 },
    { "social-engineering", 2 },
    { "coin-mining", 2 },
    { "command-and-control", 1 },
};

int
rule_classtype_priority(const char *name)
{
    while (*name == ' ' || *name == '\t')
        name++;
    gsize len = strlen(name);
    while (len > 0 && (name[len - 1] == ' ' || name[len - 1] == '\t'))
        len--;
    for (guint i = 0; i < G_N_ELEMENTS(classtypes); i++)
        if (strlen(classtypes[i].name) == len &&
            g_ascii_strncasecmp(classtypes[i].name, name, len) == 0)
            return classtypes[i].priority;
    return -1;
}

/* sid and rev: once per rule, a number from 1 to `max`. */
static gboolean
parse_rule_id(const char *keyword, gboolean *seen, const char *value, guint64 max, guint64 *out,
              char **error)
{
    if (*seen) {
        *error = g_strdup_printf("%s given twice", keyword);
        return FALSE;
    }
    if (!parse_uint(value, G_MAXUINT64, out)) {
        *error = g_strdup_printf("'%s' is not a number", value);
        return FALSE;
    }
    if (*out == 0 || *out > max) {
        *error = g_strdup_printf("%s is out of range (1 to %" G_GUINT64_FORMAT ")", value, max);
        return FALSE;
    }
    *seen = TRUE;
    return TRUE;
}

gboolean
validate_sid(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    /* Suricata 7 rejects sid 4294967295 ("sid value too high"). */
    guint64 v;
    if (!parse_rule_id("sid", &parser->seen_sid, value, G_MAXUINT32 - 1, &v, error))
        return FALSE;
    parser->rule->sid = v;
    parser->rule->flags |= RULE_F_HAS_SID;
    return TRUE;
}

gboolean
validate_rev(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    guint64 v;
    if (!parse_rule_id("rev", &parser->seen_rev, value, G_MAXUINT32, &v, error))
        return FALSE;
    parser->rule->rev = (guint32)v;
    parser->rule->flags |= RULE_F_HAS_REV;
    return TRUE;
}

gboolean
validate_gid(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    guint64 v;
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
    /* Suricata 7 takes any int here (1-255 is the documented range). */
    if (!parse_uint(value, G_MAXINT32, &v)) {
        *error = g_strdup_printf("'%s' is not a number (1 to 255)", value);
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
    if (parser->seen_msg) {
        *error = g_strdup("msg given twice");
        return FALSE;
    }
    /* Suricata drops the backslash of every escape in msg. */
    char *msg = g_string_chunk_insert(parser->rule->strings, value);
    char *out = msg;
    for (const char *p = msg; *p; p++) {
        if (*p == '\\' && p[1] != '\0')
            p++;
        *out++ = *p;
    }
    *out = '\0';
    parser->rule->msg = msg;
    parser->seen_msg = TRUE;
    return TRUE;
}

gboolean
validate_classtype(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    /* Suricata 7 only warns about an unknown classtype (and adds it), and
     * takes the last of several. */
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
    /* Suricata 7 accepts reference types missing from reference.config. */
    return TRUE;
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
