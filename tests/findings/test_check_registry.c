/*
 * test_check_registry.c - the check registry keyed by check id: every id of
 * the catalogue (src/findings/checks.c) has exactly one producer (the
 * loader's policy_check_ids, one lint runner or one analyze runner), each
 * producer reports only the ids it declares (run alone over every lint and
 * analyze fixture), and --disable skips a runner once all its ids are
 * disabled (lint_run and analyze_findings drop nothing themselves, so a
 * finding that is absent was never produced).
 */
#include <string.h>

#include "analyze/analyze.h"
#include "findings/findings.h"
#include "lint/lint.h"
#include "policy/policy.h"

static char *
source_path(const char *rel)
{
    const char *root = g_getenv("SOURCE_ROOT");
    return g_build_filename(root ? root : ".", rel, NULL);
}

static gboolean
ids_contain(const char *const *ids, const char *id)
{
    for (; *ids; ids++)
        if (strcmp(*ids, id) == 0)
            return TRUE;
    return FALSE;
}

static void
count_producer(GHashTable *producers, const char *id, const char *producer)
{
    const char *before = g_hash_table_lookup(producers, id);
    if (before != NULL)
        g_error("check id '%s' has two producers: %s and %s", id, before, producer);
    g_hash_table_insert(producers, (gpointer)id, (gpointer)producer);
}

/* Every catalogue id has exactly one producer, and no producer names an id
 * outside the catalogue; the loader and lint produce static checks, analyze
 * the log checks. */
static void
test_one_producer_per_id(void)
{
    g_autoptr(GHashTable) producers = g_hash_table_new(g_str_hash, g_str_equal);
    for (const char *const *id = policy_check_ids; *id; id++)
        count_producer(producers, *id, "the loader");
    for (const char *const *id = suppression_check_ids; *id; id++)
        count_producer(producers, *id, "the suppressions");
    gsize n_lint = 0, n_analyze = 0, n_checks = 0;
    const LintRunner *lint = lint_runners(&n_lint);
    for (gsize i = 0; i < n_lint; i++) {
        g_assert_nonnull(lint[i].checks[0]);
        for (const char *const *id = lint[i].checks; *id; id++)
            count_producer(producers, *id, "a lint runner");
    }
    const AnalyzeRunner *analyze = analyze_runners(&n_analyze);
    for (gsize i = 0; i < n_analyze; i++) {
        g_assert_nonnull(analyze[i].checks[0]);
        for (const char *const *id = analyze[i].checks; *id; id++)
            count_producer(producers, *id, "an analyze runner");
    }
    const CheckInfo *table = check_table(&n_checks);
    for (gsize i = 0; i < n_checks; i++) {
        const char *producer = g_hash_table_lookup(producers, table[i].id);
        if (producer == NULL)
            g_error("check id '%s' has no producer", table[i].id);
        gboolean logs = strcmp(producer, "an analyze runner") == 0;
        g_assert_cmpint(table[i].kind, ==, logs ? CHECK_KIND_LOGS : CHECK_KIND_STATIC);
    }
    GHashTableIter it;
    gpointer id;
    g_hash_table_iter_init(&it, producers);
    while (g_hash_table_iter_next(&it, &id, NULL))
        if (check_lookup(id) == NULL)
            g_error("a producer names '%s', which is not in the catalogue", (const char *)id);
    g_assert_cmpuint(g_hash_table_size(producers), ==, n_checks);
}

static void
test_any_enabled(void)
{
    const char *const ids[] = { "shadowed-rule", "redundant-rule", NULL };
    g_autoptr(GHashTable) disabled = g_hash_table_new(g_str_hash, g_str_equal);
    g_assert_true(check_any_enabled(ids, NULL));
    g_assert_true(check_any_enabled(ids, disabled));
    g_hash_table_add(disabled, (gpointer) "shadowed-rule");
    g_assert_true(check_any_enabled(ids, disabled));
    g_hash_table_add(disabled, (gpointer) "redundant-rule");
    g_assert_false(check_any_enabled(ids, disabled));
}

/* A lint case: inputs (files or folders, as `nfw-advisor lint` takes them)
 * and the rule order. */
typedef struct {
    RuleOrder order;
    GPtrArray *paths; /* char*, owned */
} LintCase;

static void
lint_case_free(gpointer data)
{
    LintCase *c = data;
    g_ptr_array_free(c->paths, TRUE);
    g_free(c);
}

