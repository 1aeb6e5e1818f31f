/*
 * checks.h - the registry of checks: one table entry per check id, with its
 * default severity and help text.  Ids are public interface (JSON, SARIF
 * ruleId, --disable): never rename one once shipped.  Internal to
 * src/findings: other parts include findings.h.
 */
#ifndef NFW_FINDINGS_CHECKS_H
#define NFW_FINDINGS_CHECKS_H

#include <glib.h>

#include "findings/finding.h"

typedef enum {
    CHECK_KIND_STATIC, /* lint: rules and policy */
    CHECK_KIND_LOGS,   /* analyze: rules plus logs */
} CheckKind;

typedef struct {
    const char *id;
    Severity severity;
    CheckKind kind;
    const char *summary; /* one line */
    const char *help;    /* a paragraph: why it matters, how to fix */
} CheckInfo;

const CheckInfo *check_lookup(const char *id);
/* Whether one of `ids` (NULL-terminated) is not in `disabled` (a set of
 * check ids, NULL for none): a runner producing `ids` is still wanted. */
gboolean check_any_enabled(const char *const *ids, GHashTable *disabled);
/* The whole table, in documentation order. */
const CheckInfo *check_table(gsize *count);

#endif
