/*
 * sim_flows.c - rebuild each logged flow from its records (sim_internal.h:
 * SimFlows), with memory for the flows in flight only.
 *
 * Records join on (firewall_name, flow_id): Suricata's flow ids are per
 * engine, so two firewalls may log the same id.  What each record adds:
 *  - an alert: the 5-tuple, oriented by its `direction` (to_server: src is
 *    the client; to_client: dest is), app_proto, the app fields its
 *    metadata carries (tls.sni, http.hostname/url/http_user_agent/
 *    http_method, dns rrname), and the logged outcome: its sid (or the
 *    default action an "aws:... action" signature names) and whether it was
 *    blocked;
 *  - a flow record: packets, bytes and TCP flags of one direction, and the
 *    app_proto Suricata detected.  Suricata writes the client's record and
 *    then, if the server sent anything, the server's; without an alert to
 *    orient the flow, the first record (or the ICMP request type) names the
 *    client.
 * Records are kept by their source until the flow is finished, then put in
 * the client's or the server's direction, so that an alert read after a
 * flow record can still orient it.
 *
 * Finishing: flows with a flow record wait in a queue in the order of their
 * first flow record; the head is finished once its other direction came (or
 * the flow stream moved SIM_PAIR_SLACK_US past it) and the alert stream moved
 * SIM_ALERT_SLACK_US past it.  Flows with alerts only are finished by
 * sim_flows_flush(), in the order they were first seen.
 *
 * Fields the fast log reader does not decode (tcp_flags, icmp_type,
 * http_method) are read from the record's raw text: a search for the key
 * that a string value cannot fake, since a quote inside a JSON string is
 * escaped.
 */
#include "simulate/sim_internal.h"

#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    gboolean present;
    guint8 src[16];
    gint32 src_port;
    guint64 pkts, bytes;
    gboolean has_flags;
    guint8 flags;
    gint icmp_type;
    char *app_proto;
} SimRecord;

typedef struct {
    guint64 flow_id;
    const char *firewall; /* interned */
    gboolean has_flow_id;
    guint64 seq; /* arrival order */
    VerdictFlow flow;
    guint known;
    gboolean tuple_set, tuple_from_alert;
    SimRecord rec[2];
    gint64 record_time; /* time of the first flow record */
    gboolean queued;
    gboolean logged_blocked;
    gint64 logged_block_time;
    VerdictHit logged_blocked_by;
    GArray *logged_alerts; /* VerdictHit */
} Pending;

struct SimFlows {
    GHashTable *table;     /* Pending* (key: flow_id, firewall) */
    GHashTable *firewalls; /* interned names */
    GQueue queue;          /* Pending* with a flow record, by first record */
    SimFinishFunc finish;
    gpointer data;
    guint64 seq;
    guint64 unusable; /* flows whose addresses or protocol did not parse */
};

static guint
pending_hash(gconstpointer p)
{
    const Pending *x = p;
    return (guint)(x->flow_id ^ (x->flow_id >> 32)) ^ g_direct_hash(x->firewall);
}

static gboolean
pending_equal(gconstpointer a, gconstpointer b)
{
    const Pending *x = a, *y = b;
    return x->flow_id == y->flow_id && x->firewall == y->firewall;
}

static void
pending_free(Pending *p)
{
    verdict_flow_clear(&p->flow);
    for (int i = 0; i < 2; i++)
        g_free(p->rec[i].app_proto);
    if (p->logged_alerts)
        g_array_unref(p->logged_alerts);
    g_free(p);
}

SimFlows *
sim_flows_new(SimFinishFunc finish, gpointer data)
{
    SimFlows *f = g_new0(SimFlows, 1);
    f->table = g_hash_table_new(pending_hash, pending_equal);
    f->firewalls = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g_queue_init(&f->queue);
    f->finish = finish;
    f->data = data;
    return f;
}

static void
free_value(gpointer key, gpointer value, gpointer unused)
{
    (void)value;
    (void)unused;
    pending_free(key);
}

