/*
 * lint_match.h - what a rule matches, in a form that can be compared: the
 * model behind shadowing (lint_shadow.c) and alert twins (lint_twins.c).
 * Internal to src/lint.
 *
 * A RuleMatch holds, for one enabled rule of the policy's evaluation order:
 *  - its resolved address and port sets (variables resolved per rule group
 *    with policy_lookup_var; an @ipset reference or anything unresolvable
 *    makes the set "unknown", which only an `any` contains);
 *  - its flow constraints, explicit (flow:) and implied (an app-layer rule
 *    over TCP only sees established packets; tls.sni, http.host, ... only
 *    exist to the server);
 *  - its match conditions as "atoms": one string per content (with its
 *    buffer, transforms and modifiers) or per other matching keyword.
 * match_covers(a, b) proves that every packet b matches, a matches too.
 * It says FALSE whenever it cannot prove it (conservative): relative
 * content, thresholds, unknown sets, protocols it does not know to nest.
 *
 * Scale: match_index_* buckets rules by their longest atom (buffer + content)
 * and, for rules without atoms, by protocol and destination port, so that
 * a rule is compared only with rules that could cover it.
 */
#ifndef NFW_LINT_LINT_MATCH_H
#define NFW_LINT_LINT_MATCH_H

#include <glib.h>

#include "policy/policy.h"
#include "rules/rules.h"

typedef struct {
    const Rule *rule;
    guint position;          /* index in policy->eval_order */
    gboolean terminal;       /* decides a packet: pass, drop, reject (not under DROP_TO_ALERT) */
    RuleAction action;       /* effective action (DROP_TO_ALERT drops are alerts) */
    const NetSet *src, *dst; /* NULL: unknown (owned by the MatchSet) */
    const NetSet *sport, *dport;
    guint flow;          /* RULE_FLOW_*, explicit and implied */
    guint flow_explicit; /* RULE_FLOW_* from the flow keyword only */
    GPtrArray *atoms;    /* char*, sorted: match conditions */
    GPtrArray *keys;     /* char*: index keys of the atoms (buffer + content value) */
    char *exact;         /* all match options in order, for relative content
                                (these strings belong to the MatchSet's `strings`) */
    gboolean relative;   /* has relative content (distance, within, R): only an
                                identical option list can be compared */
    gboolean opaque;     /* has conditions we never reason about (threshold...) */
} RuleMatch;

typedef struct {
    const Policy *policy;
    GPtrArray *matches;    /* RuleMatch* into `storage`, in evaluation order */
    GHashTable *sets;      /* (group, ports?, field text) -> NetSet*, owned */
    GStringChunk *strings; /* every RuleMatch's atoms, keys and exact text */
    RuleMatch *storage;    /* one block for all RuleMatches (no malloc per rule) */
} MatchSet;

MatchSet *match_set_new(const Policy *policy);
void match_set_free(MatchSet *set);

/* TRUE when `outer` provably matches every packet `inner` matches (header,
 * flow and options; positions and actions are not considered). */
gboolean match_covers(const RuleMatch *outer, const RuleMatch *inner);

/* Does protocol `outer` carry every packet of protocol `inner`? */
gboolean match_proto_covers(const char *outer, const char *inner);
/* TCP-based protocols (tcp and app-layer protocols over TCP). */
gboolean match_proto_is_tcp(const char *proto);
/* Protocols without connection set-up (udp, icmp and app-layer over UDP). */
gboolean match_proto_is_connectionless(const char *proto);

typedef struct MatchIndex MatchIndex;

/* An index of some RuleMatches (borrowed) of a set; add in evaluation order. */
MatchIndex *match_index_new(void);
void match_index_free(MatchIndex *index);
void match_index_add(MatchIndex *index, const RuleMatch *m);
/* The first indexed match (lowest position) that covers `inner` and whose
 * position is in [from, to); NULL when none. */
const RuleMatch *match_index_first_covering(const MatchIndex *index, const RuleMatch *inner,
                                            guint from, guint to);

/* The twin predicate, one definition for lint_twins.c and twin_map.c
 * (lint_twins.c).  The alert rules that log (no noalert), indexed: the
 * candidates for a pass rule's twin. */
MatchIndex *match_index_new_logging_alerts(const MatchSet *set);
/* A pass rule without the alert keyword: it logs only through a twin. */
gboolean match_wants_twin(const RuleMatch *pass);
/* In STRICT_ORDER, the twin that logs `pass`: the first logging alert
 * before it that covers it; NULL when none. */
const RuleMatch *match_twin_before(const MatchIndex *alerts, const RuleMatch *pass);

/* The checks built on a MatchSet (lint_twins.c, lint_shadow.c); run by
 * lint_check_ordering, which builds the set once. */
void lint_twins_run(const MatchSet *set, GPtrArray *findings);
void lint_shadow_run(const MatchSet *set, GPtrArray *findings);
void lint_pass_scope_run(const MatchSet *set, GPtrArray *findings);

/* One-line description of a rule for messages: "sid 10 (pass tcp) at file:line". */
char *match_describe_rule(const Rule *rule);

#endif
