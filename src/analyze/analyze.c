/*
 * analyze.c - the mapping index and the aggregation of log events
 * (analyze.h): which rule, default action or signature an alert belongs
 * to, and what is counted for it.
 *
 * The hot path (analyze_agg_add_event) allocates nothing for an alert of
 * a known rule once its counters exist: a sid lookup, a few comparisons,
 * counter updates.  Strings are copied only when a new key appears
 * (a default-action group, an unknown signature, a top-list entry).
 */
#include "analyze/analyze_internal.h"
#include "lint/lint.h"

#include <arpa/inet.h>
#include <string.h>

/* ---- signatures ---- */
gboolean
analyze_is_default_signature(const char *msg, gsize len)
{
    static const char suffix[] = " action";
    gsize sl = sizeof suffix - 1;
    return msg != NULL && len > 4 + sl && memcmp(msg, "aws:", 4) == 0 &&
           memcmp(msg + len - sl, suffix, sl) == 0;
}

/* ^(not )?matching (any )?(TLS|HTTP) (allow|deny|reject|alert)listed FQDNs$ */
gboolean
analyze_is_domain_list_message(const char *msg, gsize len)
{
    if (msg == NULL)
        return FALSE;
    const char *p = msg, *end = msg + len;
#define EAT(lit)                                                                   \
    (((gsize)(end - p) >= sizeof(lit) - 1 && memcmp(p, lit, sizeof(lit) - 1) == 0) \
         ? (p += sizeof(lit) - 1, TRUE)                                            \
         : FALSE)
    (void)EAT("not ");
    if (!EAT("matching "))
        return FALSE;
    (void)EAT("any ");
    if (!EAT("TLS ") && !EAT("HTTP "))
        return FALSE;
    if (!EAT("allow") && !EAT("deny") && !EAT("reject") && !EAT("alert"))
        return FALSE;
    if (!EAT("listed FQDNs"))
        return FALSE;
#undef EAT
    return p == end;
}

gboolean
analyze_domain_matches(const char *target, const char *name, gsize len)
{
    if (target == NULL || name == NULL)
        return FALSE;
    gsize tl = strlen(target);
    if (target[0] == '.') {
        /* ".example.com": example.com itself or anything ending in it. */
        if (len == tl - 1 && g_ascii_strncasecmp(target + 1, name, len) == 0)
            return TRUE;
        return len >= tl && g_ascii_strncasecmp(target, name + len - tl, tl) == 0;
    }
    return len == tl && g_ascii_strncasecmp(target, name, len) == 0;
}

gboolean
analyze_event_blocked(const LogEvent *ev)
{
    if (ev->verdict_action.ptr != NULL)
        return log_str_equal(ev->verdict_action, "drop") ||
               log_str_equal(ev->verdict_action, "reject");
    return ev->alert.action == LOG_ACTION_BLOCKED;
}

/* ---- index ---- */

static NetSet *
resolve_home_net(const Policy *policy, char **text)
{
    const char *value = policy_lookup_var(policy, NULL, "HOME_NET", FALSE);
    *text = g_strdup(value);
    if (value == NULL)
        return NULL;
    char *err = NULL;
    int off = 0;
    NetExpr *expr = netexpr_parse_address(value, &err, &off);
    if (expr == NULL) {
        g_free(err);
        return NULL;
    }
    NetSet *set =
        netexpr_has_symbols(expr) ? NULL : netset_from_expr(expr, FALSE, NULL, NULL, &err);
    g_free(err);
    netexpr_free(expr);
    return set;
}

AnalyzeIndex *
analyze_index_new(const Policy *policy)
{
    AnalyzeIndex *ix = g_new0(AnalyzeIndex, 1);
    ix->policy = policy;
    ix->rules = g_ptr_array_new();
    ix->by_sid =
        g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, (GDestroyNotify)g_array_unref);
    ix->managed = g_ptr_array_new();
    ix->twin_of = g_array_new(FALSE, TRUE, sizeof(guint));
    ix->has_twin = g_array_new(FALSE, TRUE, sizeof(gboolean));
    for (guint i = 0; i < policy->eval_order->len; i++) {
        Rule *r = g_ptr_array_index(policy->eval_order, i);
        if (r->msg != NULL && analyze_is_default_signature(r->msg, strlen(r->msg)))
            continue; /* default actions written as rules: mapped by their text */
        guint pos = ix->rules->len;
        g_ptr_array_add(ix->rules, r);
        GArray *list = g_hash_table_lookup(ix->by_sid, &r->sid);
        if (list == NULL) {
            guint64 *key = g_new(guint64, 1);
            *key = r->sid;
            list = g_array_new(FALSE, FALSE, sizeof(guint));
            g_hash_table_insert(ix->by_sid, key, list);
        }
        g_array_append_val(list, pos);
        if (r->sid > ix->max_sid)
            ix->max_sid = r->sid;
    }
    g_array_set_size(ix->twin_of, ix->rules->len);
    g_array_set_size(ix->has_twin, ix->rules->len);
    /* Twins as lint defines them (twin_map.c): an earlier alert rule that
     * covers the pass rule, in any group before it. */
    GHashTable *twins = twin_map_new(policy);
    GHashTable *position = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (guint i = 0; i < ix->rules->len; i++)
        g_hash_table_insert(position, g_ptr_array_index(ix->rules, i), GUINT_TO_POINTER(i + 1));
    for (guint i = 0; i < ix->rules->len; i++) {
        const Rule *pass = g_hash_table_lookup(twins, g_ptr_array_index(ix->rules, i));
        guint p = pass != NULL ? GPOINTER_TO_UINT(g_hash_table_lookup(position, pass)) : 0;
        if (p == 0)
            continue;
        g_array_index(ix->twin_of, guint, i) = p;
        g_array_index(ix->has_twin, gboolean, p - 1) = TRUE;
    }
    g_hash_table_destroy(position);
    g_hash_table_destroy(twins);
    GString *names = g_string_new(NULL);
    for (guint i = 0; i < policy->groups->len; i++) {
        RuleGroup *g = g_ptr_array_index(policy->groups, i);
        if (g->kind != GROUP_KIND_MANAGED || !g->referenced)
            continue;
        g_ptr_array_add(ix->managed, g);
        if (names->len)
            g_string_append(names, ", ");
        g_string_append(names, g->name);
        if (g->drop_to_alert)
            ix->managed_drop_to_alert = TRUE;
    }
    if (policy->info != NULL)
        for (guint i = 0; i < policy->info->refs->len; i++) {
            GroupRef *ref = g_ptr_array_index(policy->info->refs, i);
            if (ref->drop_to_alert && ref->group && ref->group->kind == GROUP_KIND_MANAGED)
                ix->managed_drop_to_alert = TRUE;
        }
    ix->managed_names =
        names->len ? g_string_free(names, FALSE) : (g_string_free(names, TRUE), NULL);
    ix->home_net = resolve_home_net(policy, &ix->home_net_text);
    return ix;
}

