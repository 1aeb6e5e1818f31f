/*
 * lint_fix.h - rule text edits for the `fix` of findings: the exact rule a
 * user can paste (an alert twin, a rule with `alert;` added, a flow option
 * without `established`).  Internal to src/lint.
 *
 * Edits work on Rule.text with the offsets the parser recorded, so the
 * rest of the rule stays byte for byte as written.
 */
#ifndef NFW_LINT_LINT_FIX_H
#define NFW_LINT_LINT_FIX_H

#include <glib.h>

#include "policy/policy.h"

/* The rule text with the action word replaced. Caller frees. */
char *fix_with_action(const Rule *rule, const char *action);

/* The alert twin of a pass rule: action alert, sid `sid`, msg extended with
 * "(logs pass sid N)", a priority keyword dropped in strict order. */
char *fix_alert_twin(const Rule *pass, guint64 sid, gboolean strict);

/* `text` (a rule) with `option` ("alert;", "flow:to_server;") inserted
 * before the sid option (or before the closing parenthesis). */
char *fix_insert_option(const Rule *rule, const char *option);

/* The rule text with the value of the first option named `keyword`
 * replaced (new_value NULL: the option removed). NULL if no such option. */
char *fix_replace_option(const Rule *rule, const char *keyword, const char *new_value);

/* The sids in use: a set of guint64* (owned), for fix_free_sid. */
GHashTable *fix_sids_in_use(const Policy *policy);
/* A sid for the twin of the rule with sid `pass_sid`: 1,000,000,000 +
 * pass_sid when free, else the next free one above the highest in use.
 * The chosen sid is added to `in_use`. */
guint64 fix_free_sid(GHashTable *in_use, guint64 pass_sid);

/* Offset of the ';' ending the option that starts at `offset`. */
int fix_option_end(const Rule *rule, const RuleOption *opt);

#endif
