/*
 * rule.c - life cycle and small queries of the Rule model (rule.h).
 */
#include "rules/rule.h"

#include <string.h>

#include "rules/keywords.h"

void
rule_free(Rule *rule)
{
    if (rule == NULL)
        return;
    netexpr_free(rule->src_expr);
    netexpr_free(rule->src_ports_expr);
    netexpr_free(rule->dst_expr);
    netexpr_free(rule->dst_ports_expr);
    if (rule->options != NULL)
        g_ptr_array_free(rule->options, TRUE); /* frees the options only while parsing */
    if (rule->strings != NULL)
        g_string_chunk_free(rule->strings);
    g_free(rule);
}

void
rule_diag_clear(RuleDiag *diag)
{
    g_free(diag->message);
    diag->message = NULL;
    diag->check = NULL;
    diag->offset = -1;
}

const RuleOption *
rule_find_option(const Rule *rule, const char *keyword)
{
    const KeywordInfo *want = keyword_lookup(keyword);
    const char *canonical = want != NULL ? want->canonical : keyword;
    for (guint i = 0; i < rule->options->len; i++) {
        const RuleOption *opt = g_ptr_array_index(rule->options, i);
        if (opt->kw != NULL ? strcmp(opt->kw->canonical, canonical) == 0
                            : strcmp(opt->name, keyword) == 0)
            return opt;
    }
    return NULL;
}

int
rule_column_of(const Rule *rule, int offset)
{
    /* Columns count characters of the line the rule starts on; a rule joined
     * from continuation lines still reports against its first line. */
    if (offset < 0)
        return rule->loc.column > 0 ? rule->loc.column : 1;
    int base = rule->loc.column > 0 ? rule->loc.column : 1;
    const char *end = rule->text + offset;
    glong chars = g_utf8_validate(rule->text, offset, NULL)
                      ? g_utf8_pointer_to_offset(rule->text, end)
                      : offset;
    return base + (int)chars;
}
