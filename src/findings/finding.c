/*
 * finding.c - life cycle of Findings (finding.h).
 */
#include "findings/finding.h"

#include <string.h>

#include "findings/checks.h"

Finding *
finding_new(const char *check, const SourceLoc *loc, const char *message)
{
    const CheckInfo *info = check_lookup(check);
    g_assert(info != NULL); /* every check id must be in the table */
    Finding *f = g_new0(Finding, 1);
    f->check = info->id;
    f->severity = info->severity;
    f->message = g_strdup(message);
    if (loc != NULL) {
        f->loc.file = g_strdup(loc->file);
        f->loc.line = loc->line;
        f->loc.column = loc->column;
    }
    f->related = g_ptr_array_new();
    f->source_column = 1;
    return f;
}

Finding *
finding_new_printf(const char *check, const SourceLoc *loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *message = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    Finding *f = finding_new(check, loc, message);
    g_free(message);
    return f;
}

static void
related_free(RelatedLoc *r)
{
    g_free(r->loc.file);
    g_free(r->message);
    g_free(r);
}

void
finding_free(Finding *f)
{
    if (f == NULL)
        return;
    g_free(f->message);
    g_free(f->loc.file);
    g_free(f->source_line);
    g_free(f->group);
    g_free(f->fix);
    g_free(f->status_reason);
    g_free(f->status_expires);
    g_free(f->status_loc.file);
    for (guint i = 0; i < f->related->len; i++)
        related_free(g_ptr_array_index(f->related, i));
    g_ptr_array_free(f->related, TRUE);
    g_free(f);
}

void
finding_set_rule(Finding *f, const Rule *rule, const char *group)
{
    f->sid = rule->sid;
    f->has_sid = (rule->flags & RULE_F_HAS_SID) != 0;
    g_free(f->source_line);
    f->source_line = g_strdup(rule->text);
    f->source_column = rule->loc.column > 0 ? rule->loc.column : 1;
    if (group != NULL && f->group == NULL)
        f->group = g_strdup(group);
    if (f->loc.file == NULL) {
        f->loc.file = g_strdup(rule->loc.file);
        f->loc.line = rule->loc.line;
        f->loc.column = rule->loc.column;
    }
}

void
finding_set_fix(Finding *f, const char *fix)
{
    g_free(f->fix);
    f->fix = g_strdup(fix);
}

void
finding_add_related(Finding *f, const SourceLoc *loc, const char *message)
{
    RelatedLoc *r = g_new0(RelatedLoc, 1);
    r->loc.file = g_strdup(loc->file);
    r->loc.line = loc->line;
    r->loc.column = loc->column;
    r->message = g_strdup(message);
    g_ptr_array_add(f->related, r);
}

static const char *const severity_names[] = {
    [SEVERITY_NONE] = "none",
    [SEVERITY_NOTE] = "note",
    [SEVERITY_WARNING] = "warning",
    [SEVERITY_ERROR] = "error",
};

const char *
severity_name(Severity severity)
{
    return severity_names[severity];
}

gboolean
severity_from_string(const char *s, Severity *out)
{
    for (guint i = 0; i < G_N_ELEMENTS(severity_names); i++) {
        if (strcmp(s, severity_names[i]) == 0) {
            *out = (Severity)i;
            return TRUE;
        }
    }
    return FALSE;
}

static int
compare_findings(gconstpointer a, gconstpointer b)
{
    const Finding *x = *(Finding *const *)a;
    const Finding *y = *(Finding *const *)b;
    int c = g_strcmp0(x->loc.file, y->loc.file);
    if (c != 0)
        return c;
    if (x->loc.line != y->loc.line)
        return x->loc.line < y->loc.line ? -1 : 1;
    if (x->loc.column != y->loc.column)
        return x->loc.column < y->loc.column ? -1 : 1;
    c = strcmp(x->check, y->check);
    if (c != 0)
        return c;
    return g_strcmp0(x->message, y->message);
}

gint
finding_compare_severity(gconstpointer a, gconstpointer b)
{
    const Finding *x = *(Finding *const *)a, *y = *(Finding *const *)b;
    return (int)y->severity - (int)x->severity;
}

void
findings_sort(GPtrArray *findings)
{
    g_ptr_array_sort(findings, compare_findings);
}

void
finding_set_status(Finding *f, FindingStatus status, const char *reason, const char *expires,
                   const SourceLoc *where)
{
    f->status = status;
    g_free(f->status_reason);
    f->status_reason = g_strdup(reason);
    g_free(f->status_expires);
    f->status_expires = g_strdup(expires);
    g_free(f->status_loc.file);
    f->status_loc.file = where ? g_strdup(where->file) : NULL;
    f->status_loc.line = where ? where->line : 0;
    f->status_loc.column = 0;
}

const char *
finding_status_name(FindingStatus status)
{
    switch (status) {
    case FINDING_SUPPRESSED_INLINE:
    case FINDING_SUPPRESSED_FILE: return "suppressed";
    case FINDING_BASELINED: return "baselined";
    default: return NULL;
    }
}
