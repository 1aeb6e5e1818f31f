/*
 * validate_payload.c - validators of payload matches and their modifiers:
 * content (and its hex and escapes), depth/offset/distance/within,
 * nocase/startswith/endswith/rawbytes/fast_pattern, pcre (compiled with
 * PCRE2, as Suricata does), isdataat, byte_*, dsize, base64_decode,
 * transforms with values.
 *
 * The conflicts between modifiers are Suricata 7's (detect-depth.c,
 * detect-within.c, detect-content.c ...), measured with suricata -T.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <string.h>

#include "rules/parser_state.h"
#include "rules/validate.h"

int
content_decode(const char *value, GByteArray *out, char **error, int *error_offset)
{
    gboolean in_hex = FALSE;
    int hex_digits = 0;
    guint8 hex_byte = 0;
    int hex_start = 0;
    for (int i = 0; value[i] != '\0'; i++) {
        char c = value[i];
        if (c == '|') {
            if (in_hex && hex_digits % 2 != 0) {
                *error = g_strdup("odd number of hex digits between '|'");
                *error_offset = i;
                return -1;
            }
            in_hex = !in_hex;
            hex_digits = 0;
            hex_start = i;
            continue;
        }
        if (in_hex) {
            if (c == ' ' || c == '\t')
                continue;
            if (!g_ascii_isxdigit(c)) {
                *error = g_strdup_printf("invalid hex digit '%c'", c);
                *error_offset = i;
                return -1;
            }
            hex_byte = (guint8)(hex_byte << 4 | g_ascii_xdigit_value(c));
            if (++hex_digits % 2 == 0) {
                g_byte_array_append(out, &hex_byte, 1);
                hex_byte = 0;
            }
            continue;
        }
        if (c == '\\' && value[i + 1] == '\0') {
            /* Suricata keeps a lone trailing backslash literally. */
            g_byte_array_append(out, (const guint8 *)&c, 1);
            continue;
        }
        if (c == '\\') {
            char n = value[i + 1];
            if (n == ';' || n == '\\' || n == '"' || n == ':') {
                g_byte_array_append(out, (const guint8 *)&n, 1);
                i++;
                continue;
            }
            *error =
                g_strdup("'\\' must be followed by ';', '\"', ':' or '\\' (write '\\\\' or |5C|)");
            *error_offset = i;
            return -1;
        }
        if (c == '"') {
            *error = g_strdup("unescaped '\"' inside content (write '\\\"' or |22|)");
            *error_offset = i;
            return -1;
        }
        g_byte_array_append(out, (const guint8 *)&c, 1);
    }
    if (in_hex) {
        *error = g_strdup("unterminated hex block: missing closing '|'");
        *error_offset = hex_start;
        return -1;
    }
    if (out->len == 0) {
        *error = g_strdup("empty content");
        *error_offset = 0;
        return -1;
    }
    return (int)out->len;
}

int
rule_content_decode(const char *value, GByteArray *out, char **error)
{
    int offset = 0;
    return content_decode(value, out, error, &offset);
}

gboolean
validate_content(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    GByteArray *bytes = g_byte_array_new();
    int len = content_decode(value, bytes, error, error_offset);
    gboolean has_lower = FALSE, has_upper = FALSE;
    for (guint i = 0; len > 0 && i < bytes->len; i++) {
        has_lower |= g_ascii_islower(bytes->data[i]);
        has_upper |= g_ascii_isupper(bytes->data[i]);
    }
    g_byte_array_free(bytes, TRUE);
    if (len < 0)
        return FALSE;
    if (((parser->buffer_transforms & XFORM_TO_UPPER) && has_lower) ||
        ((parser->buffer_transforms & XFORM_TO_LOWER) && has_upper)) {
        *error = g_strdup_printf("content \"%s\" can never match after the case transform", value);
        return FALSE;
    }
    if (strcmp(parser->kw->canonical, "uricontent") == 0) {
        char *e = NULL;
        if (!parser_set_alproto(parser, "http", &e)) {
            *error = e;
            return FALSE;
        }
    }
    if (parser->buffer != NULL &&
        (!strcmp(parser->buffer, "ja3.hash") || !strcmp(parser->buffer, "ja3s.hash"))) {
        gboolean md5 = strlen(value) == 32;
        for (const char *c = value; md5 && *c; c++)
            md5 = g_ascii_isxdigit(*c);
        if (!md5) {
            *error = g_strdup_printf("content in '%s' must be an MD5 hash (32 hex digits)",
                                     parser->buffer);
            return FALSE;
        }
    }
    parser->buffer_match_count++;
    parser->last.present = TRUE;
    parser->last.negated = parser->negated;
    parser->last.length = len;
    parser->last.mods = 0;
    parser->last.buffer = parser->buffer;
    return TRUE;
}

