/*
 * log_parse.c - one record's JSON text to a LogEvent, fast and slow.
 *
 * The fast path is the hot loop of every log command, so it builds no tree:
 * it walks the record once, matches keys by length + memcmp, decodes only
 * the strings it keeps (strings without a backslash are borrowed from the
 * text as they are; others are decoded into the caller's scratch buffer),
 * and skips every other value with an iterative validating skipper (no
 * recursion, so deep nesting cannot blow the stack).  Known objects (event,
 * alert, tls, http, dns, netflow, verdict) are at most four levels deep.
 *
 * The slow path parses with cJSON and extracts the same fields with the
 * same rules.  Difference, by design and tested: cJSON strings stop at a
 * \u0000 (the fast path keeps the NUL byte; decisions use the text before
 * it, log_str_before_nul).  Numbers mean what cJSON's double says (the
 * nearest double, as in jq): the fast path decides only digit runs, whose
 * double it knows exactly, and declines fractions, exponents and numbers
 * over LOG_PARSE_MAX_NUMBER_TEXT characters, which the slow path shortens
 * before cJSON sees them (its strtod buffer holds 63).
 *
 * Both paths fill two candidate field sets: the top-level object's EVE
 * keys (raw Suricata eve.json) and the "event" object's (NFW envelope);
 * the envelope wins when "event" is an object.
 */
#include <string.h>

#include "logs/log_parse.h"

typedef struct {
    LogEvent top;   /* EVE keys found at top level (raw EVE) */
    LogEvent inner; /* keys of the "event" object (envelope) */
    gboolean has_event_obj;
    gboolean tls_hint_top, tls_hint_inner; /* sni / tls_error / revocation_check */
    LogStr firewall_name, availability_zone;
    gboolean has_ets;
    gint64 ets;
    gboolean bad_field; /* slow path: a bad value in the chosen object */
    /* Fast path: BAD_* bits of the fields whose last value is bad, per
   * object, as cJSON's view (last duplicate wins, the other object is not
   * looked at) decides. */
    guint bad_top, bad_inner;
} ParseState;

enum {
    BAD_SRC_PORT = 1 << 0,
    BAD_DEST_PORT = 1 << 1,
    BAD_FLOW_ID = 1 << 2,
    BAD_SIGNATURE_ID = 1 << 3,
    BAD_REV = 1 << 4,
    BAD_SEVERITY = 1 << 5,
    BAD_PKTS = 1 << 6,
    BAD_BYTES = 1 << 7,
};
#define BAD_ALERT_FIELDS (BAD_SIGNATURE_ID | BAD_REV | BAD_SEVERITY)
#define BAD_NETFLOW_FIELDS (BAD_PKTS | BAD_BYTES)

static void
event_fields_reset(LogEvent *ev)
{
    memset(ev, 0, sizeof *ev);
    ev->src_port = -1;
    ev->dest_port = -1;
    ev->alert.severity = -1;
}

static void
state_init(ParseState *st)
{
    memset(st, 0, sizeof *st);
    event_fields_reset(&st->top);
    event_fields_reset(&st->inner);
}

/* ---- shared value rules ------------------------------------------------ */

static gboolean
digits_to_u64(const char *p, gsize n, guint64 *out)
{
    guint64 v = 0;
    if (n == 0)
        return FALSE;
    if (n <= 19) {
        /* 19 digits never overflow 64 bits: no check per digit (a division
         * per digit was 5% of the reader's time). */
        for (gsize i = 0; i < n; i++) {
            guint d = (guint)(guchar)p[i] - '0';
            if (d > 9)
                return FALSE;
            v = v * 10 + d;
        }
        *out = v;
        return TRUE;
    }
    for (gsize i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9')
            return FALSE;
        guint d = (guint)(p[i] - '0');
        if (v > (G_MAXUINT64 - d) / 10)
            return FALSE;
        v = v * 10 + d;
    }
    *out = v;
    return TRUE;
}

/* On the text before a NUL, as cJSON sees it (fuzzed: "blocked\0"). */
static LogAlertAction
action_from_text(LogStr s)
{
    s = log_str_before_nul(s);
    if (s.ptr == NULL)
        return LOG_ACTION_NONE;
    if (log_str_equal(s, "allowed"))
        return LOG_ACTION_ALLOWED;
    if (log_str_equal(s, "blocked"))
        return LOG_ACTION_BLOCKED;
    return LOG_ACTION_OTHER;
}

/* event_timestamp: "1740407457" or 1740407457; a fraction is dropped. */
static gboolean
ets_from_text(LogStr s, gint64 *out)
{
    gsize n = 0;
    while (n < s.len && s.ptr[n] >= '0' && s.ptr[n] <= '9')
        n++;
    guint64 v;
    if (n == 0 || (n < s.len && s.ptr[n] != '.') || !digits_to_u64(s.ptr, n, &v) ||
        v > (guint64)G_MAXINT64 / G_USEC_PER_SEC)
        return FALSE;
    *out = (gint64)v;
    return TRUE;
}

typedef enum { K_NONE, K_STR, K_UINT, K_TIME, K_OBJ } KeyKind;

/* ---- classification (both paths) -------------------------------------- */

static LogParseResult
state_finish(ParseState *st, gboolean keep_other, LogEvent *ev)
{
    gboolean tls_hint;
    gboolean bad = st->bad_field || (st->has_event_obj ? st->bad_inner : st->bad_top) != 0;
    if (st->has_event_obj) {
        *ev = st->inner;
        tls_hint = st->tls_hint_inner;
    } else {
        *ev = st->top;
        tls_hint = st->tls_hint_top;
        ev->raw_eve = TRUE;
    }
    ev->firewall_name = st->firewall_name;
    ev->availability_zone = st->availability_zone;
    ev->has_event_timestamp = st->has_ets;
    /* A time that did not parse reads 0 on both paths, whatever an earlier
     * duplicate of its key left (fuzzed). */
    ev->event_timestamp = st->has_ets ? st->ets : 0;
    if (!ev->has_timestamp)
        ev->timestamp_us = 0;

    LogStr type = log_str_before_nul(ev->event_type);
    if (type.ptr == NULL) {
        if (st->has_event_obj && tls_hint) {
            ev->type = LOG_EVENT_TLS_LOG;
            return bad ? LOG_PARSE_BAD_FIELD : LOG_PARSE_OK;
        }
        return LOG_PARSE_NOT_NFW;
    }
    if (bad)
        return LOG_PARSE_BAD_FIELD;
    if (log_str_equal(type, "alert")) {
        ev->type = LOG_EVENT_ALERT;
        /* An alert without its alert object cannot be mapped to a rule. */
        return ev->alert.present ? LOG_PARSE_OK : LOG_PARSE_BAD_FIELD;
    }
    if (log_str_equal(type, "netflow")) {
        ev->type = LOG_EVENT_NETFLOW;
        return LOG_PARSE_OK;
    }
    ev->type = LOG_EVENT_OTHER;
    return keep_other ? LOG_PARSE_OK : LOG_PARSE_UNKNOWN_TYPE;
}

