/*
 * rule_parse.c - one Suricata 7 rule, text to Rule.
 *
 * The accept/reject decisions follow Suricata 7.0's detect-parse.c step by
 * step, so that `lint` accepts exactly what `suricata -T` accepts:
 *  - the header is split the way SigParseBasics does: the action and the
 *    direction are whitespace tokens, the other fields are "lists" that end
 *    at a space outside brackets (so "[1.2.3.4, 5.6.7.8]" is one field);
 *  - the option string is what follows, with leading '(' and trailing ')'
 *    stripped (Suricata tolerates a missing parenthesis);
 *  - each option ends at the first ';' not preceded by '\' (quotes do not
 *    protect a ';'), its name ends at the first ':';
 *  - quoting and negation are handled centrally, per keyword, before the
 *    keyword's validator sees the value (SIGMATCH_QUOTES_* flags);
 *  - errors are reported in the order Suricata reports them.
 * Messages are ours (clearer, with a column); decisions are Suricata's.
 */
#include "rules/rule.h"

#include <string.h>

#include "base/base.h"
#include "rules/keywords.h"
#include "rules/netset.h"
#include "rules/parser_state.h"
#include "rules/protocols.h"

static const char *const action_names[] = {
    [RULE_ACTION_ALERT] = "alert",
    [RULE_ACTION_PASS] = "pass",
    [RULE_ACTION_DROP] = "drop",
    [RULE_ACTION_REJECT] = "reject",
    [RULE_ACTION_REJECTSRC] = "rejectsrc",
    [RULE_ACTION_REJECTDST] = "rejectdst",
    [RULE_ACTION_REJECTBOTH] = "rejectboth",
    [RULE_ACTION_CONFIG] = "config",
};

const char *
rule_action_name(RuleAction action)
{
    return action_names[action];
}

gboolean
rule_action_from_string(const char *s, RuleAction *out)
{
    for (guint i = 0; i < G_N_ELEMENTS(action_names); i++) {
        if (g_ascii_strcasecmp(s, action_names[i]) == 0) {
            *out = (RuleAction)i;
            return TRUE;
        }
    }
    return FALSE;
}

gboolean
rule_action_is_terminal(RuleAction action)
{
    return action != RULE_ACTION_ALERT && action != RULE_ACTION_CONFIG;
}

static void
diag_set(RuleDiag *diag, const char *check, int offset, char *message)
{
    diag->check = check;
    diag->offset = offset;
    diag->message = message;
}

/* Header tokenizer state: the text we cut into fields, and the chunk that
 * receives them. */
typedef struct {
    GStringChunk *strings;
    const char *text;
    gsize len;
    gsize pos;
    gboolean exhausted; /* SigParseList found no terminating space */
} HeaderCursor;

static gboolean
is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* SigParseToken: skip blanks, take up to the next space/tab/newline. */
static char *
header_token(HeaderCursor *c, int *offset)
{
    while (c->pos < c->len && is_blank(c->text[c->pos]))
        c->pos++;
    gsize start = c->pos;
    while (c->pos < c->len && !strchr(" \t\n\r", c->text[c->pos]))
        c->pos++;
    *offset = (int)start;
    char *tok = g_string_chunk_insert_len(c->strings, c->text + start, (gssize)(c->pos - start));
    if (c->pos < c->len)
        c->pos++;
    else
        c->exhausted = TRUE;
    return tok;
}

/* SigParseList: skip blanks, take up to a space outside brackets. */
static char *
header_list(HeaderCursor *c, int *offset)
{
    while (c->pos < c->len && is_blank(c->text[c->pos]))
        c->pos++;
    gsize start = c->pos;
    int depth = 0;
    gsize i;
    for (i = start; i < c->len; i++) {
        char ch = c->text[i];
        if (ch == '[')
            depth++;
        else if (ch == ']')
            depth--;
        else if (ch == ' ' && depth == 0)
            break;
    }
    *offset = (int)start;
    if (i >= c->len) {
        c->exhausted = TRUE;
        c->pos = c->len;
        return g_string_chunk_insert_len(c->strings, c->text + start, (gssize)(c->len - start));
    }
    c->pos = i + 1;
    return g_string_chunk_insert_len(c->strings, c->text + start, (gssize)(i - start));
}

