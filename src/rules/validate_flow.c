/*
 * validate_flow.c - flow state and cross-packet keywords: flow, flowbits,
 * xbits, hostbits, flowint, flowvar, pktvar, stream_size, threshold,
 * detection_filter, tag, flow.age.  Each mirrors the Setup and Parse
 * functions named above it (Suricata 7.0.10), with their regexes.
 */
#include <string.h>

#include "rules/parser_state.h"
#include "rules/sc_parse.h"
#include "rules/validate.h"

/* Suricata's DETECT_FLOW_FLAG_* under the names of the one parsed form of
 * flow that the checks read (Rule.flow, rule.h). */
enum {
    FL_TOSERVER = RULE_FLOW_TO_SERVER,
    FL_TOCLIENT = RULE_FLOW_TO_CLIENT,
    FL_ESTABLISHED = RULE_FLOW_ESTABLISHED,
    FL_NOT_ESTABLISHED = RULE_FLOW_NOT_ESTABLISHED,
    FL_STATELESS = RULE_FLOW_STATELESS,
    FL_ONLYSTREAM = RULE_FLOW_ONLY_STREAM,
    FL_NOSTREAM = RULE_FLOW_NO_STREAM,
    FL_ONLY_FRAG = RULE_FLOW_ONLY_FRAG,
    FL_NO_FRAG = RULE_FLOW_NO_FRAG,
};

/* DetectFlowSetup / DetectFlowParse (detect-flow.c) */
gboolean
validate_flow(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re =
        SC_REGEX("^\\s*([A-z_]+)\\s*(?:,\\s*([A-z_]+))?\\s*(?:,\\s*([A-z_]+))?\\s*$");
    static const struct {
        const char *name;
        guint bit, conflicts;
    } opts[] = {
        { "established", FL_ESTABLISHED, FL_NOT_ESTABLISHED | FL_STATELESS },
        { "not_established", FL_NOT_ESTABLISHED, FL_ESTABLISHED },
        { "stateless", FL_STATELESS, FL_ESTABLISHED },
        { "to_client", FL_TOCLIENT, FL_TOSERVER },
        { "from_server", FL_TOCLIENT, FL_TOSERVER },
        { "to_server", FL_TOSERVER, FL_TOCLIENT },
        { "from_client", FL_TOSERVER, FL_TOCLIENT },
        { "only_stream", FL_ONLYSTREAM, FL_NOSTREAM },
        { "no_stream", FL_NOSTREAM, FL_ONLYSTREAM },
        { "no_frag", FL_NO_FRAG, FL_ONLY_FRAG },
        { "only_frag", FL_ONLY_FRAG, FL_NO_FRAG },
    };
    Sig *s = &p->sig;
    if (s->init_flags & SIGI_FLOW) {
        *error = g_strdup("a rule may have only one flow option");
        return FALSE;
    }
    pcre2_match_data *md = NULL;
    int rc = sc_regex_exec(&re, value, &md);
    if (rc < 1 || rc > 4) {
        pcre2_match_data_free(md);
        *error = g_strdup_printf("'%s' is not a list of at most three flow options", value);
        return FALSE;
    }
    guint flags = 0;
    gboolean ok = TRUE;
    for (int i = 1; ok && i < rc; i++) {
        char arg[16];
        if ((i == 1 ? sc_substr_copy_opt(md, i, arg, sizeof arg)
                    : sc_substr_copy(md, i, arg, sizeof arg)) < 0) {
            *error = g_strdup("unknown flow option");
            ok = FALSE;
            break;
        }
        if (arg[0] == '\0')
            continue;
        guint bit = 0, conflicts = 0;
        for (guint k = 0; k < G_N_ELEMENTS(opts); k++)
            if (g_ascii_strcasecmp(arg, opts[k].name) == 0) {
                bit = opts[k].bit;
                conflicts = opts[k].conflicts;
            }
        if (bit == 0) {
            *error = g_strdup_printf("unknown flow option '%s'", arg);
            ok = FALSE;
        } else if (flags & bit) {
            *error = g_strdup_printf("flow option '%s' given twice", arg);
            ok = FALSE;
        } else if (flags & conflicts) {
            *error = g_strdup_printf("flow option '%s' contradicts an earlier one", arg);
            ok = FALSE;
        }
        flags |= bit;
    }
    pcre2_match_data_free(md);
    if (!ok)
        return FALSE;
    p->rule->flow |= flags; /* the one parsed form (rule.h) */
    if (flags & FL_TOSERVER)
        s->flags |= SIGF_TOSERVER;
    else if (flags & FL_TOCLIENT)
        s->flags |= SIGF_TOCLIENT;
    else
        s->flags |= SIGF_TOSERVER | SIGF_TOCLIENT;
    if (flags & FL_ONLYSTREAM)
        s->flags |= SIGF_REQUIRE_STREAM;
    if (flags & FL_NOSTREAM)
        s->flags |= SIGF_REQUIRE_PACKET;
    else if (flags == FL_TOSERVER || flags == FL_TOCLIENT)
        return TRUE; /* a direction alone adds no match (and no "flow" flag) */
    else
        s->init_flags |= SIGI_FLOW;
    SigMatch *sm = sig_match_new(s, SM_FLOW, "flow");
    sm->prefilter_ok = TRUE;
    return sig_append(s, sm, SIG_LIST_MATCH, error);
}

