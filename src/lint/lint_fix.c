/*
 * lint_fix.c - rule text edits for findings' fixes (lint_fix.h).
 *
 * The twin sid: TWIN_SID_BASE + the pass rule's sid (1,000,000,123 is the
 * twin of sid 123), so that the pair reads as one in logs and dashboards,
 * as the AWS best-practice guides suggest (cross-referenced, long sids).
 * The range sits between ET Open / Snort sids (1..~3,000,000) and the
 * 32-bit limit Suricata enforces (4,294,967,295).  If that sid is taken (or
 * the pass sid is too large) the next free sid above the policy's highest
 * is used instead.
 */
#include "lint/lint_fix.h"

#include <string.h>

#include "rules/rules.h"

#define TWIN_SID_BASE G_GUINT64_CONSTANT(1000000000)
#define SID_MAX G_GUINT64_CONSTANT(4294967295)

int
fix_option_end(const Rule *rule, const RuleOption *opt)
{
    const char *text = rule->text;
    int i = opt->value_offset >= 0 ? opt->value_offset : opt->offset;
    gboolean quoted = FALSE;
    for (; text[i] != '\0'; i++) {
        if (text[i] == '\\' && text[i + 1] != '\0') {
            i++;
            continue;
        }
        if (text[i] == '"')
            quoted = !quoted;
        else if (text[i] == ';' && !quoted)
            return i;
    }
    return i;
}

typedef struct {
    int from, to; /* replaced range [from, to) */
    const char *with;
} Edit;

static int
compare_edits(const void *a, const void *b)
{
    return ((const Edit *)a)->from - ((const Edit *)b)->from;
}

static char *
apply_edits(const char *text, Edit *edits, int n)
{
    qsort(edits, n, sizeof *edits, compare_edits);
    GString *out = g_string_new(NULL);
    int pos = 0;
    for (int i = 0; i < n; i++) {
        g_string_append_len(out, text + pos, edits[i].from - pos);
        g_string_append(out, edits[i].with);
        pos = edits[i].to;
    }
    g_string_append(out, text + pos);
    return g_string_free(out, FALSE);
}

static const RuleOption *
find_option(const Rule *rule, const char *canonical)
{
    for (guint i = 0; i < rule->options->len; i++) {
        const RuleOption *opt = g_ptr_array_index(rule->options, i);
        const char *name = opt->kw ? opt->kw->canonical : opt->name;
        if (strcmp(name, canonical) == 0)
            return opt;
    }
    return NULL;
}

/* The range of an option including its ';' and the spaces after it. */
static void
option_range(const Rule *rule, const RuleOption *opt, int *from, int *to)
{
    int end = fix_option_end(rule, opt);
    if (rule->text[end] == ';')
        end++;
    while (rule->text[end] == ' ')
        end++;
    *from = opt->offset;
    *to = end;
}

char *
fix_with_action(const Rule *rule, const char *action)
{
    int off = rule->field_offset[0];
    Edit e = { off, off + (int)strlen(rule_action_name(rule->action)), action };
    return apply_edits(rule->text, &e, 1);
}

char *
fix_alert_twin(const Rule *pass, guint64 sid, gboolean strict)
{
    Edit edits[4];
    int n = 0;
    int off = pass->field_offset[0];
    edits[n++] = (Edit){ off, off + (int)strlen(rule_action_name(pass->action)), "alert" };
    char *sid_text = g_strdup_printf("%" G_GUINT64_FORMAT, sid);
    char *msg_tail = g_strdup_printf(" (logs pass sid %" G_GUINT64_FORMAT ")\"", pass->sid);
    const RuleOption *opt = find_option(pass, "sid");
    if (opt != NULL && opt->value_offset >= 0) {
        int end = fix_option_end(pass, opt);
        edits[n++] = (Edit){ opt->value_offset, end, sid_text };
    }
    opt = find_option(pass, "msg");
    if (opt != NULL && opt->value_offset >= 0) {
        int end = fix_option_end(pass, opt);
        while (end > opt->value_offset && pass->text[end - 1] == ' ')
            end--;
        if (end > opt->value_offset && pass->text[end - 1] == '"')
            edits[n++] = (Edit){ end - 1, end, msg_tail };
    }
    opt = find_option(pass, "priority");
    if (strict && opt != NULL) {
        int from, to;
        option_range(pass, opt, &from, &to);
        edits[n++] = (Edit){ from, to, "" };
    }
    char *text = apply_edits(pass->text, edits, n);
    g_free(sid_text);
    g_free(msg_tail);
    return text;
}

char *
fix_insert_option(const Rule *rule, const char *option)
{
    const RuleOption *sid = find_option(rule, "sid");
    char *with = g_strdup_printf("%s ", option);
    Edit e;
    if (sid != NULL) {
        e = (Edit){ sid->offset, sid->offset, with };
    } else {
        const char *close = strrchr(rule->text, ')');
        int at = close ? (int)(close - rule->text) : (int)strlen(rule->text);
        e = (Edit){ at, at, with };
    }
    char *text = apply_edits(rule->text, &e, 1);
    g_free(with);
    return text;
}

char *
fix_replace_option(const Rule *rule, const char *keyword, const char *new_value)
{
    const RuleOption *opt = find_option(rule, keyword);
    if (opt == NULL)
        return NULL;
    Edit e;
    if (new_value == NULL) {
        int from, to;
        option_range(rule, opt, &from, &to);
        e = (Edit){ from, to, "" };
    } else if (opt->value_offset >= 0) {
        e = (Edit){ opt->value_offset, fix_option_end(rule, opt), new_value };
    } else {
        return NULL;
    }
    return apply_edits(rule->text, &e, 1);
}

static void
sid_add(GHashTable *set, guint64 sid)
{
    guint64 *key = g_new(guint64, 1);
    *key = sid;
    g_hash_table_add(set, key);
}

GHashTable *
fix_sids_in_use(const Policy *policy)
{
    GHashTable *used = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
    for (guint gi = 0; gi < policy->groups->len; gi++) {
        const RuleGroup *group = g_ptr_array_index(policy->groups, gi);
        for (guint ri = 0; ri < group->rules->len; ri++)
            sid_add(used, ((const Rule *)g_ptr_array_index(group->rules, ri))->sid);
    }
    return used;
}

guint64
fix_free_sid(GHashTable *in_use, guint64 pass_sid)
{
    guint64 sid = TWIN_SID_BASE + pass_sid;
    if (pass_sid >= TWIN_SID_BASE || sid > SID_MAX || g_hash_table_contains(in_use, &sid)) {
        guint64 max = TWIN_SID_BASE;
        GHashTableIter it;
        gpointer key;
        g_hash_table_iter_init(&it, in_use);
        while (g_hash_table_iter_next(&it, &key, NULL))
            max = MAX(max, *(guint64 *)key);
        sid = max + 1;
    }
    sid_add(in_use, sid);
    return sid;
}