void
analyze_index_free(AnalyzeIndex *ix)
{
    if (ix == NULL)
        return;
    g_ptr_array_unref(ix->rules);
    g_hash_table_destroy(ix->by_sid);
    g_ptr_array_unref(ix->managed);
    g_free(ix->managed_names);
    netset_free(ix->home_net);
    g_free(ix->home_net_text);
    g_array_unref(ix->twin_of);
    g_array_unref(ix->has_twin);
    g_free(ix);
}

/* ---- aggregates: life cycle ---- */
void
analyze_thresholds_init(AnalyzeThresholds *t)
{
    t->noisy_share = ANALYZE_DEFAULT_NOISY_SHARE;
    t->noisy_rate = ANALYZE_DEFAULT_NOISY_RATE;
    t->noisy_min_hits = ANALYZE_DEFAULT_NOISY_MIN_HITS;
    t->review_sources = ANALYZE_DEFAULT_REVIEW_SOURCES;
    t->nat_share = ANALYZE_DEFAULT_NAT_SHARE;
    t->nat_min_alerts = ANALYZE_DEFAULT_NAT_MIN_ALERTS;
    t->top = ANALYZE_DEFAULT_TOP;
}

static void
sig_free(AnalyzeSigStats *s)
{
    g_free(s->msg);
    g_free(s->managed);
    g_free(s->sample);
    analyze_distinct_clear(&s->sources);
    analyze_top_free(s->talkers);
    g_free(s);
}

static void
ambiguous_free(AnalyzeAmbiguous *a)
{
    g_free(a->msg);
    g_array_unref(a->candidates);
    g_free(a);
}

static void
group_free(AnalyzeDefaultGroup *g)
{
    g_free(g->src_net);
    g_free(g->destination);
    g_free(g->dest_ip);
    g_free(g->proto);
    g_free(g->app_proto);
    analyze_distinct_clear(&g->flows);
    g_free(g);
}

static void
default_free(AnalyzeDefault *d)
{
    g_free(d->signature);
    g_hash_table_destroy(d->groups);
    g_hash_table_destroy(d->hours);
    g_free(d);
}

AnalyzeAgg *
analyze_agg_new(const AnalyzeIndex *index)
{
    AnalyzeAgg *agg = g_new0(AnalyzeAgg, 1);
    agg->index = index;
    log_stats_init(&agg->stats);
    agg->rules = g_new0(AnalyzeRuleStats, index->rules->len ? index->rules->len : 1);
    agg->signatures =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)sig_free);
    agg->ambiguous =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)ambiguous_free);
    agg->defaults =
        g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify)default_free);
    agg->top_sources = analyze_top_new();
    agg->top_blocked_names = analyze_top_new();
    agg->scratch_key = g_string_sized_new(128);
    agg->scratch_name = g_string_sized_new(128);
    agg->scratch_sig = g_string_sized_new(128);
    agg->scratch_cands = g_array_sized_new(FALSE, FALSE, sizeof(guint), 4);
    agg->hours = analyze_hours_new();
    agg->flow_keys = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(agg->flow_keys, NULL); /* key ids start at 1 */
    agg->flow_key_ids = g_hash_table_new(g_str_hash, g_str_equal);
    analyze_flows_init(&agg->flows_seen);
    return agg;
}

