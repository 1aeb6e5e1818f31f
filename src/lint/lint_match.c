/*
 * lint_match.c - what a rule matches, and whether one rule's match provably
 * contains another's (lint_match.h).
 *
 * Design decisions (conservative: when in doubt, "not covered"):
 *  - Protocols nest only as Suricata runs them: ip carries everything, tcp
 *    carries the app-layer protocols that only run over TCP, udp those
 *    that only run over UDP, icmp both ICMP versions.  Protocols that run
 *    over both (dns, smb, krb5, ...) are covered by ip or by themselves.
 *  - A decision point does not need its own model: an outer rule that
 *    matches every packet of the inner one (a pass tcp without flow matches
 *    the SYN and every later packet) decides each of them first; a pass or
 *    drop that acts on the whole flow only makes that stronger.  The flow
 *    keyword of the outer rule must be implied by the inner one's flow
 *    constraints, which include what an app-layer rule implies (TCP
 *    app-layer data only exists on established packets; tls.sni, http.host
 *    and friends only to the server).
 *  - Options: every match condition of the outer rule must appear in the
 *    inner rule.  A content may be weaker in the outer rule (no nocase on the
 *    inner side, or fewer of startswith/endswith/depth/offset on the outer
 *    side) but never in another buffer.  Relative matches (distance, within,
 *    relative pcre/byte_*) compare only as identical option lists.
 *    Thresholds make a rule opaque: it may not fire on a matching packet.
 *  - Keys for the index: a rule with a content is found through that
 *    content's buffer and value, which any rule it covers must also have.
 */
#include "lint/lint_match.h"

#include <string.h>

#include "base/base.h"
#include "rules/rules.h"

/* Buffers that only exist in the client-to-server direction. */
static const char *const to_server_buffers[] = {
    "tls.sni",     "http.host",       "http.uri",          "http.uri.raw",
    "http.method", "http.user_agent", "http.request_line", "http.request_header",
    "http.cookie", "http.host.raw",   "dns.query",         "http_uri",
    "http_host",   "http_method",     "http_user_agent",   "http_cookie",
    NULL,
};

gboolean
match_proto_is_tcp(const char *proto)
{
    return (rule_proto_flags(proto) & RULE_PROTO_OVER_TCP) != 0;
}

gboolean
match_proto_is_connectionless(const char *proto)
{
    return rule_proto_is_connectionless(proto);
}

gboolean
match_proto_covers(const char *outer, const char *inner)
{
    if (strcmp(outer, inner) == 0)
        return TRUE;
    if (strcmp(outer, "ip") == 0)
        return strcmp(inner, "pkthdr") != 0;
    if (strcmp(outer, "tcp") == 0)
        return (rule_proto_flags(inner) & RULE_PROTO_OVER_TCP) != 0;
    if (strcmp(outer, "udp") == 0)
        return (rule_proto_flags(inner) & RULE_PROTO_OVER_UDP) != 0;
    if (strcmp(outer, "icmp") == 0)
        return strcmp(inner, "icmpv4") == 0 || strcmp(inner, "icmpv6") == 0;
    return FALSE;
}

/* ---- variables ---------------------------------------------------------- */

/* Key of the per-(group, field text) caches: looked up without allocating
 * (the text is the rule's own string); copied only when inserted. */
typedef struct {
    const RuleGroup *group;
    gboolean ports;
    const char *text;
} FieldKey;

static guint
field_key_hash(gconstpointer p)
{
    const FieldKey *k = p;
    return g_str_hash(k->text) ^ g_direct_hash(k->group) ^ (guint)k->ports;
}

static gboolean
field_key_equal(gconstpointer a, gconstpointer b)
{
    const FieldKey *x = a, *y = b;
    return x->group == y->group && x->ports == y->ports && strcmp(x->text, y->text) == 0;
}

