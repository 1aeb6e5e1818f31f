/*
 * log_parse.h - private to src/logs: one record's JSON text to a LogEvent.
 *
 * Two parsers give the same events: log_parse_fast() walks the text once,
 * decodes only the strings it keeps and skips everything else; it declines
 * (LOG_PARSE_DECLINE) whatever it does not handle (escaped keys, numbers
 * with fractions or exponents in wanted fields, nesting deeper than
 * LOG_PARSE_MAX_DEPTH, any syntax error) and log_parse_slow() then decides
 * with cJSON.  Both apply the same rules: last duplicate key wins (a
 * repeated object replaces the earlier one whole), null is absent, ports
 * and event_timestamp may be strings.
 */
#ifndef NFW_LOGS_LOG_PARSE_H
#define NFW_LOGS_LOG_PARSE_H

#include <cjson/cJSON.h>

#include "logs/logs.h"

#define LOG_PARSE_MAX_DEPTH 512
/* JSON numbers (not digit strings) at or above this are bad fields: a
 * double holds every integer below 2^53 exactly, and none of the others. */
#define LOG_PARSE_MAX_EXACT_NUMBER (G_GUINT64_CONSTANT(1) << 53)
/* cJSON reads at most this many characters of a number (a 64-byte buffer
 * for strtod); longer numbers are rewritten shorter before cJSON sees
 * them, and the fast path leaves them to the slow one. */
#define LOG_PARSE_MAX_NUMBER_TEXT 63

typedef enum {
    LOG_PARSE_OK = 0,
    LOG_PARSE_DECLINE, /* fast path only: ask the slow path */
    LOG_PARSE_BAD_JSON,
    LOG_PARSE_NOT_NFW,
    LOG_PARSE_UNKNOWN_TYPE,
    LOG_PARSE_BAD_FIELD,
} LogParseResult;

/* `scratch` must hold at least `len` bytes: decoded strings are written
 * there (a decoded string is never longer than its JSON text).  Fills the
 * content fields of *event (not raw/file/line/record/offset). */
LogParseResult log_parse_fast(const char *text, gsize len, char *scratch, gboolean keep_other,
                              LogEvent *event);

/* `*tree` receives the cJSON tree the event's strings point into; the
 * caller frees it (cJSON_Delete) when the event is no longer used. */
LogParseResult log_parse_slow(const char *text, gsize len, cJSON **tree, gboolean keep_other,
                              LogEvent *event);

/* Frees a tree from log_parse_slow() (NULL is fine). */
void log_parse_tree_free(cJSON *tree);

/* Extracts the string member `name` of the top-level object in `text`
 * (used for filter-log-events' "message"), decoding it into `scratch`
 * (>= len bytes).  FALSE if the text is not an object or has no such
 * string member. */
gboolean log_parse_member_string(const char *text, gsize len, const char *name, char *scratch,
                                 LogStr *out);

#endif
