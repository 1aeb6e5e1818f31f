/*
 * sim_compare.c - each rebuilt flow under the proposed policy, against the
 * reference (what was logged, or the baseline policy), and the summary of
 * the changes (simulate.h: SimSummary).
 *
 * Design decisions:
 *  - Hits are compared by what the logs can name: a rule by its sid, a
 *    default action by its name ("aws:drop_established" for what dropped,
 *    "aws:alert_established" for what alerted).  A logged default-action
 *    alert names its alert action; a blocked one stands for the matching
 *    drop action.
 *  - A proposed alert that depends on unknown data (maybe_alerts) is neither
 *    gained nor lost.  Undetermined flows are counted apart and never as
 *    changes.
 *  - Groups (per rule, per destination, per reason) are hash tables while
 *    reading and sorted arrays at the end: memory grows with distinct rules
 *    and destinations of changed flows, not with flows.
 */
#include "simulate/sim_internal.h"

#include <arpa/inet.h>
#include <string.h>

static const char *const alert_names[] = {
    "aws:alert_strict",
    "aws:alert_established",
    "aws:alert_established_app_layer",
    "aws:alert_established_app_layer_to_server",
};
static const char *const drop_names[] = {
    "aws:drop_strict",
    "aws:drop_established",
    "aws:drop_established_app_layer",
    "aws:drop_established_app_layer_to_server",
};

const char *
sim_default_action_of_signature(LogStr sig)
{
    static const char suffix[] = " action";
    gsize slen = sizeof suffix - 1;
    if (sig.ptr == NULL || sig.len <= slen + 4 || memcmp(sig.ptr, "aws:", 4) != 0 ||
        memcmp(sig.ptr + sig.len - slen, suffix, slen) != 0)
        return NULL;
    gsize n = sig.len - slen;
    for (gsize i = 0; i < G_N_ELEMENTS(alert_names); i++) {
        if (strlen(alert_names[i]) == n && memcmp(alert_names[i], sig.ptr, n) == 0)
            return alert_names[i];
        if (strlen(drop_names[i]) == n && memcmp(drop_names[i], sig.ptr, n) == 0)
            return drop_names[i];
    }
    return NULL;
}

const char *
sim_drop_of_alert(const char *alert_name)
{
    for (gsize i = 0; i < G_N_ELEMENTS(alert_names); i++)
        if (strcmp(alert_names[i], alert_name) == 0)
            return drop_names[i];
    return alert_name;
}

const char *
sim_change_name(SimChange change)
{
    switch (change) {
    case SIM_CHANGE_NONE: return "none";
    case SIM_CHANGE_NEWLY_BLOCKED: return "newly_blocked";
    case SIM_CHANGE_NEWLY_ALLOWED: return "newly_allowed";
    case SIM_CHANGE_BLOCKER: return "blocker_changed";
    case SIM_CHANGE_UNDETERMINED: return "undetermined";
    case SIM_CHANGE_REF_UNDETERMINED: return "baseline_undetermined";
    }
    return "?";
}

static gboolean
hit_same(const VerdictHit *a, const VerdictHit *b)
{
    if (a->default_action || b->default_action)
        return g_strcmp0(a->default_action, b->default_action) == 0;
    return a->sid == b->sid;
}

static gboolean
hits_contain(const GArray *hits, const VerdictHit *h)
{
    for (guint i = 0; i < hits->len; i++)
        if (hit_same(&g_array_index(hits, VerdictHit, i), h))
            return TRUE;
    return FALSE;
}

/* ---- groups --------------------------------------------------------------- */

static void
example_free(gpointer p)
{
    SimExample *e = p;
    g_free(e->text);
    g_free(e);
}

static void
group_free(gpointer p)
{
    SimGroup *g = p;
    g_free(g->name);
    g_ptr_array_unref(g->examples);
    g_free(g);
}

typedef enum {
    T_BLOCKED_RULE,
    T_BLOCKED_DEST,
    T_ALLOWED_RULE,
    T_ALLOWED_DEST,
    T_BLOCKER_RULE,
    T_GAINED,
    T_LOST,
    T_REASON,
    T_N
} Table;

struct SimCompare {
    const SimOptions *options;
    SimSummary *summary;
    GHashTable *tables[T_N]; /* key text -> SimGroup* */
    VerdictResult proposed, baseline;
    SimReference ref;
    GArray *gained, *lost;
    GString *text;
};