static FieldKey *
field_key_copy(const FieldKey *k)
{
    gsize len = strlen(k->text) + 1;
    FieldKey *copy = g_malloc(sizeof *copy + len);
    char *text = (char *)(copy + 1);
    memcpy(text, k->text, len);
    copy->group = k->group;
    copy->ports = k->ports;
    copy->text = text;
    return copy;
}

static GHashTable *
field_table_new(GDestroyNotify value_free)
{
    return g_hash_table_new_full(field_key_hash, field_key_equal, g_free, value_free);
}

typedef struct {
    const Policy *policy;
    const RuleGroup *group;
    gboolean ports;
    GHashTable *cache; /* FieldKey (variable name) -> NetExpr* (NULL value: unparsable) */
} Resolver;

static const NetExpr *
resolve_var(const char *name, gboolean ipset_ref, gpointer data)
{
    Resolver *r = data;
    if (ipset_ref)
        return NULL; /* a prefix list: its content is not in any input */
    FieldKey key = { r->group, r->ports, name };
    gpointer value;
    if (g_hash_table_lookup_extended(r->cache, &key, NULL, &value))
        return value;
    const char *text = policy_lookup_var(r->policy, r->group, name, r->ports);
    NetExpr *expr = NULL;
    if (text != NULL) {
        char *error = NULL;
        int offset = 0;
        expr = r->ports ? netexpr_parse_ports(text, &error, &offset)
                        : netexpr_parse_address(text, &error, &offset);
        g_free(error);
    }
    g_hash_table_insert(r->cache, field_key_copy(&key), expr);
    return expr;
}

/* The set of a header field, computed once per (group, field text): most
 * rules share a handful of fields ($HOME_NET, any, $HTTP_PORTS). */
static const NetSet *
resolve_set(Resolver *r, GHashTable *sets, const char *text, const NetExpr *expr, gboolean ports)
{
    if (expr == NULL)
        return NULL;
    FieldKey key = { r->group, ports, text };
    gpointer value;
    if (g_hash_table_lookup_extended(sets, &key, NULL, &value))
        return value;
    r->ports = ports;
    char *error = NULL;
    NetSet *set = netset_from_expr(expr, ports, resolve_var, r, &error);
    g_free(error);
    g_hash_table_insert(sets, field_key_copy(&key), set);
    return set;
}

/* ---- options ------------------------------------------------------------ */

/* `value` without blanks, into `out` (reused between calls). */
static const char *
squeeze(GString *out, const char *value)
{
    g_string_truncate(out, 0);
    if (value == NULL)
        return out->str;
    for (const char *p = value; *p; p++)
        if (*p != ' ' && *p != '\t')
            g_string_append_c(out, *p);
    return out->str;
}

static gboolean
is_relative_value(const char *name, const char *value)
{
    if (value == NULL)
        return FALSE;
    if (strcmp(name, "pcre") == 0) {
        const char *end = strrchr(value, '/');
        return end != NULL && strchr(end, 'R') != NULL;
    }
    return strstr(value, "relative") != NULL;
}

/* Scratch buffers of collect_options, reused from rule to rule so that a
 * rule costs no allocation beyond the strings it keeps (in the MatchSet's
 * chunk). */
typedef struct {
    GStringChunk *strings; /* the MatchSet's: atoms, keys, exact */
    GString *value;        /* the option value without blanks */
    GString *buffer;       /* current sticky buffer + transforms */
    GString *exact;
    GString *atom;
    GString *pc_buffer; /* the pending content's buffer */
    GString *pc_value;  /* the pending content's value */
    GString *mod_text;  /* the pending content's modifiers, '\0'-separated */
    GArray *mods;       /* gsize offsets into mod_text */
    gboolean pc_open;
} Collector;

static void
collector_init(Collector *c, GStringChunk *strings)
{
    c->strings = strings;
    c->value = g_string_new(NULL);
    c->buffer = g_string_new(NULL);
    c->exact = g_string_new(NULL);
    c->atom = g_string_new(NULL);
    c->pc_buffer = g_string_new(NULL);
    c->pc_value = g_string_new(NULL);
    c->mod_text = g_string_new(NULL);
    c->mods = g_array_new(FALSE, FALSE, sizeof(gsize));
    c->pc_open = FALSE;
}