/* ======================================================================== */
/* Fast path                                                                 */
/* ======================================================================== */

typedef struct {
    const char *p, *end;
    char *scratch; /* next free byte for decoded strings */
    ParseState *st;
    gboolean fail; /* structural problem: decline */
} Scan;

static inline void
ws(Scan *s)
{
    while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
        s->p++;
}

static inline gboolean
expect(Scan *s, char c)
{
    ws(s);
    if (s->p < s->end && *s->p == c) {
        s->p++;
        return TRUE;
    }
    s->fail = TRUE;
    return FALSE;
}

static int
hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static gboolean
read_hex4(const char *p, const char *end, guint *out)
{
    if (end - p < 4)
        return FALSE;
    guint v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hexval(p[i]);
        if (h < 0)
            return FALSE;
        v = v << 4 | (guint)h;
    }
    *out = v;
    return TRUE;
}

static char *
put_utf8(char *o, guint cp)
{
    if (cp < 0x80) {
        *o++ = (char)cp;
    } else if (cp < 0x800) {
        *o++ = (char)(0xC0 | cp >> 6);
        *o++ = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *o++ = (char)(0xE0 | cp >> 12);
        *o++ = (char)(0x80 | (cp >> 6 & 0x3F));
        *o++ = (char)(0x80 | (cp & 0x3F));
    } else {
        *o++ = (char)(0xF0 | cp >> 18);
        *o++ = (char)(0x80 | (cp >> 12 & 0x3F));
        *o++ = (char)(0x80 | (cp >> 6 & 0x3F));
        *o++ = (char)(0x80 | (cp & 0x3F));
    }
    return o;
}

/* Decodes the escaped string body [p, end) up to its closing quote into
 * s->scratch.  Lone surrogates are invalid (the slow path decides). */
static gboolean
decode_escaped(Scan *s, const char *p, LogStr *out)
{
    char *o = s->scratch;
    const char *start_out = o;
    while (p < s->end) {
        char c = *p;
        if (c == '"') {
            out->ptr = start_out;
            out->len = (gsize)(o - start_out);
            s->scratch = o;
            s->p = p + 1;
            return TRUE;
        }
        if (c != '\\') {
            *o++ = c;
            p++;
            continue;
        }
        if (p + 1 >= s->end)
            return FALSE;
        char e = p[1];
        p += 2;
        switch (e) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '/': *o++ = '/'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'u': {
            guint cp;
            if (!read_hex4(p, s->end, &cp))
                return FALSE;
            p += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                guint lo;
                if (s->end - p >= 6 && p[0] == '\\' && p[1] == 'u' &&
                    read_hex4(p + 2, s->end, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    p += 6;
                } else {
                    return FALSE; /* lone high surrogate: invalid, as for cJSON */
                }
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                return FALSE;
            }
            /* "\uXXXX" is 6 bytes, its UTF-8 at most 3 (4 for a 12-byte pair),
       * so the output never overtakes the input. */
            o = put_utf8(o, cp);
            break;
        }
        default: return FALSE;
        }
    }
    return FALSE;
}

/* The first '"' or '\\' in [p, end), and with `nul` also the first NUL
 * byte; NULL if none.  Keys search for NUL too: the scanner leaves a key
 * with a NUL to the slow path, as one with an escape, because cJSON sees it
 * as the text before the NUL ("severity\0x" is "severity" there).
 *
 * Hand-written SIMD, chosen once at run time: most keys and values are
 * under 32 bytes, so the first 16 are looked at inline with SSE2 (every
 * x86-64 has it); a longer string (messages, URLs, user agents) goes on
 * 32 bytes at a time with AVX2 where the CPU has it, else 16 with SSE2.
 * Elsewhere, and for the last bytes of a record, plain C eight bytes at a
 * time (a memchr call per string cost more than the search). */
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define LOG_PARSE_SSE2 1

static inline guint
sse2_hits(const char *p, gboolean nul)
{
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    __m128i m =
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
    if (nul)
        m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_setzero_si128()));
    return (guint)_mm_movemask_epi8(m);
}

__attribute__((target("avx2"))) static const char *
long_string_end_avx2(const char *p, const char *end, gboolean nul)
{
    const __m256i q = _mm256_set1_epi8('"'), b = _mm256_set1_epi8('\\');
    const __m256i z = _mm256_setzero_si256();
    for (; end - p >= 32; p += 32) {
        __m256i v = _mm256_loadu_si256((const __m256i *)p);
        __m256i m = _mm256_or_si256(_mm256_cmpeq_epi8(v, q), _mm256_cmpeq_epi8(v, b));
        if (nul)
            m = _mm256_or_si256(m, _mm256_cmpeq_epi8(v, z));
        guint hit = (guint)_mm256_movemask_epi8(m);
        if (hit != 0)
            return p + __builtin_ctz(hit);
    }
    return p; /* fewer than 32 bytes left: the caller goes on */
}

static const char *
long_string_end_sse2(const char *p, const char *end, gboolean nul)
{
    for (; end - p >= 16; p += 16) {
        guint hit = sse2_hits(p, nul);
        if (hit != 0)
            return p + __builtin_ctz(hit);
    }
    return p;
}

typedef const char *(*LongStringEnd)(const char *p, const char *end, gboolean nul);

/* Decided once (a read-only choice after that, safe for every thread). */
static LongStringEnd
long_string_end_impl(void)
{
    static LongStringEnd impl;
    LongStringEnd f = __atomic_load_n(&impl, __ATOMIC_RELAXED);
    if (f == NULL) {
        __builtin_cpu_init();
        f = __builtin_cpu_supports("avx2") && g_getenv("NFW_ADVISOR_NO_AVX2") == NULL
                ? long_string_end_avx2
                : long_string_end_sse2;
        __atomic_store_n(&impl, f, __ATOMIC_RELAXED);
    }
    return f;
}
#endif

/* Bit 7 of each byte of `word` that equals `byte` (exact for the lowest
 * such byte, which is all a search needs). */
static inline guint64
bytes_equal(guint64 word, guchar byte)
{
    guint64 x = word ^ (G_GUINT64_CONSTANT(0x0101010101010101) * byte);
    return (x - G_GUINT64_CONSTANT(0x0101010101010101)) & ~x &
           G_GUINT64_CONSTANT(0x8080808080808080);
}

