/*
 * load_yaml.c - a YAML document (a CloudFormation template) as a cJSON
 * tree, with a JsonLocIndex saying where each member is written.
 *
 * YAML comes through Debian's libyaml (the reference C parser, also under
 * PyYAML and Ruby's Psych), read as events: the tree is built here, so
 * that each key's line and each string's span (for a RulesString block)
 * can be recorded as the event passes.
 *
 * Decisions:
 *  - Only the first document of a stream is read.
 *  - Plain scalars that read as integers or decimals become numbers,
 *    true/false booleans, null/~/empty null (YAML 1.2 core schema, what
 *    CloudFormation does for Capacity and Priority); quoted and block
 *    scalars are always strings.
 *  - CloudFormation's short tags become their long forms, as the service
 *    reads them: !Ref X -> {"Ref": X}, !GetAtt A.B -> {"Fn::GetAtt":
 *    ["A","B"]}, !Condition X -> {"Condition": X}, any other !Name ->
 *    {"Fn::Name": value}.  Other tags are ignored.
 *  - Aliases are expanded (a copy of the anchored node), with a cap on the
 *    nodes built (YAML_MAX_NODES) against alias bombs, and a depth cap.
 *  - A key that is not a scalar, or a syntax error, is a POLICY_ERROR_FORMAT
 *    naming file:line:column.
 */
#include "policy/policy_internal.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#define YAML_MAX_DEPTH 256
#define YAML_MAX_NODES 1000000

typedef struct {
    cJSON *node; /* owned copy */
    gsize nodes; /* nodes it holds, aliases expanded: what a copy costs */
} YamlAnchor;

static void
yaml_anchor_free(YamlAnchor *a)
{
    cJSON_Delete(a->node);
    g_free(a);
}

typedef struct {
    yaml_parser_t parser;
    const char *file;
    const char *text;
    gsize len;
    JsonLocIndex *locs;
    GHashTable *anchors; /* anchor name -> YamlAnchor* */
    gsize nodes;
    GError **error;
} YamlCtx;

static gboolean fail(YamlCtx *y, gsize line0, gsize col0, const char *fmt, ...) G_GNUC_PRINTF(4, 5);

static gboolean
fail(YamlCtx *y, gsize line0, gsize col0, const char *fmt, ...)
{
    if (y->error == NULL || *y->error != NULL)
        return FALSE;
    va_list ap;
    va_start(ap, fmt);
    g_autofree char *what = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_set_error(y->error, POLICY_ERROR, POLICY_ERROR_FORMAT, "%s:%zu:%zu: %s", y->file, line0 + 1,
                col0 + 1, what);
    return FALSE;
}

static gboolean
next_event(YamlCtx *y, yaml_event_t *ev)
{
    if (!yaml_parser_parse(&y->parser, ev)) {
        const yaml_mark_t *m = &y->parser.problem_mark;
        return fail(y, m->line, m->column, "invalid YAML: %s%s%s",
                    y->parser.problem ? y->parser.problem : "syntax error",
                    y->parser.context ? " " : "", y->parser.context ? y->parser.context : "");
    }
    return TRUE;
}

static gboolean
is_number(const char *s, gboolean *integer)
{
    if (*s == '\0')
        return FALSE;
    const char *p = s;
    if (*p == '-' || *p == '+')
        p++;
    gboolean digits = FALSE, dot = FALSE;
    for (; *p; p++) {
        if (g_ascii_isdigit(*p))
            digits = TRUE;
        else if (*p == '.' && !dot)
            dot = TRUE;
        else
            return FALSE;
    }
    *integer = !dot;
    return digits;
}

static cJSON *
plain_scalar(const char *s)
{
    gboolean integer;
    if (strcmp(s, "true") == 0 || strcmp(s, "True") == 0 || strcmp(s, "TRUE") == 0)
        return cJSON_CreateTrue();
    if (strcmp(s, "false") == 0 || strcmp(s, "False") == 0 || strcmp(s, "FALSE") == 0)
        return cJSON_CreateFalse();
    if (strcmp(s, "null") == 0 || strcmp(s, "~") == 0 || strcmp(s, "Null") == 0 || s[0] == '\0')
        return cJSON_CreateNull();
    if (is_number(s, &integer) && strlen(s) < 20)
        return cJSON_CreateNumber(g_ascii_strtod(s, NULL));
    return cJSON_CreateString(s);
}

