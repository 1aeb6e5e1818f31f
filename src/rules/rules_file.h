/*
 * rules_file.h - Suricata rule text (a .rules file, or an NFW RulesString)
 * to Rules: one rule per line, '\' continuations, '#' comments, blank lines,
 * and commented-out rules ("# alert ...") kept as disabled rules.
 */
#ifndef NFW_RULES_RULES_FILE_H
#define NFW_RULES_RULES_FILE_H

#include <glib.h>

#include "rules/rule.h"

/* Why a line of rule text gave no rule: plain facts, which src/policy
 * turns into Findings of the rule group (policy knows the group). */
typedef struct {
    const char *check; /* static check id: "syntax", "unknown-keyword", "invalid-option" */
    int line, column;  /* 1-based, in the text's file */
    char *message;
    char *source_line; /* the rule text, for a caret; NULL when none */
    int source_column; /* column at which source_line starts */
} RulesTextDiag;

/* For g_ptr_array_new_with_free_func. */
void rules_text_diag_free(RulesTextDiag *diag);

/* Parse `len` bytes of rule text.  `file` names the origin in locations
 * (e.g. "egress.rules" or "group.json[RulesString]"); `first_line` is the
 * line number of the text's first line (1 for a file).  Accepted rules
 * (disabled ones with RULE_F_DISABLED) are appended to `rules` (Rule*,
 * ownership passes to the array); every rule Suricata would reject becomes
 * a RulesTextDiag (check "syntax", "unknown-keyword" or "invalid-option")
 * with line:column, appended to `diags` (owned by the array).  Never
 * fails: NUL bytes, invalid UTF-8 and over-long lines are diagnostics too. */
void rules_text_parse(const char *text, gsize len, const char *file, int first_line,
                      GPtrArray *rules, GPtrArray *diags);
/* The same with parse options (NULL = defaults, rule.h).  A rule Suricata
 * accepts but would skip (RULE_F_SKIPPED) is kept and also gets a
 * diagnostic (check "rule-skipped") saying why. */
void rules_text_parse_with(const char *text, gsize len, const char *file, int first_line,
                           const RuleParseOptions *opts, GPtrArray *rules, GPtrArray *diags);

/* TRUE when the bytes look like rule text rather than JSON. */
gboolean rules_text_sniff(const char *text, gsize len);

#endif
