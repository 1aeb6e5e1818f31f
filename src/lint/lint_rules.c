/*
 * lint_rules.c - static checks on single rules and on sids:
 * nfw-unsupported, duplicate-sid, cross-group-sid, priority-keyword-strict,
 * capacity.  Sources: AWS Network Firewall Developer Guide, "Suricata
 * limitations and caveats" and "Quotas" (see docs/checks.md).
 */
#include <string.h>

#include "findings/findings.h"
#include "lint/lint.h"
#include "rules/rules.h"

#define NFW_MAX_RULE_LENGTH 8192
#define NFW_MAX_GROUP_CAPACITY 30000
#define NFW_DEFAULT_POLICY_CAPACITY 30000
#define NFW_MAX_POLICY_CAPACITY 50000

typedef void (*RuleCheckFunc)(const RuleGroup *group, const Rule *rule, GPtrArray *findings);

/* Run `check` on every enabled rule of the loaded groups, group by group. */
static void
for_each_enabled_rule(const Policy *policy, RuleCheckFunc check, GPtrArray *findings)
{
    for (guint gi = 0; gi < policy->groups->len; gi++) {
        const RuleGroup *group = g_ptr_array_index(policy->groups, gi);
        for (guint ri = 0; ri < group->rules->len; ri++) {
            const Rule *rule = g_ptr_array_index(group->rules, ri);
            if (!(rule->flags & RULE_F_DISABLED))
                check(group, rule, findings);
        }
    }
}

static Finding *
rule_finding(GPtrArray *findings, const char *check, const Rule *rule, int offset, char *message)
{
    SourceLoc loc = rule->loc;
    loc.column = rule_column_of(rule, offset);
    Finding *f = finding_new(check, &loc, message);
    policy_finding_set_rule(f, rule);
    g_ptr_array_add(findings, f);
    g_free(message);
    return f;
}

static void
check_rule_nfw(const RuleGroup *group, const Rule *rule, GPtrArray *findings)
{
    if (rule->action != RULE_ACTION_ALERT && rule->action != RULE_ACTION_PASS &&
        rule->action != RULE_ACTION_DROP && rule->action != RULE_ACTION_REJECT)
        rule_finding(
            findings, "nfw-unsupported", rule, rule->field_offset[0],
            g_strdup_printf(
                "action '%s' is not supported by Network Firewall (only pass, drop, reject, alert)",
                rule_action_name(rule->action)));
    if (rule->action == RULE_ACTION_REJECT && (rule_proto_flags(rule->proto) & RULE_PROTO_NO_RESET))
        rule_finding(
            findings, "nfw-unsupported", rule, rule->field_offset[0],
            g_strdup_printf(
                "reject on '%s' is not supported by Network Firewall: reject sends a TCP reset; "
                "use drop",
                rule->proto));
    if (strcmp(rule->proto, "sctp") == 0 || strcmp(rule->proto, "ike") == 0)
        rule_finding(
            findings, "nfw-unsupported", rule, rule->field_offset[1],
            g_strdup_printf("protocol '%s' is not supported by Network Firewall", rule->proto));

    gboolean has_pcre = FALSE, pcre_companion = FALSE;
    int pcre_offset = -1;
    for (guint i = 0; i < rule->options->len; i++) {
        const RuleOption *opt = g_ptr_array_index(rule->options, i);
        if (opt->kw == NULL)
            continue;
        const char *name = opt->kw->canonical;
        if (strcmp(name, "pcre") == 0) {
            has_pcre = TRUE;
            pcre_offset = opt->offset;
        } else if (strcmp(name, "content") == 0 || strcmp(name, "tls.sni") == 0 ||
                   strcmp(name, "http.host") == 0 || strcmp(name, "dns.query") == 0) {
            pcre_companion = TRUE;
        }
        if (opt->kw->flags & KW_F_NFW_UNSUPPORTED) {
            rule_finding(findings, "nfw-unsupported", rule, opt->offset,
                         g_strdup_printf("'%s': %s", opt->name,
                                         opt->kw->nfw_note ? opt->kw->nfw_note
                                                           : "not supported by Network Firewall"));
        } else if ((opt->kw->flags & KW_F_NFW_CAUTION) && opt->value != NULL &&
                   strstr(opt->value, "track ip_") != NULL) {
            Finding *f = rule_finding(
                findings, "nfw-unsupported", rule, opt->offset,
                g_strdup_printf("'%s' with ip tracking is listed as unsupported by Network "
                                "Firewall (its examples use it): verify before deploying",
                                opt->name));
            f->severity = SEVERITY_WARNING;
        }
    }
    if (has_pcre && !pcre_companion)
        rule_finding(
            findings, "nfw-unsupported", rule, pcre_offset,
            g_strdup("Network Firewall accepts pcre only together with content, tls.sni, http.host "
                     "or dns.query"));
}

