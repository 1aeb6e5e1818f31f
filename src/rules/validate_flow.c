/*
 * validate_flow.c - validators of flow state and cross-packet keywords:
 * flow, flowbits, xbits/hostbits, flowint, stream_size, threshold,
 * detection_filter, tag.
 */
#include <string.h>

#include "rules/parser_state.h"
#include "rules/validate.h"

static guint
flow_option_bit(const char *s)
{
    if (!strcmp(s, "to_server") || !strcmp(s, "from_client"))
        return RULE_FLOW_TO_SERVER;
    if (!strcmp(s, "to_client") || !strcmp(s, "from_server"))
        return RULE_FLOW_TO_CLIENT;
    if (!strcmp(s, "established"))
        return RULE_FLOW_ESTABLISHED;
    if (!strcmp(s, "not_established"))
        return RULE_FLOW_NOT_ESTABLISHED;
    if (!strcmp(s, "stateless"))
        return RULE_FLOW_STATELESS;
    if (!strcmp(s, "only_stream"))
        return RULE_FLOW_ONLY_STREAM;
    if (!strcmp(s, "no_stream"))
        return RULE_FLOW_NO_STREAM;
    if (!strcmp(s, "only_frag"))
        return RULE_FLOW_ONLY_FRAG;
    if (!strcmp(s, "no_frag"))
        return RULE_FLOW_NO_FRAG;
    return 0;
}

gboolean
validate_flow(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    static const guint conflicts[][2] = {
        { RULE_FLOW_TO_SERVER, RULE_FLOW_TO_CLIENT },
        { RULE_FLOW_ESTABLISHED, RULE_FLOW_NOT_ESTABLISHED },
        { RULE_FLOW_ESTABLISHED, RULE_FLOW_STATELESS },
        { RULE_FLOW_NOT_ESTABLISHED, RULE_FLOW_STATELESS },
        { RULE_FLOW_ONLY_STREAM, RULE_FLOW_NO_STREAM },
        { RULE_FLOW_ONLY_FRAG, RULE_FLOW_NO_FRAG },
    };
    if (parser->seen_flow) {
        *error = g_strdup("a rule may have only one flow option");
        return FALSE;
    }
    parser->seen_flow = TRUE;
    char **parts = g_strsplit(value, ",", -1);
    guint flags = 0;
    gboolean ok = TRUE;
    int offset = 0;
    for (int i = 0; ok && parts[i]; i++) {
        char *item = g_strstrip(g_strdup(parts[i]));
        guint bit = flow_option_bit(item);
        if (bit == 0) {
            *error = g_strdup_printf("unknown flow option '%s'", item);
            *error_offset = offset;
            ok = FALSE;
        } else if (flags & bit) {
            *error = g_strdup_printf("flow option '%s' given twice", item);
            *error_offset = offset;
            ok = FALSE;
        }
        flags |= bit;
        for (guint c = 0; ok && c < G_N_ELEMENTS(conflicts); c++) {
            if ((flags & conflicts[c][0]) && (flags & conflicts[c][1])) {
                *error = g_strdup_printf("flow option '%s' contradicts an earlier one", item);
                *error_offset = offset;
                ok = FALSE;
            }
        }
        offset += (int)strlen(parts[i]) + 1;
        g_free(item);
    }
    g_strfreev(parts);
    parser->rule->flow = flags; /* the one parsed form (rule.h) */
    return ok;
}

static gboolean
bit_name_ok(const char *name)
{
    return *name != '\0';
}

