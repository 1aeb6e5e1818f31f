/*
 * cli_report.c - what every command that reports findings shares: the
 * --format names, -o FILE, --disable and --fail-on, and the exit status
 * they imply.  One place, so lint and analyze cannot drift apart.
 */
#include "cli/cli.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "base/base.h"
#include "findings/findings.h"

static const char *const format_names[] = {
    [OUTPUT_TEXT] = "text",   [OUTPUT_JSON] = "json",         [OUTPUT_HTML] = "html",
    [OUTPUT_SARIF] = "sarif", [OUTPUT_MARKDOWN] = "markdown",
};

void
cli_report_options_add(GOptionContext *context, ReportOptions *options)
{
    GOptionEntry entries[] = {
        { "format", 'f', 0, G_OPTION_ARG_STRING, &options->format,
          "Output format: text (default), json, html, sarif (SARIF 2.1.0 for code scanning) "
          "or markdown (a pull-request review comment)",
          "FORMAT" },
        { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options->output,
          "Write the report to FILE instead of standard output (html: one self-contained file)",
          "FILE" },
        { "fail-on", 0, 0, G_OPTION_ARG_STRING, &options->fail_on,
          "Exit 1 when a finding is at or above: error (default), warning, note, none",
          "SEVERITY" },
        { "disable", 'd', 0, G_OPTION_ARG_STRING_ARRAY, &options->disable,
          "Do not report these checks (comma-separated, repeatable)", "CHECKS" },
        { "baseline", 0, 0, G_OPTION_ARG_FILENAME, &options->baseline,
          "A previous --format json report: its findings are shown as baselined and only new "
          "ones count for --fail-on",
          "FILE" },
        { NULL },
    };
    g_option_context_add_main_entries(context, entries, NULL);
}

void
cli_report_options_clear(ReportOptions *options)
{
    g_free(options->format);
    g_free(options->output);
    g_free(options->fail_on);
    g_strfreev(options->disable);
    g_free(options->baseline);
}

gboolean
cli_output_format_parse(const char *command, const char *name, OutputFormat *out)
{
    if (name == NULL) {
        *out = OUTPUT_TEXT;
        return TRUE;
    }
    for (guint i = 0; i < G_N_ELEMENTS(format_names); i++) {
        if (strcmp(name, format_names[i]) == 0) {
            *out = (OutputFormat)i;
            return TRUE;
        }
    }
    cli_error(command, "unknown --format '%s' (text, json, html, sarif or markdown)", name);
    return FALSE;
}

FILE *
cli_output_open(const char *command, const char *path)
{
    if (path == NULL || strcmp(path, "-") == 0)
        return stdout;
    FILE *f = fopen(path, "w");
    if (f == NULL)
        cli_error(command, "cannot write '%s': %s", path, g_strerror(errno));
    return f;
}

gboolean
cli_output_close(const char *command, FILE *f, const char *path)
{
    if (f == stdout)
        return fflush(stdout) == 0;
    if (fclose(f) != 0) {
        cli_error(command, "cannot write '%s': %s", path, g_strerror(errno));
        return FALSE;
    }
    return TRUE;
}

GHashTable *
cli_parse_disabled(const char *command, char **lists, gboolean *ok)
{
    GHashTable *set = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    *ok = TRUE;
    for (char **l = lists; l && *l; l++) {
        char **ids = g_strsplit(*l, ",", -1);
        for (char **id = ids; *id; id++) {
            char *name = g_strstrip(*id);
            if (*name == '\0')
                continue;
            if (check_lookup(name) == NULL) {
                cli_error(command,
                          "unknown check '%s' in --disable (see 'nfw-advisor lint "
                          "--list-checks')",
                          name);
                *ok = FALSE;
            }
            g_hash_table_add(set, g_strdup(name));
        }
        g_strfreev(ids);
    }
    return set;
}

void
cli_drop_disabled(GPtrArray *findings, GHashTable *disabled)
{
    for (guint i = findings->len; i > 0; i--) {
        const Finding *f = g_ptr_array_index(findings, i - 1);
        if (g_hash_table_contains(disabled, f->check))
            g_ptr_array_remove_index(findings, i - 1);
    }
}

gboolean
cli_parse_fail_on(const char *command, const char *value, Severity *out)
{
    *out = SEVERITY_ERROR;
    if (value == NULL || severity_from_string(value, out))
        return TRUE;
    cli_error(command, "--fail-on must be error, warning, note or none, not '%s'", value);
    return FALSE;
}

int
cli_findings_exit_status(GPtrArray *findings, Severity threshold)
{
    if (threshold == SEVERITY_NONE)
        return EXIT_CLEAN;
    for (guint i = 0; i < findings->len; i++) {
        const Finding *f = g_ptr_array_index(findings, i);
        if (f->status == FINDING_ACTIVE && f->severity >= threshold)
            return EXIT_FINDINGS;
    }
    return EXIT_CLEAN;
}

gboolean
cli_nothing_usable(const char *command, const LogStats *stats)
{
    guint64 skipped = log_stats_skipped_total(stats);
    if (stats->used > 0 || stats->filtered > 0 || stats->prefiltered > 0 || skipped == 0)
        return FALSE;
    cli_error(command,
              "no usable record: all %" G_GUINT64_FORMAT " record%s skipped "
              "(see the skip reasons above)",
              skipped, skipped == 1 ? " was" : "s were");
    return TRUE;
}

