/*
 * validate_payload.c - content and what modifies it: content, uricontent,
 * depth, offset, distance, within, startswith, endswith, nocase,
 * fast_pattern, rawbytes, replace, isdataat, prefilter, pkt_data, bsize.
 * Each function mirrors the Setup function named above it (Suricata
 * 7.0.10, src/detect-*.c), on the signature-init mirror of sig.h: a
 * modifier applies to the last content of the current list (any list when
 * no sticky buffer is set), exactly as DetectGetLastSMFromLists finds it,
 * so "pcre; nocase" modifies the content before the pcre.
 */
#include <string.h>

#include "rules/parser_state.h"
#include "rules/sc_parse.h"
#include "rules/validate.h"

static const SmType T_CONTENT[] = { SM_CONTENT, SM_OTHER };
static const SmType T_CONTENT_PCRE[] = { SM_CONTENT, SM_PCRE, SM_OTHER };

/* DetectContentDataParse (detect-content.c), quirks included: ',' is
 * allowed between hex digits, "\|" still toggles hex mode, and a value with
 * nothing converted keeps its raw bytes ("||" is the two bytes "||"). */
gboolean
content_data_parse(const char *keyword, const char *value, GByteArray *out, char **error,
                   int *error_offset)
{
    gsize slen = strlen(value);
    if (slen == 0) {
        *error = g_strdup("empty value");
        return FALSE;
    }
    guint8 *str = (guint8 *)g_strdup(value);
    gsize x = 0;
    gboolean bin = FALSE, escape = FALSE, converted = FALSE;
    char binstr[3] = { 0 };
    int binpos = 0;
    guint bin_count = 0;
    int hex_start = 0;
    for (gsize i = 0; i < slen; i++) {
        char c = (char)str[i];
        if (c == '|') {
            bin_count++;
            if (bin) {
                if (binpos > 0) {
                    *error = g_strdup("odd number of hex digits between '|'");
                    *error_offset = (int)i;
                    g_free(str);
                    return FALSE;
                }
                bin = FALSE;
            } else {
                bin = TRUE;
                hex_start = (int)i;
            }
        } else if (!escape && c == '\\') {
            escape = TRUE;
        } else if (bin) {
            if (g_ascii_isxdigit(c)) {
                binstr[binpos++] = c;
                if (binpos == 2) {
                    str[x++] = (guint8)(g_ascii_xdigit_value(binstr[0]) << 4 |
                                        g_ascii_xdigit_value(binstr[1]));
                    binpos = 0;
                    converted = TRUE;
                }
            } else if (c != ' ' && c != ',') {
                *error = g_strdup_printf("invalid hex digit '%c'", c);
                *error_offset = (int)i;
                g_free(str);
                return FALSE;
            }
        } else if (escape) {
            if (c == ':' || c == ';' || c == '\\' || c == '"') {
                str[x++] = (guint8)c;
            } else {
                *error = g_strdup("'\\' must be followed by ';', '\"', ':' or '\\' (write '\\\\' "
                                  "or |5C|)");
                *error_offset = (int)i - 1;
                g_free(str);
                return FALSE;
            }
            escape = FALSE;
            converted = TRUE;
        } else if (c == '"') {
            *error = g_strdup("unescaped '\"' inside the value (write '\\\"' or |22|)");
            *error_offset = (int)i;
            g_free(str);
            return FALSE;
        } else {
            str[x++] = (guint8)c;
        }
    }
    if (bin_count % 2 != 0) {
        *error = g_strdup_printf("unterminated hex block in %s: missing closing '|'", keyword);
        *error_offset = hex_start;
        g_free(str);
        return FALSE;
    }
    if (converted)
        slen = x;
    if (slen == 0) {
        *error = g_strdup("empty value");
        g_free(str);
        return FALSE;
    }
    if (slen > G_MAXUINT16) {
        /* Suricata keeps a 16-bit length: longer contents are cut */
        slen = slen & 0xffff;
    }
    g_byte_array_append(out, str, (guint)slen);
    g_free(str);
    return TRUE;
}

/* rule_content_decode (rule.h): the same decoder for parts outside
 * src/rules (the verdict engine matches contents against logged fields). */
int
rule_content_decode(const char *value, GByteArray *out, char **error)
{
    int offset = 0;
    guint before = out->len;
    if (!content_data_parse("content", value, out, error, &offset))
        return -1;
    return (int)(out->len - before);
}

