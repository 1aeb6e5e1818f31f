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
 *  - options are read twice, as SigInitHelper does: a first pass that only
 *    sets up sid and requires (a rule whose requires is not met is skipped
 *    whatever else it holds), then the header and every other option;
 *  - each validator is the keyword's Setup function (keywords_table.c names
 *    it), working on a mirror of Suricata's signature-init data (sig.h),
 *    and the finished rule goes through SigValidate (sig.c);
 *  - errors are reported in the order Suricata reports them.
 * Messages are ours (clearer, with a column); decisions are Suricata's.
 */
#include "rules/rule.h"

#include <string.h>

#include "rules/keywords.h"
#include "rules/netset.h"
#include "rules/parser_state.h"
#include "rules/sc_netlist.h"
#include "rules/sc_parse.h"

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

/* SigParseProto: an IP protocol (DetectProtoParse, any case) or an enabled
 * application protocol (AppLayerGetProtoByName, exact case). */
static gboolean
parse_protocol(Rule *rule, const char *proto, int offset, RuleParser *parser, RuleDiag *diag)
{
    char *lower = g_string_chunk_insert(rule->strings, proto);
    for (char *p = lower; *p; p++)
        *p = g_ascii_tolower(*p);
    rule->proto = lower;
    Sig *s = &parser->sig;
    if (sig_proto_parse(&s->proto, proto)) {
        if (s->proto.flags & PROTO_F_ONLY_PKT)
            s->flags |= SIGF_REQUIRE_PACKET;
        else if (s->proto.flags & PROTO_F_ONLY_STREAM)
            s->flags |= SIGF_REQUIRE_STREAM;
        return TRUE;
    }
    AppProto a = alproto_by_name_enabled(proto);
    if (a != ALPROTO_UNKNOWN) {
        s->alproto = a;
        s->flags |= SIGF_APPLAYER;
        rule->flags |= RULE_F_APP_LAYER;
        /* AppLayerProtoDetectSupportedIpprotos */
        if (alproto_on_tcp(a))
            s->proto.proto[6 / 8] |= 1u << (6 % 8);
        if (alproto_on_udp(a))
            s->proto.proto[17 / 8] |= 1u << (17 % 8);
        return TRUE;
    }
    AppProto known = alproto_from_name(proto);
    if (known != ALPROTO_UNKNOWN && !alproto_enabled(known) && known != ALPROTO_FAILED &&
        known != ALPROTO_HTTP && known != ALPROTO_UNKNOWN)
        diag_set(diag, "syntax", offset,
                 g_strdup_printf("protocol '%s' is disabled in Suricata's default configuration "
                                 "(app-layer.protocols.%s.detection-enabled)",
                                 proto, proto));
    else if (g_ascii_strcasecmp(proto, lower) != 0 || alproto_from_name(lower) != ALPROTO_UNKNOWN)
        diag_set(diag, "syntax", offset,
                 g_strdup_printf("unknown protocol '%s' (application protocols are lowercase: "
                                 "'%s')",
                                 proto, lower));
    else
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

/* The elements of `e` with its positive groups opened, one string. */
static void
flat_string(const NetExpr *e, GString *out)
{
    if (e->kind == NETEXPR_GROUP && !e->negated) {
        for (guint i = 0; i < e->items->len; i++)
            flat_string(g_ptr_array_index(e->items, i), out);
        return;
    }
    char *one = netexpr_to_string(e);
    g_string_append(out, one);
    g_string_append_c(out, ',');
    g_free(one);
}

/* Whether two parses of a field insert the same elements ("80" is
 * "[80]"): then the one with the written offsets is kept. */
static gboolean
netexpr_same_meaning(const NetExpr *a, const NetExpr *b)
{
    GString *sa = g_string_new(NULL), *sb = g_string_new(NULL);
    flat_string(a, sa);
    flat_string(b, sb);
    gboolean same = strcmp(sa->str, sb->str) == 0;
    g_string_free(sa, TRUE);
    g_string_free(sb, TRUE);
    return same;
}

/* A normalized parse has offsets into the normalized text: point at the
 * field instead. */
static void
netexpr_zero_offsets(NetExpr *e)
{
    e->offset = 0;
    for (guint i = 0; e->kind == NETEXPR_GROUP && i < e->items->len; i++)
        netexpr_zero_offsets(g_ptr_array_index(e->items, i));
}

static gboolean
parse_net_field(Rule *rule, const char *text, int offset, gboolean ports, NetExpr **out,
                RuleDiag *diag)
{
    char *error = NULL;
    int error_offset = 0;
    const char *what = ports ? "invalid port" : "invalid address";
    char *norm = sc_netlist_normalize(text, ports, &error);
    if (norm == NULL) {
        diag_set(diag, "syntax", offset, g_strdup_printf("%s: %s", what, error));
        g_free(error);
        return FALSE;
    }
    *out = ports ? netexpr_parse_ports(norm, &error, &error_offset)
                 : netexpr_parse_address(norm, &error, &error_offset);
    g_free(norm);
    if (*out != NULL) {
        /* Keep the field as written when it means the same (nearly
         * always): its offsets point into the rule. */
        char *direct_error = NULL;
        int direct_offset = 0;
        NetExpr *direct = ports ? netexpr_parse_ports(text, &direct_error, &direct_offset)
                                : netexpr_parse_address(text, &direct_error, &direct_offset);
        g_free(direct_error);
        if (direct != NULL && netexpr_same_meaning(direct, *out)) {
            netexpr_free(*out);
            *out = direct;
        } else {
            netexpr_free(direct);
            netexpr_zero_offsets(*out);
        }
    }
    if (*out == NULL) {
        /* the field as written usually fails in the same place, and its
         * offsets are the ones the user sees */
        char *direct_error = NULL;
        NetExpr *direct = ports ? netexpr_parse_ports(text, &direct_error, &error_offset)
                                : netexpr_parse_address(text, &direct_error, &error_offset);
        if (direct == NULL) {
            g_free(error);
            error = direct_error;
        } else {
            netexpr_free(direct);
            error_offset = 0;
        }
        diag_set(diag, "syntax", offset + error_offset, g_strdup_printf("%s: %s", what, error));
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
        parser->sig.negated = TRUE;
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
        if (ptr[len - 1] != '"') {
            diag_set(
                diag, "syntax", at,
                g_strdup_printf(
                    "unterminated quoted value of '%s' (a ';' inside quotes must be escaped as '\\;')",
                    name));
            return NULL;
        }
        if (len > 1) {
            /* a lone '"' is passed on as it is, as Suricata does */
            ptr[len - 1] = '\0';
            ptr++;
            if (*ptr == '\0') {
                diag_set(diag, "invalid-option", at,
                         g_strdup_printf("the value of '%s' is empty", name));
                return NULL;
            }
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

/* An option cut from the text, kept for the second pass. */
typedef struct {
    RuleOption *opt;
    char *raw_value; /* working copy of the value (NULL: none) */
    int name_offset;
} PendingOption;

/* One option: text[start, end) without the ';'.  Records it in the rule. */
static void
option_split(RuleParser *parser, const char *text, gsize start, gsize end, PendingOption *out)
{
    Rule *rule = parser->rule;
    while (start < end && is_blank(text[start]))
        start++;
    const char *colon = memchr(text + start, ':', end - start);
    gsize name_end = colon ? (gsize)(colon - text) : end;
    while (name_end > start && is_blank(text[name_end - 1]))
        name_end--;
    RuleOption *opt = g_new0(RuleOption, 1);
    opt->name = g_string_chunk_insert_len(rule->strings, text + start, (gssize)(name_end - start));
    opt->offset = (int)start;
    opt->value_offset = -1;
    g_ptr_array_add(rule->options, opt);
    out->opt = opt;
    out->raw_value = NULL;
    out->name_offset = (int)start;
    if (colon != NULL) {
        gsize vstart = (gsize)(colon - text) + 1;
        gsize vend = end;
        while (vend > vstart && is_blank(text[vend - 1]))
            vend--;
        /* the option keeps the value as written; validators get a working
         * copy that unquoting may cut */
        opt->value =
            g_string_chunk_insert_len(rule->strings, text + vstart, (gssize)(vend - vstart));
        out->raw_value =
            g_string_chunk_insert_len(rule->strings, text + vstart, (gssize)(vend - vstart));
        opt->value_offset = (int)vstart;
    }
}

static const KeywordInfo *
keyword_for_engine(const RuleParser *parser, const char *name)
{
    const KeywordInfo *kw = keyword_lookup(name);
    if (kw != NULL && (kw->flags & KW_F_NFW_ONLY) && parser->engine != RULE_ENGINE_NFW)
        return NULL;
    return kw;
}

/* Suricata says only "missing sid"; when "sid:" is inside another option's
 * value (a ';' forgotten after a quoted msg), point there. */
static void
no_sid_diag(GArray *pending, RuleDiag *diag, gsize text_len)
{
    static ScRegex re = SC_REGEX("(?:^|[\\s;\"])sid\\s*:");
    for (guint i = 0; i < pending->len; i++) {
        const RuleOption *opt = g_array_index(pending, PendingOption, i).opt;
        pcre2_match_data *md = NULL;
        if (opt->value != NULL && sc_regex_exec(&re, opt->value, &md) > 0) {
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
            const char *at = strstr(opt->value + ov[0], "sid");
            diag_set(diag, "syntax", opt->value_offset + (int)(at - opt->value),
                     g_strdup_printf("rule has no sid: this 'sid' is inside the value of '%s' "
                                     "(a ';' is missing before it?)",
                                     opt->name));
            pcre2_match_data_free(md);
            return;
        }
        pcre2_match_data_free(md);
    }
    diag_set(diag, "syntax", (int)text_len, g_strdup("rule has no sid"));
}

/* SigParseOptions for one option, from the table lookup on. */
static gboolean
option_setup(RuleParser *parser, PendingOption *po, RuleDiag *diag)
{
    Rule *rule = parser->rule;
    RuleOption *opt = po->opt;
    const char *name = opt->name;
    const KeywordInfo *kw = keyword_for_engine(parser, name);
    if (kw == NULL) {
        const KeywordInfo *nfw = keyword_lookup(name);
        diag_set(diag, "unknown-keyword", po->name_offset,
                 nfw != NULL ? g_strdup_printf("'%s' is a Network Firewall keyword: Suricata "
                                               "does not know it (--engine nfw accepts it)",
                                               name)
                 : *name     ? g_strdup_printf("unknown rule keyword '%s'", name)
                             : g_strdup("empty option (stray ';')"));
        return FALSE;
    }
    opt->kw = kw;
    parser->kw = kw;
    parser->sig.negated = FALSE;
    gboolean has_value = po->raw_value != NULL && *po->raw_value != '\0';
    if (!(kw->flags & (KW_F_NOOPT | KW_F_OPTVALUE)) && !has_value) {
        diag_set(diag, "invalid-option", po->name_offset,
                 g_strdup_printf("'%s' needs a value", name));
        return FALSE;
    }
    if ((kw->flags & KW_F_NOOPT) && has_value) {
        diag_set(diag, "invalid-option", po->name_offset,
                 g_strdup_printf("'%s' takes no value", name));
        return FALSE;
    }
    char *value = NULL;
    if (has_value) {
        value = option_unquote(parser, name, po->raw_value, opt->value_offset, diag);
        if (value == NULL)
            return FALSE;
    }
    char *error = NULL;
    int error_offset = 0;
    if (kw->validate != NULL && !kw->validate(parser, value, &error, &error_offset)) {
        int at = value != NULL ? opt->value_offset + (int)(value - po->raw_value) + error_offset
                               : po->name_offset;
        diag_set(diag, "invalid-option", at, g_strdup_printf("%s: %s", name, error));
        g_free(error);
        return FALSE;
    }
    g_free(error); /* a validator may leave a note on success */
    if (strcmp(kw->canonical, "alert") == 0)
        rule->flags |= RULE_F_ALERT_KW;
    else if (strcmp(kw->canonical, "noalert") == 0)
        rule->flags |= RULE_F_NOALERT;
    else if (strcmp(kw->canonical, "flow") == 0)
        rule->flags |= RULE_F_HAS_FLOW;
    if (kw->flags & KW_F_PAYLOAD)
        rule->flags |= RULE_F_HAS_CONTENT;
    if (kw->flags & KW_F_APP_LAYER)
        rule->flags |= RULE_F_APP_LAYER;
    return TRUE;
}

/* Cut the option string into options (the ';' not preceded by '\' ends
 * one).  FALSE with diag when one is not terminated. */
static gboolean
options_split(RuleParser *parser, const char *text, gsize start, gsize end, GArray *out,
              RuleDiag *diag)
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
        PendingOption po;
        option_split(parser, text, opt_start, semi, &po);
        g_array_append_val(out, po);
        pos = semi + 1;
    }
    return TRUE;
}

static gboolean
is_first_pass(const RuleOption *opt)
{
    return g_ascii_strcasecmp(opt->name, "requires") == 0 ||
           g_ascii_strcasecmp(opt->name, "sid") == 0;
}

/* CheckAscii: no control characters but tab, CR and LF. */
static int
control_char_at(const char *text)
{
    for (const char *p = text; *p; p++)
        if (((guchar)*p < 0x20 && *p != '\n' && *p != '\r' && *p != '\t') || *p == 0x7f)
            return (int)(p - text);
    return -1;
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

static const char *const engine_names[] = {
    [RULE_ENGINE_NFW] = "nfw",
    [RULE_ENGINE_SURICATA] = "suricata",
};

gboolean
rule_engine_from_string(const char *s, RuleEngine *out)
{
    for (guint i = 0; i < G_N_ELEMENTS(engine_names); i++)
        if (g_ascii_strcasecmp(s, engine_names[i]) == 0) {
            *out = (RuleEngine)i;
            return TRUE;
        }
    return FALSE;
}

const char *
rule_engine_name(RuleEngine engine)
{
    return engine_names[engine];
}

Rule *
rule_parse(const char *text, const SourceLoc *loc, RuleDiag *diag)
{
    Rule *rule = rule_parse_with(text, loc, NULL, diag);
    if (rule != NULL)
        rule_diag_clear(diag);
    return rule;
}

/* SigInitHelper: pass one (sid, requires), the sid check, the header, pass
 * two (every other option), SigValidate. */
static gboolean
parse_rule(RuleParser *parser, const char *text, RuleDiag *diag)
{
    Rule *rule = parser->rule;
    gsize text_len = strlen(text);
    /* DetectLoadSigFile (detect-engine-loader.c) reads a rule with fgets
     * into char line[DETECT_MAX_RULE_SIZE]: a longer rule is cut, and the
     * rest is read as another rule. */
    if (text_len >= RULE_TEXT_MAX) {
        diag_set(diag, "syntax", RULE_TEXT_MAX - 1,
                 g_strdup_printf("rule is %" G_GSIZE_FORMAT " bytes long; Suricata reads at most "
                                 "%d bytes of a rule (DETECT_MAX_RULE_SIZE) and cuts the rest",
                                 text_len, RULE_TEXT_MAX - 1));
        return FALSE;
    }
    int bad = control_char_at(text);
    if (bad >= 0) {
        diag_set(diag, "syntax", bad, g_strdup("control character in rule text"));
        return FALSE;
    }
    HeaderCursor c = { .strings = rule->strings, .text = text, .len = text_len };
    char *fields[7] = { 0 };
    int offs[7] = { 0 };
    static const char *const field_names[] = {
        "action",           "protocol",  "source address",
        "source port",      "direction", "destination address",
        "destination port",
    };
    for (int i = 0; i < 7; i++) {
        if (c.exhausted) {
            diag_set(diag, "syntax", (int)c.len,
                     g_strdup_printf("incomplete rule header: expected the %s", field_names[i]));
            return FALSE;
        }
        fields[i] = (i == 0 || i == 4) ? header_token(&c, &offs[i]) : header_list(&c, &offs[i]);
    }
    if (c.exhausted) {
        diag_set(diag, "syntax", (int)c.len,
                 g_strdup("rule has no options: expected '(' after the header"));
        return FALSE;
    }
    GArray *pending = g_array_new(FALSE, FALSE, sizeof(PendingOption));
    gboolean ok = options_split(parser, text, c.pos, c.len, pending, diag);
    for (guint i = 0; ok && i < pending->len; i++) {
        PendingOption *po = &g_array_index(pending, PendingOption, i);
        if (is_first_pass(po->opt))
            ok = option_setup(parser, po, diag);
    }
    if (ok && parser->skip_reason == NULL && !parser->seen_sid) {
        no_sid_diag(pending, diag, text_len);
        ok = FALSE;
    }
    if (ok && !rule_action_from_string(fields[0], &rule->action)) {
        diag_set(diag, "syntax", offs[0], g_strdup_printf("unknown action '%s'", fields[0]));
        ok = FALSE;
    }
    if (ok)
        ok = parse_protocol(rule, fields[1], offs[1], parser, diag);
    if (ok) {
        if (strcmp(fields[4], "->") == 0) {
            rule->direction = RULE_DIR_FORWARD;
        } else if (strcmp(fields[4], "<>") == 0) {
            rule->direction = RULE_DIR_BOTH;
            parser->sig.init_flags |= SIGI_BIDIREC;
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
    }
    /* A rule whose requires is not met is skipped before its header and
     * other options are looked at; the header is still needed here. */
    if (ok && parser->skip_reason != NULL) {
        g_array_free(pending, TRUE);
        return TRUE;
    }
    for (guint i = 0; ok && i < pending->len; i++) {
        PendingOption *po = &g_array_index(pending, PendingOption, i);
        if (!is_first_pass(po->opt))
            ok = option_setup(parser, po, diag);
        if (ok && parser->skip_reason != NULL)
            break; /* setup said "skip" (-3): Suricata stops here, silently */
    }
    g_array_free(pending, TRUE);
    if (ok && parser->skip_reason == NULL) {
        char *error = NULL;
        if (!sig_validate(&parser->sig, &error)) {
            diag_set(diag, "invalid-option", -1, error);
            ok = FALSE;
        }
    }
    return ok;
}

Rule *
rule_parse_with(const char *text, const SourceLoc *loc, const RuleParseOptions *opts,
                RuleDiag *diag)
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

    RuleParser parser = { .rule = rule, .engine = opts ? opts->engine : RULE_ENGINE_NFW };
    sig_init(&parser.sig);
    memset(diag, 0, sizeof *diag);
    diag->offset = -1;

    gboolean ok = parse_rule(&parser, text, diag);
    sig_clear(&parser.sig);
    if (!ok) {
        g_free(parser.skip_reason);
        rule_free(rule);
        return NULL;
    }
    if (parser.skip_reason != NULL) {
        rule->flags |= RULE_F_SKIPPED;
        diag_set(diag, "rule-skipped", -1, parser.skip_reason);
    }
    if (rule->src == NULL) {
        /* not reached: a rule is only kept with its header parsed */
        rule_free(rule);
        return NULL;
    }
    rule = rule_compact(rule);
    rule_classify(rule, NULL, NULL);
    return rule;
}