void
sim_flows_free(SimFlows *flows)
{
    if (flows == NULL)
        return;
    g_hash_table_foreach(flows->table, free_value, NULL);
    g_hash_table_destroy(flows->table);
    g_hash_table_destroy(flows->firewalls);
    g_queue_clear(&flows->queue);
    g_free(flows);
}

guint64
sim_flows_unusable(const SimFlows *flows)
{
    return flows->unusable;
}

guint
sim_flows_in_flight(const SimFlows *flows)
{
    return g_hash_table_size(flows->table);
}

static const char *
intern(SimFlows *f, LogStr s)
{
    if (s.ptr == NULL)
        return NULL;
    /* Called per record: look up from the stack, allocate once per name. */
    char buf[256];
    if (s.len >= sizeof buf) {
        char *key = log_str_dup(s);
        const char *found = g_hash_table_lookup(f->firewalls, key);
        if (found) {
            g_free(key);
            return found;
        }
        g_hash_table_add(f->firewalls, key);
        return key;
    }
    memcpy(buf, s.ptr, s.len);
    buf[s.len] = '\0';
    const char *found = g_hash_table_lookup(f->firewalls, buf);
    if (found)
        return found;
    char *copy = g_strdup(buf);
    g_hash_table_add(f->firewalls, copy);
    return copy;
}

/* ---- raw fields ----------------------------------------------------------- */

/* The text right after `"key":` (spaces skipped), or NULL. */
static const char *
raw_value(LogStr raw, const char *key)
{
    gsize klen = strlen(key);
    const char *p = raw.ptr, *end = raw.ptr + raw.len;
    while (p && p < end) {
        p = memchr(p, '"', (gsize)(end - p));
        if (p == NULL || (gsize)(end - p) < klen + 2)
            return NULL;
        if (memcmp(p + 1, key, klen) == 0 && p[klen + 1] == '"' && p > raw.ptr && p[-1] != '\\') {
            const char *q = p + klen + 2;
            while (q < end && (*q == ' ' || *q == '\t'))
                q++;
            if (q < end && *q == ':') {
                q++;
                while (q < end && (*q == ' ' || *q == '\t'))
                    q++;
                return q < end ? q : NULL;
            }
        }
        p++;
    }
    return NULL;
}

static gboolean
raw_hex_byte(LogStr raw, const char *key, guint8 *out)
{
    const char *v = raw_value(raw, key);
    if (v == NULL || *v != '"' || v + 3 >= raw.ptr + raw.len || !g_ascii_isxdigit(v[1]) ||
        !g_ascii_isxdigit(v[2]) || v[3] != '"')
        return FALSE;
    *out = (guint8)(g_ascii_xdigit_value(v[1]) << 4 | g_ascii_xdigit_value(v[2]));
    return TRUE;
}

static gint
raw_small_int(LogStr raw, const char *key)
{
    const char *v = raw_value(raw, key);
    if (v == NULL || !g_ascii_isdigit(*v))
        return -1;
    gint n = 0;
    const char *end = raw.ptr + raw.len;
    for (; v < end && g_ascii_isdigit(*v) && n < 1000; v++)
        n = n * 10 + (*v - '0');
    return n < 256 ? n : -1;
}

/* A plain JSON string value (no escapes) of at most 64 bytes, or FALSE. */
static gboolean
raw_plain_string(LogStr raw, const char *key, char out[65])
{
    const char *v = raw_value(raw, key);
    if (v == NULL || *v != '"')
        return FALSE;
    const char *end = raw.ptr + raw.len;
    gsize n = 0;
    for (v++; v < end && *v != '"'; v++) {
        if (*v == '\\' || n >= 64)
            return FALSE;
        out[n++] = *v;
    }
    if (v >= end)
        return FALSE;
    out[n] = '\0';
    return TRUE;
}

/* ---- records -------------------------------------------------------------- */

