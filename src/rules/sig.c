/*
 * sig.c - the signature-init mirror of sig.h: lists, buffers, application
 * protocol, transforms, and the final validation (SigValidate) of Suricata
 * 7.0.10, src/detect-parse.c and src/detect-engine.c.  Each function names
 * the Suricata function it follows; the error texts are ours.
 *
 * Protocol facts are those of Suricata's default configuration (the one
 * fixtures/parity/suricata.yaml keeps): modbus, dnp3 and enip detection
 * disabled; which protocols run on TCP and UDP and which carry files were
 * read from the app-layer registrations (app-layer-*.c and rust/src/) and
 * checked with tcp.hdr / udp.hdr / file.data probes through suricata -T.
 */
#include "rules/sig.h"

#include <string.h>

static const char *const alproto_names[ALPROTO_MAX] = {
    [ALPROTO_UNKNOWN] = "unknown",
    [ALPROTO_HTTP1] = "http1",
    [ALPROTO_FTP] = "ftp",
    [ALPROTO_SMTP] = "smtp",
    [ALPROTO_TLS] = "tls",
    [ALPROTO_SSH] = "ssh",
    [ALPROTO_IMAP] = "imap",
    [ALPROTO_JABBER] = "jabber",
    [ALPROTO_SMB] = "smb",
    [ALPROTO_DCERPC] = "dcerpc",
    [ALPROTO_IRC] = "irc",
    [ALPROTO_DNS] = "dns",
    [ALPROTO_MODBUS] = "modbus",
    [ALPROTO_ENIP] = "enip",
    [ALPROTO_DNP3] = "dnp3",
    [ALPROTO_NFS] = "nfs",
    [ALPROTO_NTP] = "ntp",
    [ALPROTO_FTPDATA] = "ftp-data",
    [ALPROTO_TFTP] = "tftp",
    [ALPROTO_IKE] = "ike",
    [ALPROTO_KRB5] = "krb5",
    [ALPROTO_QUIC] = "quic",
    [ALPROTO_DHCP] = "dhcp",
    [ALPROTO_SNMP] = "snmp",
    [ALPROTO_SIP] = "sip",
    [ALPROTO_RFB] = "rfb",
    [ALPROTO_MQTT] = "mqtt",
    [ALPROTO_PGSQL] = "pgsql",
    [ALPROTO_TELNET] = "telnet",
    [ALPROTO_TEMPLATE] = "template",
    [ALPROTO_RDP] = "rdp",
    [ALPROTO_HTTP2] = "http2",
    [ALPROTO_BITTORRENT_DHT] = "bittorrent-dht",
    [ALPROTO_HTTP] = "http",
    [ALPROTO_FAILED] = "failed",
};

AppProto
alproto_from_name(const char *name)
{
    for (int i = 0; i < ALPROTO_MAX; i++)
        if (alproto_names[i] != NULL && strcmp(alproto_names[i], name) == 0)
            return (AppProto)i;
    return ALPROTO_UNKNOWN;
}

const char *
alproto_name(AppProto alproto)
{
    if (alproto == ALPROTO_HTTP1)
        return "http";
    if (alproto == ALPROTO_HTTP)
        return "http_any";
    return alproto < ALPROTO_MAX ? alproto_names[alproto] : "unknown";
}

gboolean
alproto_enabled(AppProto a)
{
    switch (a) {
    case ALPROTO_UNKNOWN:
    case ALPROTO_FAILED:
    case ALPROTO_MAX:
    case ALPROTO_JABBER:
    case ALPROTO_IRC:
    case ALPROTO_TEMPLATE:
    case ALPROTO_MODBUS: /* app-layer.protocols.*.detection-enabled: no */
    case ALPROTO_DNP3:
    case ALPROTO_ENIP: return FALSE;
    default: return TRUE;
    }
}

gboolean
alproto_equals(AppProto sigproto, AppProto alproto)
{
    switch (sigproto) {
    case ALPROTO_HTTP:
        return alproto == ALPROTO_HTTP1 || alproto == ALPROTO_HTTP2 || alproto == ALPROTO_HTTP;
    case ALPROTO_DCERPC: return alproto == ALPROTO_DCERPC || alproto == ALPROTO_SMB;
    default: return sigproto == alproto;
    }
}

AppProto
alproto_by_name_enabled(const char *name)
{
    /* AppLayerProtoDetectGetProtoByName: aliases compare case-insensitively
     * (IKE registers "ikev2"), names exactly. */
    if (g_ascii_strcasecmp(name, "ikev2") == 0)
        name = "ike";
    AppProto b = alproto_from_name(name);
    for (int a = 0; a < ALPROTO_MAX; a++)
        if (alproto_enabled((AppProto)a) && alproto_equals(b, (AppProto)a))
            return b;
    return ALPROTO_UNKNOWN;
}

gboolean
alproto_on_tcp(AppProto a)
{
    switch (a) {
    case ALPROTO_NTP:
    case ALPROTO_TFTP:
    case ALPROTO_IKE:
    case ALPROTO_QUIC:
    case ALPROTO_DHCP:
    case ALPROTO_SNMP:
    case ALPROTO_SIP:
    case ALPROTO_BITTORRENT_DHT: return FALSE;
    default: return TRUE;
    }
}

gboolean
alproto_on_udp(AppProto a)
{
    switch (a) {
    case ALPROTO_DCERPC:
    case ALPROTO_DNS:
    case ALPROTO_NFS:
    case ALPROTO_KRB5:
    case ALPROTO_ENIP: return TRUE;
    default: return !alproto_on_tcp(a);
    }
}

