/*
 * query_parse.c - Logs Insights QL text to a Query: stages of commands
 * holding expression trees with positions.
 *
 * Grammar (lowest precedence first):
 *   query   := stage ('|' stage)*
 *   expr    := and ('or' and)*
 *   and     := not ('and' not)*
 *   not     := 'not' not | cmp
 *   cmp     := sum [ (= != < <= > >=) sum | [not] like (regex|sum)
 *                  | =~ regex | [not] in '[' list ']' ]
 *   sum     := prod (('+'|'-') prod)*
 *   prod    := pow (('*'|'/'|'%') pow)*
 *   pow     := unary ['^' pow]
 *   unary   := '-' unary | primary
 *   primary := number | string | period | /regex/ | '(' expr ')'
 *            | name '(' args ')' | field
 *
 * Every error stops the parse and names the line and column with a caret
 * line under the query text.  Names of output columns: the `as` alias, or
 * the expression as written ("count(*)", "bin(1h)"), or a field's dotted
 * name, as CloudWatch shows them.
 */
#include <stdarg.h>
#include <string.h>

#include "query/query_internal.h"
#include "query/query_lex.h"

G_DEFINE_QUARK(query - error - quark, query_error)

typedef struct {
    Query *q;
    const char *text;
    QueryToken tok; /* current token */
    GError **error;
    gboolean failed;
    QueryStage *stats; /* the stats stage being parsed (aggregate slots) */
    gboolean in_aggregate;
} Parser;

static void fail_at(Parser *p, int offset, QueryErrorCode code, const char *fmt, ...)
    G_GNUC_PRINTF(4, 5);

static void
fail_at(Parser *p, int offset, QueryErrorCode code, const char *fmt, ...)
{
    if (p->failed)
        return;
    p->failed = TRUE;
    va_list ap;
    va_start(ap, fmt);
    g_autofree char *what = g_strdup_vprintf(fmt, ap);
    va_end(ap);

    const char *t = p->text;
    /* "found end of query": point just after the last thing written, not at
   * an empty line after the final newline. */
    if (offset > 0 && t[offset] == '\0')
        while (offset > 0 && strchr(" \t\r\n", t[offset - 1]))
            offset--;
    int line = 1;
    int line_start = 0;
    for (int i = 0; i < offset && t[i]; i++) {
        if (t[i] == '\n') {
            line++;
            line_start = i + 1;
        }
    }
    int line_end = line_start;
    while (t[line_end] && t[line_end] != '\n')
        line_end++;
    /* Columns count characters, not bytes. */
    glong col = g_utf8_pointer_to_offset(t + line_start, t + offset) + 1;
    GString *caret = g_string_new(NULL);
    for (int i = line_start; i < offset; i++) {
        if ((t[i] & 0xC0) == 0x80)
            continue;
        g_string_append_c(caret, t[i] == '\t' ? '\t' : ' ');
    }
    g_string_append_c(caret, '^');
    g_set_error(p->error, QUERY_ERROR, code, "%s:%d:%ld: error: %s\n%.*s\n%s", p->q->source, line,
                col, what, line_end - line_start, t + line_start, caret->str);
    g_string_free(caret, TRUE);
}

static void
advance_mode(Parser *p, gboolean regex)
{
    int pos = p->tok.end;
    query_token_clear(&p->tok);
    query_lex(p->text, pos, regex, &p->tok);
    if (p->tok.kind == QT_ERROR)
        fail_at(p, p->tok.start, QUERY_ERROR_SYNTAX, "%s", p->tok.error);
}

static void
advance(Parser *p)
{
    advance_mode(p, FALSE);
}

/* Re-read the current token with '/' as the start of a regex. */
static void
relex_regex(Parser *p)
{
    int pos = p->tok.start;
    query_token_clear(&p->tok);
    query_lex(p->text, pos, TRUE, &p->tok);
    if (p->tok.kind == QT_ERROR)
        fail_at(p, p->tok.start, QUERY_ERROR_SYNTAX, "%s", p->tok.error);
}

static gboolean
is_word(const QueryToken *t, const char *word)
{
    return t->kind == QT_IDENT && !t->backquoted && t->path[1] == NULL &&
           g_ascii_strcasecmp(t->text, word) == 0;
}

static const char *const keywords[] = { "and", "or", "not", "like", "in",
                                        "as",  "by", "asc", "desc", NULL };

static gboolean
is_keyword(const QueryToken *t)
{
    for (int i = 0; keywords[i]; i++)
        if (is_word(t, keywords[i]))
            return TRUE;
    return FALSE;
}

/* The token after the current one. */
static void
peek_next(Parser *p, QueryToken *next)
{
    query_lex(p->text, p->tok.end, FALSE, next);
}

static void
expect_fail(Parser *p, const char *what)
{
    g_autofree char *found = query_token_describe(p->text, &p->tok);
    fail_at(p, p->tok.start, QUERY_ERROR_SYNTAX, "expected %s, found %s", what, found);
}

static gboolean
expect(Parser *p, QueryTokKind kind, const char *what)
{
    if (p->failed)
        return FALSE;
    if (p->tok.kind != kind) {
        expect_fail(p, what);
        return FALSE;
    }
    advance(p);
    return !p->failed;
}

/* ---- expressions ---- */

static QueryExpr *
expr_new(Parser *p, QueryExprKind kind, int start)
{
    QueryExpr *e = g_new0(QueryExpr, 1);
    e->kind = kind;
    e->start = start;
    e->end = p->tok.end;
    e->agg_slot = -1;
    int line = 1, col = 1;
    for (int i = 0; i < start && p->text[i]; i++) {
        if (p->text[i] == '\n') {
            line++;
            col = 1;
        } else if ((p->text[i] & 0xC0) != 0x80) {
            col++;
        }
    }
    e->line = line;
    e->col = col;
    return e;
}

