/*
 * validate_app.c - the application-layer keywords that take a value:
 * app-layer-protocol, app-layer-event, decode/engine/stream-event, the
 * tls, ssl, ssh, dns, dcerpc, krb5, snmp, rfb, mqtt, http2, dhcp, ike, nfs,
 * ftp keywords, asn1, urilen, the file keywords, datasets, and the
 * keywords of protocols Suricata's default configuration disables.
 * Each mirrors the Setup function named above it (Suricata 7.0.10): most
 * set the protocol first (DetectSignatureSetAppProto), parse the value,
 * and append to their buffer, whose inspect engines give the rule its
 * direction (buffers_table.c).
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "rules/parser_state.h"
#include "rules/sc_parse.h"
#include "rules/validate.h"

static gboolean
set_kw_alproto(RuleParser *p, char **error)
{
    AppProto a = p->kw->alproto ? alproto_from_name(p->kw->alproto) : ALPROTO_UNKNOWN;
    return a == ALPROTO_UNKNOWN || sig_set_alproto(&p->sig, a, error);
}

/* SigMatchAppendSMToList(s, sm, <the keyword's buffer>) */
static gboolean
append_kw(RuleParser *p, SmType type, char **error)
{
    SigMatch *sm = sig_match_new(&p->sig, type, p->kw->canonical);
    int list = p->kw->buffer ? buffer_type_id(p->kw->buffer) : SIG_LIST_MATCH;
    if (list < 0) {
        g_free(sm);
        *error = g_strdup_printf("internal: unknown buffer '%s'", p->kw->buffer);
        return FALSE;
    }
    return sig_append(&p->sig, sm, list, error);
}

/* The Setup functions that are the protocol, a DetectU8/U32/U64Parse and
 * an append (http2.priority, dhcp.leasetime, ike.exchtype ...). */
static gboolean
app_uint(RuleParser *p, const char *value, int bits, gboolean inclusive, char **error)
{
    if (!set_kw_alproto(p, error))
        return FALSE;
    UintData u;
    if (!(inclusive ? sc_uint_parse_inclusive(value, bits, &u) : sc_uint_parse(value, bits, &u))) {
        *error = g_strdup_printf("'%s' is not a comparison (N, <N, >N, <=N, >=N, !N, N-M) of "
                                 "%d-bit numbers",
                                 value, bits);
        return FALSE;
    }
    return append_kw(p, SM_OTHER, error);
}

gboolean
validate_app_u8(RuleParser *p, const char *value, char **error, int *error_offset)
{
    return app_uint(p, value, 8, FALSE, error);
}

gboolean
validate_app_u32(RuleParser *p, const char *value, char **error, int *error_offset)
{
    return app_uint(p, value, 32, FALSE, error);
}

gboolean
validate_app_u64(RuleParser *p, const char *value, char **error, int *error_offset)
{
    return app_uint(p, value, 64, FALSE, error);
}

/* DetectNfsProcedureSetup, DetectNfsVersionSetup: rs_detect_u32_parse_inclusive */
gboolean
validate_app_u32_inclusive(RuleParser *p, const char *value, char **error, int *error_offset)
{
    return app_uint(p, value, 32, TRUE, error);
}

/* The keywords without a value that set a protocol and add a match
 * (ftpbounce, tls_cert_expired, tls_cert_valid, tls_store). */
gboolean
validate_app_flag(RuleParser *p, const char *value, char **error, int *error_offset)
{
    if (!set_kw_alproto(p, error))
        return FALSE;
    if (strcmp(p->kw->canonical, "tls_store") == 0) {
        SigMatch *sm = sig_match_new(&p->sig, SM_OTHER, "tls_store");
        return sig_append(&p->sig, sm, SIG_LIST_POSTMATCH, error);
    }
    return append_kw(p, SM_OTHER, error);
}

/* Keywords whose protocol is disabled in Suricata's default configuration
 * (modbus, dnp3, enip): DetectSignatureSetAppProto fails before the value
 * is read. */
gboolean
validate_disabled_proto(RuleParser *p, const char *value, char **error, int *error_offset)
{
    if (!set_kw_alproto(p, error))
        return FALSE;
    return append_kw(p, SM_OTHER, error);
}

/* DetectAppLayerProtocolSetup / DetectAppLayerProtocolParse
 * (detect-app-layer-protocol.c): it does not set the rule's protocol. */
gboolean
validate_app_layer_protocol(RuleParser *p, const char *value, char **error, int *error_offset)
{
    Sig *s = &p->sig;
    if (s->alproto != ALPROTO_UNKNOWN) {
        *error = g_strdup("the rule's protocol is already set (by its header, a keyword or an "
                          "earlier app-layer-protocol)");
        return FALSE;
    }
    AppProto a = strcmp(value, "failed") == 0 ? ALPROTO_FAILED : alproto_by_name_enabled(value);
    if (a == ALPROTO_UNKNOWN) {
        *error = g_strdup_printf("unknown application protocol '%s'", value);
        return FALSE;
    }
    gboolean neg = s->negated;
    for (guint k = 0; k < s->smlists[SIG_LIST_MATCH]->len; k++) {
        SigMatch *them = g_ptr_array_index(s->smlists[SIG_LIST_MATCH], k);
        if (them->type != SM_APP_LAYER_PROTOCOL)
            continue;
        if ((them->negated != neg) || !neg || them->alproto == a) {
            *error = g_strdup("a positive app-layer-protocol cannot be combined with another one, "
                              "with a negated one or with 'failed'");
            return FALSE;
        }
    }
    SigMatch *sm = sig_match_new(s, SM_APP_LAYER_PROTOCOL, "app-layer-protocol");
    sm->alproto = a;
    sm->negated = neg;
    sm->prefilter_ok = TRUE;
    return sig_append(s, sm, SIG_LIST_MATCH, error);
}

/* DetectAppLayerEventSetup (detect-app-layer-event.c): an event name a
 * protocol does not have makes Suricata skip the rule with a warning
 * (-3), not fail. */