static void
collector_clear(Collector *c)
{
    GString *strings[] = { c->value,     c->buffer,   c->exact,   c->atom,
                           c->pc_buffer, c->pc_value, c->mod_text };
    for (gsize i = 0; i < G_N_ELEMENTS(strings); i++)
        g_string_free(strings[i], TRUE);
    g_array_free(c->mods, TRUE);
}

static void
mod_add(Collector *c, const char *name, const char *value)
{
    gsize at = c->mod_text->len;
    g_array_append_val(c->mods, at);
    g_string_append(c->mod_text, name);
    if (value != NULL) {
        g_string_append_c(c->mod_text, '=');
        g_string_append(c->mod_text, value);
    }
    g_string_append_c(c->mod_text, '\0');
}

static int
compare_mods(gconstpointer a, gconstpointer b, gpointer text)
{
    return strcmp((const char *)text + *(const gsize *)a, (const char *)text + *(const gsize *)b);
}

static int
compare_strings(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *
collector_keep(Collector *c, const GString *s)
{
    return g_string_chunk_insert_len(c->strings, s->str, (gssize)s->len);
}

static void
content_close(Collector *c, RuleMatch *m)
{
    if (!c->pc_open)
        return;
    g_array_sort_with_data(c->mods, compare_mods, c->mod_text->str);
    GString *atom = c->atom;
    g_string_assign(atom, "C\x1f");
    g_string_append_len(atom, c->pc_buffer->str, (gssize)c->pc_buffer->len);
    g_string_append_c(atom, '\x1f');
    g_string_append_len(atom, c->pc_value->str, (gssize)c->pc_value->len);
    g_ptr_array_add(m->keys, g_string_chunk_insert(c->strings, atom->str + 2));
    g_string_append_c(atom, '\x1f');
    for (guint i = 0; i < c->mods->len; i++) {
        if (i > 0)
            g_string_append_c(atom, ',');
        g_string_append(atom, c->mod_text->str + g_array_index(c->mods, gsize, i));
    }
    g_ptr_array_add(m->atoms, collector_keep(c, atom));
    c->pc_open = FALSE;
}

static void
collect_options(Collector *c, RuleMatch *m)
{
    const Rule *rule = m->rule;
    GString *buffer = c->buffer; /* current sticky buffer + transforms */
    GString *exact = c->exact;
    gboolean to_server_buffer = FALSE, tcp_app_buffer = FALSE;
    g_string_truncate(buffer, 0);
    g_string_truncate(exact, 0);
    c->pc_open = FALSE;

    for (guint i = 0; i < rule->options->len; i++) {
        const RuleOption *opt = g_ptr_array_index(rule->options, i);
        const KeywordInfo *kw = opt->kw;
        if (kw == NULL) {
            m->opaque = TRUE;
            continue;
        }
        const char *name = kw->canonical;
        if (kw->flags & KW_F_META)
            continue;
        if (strcmp(name, "fast_pattern") == 0 || strcmp(name, "prefilter") == 0 ||
            strcmp(name, "tag") == 0 || strcmp(name, "bypass") == 0)
            continue;
        if (strcmp(name, "flow") == 0) {
            /* Parsed once by the rule parser; stateless constrains nothing. */
            m->flow_explicit |= rule->flow & ~(guint)RULE_FLOW_STATELESS;
            continue;
        }
        const char *value = squeeze(c->value, opt->value);
        g_string_append(exact, name);
        g_string_append_c(exact, ':');
        g_string_append_len(exact, value, (gssize)c->value->len);
        g_string_append_c(exact, ';');
        if (strcmp(name, "threshold") == 0 || strcmp(name, "detection_filter") == 0)
            m->opaque = TRUE;
        if (kw->flags & KW_F_CONTENT_MOD) {
            if (!c->pc_open)
                continue; /* a modifier of a pcre or of nothing: part of `exact` only */
            if (strcmp(name, "distance") == 0 || strcmp(name, "within") == 0) {
                m->relative = TRUE;
                mod_add(c, name, value);
            } else if (kw->flags & KW_F_APP_LAYER || strcmp(name, "rawbytes") == 0) {
                /* http_uri and friends: the content's buffer, not a weakenable mod */
                g_string_append_c(c->pc_buffer, '|');
                g_string_append(c->pc_buffer, name);
                if (base_str_in_list(to_server_buffers, name))
                    to_server_buffer = TRUE;
                if (kw->alproto != NULL && match_proto_is_tcp(kw->alproto))
                    tcp_app_buffer = TRUE;
            } else {
                mod_add(c, name, opt->value != NULL ? value : NULL);
            }
            continue;
        }
        content_close(c, m);
        if (kw->flags & KW_F_STICKY || strcmp(name, "pkt_data") == 0 ||
            strcmp(name, "base64_data") == 0) {
            g_string_assign(buffer, strcmp(name, "pkt_data") == 0 ? "" : name);
            if (base_str_in_list(to_server_buffers, name))
                to_server_buffer = TRUE;
            if (kw->alproto != NULL && match_proto_is_tcp(kw->alproto))
                tcp_app_buffer = TRUE;
        } else if (kw->flags & KW_F_TRANSFORM) {
            g_string_append_c(buffer, '|');
            g_string_append(buffer, name);
            if (opt->value != NULL) {
                g_string_append_c(buffer, '=');
                g_string_append(buffer, value);
            }
        } else if (strcmp(name, "content") == 0) {
            c->pc_open = TRUE;
            g_string_assign(c->pc_buffer, buffer->str);
            g_string_assign(c->pc_value, value);
            g_string_truncate(c->mod_text, 0);
            g_array_set_size(c->mods, 0);
        } else if (strcmp(name, "flowbits") == 0 && !g_str_has_prefix(value, "isset") &&
                   !g_str_has_prefix(value, "isnotset")) {
            /* set, unset, toggle, noalert: effects, not conditions */
        } else {
            if (is_relative_value(name, value))
                m->relative = TRUE;
            if (strcmp(name, "ssl_state") == 0 && strcmp(value, "client_hello") == 0)
                to_server_buffer = TRUE;
            GString *atom = c->atom;
            g_string_assign(atom, "O\x1f");
            g_string_append(atom, buffer->str);
            g_string_append_c(atom, '\x1f');
            g_string_append(atom, name);
            g_string_append_c(atom, '\x1f');
            g_string_append(atom, value);
            char *kept = collector_keep(c, atom);
            g_ptr_array_add(m->atoms, kept);
            g_ptr_array_add(m->keys, kept);
        }
    }
    content_close(c, m);
    g_ptr_array_sort(m->atoms, compare_strings);
    m->exact = collector_keep(c, exact);

    m->flow = m->flow_explicit;
    if (tcp_app_buffer ||
        (match_proto_is_tcp(rule->proto) && strcmp(rule->proto, "tcp") != 0 &&
         strcmp(rule->proto, "tcp-pkt") != 0 && strcmp(rule->proto, "tcp-stream") != 0))
        m->flow |= RULE_FLOW_ESTABLISHED;
    if (to_server_buffer)
        m->flow |= RULE_FLOW_TO_SERVER;
}

/* ---- the set ------------------------------------------------------------ */

static gboolean
effective_terminal(const Rule *rule, RuleAction *action)
{
    RuleAction a = rule->action;
    if (rule->group != NULL && rule->group->drop_to_alert && a != RULE_ACTION_PASS)
        a = RULE_ACTION_ALERT;
    *action = a;
    return rule_action_is_terminal(a);
}

MatchSet *
match_set_new(const Policy *policy)
{
    MatchSet *set = g_new0(MatchSet, 1);
    guint n = policy->eval_order->len;
    set->policy = policy;
    set->sets = field_table_new((GDestroyNotify)netset_free);
    set->strings = g_string_chunk_new(64 * 1024);
    set->storage = g_new0(RuleMatch, n > 0 ? n : 1);
    set->matches = g_ptr_array_sized_new(n);
    Resolver r = { policy, NULL, FALSE, field_table_new((GDestroyNotify)netexpr_free) };
    Collector c;
    collector_init(&c, set->strings);
    for (guint i = 0; i < n; i++) {
        const Rule *rule = g_ptr_array_index(policy->eval_order, i);
        RuleMatch *m = &set->storage[i];
        m->rule = rule;
        m->position = i;
        m->terminal = effective_terminal(rule, &m->action);
        r.group = rule->group;
        m->src = resolve_set(&r, set->sets, rule->src, rule->src_expr, FALSE);
        m->dst = resolve_set(&r, set->sets, rule->dst, rule->dst_expr, FALSE);
        m->sport = resolve_set(&r, set->sets, rule->src_ports, rule->src_ports_expr, TRUE);
        m->dport = resolve_set(&r, set->sets, rule->dst_ports, rule->dst_ports_expr, TRUE);
        m->atoms = g_ptr_array_new();
        m->keys = g_ptr_array_new();
        collect_options(&c, m);
        g_ptr_array_add(set->matches, m);
    }
    collector_clear(&c);
    g_hash_table_destroy(r.cache);
    return set;
}

void
match_set_free(MatchSet *set)
{
    if (set == NULL)
        return;
    for (guint i = 0; i < set->matches->len; i++) {
        RuleMatch *m = g_ptr_array_index(set->matches, i);
        g_ptr_array_free(m->atoms, TRUE);
        g_ptr_array_free(m->keys, TRUE);
    }
    g_ptr_array_free(set->matches, TRUE);
    g_free(set->storage);
    g_string_chunk_free(set->strings);
    g_hash_table_destroy(set->sets);
    g_free(set);
}

/* ---- containment -------------------------------------------------------- */

static gboolean
set_contains(const NetSet *outer, const NetSet *inner)
{
    if (outer == NULL)
        return FALSE;
    if (netset_is_any(outer))
        return TRUE;
    return inner != NULL && netset_contains(outer, inner);
}

/* Does `o` match packets from (s, sp) to (d, dp)? */
static gboolean
header_covers(const RuleMatch *o, const NetSet *s, const NetSet *sp, const NetSet *d,
              const NetSet *dp)
{
    if (set_contains(o->src, s) && set_contains(o->sport, sp) && set_contains(o->dst, d) &&
        set_contains(o->dport, dp))
        return TRUE;
    return o->rule->direction == RULE_DIR_BOTH && set_contains(o->src, d) &&
           set_contains(o->sport, dp) && set_contains(o->dst, s) && set_contains(o->dport, sp);
}

/* Is content atom `a` (outer) implied by content atom `b` (inner)? Both
 * "C\x1fbuffer\x1fvalue\x1fmods". */
static gboolean
content_implied(const char *a, const char *b)
{
    const char *amods = strrchr(a, '\x1f');
    const char *bmods = strrchr(b, '\x1f');
    if (amods - a != bmods - b || strncmp(a, b, amods - a) != 0)
        return FALSE;
    char **am = g_strsplit(amods + 1, ",", -1);
    char **bm = g_strsplit(bmods + 1, ",", -1);
    gboolean ok = TRUE;
    /* Every outer modifier must be on the inner content, except nocase
     * (the outer rule is then weaker). */
    for (char **x = am; ok && *x; x++) {
        if (**x == '\0' || strcmp(*x, "nocase") == 0)
            continue;
        ok = g_strv_contains((const char *const *)bm, *x);
    }
    /* The inner content may carry extra startswith/endswith/depth/offset,
     * not extra relations or a case-insensitivity the outer one lacks. */
    for (char **y = bm; ok && *y; y++) {
        if (**y == '\0' || g_strv_contains((const char *const *)am, *y))
            continue;
        ok = strcmp(*y, "startswith") == 0 || strcmp(*y, "endswith") == 0 ||
             g_str_has_prefix(*y, "depth=") || g_str_has_prefix(*y, "offset=");
    }
    g_strfreev(am);
    g_strfreev(bm);
    return ok;
}

static gboolean
options_covered(const RuleMatch *o, const RuleMatch *i)
{
    if (o->relative)
        return strcmp(o->exact, i->exact) == 0;
    for (guint x = 0; x < o->atoms->len; x++) {
        const char *a = g_ptr_array_index(o->atoms, x);
        gboolean found = FALSE;
        for (guint y = 0; y < i->atoms->len && !found; y++) {
            const char *b = g_ptr_array_index(i->atoms, y);
            if (a[0] == 'C' && b[0] == 'C')
                found = content_implied(a, b);
            else
                found = strcmp(a, b) == 0;
        }
        if (!found)
            return FALSE;
    }
    return TRUE;
}

gboolean
match_covers(const RuleMatch *o, const RuleMatch *i)
{
    if (o->opaque)
        return FALSE;
    if (!match_proto_covers(o->rule->proto, i->rule->proto))
        return FALSE;
    if ((o->flow_explicit & i->flow) != o->flow_explicit)
        return FALSE;
    if (!options_covered(o, i))
        return FALSE;
    if (!header_covers(o, i->src, i->sport, i->dst, i->dport))
        return FALSE;
    return i->rule->direction != RULE_DIR_BOTH ||
           header_covers(o, i->dst, i->dport, i->src, i->sport);
}

/* ---- the index ---------------------------------------------------------- */

#define INDEX_MAX_PORTS 64

struct MatchIndex {
    GHashTable *buckets; /* key -> GPtrArray* of const RuleMatch*, by position */
};

MatchIndex *
match_index_new(void)
{
    MatchIndex *index = g_new0(MatchIndex, 1);
    index->buckets =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);
    return index;
}

