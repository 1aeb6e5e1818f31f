/*
 * suppressions.c - where users accept findings: a comment on the line
 * before a rule, in any rule text (.rules files, RulesString, a template's
 * RulesString block),
 *
 *     # nfw-advisor: ignore pass-without-alert until 2025-12-31 logged by the twin group
 *     pass tls $HOME_NET any -> any 443 (...; sid:10;)
 *
 * and a Suppressions side file (JSON, detected by its member) for inputs
 * that cannot hold comments (rule-group JSON, domain lists, Terraform):
 *
 *     {"Suppressions": [{"Check": "pass-without-alert", "Group": "egress",
 *                        "Sid": 10, "Reason": "...", "Expires": "2025-12-31"}]}
 *
 * Decisions:
 *  - A comment suppresses findings of the rule that follows it (blank and
 *    comment lines in between are skipped), by that rule's group and sid,
 *    or by its place when it has none (a rule Suricata rejects).
 *  - A comment that does not read (unknown check id, no reason, a bad
 *    date) is a `syntax` error at its line: a typing error must not hide
 *    findings, nor be silently ignored.
 *  - A Suppressions entry names a Check (or Checks, or none: every check),
 *    and a Sid and/or a Group; a Reason is required.
 */
#include "policy/policy_internal.h"

#include <string.h>

#define MARKER "nfw-advisor:"

static void
bad_suppression(GPtrArray *findings, const char *file, int line, const char *group,
                const char *what)
{
    SourceLoc loc = { (char *)file, line, 0 };
    Finding *f = finding_new_printf("syntax", &loc, "nfw-advisor suppression comment: %s", what);
    f->group = g_strdup(group);
    g_ptr_array_add(findings, f);
}

/* The text after "# nfw-advisor:" on this line, or NULL. */
static const char *
marker_text(const char *line, gsize len, gsize *rest_len)
{
    gsize p = 0;
    while (p < len && g_ascii_isspace(line[p]))
        p++;
    if (p >= len || line[p] != '#')
        return NULL;
    p++;
    while (p < len && g_ascii_isspace(line[p]))
        p++;
    gsize m = strlen(MARKER);
    if (len - p < m || strncmp(line + p, MARKER, m) != 0)
        return NULL;
    *rest_len = len - p - m;
    return line + p + m;
}

static gboolean
is_blank_or_comment(const char *line, gsize len)
{
    gsize p = 0;
    while (p < len && g_ascii_isspace(line[p]))
        p++;
    return p >= len || line[p] == '#';
}

void
rule_group_scan_suppressions(RuleGroup *group, const char *text, gsize len, const char *file,
                             const EmbedMap *map, guint first_rule, GPtrArray *findings)
{
    if (memmem(text, len, MARKER, strlen(MARKER)) == NULL)
        return;
    /* Line starts of the text. */
    GArray *starts = g_array_new(FALSE, FALSE, sizeof(gsize));
    gsize zero = 0;
    g_array_append_val(starts, zero);
    for (gsize i = 0; i < len; i++)
        if (text[i] == '\n') {
            gsize n = i + 1;
            g_array_append_val(starts, n);
        }
    guint nlines = starts->len;
    for (guint k = 0; k < nlines; k++) {
        gsize s = g_array_index(starts, gsize, k);
        gsize e = k + 1 < nlines ? g_array_index(starts, gsize, k + 1) - 1 : len;
        gsize rest_len = 0;
        const char *rest = marker_text(text + s, e - s, &rest_len);
        if (rest == NULL)
            continue;
        int comment_line = (int)k + 1, col = 0;
        if (map != NULL)
            embed_map_locate(map, comment_line, 1, &comment_line, &col);
        g_autofree char *body = g_strndup(rest, rest_len);
        char *error = NULL;
        Suppression *sup = suppression_parse_comment(body, &error);
        if (sup == NULL) {
            bad_suppression(findings, file, comment_line, group->name, error);
            g_free(error);
            continue;
        }
        /* The rule it is about: the next line that is not blank or a comment. */
        guint t = k + 1;
        for (; t < nlines; t++) {
            gsize ts = g_array_index(starts, gsize, t);
            gsize te = t + 1 < nlines ? g_array_index(starts, gsize, t + 1) - 1 : len;
            if (!is_blank_or_comment(text + ts, te - ts))
                break;
        }
        if (t >= nlines) {
            bad_suppression(findings, file, comment_line, group->name, "no rule follows it");
            suppression_free(sup);
            continue;
        }
        int target = (int)t + 1, target_col = 0;
        for (guint i = first_rule; i < group->rules->len; i++) {
            const Rule *r = g_ptr_array_index(group->rules, i);
            if (r->loc.line == target && r->sid != 0) {
                sup->has_sid = TRUE;
                sup->sid = r->sid;
                break;
            }
        }
        if (map != NULL)
            embed_map_locate(map, target, 1, &target, &target_col);
        sup->group = g_strdup(group->name);
        sup->file = g_strdup(file);
        sup->line = target;
        sup->where.file = g_strdup(file);
        sup->where.line = comment_line;
        sup->inline_comment = TRUE;
        g_ptr_array_add(group->suppressions, sup);
    }
    g_array_free(starts, TRUE);
}