/* A CloudFormation short-form tag around `value` (taken). */
static cJSON *
apply_tag(const char *tag, cJSON *value)
{
    if (tag == NULL || tag[0] != '!' || tag[1] == '\0' || tag[1] == '!')
        return value;
    const char *name = tag + 1;
    cJSON *wrap = cJSON_CreateObject();
    if (strcmp(name, "Ref") == 0) {
        cJSON_AddItemToObject(wrap, "Ref", value);
    } else if (strcmp(name, "Condition") == 0) {
        cJSON_AddItemToObject(wrap, "Condition", value);
    } else if (strcmp(name, "GetAtt") == 0 && cJSON_IsString(value)) {
        /* "Resource.Attribute" (the attribute may hold dots itself). */
        const char *s = value->valuestring;
        const char *dot = strchr(s, '.');
        cJSON *arr = cJSON_CreateArray();
        if (dot != NULL) {
            char *res = g_strndup(s, (gsize)(dot - s));
            cJSON_AddItemToArray(arr, cJSON_CreateString(res));
            cJSON_AddItemToArray(arr, cJSON_CreateString(dot + 1));
            g_free(res);
        } else {
            cJSON_AddItemToArray(arr, cJSON_CreateString(s));
        }
        cJSON_Delete(value);
        cJSON_AddItemToObject(wrap, "Fn::GetAtt", arr);
    } else {
        char *key = g_strconcat("Fn::", name, NULL);
        cJSON_AddItemToObject(wrap, key, value);
        g_free(key);
    }
    return wrap;
}

static gboolean parse_node(YamlCtx *y, yaml_event_t *ev, GString *path, int depth, cJSON **out);

/* `first` is y->nodes when the node began: the nodes it holds since. */
static void
remember_anchor(YamlCtx *y, const yaml_char_t *anchor, const cJSON *node, gsize first)
{
    if (anchor == NULL)
        return;
    YamlAnchor *a = g_new0(YamlAnchor, 1);
    a->node = cJSON_Duplicate(node, TRUE);
    a->nodes = y->nodes - first + 1;
    g_hash_table_replace(y->anchors, g_strdup((const char *)anchor), a);
}

static gboolean
parse_mapping(YamlCtx *y, yaml_event_t *start, GString *path, int depth, cJSON **out)
{
    gsize first = y->nodes;
    cJSON *obj = cJSON_CreateObject();
    gsize base = path->len;
    for (;;) {
        yaml_event_t key;
        if (!next_event(y, &key))
            goto bad;
        if (key.type == YAML_MAPPING_END_EVENT) {
            yaml_event_delete(&key);
            break;
        }
        if (key.type != YAML_SCALAR_EVENT) {
            fail(y, key.start_mark.line, key.start_mark.column,
                 "a mapping key that is not a plain name (CloudFormation keys are names)");
            yaml_event_delete(&key);
            goto bad;
        }
        char *name = g_strndup((const char *)key.data.scalar.value, key.data.scalar.length);
        gsize key_offset = key.start_mark.index;
        yaml_event_delete(&key);
        if (base > 0)
            g_string_append_c(path, '.');
        g_string_append(path, name);
        yaml_event_t value;
        cJSON *child = NULL;
        if (!next_event(y, &value)) {
            g_free(name);
            goto bad;
        }
        json_loc_add(y->locs, path->str, key_offset, 0, 0, JSON_LOC_NONE);
        gboolean ok = parse_node(y, &value, path, depth + 1, &child);
        g_string_truncate(path, base);
        if (!ok) {
            g_free(name);
            goto bad;
        }
        if (strcmp(name, "<<") == 0 && cJSON_IsObject(child)) {
            /* A merge key: the anchored mapping's members, unless set here. */
            cJSON *m;
            cJSON_ArrayForEach(m, child)
            {
                if (!cJSON_GetObjectItemCaseSensitive(obj, m->string))
                    cJSON_AddItemToObject(obj, m->string, cJSON_Duplicate(m, TRUE));
            }
            cJSON_Delete(child);
        } else if (cJSON_GetObjectItemCaseSensitive(obj, name) != NULL) {
            cJSON_Delete(child); /* duplicate key: the first wins, as in json_loc */
        } else {
            cJSON_AddItemToObject(obj, name, child);
        }
        g_free(name);
    }
    remember_anchor(y, start->data.mapping_start.anchor, obj, first);
    *out = apply_tag((const char *)start->data.mapping_start.tag, obj);
    return TRUE;
bad:
    cJSON_Delete(obj);
    return FALSE;
}