void
lint_check_nfw_unsupported(const Policy *policy, GPtrArray *findings)
{
    /* --engine suricata judges the rules as plain Suricata 7.0.10 */
    if (policy->parse_options.engine == RULE_ENGINE_SURICATA)
        return;
    for_each_enabled_rule(policy, check_rule_nfw, findings);
}

/* Key of a signature for Suricata's duplicate detection: (gid, sid). */
static guint64
sig_key(const Rule *rule)
{
    return (guint64)rule->gid << 32 | (rule->sid & 0xffffffffu);
}

/* A second rule with the same gid and sid in a group.  Suricata keeps the
 * one with the higher rev and rejects the other; Network Firewall rejects
 * the whole group.  Returns the rule that stays in `first_in_group`. */
static const Rule *
report_duplicate(const RuleGroup *group, const Rule *first, const Rule *rule, GPtrArray *findings)
{
    if (rule->rev > first->rev) {
        /* Suricata silently replaces the first: only Network Firewall objects. */
        Finding *f = rule_finding(
            findings, "nfw-unsupported", first, -1,
            g_strdup_printf(
                "sid %" G_GUINT64_FORMAT " is used again at line %d with a higher rev: Suricata "
                "replaces this rule, Network Firewall rejects the group (sids must be unique in "
                "a group)",
                first->sid, rule->loc.line));
        finding_add_related(f, &rule->loc, "the rule with the higher rev");
        return rule;
    }
    Finding *f = rule_finding(
        findings, "duplicate-sid", rule, -1,
        g_strdup_printf("sid %" G_GUINT64_FORMAT " is already used in rule group '%s' (line %d): "
                        "Network Firewall rejects the group and Suricata drops this rule",
                        rule->sid, group->name, first->loc.line));
    finding_add_related(f, &first->loc, "first rule with this sid");
    return first;
}

void
lint_check_sids(const Policy *policy, GPtrArray *findings)
{
    /* sid -> first Rule with it, across the policy. */
    GHashTable *first_in_policy = g_hash_table_new(g_int64_hash, g_int64_equal);
    for (guint gi = 0; gi < policy->groups->len; gi++) {
        const RuleGroup *group = g_ptr_array_index(policy->groups, gi);
        GHashTable *first_in_group =
            g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
        for (guint ri = 0; ri < group->rules->len; ri++) {
            const Rule *rule = g_ptr_array_index(group->rules, ri);
            if (rule->flags & RULE_F_DISABLED)
                continue;
            guint64 key = sig_key(rule);
            const Rule *dup = g_hash_table_lookup(first_in_group, &key);
            if (dup != NULL) {
                const Rule *kept = report_duplicate(group, dup, rule, findings);
                g_hash_table_insert(first_in_group, g_memdup2(&key, sizeof key), (gpointer)kept);
                continue;
            }
            g_hash_table_insert(first_in_group, g_memdup2(&key, sizeof key), (gpointer)rule);
            const Rule *other = g_hash_table_lookup(first_in_policy, &rule->sid);
            if (other != NULL && other->group != rule->group) {
                Finding *f = rule_finding(
                    findings, "cross-group-sid", rule, -1,
                    g_strdup_printf("sid %" G_GUINT64_FORMAT
                                    " is also used in rule group '%s': alerts with this "
                                    "sid cannot be told apart in logs",
                                    rule->sid, other->group ? other->group->name : "?"));
                finding_add_related(f, &other->loc, "the other rule with this sid");
            } else if (other == NULL) {
                g_hash_table_insert(first_in_policy, (gpointer)&rule->sid, (gpointer)rule);
            }
        }
        g_hash_table_destroy(first_in_group);
    }
    g_hash_table_destroy(first_in_policy);
}