static const char *
str_of(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItem(obj, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

gboolean
policy_load_suppressions(Policy *policy, const char *file, const cJSON *root,
                         const JsonLocIndex *locs, GError **error)
{
    const cJSON *list = cJSON_GetObjectItem(root, "Suppressions");
    if (!cJSON_IsArray(list)) {
        g_set_error(error, POLICY_ERROR, POLICY_ERROR_FORMAT,
                    "%s:%d:1: Suppressions must be an array of {Check, Sid, Group, Reason, "
                    "Expires}",
                    file, json_loc_line(locs, "Suppressions"));
        return FALSE;
    }
    const cJSON *item;
    int i = 0;
    cJSON_ArrayForEach(item, list)
    {
        g_autofree char *path = g_strdup_printf("Suppressions[%d]", i++);
        int line = json_loc_line(locs, path);
        const char *problem = NULL;
        Suppression *s = suppression_new();
        const char *check = str_of(item, "Check");
        const cJSON *checks = cJSON_GetObjectItem(item, "Checks");
        if (check != NULL)
            g_ptr_array_add(s->checks, g_strdup(check));
        const cJSON *c;
        cJSON_ArrayForEach(c, checks)
        {
            if (cJSON_IsString(c))
                g_ptr_array_add(s->checks, g_strdup(c->valuestring));
        }
        for (guint k = 0; k < s->checks->len && problem == NULL; k++)
            if (check_lookup(g_ptr_array_index(s->checks, k)) == NULL)
                problem = "an unknown check id (see 'nfw-advisor lint --list-checks')";
        const cJSON *sid = cJSON_GetObjectItem(item, "Sid");
        if (cJSON_IsNumber(sid) && sid->valuedouble >= 1 && sid->valuedouble < 4294967296.0) {
            s->has_sid = TRUE;
            s->sid = (guint64)sid->valuedouble;
        } else if (sid != NULL) {
            problem = "Sid must be a number from 1";
        }
        s->group = g_strdup(str_of(item, "Group"));
        s->reason = g_strdup(str_of(item, "Reason"));
        const char *expires = str_of(item, "Expires");
        if (expires != NULL) {
            char *err = NULL;
            g_autofree char *probe = g_strdup_printf("ignore all until %s x", expires);
            Suppression *p = suppression_parse_comment(probe, &err);
            if (p == NULL)
                problem = "Expires must be a date YYYY-MM-DD";
            suppression_free(p);
            g_free(err);
            s->expires = g_strdup(expires);
        }
        if (!s->has_sid && s->group == NULL && problem == NULL)
            problem = "name a Sid, a Group or both";
        if ((s->reason == NULL || s->reason[0] == '\0') && problem == NULL)
            problem = "a Reason is required";
        if (problem != NULL) {
            SourceLoc loc = { (char *)file, line, 0 };
            g_ptr_array_add(policy->findings,
                            finding_new_printf("syntax", &loc, "%s: %s", path, problem));
            suppression_free(s);
            continue;
        }
        s->where.file = g_strdup(file);
        s->where.line = line;
        g_ptr_array_add(policy->suppressions, s);
    }
    return TRUE;
}
