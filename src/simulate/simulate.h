/*
 * simulate.h - the face of src/simulate: what a proposed policy would do to
 * the flows already logged.
 *
 * Each logged flow is rebuilt from its flow (netflow) records and the alert
 * records of the same flow_id (VerdictFlow: 5-tuple oriented by the alerts'
 * direction, app_proto, packets/bytes and TCP flags per direction, the app
 * fields alert metadata carries), evaluated under the proposed policy by
 * src/verdict, and compared with a reference: what the logs show the current
 * policy did (an alert with action "blocked" means the flow was blocked;
 * silent drops cannot be seen), or the verdict of a baseline policy
 * evaluated the same way.
 *
 * Streaming, bounded memory: the inputs are read as two streams merged by
 * time, alert logs and flow logs (each file is put in one by its first
 * record; NFW delivers them apart).  A flow is finished once its flow
 * records are in and the alert stream has moved past their time (plus
 * SIM_ALERT_SLACK_US, for alerts written a little out of order), so memory
 * holds only the flows in flight.  Flows that never get a flow record
 * (alert logs only) are finished at the end of the input.
 *
 * Results go to a SimSink as they are finished (the JSON renderer streams
 * them), and into a SimSummary (counts, changes per rule and destination,
 * examples) that the renderers print at the end.
 */
#ifndef NFW_SIMULATE_SIMULATE_H
#define NFW_SIMULATE_SIMULATE_H

#include <glib.h>

#include "logs/logs.h"
#include "policy/policy.h"
#include "verdict/verdict.h"

G_BEGIN_DECLS

/* How far out of time order an alert may come after its flow record. */
#define SIM_ALERT_SLACK_US ((gint64)120 * G_USEC_PER_SEC)
/* How long a flow record waits for its other direction. */
#define SIM_PAIR_SLACK_US ((gint64)5 * G_USEC_PER_SEC)
/* Examples kept per group of the summary. */
#define SIM_EXAMPLES 3

/* What the logs told about a flow (SimFlowResult.known). */
enum {
    SIM_KNOWN_FLOW_RECORD = 1 << 0,  /* a flow record (packet and byte counts) */
    SIM_KNOWN_REPLY_RECORD = 1 << 1, /* the server-to-client record too */
    SIM_KNOWN_TCP_FLAGS = 1 << 2,
    SIM_KNOWN_ALERTS = 1 << 3, /* at least one alert record */
    SIM_KNOWN_APP_PROTO = 1 << 4,
    SIM_KNOWN_DIRECTION = 1 << 5, /* client and server told by an alert's direction */
};

typedef enum {
    SIM_CHANGE_NONE,             /* same verdict (and blocker, when blocked) */
    SIM_CHANGE_NEWLY_BLOCKED,    /* reference allowed, proposed blocked */
    SIM_CHANGE_NEWLY_ALLOWED,    /* reference blocked, proposed allowed */
    SIM_CHANGE_BLOCKER,          /* blocked in both, by another rule */
    SIM_CHANGE_UNDETERMINED,     /* the proposed verdict is undetermined */
    SIM_CHANGE_REF_UNDETERMINED, /* the baseline's verdict is undetermined */
} SimChange;

const char *sim_change_name(SimChange change); /* "none", "newly_blocked", ... */

/* The reference a flow is compared with. */
typedef struct {
    VerdictKind verdict;
    gboolean has_blocked_by;
    VerdictHit blocked_by; /* logged: rule NULL, sid or default_action */
    GArray *alerts;        /* VerdictHit */
} SimReference;

/* One finished flow. All pointers are valid during the sink call only. */
typedef struct {
    gboolean has_flow_id;
    guint64 flow_id;
    const char *firewall; /* NULL when the logs have no envelope */
    const VerdictFlow *flow;
    guint known; /* SIM_KNOWN_* */
    const VerdictResult *proposed;
    const SimReference *reference;
    SimChange change;
    GArray *alerts_gained; /* VerdictHit: alert in proposed, not in reference */
    GArray *alerts_lost;
} SimFlowResult;

typedef struct {
    void (*flow)(const SimFlowResult *result, gpointer data);
    gpointer data;
} SimSink;

/* An example flow of a summary group. */
typedef struct {
    gboolean has_flow_id;
    guint64 flow_id;
    char *text; /* "TCP 10.0.5.14:55692 -> 198.19.13.253:443 sni api.example.com" */
} SimExample;

/* Flows of one group: by rule (hit) or by destination (name). */
typedef struct {
    VerdictHit hit; /* by rule */
    char *name;     /* by destination / by reason: the key text */
    guint64 flows;
    GPtrArray *examples; /* SimExample*, at most SIM_EXAMPLES */
} SimGroup;

typedef struct {
    guint64 flows, determined, undetermined, ref_undetermined;
    guint64 allowed, blocked;         /* proposed verdicts among determined */
    guint64 ref_allowed, ref_blocked; /* reference verdicts */
    guint64 unchanged, newly_blocked, newly_allowed, blocker_changed;
    guint64 without_flow_record, without_alerts;
    guint64 unusable; /* flows whose addresses or protocol did not parse: not simulated */
    /* Sorted by flows (descending), then key: GPtrArray of SimGroup*. */
    GPtrArray *newly_blocked_by_rule, *newly_blocked_by_destination;
    GPtrArray *newly_allowed_by_rule; /* by the reference's blocker */
    GPtrArray *newly_allowed_by_destination;
    GPtrArray *blocker_changed_by_rule;     /* the proposed blocker */
    GPtrArray *alerts_gained, *alerts_lost; /* by hit */
    GPtrArray *undetermined_by_reason;
    LogStats stats;
    gboolean baseline;          /* compared with --baseline, not the logs */
    GPtrArray *default_actions; /* char*, of the proposed engine */
    RuleOrder order;
    guint rules;
} SimSummary;

typedef struct {
    const VerdictEngine *proposed;
    const VerdictEngine *baseline; /* NULL: compare with what was logged */
    const LogFilter *filter;       /* may be NULL */
    SimSink sink;
} SimOptions;

/* Read the logs, simulate every flow, fill `summary` (simulate_summary_init
 * first).  FALSE with *error when an input cannot be opened (*opened FALSE:
 * nothing was read) or a file failed while reading (*opened TRUE: the
 * summary covers what was read); records that cannot be used are counted
 * in summary->stats. */
gboolean simulate_run(const SimOptions *options, const char *const *paths, gsize n_paths,
                      SimSummary *summary, gboolean *opened, GError **error);

void simulate_summary_init(SimSummary *summary);
void simulate_summary_clear(SimSummary *summary);

G_END_DECLS

#endif
