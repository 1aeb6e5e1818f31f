/*
 * verdict_flow.c - what is known of a flow (VerdictFlow) and the packet
 * classes a flow has (verdict_packets_of).
 *
 * Packet classes, and how a flow record tells them (Suricata 7: a packet is
 * "established" when the TCP session state is ESTABLISHED or later at the
 * time it arrives, flow.c FlowHandlePacketUpdate; for UDP and ICMP, once
 * both directions have been seen, so the first reply is established):
 *  - TCP: SYN (the client's flags have SYN), SYN-ACK (the server's have
 *    SYN; a server whose flags have RST and no SYN refused the
 *    connection), the handshake ACK (the client sent a second packet after
 *    a SYN-ACK; still not established: the session becomes ESTABLISHED
 *    while Suricata processes it), the client's first data (app_proto
 *    detected, or PSH in the client's flags), the server's first data (PSH
 *    in the server's flags), and later packets of each side (more packets
 *    than the classes above account for).
 *  - UDP, ICMP and other protocols: the first request, the first reply,
 *    later requests and later replies, by the packet counts.
 * Without a flow record (alerts only), a class the alerts prove exists is
 * YES and the others are MAYBE.  Data without PSH (bulk segments of a long
 * write) is told by the byte count: more than headers alone would make.
 */
#include "verdict/verdict_internal.h"

#include <string.h>

G_DEFINE_QUARK(nfw - verdict - error - quark, verdict_error)

static const char *const field_names[VERDICT_FIELD_N] = {
    "sni", "host", "uri", "ua", "method", "dns", "ssh_proto", "ssh_software",
};
static const char *const field_log_names[VERDICT_FIELD_N] = {
    "tls.sni",
    "http.hostname",
    "http.url",
    "http.http_user_agent",
    "http.http_method",
    "dns.rrname",
    "ssh.client.proto_version",
    "ssh.client.software_version",
};

const char *
verdict_field_name(VerdictField field)
{
    return field < VERDICT_FIELD_N ? field_names[field] : "?";
}

const char *
verdict_field_log_name(VerdictField field)
{
    return field < VERDICT_FIELD_N ? field_log_names[field] : "?";
}

const char *
verdict_kind_name(VerdictKind kind)
{
    switch (kind) {
    case VERDICT_ALLOWED: return "allowed";
    case VERDICT_BLOCKED: return "blocked";
    case VERDICT_UNDETERMINED: return "undetermined";
    }
    return "?";
}

const char *
verdict_packet_class_name(VerdictPacketClass cls, guint8 ip_proto)
{
    if (ip_proto != 6) {
        switch (cls) {
        case VERDICT_PKT_CLIENT_DATA: return "first request";
        case VERDICT_PKT_SERVER_DATA: return "first reply";
        case VERDICT_PKT_CLIENT_LATER: return "later requests";
        case VERDICT_PKT_SERVER_LATER: return "later replies";
        default: break;
        }
    }
    switch (cls) {
    case VERDICT_PKT_SYN: return "handshake SYN";
    case VERDICT_PKT_SYN_ACK: return "handshake SYN-ACK";
    case VERDICT_PKT_ACK: return "handshake ACK";
    case VERDICT_PKT_CLIENT_DATA: return "client data";
    case VERDICT_PKT_SERVER_DATA: return "server data";
    case VERDICT_PKT_CLIENT_LATER: return "later client packets";
    case VERDICT_PKT_SERVER_LATER: return "later server packets";
    case VERDICT_PKT_N: break;
    }
    return "?";
}

void
verdict_flow_init(VerdictFlow *flow)
{
    memset(flow, 0, sizeof *flow);
    flow->family = 4;
    flow->client_port = flow->server_port = -1;
    flow->icmp_type[0] = flow->icmp_type[1] = -1;
}

void
verdict_flow_clear(VerdictFlow *flow)
{
    g_free(flow->app_proto);
    for (int i = 0; i < VERDICT_FIELD_N; i++)
        g_free(flow->fields[i].value);
    verdict_flow_init(flow);
}

void
verdict_flow_set_field(VerdictFlow *flow, VerdictField field, const char *value, gsize len)
{
    VerdictValue *v = &flow->fields[field];
    g_free(v->value);
    v->known = TRUE;
    v->value = value ? g_malloc(len + 1) : NULL;
    if (value) {
        memcpy(v->value, value, len);
        v->value[len] = '\0';
    }
    v->len = value ? len : 0;
}

void
verdict_flow_set_app_proto(VerdictFlow *flow, const char *app_proto)
{
    g_free(flow->app_proto);
    flow->app_proto = g_strdup(app_proto);
}

static gboolean
app_detected(const char *app_proto)
{
    return app_proto && app_proto[0] && strcmp(app_proto, "unknown") != 0 &&
           strcmp(app_proto, "failed") != 0;
}

