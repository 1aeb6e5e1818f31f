/*
 * report_sarif.c - findings as SARIF 2.1.0, the format GitHub code scanning
 * (and most CI annotators) read.  Generic: any GPtrArray of Finding, from
 * lint or analyze.
 *
 * Decisions:
 *  - tool.driver.rules is the whole check table (checks.c), in table order,
 *    with the one-line summary as shortDescription and the help paragraph
 *    as fullDescription and help; results point at it with ruleId and
 *    ruleIndex.  Listing every check, not only the ones that fired, lets
 *    code scanning close alerts that disappear.
 *  - A result's location is the finding's file:line:column: a relative URI
 *    with uriBaseId %SRCROOT% (declared in originalUriBaseIds, without a
 *    machine's absolute path), so that it resolves against the repository
 *    root; rules inside JSON or YAML point at their real line in the file
 *    (src/policy/embed_map.c); related locations (the shadowing rule, the pass a
 *    twin belongs to) become relatedLocations with their note.
 *  - The fix is rule text to add, move or change, not always an in-place
 *    replacement, so it is not a SARIF `fixes` object (which needs exact
 *    deleted regions): it is appended to the message ("Fix:") and kept
 *    verbatim in properties.fix.
 *  - Findings without a file get no locations; code scanning rejects such
 *    results, so the CLI first gives them one (cli_findings_locate: the
 *    rule of their sid, else the policy's file).
 */
#include "report/report.h"

#include <string.h>

#include "findings/findings.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

static const char *
sarif_level(Severity s)
{
    switch (s) {
    case SEVERITY_ERROR: return "error";
    case SEVERITY_WARNING: return "warning";
    case SEVERITY_NOTE: return "note";
    default: return "none";
    }
}

static cJSON *
text_object(const char *text)
{
    cJSON *j = cJSON_CreateObject();
    cJSON_AddItemToObject(j, "text", base_json_string(text));
    return j;
}

/* A relative path (as given on the command line, "./" dropped) is a URI
 * relative to %SRCROOT%, the directory nfw-advisor ran in, which code
 * scanning takes as the repository root; an absolute path under the
 * current directory is made relative to it; any other absolute path
 * becomes a file:// URI. */
static void
artifact_location(cJSON *art, const char *file)
{
    g_autofree char *cwd = g_get_current_dir();
    const char *rel = file;
    gsize n = strlen(cwd);
    if (g_path_is_absolute(file) && strncmp(file, cwd, n) == 0 && file[n] == '/')
        rel = file + n + 1;
    while (rel[0] == '.' && rel[1] == '/')
        rel += 2;
    if (g_path_is_absolute(rel)) {
        g_autofree char *uri = g_filename_to_uri(rel, NULL, NULL);
        cJSON_AddItemToObject(art, "uri", base_json_string(uri ? uri : rel));
        return;
    }
    g_autofree char *uri = g_uri_escape_string(rel, "/", TRUE);
    cJSON_AddItemToObject(art, "uri", base_json_string(uri));
    cJSON_AddStringToObject(art, "uriBaseId", "%SRCROOT%");
}

static cJSON *
physical_location(const SourceLoc *loc)
{
    cJSON *phys = cJSON_CreateObject();
    cJSON *art = cJSON_AddObjectToObject(phys, "artifactLocation");
    artifact_location(art, loc->file);
    cJSON *region = cJSON_AddObjectToObject(phys, "region");
    cJSON_AddNumberToObject(region, "startLine", loc->line > 0 ? loc->line : 1);
    if (loc->column > 0)
        cJSON_AddNumberToObject(region, "startColumn", loc->column);
    return phys;
}

static cJSON *
rules_json(void)
{
    gsize count = 0;
    const CheckInfo *table = check_table(&count);
    cJSON *rules = cJSON_CreateArray();
    for (gsize i = 0; i < count; i++) {
        const CheckInfo *c = &table[i];
        const char *help = c->help[0] != '\0' ? c->help : c->summary;
        cJSON *r = cJSON_CreateObject();
        cJSON_AddStringToObject(r, "id", c->id);
        cJSON_AddItemToObject(r, "shortDescription", text_object(c->summary));
        cJSON_AddItemToObject(r, "fullDescription", text_object(help));
        cJSON *h = text_object(help);
        cJSON_AddItemToObject(r, "help", h);
        cJSON *conf = cJSON_AddObjectToObject(r, "defaultConfiguration");
        cJSON_AddStringToObject(conf, "level", sarif_level(c->severity));
        cJSON *props = cJSON_AddObjectToObject(r, "properties");
        cJSON *tags = cJSON_AddArrayToObject(props, "tags");
        cJSON_AddItemToArray(tags,
                             cJSON_CreateString(c->kind == CHECK_KIND_STATIC ? "lint" : "analyze"));
        cJSON_AddItemToArray(tags, cJSON_CreateString("network-firewall"));
        cJSON_AddItemToArray(rules, r);
    }
    return rules;
}

