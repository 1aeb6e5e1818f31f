/*
 * json_loc.c - find where a member of a JSON document is written.
 *
 * cJSON keeps no positions, so after cJSON has accepted a document this
 * file scans the raw text once more and records, for every member path
 * ("RuleGroup.RulesSource.RulesString", "StatefulRules[3].Header"), the
 * line of its key (for array items: the line where the item starts).
 * Paths use the keys exactly as written between the quotes (escapes are
 * not decoded: AWS member names never contain any).  With duplicate keys
 * the first one is recorded, as cJSON's lookup also returns the first.
 * The scanner is defensive: on anything unexpected it stops and lookups
 * fall back to line 1, so a wrong document can never make it crash.
 *
 * Besides lines, the index keeps where each string value is written
 * (its span in the raw text), so that text held in a string (a
 * RulesString) can be located at its real line and column in the file
 * (embed_map.c).  Documents that are not raw JSON (YAML templates,
 * Terraform plans turned into API shapes) fill an empty index with
 * json_loc_add(), or look through a view: another index's locations under
 * a path prefix, or under a table from API paths to source paths.  A path
 * the index does not know falls back to its nearest known parent.
 */
#include "policy/policy_internal.h"

#include <string.h>

#define JSON_LOC_MAX_DEPTH 256

struct JsonLocIndex {
    GHashTable *lines; /* char* path -> GINT_TO_POINTER(line) */
    GHashTable *spans; /* char* path -> JsonLocSpan* of string values */
    const char *text;
    gsize len;
    GArray *line_starts; /* gsize offsets of line starts */
    /* A view (json_loc_view_new): lookups go to `base`, through `map`
     * (path -> base path) or under `prefix`. */
    const JsonLocIndex *base;
    char *prefix;
    GHashTable *map;
};

