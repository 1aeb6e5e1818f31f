/*
 * validate_buffers.c - the keywords that choose where matches go: sticky
 * buffers (http.uri, tls.sni ...), the legacy content modifiers (http_uri,
 * http_header ...), transforms, the packet-header buffers, file buffers,
 * ja3/ja4, hassh, frame.  Each mirrors the Setup function its table entry
 * names (Suricata 7.0.10); most are the two steps every sticky buffer
 * takes, DetectBufferSetActiveList then DetectSignatureSetAppProto, with
 * the buffer and protocol taken from the keyword's table entry.
 */
#include <string.h>

#include "rules/parser_state.h"
#include "rules/sc_parse.h"
#include "rules/validate.h"

enum { IPP_ICMP = 1, IPP_TCP = 6, IPP_UDP = 17, IPP_ICMPV6 = 58 };

static int
kw_buffer(RuleParser *p, char **error)
{
    int id = p->kw->buffer ? buffer_type_id(p->kw->buffer) : -1;
    if (id < 0)
        *error = g_strdup_printf("internal: no buffer type for '%s'", p->kw->name);
    return id;
}

static AppProto
kw_alproto(RuleParser *p)
{
    return p->kw->alproto ? alproto_from_name(p->kw->alproto) : ALPROTO_UNKNOWN;
}

/* The common sticky buffer setup (e.g. DetectHttpUriSetupSticky,
 * detect-http-uri.c): set the buffer, then the protocol. */
gboolean
validate_sticky(RuleParser *p, const char *value, char **error, int *error_offset)
{
    int id = kw_buffer(p, error);
    if (id < 0 || !sig_buffer_set_active(&p->sig, id, error))
        return FALSE;
    AppProto a = kw_alproto(p);
    return a == ALPROTO_UNKNOWN || sig_set_alproto(&p->sig, a, error);
}

/* DetectDceStubDataSetup, DetectDNP3DataSetup: the protocol first. */
gboolean
validate_sticky_proto_first(RuleParser *p, const char *value, char **error, int *error_offset)
{
    AppProto a = kw_alproto(p);
    if (a != ALPROTO_UNKNOWN && !sig_set_alproto(&p->sig, a, error))
        return FALSE;
    int id = kw_buffer(p, error);
    return id >= 0 && sig_buffer_set_active(&p->sig, id, error);
}

/* DetectHttpServerBodySetupSticky (detect-http-server-body.c): the
 * response body is to_client. */
gboolean
validate_http_response_body(RuleParser *p, const char *value, char **error, int *error_offset)
{
    if (!validate_sticky(p, value, error, error_offset))
        return FALSE;
    p->sig.flags |= SIGF_TOCLIENT;
    p->sig.flags &= ~SIGF_TOSERVER;
    return TRUE;
}

/* DetectFiledataSetup (detect-file-data.c) */
gboolean
validate_file_data(RuleParser *p, const char *value, char **error, int *error_offset)
{
    Sig *s = &p->sig;
    if (!sig_proto_contains(&s->proto, IPP_TCP)) {
        *error = g_strdup("file.data cannot be used with non-TCP protocols");
        return FALSE;
    }
    if (s->alproto != ALPROTO_UNKNOWN && !alproto_supports_files(s->alproto)) {
        *error = g_strdup_printf("file.data cannot be used with protocol %s, which carries no "
                                 "files",
                                 alproto_name(s->alproto));
        return FALSE;
    }
    if (s->alproto == ALPROTO_SMTP && (s->init_flags & SIGI_FLOW) && !(s->flags & SIGF_TOSERVER) &&
        (s->flags & SIGF_TOCLIENT)) {
        *error = g_strdup("file.data cannot be used with SMTP and flow:to_client");
        return FALSE;
    }
    if (!sig_buffer_set_active(s, buffer_type_id("file_data"), error))
        return FALSE;
    s->init_flags |= SIGI_FILEDATA;
    return TRUE;
}

/* DetectIcmpv4HdrSetup, DetectICMPv6hdrSetup, DetectTcphdrSetup,
 * DetectUdphdrSetup, DetectIpv4hdrSetup, DetectIpv6hdrSetup: the rule's
 * protocol must include the header's. */