SigMatch *
content_setup(RuleParser *p, const char *value, char **error, int *error_offset)
{
    Sig *s = &p->sig;
    GByteArray *bytes = g_byte_array_new();
    if (!content_data_parse("content", value, bytes, error, error_offset)) {
        g_byte_array_free(bytes, TRUE);
        return NULL;
    }
    SigMatch *sm = sig_match_new(s, SM_CONTENT, p->kw->name);
    sm->content_len = (guint16)bytes->len;
    sm->content = (guint8 *)g_string_chunk_insert_len(s->chunk, (const char *)bytes->data,
                                                      (gssize)bytes->len);
    g_byte_array_free(bytes, TRUE);
    if (s->negated)
        sm->flags |= CT_NEGATED;
    if (!sig_buffer_get_active(s, error)) {
        g_free(sm);
        return NULL;
    }
    int list = s->list;
    if (list == SIG_LIST_NOTSET) {
        list = SIG_LIST_PMATCH;
    } else if (list > SIG_LIST_MAX && !(sm->flags & CT_NEGATED)) {
        const char *tname = NULL;
        if (!sig_transform_validate(s, list, sm->content, sm->content_len, &tname)) {
            *error = g_strdup_printf("the content can never match after transform %s", tname);
            g_free(sm);
            return NULL;
        }
    }
    if (!sig_append(s, sm, list, error))
        return NULL;
    return sm;
}

/* DetectContentSetup (detect-content.c) */
gboolean
validate_content(RuleParser *p, const char *value, char **error, int *error_offset)
{
    return content_setup(p, value, error, error_offset) != NULL;
}

/* DetectUricontentSetup (detect-uricontent.c): content, then http_uri. */
gboolean
validate_uricontent(RuleParser *p, const char *value, char **error, int *error_offset)
{
    if (content_setup(p, value, error, error_offset) == NULL)
        return FALSE;
    int list = buffer_type_id("http_uri");
    return sig_content_modifier_buffer(&p->sig, "uricontent", list, ALPROTO_HTTP1, error);
}

/* The checks depth, offset, distance and within share (detect-depth.c ...). */
static SigMatch *
modifier_target(RuleParser *p, const char *kw, gboolean relative, char **error)
{
    SigMatch *cd = sig_last_from_lists(&p->sig, T_CONTENT);
    if (cd == NULL) {
        *error = g_strdup_printf("'%s' needs a preceding content", kw);
        return NULL;
    }
    guint32 own = strcmp(kw, "depth") == 0      ? CT_DEPTH
                  : strcmp(kw, "offset") == 0   ? CT_OFFSET
                  : strcmp(kw, "distance") == 0 ? CT_DISTANCE
                                                : CT_WITHIN;
    if (strcmp(kw, "offset") == 0 && (cd->flags & CT_STARTS_WITH)) {
        *error = g_strdup("offset cannot be combined with startswith");
        return NULL;
    }
    if (cd->flags & own) {
        *error = g_strdup_printf("'%s' given twice for the same content", kw);
        return NULL;
    }
    if (relative ? (cd->flags & (CT_DEPTH | CT_OFFSET)) : (cd->flags & (CT_WITHIN | CT_DISTANCE))) {
        *error = g_strdup("relative (distance, within) and absolute (depth, offset) modifiers "
                          "cannot be mixed on one content");
        return NULL;
    }
    if ((cd->flags & CT_NEGATED) && (cd->flags & CT_FAST_PATTERN)) {
        *error = g_strdup_printf("'%s' cannot follow fast_pattern on a negated content", kw);
        return NULL;
    }
    if (cd->flags & CT_FAST_PATTERN_ONLY) {
        *error = g_strdup_printf("'%s' cannot follow fast_pattern:only", kw);
        return NULL;
    }
    return cd;
}

/* `depth:NAME`: a byte_extract or byte_math variable, when the value
 * starts with a letter. */
static gboolean
byte_var_value(RuleParser *p, const char *value, const char *kw, char **error, gboolean *is_var)
{
    *is_var = value[0] != '-' && g_ascii_isalpha(value[0]);
    if (*is_var && !sig_byte_var_known(&p->sig, value)) {
        *error = g_strdup_printf("unknown byte_extract/byte_math variable '%s' in %s", value, kw);
        return FALSE;
    }
    return TRUE;
}