gboolean
validate_app_layer_event(RuleParser *p, const char *value, char **error, int *error_offset)
{
    Sig *s = &p->sig;
    while (g_ascii_isspace(*value))
        value++;
    const char *dot = strchr(value, '.');
    if (dot == NULL) {
        if (!rule_pkt_event_known(value)) {
            *error = g_strdup_printf("unknown app-layer event '%s' (packet events are the "
                                     "applayer_* ones; others are PROTO.event)",
                                     value);
            return FALSE;
        }
        SigMatch *sm = sig_match_new(s, SM_OTHER, "app-layer-event");
        return sig_append(s, sm, SIG_LIST_MATCH, error);
    }
    if (strlen(value) > 50) {
        *error = g_strdup("the app-layer event name is too long");
        return FALSE;
    }
    char *proto = g_strndup(value, (gsize)(dot - value));
    const char *event = dot + 1;
    AppProto a = alproto_by_name_enabled(proto);
    if (a == ALPROTO_HTTP)
        a = ALPROTO_HTTP1;
    gboolean file = a == ALPROTO_UNKNOWN && strcmp(proto, "file") == 0;
    if (a == ALPROTO_UNKNOWN && !file) {
        *error = g_strdup_printf("unknown protocol '%s' in app-layer event", proto);
        g_free(proto);
        return FALSE;
    }
    g_free(proto);
    if (strcmp(value, "tls.certificate_missing_element") == 0 ||
        strcmp(value, "tls.certificate_unknown_element") == 0 ||
        strcmp(value, "tls.certificate_invalid_string") == 0) {
        p->skip_reason = g_strdup_printf("Suricata 7 no longer supports app-layer event %s and "
                                         "skips the rule",
                                         value);
        return TRUE;
    }
    if (!sig_proto_contains(&s->proto, 6) && !sig_proto_contains(&s->proto, 17)) {
        *error = g_strdup("app-layer events need a TCP or UDP rule");
        return FALSE;
    }
    if (rule_app_event_known(file ? ALPROTO_UNKNOWN : a, event) != 1) {
        p->skip_reason = g_strdup_printf("%s has no event '%s': Suricata warns and skips the "
                                         "rule",
                                         file ? "file" : alproto_name(a), event);
        return TRUE;
    }
    if (!sig_set_alproto(s, file ? ALPROTO_UNKNOWN : a, error))
        return FALSE;
    SigMatch *sm = sig_match_new(s, SM_OTHER, "app-layer-event");
    return sig_append(s, sm, buffer_type_id("app-layer-events"), error);
}

/* DetectEngineEventSetupDo / DetectEngineEventParse (detect-engine-event.c)
 * for decode-event ("decoder." prefixed), stream-event ("stream."
 * prefixed) and engine-event (as written). */
gboolean
validate_engine_event(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re = SC_REGEX("\\S[0-9A-z_]+[.][A-z0-9_+.]+$");
    const char *kw = p->kw->canonical;
    char raw[64];
    if (strcmp(kw, "decode-event") == 0) {
        g_strlcpy(raw, "decoder.", sizeof raw);
        g_strlcat(raw, value, sizeof raw);
    } else if (strcmp(kw, "stream-event") == 0) {
        const char *v = value;
        if (strcmp(v, "est_synack_resend_with_different_ack") == 0)
            v = "est_synack_resend_with_diff_ack";
        else if (strcmp(v, "3whs_synack_resend_with_different_ack") == 0)
            v = "3whs_synack_resend_with_diff_ack";
        g_strlcpy(raw, "stream.", sizeof raw);
        g_strlcat(raw, v, sizeof raw);
    } else {
        g_strlcpy(raw, value, sizeof raw);
        if (strlen(value) >= sizeof raw) {
            /* engine-event is not cut: use the whole value */
        }
    }
    const char *subject = strcmp(kw, "engine-event") == 0 ? value : raw;
    pcre2_match_data *md = NULL;
    int rc = sc_regex_exec(&re, subject, &md);
    char name[128];
    gboolean ok = rc >= 1 && sc_substr_copy(md, 0, name, sizeof name) >= 0;
    pcre2_match_data_free(md);
    if (!ok || !rule_event_known(name)) {
        *error = g_strdup_printf("unknown %s '%s'", kw, value);
        return FALSE;
    }
    SigMatch *sm = sig_match_new(&p->sig, SM_OTHER, kw);
    return sig_append(&p->sig, sm, SIG_LIST_MATCH, error);
}

/* DetectSslStateSetup / DetectSslStateParse (detect-ssl-state.c): states
 * joined by '|' (a ',' is taken too), each possibly negated. */
gboolean
validate_ssl_state(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re1 = SC_REGEX("^(!?)([_a-zA-Z0-9]+)(.*)$");
    static ScRegex re2 = SC_REGEX("^(?:\\s*[|,]\\s*(!?)([_a-zA-Z0-9]+))(.*)$");
    static const char *const states[] = { "client_hello", "server_hello", "client_keyx",
                                          "server_keyx", "unknown" };
    if (!set_kw_alproto(p, error))
        return FALSE;
    char cur[64];
    g_strlcpy(cur, value, sizeof cur);
    gboolean first = TRUE;
    const char *input = value;
    char rest[64];
    for (;;) {
        pcre2_match_data *md = NULL;
        int rc = sc_regex_exec(first ? &re1 : &re2, input, &md);
        char neg[64], state[64];
        gboolean ok = rc >= 1 && sc_substr_copy(md, 1, neg, sizeof neg) >= 0 &&
                      sc_substr_copy(md, 2, state, sizeof state) >= 0;
        gboolean known = FALSE;
        for (guint i = 0; ok && i < G_N_ELEMENTS(states); i++)
            known |= strcmp(states[i], state) == 0;
        if (ok && !known) {
            pcre2_match_data_free(md);
            *error = g_strdup_printf("unknown ssl_state '%s' (client_hello, server_hello, "
                                     "client_keyx, server_keyx, unknown; join with '|')",
                                     state);
            return FALSE;
        }
        ok = ok && sc_substr_copy(md, 3, rest, sizeof rest) >= 0;
        pcre2_match_data_free(md);
        if (!ok) {
            *error = g_strdup_printf("'%s' is not a list of ssl states joined by '|'", value);
            return FALSE;
        }
        if (rest[0] == '\0')
            break;
        g_strlcpy(cur, rest, sizeof cur);
        input = cur;
        first = FALSE;
    }
    return append_kw(p, SM_OTHER, error);
}

