/*
 * sim_run.c - simulate_run (simulate.h): the merged input into the flow
 * assembler, finished flows into the comparison, then the summary.
 *
 * One thread: the merge by time is sequential by nature, and the reader is
 * not the cost (see bench/README.md, simulate).  Flows are finished as the
 * watermarks move, after every event, so memory holds the flows in flight.
 */
#include "simulate/sim_internal.h"

static void
on_finished(SimRebuilt *flow, gpointer data)
{
    sim_compare_flow(data, flow);
}

gboolean
simulate_run(const SimOptions *options, const char *const *paths, gsize n_paths,
             SimSummary *summary, gboolean *opened, GError **error)
{
    SimInput *in = sim_input_open(paths, n_paths, options->filter, error);
    *opened = in != NULL;
    if (in == NULL)
        return FALSE;
    SimCompare *cmp = sim_compare_new(options, summary);
    SimFlows *flows = sim_flows_new(on_finished, cmp);
    LogEvent ev;
    int stream;
    guint64 n = 0;
    while (sim_input_next(in, &ev, &stream)) {
        sim_flows_add(flows, &ev);
        /* The watermarks move with time, not with every record: looking
         * once per 64 events keeps the queue check off the hot path. */
        if ((++n & 63) == 0)
            sim_flows_advance(flows, sim_input_watermark(in, SIM_STREAM_ALERTS),
                              sim_input_watermark(in, SIM_STREAM_FLOWS));
    }
    sim_flows_flush(flows);
    summary->unusable = sim_flows_unusable(flows);
    sim_flows_free(flows);
    sim_compare_finish(cmp);
    sim_compare_free(cmp);
    sim_input_stats(in, &summary->stats);
    gboolean ok = TRUE;
    const GPtrArray *errors = sim_input_errors(in);
    if (errors->len > 0) {
        g_set_error(error, LOG_ERROR, LOG_ERROR_READ, "%s", (char *)g_ptr_array_index(errors, 0));
        ok = FALSE;
    }
    sim_input_free(in);
    return ok;
}
