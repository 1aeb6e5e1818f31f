/*
 * cmd_query.c - `nfw-advisor query`: run a CloudWatch Logs Insights query
 * (src/query) over local logs in any format the log reader reads
 * (src/logs), and print the result as a table, get-query-results JSON or CSV.
 *
 * Design:
 * - The reader frames and accounts for every record (used, outside the
 *   --since/--until window, skipped with a reason).  Records of any EVE
 *   event type are kept (keep_other): a query may ask for dns or http
 *   records, which `analyze` has no use for.
 * - Before a record is parsed into a cJSON tree, query_raw_may_match()
 *   looks for the string literals the query's first filters require in its
 *   raw text: most records of a selective query are never parsed.
 * - A raw Suricata EVE record (no NFW envelope) is wrapped as
 *   {"event": EVE}, so that the same queries (event.alert.signature …)
 *   work on plain Suricata eve.json.
 * - "records scanned" is the reader's count of records within the window,
 *   not the number of records the query was fed; skips are listed on
 *   stderr (with sample locations) and in the JSON statistics.
 * - Exit status: 0 with a result, 2 for a usage error, a query that does
 *   not parse (message `query:LINE:COL: error: ...` with a caret line), an
 *   input that cannot be read, or a regex that hit the PCRE2 limits on some
 *   record (the result is printed, but it may be wrong: an error, not a
 *   note, since the text that defeats the regex is often an attacker's).
 */
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli/cli.h"
#include "logs/logs.h"
#include "query/query.h"

typedef struct {
    LogReader *reader;
    const Query *query;
    cJSON *json; /* the current record's tree (owned) */
    char *raw;   /* the current record's text, NUL-terminated */
    gsize raw_cap;
    GString *shown_nul; /* the record's text with NULs as \x00, when it has any */
    gboolean prefilter; /* run the raw prefilter here: the reader does not (--since/--until) */
    guint64 unparsed;   /* records the reader took that cJSON rejects */
} QuerySource;

/* The query's prefilter, run by the reader before it parses a record: a
 * record without a literal the first filter requires is set aside unparsed. */
static gboolean
query_raw_filter(const char *raw, gsize len, gpointer data)
{
    return query_raw_may_match(data, raw, len);
}

static gboolean
query_source_next(gpointer data, const cJSON **record, const char **raw, gint64 *timestamp_ms,
                  gboolean *has_timestamp, GError **error)
{
    QuerySource *s = data;
    LogEvent ev;
    for (;;) {
        if (!log_reader_next(s->reader, &ev, error))
            return FALSE;
        if (s->prefilter && !query_raw_may_match(s->query, ev.raw.ptr, ev.raw.len))
            continue;
        cJSON_Delete(s->json);
        /* cJSON would end a string at a NUL: "evil\u0000.example.com" would
         * read as "evil".  Show it as analyze does. */
        if (log_text_show_nul(ev.raw.ptr, ev.raw.len, s->shown_nul))
            s->json = cJSON_ParseWithLength(s->shown_nul->str, s->shown_nul->len);
        else
            s->json = cJSON_ParseWithLength(ev.raw.ptr, ev.raw.len);
        if (s->json == NULL) {
            s->unparsed++;
            continue;
        }
        if (ev.raw_eve) {
            cJSON *envelope = cJSON_CreateObject();
            cJSON_AddItemToObject(envelope, "event", s->json);
            s->json = envelope;
        }
        if (ev.raw.len + 1 > s->raw_cap) {
            s->raw_cap = MAX(ev.raw.len + 1, s->raw_cap * 2);
            g_free(s->raw);
            s->raw = g_malloc(s->raw_cap);
        }
        memcpy(s->raw, ev.raw.ptr, ev.raw.len);
        s->raw[ev.raw.len] = '\0';
        gint64 us;
        *has_timestamp = log_event_time(&ev, &us);
        *timestamp_ms = *has_timestamp ? us / 1000 : 0;
        *record = s->json;
        *raw = s->raw;
        return TRUE;
    }
}

/* "2025-02-24T10:00:00Z", a date, or an offset: "+0000" forms. */
static gboolean
parse_time_option(const char *name, const char *text, gboolean *has, gint64 *out_us)
{
    if (text == NULL)
        return TRUE;
    if (!log_time_parse(text, strlen(text), out_us)) {
        cli_error("query",
                  "--%s '%s' is not an ISO 8601 time such as 2025-02-24T10:00:00Z "
                  "or a date such as 2025-02-24",
                  name, text);
        return FALSE;
    }
    *has = TRUE;
    return TRUE;
}

