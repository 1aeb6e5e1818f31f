/*
 * validate_byte.c - byte_test, byte_jump, byte_extract, byte_math,
 * base64_decode, base64_data: each mirrors the Setup and Parse functions
 * named above it (Suricata 7.0.10, src/detect-bytetest.c ...,
 * rust/src/detect/byte_math.rs), with the same regexes, the same number
 * readers (base 0, strict or not, as each call is) and the same choice of
 * list (the current buffer, else the list of the last relative match).
 */
#include <string.h>

#include "rules/parser_state.h"
#include "rules/sc_parse.h"
#include "rules/validate.h"

static const SmType T_CONTENT_PCRE[] = { SM_CONTENT, SM_PCRE, SM_OTHER };
static const SmType T_RELATIVE[] = { SM_CONTENT,      SM_PCRE,     SM_BYTETEST, SM_BYTEJUMP,
                                     SM_BYTE_EXTRACT, SM_ISDATAAT, SM_BYTEMATH, SM_OTHER };

static gboolean
is_var(const char *s)
{
    return s[0] != '-' && g_ascii_isalpha(s[0]);
}

static gboolean
var_known(RuleParser *p, const char *name, const char *kw, char **error)
{
    if (sig_byte_var_known(&p->sig, name))
        return TRUE;
    *error = g_strdup_printf("unknown byte_extract/byte_math variable '%s' in %s", name, kw);
    return FALSE;
}

/* The list a byte_* keyword goes to: the current buffer, else with dce the
 * list of the last relative match (and protocol dcerpc), else relative to
 * the last match, else the payload.  Returns -1 with *error. */
static int
byte_list(RuleParser *p, gboolean relative, gboolean dce, gboolean dce_rel_types_all,
          gboolean check_active, char **error)
{
    Sig *s = &p->sig;
    if (s->list != SIG_LIST_NOTSET) {
        if (check_active && !sig_buffer_get_active(s, error))
            return -1;
        return s->list;
    }
    if (dce) {
        int list = SIG_LIST_PMATCH;
        if (relative) {
            SigMatch *prev = sig_last_from_lists(s, T_RELATIVE);
            if (prev != NULL)
                list = sig_list_of(s, prev);
        }
        (void)dce_rel_types_all;
        if (!sig_set_alproto(s, ALPROTO_DCERPC, error))
            return -1;
        return list;
    }
    if (relative) {
        SigMatch *prev = sig_last_from_lists(s, T_RELATIVE);
        return prev == NULL ? SIG_LIST_PMATCH : sig_list_of(s, prev);
    }
    return SIG_LIST_PMATCH;
}

