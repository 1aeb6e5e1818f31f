/*
 * sc_parse.h - the small parsers Suricata 7.0.10's keyword setup functions
 * are built on, reproduced so that values are accepted exactly when
 * Suricata accepts them: the util-byte.c number readers (strtoull/strtoll
 * based, base 0 meaning C's auto-detection, "strict" meaning no trailing
 * characters), the generic integer comparison of rust/src/detect/uint.rs,
 * and DetectParsePcreExec with Suricata's own regexes (compiled once,
 * matched with PCRE2 as Suricata does).  Private to src/rules.
 */
#ifndef NFW_RULES_SC_PARSE_H
#define NFW_RULES_SC_PARSE_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <glib.h>
#include <pcre2.h>

#include "rules/sig.h"

/* ByteExtractString: number of characters read, -1 on failure. */
int sc_extract_string(guint64 *res, int base, gsize len, const char *str, gboolean strict);
/* ByteExtractStringSigned */
int sc_extract_string_signed(gint64 *res, int base, gsize len, const char *str, gboolean strict);

/* StringParseUint8/16/32/64 (strict): TRUE on success. */
gboolean sc_parse_u8(guint8 *res, int base, gsize len, const char *str);
gboolean sc_parse_u16(guint16 *res, int base, gsize len, const char *str);
gboolean sc_parse_u32(guint32 *res, int base, gsize len, const char *str);
gboolean sc_parse_u64(guint64 *res, int base, gsize len, const char *str);
/* StringParseU{8,16,32}RangeCheck */
gboolean sc_parse_u_range(guint64 *res, int base, gsize len, const char *str, guint64 min,
                          guint64 max, guint64 type_max);
/* StringParseInt32 and StringParseI32RangeCheck */
gboolean sc_parse_i32(gint32 *res, int base, gsize len, const char *str);
gboolean sc_parse_i32_range(gint32 *res, int base, gsize len, const char *str, gint32 min,
                            gint32 max);
/* ByteExtractStringUint8/16/32/64 (not strict) */
gboolean sc_extract_u(guint64 *res, int base, gsize len, const char *str, guint64 max);

/* detect_parse_uint::<uN>: bits is 8, 16, 32 or 64. */
gboolean sc_uint_parse(const char *str, int bits, UintData *out);
/* detect_parse_uint_notending: the comparison at the start of str, *rest
 * pointing after it (urilen reads more after it). */
gboolean sc_uint_parse_prefix(const char *str, int bits, UintData *out, const char **rest);
/* detect_parse_uint_inclusive::<u32> */
gboolean sc_uint_parse_inclusive(const char *str, int bits, UintData *out);

/* A Suricata parse regex, compiled on first use. */
typedef struct {
    const char *pattern;
    guint32 options;
    pcre2_code *code;
    gsize once;
} ScRegex;

#define SC_REGEX(pat)     \
    {                     \
        (pat), 0, NULL, 0 \
    }

/* DetectParsePcreExec: pcre2_match's result (captures + 1, or < 0).
 * *md is set (caller frees with pcre2_match_data_free). */
int sc_regex_exec(ScRegex *re, const char *str, pcre2_match_data **md);
/* pcre2_substring_copy_bynumber into a buffer of `size` bytes: < 0 when the
 * group is unset or does not fit, as in Suricata. */
int sc_substr_copy(pcre2_match_data *md, int n, char *buf, gsize size);
/* SC_Pcre2SubstringCopy: an unset group gives "" and 0. */
int sc_substr_copy_opt(pcre2_match_data *md, int n, char *buf, gsize size);
/* pcre2_substring_get_bynumber: a new string (g_free), NULL when unset. */
char *sc_substr_get(pcre2_match_data *md, int n);

#endif
