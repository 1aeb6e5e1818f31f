/*
 * netexpr.h - Suricata address and port expressions, parsed but unresolved.
 *
 * "[10.0.0.0/8,!10.1.0.0/16,$DNS_SERVERS]" becomes a GROUP of three items,
 * the second negated.  Variables ($NAME) and IP set references (@NAME) stay
 * symbolic: the policy resolves them (src/policy/variables.c), and the
 * checks turn resolved expressions into interval sets (netset.h, src/lint).
 */
#ifndef NFW_RULES_NETEXPR_H
#define NFW_RULES_NETEXPR_H

#include <glib.h>

typedef enum {
    NETEXPR_ANY,        /* any */
    NETEXPR_CIDR,       /* 10.0.0.0/8, 2001:db8::/32, 1.2.3.4, 1.2.3.4/255.0.0.0 */
    NETEXPR_IP_RANGE,   /* 1.2.3.4-1.2.3.9 (accepted by Suricata) */
    NETEXPR_VAR,        /* $NAME */
    NETEXPR_IPSET_REF,  /* @NAME (Network Firewall IP set reference) */
    NETEXPR_PORT_RANGE, /* 80, 1024:, :1023, 8000:8080 */
    NETEXPR_GROUP,      /* [a,b,...] */
} NetExprKind;

typedef struct NetExpr {
    NetExprKind kind;
    gboolean negated;
    int offset;               /* byte offset in the text the expression came from */
    int family;               /* CIDR / IP_RANGE: 4 or 6 */
    guint8 addr[16];          /* CIDR: network address (host bits cleared);
                               IP_RANGE: first address */
    guint8 addr_hi[16];       /* IP_RANGE: last address */
    int prefix;               /* CIDR: prefix length */
    guint32 port_lo, port_hi; /* PORT_RANGE, inclusive */
    char *name;               /* VAR / IPSET_REF: name without $ or @ */
    GPtrArray *items;         /* GROUP: NetExpr* */
} NetExpr;

/* Parse an address or port field.  On error returns NULL, sets *error to a
 * message (caller frees) and *error_offset to the byte offset of the problem
 * within `text`. */
NetExpr *netexpr_parse_address(const char *text, char **error, int *error_offset);
NetExpr *netexpr_parse_ports(const char *text, char **error, int *error_offset);

void netexpr_free(NetExpr *expr);

/* TRUE when the expression (recursively) names a variable or IP set. */
gboolean netexpr_has_symbols(const NetExpr *expr);

/* Format back to Suricata syntax (normalised spacing). Caller frees. */
char *netexpr_to_string(const NetExpr *expr);

#endif