static gboolean
bit_cmd(const char *cmd, gboolean *check)
{
    *check = strcmp(cmd, "isset") == 0 || strcmp(cmd, "isnotset") == 0;
    return *check || strcmp(cmd, "set") == 0 || strcmp(cmd, "unset") == 0 ||
           strcmp(cmd, "toggle") == 0;
}

/* DetectFlowbitSetup / DetectFlowbitParse / FlowbitOrAddData (detect-flowbits.c) */
gboolean
validate_flowbits(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re = SC_REGEX("^([a-z]+)(?:,\\s*(.*))?");
    pcre2_match_data *md = NULL;
    char cmd[16] = "", name[256] = "";
    int rc = sc_regex_exec(&re, value, &md);
    gboolean ok = (rc == 2 || rc == 3) && sc_substr_copy(md, 1, cmd, sizeof cmd) >= 0 &&
                  (rc != 3 || sc_substr_copy(md, 2, name, sizeof name) >= 0);
    pcre2_match_data_free(md);
    if (!ok) {
        *error = g_strdup_printf("'%s' is not 'command[,name]'", value);
        return FALSE;
    }
    gsize n = strlen(name);
    while (n > 0 && (name[n - 1] == ' ' || name[n - 1] == '\t'))
        name[--n] = '\0';
    gboolean or_list = strchr(name, '|') != NULL;
    if (!or_list && (strchr(name, ' ') || strchr(name, '\t'))) {
        *error = g_strdup("flowbit names cannot contain spaces");
        return FALSE;
    }
    if (strcmp(cmd, "noalert") == 0) {
        if (name[0]) {
            *error = g_strdup("'noalert' takes no flowbit name");
            return FALSE;
        }
        return TRUE;
    }
    gboolean check;
    if (!bit_cmd(cmd, &check)) {
        *error = g_strdup_printf("unknown flowbits command '%s' (set, unset, toggle, isset, "
                                 "isnotset, noalert)",
                                 cmd);
        return FALSE;
    }
    if (name[0] == '\0') {
        *error = g_strdup_printf("'%s' needs a flowbit name", cmd);
        return FALSE;
    }
    if (or_list) {
        int count = 0;
        char **parts = g_strsplit(name, "|", -1);
        for (int i = 0; parts[i]; i++) {
            char *t = g_strstrip(parts[i]);
            if (*t == '\0')
                continue;
            if (strchr(t, ' ')) {
                *error = g_strdup("flowbit names cannot contain spaces");
                g_strfreev(parts);
                return FALSE;
            }
            if (count++ == 100) {
                *error = g_strdup("at most 100 flowbits may be or-ed");
                g_strfreev(parts);
                return FALSE;
            }
        }
        g_strfreev(parts);
        if (count == 0) {
            *error = g_strdup("no flowbit name in the list");
            return FALSE;
        }
    }
    SigMatch *sm = sig_match_new(&p->sig, SM_OTHER, "flowbits");
    return sig_append(&p->sig, sm, check ? SIG_LIST_MATCH : SIG_LIST_POSTMATCH, error);
}

