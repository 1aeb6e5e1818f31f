/*
 * validate_meta.c - the keywords that describe a rule rather than match
 * traffic: sid, rev, gid, priority, msg, classtype, reference, metadata,
 * target, requires, config, noalert, alert.  Each function mirrors the
 * Setup function named above it (Suricata 7.0.10, src/detect-*.c) and
 * records what the Rule keeps (sid, rev, gid, priority, msg).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "rules/parser_state.h"
#include "rules/sc_parse.h"
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

/* The strtoul-based readers of DetectSidSetup, DetectRevSetup, DetectGidSetup. */
static gboolean
read_ulong(const char *value, unsigned long *out)
{
    char *end = NULL;
    errno = 0;
    *out = strtoul(value, &end, 10);
    return end != NULL && *end == '\0';
}

/* DetectSidSetup (detect-sid.c) */
gboolean
validate_sid(RuleParser *p, const char *value, char **error, int *error_offset)
{
    unsigned long id;
    if (!read_ulong(value, &id)) {
        *error = g_strdup_printf("'%s' is not a number", value);
        return FALSE;
    }
    if (id >= G_MAXUINT32) {
        *error = g_strdup_printf("%s is too high (at most 4294967294)", value);
        return FALSE;
    }
    if (id == 0) {
        *error = g_strdup("sid 0 is not valid");
        return FALSE;
    }
    if (p->seen_sid) {
        *error = g_strdup("sid given twice");
        return FALSE;
    }
    p->seen_sid = TRUE;
    p->sig.sid = (guint32)id;
    p->rule->sid = id;
    p->rule->flags |= RULE_F_HAS_SID;
    return TRUE;
}

/* DetectRevSetup (detect-rev.c) */
gboolean
validate_rev(RuleParser *p, const char *value, char **error, int *error_offset)
{
    unsigned long rev;
    if (!read_ulong(value, &rev)) {
        *error = g_strdup_printf("'%s' is not a number", value);
        return FALSE;
    }
    if (rev >= G_MAXUINT32) {
        *error = g_strdup_printf("%s is too high (at most 4294967294)", value);
        return FALSE;
    }
    if (rev == 0) {
        *error = g_strdup("rev 0 is not valid");
        return FALSE;
    }
    if (p->sig.has_rev) {
        *error = g_strdup("rev given twice");
        return FALSE;
    }
    p->sig.has_rev = TRUE;
    p->rule->rev = (guint32)rev;
    p->rule->flags |= RULE_F_HAS_REV;
    return TRUE;
}

/* DetectGidSetup (detect-gid.c): a later gid replaces an earlier one. */
gboolean
validate_gid(RuleParser *p, const char *value, char **error, int *error_offset)
{
    unsigned long gid;
    if (!read_ulong(value, &gid)) {
        *error = g_strdup_printf("'%s' is not a number", value);
        return FALSE;
    }
    if (gid >= G_MAXUINT32) {
        *error = g_strdup_printf("%s is too high (at most 4294967294)", value);
        return FALSE;
    }
    p->rule->gid = (guint32)gid;
    return TRUE;
}

/* DetectPrioritySetup (detect-priority.c): a second one keeps the highest. */
gboolean
validate_priority(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re = SC_REGEX("^\\s*(\\d+|\"\\d+\")\\s*$");
    pcre2_match_data *md = NULL;
    char copy[128];
    int rc = sc_regex_exec(&re, value, &md);
    gboolean ok = rc >= 0 && sc_substr_copy(md, 1, copy, sizeof copy) >= 0;
    pcre2_match_data_free(md);
    if (!ok) {
        *error = g_strdup_printf("'%s' is not a number", value);
        return FALSE;
    }
    char *end = NULL;
    long prio = strtol(copy, &end, 10);
    if (end == NULL || *end != '\0') {
        *error = g_strdup_printf("'%s' is not a number", value);
        return FALSE;
    }
    int v = (int)CLAMP(prio, G_MININT, G_MAXINT);
    if (p->rule->flags & RULE_F_HAS_PRIORITY)
        v = MIN(v, p->rule->priority);
    p->rule->priority = v;
    p->rule->flags |= RULE_F_HAS_PRIORITY;
    return TRUE;
}

/* DetectMsgSetup (detect-msg.c): every backslash escapes the next character. */
gboolean
validate_msg(RuleParser *p, const char *value, char **error, int *error_offset)
{
    if (p->sig.has_msg) {
        *error = g_strdup("msg given twice");
        return FALSE;
    }
    char *msg = g_string_chunk_insert(p->rule->strings, value);
    char *out = msg;
    gboolean escape = FALSE;
    for (const char *c = msg; *c; c++) {
        if (!escape && *c == '\\') {
            escape = TRUE;
            continue;
        }
        escape = FALSE;
        *out++ = *c;
    }
    *out = '\0';
    p->rule->msg = msg;
    p->sig.has_msg = TRUE;
    return TRUE;
}

/* DetectClasstypeSetup (detect-classtype.c): an unknown classtype is only a
 * warning (Suricata adds it with priority 3); a second one too. */
