/*
 * cwli_run.c - a stand-in for `nfw-advisor query` until the CLI wires it:
 * runs a Logs Insights query over plain JSON Lines files, using
 * query_raw_may_match() to skip records before parsing them, exactly as the
 * CLI is meant to.  Used by bench/query/run.sh.
 *
 * Usage: cwli_run [--no-prefilter] [--format table|json|csv] (QUERY | -f FILE) LOG...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query/query.h"

typedef struct {
    FILE *f;
    char *line;
    size_t cap;
    cJSON *json;
    const Query *q;
    gboolean no_prefilter;
    char **files;
    int n_files, next_file;
} Source;

static gboolean
source_next(gpointer data, const cJSON **record, const char **raw, gint64 *ts, gboolean *has_ts,
            GError **error)
{
    Source *s = data;
    for (;;) {
        if (!s->f) {
            if (s->next_file >= s->n_files)
                return FALSE;
            s->f = fopen(s->files[s->next_file], "r");
            if (!s->f) {
                g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "%s: cannot open",
                            s->files[s->next_file]);
                return FALSE;
            }
            s->next_file++;
        }
        ssize_t n = getline(&s->line, &s->cap, s->f);
        if (n < 0) {
            fclose(s->f);
            s->f = NULL;
            continue;
        }
        while (n > 0 && (s->line[n - 1] == '\n' || s->line[n - 1] == '\r'))
            s->line[--n] = '\0';
        if (n == 0 || (!s->no_prefilter && !query_raw_may_match(s->q, s->line, (gsize)n)))
            continue;
        cJSON_Delete(s->json);
        s->json = cJSON_ParseWithLength(s->line, (size_t)n);
        if (!s->json)
            continue;
        *record = s->json;
        *raw = s->line;
        *has_ts = FALSE;
        (void)ts;
        return TRUE;
    }
}

int
main(int argc, char **argv)
{
    QueryFormat fmt = QUERY_FORMAT_TABLE;
    gboolean no_prefilter = FALSE;
    const char *file = NULL, *text = NULL;
    int i = 1;
    for (; i < argc; i++) {
        if (strcmp(argv[i], "--no-prefilter") == 0) {
            no_prefilter = TRUE;
        } else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
            if (!query_format_from_name(argv[++i], &fmt)) {
                fprintf(stderr, "unknown format %s\n", argv[i]);
                return 2;
            }
        } else if (strcmp(argv[i], "-f") == 0 && i + 1 < argc) {
            file = argv[++i];
        } else {
            break;
        }
    }
    if (!file && i < argc)
        text = argv[i++];
    if ((!file && !text) || i >= argc) {
        fprintf(stderr, "usage: cwli_run [--format table|json|csv] (QUERY | -f FILE) LOG...\n");
        return 2;
    }
    GError *error = NULL;
    Query *q = file ? query_parse_file(file, &error) : query_parse(text, "query", &error);
    if (!q) {
        fprintf(stderr, "%s\n", error->message);
        return 2;
    }
    Source s = { .q = q, .files = argv + i, .n_files = argc - i, .no_prefilter = no_prefilter };
    QueryResult *r = query_run(q, source_next, &s, NULL, &error);
    cJSON_Delete(s.json);
    free(s.line);
    if (s.f)
        fclose(s.f);
    if (!r) {
        fprintf(stderr, "%s\n", error->message);
        return 2;
    }
    GString *out = g_string_new(NULL);
    query_result_render(r, fmt, out);
    fwrite(out->str, 1, out->len, stdout);
    if (fmt != QUERY_FORMAT_TABLE) {
        char *notes = query_result_notes(r);
        fputs(notes, stderr);
        g_free(notes);
    }
    g_string_free(out, TRUE);
    query_result_free(r);
    query_free(q);
    return 0;
}