static gboolean
parse_ip(LogStr s, guint8 out[16], int *family)
{
    char buf[64];
    if (s.ptr == NULL || s.len == 0 || s.len >= sizeof buf)
        return FALSE;
    memcpy(buf, s.ptr, s.len);
    buf[s.len] = '\0';
    memset(out, 0, 16);
    if (inet_pton(AF_INET, buf, out) == 1) {
        *family = 4;
        return TRUE;
    }
    if (inet_pton(AF_INET6, buf, out) == 1) {
        *family = 6;
        return TRUE;
    }
    return FALSE;
}

static int
parse_proto(LogStr s)
{
    if (s.ptr == NULL)
        return -1;
    static const struct {
        const char *name;
        int n;
    } names[] = { { "TCP", 6 },     { "UDP", 17 },   { "ICMP", 1 }, { "IPv6-ICMP", 58 },
                  { "ICMPv6", 58 }, { "SCTP", 132 }, { "GRE", 47 }, { "ESP", 50 } };
    for (gsize i = 0; i < G_N_ELEMENTS(names); i++)
        if (s.len == strlen(names[i].name) && g_ascii_strncasecmp(s.ptr, names[i].name, s.len) == 0)
            return names[i].n;
    int n = 0;
    for (gsize i = 0; i < s.len; i++) {
        if (!g_ascii_isdigit(s.ptr[i]) || n > 255)
            return -1;
        n = n * 10 + (s.ptr[i] - '0');
    }
    return s.len > 0 && n <= 255 ? n : -1;
}

/* Sets the 5-tuple with `client_is_src`; FALSE if the addresses do not parse. */
static gboolean
set_tuple(Pending *p, const LogEvent *ev, gboolean client_is_src)
{
    guint8 a[16], b[16];
    int fa, fb;
    int proto = parse_proto(ev->proto);
    if (!parse_ip(ev->src_ip, a, &fa) || !parse_ip(ev->dest_ip, b, &fb) || fa != fb || proto < 0)
        return FALSE;
    VerdictFlow *f = &p->flow;
    f->family = fa;
    f->ip_proto = (guint8)proto;
    gboolean ports = proto == 6 || proto == 17 || proto == 132;
    memcpy(f->client, client_is_src ? a : b, 16);
    memcpy(f->server, client_is_src ? b : a, 16);
    gint32 sp = ports ? ev->src_port : -1, dp = ports ? ev->dest_port : -1;
    f->client_port = client_is_src ? sp : dp;
    f->server_port = client_is_src ? dp : sp;
    p->tuple_set = TRUE;
    return TRUE;
}

static void
set_field(Pending *p, VerdictField field, LogStr s)
{
    if (s.ptr == NULL || p->flow.fields[field].known)
        return;
    verdict_flow_set_field(&p->flow, field, s.ptr, s.len);
}

/* An alert's app_proto; "unknown" (an alert raised before detection) says
 * nothing.  The flow record's value, set at finish(), wins. */
static void
set_app_proto_from_alert(Pending *p, LogStr s)
{
    if (s.ptr == NULL || s.len == 0 || p->flow.app_proto != NULL || log_str_equal(s, "unknown"))
        return;
    p->flow.app_proto = log_str_dup(s);
    p->known |= SIM_KNOWN_APP_PROTO;
}

static void
hits_add_unique(GArray *hits, const VerdictHit *h)
{
    for (guint i = 0; i < hits->len; i++) {
        const VerdictHit *x = &g_array_index(hits, VerdictHit, i);
        if (x->sid == h->sid && x->default_action == h->default_action)
            return;
    }
    g_array_append_val(hits, *h);
}

/* event.ssh.client.{proto_version,software_version}: the client's banner. */
static void
add_ssh_fields(Pending *p, LogStr raw)
{
    const char *ssh = raw_value(raw, "ssh");
    if (ssh == NULL || *ssh != '{')
        return;
    LogStr rest = { ssh, (gsize)(raw.ptr + raw.len - ssh) };
    const char *client = raw_value(rest, "client");
    if (client == NULL || *client != '{')
        return;
    /* Only within the client object: up to the first '}'.  A '}' inside
     * a value cuts the object short, and the field is then left unknown:
     * never read from the server's object. */
    const char *end = memchr(client, '}', (gsize)(raw.ptr + raw.len - client));
    if (end == NULL)
        return;
    LogStr obj = { client, (gsize)(end - client) + 1 };
    char v[65];
    if (!p->flow.fields[VERDICT_FIELD_SSH_PROTO].known && raw_plain_string(obj, "proto_version", v))
        verdict_flow_set_field(&p->flow, VERDICT_FIELD_SSH_PROTO, v, strlen(v));
    if (!p->flow.fields[VERDICT_FIELD_SSH_SOFTWARE].known &&
        raw_plain_string(obj, "software_version", v))
        verdict_flow_set_field(&p->flow, VERDICT_FIELD_SSH_SOFTWARE, v, strlen(v));
}