void
query_expr_free(QueryExpr *e)
{
    if (!e)
        return;
    qv_clear(&e->lit);
    g_free(e->name);
    g_strfreev(e->path);
    query_expr_free(e->left);
    query_expr_free(e->right);
    if (e->args)
        g_ptr_array_unref(e->args);
    if (e->md)
        pcre2_match_data_free(e->md);
    if (e->re)
        pcre2_code_free(e->re);
    g_free(e->re_text);
    g_free(e->agg_column);
    g_free(e);
}

static QueryExpr *parse_expr(Parser *p);

/* Compiles a regex (from /.../ or a parse glob); NULL and an error on
 * failure, pointing at `at`. */
static pcre2_code *
compile_regex(Parser *p, const char *pattern, guint32 flags, int at)
{
    int errcode;
    PCRE2_SIZE erroff;
    pcre2_code *re =
        pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                      flags | PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &errcode, &erroff, NULL);
    if (!re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(errcode, msg, sizeof msg);
        fail_at(p, at, QUERY_ERROR_SYNTAX, "bad regex /%s/: %s at offset %zu", pattern,
                (const char *)msg, (size_t)erroff);
        return NULL;
    }
    /* JIT when available: faster, and it honours the match limit. */
    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
    return re;
}

static QueryExpr *
parse_regex_literal(Parser *p)
{
    relex_regex(p);
    if (p->failed)
        return NULL;
    QueryExpr *e = expr_new(p, QE_REGEX, p->tok.start);
    e->re_text = g_strdup(p->tok.text);
    e->re = compile_regex(p, p->tok.text, p->tok.re_flags, p->tok.start);
    if (!e->re) {
        query_expr_free(e);
        return NULL;
    }
    e->md = pcre2_match_data_create_from_pattern(e->re, NULL);
    advance(p);
    return e;
}

static gboolean
func_takes_period(const QueryFunc *f, guint arg)
{
    const char *n = f->name;
    return (strcmp(n, "bin") == 0 && arg == 0) ||
           ((strcmp(n, "datefloor") == 0 || strcmp(n, "dateceil") == 0) && arg == 1);
}

static QueryExpr *
parse_call(Parser *p, QueryToken *name_tok)
{
    int start = name_tok->start;
    const QueryFunc *f = query_func_lookup(name_tok->text);
    if (!f) {
        if (query_func_is_unsupported(name_tok->text))
            fail_at(p, start, QUERY_ERROR_UNSUPPORTED,
                    "function '%s' is not supported by nfw-advisor query", name_tok->text);
        else
            fail_at(p, start, QUERY_ERROR_SYNTAX, "unknown function '%s'", name_tok->text);
        return NULL;
    }
    if (f->agg != QAGG_NONE && p->in_aggregate) {
        fail_at(p, start, QUERY_ERROR_SYNTAX, "aggregate function '%s' inside another aggregate",
                f->name);
        return NULL;
    }
    QueryExpr *e = expr_new(p, QE_CALL, start);
    e->func = f;
    e->name = g_strdup(name_tok->text);
    e->args = g_ptr_array_new_with_free_func((GDestroyNotify)query_expr_free);
    advance(p); /* ( */
    gboolean outer = p->in_aggregate;
    if (f->agg != QAGG_NONE)
        p->in_aggregate = TRUE;
    if (p->tok.kind != QT_RPAREN) {
        for (;;) {
            QueryExpr *arg;
            if (p->tok.kind == QT_STAR && f->agg == QAGG_COUNT) {
                arg = expr_new(p, QE_STAR, p->tok.start);
                advance(p);
            } else {
                arg = parse_expr(p);
            }
            if (!arg)
                break;
            if (func_takes_period(f, e->args->len) && arg->kind != QE_DURATION) {
                fail_at(p, arg->start, QUERY_ERROR_SYNTAX,
                        "%s() takes a time period here, such as 5m or 1h", f->name);
                query_expr_free(arg);
                break;
            }
            g_ptr_array_add(e->args, arg);
            if (p->tok.kind != QT_COMMA)
                break;
            advance(p);
        }
    }
    p->in_aggregate = outer;
    int rparen_end = p->tok.end;
    if (p->failed || !expect(p, QT_RPAREN, "')' or ','")) {
        query_expr_free(e);
        return NULL;
    }
    e->end = rparen_end;
    int n = (int)e->args->len;
    if (n < f->min_args || (f->max_args >= 0 && n > f->max_args)) {
        if (f->min_args == f->max_args)
            fail_at(p, start, QUERY_ERROR_SYNTAX, "function '%s' takes %d argument%s, got %d",
                    f->name, f->min_args, f->min_args == 1 ? "" : "s", n);
        else if (f->max_args < 0)
            fail_at(p, start, QUERY_ERROR_SYNTAX,
                    "function '%s' takes at least %d arguments, got %d", f->name, f->min_args, n);
        else
            fail_at(p, start, QUERY_ERROR_SYNTAX, "function '%s' takes %d to %d arguments, got %d",
                    f->name, f->min_args, f->max_args, n);
        query_expr_free(e);
        return NULL;
    }
    if (f->agg == QAGG_PCT) {
        QueryExpr *pe = g_ptr_array_index(e->args, 1);
        if (pe->kind != QE_LITERAL || pe->lit.kind != QV_NUM || pe->lit.num < 0 ||
            pe->lit.num > 100) {
            fail_at(p, pe->start, QUERY_ERROR_SYNTAX, "pct() takes a percentile from 0 to 100");
            query_expr_free(e);
            return NULL;
        }
    }
    for (guint i = 0; i < e->args->len; i++) {
        QueryExpr *a = g_ptr_array_index(e->args, i);
        if (a->kind == QE_STAR && f->agg != QAGG_COUNT) {
            fail_at(p, a->start, QUERY_ERROR_SYNTAX, "'*' is only allowed in count(*)");
            query_expr_free(e);
            return NULL;
        }
    }
    /* After stats, a call written like a stats column names that column
   * (`sort count(*) desc`, `sort bin(1h)`). */
    e->agg_column = g_strndup(p->text + e->start, e->end - e->start);
    if (f->agg != QAGG_NONE && p->stats) {
        e->agg_slot = (int)p->stats->aggs->len;
        g_ptr_array_add(p->stats->aggs, e);
    }
    return e;
}