static gboolean
parse_protocol(Rule *rule, const char *proto, int offset, RuleParser *parser, RuleDiag *diag)
{
    char *lower = g_string_chunk_insert(rule->strings, proto);
    for (char *p = lower; *p; p++)
        *p = g_ascii_tolower(*p);
    rule->proto = lower;
    guint known = rule_proto_flags(lower);
    if (known & RULE_PROTO_PACKET)
        return TRUE;
    if (known & RULE_PROTO_APP) {
        parser->alproto = lower;
        rule->flags |= RULE_F_APP_LAYER;
        return TRUE;
    }
    if (known & RULE_PROTO_DISABLED) {
        diag_set(diag, "syntax", offset,
                 g_strdup_printf("protocol '%s' is disabled in Suricata's default configuration "
                                 "(app-layer.protocols.%s.detection-enabled)",
                                 proto, lower));
        return FALSE;
    }
    diag_set(diag, "syntax", offset, g_strdup_printf("unknown protocol '%s'", proto));
    return FALSE;
}

/* TRUE when the set of `e` cannot be empty without evaluating it: no
 * negation anywhere, only any, CIDRs and ordered port ranges, and groups of
 * those.  Most header fields are like this ("any", "80", "[80,443]"); the
 * others are evaluated.  A symbol-free field only needs the emptiness check,
 * so this skips building a NetSet that would be thrown away. */
static gboolean
netexpr_surely_nonempty(const NetExpr *e)
{
    if (e->negated)
        return FALSE;
    switch (e->kind) {
    case NETEXPR_ANY:
    case NETEXPR_CIDR: return TRUE;
    case NETEXPR_PORT_RANGE: return e->port_lo <= e->port_hi;
    case NETEXPR_GROUP:
        if (e->items->len == 0)
            return FALSE;
        for (guint i = 0; i < e->items->len; i++)
            if (!netexpr_surely_nonempty(g_ptr_array_index(e->items, i)))
                return FALSE;
        return TRUE;
    default: return FALSE;
    }
}

static gboolean
parse_net_field(Rule *rule, const char *text, int offset, gboolean ports, NetExpr **out,
                RuleDiag *diag)
{
    char *error = NULL;
    int error_offset = 0;
    *out = ports ? netexpr_parse_ports(text, &error, &error_offset)
                 : netexpr_parse_address(text, &error, &error_offset);
    if (*out == NULL) {
        diag_set(diag, "syntax", offset + error_offset,
                 g_strdup_printf("%s: %s", ports ? "invalid port" : "invalid address", error));
        g_free(error);
        return FALSE;
    }
    (void)rule;
    /* Without variables the set can be checked now, as Suricata does:
     * "[80,!80]" leaves nothing and is rejected.  With variables the policy
     * checks it once they are resolved. */
    if (!netexpr_surely_nonempty(*out) && !netexpr_has_symbols(*out)) {
        NetSet *set = netset_from_expr(*out, ports, NULL, NULL, &error);
        if (set == NULL) {
            diag_set(diag, "syntax", offset,
                     g_strdup_printf("%s: %s", ports ? "invalid port" : "invalid address", error));
            g_free(error);
            netexpr_free(*out);
            *out = NULL;
            return FALSE;
        }
        netset_free(set);
    }
    return TRUE;
}

/* Quote and negation handling of SigParseOptions.  `value` is modified in
 * place; returns the start of the value to validate, or NULL with diag. */