gboolean
validate_classtype(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re = SC_REGEX("^\\s*([a-zA-Z][a-zA-Z0-9-_]*)\\s*$");
    pcre2_match_data *md = NULL;
    char name[64 + 8];
    int rc = sc_regex_exec(&re, value, &md);
    gboolean ok = rc >= 0 && sc_substr_copy(md, 1, name, sizeof name) >= 0;
    pcre2_match_data_free(md);
    if (!ok) {
        *error = g_strdup_printf("'%s' is not a classtype name (a letter, then letters, digits, "
                                 "'-' or '_')",
                                 value);
        return FALSE;
    }
    if (strlen(name) >= 64) {
        *error = g_strdup("a classtype name has at most 63 characters");
        return FALSE;
    }
    p->sig.has_class = TRUE;
    return TRUE;
}

/* DetectReferenceParse (detect-reference.c): an unknown reference type is
 * only a warning. */
gboolean
validate_reference(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re =
        SC_REGEX("^\\s*([A-Za-z0-9]+)\\s*,\"?\\s*\"?\\s*([a-zA-Z0-9\\-_\\.\\/\\?\\=]+)\"?\\s*\"?");
    pcre2_match_data *md = NULL;
    char key[64], content[1024];
    int rc = sc_regex_exec(&re, value, &md);
    gboolean ok = rc >= 2 && sc_substr_copy(md, 1, key, sizeof key) >= 0 &&
                  sc_substr_copy(md, 2, content, sizeof content) >= 0 && key[0] && content[0];
    pcre2_match_data_free(md);
    if (!ok) {
        *error = g_strdup_printf("expected 'type,id' (type: letters and digits; id: letters, "
                                 "digits and -_./?=), got '%s'",
                                 value);
        return FALSE;
    }
    /* An unknown type is added to the reference config as "config
     * reference: KEY undefined", whose regex (SC_RCONF_REGEX,
     * util-reference-config.c) wants a letter first; every type of the
     * default reference.config starts with one. */
    if (!g_ascii_isalpha(key[0])) {
        *error = g_strdup_printf("reference type '%s' must start with a letter", key);
        return FALSE;
    }
    return TRUE;
}

/* DetectMetadataSetup (detect-metadata.c): free "key value" pairs that
 * never fail. */
gboolean
validate_metadata(RuleParser *p, const char *value, char **error, int *error_offset)
{
    return TRUE;
}

/* DetectTargetSetup / DetectTargetParse (detect-target.c) */
gboolean
validate_target(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re = SC_REGEX("^\\s*(src_ip|dest_ip)\\s*$");
    pcre2_match_data *md = NULL;
    char v[10];
    int rc = sc_regex_exec(&re, value, &md);
    gboolean ok = rc >= 1 && sc_substr_copy(md, 1, v, sizeof v) >= 0;
    pcre2_match_data_free(md);
    if (!ok) {
        *error = g_strdup_printf("'%s' is not src_ip or dest_ip", value);
        return FALSE;
    }
    int side = strcmp(v, "src_ip") == 0 ? 1 : 2;
    if (p->sig.target != 0 && p->sig.target != side) {
        *error = g_strdup("target given twice with different sides");
        return FALSE;
    }
    p->sig.target = side;
    return TRUE;
}

/* SCDetectCheckRequires (rust/src/detect/requires.rs) against Suricata
 * 7.0.10: a malformed expression is an error; an unmet one (version,
 * feature, unknown requirement) makes Suricata skip the rule silently. */
typedef struct {
    int major, minor, patch;
} Version;

static int
version_cmp(Version a, Version b)
{
    if (a.major != b.major)
        return a.major < b.major ? -1 : 1;
    if (a.minor != b.minor)
        return a.minor < b.minor ? -1 : 1;
    if (a.patch != b.patch)
        return a.patch < b.patch ? -1 : 1;
    return 0;
}

/* parse_next_version_part: up to '.', '-' or ' ', as a u8 */
static gboolean
version_part(const char **s, int *out)
{
    const char *p = *s;
    const char *q = p;
    while (*q && *q != '.' && *q != '-' && *q != ' ')
        q++;
    if (q == p || q - p > 3)
        return FALSE;
    int v = 0;
    for (const char *c = p; c < q; c++) {
        if (!g_ascii_isdigit(*c))
            return FALSE;
        v = v * 10 + (*c - '0');
    }
    if (v > 255)
        return FALSE;
    *out = v;
    *s = q;
    return TRUE;
}

static void
skip_ws(const char **s)
{
    while (g_ascii_isspace(**s))
        (*s)++;
}

static gboolean
parse_version(const char **s, Version *v)
{
    skip_ws(s);
    *v = (Version){ 0, 0, 0 };
    if (!version_part(s, &v->major))
        return FALSE;
    if (**s == '\0' || **s == ' ')
        return TRUE;
    if (**s != '.')
        return FALSE;
    (*s)++;
    if (!version_part(s, &v->minor))
        return FALSE;
    if (**s == '\0' || **s == ' ')
        return TRUE;
    if (**s != '.')
        return FALSE;
    (*s)++;
    return version_part(s, &v->patch);
}

