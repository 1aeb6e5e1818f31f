/*
 * validate_packet.c - packet and header keywords: ttl, itype, icode, icmp_id,
 * icmp_seq, tcp.ack, tcp.seq, tcp.window, tcp.flags, tcp.mss, ip_proto,
 * l3_proto, fragbits, fragoffset, tos, ipopts, id, rpc, dsize, sameip, the
 * checksum keywords, icmpv6.mtu, template2, geoip, iprep, nfq_set_mark,
 * bypass.  Each mirrors the Setup and Parse functions named above it
 * (Suricata 7.0.10); numbers use Suricata's own readers (sc_parse.c).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "rules/parser_state.h"
#include "rules/sc_parse.h"
#include "rules/validate.h"

/* util-proto-name.c: known_proto and proto_aliases, matched exactly. */
static const struct {
    const char *name;
    guint8 number;
} ip_proto_names[] = {
    { "HOPOPT", 0 },      { "ICMP", 1 },         { "IGMP", 2 },
    { "GGP", 3 },         { "IP-in-IP", 4 },     { "ST", 5 },
    { "TCP", 6 },         { "CBT", 7 },          { "EGP", 8 },
    { "IGP", 9 },         { "BBN-RCC-MON", 10 }, { "NVP-II", 11 },
    { "PUP", 12 },        { "ARGUS", 13 },       { "EMCON", 14 },
    { "XNET", 15 },       { "CHAOS", 16 },       { "UDP", 17 },
    { "MUX", 18 },        { "DCN-MEAS", 19 },    { "HMP", 20 },
    { "PRM", 21 },        { "XNS-IDP", 22 },     { "TRUNK-1", 23 },
    { "TRUNK-2", 24 },    { "LEAF-1", 25 },      { "LEAF-2", 26 },
    { "RDP", 27 },        { "IRTP", 28 },        { "ISO-TP4", 29 },
    { "NETBLT", 30 },     { "MFE-NSP", 31 },     { "MERIT-INP", 32 },
    { "DCCP", 33 },       { "3PC", 34 },         { "IDPR", 35 },
    { "XTP", 36 },        { "DDP", 37 },         { "IDPR-CMTP", 38 },
    { "TP++", 39 },       { "IL", 40 },          { "IPv6", 41 },
    { "SDRP", 42 },       { "IPv6-Route", 43 },  { "IPv6-Frag", 44 },
    { "IDRP", 45 },       { "RSVP", 46 },        { "GRE", 47 },
    { "DSR", 48 },        { "BNA", 49 },         { "ESP", 50 },
    { "AH", 51 },         { "I-NLSP", 52 },      { "SwIPe", 53 },
    { "NARP", 54 },       { "MOBILE", 55 },      { "TLSP", 56 },
    { "SKIP", 57 },       { "IPv6-ICMP", 58 },   { "IPv6-NoNxt", 59 },
    { "IPv6-Opts", 60 },  { "Any", 61 },         { "CFTP", 62 },
    { "Any", 63 },        { "SAT-EXPAK", 64 },   { "KRYPTOLAN", 65 },
    { "RVD", 66 },        { "IPPC", 67 },        { "Any", 68 },
    { "SAT-MON", 69 },    { "VISA", 70 },        { "IPCU", 71 },
    { "CPNX", 72 },       { "CPHB", 73 },        { "WSN", 74 },
    { "PVP", 75 },        { "BR-SAT-MON", 76 },  { "SUN-ND", 77 },
    { "WB-MON", 78 },     { "WB-EXPAK", 79 },    { "ISO-IP", 80 },
    { "VMTP", 81 },       { "SECURE-VMTP", 82 }, { "VINES", 83 },
    { "TTP", 84 },        { "NSFNET-IGP", 85 },  { "DGP", 86 },
    { "TCF", 87 },        { "EIGRP", 88 },       { "OSPF", 89 },
    { "Sprite-RPC", 90 }, { "LARP", 91 },        { "MTP", 92 },
    { "AX.25", 93 },      { "OS", 94 },          { "MICP", 95 },
    { "SCC-SP", 96 },     { "ETHERIP", 97 },     { "ENCAP", 98 },
    { "Any", 99 },        { "GMTP", 100 },       { "IFMP", 101 },
    { "PNNI", 102 },      { "PIM", 103 },        { "ARIS", 104 },
    { "SCPS", 105 },      { "QNX", 106 },        { "A/N", 107 },
    { "IPComp", 108 },    { "SNP", 109 },        { "Compaq-Peer", 110 },
    { "IPX-in-IP", 111 }, { "VRRP", 112 },       { "PGM", 113 },
    { "Any", 114 },       { "L2TP", 115 },       { "DDX", 116 },
    { "IATP", 117 },      { "STP", 118 },        { "SRP", 119 },
    { "UTI", 120 },       { "SMP", 121 },        { "SM", 122 },
    { "PTP", 123 },       { "IS-IS", 124 },      { "FIRE", 125 },
    { "CRTP", 126 },      { "CRUDP", 127 },      { "SSCOPMCE", 128 },
    { "IPLT", 129 },      { "SPS", 130 },        { "PIPE", 131 },
    { "SCTP", 132 },      { "FC", 133 },         { "RSVP-E2E-IGNORE", 134 },
    { "Mobility", 135 },  { "UDPLite", 136 },    { "MPLS-in-IP", 137 },
    { "manet", 138 },     { "HIP", 139 },        { "Shim6", 140 },
    { "WESP", 141 },      { "ROHC", 142 },       { "Ethernet", 143 },
    { "ip", 0 },          { "icmp", 1 },         { "igmp", 2 },
    { "ggp", 3 },         { "ipencap", 4 },      { "st", 5 },
    { "tcp", 6 },         { "egp", 8 },          { "igp", 9 },
    { "pup", 12 },        { "udp", 17 },         { "hmp", 20 },
    { "xns-idp", 22 },    { "rdp", 27 },         { "iso-tp4", 29 },
    { "dccp", 33 },       { "xtp", 36 },         { "ddp", 37 },
    { "idpr-cmtp", 38 },  { "ipV6", 41 },        { "ipv6-route", 43 },
    { "ipv6-frag", 44 },  { "idrp", 45 },        { "rsvp", 46 },
    { "gre", 47 },        { "esp", 50 },         { "ah", 51 },
    { "skip", 57 },       { "ipv6-icmp", 58 },   { "ipv6-nonxt", 59 },
    { "ipv6-opts", 60 },  { "cphb", 73 },        { "vmtp", 81 },
    { "eigrp", 88 },      { "ospf", 89 },        { "ax.25", 93 },
    { "ipip", 94 },       { "etherip", 97 },     { "encap", 98 },
    { "GMTP", 100 },      { "pim", 103 },        { "ipcomp", 108 },
    { "vrrp", 112 },      { "l2tp", 115 },       { "isis", 124 },
    { "sctp", 132 },      { "fc", 133 },         { "mobility-header", 135 },
    { "udplite", 136 },   { "mpls-in-ip", 137 }, { "hip", 139 },
    { "shim6", 140 },     { "wesp", 141 },       { "rohc", 142 },
};

