/*
 * rules.h - the face of src/rules: what other parts may use of the rule
 * model and the Suricata 7 parser.  Other parts include this header only;
 * the headers it gathers are the part's own:
 *   rule.h        the Rule model and rule_parse()
 *   netexpr.h     address / port expressions as written
 *   netset.h      resolved address / port sets and their algebra
 *   keywords.h    the keyword registry (flags, app-layer protocol, NFW support)
 *   rules_file.h  rule text (files, RulesString) to Rules and diagnostics
 *   protocols.h   the protocol table: known, app-layer, transport, NFW facts
 * Private to src/rules: parser_state.h, validate.h.
 */
#ifndef NFW_RULES_RULES_H
#define NFW_RULES_RULES_H

#include "rules/rule.h"
#include "rules/netexpr.h"
#include "rules/netset.h"
#include "rules/keywords.h"
#include "rules/rules_file.h"
#include "rules/protocols.h"

#endif