/* DetectDepthSetup (detect-depth.c) */
gboolean
validate_depth(RuleParser *p, const char *value, char **error, int *error_offset)
{
    SigMatch *cd = modifier_target(p, "depth", FALSE, error);
    gboolean var;
    if (cd == NULL || !byte_var_value(p, value, "depth", error, &var))
        return FALSE;
    if (var) {
        cd->flags |= CT_DEPTH_VAR;
    } else {
        guint16 d;
        if (!sc_parse_u16(&d, 0, 0, value)) {
            *error = g_strdup_printf("'%s' is not a number from 0 to 65535", value);
            return FALSE;
        }
        if (d < cd->content_len) {
            *error = g_strdup_printf("depth %u is smaller than the content length %u", d,
                                     cd->content_len);
            return FALSE;
        }
        cd->depth = (guint16)(d + cd->offset);
    }
    cd->flags |= CT_DEPTH;
    return TRUE;
}

/* DetectStartsWithSetup (detect-depth.c) */
gboolean
validate_startswith(RuleParser *p, const char *value, char **error, int *error_offset)
{
    SigMatch *cd = sig_last_from_lists(&p->sig, T_CONTENT);
    if (cd == NULL) {
        *error = g_strdup("'startswith' needs a preceding content");
        return FALSE;
    }
    if (cd->flags & CT_DEPTH) {
        *error = g_strdup("depth and startswith cannot both be set on one content");
        return FALSE;
    }
    if (cd->flags & (CT_WITHIN | CT_DISTANCE)) {
        *error = g_strdup("startswith cannot be combined with distance or within");
        return FALSE;
    }
    if ((cd->flags & CT_NEGATED) && (cd->flags & CT_FAST_PATTERN)) {
        *error = g_strdup("startswith cannot follow fast_pattern on a negated content");
        return FALSE;
    }
    if (cd->flags & CT_FAST_PATTERN_ONLY) {
        *error = g_strdup("startswith cannot follow fast_pattern:only");
        return FALSE;
    }
    if (cd->flags & CT_OFFSET) {
        *error = g_strdup("offset and startswith cannot both be set on one content");
        return FALSE;
    }
    cd->depth = cd->content_len;
    cd->flags |= CT_DEPTH | CT_STARTS_WITH;
    return TRUE;
}

/* DetectEndsWithSetup (detect-isdataat.c) */
gboolean
validate_endswith(RuleParser *p, const char *value, char **error, int *error_offset)
{
    SigMatch *cd = sig_last_from_lists(&p->sig, T_CONTENT);
    if (cd == NULL) {
        *error = g_strdup("'endswith' needs a preceding content");
        return FALSE;
    }
    cd->flags |= CT_ENDS_WITH;
    return TRUE;
}

/* DetectOffsetSetup (detect-offset.c) */
gboolean
validate_offset(RuleParser *p, const char *value, char **error, int *error_offset)
{
    SigMatch *cd = modifier_target(p, "offset", FALSE, error);
    gboolean var;
    if (cd == NULL || !byte_var_value(p, value, "offset", error, &var))
        return FALSE;
    if (var) {
        cd->flags |= CT_OFFSET_VAR;
    } else {
        guint16 o;
        if (!sc_parse_u16(&o, 0, 0, value)) {
            *error = g_strdup_printf("'%s' is not a number from 0 to 65535", value);
            return FALSE;
        }
        cd->offset = o;
        if (cd->depth != 0) {
            if (cd->depth < cd->content_len)
                cd->depth = cd->content_len;
            cd->depth = (guint16)(cd->depth + o);
        }
    }
    cd->flags |= CT_OFFSET;
    return TRUE;
}

/* The previous content may not be fast_pattern:only when a relative
 * modifier follows it (DetectDistanceSetup, DetectWithinSetup). */
static gboolean
relative_prev_ok(RuleParser *p, SigMatch *cd, char **error)
{
    SigMatch *prev = sig_last_before(&p->sig, cd, T_CONTENT_PCRE);
    if (prev != NULL && prev->type == SM_CONTENT && (prev->flags & CT_FAST_PATTERN_ONLY)) {
        *error = g_strdup("the previous content has fast_pattern:only: no relative modifier may "
                          "refer to it");
        return FALSE;
    }
    if (prev != NULL && prev->type == SM_CONTENT)
        prev->flags |= CT_RELATIVE_NEXT;
    return TRUE;
}