static Policy *
lint_case_load(const LintCase *c)
{
    Policy *policy = policy_new(c->order);
    GError *error = NULL;
    for (guint i = 0; i < c->paths->len; i++) {
        const char *path = g_ptr_array_index(c->paths, i);
        if (!policy_load_path(policy, path, &error))
            g_error("%s: %s", path, error->message);
    }
    g_assert_true(policy_finish(policy, &error));
    g_assert_no_error(error);
    return policy;
}

static LintCase *
lint_case_new(RuleOrder order, const char *const *rels)
{
    LintCase *c = g_new0(LintCase, 1);
    c->order = order;
    c->paths = g_ptr_array_new_with_free_func(g_free);
    for (; *rels; rels++)
        g_ptr_array_add(c->paths, source_path(*rels));
    return c;
}

/* A case folder of fixtures/advisor/<check>/: an optional ARGS file holds
 * extra options (only --rule-order=action is used there). */
static LintCase *
lint_case_of_folder(const char *dir)
{
    RuleOrder order = RULE_ORDER_STRICT;
    g_autofree char *args_path = g_build_filename(dir, "ARGS", NULL);
    g_autofree char *args = NULL;
    if (g_file_get_contents(args_path, &args, NULL, NULL)) {
        g_assert_nonnull(strstr(args, "--rule-order=action"));
        order = RULE_ORDER_ACTION;
    }
    LintCase *c = g_new0(LintCase, 1);
    c->order = order;
    c->paths = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    g_assert_nonnull(d);
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL)
        if (strcmp(name, "ARGS") != 0)
            g_ptr_array_add(c->paths, g_build_filename(dir, name, NULL));
    return c;
}

/* Every case of fixtures/advisor/<check>/, the shipped policies of rules/
 * and the lint inputs of fixtures/e2e/inputs/ (rules, policies, IaC). */
static GPtrArray *
lint_cases(void)
{
    GPtrArray *cases = g_ptr_array_new_with_free_func(lint_case_free);
    g_autofree char *root = source_path("fixtures/advisor");
    g_autoptr(GDir) d = g_dir_open(root, 0, NULL);
    g_assert_nonnull(d);
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL) {
        g_autofree char *sub = g_build_filename(root, name, NULL);
        g_autoptr(GDir) cd = g_dir_open(sub, 0, NULL);
        const char *cname;
        while (cd != NULL && (cname = g_dir_read_name(cd)) != NULL) {
            g_autofree char *c = g_build_filename(sub, cname, NULL);
            if (g_file_test(c, G_FILE_TEST_IS_DIR))
                g_ptr_array_add(cases, lint_case_of_folder(c));
        }
    }
    static const char *const fixed[][3] = {
        { "rules/flawed", NULL },
        { "rules/egress-strict", NULL },
        { "fixtures/e2e/inputs/mixed.rules", NULL },
        { "fixtures/e2e/inputs/hostile.rules", NULL },
        { "fixtures/e2e/inputs/policy.json", "fixtures/e2e/inputs/domains.json", NULL },
        { "fixtures/e2e/inputs/iac/cfn-egress.yaml", NULL },
        { "fixtures/e2e/inputs/iac/cfn-egress.json", NULL },
        { "fixtures/e2e/inputs/iac/tf-plan.json", NULL },
        { "fixtures/e2e/inputs/iac/terraform.tfstate", NULL },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(fixed); i++) {
        g_ptr_array_add(cases, lint_case_new(RULE_ORDER_STRICT, fixed[i]));
        g_ptr_array_add(cases, lint_case_new(RULE_ORDER_ACTION, fixed[i]));
    }
    g_assert_cmpuint(cases->len, >, 20);
    return cases;
}

static void
assert_declared(const GPtrArray *findings, const char *const *ids, const char *where,
                GHashTable *seen)
{
    for (guint i = 0; i < findings->len; i++) {
        const Finding *f = g_ptr_array_index(findings, i);
        if (!ids_contain(ids, f->check))
            g_error("%s: reported '%s', an id it does not declare", where, f->check);
        g_hash_table_add(seen, (gpointer)check_lookup(f->check)->id);
    }
}

/* Run alone over every lint fixture, the loader and each lint runner report
 * only the ids they declare; each runner reports something somewhere, so
 * the assertion is not empty. */
