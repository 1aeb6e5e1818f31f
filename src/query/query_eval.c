/*
 * query_eval.c - evaluating expressions over a row.
 *
 * Rules (CloudWatch's, as documented, and written down here because the
 * tests rely on them):
 *   - A missing field is null.  Any comparison (=, !=, <, like, in, and
 *     their negations) with a null operand is false, so `filter x != "a"`
 *     drops records without x; `not (x = "a")` keeps them.
 *   - = and the orderings compare numerically when both sides look numeric
 *     ("443" = 443), else as text.  like "text" is a case-sensitive
 *     substring test; like /re/ and =~ /re/ are regex searches.
 *   - Arithmetic on anything that is not a number gives null; so does
 *     division by zero.
 *   - and/or/not work on truth: true, a nonzero number, a non-empty text.
 */
#include <math.h>
#include <string.h>

#include "query/query_internal.h"

/* Last match wins for duplicate keys, as in most JSON readers. */
static const cJSON *
object_get(const cJSON *obj, const char *key)
{
    const cJSON *found = NULL;
    for (const cJSON *c = obj->child; c; c = c->next)
        if (c->string && strcmp(c->string, key) == 0)
            found = c;
    return found;
}

static gboolean
all_digits(const char *s)
{
    if (!*s)
        return FALSE;
    for (; *s; s++)
        if (!g_ascii_isdigit(*s))
            return FALSE;
    return TRUE;
}

static const cJSON *
json_walk(const cJSON *node, char *const *path)
{
    for (int i = 0; node && path[i]; i++) {
        const char *seg = path[i];
        if (cJSON_IsObject(node)) {
            const cJSON *next = object_get(node, seg);
            if (!next && strchr(seg, '.')) {
                /* a `backquoted.name` with dots: also try it as a path */
                g_auto(GStrv) sub = g_strsplit(seg, ".", -1);
                next = json_walk(node, sub);
            }
            node = next;
        } else if (cJSON_IsArray(node) && all_digits(seg)) {
            node = cJSON_GetArrayItem(node, (int)g_ascii_strtoll(seg, NULL, 10));
        } else {
            return NULL;
        }
    }
    return node;
}

static void
json_value(const cJSON *node, QueryValue *out)
{
    qv_clear(out);
    if (!node || cJSON_IsNull(node))
        return;
    if (cJSON_IsString(node))
        qv_set_str_borrowed(out, node->valuestring);
    else if (cJSON_IsNumber(node))
        qv_set_num(out, node->valuedouble);
    else if (cJSON_IsBool(node))
        qv_set_bool(out, cJSON_IsTrue(node));
    else /* an object or array: its JSON text */
        qv_set_str_owned(out, cJSON_PrintUnformatted(node));
}

void
query_row_lookup(const QueryRow *row, const char *name, char *const *path, QueryValue *out)
{
    qv_clear(out);
    if (row->names) {
        for (guint i = row->names->len; i-- > 0;) {
            if (strcmp(g_ptr_array_index(row->names, i), name) == 0) {
                const QueryValue *v = &g_array_index(row->values, QueryValue, i);
                *out = *v;
                out->owned = FALSE; /* borrowed from the row */
                return;
            }
        }
    }
    if (name[0] == '@') {
        if (strcmp(name, "@timestamp") == 0 && row->has_ts)
            qv_set_time(out, (double)row->ts_ms);
        else if (strcmp(name, "@message") == 0 && row->raw)
            qv_set_str_borrowed(out, row->raw);
        if (out->kind != QV_NULL || !row->json)
            return; /* @logStream, @log, @ingestionTime...: not in NFW records */
    }
    if (row->json)
        json_value(json_walk(row->json, path), out);
}

gboolean
query_regex_match(Query *q, pcre2_code *re, pcre2_match_data *md, const char *subject, gsize len)
{
    int rc = pcre2_match(re, (PCRE2_SPTR)subject, len, 0, 0, md, q->mctx);
    if (rc >= 0)
        return TRUE;
    if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
        rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
        q->regex_limit_hits++;
    return FALSE;
}