/* DetectSslVersionSetup / DetectSslVersionParse (detect-ssl-version.c) */
gboolean
validate_ssl_version(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static const char *const words[] = { "sslv2", "sslv3", "tls1.0", "tls1.1", "tls1.2", "tls1.3" };
    if (!set_kw_alproto(p, error))
        return FALSE;
    const char *s = value;
    while (*s && g_ascii_isspace(*s))
        s++;
    if (*s == '\0') {
        *error = g_strdup("empty ssl_version");
        return FALSE;
    }
    guint seen = 0, found = 0;
    while (*s) {
        guint neg = 0;
        if (*s == '!') {
            neg = 1;
            s++;
        }
        gsize n = 0;
        while (s[n] && !g_ascii_isspace(s[n]) && s[n] != ',')
            n++;
        int hit = -1;
        for (guint i = 0; i < G_N_ELEMENTS(words); i++)
            if (n == strlen(words[i]) && g_ascii_strncasecmp(words[i], s, n) == 0)
                hit = (int)i;
        if (hit < 0) {
            *error = g_strdup_printf("unknown ssl_version '%.*s' (sslv2, sslv3, tls1.0 ... "
                                     "tls1.3)",
                                     (int)n, s);
            return FALSE;
        }
        /* sslv2 and sslv3 share a slot in Suricata's table */
        guint slot = 1u << (hit == 0 ? 0 : hit);
        if (seen & slot) {
            *error = g_strdup("a version is given twice");
            return FALSE;
        }
        seen |= slot;
        if (found == 0)
            found = 1u << neg;
        else if (found != 1u << neg) {
            *error = g_strdup("negated and positive versions cannot be mixed");
            return FALSE;
        }
        s += n;
        while (g_ascii_isspace(*s) || *s == ',')
            s++;
    }
    return append_kw(p, SM_OTHER, error);
}

/* DetectTlsVersionSetup / DetectTlsVersionParse (detect-tls-version.c) */
gboolean
validate_tls_version(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re = SC_REGEX("^\\s*([A-z0-9\\.]+|\"[A-z0-9\\.]+\")\\s*$");
    if (!set_kw_alproto(p, error))
        return FALSE;
    pcre2_match_data *md = NULL;
    int rc = sc_regex_exec(&re, value, &md);
    char ver[64];
    gboolean ok = rc >= 2 && rc <= 3 && sc_substr_copy(md, 1, ver, sizeof ver) >= 0;
    pcre2_match_data_free(md);
    if (ok) {
        char *t = ver;
        if (t[0] == '"') {
            t[strlen(t) - 1] = '\0';
            t++;
        }
        ok = strncmp(t, "1.0", 3) == 0 || strncmp(t, "1.1", 3) == 0 || strncmp(t, "1.2", 3) == 0 ||
             strncmp(t, "1.3", 3) == 0 || (strncmp(t, "0x", 2) == 0 && strlen(value) == 6);
    }
    if (!ok) {
        *error = g_strdup_printf("'%s' is not a TLS version (1.0, 1.1, 1.2, 1.3 or 0xHHHH)", value);
        return FALSE;
    }
    return append_kw(p, SM_OTHER, error);
}

/* DetectTlsSubjectSetup / DetectTlsIssuerDNSetup (detect-tls.c) */
gboolean
validate_tls_subject(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re = SC_REGEX("^([A-z0-9\\s\\-\\.=,\\*@]+|\"[A-z0-9\\s\\-\\.=,\\*@]+\")\\s*$");
    if (!set_kw_alproto(p, error))
        return FALSE;
    pcre2_match_data *md = NULL;
    int rc = sc_regex_exec(&re, value, &md);
    pcre2_match_data_free(md);
    if (rc != 2) {
        *error =
            g_strdup_printf("'%s' may only hold letters, digits, spaces and - . = , * @", value);
        return FALSE;
    }
    return append_kw(p, SM_OTHER, error);
}

/* DateStringToEpoch (detect-tls-cert-validity.c) */
static gboolean
date_ok(const char *value)
{
    static const char *const patterns[] = {
        "%Y-%m",       "%Y-%m-%d",       "%Y-%m-%d %H",       "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%H:%M",          "%H:%M:%S",
    };
    while (g_ascii_isspace(*value))
        value++;
    char *s = g_strdup(value);
    gsize n = strlen(s);
    while (n > 0 && g_ascii_isspace(s[n - 1]))
        s[--n] = '\0';
    gboolean digits = n > 0;
    for (gsize i = 0; digits && i < n; i++)
        digits = g_ascii_isdigit(s[i]);
    if (digits) {
        g_free(s);
        return TRUE;
    }
    struct tm tm;
    const char *res = NULL;
    for (guint i = 0; i < G_N_ELEMENTS(patterns); i++) {
        memset(&tm, 0, sizeof tm);
        tm.tm_year = tm.tm_mon = tm.tm_mday = tm.tm_wday = G_MININT;
        res = strptime(s, patterns[i], &tm);
        if (res && *res == '\0')
            break;
    }
    gboolean ok = res != NULL && *res == '\0' &&
                  !(tm.tm_year == G_MININT && tm.tm_mon == G_MININT && tm.tm_mday == G_MININT);
    g_free(s);
    return ok;
}

static time_t
date_epoch(const char *value)
{
    /* only for the range order check: both ends through the same reader */
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    if (strspn(value, "0123456789") == strlen(value))
        return (time_t)strtol(value, NULL, 10);
    static const char *const patterns[] = { "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H",
                                            "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H",
                                            "%Y-%m-%d",          "%Y-%m" };
    for (guint i = 0; i < G_N_ELEMENTS(patterns); i++) {
        memset(&tm, 0, sizeof tm);
        const char *r = strptime(value, patterns[i], &tm);
        if (r && *r == '\0') {
            if (tm.tm_mday <= 0)
                tm.tm_mday = 1;
            return timegm(&tm);
        }
    }
    return 0;
}