static void
add_alert(Pending *p, const LogEvent *ev)
{
    gboolean to_client = log_str_equal(ev->direction, "to_client");
    gboolean oriented = to_client || log_str_equal(ev->direction, "to_server");
    if (oriented && !p->tuple_from_alert) {
        if (set_tuple(p, ev, !to_client)) {
            p->tuple_from_alert = TRUE;
            p->known |= SIM_KNOWN_DIRECTION;
        }
    } else if (!p->tuple_set)
        set_tuple(p, ev, TRUE);
    p->known |= SIM_KNOWN_ALERTS;
    set_app_proto_from_alert(p, ev->app_proto);
    set_field(p, VERDICT_FIELD_TLS_SNI, ev->tls_sni);
    set_field(p, VERDICT_FIELD_HTTP_HOST, ev->http_hostname);
    set_field(p, VERDICT_FIELD_HTTP_URI, ev->http_url);
    set_field(p, VERDICT_FIELD_HTTP_USER_AGENT, ev->http_user_agent);
    set_field(p, VERDICT_FIELD_DNS_QUERY, ev->dns_rrname);
    char method[65];
    if (ev->http_hostname.ptr && !p->flow.fields[VERDICT_FIELD_HTTP_METHOD].known &&
        raw_plain_string(ev->raw, "http_method", method))
        verdict_flow_set_field(&p->flow, VERDICT_FIELD_HTTP_METHOD, method, strlen(method));

    if (log_str_equal(ev->app_proto, "ssh"))
        add_ssh_fields(p, ev->raw);

    VerdictHit hit = { NULL, sim_default_action_of_signature(ev->alert.signature),
                       ev->alert.signature_id };
    if (p->logged_alerts == NULL)
        p->logged_alerts = g_array_new(FALSE, TRUE, sizeof(VerdictHit));
    gboolean blocked =
        ev->alert.action == LOG_ACTION_BLOCKED ||
        (ev->alert.action == LOG_ACTION_NONE && log_str_equal(ev->verdict_action, "drop"));
    /* An alerting drop default logs with the alert's name; a pass rule
     * with alert; logs "allowed": either way the alert is the hit. */
    hits_add_unique(p->logged_alerts, &hit);
    gint64 t = 0;
    log_event_time(ev, &t);
    if (blocked && (!p->logged_blocked || t < p->logged_block_time)) {
        p->logged_blocked = TRUE;
        p->logged_block_time = t;
        p->logged_blocked_by = hit;
        if (hit.default_action)
            p->logged_blocked_by.default_action = sim_drop_of_alert(hit.default_action);
    }
}

