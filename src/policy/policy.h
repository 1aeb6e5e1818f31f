/*
 * policy.h - rule groups and firewall policies as Network Firewall holds
 * them, loaded from Suricata rule files, AWS rule-group JSON and
 * firewall-policy JSON, CloudFormation templates (JSON, YAML) and Terraform
 * JSON (show -json plan or state, tfstate, *.tf.json), all detected by
 * content, plus variable resolution and the evaluation order of the whole
 * policy.
 *
 * Ownership: a Policy owns its RuleGroups; a RuleGroup owns its Rules.
 * Policy.eval_order borrows Rules from the groups.
 * Loading never prints: problems become Findings in Policy.findings
 * (syntax, unknown-keyword, invalid-option, ... with file:line:column).
 * Only unusable input (missing file, unreadable JSON) is a GError.
 */
#ifndef NFW_POLICY_POLICY_H
#define NFW_POLICY_POLICY_H

#include <glib.h>

#include "rules/rules.h"
#include "findings/findings.h"

#define POLICY_ERROR (policy_error_quark())
GQuark policy_error_quark(void);
typedef enum {
    POLICY_ERROR_IO,        /* cannot read a file or directory */
    POLICY_ERROR_FORMAT,    /* JSON that is neither a rule group nor a policy, bad JSON */
    POLICY_ERROR_USAGE,     /* bad --var, conflicting inputs */
    POLICY_ERROR_NOT_INPUT, /* valid JSON/text that is not an NFW input (skipped in
                               directory walks, an error for a named file) */
} PolicyErrorCode;

typedef enum {
    RULE_ORDER_STRICT, /* STRICT_ORDER */
    RULE_ORDER_ACTION, /* DEFAULT_ACTION_ORDER */
} RuleOrder;

typedef enum {
    GROUP_KIND_RULES_FILE,     /* a bare .rules file */
    GROUP_KIND_RULES_STRING,   /* RulesSource.RulesString */
    GROUP_KIND_DOMAIN_LIST,    /* RulesSource.RulesSourceList */
    GROUP_KIND_STATEFUL_RULES, /* RulesSource.StatefulRules (5-tuple) */
    GROUP_KIND_STATELESS,      /* stateless: counted, not Suricata */
    GROUP_KIND_MANAGED,        /* AWS managed: referenced, text not available */
    GROUP_KIND_MISSING,        /* referenced by the policy but not loaded */
} GroupKind;

typedef struct {
    GPtrArray *targets; /* char*: ".example.com", "www.example.org" */
    gboolean tls_sni;
    gboolean http_host;
    char *generated_type; /* ALLOWLIST | DENYLIST | REJECTLIST | ALERTLIST */
} DomainList;

typedef struct RuleGroup {
    char *name;
    char *arn;     /* NULL for bare rule files */
    char *file;    /* where it was loaded from */
    int file_line; /* line of the group's definition in `file` (JSON), 1 if unknown */
    GroupKind kind;
    RuleOrder order;          /* StatefulRuleOptions.RuleOrder (or --rule-order) */
    gboolean order_explicit;  /* FALSE when defaulted */
    int priority;             /* policy Priority; command-line position for bare files */
    gboolean drop_to_alert;   /* Override.Action = DROP_TO_ALERT */
    int capacity;             /* declared Capacity, -1 if unknown */
    GPtrArray *rules;         /* Rule*, owned, in written order (disabled rules included) */
    GHashTable *ip_sets;      /* name -> GPtrArray* of char* definitions */
    GHashTable *port_sets;    /* name -> GPtrArray* of char* definitions */
    GHashTable *ip_set_refs;  /* name -> char* ReferenceArn */
    DomainList *domain_list;  /* GROUP_KIND_DOMAIN_LIST only */
    int stateless_rule_count; /* GROUP_KIND_STATELESS only */
    /* Added by src/policy: */
    char *type;              /* "STATEFUL", "STATELESS", ... as declared, NULL if not */
    char *description;       /* NULL when absent */
    gboolean referenced;     /* referenced by the policy (always TRUE without
                                   policy JSON); unreferenced groups are kept in
                                   `groups` but are not part of eval_order */
    GHashTable *var_text;    /* cache: name -> char* Suricata syntax ("[a,b]") */
    GPtrArray *suppressions; /* Suppression*, owned: "# nfw-advisor: ignore" comments */
} RuleGroup;

typedef struct {
    char *arn;    /* ResourceArn */
    char *name;   /* name part of the ARN */
    int priority; /* -1 when absent (action order) */
    gboolean drop_to_alert;
    RuleGroup *group; /* borrowed: the group it resolved to */
    /* Added by src/policy: */
    gboolean deep_threat_inspection; /* DeepThreatInspection (TRUE when absent is
                                        AWS's default only for ATD groups: kept as written) */
    gboolean has_deep_threat_inspection;
    int file_line; /* line of the reference in the policy file */
} GroupRef;