static inline const char *
find_string_end(const char *p, const char *end, gboolean nul)
{
#ifdef LOG_PARSE_SSE2
    if (end - p >= 16) {
        guint hit = sse2_hits(p, nul);
        if (hit != 0)
            return p + __builtin_ctz(hit);
        p += 16;
        const char *q = long_string_end_impl()(p, end, nul);
        if (q < end && (*q == '"' || *q == '\\' || (nul && *q == '\0')))
            return q;
        p = q;
    }
#endif
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
    for (; end - p >= 8; p += 8) {
        guint64 w;
        memcpy(&w, p, 8);
        guint64 hit = bytes_equal(w, '"') | bytes_equal(w, '\\') | (nul ? bytes_equal(w, '\0') : 0);
        if (hit != 0)
            return p + (__builtin_ctzll(hit) >> 3);
    }
#endif
    for (; p < end; p++)
        if (*p == '"' || *p == '\\' || (nul && *p == '\0'))
            return p;
    return NULL;
}

/* At the opening quote.  Strings without a backslash are borrowed. */
static gboolean
scan_string(Scan *s, LogStr *out)
{
    const char *b = s->p + 1;
    const char *q = find_string_end(b, s->end, FALSE);
    if (q == NULL)
        return FALSE;
    if (*q == '"') {
        out->ptr = b;
        out->len = (gsize)(q - b);
        s->p = q + 1;
        return TRUE;
    }
    const char *bs = q;
    /* Copy the clean prefix, then decode from the first backslash. */
    char *o = s->scratch;
    memcpy(o, b, (gsize)(bs - b));
    s->scratch = o + (bs - b);
    LogStr rest;
    if (!decode_escaped(s, bs, &rest))
        return FALSE;
    out->ptr = o;
    out->len = (gsize)(s->scratch - o);
    return TRUE;
}

/* Checks the escapes of a string body [p, q) as cJSON does: known
 * escapes only, \u with 4 hex digits, surrogates in pairs. */
static gboolean
escapes_valid(const char *p, const char *q)
{
    while ((p = memchr(p, '\\', (gsize)(q - p))) != NULL) {
        if (p + 1 >= q)
            return FALSE;
        char e = p[1];
        if (e != 'u') {
            if (strchr("\"\\/bfnrt", e) == NULL || e == '\0')
                return FALSE;
            p += 2;
            continue;
        }
        guint cp, lo;
        if (!read_hex4(p + 2, q, &cp))
            return FALSE;
        p += 6;
        if (cp >= 0xDC00 && cp <= 0xDFFF)
            return FALSE;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (q - p < 6 || p[0] != '\\' || p[1] != 'u' || !read_hex4(p + 2, q, &lo) ||
                lo < 0xDC00 || lo > 0xDFFF)
                return FALSE;
            p += 6;
        }
    }
    return TRUE;
}

/* Skips a string at its opening quote without decoding. */
static gboolean
skip_string(Scan *s)
{
    const char *b = s->p + 1;
    const char *p = find_string_end(b, s->end, FALSE);
    if (p == NULL)
        return FALSE;
    if (*p == '"') {
        s->p = p + 1;
        return TRUE;
    }
    /* From the first backslash: the closing quote is the first one after an
   * even run of backslashes; then every escape must be valid. */
    for (;;) {
        const char *q = memchr(p, '"', (gsize)(s->end - p));
        if (q == NULL)
            return FALSE;
        const char *k = q;
        while (k > p && k[-1] == '\\')
            k--;
        if (((q - k) & 1) == 0) {
            if (!escapes_valid(b, q))
                return FALSE;
            s->p = q + 1;
            return TRUE;
        }
        p = q + 1;
    }
}

static const char *
skip_digits(const char *p, const char *end)
{
    while (p < end && *p >= '0' && *p <= '9')
        p++;
    return p;
}

/* The end of the number at p: -?digits(.digits)?([eE][+-]?digits)?
 * (leading zeros allowed, as cJSON); NULL if there is none. */
static const char *
number_end(const char *p, const char *end)
{
    const char *d;
    if (p < end && *p == '-')
        p++;
    if ((d = skip_digits(p, end)) == p)
        return NULL;
    p = d;
    if (p < end && *p == '.') {
        if ((d = skip_digits(p + 1, end)) == p + 1)
            return NULL;
        p = d;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < end && (*p == '+' || *p == '-'))
            p++;
        if ((d = skip_digits(p, end)) == p)
            return NULL;
        p = d;
    }
    return p;
}

/* Skips a number.  One longer than LOG_PARSE_MAX_NUMBER_TEXT fails: the
 * slow path decides (cJSON reads at most that many characters of it). */
static gboolean
skip_number(Scan *s)
{
    const char *p = number_end(s->p, s->end);
    if (p == NULL || p - s->p > LOG_PARSE_MAX_NUMBER_TEXT)
        return FALSE;
    s->p = p;
    return TRUE;
}

static gboolean
skip_literal(Scan *s)
{
    static const char *const lits[] = { "true", "false", "null" };
    for (int i = 0; i < 3; i++) {
        gsize n = strlen(lits[i]);
        if ((gsize)(s->end - s->p) >= n && memcmp(s->p, lits[i], n) == 0) {
            s->p += n;
            return TRUE;
        }
    }
    return FALSE;
}

/* Skips any JSON value, validating its structure, with an explicit stack. */
static gboolean
skip_value(Scan *s)
{
    char stack[LOG_PARSE_MAX_DEPTH];
    int depth = 0;
    ws(s);
    for (;;) {
        /* Expecting a value. */
        if (s->p >= s->end)
            return FALSE;
        char c = *s->p;
        if (c == '{' || c == '[') {
            if (depth == LOG_PARSE_MAX_DEPTH)
                return FALSE;
            stack[depth++] = c;
            s->p++;
            ws(s);
            if (s->p < s->end && *s->p == (c == '{' ? '}' : ']')) {
                s->p++;
                depth--;
                goto after_value;
            }
            if (c == '{')
                goto expect_key;
            continue;
        } else if (c == '"') {
            if (!skip_string(s))
                return FALSE;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            if (!skip_number(s))
                return FALSE;
        } else if (!skip_literal(s)) {
            return FALSE;
        }
    after_value:
        for (;;) {
            if (depth == 0)
                return TRUE;
            ws(s);
            if (s->p >= s->end)
                return FALSE;
            char open = stack[depth - 1];
            char d = *s->p++;
            if (d == ',') {
                ws(s);
                if (open == '{')
                    goto expect_key;
                break; /* next array value */
            }
            if ((open == '{' && d == '}') || (open == '[' && d == ']')) {
                depth--;
                continue;
            }
            return FALSE;
        }
        continue;
    expect_key:
        if (s->p >= s->end || *s->p != '"' || !skip_string(s))
            return FALSE;
        ws(s);
        if (s->p >= s->end || *s->p != ':')
            return FALSE;
        s->p++;
        ws(s);
    }
}