static SigMatch *
packet_match(RuleParser *p, SmType type, gboolean require_packet)
{
    SigMatch *sm = sig_match_new(&p->sig, type, p->kw->canonical);
    sm->prefilter_ok = (p->kw->flags & KW_F_PREFILTER) != 0;
    if (require_packet)
        p->sig.flags |= SIGF_REQUIRE_PACKET;
    return sm;
}

static gboolean
append_match(RuleParser *p, SmType type, gboolean require_packet, char **error)
{
    return sig_append(&p->sig, packet_match(p, type, require_packet), SIG_LIST_MATCH, error);
}

/* The DetectU8/U16/U32/U64Parse keywords (ttl, itype, icode, tcp.mss,
 * icmpv6.mtu, template2 ...): the generic integer comparison. */
static gboolean
uint_keyword(RuleParser *p, const char *value, int bits, gboolean require_packet, char **error)
{
    UintData u;
    if (!sc_uint_parse(value, bits, &u)) {
        *error = g_strdup_printf("'%s' is not a comparison (N, <N, >N, <=N, >=N, !N, N-M) of "
                                 "%d-bit numbers",
                                 value, bits);
        return FALSE;
    }
    if (strcmp(p->kw->canonical, "icmpv6.mtu") == 0)
        p->sig.proto.flags |= PROTO_F_IPV6;
    return append_match(p, SM_OTHER, require_packet, error);
}

/* DetectTtlSetup, DetectITypeSetup, DetectICodeSetup, DetectTemplate2Setup */
gboolean
validate_u8_packet(RuleParser *p, const char *value, char **error, int *error_offset)
{
    return uint_keyword(p, value, 8, TRUE, error);
}