static QueryExpr *
parse_primary(Parser *p)
{
    if (p->failed)
        return NULL;
    QueryToken *t = &p->tok;
    QueryExpr *e = NULL;
    switch (t->kind) {
    case QT_NUMBER:
        e = expr_new(p, QE_LITERAL, t->start);
        qv_set_num(&e->lit, t->num);
        advance(p);
        return e;
    case QT_STRING:
        e = expr_new(p, QE_LITERAL, t->start);
        qv_set_str_owned(&e->lit, g_strdup(t->text));
        advance(p);
        return e;
    case QT_DURATION:
        e = expr_new(p, QE_DURATION, t->start);
        e->duration_ms = t->dur_ms;
        e->duration_months = t->dur_months;
        if (e->duration_ms <= 0 && e->duration_months <= 0) {
            fail_at(p, t->start, QUERY_ERROR_SYNTAX, "a time period must be positive");
            query_expr_free(e);
            return NULL;
        }
        advance(p);
        return e;
    case QT_SLASH: return parse_regex_literal(p);
    case QT_LPAREN: {
        int start = t->start;
        advance(p);
        e = parse_expr(p);
        if (!e || !expect(p, QT_RPAREN, "')'")) {
            query_expr_free(e);
            return NULL;
        }
        (void)start;
        return e;
    }
    case QT_IDENT: {
        if (is_keyword(t)) {
            fail_at(p, t->start, QUERY_ERROR_SYNTAX, "expected an expression, found keyword '%s'",
                    t->text);
            return NULL;
        }
        QueryToken next;
        peek_next(p, &next);
        gboolean call =
            next.kind == QT_LPAREN && !t->backquoted && t->path[1] == NULL && t->text[0] != '@';
        query_token_clear(&next);
        if (call) {
            QueryToken name = *t;
            memset(t, 0, sizeof *t);
            query_lex(p->text, name.end, FALSE, t); /* now at '(' */
            e = parse_call(p, &name);
            query_token_clear(&name);
            return e;
        }
        e = expr_new(p, QE_FIELD, t->start);
        e->name = g_strdup(t->text);
        e->path = g_strdupv(t->path);
        e->backquoted = t->backquoted;
        if (p->stats && !p->in_aggregate && p->stats->groups == NULL) {
            /* a field directly in a stats item, outside any aggregate */
            fail_at(p, t->start, QUERY_ERROR_SYNTAX,
                    "field '%s' in stats must be inside an aggregate function such as count() "
                    "or latest(), or after 'by'",
                    t->text);
            query_expr_free(e);
            return NULL;
        }
        advance(p);
        return e;
    }
    case QT_LBRACK:
        fail_at(p, t->start, QUERY_ERROR_SYNTAX, "a [list] is only allowed after 'in'");
        return NULL;
    default: expect_fail(p, "an expression"); return NULL;
    }
}

static QueryExpr *
parse_unary(Parser *p)
{
    if (p->failed)
        return NULL;
    if (p->tok.kind == QT_MINUS) {
        int start = p->tok.start;
        advance(p);
        QueryExpr *operand = parse_unary(p);
        if (!operand)
            return NULL;
        if (operand->kind == QE_LITERAL && operand->lit.kind == QV_NUM) {
            operand->lit.num = -operand->lit.num;
            operand->start = start;
            return operand;
        }
        QueryExpr *e = expr_new(p, QE_NEG, start);
        e->left = operand;
        e->end = operand->end;
        return e;
    }
    return parse_primary(p);
}

static QueryExpr *
binary(Parser *p, QueryOp op, QueryExpr *l, QueryExpr *r)
{
    QueryExpr *e = expr_new(p, QE_BINARY, l->start);
    e->line = l->line;
    e->col = l->col;
    e->op = op;
    e->left = l;
    e->right = r;
    e->end = r->end;
    return e;
}

static QueryExpr *
parse_pow(Parser *p)
{
    QueryExpr *l = parse_unary(p);
    if (!l || p->tok.kind != QT_CARET)
        return l;
    advance(p);
    QueryExpr *r = parse_pow(p);
    if (!r) {
        query_expr_free(l);
        return NULL;
    }
    return binary(p, QOP_POW, l, r);
}

static QueryExpr *
parse_prod(Parser *p)
{
    QueryExpr *l = parse_pow(p);
    while (l && !p->failed) {
        QueryOp op;
        if (p->tok.kind == QT_STAR)
            op = QOP_MUL;
        else if (p->tok.kind == QT_SLASH)
            op = QOP_DIV;
        else if (p->tok.kind == QT_PERCENT)
            op = QOP_MOD;
        else
            break;
        advance(p);
        QueryExpr *r = parse_pow(p);
        if (!r) {
            query_expr_free(l);
            return NULL;
        }
        l = binary(p, op, l, r);
    }
    return l;
}

static QueryExpr *
parse_sum(Parser *p)
{
    QueryExpr *l = parse_prod(p);
    while (l && !p->failed && (p->tok.kind == QT_PLUS || p->tok.kind == QT_MINUS)) {
        QueryOp op = p->tok.kind == QT_PLUS ? QOP_ADD : QOP_SUB;
        advance(p);
        QueryExpr *r = parse_prod(p);
        if (!r) {
            query_expr_free(l);
            return NULL;
        }
        l = binary(p, op, l, r);
    }
    return l;
}