/* Skip accounting on stderr: every reason with its count and sample
 * locations, so that nothing is lost silently. */
static void
print_skips(const LogStats *stats, guint64 unparsed)
{
    for (int i = 0; i < LOG_SKIP_N; i++) {
        if (stats->skipped[i] == 0)
            continue;
        fprintf(stderr, "nfw-advisor query: skipped %" G_GUINT64_FORMAT " record%s: %s",
                stats->skipped[i], stats->skipped[i] == 1 ? "" : "s",
                log_skip_reason_name((LogSkipReason)i));
        GPtrArray *samples = stats->samples[i];
        for (guint j = 0; samples && j < samples->len; j++)
            fprintf(stderr, "%s%s", j ? ", " : " (at ", (char *)g_ptr_array_index(samples, j));
        fprintf(stderr, "%s\n",
                samples && samples->len ? (stats->skipped[i] > samples->len ? ", ...)" : ")") : "");
    }
    if (unparsed)
        fprintf(stderr,
                "nfw-advisor query: skipped %" G_GUINT64_FORMAT
                " record%s that cJSON could not parse\n",
                unparsed, unparsed == 1 ? "" : "s");
}

static void
print_help_functions(GOptionContext *context)
{
    GString *desc = g_string_new(
        "Commands: fields, filter, stats, sort, limit, display, parse, dedup.\n"
        "Operators: = != < <= > >= and or not, like \"text\" or /regex/, =~, in [...],\n"
        "+ - * / % ^.  Fields: dotted paths as in CloudWatch (event.alert.signature,\n"
        "event.alert.metadata.signature_severity.0), @timestamp, @message.\n"
        "Functions and aggregates:\n ");
    int col = 1;
    for (const char *const *f = query_function_names(); *f; f++) {
        int w = (int)strlen(*f) + 1;
        if (col + w > 78) {
            g_string_append(desc, "\n ");
            col = 1;
        }
        g_string_append_printf(desc, " %s", *f);
        col += w;
    }
    g_string_append_printf(
        desc,
        "\n\nWithout a `limit` command at most %d rows are returned (CloudWatch's\n"
        "default) and the output says so.  Raw Suricata EVE records are seen as the\n"
        "`event` of an NFW record.  Exit status: 0 done, 2 usage, query or input error\n"
        "or a regex that hit the PCRE2 match limits (the result is then incomplete).",
        QUERY_DEFAULT_LIMIT);
    g_option_context_set_description(context, desc->str);
    g_string_free(desc, TRUE);
}