void
match_index_free(MatchIndex *index)
{
    if (index == NULL)
        return;
    g_hash_table_destroy(index->buckets);
    g_free(index);
}

/* `key` is copied only when it starts a new bucket. */
static void
bucket_add(MatchIndex *index, const char *key, const RuleMatch *m)
{
    GPtrArray *bucket = g_hash_table_lookup(index->buckets, key);
    if (bucket == NULL) {
        bucket = g_ptr_array_new();
        g_hash_table_insert(index->buckets, g_strdup(key), bucket);
    }
    if (bucket->len == 0 || g_ptr_array_index(bucket, bucket->len - 1) != m)
        g_ptr_array_add(bucket, (gpointer)m);
}

static guint64
port_count(const NetSet *ports)
{
    guint64 n = 0;
    for (guint i = 0; i < ports->v4->len; i++) {
        const NetRange *r = &g_array_index(ports->v4, NetRange, i);
        n += (guint64)(r->hi - r->lo) + 1;
    }
    return n;
}

/* "P\x1fPROTO\x1fPORT" (port < 0: "*"), the bucket key of rules without a
 * content; built without printf, as it is built for every rule searched.
 * Protocols are short keywords; a longer one is cut, which only misses. */
static const char *
proto_key(char *buf, gsize size, const char *proto, gint64 port)
{
    char digits[24];
    const char *tail = "*";
    if (port >= 0) {
        char *d = digits + sizeof digits;
        *--d = '\0';
        do {
            *--d = (char)('0' + port % 10);
            port /= 10;
        } while (port > 0);
        tail = d;
    }
    gsize plen = strlen(proto), tlen = strlen(tail);
    if (plen + tlen + 4 > size)
        plen = size - tlen - 4;
    buf[0] = 'P';
    buf[1] = '\x1f';
    memcpy(buf + 2, proto, plen);
    buf[2 + plen] = '\x1f';
    memcpy(buf + 3 + plen, tail, tlen + 1);
    return buf;
}