static gboolean
has_request_field(const VerdictFlow *f)
{
    for (int i = 0; i < VERDICT_FIELD_N; i++)
        if (f->fields[i].known && f->fields[i].value)
            return TRUE;
    return FALSE;
}

/* Bytes of a packet without payload, generously: Ethernet 14 + IPv6 40 +
 * TCP 20 + 12 of options. */
#define HEADER_ONLY_MAX 86

static VPacket
packet(VerdictPacketClass cls, VTri exists, int dir, gboolean established, gboolean first)
{
    VPacket p = { 0 };
    p.cls = cls;
    p.exists = exists;
    p.dir = dir;
    p.established = established;
    p.first = first;
    p.tcp_flags = -1;
    p.payload = VTRI_MAYBE;
    return p;
}

static guint
tcp_packets(const VerdictFlow *f, VPacket *out)
{
    guint n = 0;
    gboolean detected = app_detected(f->app_proto);
    gboolean counts = f->counts_known;
    gboolean flags = counts && f->tcp_flags_known;
    guint8 fc = f->tcp_flags[VERDICT_TO_SERVER], fs = f->tcp_flags[VERDICT_TO_CLIENT];
    guint64 nc = f->pkts[VERDICT_TO_SERVER], ns = counts ? f->pkts[VERDICT_TO_CLIENT] : 0;
    /* App data in the logs proves the handshake and the client's data. */
    gboolean proven = detected || has_request_field(f);

    VTri syn =
        flags ? ((fc & VERDICT_TCP_SYN) ? VTRI_YES : VTRI_MAYBE) : (proven ? VTRI_YES : VTRI_MAYBE);
    VPacket p = packet(VERDICT_PKT_SYN, syn, VERDICT_TO_SERVER, FALSE, TRUE);
    p.payload = VTRI_NO;
    p.tcp_flags = (flags && !(fc & (VERDICT_TCP_ECE | VERDICT_TCP_CWR))) ? VERDICT_TCP_SYN : -1;
    if (!flags && !counts)
        p.tcp_flags = -1;
    out[n++] = p;

    VTri synack, ack;
    gboolean refused = FALSE;
    if (counts && ns == 0)
        synack = VTRI_NO;
    else if (flags && (fs & VERDICT_TCP_SYN))
        synack = VTRI_YES;
    else if (flags && (fs & VERDICT_TCP_RST)) {
        synack = VTRI_YES; /* a RST answering the SYN */
        refused = TRUE;
    } else
        synack = proven ? VTRI_YES : VTRI_MAYBE;
    if (synack != VTRI_NO) {
        p = packet(VERDICT_PKT_SYN_ACK, synack, VERDICT_TO_CLIENT, FALSE, TRUE);
        p.payload = VTRI_NO;
        if (flags)
            p.tcp_flags =
                refused ? (VERDICT_TCP_RST | VERDICT_TCP_ACK) : (VERDICT_TCP_SYN | VERDICT_TCP_ACK);
        out[n++] = p;
    }
    if (refused || synack == VTRI_NO)
        return n;
    if (counts && nc < 2)
        ack = VTRI_NO;
    else
        ack = synack == VTRI_YES && (counts || proven) ? VTRI_YES : VTRI_MAYBE;
    if (ack == VTRI_NO)
        return n;
    p = packet(VERDICT_PKT_ACK, ack, VERDICT_TO_SERVER, FALSE, FALSE);
    p.payload = VTRI_NO;
    p.tcp_flags = VERDICT_TCP_ACK;
    out[n++] = p;

    VTri est = ack; /* packets after the handshake exist only if it completed */
    VTri cdata;
    if (proven || (flags && (fc & VERDICT_TCP_PSH)))
        cdata = VTRI_YES;
    else if (!counts || nc < 3)
        cdata = counts ? VTRI_NO : VTRI_MAYBE;
    else if (f->bytes[VERDICT_TO_SERVER] > nc * HEADER_ONLY_MAX || !flags)
        cdata = VTRI_MAYBE;
    else
        cdata = VTRI_NO;
    if (est == VTRI_MAYBE && cdata == VTRI_YES)
        cdata = VTRI_MAYBE;
    if (cdata != VTRI_NO) {
        p = packet(VERDICT_PKT_CLIENT_DATA, cdata, VERDICT_TO_SERVER, TRUE, FALSE);
        p.payload = VTRI_YES;
        p.app_known = detected || f->app_proto == NULL;
        p.request = TRUE;
        out[n++] = p;
    }
    VTri sdata;
    if (flags && (fs & VERDICT_TCP_PSH))
        sdata = VTRI_YES;
    else if (!counts)
        sdata = VTRI_MAYBE;
    else if (ns < 2)
        sdata = VTRI_NO;
    else if (f->bytes[VERDICT_TO_CLIENT] > ns * HEADER_ONLY_MAX || !flags)
        sdata = VTRI_MAYBE;
    else
        sdata = VTRI_NO;
    if (est == VTRI_MAYBE && sdata == VTRI_YES)
        sdata = VTRI_MAYBE;
    if (sdata != VTRI_NO) {
        p = packet(VERDICT_PKT_SERVER_DATA, sdata, VERDICT_TO_CLIENT, TRUE, FALSE);
        p.payload = VTRI_YES;
        p.app_known = detected || f->app_proto == NULL;
        p.response = TRUE;
        out[n++] = p;
    }
    /* Later packets: more than SYN, ACK and the first data. */
    VTri clater;
    if (!counts)
        clater = VTRI_MAYBE;
    else {
        guint64 used = 2 + (cdata == VTRI_YES ? 1 : 0);
        clater = nc > used + (cdata == VTRI_MAYBE ? 1 : 0) ? VTRI_YES
                 : nc > used                               ? VTRI_MAYBE
                                                           : VTRI_NO;
        if (flags && (fc & (VERDICT_TCP_FIN | VERDICT_TCP_RST)) && nc > used)
            clater = VTRI_YES;
    }
    if (est == VTRI_MAYBE && clater == VTRI_YES)
        clater = VTRI_MAYBE;
    if (clater != VTRI_NO) {
        p = packet(VERDICT_PKT_CLIENT_LATER, clater, VERDICT_TO_SERVER, TRUE, FALSE);
        p.app_known = detected || (f->app_proto == NULL && cdata != VTRI_NO);
        out[n++] = p;
    }
    VTri slater;
    if (!counts)
        slater = VTRI_MAYBE;
    else {
        guint64 used = 1 + (sdata == VTRI_YES ? 1 : 0);
        slater = ns > used + (sdata == VTRI_MAYBE ? 1 : 0) ? VTRI_YES
                 : ns > used                               ? VTRI_MAYBE
                                                           : VTRI_NO;
    }
    if (est == VTRI_MAYBE && slater == VTRI_YES)
        slater = VTRI_MAYBE;
    if (slater != VTRI_NO) {
        p = packet(VERDICT_PKT_SERVER_LATER, slater, VERDICT_TO_CLIENT, TRUE, FALSE);
        p.app_known = detected || (f->app_proto == NULL && (cdata != VTRI_NO || sdata != VTRI_NO));
        out[n++] = p;
    }
    return n;
}

