/*
 * report.h - the face of src/report, the renderers: findings, rules and
 * analyses to text, JSON, SARIF, Markdown and HTML (html.h is the part's
 * own).  A renderer never parses and never decides: it prints
 * what the analyses produced, escaping every string for its format
 * (terminal control characters, invalid UTF-8 in JSON).
 */
#ifndef NFW_REPORT_REPORT_H
#define NFW_REPORT_REPORT_H

#include <stdio.h>
#include <glib.h>
#include <cjson/cJSON.h>

#include "base/base.h"
#include "findings/findings.h"
#include "policy/policy.h"
#include "analyze/analyze.h"
#include "simulate/simulate.h"
#include "verdict/verdict.h"

/* Version of the JSON documents we print; bumped on incompatible change. */
#define REPORT_SCHEMA_VERSION 1

typedef struct {
    int files;
    int groups;
    int rules; /* enabled rules in evaluation order */
    int disabled_rules;
    int errors, warnings, notes;
} LintSummary;

void lint_summary_count(LintSummary *summary, const Policy *policy, GPtrArray *findings);

void report_lint_text(FILE *out, GPtrArray *findings, const LintSummary *summary);
void report_lint_json(FILE *out, GPtrArray *findings, const LintSummary *summary);

void report_expand_text(FILE *out, const Policy *policy);
void report_expand_json(FILE *out, const Policy *policy);

/* Shared helpers. */
cJSON *report_finding_json(const Finding *finding);
/* "suppressed: REASON (until DATE) [file:line]" or "in the baseline: not
 * counted" (g_free); NULL for a finding that counts. */
char *report_status_text(const Finding *finding);
/* Findings shown but not counted for --fail-on. */
void report_count_status(GPtrArray *findings, int *suppressed, int *baselined);

/* `analyze` (report_analyze.c): the aggregates and findings of a log
 * analysis as a report read top to bottom, and as JSON. */
void report_analyze_text(FILE *out, const AnalyzeView *view, const AnalyzeThresholds *t,
                         GPtrArray *findings);
void report_analyze_json(FILE *out, const AnalyzeView *view, const AnalyzeThresholds *t,
                         GPtrArray *findings);

/* Renderers of findings from any command (lint or analyze). */
/* SARIF 2.1.0 for GitHub code scanning: tool.driver.rules from the check
 * table (help per check), one result per finding with file/line/column,
 * relatedLocations, the fix in the message and properties.fix. */
void report_findings_sarif(FILE *out, GPtrArray *findings, const char *tool_version);
/* A pull-request review comment: "## TITLE: totals", `scope` (a line, may
 * be NULL), a summary table per check, then findings grouped by severity
 * with related locations and the fix as a code block. */
void report_findings_markdown(FILE *out, GPtrArray *findings, const char *title, const char *scope);
/* The comment's size cap (GitHub's limit is 65,536 characters), and the room
 * kept for the note saying what was cut.  Bytes are counted: never more
 * characters than bytes. */
#define REPORT_MARKDOWN_MAX 60000
#define REPORT_MARKDOWN_NOTE_ROOM 400

/* HTML (html_lint.c, html_analyze.c): one self-contained page. */

/* The lint report: policy at a glance, findings ranked by severity with
 * their fixes, the rule order with findings marked in place. */
void report_lint_html(FILE *out, const Policy *policy, GPtrArray *findings,
                      const LintSummary *summary);
/* Same into a string (for tests). */
void report_lint_html_string(GString *out, const Policy *policy, GPtrArray *findings,
                             const LintSummary *summary);

/* The analyze report: window and input accounting, alerts per hour by
 * action and by top rules, per-rule table with sparklines, top talkers and
 * blocked names, default-action groups with their suggested rules, and the
 * findings (alert-mode verdicts with their evidence).  From aggregates only. */
void report_analyze_html(FILE *out, const AnalyzeView *view, const AnalyzeThresholds *t,
                         GPtrArray *findings);
void report_analyze_html_string(GString *out, const AnalyzeView *view, const AnalyzeThresholds *t,
                                GPtrArray *findings);
/* `simulate --format html` (html_simulate.c): the changes first. */
void report_simulate_html(FILE *out, const SimSummary *summary, guint top);
void report_simulate_html_string(GString *out, const SimSummary *summary, guint top);

/* `explain` (report_explain.c): one flow's walk through the policy. */
typedef struct {
    guint rules; /* rules in evaluation order */
    RuleOrder order;
    const GPtrArray *default_actions; /* char*, in force */
} ExplainInfo;

void report_explain_text(FILE *out, const VerdictFlow *flow, const ExplainInfo *info,
                         const VerdictTrace *trace, const VerdictResult *result);
void report_explain_json(FILE *out, const VerdictFlow *flow, const ExplainInfo *info,
                         const VerdictTrace *trace, const VerdictResult *result);

/* `simulate` (report_simulate.c).  JSON streams: begin, one call per flow
 * (a SimSink function: pass the writer as its data), end with the summary. */
typedef struct {
    FILE *out;
    guint64 count;    /* flows written */
    gboolean started; /* the document's head is written */
} SimJsonWriter;

void report_simulate_json_begin(SimJsonWriter *writer);
void report_simulate_json_flow(const SimFlowResult *result, gpointer writer);
void report_simulate_json_end(SimJsonWriter *writer, const SimSummary *summary);
cJSON *report_simulate_flow_json(const SimFlowResult *result);
/* The changes first, grouped (at most `top` rows per group), then totals. */
void report_simulate_text(FILE *out, const SimSummary *summary, guint top);
void report_simulate_markdown(FILE *out, const SimSummary *summary, guint top);

/* Pieces of verdicts shared with `simulate`. */
void report_verdict_addr(char out[64], int family, const guint8 *addr);
void report_verdict_proto(char out[16], guint8 ip_proto); /* "TCP", "UDP", "ICMP", "47" */
/* A field's bytes as text, NUL shown as \x00 (g_free); NULL when unknown or absent. */
char *report_verdict_value_text(const VerdictValue *value);
cJSON *report_verdict_hit_json(const VerdictHit *hit); /* {"sid": N} | {"default_action": ...} */
cJSON *report_verdict_hits_json(const GArray *hits);   /* of VerdictHit */
void report_verdict_hit_text(GString *out, const VerdictHit *hit);
/* {"src_ip", "src_port", "dest_ip", "dest_port", "proto", "app_proto"} */
cJSON *report_verdict_flow_json(const VerdictFlow *flow);

#endif