static int
rule_index(const char *id)
{
    gsize count = 0;
    const CheckInfo *table = check_table(&count);
    for (gsize i = 0; i < count; i++)
        if (strcmp(table[i].id, id) == 0)
            return (int)i;
    return -1;
}

static cJSON *
result_json(const Finding *f)
{
    cJSON *r = cJSON_CreateObject();
    cJSON_AddStringToObject(r, "ruleId", f->check);
    int index = rule_index(f->check);
    if (index >= 0)
        cJSON_AddNumberToObject(r, "ruleIndex", index);
    cJSON_AddStringToObject(r, "level", sarif_level(f->severity));
    GString *text = g_string_new(f->message);
    if (f->fix != NULL)
        g_string_append_printf(text, "\n\nFix:\n%s", f->fix);
    cJSON_AddItemToObject(r, "message", text_object(text->str));
    g_string_free(text, TRUE);
    if (f->loc.file != NULL) {
        cJSON *locs = cJSON_AddArrayToObject(r, "locations");
        cJSON *loc = cJSON_CreateObject();
        cJSON_AddItemToObject(loc, "physicalLocation", physical_location(&f->loc));
        cJSON_AddItemToArray(locs, loc);
    }
    int id = 0;
    cJSON *related = NULL;
    for (guint i = 0; i < f->related->len; i++) {
        const RelatedLoc *rl = g_ptr_array_index(f->related, i);
        if (rl->loc.file == NULL)
            continue;
        if (related == NULL)
            related = cJSON_AddArrayToObject(r, "relatedLocations");
        cJSON *loc = cJSON_CreateObject();
        cJSON_AddNumberToObject(loc, "id", id++);
        cJSON_AddItemToObject(loc, "physicalLocation", physical_location(&rl->loc));
        cJSON_AddItemToObject(loc, "message", text_object(rl->message));
        cJSON_AddItemToArray(related, loc);
    }
    if (f->status != FINDING_ACTIVE) {
        /* Code scanning shows suppressed results as dismissed. */
        cJSON *sups = cJSON_AddArrayToObject(r, "suppressions");
        cJSON *sup = cJSON_CreateObject();
        cJSON_AddStringToObject(sup, "kind",
                                f->status == FINDING_SUPPRESSED_INLINE ? "inSource" : "external");
        cJSON_AddStringToObject(sup, "status", "accepted");
        g_autofree char *why = report_status_text(f);
        cJSON_AddItemToObject(sup, "justification", base_json_string(why));
        cJSON_AddItemToArray(sups, sup);
    }
    cJSON *props = cJSON_AddObjectToObject(r, "properties");
    if (f->group != NULL)
        cJSON_AddItemToObject(props, "group", base_json_string(f->group));
    if (f->has_sid)
        cJSON_AddNumberToObject(props, "sid", (double)f->sid);
    if (f->fix != NULL)
        cJSON_AddItemToObject(props, "fix", base_json_string(f->fix));
    return r;
}

void
report_findings_sarif(FILE *out, GPtrArray *findings, const char *tool_version)
{
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddStringToObject(doc, "$schema", SARIF_SCHEMA);
    cJSON_AddStringToObject(doc, "version", "2.1.0");
    cJSON *runs = cJSON_AddArrayToObject(doc, "runs");
    cJSON *run = cJSON_CreateObject();
    cJSON_AddItemToArray(runs, run);
    cJSON *driver = cJSON_AddObjectToObject(cJSON_AddObjectToObject(run, "tool"), "driver");
    cJSON_AddStringToObject(driver, "name", "nfw-advisor");
    cJSON_AddStringToObject(driver, "version", tool_version ? tool_version : "0");
    cJSON_AddItemToObject(driver, "rules", rules_json());
    /* %SRCROOT% without a uri: the checkout root, whatever machine ran it
     * (an absolute path here would tie the report to one machine). */
    cJSON *bases = cJSON_AddObjectToObject(run, "originalUriBaseIds");
    cJSON *srcroot = cJSON_AddObjectToObject(bases, "%SRCROOT%");
    cJSON_AddItemToObject(srcroot, "description",
                          text_object("The directory nfw-advisor ran in (the repository root)"));
    cJSON *results = cJSON_AddArrayToObject(run, "results");
    for (guint i = 0; i < findings->len; i++)
        cJSON_AddItemToArray(results, result_json(g_ptr_array_index(findings, i)));
    base_json_print(out, doc);
}