SimCompare *
sim_compare_new(const SimOptions *options, SimSummary *summary)
{
    SimCompare *c = g_new0(SimCompare, 1);
    c->options = options;
    c->summary = summary;
    for (int t = 0; t < T_N; t++)
        c->tables[t] = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, group_free);
    verdict_result_init(&c->proposed);
    verdict_result_init(&c->baseline);
    c->ref.alerts = g_array_new(FALSE, TRUE, sizeof(VerdictHit));
    c->gained = g_array_new(FALSE, TRUE, sizeof(VerdictHit));
    c->lost = g_array_new(FALSE, TRUE, sizeof(VerdictHit));
    c->text = g_string_new(NULL);
    summary->baseline = options->baseline != NULL;
    return c;
}

void
sim_compare_free(SimCompare *c)
{
    if (c == NULL)
        return;
    for (int t = 0; t < T_N; t++)
        if (c->tables[t])
            g_hash_table_destroy(c->tables[t]);
    verdict_result_clear(&c->proposed);
    verdict_result_clear(&c->baseline);
    g_array_unref(c->ref.alerts);
    g_array_unref(c->gained);
    g_array_unref(c->lost);
    g_string_free(c->text, TRUE);
    g_free(c);
}

static const char *
proto_text(guint8 p, char buf[16])
{
    switch (p) {
    case 6: return "TCP";
    case 17: return "UDP";
    case 1: return "ICMP";
    case 58: return "IPv6-ICMP";
    }
    g_snprintf(buf, 16, "%u", p);
    return buf;
}

static void
addr_text(GString *s, int family, const guint8 *a, gint32 port)
{
    char buf[64];
    if (inet_ntop(family == 6 ? AF_INET6 : AF_INET, a, buf, sizeof buf) == NULL)
        g_strlcpy(buf, "?", sizeof buf);
    if (port >= 0)
        g_string_append_printf(s, family == 6 ? "[%s]:%d" : "%s:%d", buf, port);
    else
        g_string_append(s, buf);
}

/* The name of the flow's destination: SNI, Host or DNS query when known. */
static const VerdictValue *
flow_name(const VerdictFlow *f, const char **label)
{
    static const struct {
        VerdictField field;
        const char *label;
    } order[] = { { VERDICT_FIELD_TLS_SNI, "sni" },
                  { VERDICT_FIELD_HTTP_HOST, "host" },
                  { VERDICT_FIELD_DNS_QUERY, "dns" } };
    for (gsize i = 0; i < G_N_ELEMENTS(order); i++) {
        const VerdictValue *v = &f->fields[order[i].field];
        if (v->known && v->value) {
            *label = order[i].label;
            return v;
        }
    }
    return NULL;
}

static void
append_value(GString *s, const VerdictValue *v)
{
    for (gsize i = 0; i < v->len; i++) {
        if (v->value[i] == '\0')
            g_string_append(s, "\\x00");
        else
            g_string_append_c(s, v->value[i]);
    }
}

static char *
example_text(const VerdictFlow *f)
{
    char pb[16];
    GString *s = g_string_new(proto_text(f->ip_proto, pb));
    g_string_append_c(s, ' ');
    addr_text(s, f->family, f->client, f->client_port);
    g_string_append(s, " -> ");
    addr_text(s, f->family, f->server, f->server_port);
    const char *label;
    const VerdictValue *v = flow_name(f, &label);
    if (v) {
        g_string_append_printf(s, " %s ", label);
        append_value(s, v);
    }
    return g_string_free(s, FALSE);
}

static char *
destination_key(const VerdictFlow *f)
{
    const char *label;
    const VerdictValue *v = flow_name(f, &label);
    GString *s = g_string_new(NULL);
    if (v) {
        append_value(s, v);
        return g_string_free(s, FALSE);
    }
    char pb[16];
    addr_text(s, f->family, f->server, f->server_port);
    g_string_append_printf(s, " (%s)", proto_text(f->ip_proto, pb));
    return g_string_free(s, FALSE);
}

static void
group_add(SimCompare *c, Table t, char *key, const VerdictHit *hit, const SimRebuilt *flow)
{
    SimGroup *g = g_hash_table_lookup(c->tables[t], key);
    if (g == NULL) {
        g = g_new0(SimGroup, 1);
        if (hit) {
            g->hit = *hit;
            g->hit.rule = NULL; /* rules belong to one engine; the sid names it */
        }
        g->name = g_strdup(key);
        g->examples = g_ptr_array_new_with_free_func(example_free);
        g_hash_table_insert(c->tables[t], key, g);
    } else
        g_free(key);
    g->flows++;
    if (g->examples->len < SIM_EXAMPLES) {
        SimExample *e = g_new0(SimExample, 1);
        e->has_flow_id = flow->has_flow_id;
        e->flow_id = flow->flow_id;
        e->text = example_text(&flow->flow);
        g_ptr_array_add(g->examples, e);
    }
}