/* DetectXbitSetup / DetectXbitParse (detect-xbits.c) */
gboolean
validate_xbits(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re = SC_REGEX("^([a-z]+)"
                                 "(?:,\\s*([^,]+))?"
                                 "(?:,\\s*(?:track\\s+([^,]+)))"
                                 "(?:,\\s*(?:expire\\s+([^,]+)))?");
    pcre2_match_data *md = NULL;
    char cmd[16] = "", name[256] = "", dir[16] = "", exp[16] = "";
    int rc = sc_regex_exec(&re, value, &md);
    gboolean ok = rc >= 2 && rc <= 5 && sc_substr_copy(md, 1, cmd, sizeof cmd) >= 0;
    if (ok && rc >= 3)
        ok = sc_substr_copy(md, 2, name, sizeof name) >= 0;
    if (ok && rc >= 4)
        ok = sc_substr_copy(md, 3, dir, sizeof dir) >= 0;
    if (ok && rc >= 5)
        ok = sc_substr_copy(md, 4, exp, sizeof exp) >= 0;
    pcre2_match_data_free(md);
    if (!ok) {
        *error = g_strdup_printf("'%s' is not 'command,name,track ip_src|ip_dst|ip_pair"
                                 "[,expire N]'",
                                 value);
        return FALSE;
    }
    if (dir[0] && strcmp(dir, "ip_src") != 0 && strcmp(dir, "ip_dst") != 0 &&
        strcmp(dir, "ip_pair") != 0) {
        *error = g_strdup_printf("'%s' is not ip_src, ip_dst or ip_pair", dir);
        return FALSE;
    }
    if (rc >= 5) {
        guint32 e;
        if (!sc_parse_u32(&e, 10, 0, exp) || e == 0) {
            *error = g_strdup_printf("expire '%s' is not a number above 0", exp);
            return FALSE;
        }
    }
    if (strcmp(cmd, "noalert") == 0) {
        if (name[0]) {
            *error = g_strdup("'noalert' takes no name");
            return FALSE;
        }
        return TRUE;
    }
    gboolean check;
    if (!bit_cmd(cmd, &check)) {
        *error = g_strdup_printf("unknown xbits command '%s'", cmd);
        return FALSE;
    }
    if (name[0] == '\0') {
        *error = g_strdup_printf("'%s' needs a name", cmd);
        return FALSE;
    }
    SigMatch *sm = sig_match_new(&p->sig, SM_OTHER, "xbits");
    return sig_append(&p->sig, sm, check ? SIG_LIST_MATCH : SIG_LIST_POSTMATCH, error);
}

/* DetectHostbitSetup / DetectHostbitParse (detect-hostbits.c) */
gboolean
validate_hostbits(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re = SC_REGEX("^([a-z]+)"
                                 "(?:\\s*,\\s*([^\\s,]+))?(?:\\s*)?"
                                 "(?:\\s*,\\s*([^,\\s]+))?(?:\\s*)?"
                                 "(.+)?");
    pcre2_match_data *md = NULL;
    char cmd[16] = "", name[256] = "", dir[16] = "";
    int rc = sc_regex_exec(&re, value, &md);
    gboolean ok = (rc == 2 || rc == 3 || rc == 4) && sc_substr_copy(md, 1, cmd, sizeof cmd) >= 0;
    if (ok && rc >= 3)
        ok = sc_substr_copy(md, 2, name, sizeof name) >= 0;
    if (ok && rc >= 4)
        ok = sc_substr_copy(md, 3, dir, sizeof dir) >= 0;
    pcre2_match_data_free(md);
    if (!ok) {
        *error = g_strdup_printf("'%s' is not 'command[,name[,src|dst]]'", value);
        return FALSE;
    }
    if (dir[0] && strcmp(dir, "src") != 0 && strcmp(dir, "dst") != 0) {
        *error = g_strdup_printf(strcmp(dir, "both") == 0 ? "hostbits direction 'both' is not "
                                                            "implemented"
                                                          : "'%s' is not src or dst",
                                 dir);
        return FALSE;
    }
    if (strcmp(cmd, "noalert") == 0) {
        if (name[0]) {
            *error = g_strdup("'noalert' takes no name");
            return FALSE;
        }
        return TRUE;
    }
    gboolean check;
    if (!bit_cmd(cmd, &check)) {
        *error = g_strdup_printf("unknown hostbits command '%s'", cmd);
        return FALSE;
    }
    if (name[0] == '\0') {
        *error = g_strdup_printf("'%s' needs a name", cmd);
        return FALSE;
    }
    SigMatch *sm = sig_match_new(&p->sig, SM_OTHER, "hostbits");
    return sig_append(&p->sig, sm, check ? SIG_LIST_MATCH : SIG_LIST_POSTMATCH, error);
}