/* The checks common to every content modifier; called for each keyword with
 * KW_F_CONTENT_MOD that is not a legacy buffer modifier. */
gboolean
content_modifier_check(RuleParser *parser, const char *name, char **error)
{
    const char *kw = parser->kw->canonical;
    guint bit = 0;
    if (strcmp(kw, "nocase") == 0)
        bit = CMOD_NOCASE;
    else if (strcmp(kw, "depth") == 0)
        bit = CMOD_DEPTH;
    else if (strcmp(kw, "offset") == 0)
        bit = CMOD_OFFSET;
    else if (strcmp(kw, "distance") == 0)
        bit = CMOD_DISTANCE;
    else if (strcmp(kw, "within") == 0)
        bit = CMOD_WITHIN;
    else if (strcmp(kw, "startswith") == 0)
        bit = CMOD_STARTSWITH;
    else if (strcmp(kw, "endswith") == 0)
        bit = CMOD_ENDSWITH;
    else if (strcmp(kw, "fast_pattern") == 0)
        bit = CMOD_FAST_PATTERN;
    else if (strcmp(kw, "rawbytes") == 0)
        bit = CMOD_RAWBYTES;

    if (!parser->last.present) {
        *error = g_strdup_printf("'%s' needs a preceding content", name);
        return FALSE;
    }
    guint mods = parser->last.mods;
    if (mods & bit) {
        *error = g_strdup_printf("'%s' given twice for the same content", name);
        return FALSE;
    }
    if ((bit & (CMOD_DEPTH | CMOD_STARTSWITH)) && (mods & (CMOD_DEPTH | CMOD_STARTSWITH))) {
        *error = g_strdup("depth and startswith cannot both be set on one content");
        return FALSE;
    }
    if ((bit == CMOD_STARTSWITH && (mods & CMOD_OFFSET)) ||
        (bit == CMOD_OFFSET && (mods & CMOD_STARTSWITH))) {
        *error = g_strdup("offset and startswith cannot both be set on one content");
        return FALSE;
    }
    if (((bit & (CMOD_DEPTH | CMOD_OFFSET)) && (mods & (CMOD_DISTANCE | CMOD_WITHIN))) ||
        ((bit & (CMOD_DISTANCE | CMOD_WITHIN)) && (mods & (CMOD_DEPTH | CMOD_OFFSET)))) {
        *error = g_strdup("relative (distance, within) and absolute (depth, offset) "
                          "modifiers cannot be mixed on one content");
        return FALSE;
    }
    if (bit == CMOD_FAST_PATTERN && parser->fast_pattern_seen) {
        *error = g_strdup("fast_pattern may be used on only one content of a rule");
        return FALSE;
    }
    if (bit == CMOD_RAWBYTES && parser->last.buffer != NULL) {
        *error = g_strdup("rawbytes applies only to the packet payload");
        return FALSE;
    }
    if ((mods & CMOD_FP_ONLY) && (bit & (CMOD_DEPTH | CMOD_OFFSET | CMOD_DISTANCE | CMOD_WITHIN))) {
        *error = g_strdup_printf("'%s' cannot follow fast_pattern:only", name);
        return FALSE;
    }
    if (bit == CMOD_FAST_PATTERN)
        parser->fast_pattern_seen = TRUE;
    parser->last.mods |= bit;
    return TRUE;
}

/* depth, offset, distance, within: a number or a byte_extract variable. */
gboolean
validate_content_pos(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    const char *kw = parser->kw->canonical;
    if (g_ascii_isalpha(value[0]) || value[0] == '_') {
        if (!parser_byte_var_known(parser, value)) {
            *error = g_strdup_printf("unknown byte_extract/byte_math variable '%s'", value);
            return FALSE;
        }
        return TRUE;
    }
    gboolean negative_ok = strcmp(kw, "distance") == 0;
    const char *digits = value;
    if (*digits == '-' && negative_ok)
        digits++;
    guint64 v;
    if (!parse_uint(digits, 65535, &v) && !(negative_ok && parse_uint(digits, 65535, &v))) {
        *error = g_strdup_printf("'%s' is not a valid %s", value, kw);
        return FALSE;
    }
    if (strcmp(kw, "depth") == 0 && (gint64)v < parser->last.length) {
        *error = g_strdup_printf("depth %s is smaller than the content length %d", value,
                                 parser->last.length);
        return FALSE;
    }
    if (strcmp(kw, "within") == 0 && (gint64)v < parser->last.length) {
        *error =
            g_strdup_printf("within %s is smaller than the content length %d: it can never match",
                            value, parser->last.length);
        return FALSE;
    }
    return TRUE;
}