static void
add_record(SimFlows *f, Pending *p, const LogEvent *ev)
{
    guint8 src[16];
    int family;
    if (!parse_ip(ev->src_ip, src, &family))
        return;
    if (!p->tuple_set)
        set_tuple(p, ev, TRUE);
    gint32 sport = ev->src_port;
    int slot = 0;
    if (p->rec[0].present) {
        gboolean same = memcmp(p->rec[0].src, src, 16) == 0 && p->rec[0].src_port == sport;
        slot = same && !p->rec[1].present ? 0 : 1;
        if (same && memcmp(p->flow.client, p->flow.server, 16) == 0 &&
            p->flow.client_port == p->flow.server_port)
            slot = 1; /* both ends the same: the second record is the reply */
    }
    SimRecord *r = &p->rec[slot];
    g_free(r->app_proto);
    memset(r, 0, sizeof *r);
    r->present = TRUE;
    memcpy(r->src, src, 16);
    r->src_port = sport;
    r->pkts = ev->netflow.pkts;
    r->bytes = ev->netflow.bytes;
    r->has_flags = p->flow.ip_proto == 6 && raw_hex_byte(ev->raw, "tcp_flags", &r->flags);
    r->icmp_type =
        p->flow.ip_proto == 1 || p->flow.ip_proto == 58 ? raw_small_int(ev->raw, "icmp_type") : -1;
    r->app_proto = log_str_dup(ev->app_proto);
    p->known |= SIM_KNOWN_FLOW_RECORD;
    if (!p->queued) {
        gint64 t = 0;
        log_event_time(ev, &t);
        p->record_time = t;
        p->queued = TRUE;
        g_queue_push_tail(&f->queue, p);
    }
}

static Pending *
pending_get(SimFlows *f, const LogEvent *ev)
{
    Pending key = { .flow_id = ev->flow_id, .firewall = intern(f, ev->firewall_name) };
    Pending *p = g_hash_table_lookup(f->table, &key);
    if (p)
        return p;
    p = g_new0(Pending, 1);
    p->flow_id = key.flow_id;
    p->firewall = key.firewall;
    p->has_flow_id = TRUE;
    p->seq = f->seq++;
    verdict_flow_init(&p->flow);
    g_hash_table_add(f->table, p);
    return p;
}

/* ---- finishing ------------------------------------------------------------- */

static gboolean
is_icmp_request(gint type)
{
    return type == 8 || type == 13 || type == 15 || type == 17 || type == 128;
}

/* Puts the records in their directions and hands the flow on. */
static void
finish(SimFlows *f, Pending *p)
{
    VerdictFlow *fl = &p->flow;
    SimRecord *ts = NULL, *tc = NULL;
    for (int i = 0; i < 2; i++) {
        SimRecord *r = &p->rec[i];
        if (!r->present)
            continue;
        gboolean from_client = memcmp(r->src, fl->client, 16) == 0 &&
                               (fl->client_port < 0 || r->src_port == fl->client_port);
        if (from_client && ts == NULL)
            ts = r;
        else if (tc == NULL)
            tc = r;
        else
            ts = r;
    }
    /* Without an alert's direction, the first record was taken as the
     * client's (Suricata writes it first).  Evidence against it swaps
     * them: an ICMP request type in the other record, or ports that say
     * the first record came from a service port to an ephemeral one. */
    gboolean swap = FALSE;
    if (!p->tuple_from_alert && ts && tc) {
        if (fl->ip_proto == 1 || fl->ip_proto == 58)
            swap = is_icmp_request(tc->icmp_type) && !is_icmp_request(ts->icmp_type);
        else if (fl->client_port >= 0 && fl->server_port >= 0)
            swap = fl->client_port < 1024 && fl->server_port >= 1024;
    }
    if (swap) {
        SimRecord *x = ts;
        ts = tc;
        tc = x;
        guint8 a[16];
        memcpy(a, fl->client, 16);
        memcpy(fl->client, fl->server, 16);
        memcpy(fl->server, a, 16);
        gint32 port = fl->client_port;
        fl->client_port = fl->server_port;
        fl->server_port = port;
    }
    if (ts || tc) {
        fl->counts_known = TRUE;
        if (ts) {
            fl->pkts[VERDICT_TO_SERVER] = ts->pkts;
            fl->bytes[VERDICT_TO_SERVER] = ts->bytes;
            fl->icmp_type[VERDICT_TO_SERVER] = ts->icmp_type;
        }
        if (tc) {
            fl->pkts[VERDICT_TO_CLIENT] = tc->pkts;
            fl->bytes[VERDICT_TO_CLIENT] = tc->bytes;
            fl->icmp_type[VERDICT_TO_CLIENT] = tc->icmp_type;
            p->known |= SIM_KNOWN_REPLY_RECORD;
        }
        if (fl->ip_proto == 6 && (ts == NULL || ts->has_flags) && (tc == NULL || tc->has_flags)) {
            fl->tcp_flags_known = TRUE;
            fl->tcp_flags[VERDICT_TO_SERVER] = ts ? ts->flags : 0;
            fl->tcp_flags[VERDICT_TO_CLIENT] = tc ? tc->flags : 0;
            p->known |= SIM_KNOWN_TCP_FLAGS;
        }
        /* The client's record holds what detection found to the server. */
        SimRecord *app = ts && ts->app_proto ? ts : tc;
        const char *v = app ? app->app_proto : NULL;
        if (v && v[0] && (strcmp(v, "unknown") != 0 || fl->app_proto == NULL)) {
            g_free(fl->app_proto);
            fl->app_proto = g_strdup(v);
            p->known |= SIM_KNOWN_APP_PROTO;
        }
    }
    SimRebuilt out = { 0 };
    out.has_flow_id = p->has_flow_id;
    out.flow_id = p->flow_id;
    out.firewall = p->firewall;
    out.flow = p->flow; /* moved */
    verdict_flow_init(&p->flow);
    out.known = p->known;
    out.logged.verdict = p->logged_blocked ? VERDICT_BLOCKED : VERDICT_ALLOWED;
    out.logged.has_blocked_by = p->logged_blocked;
    out.logged.blocked_by = p->logged_blocked_by;
    out.logged.alerts =
        p->logged_alerts ? p->logged_alerts : g_array_new(FALSE, TRUE, sizeof(VerdictHit));
    p->logged_alerts = NULL;
    if (p->tuple_set)
        f->finish(&out, f->data);
    else
        f->unusable++;
    verdict_flow_clear(&out.flow);
    g_array_unref(out.logged.alerts);
    pending_free(p);
}