static void
group_hit(SimCompare *c, Table t, const VerdictHit *hit, const SimRebuilt *flow)
{
    /* Per changed flow: look up with a key on the stack. */
    char key[64];
    if (hit->default_action)
        g_strlcpy(key, hit->default_action, sizeof key);
    else
        g_snprintf(key, sizeof key, "sid %" G_GUINT64_FORMAT, hit->sid);
    SimGroup *g = g_hash_table_lookup(c->tables[t], key);
    if (g && g->examples->len >= SIM_EXAMPLES) {
        g->flows++;
        return;
    }
    group_add(c, t, g_strdup(key), hit, flow);
}

/* ---- one flow ------------------------------------------------------------- */

static void
reference_of_result(SimReference *ref, const VerdictResult *r)
{
    ref->verdict = r->verdict;
    ref->has_blocked_by = r->has_blocked_by;
    ref->blocked_by = r->blocked_by;
    g_array_set_size(ref->alerts, 0);
    g_array_append_vals(ref->alerts, r->alerts->data, r->alerts->len);
}

static SimChange
change_of(const VerdictResult *p, const SimReference *ref)
{
    if (p->verdict == VERDICT_UNDETERMINED)
        return SIM_CHANGE_UNDETERMINED;
    if (ref->verdict == VERDICT_UNDETERMINED)
        return SIM_CHANGE_REF_UNDETERMINED;
    if (p->verdict == VERDICT_BLOCKED && ref->verdict == VERDICT_ALLOWED)
        return SIM_CHANGE_NEWLY_BLOCKED;
    if (p->verdict == VERDICT_ALLOWED && ref->verdict == VERDICT_BLOCKED)
        return SIM_CHANGE_NEWLY_ALLOWED;
    if (p->verdict == VERDICT_BLOCKED && ref->has_blocked_by &&
        !hit_same(&p->blocked_by, &ref->blocked_by))
        return SIM_CHANGE_BLOCKER;
    return SIM_CHANGE_NONE;
}

void
sim_compare_flow(SimCompare *c, SimRebuilt *flow)
{
    SimSummary *s = c->summary;
    verdict_evaluate(c->options->proposed, &flow->flow, &c->proposed, NULL);
    const SimReference *ref = &flow->logged;
    if (c->options->baseline) {
        verdict_evaluate(c->options->baseline, &flow->flow, &c->baseline, NULL);
        reference_of_result(&c->ref, &c->baseline);
        ref = &c->ref;
    }
    SimChange change = change_of(&c->proposed, ref);
    g_array_set_size(c->gained, 0);
    g_array_set_size(c->lost, 0);
    gboolean comparable =
        change != SIM_CHANGE_UNDETERMINED && change != SIM_CHANGE_REF_UNDETERMINED;
    if (comparable) {
        for (guint i = 0; i < c->proposed.alerts->len; i++) {
            const VerdictHit *h = &g_array_index(c->proposed.alerts, VerdictHit, i);
            if (!hits_contain(ref->alerts, h) && !hits_contain(c->gained, h))
                g_array_append_val(c->gained, *h);
        }
        for (guint i = 0; i < ref->alerts->len; i++) {
            const VerdictHit *h = &g_array_index(ref->alerts, VerdictHit, i);
            if (!hits_contain(c->proposed.alerts, h) &&
                !hits_contain(c->proposed.maybe_alerts, h) && !hits_contain(c->lost, h))
                g_array_append_val(c->lost, *h);
        }
    }

    s->flows++;
    if (!(flow->known & SIM_KNOWN_FLOW_RECORD))
        s->without_flow_record++;
    if (!(flow->known & SIM_KNOWN_ALERTS))
        s->without_alerts++;
    if (ref->verdict == VERDICT_BLOCKED)
        s->ref_blocked++;
    else if (ref->verdict == VERDICT_ALLOWED)
        s->ref_allowed++;
    if (c->proposed.verdict == VERDICT_UNDETERMINED) {
        s->undetermined++;
        group_add(c, T_REASON, g_strdup(c->proposed.reason->str), NULL, flow);
    } else {
        s->determined++;
        if (c->proposed.verdict == VERDICT_BLOCKED)
            s->blocked++;
        else
            s->allowed++;
    }
    switch (change) {
    case SIM_CHANGE_NONE: s->unchanged++; break;
    case SIM_CHANGE_NEWLY_BLOCKED:
        s->newly_blocked++;
        group_hit(c, T_BLOCKED_RULE, &c->proposed.blocked_by, flow);
        group_add(c, T_BLOCKED_DEST, destination_key(&flow->flow), NULL, flow);
        break;
    case SIM_CHANGE_NEWLY_ALLOWED:
        s->newly_allowed++;
        if (ref->has_blocked_by)
            group_hit(c, T_ALLOWED_RULE, &ref->blocked_by, flow);
        group_add(c, T_ALLOWED_DEST, destination_key(&flow->flow), NULL, flow);
        break;
    case SIM_CHANGE_BLOCKER:
        s->blocker_changed++;
        group_hit(c, T_BLOCKER_RULE, &c->proposed.blocked_by, flow);
        break;
    case SIM_CHANGE_REF_UNDETERMINED: s->ref_undetermined++; break;
    case SIM_CHANGE_UNDETERMINED: break;
    }
    for (guint i = 0; i < c->gained->len; i++)
        group_hit(c, T_GAINED, &g_array_index(c->gained, VerdictHit, i), flow);
    for (guint i = 0; i < c->lost->len; i++)
        group_hit(c, T_LOST, &g_array_index(c->lost, VerdictHit, i), flow);

    if (c->options->sink.flow) {
        SimFlowResult r = {
            flow->has_flow_id, flow->flow_id, flow->firewall, &flow->flow, flow->known,
            &c->proposed,      ref,           change,         c->gained,   c->lost
        };
        c->options->sink.flow(&r, c->options->sink.data);
    }
}

