/*
 * validate_pcre.c - pcre and pcrexform, mirroring DetectPcreSetup,
 * DetectPcreParse and DetectPcreParseCapture (detect-pcre.c) and
 * DetectTransformPcrexformSetup (detect-transform-pcrexform.c) of Suricata
 * 7.0.10: the "/regex/flags" split by Suricata's own regex, the buffer
 * selecting flags (U I P H D M C S Y V W Z Q), the "flow:NAME, pkt:NAME"
 * capture list after the regex, and the compile with PCRE2 as Suricata
 * compiles it (captures off unless named; a back-reference turns them on).
 */
#include <string.h>

#include "rules/parser_state.h"
#include "rules/sc_parse.h"
#include "rules/validate.h"

/* DetectPcreHasUpperCase: an uppercase letter outside escapes and \xHH. */
static gboolean
pcre_has_upper(const char *re)
{
    gboolean meta = FALSE, meta_hex = FALSE;
    int hex_cnt = 0;
    for (const char *c = re; *c; c++) {
        if (meta_hex) {
            if (++hex_cnt == 2) {
                meta_hex = FALSE;
                hex_cnt = 0;
            }
        } else if (meta) {
            if (*c == 'x')
                meta_hex = TRUE;
            else
                meta = FALSE;
        } else if (*c == '\\') {
            meta = TRUE;
        } else if (g_ascii_isupper(*c)) {
            return TRUE;
        }
    }
    return FALSE;
}

typedef struct {
    char flag;
    const char *buffer;
    gboolean rawbytes_conflict; /* "inconsistent with 'B'" */
} PcreBufferFlag;

static const PcreBufferFlag pcre_buffers[] = {
    { 'U', "http_uri", TRUE },         { 'V', "http_user_agent", TRUE },
    { 'W', "http_host", TRUE },        { 'Z', "http_raw_host", TRUE },
    { 'H', "http_header", TRUE },      { 'I', "http_raw_uri", TRUE },
    { 'D', "http_raw_header", FALSE }, { 'M', "http_method", TRUE },
    { 'C', "http_cookie", TRUE },      { 'P', "http_client_body", FALSE },
    { 'Q', "file_data", FALSE },       { 'Y', "http_stat_msg", FALSE },
    { 'S', "http_stat_code", FALSE },
};

#define PCRE_CAPTURE_MAX 8

/* DetectPcreParseCapture: the "flow:a, pkt:b" names and the (?P<flow_x>)
 * named groups. */
static gboolean
pcre_captures(const char *regexstr, pcre2_code *code, char *names, char **error)
{
    static ScRegex cap = { "\\(\\?P\\<([A-z]+)\\_([A-z0-9_]+)\\>", PCRE2_UNGREEDY, NULL, 0 };
    guint32 capture_cnt = 0;
    int idx = 0;
    if (pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &capture_cnt) == 0 && capture_cnt &&
        names[0]) {
        char *save = NULL;
        int name_idx = 0;
        gboolean key = FALSE;
        for (char *n = strtok_r(names, " ,", &save); n; n = strtok_r(NULL, " ,", &save)) {
            if (name_idx > (int)capture_cnt - 1) {
                *error = g_strdup("more flow/pkt capture names than capturing groups");
                return FALSE;
            }
            if (strcmp(n, "pkt:key") == 0) {
                key = TRUE;
                idx++;
            } else if (key && strcmp(n, "pkt:value") == 0) {
                key = FALSE;
            } else if (strcmp(n, "pkt:value") == 0 || key) {
                *error = g_strdup("pkt:key must be followed by pkt:value");
                return FALSE;
            } else if (strncmp(n, "flow:", 5) == 0 || strncmp(n, "pkt:", 4) == 0) {
                idx++;
            } else {
                *error = g_strdup_printf("capture name '%s' must start with 'pkt:' or 'flow:'", n);
                return FALSE;
            }
            if (++name_idx >= PCRE_CAPTURE_MAX)
                break;
        }
    }
    const char *s = regexstr;
    const char *right = regexstr + strlen(regexstr);
    for (;;) {
        pcre2_match_data *md = NULL;
        int rc = sc_regex_exec(&cap, s, &md);
        if (rc < 3) {
            pcre2_match_data_free(md);
            return TRUE;
        }
        char type[16];
        gsize caplen = strlen(s) + 1;
        char *capture = g_malloc(caplen);
        gboolean ok = sc_substr_copy(md, 1, type, sizeof type) == 0 &&
                      sc_substr_copy(md, 2, capture, caplen) == 0 && capture[0] && type[0];
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        s += ov[1];
        pcre2_match_data_free(md);
        g_free(capture);
        if (!ok) {
            *error = g_strdup("malformed named capture group");
            return FALSE;
        }
        if (idx >= PCRE_CAPTURE_MAX) {
            *error =
                g_strdup_printf("a rule may have at most %d flow/pkt captures", PCRE_CAPTURE_MAX);
            return FALSE;
        }
        if (strcmp(type, "pkt") == 0 || strcmp(type, "flow") == 0)
            idx++;
        if (s >= right)
            return TRUE;
    }
}