/* The stateful default actions as one model (default_actions.c): which
 * drop and which alert default a policy has, by the traffic they cover. */
typedef enum {
    DEFAULT_SCOPE_NONE,
    DEFAULT_SCOPE_STRICT,              /* aws:drop_strict / aws:alert_strict */
    DEFAULT_SCOPE_ESTABLISHED,         /* aws:*_established */
    DEFAULT_SCOPE_APP_LAYER,           /* aws:*_established_app_layer ("bidirectional") */
    DEFAULT_SCOPE_APP_LAYER_TO_SERVER, /* aws:*_established_app_layer_to_server */
} DefaultScope;

typedef struct {
    DefaultScope drop;  /* DEFAULT_SCOPE_NONE without a drop default */
    DefaultScope alert; /* DEFAULT_SCOPE_NONE without an alert default */
} DefaultActions;

typedef enum {
    PROTO_CLASS_TCP,
    PROTO_CLASS_UDP,
    PROTO_CLASS_ICMP,
    PROTO_CLASS_OTHER,
} ProtoClass;

typedef enum {
    PACKET_TO_SERVER, /* from the flow's client (the side that opened it) */
    PACKET_TO_CLIENT,
} PacketDirection;

/* One packet that no rule passed, dropped or rejected. */
typedef struct {
    ProtoClass proto;
    PacketDirection direction;
    gboolean established;     /* TCP: the 3-way handshake is complete (Suricata's
                                 flow:established); ignored for other protocols */
    gboolean app_layer_known; /* the flow's app-layer protocol detection is done
                                 (detected or given up) */
} UndecidedPacket;

typedef struct {
    gboolean drops;        /* the drop default drops it */
    gboolean alerts;       /* the alert default logs it */
    const char *signature; /* alert.signature NFW logs ("aws:alert_established action"),
                              NULL when nothing is logged (static string) */
    guint sid;             /* signature_id NFW logs, 0 when nothing is logged */
    gboolean sid_guessed;  /* TRUE unless seen in real logs (only aws:alert_established's
                              4 TCP, 3 UDP, 2 other are) */
} DefaultVerdict;

typedef struct {
    char *name;
    char *arn;
    char *file;
    gboolean from_json; /* FALSE: synthesised for bare rule files */
    RuleOrder order;
    GPtrArray *stateful_default_actions;  /* char* "aws:drop_established", ... as written */
    DefaultActions defaults;              /* the same, parsed once by policy_finish
                                             (both NONE in DEFAULT_ACTION_ORDER) */
    GPtrArray *stateless_default_actions; /* char* */
    GPtrArray *stateless_fragment_default_actions;
    GHashTable *variables; /* policy RuleVariables: name -> GPtrArray* of char* */
    char *stream_exception_policy;
    GPtrArray *refs; /* GroupRef* */
    /* Added by src/policy: */
    gboolean order_explicit;      /* StatefulEngineOptions.RuleOrder was given */
    int file_line;                /* line of the FirewallPolicy object in `file` */
    int tcp_idle_timeout;         /* FlowTimeouts.TcpIdleTimeoutSeconds, -1 if absent */
    char *tls_inspection_arn;     /* TLSInspectionConfigurationArn, NULL if absent */
    gboolean tls_session_holding; /* EnableTLSSessionHolding */
    GPtrArray *stateless_refs;    /* GroupRef*: StatelessRuleGroupReferences (group NULL) */
    char *description;
} PolicyInfo;

enum {
    CLI_VAR_FITS_ADDRESS = 1 << 0,
    CLI_VAR_FITS_PORT = 1 << 1,
};

typedef struct {
    PolicyInfo *info;               /* NULL when no policy JSON was given */
    GPtrArray *groups;              /* RuleGroup*, owned, in evaluation order of groups */
    GPtrArray *eval_order;          /* Rule*, borrowed: the whole policy in evaluation order
                                   (disabled rules excluded) */
    GPtrArray *findings;            /* Finding*, owned: problems found while loading */
    GHashTable *cli_vars;           /* --var NAME=VALUE: name -> char* */
    GHashTable *cli_var_fits;       /* name -> GUINT_TO_POINTER(CLI_VAR_FITS_* bits): whether
                                   the value parses as addresses / ports (computed once
                                   by policy_add_cli_var, not per lookup) */
    RuleOrder default_order;        /* --rule-order for bare .rules files */
    RuleParseOptions parse_options; /* --engine: which dialect judges the rules */
    int files_loaded;
    /* Added by src/policy: */
    RuleOrder order;         /* effective order of the whole policy (set by
                                   policy_finish): the policy JSON's RuleOrder;
                                   without one, the RuleOrder all JSON groups
                                   agree on, else default_order */
    GHashTable *var_text;    /* cache: name -> char* (policy-level values) */
    int next_file_priority;  /* priority given to the next bare rule group */
    int hcl_files_skipped;   /* Terraform HCL files met (not read) */
    GPtrArray *suppressions; /* Suppression*, owned: from Suppressions side files */
    gboolean finished;
} Policy;