void
analyze_agg_free(AnalyzeAgg *agg)
{
    if (agg == NULL)
        return;
    log_stats_clear(&agg->stats);
    for (guint i = 0; i < agg->index->rules->len; i++) {
        AnalyzeRuleStats *r = &agg->rules[i];
        analyze_distinct_clear(&r->sources);
        analyze_distinct_clear(&r->destinations);
        analyze_top_free(r->talkers);
        analyze_top_free(r->targets);
        if (r->hours)
            g_hash_table_destroy(r->hours);
    }
    g_free(agg->rules);
    g_hash_table_destroy(agg->signatures);
    g_hash_table_destroy(agg->ambiguous);
    g_hash_table_destroy(agg->defaults);
    analyze_top_free(agg->top_sources);
    analyze_top_free(agg->top_blocked_names);
    analyze_distinct_clear(&agg->all_sources);
    g_hash_table_destroy(agg->hours);
    analyze_flows_clear(&agg->flows_seen);
    analyze_flowset_clear(&agg->recent_blocked);
    g_hash_table_destroy(agg->flow_key_ids);
    g_ptr_array_unref(agg->flow_keys);
    g_string_free(agg->scratch_key, TRUE);
    g_string_free(agg->scratch_name, TRUE);
    g_string_free(agg->scratch_sig, TRUE);
    g_array_unref(agg->scratch_cands);
    g_free(agg);
}

/* ---- mapping ---- */

/* Is the rule's protocol compatible with what the alert shows? */
static gboolean
rule_proto_fits(const Rule *r, const LogEvent *ev)
{
    const char *p = r->proto;
    if (p == NULL || strcmp(p, "ip") == 0)
        return TRUE;
    if (log_str_equal(ev->proto, "TCP") && strcmp(p, "tcp") == 0)
        return TRUE;
    if (log_str_equal(ev->proto, "UDP") && strcmp(p, "udp") == 0)
        return TRUE;
    if (log_str_equal(ev->proto, "ICMP") && (strcmp(p, "icmp") == 0))
        return TRUE;
    if (ev->app_proto.ptr != NULL && ev->app_proto.len == strlen(p) &&
        g_ascii_strncasecmp(ev->app_proto.ptr, p, ev->app_proto.len) == 0)
        return TRUE;
    return FALSE;
}

/* A literal single destination port that the alert does not show. */
static gboolean
rule_port_fits(const Rule *r, const LogEvent *ev)
{
    const char *d = r->dst_ports;
    if (d == NULL || !g_ascii_isdigit(d[0]))
        return TRUE;
    for (const char *c = d; *c; c++)
        if (!g_ascii_isdigit(*c))
            return TRUE; /* lists and ranges: not narrowed */
    gint64 port = g_ascii_strtoll(d, NULL, 10);
    return port == ev->dest_port || port == ev->src_port;
}

static gboolean
rule_domain_fits(const Rule *r, const LogEvent *ev)
{
    const DomainList *dl = r->group ? r->group->domain_list : NULL;
    if (dl == NULL || dl->targets == NULL)
        return TRUE;
    LogStr name = ev->tls_sni.ptr ? ev->tls_sni : ev->http_hostname;
    if (name.ptr == NULL)
        return TRUE;
    for (guint i = 0; i < dl->targets->len; i++)
        if (analyze_domain_matches(g_ptr_array_index(dl->targets, i), name.ptr, name.len))
            return TRUE;
    /* A catch-all "not matching any" rule matches names outside the list. */
    return r->msg != NULL && g_str_has_prefix(r->msg, "not ");
}

typedef gboolean (*CandidateTest)(const Rule *r, const LogEvent *ev);

/* Keep the candidates passing `test`, unless none would. */
static void
narrow(const AnalyzeIndex *ix, GArray *c, const LogEvent *ev, CandidateTest test)
{
    if (c->len < 2)
        return;
    guint kept = 0;
    for (guint i = 0; i < c->len; i++)
        if (test(g_ptr_array_index(ix->rules, g_array_index(c, guint, i)), ev))
            kept++;
    if (kept == 0 || kept == c->len)
        return;
    for (guint i = c->len; i > 0; i--)
        if (!test(g_ptr_array_index(ix->rules, g_array_index(c, guint, i - 1)), ev))
            g_array_remove_index(c, i - 1);
}

static gboolean
rule_is_domain_list(const Rule *r, const LogEvent *ev)
{
    (void)ev;
    return r->group != NULL && r->group->kind == GROUP_KIND_DOMAIN_LIST;
}

/* Rule positions an alert may belong to (same sid and msg), narrowed. */
static void
find_candidates(const AnalyzeIndex *ix, const LogEvent *ev, GArray *out)
{
    g_array_set_size(out, 0);
    guint64 sid = ev->alert.signature_id;
    GArray *list = g_hash_table_lookup(ix->by_sid, &sid);
    if (list == NULL)
        return;
    LogStr msg = ev->alert.signature;
    for (guint i = 0; i < list->len; i++) {
        guint pos = g_array_index(list, guint, i);
        const Rule *r = g_ptr_array_index(ix->rules, pos);
        const char *rm = r->msg ? r->msg : "";
        if (strlen(rm) == msg.len && (msg.len == 0 || memcmp(rm, msg.ptr, msg.len) == 0))
            g_array_append_val(out, pos);
    }
    if (out->len < 2)
        return;
    if (analyze_is_domain_list_message(msg.ptr, msg.len))
        narrow(ix, out, ev, rule_is_domain_list);
    narrow(ix, out, ev, rule_domain_fits);
    narrow(ix, out, ev, rule_proto_fits);
    narrow(ix, out, ev, rule_port_fits);
}

/* ---- counting ---- */
static gint64
hour_of(gint64 us)
{
    gint64 s = us / G_USEC_PER_SEC;
    return s - (((s % 3600) + 3600) % 3600);
}