static char *
option_unquote(RuleParser *parser, const char *name, char *value, int value_offset, RuleDiag *diag)
{
    char *ptr = value;
    while (is_blank(*ptr))
        ptr++;
    if (*ptr == '\0') {
        diag_set(diag, "invalid-option", value_offset, g_strdup_printf("'%s' needs a value", name));
        return NULL;
    }
    if ((parser->kw->flags & KW_F_NEGATION) && *ptr == '!') {
        parser->negated = TRUE;
        ptr++;
        while (is_blank(*ptr))
            ptr++;
        if (*ptr == '\0') {
            diag_set(diag, "invalid-option", value_offset,
                     g_strdup_printf("'%s' needs a value after '!'", name));
            return NULL;
        }
    }
    gboolean mandatory = (parser->kw->flags & KW_F_QUOTES_MANDATORY) != 0;
    gboolean optional = (parser->kw->flags & KW_F_QUOTES_OPTIONAL) != 0;
    int at = value_offset + (int)(ptr - value);
    if (mandatory && *ptr != '"') {
        diag_set(diag, "invalid-option", at,
                 g_strdup_printf("the value of '%s' must be double quoted", name));
        return NULL;
    }
    if ((mandatory || optional) && *ptr == '"') {
        gsize len = strlen(ptr);
        while (len > 0 && is_blank(ptr[len - 1]))
            ptr[--len] = '\0';
        if (len < 2 || ptr[len - 1] != '"') {
            diag_set(
                diag, "syntax", at,
                g_strdup_printf(
                    "unterminated quoted value of '%s' (a ';' inside quotes must be escaped as '\\;')",
                    name));
            return NULL;
        }
        ptr[len - 1] = '\0';
        ptr++;
        if (*ptr == '\0') {
            diag_set(diag, "invalid-option", at,
                     g_strdup_printf("the value of '%s' is empty", name));
            return NULL;
        }
        return ptr;
    }
    if (*ptr == '"') {
        diag_set(diag, "invalid-option", at,
                 g_strdup_printf("'%s' does not take a quoted value", name));
        return NULL;
    }
    return ptr;
}

/* Header buffers inspect one protocol's header: tcp.hdr in a udp rule can
 * never match, and Suricata rejects it. */
static gboolean
header_buffer_matches_proto(const char *buffer, const char *proto)
{
    static const struct {
        const char *buffer;
        const char *const protos[4];
    } needs[] = {
        { "tcp.hdr", { "tcp", NULL } },
        { "udp.hdr", { "udp", NULL } },
        { "icmpv4.hdr", { "icmp", "icmpv4", NULL } },
        { "icmpv6.hdr", { "icmpv6", NULL } },
    };
    static const char *const packet_protos[] = { "tcp", "udp", "icmp", "icmpv4", "icmpv6", NULL };
    if (!base_str_in_list(packet_protos, proto))
        return TRUE; /* ip and app-layer rules: decided per packet */
    for (gsize i = 0; i < G_N_ELEMENTS(needs); i++)
        if (strcmp(needs[i].buffer, buffer) == 0)
            return base_str_in_list(needs[i].protos, proto);
    return TRUE;
}

/* file.data serves the protocols that carry files. */
static gboolean
file_data_proto_ok(const char *buffer, const char *alproto)
{
    static const char *const file_protos[] = {
        "http", "http1", "http2", "smtp", "smb", "nfs", "ftp", "ftp-data", NULL,
    };
    if (strcmp(buffer, "file.data") != 0 || alproto == NULL)
        return TRUE;
    return base_str_in_list(file_protos, alproto);
}

