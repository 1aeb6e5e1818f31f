/*
 * query_lex.c - the lexer of Logs Insights QL.  See query_lex.h.
 *
 * Field names: a word ([A-Za-z_@][A-Za-z0-9_]*) followed by ".segment"s,
 * where a segment may be digits (an array index, as in
 * event.alert.metadata.signature_severity.0) or `backquoted` (any text, for
 * names with dots or dashes).  Keywords (and, or, not, like, in, as, by,
 * asc, desc) are plain words here; the parser decides.
 * A number followed by a unit is a time period (bin(5m), datefloor(x, 1h)).
 */
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "query/query_lex.h"

void
query_token_clear(QueryToken *tok)
{
    g_free(tok->text);
    g_strfreev(tok->path);
    memset(tok, 0, sizeof *tok);
}

static gboolean
word_start(char c)
{
    return g_ascii_isalpha(c) || c == '_' || c == '@';
}
static gboolean
word_char(char c)
{
    return g_ascii_isalnum(c) || c == '_';
}

static int
skip_blank(const char *t, int pos)
{
    for (;;) {
        char c = t[pos];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            pos++;
        } else if (c == '#') {
            while (t[pos] != '\0' && t[pos] != '\n')
                pos++;
        } else {
            return pos;
        }
    }
}

static void
set_error(QueryToken *tok, int at, const char *msg)
{
    tok->kind = QT_ERROR;
    tok->start = at;
    tok->end = at + 1;
    tok->error = msg;
}

/* A `backquoted` segment; returns the offset after the closing quote, or -1. */
static int
lex_backquoted(const char *t, int pos, GString *seg)
{
    pos++; /* opening ` */
    while (t[pos] != '`') {
        if (t[pos] == '\0' || t[pos] == '\n')
            return -1;
        g_string_append_c(seg, t[pos++]);
    }
    return pos + 1;
}

static void
lex_ident(const char *t, int pos, QueryToken *tok)
{
    /* Owns its segments, so that an error part-way frees the ones read so
   * far (fuzzed: "`a`.`b" leaked "a"). */
    GPtrArray *segs = g_ptr_array_new_with_free_func(g_free);
    GString *seg = g_string_new(NULL);
    tok->kind = QT_IDENT;
    for (;;) {
        g_string_truncate(seg, 0);
        if (t[pos] == '`') {
            int next = lex_backquoted(t, pos, seg);
            if (next < 0) {
                set_error(tok, pos, "unterminated `backquoted` name");
                break;
            }
            tok->backquoted = TRUE;
            pos = next;
        } else {
            g_string_append_c(seg, t[pos++]);
            while (word_char(t[pos]))
                g_string_append_c(seg, t[pos++]);
        }
        g_ptr_array_add(segs, g_strdup(seg->str));
        if (t[pos] == '.' && (word_char(t[pos + 1]) || t[pos + 1] == '`' || t[pos + 1] == '@'))
            pos++;
        else
            break;
    }
    g_string_free(seg, TRUE);
    tok->end = pos;
    if (tok->kind == QT_ERROR) {
        g_ptr_array_free(segs, TRUE);
        return;
    }
    g_ptr_array_add(segs, NULL);
    tok->path = (char **)g_ptr_array_free(segs, FALSE);
    tok->text = g_strjoinv(".", tok->path);
}

typedef struct {
    const char *name;
    gint64 ms;
    int months;
} PeriodUnit;

static const PeriodUnit period_units[] = {
    { "ms", 1, 0 },
    { "msec", 1, 0 },
    { "millisecond", 1, 0 },
    { "milliseconds", 1, 0 },
    { "s", 1000, 0 },
    { "sec", 1000, 0 },
    { "secs", 1000, 0 },
    { "second", 1000, 0 },
    { "seconds", 1000, 0 },
    { "m", 60000, 0 },
    { "min", 60000, 0 },
    { "mins", 60000, 0 },
    { "minute", 60000, 0 },
    { "minutes", 60000, 0 },
    { "h", 3600000, 0 },
    { "hr", 3600000, 0 },
    { "hrs", 3600000, 0 },
    { "hour", 3600000, 0 },
    { "hours", 3600000, 0 },
    { "d", 86400000, 0 },
    { "day", 86400000, 0 },
    { "days", 86400000, 0 },
    { "w", 604800000, 0 },
    { "week", 604800000, 0 },
    { "weeks", 604800000, 0 },
    { "mo", 0, 1 },
    { "month", 0, 1 },
    { "months", 0, 1 },
    { "q", 0, 3 },
    { "qtr", 0, 3 },
    { "quarter", 0, 3 },
    { "quarters", 0, 3 },
    { "y", 0, 12 },
    { "yr", 0, 12 },
    { "year", 0, 12 },
    { "years", 0, 12 },
};