/* SNI and Host come from the traffic: a NUL byte in them would cut the
 * name in the C strings that keys and reports use, and count
 * "evil\0.example.com" as "evil".  Such a name is shown with \x00. */
static LogStr
name_without_nul(LogStr s, GString *scratch)
{
    if (s.ptr == NULL || memchr(s.ptr, '\0', s.len) == NULL)
        return s;
    g_string_truncate(scratch, 0);
    for (gsize i = 0; i < s.len; i++) {
        if (s.ptr[i] == '\0')
            g_string_append(scratch, "\\x00");
        else
            g_string_append_c(scratch, s.ptr[i]);
    }
    return (LogStr){ scratch->str, scratch->len };
}

/* The name a destination goes by: SNI, HTTP host, else the address. */
static LogStr
event_target(AnalyzeAgg *agg, const LogEvent *ev, gboolean *by_name)
{
    *by_name = TRUE;
    if (ev->tls_sni.ptr != NULL && ev->tls_sni.len > 0)
        return name_without_nul(ev->tls_sni, agg->scratch_name);
    if (ev->http_hostname.ptr != NULL && ev->http_hostname.len > 0)
        return name_without_nul(ev->http_hostname, agg->scratch_name);
    *by_name = FALSE;
    return ev->dest_ip;
}

/* The keys of an alert that several counters take, hashed once. */
typedef struct {
    AnalyzeKey src;    /* source address */
    AnalyzeKey target; /* SNI / Host, else destination address */
    gboolean by_name;  /* target is a name */
} EventKeys;

static void
event_keys_init(AnalyzeAgg *agg, const LogEvent *ev, EventKeys *keys)
{
    analyze_key_init(&keys->src, ev->src_ip.ptr, ev->src_ip.len);
    LogStr target = event_target(agg, ev, &keys->by_name);
    analyze_key_init(&keys->target, target.ptr, target.len);
}

static void
rule_count(AnalyzeAgg *agg, guint pos, const LogEvent *ev, const EventKeys *keys,
           const AnalyzeCounts *c, gint64 t, gboolean ambiguous)
{
    AnalyzeRuleStats *r = &agg->rules[pos];
    const Rule *rule = g_ptr_array_index(agg->index->rules, pos);
    analyze_counts_add(&r->counts, c);
    if (ambiguous)
        r->ambiguous += c->hits;
    if (ev->alert.rev != rule->rev) {
        r->rev_mismatch += c->hits;
        r->log_rev = ev->alert.rev;
    }
    analyze_time_span(&r->first_us, &r->last_us, t, t);
    if (r->talkers == NULL) {
        r->talkers = analyze_top_new();
        r->targets = analyze_top_new();
        r->hours = analyze_hours_new();
    }
    if (keys->src.ptr) {
        analyze_distinct_add_hash(&r->sources, keys->src.hash);
        analyze_top_add(r->talkers, &keys->src, c->hits);
    }
    if (keys->target.ptr) {
        analyze_distinct_add_hash(&r->destinations, keys->target.hash);
        analyze_top_add(r->targets, &keys->target, c->hits);
    }
    if (t != 0)
        analyze_hours_add(r->hours, hour_of(t), c);
}

/* Appends at most `max` bytes of `s`, stopping at a NUL (as "%.*s"). */
static void
key_append_cut(GString *key, LogStr s, gsize max)
{
    if (s.ptr == NULL)
        return;
    LogStr cut = log_str_before_nul((LogStr){ s.ptr, MIN(s.len, max) });
    g_string_append_len(key, cut.ptr, (gssize)cut.len);
}

/* Appends a decimal integer (as "%d"). */
static void
key_append_int(GString *key, gint64 v)
{
    char digits[24];
    char *d = digits + sizeof digits;
    guint64 u = v < 0 ? (guint64)(-(v + 1)) + 1 : (guint64)v;
    do {
        *--d = (char)('0' + u % 10);
        u /= 10;
    } while (u > 0);
    if (v < 0)
        *--d = '-';
    g_string_append_len(key, d, (gssize)(digits + sizeof digits - d));
}

/* Appends the source network of a default-action group to `out`. */
static void
source_network_append(const AnalyzeIndex *ix, LogStr ip, GString *out)
{
    if (ip.ptr == NULL || ip.len == 0 || ip.len > 45) {
        g_string_append(out, "any");
        return;
    }
    char buf[64];
    memcpy(buf, ip.ptr, ip.len);
    buf[ip.len] = '\0';
    struct in_addr a4;
    struct in6_addr a6;
    if (inet_pton(AF_INET, buf, &a4) == 1) {
        guint32 host = ntohl(a4.s_addr);
        if (ix->home_net != NULL && netset_contains_ipv4(ix->home_net, host))
            g_string_append(out, "$HOME_NET");
        else
            g_string_append_printf(out, "%u.%u.%u.0/24", host >> 24, (host >> 16) & 255,
                                   (host >> 8) & 255);
        return;
    }
    if (inet_pton(AF_INET6, buf, &a6) == 1) {
        memset(a6.s6_addr + 8, 0, 8);
        char text[INET6_ADDRSTRLEN];
        inet_ntop(AF_INET6, &a6, text, sizeof text);
        g_string_append_printf(out, "%s/64", text);
        return;
    }
    g_string_append(out, "any");
}