gboolean
validate_fast_pattern(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    if (value == NULL)
        return TRUE;
    if (strcmp(value, "only") == 0) {
        if (parser->last.negated ||
            (parser->last.mods & (CMOD_DEPTH | CMOD_OFFSET | CMOD_DISTANCE | CMOD_WITHIN))) {
            *error = g_strdup("'only' cannot be used with a negated content or with "
                              "depth, offset, distance or within");
            return FALSE;
        }
        parser->last.mods |= CMOD_FP_ONLY;
        return TRUE;
    }
    guint64 a, b;
    char **parts = g_strsplit(value, ",", -1);
    gboolean ok = g_strv_length(parts) == 2 && parse_uint(parts[0], 65535, &a) &&
                  parse_uint(parts[1], 65535, &b) && b > 0 &&
                  (gint64)(a + b) <= parser->last.length;
    g_strfreev(parts);
    if (!ok)
        *error = g_strdup_printf("'%s' is not 'only' or 'offset,length' within the content", value);
    return ok;
}

/* Suricata's own pcre modifiers that select a buffer (deprecated forms). */
static const char *
pcre_modifier_buffer(char c)
{
    switch (c) {
    case 'U':
    case 'I':
    case 'P':
    case 'H':
    case 'D':
    case 'M':
    case 'C':
    case 'S':
    case 'Y':
    case 'V':
    case 'W':
    case 'Z': return "http";
    default: return NULL;
    }
}

gboolean
validate_pcre(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    gsize len = strlen(value);
    const char *last_slash = strrchr(value, '/');
    if (value[0] != '/' || last_slash == value) {
        *error = g_strdup("expected \"/regex/flags\"");
        return FALSE;
    }
    guint32 options = 0;
    int buffer_flags = 0;
    for (const char *f = last_slash + 1; *f; f++) {
        if (*f == 'R' && parser->buffer_match_count == 0) {
            *error = g_strdup("pcre with /R (relative) needs a preceding match in the same buffer");
            return FALSE;
        }
        switch (*f) {
        case 'i': options |= PCRE2_CASELESS; break;
        case 's': options |= PCRE2_DOTALL; break;
        case 'm': options |= PCRE2_MULTILINE; break;
        case 'x': options |= PCRE2_EXTENDED; break;
        case 'A': options |= PCRE2_ANCHORED; break;
        case 'E': options |= PCRE2_DOLLAR_ENDONLY; break;
        case 'G': options |= PCRE2_UNGREEDY; break;
        case 'R':
        case 'O':
        case 'B':
        case 'Q': break;
        default: {
            const char *buf = pcre_modifier_buffer(*f);
            if (buf == NULL) {
                *error = g_strdup_printf("unknown pcre modifier '%c'", *f);
                *error_offset = (int)(f - value);
                return FALSE;
            }
            char *e = NULL;
            if (++buffer_flags > 1) {
                *error = g_strdup("only one pcre modifier may select a buffer");
                return FALSE;
            }
            if (!parser_set_alproto(parser, buf, &e)) {
                *error = e;
                return FALSE;
            }
        }
        }
    }
    int errcode = 0;
    PCRE2_SIZE erroffset = 0;
    gsize pattern_len = (gsize)(last_slash - value) - 1;
    pcre2_code *code =
        pcre2_compile((PCRE2_SPTR)(value + 1), pattern_len, options, &errcode, &erroffset, NULL);
    if (code == NULL) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(errcode, msg, sizeof msg);
        *error = g_strdup_printf("regex does not compile: %s", (const char *)msg);
        *error_offset = 1 + (int)erroffset;
        return FALSE;
    }
    pcre2_code_free(code);
    (void)len;
    parser->buffer_match_count++;
    parser->last.present = FALSE; /* modifiers apply to contents only */
    return TRUE;
}

gboolean
validate_isdataat(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    char **parts = g_strsplit(value, ",", -1);
    char *first = g_strstrip(parts[0]);
    if (*first == '!')
        first++;
    guint64 v;
    gboolean ok = parse_uint(first, 65535, &v) || parser_byte_var_known(parser, first);
    for (int i = 1; ok && parts[i]; i++) {
        char *p = g_strstrip(parts[i]);
        ok = strcmp(p, "relative") == 0 || strcmp(p, "rawbytes") == 0;
    }
    g_strfreev(parts);
    if (!ok)
        *error = g_strdup_printf("expected '[!]N[,relative][,rawbytes]', got '%s'", value);
    return ok;
}

static gboolean
byte_nbytes_ok(const char *s, gboolean is_string, guint64 max_plain)
{
    guint64 n;
    if (!parse_uint(s, 64, &n) || (n == 0 && !is_string))
        return FALSE;
    return is_string ? n <= 23 : n <= max_plain;
}