gboolean
validate_flowbits(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    if (value == NULL) {
        *error = g_strdup("needs a command (set, isset, ...)");
        return FALSE;
    }
    char **parts = g_strsplit(value, ",", 2);
    char *cmd = g_strstrip(parts[0]);
    char *name = parts[1] ? g_strstrip(parts[1]) : NULL;
    gboolean ok = TRUE;
    if (strcmp(cmd, "noalert") == 0) {
        ok = name == NULL;
        if (!ok)
            *error = g_strdup("'noalert' takes no name");
    } else if (!strcmp(cmd, "set") || !strcmp(cmd, "unset") || !strcmp(cmd, "toggle") ||
               !strcmp(cmd, "isset") || !strcmp(cmd, "isnotset")) {
        gboolean check = !strcmp(cmd, "isset") || !strcmp(cmd, "isnotset");
        if (name == NULL || *name == '\0') {
            *error = g_strdup_printf("'%s' needs a flowbit name", cmd);
            ok = FALSE;
        } else {
            char **names = g_strsplit_set(name, "|&", -1);
            for (int i = 0; ok && names[i]; i++)
                ok = bit_name_ok(g_strstrip(names[i]));
            (void)check;
            g_strfreev(names);
            if (!ok)
                *error = g_strdup_printf("invalid flowbit name '%s'", name);
        }
    } else {
        *error = g_strdup_printf("unknown flowbits command '%s'", cmd);
        ok = FALSE;
    }
    g_strfreev(parts);
    return ok;
}

gboolean
validate_xbits(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    char **p = g_strsplit(value, ",", -1);
    guint n = g_strv_length(p);
    /* xbits needs "track ..."; hostbits takes an optional src|dst|both. */
    gboolean hostbits = strcmp(parser->kw->canonical, "hostbits") == 0;
    gboolean ok = n >= (hostbits ? 2u : 3u);
    if (ok) {
        char *cmd = g_strstrip(p[0]);
        ok = !strcmp(cmd, "set") || !strcmp(cmd, "unset") || !strcmp(cmd, "toggle") ||
             !strcmp(cmd, "isset") || !strcmp(cmd, "isnotset");
    }
    if (ok && n >= 3 && hostbits) {
        char *dir = g_strstrip(p[2]);
        ok = !strcmp(dir, "src") || !strcmp(dir, "dst") || !strcmp(dir, "both") ||
             !strcmp(dir, "pair") || g_str_has_prefix(dir, "expire");
    } else if (ok && n >= 3) {
        char *track = g_strstrip(p[2]);
        ok = g_str_has_prefix(track, "track ");
        if (ok) {
            char *what = g_strstrip(track + 6);
            ok = !strcmp(what, "ip_src") || !strcmp(what, "ip_dst") || !strcmp(what, "ip_pair") ||
                 !strcmp(what, "tx");
        }
    }
    g_strfreev(p);
    if (!ok)
        *error = g_strdup("expected 'command,name,track ip_src|ip_dst|ip_pair[,expire N]'");
    return ok;
}

gboolean
validate_flowint(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    static const char *const ops[] = {
        "=", "+", "-", "==", "!=", "<", ">", "<=", ">=", "isset", "isnotset", "notset", NULL,
    };
    char **p = g_strsplit(value, ",", -1);
    guint n = g_strv_length(p);
    gboolean ok = n >= 2 && *g_strstrip(p[0]) != '\0';
    if (ok) {
        const char *op = g_strstrip(p[1]);
        ok = FALSE;
        for (const char *const *o = ops; *o; o++)
            if (strcmp(*o, op) == 0)
                ok = TRUE;
        gboolean unary =
            ok && (!strcmp(op, "isset") || !strcmp(op, "isnotset") || !strcmp(op, "notset"));
        ok = ok && (unary ? n == 2 : n == 3 && *g_strstrip(p[2]) != '\0');
    }
    g_strfreev(p);
    if (!ok)
        *error = g_strdup("expected 'name, operator, value' or 'name, isset|isnotset'");
    return ok;
}