/* The keyword-independent rules about buffers and content modifiers. */
static gboolean
option_apply_flags(RuleParser *parser, const char *name, gboolean has_value, int offset,
                   RuleDiag *diag)
{
    const KeywordInfo *kw = parser->kw;
    char *error = NULL;
    gboolean was_just_set = parser->buffer_just_set;
    parser->buffer_just_set = FALSE;

    if ((kw->flags & KW_F_NOOPT) && has_value) {
        diag_set(diag, "invalid-option", offset, g_strdup_printf("'%s' takes no value", name));
        return FALSE;
    }
    if (!(kw->flags & (KW_F_NOOPT | KW_F_OPTVALUE)) && !has_value) {
        diag_set(diag, "invalid-option", offset, g_strdup_printf("'%s' needs a value", name));
        return FALSE;
    }

    if (kw->flags & KW_F_STICKY) {
        if (parser->buffer != NULL && !parser->buffer_has_match) {
            diag_set(diag, "invalid-option", offset,
                     g_strdup_printf(
                         "sticky buffer '%s' is followed by '%s' before any match was added to it",
                         parser->buffer, name));
            return FALSE;
        }
        if (kw->alproto != NULL && !parser_set_alproto(parser, kw->alproto, &error)) {
            diag_set(diag, "invalid-option", offset, error);
            return FALSE;
        }
        if (!header_buffer_matches_proto(kw->canonical, parser->rule->proto)) {
            diag_set(
                diag, "invalid-option", offset,
                g_strdup_printf("'%s' cannot be used in a '%s' rule", name, parser->rule->proto));
            return FALSE;
        }
        if (!file_data_proto_ok(kw->canonical, parser->alproto)) {
            diag_set(
                diag, "invalid-option", offset,
                g_strdup_printf("'%s' cannot be used with protocol '%s'", name, parser->alproto));
            return FALSE;
        }
        if (kw->alproto != NULL)
            parser->uses_app_buffer = TRUE;
        if (strcmp(kw->canonical, "http.header.raw") == 0)
            parser->uses_raw_header = TRUE;
        parser->buffer_transforms = 0;
        parser->buffer_match_count = 0;
        parser->buffer = kw->canonical;
        parser->buffer_has_match = FALSE;
        parser->buffer_just_set = TRUE;
        parser->last.present = FALSE;
        return TRUE;
    }
    if (strcmp(kw->canonical, "lua") == 0) {
        diag_set(diag, "invalid-option", offset,
                 g_strdup("Lua rules are disabled in Suricata 7's default configuration "
                          "(security.lua.allow-rules) and not supported by Network Firewall"));
        return FALSE;
    }
    if (strcmp(kw->canonical, "base64_data") == 0 && !parser->seen_base64_decode) {
        diag_set(diag, "invalid-option", offset,
                 g_strdup("'base64_data' needs a preceding base64_decode"));
        return FALSE;
    }
    if (strcmp(kw->canonical, "pkt_data") == 0) {
        parser->buffer = NULL;
        parser->buffer_has_match = FALSE;
        parser->last.present = FALSE;
        return TRUE;
    }
    if (kw->flags & KW_F_TRANSFORM) {
        /* Suricata 7.0 accepts a transform anywhere after a sticky buffer
         * (ET's "dns.query; content; pcre; dotprefix; content" loads). */
        (void)was_just_set;
        if (parser->buffer == NULL) {
            diag_set(diag, "invalid-option", offset,
                     g_strdup_printf("transform '%s' needs a sticky buffer before it", name));
            return FALSE;
        }
        parser->buffer_just_set = TRUE; /* transforms may be chained */
        if (strcmp(kw->canonical, "to_lowercase") == 0)
            parser->buffer_transforms |= XFORM_TO_LOWER;
        else if (strcmp(kw->canonical, "to_uppercase") == 0)
            parser->buffer_transforms |= XFORM_TO_UPPER;
        return TRUE;
    }
    if ((kw->flags & KW_F_CONTENT_MOD) && (kw->flags & KW_F_APP_LAYER)) {
        /* Legacy modifier (http_uri ...): moves the last content into a buffer. */
        if (parser->buffer != NULL) {
            diag_set(diag, "invalid-option", offset,
                     g_strdup_printf(
                         "'%s' used while sticky buffer '%s' is set; reset it with pkt_data first",
                         name, parser->buffer));
            return FALSE;
        }
        if (!parser->last.present || parser->last.buffer != NULL) {
            diag_set(diag, "invalid-option", offset,
                     g_strdup_printf("'%s' needs a preceding content in the payload", name));
            return FALSE;
        }
        if (kw->alproto != NULL && !parser_set_alproto(parser, kw->alproto, &error)) {
            diag_set(diag, "invalid-option", offset, error);
            return FALSE;
        }
        parser->last.buffer = kw->canonical;
        parser->uses_app_buffer = TRUE;
        if (strcmp(kw->canonical, "http_raw_header") == 0)
            parser->uses_raw_header = TRUE;
        return TRUE;
    }
    if (kw->flags & KW_F_CONTENT_MOD) {
        if (!content_modifier_check(parser, name, &error)) {
            diag_set(diag, "invalid-option", offset, error);
            return FALSE;
        }
        return TRUE;
    }
    if (kw->alproto != NULL) {
        if (!parser_set_alproto(parser, kw->alproto, &error)) {
            diag_set(diag, "invalid-option", offset, error);
            return FALSE;
        }
    }
    return TRUE;
}

