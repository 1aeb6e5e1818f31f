/*
 * embed_map.c - where the text held in a string value (a RulesString) is
 * written in the file: line L, column C of the decoded text to the line
 * and column of the file.
 *
 * Decisions:
 *  - A JSON string is one physical line: every rule of a RulesString sits
 *    on the line of its key, at the column where its first byte is written
 *    (escapes counted: a decoded byte maps to the start of its escape).
 *    The map keeps the raw offset of every decoded byte (8 bytes per byte;
 *    a RulesString is at most 2 MB).
 *  - A YAML literal block (`|`) keeps its lines: decoded line k is the k-th
 *    content line after the indicator, decoded column c is c plus the
 *    block's indentation.  The map checks this against the raw text line
 *    by line (a line where CloudFormation's Fn::Sub replaced a ${Name}
 *    keeps its line; columns after the name may be off by the difference);
 *    where a line does not match (a folded or quoted scalar, tabs) every
 *    position falls back to the line of the value.
 *  - Columns count bytes, as compilers and the rest of the tool do.
 */
#include "policy/policy_internal.h"

#include <string.h>

struct EmbedMap {
    const JsonLocIndex *index; /* borrowed: the file's text and lines */
    JsonLocStyle style;
    int value_line;      /* where everything falls back to */
    GArray *offsets;     /* JSON: guint64 raw offset per decoded byte (+1 for the end) */
    GArray *line_starts; /* gsize: decoded offsets of decoded line starts */
    int first_line;      /* YAML literal: file line of decoded line 1 */
    int indent;          /* YAML literal: columns of indentation */
    gboolean exact;      /* FALSE: fall back to the value's line */
};

