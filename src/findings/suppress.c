/*
 * suppress.c - accepted findings (suppress.h): the comment form and the
 * matching of suppressions to findings.
 *
 * Decisions:
 *  - The comment reads `ignore CHECK[,CHECK...] [until YYYY-MM-DD] REASON`
 *    ("ignore all" or "ignore *" for every check); a reason is required,
 *    since an accepted finding nobody can explain later is a hidden one.
 *  - A suppression matches a finding of one of its checks when both name
 *    a sid and the sids (and the groups, when the suppression names one)
 *    are equal; without a sid on either side, by the rule's file and line;
 *    a Suppressions entry with a group and no sid covers the whole group.
 *  - Dates compare as text: "YYYY-MM-DD" sorts as the dates do.  A
 *    suppression expires at the end of its day (UTC).
 */
#include "findings/suppress.h"

#include <string.h>

#include "findings/checks.h"

const char *const suppression_check_ids[] = {
    "suppression-expired",
    NULL,
};

Suppression *
suppression_new(void)
{
    Suppression *s = g_new0(Suppression, 1);
    s->checks = g_ptr_array_new_with_free_func(g_free);
    return s;
}

void
suppression_free(Suppression *s)
{
    if (s == NULL)
        return;
    g_ptr_array_unref(s->checks);
    g_free(s->group);
    g_free(s->file);
    g_free(s->reason);
    g_free(s->expires);
    g_free(s->where.file);
    g_free(s);
}

static gboolean
is_date(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return FALSE;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !g_ascii_isdigit(s[i]))
            return FALSE;
    int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

Suppression *
suppression_parse_comment(const char *text, char **error)
{
    g_autofree char *copy = g_strstrip(g_strdup(text));
    char **words = g_strsplit_set(copy, " \t", -1);
    GPtrArray *w = g_ptr_array_new();
    for (char **p = words; *p; p++)
        if (**p)
            g_ptr_array_add(w, *p);
    Suppression *s = NULL;
    guint i = 0;
    if (w->len < 2 || strcmp(g_ptr_array_index(w, 0), "ignore") != 0) {
        *error = g_strdup("expected 'ignore CHECK[,CHECK] [until YYYY-MM-DD] REASON'");
        goto out;
    }
    s = suppression_new();
    char **ids = g_strsplit(g_ptr_array_index(w, 1), ",", -1);
    for (char **id = ids; *id; id++) {
        if (**id == '\0')
            continue;
        if (strcmp(*id, "all") == 0 || strcmp(*id, "*") == 0)
            continue; /* empty list: every check */
        if (check_lookup(*id) == NULL) {
            *error =
                g_strdup_printf("unknown check '%s' (see 'nfw-advisor lint --list-checks')", *id);
            g_strfreev(ids);
            suppression_free(s);
            s = NULL;
            goto out;
        }
        g_ptr_array_add(s->checks, g_strdup(*id));
    }
    g_strfreev(ids);
    i = 2;
    if (i + 1 < w->len && strcmp(g_ptr_array_index(w, i), "until") == 0) {
        const char *date = g_ptr_array_index(w, i + 1);
        if (!is_date(date)) {
            *error = g_strdup_printf("'until %s': the date must be YYYY-MM-DD", date);
            suppression_free(s);
            s = NULL;
            goto out;
        }
        s->expires = g_strdup(date);
        i += 2;
    }
    GString *reason = g_string_new(NULL);
    for (; i < w->len; i++)
        g_string_append_printf(reason, "%s%s", reason->len ? " " : "",
                               (char *)g_ptr_array_index(w, i));
    if (reason->len == 0) {
        *error = g_strdup("a reason is required after the check ids (and the date)");
        g_string_free(reason, TRUE);
        suppression_free(s);
        s = NULL;
        goto out;
    }
    s->reason = g_string_free(reason, FALSE);
out:
    g_ptr_array_unref(w);
    g_strfreev(words);
    return s;
}

static gboolean
in_list(const GPtrArray *list, const char *s)
{
    for (guint i = 0; i < list->len; i++)
        if (strcmp(g_ptr_array_index(list, i), s) == 0)
            return TRUE;
    return FALSE;
}

static gboolean
covers(const Suppression *s, const Finding *f)
{
    if (s->checks->len > 0 && !in_list(s->checks, f->check))
        return FALSE;
    if (s->has_sid) {
        if (f->has_sid)
            return s->sid == f->sid && (s->group == NULL || g_strcmp0(s->group, f->group) == 0);
        /* a finding of that rule without a sid: by the rule's place */
        return s->file != NULL && f->loc.file != NULL && s->line == f->loc.line &&
               strcmp(s->file, f->loc.file) == 0;
    }
    if (s->file != NULL)
        return f->loc.file != NULL && s->line == f->loc.line && strcmp(s->file, f->loc.file) == 0;
    return s->group != NULL && g_strcmp0(s->group, f->group) == 0;
}

void
suppressions_apply(GPtrArray *suppressions, GPtrArray *findings, const char *today)
{
    if (suppressions == NULL)
        return;
    guint n = findings->len; /* the expiry warnings appended below are not matched */
    for (guint k = 0; k < suppressions->len; k++) {
        Suppression *s = g_ptr_array_index(suppressions, k);
        if (s->expires != NULL && today != NULL && strcmp(s->expires, today) < 0) {
            Finding *f = finding_new_printf(
                "suppression-expired", &s->where,
                "this suppression (%s%s) expired on %s: the findings it covered count again; "
                "renew it with a new date or fix them",
                s->checks->len ? "of " : "every check",
                s->checks->len ? (char *)g_ptr_array_index(s->checks, 0) : "", s->expires);
            g_ptr_array_add(findings, f);
            continue;
        }
        for (guint i = 0; i < n; i++) {
            Finding *f = g_ptr_array_index(findings, i);
            if (f->status != FINDING_ACTIVE || !covers(s, f))
                continue;
            finding_set_status(
                f, s->inline_comment ? FINDING_SUPPRESSED_INLINE : FINDING_SUPPRESSED_FILE,
                s->reason, s->expires, &s->where);
            s->used++;
        }
    }
}
