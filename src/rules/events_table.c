/*
 * events_table.c - the decoder and stream event names Suricata 7.0.10
 * knows, for decode-event / stream-event (names without the "decoder." /
 * "stream." prefix).  Taken from the suricata binary's event tables and
 * Suricata's shipped decoder/stream event rules, each checked with
 * suricata -T.
 */
#include <string.h>

#include "rules/parser_state.h"

static const char *const decoder_events[] = {
    "afpacket.trunc_pkt", "chdlc.pkt_too_small", "dce.pkt_too_small", "erspan.header_too_small",
    "erspan.too_many_vlan_layers", "erspan.unsupported_version", "esp.pkt_too_small",
    "ethernet.pkt_too_small", "geneve.unknown_payload_type", "gre.pkt_too_small",
    "gre.version0_flags", "gre.version0_hdr_too_big", "gre.version0_malformed_sre_hdr",
    "gre.version0_recur", "gre.version1_chksum", "gre.version1_flags",
    "gre.version1_hdr_too_big", "gre.version1_malformed_sre_hdr", "gre.version1_no_key",
    "gre.version1_recur", "gre.version1_route", "gre.version1_ssr",
    "gre.version1_wrong_protocol", "gre.wrong_version", "icmpv4.ipv4_trunc_pkt",
    "icmpv4.ipv4_unknown_ver", "icmpv4.pkt_too_small", "icmpv4.unknown_code",
    "icmpv4.unknown_type", "icmpv6.experimentation_type", "icmpv6.ipv6_trunc_pkt",
    "icmpv6.ipv6_unknown_version", "icmpv6.mld_message_with_invalid_hl", "icmpv6.pkt_too_small",
    "icmpv6.unassigned_type", "icmpv6.unknown_code", "icmpv6.unknown_type",
    "ieee8021ah.header_too_small", "ipraw.invalid_ip_version", "ipv4.frag_ignored",
    "ipv4.frag_overlap", "ipv4.frag_pkt_too_large", "ipv4.hlen_too_small", "ipv4.icmpv6",
    "ipv4.iplen_smaller_than_hlen", "ipv4.opt_duplicate", "ipv4.opt_eol_required",
    "ipv4.opt_invalid", "ipv4.opt_invalid_len", "ipv4.opt_malformed", "ipv4.opt_pad_required",
    "ipv4.opt_unknown", "ipv4.pkt_too_small", "ipv4.trunc_pkt", "ipv4.wrong_ip_version",
    "ipv6.data_after_none_header", "ipv6.dstopts_only_padding", "ipv6.dstopts_unknown_opt",
    "ipv6.exthdr_ah_res_not_null", "ipv6.exthdr_dupl_ah", "ipv6.exthdr_dupl_dh",
    "ipv6.exthdr_dupl_eh", "ipv6.exthdr_dupl_fh", "ipv6.exthdr_dupl_hh", "ipv6.exthdr_dupl_rh",
    "ipv6.exthdr_invalid_optlen", "ipv6.exthdr_useless_fh", "ipv6.fh_non_zero_reserved_field",
    "ipv6.frag_ignored", "ipv6.frag_invalid_length", "ipv6.frag_overlap",
    "ipv6.frag_pkt_too_large", "ipv6.hopopts_only_padding", "ipv6.hopopts_unknown_opt",
    "ipv6.icmpv4", "ipv6.ipv4_in_ipv6_too_small", "ipv6.ipv4_in_ipv6_wrong_version",
    "ipv6.ipv6_in_ipv6_too_small", "ipv6.ipv6_in_ipv6_wrong_version", "ipv6.pkt_too_small",
    "ipv6.rh_type_0", "ipv6.trunc_exthdr", "ipv6.trunc_pkt", "ipv6.unknown_next_header",
    "ipv6.wrong_ip_version", "ipv6.zero_len_padn", "ltnull.pkt_too_small",
    "ltnull.unsupported_type", "mpls.bad_label_implicit_null", "mpls.bad_label_reserved",
    "mpls.bad_label_router_alert", "mpls.header_too_small", "mpls.pkt_too_small",
    "mpls.unknown_payload_type", "nsh.bad_header_length", "nsh.header_too_small",
    "nsh.reserved_type", "nsh.unknown_payload", "nsh.unsupported_type",
    "nsh.unsupported_version", "ppp.ip4_pkt_too_small", "ppp.ip6_pkt_too_small",
    "ppp.pkt_too_small", "ppp.unsup_proto", "ppp.vju_pkt_too_small", "ppp.wrong_type",
    "pppoe.malformed_tags", "pppoe.pkt_too_small", "pppoe.wrong_code", "sctp.pkt_too_small",
    "sll.pkt_too_small", "tcp.hlen_too_small", "tcp.invalid_optlen", "tcp.opt_duplicate",
    "tcp.opt_invalid_len", "tcp.pkt_too_small", "too_many_layers", "udp.hlen_invalid",
    "udp.hlen_too_small", "udp.len_invalid", "udp.pkt_too_small", "vlan.header_too_small",
    "vlan.too_many_layers", "vlan.unknown_type", "vntag.header_too_small", "vntag.unknown_type",
    "vxlan.unknown_payload_type",
};