/* DetectTcpmssSetup */
gboolean
validate_u16_packet(RuleParser *p, const char *value, char **error, int *error_offset)
{
    return uint_keyword(p, value, 16, TRUE, error);
}

/* DetectICMPv6mtuSetup */
gboolean
validate_u32_packet(RuleParser *p, const char *value, char **error, int *error_offset)
{
    return uint_keyword(p, value, 32, TRUE, error);
}

/* DetectDsizeSetup (detect-dsize.c) */
gboolean
validate_dsize(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static const SmType T[] = { SM_DSIZE, SM_OTHER };
    if (sig_last_from_lists(&p->sig, T) != NULL) {
        *error = g_strdup("a rule may have only one dsize");
        return FALSE;
    }
    UintData u;
    if (!sc_uint_parse(value, 16, &u)) {
        *error = g_strdup_printf("'%s' is not a size comparison (N, <N, >N, N-M ...) up to 65535",
                                 value);
        return FALSE;
    }
    SigMatch *sm = packet_match(p, SM_DSIZE, TRUE);
    sm->u = u;
    p->sig.flags |= SIGF_DSIZE;
    if (p->sig.dsize_sm == NULL)
        p->sig.dsize_sm = sm;
    return sig_append(&p->sig, sm, SIG_LIST_MATCH, error);
}

/* DetectIcmpIdParse / DetectIcmpSeqParse (detect-icmp-id.c, detect-icmp-seq.c) */
gboolean
validate_icmp_id(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re = SC_REGEX("^\\s*(\"\\s*)?([0-9]+)(\\s*\")?\\s*$");
    pcre2_match_data *md = NULL;
    int rc = sc_regex_exec(&re, value, &md);
    gboolean ok = rc >= 1 && rc <= 4;
    char *open = ok && rc > 1 ? sc_substr_get(md, 1) : NULL;
    char *num = ok && rc > 2 ? sc_substr_get(md, 2) : NULL;
    char *close = ok && rc > 3 ? sc_substr_get(md, 3) : NULL;
    pcre2_match_data_free(md);
    guint16 v;
    if (ok && open && *open && close == NULL)
        ok = FALSE;
    if (ok && !(open && *open) && close != NULL)
        ok = FALSE;
    ok = ok && num != NULL && sc_parse_u16(&v, 10, 0, num);
    g_free(open);
    g_free(num);
    g_free(close);
    if (!ok) {
        *error = g_strdup_printf("'%s' is not a number from 0 to 65535", value);
        return FALSE;
    }
    return append_match(p, SM_OTHER, strcmp(p->kw->canonical, "icmp_id") == 0, error);
}

/* DetectAckSetup / DetectSeqSetup (detect-tcp-ack.c, detect-tcp-seq.c) */
gboolean
validate_tcp_seq(RuleParser *p, const char *value, char **error, int *error_offset)
{
    guint32 v;
    if (!sc_parse_u32(&v, 10, 0, value)) {
        *error = g_strdup_printf("'%s' is not a number from 0 to 4294967295", value);
        return FALSE;
    }
    return append_match(p, SM_OTHER, TRUE, error);
}

/* DetectWindowSetup / DetectWindowParse (detect-tcp-window.c) */
gboolean
validate_tcp_window(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re = SC_REGEX("^\\s*([!])?\\s*([0-9]{1,9}+)\\s*$");
    pcre2_match_data *md = NULL;
    int rc = sc_regex_exec(&re, value, &md);
    gboolean ok = rc >= 1 && rc <= 3;
    if (ok && rc > 2) {
        char num[128];
        guint16 v;
        ok = sc_substr_copy(md, 2, num, sizeof num) >= 0 && sc_parse_u16(&v, 10, 0, num);
    }
    pcre2_match_data_free(md);
    if (!ok) {
        *error = g_strdup_printf("'%s' is not [!]N with N from 0 to 65535", value);
        return FALSE;
    }
    return append_match(p, SM_OTHER, TRUE, error);
}