Policy *policy_new(RuleOrder default_order);
void policy_free(Policy *policy);

/* --var NAME=VALUE (value in Suricata syntax, e.g. "[10.0.0.0/8]"). */
gboolean policy_add_cli_var(Policy *policy, const char *assignment, GError **error);

/* Load a file, a directory (recursively: every file, detected by content;
 * a directory that holds no input is a POLICY_ERROR_FORMAT error) or "-"
 * (standard input, named "<stdin>" in locations). */
gboolean policy_load_path(Policy *policy, const char *path, GError **error);

/* Load one input held in memory (what policy_load_path does per file);
 * `name` is used as the file name in locations and for bare rule groups. */
gboolean policy_load_text(Policy *policy, const char *name, const char *text, gsize len,
                          GError **error);

/* After all inputs: match policy refs to groups (ARN, then name), add
 * managed/missing placeholders, sort groups, build eval_order, resolve
 * variables and report what cannot be resolved. */
gboolean policy_finish(Policy *policy, GError **error);

/* Resolve a variable the way Network Firewall does: group IPSets/PortSets,
 * then policy variables, then --var, with HOME_NET and EXTERNAL_NET
 * defaults.  Returns the Suricata-syntax value (owned by the policy or
 * group), or NULL when undefined. */
const char *policy_lookup_var(const Policy *policy, const RuleGroup *group, const char *name,
                              gboolean is_port);

const char *rule_order_name(RuleOrder order); /* "STRICT_ORDER" */
const char *group_kind_name(GroupKind kind);

/* Domain lists and standard stateful rules become the exact rule text
 * Network Firewall generates (src/policy/domain_list.c, stateful_rules.c).
 * Return a newly allocated array of char* rule lines. */
GPtrArray *domain_list_expand(const DomainList *list, RuleOrder order);
void domain_list_free(DomainList *list);

/* Default actions (default_actions.c).  Parse the API values; problems
 * (unknown value, two drops, established mixed with app-layer) are added to
 * `problems` as char* messages naming the valid values.  Returns FALSE when
 * there was one; `out` holds what could be understood. */
gboolean default_actions_parse(const GPtrArray *values, DefaultActions *out, GPtrArray *problems);
/* "aws:drop_strict, aws:drop_established, ..." (static). */
const char *default_actions_valid_list(void);
gboolean default_action_from_string(const char *s, gboolean *is_alert, DefaultScope *scope);
/* "aws:drop_established" / "aws:alert_established" (static); NULL for NONE. */
const char *default_action_name(DefaultScope scope, gboolean alert);
/* Whether a default of this scope covers (drops, or alerts on) the packet. */
gboolean default_scope_covers(DefaultScope scope, const UndecidedPacket *packet);
/* What the policy's defaults do with one packet no rule decided. */
void default_actions_judge(const DefaultActions *defaults, const UndecidedPacket *packet,
                           DefaultVerdict *out);
/* Whether the drop default drops established server-to-client packets
 * (replies) of this protocol class that no rule passed. */
gboolean default_actions_drop_replies(const DefaultActions *defaults, ProtoClass proto);
const char *proto_class_name(ProtoClass proto); /* "TCP", "UDP", "ICMP", "other" */

/* Every suppression of the inputs: Suppressions files, then the comments
 * of each group (a new array; the Suppressions stay the policy's). */
GPtrArray *policy_suppressions(const Policy *policy);

/* TRUE when the loaded inputs hold a firewall policy or at least one rule
 * (enabled or disabled, stateless rules and domain-list targets count, and
 * so do rules that did not parse: they are findings of loading). */
gboolean policy_has_input(const Policy *policy);

/* Lookup helpers for later checks. */
RuleGroup *policy_find_group(const Policy *policy, const char *name);

/* The check ids that loading produces (into Policy.findings), NULL-
 * terminated: the loader is their one producer; lint and analyze runners
 * produce the rest of the catalogue. */
extern const char *const policy_check_ids[];

/* finding_set_rule() with the name of the rule's group (none for a rule
 * outside a group). */
void policy_finding_set_rule(Finding *finding, const Rule *rule);

#endif
