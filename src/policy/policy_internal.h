/*
 * policy_internal.h - helpers shared by the files of src/policy only (other
 * parts include policy.h).  Each helper lives in the file named beside it.
 */
#ifndef NFW_POLICY_POLICY_INTERNAL_H
#define NFW_POLICY_POLICY_INTERNAL_H

#include <cjson/cJSON.h>
#include <glib.h>

#include "policy/policy.h"

/* group.c */
RuleGroup *rule_group_new(const char *name, const char *file, GroupKind kind);
void rule_group_free(RuleGroup *group);
/* Parse `text` with rule_parse and append it to the group (ownership of
 * the Rule passes to the group).  On a parse error a Finding is added to
 * `findings` and FALSE is returned. */
gboolean rule_group_add_text(RuleGroup *group, const char *text, const SourceLoc *loc,
                             const RuleParseOptions *opts, GPtrArray *findings);
/* Sets rule->group and rule->index for every rule of the group. */
void rule_group_index_rules(RuleGroup *group);
/* name -> GPtrArray* of char* definitions */
GHashTable *definition_table_new(void);

/* json_loc.c: where a member path ("RuleGroup.RulesSource.RulesString",
 * "StatefulRules[2].Header") sits in the raw text of a document. */
typedef struct JsonLocIndex JsonLocIndex;
typedef enum {
    JSON_LOC_NONE = 0,
    JSON_LOC_JSON_STRING,  /* a JSON string token, quotes included */
    JSON_LOC_YAML_LITERAL, /* a YAML block scalar: `|` (span from the indicator) */
    JSON_LOC_YAML_OTHER,   /* any other YAML scalar (folded, plain, quoted) */
} JsonLocStyle;
typedef struct {
    gsize start, end; /* byte offsets in the raw text */
    JsonLocStyle style;
} JsonLocSpan;
JsonLocIndex *json_loc_index_new(const char *text, gsize len);
/* An index to fill with json_loc_add() (YAML: the converter knows where). */
JsonLocIndex *json_loc_index_new_empty(const char *text, gsize len);
void json_loc_add(JsonLocIndex *index, const char *path, gsize key_offset, gsize value_start,
                  gsize value_end, JsonLocStyle style);
/* Locations of `base` (which must outlive the view) seen from a document
 * built out of it: a path is looked up through `map` (path -> base path,
 * may be NULL; a reference is taken), else under `prefix` (may be NULL). */
JsonLocIndex *json_loc_view_new(const JsonLocIndex *base, const char *prefix, GHashTable *map);
void json_loc_index_free(JsonLocIndex *index);
/* Line (1-based) of the key of `path` (of the value, for array items); the
 * line of the nearest known parent when the path is unknown, else 1. */
int json_loc_line(const JsonLocIndex *index, const char *path);
/* Where the string value at `path` is written; NULL when unknown. */
const JsonLocSpan *json_loc_span(const JsonLocIndex *index, const char *path);
const char *json_loc_text(const JsonLocIndex *index, gsize *len);
int json_loc_offset_line(const JsonLocIndex *index, gsize offset);
gsize json_loc_line_start(const JsonLocIndex *index, int line);
/* 1-based line and column of a byte offset. */
void json_offset_to_line_col(const char *text, gsize len, gsize offset, int *line, int *col);

/* embed_map.c: text held in a string value (a RulesString) located in the
 * file that holds it.  When the file does not write the text as one
 * string (CloudFormation Fn::Join), every position is the value's line. */
typedef struct EmbedMap EmbedMap;
EmbedMap *embed_map_new(const JsonLocIndex *index, const char *path, const char *decoded,
                        gsize decoded_len);
void embed_map_free(EmbedMap *map);
/* Line and column in the file of line `line`, column `column` (1-based)
 * of the decoded text. */
void embed_map_locate(const EmbedMap *map, int line, int column, int *file_line, int *file_column);

/* load_json.c */
/* A JSON object (the whole text, nothing after it); NULL with a GError
 * naming file:line:column (POLICY_ERROR_NOT_INPUT for a non-object). */
cJSON *policy_json_parse(const char *path, const char *text, gsize len, GError **error);
/* One API-shaped document (a rule group or a policy, as load_json.c
 * accepts) from `file`, located through `locs`; *recognised FALSE (and
 * FALSE returned, no error) when it is neither. */
