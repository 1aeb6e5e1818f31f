/*
 * sc_netlist.c - the list scanners of Suricata 7.0.10's rule header:
 * DetectAddressParseInternal (detect-engine-address.c) and
 * DetectPortParseDo (detect-engine-port.c), reproduced character by
 * character because their quirks decide what Suricata accepts: a trailing
 * ',' or '!' is dropped ("[80,]", "[80,!]"), text before a '[' is dropped
 * ("x[80]"), a second '!' does not cancel the first ("!!80" is "!80"),
 * a '!' anywhere in a bare element negates it ("8!0" is "!80"), and a
 * port's polarity inside a negated list depends on where it stands.
 *
 * Instead of inserting into Suricata's address and port heads, the scan
 * writes what Suricata would insert as a plain list ("[a,!b,![c,d]]")
 * that netexpr.c then parses: the elements themselves are checked there
 * (DetectAddressParseString / PortParse), and the sets by netset.c.
 * Variables stay names ("$HOME_NET", "!$HTTP_PORTS"): the policy resolves
 * them.  Address lists keep a negated sub-list as one negated group, as
 * Suricata merges it before negating; port lists come out flat, as
 * Suricata puts every port in one positive or one negative list.
 */
#include "rules/sc_netlist.h"

#include <string.h>

typedef struct {
    gboolean ports;
    char *error;
} Scan;

static gboolean
scan_fail(Scan *sc, char *message)
{
    if (sc->error == NULL)
        sc->error = message;
    else
        g_free(message);
    return FALSE;
}

/* An IPv6 prefix length as StringParseI32RangeCheck reads it with len 0
 * (DetectAddressParseString): strtoll, so blanks before it and anything
 * after the number are ignored ("/64 " and "/64x" pass).  The number
 * alone, or NULL when there is none. */
static char *
ipv6_prefix(const char *mask)
{
    const char *c = mask;
    while (g_ascii_isspace(*c))
        c++;
    const char *start = c;
    if (*c == '+' || *c == '-')
        c++;
    if (!g_ascii_isdigit(*c))
        return NULL;
    while (g_ascii_isdigit(*c))
        c++;
    gint64 v = g_ascii_strtoll(start, NULL, 10);
    return g_strdup_printf("%" G_GINT64_FORMAT, v);
}

/* One element that Suricata would insert, in a form netexpr reads.
 * DetectAddressSetup and PortParse skip leading blanks; any other blank
 * fails the element (inet_pton, strict number parsing, a variable name),
 * except where strtoul/strtoll skip them: right before the number after a
 * port range's ':', and around an IPv6 prefix length. */
static gboolean
emit(Scan *sc, GPtrArray *out, gboolean negated, const char *text, gboolean is_var)
{
    if (is_var) {
        /* SCRuleVarsGetConfVar looks up the whole element as a name
         * (without leading blanks and its '$'): "$HTTP_PORTS!80" is the
         * variable "HTTP_PORTS80", "1.2.3.4$X" the variable "1.2.3.4$X". */
        while (g_ascii_isspace(*text))
            text++;
        const char *name = text[0] == '$' ? text + 1 : text;
        gboolean ok = text[0] == '$' && g_ascii_isalpha(name[0]);
        for (const char *c = name; ok && *c; c++)
            ok = g_ascii_isalnum(*c) || *c == '_' || *c == '-';
        if (!ok)
            return scan_fail(sc, g_strdup_printf("variable \"%s\" is not defined", name));
        g_ptr_array_add(out, g_strdup_printf("%s%s", negated ? "!" : "", text));
        return TRUE;
    }
    while (*text != '\0' && g_ascii_isspace(*text))
        text++;
    /* DetectAddressParseString and PortParse take one leading '!' of their
     * own (left in an element by the scanner after a block) */
    if (text[0] == '!') {
        if (text[1] == '!')
            return scan_fail(sc, g_strdup_printf("failed to parse %s \"%s\"",
                                                 sc->ports ? "port" : "address", text));
        negated = !negated;
        text++;
    }
    const char *slash = strchr(text, '/');
    if (!sc->ports && slash != NULL && strchr(text, ':') != NULL) {
        char *len = ipv6_prefix(slash + 1);
        if (len != NULL) {
            char *host = g_strndup(text, slash - text);
            /* a ':' anywhere makes it IPv6 (inet_pton AF_INET6 on the host) */
            gboolean ok = strpbrk(host, " \t\r\n\v\f") == NULL && strchr(host, ':') != NULL;
            if (ok)
                g_ptr_array_add(out, g_strdup_printf("%s%s/%s", negated ? "!" : "", host, len));
            g_free(host);
            g_free(len);
            if (ok)
                return TRUE;
            return scan_fail(sc, g_strdup_printf("failed to parse address \"%s\"", text));
        }
    }
    GString *e = g_string_new(negated ? "!" : "");
    for (const char *c = text; *c; c++) {
        if (!g_ascii_isspace(*c)) {
            g_string_append_c(e, *c);
            continue;
        }
        const char *next = c;
        while (g_ascii_isspace(*next))
            next++;
        if (sc->ports && e->len > 0 && e->str[e->len - 1] == ':' && *next != '\0') {
            c = next - 1;
            continue;
        }
        scan_fail(sc, g_strdup_printf("failed to parse %s \"%s\" (a blank inside it)",
                                      sc->ports ? "port" : "address", text));
        g_string_free(e, TRUE);
        return FALSE;
    }
    g_ptr_array_add(out, g_string_free(e, FALSE));
    return TRUE;
}