/* DetectBytetestSetup / DetectBytetestParse (detect-bytetest.c) */
gboolean
validate_byte_test(RuleParser *p, const char *value, char **error, int *error_offset)
{
#define VALID_KW "relative|big|little|string|oct|dec|hex|dce|bitmask"
    static ScRegex re = SC_REGEX("^\\s*"
                                 "([^\\s,]+)\\s*,\\s*"
                                 "(\\!?\\s*[^\\s,]*)"
                                 "\\s*,\\s*([^\\s,]+\\s*,\\s*[^\\s,]+)"
                                 "(?:\\s*,\\s*((?:" VALID_KW ")\\s+[^\\s,]+|[" VALID_KW "]+))?"
                                 "(?:\\s*,\\s*((?:" VALID_KW ")\\s+[^\\s,]+|[" VALID_KW "]+))?"
                                 "(?:\\s*,\\s*((?:" VALID_KW ")\\s+[^\\s,]+|[" VALID_KW "]+))?"
                                 "(?:\\s*,\\s*((?:" VALID_KW ")\\s+[^\\s,]+|[" VALID_KW "]+))?"
                                 "(?:\\s*,\\s*((?:" VALID_KW ")\\s+[^\\s,]+|[" VALID_KW "]+))?"
                                 "(?:\\s*,\\s*((?:" VALID_KW ")\\s+[^\\s,]+|[" VALID_KW "]+))?"
                                 "\\s*$");
#undef VALID_KW
    pcre2_match_data *md = NULL;
    int rc = sc_regex_exec(&re, value, &md);
    if (rc < 4 || rc > 9) {
        pcre2_match_data_free(md);
        *error = g_strdup("expected 'nbytes, [!]operator, value, offset[, options]'");
        return FALSE;
    }
    char *args[9] = { 0 };
    for (int i = 0; i < rc - 1; i++)
        args[i] = sc_substr_get(md, i + 1);
    pcre2_match_data_free(md);
    gboolean ok = TRUE;
    guint32 nbytes = 0;
    char *nbytes_var = is_var(args[0]) ? g_strdup(args[0]) : NULL;
    if (!nbytes_var && !sc_parse_u32(&nbytes, 10, 0, args[0])) {
        *error = g_strdup_printf("'%s' is not a number of bytes", args[0]);
        ok = FALSE;
    }
    if (ok) {
        const char *op = args[1];
        gboolean neg = op[0] == '!';
        if (neg) {
            op++;
            while (g_ascii_isspace(*op) || *op == ',')
                op++;
        }
        if (!(strcmp(op, "=") == 0 || (neg && *op == '\0') || strcmp(op, "<") == 0 ||
              strcmp(op, ">") == 0 || strcmp(op, "&") == 0 || strcmp(op, "^") == 0 ||
              strcmp(op, ">=") == 0 || strcmp(op, "<=") == 0)) {
            *error = g_strdup_printf("'%s' is not an operator (<, >, =, <=, >=, &, ^, with ! to "
                                     "negate)",
                                     args[1]);
            ok = FALSE;
        }
    }
    char *value_var = NULL, *offset_var = NULL;
    if (ok) {
        /* args[2] is "value, offset" */
        char *tv = g_strdup(args[2]);
        char *e = tv;
        while (*e && !(g_ascii_isspace(*e) || *e == ','))
            e++;
        char *rest = *e ? e + 1 : e;
        *e = '\0';
        guint64 v;
        if (is_var(tv))
            value_var = g_strdup(tv);
        else if (!sc_extract_u(&v, 0, 0, tv, G_MAXUINT64)) {
            *error = g_strdup_printf("'%s' is not a value", tv);
            ok = FALSE;
        }
        while (*rest && (g_ascii_isspace(*rest) || *rest == ','))
            rest++;
        char *oe = rest;
        while (*oe && !(g_ascii_isspace(*oe) || *oe == ','))
            oe++;
        *oe = '\0';
        gint32 off;
        if (ok) {
            if (is_var(rest))
                offset_var = g_strdup(rest);
            else if (!sc_parse_i32(&off, 0, 0, rest)) {
                *error = g_strdup_printf("'%s' is not an offset", rest);
                ok = FALSE;
            }
        }
        g_free(tv);
    }
    gboolean relative = FALSE, string = FALSE, dce = FALSE, little = FALSE, big = FALSE;
    int base = 0, bitmask_index = -1;
    for (int i = 3; ok && i < rc - 1; i++) {
        const char *a = args[i];
        if (a == NULL)
            continue;
        if (strcmp(a, "relative") == 0)
            relative = TRUE;
        else if (g_ascii_strcasecmp(a, "string") == 0)
            string = TRUE;
        else if (g_ascii_strcasecmp(a, "dec") == 0 || g_ascii_strcasecmp(a, "hex") == 0 ||
                 g_ascii_strcasecmp(a, "oct") == 0)
            base = 1;
        else if (g_ascii_strcasecmp(a, "big") == 0)
            big = TRUE, little = FALSE;
        else if (g_ascii_strcasecmp(a, "little") == 0)
            little = TRUE;
        else if (g_ascii_strcasecmp(a, "dce") == 0)
            dce = TRUE;
        else if (g_ascii_strncasecmp(a, "bitmask", 7) == 0)
            bitmask_index = i;
        else {
            *error = g_strdup_printf("unknown byte_test option '%s'", a);
            ok = FALSE;
        }
    }
    if (ok && !nbytes_var) {
        if (!((string && nbytes <= 23) || nbytes <= 8)) {
            *error = g_strdup_printf(string ? "byte_test reads at most 23 bytes with string"
                                            : "byte_test reads at most 8 bytes without string");
            ok = FALSE;
        } else if (!string && base) {
            *error = g_strdup("a base (dec, hex, oct) needs 'string'");
            ok = FALSE;
        }
    }
    if (ok && bitmask_index >= 0) {
        guint64 bm;
        if (!sc_extract_u(&bm, 0, 0, args[bitmask_index] + 7, G_MAXUINT32)) {
            *error = g_strdup_printf("'%s' is not a bitmask", args[bitmask_index] + 7);
            ok = FALSE;
        }
    }
    for (int i = 0; i < 9; i++)
        g_free(args[i]);
    int list = -1;
    if (ok) {
        list = byte_list(p, relative, dce, TRUE, TRUE, error);
        ok = list >= 0;
    }
    if (ok && dce && p->sig.list == SIG_LIST_NOTSET && (string || little || big || base)) {
        *error = g_strdup("byte_test with dce cannot also have string, big, little or a base");
        ok = FALSE;
    }
    if (ok && dce && p->sig.list != SIG_LIST_NOTSET && (string || little || big || base)) {
        *error = g_strdup("byte_test with dce cannot also have string, big, little or a base");
        ok = FALSE;
    }
    if (ok && value_var && !var_known(p, value_var, "byte_test", error))
        ok = FALSE;
    if (ok && offset_var && !var_known(p, offset_var, "byte_test", error))
        ok = FALSE;
    if (ok && nbytes_var && !var_known(p, nbytes_var, "byte_test", error))
        ok = FALSE;
    g_free(nbytes_var);
    g_free(value_var);
    g_free(offset_var);
    if (!ok)
        return FALSE;
    SigMatch *sm = sig_match_new(&p->sig, SM_BYTETEST, "byte_test");
    return sig_append(&p->sig, sm, list, error);
}