gboolean policy_load_json_doc(Policy *policy, const char *file, const cJSON *doc,
                              const JsonLocIndex *locs, gboolean *recognised, GError **error);

/* load_yaml.c: the first YAML document of `text` as cJSON, with the
 * locations of its members in *locs (caller frees both); NULL with a
 * POLICY_ERROR_FORMAT naming file:line:column on bad YAML. */
cJSON *policy_yaml_parse(const char *file, const char *text, gsize len, JsonLocIndex **locs,
                         GError **error);

/* load_iac.c: CloudFormation templates and Terraform JSON. */
typedef enum {
    IAC_NONE = 0,
    IAC_CLOUDFORMATION,  /* {"Resources": {...}} or AWSTemplateFormatVersion */
    IAC_TERRAFORM_SHOW,  /* terraform show -json: plan or state */
    IAC_TERRAFORM_STATE, /* a raw terraform.tfstate (version 4) */
    IAC_TERRAFORM_JSON,  /* Terraform JSON configuration (*.tf.json) */
} IacKind;
IacKind policy_iac_detect(const cJSON *root);
/* The Network Firewall resources of the template or plan `root` become
 * rule groups and the policy; values not known before deploy are
 * iac-unresolved notes.  POLICY_ERROR_NOT_INPUT when there is none. */
gboolean policy_load_iac(Policy *policy, const char *file, const cJSON *root,
                         const JsonLocIndex *locs, GError **error);

/* stateful_rules.c: one StatefulRules[] item to rule text.  On a shape
 * problem returns NULL with *error_member set to the member path below
 * the item (e.g. "Header.Protocol") and *error a message (caller frees
 * both). */
char *stateful_rule_to_text(const cJSON *item, char **error_member, char **error);

/* eval_order.c */
void policy_build_eval_order(Policy *policy);
/* The priority Suricata uses to sort a rule: the priority keyword, else the
 * classtype's priority, else 3. */
int rule_effective_priority(const Rule *rule);

/* variables.c */
void policy_check_variables(Policy *policy);
extern const char *const POLICY_DEFAULT_HOME_NET;

/* default_actions.c: parse info->stateful_default_actions into
 * info->defaults; default-action-invalid findings for what the API refuses. */
void policy_check_default_actions(Policy *policy);

/* policy_findings.c: takes ownership of the finding. */
void policy_add_finding(Policy *policy, Finding *finding);
/* Parse rule text into the group's rules (rules_text_parse); each line
 * Suricata would reject becomes a Finding of the group, appended to
 * `findings`.  `file` names the text in locations. */
void rule_group_parse_text(RuleGroup *group, const char *text, gsize len, const char *file,
                           const RuleParseOptions *opts, GPtrArray *findings);
/* The same for text held in a string of `file` (a RulesString): rules and
 * findings are located at their line and column in the file through `map`
 * (may be NULL: lines counted inside the text). */
void rule_group_parse_embedded(RuleGroup *group, const char *text, gsize len, const char *file,
                               const EmbedMap *map, const RuleParseOptions *opts,
                               GPtrArray *findings);

/* suppressions.c: "# nfw-advisor: ignore ..." comments of rule text just
 * parsed into the group (its rules from `first_rule` on, lines not yet
 * mapped through `map`) become the group's Suppressions; a comment that
 * does not read is a syntax finding. */
void rule_group_scan_suppressions(RuleGroup *group, const char *text, gsize len, const char *file,
                                  const EmbedMap *map, guint first_rule, GPtrArray *findings);
/* {"Suppressions": [...]}: into policy->suppressions. */
gboolean policy_load_suppressions(Policy *policy, const char *file, const cJSON *root,
                                  const JsonLocIndex *locs, GError **error);

/* policy.c */
PolicyInfo *policy_info_new(const char *file);
void policy_info_free(PolicyInfo *info);
/* A reference; the name is the ARN's last path component. */
GroupRef *group_ref_new(const char *arn, int priority);

/* variables.c: recompute the policy-level values (HOME_NET, EXTERNAL_NET)
 * after policy variables or --var changed. */
void policy_refresh_vars(Policy *policy);
/* Suricata syntax for a definition list: "x" for one, "[x,y]" for more. */
char *definitions_to_text(const GPtrArray *definitions);
/* Whether a --var value parses as an address (is_port FALSE) or port group. */
gboolean cli_var_fits(const char *value, gboolean is_port);

#endif