static gboolean
values_equal(const QueryValue *a, const QueryValue *b)
{
    if (a->kind == QV_NULL || b->kind == QV_NULL)
        return FALSE;
    if (a->kind == QV_STR && b->kind == QV_STR && strcmp(a->str, b->str) == 0)
        return TRUE;
    return qv_compare(a, b) == 0;
}

static gboolean
eval_like(Query *q, const QueryExpr *rhs, QueryRow *row, const QueryValue *l)
{
    if (l->kind == QV_NULL)
        return FALSE;
    g_autofree char *owned = NULL;
    const char *text = l->kind == QV_STR ? l->str : (owned = qv_to_string(l));
    if (rhs->kind == QE_REGEX)
        return query_regex_match(q, rhs->re, rhs->md, text, strlen(text));
    QueryValue r = { 0 };
    query_eval(q, rhs, row, &r);
    gboolean hit = FALSE;
    if (r.kind != QV_NULL) {
        g_autofree char *needle = qv_to_string(&r);
        hit = strstr(text, needle) != NULL;
    }
    qv_clear(&r);
    return hit;
}

static gboolean
eval_in(Query *q, const QueryExpr *list, QueryRow *row, const QueryValue *l)
{
    if (l->kind == QV_NULL)
        return FALSE;
    for (guint i = 0; i < list->args->len; i++) {
        QueryValue r = { 0 };
        query_eval(q, g_ptr_array_index(list->args, i), row, &r);
        gboolean eq = values_equal(l, &r);
        qv_clear(&r);
        if (eq)
            return TRUE;
    }
    return FALSE;
}

static void
eval_arith(QueryOp op, const QueryValue *l, const QueryValue *r, QueryValue *out)
{
    double x, y;
    if (!qv_to_number(l, &x) || !qv_to_number(r, &y))
        return;
    double z;
    switch (op) {
    case QOP_ADD: z = x + y; break;
    case QOP_SUB: z = x - y; break;
    case QOP_MUL: z = x * y; break;
    case QOP_DIV: z = y != 0 ? x / y : NAN; break;
    case QOP_MOD: z = y != 0 ? fmod(x, y) : NAN; break;
    default: z = pow(x, y); break;
    }
    /* time ± duration stays a time; time - time is a number of ms */
    gboolean time = (op == QOP_ADD && (l->kind == QV_TIME) != (r->kind == QV_TIME)) ||
                    (op == QOP_SUB && l->kind == QV_TIME && r->kind != QV_TIME);
    if (time)
        qv_set_time(out, z);
    else
        qv_set_num(out, z);
}

static void
eval_binary(Query *q, const QueryExpr *e, QueryRow *row, QueryValue *out)
{
    if (e->op == QOP_AND || e->op == QOP_OR) {
        QueryValue l = { 0 };
        query_eval(q, e->left, row, &l);
        gboolean lt = qv_truthy(&l);
        qv_clear(&l);
        if (e->op == QOP_AND ? !lt : lt) {
            qv_set_bool(out, lt);
            return;
        }
        QueryValue r = { 0 };
        query_eval(q, e->right, row, &r);
        qv_set_bool(out, qv_truthy(&r));
        qv_clear(&r);
        return;
    }
    QueryValue l = { 0 }, r = { 0 };
    query_eval(q, e->left, row, &l);
    switch (e->op) {
    case QOP_LIKE:
    case QOP_MATCH: qv_set_bool(out, eval_like(q, e->right, row, &l)); break;
    case QOP_NOT_LIKE:
    case QOP_NOT_MATCH:
        qv_set_bool(out, l.kind != QV_NULL && !eval_like(q, e->right, row, &l));
        break;
    case QOP_IN: qv_set_bool(out, eval_in(q, e->right, row, &l)); break;
    case QOP_NOT_IN: qv_set_bool(out, l.kind != QV_NULL && !eval_in(q, e->right, row, &l)); break;
    default:
        query_eval(q, e->right, row, &r);
        if (e->op >= QOP_ADD) {
            eval_arith(e->op, &l, &r, out);
        } else if (l.kind == QV_NULL || r.kind == QV_NULL) {
            qv_set_bool(out, FALSE);
        } else if (e->op == QOP_EQ) {
            qv_set_bool(out, values_equal(&l, &r));
        } else if (e->op == QOP_NE) {
            qv_set_bool(out, !values_equal(&l, &r));
        } else {
            int c = qv_compare(&l, &r);
            gboolean b = e->op == QOP_LT   ? c < 0
                         : e->op == QOP_LE ? c <= 0
                         : e->op == QOP_GT ? c > 0
                                           : c >= 0;
            qv_set_bool(out, b);
        }
        break;
    }
    qv_clear(&l);
    qv_clear(&r);
}