/* DetectFlowintSetup / DetectFlowintParse (detect-flowint.c) */
gboolean
validate_flowint(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re = SC_REGEX(
        "^\\s*([a-zA-Z][\\w\\d_./]+)\\s*,\\s*([+=-]{1}|==|!=|<|<=|>|>=|isset|notset|isnotset)"
        "\\s*,?\\s*([a-zA-Z][\\w\\d]+|[\\d]{1,10})?\\s*$");
    pcre2_match_data *md = NULL;
    int rc = sc_regex_exec(&re, value, &md);
    if (rc < 3 || rc > 4) {
        pcre2_match_data_free(md);
        *error = g_strdup_printf("'%s' is not 'name, operator[, value]'", value);
        return FALSE;
    }
    char *mod = sc_substr_get(md, 2);
    char *val = rc >= 4 ? sc_substr_get(md, 3) : NULL;
    pcre2_match_data_free(md);
    gboolean unary =
        strcmp(mod, "isset") == 0 || strcmp(mod, "notset") == 0 || strcmp(mod, "isnotset") == 0;
    gboolean known = unary || strcmp(mod, "=") == 0 || strcmp(mod, "+") == 0 ||
                     strcmp(mod, "-") == 0 || strcmp(mod, "<") == 0 || strcmp(mod, "<=") == 0 ||
                     strcmp(mod, "!=") == 0 || strcmp(mod, "==") == 0 || strcmp(mod, ">=") == 0 ||
                     strcmp(mod, ">") == 0;
    gboolean ok = known;
    if (!known)
        *error = g_strdup_printf("unknown flowint operator '%s'", mod);
    if (ok && !unary) {
        if (val == NULL || val[0] == '\0') {
            *error = g_strdup_printf("operator '%s' needs a value", mod);
            ok = FALSE;
        } else if (g_ascii_isdigit(val[0]) && g_ascii_strtoull(val, NULL, 10) > G_MAXUINT32) {
            *error = g_strdup_printf("%s is above 4294967295", val);
            ok = FALSE;
        }
    }
    gboolean post = strcmp(mod, "=") == 0 || strcmp(mod, "+") == 0 || strcmp(mod, "-") == 0;
    g_free(mod);
    g_free(val);
    if (!ok)
        return FALSE;
    SigMatch *sm = sig_match_new(&p->sig, SM_OTHER, "flowint");
    return sig_append(&p->sig, sm, post ? SIG_LIST_POSTMATCH : SIG_LIST_MATCH, error);
}

/* DetectFlowvarSetup (detect-flowvar.c) and DetectPktvarSetup
 * (detect-pktvar.c): "name,content", split at the last comma. */
static gboolean
var_content(RuleParser *p, const char *value, gboolean flowvar, char **error)
{
    static ScRegex re = SC_REGEX("(.*),(.*)");
    pcre2_match_data *md = NULL;
    int rc = sc_regex_exec(&re, value, &md);
    char name[64], content[64];
    char *cont = NULL;
    gboolean ok = rc == 3;
    if (ok && flowvar)
        ok = sc_substr_copy(md, 1, name, sizeof name) >= 0 &&
             sc_substr_copy(md, 2, content, sizeof content) >= 0;
    else if (ok)
        cont = sc_substr_get(md, 2);
    pcre2_match_data_free(md);
    if (!ok) {
        *error = g_strdup_printf("'%s' is not 'name,content'", value);
        return FALSE;
    }
    char *c = flowvar ? g_strdup(content) : cont;
    gsize n = strlen(c);
    char *start = c;
    if (flowvar) {
        if (n >= 2) {
            if (c[0] == '"')
                start++;
            if (c[n - 1] == '"')
                c[n - 1] = '\0';
        }
    } else if (n >= 2 && c[0] == '"' && c[n - 1] == '"') {
        start++;
        c[n - 1] = '\0';
    }
    GByteArray *bytes = g_byte_array_new();
    int off = 0;
    ok = content_data_parse(flowvar ? "flowvar" : "pktvar", start, bytes, error, &off);
    g_byte_array_free(bytes, TRUE);
    g_free(c);
    if (!ok)
        return FALSE;
    SigMatch *sm = sig_match_new(&p->sig, SM_OTHER, flowvar ? "flowvar" : "pktvar");
    return sig_append(&p->sig, sm, SIG_LIST_MATCH, error);
}

gboolean
validate_flowvar(RuleParser *p, const char *value, char **error, int *error_offset)
{
    return var_content(p, value, TRUE, error);
}

gboolean
validate_pktvar(RuleParser *p, const char *value, char **error, int *error_offset)
{
    return var_content(p, value, FALSE, error);
}