gboolean
alproto_supports_files(AppProto a)
{
    switch (a) {
    case ALPROTO_HTTP:
    case ALPROTO_HTTP1:
    case ALPROTO_HTTP2:
    case ALPROTO_SMTP:
    case ALPROTO_SMB:
    case ALPROTO_NFS:
    case ALPROTO_FTPDATA: return TRUE;
    default: return FALSE;
    }
}

/* ---- protocol set ---------------------------------------------------------- */

enum { IPP_ICMP = 1, IPP_TCP = 6, IPP_UDP = 17, IPP_ICMPV6 = 58, IPP_SCTP = 132 };

static void
proto_set(SigProto *p, int ipproto)
{
    p->proto[ipproto / 8] |= (guint8)(1u << (ipproto % 8));
}

gboolean
sig_proto_parse(SigProto *p, const char *str)
{
    if (g_ascii_strcasecmp(str, "tcp") == 0) {
        proto_set(p, IPP_TCP);
    } else if (g_ascii_strcasecmp(str, "tcp-pkt") == 0) {
        proto_set(p, IPP_TCP);
        p->flags |= PROTO_F_ONLY_PKT;
    } else if (g_ascii_strcasecmp(str, "tcp-stream") == 0) {
        proto_set(p, IPP_TCP);
        p->flags |= PROTO_F_ONLY_STREAM;
    } else if (g_ascii_strcasecmp(str, "udp") == 0) {
        proto_set(p, IPP_UDP);
    } else if (g_ascii_strcasecmp(str, "icmpv4") == 0) {
        proto_set(p, IPP_ICMP);
    } else if (g_ascii_strcasecmp(str, "icmpv6") == 0) {
        proto_set(p, IPP_ICMPV6);
    } else if (g_ascii_strcasecmp(str, "icmp") == 0) {
        proto_set(p, IPP_ICMP);
        proto_set(p, IPP_ICMPV6);
    } else if (g_ascii_strcasecmp(str, "sctp") == 0) {
        proto_set(p, IPP_SCTP);
    } else if (g_ascii_strcasecmp(str, "ipv4") == 0 || g_ascii_strcasecmp(str, "ip4") == 0) {
        p->flags |= PROTO_F_IPV4 | PROTO_F_ANY;
        memset(p->proto, 0xff, sizeof p->proto);
    } else if (g_ascii_strcasecmp(str, "ipv6") == 0 || g_ascii_strcasecmp(str, "ip6") == 0) {
        p->flags |= PROTO_F_IPV6 | PROTO_F_ANY;
        memset(p->proto, 0xff, sizeof p->proto);
    } else if (g_ascii_strcasecmp(str, "ip") == 0 || g_ascii_strcasecmp(str, "pkthdr") == 0) {
        p->flags |= PROTO_F_ANY;
        memset(p->proto, 0xff, sizeof p->proto);
    } else {
        return FALSE;
    }
    return TRUE;
}

gboolean
sig_proto_contains(const SigProto *p, int ipproto)
{
    if (p->flags & PROTO_F_ANY)
        return TRUE;
    return (p->proto[ipproto / 8] & (1u << (ipproto % 8))) != 0;
}

/* ---- the signature ---------------------------------------------------------- */

void
sig_init(Sig *s)
{
    memset(s, 0, sizeof *s);
    s->list = SIG_LIST_NOTSET;
    s->curbuf = -1;
    s->prio = -1;
    for (int i = 0; i < SIG_LIST_MAX; i++)
        s->smlists[i] = g_ptr_array_new();
    s->buffers = g_array_new(FALSE, TRUE, sizeof(SigBuffer));
    s->chunk = g_string_chunk_new(256);
}

void
sig_clear(Sig *s)
{
    for (int i = 0; i < SIG_LIST_MAX; i++) {
        for (guint k = 0; k < s->smlists[i]->len; k++)
            g_free(g_ptr_array_index(s->smlists[i], k));
        g_ptr_array_free(s->smlists[i], TRUE);
    }
    for (guint b = 0; b < s->buffers->len; b++) {
        SigBuffer *buf = &g_array_index(s->buffers, SigBuffer, b);
        for (guint k = 0; k < buf->sms->len; k++)
            g_free(g_ptr_array_index(buf->sms, k));
        g_ptr_array_free(buf->sms, TRUE);
    }
    g_array_free(s->buffers, TRUE);
    if (s->xform_types)
        g_array_free(s->xform_types, TRUE);
    g_string_chunk_free(s->chunk);
    memset(s, 0, sizeof *s);
}

SigMatch *
sig_match_new(Sig *s, SmType type, const char *kw)
{
    (void)s;
    SigMatch *sm = g_new0(SigMatch, 1);
    sm->type = type;
    sm->kw = kw;
    return sm;
}

static SigBuffer *
curbuf(Sig *s)
{
    return s->curbuf >= 0 ? &g_array_index(s->buffers, SigBuffer, s->curbuf) : NULL;
}

/* SignatureInitDataBufferCheckExpand: at most 64 buffer instances. */
static gboolean
buffer_new(Sig *s, int id, char **error)
{
    if (s->buffers->len >= 64) {
        *error = g_strdup("the rule uses too many buffers (64 at most)");
        return FALSE;
    }
    SigBuffer b = { .id = id, .sms = g_ptr_array_new() };
    g_array_append_val(s->buffers, b);
    s->curbuf = (int)s->buffers->len - 1;
    return TRUE;
}

static gboolean
type_multi(const Sig *s, int id)
{
    const BufferType *t = buffer_type(s, buffer_type_base(s, id));
    return t != NULL && (t->flags & BUFT_MULTI);
}