int
cmd_query(int argc, char **argv)
{
    char *format = NULL, *file = NULL, *since = NULL, *until = NULL;
    GOptionEntry entries[] = {
        { "format", 0, 0, G_OPTION_ARG_STRING, &format,
          "Output: table (default), json (the shape of aws logs get-query-results) or csv",
          "FORMAT" },
        { "file", 'f', 0, G_OPTION_ARG_FILENAME, &file,
          "Read the query from FILE (e.g. analysis/*.cwli) instead of the first argument", "FILE" },
        { "since", 0, 0, G_OPTION_ARG_STRING, &since,
          "Only records at or after T (ISO 8601, e.g. 2025-02-24T10:00:00Z)", "T" },
        { "until", 0, 0, G_OPTION_ARG_STRING, &until, "Only records before T", "T" },
        { NULL },
    };
    GOptionContext *context =
        g_option_context_new("(QUERY | -f FILE) LOG... - run a CloudWatch Logs Insights query");
    g_option_context_set_summary(
        context,
        "Runs a Logs Insights query over Network Firewall alert/flow/TLS logs or Suricata\n"
        "eve.json: JSON Lines (plain or gzip), S3 folder trees, Firehose streams, JSON\n"
        "arrays, aws logs filter-log-events output, or - for standard input.");
    print_help_functions(context);
    g_option_context_add_main_entries(context, entries, NULL);

    GError *error = NULL;
    int rc = EXIT_USAGE;
    Query *query = NULL;
    LogReader *reader = NULL;
    QueryResult *result = NULL;
    QuerySource source = { 0 };

    if (!cli_parse_args(context, &argc, &argv, &error)) {
        cli_error("query", "%s", error->message);
        goto out;
    }
    QueryFormat fmt = QUERY_FORMAT_TABLE;
    if (format != NULL && !query_format_from_name(format, &fmt)) {
        cli_error("query", "unknown --format '%s' (table, json or csv)", format);
        goto out;
    }
    LogFilter filter = { 0 };
    if (!parse_time_option("since", since, &filter.has_since, &filter.since_us) ||
        !parse_time_option("until", until, &filter.has_until, &filter.until_us) ||
        !cli_window_check("query", &filter))
        goto out;
    int first_log = 1;
    if (file != NULL) {
        query = query_parse_file(file, &error);
    } else if (argc >= 2) {
        query = query_parse(argv[1], "query", &error);
        first_log = 2;
    } else {
        cli_error("query", "no query given (try 'nfw-advisor query --help')");
        goto out;
    }
    if (query == NULL) {
        /* already "source:line:col: error: ...", with the line and a caret */
        fprintf(stderr, "%s\n", error->message);
        goto out;
    }
    if (first_log >= argc) {
        cli_error("query", "no log given (a file, a directory, or - for standard input)");
        goto out;
    }
    reader = log_reader_open_paths((const char *const *)argv + first_log, (gsize)(argc - first_log),
                                   &error);
    if (reader == NULL) {
        cli_error("query", "%s", error->message);
        goto out;
    }
    log_reader_set_keep_other(reader, TRUE);
    /* The reader runs the prefilter before parsing, except with a window:
     * records it sets aside are not checked, so they could not be counted
     * in or out of it; then the prefilter runs here, after the window. */
    if (filter.has_since || filter.has_until) {
        log_reader_set_filter(reader, &filter);
        source.prefilter = TRUE;
    } else {
        log_reader_set_raw_filter(reader, query_raw_filter, query);
    }

    source.reader = reader;
    source.query = query;
    source.shown_nul = g_string_new(NULL);
    result = query_run(query, query_source_next, &source, NULL, &error);
    if (result == NULL) {
        cli_error("query", "%s", error->message);
        goto out;
    }
    const LogStats *stats = log_reader_get_stats(reader);
    if (!cli_logs_matched("query", stats, (const char *const *)argv + first_log,
                          (gsize)(argc - first_log), &filter, NULL))
        goto out;
    /* Scanned: every record read and usable, parsed or set aside unparsed by
     * the prefilter (it could not match). */
    query_result_set_scanned(result, stats->used + stats->prefiltered, stats->bytes_decoded,
                             stats->filtered);
    for (int i = 0; i < LOG_SKIP_N; i++)
        query_result_add_skipped(result, log_skip_reason_name((LogSkipReason)i), stats->skipped[i]);
    query_result_add_skipped(result, "unparsed-json", source.unparsed);

    GString *out = g_string_new(NULL);
    query_result_render(result, fmt, out);
    fwrite(out->str, 1, out->len, stdout);
    g_string_free(out, TRUE);
    if (fmt != QUERY_FORMAT_TABLE) {
        char *notes = query_result_notes(result);
        fputs(notes, stderr);
        g_free(notes);
    }
    print_skips(stats, source.unparsed);
    rc = fflush(stdout) == 0 ? EXIT_CLEAN : EXIT_USAGE;
    if (query_result_regex_limit_hits(result) > 0) {
        /* A record the regex could not decide was counted as no match: the
         * answer may be wrong, and the record's text is often attacker's. */
        cli_error("query",
                  "error: %" G_GUINT64_FORMAT " regex match(es) stopped at the PCRE2 "
                  "limits (match %d, depth %d): the result above is incomplete; nested "
                  "quantifiers such as (a+)+ backtrack exponentially, rewrite the regex",
                  query_result_regex_limit_hits(result), QUERY_REGEX_MATCH_LIMIT,
                  QUERY_REGEX_DEPTH_LIMIT);
        rc = EXIT_USAGE;
    }
    if (cli_nothing_usable("query", stats))
        rc = EXIT_USAGE;
out:
    if (error != NULL)
        g_error_free(error);
    query_result_free(result);
    cJSON_Delete(source.json);
    g_free(source.raw);
    if (source.shown_nul)
        g_string_free(source.shown_nul, TRUE);
    log_reader_free(reader);
    query_free(query);
    g_free(format);
    g_free(file);
    g_free(since);
    g_free(until);
    g_option_context_free(context);
    return rc;
}