/* Wanted string field: string → value, null → absent, else absent. */
static void
take_string(Scan *s, LogStr *out)
{
    ws(s);
    out->ptr = NULL;
    out->len = 0;
    if (s->p < s->end && *s->p == '"') {
        if (!scan_string(s, out))
            s->fail = TRUE;
        return;
    }
    if (!skip_value(s))
        s->fail = TRUE;
}

/* The bad-field bits of the object `ev` is filled from. */
static guint *
bad_bits(Scan *s, const LogEvent *ev)
{
    return ev == &s->st->inner ? &s->st->bad_inner : &s->st->bad_top;
}

/* Wanted unsigned field `field` (BAD_*) of `ev`: integer or digit string →
 * value; null → absent; negative, too big, non-numeric string, bool,
 * object → bad field.  A later duplicate of the key decides anew.  A JSON
 * number at or above 2^53 is a bad field too: cJSON (the slow path), jq and
 * JavaScript hold it as a double that has lost digits, and Suricata keeps
 * its own numbers below (flow ids have 51 bits); a digit string is exact up
 * to 2^64 - 1.
 *
 * The scanner decides a JSON number only where its answer is provably the
 * one the slow path reads from cJSON's double: digits (leading zeros too),
 * and a minus sign before digits (-0 and -000 are 0, as the double -0.0
 * is; any other negative is bad).  Fractions and exponents (443.0, 4.43e2,
 * 1e-400, 0.99999999999999999999 that rounds to 1) and numbers longer than
 * LOG_PARSE_MAX_NUMBER_TEXT go to the slow path (fuzzed:
 * "signature_id":-0 was bad here and 0 there). */
static void
take_uint(Scan *s, LogEvent *ev, guint field, guint64 max, guint64 *out, gboolean *present)
{
    guint *bad = bad_bits(s, ev);
    *bad &= ~field;
    ws(s);
    *present = FALSE;
    if (s->p >= s->end) {
        s->fail = TRUE;
        return;
    }
    char c = *s->p;
    if (c == '-' || (c >= '0' && c <= '9')) {
        const char *b = s->p;
        gboolean negative = c == '-';
        const char *digits = negative ? b + 1 : b;
        const char *q = skip_digits(digits, s->end);
        if (q == digits || (q < s->end && (*q == '.' || *q == 'e' || *q == 'E')) ||
            q - b > LOG_PARSE_MAX_NUMBER_TEXT) {
            s->fail = TRUE; /* the slow path handles 443.0, 4.43e2, "-" */
            return;
        }
        s->p = q;
        guint64 v;
        if (negative) {
            while (digits < q && *digits == '0')
                digits++;
            if (digits < q) {
                *bad |= field; /* below zero */
                return;
            }
            v = 0; /* -0 */
        } else if (!digits_to_u64(b, (gsize)(q - b), &v)) {
            *bad |= field; /* at or above 2^64 */
            return;
        }
        if (v > max || v >= LOG_PARSE_MAX_EXACT_NUMBER) {
            *bad |= field;
            return;
        }
        *out = v;
        *present = TRUE;
        return;
    }
    if (c == '"') {
        LogStr t;
        if (!scan_string(s, &t)) {
            s->fail = TRUE;
            return;
        }
        t = log_str_before_nul(t);
        guint64 v;
        if (!digits_to_u64(t.ptr, t.len, &v) || v > max) {
            *bad |= field;
            return;
        }
        *out = v;
        *present = TRUE;
        return;
    }
    if (c == 'n' && s->end - s->p >= 4 && memcmp(s->p, "null", 4) == 0) {
        s->p += 4;
        return;
    }
    *bad |= field;
    if (!skip_value(s))
        s->fail = TRUE;
}

static void
take_port(Scan *s, LogEvent *ev, guint field, gint32 *out)
{
    guint64 v = 0;
    gboolean present;
    take_uint(s, ev, field, 65535, &v, &present);
    *out = present ? (gint32)v : -1;
}

static void
take_time(Scan *s, gboolean *has, gint64 *us)
{
    LogStr t;
    take_string(s, &t);
    t = log_str_before_nul(t);
    *has = t.ptr != NULL && log_time_parse(t.ptr, t.len, us);
}

typedef gboolean (*KeyFunc)(Scan *s, const char *key, gsize klen, void *ctx);

#define KEY_IS(lit) (klen == sizeof(lit) - 1 && memcmp(key, lit, sizeof(lit) - 1) == 0)

/* Walks an object at '{', calling `fn` for each key with s->p at the value;
 * `fn` consumes the value (returns FALSE to have it skipped). */
static void
scan_object(Scan *s, KeyFunc fn, void *ctx)
{
    if (!expect(s, '{'))
        return;
    ws(s);
    if (s->p < s->end && *s->p == '}') {
        s->p++;
        return;
    }
    for (;;) {
        ws(s);
        if (s->p >= s->end || *s->p != '"') {
            s->fail = TRUE;
            return;
        }
        const char *kb = s->p + 1;
        const char *kq = find_string_end(kb, s->end, TRUE);
        if (kq == NULL || *kq != '"') {
            s->fail = TRUE; /* escaped keys, NUL in keys: slow path */
            return;
        }
        s->p = kq + 1;
        if (!expect(s, ':'))
            return;
        ws(s);
        if (!fn(s, kb, (gsize)(kq - kb), ctx) && !skip_value(s)) {
            s->fail = TRUE;
            return;
        }
        if (s->fail)
            return;
        ws(s);
        if (s->p >= s->end) {
            s->fail = TRUE;
            return;
        }
        char c = *s->p++;
        if (c == '}')
            return;
        if (c != ',') {
            s->fail = TRUE;
            return;
        }
    }
}

/* A value that should be an object: scan it if it is, else reset only. */
static void
scan_object_or_skip(Scan *s, KeyFunc fn, void *ctx, gboolean *present)
{
    ws(s);
    if (s->p < s->end && *s->p == '{') {
        if (present)
            *present = TRUE;
        scan_object(s, fn, ctx);
    } else if (!skip_value(s)) {
        s->fail = TRUE;
    }
}

