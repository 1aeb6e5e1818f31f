/*
 * checks.c - the check registry (checks.h).  One entry per check id: the
 * default severity, a one-line summary (--list-checks) and the help text
 * (SARIF rule help, man page).  Semantics: docs/checks.md.
 */
#include "findings/checks.h"

#include <string.h>

static const CheckInfo check_entries[] = {
    /* Static checks: rules and policy. */
    { "syntax", SEVERITY_ERROR, CHECK_KIND_STATIC, "a rule or input cannot be parsed",
      "Suricata 7 would reject the rule (or the input is malformed). The message says what "
      "was expected at file:line:column." },
    { "unknown-keyword", SEVERITY_ERROR, CHECK_KIND_STATIC,
      "an option keyword Suricata 7 does not know",
      "Suricata 7 rejects rules with unknown keywords. Check the spelling against the "
      "Suricata 7 keyword list (suricata --list-keywords)." },
    { "invalid-option", SEVERITY_ERROR, CHECK_KIND_STATIC,
      "a known keyword with a value Suricata 7 rejects",
      "The keyword exists but its value or its position is invalid (bad flow combination, "
      "pcre that PCRE2 rejects, bad content hex, modifier without content, sticky buffer "
      "misuse, conflicting protocols)." },
    { "undefined-variable", SEVERITY_ERROR, CHECK_KIND_STATIC,
      "a rule uses a $VARIABLE that nothing defines",
      "Suricata rejects every rule that uses it. Reported once per variable with the number "
      "of rules; define it with --var NAME=VALUE, in the rule group's IPSets or PortSets, or "
      "in the policy's RuleVariables." },
    { "rule-skipped", SEVERITY_WARNING, CHECK_KIND_STATIC,
      "a rule Suricata 7 accepts but loads nothing for",
      "Suricata skips the rule without an error: a requires option it does not meet, or an "
      "app-layer-event its protocol does not have. The rule never matches; fix the event name "
      "or the requirement, or remove the rule." },
    { "nfw-unsupported", SEVERITY_ERROR, CHECK_KIND_STATIC,
      "valid Suricata that Network Firewall rejects or does not support",
      "Network Firewall does not support datasets, IP reputation, Lua, file extraction, "
      "thresholding, ENIP/CIP and IKEv2 keywords, actions other than pass, drop, reject and "
      "alert, reject on ip/udp/icmp, pcre without content/tls.sni/http.host/dns.query, or rules "
      "longer than 8,192 characters (AWS Network Firewall Developer Guide, Suricata "
      "limitations and quotas)." },
    { "duplicate-sid", SEVERITY_ERROR, CHECK_KIND_STATIC, "two rules of one rule group share a sid",
      "Network Firewall enforces unique sids within a rule group and Suricata drops the "
      "duplicate. Give each rule its own sid." },
    { "cross-group-sid", SEVERITY_WARNING, CHECK_KIND_STATIC,
      "a sid repeats across rule groups of one policy",
      "Network Firewall accepts it, but alert logs carry only the sid: which group's rule "
      "fired becomes ambiguous. Use a distinct sid range per rule group." },
    { "priority-keyword-strict", SEVERITY_ERROR, CHECK_KIND_STATIC,
      "the priority keyword inside a STRICT_ORDER rule group",
      "Strict-order rule groups evaluate rules in the order written; Network Firewall "
      "rejects the priority keyword there. Remove it and order the rules instead." },
    { "capacity", SEVERITY_ERROR, CHECK_KIND_STATIC,
      "a group or policy over Network Firewall's capacity or length limits",
      "A stateful rule group holds at most 30,000 rules (its declared Capacity may be lower), "
      "a policy 30,000 by default (up to 50,000), a RulesString 2,000,000 bytes, and a rule "
      "8,192 characters after variable expansion." },
    { "missing-group", SEVERITY_WARNING, CHECK_KIND_STATIC,
      "the policy references a rule group that was not loaded",
      "Its rules cannot be checked and alerts from it cannot be mapped. Pass the group's "
      "describe-rule-group JSON (or .rules file named like the group) with the policy." },
    { "unreferenced-group", SEVERITY_NOTE, CHECK_KIND_STATIC,
      "a loaded rule group is not referenced by the policy",
      "The group was loaded but the policy does not use it: it is evaluated after the "
      "policy's groups here, and not at all on the firewall." },
    { "iac-unresolved", SEVERITY_NOTE, CHECK_KIND_STATIC,
      "a template or plan value not known before deploy",
      "A CloudFormation template or Terraform plan refers to a value only the deployment knows "
      "(Ref to a parameter without a Default, Fn::ImportValue, Fn::If, a value a plan shows as "
      "known after apply, a ${...} interpolation). It is left out, or kept as written, and "
      "the rules are checked without it; a parameter's Default, when there is one, is used "
      "and named." },
    { "suppression-expired", SEVERITY_WARNING, CHECK_KIND_STATIC,
      "a suppression whose date has passed",
      "A '# nfw-advisor: ignore CHECK until YYYY-MM-DD reason' comment or a Suppressions entry "
      "expired: the findings it covered are reported and counted again. Fix them, or renew "
      "the suppression with a new date and reason." },
    { "pass-without-alert", SEVERITY_WARNING, CHECK_KIND_STATIC, "a pass rule that logs nothing",
      "In strict order a pass rule logs nothing unless it has the alert keyword or an alert "
      "rule with the same match comes before it. Traffic it allows never appears in logs. "
      "Add the alert twin (the fix) right before it." },
    { "alert-twin-after-pass", SEVERITY_WARNING, CHECK_KIND_STATIC,
      "the alert twin sits after its pass rule",
      "The pass rule stops evaluation of the flow, so the alert placed after it never fires. "
      "Move the alert rule before the pass rule." },
    { "shadowed-rule", SEVERITY_WARNING, CHECK_KIND_STATIC,
      "an earlier terminal rule matches everything this rule matches",
      "In evaluation order an earlier pass, drop or reject rule decides every packet this rule "
      "could match, so this rule never decides anything. An error when the actions conflict "
      "(a pass above a drop)." },
    { "redundant-rule", SEVERITY_NOTE, CHECK_KIND_STATIC,
      "shadowed by an earlier rule with the same action",
      "The rule can be deleted without changing what the firewall does." },
    { "broad-pass", SEVERITY_WARNING, CHECK_KIND_STATIC,
      "a pass rule that matches all traffic of a protocol",
      "A pass rule with any/any addresses and ports and no content ahead of other rules lets "
      "everything of its protocol through unlogged." },
    { "pass-tcp-before-app-drop", SEVERITY_WARNING, CHECK_KIND_STATIC,
      "a pass tcp/ip rule without flow:to_server precedes an app-layer drop",
      "IP and TCP rules decide on the first packet, before the app-layer protocol is known: "
      "the pass wins and the later app-layer drop or reject never sees the flow. Add "
      "flow:to_server (or established) to the pass rule." },
    { "connectionless-established", SEVERITY_WARNING, CHECK_KIND_STATIC,
      "flow:established on a UDP/ICMP drop or reject",
      "The first packet of a connectionless flow is never established, so the rule misses it." },
    { "no-default-drop", SEVERITY_WARNING, CHECK_KIND_STATIC,
      "strict-order policy without a drop default action",
      "Traffic that no rule handles is allowed. Use aws:drop_established with "
      "aws:alert_established." },
    { "drop-strict-app-layer", SEVERITY_ERROR, CHECK_KIND_STATIC,
      "aws:drop_strict with rules that match app-layer fields",
      "drop_strict drops the TCP handshake before the app-layer protocol is known, so rules "
      "and domain lists on TLS SNI or HTTP host never match. Use aws:drop_established." },
    { "default-action-invalid", SEVERITY_ERROR, CHECK_KIND_STATIC,
      "StatefulDefaultActions that Network Firewall refuses",
      "An unknown value, more than one drop (or alert) default, an \"established\" default "
      "combined with an \"application layer\" one, or default actions in a "
      "DEFAULT_ACTION_ORDER policy: the API rejects the policy. The message lists the valid "
      "values: aws:drop_strict, aws:drop_established, aws:drop_established_app_layer, "
      "aws:drop_established_app_layer_to_server and their aws:alert_* twins." },
    { "silent-default-drop", SEVERITY_WARNING, CHECK_KIND_STATIC,
      "a drop default action without its alert twin",
      "Network Firewall generates the default drop with noalert: default drops are invisible "
      "in logs. Add the matching aws:alert_* default action." },
    { "action-order-policy", SEVERITY_NOTE, CHECK_KIND_STATIC,
      "the policy uses DEFAULT_ACTION_ORDER",
      "In action order pass rules win regardless of position and alert twins cannot log "
      "allowed traffic. STRICT_ORDER is recommended." },
    { "rule-order-mismatch", SEVERITY_ERROR, CHECK_KIND_STATIC,
      "a rule group's RuleOrder differs from the policy's",
      "Network Firewall refuses to attach a rule group whose StatefulRuleOptions.RuleOrder "
      "differs from the policy's StatefulEngineOptions.RuleOrder." },
    { "stateless-not-forwarding", SEVERITY_WARNING, CHECK_KIND_STATIC,
      "stateless default actions do not forward to the stateful engine",
      "Traffic passed or dropped by the stateless engine bypasses stateful rules and is never "
      "logged. Use aws:forward_to_sfe." },
    { "home-net-override", SEVERITY_WARNING, CHECK_KIND_STATIC,
      "HOME_NET overridden inside a rule group",
      "EXTERNAL_NET is computed from the policy-level HOME_NET only; a group-level override "
      "does not change it. Or: domain lists rely on the default VPC-only HOME_NET." },
    { "flowbits-unset", SEVERITY_WARNING, CHECK_KIND_STATIC,
      "a flowbit is checked but never set, or set but never checked",
      "A rule checking a flowbit nobody sets never matches (Suricata 7 warns about it)." },
    /* Log checks: rules plus alert/flow logs. */
    { "unused-rule", SEVERITY_NOTE, CHECK_KIND_LOGS,
      "a logging rule with no hit in the whole log window",
      "A rule that logs (alert, drop, reject, pass with the alert keyword) had no alert in "
      "the whole log window. The window length is in the message: a short window proves "
      "little. Remove the rule or confirm it guards something rare." },
    { "unobservable-rule", SEVERITY_NOTE, CHECK_KIND_LOGS,
      "a rule whose hits can never appear in logs",
      "A pass rule without the alert keyword or an alert twin right before it, or a rule "
      "with noalert, never appears in alert logs: whether it is used cannot be told from "
      "logs. Add an alert twin (lint's pass-without-alert fix) to measure it." },
    { "noisy-rule", SEVERITY_WARNING, CHECK_KIND_LOGS,
      "a rule producing a large share or a high rate of alerts",
      "The rule produces a large share or a high rate of all alerts (thresholds --noisy-"
      "share, --noisy-rate, --noisy-min-hits). The message gives hits, share, rate per "
      "hour, distinct sources and destinations, top talkers and a tuning suggestion: narrow"
      " the header, or an alert+pass pair for known-good traffic. Network Firewall does not"
      " support threshold or suppress." },
    { "default-drop-traffic", SEVERITY_WARNING, CHECK_KIND_LOGS,
      "traffic dropped or alerted only by a default action",
      "Traffic decided by a stateful default action (aws:alert_* action alerts), grouped by"
      " source network (HOME_NET or /24), destination (SNI, HTTP host or address), port and"
      " protocol. Each group comes with the strict-order alert+pass pair (flow:to_server, "
      "free sids) that would allow it: accept it only for legitimate traffic." },
    { "unknown-sid", SEVERITY_WARNING, CHECK_KIND_LOGS,
      "alerts whose signature matches no loaded rule",
      "Alerts whose (sid, msg) matches no loaded rule and no referenced managed group: a "
      "stale deployment, another rule set, or a rule group missing from --rules." },
    { "ambiguous-sid", SEVERITY_WARNING, CHECK_KIND_LOGS,
      "alerts that could belong to several loaded rules",
      "An alert's (sid, msg) fits several loaded rules that protocol, ports and domain do "
      "not tell apart; its hits are counted for each. Give every rule group its own sid "
      "range." },
    { "rev-mismatch", SEVERITY_NOTE, CHECK_KIND_LOGS,
      "the logs show another rev than the loaded rule",
      "The logs show another rev than the loaded rule: they were written by another version"
      " of the rule, so counts may not describe the current text." },
    { "alert-mode-ready", SEVERITY_NOTE, CHECK_KIND_LOGS,
      "an alert-mode rule that would have blocked nothing legitimate",
      "An alert rule (not the logging twin of a pass rule), or a signature of a managed "
      "group run with DROP_TO_ALERT, alerted for only a few sources: once they are "
      "confirmed not legitimate, switching it to drop breaks nothing seen in the window." },
    { "alert-mode-review", SEVERITY_WARNING, CHECK_KIND_LOGS,
      "an alert-mode rule whose switch to drop would break traffic",
      "An alert-mode rule or DROP_TO_ALERT managed signature alerted for many sources "
      "(--review-sources): switching it to drop would block all of them. The message shows "
      "the evidence (sources, top talkers, destinations)." },
    { "nat-masked-sources", SEVERITY_NOTE, CHECK_KIND_LOGS,
      "nearly all alert sources are one or two addresses outside HOME_NET",
      "Nearly all alerts (--nat-share) come from one or two addresses outside HOME_NET: the"
      " firewall sees traffic after a NAT gateway, so per-source figures (talkers, distinct"
      " sources) say nothing about clients. Inspect before the NAT or set HOME_NET." },
    { "silent-flows", SEVERITY_NOTE, CHECK_KIND_LOGS, "flows that no alert explains",
      "Flows present in the flow logs (netflow, joined by flow_id) for which no alert was "
      "logged: allowed silently by pass rules without alert twins, or not covered by an "
      "alert default action. Above 2,097,152 distinct flows a uniform sample is kept (the "
      "flows whose id hashes lowest): the figures are then of the sample, and the netflow "
      "records of the other flows are counted as not checked." },
};

const CheckInfo *
check_table(gsize *count)
{
    *count = G_N_ELEMENTS(check_entries);
    return check_entries;
}

const CheckInfo *
check_lookup(const char *id)
{
    for (gsize i = 0; i < G_N_ELEMENTS(check_entries); i++)
        if (strcmp(check_entries[i].id, id) == 0)
            return &check_entries[i];
    return NULL;
}

gboolean
check_any_enabled(const char *const *ids, GHashTable *disabled)
{
    if (disabled == NULL)
        return TRUE;
    for (const char *const *id = ids; *id; id++)
        if (!g_hash_table_contains(disabled, *id))
            return TRUE;
    return FALSE;
}