static void
test_lint_runners_report_declared_ids(void)
{
    g_autoptr(GPtrArray) cases = lint_cases();
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
    gsize n = 0;
    const LintRunner *runners = lint_runners(&n);
    g_autofree guint *reported = g_new0(guint, n);
    for (guint c = 0; c < cases->len; c++) {
        const LintCase *lc = g_ptr_array_index(cases, c);
        const char *dir = g_ptr_array_index(lc->paths, 0);
        Policy *policy = lint_case_load(lc);
        g_autofree char *loader = g_strdup_printf("the loader on %s", dir);
        assert_declared(policy->findings, policy_check_ids, loader, seen);
        for (gsize i = 0; i < n; i++) {
            g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func((GDestroyNotify)finding_free);
            runners[i].run(policy, out);
            g_autofree char *where =
                g_strdup_printf("lint runner of '%s' on %s", runners[i].checks[0], dir);
            assert_declared(out, runners[i].checks, where, seen);
            reported[i] += out->len;
        }
        policy_free(policy);
    }
    for (gsize i = 0; i < n; i++) {
        if (strcmp(runners[i].checks[0], "capacity") == 0)
            continue; /* no fixture fills 30,000 rules (tested end to end in tests/e2e) */
        if (reported[i] == 0)
            g_error("the lint runner of '%s' reports nothing on any fixture", runners[i].checks[0]);
    }
    g_test_message("%u check ids seen over %u lint cases", g_hash_table_size(seen), cases->len);
}

typedef struct {
    const char *rules;
    const char *var;
    const char *logs[3];
} AnalyzeCase;

/* The analyze end-to-end cases (tests/analyze/check_golden.py,
 * check_views_agree.py). */
static const AnalyzeCase analyze_cases[] = {
    { "fixtures/analyze/oracle-example/rules.rules",
      "HOME_NET=[10.0.0.0/16]",
      { "fixtures/analyze/oracle-example/strict/alert.jsonl.gz",
        "fixtures/analyze/oracle-example/strict/flow.jsonl", NULL } },
    { "fixtures/analyze/oracle-example/rules.rules",
      "HOME_NET=[10.0.0.0/16]",
      { "fixtures/analyze/oracle-example/action/alert.jsonl.gz",
        "fixtures/analyze/oracle-example/action/flow.jsonl.gz", NULL } },
    { "fixtures/analyze/samples/opensearch.rules",
      NULL,
      { "fixtures/logs/opensearch-sample.json", "fixtures/logs/envelope.jsonl", NULL } },
    { "fixtures/analyze/small-sids/policy.rules",
      NULL,
      { "fixtures/logs/opensearch-sample.json", "fixtures/logs/envelope.jsonl", NULL } },
    { "rules/egress-strict", NULL, { "fixtures/demo/logs", NULL } },
};

/* One analyze case read into a view; free in the order view, agg, index,
 * policy. */
typedef struct {
    Policy *policy;
    AnalyzeIndex *index;
    AnalyzeAgg *agg;
    AnalyzeView *view;
} AnalyzeRun;

static void
analyze_case_run(const AnalyzeCase *c, AnalyzeRun *r)
{
    GError *error = NULL;
    r->policy = policy_new(RULE_ORDER_STRICT);
    if (c->var != NULL)
        g_assert_true(policy_add_cli_var(r->policy, c->var, &error));
    g_autofree char *rules = source_path(c->rules);
    if (!policy_load_path(r->policy, rules, &error))
        g_error("%s: %s", rules, error->message);
    g_assert_true(policy_finish(r->policy, &error));
    r->index = analyze_index_new(r->policy);
    g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func(g_free);
    for (const char *const *l = c->logs; *l; l++)
        g_ptr_array_add(paths, source_path(*l));
    LogFilter filter = { 0 };
    AnalyzeRunOptions options = {
        .inputs = (const char *const *)paths->pdata,
        .n_inputs = paths->len,
        .filter = &filter,
        .threads = 1,
    };
    g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func(g_free);
    r->agg = analyze_run(r->index, &options, errors, notes, &error);
    g_assert_no_error(error);
    g_assert_nonnull(r->agg);
    r->view = analyze_view_new(r->agg);
}

static void
analyze_case_free(AnalyzeRun *r)
{
    analyze_view_free(r->view);
    analyze_agg_free(r->agg);
    analyze_index_free(r->index);
    policy_free(r->policy);
}

static void
test_analyze_runners_report_declared_ids(void)
{
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
    gsize n = 0;
    const AnalyzeRunner *runners = analyze_runners(&n);
    AnalyzeThresholds t;
    analyze_thresholds_init(&t);
    guint total = 0;
    for (gsize c = 0; c < G_N_ELEMENTS(analyze_cases); c++) {
        AnalyzeRun r;
        analyze_case_run(&analyze_cases[c], &r);
        for (gsize i = 0; i < n; i++) {
            g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func((GDestroyNotify)finding_free);
            runners[i].run(r.view, &t, out);
            g_autofree char *where = g_strdup_printf("analyze runner of '%s' on %s",
                                                     runners[i].checks[0], analyze_cases[c].rules);
            assert_declared(out, runners[i].checks, where, seen);
            total += out->len;
        }
        analyze_case_free(&r);
    }
    /* default-drop-traffic, unused-rule, unknown-sid, silent-flows ... */
    g_assert_cmpuint(g_hash_table_size(seen), >=, 4);
    g_assert_cmpuint(total, >, 0);
}