static gboolean
alert_key(Scan *s, const char *key, gsize klen, void *ctx)
{
    LogEvent *ev = ctx;
    guint64 v = 0;
    gboolean present;
    if (KEY_IS("signature_id")) {
        take_uint(s, ev, BAD_SIGNATURE_ID, G_MAXUINT64, &v, &present);
        ev->alert.signature_id = present ? v : 0;
    } else if (KEY_IS("rev")) {
        take_uint(s, ev, BAD_REV, G_MAXUINT32, &v, &present);
        ev->alert.rev = present ? (guint32)v : 0;
    } else if (KEY_IS("signature")) {
        take_string(s, &ev->alert.signature);
    } else if (KEY_IS("action")) {
        take_string(s, &ev->alert.action_text);
        ev->alert.action = action_from_text(ev->alert.action_text);
    } else if (KEY_IS("category")) {
        take_string(s, &ev->alert.category);
    } else if (KEY_IS("severity")) {
        take_uint(s, ev, BAD_SEVERITY, G_MAXINT32, &v, &present);
        ev->alert.severity = present ? (gint32)v : -1;
    } else {
        return FALSE;
    }
    return TRUE;
}

static gboolean
verdict_key(Scan *s, const char *key, gsize klen, void *ctx)
{
    LogEvent *ev = ctx;
    if (!KEY_IS("action"))
        return FALSE;
    take_string(s, &ev->verdict_action);
    return TRUE;
}

static gboolean
tls_key(Scan *s, const char *key, gsize klen, void *ctx)
{
    LogEvent *ev = ctx;
    if (!KEY_IS("sni"))
        return FALSE;
    take_string(s, &ev->tls_sni);
    return TRUE;
}

static gboolean
http_key(Scan *s, const char *key, gsize klen, void *ctx)
{
    LogEvent *ev = ctx;
    if (KEY_IS("hostname"))
        take_string(s, &ev->http_hostname);
    else if (KEY_IS("url"))
        take_string(s, &ev->http_url);
    else if (KEY_IS("http_user_agent"))
        take_string(s, &ev->http_user_agent);
    else
        return FALSE;
    return TRUE;
}

typedef struct {
    LogStr *rrname;
} RrnameCtx;

static gboolean
rrname_key(Scan *s, const char *key, gsize klen, void *ctx)
{
    RrnameCtx *c = ctx;
    if (!KEY_IS("rrname"))
        return FALSE;
    take_string(s, c->rrname);
    return TRUE;
}

/* dns.query / dns.queries: the first element's rrname. */
static void
scan_query_array(Scan *s, LogStr *rrname)
{
    rrname->ptr = NULL;
    rrname->len = 0;
    ws(s);
    if (s->p >= s->end || *s->p != '[') {
        if (!skip_value(s))
            s->fail = TRUE;
        return;
    }
    s->p++;
    ws(s);
    if (s->p < s->end && *s->p == ']') {
        s->p++;
        return;
    }
    gboolean first = TRUE;
    for (;;) {
        ws(s);
        if (first && s->p < s->end && *s->p == '{') {
            RrnameCtx c = { rrname };
            scan_object(s, rrname_key, &c);
        } else if (!skip_value(s)) {
            s->fail = TRUE;
        }
        first = FALSE;
        if (s->fail)
            return;
        ws(s);
        if (s->p >= s->end) {
            s->fail = TRUE;
            return;
        }
        char c = *s->p++;
        if (c == ']')
            return;
        if (c != ',') {
            s->fail = TRUE;
            return;
        }
    }
}

static gboolean
dns_key(Scan *s, const char *key, gsize klen, void *ctx)
{
    LogEvent *ev = ctx;
    if (KEY_IS("query") || KEY_IS("queries"))
        scan_query_array(s, &ev->dns_rrname);
    else if (KEY_IS("rrname"))
        take_string(s, &ev->dns_rrname);
    else
        return FALSE;
    return TRUE;
}

static gboolean
netflow_key(Scan *s, const char *key, gsize klen, void *ctx)
{
    LogEvent *ev = ctx;
    gboolean present;
    if (KEY_IS("pkts")) {
        take_uint(s, ev, BAD_PKTS, G_MAXUINT64, &ev->netflow.pkts, &present);
        if (!present)
            ev->netflow.pkts = 0;
    } else if (KEY_IS("bytes")) {
        take_uint(s, ev, BAD_BYTES, G_MAXUINT64, &ev->netflow.bytes, &present);
        if (!present)
            ev->netflow.bytes = 0;
    } else if (KEY_IS("start")) {
        take_string(s, &ev->netflow.start);
    } else if (KEY_IS("end")) {
        take_string(s, &ev->netflow.end);
    } else {
        return FALSE;
    }
    return TRUE;
}

/* EVE keys, for both the "event" object and raw EVE at top level.
 * Returns FALSE for keys it does not want. */