static gint
group_order(gconstpointer a, gconstpointer b)
{
    const SimGroup *x = *(SimGroup *const *)a, *y = *(SimGroup *const *)b;
    if (x->flows != y->flows)
        return x->flows > y->flows ? -1 : 1;
    return strcmp(x->name, y->name);
}

static GPtrArray *
sorted(GHashTable *table)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(group_free);
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, table);
    while (g_hash_table_iter_next(&it, &key, &value)) {
        g_ptr_array_add(out, value);
        g_hash_table_iter_steal(&it);
        g_free(key);
    }
    g_ptr_array_sort(out, group_order);
    return out;
}

void
sim_compare_finish(SimCompare *c)
{
    SimSummary *s = c->summary;
    GPtrArray **dest[T_N] = {
        &s->newly_blocked_by_rule,
        &s->newly_blocked_by_destination,
        &s->newly_allowed_by_rule,
        &s->newly_allowed_by_destination,
        &s->blocker_changed_by_rule,
        &s->alerts_gained,
        &s->alerts_lost,
        &s->undetermined_by_reason,
    };
    for (int t = 0; t < T_N; t++) {
        if (*dest[t])
            g_ptr_array_unref(*dest[t]);
        *dest[t] = sorted(c->tables[t]);
    }
}

void
simulate_summary_init(SimSummary *s)
{
    memset(s, 0, sizeof *s);
    log_stats_init(&s->stats);
    s->default_actions = g_ptr_array_new_with_free_func(g_free);
    GPtrArray **arrays[] = { &s->newly_blocked_by_rule,
                             &s->newly_blocked_by_destination,
                             &s->newly_allowed_by_rule,
                             &s->newly_allowed_by_destination,
                             &s->blocker_changed_by_rule,
                             &s->alerts_gained,
                             &s->alerts_lost,
                             &s->undetermined_by_reason };
    for (gsize i = 0; i < G_N_ELEMENTS(arrays); i++)
        *arrays[i] = g_ptr_array_new_with_free_func(group_free);
}

void
simulate_summary_clear(SimSummary *s)
{
    GPtrArray *arrays[] = { s->newly_blocked_by_rule,
                            s->newly_blocked_by_destination,
                            s->newly_allowed_by_rule,
                            s->newly_allowed_by_destination,
                            s->blocker_changed_by_rule,
                            s->alerts_gained,
                            s->alerts_lost,
                            s->undetermined_by_reason };
    for (gsize i = 0; i < G_N_ELEMENTS(arrays); i++)
        if (arrays[i])
            g_ptr_array_unref(arrays[i]);
    log_stats_clear(&s->stats);
    if (s->default_actions)
        g_ptr_array_unref(s->default_actions);
    memset(s, 0, sizeof *s);
}
