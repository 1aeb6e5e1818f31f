/*
 * protocols.c - the protocol table (protocols.h).
 *
 * Sources: the packet protocols and app-layer parsers Suricata 7.0.10
 * registers (src/detect-engine-proto.c, src/app-layer-protos.c; modbus,
 * dnp3 and enip are off in its default suricata.yaml); the transport of
 * each app-layer parser (TCP only, UDP only, or both: dns, smb, dcerpc,
 * nfs, krb5 and sip have neither bit).  RULE_PROTO_NO_RESET: reject
 * sends a TCP reset and is for TCP only (the AWS model's StatefulRule.Action
 * documentation), so nfw-unsupported reports a reject on these.
 */
#include "rules/protocols.h"

#include <string.h>

enum {
    P = RULE_PROTO_PACKET,
    A = RULE_PROTO_APP,
    TCP = RULE_PROTO_OVER_TCP,
    UDP = RULE_PROTO_OVER_UDP,
    ICMP = RULE_PROTO_ICMP,
    NR = RULE_PROTO_NO_RESET,
    S = RULE_PROTO_SUGGEST,
};

static const struct {
    const char *name;
    guint flags;
} protocols[] = {
    /* packet protocols */
    { "ip", P | NR },
    { "ipv4", P },
    { "ip4", P },
    { "ipv6", P },
    { "ip6", P },
    { "tcp", P | TCP },
    { "udp", P | UDP | NR },
    { "icmp", P | ICMP | NR },
    { "icmpv4", P | ICMP | NR },
    { "icmpv6", P | ICMP | NR },
    { "sctp", P },
    { "tcp-pkt", P | TCP },
    { "tcp-stream", P | TCP },
    { "pkthdr", P },
    /* app-layer protocols */
    { "http", A | TCP | S },
    { "http1", A | TCP },
    { "http2", A | TCP },
    { "ftp", A | TCP | S },
    { "smtp", A | TCP | S },
    { "tls", A | TCP | S },
    { "ssh", A | TCP | S },
    { "imap", A | TCP },
    { "smb", A | S },
    { "dcerpc", A },
    { "dns", A | S },
    { "nfs", A },
    { "ntp", A | UDP | NR | S },
    { "ftp-data", A | TCP },
    { "tftp", A | UDP | NR },
    { "ike", A | UDP | NR },
    { "krb5", A | S },
    { "quic", A | UDP | NR },
    { "dhcp", A | UDP | NR | S },
    { "snmp", A | UDP | NR | S },
    { "sip", A | NR | S },
    { "rfb", A | TCP },
    { "mqtt", A | TCP | S },
    { "telnet", A | TCP },
    { "rdp", A | TCP | S },
    { "bittorrent-dht", A | UDP },
    { "pgsql", A | TCP },
    /* known, disabled by default */
    { "modbus", RULE_PROTO_DISABLED },
    { "dnp3", RULE_PROTO_DISABLED },
    { "enip", RULE_PROTO_DISABLED },
};

guint
rule_proto_flags(const char *proto)
{
    g_return_val_if_fail(proto != NULL, 0);
    for (gsize i = 0; i < G_N_ELEMENTS(protocols); i++)
        if (strcmp(protocols[i].name, proto) == 0)
            return protocols[i].flags;
    return 0;
}

gboolean
rule_proto_is_connectionless(const char *proto)
{
    return (rule_proto_flags(proto) & (RULE_PROTO_OVER_UDP | RULE_PROTO_ICMP)) != 0;
}