static void
lex_number(const char *t, int pos, QueryToken *tok)
{
    int start = pos;
    while (g_ascii_isdigit(t[pos]))
        pos++;
    if (t[pos] == '.' && g_ascii_isdigit(t[pos + 1])) {
        pos++;
        while (g_ascii_isdigit(t[pos]))
            pos++;
    }
    if ((t[pos] == 'e' || t[pos] == 'E') &&
        (g_ascii_isdigit(t[pos + 1]) ||
         ((t[pos + 1] == '+' || t[pos + 1] == '-') && g_ascii_isdigit(t[pos + 2])))) {
        pos += 2;
        while (g_ascii_isdigit(t[pos]))
            pos++;
    }
    g_autofree char *num = g_strndup(t + start, pos - start);
    tok->num = g_ascii_strtod(num, NULL);
    tok->kind = QT_NUMBER;
    if (g_ascii_isalpha(t[pos])) {
        int ustart = pos;
        while (g_ascii_isalpha(t[pos]))
            pos++;
        g_autofree char *unit = g_ascii_strdown(t + ustart, pos - ustart);
        tok->kind = QT_ERROR;
        for (gsize i = 0; i < G_N_ELEMENTS(period_units); i++) {
            if (strcmp(unit, period_units[i].name) == 0) {
                /* Bounded before the casts below, which are undefined for values
         * out of range (fuzzed: bin(3e20ms)): a million years at most. */
                if (!(tok->num * (double)period_units[i].ms <= 3.2e16) || tok->num > 1e7) {
                    tok->error = "time period too large";
                    tok->start = ustart;
                    tok->end = pos;
                    return;
                }
                tok->kind = QT_DURATION;
                tok->dur_ms = (gint64)(tok->num * (double)period_units[i].ms);
                tok->dur_months = (int)tok->num * period_units[i].months;
                break;
            }
        }
        if (tok->kind == QT_ERROR) {
            tok->error = "unknown time unit (expected ms, s, m, h, d, w, mo, q or y)";
            tok->start = ustart;
            tok->end = pos;
            return;
        }
    }
    tok->end = pos;
}

static void
lex_string(const char *t, int pos, QueryToken *tok)
{
    char quote = t[pos++];
    GString *s = g_string_new(NULL);
    for (;;) {
        char c = t[pos];
        if (c == '\0') {
            g_string_free(s, TRUE);
            set_error(tok, tok->start,
                      quote == '"' ? "unterminated string: missing closing \""
                                   : "unterminated string: missing closing '");
            return;
        }
        pos++;
        if (c == quote)
            break;
        if (c == '\\' && t[pos] != '\0') {
            char e = t[pos++];
            switch (e) {
            case 'n': g_string_append_c(s, '\n'); break;
            case 't': g_string_append_c(s, '\t'); break;
            case 'r': g_string_append_c(s, '\r'); break;
            case '\\':
            case '"':
            case '\'': g_string_append_c(s, e); break;
            default: /* keep unknown escapes as written (e.g. "\d" meant for a regex) */
                g_string_append_c(s, '\\');
                g_string_append_c(s, e);
            }
            continue;
        }
        g_string_append_c(s, c);
    }
    tok->kind = QT_STRING;
    tok->text = g_string_free(s, FALSE);
    tok->end = pos;
}