/* One option: text[start, end) without the ';'.  Returns FALSE with diag. */
static gboolean
parse_option(RuleParser *parser, const char *text, gsize start, gsize end, RuleDiag *diag)
{
    Rule *rule = parser->rule;
    while (start < end && is_blank(text[start]))
        start++;
    const char *colon = memchr(text + start, ':', end - start);
    gsize name_end = colon ? (gsize)(colon - text) : end;
    while (name_end > start && is_blank(text[name_end - 1]))
        name_end--;
    char *name = g_string_chunk_insert_len(rule->strings, text + start, (gssize)(name_end - start));
    int name_offset = (int)start;

    RuleOption *opt = g_new0(RuleOption, 1);
    opt->name = name;
    opt->offset = name_offset;
    opt->value_offset = -1;
    g_ptr_array_add(rule->options, opt);

    const KeywordInfo *kw = keyword_lookup(name);
    if (kw == NULL) {
        diag_set(diag, "unknown-keyword", name_offset,
                 *name ? g_strdup_printf("unknown rule keyword '%s'", name)
                       : g_strdup("empty option (stray ';')"));
        return FALSE;
    }
    opt->kw = kw;
    parser->kw = kw;
    parser->negated = FALSE;

    char *raw_value = NULL;
    int value_offset = -1;
    if (colon != NULL) {
        gsize vstart = (gsize)(colon - text) + 1;
        gsize vend = end;
        while (vend > vstart && is_blank(text[vend - 1]))
            vend--;
        /* The option keeps the value as written; the validators get a
         * working copy that unquoting may cut. */
        opt->value =
            g_string_chunk_insert_len(rule->strings, text + vstart, (gssize)(vend - vstart));
        raw_value =
            g_string_chunk_insert_len(rule->strings, text + vstart, (gssize)(vend - vstart));
        value_offset = (int)vstart;
        opt->value_offset = value_offset;
    }
    /* An empty value ("nocase:;") counts as no value, as in Suricata. */
    gboolean has_value = raw_value != NULL && *raw_value != '\0';
    char *value = NULL;
    if (has_value) {
        /* Blank-only values are malformed for every keyword. */
        value = option_unquote(parser, name, raw_value, value_offset, diag);
        if (value == NULL)
            return FALSE;
    }
    if (!option_apply_flags(parser, name, has_value, name_offset, diag))
        return FALSE;
    if (kw->validate != NULL) {
        char *error = NULL;
        int error_offset = 0;
        if (!kw->validate(parser, value, &error, &error_offset)) {
            int at = value != NULL ? value_offset + (int)(value - raw_value) + error_offset
                                   : name_offset;
            diag_set(diag, "invalid-option", at, g_strdup_printf("%s: %s", name, error));
            g_free(error);
            return FALSE;
        }
    }
    if (kw->flags & KW_F_PAYLOAD)
        parser->buffer_has_match = TRUE;
    if (strcmp(kw->canonical, "alert") == 0)
        rule->flags |= RULE_F_ALERT_KW;
    else if (strcmp(kw->canonical, "noalert") == 0)
        rule->flags |= RULE_F_NOALERT;
    else if (strcmp(kw->canonical, "flow") == 0)
        rule->flags |= RULE_F_HAS_FLOW;
    if (kw->flags & KW_F_PAYLOAD)
        rule->flags |= RULE_F_HAS_CONTENT;
    return TRUE;
}

static gboolean
parse_options(RuleParser *parser, const char *text, gsize start, gsize end, RuleDiag *diag)
{
    /* Suricata strips leading blanks and '(' and trailing blanks and ')'. */
    while (start < end && (g_ascii_isspace(text[start]) || text[start] == '('))
        start++;
    while (end > start && (g_ascii_isspace(text[end - 1]) || text[end - 1] == ')'))
        end--;
    gsize pos = start;
    while (pos < end) {
        gsize opt_start = pos;
        while (opt_start < end && is_blank(text[opt_start]))
            opt_start++;
        gsize semi = opt_start;
        for (;;) {
            while (semi < end && text[semi] != ';')
                semi++;
            if (semi >= end) {
                diag_set(
                    diag, "syntax", (int)opt_start,
                    g_strdup(
                        "option not terminated by ';' (a rule's options end with ';' before ')')"));
                return FALSE;
            }
            if (semi > opt_start && text[semi - 1] == '\\') {
                semi++;
                continue;
            }
            break;
        }
        if (!parse_option(parser, text, opt_start, semi, diag))
            return FALSE;
        pos = semi + 1;
    }
    return TRUE;
}