static void
check_rule_priority(const RuleGroup *group, const Rule *rule, GPtrArray *findings)
{
    if (group->order != RULE_ORDER_STRICT || group->kind == GROUP_KIND_DOMAIN_LIST ||
        !(rule->flags & RULE_F_HAS_PRIORITY))
        return;
    const RuleOption *opt = rule_find_option(rule, "priority");
    rule_finding(
        findings, "priority-keyword-strict", rule, opt ? opt->offset : -1,
        g_strdup_printf("the priority keyword is not allowed in STRICT_ORDER rule group '%s': "
                        "rules run in the order written",
                        group->name));
}

void
lint_check_priority_keyword(const Policy *policy, GPtrArray *findings)
{
    for_each_enabled_rule(policy, check_rule_priority, findings);
}

void
lint_check_capacity(const Policy *policy, GPtrArray *findings)
{
    int policy_rules = 0;
    for (guint gi = 0; gi < policy->groups->len; gi++) {
        const RuleGroup *group = g_ptr_array_index(policy->groups, gi);
        int count = 0;
        for (guint ri = 0; ri < group->rules->len; ri++) {
            const Rule *rule = g_ptr_array_index(group->rules, ri);
            if (rule->flags & RULE_F_DISABLED)
                continue;
            count++;
            if (strlen(rule->text) > NFW_MAX_RULE_LENGTH)
                rule_finding(
                    findings, "capacity", rule, -1,
                    g_strdup_printf("rule is %zu characters long; Network Firewall's limit is %d",
                                    strlen(rule->text), NFW_MAX_RULE_LENGTH));
        }
        policy_rules += count;
        SourceLoc loc = { group->file, group->file_line, 0 };
        if (count > NFW_MAX_GROUP_CAPACITY) {
            Finding *f = finding_new_printf(
                "capacity", &loc,
                "rule group '%s' has %d rules; a stateful rule group holds at most %d", group->name,
                count, NFW_MAX_GROUP_CAPACITY);
            f->group = g_strdup(group->name);
            g_ptr_array_add(findings, f);
        } else if (group->capacity > 0 && count > group->capacity) {
            Finding *f = finding_new_printf(
                "capacity", &loc,
                "rule group '%s' has %d rules but its Capacity is %d (fixed at creation)",
                group->name, count, group->capacity);
            f->group = g_strdup(group->name);
            g_ptr_array_add(findings, f);
        }
    }
    if (policy->info != NULL && policy_rules > NFW_DEFAULT_POLICY_CAPACITY) {
        SourceLoc loc = { policy->info->file, 1, 0 };
        Finding *f = finding_new_printf(
            "capacity", &loc,
            "the policy's stateful rule groups hold %d rules; the default quota is %d "
            "(adjustable up to %d)",
            policy_rules, NFW_DEFAULT_POLICY_CAPACITY, NFW_MAX_POLICY_CAPACITY);
        if (policy_rules <= NFW_MAX_POLICY_CAPACITY)
            f->severity = SEVERITY_WARNING;
        g_ptr_array_add(findings, f);
    }
}