gboolean
validate_stream_size(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    char **p = g_strsplit(value, ",", -1);
    gboolean ok = g_strv_length(p) == 3;
    if (ok) {
        char *side = g_strstrip(p[0]);
        char *op = g_strstrip(p[1]);
        guint64 v;
        ok = (!strcmp(side, "server") || !strcmp(side, "client") || !strcmp(side, "both") ||
              !strcmp(side, "either")) &&
             (!strcmp(op, "<") || !strcmp(op, ">") || !strcmp(op, "=") || !strcmp(op, "!=") ||
              !strcmp(op, "<=") || !strcmp(op, ">=")) &&
             parse_uint(p[2], G_MAXUINT32, &v);
    }
    g_strfreev(p);
    if (!ok)
        *error = g_strdup("expected 'server|client|both|either, operator, number'");
    return ok;
}

/* threshold and detection_filter: "key value" pairs separated by commas. */
static gboolean
threshold_pairs(const char *value, gboolean need_type, char **error)
{
    char **p = g_strsplit(value, ",", -1);
    gboolean type = FALSE, track = FALSE, count = FALSE, seconds = FALSE, ok = TRUE;
    for (int i = 0; ok && p[i]; i++) {
        char *item = g_strstrip(p[i]);
        char **kv = g_strsplit_set(item, " \t", 2);
        char *key = kv[0];
        /* An empty item (",count 1" or "a,,b") splits into no element at
         * all: kv[1] is then past the end (fuzzed: heap over-read). */
        char *arg = key && kv[1] ? g_strstrip(kv[1]) : NULL;
        guint64 v;
        if (arg == NULL) {
            ok = FALSE;
        } else if (!strcmp(key, "type") && need_type) {
            type = ok = !strcmp(arg, "limit") || !strcmp(arg, "threshold") ||
                        !strcmp(arg, "both") || !strcmp(arg, "backoff");
        } else if (!strcmp(key, "track")) {
            track = ok = !strcmp(arg, "by_src") || !strcmp(arg, "by_dst") ||
                         !strcmp(arg, "by_rule") || !strcmp(arg, "by_both") ||
                         !strcmp(arg, "by_flow");
        } else if (!strcmp(key, "count")) {
            count = ok = parse_uint(arg, G_MAXUINT32, &v) && v > 0;
        } else if (!strcmp(key, "seconds")) {
            seconds = ok = parse_uint(arg, G_MAXUINT32, &v);
        } else if (!strcmp(key, "multiplier")) {
            ok = parse_uint(arg, G_MAXUINT32, &v);
        } else {
            ok = FALSE;
        }
        g_strfreev(kv);
    }
    g_strfreev(p);
    if (ok && !(track && count && seconds && (type || !need_type)))
        ok = FALSE;
    if (!ok)
        *error = g_strdup(
            need_type
                ? "expected 'type limit|threshold|both, track by_src|by_dst|by_rule|by_both, count N, seconds N'"
                : "expected 'track by_src|by_dst|by_rule|by_both, count N, seconds N'");
    return ok;
}

gboolean
validate_threshold(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    if (parser->seen_threshold || parser->seen_detection_filter) {
        *error =
            g_strdup(parser->seen_threshold ? "a rule may have only one threshold"
                                            : "threshold and detection_filter cannot be combined");
        return FALSE;
    }
    parser->seen_threshold = TRUE;
    return threshold_pairs(value, TRUE, error);
}

gboolean
validate_detection_filter(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    if (parser->seen_threshold || parser->seen_detection_filter) {
        *error = g_strdup(parser->seen_detection_filter
                              ? "a rule may have only one detection_filter"
                              : "threshold and detection_filter cannot be combined");
        return FALSE;
    }
    parser->seen_detection_filter = TRUE;
    return threshold_pairs(value, FALSE, error);
}

gboolean
validate_tag(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    char **p = g_strsplit(value, ",", -1);
    char *kind = g_strstrip(p[0]);
    gboolean ok = !strcmp(kind, "session") || !strcmp(kind, "host");
    g_strfreev(p);
    if (!ok)
        *error = g_strdup("expected 'session[,count,metric]' or 'host,count,metric,src|dst'");
    return ok;
}