static QueryExpr *
parse_list(Parser *p)
{
    int start = p->tok.start;
    if (!expect(p, QT_LBRACK, "'[' after 'in'"))
        return NULL;
    QueryExpr *e = expr_new(p, QE_LIST, start);
    e->args = g_ptr_array_new_with_free_func((GDestroyNotify)query_expr_free);
    if (p->tok.kind != QT_RBRACK) {
        for (;;) {
            QueryExpr *item = parse_sum(p);
            if (!item)
                break;
            g_ptr_array_add(e->args, item);
            if (p->tok.kind != QT_COMMA)
                break;
            advance(p);
        }
    }
    if (p->failed || !expect(p, QT_RBRACK, "']' or ','")) {
        query_expr_free(e);
        return NULL;
    }
    return e;
}

static QueryExpr *
parse_cmp(Parser *p)
{
    QueryExpr *l = parse_sum(p);
    if (!l || p->failed)
        return l;
    QueryToken *t = &p->tok;
    QueryOp op;
    gboolean negated = FALSE;
    if (is_word(t, "not")) {
        QueryToken next;
        peek_next(p, &next);
        gboolean like = is_word(&next, "like"), in = is_word(&next, "in");
        query_token_clear(&next);
        if (!like && !in)
            return l; /* "a not b": the caller reports what follows */
        advance(p);
        negated = TRUE;
    }
    QueryExpr *r = NULL;
    switch (t->kind) {
    case QT_EQ: op = QOP_EQ; break;
    case QT_NE: op = QOP_NE; break;
    case QT_LT: op = QOP_LT; break;
    case QT_LE: op = QOP_LE; break;
    case QT_GT: op = QOP_GT; break;
    case QT_GE: op = QOP_GE; break;
    case QT_MATCH: op = QOP_MATCH; break;
    default:
        if (is_word(t, "like"))
            op = negated ? QOP_NOT_LIKE : QOP_LIKE;
        else if (is_word(t, "in"))
            op = negated ? QOP_NOT_IN : QOP_IN;
        else
            return l;
    }
    advance_mode(p, TRUE); /* a '/' after an operator starts a regex */
    if (p->failed) {
        query_expr_free(l);
        return NULL;
    }
    if (op == QOP_IN || op == QOP_NOT_IN) {
        r = parse_list(p);
    } else if (op == QOP_MATCH) {
        if (p->tok.kind != QT_REGEX) {
            expect_fail(p, "a /regex/ after '=~'");
        } else {
            r = expr_new(p, QE_REGEX, p->tok.start);
            r->re_text = g_strdup(p->tok.text);
            r->re = compile_regex(p, p->tok.text, p->tok.re_flags, p->tok.start);
            if (r->re)
                r->md = pcre2_match_data_create_from_pattern(r->re, NULL);
            advance(p);
        }
    } else if (p->tok.kind == QT_REGEX) {
        if (op != QOP_LIKE && op != QOP_NOT_LIKE && op != QOP_EQ && op != QOP_NE) {
            fail_at(p, p->tok.start, QUERY_ERROR_SYNTAX,
                    "a /regex/ can only follow like, =~, = or !=");
        } else {
            r = expr_new(p, QE_REGEX, p->tok.start);
            r->re_text = g_strdup(p->tok.text);
            r->re = compile_regex(p, p->tok.text, p->tok.re_flags, p->tok.start);
            if (r->re)
                r->md = pcre2_match_data_create_from_pattern(r->re, NULL);
            advance(p);
            /* `x = /re/` means a regex match too */
            if (op == QOP_EQ)
                op = QOP_LIKE;
            else if (op == QOP_NE)
                op = QOP_NOT_LIKE;
        }
    } else {
        r = parse_sum(p);
    }
    if (!r || p->failed) {
        query_expr_free(r);
        query_expr_free(l);
        return NULL;
    }
    return binary(p, op, l, r);
}

static QueryExpr *
parse_not(Parser *p)
{
    if (p->failed)
        return NULL;
    if (is_word(&p->tok, "not")) {
        int start = p->tok.start;
        advance(p);
        QueryExpr *operand = parse_not(p);
        if (!operand)
            return NULL;
        QueryExpr *e = expr_new(p, QE_NOT, start);
        e->left = operand;
        e->end = operand->end;
        return e;
    }
    return parse_cmp(p);
}

static QueryExpr *
parse_and(Parser *p)
{
    QueryExpr *l = parse_not(p);
    while (l && !p->failed && is_word(&p->tok, "and")) {
        advance(p);
        QueryExpr *r = parse_not(p);
        if (!r) {
            query_expr_free(l);
            return NULL;
        }
        l = binary(p, QOP_AND, l, r);
    }
    return l;
}

static QueryExpr *
parse_expr(Parser *p)
{
    QueryExpr *l = parse_and(p);
    while (l && !p->failed && is_word(&p->tok, "or")) {
        advance(p);
        QueryExpr *r = parse_and(p);
        if (!r) {
            query_expr_free(l);
            return NULL;
        }
        l = binary(p, QOP_OR, l, r);
    }
    if (p->failed) {
        query_expr_free(l);
        return NULL;
    }
    return l;
}

/* ---- commands ---- */

static void
item_free(QueryItem *it)
{
    query_expr_free(it->expr);
    g_free(it->name);
    g_free(it);
}

