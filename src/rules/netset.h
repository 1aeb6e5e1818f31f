/*
 * netset.h - resolved address and port sets: sorted, disjoint ranges.
 *
 * An address set holds IPv4 ranges (32-bit) and IPv6 ranges (128-bit)
 * separately; "any" is both families entire.  A port set uses the IPv4
 * slot with 0..65535.  Sets answer what shadowing analysis needs: is A a
 * superset of B, is a set empty, and they implement Suricata's group
 * semantics ([a,b,!c] = (a ∪ b) − c; a group of only negations starts from
 * "any").
 */
#ifndef NFW_RULES_NETSET_H
#define NFW_RULES_NETSET_H

#include <glib.h>

#include "rules/netexpr.h"

typedef unsigned __int128 NetU128;

typedef struct {
    NetU128 lo, hi; /* inclusive */
} NetRange;

typedef struct {
    gboolean ports;
    GArray *v4; /* NetRange, sorted, disjoint, non-adjacent */
    GArray *v6; /* NetRange (addresses only) */
} NetSet;

/* Resolves $NAME / @NAME to an expression (borrowed) or NULL if undefined. */
typedef const NetExpr *(*NetVarResolver)(const char *name, gboolean ipset_ref, gpointer data);

NetSet *netset_new(gboolean ports);
NetSet *netset_new_any(gboolean ports);
void netset_free(NetSet *set);
NetSet *netset_copy(const NetSet *set);

/* Evaluate an expression.  NULL with *error when a variable is undefined or
 * nothing is left after negation (Suricata rejects both).  `resolver` may
 * be NULL when the expression has no symbols. */
NetSet *netset_from_expr(const NetExpr *expr, gboolean ports, NetVarResolver resolver,
                         gpointer data, char **error);

gboolean netset_is_empty(const NetSet *set);
gboolean netset_is_any(const NetSet *set);
/* TRUE when every element of `inner` is in `outer`. */
gboolean netset_contains(const NetSet *outer, const NetSet *inner);
gboolean netset_intersects(const NetSet *a, const NetSet *b);
gboolean netset_contains_ipv4(const NetSet *set, guint32 addr);

#endif