/* DetectFlagsSetup / DetectFlagsParse (detect-tcp-flags.c) */
gboolean
validate_tcp_flags(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re = SC_REGEX("^\\s*(?:([\\+\\*!]))?\\s*([SAPRFU120CE\\+\\*!]+)(?:\\s*,\\s*("
                                 "[SAPRFU12CE]+))?\\s*$");
    pcre2_match_data *md = NULL;
    int rc = sc_regex_exec(&re, value, &md);
    char a1[16] = "", a2[16] = "", a3[16] = "";
    gboolean ok = rc >= 3 && sc_substr_copy_opt(md, 1, a1, sizeof a1) >= 0 &&
                  sc_substr_copy(md, 2, a2, sizeof a2) >= 0 &&
                  sc_substr_copy_opt(md, 3, a3, sizeof a3) >= 0;
    pcre2_match_data_free(md);
    if (ok && a2[0] == '\0')
        ok = FALSE;
    int modifier = a1[0] ? 1 : 0;
    int found = 0;
    for (const char *c = a2; ok && *c; c++) {
        if (strchr("SAFRPUCE120saf rpuce", *c) && *c != ' ')
            found++;
        else if (strchr("!+*", *c)) {
            if (modifier) {
                *error = g_strdup("tcp.flags takes only one modifier (+, * or !)");
                return FALSE;
            }
            modifier = 1;
        }
    }
    if (ok && found == 0)
        ok = FALSE;
    if (ok && a3[0]) {
        int ignore = 0;
        for (const char *c = a3; *c; c++)
            if (*c != '0' && strchr("SAFRPUCE12safrpuce", *c))
                ignore++;
        ok = ignore > 0;
    }
    if (!ok) {
        *error = g_strdup_printf("'%s' is not TCP flags ([+*!]flags[,ignored]; flags from "
                                 "S A F R P U C E 1 2 0)",
                                 value);
        return FALSE;
    }
    return append_match(p, SM_OTHER, TRUE, error);
}

/* DetectFragBitsSetup / DetectFragBitsParse (detect-fragbits.c) */
gboolean
validate_fragbits(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re = SC_REGEX("^(?:([\\+\\*!]))?\\s*([MDR]+)");
    pcre2_match_data *md = NULL;
    int rc = sc_regex_exec(&re, value, &md);
    char *bits = rc >= 3 ? sc_substr_get(md, 2) : NULL;
    pcre2_match_data_free(md);
    if (rc < 1 || bits == NULL) {
        g_free(bits);
        *error = g_strdup_printf("'%s' is not fragment bits ([+*!] then M D R)", value);
        return FALSE;
    }
    g_free(bits);
    return append_match(p, SM_OTHER, TRUE, error);
}

/* DetectFragOffsetSetup / DetectFragOffsetParse (detect-fragoffset.c) */
gboolean
validate_fragoffset(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re = SC_REGEX("^\\s*(?:(<|>))?\\s*([0-9]+)");
    pcre2_match_data *md = NULL;
    int rc = sc_regex_exec(&re, value, &md);
    char *num = rc >= 3 ? sc_substr_get(md, 2) : NULL;
    pcre2_match_data_free(md);
    guint16 v;
    gboolean ok = rc >= 1 && rc <= 4 && num != NULL && sc_parse_u16(&v, 10, 0, num);
    g_free(num);
    if (!ok) {
        *error = g_strdup_printf("'%s' is not [<>]N with N from 0 to 65535", value);
        return FALSE;
    }
    return append_match(p, SM_OTHER, TRUE, error);
}

/* DetectTosSetup / DetectTosParse (detect-tos.c) */
gboolean
validate_tos(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re = SC_REGEX("^\\s*(!?\\s*[0-9]{1,3}|!?\\s*[xX][0-9a-fA-F]{1,2})\\s*$");
    pcre2_match_data *md = NULL;
    int rc = sc_regex_exec(&re, value, &md);
    char num[64];
    gboolean ok = rc == 2 && sc_substr_copy(md, 1, num, sizeof num) >= 0;
    pcre2_match_data_free(md);
    gint64 tos = -1;
    if (ok) {
        gboolean hex = num[0] == 'x' || num[0] == 'X';
        ok = sc_extract_string_signed(&tos, hex ? 16 : 10, 0, hex ? num + 1 : num, TRUE) > 0;
    }
    if (!ok || tos < 0 || tos > 255) {
        *error = g_strdup_printf("'%s' is not a TOS value from 0 to 255 (or xHH)", value);
        return FALSE;
    }
    return append_match(p, SM_OTHER, TRUE, error);
}