/* DetectTlsValiditySetup / DetectTlsValidityParse (detect-tls-cert-validity.c) */
gboolean
validate_tls_validity(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re = SC_REGEX("^\\s*(<|>)?\\s*([ -:TW0-9]+)\\s*(?:(<>)\\s*([ -:TW0-9]+))?\\s*$");
    if (!set_kw_alproto(p, error))
        return FALSE;
    pcre2_match_data *md = NULL;
    int rc = sc_regex_exec(&re, value, &md);
    char mode[2] = "", v1[20] = "", v2[20] = "", range[3] = "";
    gboolean ok = rc >= 3 && rc <= 5 && sc_substr_copy_opt(md, 1, mode, sizeof mode) >= 0 &&
                  sc_substr_copy(md, 2, v1, sizeof v1) >= 0;
    if (ok && rc > 3)
        ok = sc_substr_copy(md, 3, range, sizeof range) >= 0 &&
             (rc <= 4 || sc_substr_copy(md, 4, v2, sizeof v2) >= 0);
    pcre2_match_data_free(md);
    if (ok && range[0] && mode[0])
        ok = FALSE;
    ok = ok && date_ok(v1);
    if (ok && v2[0])
        ok = range[0] && date_ok(v2) && date_epoch(v2) > date_epoch(v1);
    if (!ok) {
        *error = g_strdup_printf("'%s' is not a date comparison ([<>]DATE or DATE<>DATE; dates "
                                 "as YYYY-MM[-DD[THH[:MM[:SS]]]] or epoch seconds)",
                                 value);
        return FALSE;
    }
    return append_kw(p, SM_OTHER, error);
}

/* DetectUrilenSetup / rs_detect_urilen_parse (rust/src/detect/uri.rs):
 * the comparison, then an optional ",raw" or ",norm"; anything after is
 * ignored. */
gboolean
validate_urilen(RuleParser *p, const char *value, char **error, int *error_offset)
{
    if (!set_kw_alproto(p, error))
        return FALSE;
    UintData u;
    const char *rest = NULL;
    if (!sc_uint_parse_prefix(value, 16, &u, &rest)) {
        *error = g_strdup_printf("'%s' is not a length comparison (N, <N, >N, N-M ...) up to "
                                 "65535",
                                 value);
        return FALSE;
    }
    const char *s = rest;
    while (*s == ' ')
        s++;
    gboolean raw = FALSE;
    if (*s == ',') {
        s++;
        while (*s == ' ')
            s++;
        raw = strncmp(s, "raw", 3) == 0;
    }
    SigMatch *sm = sig_match_new(&p->sig, SM_URILEN, "urilen");
    sm->u = u;
    sm->urilen_raw = raw;
    return sig_append(&p->sig, sm, buffer_type_id(raw ? "http_raw_uri" : "http_uri"), error);
}

/* DetectSshVersionSetup, DetectSshSoftwareVersionSetup
 * (detect-ssh-proto-version.c, detect-ssh-software-version.c) */
gboolean
validate_ssh_version(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex proto = SC_REGEX("^\\s*\"?\\s*([0-9]+([\\.\\-0-9]+)?|2_compat)\\s*\"?\\s*$");
    static ScRegex soft = SC_REGEX("^\\s*\"?\\s*?([0-9a-zA-Z\\:\\.\\-\\_\\+\\s+]+)\\s*\"?\\s*$");
    if (!set_kw_alproto(p, error))
        return FALSE;
    gboolean is_proto = strcmp(p->kw->canonical, "ssh.protoversion") == 0;
    pcre2_match_data *md = NULL;
    int rc = sc_regex_exec(is_proto ? &proto : &soft, value, &md);
    pcre2_match_data_free(md);
    if (rc < 1 || rc > 3) {
        *error = g_strdup_printf(is_proto ? "'%s' is not a protocol version (2.0, 1.99, 2_compat)"
                                          : "'%s' may only hold letters, digits, spaces and : . - "
                                            "_ +",
                                 value);
        return FALSE;
    }
    return append_kw(p, SM_OTHER, error);
}

/* DetectDnsOpcodeSetup / parse_opcode (rust/src/dns/detect.rs) */
gboolean
validate_dns_opcode(RuleParser *p, const char *value, char **error, int *error_offset)
{
    if (!set_kw_alproto(p, error))
        return FALSE;
    const char *s = value;
    while (*s == ' ' || *s == '\t' || *s == '!')
        s++;
    /* str::parse::<u8>: an optional '+', digits, nothing else */
    const char *d = *s == '+' ? s + 1 : s;
    gboolean ok = *d != '\0';
    guint v = 0;
    for (; ok && *d; d++) {
        ok = g_ascii_isdigit(*d);
        v = v * 10 + (guint)(*d - '0');
        if (v > 255)
            ok = FALSE;
    }
    if (!ok) {
        *error = g_strdup_printf("'%s' is not [!]N with N from 0 to 255", value);
        return FALSE;
    }
    return append_kw(p, SM_OTHER, error);
}

/* uuid 0.8 Uuid::parse_str: 32 hex digits, or 8-4-4-4-12 with hyphens,
 * or a "urn:uuid:" prefix */
static gboolean
uuid_ok(const char *s)
{
    gsize n = strlen(s);
    if (n == 45 && g_str_has_prefix(s, "urn:uuid:")) {
        s += 9;
        n = 36;
    }
    if (n == 32) {
        for (gsize i = 0; i < n; i++)
            if (!g_ascii_isxdigit(s[i]))
                return FALSE;
        return TRUE;
    }
    if (n != 36)
        return FALSE;
    for (gsize i = 0; i < n; i++) {
        gboolean hyphen = i == 8 || i == 13 || i == 18 || i == 23;
        if (hyphen ? s[i] != '-' : !g_ascii_isxdigit(s[i]))
            return FALSE;
    }
    return TRUE;
}

/* DetectDceIfaceSetup / parse_iface_data (rust/src/dcerpc/detect.rs) */
gboolean
validate_dcerpc_iface(RuleParser *p, const char *value, char **error, int *error_offset)
{
    if (!set_kw_alproto(p, error))
        return FALSE;
    char **parts = g_strsplit(value, ",", -1);
    guint n = g_strv_length(parts);
    UintData u;
    gboolean ok = uuid_ok(parts[0]);
    if (ok && n == 2)
        ok = strcmp(parts[1], "any_frag") == 0 || sc_uint_parse(parts[1], 16, &u);
    else if (ok && n == 3)
        ok = sc_uint_parse(parts[1], 16, &u) && strcmp(parts[2], "any_frag") == 0;
    else if (n > 3)
        ok = FALSE;
    g_strfreev(parts);
    if (!ok) {
        *error = g_strdup_printf("'%s' is not 'UUID[, version comparison][, any_frag]'", value);
        return FALSE;
    }
    return append_kw(p, SM_OTHER, error);
}