/* DetectBytejumpSetup / DetectBytejumpParse (detect-bytejump.c) */
gboolean
validate_byte_jump(RuleParser *p, const char *value, char **error, int *error_offset)
{
#define OPT "(?:\\s*,\\s*((?:multiplier|post_offset)\\s+[^\\s,]+|[^\\s,]+))?"
    static ScRegex re =
        SC_REGEX("^\\s*"
                 "([^\\s,]+\\s*,\\s*[^\\s,]+)" OPT OPT OPT OPT OPT OPT OPT OPT OPT "\\s*$");
#undef OPT
    pcre2_match_data *md = NULL;
    int rc = sc_regex_exec(&re, value, &md);
    if (rc < 2 || rc > 10) {
        pcre2_match_data_free(md);
        *error = g_strdup("expected 'nbytes, offset[, options]'");
        return FALSE;
    }
    char str[512];
    char args[11][64];
    memset(args, 0, sizeof args);
    gboolean ok = sc_substr_copy(md, 1, str, sizeof str) >= 0;
    int numargs = 0;
    if (ok) {
        char *e = str;
        while (*e && !(g_ascii_isspace(*e) || *e == ','))
            e++;
        char *next = *e ? e + 1 : e;
        *e = '\0';
        g_strlcpy(args[0], str, sizeof args[0]);
        numargs++;
        while (g_ascii_isspace(*next) || *next == ',')
            next++;
        e = next;
        while (*e && !(g_ascii_isspace(*e) || *e == ','))
            e++;
        *e = '\0';
        g_strlcpy(args[1], next, sizeof args[1]);
        numargs++;
        for (int i = 1; ok && i < rc - 1; i++) {
            ok = sc_substr_copy(md, i + 1, args[i + 1], sizeof args[i + 1]) >= 0;
            numargs++;
        }
    }
    pcre2_match_data_free(md);
    if (!ok) {
        *error = g_strdup("a byte_jump argument is too long");
        return FALSE;
    }
    guint32 nbytes = 0;
    gboolean nbytes_var = is_var(args[0]), offset_var = is_var(args[1]);
    if (!nbytes_var && !sc_parse_u32(&nbytes, 10, strlen(args[0]), args[0])) {
        *error = g_strdup_printf("'%s' is not a number of bytes", args[0]);
        return FALSE;
    }
    gint32 off;
    if (!offset_var && !sc_parse_i32_range(&off, 10, strlen(args[1]), args[1], -65535, 65535)) {
        *error = g_strdup_printf("'%s' is not an offset from -65535 to 65535", args[1]);
        return FALSE;
    }
    gboolean relative = FALSE, string = FALSE, little = FALSE, big = FALSE, begin = FALSE,
             end = FALSE, dce = FALSE;
    int base = 0;
    for (int i = 2; i < numargs; i++) {
        const char *a = args[i];
        guint64 m;
        gint32 po;
        if (strcmp(a, "relative") == 0)
            relative = TRUE;
        else if (g_ascii_strcasecmp(a, "string") == 0)
            string = TRUE;
        else if (g_ascii_strcasecmp(a, "dec") == 0 || g_ascii_strcasecmp(a, "hex") == 0 ||
                 g_ascii_strcasecmp(a, "oct") == 0)
            base = 1;
        else if (g_ascii_strcasecmp(a, "big") == 0)
            big = TRUE, little = FALSE;
        else if (g_ascii_strcasecmp(a, "little") == 0)
            little = TRUE;
        else if (g_ascii_strcasecmp(a, "from_beginning") == 0)
            begin = TRUE;
        else if (g_ascii_strcasecmp(a, "from_end") == 0)
            end = TRUE;
        else if (g_ascii_strcasecmp(a, "align") == 0)
            continue;
        else if (g_ascii_strncasecmp(a, "multiplier ", 11) == 0) {
            if (!sc_parse_u_range(&m, 10, strlen(a) - 11, a + 11, 1, 65535, G_MAXUINT16)) {
                *error = g_strdup_printf("'%s': the multiplier is a number from 1 to 65535", a);
                return FALSE;
            }
        } else if (g_ascii_strncasecmp(a, "post_offset ", 12) == 0) {
            if (!sc_parse_i32_range(&po, 10, strlen(a) - 12, a + 12, -65535, 65535)) {
                *error = g_strdup_printf("'%s': post_offset is a number from -65535 to 65535", a);
                return FALSE;
            }
        } else if (g_ascii_strcasecmp(a, "dce") == 0)
            dce = TRUE;
        else {
            *error = g_strdup_printf("unknown byte_jump option '%s'", a);
            return FALSE;
        }
    }
    if (begin && end) {
        *error = g_strdup("from_end and from_beginning cannot both be used");
        return FALSE;
    }
    if (!nbytes_var && !((string && nbytes <= 23) || nbytes <= 8)) {
        *error = g_strdup(string ? "byte_jump reads at most 23 bytes with string"
                                 : "byte_jump reads at most 8 bytes without string");
        return FALSE;
    }
    if (!string && base) {
        *error = g_strdup("a base (dec, hex, oct) needs 'string'");
        return FALSE;
    }
    int list = byte_list(p, relative, dce, TRUE, TRUE, error);
    if (list < 0)
        return FALSE;
    if (dce && (string || little || big || begin || end || base)) {
        *error = g_strdup("byte_jump with dce cannot also have string, big, little, from_* or a "
                          "base");
        return FALSE;
    }
    if (nbytes_var && !var_known(p, args[0], "byte_jump", error))
        return FALSE;
    if (offset_var && !var_known(p, args[1], "byte_jump", error))
        return FALSE;
    SigMatch *sm = sig_match_new(&p->sig, SM_BYTEJUMP, "byte_jump");
    return sig_append(&p->sig, sm, list, error);
}