/* DetectIpOptsSetup / DetectIpOptsParse (detect-ipopts.c) */
gboolean
validate_ipopts(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static const char *const opts[] = {
        "rr", "lsrr", "eol", "nop", "ts", "sec", "esec", "ssrr", "satid", "any",
    };
    for (guint i = 0; i < G_N_ELEMENTS(opts); i++)
        if (g_ascii_strcasecmp(opts[i], value) == 0)
            return append_match(p, SM_OTHER, TRUE, error);
    *error = g_strdup_printf("unknown IP option '%s' (rr, lsrr, eol, nop, ts, sec, esec, ssrr, "
                             "satid, any)",
                             value);
    return FALSE;
}

/* DetectIdSetup / DetectIdParse (detect-id.c) */
gboolean
validate_id(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re = SC_REGEX("^\\s*([0-9]{1,5}|\"[0-9]{1,5}\")\\s*$");
    pcre2_match_data *md = NULL;
    int rc = sc_regex_exec(&re, value, &md);
    char num[128];
    gboolean ok = rc >= 1 && rc <= 3 && sc_substr_copy(md, 1, num, sizeof num) >= 0;
    pcre2_match_data_free(md);
    guint16 v;
    if (ok) {
        char *t = num;
        if (t[0] == '"') {
            t[strlen(t) - 1] = '\0';
            t++;
        }
        ok = sc_parse_u16(&v, 10, 0, t);
    }
    if (!ok) {
        *error = g_strdup_printf("'%s' is not an IP id from 0 to 65535", value);
        return FALSE;
    }
    return append_match(p, SM_OTHER, TRUE, error);
}

/* DetectRpcSetup / DetectRpcParse (detect-rpc.c) */
gboolean
validate_rpc(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re =
        SC_REGEX("^\\s*([0-9]{0,10})\\s*(?:,\\s*([0-9]{0,10}|[*])\\s*(?:,\\s*([0-9]{0,"
                 "10}|[*]))?)?\\s*$");
    pcre2_match_data *md = NULL;
    int rc = sc_regex_exec(&re, value, &md);
    gboolean ok = rc >= 1 && rc <= 4;
    for (int i = 1; ok && i < rc; i++) {
        char *a = sc_substr_get(md, i);
        guint32 v;
        if (a == NULL)
            ok = FALSE;
        else if (!(i > 1 && a[0] == '*'))
            ok = sc_parse_u32(&v, 10, strlen(a), a);
        g_free(a);
    }
    pcre2_match_data_free(md);
    if (!ok) {
        *error = g_strdup_printf("'%s' is not 'program[, version|*[, procedure|*]]'", value);
        return FALSE;
    }
    return append_match(p, SM_OTHER, TRUE, error);
}

/* DetectIPProtoSetup / DetectIPProtoParse (detect-ipproto.c): only in ip
 * rules, and the operators combine as Suricata's bitmap does. */