gboolean
sig_append(Sig *s, SigMatch *sm, int list, char **error)
{
    if (list < SIG_LIST_MAX) {
        g_ptr_array_add(s->smlists[list], sm);
        sm->idx = s->sm_cnt++;
        return TRUE;
    }
    /* app-layer keywords can append to a list that no sticky buffer set up */
    if (s->list != SIG_LIST_NOTSET && list != s->list)
        s->list = SIG_LIST_NOTSET;
    SigBuffer *cb = curbuf(s);
    if (cb != NULL && cb->id != list) {
        for (guint x = 0; x < s->buffers->len; x++) {
            SigBuffer *b = &g_array_index(s->buffers, SigBuffer, x);
            if (b->id == list && !b->multi_capable) {
                s->curbuf = (int)x;
                break;
            }
        }
    }
    cb = curbuf(s);
    if (cb == NULL || cb->id != list) {
        if (!buffer_new(s, list, error)) {
            g_free(sm);
            return FALSE;
        }
        curbuf(s)->sm_init = TRUE;
    }
    g_ptr_array_add(curbuf(s)->sms, sm);
    sm->idx = s->sm_cnt++;
    return TRUE;
}

static gboolean
type_in(SmType t, const SmType *types)
{
    for (; *types != SM_OTHER; types++)
        if (*types == t)
            return TRUE;
    return FALSE;
}

/* SigMatchGetLastSMByType over a chain, from position `before` down. */
static SigMatch *
chain_last(GPtrArray *chain, guint before, const SmType *types)
{
    for (guint k = before; k > 0; k--) {
        SigMatch *sm = g_ptr_array_index(chain, k - 1);
        if (type_in(sm->type, types))
            return sm;
    }
    return NULL;
}

static SigMatch *
later(SigMatch *a, SigMatch *b)
{
    if (a == NULL)
        return b;
    if (b == NULL)
        return a;
    return b->idx > a->idx ? b : a;
}

SigMatch *
sig_last_from_lists(const Sig *s, const SmType *types)
{
    SigMatch *last = NULL;
    for (guint x = 0; x < s->buffers->len; x++) {
        SigBuffer *b = &g_array_index(s->buffers, SigBuffer, x);
        if (s->list != SIG_LIST_NOTSET && s->list != b->id)
            continue;
        last = later(last, chain_last(b->sms, b->sms->len, types));
    }
    for (int l = 0; l < SIG_LIST_MAX; l++) {
        if (s->smlists[l]->len == 0)
            continue;
        if (s->list != SIG_LIST_NOTSET && l != s->list)
            continue;
        last = later(last, chain_last(s->smlists[l], s->smlists[l]->len, types));
    }
    return last;
}

SigMatch *
sig_last_by_list_id(const Sig *s, int list_id, const SmType *types)
{
    SigMatch *last = NULL;
    if (list_id >= SIG_LIST_MAX) {
        /* Suricata looks through every buffer here, whatever its id */
        for (guint x = 0; x < s->buffers->len; x++) {
            SigBuffer *b = &g_array_index(s->buffers, SigBuffer, x);
            last = later(last, chain_last(b->sms, b->sms->len, types));
        }
        return last;
    }
    GPtrArray *c = s->smlists[list_id];
    return chain_last(c, c->len, types);
}

GPtrArray *
sig_chain_of(const Sig *s, const SigMatch *sm, guint *pos)
{
    for (guint x = 0; x < s->buffers->len; x++) {
        SigBuffer *b = &g_array_index(s->buffers, SigBuffer, x);
        for (guint k = 0; k < b->sms->len; k++)
            if (g_ptr_array_index(b->sms, k) == sm) {
                *pos = k;
                return b->sms;
            }
    }
    for (int l = 0; l < SIG_LIST_MAX; l++)
        for (guint k = 0; k < s->smlists[l]->len; k++)
            if (g_ptr_array_index(s->smlists[l], k) == sm) {
                *pos = k;
                return s->smlists[l];
            }
    return NULL;
}

SigMatch *
sig_last_before(const Sig *s, const SigMatch *sm, const SmType *types)
{
    guint pos = 0;
    GPtrArray *c = sig_chain_of(s, sm, &pos);
    return c != NULL ? chain_last(c, pos, types) : NULL;
}

SigMatch *
sig_last_from_mpm_lists(const Sig *s)
{
    static const SmType content[] = { SM_CONTENT, SM_OTHER };
    SigMatch *last = NULL;
    for (guint x = 0; x < s->buffers->len; x++) {
        SigBuffer *b = &g_array_index(s->buffers, SigBuffer, x);
        const BufferType *t = buffer_type(s, b->id);
        if (t != NULL && (t->flags & BUFT_MPM))
            last = later(last, chain_last(b->sms, b->sms->len, content));
    }
    /* The "brute force" loop over the fixed lists finds nothing: their ids
     * are not registered buffer types, so none "supports mpm" (the payload
     * is found by DetectGetLastSMFromLists instead, when no buffer is
     * active). */
    return last;
}

SigMatch *
sig_last(const Sig *s)
{
    SigMatch *last = NULL;
    for (guint x = 0; x < s->buffers->len; x++) {
        SigBuffer *b = &g_array_index(s->buffers, SigBuffer, x);
        if (b->sms->len > 0)
            last = later(last, g_ptr_array_index(b->sms, b->sms->len - 1));
    }
    for (int l = 0; l < SIG_LIST_MAX; l++)
        if (s->smlists[l]->len > 0)
            last = later(last, g_ptr_array_index(s->smlists[l], s->smlists[l]->len - 1));
    return last;
}

int
sig_list_of(const Sig *s, const SigMatch *sm)
{
    for (guint x = 0; x < s->buffers->len; x++) {
        SigBuffer *b = &g_array_index(s->buffers, SigBuffer, x);
        for (guint k = 0; k < b->sms->len; k++)
            if (g_ptr_array_index(b->sms, k) == sm)
                return b->id;
    }
    for (int l = 0; l < SIG_LIST_MAX; l++)
        for (guint k = 0; k < s->smlists[l]->len; k++)
            if (g_ptr_array_index(s->smlists[l], k) == sm)
                return l;
    return -1;
}

