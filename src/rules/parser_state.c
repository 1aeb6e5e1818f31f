/*
 * parser_state.c - the state of one rule being parsed (parser_state.h)
 * that the option loop (rule_parse.c) and the keyword validators
 * (validate_*.c) both change: byte variables and the app-layer protocol.
 * Apart from rule_parse.c so that the validators depend on it and not on
 * the option loop that calls them.
 */
#include "rules/parser_state.h"

#include <string.h>

static gboolean
is_http_version(const char *alproto)
{
    return strcmp(alproto, "http1") == 0 || strcmp(alproto, "http2") == 0;
}

void
parser_byte_var_add(RuleParser *parser, const char *name)
{
    if (parser->byte_vars == NULL)
        parser->byte_vars = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g_hash_table_add(parser->byte_vars, g_strdup(name));
}

gboolean
parser_byte_var_known(const RuleParser *parser, const char *name)
{
    return parser->byte_vars != NULL && g_hash_table_contains(parser->byte_vars, name);
}

/* "http" is Suricata 7's http_any: it serves HTTP/1 and HTTP/2, and narrows
 * to one of them when a version-specific keyword (http.start: http1,
 * http2.header_name: http2) appears.  http1 and http2 conflict. */
gboolean
parser_set_alproto(RuleParser *parser, const char *alproto, char **error)
{
    const char *cur = parser->alproto;
    if (cur != NULL && strcmp(cur, "http") == 0 && is_http_version(alproto)) {
        parser->alproto = alproto;
        return TRUE;
    }
    if (cur != NULL && strcmp(alproto, "http") == 0 && is_http_version(cur))
        return TRUE;
    if (cur != NULL && strcmp(cur, alproto) != 0) {
        *error = g_strdup_printf("conflicting protocols: the rule is already '%s', "
                                 "this keyword needs '%s'",
                                 parser->alproto, alproto);
        return FALSE;
    }
    if (parser->alproto == NULL)
        parser->alproto = alproto;
    parser->rule->flags |= RULE_F_APP_LAYER;
    return TRUE;
}
