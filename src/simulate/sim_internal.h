/*
 * sim_internal.h - what src/simulate's files share: the merged input
 * (sim_input.c), the flow assembler (sim_flows.c) and the comparison and
 * summary (sim_compare.c).  Internal to src/simulate.
 */
#ifndef NFW_SIMULATE_INTERNAL_H
#define NFW_SIMULATE_INTERNAL_H

#include "simulate/simulate.h"

enum { SIM_STREAM_ALERTS = 0, SIM_STREAM_FLOWS = 1 };

typedef struct SimInput SimInput;

SimInput *sim_input_open(const char *const *paths, gsize n_paths, const LogFilter *filter,
                         GError **error);
void sim_input_free(SimInput *in);
/* The next event in time order (its strings valid until the next call). */
gboolean sim_input_next(SimInput *in, LogEvent *ev, int *stream);
/* Events of `stream` older than this have all been returned (G_MAXINT64
 * once the stream is exhausted). */
gint64 sim_input_watermark(const SimInput *in, int stream);
const GPtrArray *sim_input_errors(const SimInput *in);
void sim_input_stats(const SimInput *in, LogStats *into);

/* A rebuilt flow handed from the assembler to the comparison. */
typedef struct {
    gboolean has_flow_id;
    guint64 flow_id;
    const char *firewall;
    VerdictFlow flow;
    guint known; /* SIM_KNOWN_* */
    SimReference logged;
} SimRebuilt;

typedef void (*SimFinishFunc)(SimRebuilt *flow, gpointer data);

typedef struct SimFlows SimFlows;

SimFlows *sim_flows_new(SimFinishFunc finish, gpointer data);
void sim_flows_free(SimFlows *flows);
void sim_flows_add(SimFlows *flows, const LogEvent *ev);
/* Finish the flows whose records are all in, given the watermarks. */
void sim_flows_advance(SimFlows *flows, gint64 alert_watermark, gint64 flow_watermark);
/* End of input: finish everything still held. */
void sim_flows_flush(SimFlows *flows);
guint sim_flows_in_flight(const SimFlows *flows);
/* Flows dropped because their addresses or protocol did not parse. */
guint64 sim_flows_unusable(const SimFlows *flows);

/* The comparison (sim_compare.c). */
typedef struct SimCompare SimCompare;
SimCompare *sim_compare_new(const SimOptions *options, SimSummary *summary);
void sim_compare_free(SimCompare *cmp);
void sim_compare_flow(SimCompare *cmp, SimRebuilt *flow);
void sim_compare_finish(SimCompare *cmp);

/* A default action's name from a logged alert signature
 * ("aws:alert_established action" -> "aws:alert_established"), static;
 * NULL when the signature is no default action's. */
const char *sim_default_action_of_signature(LogStr signature);
/* The drop default an alert default logs for ("aws:alert_strict" ->
 * "aws:drop_strict"), static. */
const char *sim_drop_of_alert(const char *alert_name);

#endif