void
sim_flows_add(SimFlows *f, const LogEvent *ev)
{
    if (ev->type != LOG_EVENT_ALERT && ev->type != LOG_EVENT_NETFLOW)
        return;
    if (!ev->has_flow_id) {
        /* Nothing to join it with: a flow of its own. */
        Pending *p = g_new0(Pending, 1);
        verdict_flow_init(&p->flow);
        p->firewall = intern(f, ev->firewall_name);
        if (ev->type == LOG_EVENT_ALERT)
            add_alert(p, ev);
        else {
            add_record(f, p, ev);
            g_queue_remove(&f->queue, p);
        }
        finish(f, p);
        return;
    }
    Pending *p = pending_get(f, ev);
    if (ev->type == LOG_EVENT_ALERT)
        add_alert(p, ev);
    else
        add_record(f, p, ev);
}

void
sim_flows_advance(SimFlows *f, gint64 alert_watermark, gint64 flow_watermark)
{
    while (!g_queue_is_empty(&f->queue)) {
        Pending *p = g_queue_peek_head(&f->queue);
        gboolean paired =
            p->rec[1].present ||
            (flow_watermark != G_MAXINT64 && flow_watermark > p->record_time + SIM_PAIR_SLACK_US) ||
            flow_watermark == G_MAXINT64;
        gboolean alerts_in =
            alert_watermark == G_MAXINT64 || alert_watermark > p->record_time + SIM_ALERT_SLACK_US;
        if (!paired || !alerts_in)
            return;
        g_queue_pop_head(&f->queue);
        g_hash_table_remove(f->table, p);
        finish(f, p);
    }
}

static gint
by_seq(gconstpointer a, gconstpointer b)
{
    const Pending *x = *(Pending *const *)a, *y = *(Pending *const *)b;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
sim_flows_flush(SimFlows *f)
{
    sim_flows_advance(f, G_MAXINT64, G_MAXINT64);
    GPtrArray *rest = g_ptr_array_new();
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, f->table);
    while (g_hash_table_iter_next(&it, &key, NULL))
        g_ptr_array_add(rest, key);
    g_ptr_array_sort(rest, by_seq);
    g_hash_table_remove_all(f->table);
    for (guint i = 0; i < rest->len; i++)
        finish(f, g_ptr_array_index(rest, i));
    g_ptr_array_unref(rest);
}