/* DetectDistanceSetup (detect-distance.c) */
gboolean
validate_distance(RuleParser *p, const char *value, char **error, int *error_offset)
{
    SigMatch *cd = modifier_target(p, "distance", TRUE, error);
    gboolean var;
    if (cd == NULL || !byte_var_value(p, value, "distance", error, &var))
        return FALSE;
    if (var) {
        cd->flags |= CT_DISTANCE_VAR;
    } else if (!sc_parse_i32_range(&cd->distance, 0, 0, value, -1048576, 1048576)) {
        *error = g_strdup_printf("'%s' is not a number from -1048576 to 1048576", value);
        return FALSE;
    }
    cd->flags |= CT_DISTANCE;
    return relative_prev_ok(p, cd, error);
}

/* DetectWithinSetup (detect-within.c) */
gboolean
validate_within(RuleParser *p, const char *value, char **error, int *error_offset)
{
    SigMatch *cd = modifier_target(p, "within", TRUE, error);
    gboolean var;
    if (cd == NULL || !byte_var_value(p, value, "within", error, &var))
        return FALSE;
    if (var) {
        cd->flags |= CT_WITHIN_VAR;
    } else {
        if (!sc_parse_i32_range(&cd->within, 0, 0, value, -1048576, 1048576)) {
            *error = g_strdup_printf("'%s' is not a number from -1048576 to 1048576", value);
            return FALSE;
        }
        if (cd->within < (gint32)cd->content_len) {
            *error = g_strdup_printf("within %d is smaller than the content length %u: it can "
                                     "never match",
                                     cd->within, cd->content_len);
            return FALSE;
        }
    }
    cd->flags |= CT_WITHIN;
    return relative_prev_ok(p, cd, error);
}

/* DetectNocaseSetup (detect-nocase.c) and DetectContentConvertToNocase */
gboolean
content_to_nocase(SigMatch *cd, char **error)
{
    if (cd->flags & CT_NOCASE) {
        *error = g_strdup("nocase given twice for the same content");
        return FALSE;
    }
    for (guint i = 0; i < cd->content_len; i++)
        cd->content[i] = g_ascii_tolower(cd->content[i]);
    cd->flags |= CT_NOCASE;
    return TRUE;
}

gboolean
validate_nocase(RuleParser *p, const char *value, char **error, int *error_offset)
{
    SigMatch *cd = sig_last_from_lists(&p->sig, T_CONTENT);
    if (cd == NULL) {
        *error = g_strdup("'nocase' needs a preceding content");
        return FALSE;
    }
    return content_to_nocase(cd, error);
}

