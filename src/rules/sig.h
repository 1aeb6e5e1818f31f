/*
 * sig.h - a mirror of what Suricata 7.0.10 keeps while it sets up one rule
 * (struct SignatureInitData, src/detect.h), so that every keyword validator
 * can take the same decisions as the keyword's Setup function.  Private to
 * src/rules.
 *
 * Design:
 *  - Matches are SigMatch records in "lists", exactly as in Suricata: seven
 *    fixed lists (DETECT_SM_LIST_MATCH .. THRESHOLD) and "buffers", instances
 *    of registered buffer types (http_uri, tls.sni ...) that sticky buffers,
 *    legacy content modifiers and app-layer keywords append to.  A record
 *    keeps only the fields some setup or validation function reads (content
 *    bytes and flags, byte variable names, size limits ...).
 *  - Every record has the index Suricata gives it (sm->idx), so "the last
 *    content or pcre in any list" (DetectGetLastSMFromLists) is the record
 *    with the highest index, as there.
 *  - Buffer type ids are Suricata's numbering idea, not its numbers: fixed
 *    lists 0-6, registered buffers from SIG_LIST_DYNAMIC_START (the order of
 *    buffers_table.c), transformed buffers after those, made per rule.
 *  - Application protocols are Suricata's AppProto values by name; which ones
 *    the default configuration enables (modbus, dnp3, enip are off) is
 *    decided in sig.c.
 * Functions are named after the Suricata function they mirror.
 */
#ifndef NFW_RULES_SIG_H
#define NFW_RULES_SIG_H

#include <glib.h>

/* AppProto (app-layer-protos.h), in Suricata's order. */
typedef enum {
    ALPROTO_UNKNOWN = 0,
    ALPROTO_HTTP1,
    ALPROTO_FTP,
    ALPROTO_SMTP,
    ALPROTO_TLS,
    ALPROTO_SSH,
    ALPROTO_IMAP,
    ALPROTO_JABBER,
    ALPROTO_SMB,
    ALPROTO_DCERPC,
    ALPROTO_IRC,
    ALPROTO_DNS,
    ALPROTO_MODBUS,
    ALPROTO_ENIP,
    ALPROTO_DNP3,
    ALPROTO_NFS,
    ALPROTO_NTP,
    ALPROTO_FTPDATA,
    ALPROTO_TFTP,
    ALPROTO_IKE,
    ALPROTO_KRB5,
    ALPROTO_QUIC,
    ALPROTO_DHCP,
    ALPROTO_SNMP,
    ALPROTO_SIP,
    ALPROTO_RFB,
    ALPROTO_MQTT,
    ALPROTO_PGSQL,
    ALPROTO_TELNET,
    ALPROTO_TEMPLATE,
    ALPROTO_RDP,
    ALPROTO_HTTP2,
    ALPROTO_BITTORRENT_DHT,
    ALPROTO_HTTP, /* HTTP of any version: matches HTTP1 and HTTP2 */
    ALPROTO_FAILED,
    ALPROTO_MAX,
} AppProto;

/* StringToAppProto: the registered name ("http1", "ftp-data"), exact case. */
AppProto alproto_from_name(const char *name);
/* AppProtoToString ("http" for HTTP1, "http_any" for HTTP). */
const char *alproto_name(AppProto alproto);
/* AppLayerGetProtoByName: aliases ("ikev2"), only enabled protocols. */
AppProto alproto_by_name_enabled(const char *name);
/* AppLayerProtoDetectGetProtoName() != NULL: detection enabled by default. */
gboolean alproto_enabled(AppProto alproto);
/* AppProtoEquals(sigproto, alproto). */
gboolean alproto_equals(AppProto sigproto, AppProto alproto);
/* The IP protocols the protocol is detected on (AppLayerProtoDetectSupportedIpprotos). */
gboolean alproto_on_tcp(AppProto alproto);
gboolean alproto_on_udp(AppProto alproto);
/* AppLayerParserSupportsFiles(IPPROTO_TCP, alproto). */
gboolean alproto_supports_files(AppProto alproto);

