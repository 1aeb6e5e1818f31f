/*
 * logs.h - the face of src/logs: AWS Network Firewall / Suricata EVE log
 * readers that turn every input format into one representation, LogEvent.
 *
 * Formats are detected per file from the content, never from the name:
 *   - gzip (magic 1f 8b; concatenated members; S3 delivers .log.gz)
 *   - JSON Lines of NFW envelopes {"firewall_name",...,"event":{EVE}}
 *     (alert, flow and TLS logs) or of raw Suricata EVE records
 *   - "ISO timestamp + space + JSON" lines (CloudWatch export)
 *   - concatenated JSON objects, with or without newlines (Firehose `}{`),
 *     and pretty-printed objects
 *   - a JSON array of records
 *   - `aws logs filter-log-events` / `get-log-events` JSON
 *     ({"events":[{"message":"<json string>"}]}: the message is decoded)
 *   - directories, walked recursively in sorted order (S3 layout
 *     AWSLogs/<account>/network-firewall/<type>/<region>/<fw>/YYYY/MM/DD/HH/)
 *   - "-" for standard input
 *
 * Nothing is lost silently: every record is either returned (used),
 * filtered (LogFilter) or skipped with a LogSkipReason; the counts and a
 * sample of locations per reason are in LogStats.  Empty lines are counted
 * apart and are not errors.
 *
 * Speed: records are parsed by a one-pass scanner that only decodes the
 * fields below; cJSON is the fallback for anything the scanner declines.
 * Strings in a LogEvent are (pointer, length) slices that borrow from the
 * reader: valid until the next log_reader_next() or log_reader_free().
 * They are raw bytes: they may hold NUL bytes or invalid UTF-8 straight
 * from the log (an attacker controls SNI, Host, URL); escape them on output.
 *
 * Threads: a LogReader is used by one thread.  For N threads, split the
 * inputs with log_parts_plan() (big plain files are cut into byte ranges at
 * line boundaries), give each thread a reader over its parts and its own
 * aggregates, then merge the aggregates and the LogStats (log_stats_merge).
 */
#ifndef NFW_LOGS_LOGS_H
#define NFW_LOGS_LOGS_H

#include <glib.h>

G_BEGIN_DECLS

#define LOG_ERROR (log_error_quark())
GQuark log_error_quark(void);

typedef enum {
    LOG_ERROR_OPEN, /* a file or directory cannot be opened or read */
    LOG_ERROR_READ, /* an I/O error in the middle of a file */
} LogErrorCode;

/* Longest record accepted (a line, an object, a decoded message): 16 MiB.
 * Real NFW records are under 10 KiB; anything longer is skipped as
 * "line-too-long" while streaming through it, never held in memory. */
#define LOG_MAX_RECORD ((gsize)16 << 20)

/* A borrowed string: `ptr` == NULL means the field was absent (or JSON
 * null).  Not NUL-terminated; may contain NUL bytes. */
typedef struct {
    const char *ptr;
    gsize len;
} LogStr;

typedef enum {
    LOG_EVENT_OTHER = 0, /* any other EVE event_type (only when keep_other) */
    LOG_EVENT_ALERT,
    LOG_EVENT_NETFLOW,
    LOG_EVENT_TLS_LOG, /* NFW TLS inspection log: no event_type, no SID */
} LogEventType;

typedef enum {
    LOG_ACTION_NONE = 0, /* absent */
    LOG_ACTION_ALLOWED,
    LOG_ACTION_BLOCKED,
    LOG_ACTION_OTHER, /* some other text: see alert.action_text */
} LogAlertAction;