/* DetectFastPatternSetup (detect-fast-pattern.c) */
gboolean
validate_fast_pattern(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re = SC_REGEX("^(\\s*only\\s*)|\\s*([0-9]+)\\s*,\\s*([0-9]+)\\s*$");
    Sig *s = &p->sig;
    SigMatch *pm1 = sig_last_from_mpm_lists(s);
    SigMatch *pm2 = sig_last_from_lists(s, T_CONTENT);
    if (pm1 == NULL && pm2 == NULL) {
        *error = g_strdup("'fast_pattern' needs a preceding content");
        return FALSE;
    }
    SigMatch *cd = pm1 && pm2 ? (pm1->idx > pm2->idx ? pm1 : pm2) : (pm1 ? pm1 : pm2);
    const guint32 positional = CT_DISTANCE | CT_WITHIN | CT_OFFSET | CT_DEPTH;
    if ((cd->flags & CT_NEGATED) && (cd->flags & positional)) {
        *error = g_strdup("fast_pattern cannot be used on a negated content with depth, offset, "
                          "distance or within");
        return FALSE;
    }
    if (value == NULL || *value == '\0') {
        if (cd->flags & CT_FAST_PATTERN) {
            *error = g_strdup("fast_pattern given twice for the same content");
            return FALSE;
        }
        /* only one content of the fixed lists may have it */
        for (int l = 0; l < SIG_LIST_MAX; l++)
            for (guint k = 0; k < s->smlists[l]->len; k++) {
                SigMatch *o = g_ptr_array_index(s->smlists[l], k);
                if (o->type == SM_CONTENT && (o->flags & CT_FAST_PATTERN)) {
                    *error = g_strdup("fast_pattern may be used on only one content of a rule");
                    return FALSE;
                }
            }
        cd->flags |= CT_FAST_PATTERN;
        return TRUE;
    }
    pcre2_match_data *md = NULL;
    int rc = sc_regex_exec(&re, value, &md);
    gboolean ok = TRUE;
    if (rc == 2) {
        if (cd->flags & (CT_NEGATED | positional)) {
            *error = g_strdup("fast_pattern:only cannot be used on a negated content or with "
                              "depth, offset, distance or within");
            ok = FALSE;
        } else {
            cd->flags |= CT_FAST_PATTERN_ONLY;
        }
    } else if (rc == 4) {
        char a[128], b[128];
        guint16 off = 0, len = 0;
        ok = sc_substr_copy(md, 2, a, sizeof a) >= 0 && sc_parse_u16(&off, 10, 0, a) &&
             sc_substr_copy(md, 3, b, sizeof b) >= 0 && sc_parse_u16(&len, 10, 0, b);
        if (!ok)
            *error = g_strdup_printf("'%s': offset and length must be numbers up to 65535", value);
        else if (off > 65535 - len || off + len > cd->content_len) {
            *error = g_strdup_printf("offset %u + length %u exceeds the content length %u", off,
                                     len, cd->content_len);
            ok = FALSE;
        } else {
            cd->flags |= CT_FAST_PATTERN_CHOP;
        }
    } else {
        *error = g_strdup_printf("'%s' is not 'only' or 'offset,length'", value);
        ok = FALSE;
    }
    pcre2_match_data_free(md);
    if (ok)
        cd->flags |= CT_FAST_PATTERN;
    return ok;
}

/* DetectRawbytesSetup (detect-rawbytes.c) */
gboolean
validate_rawbytes(RuleParser *p, const char *value, char **error, int *error_offset)
{
    Sig *s = &p->sig;
    if (s->list != SIG_LIST_NOTSET) {
        *error = g_strdup_printf("rawbytes cannot be combined with sticky buffer '%s'",
                                 buffer_type_name(s, s->list));
        return FALSE;
    }
    SigMatch *cd = sig_last_by_list_id(s, SIG_LIST_PMATCH, T_CONTENT);
    if (cd == NULL) {
        *error = g_strdup("'rawbytes' needs a preceding content in the payload");
        return FALSE;
    }
    if (cd->flags & CT_RAWBYTES) {
        *error = g_strdup("rawbytes given twice for the same content");
        return FALSE;
    }
    cd->flags |= CT_RAWBYTES;
    return TRUE;
}

/* DetectReplaceSetup (detect-replace.c): outside IPS mode (suricata -T)
 * Suricata only warns and ignores the value once it is not negated. */
gboolean
validate_replace(RuleParser *p, const char *value, char **error, int *error_offset)
{
    if (p->sig.negated) {
        *error = g_strdup("a replacement cannot be negated");
        return FALSE;
    }
    return TRUE;
}

