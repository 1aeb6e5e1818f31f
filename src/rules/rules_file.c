/*
 * rules_file.c - Suricata rule text to Rules (see rules_file.h).
 *
 * Lines are joined on a trailing '\' as suricata does (the backslash and the
 * newline are dropped).  A '#' line is a comment, unless what follows the
 * '#' parses as a rule: then it is a disabled rule, as suricata-update
 * treats it.  Problems never stop the file: each becomes a diagnostic.
 */
#include "rules/rules_file.h"

#include <string.h>

/* A rule has at most RULE_TEXT_MAX - 1 bytes (rule_parse says so for each
 * one).  Far longer lines are surely not rules: report them without
 * joining or parsing so a hostile file cannot make us quadratic. */
#define RULE_LINE_MAX (1024 * 1024)

/* Rules are nearly always ASCII: checking that first is several times
 * cheaper than g_utf8_validate, which then runs only on the rare rest. */
static gboolean
text_is_ascii(const char *s, gsize len)
{
    guchar any = 0;
    for (gsize i = 0; i < len; i++)
        any |= (guchar)s[i];
    return any < 0x80;
}

static gboolean
looks_like_rule_start(const char *s)
{
    static const char *const actions[] = {
        "alert", "pass", "drop", "reject", "rejectsrc", "rejectdst", "rejectboth", NULL,
    };
    for (const char *const *a = actions; *a; a++) {
        gsize n = strlen(*a);
        if (g_ascii_strncasecmp(s, *a, n) == 0 && (s[n] == ' ' || s[n] == '\t'))
            return TRUE;
    }
    return FALSE;
}

void
rules_text_diag_free(RulesTextDiag *d)
{
    if (d == NULL)
        return;
    g_free(d->message);
    g_free(d->source_line);
    g_free(d);
}

/* Takes ownership of `message`. */
static void
add_diag(GPtrArray *diags, const char *check, int line, int column, const char *source_line,
         int source_column, char *message)
{
    RulesTextDiag *d = g_new0(RulesTextDiag, 1);
    d->check = check;
    d->line = line;
    d->column = column;
    d->message = message;
    d->source_line = g_strdup(source_line);
    d->source_column = source_line != NULL ? source_column : 1;
    g_ptr_array_add(diags, d);
}

/* Parse one logical rule; `column` is where its text starts on `line`. */
static void
parse_logical(const char *text, const char *file, int line, int column, int line_count,
              gboolean disabled, const RuleParseOptions *opts, GPtrArray *rules, GPtrArray *diags)
{
    SourceLoc loc = { (char *)file, line, column };
    RuleDiag diag;
    Rule *rule = rule_parse_with(text, &loc, opts, &diag);
    if (rule != NULL) {
        rule->line_count = line_count;
        if (disabled)
            rule->flags |= RULE_F_DISABLED;
        g_ptr_array_add(rules, rule);
        /* accepted, but Suricata would load nothing for it */
        if (diag.message != NULL && !disabled)
            add_diag(diags, diag.check, line, column, text, column, g_strdup(diag.message));
        rule_diag_clear(&diag);
        return;
    }
    if (!disabled) {
        int col = column + (diag.offset >= 0 ? (int)g_utf8_strlen(text, diag.offset) : 0);
        if (diag.offset >= 0 && !g_utf8_validate(text, diag.offset, NULL))
            col = column + diag.offset;
        add_diag(diags, diag.check, line, col, text, column, g_strdup(diag.message));
    }
    rule_diag_clear(&diag);
}

void
rules_text_parse(const char *text, gsize len, const char *file, int first_line, GPtrArray *rules,
                 GPtrArray *diags)
{
    rules_text_parse_with(text, len, file, first_line, NULL, rules, diags);
}

void
rules_text_parse_with(const char *text, gsize len, const char *file, int first_line,
                      const RuleParseOptions *opts, GPtrArray *rules, GPtrArray *diags)
{
    GString *logical = g_string_new(NULL);
    int logical_line = 0; /* line where the current logical rule started */
    int logical_column = 1;
    int logical_lines = 0;
    int line_no = first_line - 1;
    gsize pos = 0;

    while (pos < len) {
        const char *start = text + pos;
        const char *nl = memchr(start, '\n', len - pos);
        gsize line_len = nl ? (gsize)(nl - start) : len - pos;
        pos += line_len + (nl ? 1 : 0);
        line_no++;
        if (line_len > 0 && start[line_len - 1] == '\r')
            line_len--;

        if (memchr(start, '\0', line_len) != NULL) {
            add_diag(diags, "syntax", line_no,
                     (int)((const char *)memchr(start, '\0', line_len) - start) + 1, NULL, 1,
                     g_strdup("NUL byte in rule text"));
            g_string_truncate(logical, 0);
            logical_lines = 0;
            continue;
        }
        if (line_len > RULE_LINE_MAX) {
            add_diag(diags, "syntax", line_no, 1, NULL, 1,
                     g_strdup_printf("line of %" G_GSIZE_FORMAT " bytes is too long to be a rule",
                                     line_len));
            g_string_truncate(logical, 0);
            logical_lines = 0;
            continue;
        }
        if (!text_is_ascii(start, line_len) && !g_utf8_validate(start, line_len, NULL)) {
            const char *bad = NULL;
            g_utf8_validate(start, line_len, &bad);
            add_diag(diags, "syntax", line_no, (int)(bad - start) + 1, NULL, 1,
                     g_strdup("invalid UTF-8 in rule text"));
            g_string_truncate(logical, 0);
            logical_lines = 0;
            continue;
        }

        if (logical_lines == 0) {
            /* A new logical line starts: skip leading blanks. */
            gsize skip = 0;
            while (skip < line_len && (start[skip] == ' ' || start[skip] == '\t'))
                skip++;
            logical_line = line_no;
            logical_column = (int)skip + 1;
            start += skip;
            line_len -= skip;
        }
        gboolean continued = line_len > 0 && start[line_len - 1] == '\\';
        g_string_append_len(logical, start, continued ? line_len - 1 : line_len);
        logical_lines++;
        if (continued && pos < len)
            continue;

        /* A complete logical line. */
        char *s = logical->str;
        gsize n = logical->len;
        while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
            s[--n] = '\0';
        logical->len = n;
        if (n == 0) {
            /* blank */
        } else if (s[0] == '#') {
            const char *body = s + 1;
            while (*body == ' ' || *body == '\t' || *body == '#')
                body++;
            if (looks_like_rule_start(body))
                parse_logical(body, file, logical_line, logical_column + (int)(body - s),
                              logical_lines, TRUE, opts, rules, diags);
        } else {
            parse_logical(s, file, logical_line, logical_column, logical_lines, FALSE, opts, rules,
                          diags);
        }
        g_string_truncate(logical, 0);
        logical_lines = 0;
    }
    g_string_free(logical, TRUE);
}

gboolean
rules_text_sniff(const char *text, gsize len)
{
    gsize i = 0;
    /* Skip a UTF-8 BOM and whitespace. */
    if (len >= 3 && (guchar)text[0] == 0xEF && (guchar)text[1] == 0xBB && (guchar)text[2] == 0xBF)
        i = 3;
    while (i < len && g_ascii_isspace(text[i]))
        i++;
    return i >= len || (text[i] != '{' && text[i] != '[');
}
