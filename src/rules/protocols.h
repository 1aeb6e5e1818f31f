/*
 * protocols.h - what nfw-advisor knows about each rule protocol, in one
 * table (protocols.c): which protocols Suricata 7 accepts in a rule header,
 * which are app-layer protocols, which transport carries them, and the
 * Network Firewall facts the checks need.  The parser, lint and analyze
 * ask this table instead of keeping lists of their own.
 */
#ifndef NFW_RULES_PROTOCOLS_H
#define NFW_RULES_PROTOCOLS_H

#include <glib.h>

enum {
    RULE_PROTO_PACKET = 1 << 0,   /* a packet protocol of a rule header (ip, tcp, icmpv6 ...) */
    RULE_PROTO_APP = 1 << 1,      /* an app-layer protocol Suricata 7 enables by default */
    RULE_PROTO_DISABLED = 1 << 2, /* known to Suricata 7 but disabled in its default
                                     configuration (app-layer.protocols.X), as on NFW */
    RULE_PROTO_OVER_TCP = 1 << 3, /* carried over TCP only (tcp itself included) */
    RULE_PROTO_OVER_UDP = 1 << 4, /* carried over UDP only (udp itself included) */
    RULE_PROTO_ICMP = 1 << 5,     /* icmp, icmpv4, icmpv6 */
    RULE_PROTO_NO_RESET = 1 << 6, /* a reject rule cannot send a TCP reset on it: NFW does
                                     not support reject here */
    RULE_PROTO_SUGGEST = 1 << 7,  /* an app_proto of the logs that analyze's suggested rules
                                     use as their protocol */
};

/* RULE_PROTO_* of a lower-case protocol name; 0 when Suricata 7 does not
 * know it. */
guint rule_proto_flags(const char *proto);

/* Protocols without connection set-up: over UDP only, or ICMP. */
gboolean rule_proto_is_connectionless(const char *proto);

#endif