void
query_stage_free(QueryStage *s)
{
    if (!s)
        return;
    if (s->items)
        g_ptr_array_unref(s->items);
    if (s->groups)
        g_ptr_array_unref(s->groups);
    query_expr_free(s->expr);
    if (s->parse_md)
        pcre2_match_data_free(s->parse_md);
    if (s->parse_re)
        pcre2_code_free(s->parse_re);
    if (s->parse_names)
        g_ptr_array_unref(s->parse_names);
    if (s->aggs)
        g_ptr_array_unref(s->aggs);
    if (s->dedup_seen)
        g_hash_table_unref(s->dedup_seen);
    if (s->group_index)
        g_hash_table_unref(s->group_index);
    if (s->group_list)
        g_ptr_array_unref(s->group_list);
    if (s->buffer)
        g_ptr_array_unref(s->buffer);
    g_free(s);
}

static char *
expr_text(Parser *p, const QueryExpr *e)
{
    if (e->kind == QE_FIELD)
        return g_strdup(e->name);
    return g_strstrip(g_strndup(p->text + e->start, e->end - e->start));
}

/* An `as` alias if present; NULL (and no error) otherwise. */
static char *
parse_alias(Parser *p)
{
    if (!is_word(&p->tok, "as"))
        return NULL;
    advance(p);
    if (p->failed)
        return NULL;
    if (p->tok.kind != QT_IDENT || is_keyword(&p->tok)) {
        expect_fail(p, "a name after 'as'");
        return NULL;
    }
    char *name = g_strdup(p->tok.text);
    advance(p);
    return name;
}

/* item := expr ['as' name]; for display/dedup only fields (no alias). */
static GPtrArray *
parse_items(Parser *p, gboolean fields_only, gboolean sort)
{
    GPtrArray *items = g_ptr_array_new_with_free_func((GDestroyNotify)item_free);
    for (;;) {
        int at = p->tok.start;
        QueryExpr *e = parse_expr(p);
        if (!e)
            break;
        QueryItem *it = g_new0(QueryItem, 1);
        it->expr = e;
        g_ptr_array_add(items, it);
        if (fields_only && e->kind != QE_FIELD) {
            fail_at(p, at, QUERY_ERROR_SYNTAX, "expected a field name");
            break;
        }
        if (sort) {
            if (is_word(&p->tok, "desc")) {
                it->desc = TRUE;
                advance(p);
            } else if (is_word(&p->tok, "asc")) {
                advance(p);
            }
        } else if (!fields_only) {
            it->name = parse_alias(p);
        }
        if (p->failed)
            break;
        if (!it->name)
            it->name = expr_text(p, e);
        if (p->tok.kind != QT_COMMA)
            break;
        advance(p);
    }
    if (p->failed) {
        g_ptr_array_unref(items);
        return NULL;
    }
    return items;
}

static gboolean
expr_has_aggregate(const QueryExpr *e)
{
    if (!e)
        return FALSE;
    if (e->kind == QE_CALL && e->func->agg != QAGG_NONE)
        return TRUE;
    if (expr_has_aggregate(e->left) || expr_has_aggregate(e->right))
        return TRUE;
    if (e->args)
        for (guint i = 0; i < e->args->len; i++)
            if (expr_has_aggregate(g_ptr_array_index(e->args, i)))
                return TRUE;
    return FALSE;
}

static gboolean
parse_stats(Parser *p, QueryStage *s)
{
    s->aggs = g_ptr_array_new(); /* borrowed from items */
    p->stats = s;
    s->items = parse_items(p, FALSE, FALSE);
    p->stats = NULL;
    if (!s->items)
        return FALSE;
    for (guint i = 0; i < s->items->len; i++) {
        QueryItem *it = g_ptr_array_index(s->items, i);
        if (!expr_has_aggregate(it->expr)) {
            fail_at(p, it->expr->start, QUERY_ERROR_SYNTAX,
                    "'%s' in stats is not an aggregate (count, sum, avg, min, max, ...)", it->name);
            return FALSE;
        }
    }
    if (is_word(&p->tok, "by")) {
        advance(p);
        if (p->failed)
            return FALSE;
        s->groups = parse_items(p, FALSE, FALSE);
        if (!s->groups)
            return FALSE;
        for (guint i = 0; i < s->groups->len; i++) {
            QueryItem *it = g_ptr_array_index(s->groups, i);
            if (expr_has_aggregate(it->expr)) {
                fail_at(p, it->expr->start, QUERY_ERROR_SYNTAX,
                        "an aggregate cannot be a 'by' group");
                return FALSE;
            }
        }
    } else {
        s->groups = g_ptr_array_new_with_free_func((GDestroyNotify)item_free);
    }
    return TRUE;
}

/* A parse glob: '*' captures, everything else is literal. */
static char *
glob_to_regex(const char *glob, int *n_stars)
{
    GString *re = g_string_new(NULL);
    *n_stars = 0;
    for (const char *c = glob; *c; c++) {
        if (*c == '*') {
            (*n_stars)++;
            /* lazy, except a trailing '*' which takes the rest */
            g_string_append(re, c[1] == '\0' ? "(.*)" : "(.*?)");
        } else {
            const char lit[2] = { *c, 0 };
            if (strchr("\\^$.|?+()[]{}", *c))
                g_string_append_c(re, '\\');
            g_string_append(re, lit);
        }
    }
    g_string_prepend(re, "(?s)");
    return g_string_free(re, FALSE);
}

