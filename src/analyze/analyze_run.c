/*
 * analyze_run.c - one analysis run (analyze.h): the inputs read by a pool
 * of reader threads into per-thread aggregates, merged and finished; or
 * `--results` files loaded into one aggregate.  The CLI only parses
 * options and prints.
 *
 * Threads: log_parts_plan() cuts the inputs into parts (plain files above
 * ANALYZE_PART_MIN_BYTES into byte ranges); thread t gets the t-th
 * contiguous run of parts, so merging in thread order gives "first seen"
 * answers, samples and errors as one thread reading in order would.  Each
 * thread has its own LogReader and AnalyzeAgg over the shared read-only
 * AnalyzeIndex.  Progress: thread 0 prints one updating line on stderr
 * (events read by all threads, MB by itself) about once a second.
 */
#include "analyze/analyze_internal.h"

#include <stdio.h>

/* Plain files above this size are read by several threads. */
#define ANALYZE_PART_MIN_BYTES ((gint64)64 << 20)
/* Events between two looks at the clock (and at the shared counter). */
#define ANALYZE_PROGRESS_EVENTS 65536

typedef struct {
    GPtrArray *parts; /* LogPart*, borrowed from the plan */
    const LogFilter *filter;
    AnalyzeAgg *agg;       /* owned by the run */
    GPtrArray *errors;     /* char* messages, owned */
    gboolean progress;     /* this thread prints the progress line */
    gboolean decode_ahead; /* gzip inflated by a thread of its own (not one thread) */
    gint *event_batches;   /* shared, atomic: ANALYZE_PROGRESS_EVENTS read by all */
    gint64 start_us;
    gboolean *fw_seen; /* per filter->firewalls[i]: a used record carried it (or NULL) */
} Worker;

/* Which --firewall name the used event carries (to name a typing error). */
static void
worker_mark_firewall(Worker *w, const LogEvent *ev)
{
    LogStr name = log_str_before_nul(ev->firewall_name);
    for (guint i = 0; w->filter->firewalls[i]; i++)
        if (!w->fw_seen[i] && log_str_equal(name, w->filter->firewalls[i]))
            w->fw_seen[i] = TRUE;
}

static void
worker_print_progress(const Worker *w, const LogReader *reader)
{
    const LogStats *st = log_reader_get_stats(reader);
    double secs = (g_get_monotonic_time() - w->start_us) / 1e6;
    fprintf(stderr, "\ranalyze: %.1f M events, %.0f MB read by this thread, %.0f s   ",
            g_atomic_int_get(w->event_batches) * (double)ANALYZE_PROGRESS_EVENTS / 1e6,
            st->bytes_in / 1e6, secs);
    fflush(stderr);
}

static gpointer
worker_run(gpointer data)
{
    Worker *w = data;
    GError *error = NULL;
    LogReader *reader = log_reader_open_parts(w->parts, &error);
    if (reader == NULL) {
        g_ptr_array_add(w->errors, g_strdup(error->message));
        g_error_free(error);
        return NULL;
    }
    log_reader_set_filter(reader, w->filter);
    log_reader_set_decode_ahead(reader, w->decode_ahead);
    LogEvent ev;
    guint64 n = 0;
    gint64 next_print = w->start_us + G_USEC_PER_SEC;
    for (;;) {
        if (!log_reader_next(reader, &ev, &error)) {
            if (error == NULL)
                break;
            g_ptr_array_add(w->errors, g_strdup(error->message));
            g_clear_error(&error);
            continue; /* the reader goes on with the next file */
        }
        analyze_agg_add_event(w->agg, &ev, 1);
        if (w->fw_seen != NULL)
            worker_mark_firewall(w, &ev);
        if (++n % ANALYZE_PROGRESS_EVENTS == 0) {
            g_atomic_int_add(w->event_batches, 1);
            if (w->progress && g_get_monotonic_time() >= next_print) {
                next_print = g_get_monotonic_time() + G_USEC_PER_SEC;
                worker_print_progress(w, reader);
            }
        }
    }
    log_stats_merge(&w->agg->stats, log_reader_get_stats(reader));
    log_reader_free(reader);
    return NULL;
}

