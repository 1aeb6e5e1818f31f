/*
 * sim_input.c - the logs as one stream of events in time order, made of two
 * streams: the files whose first record is an alert (alert logs, and raw
 * eve.json that mixes both) and the files whose first record is a flow
 * record (flow logs).  Each stream is read in path order (the S3 layout
 * sorts by hour); the merge takes the stream whose next event is older.
 *
 * Why two streams and not one reader: NFW delivers alert and flow logs
 * apart, and read one after the other every alert would wait in memory for
 * its flow record.  Merged by time, a flow's alerts (stamped with their
 * packet's time) come before its flow record (stamped when the flow ends),
 * and only flows in flight are held.
 *
 * Why not one reader per file: an S3 download has thousands of hourly
 * files; two readers keep two buffers.  Each file is opened once more to
 * see its first record (a few KiB read, or one gzip block).
 */
#include "simulate/sim_internal.h"

#include <string.h>

struct SimInput {
    LogReader *readers[2]; /* SIM_STREAM_ALERTS, SIM_STREAM_FLOWS; NULL when empty */
    LogEvent head[2];
    gboolean has_head[2];
    gboolean done[2];
    gint64 head_time[2];
    gint64 seen_time[2]; /* latest time returned from the stream */
    int last;            /* stream of the event returned last, -1 none */
    GPtrArray *errors;   /* char*: files that could not be read */
    GPtrArray *parts;
};

static int
part_stream(const LogPart *part)
{
    GPtrArray *one = g_ptr_array_new();
    g_ptr_array_add(one, (gpointer)part);
    GError *error = NULL;
    LogReader *r = log_reader_open_parts(one, &error);
    int stream = SIM_STREAM_ALERTS;
    if (r) {
        LogEvent ev;
        if (log_reader_next(r, &ev, &error) && ev.type == LOG_EVENT_NETFLOW)
            stream = SIM_STREAM_FLOWS;
        log_reader_free(r);
    }
    g_clear_error(&error); /* the real read reports it */
    g_ptr_array_unref(one);
    return stream;
}

SimInput *
sim_input_open(const char *const *paths, gsize n_paths, const LogFilter *filter, GError **error)
{
    GPtrArray *plan = log_parts_plan(paths, n_paths, 1, G_MAXINT64, error);
    if (plan == NULL)
        return NULL;
    SimInput *in = g_new0(SimInput, 1);
    in->parts = plan;
    in->errors = g_ptr_array_new_with_free_func(g_free);
    in->last = -1;
    GPtrArray *lists[2] = { g_ptr_array_new(), g_ptr_array_new() };
    for (guint i = 0; i < plan->len; i++) {
        const LogPart *p = g_ptr_array_index(plan, i);
        /* stdin cannot be read twice: it goes to the alert stream unseen. */
        int s = strcmp(p->path, "-") == 0 ? SIM_STREAM_ALERTS : part_stream(p);
        g_ptr_array_add(lists[s], (gpointer)p);
    }
    for (int s = 0; s < 2; s++) {
        if (lists[s]->len > 0) {
            in->readers[s] = log_reader_open_parts(lists[s], error);
            if (in->readers[s] == NULL) {
                g_ptr_array_unref(lists[0]);
                g_ptr_array_unref(lists[1]);
                sim_input_free(in);
                return NULL;
            }
            if (filter)
                log_reader_set_filter(in->readers[s], filter);
        } else
            in->done[s] = TRUE;
        in->seen_time[s] = G_MININT64;
    }
    g_ptr_array_unref(lists[0]);
    g_ptr_array_unref(lists[1]);
    return in;
}

void
sim_input_free(SimInput *in)
{
    if (in == NULL)
        return;
    for (int s = 0; s < 2; s++)
        if (in->readers[s])
            log_reader_free(in->readers[s]);
    g_ptr_array_unref(in->errors);
    g_ptr_array_unref(in->parts);
    g_free(in);
}

static void
fill(SimInput *in, int s)
{
    while (!in->has_head[s] && !in->done[s]) {
        GError *error = NULL;
        if (log_reader_next(in->readers[s], &in->head[s], &error)) {
            gint64 t;
            in->head_time[s] = log_event_time(&in->head[s], &t) ? t : in->seen_time[s];
            in->has_head[s] = TRUE;
        } else if (error) {
            g_ptr_array_add(in->errors, g_strdup(error->message));
            g_error_free(error);
        } else
            in->done[s] = TRUE;
    }
}

gboolean
sim_input_next(SimInput *in, LogEvent *ev, int *stream)
{
    for (int s = 0; s < 2; s++)
        fill(in, s);
    int pick = -1;
    if (in->has_head[0] && in->has_head[1])
        pick = in->head_time[1] < in->head_time[0] ? 1 : 0;
    else if (in->has_head[0])
        pick = 0;
    else if (in->has_head[1])
        pick = 1;
    if (pick < 0)
        return FALSE;
    *ev = in->head[pick];
    in->has_head[pick] = FALSE;
    if (in->head_time[pick] > in->seen_time[pick])
        in->seen_time[pick] = in->head_time[pick];
    *stream = pick;
    /* The event borrows from its reader until the reader is called again,
     * which fill() does only on the next call. */
    return TRUE;
}

gint64
sim_input_watermark(const SimInput *in, int stream)
{
    if (in->has_head[stream])
        return in->head_time[stream]; /* every older event was returned */
    if (in->done[stream])
        return G_MAXINT64;
    return in->seen_time[stream];
}

const GPtrArray *
sim_input_errors(const SimInput *in)
{
    return in->errors;
}

void
sim_input_stats(const SimInput *in, LogStats *into)
{
    for (int s = 0; s < 2; s++)
        if (in->readers[s])
            log_stats_merge(into, log_reader_get_stats(in->readers[s]));
}