/* DetectDceOpnumSetup / parse_opnum_data (rust/src/dcerpc/detect.rs) */
gboolean
validate_dcerpc_opnum(RuleParser *p, const char *value, char **error, int *error_offset)
{
    if (!set_kw_alproto(p, error))
        return FALSE;
    char **items = g_strsplit(value, ",", -1);
    gboolean ok = TRUE;
    for (int i = 0; ok && items[i]; i++) {
        char **r = g_strsplit(items[i], "-", -1);
        guint n = g_strv_length(r);
        guint64 a = 0, b = 0;
        for (guint k = 0; ok && k < n && k < 2; k++) {
            const char *d = r[k][0] == '+' ? r[k] + 1 : r[k];
            ok = *d != '\0' && strspn(d, "0123456789") == strlen(d) &&
                 sc_extract_u(k ? &b : &a, 10, 0, r[k], G_MAXUINT32);
        }
        if (ok && (n == 0 || n > 2 || (n == 2 && b < a)))
            ok = FALSE;
        g_strfreev(r);
    }
    g_strfreev(items);
    if (!ok) {
        *error = g_strdup_printf("'%s' is not a list of opnums and ranges (1,3-5)", value);
        return FALSE;
    }
    return append_kw(p, SM_OTHER, error);
}

/* DetectKrb5ErrCodeSetup, DetectKrb5MsgTypeSetup (detect-krb5-*.c) */
gboolean
validate_krb5_code(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re = SC_REGEX("^\\s*([A-z0-9\\.]+|\"[A-z0-9_\\.]+\")\\s*$");
    if (!set_kw_alproto(p, error))
        return FALSE;
    pcre2_match_data *md = NULL;
    int rc = sc_regex_exec(&re, value, &md);
    char arg[4];
    gboolean ok = rc == 2 && sc_substr_copy(md, 1, arg, sizeof arg) >= 0;
    pcre2_match_data_free(md);
    if (ok) {
        if (strcmp(p->kw->canonical, "krb5_msg_type") == 0) {
            guint8 v;
            ok = sc_parse_u8(&v, 10, 0, arg);
        } else {
            gint64 v;
            ok = sc_extract_string_signed(&v, 10, 0, arg, TRUE) >= 0 && v >= G_MININT32 &&
                 v <= G_MAXINT32;
        }
    }
    if (!ok) {
        *error = g_strdup_printf("'%s' is not a code number", value);
        return FALSE;
    }
    return append_kw(p, SM_OTHER, error);
}

/* DetectKrb5TicketEncryptionSetup / detect_parse_encryption
 * (rust/src/krb/detect.rs) */
gboolean
validate_krb5_encryption(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static const char *const names[] = {
        "des-cbc-crc",
        "des-cbc-md4",
        "des-cbc-md5",
        "des3-cbc-md5",
        "des3-cbc-sha1",
        "dsaWithSHA1-CmsOID",
        "md5WithRSAEncryption-CmsOID",
        "sha1WithRSAEncryption-CmsOID",
        "rc2CBC-EnvOID",
        "rsaEncryption-EnvOID",
        "rsaES-OAEP-ENV-OID",
        "des-ede3-cbc-Env-OID",
        "des3-cbc-sha1-kd",
        "aes128-cts-hmac-sha1-96",
        "aes256-cts-hmac-sha1-96",
        "aes128-cts-hmac-sha256-128",
        "aes256-cts-hmac-sha384-192",
        "rc4-hmac",
        "rc4-hmac-exp",
        "camellia128-cts-cmac",
        "camellia256-cts-cmac",
        "subkey-keymaterial",
        "rc4-md4",
        "rc4-plain2",
        "rc4-lm",
        "rc4-sha",
        "des-plain",
        "rc4-hmac-OLD",
        "rc4-plain-OLD",
        "rc4-hmac-OLD-exp",
        "rc4-plain-OLD-exp",
        "rc4-plain",
        "rc4-plain-exp",
    };
    if (!set_kw_alproto(p, error))
        return FALSE;
    const char *s = value;
    while (*s == ' ')
        s++;
    gboolean ok;
    const char *w = *s == '!' ? s + 1 : s;
    if (strncmp(w, "weak", 4) == 0) {
        s = w + 4;
        ok = TRUE;
    } else {
        int items = 0;
        ok = TRUE;
        for (;;) {
            const char *save = s;
            while (*s == ' ')
                s++;
            const char *b = s;
            while (g_ascii_isalnum(*s) || *s == '-')
                s++;
            if (s == b) {
                s = save;
                break;
            }
            char *tok = g_strndup(b, (gsize)(s - b));
            gboolean known = FALSE;
            for (guint i = 0; i < G_N_ELEMENTS(names); i++)
                known |= strcmp(names[i], tok) == 0;
            if (!known) {
                /* s.parse::<i32>() */
                const char *d = tok[0] == '-' || tok[0] == '+' ? tok + 1 : tok;
                known = *d && strspn(d, "0123456789") == strlen(d) && strlen(d) <= 10 &&
                        g_ascii_strtoll(tok, NULL, 10) >= G_MININT32 &&
                        g_ascii_strtoll(tok, NULL, 10) <= G_MAXINT32;
            }
            g_free(tok);
            if (!known) {
                s = save;
                break;
            }
            items++;
            while (*s == ' ')
                s++;
            if (*s == ',')
                s++;
        }
        ok = items > 0;
    }
    while (ok && *s == ' ')
        s++;
    if (!ok || *s != '\0') {
        *error = g_strdup_printf("'%s' is not [!]weak or a list of encryption types", value);
        return FALSE;
    }
    return append_kw(p, SM_OTHER, error);
}

/* DetectSNMPPduTypeSetup (detect-snmp-pdu_type.c) */
gboolean
validate_snmp_pdu_type(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re = SC_REGEX("^\\s*([0-9]+)\\s*$");
    if (!set_kw_alproto(p, error))
        return FALSE;
    pcre2_match_data *md = NULL;
    int rc = sc_regex_exec(&re, value, &md);
    char v[20];
    gboolean ok = rc == 2 && sc_substr_copy(md, 1, v, sizeof v) >= 0;
    pcre2_match_data_free(md);
    if (!ok) {
        *error = g_strdup_printf("'%s' is not a PDU type number", value);
        return FALSE;
    }
    return append_kw(p, SM_OTHER, error);
}

