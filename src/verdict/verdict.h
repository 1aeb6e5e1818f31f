/*
 * verdict.h - the face of src/verdict: what Suricata 7 / Network Firewall
 * does with the packets of one flow under a policy, rule by rule.
 *
 * A VerdictFlow says what is known of a flow (5-tuple, app_proto, packet
 * counts and TCP flags per direction, the application fields the logs
 * carry); every field says whether it is known.  verdict_evaluate() walks
 * the flow's packet classes in time order (handshake, client data, server
 * data, later packets), and for each one the rules in evaluation order
 * (Policy.eval_order), exactly as the engine does:
 *  - each rule is matched against what is known of that packet: header
 *    (protocol, app_proto, addresses and ports with `->` / `<>`), flow
 *    keyword, and the options (content and pcre on known app-layer
 *    buffers, flowbits, ...);
 *  - alert rules log and go on; the first pass/drop/reject that matches
 *    decides the packet (strict order: nothing after it is evaluated;
 *    action order: Suricata's PacketAlertFinalize: a pass ends the walk, a
 *    drop lets later matching rules log);
 *  - a decision acts on the whole flow or on that packet only by the
 *    rule's action scope (Rule.scope, src/rules); a flow-scope pass or
 *    drop ends inspection of the flow;
 *  - a packet no rule decided goes to the policy's stateful default
 *    actions (src/policy's model), which may drop and/or alert it.
 * The flow is blocked when any of its packets is dropped (blocked_by is
 * the decision on the first one), allowed otherwise.
 *
 * Never a guess: when a rule's match needs data the logs do not hold
 * (payload content, a buffer no log field carries, byte_test, thresholds,
 * a flowbit set by such a rule, whether a packet class exists at all) and
 * the rule could decide, the result is VERDICT_UNDETERMINED with the reason;
 * an alert rule in that position goes to `maybe_alerts` instead.
 *
 * The engine is built once per policy (rules compiled: sets resolved,
 * contents decoded, pcre compiled) and is read-only afterwards, so threads
 * may share it.  Results and traces are per call.
 */
#ifndef NFW_VERDICT_VERDICT_H
#define NFW_VERDICT_VERDICT_H

#include <glib.h>

#include "policy/policy.h"

G_BEGIN_DECLS

typedef enum {
    VERDICT_ALLOWED,
    VERDICT_BLOCKED,
    VERDICT_UNDETERMINED,
} VerdictKind;

const char *verdict_kind_name(VerdictKind kind); /* "allowed", "blocked", "undetermined" */

/* Application fields the logs can carry (alert metadata). */
typedef enum {
    VERDICT_FIELD_TLS_SNI,         /* tls.sni          <- event.tls.sni */
    VERDICT_FIELD_HTTP_HOST,       /* http.host        <- event.http.hostname */
    VERDICT_FIELD_HTTP_URI,        /* http.uri.raw     <- event.http.url */
    VERDICT_FIELD_HTTP_USER_AGENT, /* http.user_agent  <- event.http.http_user_agent */
    VERDICT_FIELD_HTTP_METHOD,     /* http.method      <- event.http.http_method */
    VERDICT_FIELD_DNS_QUERY,       /* dns.query        <- event.dns rrname */
    VERDICT_FIELD_SSH_PROTO,       /* ssh.proto (client) <- event.ssh.client.proto_version */
    VERDICT_FIELD_SSH_SOFTWARE,    /* ssh.software (client) <- ...client.software_version */
    VERDICT_FIELD_N
} VerdictField;

/* The name used in outputs and in the flow syntax: "sni", "host", "uri",
 * "ua", "method", "dns", "ssh_proto", "ssh_software"; and the log field
 * it comes from. */
const char *verdict_field_name(VerdictField field);
const char *verdict_field_log_name(VerdictField field);

typedef struct {
    gboolean known; /* the logs say what it was */
    char *value;    /* owned; NULL with known: the field was absent */
    gsize len;      /* bytes (a value may hold NUL bytes) */
} VerdictValue;

enum { VERDICT_TO_SERVER = 0, VERDICT_TO_CLIENT = 1 };

/* TCP flag bits as in the header (and in netflow's tcp_flags). */
enum {
    VERDICT_TCP_FIN = 0x01,
    VERDICT_TCP_SYN = 0x02,
    VERDICT_TCP_RST = 0x04,
    VERDICT_TCP_PSH = 0x08,
    VERDICT_TCP_ACK = 0x10,
    VERDICT_TCP_URG = 0x20,
    VERDICT_TCP_ECE = 0x40,
    VERDICT_TCP_CWR = 0x80,
};

/* What is known of one flow.  The client is the side that opened it
 * (Suricata's to_server direction is client -> server). */
typedef struct {
    int family;        /* 4 or 6 */
    guint8 client[16]; /* address bytes (IPv4 in the first 4) */
    guint8 server[16];
    gint32 client_port; /* -1 when the protocol has none (ICMP) */
    gint32 server_port;
    guint8 ip_proto; /* 6 TCP, 17 UDP, 1 ICMP, 58 ICMPv6, ... */
    char *app_proto; /* owned; NULL: not known; "unknown"/"failed":
                                 Suricata detected none */
    VerdictValue fields[VERDICT_FIELD_N];
    gboolean counts_known;     /* pkts/bytes come from a flow record */
    guint64 pkts[2], bytes[2]; /* [VERDICT_TO_SERVER], [VERDICT_TO_CLIENT] */
    gboolean tcp_flags_known;
    guint8 tcp_flags[2]; /* OR of the flags seen per direction */
    gint icmp_type[2];   /* -1 when not known */
} VerdictFlow;