gboolean
sig_buffer_set_active(Sig *s, int list, char **error)
{
    if (s->list == SIG_LIST_BASE64_DATA) {
        *error = g_strdup("the buffer cannot be changed after base64_data");
        return FALSE;
    }
    if (s->list != 0 && s->transforms_cnt > 0) {
        *error = g_strdup("a transform is not followed by any match");
        return FALSE;
    }
    s->list = list;
    s->list_set = TRUE;
    SigBuffer *cb = curbuf(s);
    if (cb != NULL && cb->sms->len == 0) {
        *error = g_strdup_printf("sticky buffer '%s' has no match before the next buffer",
                                 buffer_type_name(s, cb->id));
        return FALSE;
    }
    for (guint x = 0; x < s->buffers->len; x++) {
        SigBuffer *b = &g_array_index(s->buffers, SigBuffer, x);
        if (b->id != list)
            continue;
        if (b->sm_init) {
            b->sm_init = FALSE;
            s->curbuf = (int)x;
            return TRUE;
        }
        if (!type_multi(s, list)) {
            /* Suricata warns "duplicate instance" and reuses it */
            s->curbuf = (int)x;
            return TRUE;
        }
    }
    if (list < SIG_LIST_MAX)
        return TRUE;
    if (!buffer_new(s, list, error))
        return FALSE;
    curbuf(s)->multi_capable = type_multi(s, list);
    return TRUE;
}

/* Buffer types made for one rule: a registered type with transforms
 * (DetectEngineBufferTypeGetByIdTransforms), or a frame buffer
 * (DetectEngineBufferTypeRegisterWithFrameEngines). */
typedef struct {
    int base; /* -1 for a frame buffer */
    int cnt;
    SigTransform t[SIG_TRANSFORMS_MAX];
    BufferType frame;
    char name[64];
} DynType;


static int
first_dynamic(void)
{
    return SIG_LIST_DYNAMIC_START + buffer_type_count();
}

static DynType *
dyn_type(const Sig *s, int id)
{
    int i = id - first_dynamic();
    if (i < 0 || s->xform_types == NULL || i >= (int)s->xform_types->len)
        return NULL;
    return &g_array_index(s->xform_types, DynType, i);
}

static int
dyn_add(Sig *s, const DynType *d)
{
    if (s->xform_types == NULL)
        s->xform_types = g_array_new(FALSE, TRUE, sizeof(DynType));
    g_array_append_vals(s->xform_types, d, 1);
    return first_dynamic() + (int)s->xform_types->len - 1;
}

int
buffer_type_base(const Sig *s, int id)
{
    const DynType *d = dyn_type(s, id);
    return d != NULL && d->base >= 0 ? d->base : id;
}

const BufferType *
buffer_type(const Sig *s, int id)
{
    const DynType *d = dyn_type(s, id);
    if (d != NULL)
        return d->base >= 0 ? buffer_type(s, d->base) : &d->frame;
    return buffer_type_static(id - SIG_LIST_DYNAMIC_START);
}

const char *
buffer_type_name(const Sig *s, int id)
{
    static const char *const fixed[SIG_LIST_MAX] = {
        "packet", "payload", "base64_data", "postmatch", "tag", "suppress", "threshold",
    };
    if (id >= 0 && id < SIG_LIST_MAX)
        return fixed[id];
    const BufferType *t = buffer_type(s, id);
    return t != NULL ? t->name : "?";
}

int
buffer_type_frame(Sig *s, const char *name, AppProto alproto)
{
    for (guint i = 0; s->xform_types != NULL && i < s->xform_types->len; i++) {
        DynType *d = &g_array_index(s->xform_types, DynType, i);
        if (d->base < 0 && strcmp(d->name, name) == 0)
            return first_dynamic() + (int)i;
    }
    DynType d = { .base = -1 };
    g_strlcpy(d.name, name, sizeof d.name);
    d.frame.flags = BUFT_FRAME | BUFT_MPM;
    d.frame.engines[0].alproto = alproto;
    d.frame.engines[0].dirs = BUF_DIR_TS | BUF_DIR_TC;
    int id = dyn_add(s, &d);
    /* the name points into the array element, which may move: keep a copy */
    DynType *stored = dyn_type(s, id);
    stored->frame.name = g_string_chunk_insert(s->chunk, name);
    return id;
}

static int
xform_type(Sig *s, int base, char **error)
{
    const BufferType *bt = buffer_type(s, base);
    if (bt == NULL || !(bt->flags & BUFT_MPM)) {
        *error =
            g_strdup_printf("buffer '%s' does not support transforms", buffer_type_name(s, base));
        return -1;
    }
    for (guint i = 0; s->xform_types != NULL && i < s->xform_types->len; i++) {
        DynType *x = &g_array_index(s->xform_types, DynType, i);
        if (x->base != base || x->cnt != s->transforms_cnt)
            continue;
        gboolean same = TRUE;
        for (int k = 0; same && k < x->cnt; k++)
            same = strcmp(x->t[k].name, s->transforms[k].name) == 0 &&
                   g_strcmp0(x->t[k].arg, s->transforms[k].arg) == 0;
        if (same)
            return first_dynamic() + (int)i;
    }
    DynType x = { .base = base, .cnt = s->transforms_cnt };
    memcpy(x.t, s->transforms, sizeof x.t);
    return dyn_add(s, &x);
}