/* DetectRfbSecresultSetup (detect-rfb-secresult.c) */
gboolean
validate_rfb_secresult(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re = SC_REGEX("\\S[A-z]");
    static const char *const results[] = { "ok", "fail", "toomany", "unknown" };
    if (!set_kw_alproto(p, error))
        return FALSE;
    pcre2_match_data *md = NULL;
    int rc = sc_regex_exec(&re, value, &md);
    pcre2_match_data_free(md);
    gboolean ok = FALSE;
    for (guint i = 0; rc >= 1 && i < G_N_ELEMENTS(results); i++)
        ok |= g_ascii_strcasecmp(results[i], value) == 0;
    if (!ok) {
        *error = g_strdup_printf("'%s' is not ok, fail, toomany or unknown", value);
        return FALSE;
    }
    return append_kw(p, SM_OTHER, error);
}

/* DetectMQTTTypeSetup / rs_mqtt_cstr_message_code */
gboolean
validate_mqtt_type(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static const char *const types[] = {
        "CONNECT",  "CONNACK", "PUBLISH",   "PUBACK",     "PUBREC",
        "PUBREL",   "PUBCOMP", "SUBSCRIBE", "SUBACK",     "UNSUBSCRIBE",
        "UNSUBACK", "PINGREQ", "PINGRESP",  "DISCONNECT", "AUTH",
    };
    if (!set_kw_alproto(p, error))
        return FALSE;
    for (guint i = 0; i < G_N_ELEMENTS(types); i++)
        if (g_ascii_strcasecmp(types[i], value) == 0)
            return append_kw(p, SM_OTHER, error);
    *error = g_strdup_printf("unknown MQTT message type '%s'", value);
    return FALSE;
}

/* DetectMQTTFlagsSetup, DetectMQTTConnectFlagsSetup (detect-mqtt-*flags.c) */
gboolean
validate_mqtt_flags(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex flags_re = SC_REGEX("(?: *,?!?(?:retain|dup))+");
    static ScRegex connect_re =
        SC_REGEX("(?: *,?!?(?:username|password|will|will_retain|clean_session))+");
    static const char *const flags[] = { "retain", "dup", NULL };
    static const char *const connect[] = { "username",    "password",      "will",
                                           "will_retain", "clean_session", NULL };
    if (!set_kw_alproto(p, error))
        return FALSE;
    gboolean conn = strcmp(p->kw->canonical, "mqtt.connect.flags") == 0;
    pcre2_match_data *md = NULL;
    int rc = sc_regex_exec(conn ? &connect_re : &flags_re, value, &md);
    pcre2_match_data_free(md);
    gboolean ok = rc >= 1;
    guint seen = 0;
    char **items = g_strsplit(value, ",", -1);
    for (int i = 0; ok && items[i]; i++) {
        char *f = items[i];
        if (*f == '\0')
            continue; /* strtok skips empty items */
        while (*f == ' ' || *f == '\t')
            f++;
        if (strlen(f) < 2) {
            ok = FALSE;
            break;
        }
        if (*f == '!')
            f++;
        const char *const *names = conn ? connect : flags;
        int hit = -1;
        for (int k = 0; names[k]; k++)
            if (strcmp(names[k], f) == 0)
                hit = k;
        if (hit < 0 || (seen & (1u << hit)))
            ok = FALSE;
        else
            seen |= 1u << hit;
    }
    g_strfreev(items);
    if (!ok) {
        *error = g_strdup_printf("'%s' is not a list of %s flags, each once, possibly negated",
                                 value, conn ? "connect" : "retain/dup");
        return FALSE;
    }
    return append_kw(p, SM_OTHER, error);
}

/* DetectMQTTQosSetup, DetectMQTTReasonCodeSetup,
 * DetectMQTTConnackSessionPresentSetup */
gboolean
validate_mqtt_value(RuleParser *p, const char *value, char **error, int *error_offset)
{
    if (!set_kw_alproto(p, error))
        return FALSE;
    const char *kw = p->kw->canonical;
    gboolean ok;
    guint64 v;
    if (strcmp(kw, "mqtt.qos") == 0)
        ok = sc_parse_u_range(&v, 10, 0, value, 0, 2, G_MAXUINT8);
    else if (strcmp(kw, "mqtt.reason_code") == 0)
        ok = sc_parse_u_range(&v, 10, 0, value, 0, 255, G_MAXUINT8);
    else
        ok = strcmp(value, "yes") == 0 || strcmp(value, "true") == 0 || strcmp(value, "no") == 0 ||
             strcmp(value, "false") == 0;
    if (!ok) {
        *error = g_strdup_printf("'%s' is not a valid %s value", value, kw);
        return FALSE;
    }
    return append_kw(p, SM_OTHER, error);
}

/* DetectHTTP2frametypeSetup, DetectHTTP2errorcodeSetup (detect-http2.c):
 * a number or a name (rust from_str, any case: RSTSTREAM, not RST_STREAM;
 * INTERNAL_ERROR is missing from the error names). */
gboolean
validate_http2_code(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static const char *const frames[] = { "DATA",         "HEADERS",      "PRIORITY", "RSTSTREAM",
                                          "SETTINGS",     "PUSHPROMISE",  "PING",     "GOAWAY",
                                          "WINDOWUPDATE", "CONTINUATION", NULL };
    static const char *const errors[] = {
        "NO_ERROR",           "PROTOCOL_ERROR",
        "FLOW_CONTROL_ERROR", "SETTINGS_TIMEOUT",
        "STREAM_CLOSED",      "FRAME_SIZE_ERROR",
        "REFUSED_STREAM",     "CANCEL",
        "COMPRESSION_ERROR",  "CONNECT_ERROR",
        "ENHANCE_YOUR_CALM",  "INADEQUATE_SECURITY",
        "HTTP_1_1_REQUIRED",  NULL,
    };
    if (!set_kw_alproto(p, error))
        return FALSE;
    gboolean is_frame = strcmp(p->kw->canonical, "http2.frametype") == 0;
    guint64 v;
    gboolean ok = sc_extract_u(&v, 10, strlen(value), value, is_frame ? G_MAXUINT8 : G_MAXUINT32);
    for (const char *const *n = is_frame ? frames : errors; !ok && *n; n++)
        ok = g_ascii_strcasecmp(*n, value) == 0;
    if (!ok) {
        *error = g_strdup_printf("'%s' is not a number or an HTTP/2 %s name", value,
                                 is_frame ? "frame type" : "error code");
        return FALSE;
    }
    return append_kw(p, SM_OTHER, error);
}