/* DetectStreamSizeSetup / detect_parse_stream_size (rust/src/detect/stream_size.rs) */
gboolean
validate_stream_size(RuleParser *p, const char *value, char **error, int *error_offset)
{
    const char *s = value;
    while (*s == ' ')
        s++;
    const char *w = s;
    while (g_ascii_isalpha(*s))
        s++;
    char *side = g_strndup(w, (gsize)(s - w));
    gboolean ok = strcmp(side, "server") == 0 || strcmp(side, "client") == 0 ||
                  strcmp(side, "both") == 0 || strcmp(side, "either") == 0;
    g_free(side);
    while (ok && *s == ' ')
        s++;
    ok = ok && *s++ == ',';
    while (ok && *s == ' ')
        s++;
    if (ok) {
        /* detect_parse_uint_mode */
        if (strncmp(s, ">=", 2) == 0 || strncmp(s, "<=", 2) == 0 || strncmp(s, "!=", 2) == 0)
            s += 2;
        else if (*s == '>' || *s == '<' || *s == '!' || *s == '=')
            s++;
        else
            ok = FALSE;
    }
    while (ok && *s == ' ')
        s++;
    ok = ok && *s++ == ',';
    while (ok && *s == ' ')
        s++;
    if (ok) {
        const char *d = s;
        guint64 v = 0;
        while (g_ascii_isdigit(*s)) {
            v = v * 10 + (guint64)(*s - '0');
            if (v > G_MAXUINT32)
                ok = FALSE;
            s++;
        }
        ok = ok && s > d;
        while (ok && *s == ' ')
            s++;
        ok = ok && *s == '\0';
    }
    if (!ok) {
        *error =
            g_strdup_printf("'%s' is not 'server|client|both|either, operator, number'", value);
        return FALSE;
    }
    SigMatch *sm = sig_match_new(&p->sig, SM_STREAM_SIZE, "stream_size");
    sm->prefilter_ok = TRUE;
    return sig_append(&p->sig, sm, SIG_LIST_MATCH, error);
}

/* The first pass of DetectThresholdParse / DetectDetectionFilterParse:
 * each of these words must appear in exactly one comma item. */
static int
items_with(const char *value, const char *word)
{
    int n = 0;
    char **items = g_strsplit(value, ",", -1);
    for (int i = 0; items[i]; i++)
        if (items[i][0] && strstr(items[i], word))
            n++;
    g_strfreev(items);
    return n;
}

static gboolean
count_seconds(pcre2_match_data *md, int rc, gboolean *zero_ok)
{
    int count_pos = 0, seconds_pos = 0;
    char *args[9] = { 0 };
    for (int i = 0; i < rc - 1 && i < 9; i++) {
        args[i] = sc_substr_get(md, i + 1);
        if (args[i] && g_ascii_strncasecmp(args[i], "count", 5) == 0)
            count_pos = i + 1;
        if (args[i] && g_ascii_strncasecmp(args[i], "seconds", 7) == 0)
            seconds_pos = i + 1;
    }
    guint32 count = 0, seconds = 0;
    gboolean ok = count_pos < 9 && seconds_pos < 9 && args[count_pos] && args[seconds_pos] &&
                  sc_parse_u32(&count, 10, strlen(args[count_pos]), args[count_pos]) &&
                  sc_parse_u32(&seconds, 10, strlen(args[seconds_pos]), args[seconds_pos]);
    if (ok && !*zero_ok && (count == 0 || seconds == 0))
        ok = FALSE;
    *zero_ok = count == 0 || seconds == 0;
    for (int i = 0; i < 9; i++)
        g_free(args[i]);
    return ok;
}

/* DetectThresholdSetup / DetectThresholdParse (detect-threshold.c) */
gboolean
validate_threshold(RuleParser *p, const char *value, char **error, int *error_offset)
{
#define KV "(track|type|count|seconds)\\s+(limit|both|threshold|by_dst|by_src|by_both|by_rule|\\d+)"
    static ScRegex re = SC_REGEX("^\\s*" KV "\\s*,\\s*" KV "\\s*,\\s*" KV "\\s*,\\s*" KV "\\s*");
#undef KV
    static const SmType T[] = { SM_THRESHOLD, SM_DETECTION_FILTER, SM_OTHER };
    SigMatch *prev = sig_last_from_lists(&p->sig, T);
    if (prev != NULL) {
        *error = g_strdup(prev->type == SM_DETECTION_FILTER
                              ? "threshold and detection_filter cannot be combined"
                              : "a rule may have only one threshold");
        return FALSE;
    }
    const char *usage = "expected 'type limit|threshold|both, track by_src|by_dst|by_both|by_rule, "
                        "count N, seconds N'";
    if (items_with(value, "count") != 1 || items_with(value, "second") != 1 ||
        items_with(value, "type") != 1 || items_with(value, "track") != 1) {
        *error = g_strdup(usage);
        return FALSE;
    }
    pcre2_match_data *md = NULL;
    int rc = sc_regex_exec(&re, value, &md);
    gboolean zero_ok = TRUE;
    gboolean ok = rc >= 5 && count_seconds(md, rc, &zero_ok);
    pcre2_match_data_free(md);
    if (!ok) {
        *error = g_strdup(usage);
        return FALSE;
    }
    SigMatch *sm = sig_match_new(&p->sig, SM_THRESHOLD, "threshold");
    return sig_append(&p->sig, sm, SIG_LIST_THRESHOLD, error);
}

