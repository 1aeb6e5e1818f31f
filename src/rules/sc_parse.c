/*
 * sc_parse.c - Suricata 7.0.10's value readers (see sc_parse.h): util-byte.c
 * (ByteExtractString, StringParse*), rust/src/detect/uint.rs
 * (detect_parse_uint) and detect-parse.c (DetectParsePcreExec).
 *
 * The number readers call the same libc functions Suricata calls (strtoull,
 * strtoll in the C locale), so leading blanks, signs and the base-0 "0x"/"0"
 * prefixes behave identically, including strtoull's silent wrap of "-1".
 */
#include "rules/sc_parse.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int
sc_extract_string(guint64 *res, int base, gsize len, const char *str, gboolean strict)
{
    const char *ptr = str;
    char strbuf[24];
    char *endptr = NULL;
    if (len > 23)
        return -1;
    if (len) {
        memcpy(strbuf, str, len);
        strbuf[len] = '\0';
        ptr = strbuf;
    }
    errno = 0;
    *res = strtoull(ptr, &endptr, base);
    if (errno == ERANGE || endptr == ptr)
        return -1;
    if (strict && *endptr != '\0')
        return -1;
    return (int)(endptr - ptr);
}

int
sc_extract_string_signed(gint64 *res, int base, gsize len, const char *str, gboolean strict)
{
    const char *ptr = str;
    char strbuf[24];
    char *endptr = NULL;
    if (len > 23)
        return -1;
    if (len) {
        memcpy(strbuf, str, len);
        strbuf[len] = '\0';
        ptr = strbuf;
    }
    errno = 0;
    *res = strtoll(ptr, &endptr, base);
    if (errno == ERANGE)
        return -1;
    /* Suricata compares with the caller's pointer, not the copy: with a
     * length given this never fails here (its own quirk, kept) */
    if (endptr == str)
        return -1;
    if (strict && len && *endptr != '\0')
        return -1;
    return (int)(endptr - ptr);
}

static gboolean
parse_u(guint64 *out, int base, gsize len, const char *str, guint64 max)
{
    guint64 v;
    if (sc_extract_string(&v, base, len, str, TRUE) <= 0 || v > max)
        return FALSE;
    *out = v;
    return TRUE;
}

gboolean
sc_parse_u8(guint8 *res, int base, gsize len, const char *str)
{
    guint64 v;
    if (!parse_u(&v, base, len, str, G_MAXUINT8))
        return FALSE;
    *res = (guint8)v;
    return TRUE;
}

gboolean
sc_parse_u16(guint16 *res, int base, gsize len, const char *str)
{
    guint64 v;
    if (!parse_u(&v, base, len, str, G_MAXUINT16))
        return FALSE;
    *res = (guint16)v;
    return TRUE;
}

gboolean
sc_parse_u32(guint32 *res, int base, gsize len, const char *str)
{
    guint64 v;
    if (!parse_u(&v, base, len, str, G_MAXUINT32))
        return FALSE;
    *res = (guint32)v;
    return TRUE;
}

gboolean
sc_parse_u64(guint64 *res, int base, gsize len, const char *str)
{
    return parse_u(res, base, len, str, G_MAXUINT64);
}

gboolean
sc_parse_u_range(guint64 *res, int base, gsize len, const char *str, guint64 min, guint64 max,
                 guint64 type_max)
{
    guint64 v;
    if (!parse_u(&v, base, len, str, type_max) || v < min || v > max)
        return FALSE;
    *res = v;
    return TRUE;
}

gboolean
sc_parse_i32(gint32 *res, int base, gsize len, const char *str)
{
    gint64 v;
    if (sc_extract_string_signed(&v, base, len, str, TRUE) <= 0 || v < G_MININT32 || v > G_MAXINT32)
        return FALSE;
    *res = (gint32)v;
    return TRUE;
}

gboolean
sc_parse_i32_range(gint32 *res, int base, gsize len, const char *str, gint32 min, gint32 max)
{
    gint32 v;
    if (!sc_parse_i32(&v, base, len, str) || v < min || v > max)
        return FALSE;
    *res = v;
    return TRUE;
}

gboolean
sc_extract_u(guint64 *res, int base, gsize len, const char *str, guint64 max)
{
    guint64 v;
    if (sc_extract_string(&v, base, len, str, FALSE) <= 0 || v > max)
        return FALSE;
    *res = v;
    return TRUE;
}

/* ---- rust/src/detect/uint.rs --------------------------------------------- */

static guint64
bits_max(int bits)
{
    return bits == 64 ? G_MAXUINT64 : (G_GUINT64_CONSTANT(1) << bits) - 1;
}

/* nom digit1 then str::parse::<T>(): advance *p; FALSE on no digit or overflow. */
static gboolean
digits(const char **p, int bits, guint64 *out)
{
    const char *s = *p;
    if (!g_ascii_isdigit(*s))
        return FALSE;
    guint64 v = 0, max = bits_max(bits);
    gboolean overflow = FALSE;
    while (g_ascii_isdigit(*s)) {
        guint d = (guint)(*s - '0');
        if (v > (max - d) / 10)
            overflow = TRUE;
        else
            v = v * 10 + d;
        s++;
    }
    if (overflow)
        return FALSE;
    *p = s;
    *out = v;
    return TRUE;
}

static void
spaces(const char **p)
{
    while (**p == ' ')
        (*p)++;
}