gboolean
sig_buffer_get_active(Sig *s, char **error)
{
    if (s->list == 0 || s->transforms_cnt == 0)
        return TRUE;
    if (s->list == SIG_LIST_NOTSET || s->list < SIG_LIST_DYNAMIC_START) {
        *error = g_strdup("a transform is not followed by a match in its buffer");
        return FALSE;
    }
    int base_list = s->list;
    int new_list = xform_type(s, base_list, error);
    if (new_list < 0)
        return FALSE;
    s->list = new_list;
    s->list_set = FALSE;
    s->transforms_cnt = 0;
    SigBuffer *cb = curbuf(s);
    if (cb != NULL && cb->sms->len > 0) {
        if (!buffer_new(s, new_list, error))
            return FALSE;
        curbuf(s)->multi_capable = type_multi(s, base_list);
    }
    if (curbuf(s) == NULL) {
        *error = g_strdup("failed to set up the buffer");
        return FALSE;
    }
    curbuf(s)->id = new_list;
    return TRUE;
}

gboolean
sig_set_alproto(Sig *s, AppProto alproto, char **error)
{
    if (alproto == ALPROTO_UNKNOWN || alproto >= ALPROTO_FAILED) {
        *error = g_strdup("invalid application protocol");
        return FALSE;
    }
    if (alproto == ALPROTO_SMB && s->alproto == ALPROTO_DCERPC) {
        *error = g_strdup("this keyword needs protocol smb, the rule is already dcerpc");
        return FALSE;
    }
    if (s->alproto != ALPROTO_UNKNOWN && !alproto_equals(s->alproto, alproto)) {
        if (alproto_equals(alproto, s->alproto)) {
            alproto = s->alproto; /* keep the narrower http1/http2 */
        } else {
            *error = g_strdup_printf("conflicting protocols: this keyword needs %s, the rule is "
                                     "already %s",
                                     alproto_name(alproto), alproto_name(s->alproto));
            return FALSE;
        }
    }
    if (!alproto_enabled(alproto)) {
        *error = g_strdup_printf("protocol %s is disabled in Suricata's default configuration "
                                 "(app-layer.protocols.%s.detection-enabled), the rule can never "
                                 "match",
                                 alproto_name(alproto), alproto_name(alproto));
        return FALSE;
    }
    s->alproto = alproto;
    s->flags |= SIGF_APPLAYER;
    return TRUE;
}

gboolean
sig_add_transform(Sig *s, const char *name, const char *arg, char **error)
{
    if (s->list == 0) {
        *error = g_strdup_printf("transform '%s' applies only to a buffer", name);
        return FALSE;
    }
    if (!s->list_set) {
        *error = g_strdup_printf("transform '%s' must directly follow a sticky buffer", name);
        return FALSE;
    }
    if (s->transforms_cnt >= SIG_TRANSFORMS_MAX) {
        *error = g_strdup("too many transforms");
        return FALSE;
    }
    s->transforms[s->transforms_cnt].name = name;
    s->transforms[s->transforms_cnt].arg = arg ? g_string_chunk_insert(s->chunk, arg) : NULL;
    s->transforms_cnt++;
    return TRUE;
}

gboolean
sig_transform_validate(const Sig *s, int list, const guint8 *content, gsize len, const char **tname)
{
    const DynType *x = dyn_type(s, list);
    if (x == NULL || x->base < 0)
        return TRUE;
    for (int i = 0; i < x->cnt; i++) {
        gboolean lower = strcmp(x->t[i].name, "to_lowercase") == 0;
        gboolean upper = strcmp(x->t[i].name, "to_uppercase") == 0;
        if (!lower && !upper)
            continue;
        for (gsize k = 0; k < len; k++) {
            if ((lower && g_ascii_isupper(content[k])) || (upper && g_ascii_islower(content[k]))) {
                *tname = x->t[i].name;
                return FALSE;
            }
        }
    }
    return TRUE;
}

gboolean
sig_content_modifier_buffer(Sig *s, const char *kw, int list, AppProto alproto, char **error)
{
    static const SmType content[] = { SM_CONTENT, SM_OTHER };
    static const SmType cp[] = { SM_CONTENT, SM_PCRE, SM_OTHER };
    if (s->list != SIG_LIST_NOTSET) {
        *error = g_strdup_printf(
            "'%s' used while a sticky buffer is set; reset it with pkt_data first", kw);
        return FALSE;
    }
    if (s->alproto != ALPROTO_UNKNOWN && !alproto_equals(s->alproto, alproto)) {
        *error = g_strdup_printf("'%s' needs protocol %s, the rule is already %s", kw,
                                 alproto_name(alproto), alproto_name(s->alproto));
        return FALSE;
    }
    SigMatch *sm = sig_last_by_list_id(s, SIG_LIST_PMATCH, content);
    if (sm == NULL) {
        *error = g_strdup_printf("'%s' needs a preceding content in the payload", kw);
        return FALSE;
    }
    if (sm->flags & CT_RAWBYTES) {
        *error = g_strdup_printf("'%s' cannot be used with rawbytes", kw);
        return FALSE;
    }
    if (sm->flags & CT_REPLACE) {
        *error = g_strdup_printf("'%s' cannot be used with replace", kw);
        return FALSE;
    }
    (void)cp;
    s->alproto = alproto;
    s->flags |= SIGF_APPLAYER;
    SigBuffer *cb = curbuf(s);
    if (cb == NULL || cb->id != list) {
        if (cb != NULL && cb->sms->len == 0) {
            *error = g_strdup("the previous buffer has no match");
            return FALSE;
        }
        gboolean reuse = FALSE;
        if (cb != NULL && cb->id != list) {
            for (guint x = 0; x < s->buffers->len; x++) {
                if (g_array_index(s->buffers, SigBuffer, x).id == list) {
                    s->curbuf = (int)x;
                    reuse = TRUE;
                    break;
                }
            }
        }
        if (!reuse && !buffer_new(s, list, error))
            return FALSE;
    }
    /* transfer the content from the payload list to the buffer */
    g_ptr_array_remove(s->smlists[SIG_LIST_PMATCH], sm);
    g_ptr_array_add(curbuf(s)->sms, sm);
    return TRUE;
}