/* The rule a log finding is about: same sid (and group when known). */
static const Rule *
find_rule(const Policy *policy, const Finding *f)
{
    for (guint i = 0; i < policy->groups->len; i++) {
        const RuleGroup *g = g_ptr_array_index(policy->groups, i);
        if (f->group != NULL && g_strcmp0(g->name, f->group) != 0)
            continue;
        for (guint j = 0; j < g->rules->len; j++) {
            const Rule *r = g_ptr_array_index(g->rules, j);
            if (r->sid != 0 && r->sid == f->sid && r->loc.file != NULL)
                return r;
        }
    }
    return NULL;
}

void
cli_findings_locate(GPtrArray *findings, const Policy *policy)
{
    for (guint i = 0; i < findings->len; i++) {
        Finding *f = g_ptr_array_index(findings, i);
        if (f->loc.file != NULL)
            continue;
        const Rule *r = f->has_sid ? find_rule(policy, f) : NULL;
        if (r != NULL) {
            f->loc.file = g_strdup(r->loc.file);
            f->loc.line = r->loc.line;
            f->loc.column = r->loc.column;
        } else if (policy->info != NULL && policy->info->file != NULL && policy->info->from_json) {
            f->loc.file = g_strdup(policy->info->file);
            f->loc.line = policy->info->file_line;
        } else {
            for (guint j = 0; j < policy->groups->len; j++) {
                const RuleGroup *g = g_ptr_array_index(policy->groups, j);
                if (g->file != NULL) {
                    f->loc.file = g_strdup(g->file);
                    f->loc.line = g->file_line > 0 ? g->file_line : 1;
                    break;
                }
            }
        }
    }
}

/* What stays the same between two runs over the same finding: check,
 * group and sid for a rule (the message may hold counts), else check, the
 * file's base name (the checkout's folder differs between machines) and
 * the message with its numbers blanked (lines move, counts change). */
static char *
baseline_key(const char *check, const char *group, gboolean has_sid, guint64 sid, const char *file,
             const char *message)
{
    if (has_sid)
        return g_strdup_printf("%s\x1f%s\x1f%" G_GUINT64_FORMAT, check, group ? group : "", sid);
    GString *k = g_string_new(NULL);
    g_autofree char *base = file ? g_path_get_basename(file) : g_strdup("");
    g_string_append_printf(k, "%s\x1f%s\x1f", check, base);
    gboolean in_number = FALSE;
    for (const char *p = message ? message : ""; *p; p++) {
        if (g_ascii_isdigit(*p) || (in_number && (*p == ',' || *p == '.'))) {
            if (!in_number)
                g_string_append_c(k, '#');
            in_number = TRUE;
        } else {
            in_number = FALSE;
            g_string_append_c(k, *p);
        }
    }
    return g_string_free(k, FALSE);
}

static const char *
json_str(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static GHashTable *
baseline_load(const char *command, const char *path)
{
    g_autofree char *text = NULL;
    gsize len = 0;
    GError *error = NULL;
    if (!g_file_get_contents(path, &text, &len, &error)) {
        cli_error(command, "--baseline: %s", error->message);
        g_error_free(error);
        return NULL;
    }
    cJSON *doc = cJSON_ParseWithLength(text, len);
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(doc, "findings");
    if (!cJSON_IsArray(list)) {
        cli_error(command,
                  "--baseline %s: not a report of 'nfw-advisor lint --format json' or "
                  "'analyze --format json' (no findings array)",
                  path);
        cJSON_Delete(doc);
        return NULL;
    }
    GHashTable *keys = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    const cJSON *f;
    cJSON_ArrayForEach(f, list)
    {
        const char *check = json_str(f, "check");
        if (check == NULL)
            continue;
        const cJSON *sid = cJSON_GetObjectItemCaseSensitive(f, "sid");
        g_hash_table_add(keys, baseline_key(check, json_str(f, "group"), cJSON_IsNumber(sid),
                                            cJSON_IsNumber(sid) ? (guint64)sid->valuedouble : 0,
                                            json_str(f, "file"), json_str(f, "message")));
    }
    cJSON_Delete(doc);
    return keys;
}

gboolean
cli_findings_accept(const char *command, GPtrArray *findings, const Policy *policy,
                    const char *baseline)
{
    GPtrArray *sups = policy_suppressions(policy);
    g_autofree char *today = base_utc_format(g_get_real_time() / G_USEC_PER_SEC, "%Y-%m-%d");
    suppressions_apply(sups, findings, today);
    g_ptr_array_unref(sups);
    if (baseline == NULL)
        return TRUE;
    GHashTable *keys = baseline_load(command, baseline);
    if (keys == NULL)
        return FALSE;
    SourceLoc where = { (char *)baseline, 0, 0 };
    for (guint i = 0; i < findings->len; i++) {
        Finding *f = g_ptr_array_index(findings, i);
        if (f->status != FINDING_ACTIVE)
            continue;
        g_autofree char *key =
            baseline_key(f->check, f->group, f->has_sid, f->sid, f->loc.file, f->message);
        if (g_hash_table_contains(keys, key))
            finding_set_status(f, FINDING_BASELINED, NULL, NULL, &where);
    }
    g_hash_table_destroy(keys);
    return TRUE;
}