/* DetectDetectionFilterSetup / DetectDetectionFilterParse (detect-detection-filter.c) */
gboolean
validate_detection_filter(RuleParser *p, const char *value, char **error, int *error_offset)
{
#define KV "(track|count|seconds)\\s+(by_src|by_dst|\\d+)"
    static ScRegex re = SC_REGEX("^\\s*" KV "\\s*,\\s*" KV "\\s*,\\s*" KV "\\s*$");
#undef KV
    static const SmType T_TH[] = { SM_THRESHOLD, SM_OTHER };
    static const SmType T_DF[] = { SM_DETECTION_FILTER, SM_OTHER };
    if (sig_last_from_lists(&p->sig, T_TH) != NULL) {
        *error = g_strdup("threshold and detection_filter cannot be combined");
        return FALSE;
    }
    if (sig_last_from_lists(&p->sig, T_DF) != NULL) {
        *error = g_strdup("a rule may have only one detection_filter");
        return FALSE;
    }
    const char *usage = "expected 'track by_src|by_dst, count N, seconds N' (count and seconds "
                        "above 0)";
    if (items_with(value, "count") != 1 || items_with(value, "second") != 1 ||
        items_with(value, "track") != 1) {
        *error = g_strdup(usage);
        return FALSE;
    }
    pcre2_match_data *md = NULL;
    int rc = sc_regex_exec(&re, value, &md);
    gboolean zero_ok = FALSE;
    gboolean ok = rc >= 5 && count_seconds(md, rc, &zero_ok);
    pcre2_match_data_free(md);
    if (!ok) {
        *error = g_strdup(usage);
        return FALSE;
    }
    SigMatch *sm = sig_match_new(&p->sig, SM_DETECTION_FILTER, "detection_filter");
    return sig_append(&p->sig, sm, SIG_LIST_THRESHOLD, error);
}

/* DetectTagSetup / DetectTagParse (detect-tag.c) */
gboolean
validate_tag(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re =
        SC_REGEX("^\\s*(host|session)\\s*(,\\s*(\\d+)\\s*,\\s*(packets|bytes|seconds)"
                 "\\s*(,\\s*(src|dst))?\\s*)?$");
    pcre2_match_data *md = NULL;
    int rc = sc_regex_exec(&re, value, &md);
    gboolean ok = rc >= 1;
    if (ok && rc > 4) {
        char *count = sc_substr_get(md, 3);
        guint32 c;
        ok = count != NULL && sc_parse_u32(&c, 10, strlen(count), count);
        g_free(count);
    }
    pcre2_match_data_free(md);
    if (!ok) {
        *error = g_strdup("expected 'session|host[, count, packets|bytes|seconds[, src|dst]]'");
        return FALSE;
    }
    SigMatch *sm = sig_match_new(&p->sig, SM_OTHER, "tag");
    return sig_append(&p->sig, sm, SIG_LIST_TMATCH, error);
}

/* DetectFlowAgeSetup (detect-flow-age.c) */
gboolean
validate_flow_age(RuleParser *p, const char *value, char **error, int *error_offset)
{
    UintData u;
    if (!sc_uint_parse(value, 32, &u)) {
        *error = g_strdup_printf("'%s' is not a comparison (N, <N, >N, N-M ...) up to 4294967295",
                                 value);
        return FALSE;
    }
    SigMatch *sm = sig_match_new(&p->sig, SM_OTHER, "flow.age");
    sm->prefilter_ok = TRUE;
    p->sig.flags |= SIGF_REQUIRE_PACKET;
    return sig_append(&p->sig, sm, SIG_LIST_MATCH, error);
}