gboolean
validate_header_buffer(RuleParser *p, const char *value, char **error, int *error_offset)
{
    Sig *s = &p->sig;
    const char *b = p->kw->buffer;
    int need = -1;
    if (strcmp(b, "icmpv4.hdr") == 0) {
        need = IPP_ICMP;
        if (!sig_proto_contains(&s->proto, need))
            goto bad;
        s->proto.flags |= PROTO_F_IPV4;
    } else if (strcmp(b, "icmpv6.hdr") == 0) {
        s->proto.flags |= PROTO_F_IPV6;
        need = IPP_ICMPV6;
    } else if (strcmp(b, "tcp.hdr") == 0) {
        need = IPP_TCP;
    } else if (strcmp(b, "udp.hdr") == 0) {
        need = IPP_UDP;
    } else if (strcmp(b, "ipv4.hdr") == 0) {
        s->proto.flags |= PROTO_F_IPV4;
    } else {
        s->proto.flags |= PROTO_F_IPV6;
    }
    if (need >= 0 && !sig_proto_contains(&s->proto, need))
        goto bad;
    s->flags |= SIGF_REQUIRE_PACKET;
    return sig_buffer_set_active(s, buffer_type_id(b), error);
bad:
    *error = g_strdup_printf("'%s' cannot be used in a '%s' rule", p->kw->name, p->rule->proto);
    return FALSE;
}

/* DetectSrcIPAddrBufferSetup / DetectDestIPAddrBufferSetup (detect-ipaddr.c):
 * only the list is set, no buffer is opened. */
gboolean
validate_ip_addr_buffer(RuleParser *p, const char *value, char **error, int *error_offset)
{
    p->sig.list = buffer_type_id(p->kw->buffer);
    return TRUE;
}

/* DetectTlsJa3HashSetup, DetectJa4HashSetup ... (detect-tls-ja3-hash.c):
 * no protocol is set, but only tls and quic rules may use them. */
gboolean
validate_ja_buffer(RuleParser *p, const char *value, char **error, int *error_offset)
{
    Sig *s = &p->sig;
    int id = kw_buffer(p, error);
    if (id < 0 || !sig_buffer_set_active(s, id, error))
        return FALSE;
    if (s->alproto != ALPROTO_UNKNOWN && s->alproto != ALPROTO_TLS && s->alproto != ALPROTO_QUIC) {
        *error = g_strdup_printf("'%s' needs protocol tls or quic, the rule is %s", p->kw->name,
                                 alproto_name(s->alproto));
        return FALSE;
    }
    s->init_flags |= SIGI_JA;
    return TRUE;
}

/* DetectEngineContentModifierBufferSetup for the legacy modifiers
 * (http_uri, http_header ...): the last payload content moves into the
 * keyword's buffer. */
gboolean
validate_content_modifier(RuleParser *p, const char *value, char **error, int *error_offset)
{
    int id = kw_buffer(p, error);
    return id >= 0 && sig_content_modifier_buffer(&p->sig, p->kw->name, id, ALPROTO_HTTP1, error);
}

/* DetectSignatureAddTransform for the transforms without a value
 * (compress_whitespace, to_md5, dotprefix ...). */
gboolean
validate_transform(RuleParser *p, const char *value, char **error, int *error_offset)
{
    return sig_add_transform(&p->sig, p->kw->canonical, NULL, error);
}

/* DetectTransformXorSetup (detect-transform-xor.c) */
gboolean
validate_xor(RuleParser *p, const char *value, char **error, int *error_offset)
{
    gsize len = strlen(value);
    if (len % 2 == 1) {
        *error = g_strdup("the xor key must have an even number of hex digits");
        return FALSE;
    }
    if (len / 2 > 255) {
        *error = g_strdup("the xor key is at most 255 bytes");
        return FALSE;
    }
    for (gsize i = 0; i < len; i++)
        if (!g_ascii_isxdigit(value[i])) {
            *error = g_strdup("the xor key must be hex digits");
            *error_offset = (int)i;
            return FALSE;
        }
    return sig_add_transform(&p->sig, "xor", value, error);
}

/* DetectFilenameSetup, DetectFileextSetup, DetectFilemagicSetup
 * (detect-filename.c, detect-filemagic.c): a content in the file name
 * (or magic) buffer, made nocase. */