/* DetectByteExtractSetup / DetectByteExtractParse (detect-byte-extract.c) */
gboolean
validate_byte_extract(RuleParser *p, const char *value, char **error, int *error_offset)
{
#define OPT "(?:(?:,\\s*([^\\s,]+)\\s*)|(?:,\\s*([^\\s,]+)\\s+([^\\s,]+)\\s*))?"
    static ScRegex re = SC_REGEX("^"
                                 "\\s*([0-9]+)\\s*"
                                 ",\\s*(-?[0-9]+)\\s*"
                                 ",\\s*([^\\s,]+)\\s*" OPT OPT OPT OPT OPT "$");
#undef OPT
    pcre2_match_data *md = NULL;
    int rc = sc_regex_exec(&re, value, &md);
    if (rc < 3 || rc > 19) {
        pcre2_match_data_free(md);
        *error = g_strdup("expected 'nbytes, offset, name[, options]'");
        return FALSE;
    }
    char nb[64], of[64], name[256];
    guint8 nbytes = 0;
    gint32 offset = 0;
    gboolean ok = sc_substr_copy(md, 1, nb, sizeof nb) >= 0 && sc_parse_u8(&nbytes, 10, 0, nb);
    if (!ok)
        *error = g_strdup("the number of bytes is a number from 0 to 255");
    if (ok && !(sc_substr_copy(md, 2, of, sizeof of) >= 0 &&
                sc_parse_i32_range(&offset, 10, 0, of, -65535, 65535))) {
        *error = g_strdup("the offset is a number from -65535 to 65535");
        ok = FALSE;
    }
    if (ok && sc_substr_copy(md, 3, name, sizeof name) < 0) {
        *error = g_strdup("the variable name is too long");
        ok = FALSE;
    }
    gboolean relative = FALSE, multiplier = FALSE, endian = FALSE, string = FALSE, align = FALSE;
    int base = 0; /* 0 none, 8, 10, 16 */
    gboolean dce = FALSE;
    for (int i = 4; ok && i < rc; i++) {
        char opt[64];
        if (sc_substr_copy_opt(md, i, opt, sizeof opt) < 0) {
            *error = g_strdup("a byte_extract option is too long");
            ok = FALSE;
            break;
        }
        if (strcmp(opt, "relative") == 0) {
            if (relative) {
                *error = g_strdup("relative given twice");
                ok = FALSE;
            }
            relative = TRUE;
        } else if (strcmp(opt, "multiplier") == 0) {
            char m[16];
            guint64 mv;
            if (multiplier) {
                *error = g_strdup("multiplier given twice");
                ok = FALSE;
                break;
            }
            multiplier = TRUE;
            i++;
            if (sc_substr_copy(md, i, m, sizeof m) < 0 ||
                !sc_parse_u_range(&mv, 10, 0, m, 1, 65535, G_MAXUINT16)) {
                *error = g_strdup("the multiplier is a number from 1 to 65535");
                ok = FALSE;
            }
        } else if (strcmp(opt, "big") == 0 || strcmp(opt, "little") == 0 ||
                   strcmp(opt, "dce") == 0) {
            if (endian) {
                *error = g_strdup("the endianness is given twice");
                ok = FALSE;
            }
            endian = TRUE;
            dce = strcmp(opt, "dce") == 0;
        } else if (strcmp(opt, "string") == 0) {
            if (string) {
                *error = g_strdup("string given twice");
                ok = FALSE;
            } else if (base) {
                *error = g_strdup("write 'string, base', not 'base, string'");
                ok = FALSE;
            }
            string = TRUE;
        } else if (strcmp(opt, "hex") == 0 || strcmp(opt, "oct") == 0 || strcmp(opt, "dec") == 0) {
            if (!string) {
                *error = g_strdup_printf("base %s needs a 'string' before it", opt);
                ok = FALSE;
            } else if (base) {
                *error = g_strdup("the base is given twice");
                ok = FALSE;
            }
            base = opt[0] == 'h' ? 16 : opt[0] == 'o' ? 8 : 10;
        } else if (strcmp(opt, "align") == 0) {
            char a[16];
            guint8 av;
            if (align) {
                *error = g_strdup("align given twice");
                ok = FALSE;
                break;
            }
            align = TRUE;
            i++;
            if (sc_substr_copy(md, i, a, sizeof a) < 0 || !sc_parse_u8(&av, 10, 0, a) ||
                (av != 2 && av != 4)) {
                *error = g_strdup("align is 2 or 4");
                ok = FALSE;
            }
        } else if (opt[0] != '\0') {
            *error = g_strdup_printf("unknown byte_extract option '%s'", opt);
            ok = FALSE;
        }
    }
    pcre2_match_data_free(md);
    if (ok && string) {
        if (base == 0)
            base = 10;
        int max = base == 8 ? 23 : base == 10 ? 20 : 14;
        if (endian) {
            *error = g_strdup("byte_extract with string cannot also have big, little or dce");
            ok = FALSE;
        } else if (nbytes > max) {
            *error = g_strdup_printf("byte_extract reads at most %d bytes with this base", max);
            ok = FALSE;
        }
    } else if (ok && nbytes > 8) {
        *error = g_strdup("byte_extract reads at most 8 bytes without string");
        ok = FALSE;
    }
    if (!ok)
        return FALSE;
    Sig *s = &p->sig;
    int list;
    if (s->list != SIG_LIST_NOTSET) {
        list = s->list;
    } else if (dce) {
        list = SIG_LIST_PMATCH;
        if (relative) {
            SigMatch *prev = sig_last_from_lists(s, T_RELATIVE);
            if (prev != NULL)
                list = sig_list_of(s, prev);
        }
        if (!sig_set_alproto(s, ALPROTO_DCERPC, error))
            return FALSE;
    } else if (relative) {
        SigMatch *prev = sig_last_from_lists(s, T_RELATIVE);
        list = prev == NULL ? SIG_LIST_PMATCH : sig_list_of(s, prev);
    } else {
        list = SIG_LIST_PMATCH;
    }
    if (dce) {
        if (!sig_set_alproto(s, ALPROTO_DCERPC, error))
            return FALSE;
        if (string) {
            *error = g_strdup("byte_extract with dce cannot also have string or a base");
            return FALSE;
        }
    }
    (void)T_CONTENT_PCRE;
    SigMatch *sm = sig_match_new(s, SM_BYTE_EXTRACT, "byte_extract");
    sm->var = g_string_chunk_insert(s->chunk, name);
    return sig_append(s, sm, list, error);
}