static gboolean
parse_parse(Parser *p, QueryStage *s)
{
    /* the source is a field or a call: a '/' after it starts the regex */
    s->expr = parse_unary(p);
    if (!s->expr)
        return FALSE;
    s->parse_names = g_ptr_array_new_with_free_func(g_free);
    if (p->tok.kind == QT_SLASH)
        relex_regex(p);
    if (p->failed)
        return FALSE;
    if (p->tok.kind == QT_STRING) {
        int at = p->tok.start;
        int stars;
        g_autofree char *re = glob_to_regex(p->tok.text, &stars);
        advance(p);
        if (stars == 0) {
            fail_at(p, at, QUERY_ERROR_SYNTAX, "parse pattern has no '*' to capture");
            return FALSE;
        }
        if (!is_word(&p->tok, "as")) {
            expect_fail(p, "'as' and the names of the parsed fields");
            return FALSE;
        }
        advance(p);
        for (;;) {
            if (p->failed)
                return FALSE;
            if (p->tok.kind != QT_IDENT || is_keyword(&p->tok)) {
                expect_fail(p, "a field name");
                return FALSE;
            }
            g_ptr_array_add(s->parse_names, g_strdup(p->tok.text));
            advance(p);
            if (p->tok.kind != QT_COMMA)
                break;
            advance(p);
        }
        if (p->failed)
            return FALSE;
        if ((int)s->parse_names->len != stars) {
            fail_at(p, at, QUERY_ERROR_SYNTAX, "parse pattern has %d '*' but %u names follow 'as'",
                    stars, s->parse_names->len);
            return FALSE;
        }
        s->parse_re = compile_regex(p, re, 0, at);
    } else if (p->tok.kind == QT_REGEX) {
        int at = p->tok.start;
        s->parse_re = compile_regex(p, p->tok.text, p->tok.re_flags, at);
        advance(p);
        if (!s->parse_re)
            return FALSE;
        guint32 count = 0, entry_size = 0;
        PCRE2_SPTR table = NULL;
        pcre2_pattern_info(s->parse_re, PCRE2_INFO_NAMECOUNT, &count);
        pcre2_pattern_info(s->parse_re, PCRE2_INFO_NAMEENTRYSIZE, &entry_size);
        pcre2_pattern_info(s->parse_re, PCRE2_INFO_NAMETABLE, &table);
        if (count == 0) {
            fail_at(p, at, QUERY_ERROR_SYNTAX,
                    "parse regex needs named groups such as (?<name>...) to create fields");
            return FALSE;
        }
        /* names in group-number order; the table is sorted by name */
        guint32 groups = 0;
        pcre2_pattern_info(s->parse_re, PCRE2_INFO_CAPTURECOUNT, &groups);
        g_ptr_array_set_size(s->parse_names, groups + 1);
        for (guint32 i = 0; i < count; i++) {
            const unsigned char *ent = table + (gsize)i * entry_size;
            int num = (ent[0] << 8) | ent[1];
            g_free(s->parse_names->pdata[num]);
            s->parse_names->pdata[num] = g_strdup((const char *)ent + 2);
        }
    } else {
        expect_fail(p, "a \"glob * pattern\" or a /regex/ after the parse source");
        return FALSE;
    }
    if (p->failed || !s->parse_re)
        return FALSE;
    s->parse_md = pcre2_match_data_create_from_pattern(s->parse_re, NULL);
    return TRUE;
}

static const char *const unsupported_commands[] = { "unnest", "lookup",    "join",        "pattern",
                                                    "diff",   "anomaly",   "filterIndex", "SOURCE",
                                                    "unmask", "addtotals", "source",      NULL };

static QueryStage *
parse_stage(Parser *p)
{
    QueryToken *t = &p->tok;
    if (t->kind != QT_IDENT || t->backquoted || t->path[1] != NULL) {
        expect_fail(p, "a command (fields, filter, stats, sort, limit, display, parse or dedup)");
        return NULL;
    }
    static const struct {
        const char *name;
        QueryCommand cmd;
    } cmds[] = {
        { "fields", QCMD_FIELDS }, { "filter", QCMD_FILTER }, { "stats", QCMD_STATS },
        { "sort", QCMD_SORT },     { "limit", QCMD_LIMIT },   { "display", QCMD_DISPLAY },
        { "parse", QCMD_PARSE },   { "dedup", QCMD_DEDUP },
    };
    int which = -1;
    for (gsize i = 0; i < G_N_ELEMENTS(cmds); i++)
        if (g_ascii_strcasecmp(t->text, cmds[i].name) == 0)
            which = (int)i;
    if (which < 0) {
        for (int i = 0; unsupported_commands[i]; i++) {
            if (g_ascii_strcasecmp(t->text, unsupported_commands[i]) == 0) {
                fail_at(p, t->start, QUERY_ERROR_UNSUPPORTED,
                        "command '%s' is not supported by nfw-advisor query", t->text);
                return NULL;
            }
        }
        fail_at(p, t->start, QUERY_ERROR_SYNTAX,
                "unknown command '%s' (expected fields, filter, stats, sort, limit, display, "
                "parse or dedup)",
                t->text);
        return NULL;
    }
    QueryStage *s = g_new0(QueryStage, 1);
    s->cmd = cmds[which].cmd;
    s->line = 0;
    s->col = t->start;
    advance(p);
    gboolean ok = !p->failed;
    if (ok && (p->tok.kind == QT_PIPE || p->tok.kind == QT_EOF)) {
        g_autofree char *cmd = g_strdup(cmds[which].name);
        fail_at(p, p->tok.start, QUERY_ERROR_SYNTAX, "'%s' needs %s", cmd,
                s->cmd == QCMD_LIMIT    ? "a number"
                : s->cmd == QCMD_FILTER ? "a condition"
                                        : "arguments");
        ok = FALSE;
    }
    if (ok) {
        switch (s->cmd) {
        case QCMD_FIELDS: ok = (s->items = parse_items(p, FALSE, FALSE)) != NULL; break;
        case QCMD_DISPLAY:
        case QCMD_DEDUP: ok = (s->items = parse_items(p, TRUE, FALSE)) != NULL; break;
        case QCMD_SORT: ok = (s->items = parse_items(p, FALSE, TRUE)) != NULL; break;
        case QCMD_FILTER: ok = (s->expr = parse_expr(p)) != NULL; break;
        case QCMD_STATS: ok = parse_stats(p, s); break;
        case QCMD_PARSE: ok = parse_parse(p, s); break;
        case QCMD_LIMIT:
            /* Range before the cast: (gint64)1e30 is undefined behaviour. */
            if (t->kind != QT_NUMBER || t->num < 1 || t->num > 1e15 ||
                t->num != (double)(gint64)t->num) {
                expect_fail(p, "a whole number of rows, 1 or more");
                ok = FALSE;
            } else {
                s->limit = (gint64)t->num;
                advance(p);
                ok = !p->failed;
            }
            break;
        }
    }
    if (!ok || p->failed) {
        query_stage_free(s);
        return NULL;
    }
    if (p->tok.kind != QT_PIPE && p->tok.kind != QT_EOF) {
        if (is_word(&p->tok, "not"))
            expect_fail(p, "'like' or 'in' after 'not'");
        else
            expect_fail(p, "'|' or the end of the query");
        query_stage_free(s);
        return NULL;
    }
    return s;
}