static int
hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static int
read_hex4(const char *p, const char *end)
{
    if (end - p < 4)
        return -1;
    int v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hex_value(p[i]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

static int
utf8_length(guint32 cp)
{
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/* One raw offset per decoded byte of the JSON string at [start, end). */
static gboolean
map_json_string(EmbedMap *map, const char *raw, gsize start, gsize end, gsize decoded_len)
{
    const char *p = raw + start + 1, *stop = raw + end - 1;
    while (p < stop) {
        guint64 at = (guint64)(p - raw);
        int bytes = 1;
        if (*p == '\\' && p + 1 < stop) {
            if (p[1] == 'u') {
                int cp = read_hex4(p + 2, stop);
                if (cp < 0)
                    return FALSE;
                const char *next = p + 6;
                if (cp >= 0xD800 && cp <= 0xDBFF && next + 1 < stop && next[0] == '\\' &&
                    next[1] == 'u') {
                    int lo = read_hex4(next + 2, stop);
                    if (lo >= 0xDC00 && lo <= 0xDFFF) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                        next += 6;
                    }
                }
                bytes = utf8_length((guint32)cp);
                p = next;
            } else {
                p += 2;
            }
        } else {
            p++;
        }
        for (int i = 0; i < bytes; i++)
            g_array_append_val(map->offsets, at);
    }
    guint64 close = (guint64)(stop - raw);
    g_array_append_val(map->offsets, close);
    return map->offsets->len == decoded_len + 1;
}

/* The decoded lines must be the raw lines after the indicator, less the
 * indentation. */
static gboolean
map_yaml_literal(EmbedMap *map, const char *raw, gsize raw_len, gsize start, const char *decoded,
                 gsize decoded_len)
{
    const char *nl = memchr(raw + start, '\n', raw_len - start);
    if (nl == NULL)
        return FALSE;
    gsize content = (gsize)(nl - raw) + 1;
    /* Indentation: that of the first line that is not blank. */
    gsize p = content;
    int indent = -1;
    while (p < raw_len && indent < 0) {
        gsize q = p;
        while (q < raw_len && raw[q] == ' ')
            q++;
        if (q < raw_len && raw[q] != '\n' && raw[q] != '\r')
            indent = (int)(q - p);
        else if (q >= raw_len)
            return FALSE;
        else
            p = (gsize)((const char *)memchr(raw + q, '\n', raw_len - q) - raw) + 1;
    }
    if (indent <= 0)
        return FALSE;
    map->first_line = json_loc_offset_line(map->index, content);
    map->indent = indent;
    /* Check the lines. */
    gsize d = 0;
    int k = 0;
    while (d < decoded_len) {
        const char *dnl = memchr(decoded + d, '\n', decoded_len - d);
        gsize dlen = dnl ? (gsize)(dnl - (decoded + d)) : decoded_len - d;
        gsize rs = json_loc_line_start(map->index, map->first_line + k);
        gsize re = rs;
        while (re < raw_len && raw[re] != '\n')
            re++;
        gboolean same = rs + (gsize)indent + dlen <= raw_len &&
                        memcmp(raw + rs + indent, decoded + d, dlen) == 0;
        /* Fn::Sub replaced a ${Name} on this line: same line, columns
         * after it may differ. */
        gboolean substituted = memmem(raw + rs, re - rs, "${", 2) != NULL;
        if (dlen > 0 && !same && !substituted)
            return FALSE;
        d += dlen + 1;
        k++;
    }
    return TRUE;
}

EmbedMap *
embed_map_new(const JsonLocIndex *index, const char *path, const char *decoded, gsize decoded_len)
{
    const JsonLocSpan *span = json_loc_span(index, path);
    gsize raw_len;
    const char *raw = json_loc_text(index, &raw_len);
    EmbedMap *map = g_new0(EmbedMap, 1);
    map->index = index;
    map->value_line = json_loc_line(index, path);
    if (span == NULL || span->end > raw_len || span->start >= span->end)
        return map; /* text built from parts (Fn::Join): its value's line */
    map->style = span->style;
    map->value_line = json_loc_offset_line(index, span->start);
    map->line_starts = g_array_new(FALSE, FALSE, sizeof(gsize));
    gsize zero = 0;
    g_array_append_val(map->line_starts, zero);
    for (gsize i = 0; i < decoded_len; i++) {
        if (decoded[i] == '\n') {
            gsize next = i + 1;
            g_array_append_val(map->line_starts, next);
        }
    }
    if (span->style == JSON_LOC_JSON_STRING) {
        map->offsets = g_array_new(FALSE, FALSE, sizeof(guint64));
        map->exact = map_json_string(map, raw, span->start, span->end, decoded_len);
    } else if (span->style == JSON_LOC_YAML_LITERAL) {
        map->exact = map_yaml_literal(map, raw, raw_len, span->start, decoded, decoded_len);
    }
    return map;
}

void
embed_map_free(EmbedMap *map)
{
    if (map == NULL)
        return;
    if (map->offsets != NULL)
        g_array_free(map->offsets, TRUE);
    if (map->line_starts != NULL)
        g_array_free(map->line_starts, TRUE);
    g_free(map);
}

void
embed_map_locate(const EmbedMap *map, int line, int column, int *file_line, int *file_column)
{
    *file_line = map->value_line;
    *file_column = 0;
    if (!map->exact || line < 1 || map->line_starts == NULL ||
        (guint)line > map->line_starts->len) {
        *file_column = 0;
        return;
    }
    if (map->style == JSON_LOC_YAML_LITERAL) {
        *file_line = map->first_line + line - 1;
        *file_column = column > 0 ? column + map->indent : 0;
        return;
    }
    gsize decoded =
        g_array_index(map->line_starts, gsize, line - 1) + (gsize)(column > 0 ? column - 1 : 0);
    if (decoded >= map->offsets->len)
        decoded = map->offsets->len - 1;
    gsize at = (gsize)g_array_index(map->offsets, guint64, decoded);
    *file_line = json_loc_offset_line(map->index, at);
    *file_column = column > 0 ? (int)(at - json_loc_line_start(map->index, *file_line)) + 1 : 0;
}