static const char *const stream_events[] = {
    "3whs_ack_data_inject", "3whs_ack_in_wrong_dir", "3whs_async_wrong_seq",
    "3whs_right_seq_wrong_ack_evasion", "3whs_syn_flood",
    "3whs_syn_resend_diff_seq_on_syn_recv", "3whs_syn_toclient_on_syn_recv",
    "3whs_synack_flood", "3whs_synack_in_wrong_direction", "3whs_synack_resend_with_diff_ack",
    "3whs_synack_resend_with_diff_seq", "3whs_synack_resend_with_different_ack",
    "3whs_synack_tfo_data_ignored", "3whs_synack_toserver_on_syn_recv",
    "3whs_synack_with_wrong_ack", "3whs_wrong_seq_wrong_ack", "4whs_invalid_ack",
    "4whs_synack_with_wrong_ack", "4whs_synack_with_wrong_syn", "4whs_wrong_seq",
    "closewait_ack_out_of_window", "closewait_fin_out_of_window", "closewait_invalid_ack",
    "closewait_pkt_before_last_ack", "closing_ack_wrong_seq", "closing_invalid_ack",
    "est_ack_zwp_data", "est_invalid_ack", "est_packet_out_of_window",
    "est_pkt_before_last_ack", "est_syn_resend", "est_syn_resend_diff_seq", "est_syn_toclient",
    "est_synack_resend", "est_synack_resend_with_diff_ack", "est_synack_resend_with_diff_seq",
    "est_synack_resend_with_different_ack", "est_synack_toserver", "fin1_ack_wrong_seq",
    "fin1_fin_wrong_seq", "fin1_invalid_ack", "fin2_ack_wrong_seq", "fin2_fin_wrong_seq",
    "fin2_invalid_ack", "fin_but_no_session", "fin_invalid_ack", "fin_out_of_window", "fin_syn",
    "lastack_ack_wrong_seq", "lastack_invalid_ack", "pkt_bad_window_update", "pkt_broken_ack",
    "pkt_invalid_ack", "pkt_invalid_timestamp", "pkt_retransmission",
    "pkt_spurious_retransmission", "reassembly_depth_reached", "reassembly_insert_invalid",
    "reassembly_insert_limit", "reassembly_insert_memcap", "reassembly_no_segment",
    "reassembly_overlap_different_data", "reassembly_segment_before_base_seq",
    "reassembly_seq_gap", "reassembly_urgent_oob_limit_reached", "rst_but_no_session",
    "rst_invalid_ack", "rst_with_data", "shutdown_syn_resend", "suspected_rst_inject",
    "timewait_ack_wrong_seq", "timewait_invalid_ack", "wrong_thread",
};

static gboolean
name_in(const char *const *names, gsize count, const char *name)
{
    for (gsize i = 0; i < count; i++)
        if (strcmp(names[i], name) == 0)
            return TRUE;
    return FALSE;
}

gboolean
rule_event_known(const char *keyword, const char *name)
{
    if (strcmp(keyword, "decode-event") == 0) {
        if (g_str_has_prefix(name, "decoder."))
            name += strlen("decoder.");
        return name_in(decoder_events, G_N_ELEMENTS(decoder_events), name);
    }
    if (strcmp(keyword, "stream-event") == 0) {
        if (g_str_has_prefix(name, "stream."))
            name += strlen("stream.");
        return name_in(stream_events, G_N_ELEMENTS(stream_events), name);
    }
    return TRUE; /* app-layer and engine events: names belong to each parser */
}