static void
default_count(AnalyzeAgg *agg, const LogEvent *event, const AnalyzeCounts *c, gint64 t)
{
    /* Group flows from the client's side: a reply packet (to_client) of a
     * dropped flow belongs to the same session as its request. */
    LogEvent swapped;
    const LogEvent *ev = event;
    if (log_str_equal(event->direction, "to_client")) {
        swapped = *event;
        swapped.src_ip = event->dest_ip;
        swapped.dest_ip = event->src_ip;
        swapped.src_port = event->dest_port;
        swapped.dest_port = event->src_port;
        ev = &swapped;
    }
    LogStr sig = ev->alert.signature;
    /* A signature with a NUL byte is cut there, as g_strndup did. */
    g_string_truncate(agg->scratch_sig, 0);
    g_string_append_len(agg->scratch_sig, sig.ptr, (gssize)sig.len);
    AnalyzeDefault *d = g_hash_table_lookup(agg->defaults, agg->scratch_sig->str);
    if (d == NULL) {
        d = g_new0(AnalyzeDefault, 1);
        d->signature = g_strdup(agg->scratch_sig->str);
        d->groups =
            g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)group_free);
        d->hours = analyze_hours_new();
        g_hash_table_insert(agg->defaults, d->signature, d);
    }
    analyze_counts_add(&d->counts, c);
    analyze_time_span(&d->first_us, &d->last_us, t, t);
    if (t != 0)
        analyze_hours_add(d->hours, hour_of(t), c);
    if (ev->has_flow_id && analyze_flowset_contains(&agg->recent_blocked, ev->flow_id)) {
        d->after_rule_block += c->hits;
        return;
    }
    gboolean by_name;
    LogStr target = event_target(agg, ev, &by_name);
    GString *key = agg->scratch_key;
    g_string_truncate(key, 0);
    source_network_append(agg->index, ev->src_ip, key);
    gsize src_net_len = key->len;
    g_string_append_c(key, '\t');
    g_string_append_len(key, target.ptr ? target.ptr : "", target.ptr ? target.len : 0);
    g_string_append_c(key, '\t');
    key_append_int(key, ev->dest_port);
    g_string_append_c(key, '\t');
    g_string_append_len(key, ev->proto.ptr ? ev->proto.ptr : "", ev->proto.len);
    g_string_append_c(key, '\t');
    g_string_append_len(key, ev->app_proto.ptr ? ev->app_proto.ptr : "", ev->app_proto.len);
    AnalyzeDefaultGroup *g = g_hash_table_lookup(d->groups, key->str);
    if (g == NULL) {
        if (g_hash_table_size(d->groups) >= ANALYZE_MAX_DEFAULT_GROUPS) {
            d->overflow += c->hits;
            return;
        }
        g = g_new0(AnalyzeDefaultGroup, 1);
        g->src_net = g_strndup(key->str, src_net_len);
        g->destination = log_str_dup(target.ptr ? target : (LogStr){ "", 0 });
        g->dest_ip = log_str_dup(ev->dest_ip.ptr ? ev->dest_ip : (LogStr){ "", 0 });
        g->dest_port = ev->dest_port;
        g->proto = log_str_dup(ev->proto.ptr ? ev->proto : (LogStr){ "", 0 });
        g->app_proto = log_str_dup(ev->app_proto.ptr ? ev->app_proto : (LogStr){ "", 0 });
        if (strcmp(g->app_proto, "failed") == 0 || strcmp(g->app_proto, "unknown") == 0)
            g->app_proto[0] = '\0';
        g->by_name = by_name;
        g->name_has_nul = by_name && target.ptr == agg->scratch_name->str;
        g_hash_table_insert(d->groups, g_strdup(key->str), g);
    }
    analyze_counts_add(&g->counts, c);
    analyze_time_span(&g->first_us, &g->last_us, t, t);
    if (ev->has_flow_id)
        analyze_distinct_add_hash(&g->flows, analyze_hash_u64(ev->flow_id));
}

static void
signature_count(AnalyzeAgg *agg, const LogEvent *ev, const EventKeys *keys, const AnalyzeCounts *c,
                gint64 t)
{
    LogStr msg = ev->alert.signature;
    GString *key = g_string_new(NULL);
    g_string_append_printf(key, "%" G_GUINT64_FORMAT "\t%u\t", ev->alert.signature_id,
                           ev->alert.rev);
    g_string_append_len(key, msg.ptr ? msg.ptr : "", msg.ptr ? msg.len : 0);
    AnalyzeSigStats *s = g_hash_table_lookup(agg->signatures, key->str);
    if (s == NULL) {
        if (g_hash_table_size(agg->signatures) >= ANALYZE_MAX_SIGNATURES) {
            agg->signatures_overflow += c->hits;
            g_string_free(key, TRUE);
            return;
        }
        s = g_new0(AnalyzeSigStats, 1);
        s->sid = ev->alert.signature_id;
        s->rev = ev->alert.rev;
        s->msg = log_str_dup(msg.ptr ? msg : (LogStr){ "", 0 });
        s->managed = g_strdup(agg->index->managed_names);
        s->drop_to_alert = agg->index->managed_drop_to_alert;
        s->talkers = analyze_top_new();
        if (ev->file != NULL)
            s->sample = ev->line ? g_strdup_printf("%s:%" G_GUINT64_FORMAT, ev->file, ev->line)
                                 : g_strdup_printf("%s@%" G_GUINT64_FORMAT, ev->file, ev->offset);
        g_hash_table_insert(agg->signatures, g_string_free(key, FALSE), s);
    } else {
        g_string_free(key, TRUE);
    }
    analyze_counts_add(&s->counts, c);
    analyze_time_span(&s->first_us, &s->last_us, t, t);
    if (keys->src.ptr) {
        analyze_distinct_add_hash(&s->sources, keys->src.hash);
        analyze_top_add(s->talkers, &keys->src, c->hits);
    }
}