static guint
count_check(const GPtrArray *findings, const char *check)
{
    guint n = 0;
    for (guint i = 0; i < findings->len; i++)
        n += strcmp(((const Finding *)g_ptr_array_index(findings, i))->check, check) == 0;
    return n;
}

static GPtrArray *
lint_with(const Policy *policy, const char *const *disable)
{
    g_autoptr(GHashTable) disabled = g_hash_table_new(g_str_hash, g_str_equal);
    for (; disable && *disable; disable++)
        g_hash_table_add(disabled, (gpointer)*disable);
    GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)finding_free);
    lint_run(policy, disabled, out);
    return out;
}

/* The ordering runner (six ids) on a case that reports shadowed-rule: it
 * runs while one of its ids is wanted and is skipped once all six are
 * disabled; other runners run either way. */
static void
test_lint_disable_skips_runner(void)
{
    const char *rels[] = { "rules/flawed", NULL };
    LintCase *flawed = lint_case_new(RULE_ORDER_STRICT, rels);
    Policy *policy = lint_case_load(flawed);
    lint_case_free(flawed);
    gsize n = 0;
    const LintRunner *runners = lint_runners(&n);
    const char *const *ordering = NULL;
    for (gsize i = 0; i < n; i++)
        if (ids_contain(runners[i].checks, "shadowed-rule"))
            ordering = runners[i].checks;
    g_assert_nonnull(ordering);

    g_autoptr(GPtrArray) all = lint_with(policy, NULL);
    g_assert_cmpuint(count_check(all, "shadowed-rule"), >, 0);
    g_assert_cmpuint(count_check(all, "pass-without-alert"), >, 0);
    g_assert_cmpuint(count_check(all, "duplicate-sid"), >, 0);

    /* One id of six disabled: the runner still runs (the caller drops the
     * disabled id's findings: cli_drop_disabled). */
    const char *one[] = { "shadowed-rule", NULL };
    g_autoptr(GPtrArray) some = lint_with(policy, one);
    g_assert_cmpuint(count_check(some, "pass-without-alert"), ==,
                     count_check(all, "pass-without-alert"));

    g_autoptr(GPtrArray) none = lint_with(policy, ordering);
    for (const char *const *id = ordering; *id; id++)
        g_assert_cmpuint(count_check(none, *id), ==, 0);
    g_assert_cmpuint(count_check(none, "duplicate-sid"), ==, count_check(all, "duplicate-sid"));
    policy_free(policy);
}

static void
test_analyze_disable_skips_runner(void)
{
    AnalyzeRun r;
    analyze_case_run(&analyze_cases[0], &r);
    AnalyzeThresholds t;
    analyze_thresholds_init(&t);
    g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func((GDestroyNotify)finding_free);
    analyze_findings(r.view, &t, NULL, all);
    guint drops = count_check(all, "default-drop-traffic");
    g_assert_cmpuint(drops, >, 0);
    g_assert_cmpuint(count_check(all, "unused-rule"), >, 0);

    g_autoptr(GHashTable) disabled = g_hash_table_new(g_str_hash, g_str_equal);
    g_hash_table_add(disabled, (gpointer) "default-drop-traffic");
    g_autoptr(GPtrArray) some = g_ptr_array_new_with_free_func((GDestroyNotify)finding_free);
    analyze_findings(r.view, &t, disabled, some);
    g_assert_cmpuint(count_check(some, "default-drop-traffic"), ==, 0);
    g_assert_cmpuint(count_check(some, "unused-rule"), ==, count_check(all, "unused-rule"));
    g_assert_cmpuint(some->len, ==, all->len - drops);
    analyze_case_free(&r);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/checks/one-producer-per-id", test_one_producer_per_id);
    g_test_add_func("/checks/any-enabled", test_any_enabled);
    g_test_add_func("/checks/lint-runners-report-declared-ids",
                    test_lint_runners_report_declared_ids);
    g_test_add_func("/checks/analyze-runners-report-declared-ids",
                    test_analyze_runners_report_declared_ids);
    g_test_add_func("/checks/lint-disable-skips-runner", test_lint_disable_skips_runner);
    g_test_add_func("/checks/analyze-disable-skips-runner", test_analyze_disable_skips_runner);
    return g_test_run();
}