void
match_index_add(MatchIndex *index, const RuleMatch *m)
{
    if (m->opaque)
        return; /* covers nothing */
    if (m->keys->len > 0) {
        /* Any key works (a covered rule has them all): take the longest,
         * the rarest in practice, as Suricata picks a fast pattern. */
        const char *key = g_ptr_array_index(m->keys, 0);
        for (guint i = 1; i < m->keys->len; i++) {
            const char *k = g_ptr_array_index(m->keys, i);
            if (strlen(k) > strlen(key))
                key = k;
        }
        bucket_add(index, key, m);
        return;
    }
    const char *proto = m->rule->proto;
    gboolean both = m->rule->direction == RULE_DIR_BOTH;
    const NetSet *ports[2] = { m->dport, both ? m->sport : NULL };
    char key[96];
    for (int k = 0; k < 2; k++) {
        if (k == 1 && !both)
            break;
        const NetSet *p = ports[k];
        if (p == NULL || netset_is_any(p) || port_count(p) > INDEX_MAX_PORTS) {
            bucket_add(index, proto_key(key, sizeof key, proto, -1), m);
            continue;
        }
        for (guint i = 0; i < p->v4->len; i++) {
            const NetRange *r = &g_array_index(p->v4, NetRange, i);
            for (NetU128 port = r->lo; port <= r->hi; port++) {
                bucket_add(index, proto_key(key, sizeof key, proto, (gint64)port), m);
            }
        }
    }
}

