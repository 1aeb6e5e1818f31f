/*
 * log_reader.c - the streaming reader: inputs (files, directory trees,
 * stdin, byte ranges) → records → LogEvents, with every record counted.
 *
 * Design decisions:
 * - Framing is decided per input from its first bytes (after gzip is
 *   undone): '[' is a JSON array; '{' alone on the first line is
 *   pretty-printed JSON and '{...}{' on the first line is Firehose
 *   concatenation, both read as a stream of objects; '{' followed by the
 *   key "events" is `aws logs filter-log-events` output; anything else is
 *   JSON Lines (records, "timestamp {json}" lines, garbage lines counted as
 *   bad-json).  JSON Lines is the fast path: memchr for newlines in a
 *   1 MiB buffer, no per-line copy.  A broken line costs only itself.
 * - Object streams are split by a brace counter that knows strings; its
 *   state survives buffer refills, so no byte is scanned twice.
 * - A record longer than LOG_MAX_RECORD is counted as line-too-long and
 *   streamed through without being held; the buffer never grows past
 *   LOG_MAX_RECORD + two chunks.
 * - Directory trees are expanded at open time and sorted (strcmp), so
 *   output does not depend on readdir order.  Files are opened lazily.
 * - A gzip input that ends badly counts one skip (truncated-gzip,
 *   corrupt-gzip, gzip-bomb) with the file name; its unfinished last
 *   record is part of that skip, not a bad-json.
 */
#include <string.h>
#include <sys/stat.h>

#include "logs/log_parse.h"
#include "logs/log_source.h"
#include "logs/logs.h"

typedef enum {
    FRAME_DETECT = 0,
    FRAME_LINES,
    FRAME_OBJECTS,     /* objects, optionally inside [ ] separated by commas */
    FRAME_EVENTS,      /* elements of filter-log-events' "events" array */
    FRAME_EVENTS_TAIL, /* the rest of that document, skipped */
    FRAME_DONE,
} Framing;

struct LogReader {
    GPtrArray *parts; /* LogPart*, owned */
    guint next_part;
    GPtrArray *names; /* display names, owned, alive for the reader */

    /* The current input. */
    gboolean open;
    LogSource src;
    const char *name;
    gint64 range_end;   /* decoded offset where the part stops; -1 none */
    gint64 range_start; /* first byte a range owns; -1 for a whole input */
    gboolean line_known;
    Framing framing;
    gboolean in_array; /* FRAME_OBJECTS inside '[' */

    char *buf;
    gsize cap, start, end;     /* undelivered bytes are buf[start, end) */
    guint64 base;              /* input offset of buf[0] */
    guint64 seen_in, seen_out; /* source counters already added to stats */
    gboolean eof;
    guint64 line; /* line number of buf[start] */

    /* Brace scanner state (objects), relative to start. */
    gsize scan;
    int depth;
    gboolean in_str, esc;
    guint64 scan_line;
    gboolean discarding;

    guint64 record;

    char *scratch;
    gsize scratch_cap;
    char *msg;
    gsize msg_cap;
    cJSON *tree;

    LogStats stats;
    LogFilter filter;
    gboolean has_filter;
    gboolean keep_other, force_slow, decode_ahead;
    LogRawFilter raw_filter;
    gpointer raw_filter_data;
};

/* ---- opening ----------------------------------------------------------- */

