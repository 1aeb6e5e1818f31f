/*
 * base.h - the ground floor every part may stand on: escaping of text that
 * leaves the program (terminals, JSON), UTC time arithmetic and small
 * string helpers.  Nothing here knows about rules, logs or findings.
 */
#ifndef NFW_BASE_BASE_H
#define NFW_BASE_BASE_H

#include <stdio.h>
#include <glib.h>
#include <cjson/cJSON.h>

/* --- text (base_text.c) ---------------------------------------------- */

/* TRUE when `s` is one of the strings of the NULL-terminated `list`. */
gboolean base_str_in_list(const char *const *list, const char *s);

/* A JSON string from bytes that may be invalid UTF-8 (replaced by U+FFFD);
 * JSON null for NULL. */
cJSON *base_json_string(const char *s);
/* Append `s` with control characters (C0, DEL, C1, ESC) shown as \xNN so
 * that log or rule text cannot drive the terminal. */
void base_escape_terminal(GString *out, const char *s);
/* A cJSON document as text (g_free) with DEL and C1 controls escaped as
 * \u00XX too (cJSON leaves them raw), so that no JSON we print can drive a
 * terminal.  Use it for every JSON output. */
char *base_json_text(const cJSON *doc, gboolean pretty);
/* Print a cJSON document (base_json_text), a newline, and free it. */
void base_json_print(FILE *out, cJSON *doc);

/* A streaming JSON writer whose bytes are base_json_print()'s for the same
 * document (base_json_writer.c): begin/end containers, write members.  In
 * an object every call takes the member's key; in an array `key` is
 * ignored (NULL).  Ending the outermost container writes the final
 * newline. */
#define BASE_JSON_MAX_DEPTH 32
typedef struct {
    FILE *out;
    guint depth;
    guint count[BASE_JSON_MAX_DEPTH];
    gboolean is_array[BASE_JSON_MAX_DEPTH];
} BaseJsonWriter;

void base_json_writer_init(BaseJsonWriter *w, FILE *out);
void base_json_begin_object(BaseJsonWriter *w, const char *key);
void base_json_begin_array(BaseJsonWriter *w, const char *key);
void base_json_end(BaseJsonWriter *w);
/* NULL is null; invalid UTF-8 is made valid, as base_json_string does. */
void base_json_write_string(BaseJsonWriter *w, const char *key, const char *s);
void base_json_write_number(BaseJsonWriter *w, const char *key, double v);
void base_json_write_bool(BaseJsonWriter *w, const char *key, gboolean b);

/* --- UTC time (base_time.c) ------------------------------------------ */

/* Days since 1970-01-01 to a civil date (proleptic Gregorian, UTC). */
void base_civil_from_days(gint64 days, int *y, int *m, int *d);
/* `seconds` since the epoch in UTC with a g_date_time_format() format
 * ("%Y-%m-%dT%H:%M:%SZ"); NULL when out of GDateTime's range.  g_free. */
char *base_utc_format(gint64 seconds, const char *format);

#endif