void verdict_flow_init(VerdictFlow *flow);
void verdict_flow_clear(VerdictFlow *flow);
/* Sets a field as known (value NULL: known to be absent); copies value. */
void verdict_flow_set_field(VerdictFlow *flow, VerdictField field, const char *value, gsize len);
void verdict_flow_set_app_proto(VerdictFlow *flow, const char *app_proto);

/* Parse a flow typed by hand, for `explain`:
 *   PROTO CLIENT[:PORT] (->|<-) SERVER[:PORT] [KEY=VALUE]...
 * PROTO is tcp, udp, icmp or an app protocol (tls, http, dns, ...: its
 * transport is implied and it sets app_proto); keys are sni, host, uri,
 * ua, method, dns, app (app_proto), and for what the flow did: server=
 * accept|refuse|silent, data=both|client|none (TCP), reply=yes|no
 * (UDP/ICMP).  `<-` writes the server first.  Values may be double quoted
 * (with \" and \\).  Errors name the column (1-based) of the problem. */
gboolean verdict_flow_parse(const char *text, VerdictFlow *flow, GError **error);

#define VERDICT_ERROR (verdict_error_quark())
GQuark verdict_error_quark(void);
typedef enum {
    VERDICT_ERROR_SYNTAX, /* a hand-typed flow that does not parse */
    VERDICT_ERROR_DEFAULT_ACTIONS,
} VerdictErrorCode;

/* Packet classes: the packets of a flow that rules can tell apart, in the
 * order they occur. */
typedef enum {
    VERDICT_PKT_SYN,          /* TCP: client SYN */
    VERDICT_PKT_SYN_ACK,      /* TCP: server SYN-ACK (or RST when refused) */
    VERDICT_PKT_ACK,          /* TCP: the handshake's last ACK (not yet established) */
    VERDICT_PKT_CLIENT_DATA,  /* first client data: protocol detection, request fields */
    VERDICT_PKT_SERVER_DATA,  /* first server data (UDP/ICMP: the first reply) */
    VERDICT_PKT_CLIENT_LATER, /* later client packets (ACKs, more data, FIN) */
    VERDICT_PKT_SERVER_LATER, /* later server packets */
    VERDICT_PKT_N
} VerdictPacketClass;

/* "handshake (SYN)", "client data", ...: for outputs. */
const char *verdict_packet_class_name(VerdictPacketClass cls, guint8 ip_proto);

/* A rule or a default action that alerted or decided. */
typedef struct {
    const Rule *rule;           /* NULL for a default action */
    const char *default_action; /* static: "aws:drop_strict", "aws:alert_established"... */
    guint64 sid;                /* the rule's sid, or the default action's logged sid */
} VerdictHit;

typedef struct {
    VerdictKind verdict;
    gboolean has_blocked_by;
    VerdictHit blocked_by; /* the decision that dropped the first dropped packet */
    VerdictPacketClass blocked_at;
    const Rule *allowed_by; /* the flow-scope pass that allowed the flow, NULL if none */
    GArray *alerts;         /* VerdictHit, distinct, in order of first alert */
    GArray *maybe_alerts;   /* VerdictHit: alerts that depend on unknown data */
    GString *reason;        /* one sentence: why this verdict */
} VerdictResult;

void verdict_result_init(VerdictResult *result);
void verdict_result_clear(VerdictResult *result);
void verdict_result_reset(VerdictResult *result); /* empty, for the next flow */

/* One step of the walk, for `explain`. */
typedef enum {
    VERDICT_STEP_NO_MATCH,
    VERDICT_STEP_MATCH,
    VERDICT_STEP_UNKNOWN, /* needs data the flow description lacks */
    VERDICT_STEP_DEFAULT, /* no rule decided: the default actions */
    VERDICT_STEP_SKIPPED, /* the flow was decided earlier (flow scope) */
} VerdictStepKind;

typedef struct {
    VerdictPacketClass cls;
    VerdictStepKind kind;
    VerdictHit hit;     /* the rule (or default action) */
    gboolean alerted;   /* logged an alert */
    gboolean decided;   /* decided this packet */
    gboolean dropped;   /* the decision drops (pass otherwise) */
    gboolean flow_wide; /* the decision covers the rest of the flow */
    char *why;          /* owned: what matched or failed */
} VerdictStep;

typedef struct {
    GArray *steps;       /* VerdictStep */
    GArray *classes;     /* VerdictPacketClass that exist or may exist, in order */
    GArray *class_maybe; /* gboolean per entry of classes: existence not known */
} VerdictTrace;

VerdictTrace *verdict_trace_new(void);
void verdict_trace_free(VerdictTrace *trace);

typedef struct VerdictEngine VerdictEngine;

/* Compile the policy's evaluation order.  `default_actions` (char*
 * "aws:drop_established", ...) overrides the policy's
 * StatefulDefaultActions when not NULL; an unknown or contradictory list
 * is an error.  The policy must outlive the engine. */
VerdictEngine *verdict_engine_new(const Policy *policy, GPtrArray *default_actions, GError **error);
void verdict_engine_free(VerdictEngine *engine);

/* The default actions in force, as given ("aws:drop_established", ...). */
const GPtrArray *verdict_engine_default_actions(const VerdictEngine *engine);

/* Evaluate one flow; `trace` may be NULL (simulate) or collect every step
 * (explain).  `result` is reset first. */
void verdict_evaluate(const VerdictEngine *engine, const VerdictFlow *flow, VerdictResult *result,
                      VerdictTrace *trace);

G_END_DECLS

#endif
