/*
 * base_text.c - text that leaves the program (base.h): terminal escaping,
 * JSON strings and documents that cannot drive a terminal, and small
 * string helpers.  Shared by every renderer and by the query engine.
 */
#include "base/base.h"

#include <string.h>

gboolean
base_str_in_list(const char *const *list, const char *s)
{
    for (; *list; list++)
        if (strcmp(*list, s) == 0)
            return TRUE;
    return FALSE;
}

cJSON *
base_json_string(const char *s)
{
    if (s == NULL)
        return cJSON_CreateNull();
    if (g_utf8_validate(s, -1, NULL))
        return cJSON_CreateString(s);
    char *valid = g_utf8_make_valid(s, -1);
    cJSON *j = cJSON_CreateString(valid);
    g_free(valid);
    return j;
}

/* Code points that change how a terminal shows text without being C0/C1
 * controls: bidirectional overrides and isolates ("Trojan Source"). */
static gboolean
is_bidi_control(gunichar c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
           c == 0x200F || c == 0x061C;
}

void
base_escape_terminal(GString *out, const char *s)
{
    if (s == NULL)
        return;
    /* Fast path: a run of printable ASCII (nearly every rule and log
     * string) is copied at once; the careful loop handles the rest. */
    const char *p = s;
    while (*p >= 0x20 && *p < 0x7f)
        p++;
    g_string_append_len(out, s, p - s);
    while (*p) {
        gunichar c = g_utf8_get_char_validated(p, -1);
        if (c == (gunichar)-1 || c == (gunichar)-2) {
            /* A byte that is not valid UTF-8 (from a log or a rule file):
             * shown as \xNN, never sent raw (found by tests/hostile). */
            g_string_append_printf(out, "\\x%02x", (guchar)*p);
            p++;
            continue;
        }
        const char *next = g_utf8_next_char(p);
        if ((c < 0x20 && c != '\t') || c == 0x7f)
            g_string_append_printf(out, "\\x%02x", c);
        else if ((c >= 0x80 && c <= 0x9f) || is_bidi_control(c))
            /* C1 controls (U+0080..U+009F) can also act as escapes. */
            g_string_append_printf(out, "\\u%04x", c);
        else
            g_string_append_len(out, p, next - p);
        p = next;
    }
}

char *
base_json_text(const cJSON *doc, gboolean pretty)
{
    char *text = pretty ? cJSON_Print(doc) : cJSON_PrintUnformatted(doc);
    /* cJSON escapes C0 controls but leaves DEL and the C1 controls raw:
     * valid JSON, yet a terminal may act on U+009B (CSI).  Outside strings
     * JSON text has no such bytes, so they are escaped wherever found. */
    GString *out = g_string_sized_new(strlen(text) + 16);
    for (const guchar *p = (const guchar *)text; *p; p++) {
        if (*p == 0x7f) {
            g_string_append(out, "\\u007f");
        } else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
            g_string_append_printf(out, "\\u%04x", p[1]);
            p++;
        } else {
            g_string_append_c(out, (char)*p);
        }
    }
    cJSON_free(text);
    return g_string_free(out, FALSE);
}

void
base_json_print(FILE *out, cJSON *doc)
{
    char *text = base_json_text(doc, TRUE);
    fputs(text, out);
    fputc('\n', out);
    g_free(text);
    cJSON_Delete(doc);
}