gboolean
validate_file_content(RuleParser *p, const char *value, char **error, int *error_offset)
{
    Sig *s = &p->sig;
    const char *kw = p->kw->canonical;
    if (s->transforms_cnt) {
        *error = g_strdup_printf("a transform is not followed by any match before '%s'", kw);
        return FALSE;
    }
    s->list = SIG_LIST_NOTSET;
    gboolean magic = strcmp(kw, "filemagic") == 0;
    s->file_flags |= SIG_FILE_NEED_FILE | (magic ? 0 : SIG_FILE_NEED_FILENAME);
    char *dot = strcmp(kw, "fileext") == 0 ? g_strconcat(".", value, NULL) : NULL;
    SigMatch *cd = content_setup(p, dot ? dot : value, error, error_offset);
    g_free(dot);
    if (cd == NULL)
        return FALSE;
    if (strcmp(kw, "fileext") == 0)
        cd->flags |= CT_ENDS_WITH;
    if (!content_to_nocase(cd, error))
        return FALSE;
    int list = buffer_type_id(magic ? "file.magic" : "file.name");
    return sig_content_modifier_buffer(s, kw, list, s->alproto, error);
}

/* DetectFilenameSetupSticky, DetectFilemagicSetupSticky */
gboolean
validate_file_sticky(RuleParser *p, const char *value, char **error, int *error_offset)
{
    int id = kw_buffer(p, error);
    if (id < 0 || !sig_buffer_set_active(&p->sig, id, error))
        return FALSE;
    if (strcmp(p->kw->buffer, "file.name") == 0)
        p->sig.file_flags |= SIG_FILE_NEED_FILE | SIG_FILE_NEED_FILENAME;
    return TRUE;
}

/* DetectTlsFingerprintSetup (detect-tls.c): the legacy tls.fingerprint is a
 * content moved into tls.cert_fingerprint. */
gboolean
validate_tls_fingerprint(RuleParser *p, const char *value, char **error, int *error_offset)
{
    if (content_setup(p, value, error, error_offset) == NULL)
        return FALSE;
    return sig_content_modifier_buffer(&p->sig, "tls.fingerprint",
                                       buffer_type_id("tls.cert_fingerprint"), ALPROTO_TLS, error);
}

/* DetectFrameSetup (detect-frame.c) */
gboolean
validate_frame(RuleParser *p, const char *value, char **error, int *error_offset)
{
    Sig *s = &p->sig;
    gboolean tcp = sig_proto_contains(&s->proto, IPP_TCP);
    gboolean udp = sig_proto_contains(&s->proto, IPP_UDP);
    if (!tcp && !udp) {
        *error = g_strdup("frame is only supported for TCP and UDP");
        return FALSE;
    }
    char v[256];
    g_strlcpy(v, value, sizeof v);
    char *dot = strchr(v, '.');
    if (dot != NULL)
        *dot++ = '\0';
    const char *val = dot ? dot : v;
    const char *proto = dot ? v : NULL;
    gboolean is_short = FALSE;
    AppProto kwp = ALPROTO_UNKNOWN, rulep = s->alproto;
    if (proto != NULL) {
        kwp = alproto_from_name(proto);
        if (!(kwp > ALPROTO_UNKNOWN && kwp < ALPROTO_FAILED)) {
            is_short = TRUE;
            kwp = rulep;
        }
    } else {
        is_short = TRUE;
        kwp = rulep;
    }
    if (is_short && rulep == ALPROTO_UNKNOWN) {
        *error =
            g_strdup_printf("the rule has no application protocol: write frame:PROTO.%s", value);
        return FALSE;
    } else if (rulep == ALPROTO_UNKNOWN) {
        if (!sig_set_alproto(s, kwp, error))
            return FALSE;
    } else if (!alproto_equals(rulep, kwp)) {
        *error = g_strdup_printf("frame protocol %s does not match the rule's %s",
                                 alproto_name(kwp), alproto_name(rulep));
        return FALSE;
    }
    const char *fname = is_short ? value : val;
    gboolean known = (tcp && strcmp(fname, "stream") == 0) ||
                     (tcp && rule_frame_known(kwp, FALSE, fname)) ||
                     (udp && rule_frame_known(kwp, TRUE, fname));
    if (!known) {
        *error = g_strdup_printf("unknown frame '%s' for protocol %s", fname, alproto_name(kwp));
        return FALSE;
    }
    char name[512];
    if (is_short)
        g_snprintf(name, sizeof name, "%s.%s", alproto_name(s->alproto), value);
    else
        g_strlcpy(name, value, sizeof name);
    int id = buffer_type_frame(s, name, kwp);
    return sig_buffer_set_active(s, id, error);
}