static void
ambiguous_count(AnalyzeAgg *agg, const LogEvent *ev, GArray *cands, guint64 hits)
{
    LogStr msg = ev->alert.signature;
    GString *key = g_string_new(NULL);
    g_string_append_printf(key, "%" G_GUINT64_FORMAT "\t", ev->alert.signature_id);
    g_string_append_len(key, msg.ptr ? msg.ptr : "", msg.ptr ? msg.len : 0);
    AnalyzeAmbiguous *a = g_hash_table_lookup(agg->ambiguous, key->str);
    if (a == NULL) {
        a = g_new0(AnalyzeAmbiguous, 1);
        a->sid = ev->alert.signature_id;
        a->msg = log_str_dup(msg.ptr ? msg : (LogStr){ "", 0 });
        a->candidates = g_array_copy(cands);
        g_hash_table_insert(agg->ambiguous, g_string_free(key, FALSE), a);
    } else {
        g_string_free(key, TRUE);
    }
    a->hits += hits;
}

static guint32
flow_key_id(AnalyzeAgg *agg, const char *key)
{
    gpointer id = g_hash_table_lookup(agg->flow_key_ids, key);
    if (id != NULL)
        return GPOINTER_TO_UINT(id);
    char *copy = g_strdup(key);
    guint32 n = agg->flow_keys->len;
    g_ptr_array_add(agg->flow_keys, copy);
    g_hash_table_insert(agg->flow_key_ids, copy, GUINT_TO_POINTER(n));
    return n;
}

static void
netflow_count(AnalyzeAgg *agg, const LogEvent *ev)
{
    if (!ev->has_flow_id)
        return;
    /* Both directions share the flow id; the smaller port is the service. */
    gint32 port = ev->dest_port;
    if (ev->src_port >= 0 && (port < 0 || ev->src_port < port))
        port = ev->src_port;
    /* "proto\tapp_proto\tport", each name cut at 16 / 32 bytes or at a NUL;
     * built without printf: this runs for every netflow record. */
    GString *key = agg->scratch_key;
    g_string_truncate(key, 0);
    key_append_cut(key, ev->proto, 16);
    g_string_append_c(key, '\t');
    key_append_cut(key, ev->app_proto, 32);
    g_string_append_c(key, '\t');
    key_append_int(key, port);
    analyze_flows_add(&agg->flows_seen, ev->flow_id, ANALYZE_FLOW_NETFLOW,
                      flow_key_id(agg, key->str));
}

void
analyze_agg_add_event(AnalyzeAgg *agg, const LogEvent *ev, guint64 weight)
{
    gint64 t = 0;
    if (log_event_time(ev, &t)) {
        if (t == 0)
            t = 1;
        analyze_time_span(&agg->first_event_us, &agg->last_event_us, t, t);
    }
    if (ev->type == LOG_EVENT_NETFLOW) {
        agg->flows += weight;
        netflow_count(agg, ev);
        return;
    }
    if (ev->type != LOG_EVENT_ALERT || !ev->alert.present)
        return;
    agg->alerts += weight;
    gboolean blocked = analyze_event_blocked(ev);
    AnalyzeCounts c = { weight, blocked ? weight : 0, blocked ? 0 : weight };
    if (ev->has_flow_id)
        analyze_flows_add(&agg->flows_seen, ev->flow_id, ANALYZE_FLOW_ALERTED, 0);
    EventKeys keys;
    event_keys_init(agg, ev, &keys);
    if (keys.src.ptr) {
        analyze_top_add(agg->top_sources, &keys.src, weight);
        analyze_distinct_add_hash(&agg->all_sources, keys.src.hash);
    }
    if (blocked && keys.by_name)
        analyze_top_add(agg->top_blocked_names, &keys.target, weight);
    if (t != 0)
        analyze_hours_add(agg->hours, hour_of(t), &c);

    LogStr sig = ev->alert.signature;
    if (analyze_is_default_signature(sig.ptr, sig.len)) {
        agg->alerts_default += weight;
        default_count(agg, ev, &c, t);
        return;
    }
    GArray *cands = agg->scratch_cands;
    g_array_set_size(cands, 0);
    find_candidates(agg->index, ev, cands);
    if (cands->len == 0) {
        if (agg->index->managed_names != NULL)
            agg->alerts_managed += weight;
        else
            agg->alerts_unknown += weight;
        signature_count(agg, ev, &keys, &c, t);
    } else {
        agg->alerts_rules += weight;
        if (cands->len > 1) {
            agg->alerts_ambiguous += weight;
            ambiguous_count(agg, ev, cands, weight);
        }
        for (guint i = 0; i < cands->len; i++)
            rule_count(agg, g_array_index(cands, guint, i), ev, &keys, &c, t, cands->len > 1);
        const Rule *first = g_ptr_array_index(agg->index->rules, g_array_index(cands, guint, 0));
        if (blocked && ev->has_flow_id && first->action != RULE_ACTION_ALERT &&
            first->action != RULE_ACTION_PASS) {
            /* Action order logs the default action after the rule that
             * blocked the packet: remember the flow for a while. */
            if (agg->recent_blocked.used >= 65536)
                analyze_flowset_clear(&agg->recent_blocked);
            analyze_flowset_add(&agg->recent_blocked, ev->flow_id);
        }
    }
}