static int
line_of(const JsonLocIndex *index, gsize offset)
{
    /* Binary search for the last line start <= offset. */
    guint lo = 0, hi = index->line_starts->len;
    while (hi - lo > 1) {
        guint mid = (lo + hi) / 2;
        if (g_array_index(index->line_starts, gsize, mid) <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return (int)lo + 1;
}

static gsize
skip_ws(const JsonLocIndex *ix, gsize pos)
{
    while (pos < ix->len && (ix->text[pos] == ' ' || ix->text[pos] == '\t' ||
                             ix->text[pos] == '\n' || ix->text[pos] == '\r'))
        pos++;
    return pos;
}

/* pos at the opening quote; returns the position after the closing one,
 * or len when the string does not end. */
static gsize
skip_string(const JsonLocIndex *ix, gsize pos)
{
    pos++;
    while (pos < ix->len && ix->text[pos] != '"') {
        if (ix->text[pos] == '\\')
            pos++;
        pos++;
    }
    return pos < ix->len ? pos + 1 : ix->len;
}

static void
record(JsonLocIndex *ix, GString *path, gsize offset)
{
    if (!g_hash_table_contains(ix->lines, path->str))
        g_hash_table_insert(ix->lines, g_strdup(path->str), GINT_TO_POINTER(line_of(ix, offset)));
}

static void
record_span(JsonLocIndex *ix, const char *path, gsize start, gsize end, JsonLocStyle style)
{
    if (g_hash_table_contains(ix->spans, path))
        return;
    JsonLocSpan *span = g_new0(JsonLocSpan, 1);
    span->start = start;
    span->end = end;
    span->style = style;
    g_hash_table_insert(ix->spans, g_strdup(path), span);
}

static gsize scan_value(JsonLocIndex *ix, gsize pos, GString *path, int depth);

static gsize
scan_object(JsonLocIndex *ix, gsize pos, GString *path, int depth)
{
    gsize base = path->len;
    pos++; /* '{' */
    for (;;) {
        pos = skip_ws(ix, pos);
        if (pos >= ix->len)
            return ix->len;
        if (ix->text[pos] == '}')
            return pos + 1;
        if (ix->text[pos] == ',') {
            pos++;
            continue;
        }
        if (ix->text[pos] != '"')
            return ix->len;
        gsize key_start = pos;
        gsize key_end = skip_string(ix, pos);
        if (key_end >= ix->len)
            return ix->len;
        if (base > 0)
            g_string_append_c(path, '.');
        g_string_append_len(path, ix->text + key_start + 1, (gssize)(key_end - key_start - 2));
        record(ix, path, key_start);
        pos = skip_ws(ix, key_end);
        if (pos >= ix->len || ix->text[pos] != ':') {
            g_string_truncate(path, base);
            return ix->len;
        }
        pos = scan_value(ix, pos + 1, path, depth + 1);
        g_string_truncate(path, base);
    }
}

static gsize
scan_array(JsonLocIndex *ix, gsize pos, GString *path, int depth)
{
    gsize base = path->len;
    int index = 0;
    pos++; /* '[' */
    for (;;) {
        pos = skip_ws(ix, pos);
        if (pos >= ix->len)
            return ix->len;
        if (ix->text[pos] == ']')
            return pos + 1;
        if (ix->text[pos] == ',') {
            pos++;
            continue;
        }
        g_string_append_printf(path, "[%d]", index++);
        record(ix, path, pos);
        gsize next = scan_value(ix, pos, path, depth + 1);
        g_string_truncate(path, base);
        if (next <= pos)
            return ix->len;
        pos = next;
    }
}

static gsize
scan_value(JsonLocIndex *ix, gsize pos, GString *path, int depth)
{
    pos = skip_ws(ix, pos);
    if (pos >= ix->len || depth > JSON_LOC_MAX_DEPTH)
        return ix->len;
    switch (ix->text[pos]) {
    case '{': return scan_object(ix, pos, path, depth);
    case '[': return scan_array(ix, pos, path, depth);
    case '"': {
        gsize end = skip_string(ix, pos);
        record_span(ix, path->str, pos, end, JSON_LOC_JSON_STRING);
        return end;
    }
    default:
        while (pos < ix->len && !strchr(",}] \t\r\n", ix->text[pos]))
            pos++;
        return pos;
    }
}

static JsonLocIndex *
index_alloc(const char *text, gsize len)
{
    JsonLocIndex *ix = g_new0(JsonLocIndex, 1);
    ix->lines = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    ix->spans = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    ix->text = text;
    ix->len = len;
    ix->line_starts = g_array_new(FALSE, FALSE, sizeof(gsize));
    gsize zero = 0;
    g_array_append_val(ix->line_starts, zero);
    for (gsize i = 0; i < len; i++) {
        if (text[i] == '\n') {
            gsize next = i + 1;
            g_array_append_val(ix->line_starts, next);
        }
    }
    return ix;
}

JsonLocIndex *
json_loc_index_new_empty(const char *text, gsize len)
{
    return index_alloc(text, len);
}

void
json_loc_add(JsonLocIndex *ix, const char *path, gsize key_offset, gsize value_start,
             gsize value_end, JsonLocStyle style)
{
    if (!g_hash_table_contains(ix->lines, path))
        g_hash_table_insert(ix->lines, g_strdup(path),
                            GINT_TO_POINTER(line_of(ix, MIN(key_offset, ix->len))));
    if (style != JSON_LOC_NONE)
        record_span(ix, path, value_start, value_end, style);
}

JsonLocIndex *
json_loc_view_new(const JsonLocIndex *base, const char *prefix, GHashTable *map)
{
    JsonLocIndex *ix = g_new0(JsonLocIndex, 1);
    ix->base = base;
    ix->prefix = g_strdup(prefix);
    ix->map = map != NULL ? g_hash_table_ref(map) : NULL;
    ix->text = base->text;
    ix->len = base->len;
    return ix;
}

JsonLocIndex *
json_loc_index_new(const char *text, gsize len)
{
    JsonLocIndex *ix = index_alloc(text, len);
    GString *path = g_string_new(NULL);
    scan_value(ix, 0, path, 0);
    g_string_free(path, TRUE);
    return ix;
}

void
json_loc_index_free(JsonLocIndex *ix)
{
    if (!ix)
        return;
    if (ix->lines != NULL)
        g_hash_table_destroy(ix->lines);
    if (ix->spans != NULL)
        g_hash_table_destroy(ix->spans);
    if (ix->line_starts != NULL)
        g_array_free(ix->line_starts, TRUE);
    if (ix->map != NULL)
        g_hash_table_unref(ix->map);
    g_free(ix->prefix);
    g_free(ix);
}

/* The path in the index that holds locations: through the view's table
 * or under its prefix. */
static char *
view_path(const JsonLocIndex *ix, const char *path)
{
    if (ix->map != NULL) {
        const char *mapped = g_hash_table_lookup(ix->map, path);
        if (mapped != NULL)
            return g_strdup(mapped);
    }
    if (ix->prefix != NULL && ix->prefix[0])
        return path[0] ? g_strconcat(ix->prefix, ".", path, NULL) : g_strdup(ix->prefix);
    return g_strdup(path);
}

/* "a.b[2].c" -> "a.b[2]" -> "a.b" -> "a" -> "" */
static gboolean
path_parent(char *path)
{
    char *dot = strrchr(path, '.'), *bracket = strrchr(path, '[');
    char *cut = dot > bracket ? dot : bracket;
    if (cut == NULL) {
        if (path[0] == '\0')
            return FALSE;
        path[0] = '\0';
        return TRUE;
    }
    *cut = '\0';
    return TRUE;
}

static int
lookup_line(const JsonLocIndex *ix, const char *path, gboolean *found)
{
    if (ix->base != NULL) {
        g_autofree char *p = view_path(ix, path);
        return lookup_line(ix->base, p, found);
    }
    gpointer v = g_hash_table_lookup(ix->lines, path);
    *found = v != NULL;
    return v ? GPOINTER_TO_INT(v) : 1;
}

int
json_loc_line(const JsonLocIndex *ix, const char *path)
{
    if (!ix || !path)
        return 1;
    g_autofree char *p = g_strdup(path);
    do {
        gboolean found;
        int line = lookup_line(ix, p, &found);
        if (found)
            return line;
    } while (path_parent(p));
    return 1;
}

const JsonLocSpan *
json_loc_span(const JsonLocIndex *ix, const char *path)
{
    if (!ix || !path)
        return NULL;
    if (ix->base != NULL) {
        g_autofree char *p = view_path(ix, path);
        return json_loc_span(ix->base, p);
    }
    return g_hash_table_lookup(ix->spans, path);
}

const char *
json_loc_text(const JsonLocIndex *ix, gsize *len)
{
    *len = ix->len;
    return ix->text;
}

int
json_loc_offset_line(const JsonLocIndex *ix, gsize offset)
{
    while (ix->base != NULL)
        ix = ix->base;
    return line_of(ix, offset);
}

gsize
json_loc_line_start(const JsonLocIndex *ix, int line)
{
    while (ix->base != NULL)
        ix = ix->base;
    if (line < 1)
        return 0;
    if ((guint)line > ix->line_starts->len)
        return ix->len;
    return g_array_index(ix->line_starts, gsize, line - 1);
}

void
json_offset_to_line_col(const char *text, gsize len, gsize offset, int *line, int *col)
{
    int l = 1, c = 1;
    for (gsize i = 0; i < offset && i < len; i++) {
        if (text[i] == '\n') {
            l++;
            c = 1;
        } else {
            c++; /* columns count bytes, as compilers do */
        }
    }
    *line = l;
    *col = c;
}