static gboolean
eve_key(Scan *s, const char *key, gsize klen, LogEvent *ev, gboolean *tls_hint)
{
    guint64 v;
    switch (klen) {
    case 3:
        if (KEY_IS("tls")) {
            ev->tls_sni = (LogStr){ 0 };
            scan_object_or_skip(s, tls_key, ev, NULL);
            return TRUE;
        }
        if (KEY_IS("dns")) {
            ev->dns_rrname = (LogStr){ 0 };
            scan_object_or_skip(s, dns_key, ev, NULL);
            return TRUE;
        }
        if (KEY_IS("sni")) { /* TLS inspection log */
            *tls_hint = TRUE;
            take_string(s, &ev->tls_sni);
            return TRUE;
        }
        return FALSE;
    case 4:
        if (KEY_IS("http")) {
            ev->http_hostname = ev->http_url = ev->http_user_agent = (LogStr){ 0 };
            scan_object_or_skip(s, http_key, ev, NULL);
            return TRUE;
        }
        return FALSE;
    case 5:
        if (KEY_IS("alert")) {
            memset(&ev->alert, 0, sizeof ev->alert);
            ev->alert.severity = -1;
            *bad_bits(s, ev) &= ~BAD_ALERT_FIELDS; /* only the last alert object counts */
            scan_object_or_skip(s, alert_key, ev, &ev->alert.present);
            return TRUE;
        }
        if (KEY_IS("proto")) {
            /* Suricata prints unknown protocols as numbers: keep the text. */
            ws(s);
            if (s->p < s->end && (*s->p == '-' || (*s->p >= '0' && *s->p <= '9'))) {
                /* The slow path prints cJSON's double with %.0f: the same
                 * text only for an integer below 2^53 written without sign
                 * or leading zero; anything else is left to it. */
                const char *b = s->p;
                const char *q = skip_digits(b, s->end);
                if (q == b || (*b == '0' && q - b > 1) ||
                    (q < s->end && (*q == '.' || *q == 'e' || *q == 'E')) ||
                    !digits_to_u64(b, (gsize)(q - b), &v) || v >= LOG_PARSE_MAX_EXACT_NUMBER) {
                    s->fail = TRUE;
                    return TRUE;
                }
                s->p = q;
                ev->proto = (LogStr){ b, (gsize)(q - b) };
            } else {
                take_string(s, &ev->proto);
            }
            return TRUE;
        }
        return FALSE;
    case 6:
        if (KEY_IS("src_ip")) {
            take_string(s, &ev->src_ip);
            return TRUE;
        }
        return FALSE;
    case 7:
        if (KEY_IS("dest_ip")) {
            take_string(s, &ev->dest_ip);
            return TRUE;
        }
        if (KEY_IS("netflow")) {
            memset(&ev->netflow, 0, sizeof ev->netflow);
            *bad_bits(s, ev) &= ~BAD_NETFLOW_FIELDS;
            scan_object_or_skip(s, netflow_key, ev, &ev->netflow.present);
            return TRUE;
        }
        if (KEY_IS("verdict")) {
            ev->verdict_action = (LogStr){ 0 };
            scan_object_or_skip(s, verdict_key, ev, NULL);
            return TRUE;
        }
        if (KEY_IS("flow_id")) {
            take_uint(s, ev, BAD_FLOW_ID, G_MAXUINT64, &v, &ev->has_flow_id);
            ev->flow_id = ev->has_flow_id ? v : 0;
            return TRUE;
        }
        return FALSE;
    case 8:
        if (KEY_IS("src_port")) {
            take_port(s, ev, BAD_SRC_PORT, &ev->src_port);
            return TRUE;
        }
        return FALSE;
    case 9:
        if (KEY_IS("dest_port")) {
            take_port(s, ev, BAD_DEST_PORT, &ev->dest_port);
            return TRUE;
        }
        if (KEY_IS("app_proto")) {
            take_string(s, &ev->app_proto);
            return TRUE;
        }
        if (KEY_IS("direction")) {
            take_string(s, &ev->direction);
            return TRUE;
        }
        if (KEY_IS("timestamp")) {
            take_time(s, &ev->has_timestamp, &ev->timestamp_us);
            return TRUE;
        }
        if (KEY_IS("tls_error")) {
            *tls_hint = TRUE;
            return FALSE;
        }
        return FALSE;
    case 10:
        if (KEY_IS("event_type")) {
            take_string(s, &ev->event_type);
            return TRUE;
        }
        return FALSE;
    case 16:
        if (KEY_IS("revocation_check")) {
            *tls_hint = TRUE;
            return FALSE;
        }
        return FALSE;
    default: return FALSE;
    }
}

static gboolean
event_key(Scan *s, const char *key, gsize klen, void *ctx)
{
    ParseState *st = ctx;
    return eve_key(s, key, klen, &st->inner, &st->tls_hint_inner);
}

static gboolean
top_key(Scan *s, const char *key, gsize klen, void *ctx)
{
    ParseState *st = ctx;
    if (KEY_IS("event")) {
        event_fields_reset(&st->inner);
        st->bad_inner = 0;
        st->tls_hint_inner = FALSE;
        st->has_event_obj = FALSE;
        scan_object_or_skip(s, event_key, st, &st->has_event_obj);
        return TRUE;
    }
    if (KEY_IS("firewall_name")) {
        take_string(s, &st->firewall_name);
        return TRUE;
    }
    if (KEY_IS("availability_zone")) {
        take_string(s, &st->availability_zone);
        return TRUE;
    }
    if (KEY_IS("event_timestamp")) {
        ws(s);
        st->has_ets = FALSE;
        if (s->p < s->end && *s->p == '"') {
            LogStr t;
            take_string(s, &t);
            t = log_str_before_nul(t);
            st->has_ets = t.ptr != NULL && ets_from_text(t, &st->ets);
        } else if (s->p < s->end && (*s->p == '-' || (*s->p >= '0' && *s->p <= '9'))) {
            /* Digits only: exact in the slow path's double too (the limit
             * is below 2^53).  A sign, a fraction (1.99999999999999999999
             * is 2 as a double) or an exponent: the slow path decides. */
            const char *b = s->p;
            const char *q = skip_digits(b, s->end);
            if (q == b || (q < s->end && (*q == '.' || *q == 'e' || *q == 'E')) ||
                q - b > LOG_PARSE_MAX_NUMBER_TEXT) {
                s->fail = TRUE;
                return TRUE;
            }
            s->p = q;
            st->has_ets = ets_from_text((LogStr){ b, (gsize)(q - b) }, &st->ets);
        } else if (!skip_value(s)) {
            s->fail = TRUE;
        }
        return TRUE;
    }
    return eve_key(s, key, klen, &st->top, &st->tls_hint_top);
}

LogParseResult
log_parse_fast(const char *text, gsize len, char *scratch, gboolean keep_other, LogEvent *event)
{
    ParseState st;
    state_init(&st);
    Scan s = { text, text + len, scratch, &st, FALSE };
    ws(&s);
    if (s.p >= s.end || *s.p != '{')
        return LOG_PARSE_DECLINE;
    scan_object(&s, top_key, &st);
    if (s.fail)
        return LOG_PARSE_DECLINE;
    ws(&s);
    if (s.p != s.end)
        return LOG_PARSE_DECLINE;
    return state_finish(&st, keep_other, event);
}

gboolean
log_parse_member_string(const char *text, gsize len, const char *name, char *scratch, LogStr *out)
{
    /* A tiny dedicated walk: only the named top-level string matters. */
    Scan s = { text, text + len, scratch, NULL, FALSE };
    gsize nlen = strlen(name);
    out->ptr = NULL;
    ws(&s);
    if (!expect(&s, '{'))
        return FALSE;
    ws(&s);
    if (s.p < s.end && *s.p == '}')
        return FALSE;
    for (;;) {
        ws(&s);
        if (s.p >= s.end || *s.p != '"')
            return FALSE;
        LogStr key;
        char *mark = s.scratch;
        if (!scan_string(&s, &key))
            return FALSE;
        s.scratch = mark;
        if (!expect(&s, ':'))
            return FALSE;
        ws(&s);
        if (key.len == nlen && memcmp(key.ptr, name, nlen) == 0 && s.p < s.end && *s.p == '"') {
            if (!scan_string(&s, out))
                return FALSE;
        } else if (!skip_value(&s)) {
            return FALSE;
        }
        ws(&s);
        if (s.p >= s.end)
            return FALSE;
        char c = *s.p++;
        if (c == '}')
            break;
        if (c != ',')
            return FALSE;
    }
    return out->ptr != NULL;
}