gboolean
sig_byte_var_known(const Sig *s, const char *name)
{
    for (guint x = 0; x < s->buffers->len; x++) {
        SigBuffer *b = &g_array_index(s->buffers, SigBuffer, x);
        for (guint k = 0; k < b->sms->len; k++) {
            SigMatch *sm = g_ptr_array_index(b->sms, k);
            if ((sm->type == SM_BYTE_EXTRACT || sm->type == SM_BYTEMATH) && sm->var &&
                strcmp(sm->var, name) == 0)
                return TRUE;
        }
    }
    for (int l = 0; l < SIG_LIST_MAX; l++)
        for (guint k = 0; k < s->smlists[l]->len; k++) {
            SigMatch *sm = g_ptr_array_index(s->smlists[l], k);
            if ((sm->type == SM_BYTE_EXTRACT || sm->type == SM_BYTEMATH) && sm->var &&
                strcmp(sm->var, name) == 0)
                return TRUE;
        }
    return FALSE;
}

/* ---- SigValidate ------------------------------------------------------------ */

/* DetectUrilenApplyToContent: a urilen bounds the depth of the buffer's contents. */
static void
setup_urilen(Sig *s, SigBuffer *b)
{
    guint32 high = G_MAXUINT16;
    gboolean found = FALSE;
    for (guint k = 0; k < b->sms->len; k++) {
        SigMatch *sm = g_ptr_array_index(b->sms, k);
        if (sm->type != SM_URILEN)
            continue;
        switch (sm->u.mode) {
        case UINT_LT:
            if (sm->u.arg1 < G_MAXUINT16)
                high = (guint32)sm->u.arg1 + 1;
            break;
        case UINT_LTE:
        case UINT_EQ: high = (guint32)sm->u.arg1; break;
        case UINT_RA:
            if (sm->u.arg2 < G_MAXUINT16)
                high = (guint32)sm->u.arg2 + 1;
            break;
        default: high = G_MAXUINT16; break;
        }
        found = TRUE;
    }
    (void)s;
    if (!found || high == G_MAXUINT16)
        return;
    for (guint k = 0; k < b->sms->len; k++) {
        SigMatch *sm = g_ptr_array_index(b->sms, k);
        if (sm->type == SM_CONTENT && (sm->depth == 0 || sm->depth > high)) {
            sm->depth = (guint16)high;
            sm->flags |= CT_DEPTH;
        }
    }
}

static void
run_setup_callbacks(Sig *s)
{
    /* DetectEngineBufferRunSetupCallback for every buffer, by exact id */
    for (guint x = 0; x < s->buffers->len; x++) {
        SigBuffer *b = &g_array_index(s->buffers, SigBuffer, x);
        const BufferType *t = buffer_type(s, b->id);
        if (t == NULL)
            continue;
        BufSetup what = t->setup;
        if (b->id != buffer_type_base(s, b->id) && what != BUF_SETUP_URILEN)
            what = BUF_SETUP_NONE; /* those callbacks look up the base id only */
        if (what == BUF_SETUP_URILEN) {
            if (b->id == buffer_type_base(s, b->id))
                setup_urilen(s, b);
            continue;
        }
        for (guint k = 0; what != BUF_SETUP_NONE && k < b->sms->len; k++) {
            SigMatch *sm = g_ptr_array_index(b->sms, k);
            if (sm->type != SM_CONTENT)
                continue;
            for (guint u = 0; u < sm->content_len; u++)
                sm->content[u] = what == BUF_SETUP_LOWER ? g_ascii_tolower(sm->content[u])
                                                         : g_ascii_toupper(sm->content[u]);
        }
    }
}

static gboolean
all_xdigit(const guint8 *p, gsize n)
{
    for (gsize i = 0; i < n; i++)
        if (!g_ascii_isxdigit(p[i]))
            return FALSE;
    return TRUE;
}

static gboolean
has_byte(const guint8 *p, gsize n, guint8 c)
{
    return memchr(p, c, n) != NULL;
}

/* DetectEngineBufferRunValidateCallback: each callback scans the buffers
 * whose id is its own buffer's (transformed copies have other ids). */