typedef struct {
    /* Envelope (absent for raw EVE records). */
    LogStr firewall_name;
    LogStr availability_zone;
    gboolean has_event_timestamp;
    gint64 event_timestamp; /* seconds since epoch (string or number) */

    /* EVE fields. */
    gboolean has_timestamp;
    gint64 timestamp_us; /* event.timestamp, µs since epoch, UTC */
    LogEventType type;
    LogStr event_type; /* the text, e.g. "alert", "dns" */
    LogStr src_ip, dest_ip;
    gint32 src_port, dest_port; /* -1 when absent (ICMP netflow) */
    LogStr proto;               /* "TCP", "UDP", "ICMP", or a number as text */
    LogStr app_proto;
    gboolean has_flow_id;
    guint64 flow_id;
    LogStr direction; /* "to_server" / "to_client" (Suricata >= 7) */

    struct {
        gboolean present;
        guint64 signature_id;
        guint32 rev;
        LogStr signature; /* the rule's msg */
        LogAlertAction action;
        LogStr action_text;
        LogStr category;
        gint32 severity; /* -1 when absent */
    } alert;

    LogStr verdict_action; /* "drop", "pass", "alert"; absent in old logs */
    LogStr tls_sni;        /* event.tls.sni (or TLS log's event.sni) */
    LogStr http_hostname, http_url, http_user_agent;
    LogStr dns_rrname; /* first of dns.query[] / dns.queries[] */

    struct {
        gboolean present;
        guint64 pkts, bytes;
        /* Suricata's flow start and end, as text: log_time_parse() them when
     * needed (parsing two more times per record cost analyze 5%). */
        LogStr start, end;
    } netflow;

    gboolean raw_eve; /* TRUE: no NFW envelope around the record */

    /* Where it came from. */
    LogStr raw;       /* the whole record text (envelope line) */
    const char *file; /* the input's name; valid for the reader's life */
    guint64 line;     /* 1-based line of the record's start; 0 if
                                  * unknown (a byte range not at offset 0) */
    guint64 record;   /* 1-based ordinal of the record in its input */
    guint64 offset;   /* byte offset of the record in the (decoded)
                                  * input */
} LogEvent;

typedef enum {
    LOG_SKIP_BAD_JSON = 0,       /* not valid JSON */
    LOG_SKIP_NOT_NFW_RECORD,     /* valid JSON, but neither an envelope nor EVE */
    LOG_SKIP_UNKNOWN_EVENT_TYPE, /* event_type other than alert/netflow */
    LOG_SKIP_BAD_FIELD,          /* a known field out of range (port 70000, sid 2^64) */
    LOG_SKIP_LINE_TOO_LONG,      /* a record over LOG_MAX_RECORD bytes */
    LOG_SKIP_TRUNCATED_GZIP,     /* gzip data ends before its end-of-member */
    LOG_SKIP_CORRUPT_GZIP,       /* gzip data that does not inflate */
    LOG_SKIP_GZIP_BOMB,          /* inflates beyond LOG_GZIP_MAX_RATIO: file abandoned */
    LOG_SKIP_N
} LogSkipReason;

/* A gzip stream that inflates to more than this many times its compressed
 * size, once past 256 MiB of output, is treated as a bomb.  NFW logs
 * compress 10-30x. */
#define LOG_GZIP_MAX_RATIO 1000

#define LOG_STATS_SAMPLES 3

typedef struct {
    guint64 files;         /* inputs opened */
    guint64 files_ignored; /* dot-files in walked directories */
    guint64 bytes_in;      /* bytes read from files (compressed for gzip);
                               * a byte range also counts its read-ahead (up
                               * to 1 MiB past its end) */
    guint64 bytes_decoded; /* bytes after decompression */
    guint64 lines;         /* newline-separated lines seen */
    guint64 records;       /* used + filtered + skipped + prefiltered (not empty) */
    guint64 empty;         /* blank lines: counted, not an error */
    guint64 used;          /* events returned */
    guint64 filtered;      /* events dropped by the LogFilter */
    guint64 alerts, netflows, tls_logs, others; /* among used */
    guint64 skipped[LOG_SKIP_N];
    guint64 slow_path;   /* records the fast scanner handed to cJSON */
    guint64 prefiltered; /* records the raw filter set aside unparsed */
    /* First LOG_STATS_SAMPLES locations ("file:line" or "file@offset") per
   * reason; owned strings. */
    GPtrArray *samples[LOG_SKIP_N];
} LogStats;

/* Which events the reader returns; the rest are counted as filtered.
 * since/until apply to event.timestamp (else event_timestamp); events with
 * neither are filtered out when a window is set.  until is exclusive. */
typedef struct {
    gboolean has_since, has_until;
    gint64 since_us, until_us;
    const char *const *firewalls; /* NULL-terminated names, NULL = any */
} LogFilter;

/* A unit of reading work: a whole file, or the byte range [start, end) of
 * a plain file (end < 0 = to the end).  A range owns the records whose
 * first byte lies inside it. */
typedef struct {
    char *path;
    gint64 start, end;
} LogPart;

typedef struct LogReader LogReader;

/* Opens a file, a directory (walked recursively, sorted) or "-" (stdin).
 * Fails only when `path` does not exist or a directory cannot be listed;
 * files are opened lazily by log_reader_next(). */