/* ======================================================================== */
/* Slow path (cJSON)                                                         */
/* ======================================================================== */

/* Last member named `name` (duplicate keys: last wins). */
static cJSON *
member_last(const cJSON *obj, const char *name)
{
    cJSON *found = NULL;
    for (cJSON *c = obj ? obj->child : NULL; c; c = c->next)
        if (c->string && strcmp(c->string, name) == 0)
            found = c;
    return found;
}

static void
cj_string(const cJSON *obj, const char *name, LogStr *out, gboolean *seen)
{
    cJSON *m = member_last(obj, name);
    if (m == NULL)
        return;
    if (seen)
        *seen = TRUE;
    if (cJSON_IsString(m))
        *out = (LogStr){ m->valuestring, strlen(m->valuestring) };
    else
        *out = (LogStr){ 0 };
}

/* Integer from number or digit string; FALSE when absent/null. */
static gboolean
cj_uint_value(ParseState *st, const cJSON *m, guint64 max, guint64 *out)
{
    if (m == NULL || cJSON_IsNull(m))
        return FALSE;
    if (cJSON_IsNumber(m)) {
        double d = m->valuedouble;
        /* Range first: casting a double at or above 2^64 (or NaN) is undefined
     * (fuzzed: {"alert":{"signature_id":18446744073709551616}}); at or above
     * 2^53 it has lost digits (LOG_PARSE_MAX_EXACT_NUMBER, as the fast path). */
        if (!(d >= 0) || d >= (double)LOG_PARSE_MAX_EXACT_NUMBER || d > (double)max ||
            d != (double)(guint64)d) {
            st->bad_field = TRUE;
            return FALSE;
        }
        *out = (guint64)d;
        return TRUE;
    }
    if (cJSON_IsString(m)) {
        guint64 v;
        if (!digits_to_u64(m->valuestring, strlen(m->valuestring), &v) || v > max) {
            st->bad_field = TRUE;
            return FALSE;
        }
        *out = v;
        return TRUE;
    }
    st->bad_field = TRUE;
    return FALSE;
}

static void
cj_time(const cJSON *obj, const char *name, gboolean *has, gint64 *us)
{
    cJSON *m = member_last(obj, name);
    if (m == NULL)
        return;
    *has = cJSON_IsString(m) && log_time_parse(m->valuestring, strlen(m->valuestring), us);
}

static void
cj_port(ParseState *st, const cJSON *obj, const char *name, gint32 *out)
{
    cJSON *m = member_last(obj, name);
    guint64 v;
    if (m)
        *out = cj_uint_value(st, m, 65535, &v) ? (gint32)v : -1;
}

static void
cj_rrname(const cJSON *arr, LogStr *out)
{
    *out = (LogStr){ 0 };
    if (cJSON_IsArray(arr) && arr->child && cJSON_IsObject(arr->child))
        cj_string(arr->child, "rrname", out, NULL);
}

static void
cj_eve(ParseState *st, const cJSON *o, LogEvent *ev, gboolean *tls_hint)
{
    guint64 v;
    cJSON *m;
    /* Each key is looked up once, so the order of the lookups does not
   * matter: the last duplicate of each key wins as in the fast path. */
    cj_string(o, "event_type", &ev->event_type, NULL);
    cj_string(o, "src_ip", &ev->src_ip, NULL);
    cj_string(o, "dest_ip", &ev->dest_ip, NULL);
    cj_port(st, o, "src_port", &ev->src_port);
    cj_port(st, o, "dest_port", &ev->dest_port);
    if ((m = member_last(o, "proto")) != NULL) {
        if (cJSON_IsNumber(m)) {
            /* Keep the number's text as the fast path does. */
            char buf[32];
            g_snprintf(buf, sizeof buf, "%.0f", m->valuedouble);
            /* valuestring is unused for numbers: park the text there. */
            m->valuestring = g_strdup(buf);
            ev->proto = (LogStr){ m->valuestring, strlen(m->valuestring) };
        } else {
            cj_string(o, "proto", &ev->proto, NULL);
        }
    }
    cj_string(o, "app_proto", &ev->app_proto, NULL);
    cj_string(o, "direction", &ev->direction, NULL);
    cj_time(o, "timestamp", &ev->has_timestamp, &ev->timestamp_us);
    if ((m = member_last(o, "flow_id")) != NULL) {
        ev->has_flow_id = cj_uint_value(st, m, G_MAXUINT64, &v);
        ev->flow_id = ev->has_flow_id ? v : 0;
    }
    gboolean seen_sni = FALSE;
    cj_string(o, "sni", &ev->tls_sni, &seen_sni);
    if (seen_sni || member_last(o, "tls_error") || member_last(o, "revocation_check"))
        *tls_hint = TRUE;

    if ((m = member_last(o, "alert")) != NULL && cJSON_IsObject(m)) {
        cJSON *a = m;
        ev->alert.present = TRUE;
        if (cj_uint_value(st, member_last(a, "signature_id"), G_MAXUINT64, &v))
            ev->alert.signature_id = v;
        if (cj_uint_value(st, member_last(a, "rev"), G_MAXUINT32, &v))
            ev->alert.rev = (guint32)v;
        if (cj_uint_value(st, member_last(a, "severity"), G_MAXINT32, &v))
            ev->alert.severity = (gint32)v;
        cj_string(a, "signature", &ev->alert.signature, NULL);
        cj_string(a, "category", &ev->alert.category, NULL);
        cj_string(a, "action", &ev->alert.action_text, NULL);
        ev->alert.action = action_from_text(ev->alert.action_text);
    }
    if ((m = member_last(o, "verdict")) != NULL && cJSON_IsObject(m))
        cj_string(m, "action", &ev->verdict_action, NULL);
    if ((m = member_last(o, "tls")) != NULL) {
        ev->tls_sni = (LogStr){ 0 };
        if (cJSON_IsObject(m))
            cj_string(m, "sni", &ev->tls_sni, NULL);
    }
    if ((m = member_last(o, "http")) != NULL && cJSON_IsObject(m)) {
        cj_string(m, "hostname", &ev->http_hostname, NULL);
        cj_string(m, "url", &ev->http_url, NULL);
        cj_string(m, "http_user_agent", &ev->http_user_agent, NULL);
    }
    if ((m = member_last(o, "dns")) != NULL && cJSON_IsObject(m)) {
        /* The last of query / queries / rrname in document order wins. */
        for (cJSON *c = m->child; c; c = c->next) {
            if (c->string == NULL)
                continue;
            if (strcmp(c->string, "query") == 0 || strcmp(c->string, "queries") == 0)
                cj_rrname(c, &ev->dns_rrname);
            else if (strcmp(c->string, "rrname") == 0)
                ev->dns_rrname = cJSON_IsString(c)
                                     ? (LogStr){ c->valuestring, strlen(c->valuestring) }
                                     : (LogStr){ 0 };
        }
    }
    if ((m = member_last(o, "netflow")) != NULL && cJSON_IsObject(m)) {
        ev->netflow.present = TRUE;
        if (cj_uint_value(st, member_last(m, "pkts"), G_MAXUINT64, &v))
            ev->netflow.pkts = v;
        if (cj_uint_value(st, member_last(m, "bytes"), G_MAXUINT64, &v))
            ev->netflow.bytes = v;
        cj_string(m, "start", &ev->netflow.start, NULL);
        cj_string(m, "end", &ev->netflow.end, NULL);
    }
}

