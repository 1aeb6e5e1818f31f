/*
 * suppress.h - accepted findings: suppressions written beside the rules
 * (a comment before a rule, a Suppressions side file), matched to findings
 * by check, rule group and sid (or the rule's file and line when it has no
 * sid), with an optional expiry date.  Internal to src/findings: other
 * parts include findings.h.
 */
#ifndef NFW_FINDINGS_SUPPRESS_H
#define NFW_FINDINGS_SUPPRESS_H

#include <glib.h>

#include "findings/finding.h"

typedef struct {
    GPtrArray *checks; /* char* check ids; empty: every check */
    char *group;       /* rule group name, NULL: any */
    gboolean has_sid;
    guint64 sid;
    char *file; /* with `line`: the rule's place, for rules without a sid */
    int line;
    char *reason;
    char *expires;           /* "YYYY-MM-DD", NULL when it does not expire */
    SourceLoc where;         /* where the suppression is written (owned file) */
    gboolean inline_comment; /* a comment before the rule (else a Suppressions file) */
    guint used;              /* findings it suppressed */
} Suppression;

Suppression *suppression_new(void);
void suppression_free(Suppression *s);

/* The comment form, the text after "nfw-advisor:" (e.g. "ignore
 * pass-without-alert,shadowed-rule until 2025-12-31 reviewed by J.").  NULL
 * with *error (caller frees) when it does not read. */
Suppression *suppression_parse_comment(const char *text, char **error);

/* Marks the findings each suppression covers (status, reason).  A
 * suppression whose expiry date is before `today` ("YYYY-MM-DD", UTC)
 * suppresses nothing: a `suppression-expired` warning at its place is
 * appended to `findings` instead. */
void suppressions_apply(GPtrArray *suppressions, GPtrArray *findings, const char *today);

/* The check ids suppressions_apply() produces (NULL-terminated), for the
 * check registry: it is their one producer. */
extern const char *const suppression_check_ids[];

#endif