static void
lex_regex(const char *t, int pos, QueryToken *tok)
{
    pos++; /* opening / */
    GString *s = g_string_new(NULL);
    gboolean in_class = FALSE;
    for (;;) {
        char c = t[pos];
        if (c == '\0' || c == '\n') {
            g_string_free(s, TRUE);
            set_error(tok, tok->start, "unterminated regex: missing closing /");
            return;
        }
        pos++;
        if (c == '\\' && t[pos] != '\0' && t[pos] != '\n') {
            if (t[pos] == '/') {
                g_string_append_c(s, '/');
            } else {
                g_string_append_c(s, c);
                g_string_append_c(s, t[pos]);
            }
            pos++;
            continue;
        }
        if (c == '[')
            in_class = TRUE;
        else if (c == ']')
            in_class = FALSE;
        else if (c == '/' && !in_class)
            break;
        g_string_append_c(s, c);
    }
    tok->kind = QT_REGEX;
    while (g_ascii_isalpha(t[pos])) {
        switch (t[pos]) {
        case 'i': tok->re_flags |= PCRE2_CASELESS; break;
        case 'm': tok->re_flags |= PCRE2_MULTILINE; break;
        case 's': tok->re_flags |= PCRE2_DOTALL; break;
        case 'x': tok->re_flags |= PCRE2_EXTENDED; break;
        default:
            g_string_free(s, TRUE);
            set_error(tok, pos, "unknown regex flag (expected i, m, s or x)");
            return;
        }
        pos++;
    }
    tok->text = g_string_free(s, FALSE);
    tok->end = pos;
}

void
query_lex(const char *t, int pos, gboolean regex, QueryToken *tok)
{
    memset(tok, 0, sizeof *tok);
    pos = skip_blank(t, pos);
    tok->start = pos;
    tok->end = pos + 1;
    char c = t[pos];
    char n = c ? t[pos + 1] : '\0';
    if (c == '\0') {
        tok->kind = QT_EOF;
        tok->end = pos;
        return;
    }
    if (word_start(c) || c == '`') {
        lex_ident(t, pos, tok);
        return;
    }
    if (g_ascii_isdigit(c) || (c == '.' && g_ascii_isdigit(n))) {
        lex_number(t, pos, tok);
        return;
    }
    if (c == '"' || c == '\'') {
        lex_string(t, pos, tok);
        return;
    }
    if (c == '/' && regex) {
        lex_regex(t, pos, tok);
        return;
    }
    switch (c) {
    case '|': tok->kind = QT_PIPE; return;
    case ',': tok->kind = QT_COMMA; return;
    case '(': tok->kind = QT_LPAREN; return;
    case ')': tok->kind = QT_RPAREN; return;
    case '[': tok->kind = QT_LBRACK; return;
    case ']': tok->kind = QT_RBRACK; return;
    case '+': tok->kind = QT_PLUS; return;
    case '-': tok->kind = QT_MINUS; return;
    case '*': tok->kind = QT_STAR; return;
    case '/': tok->kind = QT_SLASH; return;
    case '%': tok->kind = QT_PERCENT; return;
    case '^': tok->kind = QT_CARET; return;
    case '=':
        if (n == '~') {
            tok->kind = QT_MATCH;
            tok->end = pos + 2;
        } else if (n == '=') {
            set_error(tok, pos, "'==' is not an operator: use '='");
        } else {
            tok->kind = QT_EQ;
        }
        return;
    case '!':
        if (n == '=') {
            tok->kind = QT_NE;
            tok->end = pos + 2;
        } else {
            set_error(tok, pos, "unexpected '!': use 'not' or '!='");
        }
        return;
    case '<':
        tok->kind = n == '=' ? QT_LE : QT_LT;
        tok->end = pos + (n == '=' ? 2 : 1);
        return;
    case '>':
        tok->kind = n == '=' ? QT_GE : QT_GT;
        tok->end = pos + (n == '=' ? 2 : 1);
        return;
    default: set_error(tok, pos, "unexpected character"); return;
    }
}

char *
query_token_describe(const char *text, const QueryToken *tok)
{
    if (tok->kind == QT_EOF)
        return g_strdup("end of query");
    int len = tok->end - tok->start;
    if (len > 40)
        len = 40;
    return g_strdup_printf("'%.*s'", len, text + tok->start);
}