/* bin(period), datefloor(t, period), dateceil(t, period) */
static void
eval_time_round(Query *q, const QueryExpr *e, QueryRow *row, QueryValue *out)
{
    const QueryExpr *period;
    double ms;
    gboolean ceil = FALSE;
    if (strcmp(e->func->name, "bin") == 0) {
        if (!row->has_ts)
            return;
        ms = (double)row->ts_ms;
        period = g_ptr_array_index(e->args, 0);
    } else {
        QueryValue t = { 0 };
        query_eval(q, g_ptr_array_index(e->args, 0), row, &t);
        gint64 parsed;
        gboolean ok = TRUE;
        if (t.kind == QV_STR && query_time_parse(t.str, &parsed))
            ms = (double)parsed;
        else
            ok = qv_to_number(&t, &ms);
        qv_clear(&t);
        if (!ok)
            return;
        period = g_ptr_array_index(e->args, 1);
        ceil = strcmp(e->func->name, "dateceil") == 0;
    }
    /* Out of the gint64 range the cast is undefined: such a time is null. */
    if (!(fabs(ms) < 9e15))
        return;
    qv_set_time(out, (double)query_time_round((gint64)floor(ms), period->duration_ms,
                                              period->duration_months, ceil));
}

static void
eval_call(Query *q, const QueryExpr *e, QueryRow *row, QueryValue *out)
{
    const QueryFunc *f = e->func;
    if (f->agg != QAGG_NONE) {
        if (row->agg_values && e->agg_slot >= 0) {
            *out = row->agg_values[e->agg_slot];
            out->owned = FALSE;
        } else {
            char *one[] = { e->agg_column, NULL };
            query_row_lookup(row, e->agg_column, one, out);
        }
        return;
    }
    if (!row->json && row->names) {
        char *one[] = { e->agg_column, NULL };
        query_row_lookup(row, e->agg_column, one, out);
        if (out->kind != QV_NULL)
            return;
    }
    if (!f->fn) {
        eval_time_round(q, e, row, out);
        return;
    }
    int n = (int)e->args->len;
    QueryValue stack[8];
    QueryValue *args = n <= 8 ? stack : g_new(QueryValue, n);
    memset(args, 0, sizeof(QueryValue) * n);
    for (int i = 0; i < n; i++)
        query_eval(q, g_ptr_array_index(e->args, i), row, &args[i]);
    f->fn(q, args, n, out);
    for (int i = 0; i < n; i++)
        qv_clear(&args[i]);
    if (args != stack)
        g_free(args);
}

void
query_eval(Query *q, const QueryExpr *e, QueryRow *row, QueryValue *out)
{
    qv_clear(out);
    switch (e->kind) {
    case QE_LITERAL:
        *out = e->lit;
        out->owned = FALSE;
        break;
    case QE_FIELD: query_row_lookup(row, e->name, e->path, out); break;
    case QE_REGEX: /* alone, a regex tests @message */
        qv_set_bool(out,
                    row->raw && query_regex_match(q, e->re, e->md, row->raw, strlen(row->raw)));
        break;
    case QE_NOT: {
        QueryValue v = { 0 };
        query_eval(q, e->left, row, &v);
        qv_set_bool(out, !qv_truthy(&v));
        qv_clear(&v);
        break;
    }
    case QE_NEG: {
        QueryValue v = { 0 };
        double x;
        query_eval(q, e->left, row, &v);
        if (qv_to_number(&v, &x))
            qv_set_num(out, -x);
        qv_clear(&v);
        break;
    }
    case QE_BINARY: eval_binary(q, e, row, out); break;
    case QE_CALL: eval_call(q, e, row, out); break;
    case QE_DURATION: qv_set_num(out, (double)e->duration_ms); break;
    case QE_LIST:
    case QE_STAR: break;
    }
}