/* DetectPcreSetup (detect-pcre.c) */
gboolean
validate_pcre(RuleParser *p, const char *regexstr, char **error, int *error_offset)
{
    static ScRegex parse = SC_REGEX("(?<!\\\\)/(.*(?<!(?<!\\\\)\\\\))/([^\"]*)");
    Sig *s = &p->sig;
    gsize slen = strlen(regexstr) + 1;
    char *names = g_malloc0(strlen(regexstr) + 2);
    const char *fcap = strstr(regexstr, "flow:");
    const char *pcap = strstr(regexstr, "pkt:");
    if (fcap || pcap) {
        const char *cut = fcap && pcap ? MIN(fcap, pcap) : (fcap ? fcap : pcap);
        int cut_at = (int)(cut - regexstr);
        if (cut_at > 1) {
            int offset = cut_at - 1;
            while (offset && (regexstr[offset] == ',' || regexstr[offset] == ' '))
                offset--;
            if (cut_at != offset + 1) {
                slen = (gsize)offset + 1;
                strcpy(names, regexstr + cut_at);
                gsize nl = strlen(names);
                if (nl && names[nl - 1] == '"')
                    names[nl - 1] = '\0';
            }
        }
    }
    if (g_once_init_enter(&parse.once)) {
        int err = 0;
        PCRE2_SIZE off = 0;
        parse.code =
            pcre2_compile((PCRE2_SPTR)parse.pattern, PCRE2_ZERO_TERMINATED, 0, &err, &off, NULL);
        g_once_init_leave(&parse.once, 1);
    }
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(parse.code, NULL);
    /* Suricata matches slen bytes: the string and its NUL, or the part
     * before the capture names */
    int rc = pcre2_match(parse.code, (PCRE2_SPTR)regexstr, slen, 0, 0, md, NULL);
    if (rc <= 0) {
        pcre2_match_data_free(md);
        g_free(names);
        *error = g_strdup("expected \"/regex/flags\"");
        return FALSE;
    }
    char *re = g_malloc(slen);
    char op[64] = "";
    if (sc_substr_copy(md, 1, re, slen) < 0 ||
        (rc > 2 && sc_substr_copy(md, 2, op, sizeof op) < 0)) {
        pcre2_match_data_free(md);
        g_free(names);
        g_free(re);
        *error = g_strdup("the pcre flags are too long");
        return FALSE;
    }
    pcre2_match_data_free(md);

    guint32 opts = 0;
    gboolean rawbytes = FALSE, relative = FALSE, caseless = FALSE, host = FALSE;
    int sm_list = SIG_LIST_NOTSET;
    AppProto alproto = ALPROTO_UNKNOWN;
    gboolean ok = TRUE;
    for (const char *o = op; ok && *o; o++) {
        switch (*o) {
        case 'A': opts |= PCRE2_ANCHORED; continue;
        case 'E': opts |= PCRE2_DOLLAR_ENDONLY; continue;
        case 'G': opts |= PCRE2_UNGREEDY; continue;
        case 'i':
            opts |= PCRE2_CASELESS;
            caseless = TRUE;
            continue;
        case 'm': opts |= PCRE2_MULTILINE; continue;
        case 's': opts |= PCRE2_DOTALL; continue;
        case 'x': opts |= PCRE2_EXTENDED; continue;
        case 'O': continue;
        case 'B':
            if (sm_list != SIG_LIST_NOTSET) {
                *error = g_strdup("pcre flag 'B' conflicts with the buffer already chosen");
                ok = FALSE;
            }
            rawbytes = TRUE;
            continue;
        case 'R': relative = TRUE; continue;
        default: break;
        }
        const PcreBufferFlag *bf = NULL;
        for (guint i = 0; i < G_N_ELEMENTS(pcre_buffers); i++)
            if (pcre_buffers[i].flag == *o)
                bf = &pcre_buffers[i];
        if (bf == NULL) {
            g_free(*error);
            *error = g_strdup_printf("unknown pcre flag '%c'", *o);
            *error_offset = (int)(strrchr(regexstr, '/') - regexstr) + 1;
            ok = FALSE;
            break;
        }
        if (bf->rawbytes_conflict && rawbytes) {
            g_free(*error);
            *error = g_strdup_printf("pcre flag '%c' conflicts with 'B'", *o);
            ok = FALSE;
            break;
        }
        if (sm_list != SIG_LIST_NOTSET) {
            /* DetectPcreSetList: a second buffer flag; Suricata goes on
             * with an invalid list and fails at the end */
            if (sm_list != -1)
                *error = g_strdup("only one pcre flag may select a buffer");
            sm_list = -1;
        } else {
            sm_list = buffer_type_id(bf->buffer);
        }
        alproto = ALPROTO_HTTP1;
        if (*o == 'W')
            host = TRUE;
    }
    if (ok && sm_list == -1)
        ok = FALSE;
    if (ok && host && !caseless && pcre_has_upper(re)) {
        *error = g_strdup("the http host buffer is lowercase: a pcre with 'W' must not contain "
                          "uppercase letters");
        ok = FALSE;
    }
    pcre2_code *code = NULL;
    if (ok) {
        int err = 0;
        PCRE2_SIZE eoff = 0;
        guint32 copts = opts | (names[0] == '\0' ? PCRE2_NO_AUTO_CAPTURE : 0);
        code = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED, copts, &err, &eoff, NULL);
        if (code == NULL && err == 115) {
            copts &= ~PCRE2_NO_AUTO_CAPTURE;
            code = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED, copts, &err, &eoff, NULL);
        }
        if (code == NULL) {
            PCRE2_UCHAR msg[256];
            pcre2_get_error_message(err, msg, sizeof msg);
            *error = g_strdup_printf("the regex does not compile: %s", (const char *)msg);
            const char *slash = strchr(regexstr, '/');
            *error_offset = (slash ? (int)(slash - regexstr) + 1 : 0) + (int)eoff;
            ok = FALSE;
        }
    }
    if (ok && !pcre_captures(regexstr, code, names, error))
        ok = FALSE;
    if (code)
        pcre2_code_free(code);
    g_free(re);
    g_free(names);
    if (!ok)
        return FALSE;

    int list;
    if (s->list != SIG_LIST_NOTSET) {
        if (sm_list != SIG_LIST_NOTSET && sm_list != s->list) {
            *error = g_strdup_printf("the pcre flag selects buffer %s while sticky buffer %s is "
                                     "set; reset it with pkt_data",
                                     buffer_type_name(s, sm_list), buffer_type_name(s, s->list));
            return FALSE;
        }
        if (!sig_buffer_get_active(s, error))
            return FALSE;
        list = s->list;
    } else if (sm_list == SIG_LIST_NOTSET) {
        list = SIG_LIST_PMATCH;
    } else {
        if (alproto != ALPROTO_UNKNOWN) {
            if (s->alproto != ALPROTO_UNKNOWN && !alproto_equals(s->alproto, alproto)) {
                *error = g_strdup_printf("the pcre flag needs protocol http, the rule is %s",
                                         alproto_name(s->alproto));
                return FALSE;
            }
            if (!sig_set_alproto(s, alproto, error))
                return FALSE;
        }
        list = sm_list;
    }
    SigMatch *sm = sig_match_new(s, SM_PCRE, "pcre");
    if (relative)
        sm->flags |= PCRE_F_RELATIVE;
    if (!sig_append(s, sm, list, error))
        return FALSE;
    if (relative) {
        static const SmType cp[] = { SM_CONTENT, SM_PCRE, SM_OTHER };
        SigMatch *prev = sig_last_before(s, sm, cp);
        if (s->list == SIG_LIST_NOTSET && prev == NULL) {
            *error = g_strdup("pcre with /R (relative) needs a preceding match in the same buffer");
            return FALSE;
        }
    }
    return TRUE;
}

/* DetectTransformPcrexformSetup (detect-transform-pcrexform.c) */
gboolean
validate_pcrexform(RuleParser *p, const char *value, char **error, int *error_offset)
{
    int err = 0;
    PCRE2_SIZE eoff = 0;
    pcre2_code *code =
        pcre2_compile((PCRE2_SPTR)value, PCRE2_ZERO_TERMINATED, 0, &err, &eoff, NULL);
    if (code == NULL) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(err, msg, sizeof msg);
        *error = g_strdup_printf("the regex does not compile: %s", (const char *)msg);
        *error_offset = (int)eoff;
        return FALSE;
    }
    guint32 n = 0;
    pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &n);
    pcre2_code_free(code);
    if (n != 1) {
        *error = g_strdup_printf("pcrexform needs exactly one capture group, not %u", n);
        return FALSE;
    }
    return sig_add_transform(&p->sig, "pcrexform", value, error);
}