static gboolean scan(Scan *sc, const char *s, int negate, int recur, GPtrArray *out);

/* The ']' that closes a block at depth 1: `inner` is its content. */
static gboolean
scan_block(Scan *sc, const char *inner, int negate, int n_set, int recur, GPtrArray *out)
{
    if (sc->ports) /* DetectPortParseDo: negate ? negate : n_set */
        return scan(sc, inner, negate ? negate : n_set, recur, out);
    if ((negate + n_set) % 2 == 0)
        return scan(sc, inner, 0, recur, out);
    /* a negated address block is merged first, then negated as a whole */
    GPtrArray *sub = g_ptr_array_new_with_free_func(g_free);
    gboolean ok = scan(sc, inner, 0, recur, sub);
    if (ok) {
        g_ptr_array_add(sub, NULL);
        char *joined = g_strjoinv(",", (char **)sub->pdata);
        g_ptr_array_add(out, g_strdup_printf("![%s]", joined));
        g_free(joined);
    }
    g_ptr_array_free(sub, TRUE);
    return ok;
}

static gboolean
scan(Scan *sc, const char *s, int negate, int recur, GPtrArray *out)
{
    gsize size = strlen(s);
    int o_set = 0, n_set = 0, d_set = 0, range = 0, depth = 0;
    if (++recur > 64)
        return scan_fail(sc, g_strdup_printf("%s block recursion limit reached (max 64)",
                                             sc->ports ? "port" : "address"));
    char *address = g_malloc(size + 2);
    gsize x = 0;
    gboolean ok = TRUE;
    for (gsize u = 0; ok && u < size; u++) {
        address[x++] = s[u];
        if (sc->ports && s[u] == ':')
            range = 1;
        if (sc->ports && range == 1 && s[u] == '!') {
            ok = scan_fail(sc, g_strdup("a negated value inside a port range"));
        } else if (!o_set && s[u] == '!') {
            n_set = 1;
            x--;
        } else if (s[u] == '[') {
            if (!o_set) {
                o_set = 1;
                x = 0;
            }
            depth++;
        } else if (s[u] == ']') {
            if (depth == 1) {
                address[x - 1] = '\0';
                x = 0;
                ok = scan_block(sc, address, negate, n_set, recur, out);
                n_set = 0;
            }
            depth--;
            range = 0;
        } else if (depth == 0 && s[u] == ',') {
            if (o_set == 1) {
                o_set = 0;
            } else {
                address[x - 1] = '\0';
                /* ports: a bare element goes to the negated list when
                 * either is set (not their sum, unlike at the end) */
                gboolean neg = sc->ports && !d_set ? (negate || n_set) : (negate + n_set) % 2;
                ok = emit(sc, out, neg, address, d_set);
                d_set = 0;
                n_set = 0;
            }
            x = 0;
            range = 0;
        } else if (depth == 0 && s[u] == '$') {
            d_set = 1;
        } else if (depth == 0 && u == size - 1) {
            address[x] = '\0';
            x = 0;
            range = 0;
            ok = emit(sc, out, (negate + n_set) % 2, address, d_set);
            d_set = 0;
            n_set = 0;
        } else if (sc->ports && depth == 1 && s[u] == ',') {
            range = 0;
        }
    }
    g_free(address);
    if (ok && depth > 0)
        ok = scan_fail(sc, g_strdup_printf("%d '[' not closed", depth));
    else if (ok && depth < 0)
        ok = scan_fail(sc, g_strdup_printf("%d ']' without '['", -depth));
    return ok;
}

char *
sc_netlist_normalize(const char *text, gboolean ports, char **error)
{
    Scan sc = { .ports = ports };
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    char *result = NULL;
    if (scan(&sc, text, 0, 0, out)) {
        g_ptr_array_add(out, NULL);
        char *joined = g_strjoinv(",", (char **)out->pdata);
        result = g_strdup_printf("[%s]", joined);
        g_free(joined);
    } else {
        *error = sc.error;
        sc.error = NULL;
    }
    g_free(sc.error);
    g_ptr_array_free(out, TRUE);
    return result;
}