gboolean
validate_ip_proto(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re = SC_REGEX("^([!<>]?)\\s*([^\\s]+)$");
    Sig *s = &p->sig;
    pcre2_match_data *md = NULL;
    int rc = sc_regex_exec(&re, value, &md);
    char *op = rc == 3 ? sc_substr_get(md, 1) : NULL;
    char *name = rc == 3 ? sc_substr_get(md, 2) : NULL;
    pcre2_match_data_free(md);
    if (rc != 3) {
        *error = g_strdup_printf("'%s' is not [!<>]protocol", value);
        return FALSE;
    }
    int o = op[0] ? op[0] : '=';
    int proto = -1;
    if (!g_ascii_isdigit(name[0])) {
        for (guint i = 0; i < G_N_ELEMENTS(ip_proto_names); i++)
            if (strcmp(ip_proto_names[i].name, name) == 0)
                proto = ip_proto_names[i].number;
        if (proto < 0)
            *error = g_strdup_printf("unknown protocol name '%s'", name);
    } else {
        guint8 v;
        if (sc_parse_u8(&v, 10, 0, name))
            proto = v;
        else
            *error = g_strdup_printf("'%s' is not a protocol number from 0 to 255", name);
    }
    g_free(op);
    g_free(name);
    if (proto < 0)
        return FALSE;
    if (s->proto.flags & (PROTO_F_ANY | PROTO_F_IPV6 | PROTO_F_IPV4)) {
        s->proto.flags &= ~PROTO_F_ANY;
        memset(s->proto.proto, 0, sizeof s->proto.proto);
        s->init_flags |= SIGI_FIRST_IPPROTO_SEEN;
    } else if (!(s->init_flags & SIGI_FIRST_IPPROTO_SEEN)) {
        *error =
            g_strdup_printf("ip_proto can only be used in 'ip' rules, not '%s'", p->rule->proto);
        return FALSE;
    }
    gboolean eq = FALSE, gt = FALSE, lt = FALSE, not = FALSE;
    int gt_v = -1, lt_v = -1, first_v = -1;
    for (guint k = 0; k < s->smlists[SIG_LIST_MATCH]->len; k++) {
        SigMatch *m = g_ptr_array_index(s->smlists[SIG_LIST_MATCH], k);
        if (m->type != SM_IPPROTO)
            continue;
        if (first_v < 0)
            first_v = m->proto;
        eq |= m->op == '=';
        gt |= m->op == '>';
        lt |= m->op == '<';
        not |= m->op == '!';
        if (m->op == '>' && gt_v < 0)
            gt_v = m->proto;
        if (m->op == '<' && lt_v < 0)
            lt_v = m->proto;
    }
    const char *conflict = NULL;
    if (o == '=' && (eq || gt || lt || not ))
        conflict = "an ip_proto without operator cannot be combined with another ip_proto";
    else if (o == '>' && (eq || gt))
        conflict = "ip_proto:>N cannot be combined with ip_proto:N or another ip_proto:>N";
    else if (o == '<' && (eq || lt))
        conflict = "ip_proto:<N cannot be combined with ip_proto:N or another ip_proto:<N";
    else if (o == '!' && eq)
        conflict = "ip_proto:!N cannot be combined with ip_proto:N";
    else if (o == '>' && lt && !not &&first_v >= 0 && first_v <= proto)
        conflict = "ip_proto:>N must be below the ip_proto:<N already given";
    else if (o == '>' && lt && not &&lt_v >= 0 && lt_v <= proto)
        conflict = "ip_proto:>N must be below the ip_proto:<N already given";
    else if (o == '<' && gt && !not &&first_v >= 0 && first_v >= proto)
        conflict = "ip_proto:<N must be above the ip_proto:>N already given";
    else if (o == '<' && gt && not &&gt_v >= 0 && gt_v >= proto)
        conflict = "ip_proto:<N must be above the ip_proto:>N already given";
    if (conflict != NULL) {
        *error = g_strdup(conflict);
        return FALSE;
    }
    SigMatch *sm = packet_match(p, SM_IPPROTO, TRUE);
    sm->op = o;
    sm->proto = proto;
    return sig_append(s, sm, SIG_LIST_MATCH, error);
}

/* DetectL3ProtoSetup (detect-l3proto.c) */
gboolean
validate_l3_proto(RuleParser *p, const char *value, char **error, int *error_offset)
{
    Sig *s = &p->sig;
    s->proto.flags &= ~PROTO_F_ANY;
    if (g_ascii_strcasecmp(value, "ipv4") == 0 || g_ascii_strcasecmp(value, "ip4") == 0) {
        if (s->proto.flags & PROTO_F_IPV6) {
            *error = g_strdup("conflicting l3_proto");
            return FALSE;
        }
        s->proto.flags |= PROTO_F_IPV4;
    } else if (g_ascii_strcasecmp(value, "ipv6") == 0 || g_ascii_strcasecmp(value, "ip6") == 0) {
        if (s->proto.flags & PROTO_F_IPV6) {
            *error = g_strdup("conflicting l3_proto");
            return FALSE;
        }
        s->proto.flags |= PROTO_F_IPV6;
    } else {
        *error = g_strdup_printf("'%s' is not ipv4, ip4, ipv6 or ip6", value);
        return FALSE;
    }
    return TRUE;
}

/* DetectSameipSetup (detect-sameip.c) */
gboolean
validate_sameip(RuleParser *p, const char *value, char **error, int *error_offset)
{
    return append_match(p, SM_OTHER, TRUE, error);
}

/* DetectIPV4CsumSetup ... DetectCsumParseArg (detect-csum.c) */
gboolean
validate_csum(RuleParser *p, const char *value, char **error, int *error_offset)
{
    gsize n = strlen(value);
    char *s = g_strdup(value[0] == '"' && value[n - 1] == '"' ? value + 1 : value);
    if (value[0] == '"' && value[n - 1] == '"')
        s[n >= 2 ? n - 2 : 0] = '\0';
    gboolean ok = g_ascii_strcasecmp(s, "valid") == 0 || g_ascii_strcasecmp(s, "invalid") == 0;
    g_free(s);
    if (!ok) {
        *error = g_strdup_printf("'%s' is not valid or invalid", value);
        return FALSE;
    }
    return append_match(p, SM_OTHER, FALSE, error);
}