/* parse_bytemath (rust/src/detect/byte_math.rs) and DetectByteMathSetup
 * (detect-bytemath.c) */
gboolean
validate_byte_math(RuleParser *p, const char *value, char **error, int *error_offset)
{
    /* separated_list1(",", preceded(multispace0, is_not(","))): stops at the
     * first empty item without an error, the rest being ignored */
    GPtrArray *values = g_ptr_array_new_with_free_func(g_free);
    const char *c = value;
    for (;;) {
        while (g_ascii_isspace(*c))
            c++;
        const char *e = c;
        while (*e && *e != ',')
            e++;
        if (e == c)
            break;
        g_ptr_array_add(values, g_strndup(c, (gsize)(e - c)));
        if (*e != ',')
            break;
        c = e + 1;
    }
    gboolean ok = values->len >= 5 && values->len <= 10;
    if (!ok)
        *error = g_strdup("byte_math needs bytes, offset, oper, rvalue and result (5 to 10 "
                          "parameters)");
    gboolean have_bytes = FALSE, have_offset = FALSE, have_oper = FALSE, have_rvalue = FALSE,
             have_result = FALSE, relative = FALSE, endian = FALSE, string = FALSE, bitmask = FALSE,
             dce = FALSE, shift = FALSE;
    guint64 nbytes = 0;
    char *nbytes_var = NULL, *rvalue_var = NULL, *result = NULL;
    for (guint i = 0; ok && i < values->len; i++) {
        const char *v = g_ptr_array_index(values, i);
        const char *sp = v;
        while (*sp && !strchr(" \t\r\n", *sp))
            sp++;
        char *name = g_strstrip(g_strndup(v, (gsize)(sp - v)));
        char *val = g_strstrip(g_strdup(sp));
        if (strcmp(name, "oper") == 0) {
            if (have_oper) {
                *error = g_strdup("oper given twice");
                ok = FALSE;
            } else if (!(strcmp(val, "+") == 0 || strcmp(val, "-") == 0 || strcmp(val, "/") == 0 ||
                         strcmp(val, "*") == 0 || strcmp(val, "<<") == 0 ||
                         strcmp(val, ">>") == 0)) {
                *error = g_strdup_printf("'%s' is not an operator (+ - * / << >>)", val);
                ok = FALSE;
            }
            shift = strcmp(val, "<<") == 0 || strcmp(val, ">>") == 0;
            have_oper = TRUE;
        } else if (strcmp(name, "result") == 0) {
            if (have_result) {
                *error = g_strdup("result given twice");
                ok = FALSE;
            }
            have_result = TRUE;
            g_free(result);
            result = g_strdup(val);
        } else if (strcmp(name, "rvalue") == 0 || strcmp(name, "bytes") == 0) {
            gboolean is_bytes = name[0] == 'b';
            if (is_bytes ? have_bytes : have_rvalue) {
                *error = g_strdup_printf("%s given twice", name);
                ok = FALSE;
            } else {
                /* parse_token: up to a blank or ",;:" */
                gsize n = strcspn(val, "\n\r\t,;: ");
                char *tok = g_strndup(val, n);
                /* str::parse::<u64>: digits with an optional '+'; anything
                 * else (or an overflow) is a variable name */
                guint64 num = 0;
                gsize k0 = tok[0] == '+' ? 1 : 0;
                gboolean numeric = n > k0;
                for (gsize k = k0; numeric && k < n; k++)
                    numeric = g_ascii_isdigit(tok[k]);
                if (numeric && !sc_extract_u(&num, 10, 0, tok, G_MAXUINT64))
                    numeric = FALSE;
                if (n == 0) {
                    *error = g_strdup_printf("%s needs a value", name);
                    ok = FALSE;
                } else if (numeric) {
                    if (is_bytes && (num < 1 || num > 10)) {
                        *error = g_strdup("bytes is a number from 1 to 10");
                        ok = FALSE;
                    } else if (!is_bytes && num > G_MAXUINT32) {
                        *error = g_strdup("rvalue is a number up to 4294967295");
                        ok = FALSE;
                    }
                    if (is_bytes)
                        nbytes = num;
                } else if (is_bytes) {
                    nbytes_var = g_strdup(tok);
                } else {
                    rvalue_var = g_strdup(tok);
                }
                g_free(tok);
            }
            if (is_bytes)
                have_bytes = TRUE;
            else
                have_rvalue = TRUE;
        } else if (strcmp(name, "endian") == 0 || strcmp(name, "dce") == 0) {
            if (endian) {
                *error = g_strdup("the endianness is given twice");
                ok = FALSE;
            } else if (name[0] == 'e' && strcmp(val, "big") != 0 && strcmp(val, "little") != 0 &&
                       strcmp(val, "dce") != 0) {
                *error = g_strdup_printf("'%s' is not big, little or dce", val);
                ok = FALSE;
            }
            dce = name[0] == 'd' || strcmp(val, "dce") == 0;
            endian = TRUE;
        } else if (strcmp(name, "string") == 0) {
            if (string) {
                *error = g_strdup("string given twice");
                ok = FALSE;
            } else if (strcmp(val, "hex") != 0 && strcmp(val, "oct") != 0 &&
                       strcmp(val, "dec") != 0) {
                *error = g_strdup_printf("'%s' is not hex, oct or dec", val);
                ok = FALSE;
            }
            string = TRUE;
        } else if (strcmp(name, "relative") == 0) {
            if (relative) {
                *error = g_strdup("relative given twice");
                ok = FALSE;
            }
            relative = TRUE;
        } else if (strcmp(name, "bitmask") == 0) {
            const char *h = val;
            if (g_str_has_prefix(h, "0x") || g_str_has_prefix(h, "0X"))
                h += 2;
            gboolean hex = *h != '\0';
            const char *q = h;
            if (*q == '+')
                q++;
            hex = hex && *q != '\0';
            for (; hex && *q; q++)
                hex = g_ascii_isxdigit(*q);
            guint64 bm = hex ? g_ascii_strtoull(h, NULL, 16) : 0;
            if (bitmask) {
                *error = g_strdup("bitmask given twice");
                ok = FALSE;
            } else if (!hex || strlen(h) > 9 || bm > G_MAXUINT32) {
                *error = g_strdup_printf("'%s' is not a 32-bit hex bitmask", val);
                ok = FALSE;
            }
            bitmask = TRUE;
        } else if (strcmp(name, "offset") == 0) {
            if (have_offset) {
                *error = g_strdup("offset given twice");
                ok = FALSE;
            } else {
                /* str::parse::<i32>: an optional sign, digits, nothing else */
                const char *q = val;
                if (*q == '+' || *q == '-')
                    q++;
                gboolean digits = *q != '\0';
                for (const char *r = q; digits && *r; r++)
                    digits = g_ascii_isdigit(*r);
                gint64 o = digits ? g_ascii_strtoll(val, NULL, 10) : 0;
                if (!digits || strlen(q) > 10 || o > 65535 || o < -65535) {
                    *error = g_strdup_printf("'%s' is not an offset from -65535 to 65535", val);
                    ok = FALSE;
                }
            }
            have_offset = TRUE;
        } else {
            *error = g_strdup_printf("unknown byte_math parameter '%s'", name);
            ok = FALSE;
        }
        g_free(name);
        g_free(val);
    }
    g_ptr_array_free(values, TRUE);
    if (ok && !(have_bytes && have_offset && have_oper && have_rvalue && have_result)) {
        *error = g_strdup("byte_math needs bytes, offset, oper, rvalue and result");
        ok = FALSE;
    }
    if (ok && shift && nbytes > 4) {
        *error = g_strdup("with << or >> bytes is 1 to 4");
        ok = FALSE;
    }
    Sig *s = &p->sig;
    int list = -1;
    if (ok) {
        if (s->list != SIG_LIST_NOTSET) {
            ok = sig_buffer_get_active(s, error);
            list = s->list;
            if (ok && relative && sig_last_from_lists(s, T_CONTENT_PCRE) == NULL) {
                *error = g_strdup("relative byte_math needs a preceding content or pcre");
                ok = FALSE;
            }
        } else {
            list = byte_list(p, relative, dce, TRUE, FALSE, error);
            ok = list >= 0;
        }
    }
    if (ok && dce) {
        /* the base defaults to dec, so Suricata refuses dce in every case */
        if (!sig_set_alproto(s, ALPROTO_DCERPC, error))
            ok = FALSE;
        else {
            *error = g_strdup("byte_math with dce is always refused by Suricata 7.0.10 (its "
                              "default base counts as a conflicting modifier)");
            ok = FALSE;
        }
    }
    if (ok && nbytes_var && !var_known(p, nbytes_var, "byte_math", error))
        ok = FALSE;
    if (ok && rvalue_var && !var_known(p, rvalue_var, "byte_math", error))
        ok = FALSE;
    g_free(nbytes_var);
    g_free(rvalue_var);
    if (!ok) {
        g_free(result);
        return FALSE;
    }
    SigMatch *sm = sig_match_new(s, SM_BYTEMATH, "byte_math");
    sm->var = g_string_chunk_insert(s->chunk, result);
    g_free(result);
    return sig_append(s, sm, list, error);
}