static gboolean
check_complete(RuleParser *parser, gsize text_len, RuleDiag *diag)
{
    Rule *rule = parser->rule;
    if (parser->buffer != NULL && !parser->buffer_has_match) {
        diag_set(diag, "invalid-option", -1,
                 g_strdup_printf("sticky buffer '%s' has no match after it", parser->buffer));
        return FALSE;
    }
    if (parser->uses_raw_header && !(rule->flow & (RULE_FLOW_TO_SERVER | RULE_FLOW_TO_CLIENT))) {
        diag_set(diag, "invalid-option", -1,
                 g_strdup("raw HTTP headers need a direction: add flow:to_server (request) or "
                          "flow:to_client (response)"));
        return FALSE;
    }
    if (parser->seen_dsize && parser->uses_app_buffer) {
        diag_set(
            diag, "invalid-option", -1,
            g_strdup("dsize matches single packets and cannot be combined with app-layer buffers"));
        return FALSE;
    }
    if (!(rule->flags & RULE_F_HAS_SID)) {
        diag_set(diag, "syntax", (int)text_len, g_strdup("rule has no sid"));
        return FALSE;
    }
    return TRUE;
}

/* Bytes of a string kept by the compact copy ("" for NULL is not kept). */
static gsize
kept_size(const char *s)
{
    return s != NULL ? strlen(s) + 1 : 0;
}

/* Copy `s` to *area and advance it; NULL stays NULL. */
static char *
kept_copy(char **area, const char *s)
{
    if (s == NULL)
        return NULL;
    gsize n = strlen(s) + 1;
    char *out = memcpy(*area, s, n);
    *area += n;
    return out;
}

/* The accepted rule moved into one allocation: the Rule, its options and
 * every string it keeps, sized exactly.  The parse itself works in a
 * GStringChunk (which rounds blocks up to powers of two and keeps working
 * copies of values); a million-rule policy would pay ~1 KB per rule for
 * that and a malloc per option.  Frees `scratch`. */
static Rule *
rule_compact(Rule *scratch)
{
    guint n = scratch->options->len;
    gsize bytes = kept_size(scratch->text) + kept_size(scratch->loc.file) +
                  kept_size(scratch->proto) + kept_size(scratch->src) +
                  kept_size(scratch->src_ports) + kept_size(scratch->dst) +
                  kept_size(scratch->dst_ports) + kept_size(scratch->msg);
    for (guint i = 0; i < n; i++) {
        const RuleOption *opt = g_ptr_array_index(scratch->options, i);
        bytes += kept_size(opt->name) + kept_size(opt->value);
    }
    gsize head = sizeof(Rule) + n * sizeof(RuleOption);
    Rule *rule = g_malloc(head + bytes);
    RuleOption *slab = (RuleOption *)(rule + 1);
    char *area = (char *)rule + head;
    *rule = *scratch;
    rule->strings = NULL;
    rule->text = kept_copy(&area, scratch->text);
    rule->loc.file = kept_copy(&area, scratch->loc.file);
    rule->proto = kept_copy(&area, scratch->proto);
    rule->src = kept_copy(&area, scratch->src);
    rule->src_ports = kept_copy(&area, scratch->src_ports);
    rule->dst = kept_copy(&area, scratch->dst);
    rule->dst_ports = kept_copy(&area, scratch->dst_ports);
    rule->msg = kept_copy(&area, scratch->msg);
    rule->options = g_ptr_array_sized_new(n);
    for (guint i = 0; i < n; i++) {
        const RuleOption *opt = g_ptr_array_index(scratch->options, i);
        slab[i] = *opt;
        slab[i].name = kept_copy(&area, opt->name);
        slab[i].value = kept_copy(&area, opt->value);
        g_ptr_array_add(rule->options, &slab[i]);
    }
    /* The expressions now belong to `rule`. */
    scratch->src_expr = scratch->dst_expr = NULL;
    scratch->src_ports_expr = scratch->dst_ports_expr = NULL;
    rule_free(scratch);
    return rule;
}