static gint
cmp_str(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static gboolean
walk_dir(const char *dir, GPtrArray *files, guint64 *ignored, GError **error)
{
    GError *local = NULL;
    GDir *d = g_dir_open(dir, 0, &local);
    if (d == NULL) {
        g_set_error(error, LOG_ERROR, LOG_ERROR_OPEN, "%s: cannot list directory: %s", dir,
                    local->message);
        g_error_free(local);
        return FALSE;
    }
    GPtrArray *entries = g_ptr_array_new_with_free_func(g_free);
    const char *n;
    while ((n = g_dir_read_name(d)) != NULL) {
        if (n[0] == '.') {
            (*ignored)++;
            continue;
        }
        g_ptr_array_add(entries, g_build_filename(dir, n, NULL));
    }
    g_dir_close(d);
    g_ptr_array_sort(entries, cmp_str);
    gboolean ok = TRUE;
    for (guint i = 0; ok && i < entries->len; i++) {
        const char *p = entries->pdata[i];
        if (g_file_test(p, G_FILE_TEST_IS_DIR))
            ok = walk_dir(p, files, ignored, error);
        else if (g_file_test(p, G_FILE_TEST_IS_REGULAR))
            g_ptr_array_add(files, g_strdup(p));
    }
    g_ptr_array_unref(entries);
    return ok;
}

/* Paths → whole-file LogParts (directories expanded). */
static gboolean
expand_paths(const char *const *paths, gsize n_paths, GPtrArray *parts, guint64 *ignored,
             GError **error)
{
    for (gsize i = 0; i < n_paths; i++) {
        const char *p = paths[i];
        if (strcmp(p, "-") != 0 && !g_file_test(p, G_FILE_TEST_EXISTS)) {
            g_set_error(error, LOG_ERROR, LOG_ERROR_OPEN, "%s: no such file or directory", p);
            return FALSE;
        }
        if (strcmp(p, "-") != 0 && g_file_test(p, G_FILE_TEST_IS_DIR)) {
            GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
            if (!walk_dir(p, files, ignored, error)) {
                g_ptr_array_unref(files);
                return FALSE;
            }
            for (guint j = 0; j < files->len; j++) {
                LogPart *part = g_new0(LogPart, 1);
                part->path = g_strdup(files->pdata[j]);
                part->end = -1;
                g_ptr_array_add(parts, part);
            }
            g_ptr_array_unref(files);
        } else {
            LogPart *part = g_new0(LogPart, 1);
            part->path = g_strdup(p);
            part->end = -1;
            g_ptr_array_add(parts, part);
        }
    }
    return TRUE;
}

void
log_part_free(LogPart *part)
{
    if (part) {
        g_free(part->path);
        g_free(part);
    }
}

static LogReader *
reader_new(void)
{
    LogReader *r = g_new0(LogReader, 1);
    r->parts = g_ptr_array_new_with_free_func((GDestroyNotify)log_part_free);
    r->names = g_ptr_array_new_with_free_func(g_free);
    r->cap = LOG_SOURCE_CHUNK * 2;
    r->buf = g_malloc(r->cap);
    log_stats_init(&r->stats);
    return r;
}

LogReader *
log_reader_open_paths(const char *const *paths, gsize n_paths, GError **error)
{
    LogReader *r = reader_new();
    if (!expand_paths(paths, n_paths, r->parts, &r->stats.files_ignored, error)) {
        log_reader_free(r);
        return NULL;
    }
    return r;
}

LogReader *
log_reader_open(const char *path, GError **error)
{
    const char *paths[] = { path };
    return log_reader_open_paths(paths, 1, error);
}

LogReader *
log_reader_open_parts(GPtrArray *parts, GError **error)
{
    LogReader *r = reader_new();
    for (guint i = 0; i < parts->len; i++) {
        const LogPart *p = parts->pdata[i];
        LogPart *c = g_new0(LogPart, 1);
        c->path = g_strdup(p->path);
        c->start = p->start;
        c->end = p->end;
        g_ptr_array_add(r->parts, c);
    }
    return r;
}

static void
input_close(LogReader *r)
{
    if (!r->open)
        return;
    if (r->range_start >= 0) {
        /* Ranges are of plain files: reading began a byte before the range
     * (input_next) and stopped at the end of the file or past the end of
     * the range. */
        guint64 seek = r->range_start > 0 ? (guint64)r->range_start - 1 : 0;
        guint64 read_to = seek + r->src.bytes_in;
        guint64 to = r->range_end >= 0 ? MIN(read_to, (guint64)r->range_end) : read_to;
        guint64 owned = to > (guint64)r->range_start ? to - (guint64)r->range_start : 0;
        r->stats.bytes_in = r->stats.bytes_in - r->seen_in + owned;
        r->stats.bytes_decoded = r->stats.bytes_decoded - r->seen_out + owned;
    }
    log_source_close(&r->src);
    r->open = FALSE;
}

void
log_reader_free(LogReader *reader)
{
    if (reader == NULL)
        return;
    input_close(reader);
    g_ptr_array_unref(reader->parts);
    g_ptr_array_unref(reader->names);
    g_free(reader->buf);
    g_free(reader->scratch);
    g_free(reader->msg);
    log_parse_tree_free(reader->tree);
    log_stats_clear(&reader->stats);
    g_free(reader);
}

void
log_reader_set_filter(LogReader *reader, const LogFilter *filter)
{
    reader->has_filter = filter != NULL;
    if (filter)
        reader->filter = *filter;
}

void
log_reader_set_keep_other(LogReader *reader, gboolean keep)
{
    reader->keep_other = keep;
}

void
log_reader_set_raw_filter(LogReader *reader, LogRawFilter keep, gpointer data)
{
    reader->raw_filter = keep;
    reader->raw_filter_data = data;
}

void
log_reader_set_decode_ahead(LogReader *reader, gboolean on)
{
    reader->decode_ahead = on;
}

void
log_reader_set_force_slow(LogReader *reader, gboolean force)
{
    reader->force_slow = force;
}

const LogStats *
log_reader_get_stats(const LogReader *reader)
{
    return &reader->stats;
}

/* ---- buffer ------------------------------------------------------------ */

/* Reads more bytes after buf[end], compacting and growing as needed.
 * Returns the number of bytes added (0 at end of input), -1 on error. */
static gssize
fill(LogReader *r, GError **error)
{
    if (r->eof)
        return 0;
    if (r->start > 0 && r->cap - r->end < LOG_SOURCE_CHUNK) {
        gsize n = r->end - r->start;
        memmove(r->buf, r->buf + r->start, n);
        r->base += r->start;
        r->end = n;
        r->start = 0;
    }
    if (r->cap - r->end < LOG_SOURCE_CHUNK / 4) {
        /* Grow by doubling, but never much past the longest record: beyond
     * LOG_MAX_RECORD the record is skipped, not kept. */
        gsize want = MAX(r->cap * 2, r->end + LOG_SOURCE_CHUNK);
        r->cap =
            MAX(MIN(want, LOG_MAX_RECORD + 2 * LOG_SOURCE_CHUNK), r->end + LOG_SOURCE_CHUNK / 4);
        r->buf = g_realloc(r->buf, r->cap);
    }
    gssize n = log_source_read(&r->src, r->buf + r->end, r->cap - r->end, r->name, error);
    /* Deltas, because opening the source already read (sniffed) a chunk.  A
   * range reads past its ends: input_close() corrects to what it owns. */
    r->stats.bytes_in += r->src.bytes_in - r->seen_in;
    r->stats.bytes_decoded += r->src.bytes_out - r->seen_out;
    r->seen_in = r->src.bytes_in;
    r->seen_out = r->src.bytes_out;
    if (n < 0)
        return -1;
    if (n == 0)
        r->eof = TRUE;
    r->end += (gsize)n;
    return n;
}

/* ---- counting ---------------------------------------------------------- */

static void
add_sample(LogReader *r, LogSkipReason reason, guint64 line, guint64 offset)
{
    GPtrArray *s = r->stats.samples[reason];
    if (s->len >= LOG_STATS_SAMPLES)
        return;
    if (line > 0)
        g_ptr_array_add(s, g_strdup_printf("%s:%" G_GUINT64_FORMAT, r->name, line));
    else
        g_ptr_array_add(s, g_strdup_printf("%s@%" G_GUINT64_FORMAT, r->name, offset));
}

static void
count_skip(LogReader *r, LogSkipReason reason, guint64 line, guint64 offset)
{
    r->stats.records++;
    r->stats.skipped[reason]++;
    add_sample(r, reason, line, offset);
}

/* Parses one record; TRUE when *ev is to be returned. */
static gboolean
take_record(LogReader *r, const char *text, gsize len, guint64 line, guint64 offset, LogEvent *ev)
{
    if (len > r->scratch_cap) {
        r->scratch_cap = MAX(len, r->scratch_cap * 2);
        g_free(r->scratch);
        r->scratch = g_malloc(r->scratch_cap);
    }
    r->record++;
    if (r->raw_filter != NULL && !r->has_filter && !r->raw_filter(text, len, r->raw_filter_data)) {
        r->stats.records++;
        r->stats.prefiltered++;
        return FALSE;
    }
    LogParseResult res = LOG_PARSE_DECLINE;
    if (!r->force_slow)
        res = log_parse_fast(text, len, r->scratch, r->keep_other, ev);
    if (res == LOG_PARSE_DECLINE) {
        r->stats.slow_path++;
        res = log_parse_slow(text, len, &r->tree, r->keep_other, ev);
    }
    LogSkipReason reason;
    switch (res) {
    case LOG_PARSE_OK: break;
    case LOG_PARSE_NOT_NFW: reason = LOG_SKIP_NOT_NFW_RECORD; goto skip;
    case LOG_PARSE_UNKNOWN_TYPE: reason = LOG_SKIP_UNKNOWN_EVENT_TYPE; goto skip;
    case LOG_PARSE_BAD_FIELD: reason = LOG_SKIP_BAD_FIELD; goto skip;
    default: reason = LOG_SKIP_BAD_JSON; goto skip;
    }
    ev->raw = (LogStr){ text, len };
    ev->file = r->name;
    ev->line = line;
    ev->record = r->record;
    ev->offset = offset;
    r->stats.records++;
    if (r->has_filter && !log_filter_match(&r->filter, ev)) {
        r->stats.filtered++;
        return FALSE;
    }
    r->stats.used++;
    switch (ev->type) {
    case LOG_EVENT_ALERT: r->stats.alerts++; break;
    case LOG_EVENT_NETFLOW: r->stats.netflows++; break;
    case LOG_EVENT_TLS_LOG: r->stats.tls_logs++; break;
    default: r->stats.others++; break;
    }
    return TRUE;
skip:
    count_skip(r, reason, line, offset);
    return FALSE;
}

/* ---- inputs ------------------------------------------------------------ */

/* Opens the next part; FALSE when none is left (error unset) or it cannot
 * be opened (error set). */
static gboolean
input_next(LogReader *r, GError **error)
{
    input_close(r);
    if (r->next_part >= r->parts->len)
        return FALSE;
    const LogPart *part = r->parts->pdata[r->next_part++];
    const char *name = strcmp(part->path, "-") == 0 ? "<stdin>" : part->path;
    char *owned = g_strdup(name);
    g_ptr_array_add(r->names, owned);
    r->name = owned;
    gint64 seek = part->start > 0 ? part->start - 1 : 0;
    /* No read limit for a range: its last line may run past its end. */
    if (!log_source_open(&r->src, part->path, seek, -1, error))
        return FALSE;
    if (r->decode_ahead)
        log_source_decode_ahead(&r->src, r->name);
    r->open = TRUE;
    /* A file cut into ranges counts once, with the range owning its start. */
    if (part->start == 0 && part->end != 0)
        r->stats.files++;
    r->range_start = part->start > 0 || part->end >= 0 ? part->start : -1;
    r->seen_in = r->seen_out = 0;
    r->start = r->end = 0;
    r->base = (guint64)seek;
    r->eof = FALSE;
    r->line = 1;
    r->line_known = part->start == 0;
    r->range_end = part->end;
    r->record = 0;
    r->framing = FRAME_DETECT;
    r->in_array = FALSE;
    r->discarding = FALSE;
    r->scan = 0;
    r->depth = 0;
    r->in_str = r->esc = FALSE;
    if (part->start > 0) {
        /* A range owns the records whose first byte is in it: skip the line
     * in progress at start-1 (through its newline). */
        for (;;) {
            if (r->start == r->end) {
                gssize n = fill(r, error);
                if (n < 0)
                    return FALSE;
                if (n == 0)
                    break;
            }
            char *nl = memchr(r->buf + r->start, '\n', r->end - r->start);
            if (nl) {
                r->start = (gsize)(nl - r->buf) + 1;
                break;
            }
            r->start = r->end;
        }
        r->framing = FRAME_LINES;
    }
    return TRUE;
}

static void
end_of_input_skips(LogReader *r)
{
    LogSkipReason reason;
    switch (r->src.end_state) {
    case LOG_SOURCE_TRUNCATED: reason = LOG_SKIP_TRUNCATED_GZIP; break;
    case LOG_SOURCE_CORRUPT: reason = LOG_SKIP_CORRUPT_GZIP; break;
    case LOG_SOURCE_BOMB: reason = LOG_SKIP_GZIP_BOMB; break;
    default: return;
    }
    /* Name the file; the unfinished record (if any) is part of this skip. */
    r->stats.records++;
    r->stats.skipped[reason]++;
    GPtrArray *s = r->stats.samples[reason];
    if (s->len < LOG_STATS_SAMPLES)
        g_ptr_array_add(s, g_strdup_printf("%s@%" G_GUINT64_FORMAT, r->name, r->src.bytes_out));
    r->src.end_state = LOG_SOURCE_OK;
}

static gboolean
bad_end(LogReader *r)
{
    return r->src.end_state != LOG_SOURCE_OK;
}

/* ---- framing: detection ------------------------------------------------ */

static inline gboolean
is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Makes at least `want` bytes available from start (or all that remain). */
static gboolean
have_bytes(LogReader *r, gsize want, GError **error)
{
    while (r->end - r->start < want && !r->eof)
        if (fill(r, error) < 0)
            return FALSE;
    return TRUE;
}

/* TRUE if buf[i..] (within end) begins with `lit` after whitespace;
 * advances *i past it. */
static gboolean
peek_token(LogReader *r, gsize *i, const char *lit)
{
    while (*i < r->end && is_ws(r->buf[*i]))
        (*i)++;
    gsize n = strlen(lit);
    if (r->end - *i < n || memcmp(r->buf + *i, lit, n) != 0)
        return FALSE;
    *i += n;
    return TRUE;
}

/* Enough for the first record of any real log; a first line longer than
 * this is read as JSON Lines. */
#define DETECT_BYTES ((gsize)64 << 10)

/* Decides the framing at buf[start] (first non-space byte). */
static Framing
detect(LogReader *r, GError **error)
{
    if (!have_bytes(r, DETECT_BYTES, error))
        return FRAME_DONE;
    /* Skip leading whitespace, counting lines. */
    while (r->start < r->end && is_ws(r->buf[r->start])) {
        if (r->buf[r->start] == '\n') {
            r->line++;
            r->stats.lines++;
            r->stats.empty++; /* blank lines before the first record */
        }
        r->start++;
        if (r->start == r->end && !have_bytes(r, DETECT_BYTES, error))
            return FRAME_DONE;
    }
    if (r->start == r->end)
        return FRAME_DONE;
    char c = r->buf[r->start];
    if (c == '[')
        return FRAME_OBJECTS; /* objects_next() enters the array */
    if (c != '{')
        return FRAME_LINES;
    gsize i = r->start + 1;
    if (peek_token(r, &i, "\"events\"") && peek_token(r, &i, ":") && peek_token(r, &i, "[")) {
        for (gsize k = r->start; k < i; k++)
            if (r->buf[k] == '\n')
                r->line++;
        r->start = i;
        r->in_array = TRUE;
        return FRAME_EVENTS;
    }
    /* '{' alone on its line: pretty-printed. */
    const char *nl = memchr(r->buf + r->start, '\n', r->end - r->start);
    gsize line_end = nl ? (gsize)(nl - r->buf) : r->end;
    gsize j = r->start + 1;
    while (j < line_end && is_ws(r->buf[j]))
        j++;
    if (j == line_end && nl)
        return FRAME_OBJECTS;
    /* First object closes on the first line and more follows: Firehose. */
    int depth = 0;
    gboolean in_str = FALSE, esc = FALSE;
    for (j = r->start; j < line_end; j++) {
        char d = r->buf[j];
        if (in_str) {
            if (esc)
                esc = FALSE;
            else if (d == '\\')
                esc = TRUE;
            else if (d == '"')
                in_str = FALSE;
            continue;
        }
        if (d == '"')
            in_str = TRUE;
        else if (d == '{' || d == '[')
            depth++;
        else if ((d == '}' || d == ']') && --depth == 0)
            break;
    }
    if (j < line_end) {
        for (j++; j < line_end; j++)
            if (!is_ws(r->buf[j]))
                return FRAME_OBJECTS;
    }
    return FRAME_LINES;
}

/* ---- framing: lines ---------------------------------------------------- */

typedef enum { REC_NONE, REC_TEXT, REC_AGAIN, REC_ERROR } RecStatus;

/* One line → maybe an event. */
static gboolean
line_to_event(LogReader *r, const char *p, gsize n, guint64 line, guint64 offset, LogEvent *ev)
{
    r->stats.lines++;
    gsize a = 0;
    while (a < n && is_ws(p[a]))
        a++;
    while (n > a && is_ws(p[n - 1]))
        n--;
    if (a == n) {
        r->stats.empty++;
        return FALSE;
    }
    if (p[a] != '{' && p[a] >= '0' && p[a] <= '9') {
        /* CloudWatch export: "2025-02-24T14:30:57.933Z {json}". */
        const char *b = memchr(p + a, '{', n - a);
        if (b && b > p + a && b[-1] == ' ')
            a = (gsize)(b - p);
    }
    return take_record(r, p + a, n - a, r->line_known ? line : 0, offset + a, ev);
}

static RecStatus
lines_next(LogReader *r, LogEvent *ev, GError **error)
{
    for (;;) {
        if (r->range_end >= 0 && r->base + r->start >= (guint64)r->range_end)
            return REC_NONE;
        if (r->discarding) {
            char *nl = memchr(r->buf + r->start, '\n', r->end - r->start);
            if (nl) {
                r->start = (gsize)(nl - r->buf) + 1;
                r->line++;
                r->discarding = FALSE;
                r->scan = 0;
                continue;
            }
            r->start = r->end;
            gssize n = fill(r, error);
            if (n < 0)
                return REC_ERROR;
            if (n == 0)
                return REC_NONE;
            continue;
        }
        gsize from = r->start + r->scan;
        char *nl = memchr(r->buf + from, '\n', r->end - from);
        if (nl) {
            gsize s = r->start, e = (gsize)(nl - r->buf);
            guint64 line = r->line++;
            r->start = e + 1;
            r->scan = 0;
            if (line_to_event(r, r->buf + s, e - s, line, r->base + s, ev))
                return REC_TEXT;
            continue;
        }
        if (r->end - r->start > LOG_MAX_RECORD) {
            count_skip(r, LOG_SKIP_LINE_TOO_LONG, r->line_known ? r->line : 0, r->base + r->start);
            r->stats.lines++;
            r->discarding = TRUE;
            continue;
        }
        r->scan = r->end - r->start;
        if (!r->eof) {
            if (fill(r, error) < 0)
                return REC_ERROR;
            continue;
        }
        /* Last line without a newline. */
        r->scan = 0;
        if (r->start == r->end)
            return REC_NONE;
        if (bad_end(r)) {
            r->start = r->end; /* the unfinished line belongs to the gzip skip */
            return REC_NONE;
        }
        gsize s = r->start;
        r->start = r->end;
        if (line_to_event(r, r->buf + s, r->end - s, r->line, r->base + s, ev))
            return REC_TEXT;
        return REC_NONE;
    }
}

/* ---- framing: object streams ------------------------------------------- */

/* Runs the brace scanner from start+scan; TRUE when the object that began
 * at start closes (scan = its length). */
static gboolean
scan_object_end(LogReader *r)
{
    const char *b = r->buf + r->start;
    gsize n = r->end - r->start;
    gsize i = r->scan;
    int depth = r->depth;
    gboolean in_str = r->in_str, esc = r->esc;
    guint64 lines = 0;
    for (; i < n; i++) {
        char c = b[i];
        if (in_str) {
            if (esc) {
                esc = FALSE;
            } else if (c == '\\') {
                esc = TRUE;
            } else if (c == '"') {
                in_str = FALSE;
            } else if (c == '\n') {
                lines++;
            }
            continue;
        }
        switch (c) {
        case '"': in_str = TRUE; break;
        case '{':
        case '[': depth++; break;
        case '}':
        case ']':
            if (--depth == 0) {
                r->scan = i + 1;
                r->depth = 0;
                r->in_str = r->esc = FALSE;
                r->scan_line += lines;
                return TRUE;
            }
            break;
        case '\n': lines++; break;
        default: break;
        }
    }
    r->scan = i;
    r->depth = depth;
    r->in_str = in_str;
    r->esc = esc;
    r->scan_line += lines;
    return FALSE;
}

static gboolean
events_element(LogReader *r, const char *text, gsize len, guint64 line, guint64 offset,
               LogEvent *ev)
{
    if (len > r->msg_cap) {
        r->msg_cap = MAX(len, r->msg_cap * 2);
        g_free(r->msg);
        r->msg = g_malloc(r->msg_cap);
    }
    LogStr m;
    if (!log_parse_member_string(text, len, "message", r->msg, &m)) {
        r->record++;
        count_skip(r, LOG_SKIP_NOT_NFW_RECORD, line, offset);
        return FALSE;
    }
    /* The message may itself be "timestamp {json}"-free JSON text. */
    gsize a = 0;
    while (a < m.len && is_ws(m.ptr[a]))
        a++;
    return take_record(r, m.ptr + a, m.len - a, line, offset, ev);
}

static RecStatus
objects_next(LogReader *r, LogEvent *ev, GError **error)
{
    for (;;) {
        /* Between records: whitespace and, in arrays, separators. */
        if (!r->discarding && r->scan == 0) {
            while (r->start < r->end) {
                char c = r->buf[r->start];
                if (c == '\n')
                    r->line++;
                else if (!is_ws(c) && !(r->in_array && c == ','))
                    break;
                r->start++;
            }
            if (r->start == r->end) {
                gssize n = fill(r, error);
                if (n < 0)
                    return REC_ERROR;
                if (n == 0)
                    return REC_NONE;
                continue;
            }
            char c = r->buf[r->start];
            if (r->in_array && c == ']') {
                r->start++;
                r->in_array = FALSE;
                r->framing = r->framing == FRAME_EVENTS ? FRAME_EVENTS_TAIL : FRAME_DETECT;
                return REC_AGAIN;
            }
            if (r->framing == FRAME_OBJECTS && !r->in_array && c == '[') {
                r->start++;
                r->in_array = TRUE;
                continue;
            }
            if (c != '{') {
                /* Garbage between objects: one bad-json up to the next '{' or
         * newline. */
                r->record++;
                count_skip(r, LOG_SKIP_BAD_JSON, r->line_known ? r->line : 0, r->base + r->start);
                while (r->start < r->end && r->buf[r->start] != '{' && r->buf[r->start] != '\n')
                    r->start++;
                continue;
            }
            r->scan_line = 0;
        }
        if (scan_object_end(r)) {
            gsize s = r->start, len = r->scan;
            guint64 line = r->line;
            r->line += r->scan_line;
            r->start += len;
            r->scan = 0;
            if (r->discarding) {
                r->discarding = FALSE;
                continue;
            }
            gboolean got = r->framing == FRAME_EVENTS
                               ? events_element(r, r->buf + s, len, line, r->base + s, ev)
                               : take_record(r, r->buf + s, len, line, r->base + s, ev);
            if (got)
                return REC_TEXT;
            continue;
        }
        if (r->scan > LOG_MAX_RECORD && !r->discarding) {
            r->record++;
            count_skip(r, LOG_SKIP_LINE_TOO_LONG, r->line, r->base + r->start);
            r->discarding = TRUE;
        }
        if (r->discarding) {
            /* Drop what was scanned; the scanner state carries on. */
            r->line += r->scan_line;
            r->scan_line = 0;
            r->start += r->scan;
            r->scan = 0;
        }
        if (r->eof) {
            if (!r->discarding && r->start < r->end && !bad_end(r)) {
                r->record++;
                count_skip(r, LOG_SKIP_BAD_JSON, r->line, r->base + r->start);
            }
            r->start = r->end;
            r->scan = 0;
            r->depth = 0;
            r->discarding = FALSE;
            return REC_NONE;
        }
        if (fill(r, error) < 0)
            return REC_ERROR;
    }
}

/* The rest of a filter-log-events document after its events array. */
static RecStatus
events_tail(LogReader *r, GError **error)
{
    if (r->scan == 0 && r->depth == 0) {
        r->depth = 1; /* inside the outer object */
        r->scan_line = 0;
    }
    for (;;) {
        if (scan_object_end(r)) {
            r->line += r->scan_line;
            r->start += r->scan;
            r->scan = 0;
            r->framing = FRAME_DETECT;
            return REC_AGAIN;
        }
        r->line += r->scan_line;
        r->scan_line = 0;
        r->start += r->scan;
        r->scan = 0;
        if (r->eof) {
            r->record++;
            count_skip(r, LOG_SKIP_BAD_JSON, r->line, r->base + r->start);
            r->depth = 0;
            r->framing = FRAME_DONE;
            return REC_NONE;
        }
        if (fill(r, error) < 0)
            return REC_ERROR;
    }
}

/* ---- next -------------------------------------------------------------- */

gboolean
log_reader_next(LogReader *reader, LogEvent *event, GError **error)
{
    LogReader *r = reader;
    for (;;) {
        GError *local = NULL;
        if (!r->open) {
            if (!input_next(r, &local)) {
                if (local) {
                    g_propagate_error(error, local);
                    input_close(r);
                }
                return FALSE;
            }
        }
        RecStatus st;
        switch (r->framing) {
        case FRAME_DETECT:
            r->framing = detect(r, &local);
            st = local ? REC_ERROR : REC_AGAIN;
            break;
        case FRAME_LINES: st = lines_next(r, event, &local); break;
        case FRAME_OBJECTS:
        case FRAME_EVENTS: st = objects_next(r, event, &local); break;
        case FRAME_EVENTS_TAIL: st = events_tail(r, &local); break;
        default: st = REC_NONE; break;
        }
        if (st == REC_TEXT)
            return TRUE;
        if (st == REC_ERROR) {
            g_propagate_error(error, local);
            input_close(r);
            return FALSE;
        }
        if (st == REC_NONE) {
            end_of_input_skips(r);
            input_close(r);
        }
    }
}

/* ---- planning ---------------------------------------------------------- */

/* TRUE when `path` is plain (not gzip) JSON Lines, the only framing that
 * can be cut at arbitrary newlines. */
static gboolean
is_plain_lines(const char *path)
{
    LogPart part = { (char *)path, 0, -1 };
    GPtrArray *one = g_ptr_array_new();
    g_ptr_array_add(one, &part);
    LogReader *r = log_reader_open_parts(one, NULL);
    g_ptr_array_unref(one);
    gboolean ok = FALSE;
    if (input_next(r, NULL)) {
        Framing f = detect(r, NULL);
        ok = !r->src.gzip && f == FRAME_LINES;
    }
    log_reader_free(r);
    return ok;
}

GPtrArray *
log_parts_plan(const char *const *paths, gsize n_paths, guint n_parts, gint64 min_part_bytes,
               GError **error)
{
    GPtrArray *whole = g_ptr_array_new_with_free_func((GDestroyNotify)log_part_free);
    guint64 ignored = 0;
    if (!expand_paths(paths, n_paths, whole, &ignored, error)) {
        g_ptr_array_unref(whole);
        return NULL;
    }
    GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)log_part_free);
    gint64 total = 0;
    for (guint i = 0; i < whole->len; i++) {
        LogPart *p = whole->pdata[i];
        struct stat sb;
        if (strcmp(p->path, "-") != 0 && stat(p->path, &sb) == 0)
            total += sb.st_size;
    }
    gint64 target = MAX(min_part_bytes, total / MAX(n_parts, 1u));
    if (target <= 0)
        target = 1;
    for (guint i = 0; i < whole->len; i++) {
        LogPart *p = whole->pdata[i];
        struct stat sb;
        if (strcmp(p->path, "-") == 0 || stat(p->path, &sb) != 0 || !S_ISREG(sb.st_mode) ||
            sb.st_size <= target || n_parts <= 1 || !is_plain_lines(p->path)) {
            /* gzip and object streams (Firehose, arrays, CLI JSON) need the
       * whole file for their framing. */
            whole->pdata[i] = NULL;
            g_ptr_array_add(out, p);
            continue;
        }
        gint64 k =
            MAX((sb.st_size + target / 2) / target, 1); /* rounded: n_parts for one big file */
        for (gint64 j = 0; j < k; j++) {
            LogPart *q = g_new0(LogPart, 1);
            q->path = g_strdup(p->path);
            q->start = sb.st_size * j / k;
            q->end = j == k - 1 ? -1 : sb.st_size * (j + 1) / k;
            g_ptr_array_add(out, q);
        }
    }
    g_ptr_array_set_free_func(whole, NULL);
    for (guint i = 0; i < whole->len; i++)
        log_part_free(whole->pdata[i]);
    g_ptr_array_unref(whole);
    return out;
}