/* DetectHTTP2settingsSetup / http2_parse_settingsctx: a setting name, then
 * anything (a comparison that does not parse is ignored). */
gboolean
validate_http2_settings(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static const char *const ids[] = {
        "SETTINGS_HEADER_TABLE_SIZE",      "SETTINGS_ENABLE_PUSH",
        "SETTINGS_MAX_CONCURRENT_STREAMS", "SETTINGS_INITIAL_WINDOW_SIZE",
        "SETTINGS_MAX_FRAME_SIZE",         "SETTINGS_MAX_HEADER_LIST_SIZE",
    };
    if (!set_kw_alproto(p, error))
        return FALSE;
    const char *s = value;
    while (*s == ' ')
        s++;
    gsize n = strcspn(s, " <>=");
    gboolean ok = FALSE;
    for (guint i = 0; i < G_N_ELEMENTS(ids); i++)
        ok |= strlen(ids[i]) == n && g_ascii_strncasecmp(ids[i], s, n) == 0;
    if (!ok) {
        *error = g_strdup_printf("'%.*s' is not an HTTP/2 setting name", (int)n, s);
        return FALSE;
    }
    return append_kw(p, SM_OTHER, error);
}

/* DetectIkeChosenSaSetup / DetectIkeChosenSaParse (detect-ike-chosen-sa.c) */
gboolean
validate_ike_chosen_sa(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re =
        SC_REGEX("^\\s*(alg_enc|alg_hash|alg_auth|alg_dh|sa_group_type|sa_life_type|sa_life_"
                 "duration|alg_prf|sa_key_length|sa_field_size)\\s*=\\s*([0-9]+)\\s*$");
    if (!set_kw_alproto(p, error))
        return FALSE;
    pcre2_match_data *md = NULL;
    int rc = sc_regex_exec(&re, value, &md);
    char v[100];
    guint64 n;
    gboolean ok = rc >= 3 && rc <= 5 && sc_substr_copy(md, 2, v, sizeof v) >= 0 &&
                  sc_extract_u(&n, 10, strlen(v), v, G_MAXUINT32);
    pcre2_match_data_free(md);
    if (!ok) {
        *error = g_strdup_printf("'%s' is not 'attribute=number'", value);
        return FALSE;
    }
    return append_kw(p, SM_OTHER, error);
}

/* DetectFtpdataSetup / DetectFtpdataParse (detect-ftpdata.c) */
gboolean
validate_ftpdata_command(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re = SC_REGEX("^\\s*(stor|retr)\\s*$");
    if (!set_kw_alproto(p, error))
        return FALSE;
    pcre2_match_data *md = NULL;
    int rc = sc_regex_exec(&re, value, &md);
    pcre2_match_data_free(md);
    if (rc != 2) {
        *error = g_strdup_printf("'%s' is not stor or retr", value);
        return FALSE;
    }
    return append_kw(p, SM_OTHER, error);
}

/* DetectAsn1Setup / asn1_parse_rule (rust/src/asn1/parse_rules.rs) */
static gboolean
asn1_number(const char **s, gboolean sign, gint64 min, gint64 max)
{
    const char *c = *s;
    gboolean neg = FALSE;
    if (sign && *c == '-') {
        neg = TRUE;
        c++;
    }
    if (!g_ascii_isdigit(*c))
        return FALSE;
    gint64 v = 0;
    while (g_ascii_isdigit(*c)) {
        v = v * 10 + (*c - '0');
        if (v > G_MAXUINT32 + G_GINT64_CONSTANT(1))
            return FALSE;
        c++;
    }
    if (neg)
        v = -v;
    if (v < min || v > max)
        return FALSE;
    *s = c;
    return TRUE;
}

static gboolean
asn1_keyword(const char **s, const char *kw, gboolean sign, gint64 min, gint64 max)
{
    gsize n = strlen(kw);
    if (strncmp(*s, kw, n) != 0)
        return FALSE;
    const char *c = *s + n;
    if (!g_ascii_isspace(*c))
        return FALSE;
    while (g_ascii_isspace(*c))
        c++;
    if (!asn1_number(&c, sign, min, max))
        return FALSE;
    *s = c;
    return TRUE;
}

gboolean
validate_asn1(RuleParser *p, const char *value, char **error, int *error_offset)
{
    const char *s = value;
    gboolean ok = *s != '\0';
    while (ok && *s) {
        while (g_ascii_isspace(*s))
            s++;
        gboolean any = FALSE;
        if (strncmp(s, "bitstring_overflow", 18) == 0)
            s += 18, any = TRUE;
        if (strncmp(s, "double_overflow", 15) == 0)
            s += 15, any = TRUE;
        any |= asn1_keyword(&s, "oversize_length", FALSE, 0, G_MAXUINT32);
        any |= asn1_keyword(&s, "absolute_offset", FALSE, 0, G_MAXUINT16);
        any |= asn1_keyword(&s, "relative_offset", TRUE, -G_MAXUINT16, G_MAXUINT16);
        if (!any) {
            ok = FALSE;
            break;
        }
        if (g_ascii_isspace(*s))
            while (g_ascii_isspace(*s))
                s++;
        else if (*s == ',')
            s++;
    }
    if (!ok) {
        *error = g_strdup_printf("'%s' is not a list of bitstring_overflow, double_overflow, "
                                 "oversize_length N, absolute_offset N, relative_offset N",
                                 value);
        return FALSE;
    }
    SigMatch *sm = sig_match_new(&p->sig, SM_OTHER, "asn1");
    return sig_append(&p->sig, sm, SIG_LIST_MATCH, error);
}