/* ---- after parsing: output columns, fields used, raw-text prefilter ---- */

static void
add_unique(GPtrArray *a, const char *s)
{
    for (guint i = 0; i < a->len; i++)
        if (strcmp(g_ptr_array_index(a, i), s) == 0)
            return;
    g_ptr_array_add(a, g_strdup(s));
}

static void
compute_columns(Query *q)
{
    GPtrArray *cols = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < q->stages->len; i++) {
        QueryStage *s = g_ptr_array_index(q->stages, i);
        if (s->cmd == QCMD_FIELDS) {
            for (guint j = 0; j < s->items->len; j++)
                add_unique(cols, ((QueryItem *)g_ptr_array_index(s->items, j))->name);
        } else if (s->cmd == QCMD_STATS || s->cmd == QCMD_DISPLAY) {
            g_ptr_array_set_size(cols, 0);
            if (s->groups)
                for (guint j = 0; j < s->groups->len; j++)
                    add_unique(cols, ((QueryItem *)g_ptr_array_index(s->groups, j))->name);
            for (guint j = 0; j < s->items->len; j++)
                add_unique(cols, ((QueryItem *)g_ptr_array_index(s->items, j))->name);
        }
        if (s->cmd == QCMD_STATS)
            q->has_stats = TRUE;
        if (s->cmd == QCMD_LIMIT)
            q->has_limit = TRUE;
    }
    if (cols->len == 0) {
        g_ptr_array_add(cols, g_strdup("@timestamp"));
        g_ptr_array_add(cols, g_strdup("@message"));
    }
    q->columns = cols;
    q->column_paths = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
    for (guint i = 0; i < cols->len; i++)
        g_ptr_array_add(q->column_paths, g_strsplit(g_ptr_array_index(cols, i), ".", -1));
}

static void
collect_fields(const QueryExpr *e, GPtrArray *defined, GPtrArray *used)
{
    if (!e)
        return;
    if (e->kind == QE_FIELD) {
        for (guint i = 0; i < defined->len; i++)
            if (strcmp(g_ptr_array_index(defined, i), e->name) == 0)
                return;
        add_unique(used, e->name);
    }
    if (e->kind == QE_CALL && strcmp(e->func->name, "bin") == 0)
        add_unique(used, "@timestamp");
    if (e->kind == QE_CALL && (e->func->agg == QAGG_EARLIEST || e->func->agg == QAGG_LATEST))
        add_unique(used, "@timestamp");
    collect_fields(e->left, defined, used);
    collect_fields(e->right, defined, used);
    if (e->args)
        for (guint i = 0; i < e->args->len; i++)
            collect_fields(g_ptr_array_index(e->args, i), defined, used);
}

static void
collect_items(GPtrArray *items, GPtrArray *defined, GPtrArray *used)
{
    if (items)
        for (guint j = 0; j < items->len; j++)
            collect_fields(((QueryItem *)g_ptr_array_index(items, j))->expr, defined, used);
}

static void
compute_fields_used(Query *q)
{
    GPtrArray *used = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GPtrArray) defined = g_ptr_array_new_with_free_func(g_free);
    gboolean after_stats = FALSE;
    for (guint i = 0; i < q->stages->len && !after_stats; i++) {
        QueryStage *s = g_ptr_array_index(q->stages, i);
        collect_items(s->items, defined, used);
        collect_items(s->groups, defined, used);
        collect_fields(s->expr, defined, used);
        if (s->cmd == QCMD_FILTER && s->expr && s->expr->kind == QE_REGEX)
            add_unique(used, "@message");
        if (s->cmd == QCMD_FIELDS)
            for (guint j = 0; j < s->items->len; j++)
                add_unique(defined, ((QueryItem *)g_ptr_array_index(s->items, j))->name);
        if (s->cmd == QCMD_PARSE)
            for (guint j = 0; j < s->parse_names->len; j++)
                if (g_ptr_array_index(s->parse_names, j))
                    add_unique(defined, g_ptr_array_index(s->parse_names, j));
        if (s->cmd == QCMD_STATS)
            after_stats = TRUE;
    }
    if (!after_stats) {
        for (guint i = 0; i < q->columns->len; i++) {
            const char *c = g_ptr_array_index(q->columns, i);
            gboolean def = FALSE;
            for (guint j = 0; j < defined->len; j++)
                def = def || strcmp(g_ptr_array_index(defined, j), c) == 0;
            if (!def)
                add_unique(used, c);
        }
    }
    g_ptr_array_add(used, NULL);
    q->fields_used = used;
}