/* DetectIsdataatSetup / DetectIsdataatParse (detect-isdataat.c) */
gboolean
validate_isdataat(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re =
        SC_REGEX("^\\s*!?([^\\s,]+)\\s*(,\\s*relative)?\\s*(,\\s*rawbytes\\s*)?\\s*$");
    static const SmType T_REL[] = { SM_CONTENT,      SM_PCRE,     SM_BYTETEST, SM_BYTEJUMP,
                                    SM_BYTE_EXTRACT, SM_ISDATAAT, SM_BYTEMATH, SM_OTHER };
    Sig *s = &p->sig;
    pcre2_match_data *md = NULL;
    int rc = sc_regex_exec(&re, value, &md);
    if (rc < 2 || rc > 4) {
        pcre2_match_data_free(md);
        *error = g_strdup_printf("expected '[!]N[, relative][, rawbytes]', got '%s'", value);
        return FALSE;
    }
    char *arg0 = sc_substr_get(md, 1);
    gboolean relative = rc > 2;
    /* "N, rawbytes" without relative: group 2 is unset and
     * pcre2_substring_get_bynumber fails on it */
    PCRE2_SIZE glen;
    gboolean unset = rc > 2 && pcre2_substring_length_bynumber(md, 2, &glen) < 0;
    pcre2_match_data_free(md);
    if (unset) {
        g_free(arg0);
        *error = g_strdup("rawbytes needs relative before it");
        return FALSE;
    }
    gboolean negated = value[0] == '!';
    gboolean is_var = arg0[0] != '-' && g_ascii_isalpha(arg0[0]);
    guint16 dataat = 0;
    if (!is_var && !sc_parse_u16(&dataat, 10, strlen(arg0), arg0)) {
        *error = g_strdup_printf("'%s' is not a number from 0 to 65535", arg0);
        g_free(arg0);
        return FALSE;
    }
    int list;
    SigMatch *prev = NULL;
    if (s->list != SIG_LIST_NOTSET) {
        if (!sig_buffer_get_active(s, error)) {
            g_free(arg0);
            return FALSE;
        }
        list = s->list;
        if (relative)
            prev = sig_last_from_lists(s, T_CONTENT_PCRE);
    } else if (relative) {
        prev = sig_last_from_lists(s, T_REL);
        list = prev == NULL ? SIG_LIST_PMATCH : sig_list_of(s, prev);
    } else {
        list = SIG_LIST_PMATCH;
    }
    if (is_var && !sig_byte_var_known(s, arg0)) {
        *error = g_strdup_printf("unknown byte_extract/byte_math variable '%s'", arg0);
        g_free(arg0);
        return FALSE;
    }
    g_free(arg0);
    /* "isdataat:!1,relative" right after a content is endswith */
    if (prev != NULL && prev->type == SM_CONTENT && dataat == 1 && !is_var && relative && negated) {
        prev->flags |= CT_ENDS_WITH;
        return TRUE;
    }
    SigMatch *sm = sig_match_new(s, SM_ISDATAAT, "isdataat");
    return sig_append(s, sm, list, error);
}

/* DetectPrefilterSetup (detect-prefilter.c) */
gboolean
validate_prefilter(RuleParser *p, const char *value, char **error, int *error_offset)
{
    Sig *s = &p->sig;
    if (s->flags & SIGF_PREFILTER) {
        *error = g_strdup("prefilter given twice");
        return FALSE;
    }
    SigMatch *sm = sig_last(s);
    if (sm == NULL) {
        *error = g_strdup("'prefilter' needs a preceding match");
        return FALSE;
    }
    if (sm->type == SM_CONTENT) {
        if ((sm->flags & CT_NEGATED) &&
            (sm->flags & (CT_DISTANCE | CT_WITHIN | CT_OFFSET | CT_DEPTH))) {
            *error = g_strdup("prefilter cannot be used on a negated content with depth, offset, "
                              "distance or within");
            return FALSE;
        }
        sm->flags |= CT_FAST_PATTERN;
    } else {
        if (!sm->prefilter_ok) {
            *error = g_strdup_printf("prefilter is not supported for %s", sm->kw);
            return FALSE;
        }
        s->flags |= SIGF_PREFILTER;
    }
    s->prefilter_sm = sm;
    return TRUE;
}

/* DetectPktDataSetup (detect-pkt-data.c) */
gboolean
validate_pkt_data(RuleParser *p, const char *value, char **error, int *error_offset)
{
    if (p->sig.transforms_cnt) {
        *error = g_strdup("a transform is not followed by any match before pkt_data");
        return FALSE;
    }
    p->sig.list = SIG_LIST_NOTSET;
    return TRUE;
}

/* DetectBsizeSetup (detect-bsize.c): Suricata fails without a message when
 * no buffer is set. */
gboolean
validate_bsize(RuleParser *p, const char *value, char **error, int *error_offset)
{
    Sig *s = &p->sig;
    if (!sig_buffer_get_active(s, error))
        return FALSE;
    if (s->list == SIG_LIST_NOTSET) {
        *error = g_strdup("bsize needs a sticky buffer before it");
        return FALSE;
    }
    UintData u;
    if (!sc_uint_parse(value, 64, &u)) {
        *error = g_strdup_printf("'%s' is not a size comparison (N, <N, >N, N-M ...)", value);
        return FALSE;
    }
    SigMatch *sm = sig_match_new(s, SM_BSIZE, "bsize");
    sm->u = u;
    return sig_append(s, sm, s->list, error);
}