/* DETECT_SM_LIST_* (detect.h). */
enum {
    SIG_LIST_MATCH = 0,
    SIG_LIST_PMATCH,
    SIG_LIST_BASE64_DATA,
    SIG_LIST_POSTMATCH,
    SIG_LIST_TMATCH,
    SIG_LIST_SUPPRESS,
    SIG_LIST_THRESHOLD,
    SIG_LIST_MAX,
    SIG_LIST_DYNAMIC_START = SIG_LIST_MAX,
    SIG_LIST_NOTSET = G_MAXINT,
};

/* The keyword types setup functions look for (DETECT_* of detect-engine-register.h). */
typedef enum {
    SM_OTHER = 0,
    SM_CONTENT,
    SM_PCRE,
    SM_BYTETEST,
    SM_BYTEJUMP,
    SM_BYTE_EXTRACT,
    SM_BYTEMATH,
    SM_ISDATAAT,
    SM_BASE64_DECODE,
    SM_BSIZE,
    SM_DSIZE,
    SM_THRESHOLD,
    SM_DETECTION_FILTER,
    SM_APP_LAYER_PROTOCOL,
    SM_IPPROTO,
    SM_STREAM_SIZE,
    SM_URILEN,
    SM_FLOW,
    SM_DATASET,
} SmType;

/* DetectContentData flags (detect-content.h) that setup code reads. */
enum {
    CT_NOCASE = 1u << 0,
    CT_DEPTH = 1u << 1,
    CT_OFFSET = 1u << 2,
    CT_DISTANCE = 1u << 3,
    CT_WITHIN = 1u << 4,
    CT_FAST_PATTERN = 1u << 5,
    CT_FAST_PATTERN_ONLY = 1u << 6,
    CT_FAST_PATTERN_CHOP = 1u << 7,
    CT_NEGATED = 1u << 8,
    CT_RAWBYTES = 1u << 9,
    CT_REPLACE = 1u << 10,
    CT_STARTS_WITH = 1u << 11,
    CT_ENDS_WITH = 1u << 12,
    CT_RELATIVE_NEXT = 1u << 13,
    CT_DEPTH_VAR = 1u << 14,
    CT_OFFSET_VAR = 1u << 15,
    CT_DISTANCE_VAR = 1u << 16,
    CT_WITHIN_VAR = 1u << 17,
};

/* DetectPcreData flag read by setup code. */
enum { PCRE_F_RELATIVE = 1u << 0 };

/* DetectUintMode (rust/src/detect/uint.rs). */
typedef enum {
    UINT_EQ,
    UINT_LT,
    UINT_LTE,
    UINT_GT,
    UINT_GTE,
    UINT_RA,
    UINT_NE,
} UintMode;

typedef struct {
    UintMode mode;
    guint64 arg1, arg2;
} UintData;

typedef struct SigMatch {
    SmType type;
    guint idx;       /* order of creation in the rule (sm->idx) */
    const char *kw;  /* keyword name, for messages */
    guint32 flags;   /* CT_* for contents, PCRE_F_* for pcre */
    guint8 *content; /* content bytes (after nocase lowering) */
    guint16 content_len;
    guint16 depth, offset;
    gint32 distance, within;
    const char *var; /* byte_extract name / byte_math result */
    UintData u;      /* bsize, dsize, urilen */
    gboolean urilen_raw;
    AppProto alproto; /* app-layer-protocol */
    gboolean negated;
    int op, proto;         /* ip_proto */
    gboolean prefilter_ok; /* the keyword supports prefilter */
} SigMatch;

/* SignatureInitDataBuffer */
typedef struct {
    int id;
    GPtrArray *sms; /* SigMatch*, head to tail */
    gboolean multi_capable;
    gboolean sm_init;
} SigBuffer;