static gboolean
run_validate_callback(Sig *s, int id, char **error)
{
    const BufferType *t = buffer_type(s, id);
    if (t == NULL || t->validate == BUF_VAL_NONE)
        return TRUE;
    int base = buffer_type_base(s, id);
    if (t->validate == BUF_VAL_HTTP_RAW_HEADER) {
        if ((s->flags & (SIGF_TOCLIENT | SIGF_TOSERVER)) == (SIGF_TOCLIENT | SIGF_TOSERVER)) {
            *error = g_strdup("raw HTTP headers need a direction: add flow:to_server (request "
                              "headers) or flow:to_client (response headers)");
            return FALSE;
        }
        return TRUE;
    }
    for (guint x = 0; x < s->buffers->len; x++) {
        SigBuffer *b = &g_array_index(s->buffers, SigBuffer, x);
        if (b->id != base)
            continue;
        for (guint k = 0; k < b->sms->len; k++) {
            SigMatch *sm = g_ptr_array_index(b->sms, k);
            if (sm->type != SM_CONTENT)
                continue;
            const guint8 *c = sm->content;
            guint n = sm->content_len;
            const char *name = t->name;
            switch (t->validate) {
            case BUF_VAL_HTTP_HOST:
                if (sm->flags & CT_NOCASE) {
                    *error = g_strdup("http.host is normalized to lowercase: nocase is not "
                                      "allowed (write the pattern in lowercase)");
                    return FALSE;
                }
                for (guint u = 0; u < n; u++)
                    if (g_ascii_isupper(c[u])) {
                        *error = g_strdup("http.host is normalized to lowercase: the pattern "
                                          "must not contain uppercase letters");
                        return FALSE;
                    }
                break;
            case BUF_VAL_HTTP_METHOD:
            case BUF_VAL_SIP_METHOD:
                if (n > 0 && (c[n - 1] == ' ' || c[0] == ' ' || c[n - 1] == '\t' || c[0] == '\t')) {
                    if (t->validate == BUF_VAL_SIP_METHOD)
                        break; /* Suricata logs an error but keeps the rule */
                    *error = g_strdup("an http method pattern cannot start or end with a space "
                                      "or tab");
                    return FALSE;
                }
                break;
            case BUF_VAL_URILEN:
                if (sm->depth && sm->depth < sm->content_len) {
                    *error = g_strdup_printf("depth or urilen %u is smaller than the content "
                                             "length %u",
                                             sm->depth, sm->content_len);
                    return FALSE;
                }
                break;
            case BUF_VAL_QUIC_HASH:
            case BUF_VAL_HASSH:
            case BUF_VAL_HASSH_SERVER:
                if (n != 32) {
                    *error = g_strdup_printf("content in %s must be 32 characters long (an MD5 "
                                             "hash in hex), not %u",
                                             name, n);
                    return FALSE;
                }
                if (!all_xdigit(c, n)) {
                    *error = g_strdup_printf("content in %s must be hexadecimal", name);
                    return FALSE;
                }
                break;
            case BUF_VAL_TLS_FINGERPRINT:
                if (n != 59) {
                    *error = g_strdup_printf("a tls.cert_fingerprint is 59 characters "
                                             "(20 hex pairs joined by ':'), not %u",
                                             n);
                    return FALSE;
                }
                if (!has_byte(c, n, ':')) {
                    *error = g_strdup("a tls.cert_fingerprint needs ':' between the hex pairs");
                    return FALSE;
                }
                break;
            case BUF_VAL_TLS_SERIAL:
                /* only the first content is checked */
                if (n <= 2 || has_byte(c, n, ':'))
                    return TRUE;
                *error = g_strdup("a tls.cert_serial longer than one byte needs ':' between "
                                  "the hex pairs");
                return FALSE;
            case BUF_VAL_JA3:
            case BUF_VAL_JA3S:
                /* only the first content's length is checked, not its digits */
                if (n == 32)
                    return TRUE;
                *error = g_strdup_printf("content in %s must be 32 characters long (an MD5 "
                                         "hash), not %u",
                                         name, n);
                return FALSE;
            default: break;
            }
        }
    }
    return TRUE;
}

/* SigParseGetMaxDsize / SigParseGetMaxBsize */
static int
max_size(const UintData *u, gboolean dsize)
{
    switch (u->mode) {
    case UINT_LT:
    case UINT_EQ: return (int)u->arg1;
    case UINT_NE: return dsize ? (int)u->arg1 : -2;
    case UINT_RA: return (int)u->arg2;
    default: return -2;
    }
}

/* SigParseRequiredContentSize */
static void
required_content_size(GPtrArray *chain, int max, int *len, int *offset)
{
    int max_offset = 0, total = 0;
    gboolean first = TRUE;
    for (guint k = 0; chain && k < chain->len; k++) {
        SigMatch *sm = g_ptr_array_index(chain, k);
        if (sm->type != SM_CONTENT)
            continue;
        if (!first) {
            if (!(sm->flags & (CT_DISTANCE | CT_WITHIN)))
                continue;
            if (sm->flags & CT_NEGATED) {
                int check = total + sm->distance + sm->within;
                if (max < check) {
                    *len = check;
                    return;
                }
                continue;
            }
        }
        total += sm->content_len + sm->distance;
        max_offset = MAX(max_offset, sm->offset);
        first = FALSE;
    }
    *len = total;
    *offset = max_offset;
}

/* DetectContentPMATCHValidateCallback */
static gboolean
pmatch_dsize_ok(Sig *s, char **error)
{
    if (!(s->flags & SIGF_DSIZE) || s->dsize_sm == NULL)
        return TRUE;
    int dsize = max_size(&s->dsize_sm->u, TRUE);
    if (dsize < 0)
        return TRUE;
    int len = 0, offset = 0;
    required_content_size(s->smlists[SIG_LIST_PMATCH], dsize, &len, &offset);
    int need = -1;
    if (len > dsize)
        need = len;
    else if (len + offset > dsize)
        need = len + offset;
    if (need >= 0 && need > dsize) {
        *error = g_strdup_printf("the contents need %d bytes but dsize allows at most %d: the "
                                 "rule can never match",
                                 need, dsize);
        return FALSE;
    }
    return TRUE;
}

/* DetectBsizeValidateContentCallback */
static gboolean
bsize_ok(SigBuffer *b, char **error)
{
    SigMatch *bs = NULL;
    for (guint k = 0; k < b->sms->len && bs == NULL; k++) {
        SigMatch *sm = g_ptr_array_index(b->sms, k);
        if (sm->type == SM_BSIZE)
            bs = sm;
    }
    if (bs == NULL)
        return TRUE;
    int bsize = max_size(&bs->u, FALSE);
    if (bsize < 0)
        return TRUE;
    int len = 0, offset = 0;
    required_content_size(b->sms, bsize, &len, &offset);
    if (len > bsize || len + offset > bsize) {
        *error = g_strdup_printf("the contents need %d bytes but bsize allows at most %d: the "
                                 "rule can never match",
                                 len > bsize ? len : len + offset, bsize);
        return FALSE;
    }
    return TRUE;
}