/* Walks the tree freeing the number texts parked by cj_eve, then the tree. */
static void
cj_free_parked(cJSON *node)
{
    for (; node; node = node->next) {
        if (cJSON_IsNumber(node) && node->valuestring) {
            g_free(node->valuestring);
            node->valuestring = NULL;
        }
        cj_free_parked(node->child);
    }
}

static gboolean
is_number_char(char c)
{
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

/* Appends the JSON number [p, end) (grammar checked by the caller) in at
 * most LOG_PARSE_MAX_NUMBER_TEXT characters: sign, then "0.DIGITS" with
 * leading and trailing zeros gone, then the decimal exponent (clamped far
 * beyond the range of a double).  Exact up to 41 significant digits; past
 * them the 41st digit is a 1 that keeps the value above the cut, so
 * strtod rounds it as the whole text unless the text lies within 10^-40
 * (relative) of a halfway point between two doubles. */
static void
append_short_number(GString *out, const char *p, const char *end)
{
    enum { MAX_DIGITS = 40 };
    if (*p == '-') {
        g_string_append_c(out, '-');
        p++;
    }
    char digits[MAX_DIGITS + 1];
    gsize n = 0;
    gboolean cut = FALSE;
    gint64 point = 0; /* decimal exponent of the first kept digit's place + 1 */
    gboolean in_fraction = FALSE;
    for (; p < end && *p != 'e' && *p != 'E'; p++) {
        if (*p == '.') {
            in_fraction = TRUE;
            continue;
        }
        if (n == 0 && *p == '0') {
            if (in_fraction)
                point--;
            continue;
        }
        if (!in_fraction)
            point++;
        if (n < MAX_DIGITS)
            digits[n++] = *p;
        else if (*p != '0')
            cut = TRUE;
    }
    gint64 exp = 0;
    if (p < end) {
        gboolean neg = FALSE;
        p++;
        if (*p == '+' || *p == '-')
            neg = *p++ == '-';
        for (; p < end; p++)
            if (exp < 1000000)
                exp = exp * 10 + (*p - '0');
        if (neg)
            exp = -exp;
    }
    while (n > 0 && digits[n - 1] == '0')
        n--;
    if (n == 0 && !cut) {
        g_string_append_c(out, '0');
        return;
    }
    if (cut)
        digits[n++] = '1';
    g_string_append(out, "0.");
    g_string_append_len(out, digits, (gssize)n);
    g_string_append_printf(out, "e%" G_GINT64_FORMAT, point + exp);
}

/* cJSON reads a number through a 64-byte buffer: a longer one (valid JSON)
 * would be a syntax error.  Returns a copy of `text` with each such number
 * (outside strings) written shorter, or NULL when there is none. */
static GString *
shorten_long_numbers(const char *text, gsize len)
{
    GString *out = NULL;
    const char *end = text + len, *copied = text;
    gboolean in_string = FALSE;
    for (const char *p = text; p < end; p++) {
        char c = *p;
        if (in_string) {
            if (c == '\\')
                p++;
            else if (c == '"')
                in_string = FALSE;
            continue;
        }
        if (c == '"') {
            in_string = TRUE;
            continue;
        }
        if (c != '-' && (c < '0' || c > '9'))
            continue;
        const char *q = p;
        while (q < end && is_number_char(*q))
            q++;
        if (q - p > LOG_PARSE_MAX_NUMBER_TEXT) {
            if (number_end(p, q) == q) {
                if (out == NULL)
                    out = g_string_sized_new(len);
                g_string_append_len(out, copied, p - copied);
                append_short_number(out, p, q);
                copied = q;
            }
        }
        p = q - 1;
    }
    if (out)
        g_string_append_len(out, copied, end - copied);
    return out;
}

LogParseResult
log_parse_slow(const char *text, gsize len, cJSON **tree, gboolean keep_other, LogEvent *event)
{
    log_parse_tree_free(*tree);
    *tree = NULL;
    const char *endp = NULL;
    g_autoptr(GString) shorter = shorten_long_numbers(text, len);
    if (shorter) {
        text = shorter->str;
        len = shorter->len;
    }
    cJSON *root = cJSON_ParseWithLengthOpts(text, len, &endp, FALSE);
    if (root == NULL)
        return LOG_PARSE_BAD_JSON;
    *tree = root;
    for (const char *p = endp; p && p < text + len; p++)
        if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
            return LOG_PARSE_BAD_JSON;
    if (!cJSON_IsObject(root))
        return LOG_PARSE_NOT_NFW;

    ParseState st;
    state_init(&st);
    cj_string(root, "firewall_name", &st.firewall_name, NULL);
    cj_string(root, "availability_zone", &st.availability_zone, NULL);
    cJSON *m = member_last(root, "event_timestamp");
    if (m && cJSON_IsString(m)) {
        st.has_ets = ets_from_text((LogStr){ m->valuestring, strlen(m->valuestring) }, &st.ets);
    } else if (m && cJSON_IsNumber(m) && m->valuedouble >= 0 &&
               m->valuedouble <= (double)(G_MAXINT64 / G_USEC_PER_SEC)) {
        /* The same limit as a digit string's (ets_from_text). */
        st.has_ets = TRUE;
        st.ets = (gint64)m->valuedouble;
    }
    m = member_last(root, "event");
    if (m && cJSON_IsObject(m)) {
        st.has_event_obj = TRUE;
        cj_eve(&st, m, &st.inner, &st.tls_hint_inner);
    } else {
        cj_eve(&st, root, &st.top, &st.tls_hint_top);
    }
    return state_finish(&st, keep_other, event);
}

void
log_parse_tree_free(cJSON *tree)
{
    if (tree) {
        cj_free_parked(tree);
        cJSON_Delete(tree);
    }
}