/* DetectGeoipSetup / DetectGeoipDataParse (detect-geoip.c).  Suricata
 * refuses every geoip rule without a GeoIP2 database (geoip-database),
 * which its default configuration does not have; Network Firewall has its
 * own database.  The value grammar is Suricata's either way. */
gboolean
validate_geoip(RuleParser *p, const char *value, char **error, int *error_offset)
{
    if (p->engine == RULE_ENGINE_SURICATA) {
        *error = g_strdup("geoip needs a GeoIP2 database (geoip-database in suricata.yaml), which "
                          "Suricata's default configuration does not have");
        return FALSE;
    }
    int nloc = 0;
    gsize len = strlen(value), prev = 0;
    gboolean have_cond = FALSE;
    for (gsize pos = 0; pos <= len; pos++) {
        if (pos != len && value[pos] != ',')
            continue;
        gboolean skip = FALSE;
        if (!have_cond) {
            have_cond = TRUE;
            if (pos != len) {
                gsize n = pos - prev;
                skip = (n && strncmp(value + prev, "src", n) == 0) ||
                       (n && strncmp(value + prev, "dst", n) == 0) ||
                       (n && strncmp(value + prev, "both", n) == 0) ||
                       (n && strncmp(value + prev, "any", n) == 0) || n == 0;
            }
        }
        if (!skip) {
            if (nloc >= 64) {
                *error = g_strdup("too many countries for geoip (at most 64)");
                return FALSE;
            }
            nloc++;
        }
        prev = pos + 1;
    }
    return append_match(p, SM_OTHER, TRUE, error);
}

/* DetectIPRepSetup (detect-iprep.c): the category must come from a
 * reputation categories file; Suricata's default configuration has none. */
gboolean
validate_iprep(RuleParser *p, const char *value, char **error, int *error_offset)
{
    *error = g_strdup("no IP reputation categories are configured (Suricata's default "
                      "configuration has none)");
    return FALSE;
}

/* strtoul(base 0) as DetectMarkParse checks it: a number must start the
 * text (what follows it is ignored), ERANGE fails. */
static gboolean
mark_number(const char *str, guint32 *out)
{
    char *end = NULL;
    errno = 0;
    unsigned long v = strtoul(str, &end, 0);
    if (errno == ERANGE || end == str)
        return FALSE;
    *out = (guint32)v;
    return TRUE;
}

/* DetectMarkSetup / DetectMarkParse (detect-mark.c).  Debian's Suricata is
 * built with NFQ, so the value is parsed (a build without it ignores it).
 * The regex is not anchored and both halves are required. */
gboolean
validate_nfq_set_mark(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re = SC_REGEX("([0x]*[0-9a-f]+)/([0x]*[0-9a-f]+)");
    pcre2_match_data *md = NULL;
    int rc = sc_regex_exec(&re, value, &md);
    char mark[64] = "", mask[64] = "";
    gboolean ok = rc >= 3 && sc_substr_copy(md, 1, mark, sizeof mark) >= 0 &&
                  sc_substr_copy(md, 2, mask, sizeof mask) >= 0;
    pcre2_match_data_free(md);
    guint32 v;
    if (!ok || !mark_number(mark, &v) || !mark_number(mask, &v)) {
        *error = g_strdup_printf("'%s' is not 'mark/mask' (numbers, 0x for hex)", value);
        return FALSE;
    }
    SigMatch *sm = sig_match_new(&p->sig, SM_OTHER, "nfq_set_mark");
    return sig_append(&p->sig, sm, SIG_LIST_POSTMATCH, error);
}

/* DetectBypassSetup (detect-bypass.c) */
gboolean
validate_bypass(RuleParser *p, const char *value, char **error, int *error_offset)
{
    if (p->sig.flags & SIGF_FILESTORE) {
        *error = g_strdup("bypass cannot be combined with filestore");
        return FALSE;
    }
    p->sig.flags |= SIGF_BYPASS;
    SigMatch *sm = sig_match_new(&p->sig, SM_OTHER, "bypass");
    return sig_append(&p->sig, sm, SIG_LIST_POSTMATCH, error);
}