/* Signature flags (SIG_FLAG_*) that setup and validation read. */
enum {
    SIGF_TOSERVER = 1u << 0,
    SIGF_TOCLIENT = 1u << 1,
    SIGF_REQUIRE_PACKET = 1u << 2,
    SIGF_REQUIRE_STREAM = 1u << 3,
    SIGF_DSIZE = 1u << 4,
    SIGF_APPLAYER = 1u << 5,
    SIGF_FILESTORE = 1u << 6,
    SIGF_BYPASS = 1u << 7,
    SIGF_PREFILTER = 1u << 8,
};

/* SIG_FLAG_INIT_* */
enum {
    SIGI_FLOW = 1u << 0,
    SIGI_BIDIREC = 1u << 1,
    SIGI_FIRST_IPPROTO_SEEN = 1u << 2,
    SIGI_PRIO_EXPLICIT = 1u << 3,
    SIGI_FILEDATA = 1u << 4,
    SIGI_JA = 1u << 5,
};

/* DetectProto: the IP protocols of the rule (256 bits) and DETECT_PROTO_* flags. */
enum {
    PROTO_F_ANY = 1u << 0,
    PROTO_F_ONLY_PKT = 1u << 1,
    PROTO_F_ONLY_STREAM = 1u << 2,
    PROTO_F_IPV4 = 1u << 3,
    PROTO_F_IPV6 = 1u << 4,
};

typedef struct {
    guint8 proto[32];
    guint flags;
} SigProto;

#define SIG_TRANSFORMS_MAX 16

typedef struct {
    const char *name; /* keyword name */
    const char *arg;  /* pcrexform regex / xor key, NULL otherwise */
} SigTransform;

/* s->file_flags */
enum {
    SIG_FILE_NEED_FILE = 1u << 0,
    SIG_FILE_NEED_FILENAME = 1u << 1,
};

typedef struct Sig {
    /* The whole of Signature / SignatureInitData that matters here. */
    AppProto alproto;
    guint32 flags;      /* SIGF_* */
    guint32 init_flags; /* SIGI_* */
    guint32 file_flags; /* s->file_flags != 0 */
    SigProto proto;
    int list;          /* init_data->list */
    gboolean list_set; /* init_data->list_set */
    gboolean negated;  /* init_data->negated: the value began with '!' */
    SigTransform transforms[SIG_TRANSFORMS_MAX];
    int transforms_cnt;
    GPtrArray *smlists[SIG_LIST_MAX]; /* SigMatch* */
    GArray *buffers;                  /* SigBuffer */
    int curbuf;                       /* index into buffers, -1 = NULL */
    guint sm_cnt;
    SigMatch *dsize_sm;
    SigMatch *prefilter_sm;
    gboolean has_msg, has_rev, has_class;
    int prio;   /* -1 until priority or classtype sets it */
    int target; /* 1 src_ip, 2 dest_ip */
    guint32 sid;
    /* buffer types made for this rule: transformed and frame buffers */
    GArray *xform_types;
    GStringChunk *chunk; /* owns content bytes and names */
} Sig;

void sig_init(Sig *s);
void sig_clear(Sig *s);

/* DetectProtoParse */
gboolean sig_proto_parse(SigProto *p, const char *str);
/* DetectProtoContainsProto */
gboolean sig_proto_contains(const SigProto *p, int ipproto);

SigMatch *sig_match_new(Sig *s, SmType type, const char *kw);
/* SigMatchAppendSMToList; FALSE with *error on buffer overflow */
gboolean sig_append(Sig *s, SigMatch *sm, int list, char **error);

/* DetectGetLastSMFromLists(s, types..., -1): types is a 0-terminated array. */
SigMatch *sig_last_from_lists(const Sig *s, const SmType *types);
/* DetectGetLastSMByListId */
SigMatch *sig_last_by_list_id(const Sig *s, int list_id, const SmType *types);
/* DetectGetLastSMByListPtr(s, sm->prev, types): the last before `sm` in its own chain */
SigMatch *sig_last_before(const Sig *s, const SigMatch *sm, const SmType *types);
/* DetectGetLastSMFromMpmLists */
SigMatch *sig_last_from_mpm_lists(const Sig *s);
/* DetectGetLastSM */
SigMatch *sig_last(const Sig *s);
/* SigMatchListSMBelongsTo: the list id, -1 if none */
int sig_list_of(const Sig *s, const SigMatch *sm);
/* The chain a match is in, and its position there. */
GPtrArray *sig_chain_of(const Sig *s, const SigMatch *sm, guint *pos);