/* parse_op */
static int
parse_op(const char **s)
{
    skip_ws(s);
    if (strncmp(*s, ">=", 2) == 0) {
        *s += 2;
        return 1;
    }
    if (**s == '>') {
        (*s)++;
        return 2;
    }
    if (strncmp(*s, "<=", 2) == 0) {
        *s += 2;
        return 3;
    }
    if (**s == '<') {
        (*s)++;
        return 4;
    }
    return 0;
}

/* parse_version_expression + check: -1 malformed, 0 unmet, 1 met */
static int
version_expression(const char *value)
{
    static const Version running = { 7, 0, 10 };
    const char *s = value;
    gboolean any_ok = FALSE;
    for (;;) {
        /* many1(tuple(op, version)) */
        gboolean all = TRUE;
        int n = 0;
        for (;;) {
            const char *save = s;
            int op = parse_op(&s);
            Version v;
            if (op == 0 || !parse_version(&s, &v)) {
                s = save;
                break;
            }
            n++;
            int c = version_cmp(running, v);
            if ((op == 1 && c < 0) || (op == 2 && c <= 0) || (op == 3 && c > 0) ||
                (op == 4 && c >= 0))
                all = FALSE;
        }
        if (n == 0)
            return -1;
        any_ok |= all;
        const char *save = s;
        skip_ws(&s);
        if (*s != '|') {
            s = save;
            break;
        }
        s++;
    }
    return any_ok ? 1 : 0;
}

gboolean
validate_requires(RuleParser *p, const char *value, char **error, int *error_offset)
{
    const char *s = value;
    gboolean have_version = FALSE, met = TRUE;
    char *reason = NULL;
    while (*s) {
        skip_ws(&s);
        const char *k = s;
        while (g_ascii_isalnum(*s) || *s == '-' || *s == '_')
            s++;
        char *key = g_strndup(k, (gsize)(s - k));
        skip_ws(&s);
        const char *v = s;
        while (*s && *s != ',')
            s++;
        char *val = g_strndup(v, (gsize)(s - v));
        if (strcmp(key, "feature") == 0) {
            /* Suricata 7.0.10 provides no feature to rules in this
             * configuration (output::file-store is off, ja3/ja4 are
             * enabled on demand) */
            if (met)
                reason = g_strdup_printf("requires feature %s, which Suricata 7.0.10 does not "
                                         "provide",
                                         g_strstrip(val));
            met = FALSE;
        } else if (strcmp(key, "version") == 0) {
            if (have_version) {
                *error = g_strdup("version may be given only once");
                g_free(key);
                g_free(val);
                g_free(reason);
                return FALSE;
            }
            have_version = TRUE;
            int r = version_expression(val);
            if (r < 0) {
                *error = g_strdup_printf("'%s' is not a version expression (>= 7.0.3 < 8 | >= 8.1)",
                                         val);
                g_free(key);
                g_free(val);
                g_free(reason);
                return FALSE;
            }
            if (r == 0 && met) {
                reason = g_strdup_printf("requires version %s, Suricata is 7.0.10", val);
                met = FALSE;
            }
        } else {
            if (met)
                reason = g_strdup_printf("unknown requirement '%s'", key);
            met = FALSE;
        }
        g_free(key);
        g_free(val);
        while (*s == ',' || g_ascii_isspace(*s))
            s++;
    }
    if (!met) {
        g_free(p->skip_reason);
        p->skip_reason = reason;
    }
    return TRUE;
}

/* DetectConfigSetup (detect-config.c) */
gboolean
validate_config(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re =
        SC_REGEX("^\\s*([A-z_]+)\\s*\\s*([A-z_]+)\\s*(?:,\\s*([A-z_]+)\\s+([A-z_]+))"
                 "?\\s*(?:,\\s*([A-z_]+)\\s+([A-z_]+))?$");
    pcre2_match_data *md = NULL;
    char f[6][32];
    int rc = sc_regex_exec(&re, value, &md);
    gboolean ok = rc == 7;
    for (int i = 0; ok && i < 6; i++)
        ok = sc_substr_copy(md, i + 1, f[i], sizeof f[i]) >= 0;
    pcre2_match_data_free(md);
    if (!ok) {
        *error = g_strdup("expected 'logging disable, type tx|flow, scope tx|flow'");
        return FALSE;
    }
    if (strcmp(f[0], "logging") != 0 || strcmp(f[1], "disable") != 0 || strcmp(f[2], "type") != 0 ||
        (strcmp(f[3], "tx") != 0 && strcmp(f[3], "flow") != 0) || strcmp(f[4], "scope") != 0 ||
        (strcmp(f[5], "tx") != 0 && strcmp(f[5], "flow") != 0)) {
        *error = g_strdup("only 'logging disable, type tx|flow, scope tx|flow' is supported");
        return FALSE;
    }
    if (strcmp(f[5], "tx") == 0)
        p->sig.flags |= SIGF_APPLAYER;
    return TRUE;
}

/* DetectNoalertSetup / DetectAlertSetup (detect-noalert.c) */
gboolean
validate_noop(RuleParser *p, const char *value, char **error, int *error_offset)
{
    return TRUE;
}
