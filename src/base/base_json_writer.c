/*
 * base_json_writer.c - JSON written as it is produced, no cJSON tree: for
 * outputs with one record per rule or event (expand over a million rules
 * built a tree of every rule, then printed and freed it: a quarter of
 * expand's time, bench/README.md).
 *
 * Design decision: the bytes are exactly those of base_json_print() (cJSON
 * 1.7's cJSON_Print, then DEL and the C1 controls escaped), so a command
 * can move to the writer without changing its output: members one per line
 * indented with tabs, "key":<TAB>value, array elements joined by ", ",
 * numbers as "%1.15g" (or "%1.17g" when that does not read back), strings
 * made valid UTF-8 first (base_json_string's rule).  A test compares the
 * two on hostile strings and numbers.
 */
#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"

void
base_json_writer_init(BaseJsonWriter *w, FILE *out)
{
    memset(w, 0, sizeof *w);
    w->out = out;
}

static void
indent(BaseJsonWriter *w, guint depth)
{
    for (guint i = 0; i < depth; i++)
        fputc('\t', w->out);
}

/* cJSON's string escaping, then base_json_text's DEL and C1 pass. */
static void
put_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (const guchar *p = (const guchar *)s; *p; p++) {
        guchar c = *p;
        switch (c) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\b': fputs("\\b", out); break;
        case '\f': fputs("\\f", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (c < 32) {
                fprintf(out, "\\u%04x", c);
            } else if (c == 0x7f) {
                fputs("\\u007f", out);
            } else if (c == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
                fprintf(out, "\\u%04x", p[1]);
                p++;
            } else {
                fputc(c, out);
            }
        }
    }
    fputc('"', out);
}

/* Before a value: the separator from the previous one and, in an object,
 * the indent and key. */
static void
begin_value(BaseJsonWriter *w, const char *key)
{
    if (w->depth == 0)
        return;
    guint d = w->depth;
    gboolean first = w->count[d - 1]++ == 0;
    if (w->is_array[d - 1]) {
        if (!first)
            fputs(", ", w->out);
        return;
    }
    if (!first)
        fputs(",\n", w->out);
    indent(w, d);
    put_string(w->out, key);
    fputs(":\t", w->out);
}

static void
open_container(BaseJsonWriter *w, const char *key, gboolean array)
{
    begin_value(w, key);
    g_assert(w->depth < BASE_JSON_MAX_DEPTH);
    fputs(array ? "[" : "{\n", w->out);
    w->is_array[w->depth] = array;
    w->count[w->depth] = 0;
    w->depth++;
}

void
base_json_begin_object(BaseJsonWriter *w, const char *key)
{
    open_container(w, key, FALSE);
}

void
base_json_begin_array(BaseJsonWriter *w, const char *key)
{
    open_container(w, key, TRUE);
}

void
base_json_end(BaseJsonWriter *w)
{
    g_assert(w->depth > 0);
    w->depth--;
    if (w->is_array[w->depth]) {
        fputc(']', w->out);
        return;
    }
    if (w->count[w->depth] > 0)
        fputc('\n', w->out);
    indent(w, w->depth);
    fputc('}', w->out);
    if (w->depth == 0)
        fputc('\n', w->out); /* base_json_print's newline */
}

void
base_json_write_string(BaseJsonWriter *w, const char *key, const char *s)
{
    begin_value(w, key);
    if (s == NULL) {
        fputs("null", w->out);
    } else if (g_utf8_validate(s, -1, NULL)) {
        put_string(w->out, s);
    } else {
        char *valid = g_utf8_make_valid(s, -1);
        put_string(w->out, valid);
        g_free(valid);
    }
}

void
base_json_write_number(BaseJsonWriter *w, const char *key, double v)
{
    begin_value(w, key);
    if (isnan(v) || isinf(v)) {
        fputs("null", w->out);
        return;
    }
    char buf[32];
    snprintf(buf, sizeof buf, "%1.15g", v);
    /* cJSON's test, epsilon and all: 2^53 prints as 9.00719925474099e+15. */
    double back = strtod(buf, NULL);
    if (!(fabs(back - v) <= MAX(fabs(back), fabs(v)) * DBL_EPSILON))
        snprintf(buf, sizeof buf, "%1.17g", v);
    char point = localeconv()->decimal_point[0];
    for (char *p = buf; *p; p++)
        if (*p == point)
            *p = '.';
    fputs(buf, w->out);
}

void
base_json_write_bool(BaseJsonWriter *w, const char *key, gboolean b)
{
    begin_value(w, key);
    fputs(b ? "true" : "false", w->out);
}