/* DetectBufferSetActiveList / DetectBufferGetActiveList */
gboolean sig_buffer_set_active(Sig *s, int list, char **error);
gboolean sig_buffer_get_active(Sig *s, char **error);
/* DetectSignatureSetAppProto */
gboolean sig_set_alproto(Sig *s, AppProto alproto, char **error);
/* DetectSignatureAddTransform */
gboolean sig_add_transform(Sig *s, const char *name, const char *arg, char **error);
/* DetectEngineContentModifierBufferSetup: move the last payload content to `list`. */
gboolean sig_content_modifier_buffer(Sig *s, const char *kw, int list, AppProto alproto,
                                     char **error);
/* DetectByteRetrieveSMVar */
gboolean sig_byte_var_known(const Sig *s, const char *name);
/* DetectEngineBufferTypeValidateTransform for the current list */
gboolean sig_transform_validate(const Sig *s, int list, const guint8 *content, gsize len,
                                const char **tname);
/* SigValidate plus the buffer setup callbacks: TRUE when the rule loads. */
gboolean sig_validate(Sig *s, char **error);

/* Buffer types (buffers_table.c). */
typedef enum {
    BUF_VAL_NONE = 0,
    BUF_VAL_HTTP_HOST,
    BUF_VAL_HTTP_METHOD,
    BUF_VAL_HTTP_RAW_HEADER,
    BUF_VAL_URILEN,
    BUF_VAL_QUIC_HASH,
    BUF_VAL_SIP_METHOD,
    BUF_VAL_HASSH,
    BUF_VAL_HASSH_SERVER,
    BUF_VAL_TLS_FINGERPRINT,
    BUF_VAL_TLS_SERIAL,
    BUF_VAL_JA3,
    BUF_VAL_JA3S,
} BufValidate;

typedef enum {
    BUF_SETUP_NONE = 0,
    BUF_SETUP_LOWER,  /* ja3.hash, ja3s.hash, ssh.hassh*, tls.cert_fingerprint */
    BUF_SETUP_UPPER,  /* tls.cert_serial */
    BUF_SETUP_URILEN, /* http_uri, http_raw_uri, sip.uri: urilen sets depth */
} BufSetup;

enum {
    BUF_DIR_TS = 1u << 0,
    BUF_DIR_TC = 1u << 1,
};

typedef struct {
    const char *name;     /* Suricata's buffer type name */
    guint flags;          /* BUFT_* */
    BufValidate validate; /* DetectBufferTypeRegisterValidateCallback */
    BufSetup setup;       /* DetectBufferTypeRegisterSetupCallback */
    /* app inspect engines: protocol and directions, 0-terminated */
    struct {
        AppProto alproto;
        guint dirs;
    } engines[8];
} BufferType;

enum {
    BUFT_PACKET = 1u << 0, /* packet buffer (DetectPktInspectEngineRegister) */
    BUFT_FRAME = 1u << 1,  /* frame buffer */
    BUFT_MPM = 1u << 2,    /* supports mpm, hence transforms */
    BUFT_MULTI = 1u << 3,  /* DetectBufferTypeSupportsMultiInstance */
};

/* The registered types (buffers_table.c): how many, and one by index. */
int buffer_type_count(void);
const BufferType *buffer_type_static(int index);
/* Lookup by Suricata buffer name; -1 if unknown. */
int buffer_type_id(const char *name);
const BufferType *buffer_type(const Sig *s, int id);
const char *buffer_type_name(const Sig *s, int id);
/* The base type of a transformed buffer (itself if not transformed). */
int buffer_type_base(const Sig *s, int id);
/* Register a frame buffer ("tls.pdu") for this rule. */
int buffer_type_frame(Sig *s, const char *name, AppProto alproto);

#endif