static gboolean
parse_sequence(YamlCtx *y, yaml_event_t *start, GString *path, int depth, cJSON **out)
{
    gsize first = y->nodes;
    cJSON *arr = cJSON_CreateArray();
    gsize base = path->len;
    int index = 0;
    for (;;) {
        yaml_event_t item;
        if (!next_event(y, &item))
            goto bad;
        if (item.type == YAML_SEQUENCE_END_EVENT) {
            yaml_event_delete(&item);
            break;
        }
        g_string_append_printf(path, "[%d]", index++);
        json_loc_add(y->locs, path->str, item.start_mark.index, 0, 0, JSON_LOC_NONE);
        cJSON *child = NULL;
        gboolean ok = parse_node(y, &item, path, depth + 1, &child);
        g_string_truncate(path, base);
        if (!ok)
            goto bad;
        cJSON_AddItemToArray(arr, child);
    }
    remember_anchor(y, start->data.sequence_start.anchor, arr, first);
    *out = apply_tag((const char *)start->data.sequence_start.tag, arr);
    return TRUE;
bad:
    cJSON_Delete(arr);
    return FALSE;
}

/* `ev` is the node's first event; it is deleted here. */
static gboolean
parse_node(YamlCtx *y, yaml_event_t *ev, GString *path, int depth, cJSON **out)
{
    gboolean ok = TRUE;
    if (depth > YAML_MAX_DEPTH || ++y->nodes > YAML_MAX_NODES) {
        ok = fail(y, ev->start_mark.line, ev->start_mark.column,
                  depth > YAML_MAX_DEPTH ? "YAML nested too deep" : "YAML too large (aliases?)");
        yaml_event_delete(ev);
        return ok;
    }
    switch (ev->type) {
    case YAML_SCALAR_EVENT: {
        const char *s = (const char *)ev->data.scalar.value;
        gsize n = ev->data.scalar.length;
        cJSON *v;
        g_autofree char *copy = g_strndup(s, n);
        if (ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && ev->data.scalar.tag == NULL)
            v = plain_scalar(copy);
        else
            v = cJSON_CreateString(copy);
        JsonLocStyle style = ev->data.scalar.style == YAML_LITERAL_SCALAR_STYLE
                                 ? JSON_LOC_YAML_LITERAL
                                 : JSON_LOC_YAML_OTHER;
        json_loc_add(y->locs, path->str, ev->start_mark.index, ev->start_mark.index,
                     MAX(ev->end_mark.index, ev->start_mark.index + 1), style);
        remember_anchor(y, ev->data.scalar.anchor, v, y->nodes);
        *out = apply_tag((const char *)ev->data.scalar.tag, v);
        break;
    }
    case YAML_MAPPING_START_EVENT: ok = parse_mapping(y, ev, path, depth, out); break;
    case YAML_SEQUENCE_START_EVENT: ok = parse_sequence(y, ev, path, depth, out); break;
    case YAML_ALIAS_EVENT: {
        const YamlAnchor *target = g_hash_table_lookup(y->anchors, ev->data.alias.anchor);
        if (target == NULL) {
            ok = fail(y, ev->start_mark.line, ev->start_mark.column, "unknown alias *%s",
                      (const char *)ev->data.alias.anchor);
            break;
        }
        /* Counted before the copy is made: an alias bomb stops here. */
        y->nodes += target->nodes;
        if (y->nodes > YAML_MAX_NODES) {
            ok = fail(y, ev->start_mark.line, ev->start_mark.column,
                      "YAML too large: aliases expand past %d nodes", YAML_MAX_NODES);
            break;
        }
        *out = cJSON_Duplicate(target->node, TRUE);
        break;
    }
    default:
        ok = fail(y, ev->start_mark.line, ev->start_mark.column, "unexpected YAML event");
        break;
    }
    yaml_event_delete(ev);
    return ok;
}

cJSON *
policy_yaml_parse(const char *file, const char *text, gsize len, JsonLocIndex **locs,
                  GError **error)
{
    YamlCtx y = { 0 };
    y.file = file;
    y.text = text;
    y.len = len;
    y.error = error;
    y.locs = json_loc_index_new_empty(text, len);
    y.anchors =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)yaml_anchor_free);
    yaml_parser_initialize(&y.parser);
    yaml_parser_set_input_string(&y.parser, (const unsigned char *)text, len);
    cJSON *root = NULL;
    GString *path = g_string_new(NULL);
    yaml_event_t ev;
    /* stream start, document start, the root node */
    gboolean ok = next_event(&y, &ev);
    if (ok) {
        yaml_event_delete(&ev);
        ok = next_event(&y, &ev);
    }
    if (ok && ev.type == YAML_STREAM_END_EVENT) {
        yaml_event_delete(&ev);
        ok = fail(&y, 0, 0, "empty YAML document");
    } else if (ok) {
        yaml_event_delete(&ev);
        ok = next_event(&y, &ev) && parse_node(&y, &ev, path, 0, &root);
    }
    g_string_free(path, TRUE);
    yaml_parser_delete(&y.parser);
    g_hash_table_destroy(y.anchors);
    if (!ok) {
        cJSON_Delete(root);
        json_loc_index_free(y.locs);
        return NULL;
    }
    *locs = y.locs;
    return root;
}