static gboolean
interval(const char **p, int bits, UintData *out, gboolean inclusive)
{
    const char *s = *p;
    guint64 a, b;
    if (!digits(&s, bits, &a))
        return FALSE;
    if (inclusive && a == 0)
        return FALSE;
    spaces(&s);
    if (*s == '-')
        s++;
    else if (s[0] == '<' && s[1] == '>')
        s += 2;
    else
        return FALSE;
    spaces(&s);
    if (!digits(&s, bits, &b))
        return FALSE;
    if (inclusive) {
        if (!(b > a && b < bits_max(bits)))
            return FALSE;
        a -= 1;
        b += 1;
    } else if (!(b > a && b - a > 1)) {
        return FALSE;
    }
    out->mode = UINT_RA;
    out->arg1 = a;
    out->arg2 = b;
    *p = s;
    return TRUE;
}

static gboolean
start_equal(const char **p, int bits, UintData *out)
{
    const char *s = *p;
    if (*s == '=')
        s++;
    spaces(&s);
    guint64 a;
    if (!digits(&s, bits, &a))
        return FALSE;
    guint64 unit = 0;
    if (g_ascii_strncasecmp(s, "kb", 2) == 0)
        unit = 1024;
    else if (g_ascii_strncasecmp(s, "mb", 2) == 0)
        unit = 1024 * 1024;
    else if (g_ascii_strncasecmp(s, "gb", 2) == 0)
        unit = 1024 * 1024 * 1024;
    if (unit)
        s += 2;
    if (a >= 1 && unit) {
        if (bits_max(bits) / unit < a)
            return FALSE;
        a *= unit;
    }
    out->mode = UINT_EQ;
    out->arg1 = a;
    out->arg2 = 0;
    *p = s;
    return TRUE;
}

static gboolean
start_symbol(const char **p, int bits, UintData *out)
{
    const char *s = *p;
    UintMode mode;
    if (s[0] == '>' && s[1] == '=') {
        mode = UINT_GTE;
        s += 2;
    } else if (s[0] == '<' && s[1] == '=') {
        mode = UINT_LTE;
        s += 2;
    } else if (s[0] == '>') {
        mode = UINT_GT;
        s++;
    } else if (s[0] == '<') {
        mode = UINT_LT;
        s++;
    } else if (s[0] == '!' && s[1] == '=') {
        mode = UINT_NE;
        s += 2;
    } else if (s[0] == '!') {
        mode = UINT_NE;
        s++;
    } else if (s[0] == '=') {
        mode = UINT_EQ;
        s++;
    } else {
        return FALSE;
    }
    spaces(&s);
    guint64 a;
    if (!digits(&s, bits, &a))
        return FALSE;
    switch (mode) {
    case UINT_NE: break;
    case UINT_LT:
    case UINT_GTE:
        if (a == 0)
            return FALSE;
        break;
    case UINT_LTE:
    case UINT_GT:
        if (a == bits_max(bits))
            return FALSE;
        break;
    default: return FALSE;
    }
    out->mode = mode;
    out->arg1 = a;
    out->arg2 = 0;
    *p = s;
    return TRUE;
}

static gboolean
uint_parse(const char *str, int bits, UintData *out, gboolean inclusive)
{
    const char *s = str;
    spaces(&s);
    if (!interval(&s, bits, out, inclusive) && !start_equal(&s, bits, out) &&
        !start_symbol(&s, bits, out))
        return FALSE;
    spaces(&s);
    return *s == '\0';
}

gboolean
sc_uint_parse_prefix(const char *str, int bits, UintData *out, const char **rest)
{
    const char *s = str;
    spaces(&s);
    if (!interval(&s, bits, out, FALSE) && !start_equal(&s, bits, out) &&
        !start_symbol(&s, bits, out))
        return FALSE;
    *rest = s;
    return TRUE;
}

gboolean
sc_uint_parse(const char *str, int bits, UintData *out)
{
    return uint_parse(str, bits, out, FALSE);
}

gboolean
sc_uint_parse_inclusive(const char *str, int bits, UintData *out)
{
    return uint_parse(str, bits, out, TRUE);
}

/* ---- regexes -------------------------------------------------------------- */

int
sc_regex_exec(ScRegex *re, const char *str, pcre2_match_data **md)
{
    if (g_once_init_enter(&re->once)) {
        int err = 0;
        PCRE2_SIZE off = 0;
        re->code = pcre2_compile((PCRE2_SPTR)re->pattern, PCRE2_ZERO_TERMINATED, re->options, &err,
                                 &off, NULL);
        g_assert(re->code != NULL); /* Suricata's own patterns compile */
        g_once_init_leave(&re->once, 1);
    }
    *md = pcre2_match_data_create_from_pattern(re->code, NULL);
    return pcre2_match(re->code, (PCRE2_SPTR)str, strlen(str), 0, 0, *md, NULL);
}

int
sc_substr_copy(pcre2_match_data *md, int n, char *buf, gsize size)
{
    PCRE2_SIZE len = size;
    return pcre2_substring_copy_bynumber(md, (uint32_t)n, (PCRE2_UCHAR *)buf, &len);
}

int
sc_substr_copy_opt(pcre2_match_data *md, int n, char *buf, gsize size)
{
    int r = sc_substr_copy(md, n, buf, size);
    if (r == PCRE2_ERROR_UNSET) {
        buf[0] = '\0';
        return 0;
    }
    return r;
}

char *
sc_substr_get(pcre2_match_data *md, int n)
{
    PCRE2_UCHAR *p = NULL;
    PCRE2_SIZE len = 0;
    if (pcre2_substring_get_bynumber(md, (uint32_t)n, &p, &len) < 0)
        return NULL;
    char *out = g_strndup((const char *)p, len);
    pcre2_substring_free(p);
    return out;
}