static void
search_bucket(const MatchIndex *index, const char *key, const RuleMatch *inner, guint from,
              guint to, const RuleMatch **best)
{
    GPtrArray *bucket = g_hash_table_lookup(index->buckets, key);
    if (bucket == NULL)
        return;
    /* First entry with position >= from (binary search). */
    guint lo = 0, hi = bucket->len;
    while (lo < hi) {
        guint mid = (lo + hi) / 2;
        const RuleMatch *m = g_ptr_array_index(bucket, mid);
        if (m->position < from)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (guint i = lo; i < bucket->len; i++) {
        const RuleMatch *m = g_ptr_array_index(bucket, i);
        if (m->position >= to || (*best != NULL && m->position >= (*best)->position))
            break;
        if (m != inner && match_covers(m, inner)) {
            *best = m;
            break;
        }
    }
}

static void
search_proto(const MatchIndex *index, const char *proto, const RuleMatch *inner, guint from,
             guint to, const RuleMatch **best)
{
    char key[96]; /* protocols are short keywords */
    search_bucket(index, proto_key(key, sizeof key, proto, -1), inner, from, to, best);
    const NetSet *ports[2] = { inner->dport, inner->sport };
    for (int k = 0; k < 2; k++) {
        const NetSet *p = ports[k];
        if (p == NULL || netset_is_any(p) || p->v4->len == 0)
            continue;
        const NetRange *r = &g_array_index(p->v4, NetRange, 0);
        search_bucket(index, proto_key(key, sizeof key, proto, (gint64)r->lo), inner, from, to,
                      best);
    }
}

const RuleMatch *
match_index_first_covering(const MatchIndex *index, const RuleMatch *inner, guint from, guint to)
{
    const RuleMatch *best = NULL;
    for (guint i = 0; i < inner->keys->len; i++)
        search_bucket(index, g_ptr_array_index(inner->keys, i), inner, from, to, &best);
    static const char *const carriers[] = { "ip", "tcp", "udp", "icmp", NULL };
    const char *proto = inner->rule->proto;
    search_proto(index, proto, inner, from, to, &best);
    for (const char *const *c = carriers; *c; c++)
        if (strcmp(*c, proto) != 0 && match_proto_covers(*c, proto))
            search_proto(index, *c, inner, from, to, &best);
    return best;
}

char *
match_describe_rule(const Rule *rule)
{
    return g_strdup_printf("sid %" G_GUINT64_FORMAT " (%s %s) at %s:%d", rule->sid,
                           rule_action_name(rule->action), rule->proto,
                           rule->loc.file ? rule->loc.file : "?", rule->loc.line);
}