/* ---- merge ---- */
static void
top_merge_lazy(AnalyzeTop **dst, const AnalyzeTop *src)
{
    if (src == NULL)
        return;
    if (*dst == NULL)
        *dst = analyze_top_new();
    analyze_top_merge(*dst, src);
}

static void
merge_rules(AnalyzeAgg *dst, const AnalyzeAgg *src)
{
    for (guint i = 0; i < dst->index->rules->len; i++) {
        AnalyzeRuleStats *d = &dst->rules[i];
        const AnalyzeRuleStats *s = &src->rules[i];
        if (s->counts.hits == 0)
            continue;
        analyze_counts_add(&d->counts, &s->counts);
        d->ambiguous += s->ambiguous;
        d->rev_mismatch += s->rev_mismatch;
        if (s->rev_mismatch)
            d->log_rev = s->log_rev;
        analyze_time_span(&d->first_us, &d->last_us, s->first_us, s->last_us);
        analyze_distinct_merge(&d->sources, &s->sources);
        analyze_distinct_merge(&d->destinations, &s->destinations);
        top_merge_lazy(&d->talkers, s->talkers);
        top_merge_lazy(&d->targets, s->targets);
        if (s->hours) {
            if (d->hours == NULL)
                d->hours = analyze_hours_new();
            analyze_hours_merge(d->hours, s->hours);
        }
    }
}

static void
merge_signatures(AnalyzeAgg *dst, const AnalyzeAgg *src)
{
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, src->signatures);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        const AnalyzeSigStats *s = v;
        AnalyzeSigStats *d = g_hash_table_lookup(dst->signatures, k);
        if (d == NULL) {
            d = g_new0(AnalyzeSigStats, 1);
            d->sid = s->sid;
            d->rev = s->rev;
            d->msg = g_strdup(s->msg);
            d->managed = g_strdup(s->managed);
            d->drop_to_alert = s->drop_to_alert;
            d->talkers = analyze_top_new();
            d->sample = g_strdup(s->sample);
            g_hash_table_insert(dst->signatures, g_strdup(k), d);
        }
        analyze_counts_add(&d->counts, &s->counts);
        analyze_time_span(&d->first_us, &d->last_us, s->first_us, s->last_us);
        analyze_distinct_merge(&d->sources, &s->sources);
        analyze_top_merge(d->talkers, s->talkers);
    }
    dst->signatures_overflow += src->signatures_overflow;
    g_hash_table_iter_init(&it, src->ambiguous);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        const AnalyzeAmbiguous *s = v;
        AnalyzeAmbiguous *d = g_hash_table_lookup(dst->ambiguous, k);
        if (d == NULL) {
            d = g_new0(AnalyzeAmbiguous, 1);
            d->sid = s->sid;
            d->msg = g_strdup(s->msg);
            d->candidates = g_array_copy(s->candidates);
            g_hash_table_insert(dst->ambiguous, g_strdup(k), d);
        }
        d->hits += s->hits;
    }
}

static void
merge_defaults(AnalyzeAgg *dst, const AnalyzeAgg *src)
{
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, src->defaults);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        const AnalyzeDefault *s = v;
        AnalyzeDefault *d = g_hash_table_lookup(dst->defaults, k);
        if (d == NULL) {
            d = g_new0(AnalyzeDefault, 1);
            d->signature = g_strdup(s->signature);
            d->groups =
                g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)group_free);
            d->hours = analyze_hours_new();
            g_hash_table_insert(dst->defaults, d->signature, d);
        }
        analyze_counts_add(&d->counts, &s->counts);
        d->after_rule_block += s->after_rule_block;
        d->overflow += s->overflow;
        analyze_time_span(&d->first_us, &d->last_us, s->first_us, s->last_us);
        analyze_hours_merge(d->hours, s->hours);
        GHashTableIter git;
        gpointer gk, gv;
        g_hash_table_iter_init(&git, s->groups);
        while (g_hash_table_iter_next(&git, &gk, &gv)) {
            const AnalyzeDefaultGroup *sg = gv;
            AnalyzeDefaultGroup *dg = g_hash_table_lookup(d->groups, gk);
            if (dg == NULL) {
                if (g_hash_table_size(d->groups) >= ANALYZE_MAX_DEFAULT_GROUPS) {
                    d->overflow += sg->counts.hits;
                    continue;
                }
                dg = g_new0(AnalyzeDefaultGroup, 1);
                dg->src_net = g_strdup(sg->src_net);
                dg->destination = g_strdup(sg->destination);
                dg->dest_ip = g_strdup(sg->dest_ip);
                dg->dest_port = sg->dest_port;
                dg->proto = g_strdup(sg->proto);
                dg->app_proto = g_strdup(sg->app_proto);
                dg->by_name = sg->by_name;
                dg->name_has_nul = sg->name_has_nul;
                g_hash_table_insert(d->groups, g_strdup(gk), dg);
            }
            analyze_counts_add(&dg->counts, &sg->counts);
            analyze_time_span(&dg->first_us, &dg->last_us, sg->first_us, sg->last_us);
            analyze_distinct_merge(&dg->flows, &sg->flows);
        }
    }
}