static gboolean
has_word(char **parts, int from, const char *word)
{
    for (int i = from; parts[i]; i++)
        if (strcmp(g_strstrip(parts[i]), word) == 0)
            return TRUE;
    return FALSE;
}

gboolean
validate_byte_test(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    char **p = g_strsplit(value, ",", -1);
    gboolean ok = g_strv_length(p) >= 4;
    if (ok) {
        gboolean is_string = has_word(p, 4, "string");
        ok = byte_nbytes_ok(g_strstrip(p[0]), is_string, 8) ||
             parser_byte_var_known(parser, g_strstrip(p[0]));
        char *op = g_strstrip(p[1]);
        if (*op == '!')
            op++;
        ok = ok && (strcmp(op, "<") == 0 || strcmp(op, ">") == 0 || strcmp(op, "=") == 0 ||
                    strcmp(op, "<=") == 0 || strcmp(op, ">=") == 0 || strcmp(op, "&") == 0 ||
                    strcmp(op, "^") == 0);
    }
    g_strfreev(p);
    if (!ok)
        *error = g_strdup("expected 'nbytes, [!]operator, value, offset[, options]'");
    return ok;
}

gboolean
validate_byte_jump(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    char **p = g_strsplit(value, ",", -1);
    gboolean ok = g_strv_length(p) >= 2;
    if (ok) {
        gboolean is_string = has_word(p, 2, "string");
        ok = byte_nbytes_ok(g_strstrip(p[0]), is_string, 8);
    }
    g_strfreev(p);
    if (!ok)
        *error = g_strdup("expected 'nbytes, offset[, options]'");
    return ok;
}

gboolean
validate_byte_extract(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    char **p = g_strsplit(value, ",", -1);
    gboolean ok = g_strv_length(p) >= 3;
    if (ok) {
        gboolean is_string = has_word(p, 3, "string");
        ok = byte_nbytes_ok(g_strstrip(p[0]), is_string, 8);
        char *name = g_strstrip(p[2]);
        ok = ok && (g_ascii_isalpha(*name) || *name == '_');
        if (ok)
            parser_byte_var_add(parser, name);
    }
    g_strfreev(p);
    if (!ok)
        *error = g_strdup("expected 'nbytes, offset, name[, options]'");
    return ok;
}

gboolean
validate_byte_math(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    char **p = g_strsplit(value, ",", -1);
    gboolean ok = TRUE;
    gboolean have_bytes = FALSE, have_offset = FALSE, have_oper = FALSE, have_rvalue = FALSE,
             have_result = FALSE;
    for (int i = 0; ok && p[i]; i++) {
        char *item = g_strstrip(p[i]);
        char *space = strchr(item, ' ');
        char *key = space ? g_strndup(item, space - item) : g_strdup(item);
        char *arg = space ? g_strstrip(space + 1) : NULL;
        if (strcmp(key, "bytes") == 0)
            have_bytes = TRUE;
        else if (strcmp(key, "offset") == 0)
            have_offset = TRUE;
        else if (strcmp(key, "oper") == 0)
            have_oper = TRUE;
        else if (strcmp(key, "rvalue") == 0)
            have_rvalue = TRUE;
        else if (strcmp(key, "result") == 0 && arg != NULL) {
            have_result = TRUE;
            parser_byte_var_add(parser, arg);
        }
        g_free(key);
    }
    ok = have_bytes && have_offset && have_oper && have_rvalue && have_result;
    g_strfreev(p);
    if (!ok)
        *error = g_strdup("needs bytes, offset, oper, rvalue and result");
    return ok;
}

gboolean
validate_base64_decode(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    parser->seen_base64_decode = TRUE;
    return TRUE;
}

gboolean
validate_pcrexform(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    int errcode = 0;
    PCRE2_SIZE erroffset = 0;
    pcre2_code *code =
        pcre2_compile((PCRE2_SPTR)value, PCRE2_ZERO_TERMINATED, 0, &errcode, &erroffset, NULL);
    if (code == NULL) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(errcode, msg, sizeof msg);
        *error = g_strdup_printf("regex does not compile: %s", (const char *)msg);
        *error_offset = (int)erroffset;
        return FALSE;
    }
    guint32 captures = 0;
    pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &captures);
    pcre2_code_free(code);
    if (captures == 0) {
        *error = g_strdup("the regex needs a capture group");
        return FALSE;
    }
    return TRUE;
}

gboolean
validate_xor(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    gsize len = strlen(value);
    gboolean ok = len > 0 && len % 2 == 0 && len <= 510;
    for (gsize i = 0; ok && i < len; i++)
        ok = g_ascii_isxdigit(value[i]);
    if (!ok)
        *error = g_strdup("the key must be an even number of hex digits");
    return ok;
}

gboolean
validate_dataset(RuleParser *parser, const char *value, char **error, int *error_offset)
{
    return TRUE;
}
