/*
 * finding.h - the one representation of something the advisor reports,
 * shared by every check (static or log-based) and every renderer.
 *
 * A finding has a stable check id (see checks.h), a severity, a location,
 * a message saying what is wrong and why it matters, and optionally a fix
 * (rule text to add, move or change) and related locations (the rule that
 * shadows this one, the twin that sits in the wrong place, ...).
 * Ownership: a Finding owns every string it points to except `check`, which
 * points into the static check table.  Internal to src/findings: other
 * parts include findings.h.
 */
#ifndef NFW_FINDINGS_FINDING_H
#define NFW_FINDINGS_FINDING_H

#include <glib.h>

#include "rules/rules.h"

typedef enum {
    SEVERITY_NONE = 0, /* only for --fail-on none */
    SEVERITY_NOTE,
    SEVERITY_WARNING,
    SEVERITY_ERROR,
} Severity;

typedef struct {
    SourceLoc loc;
    char *message;
} RelatedLoc;

/* Whether a finding counts for --fail-on: suppressed (a comment before
 * the rule, a Suppressions file) and baselined findings are shown, marked,
 * and counted apart. */
typedef enum {
    FINDING_ACTIVE = 0,
    FINDING_SUPPRESSED_INLINE, /* "# nfw-advisor: ignore CHECK ..." before the rule */
    FINDING_SUPPRESSED_FILE,   /* a Suppressions side file */
    FINDING_BASELINED,         /* in the --baseline report */
} FindingStatus;

typedef struct {
    const char *check; /* static, from the check table */
    Severity severity;
    char *message;
    SourceLoc loc;     /* file may be NULL when not about a file */
    char *source_line; /* the text at loc, for caret display; may be NULL */
    int source_column; /* column (1-based) at which source_line starts */
    char *group;       /* rule group name, NULL when not about a group */
    guint64 sid;
    gboolean has_sid;
    char *fix;          /* NULL when there is no mechanical fix */
    GPtrArray *related; /* RelatedLoc*, never NULL */
    FindingStatus status;
    char *status_reason;  /* the suppression's reason, NULL when none */
    char *status_expires; /* "YYYY-MM-DD", NULL when it does not expire */
    SourceLoc status_loc; /* where the suppression is written (file NULL: baseline) */
} Finding;

/* New finding with a copy of `message`; severity from the check table
 * unless overridden later. */
Finding *finding_new(const char *check, const SourceLoc *loc, const char *message);
Finding *finding_new_printf(const char *check, const SourceLoc *loc, const char *fmt, ...)
    G_GNUC_PRINTF(3, 4);
void finding_free(Finding *finding);

/* Attach facts about a rule: sid, caret line, the rule's location when the
 * finding has none, and `group` (the rule group's name, may be NULL) when
 * the finding has no group yet.  Rules in a policy: policy_finding_set_rule
 * (policy.h) passes the rule's group. */
void finding_set_rule(Finding *finding, const Rule *rule, const char *group);
void finding_set_fix(Finding *finding, const char *fix);
void finding_add_related(Finding *finding, const SourceLoc *loc, const char *message);

/* Suppressed or baselined: shown, not counted for --fail-on. */
void finding_set_status(Finding *finding, FindingStatus status, const char *reason,
                        const char *expires, const SourceLoc *where);
const char *finding_status_name(FindingStatus status); /* "suppressed", "baselined", NULL */

const char *severity_name(Severity severity);
gboolean severity_from_string(const char *s, Severity *out);

/* Sort by file, line, column, then check id: stable output for diffs. */
void findings_sort(GPtrArray *findings);
/* For g_ptr_array_sort() of Finding*: most severe first (the sort is
 * stable, so the order within a severity stays). */
gint finding_compare_severity(gconstpointer a, gconstpointer b);

#endif