/* Reads the planned parts with `n_workers` threads (this one is thread 0)
 * and merges their aggregates in thread order into the one returned. */
static AnalyzeAgg *
read_parts(const AnalyzeIndex *index, const AnalyzeRunOptions *opt, GPtrArray *plan, guint threads,
           GPtrArray *errors)
{
    guint n_workers = MAX(1, MIN(threads, plan->len));
    Worker *workers = g_new0(Worker, n_workers);
    GThread **handles = g_new0(GThread *, n_workers);
    gint event_batches = 0;
    gint64 start = g_get_monotonic_time();
    for (guint i = 0; i < n_workers; i++) {
        workers[i].parts = g_ptr_array_new();
        workers[i].filter = opt->filter;
        workers[i].agg = analyze_agg_new(index);
        workers[i].errors = g_ptr_array_new_with_free_func(g_free);
        workers[i].progress = opt->progress && i == 0;
        /* Off until the logs fuzz target's decode-ahead mismatch (gzip
         * inputs, seen only under ASan: tests/fuzz/README.md) is found;
         * NFW_ADVISOR_DECODE_AHEAD=1 turns it on for measuring. */
        workers[i].decode_ahead = threads > 1 && g_getenv("NFW_ADVISOR_DECODE_AHEAD") != NULL;
        workers[i].event_batches = &event_batches;
        workers[i].start_us = start;
        if (opt->firewall_seen != NULL && opt->filter && opt->filter->firewalls)
            workers[i].fw_seen = g_new0(gboolean, g_strv_length((char **)opt->filter->firewalls));
    }
    for (guint i = 0; i < plan->len; i++)
        g_ptr_array_add(workers[(guint64)i * n_workers / plan->len].parts,
                        g_ptr_array_index(plan, i));
    for (guint i = 1; i < n_workers; i++)
        handles[i] = g_thread_new("analyze", worker_run, &workers[i]);
    worker_run(&workers[0]);
    AnalyzeAgg *total = workers[0].agg;
    for (guint i = 0; i < n_workers; i++) {
        if (i > 0) {
            g_thread_join(handles[i]);
            analyze_agg_merge(total, workers[i].agg);
            analyze_agg_free(workers[i].agg);
        }
        for (guint j = 0; j < workers[i].errors->len; j++)
            g_ptr_array_add(errors, g_strdup(g_ptr_array_index(workers[i].errors, j)));
        g_ptr_array_unref(workers[i].errors);
        g_ptr_array_unref(workers[i].parts);
        for (guint k = 0; workers[i].fw_seen && opt->filter->firewalls[k]; k++)
            opt->firewall_seen[k] |= workers[i].fw_seen[k];
        g_free(workers[i].fw_seen);
    }
    g_free(workers);
    g_free(handles);
    if (opt->progress)
        fprintf(stderr, "\r%70s\r", "");
    return total;
}

AnalyzeAgg *
analyze_run(const AnalyzeIndex *index, const AnalyzeRunOptions *opt, GPtrArray *errors,
            GPtrArray *notes, GError **error)
{
    g_return_val_if_fail(index != NULL && opt != NULL && errors != NULL && notes != NULL, NULL);
    AnalyzeAgg *total;
    if (opt->from_results) {
        /* No log is read: the results fill one empty aggregate. */
        total = analyze_agg_new(index);
        if (!results_load_files(total, opt->inputs, opt->n_inputs, notes, error)) {
            analyze_agg_free(total);
            return NULL;
        }
    } else {
        guint threads = opt->threads > 0 ? opt->threads : g_get_num_processors();
        GPtrArray *plan =
            log_parts_plan(opt->inputs, opt->n_inputs, threads, ANALYZE_PART_MIN_BYTES, error);
        if (plan == NULL)
            return NULL;
        total = read_parts(index, opt, plan, threads, errors);
        g_ptr_array_unref(plan);
    }
    analyze_agg_finish(total);
    return total;
}