/* DetectBase64DecodeSetup / DetectBase64DecodeParse (detect-base64-decode.c) */
gboolean
validate_base64_decode(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static ScRegex re = SC_REGEX("\\s*(bytes\\s+(\\d+),?)?"
                                 "\\s*(offset\\s+(\\d+),?)?"
                                 "\\s*(\\w+)?");
    static const SmType T_B64[] = { SM_CONTENT,      SM_PCRE,     SM_BYTETEST, SM_BYTEJUMP,
                                    SM_BYTE_EXTRACT, SM_ISDATAAT, SM_OTHER };
    Sig *s = &p->sig;
    if (value != NULL) {
        pcre2_match_data *md = NULL;
        int rc = sc_regex_exec(&re, value, &md);
        gboolean ok = rc >= 3;
        if (ok) {
            char *b = sc_substr_get(md, 2);
            guint16 bytes;
            if (b != NULL && !sc_parse_u16(&bytes, 10, 0, b)) {
                *error = g_strdup_printf("bytes %s is not a number up to 65535", b);
                ok = FALSE;
            }
            g_free(b);
        } else {
            *error = g_strdup("expected '[bytes N][, offset N][, relative]'");
        }
        if (ok && rc >= 5) {
            char *o = sc_substr_get(md, 4);
            guint32 off;
            if (o != NULL && !sc_parse_u32(&off, 10, 0, o)) {
                *error = g_strdup_printf("offset %s is not a number up to 4294967295", o);
                ok = FALSE;
            }
            g_free(o);
        }
        if (ok && rc >= 6) {
            char *r = sc_substr_get(md, 5);
            if (r != NULL && strcmp(r, "relative") != 0) {
                *error = g_strdup_printf("unknown base64_decode option '%s'", r);
                ok = FALSE;
            }
            g_free(r);
        }
        pcre2_match_data_free(md);
        if (!ok)
            return FALSE;
    }
    int list;
    if (s->list != SIG_LIST_NOTSET) {
        list = s->list;
    } else {
        SigMatch *pm = sig_last_from_lists(s, T_B64);
        list = pm == NULL ? SIG_LIST_PMATCH : sig_list_of(s, pm);
    }
    SigMatch *sm = sig_match_new(s, SM_BASE64_DECODE, "base64_decode");
    return sig_append(s, sm, list, error);
}

/* DetectBase64DataSetup (detect-base64-data.c) */
gboolean
validate_base64_data(RuleParser *p, const char *value, char **error, int *error_offset)
{
    static const SmType T_DEC[] = { SM_BASE64_DECODE, SM_OTHER };
    if (sig_last_from_lists(&p->sig, T_DEC) == NULL) {
        *error = g_strdup("'base64_data' needs a preceding base64_decode");
        return FALSE;
    }
    p->sig.list = SIG_LIST_BASE64_DATA;
    return TRUE;
}