static void
merge_flows(AnalyzeAgg *dst, const AnalyzeAgg *src)
{
    const AnalyzeFlows *s = &src->flows_seen;
    AnalyzeFlows *d = &dst->flows_seen;
    analyze_flows_lower_limit(d, s->limit);
    for (gsize i = 0; i < s->len; i++) {
        AnalyzeFlowRecord rec = s->recs[i];
        if (rec.key != 0)
            rec.key = flow_key_id(dst, g_ptr_array_index(src->flow_keys, rec.key));
        analyze_flows_append(d, &rec);
    }
    d->not_checked += s->not_checked;
}

void
analyze_agg_merge(AnalyzeAgg *dst, const AnalyzeAgg *src)
{
    log_stats_merge(&dst->stats, &src->stats);
    analyze_time_span(&dst->first_event_us, &dst->last_event_us, src->first_event_us,
                      src->last_event_us);
    dst->alerts += src->alerts;
    dst->flows += src->flows;
    dst->alerts_default += src->alerts_default;
    dst->alerts_rules += src->alerts_rules;
    dst->alerts_unknown += src->alerts_unknown;
    dst->alerts_managed += src->alerts_managed;
    dst->alerts_ambiguous += src->alerts_ambiguous;
    merge_rules(dst, src);
    merge_signatures(dst, src);
    merge_defaults(dst, src);
    analyze_top_merge(dst->top_sources, src->top_sources);
    analyze_top_merge(dst->top_blocked_names, src->top_blocked_names);
    analyze_distinct_merge(&dst->all_sources, &src->all_sources);
    analyze_hours_merge(dst->hours, src->hours);
    merge_flows(dst, src);
}

/* Alerts of a flow before its SNI / Host was seen land in an address
 * group: fold such a group into the named group of the same source,
 * port and protocol that saw that address, when exactly one did. */
static void
fold_default_groups(AnalyzeDefault *d)
{
    GHashTable *by_ip = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, d->groups);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        AnalyzeDefaultGroup *g = v;
        if (!g->by_name)
            continue;
        char *key = g_strdup_printf("%s\t%s\t%d\t%s\t%s", g->src_net, g->dest_ip, g->dest_port,
                                    g->proto, g->app_proto);
        if (g_hash_table_contains(by_ip, key))
            g_hash_table_replace(by_ip, key, NULL); /* several names: do not fold */
        else
            g_hash_table_insert(by_ip, key, g);
    }
    g_hash_table_iter_init(&it, d->groups);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        AnalyzeDefaultGroup *g = v;
        if (g->by_name)
            continue;
        char *key = g_strdup_printf("%s\t%s\t%d\t%s\t%s", g->src_net, g->dest_ip, g->dest_port,
                                    g->proto, g->app_proto);
        AnalyzeDefaultGroup *named = g_hash_table_lookup(by_ip, key);
        g_free(key);
        if (named == NULL)
            continue;
        analyze_counts_add(&named->counts, &g->counts);
        analyze_time_span(&named->first_us, &named->last_us, g->first_us, g->last_us);
        analyze_distinct_merge(&named->flows, &g->flows);
        g_hash_table_iter_remove(&it);
    }
    g_hash_table_destroy(by_ip);
}

void
analyze_agg_finish(AnalyzeAgg *agg)
{
    GHashTableIter it;
    gpointer v;
    g_hash_table_iter_init(&it, agg->defaults);
    while (g_hash_table_iter_next(&it, NULL, &v))
        fold_default_groups(v);
    analyze_flows_compact(&agg->flows_seen);
}

double
analyze_agg_window_hours(const AnalyzeAgg *agg)
{
    double h = (double)(agg->last_event_us - agg->first_event_us) / 3600e6;
    return h < 1.0 / 60 ? 1.0 / 60 : h;
}

GPtrArray *
analyze_silent_flows(const AnalyzeAgg *agg, AnalyzeSilentTotals *totals)
{
    guint n_keys = agg->flow_keys->len;
    guint64 *counts = g_new0(guint64, n_keys);
    const AnalyzeFlows *flows = &agg->flows_seen;
    g_assert(flows->sorted == flows->len); /* analyze_agg_finish() settled them */
    memset(totals, 0, sizeof *totals);
    totals->not_checked = flows->not_checked;
    totals->sampled = flows->limit != G_MAXUINT64;
    for (gsize i = 0; i < flows->len; i++) {
        const AnalyzeFlowRecord *r = &flows->recs[i];
        if (!(r->flags & ANALYZE_FLOW_NETFLOW))
            continue;
        totals->netflow_flows++;
        if (r->flags & ANALYZE_FLOW_ALERTED)
            continue;
        counts[r->key]++;
        totals->without_alert++;
    }
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    for (guint k = 1; k < n_keys; k++) {
        if (counts[k] == 0)
            continue;
        AnalyzeTopEntry *e = g_new0(AnalyzeTopEntry, 1);
        e->key = g_ptr_array_index(agg->flow_keys, k); /* borrowed */
        e->count = counts[k];
        g_ptr_array_add(out, e);
    }
    g_free(counts);
    g_ptr_array_sort(out, analyze_top_entry_compare);
    return out;
}