/* DetectFilestoreSetup (detect-filestore.c) */
gboolean
validate_filestore(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re =
        SC_REGEX("^\\s*([A-z_]+)\\s*(?:,\\s*([A-z_]+))?\\s*(?:,\\s*([A-z_]+))?\\s*$");
    Sig *s = &p->sig;
    if (s->flags & SIGF_BYPASS) {
        *error = g_strdup("filestore cannot be combined with bypass");
        return FALSE;
    }
    if (value != NULL && *value) {
        pcre2_match_data *md = NULL;
        int rc = sc_regex_exec(&re, value, &md);
        gboolean ok = rc >= 1 && rc <= 4;
        char a[32];
        for (int i = 1; ok && i < rc; i++)
            ok = sc_substr_copy(md, i, a, sizeof a) >= 0;
        pcre2_match_data_free(md);
        if (!ok) {
            *error = g_strdup_printf("'%s' is not 'direction[, scope]'", value);
            return FALSE;
        }
    }
    SigMatch *sm = sig_match_new(s, SM_OTHER, "filestore");
    if (!sig_append(s, sm, buffer_type_id("files"), error))
        return FALSE;
    s->flags |= SIGF_FILESTORE;
    return sig_append(s, sig_match_new(s, SM_OTHER, "filestore"), SIG_LIST_POSTMATCH, error);
}

/* DetectFilesizeSetup (detect-filesize.c) */
gboolean
validate_filesize(RuleParser *p, const char *value, char **error, int *error_offset)
{
    UintData u;
    if (!sc_uint_parse(value, 64, &u)) {
        *error = g_strdup_printf("'%s' is not a size comparison", value);
        return FALSE;
    }
    p->sig.file_flags |= SIG_FILE_NEED_FILE;
    SigMatch *sm = sig_match_new(&p->sig, SM_OTHER, "filesize");
    return sig_append(&p->sig, sm, buffer_type_id("files"), error);
}

/* The file a rule refers to, as DetectLoadCompleteSigPath looks for it:
 * next to the rules file. */
static gboolean
rule_file_exists(RuleParser *p, const char *name)
{
    if (name[0] == '/')
        return access(name, R_OK) == 0;
    if (p->rule->loc.file == NULL)
        return FALSE;
    char *dir = g_path_get_dirname(p->rule->loc.file);
    char *path = g_build_filename(dir, name, NULL);
    gboolean ok = access(path, R_OK) == 0;
    g_free(dir);
    g_free(path);
    return ok;
}

/* DetectFileMd5Setup ... DetectFileHashParse (detect-file-hash-common.c):
 * Suricata reads the hash list when it loads the rule. */
gboolean
validate_filehash(RuleParser *p, const char *value, char **error, int *error_offset)
{
    const char *name = value[0] == '!' ? value + 1 : value;
    if (!rule_file_exists(p, name)) {
        *error = g_strdup_printf("Suricata reads the hash list '%s' when loading the rule, and "
                                 "it is not next to the rules file",
                                 name);
        return FALSE;
    }
    p->sig.file_flags |= SIG_FILE_NEED_FILE;
    SigMatch *sm = sig_match_new(&p->sig, SM_OTHER, p->kw->canonical);
    return sig_append(&p->sig, sm, buffer_type_id("files"), error);
}

/* DetectDatasetSetup, DetectDatarepSetup (detect-dataset.c,
 * detect-datarep.c): only after a sticky buffer. */
gboolean
validate_dataset(RuleParser *p, const char *value, char **error, int *error_offset)
{
    Sig *s = &p->sig;
    if (!sig_buffer_get_active(s, error))
        return FALSE;
    if (s->list == SIG_LIST_NOTSET) {
        *error = g_strdup_printf("%s needs a sticky buffer before it", p->kw->canonical);
        return FALSE;
    }
    gboolean rep = strcmp(p->kw->canonical, "datarep") == 0;
    char **items = g_strsplit(value, ",", -1);
    int pos = 0;
    gboolean ok = TRUE, type_set = FALSE, load = FALSE;
    const char *cmd = NULL;
    for (int i = 0; ok && items[i]; i++) {
        char *k = items[i];
        while (*k == ' ' || *k == '\t')
            k++;
        char *v = strchr(k, ' ');
        if (v) {
            *v++ = '\0';
            while (*v == ' ' || *v == '\t')
                v++;
        }
        if (*k == '\0')
            continue;
        if (pos < (rep ? 3 : 2)) {
            if (v && (rep || *v))
                ok = FALSE;
            if (pos == (rep ? 1 : 0))
                cmd = k;
            if (rep && pos == 2) {
                guint16 r;
                ok = ok && sc_parse_u16(&r, 10, 0, k);
            }
            pos++;
            continue;
        }
        if (v == NULL) {
            ok = FALSE;
        } else if (strcmp(k, "type") == 0) {
            type_set = TRUE;
            ok = strcmp(v, "md5") == 0 || strcmp(v, "sha256") == 0 || strcmp(v, "string") == 0 ||
                 strcmp(v, "ipv4") == 0 || strcmp(v, "ip") == 0 || strcmp(v, "ipv6") == 0;
        } else if (strcmp(k, "load") == 0 || strcmp(k, "state") == 0) {
            load = TRUE;
        }
    }
    if (ok && cmd != NULL) {
        ok = rep ? (strcmp(cmd, ">") == 0 || strcmp(cmd, "<") == 0 || strcmp(cmd, "==") == 0)
                 : (strcmp(cmd, "isset") == 0 || strcmp(cmd, "isnotset") == 0 ||
                    strcmp(cmd, "set") == 0 || strcmp(cmd, "unset") == 0);
    }
    g_strfreev(items);
    if (!ok || pos < (rep ? 3 : 2) || (rep && !type_set)) {
        *error = g_strdup_printf(rep ? "expected 'name, >|<|==, value, type TYPE, load FILE'"
                                     : "expected 'isset|isnotset|set|unset, name, type TYPE'");
        return FALSE;
    }
    if (!type_set || load) {
        /* DatasetGet needs a type, and reads a load/state file */
        *error = g_strdup_printf(load ? "Suricata reads the %s file when loading the rule"
                                      : "%s needs 'type string|md5|sha256|ipv4|ip'",
                                 p->kw->canonical);
        return FALSE;
    }
    SigMatch *sm = sig_match_new(s, SM_DATASET, p->kw->canonical);
    return sig_append(s, sm, s->list, error);
}

/* DetectLuaSetup (detect-lua.c): Lua rules are off by default
 * (security.lua.allow-rules). */
gboolean
validate_lua(RuleParser *p, const char *value, char **error, int *error_offset)
{
    *error = g_strdup("Lua rules are disabled in Suricata's default configuration "
                      "(security.lua.allow-rules)");
    return FALSE;
}