Rule *
rule_parse(const char *text, const SourceLoc *loc, RuleDiag *diag)
{
    Rule *rule = g_new0(Rule, 1);
    gsize text_len = strlen(text);
    rule->strings = g_string_chunk_new(2 * text_len + 64);
    rule->text = g_string_chunk_insert_len(rule->strings, text, (gssize)text_len);
    rule->loc.file = loc && loc->file ? g_string_chunk_insert(rule->strings, loc->file) : NULL;
    rule->loc.line = loc ? loc->line : 0;
    rule->loc.column = loc ? loc->column : 0;
    rule->line_count = 1;
    rule->options = g_ptr_array_new_with_free_func(g_free);
    rule->priority = -1;
    rule->index = -1;
    rule->gid = 1;

    RuleParser parser = { .rule = rule };

    memset(diag, 0, sizeof *diag);
    diag->offset = -1;

    HeaderCursor c = { .strings = rule->strings, .text = text, .len = text_len };
    char *fields[7] = { 0 };
    int offs[7] = { 0 };
    gboolean ok = TRUE;
    static const char *const field_names[] = {
        "action",           "protocol",  "source address",
        "source port",      "direction", "destination address",
        "destination port",
    };
    for (int i = 0; i < 7; i++) {
        if (c.exhausted) {
            diag_set(diag, "syntax", (int)c.len,
                     g_strdup_printf("incomplete rule header: expected the %s", field_names[i]));
            ok = FALSE;
            break;
        }
        fields[i] = (i == 0 || i == 4) ? header_token(&c, &offs[i]) : header_list(&c, &offs[i]);
    }
    if (ok && c.exhausted) {
        diag_set(diag, "syntax", (int)c.len,
                 g_strdup("rule has no options: expected '(' after the header"));
        ok = FALSE;
    }

    if (ok && !rule_action_from_string(fields[0], &rule->action)) {
        diag_set(diag, "syntax", offs[0], g_strdup_printf("unknown action '%s'", fields[0]));
        ok = FALSE;
    }
    if (ok)
        ok = parse_protocol(rule, fields[1], offs[1], &parser, diag);
    if (ok) {
        if (strcmp(fields[4], "->") == 0) {
            rule->direction = RULE_DIR_FORWARD;
        } else if (strcmp(fields[4], "<>") == 0) {
            rule->direction = RULE_DIR_BOTH;
        } else {
            diag_set(diag, "syntax", offs[4],
                     g_strdup_printf("invalid direction '%s': expected '->' or '<>'", fields[4]));
            ok = FALSE;
        }
    }
    if (ok)
        ok = parse_net_field(rule, fields[2], offs[2], FALSE, &rule->src_expr, diag);
    if (ok)
        ok = parse_net_field(rule, fields[5], offs[5], FALSE, &rule->dst_expr, diag);
    if (ok)
        ok = parse_net_field(rule, fields[3], offs[3], TRUE, &rule->src_ports_expr, diag);
    if (ok)
        ok = parse_net_field(rule, fields[6], offs[6], TRUE, &rule->dst_ports_expr, diag);
    if (ok) {
        rule->src = fields[2];
        rule->src_ports = fields[3];
        rule->dst = fields[5];
        rule->dst_ports = fields[6];
        static const int map[6] = { 0, 1, 2, 3, 5, 6 };
        for (int i = 0; i < 6; i++)
            rule->field_offset[i] = offs[map[i]];
        ok = parse_options(&parser, text, c.pos, c.len, diag);
    }
    if (ok)
        ok = check_complete(&parser, c.len, diag);

    if (parser.byte_vars != NULL)
        g_hash_table_destroy(parser.byte_vars);
    if (!ok) {
        rule_free(rule);
        return NULL;
    }
    rule = rule_compact(rule);
    rule_classify(rule, NULL, NULL);
    return rule;
}
