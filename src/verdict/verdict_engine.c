/*
 * verdict_engine.c - the engine of one policy (verdict.h): its compiled
 * rules and the default actions in force, and the question the walk asks
 * of the defaults for a packet no rule decided.
 *
 * The meaning of each default action is src/policy's model (one model for
 * lint, analyze and this engine); this file only describes the packet to
 * it.  Default actions exist only under STRICT_ORDER: Network Firewall
 * refuses them otherwise, and DEFAULT_ACTION_ORDER passes what no rule
 * decided.
 */
#include "verdict/verdict_internal.h"

#include <string.h>

/* TEMPORARY until src/policy's default-action model lands: the oracle's
 * table (../shared/oracle/README.md "Default actions"). */
typedef struct {
    const char *scope; /* NULL: none */
    gboolean drop, alert;
    const char *drop_name, *alert_name;
} TmpDefaults;

static const char *const tmp_names[] = {
    "aws:drop_strict",
    "aws:drop_established",
    "aws:drop_established_app_layer",
    "aws:drop_established_app_layer_to_server",
    "aws:alert_strict",
    "aws:alert_established",
    "aws:alert_established_app_layer",
    "aws:alert_established_app_layer_to_server",
};

static gboolean
tmp_scope_covers(const char *scope, const VerdictFlow *f, const VPacket *p)
{
    if (scope == NULL)
        return FALSE;
    if (f->ip_proto != 6 || strcmp(scope, "strict") == 0)
        return TRUE;
    if (!p->established)
        return FALSE;
    if (strcmp(scope, "established_app_layer") == 0)
        return TRUE;
    return p->dir == VERDICT_TO_SERVER;
}

typedef struct {
    const char *drop_scope, *alert_scope;
    const char *drop_name, *alert_name;
} TmpModel;

static TmpModel *
tmp_parse(GPtrArray *names, GError **error)
{
    TmpModel *m = g_new0(TmpModel, 1);
    for (guint i = 0; names && i < names->len; i++) {
        const char *n = g_ptr_array_index(names, i);
        const char *known = NULL;
        for (gsize k = 0; k < G_N_ELEMENTS(tmp_names); k++)
            if (strcmp(tmp_names[k], n) == 0)
                known = tmp_names[k];
        if (known == NULL) {
            g_set_error(error, VERDICT_ERROR, VERDICT_ERROR_DEFAULT_ACTIONS,
                        "unknown default action '%s'", n);
            g_free(m);
            return NULL;
        }
        if (g_str_has_prefix(known, "aws:drop_")) {
            m->drop_scope = known + strlen("aws:drop_");
            m->drop_name = known;
        } else {
            m->alert_scope = known + strlen("aws:alert_");
            m->alert_name = known;
        }
    }
    return m;
}

void
verdict_default_decide(const VerdictEngine *engine, const VerdictFlow *flow, const VPacket *pkt,
                       VerdictDefaultOutcome *out)
{
    memset(out, 0, sizeof *out);
    const TmpModel *m = engine->defaults;
    if (m == NULL || engine->order != RULE_ORDER_STRICT) {
        out->why = g_strdup("no rule decided: passed (no default action drops it)");
        return;
    }
    gboolean drop = tmp_scope_covers(m->drop_scope, flow, pkt);
    gboolean alert = tmp_scope_covers(m->alert_scope, flow, pkt);
    out->drop_name = drop ? m->drop_name : NULL;
    out->alert_name = alert ? m->alert_name : NULL;
    const char *scope = alert ? m->alert_scope : m->drop_scope;
    gboolean strict = scope && strcmp(scope, "strict") == 0;
    out->sid = flow->ip_proto == 6    ? (strict ? 8 : 4)
               : flow->ip_proto == 17 ? (strict ? 7 : 3)
                                      : (strict ? 6 : 2);
    out->why = g_strdup_printf("no rule decided: %s%s%s", drop ? m->drop_name : "passed",
                               alert ? ", logged by " : "", alert ? m->alert_name : "");
}

VerdictEngine *
verdict_engine_new(const Policy *policy, GPtrArray *default_actions, GError **error)
{
    VerdictEngine *e = g_new0(VerdictEngine, 1);
    e->policy = policy;
    e->order = policy->order;
    e->default_actions = g_ptr_array_new_with_free_func(g_free);
    GPtrArray *names = default_actions;
    if (names == NULL && policy->info)
        names = policy->info->stateful_default_actions;
    for (guint i = 0; names && i < names->len; i++)
        g_ptr_array_add(e->default_actions, g_strdup(g_ptr_array_index(names, i)));
    e->defaults = tmp_parse(e->default_actions, error);
    if (e->defaults == NULL) {
        g_ptr_array_unref(e->default_actions);
        g_free(e);
        return NULL;
    }
    verdict_compile(policy, &e->compiled);
    return e;
}

void
verdict_engine_free(VerdictEngine *engine)
{
    if (engine == NULL)
        return;
    verdict_compiled_clear(&engine->compiled);
    g_ptr_array_unref(engine->default_actions);
    g_free(engine->defaults);
    g_free(engine);
}

const GPtrArray *
verdict_engine_default_actions(const VerdictEngine *engine)
{
    return engine->default_actions;
}