static guint
datagram_packets(const VerdictFlow *f, VPacket *out)
{
    guint n = 0;
    gboolean counts = f->counts_known;
    guint64 nc = f->pkts[VERDICT_TO_SERVER], ns = f->pkts[VERDICT_TO_CLIENT];
    gboolean detected = app_detected(f->app_proto);
    gboolean app_possible = f->ip_proto == 17 && (detected || f->app_proto == NULL);

    VPacket p = packet(VERDICT_PKT_CLIENT_DATA, VTRI_YES, VERDICT_TO_SERVER, FALSE, TRUE);
    p.payload = f->ip_proto == 17 ? VTRI_YES : VTRI_MAYBE;
    p.app_known = app_possible;
    p.request = TRUE;
    out[n++] = p;

    VTri reply = counts ? (ns >= 1 ? VTRI_YES : VTRI_NO) : VTRI_MAYBE;
    if (reply != VTRI_NO) {
        p = packet(VERDICT_PKT_SERVER_DATA, reply, VERDICT_TO_CLIENT, TRUE, TRUE);
        p.payload = f->ip_proto == 17 ? VTRI_YES : VTRI_MAYBE;
        p.app_known = app_possible;
        p.response = TRUE;
        out[n++] = p;
    }
    VTri more = counts ? (nc >= 2 ? VTRI_YES : VTRI_NO) : VTRI_MAYBE;
    if (more != VTRI_NO) {
        /* Established once a reply was seen; requests sent before any
         * reply are not (taken as interleaved, as request/reply traffic). */
        p = packet(VERDICT_PKT_CLIENT_LATER, more, VERDICT_TO_SERVER, reply == VTRI_YES, FALSE);
        p.payload = f->ip_proto == 17 ? VTRI_YES : VTRI_MAYBE;
        p.app_known = app_possible;
        if (reply == VTRI_MAYBE)
            p.exists = VTRI_MAYBE;
        out[n++] = p;
    }
    VTri more_replies = counts ? (ns >= 2 ? VTRI_YES : VTRI_NO) : VTRI_MAYBE;
    if (more_replies != VTRI_NO) {
        p = packet(VERDICT_PKT_SERVER_LATER, more_replies, VERDICT_TO_CLIENT, TRUE, FALSE);
        p.payload = f->ip_proto == 17 ? VTRI_YES : VTRI_MAYBE;
        p.app_known = app_possible;
        out[n++] = p;
    }
    return n;
}

guint
verdict_packets_of(const VerdictFlow *flow, VPacket out[VERDICT_PKT_N])
{
    return flow->ip_proto == 6 ? tcp_packets(flow, out) : datagram_packets(flow, out);
}
