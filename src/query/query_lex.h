/*
 * query_lex.h - tokens of Logs Insights QL (internal to src/query).
 *
 * The lexer is a pure function of a byte offset: the parser asks for the
 * token at a position, so it can look two tokens ahead ("not like") and
 * re-read a '/' as the start of a regex where an operand is expected
 * (`like /x/`) but as division after an operand (`bytes / 1024`).
 */
#ifndef NFW_QUERY_LEX_H
#define NFW_QUERY_LEX_H

#include <glib.h>

typedef enum {
    QT_EOF,
    QT_ERROR,
    QT_IDENT,    /* field path or word: text = canonical dotted name, path = segments */
    QT_NUMBER,   /* num */
    QT_DURATION, /* 5m, 1h, 2mo: dur_ms or dur_months */
    QT_STRING,   /* text = decoded contents */
    QT_REGEX,    /* text = pattern, flags */
    QT_PIPE,
    QT_COMMA,
    QT_LPAREN,
    QT_RPAREN,
    QT_LBRACK,
    QT_RBRACK,
    QT_EQ,
    QT_NE,
    QT_LT,
    QT_LE,
    QT_GT,
    QT_GE,
    QT_MATCH,
    QT_PLUS,
    QT_MINUS,
    QT_STAR,
    QT_SLASH,
    QT_PERCENT,
    QT_CARET,
} QueryTokKind;

typedef struct {
    QueryTokKind kind;
    int start, end;      /* byte offsets in the query text */
    char *text;          /* owned */
    char **path;         /* owned (QT_IDENT) */
    gboolean backquoted; /* QT_IDENT: some segment was `quoted` */
    double num;
    gint64 dur_ms;
    int dur_months;
    guint32 re_flags;  /* PCRE2 options from /re/i... */
    const char *error; /* QT_ERROR: static message; error position = start */
} QueryToken;

/* The token starting at or after `pos` (whitespace and # comments skipped).
 * `regex`: read a '/' as a regex literal. */
void query_lex(const char *text, int pos, gboolean regex, QueryToken *tok);
void query_token_clear(QueryToken *tok);
/* "','", "end of query", "'fields'"... for messages; caller frees. */
char *query_token_describe(const char *text, const QueryToken *tok);

#endif