static gboolean
literal_is_plain(const char *s)
{
    if (!*s)
        return FALSE;
    double d;
    QueryValue v = { .kind = QV_STR, .str = s };
    if (qv_to_number(&v, &d))
        return FALSE; /* "443" also equals the number 443, written differently */
    for (const char *c = s; *c; c++)
        if ((unsigned char)*c < 0x20 || (unsigned char)*c >= 0x7f || *c == '"' || *c == '\\' ||
            *c == '/')
            return FALSE;
    return TRUE;
}

static void
collect_literals(const QueryExpr *e, GPtrArray *lits)
{
    if (e->kind == QE_BINARY && e->op == QOP_AND) {
        collect_literals(e->left, lits);
        collect_literals(e->right, lits);
        return;
    }
    if (e->kind != QE_BINARY || e->op != QOP_EQ)
        return;
    const QueryExpr *f = e->left, *l = e->right;
    if (f->kind == QE_LITERAL) {
        f = e->right;
        l = e->left;
    }
    if (f->kind == QE_FIELD && f->name[0] != '@' && l->kind == QE_LITERAL &&
        l->lit.kind == QV_STR && literal_is_plain(l->lit.str))
        add_unique(lits, l->lit.str);
}

/* Literals every passing record's raw text contains: from the `=` tests
 * joined by `and` in the filters that come first (only `fields` of plain,
 * unrenamed fields may precede them). */
static void
compute_literals(Query *q)
{
    q->literals = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < q->stages->len; i++) {
        QueryStage *s = g_ptr_array_index(q->stages, i);
        if (s->cmd == QCMD_FILTER) {
            collect_literals(s->expr, q->literals);
            continue;
        }
        if (s->cmd == QCMD_FIELDS || s->cmd == QCMD_DISPLAY) {
            gboolean plain = TRUE;
            for (guint j = 0; j < s->items->len; j++) {
                QueryItem *it = g_ptr_array_index(s->items, j);
                plain =
                    plain && it->expr->kind == QE_FIELD && strcmp(it->name, it->expr->name) == 0;
            }
            if (plain)
                continue;
        }
        break;
    }
}

Query *
query_parse(const char *text, const char *source, GError **error)
{
    g_return_val_if_fail(text != NULL, NULL);
    Query *q = g_new0(Query, 1);
    q->text = g_strdup(text);
    q->source = g_strdup(source ? source : "query");
    q->stages = g_ptr_array_new_with_free_func((GDestroyNotify)query_stage_free);
    q->default_limit = QUERY_DEFAULT_LIMIT;

    Parser p = { .q = q, .text = q->text, .error = error };
    if (!g_utf8_validate(text, -1, NULL)) {
        const char *bad;
        g_utf8_validate(text, -1, &bad);
        fail_at(&p, (int)(bad - text), QUERY_ERROR_SYNTAX, "the query is not valid UTF-8");
        query_free(q);
        return NULL;
    }
    query_lex(q->text, 0, FALSE, &p.tok);
    if (p.tok.kind == QT_ERROR)
        fail_at(&p, p.tok.start, QUERY_ERROR_SYNTAX, "%s", p.tok.error);
    if (!p.failed && p.tok.kind == QT_EOF)
        fail_at(&p, p.tok.start, QUERY_ERROR_SYNTAX, "empty query: expected a command");
    while (!p.failed) {
        QueryStage *s = parse_stage(&p);
        if (!s)
            break;
        g_ptr_array_add(q->stages, s);
        if (p.tok.kind == QT_EOF)
            break;
        advance(&p); /* | */
        if (!p.failed && p.tok.kind == QT_EOF)
            fail_at(&p, p.tok.start, QUERY_ERROR_SYNTAX, "expected a command after '|'");
    }
    query_token_clear(&p.tok);
    if (p.failed) {
        query_free(q);
        return NULL;
    }
    compute_columns(q);
    compute_fields_used(q);
    compute_literals(q);
    q->mctx = pcre2_match_context_create(NULL);
    pcre2_set_match_limit(q->mctx, QUERY_REGEX_MATCH_LIMIT);
    pcre2_set_depth_limit(q->mctx, QUERY_REGEX_DEPTH_LIMIT);
    return q;
}

Query *
query_parse_file(const char *path, GError **error)
{
    g_autofree char *text = NULL;
    gsize len;
    if (!g_file_get_contents(path, &text, &len, error))
        return NULL;
    if (strlen(text) != len) {
        g_set_error(error, QUERY_ERROR, QUERY_ERROR_SYNTAX, "%s: error: NUL byte in query file",
                    path);
        return NULL;
    }
    return query_parse(text, path, error);
}

void
query_free(Query *q)
{
    if (!q)
        return;
    g_free(q->text);
    g_free(q->source);
    if (q->stages)
        g_ptr_array_unref(q->stages);
    if (q->columns)
        g_ptr_array_unref(q->columns);
    if (q->column_paths)
        g_ptr_array_unref(q->column_paths);
    if (q->fields_used)
        g_ptr_array_unref(q->fields_used);
    if (q->literals)
        g_ptr_array_unref(q->literals);
    if (q->mctx)
        pcre2_match_context_free(q->mctx);
    if (q->result)
        query_result_free(q->result);
    g_free(q);
}

void
query_set_default_limit(Query *q, gint64 rows)
{
    q->default_limit = rows > 0 ? rows : QUERY_DEFAULT_LIMIT;
}

const char *const *
query_fields_used(const Query *q)
{
    return (const char *const *)q->fields_used->pdata;
}

gboolean
query_raw_may_match(const Query *q, const char *raw, gsize len)
{
    for (guint i = 0; i < q->literals->len; i++) {
        const char *lit = g_ptr_array_index(q->literals, i);
        if (!memmem(raw, len, lit, strlen(lit)))
            return FALSE;
    }
    return TRUE;
}