/* DetectFlowSetupImplicit */
static gboolean
flow_implicit(Sig *s, guint32 dir)
{
    const guint32 both = SIGF_TOSERVER | SIGF_TOCLIENT;
    guint32 other = dir == SIGF_TOSERVER ? SIGF_TOCLIENT : SIGF_TOSERVER;
    if ((s->flags & both) == both)
        s->flags &= ~other;
    else if (s->flags & other)
        return FALSE;
    s->flags |= dir;
    return TRUE;
}

gboolean
sig_validate(Sig *s, char **error)
{
    /* SigInitHelper, before SigValidate: no flow keyword means both
     * directions, then the setup callbacks run */
    if (!(s->init_flags & SIGI_FLOW) && (s->flags & (SIGF_TOSERVER | SIGF_TOCLIENT)) == 0)
        s->flags |= SIGF_TOSERVER | SIGF_TOCLIENT;
    run_setup_callbacks(s);

    SigBuffer *cb = curbuf(s);
    if (cb != NULL && cb->sms->len == 0) {
        *error = g_strdup_printf("sticky buffer '%s' has no match after it",
                                 buffer_type_name(s, cb->id));
        return FALSE;
    }
    gboolean has_frame = FALSE, has_app = FALSE, has_pkt = FALSE, has_pmatch = FALSE;
    if (s->smlists[SIG_LIST_PMATCH]->len > 0) {
        if (!pmatch_dsize_ok(s, error))
            return FALSE;
        has_pmatch = TRUE;
    }
    int ts_excl = 0, tc_excl = 0;
    GHashTable *seen = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (guint x = 0; x < s->buffers->len; x++) {
        SigBuffer *b = &g_array_index(s->buffers, SigBuffer, x);
        const BufferType *bt = buffer_type(s, b->id);
        if (bt == NULL)
            continue;
        if (b->sms->len == 0) {
            *error = g_strdup_printf("sticky buffer '%s' has no match after it",
                                     buffer_type_name(s, b->id));
            g_hash_table_destroy(seen);
            return FALSE;
        }
        gboolean packet = (bt->flags & BUFT_PACKET) != 0, frame = (bt->flags & BUFT_FRAME) != 0;
        has_frame |= frame;
        has_app |= !frame && !packet;
        has_pkt |= packet;
        if ((s->flags & SIGF_REQUIRE_PACKET) && !packet) {
            *error = g_strdup("packet keywords (dsize, flags, ttl ...) cannot be combined with "
                              "app-layer or stream matching in one rule");
            g_hash_table_destroy(seen);
            return FALSE;
        }
        /* the directions of the inspect engines of this buffer for the
         * rule's protocol, counted once per buffer type */
        if (!g_hash_table_contains(seen, GINT_TO_POINTER(b->id))) {
            g_hash_table_add(seen, GINT_TO_POINTER(b->id));
            guint dirs = 0;
            for (int e = 0; e < 8 && bt->engines[e].dirs; e++)
                if (alproto_equals(s->alproto, bt->engines[e].alproto) ||
                    s->alproto == ALPROTO_UNKNOWN)
                    dirs |= bt->engines[e].dirs;
            if (dirs == BUF_DIR_TS)
                ts_excl++;
            else if (dirs == BUF_DIR_TC)
                tc_excl++;
        }
        if (!run_validate_callback(s, b->id, error) || !bsize_ok(b, error)) {
            g_hash_table_destroy(seen);
            return FALSE;
        }
    }
    g_hash_table_destroy(seen);
    if (ts_excl && tc_excl) {
        *error = g_strdup("the rule mixes keywords of opposite directions (request-only and "
                          "response-only buffers)");
        return FALSE;
    }
    if ((ts_excl && !flow_implicit(s, SIGF_TOSERVER)) ||
        (tc_excl && !flow_implicit(s, SIGF_TOCLIENT))) {
        *error = g_strdup_printf("the rule's buffers inspect %s data, but its flow direction is "
                                 "the opposite",
                                 ts_excl ? "request (to_server)" : "response (to_client)");
        return FALSE;
    }
    if ((s->flags & SIGF_REQUIRE_PACKET) && (s->flags & SIGF_REQUIRE_STREAM)) {
        *error = g_strdup("packet keywords cannot be combined with tcp-stream or "
                          "flow:only_stream");
        return FALSE;
    }
    if (has_pmatch && has_frame) {
        *error = g_strdup("payload content cannot be mixed with frame inspection");
        return FALSE;
    }
    if (has_app && has_frame) {
        *error = g_strdup("app-layer buffers cannot be mixed with frame inspection");
        return FALSE;
    }
    if (has_pkt && has_frame) {
        *error = g_strdup("packet buffers cannot be mixed with frame inspection");
        return FALSE;
    }
    if ((s->init_flags & SIGI_JA) && s->alproto != ALPROTO_UNKNOWN && s->alproto != ALPROTO_TLS &&
        s->alproto != ALPROTO_QUIC) {
        *error = g_strdup_printf("ja3/ja4 keywords need protocol tls or quic, not %s",
                                 alproto_name(s->alproto));
        return FALSE;
    }
    if ((s->flags & SIGF_FILESTORE) || s->file_flags != 0 || (s->init_flags & SIGI_FILEDATA)) {
        if (s->alproto != ALPROTO_UNKNOWN && !alproto_supports_files(s->alproto)) {
            *error = g_strdup_printf("protocol %s does not carry files", alproto_name(s->alproto));
            return FALSE;
        }
        if (s->alproto == ALPROTO_HTTP2 && (s->file_flags & SIG_FILE_NEED_FILENAME)) {
            *error = g_strdup("HTTP/2 does not support file name matching");
            return FALSE;
        }
    }
    return TRUE;
}