LogReader *log_reader_open(const char *path, GError **error);
/* Several paths read in order, one after the other. */
LogReader *log_reader_open_paths(const char *const *paths, gsize n_paths, GError **error);
/* The parts from log_parts_plan() (array of LogPart*, not taken). */
LogReader *log_reader_open_parts(GPtrArray *parts, GError **error);
void log_reader_free(LogReader *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(LogReader, log_reader_free)

/* The filter is copied, but the firewall name strings are borrowed. */
void log_reader_set_filter(LogReader *reader, const LogFilter *filter);
/* Return EVE records of other event types (dns, http, flow…) as
 * LOG_EVENT_OTHER instead of skipping them as unknown-event-type. */
void log_reader_set_keep_other(LogReader *reader, gboolean keep);
/* Gzip inputs are inflated by a thread of their own, ahead of the parse
 * (two cores for one file); the events and counts are the same on every
 * fixture (tests), but the logs fuzz target found a mismatch under ASan
 * that is not yet understood, so nothing turns it on by default (analyze:
 * NFW_ADVISOR_DECODE_AHEAD=1). */
void log_reader_set_decode_ahead(LogReader *reader, gboolean on);
/* Testing aid: parse every record with the cJSON slow path. */
void log_reader_set_force_slow(LogReader *reader, gboolean force);

/* A caller that can tell from a record's raw text that it cannot use it
 * (query: a literal its filter requires is absent) sets `keep`; records it
 * returns FALSE for are counted as `prefiltered` and never parsed.  They
 * are not checked for validity, so not for use with a LogFilter (the
 * window and firewall counts would be off): the reader ignores it then. */
typedef gboolean (*LogRawFilter)(const char *raw, gsize len, gpointer data);
void log_reader_set_raw_filter(LogReader *reader, LogRawFilter keep, gpointer data);

/* Fills *event with the next used event and returns TRUE.  Returns FALSE at
 * the end of all inputs (error unset) or when a file cannot be opened or
 * read (error set, naming the file); after an error the next call goes on
 * with the following file.  The event's strings are valid until the next
 * call. */
gboolean log_reader_next(LogReader *reader, LogEvent *event, GError **error);

/* Counts so far (owned by the reader). */
const LogStats *log_reader_get_stats(const LogReader *reader);

/* Expands directories, then cuts plain (not gzip, not stdin) files larger
 * than `min_part_bytes` into about `n_parts` ranges of similar size that
 * begin at line boundaries.  Returns LogPart* (free with
 * g_ptr_array_unref). */
GPtrArray *log_parts_plan(const char *const *paths, gsize n_paths, guint n_parts,
                          gint64 min_part_bytes, GError **error);
void log_part_free(LogPart *part);

void log_stats_init(LogStats *stats);
void log_stats_clear(LogStats *stats);
/* Adds `src` into `dst` (samples: up to the limit, dst's first). */
void log_stats_merge(LogStats *dst, const LogStats *src);
const char *log_skip_reason_name(LogSkipReason reason);
guint64 log_stats_skipped_total(const LogStats *stats);

/* TRUE when the event passes the filter (NULL filter: always). */
gboolean log_filter_match(const LogFilter *filter, const LogEvent *event);

/* Parses ISO 8601 as Suricata and people write it: "2025-02-24T14:30:57.933410+0000",
 * "...Z", "...+00:00", "...+02", "2025-02-24 14:30" (seconds and fraction
 * optional, ',' as decimal sign), or a date "2025-02-24".  FALSE if malformed. */
gboolean log_time_parse(const char *text, gsize len, gint64 *out_us);
/* Days since 1970-01-01 of a proleptic Gregorian date. */
gint64 log_days_from_civil(gint64 y, guint m, guint d);

/* Event time in µs: timestamp, else event_timestamp; FALSE if neither. */
gboolean log_event_time(const LogEvent *event, gint64 *out_us);

gboolean log_str_equal(LogStr s, const char *text);
/* A NUL-terminated copy (NULL for an absent string); NUL bytes inside stay
 * and cut the C string short, so use the length when it matters. */
char *log_str_dup(LogStr s);
/* What comes before the first NUL byte of `s`: how the cJSON slow path
 * (C strings) sees a string with "\u0000" or a raw NUL.  Decisions that
 * both parse paths make (event type, numbers in strings, --firewall) use
 * this view, so that they agree. */
LogStr log_str_before_nul(LogStr s);
/* For readers that parse a record with cJSON, which would end a string at
 * its NUL ("evil\u0000.example.com" read as "evil"): the record's JSON
 * text with each NUL a string holds ("\u0000" or a raw NUL byte) written
 * as the four characters \x00, as analyze shows them, into `out`.
 * Returns FALSE, leaving `out` alone, when the text has no such NUL. */
gboolean log_text_show_nul(const char *text, gsize len, GString *out);

G_END_DECLS

#endif
