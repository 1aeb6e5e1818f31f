/*
 * events_table.c - the event and frame names Suricata 7.0.10 knows, for
 * decode-event / engine-event / stream-event (DEvents, decode-events.c),
 * app-layer-event (each parser's event table: the C parsers' SCEnumCharMap
 * tables, matched without case, and the rust parsers' AppLayerEvent
 * enums, matched exactly, with names made as the derive macro makes them:
 * "MalformedData" is "malformed_data"), and frame (AppLayerFrameType enums,
 * "NBSSPdu" is "nbss.pdu", and the C tables of http1 and tls).  Generated
 * from the sources by a script; do not edit by hand.
 */
#include <string.h>

#include "rules/parser_state.h"

static const char *const decode_events[] = {
    "decoder.afpacket.trunc_pkt",
    "decoder.ipv4.pkt_too_small",
    "decoder.ipv4.hlen_too_small",
    "decoder.ipv4.iplen_smaller_than_hlen",
    "decoder.ipv4.trunc_pkt",
    "decoder.ipv4.opt_invalid",
    "decoder.ipv4.opt_invalid_len",
    "decoder.ipv4.opt_malformed",
    "decoder.ipv4.opt_pad_required",
    "decoder.ipv4.opt_eol_required",
    "decoder.ipv4.opt_duplicate",
    "decoder.ipv4.opt_unknown",
    "decoder.ipv4.wrong_ip_version",
    "decoder.ipv4.icmpv6",
    "decoder.icmpv4.pkt_too_small",
    "decoder.icmpv4.unknown_type",
    "decoder.icmpv4.unknown_code",
    "decoder.icmpv4.ipv4_trunc_pkt",
    "decoder.icmpv4.ipv4_unknown_ver",
    "decoder.icmpv6.unknown_type",
    "decoder.icmpv6.unknown_code",
    "decoder.icmpv6.pkt_too_small",
    "decoder.icmpv6.ipv6_unknown_version",
    "decoder.icmpv6.ipv6_trunc_pkt",
    "decoder.icmpv6.mld_message_with_invalid_hl",
    "decoder.icmpv6.unassigned_type",
    "decoder.icmpv6.experimentation_type",
    "decoder.ipv6.pkt_too_small",
    "decoder.ipv6.trunc_pkt",
    "decoder.ipv6.trunc_exthdr",
    "decoder.ipv6.exthdr_dupl_fh",
    "decoder.ipv6.exthdr_useless_fh",
    "decoder.ipv6.exthdr_dupl_rh",
    "decoder.ipv6.exthdr_dupl_hh",
    "decoder.ipv6.exthdr_dupl_dh",
    "decoder.ipv6.exthdr_dupl_ah",
    "decoder.ipv6.exthdr_dupl_eh",
    "decoder.ipv6.exthdr_invalid_optlen",
    "decoder.ipv6.wrong_ip_version",
    "decoder.ipv6.exthdr_ah_res_not_null",
    "decoder.ipv6.hopopts_unknown_opt",
    "decoder.ipv6.hopopts_only_padding",
    "decoder.ipv6.dstopts_unknown_opt",
    "decoder.ipv6.dstopts_only_padding",
    "decoder.ipv6.rh_type_0",
    "decoder.ipv6.zero_len_padn",
    "decoder.ipv6.fh_non_zero_reserved_field",
    "decoder.ipv6.data_after_none_header",
    "decoder.ipv6.unknown_next_header",
    "decoder.ipv6.icmpv4",
    "decoder.tcp.pkt_too_small",
    "decoder.tcp.hlen_too_small",
    "decoder.tcp.invalid_optlen",
    "decoder.tcp.opt_invalid_len",
    "decoder.tcp.opt_duplicate",
    "decoder.udp.pkt_too_small",
    "decoder.udp.hlen_too_small",
    "decoder.udp.hlen_invalid",
    "decoder.udp.len_invalid",
    "decoder.sll.pkt_too_small",
    "decoder.ethernet.pkt_too_small",
    "decoder.ppp.pkt_too_small",
    "decoder.ppp.vju_pkt_too_small",
    "decoder.ppp.ip4_pkt_too_small",
    "decoder.ppp.ip6_pkt_too_small",
    "decoder.ppp.wrong_type",
    "decoder.ppp.unsup_proto",
    "decoder.pppoe.pkt_too_small",
    "decoder.pppoe.wrong_code",
    "decoder.pppoe.malformed_tags",
    "decoder.gre.pkt_too_small",
    "decoder.gre.wrong_version",
    "decoder.gre.version0_recur",
    "decoder.gre.version0_flags",
    "decoder.gre.version0_hdr_too_big",
    "decoder.gre.version0_malformed_sre_hdr",
    "decoder.gre.version1_chksum",
    "decoder.gre.version1_route",
    "decoder.gre.version1_ssr",
    "decoder.gre.version1_recur",
    "decoder.gre.version1_flags",
    "decoder.gre.version1_no_key",
    "decoder.gre.version1_wrong_protocol",
    "decoder.gre.version1_malformed_sre_hdr",
    "decoder.gre.version1_hdr_too_big",
    "decoder.vlan.header_too_small",
    "decoder.vlan.unknown_type",
    "decoder.vlan.too_many_layers",
    "decoder.ieee8021ah.header_too_small",
    "decoder.vntag.header_too_small",
    "decoder.vntag.unknown_type",
    "decoder.ipraw.invalid_ip_version",
    "decoder.ltnull.pkt_too_small",
    "decoder.ltnull.unsupported_type",
    "decoder.sctp.pkt_too_small",
    "decoder.esp.pkt_too_small",
    "decoder.ipv4.frag_pkt_too_large",
    "decoder.ipv6.frag_pkt_too_large",
    "decoder.ipv4.frag_overlap",
    "decoder.ipv6.frag_overlap",
    "decoder.ipv6.frag_invalid_length",
    "decoder.ipv4.frag_ignored",
    "decoder.ipv6.frag_ignored",
    "decoder.ipv6.ipv4_in_ipv6_too_small",
    "decoder.ipv6.ipv4_in_ipv6_wrong_version",
    "decoder.ipv6.ipv6_in_ipv6_too_small",
    "decoder.ipv6.ipv6_in_ipv6_wrong_version",
    "decoder.mpls.header_too_small",
    "decoder.mpls.pkt_too_small",
    "decoder.mpls.bad_label_router_alert",
    "decoder.mpls.bad_label_implicit_null",
    "decoder.mpls.bad_label_reserved",
    "decoder.mpls.unknown_payload_type",
    "decoder.vxlan.unknown_payload_type",
    "decoder.geneve.unknown_payload_type",
    "decoder.erspan.header_too_small",
    "decoder.erspan.unsupported_version",
    "decoder.erspan.too_many_vlan_layers",
    "decoder.dce.pkt_too_small",
    "decoder.chdlc.pkt_too_small",
    "decoder.nsh.header_too_small",
    "decoder.nsh.unsupported_version",
    "decoder.nsh.bad_header_length",
    "decoder.nsh.reserved_type",
    "decoder.nsh.unsupported_type",
    "decoder.nsh.unknown_payload",
    "decoder.too_many_layers",
    "stream.3whs_ack_in_wrong_dir",
    "stream.3whs_async_wrong_seq",
    "stream.3whs_right_seq_wrong_ack_evasion",
    "stream.3whs_synack_in_wrong_direction",
    "stream.3whs_synack_resend_with_diff_ack",
    "stream.3whs_synack_resend_with_diff_seq",
    "stream.3whs_synack_toserver_on_syn_recv",
    "stream.3whs_synack_with_wrong_ack",
    "stream.3whs_synack_flood",
    "stream.3whs_synack_tfo_data_ignored",
    "stream.3whs_syn_resend_diff_seq_on_syn_recv",
    "stream.3whs_syn_toclient_on_syn_recv",
    "stream.3whs_syn_flood",
    "stream.3whs_wrong_seq_wrong_ack",
    "stream.3whs_ack_data_inject",
    "stream.4whs_synack_with_wrong_ack",
    "stream.4whs_synack_with_wrong_syn",
    "stream.4whs_wrong_seq",
    "stream.4whs_invalid_ack",
    "stream.closewait_ack_out_of_window",
    "stream.closewait_fin_out_of_window",
    "stream.closewait_pkt_before_last_ack",
    "stream.closewait_invalid_ack",
    "stream.closing_ack_wrong_seq",
    "stream.closing_invalid_ack",
    "stream.est_packet_out_of_window",
    "stream.est_pkt_before_last_ack",
    "stream.est_synack_resend",
    "stream.est_synack_resend_with_diff_ack",
    "stream.est_synack_resend_with_diff_seq",
    "stream.est_synack_toserver",
    "stream.est_syn_resend",
    "stream.est_syn_resend_diff_seq",
    "stream.est_syn_toclient",
    "stream.est_invalid_ack",
    "stream.est_ack_zwp_data",
    "stream.fin_invalid_ack",
    "stream.fin1_ack_wrong_seq",
    "stream.fin1_fin_wrong_seq",
    "stream.fin1_invalid_ack",
    "stream.fin2_ack_wrong_seq",
    "stream.fin2_fin_wrong_seq",
    "stream.fin2_invalid_ack",
    "stream.fin_but_no_session",
    "stream.fin_out_of_window",
    "stream.fin_syn",
    "stream.lastack_ack_wrong_seq",
    "stream.lastack_invalid_ack",
    "stream.rst_but_no_session",
    "stream.timewait_ack_wrong_seq",
    "stream.timewait_invalid_ack",
    "stream.shutdown_syn_resend",
    "stream.pkt_invalid_timestamp",
    "stream.pkt_invalid_ack",
    "stream.pkt_broken_ack",
    "stream.rst_invalid_ack",
    "stream.rst_with_data",
    "stream.pkt_retransmission",
    "stream.pkt_spurious_retransmission",
    "stream.pkt_bad_window_update",
    "stream.suspected_rst_inject",
    "stream.wrong_thread",
    "stream.reassembly_segment_before_base_seq",
    "stream.reassembly_no_segment",
    "stream.reassembly_seq_gap",
    "stream.reassembly_overlap_different_data",
    "stream.reassembly_depth_reached",
    "stream.reassembly_insert_memcap",
    "stream.reassembly_insert_limit",
    "stream.reassembly_insert_invalid",
    "stream.reassembly_urgent_oob_limit_reached",
    NULL,
};

static const char *const pkt_events[] = {
    "APPLAYER_MISMATCH_PROTOCOL_BOTH_DIRECTIONS",
    "APPLAYER_WRONG_DIRECTION_FIRST_DATA",
    "APPLAYER_DETECT_PROTOCOL_ONLY_ONE_DIRECTION",
    "APPLAYER_PROTO_DETECTION_SKIPPED",
    "APPLAYER_NO_TLS_AFTER_STARTTLS",
    "APPLAYER_UNEXPECTED_PROTOCOL",
    NULL,
};

static const char *const file_events[] = {
    "NO_MEMORY",          "INVALID_SWF_LENGTH",  "INVALID_SWF_VERSION",
    "Z_DATA_ERROR",       "Z_STREAM_ERROR",      "Z_BUF_ERROR",
    "Z_UNKNOWN_ERROR",    "LZMA_IO_ERROR",       "LZMA_HEADER_TOO_SHORT_ERROR",
    "LZMA_DECODER_ERROR", "LZMA_MEMLIMIT_ERROR", "LZMA_XZ_ERROR",
    "LZMA_UNKNOWN_ERROR", "TOO_MANY_BUFFERS",    NULL,
};

static const char *const events_0[] = {
    "too_many_transactions",
    NULL,
};

static const char *const events_1[] = {
    "malformed_packet",
    NULL,
};

static const char *const events_2[] = {
    "truncated_options",
    "malformed_options",
    NULL,
};

static const char *const events_3[] = {
    "malformed_data", "not_request",   "not_response",    "z_flag_set", "invalid_opcode",
    "name_too_long",  "infinite_loop", "too_many_labels", NULL,
};

static const char *const events_4[] = {
    "request_command_too_long",
    "response_command_too_long",
    NULL,
};

static const char *const events_5[] = {
    "invalid_frame_header",
    "invalid_client_magic",
    "invalid_frame_data",
    "invalid_header",
    "invalid_frame_length",
    "extra_header_data",
    "long_frame_data",
    "stream_id_reuse",
    "invalid_http1_settings",
    "failed_decompression",
    "invalid_range",
    "header_integer_overflow",
    "too_many_streams",
    "authority_host_mismatch",
    "userinfo_in_uri",
    "reassembly_limit_reached",
    NULL,
};

static const char *const events_6[] = {
    "malformed_data",
    "no_encryption",
    "weak_crypto_enc",
    "weak_crypto_prf",
    "weak_crypto_dh",
    "weak_crypto_auth",
    "weak_crypto_no_dh",
    "weak_crypto_no_auth",
    "invalid_proposal",
    "unknown_proposal",
    "payload_extra_data",
    "multiple_server_proposal",
    NULL,
};

static const char *const events_7[] = {
    "malformed_data",
    "weak_encryption",
    NULL,
};

static const char *const events_8[] = {
    "unsolicited_response",
    "invalid_function_code",
    "invalid_length",
    "invalid_value",
    "invalid_exception_code",
    "value_mismatch",
    "flooded",
    "invalid_protocol_id",
    NULL,
};

static const char *const events_9[] = {
    "missing_connect",     "missing_publish",       "missing_subscribe", "missing_unsubscribe",
    "double_connect",      "unintroduced_message",  "invalid_qos_level", "missing_msg_id",
    "unassigned_msg_type", "too_many_transactions", "malformed_traffic", NULL,
};

static const char *const events_10[] = {
    "malformed_data", "non_existing_version", "unsupported_version", "too_many_transactions", NULL,
};

static const char *const events_11[] = {
    "unsolicited_response", "malformed_data", "not_request", "not_response", NULL,
};

static const char *const events_12[] = {
    "failed_decrypt", "error_on_data", "error_on_header", "crypto_frag_too_long", NULL,
};

static const char *const events_13[] = {
    "unimplemented_security_type",
    "unknown_security_result",
    "malformed_message",
    "confused_state",
    NULL,
};

static const char *const events_14[] = {
    "incomplete_data",
    "invalid_data",
    NULL,
};

static const char *const events_15[] = {
    "internal_error",
    "malformed_data",
    "record_overflow",
    "malformed_ntlmssp_request",
    "malformed_ntlmssp_response",
    "duplicate_negotiate",
    "negotiate_malformed_dialects",
    "file_overlap",
    "request_to_client",
    "response_to_server",
    "negotiate_max_read_size_too_large",
    "negotiate_max_write_size_too_large",
    "read_request_too_large",
    "read_response_too_large",
    "read_queue_size_exceeded",
    "read_queue_cnt_exceeded",
    "write_request_too_large",
    "write_queue_size_exceeded",
    "write_queue_cnt_exceeded",
    "unusual_ntlmssp_order",
    "too_many_transactions",
    NULL,
};

static const char *const events_16[] = {
    "malformed_data",
    "unknown_security_model",
    "version_mismatch",
    NULL,
};

static const char *const events_17[] = {
    "invalid_banner", "long_banner", "invalid_record", "long_kex_record", NULL,
};

static const char *const events_18[] = {
    NULL,
};

static const char *const events_19[] = {
    "UNKNOWN_ERROR",
    "GZIP_DECOMPRESSION_FAILED",
    "REQUEST_FIELD_MISSING_COLON",
    "RESPONSE_FIELD_MISSING_COLON",
    "INVALID_REQUEST_CHUNK_LEN",
    "INVALID_RESPONSE_CHUNK_LEN",
    "INVALID_TRANSFER_ENCODING_VALUE_IN_REQUEST",
    "INVALID_TRANSFER_ENCODING_VALUE_IN_RESPONSE",
    "INVALID_CONTENT_LENGTH_FIELD_IN_REQUEST",
    "INVALID_CONTENT_LENGTH_FIELD_IN_RESPONSE",
    "DUPLICATE_CONTENT_LENGTH_FIELD_IN_REQUEST",
    "DUPLICATE_CONTENT_LENGTH_FIELD_IN_RESPONSE",
    "100_CONTINUE_ALREADY_SEEN",
    "UNABLE_TO_MATCH_RESPONSE_TO_REQUEST",
    "INVALID_SERVER_PORT_IN_REQUEST",
    "INVALID_AUTHORITY_PORT",
    "REQUEST_HEADER_INVALID",
    "RESPONSE_HEADER_INVALID",
    "MISSING_HOST_HEADER",
    "HOST_HEADER_AMBIGUOUS",
    "INVALID_REQUEST_FIELD_FOLDING",
    "INVALID_RESPONSE_FIELD_FOLDING",
    "REQUEST_FIELD_TOO_LONG",
    "RESPONSE_FIELD_TOO_LONG",
    "FILE_NAME_TOO_LONG",
    "REQUEST_LINE_INVALID",
    "REQUEST_BODY_UNEXPECTED",
    "REQUEST_SERVER_PORT_TCP_PORT_MISMATCH",
    "REQUEST_URI_HOST_INVALID",
    "REQUEST_HEADER_HOST_INVALID",
    "REQUEST_AUTH_UNRECOGNIZED",
    "REQUEST_HEADER_REPETITION",
    "RESPONSE_HEADER_REPETITION",
    "DOUBLE_ENCODED_URI",
    "URI_DELIM_NON_COMPLIANT",
    "METHOD_DELIM_NON_COMPLIANT",
    "REQUEST_LINE_LEADING_WHITESPACE",
    "TOO_MANY_ENCODING_LAYERS",
    "ABNORMAL_CE_HEADER",
    "RESPONSE_MULTIPART_BYTERANGES",
    "RESPONSE_ABNORMAL_TRANSFER_ENCODING",
    "RESPONSE_CHUNKED_OLD_PROTO",
    "RESPONSE_INVALID_PROTOCOL",
    "RESPONSE_INVALID_STATUS",
    "REQUEST_LINE_INCOMPLETE",
    "LZMA_MEMLIMIT_REACHED",
    "COMPRESSION_BOMB",
    "RANGE_INVALID",
    "REQUEST_CHUNK_EXTENSION",
    "REQUEST_TOO_MANY_HEADERS",
    "RESPONSE_TOO_MANY_HEADERS",
    "MULTIPART_GENERIC_ERROR",
    "MULTIPART_NO_FILEDATA",
    "MULTIPART_INVALID_HEADER",
    "TOO_MANY_WARNINGS",
    "FAILED_PROTOCOL_CHANGE",
    NULL,
};

static const char *const events_20[] = {
    "INVALID_REPLY",
    "UNABLE_TO_MATCH_REPLY_WITH_REQUEST",
    "MAX_COMMAND_LINE_LEN_EXCEEDED",
    "MAX_REPLY_LINE_LEN_EXCEEDED",
    "INVALID_PIPELINED_SEQUENCE",
    "BDAT_CHUNK_LEN_EXCEEDED",
    "NO_SERVER_WELCOME_MESSAGE",
    "TLS_REJECTED",
    "DATA_COMMAND_REJECTED",
    "FAILED_PROTOCOL_CHANGE",
    "MIME_PARSE_FAILED",
    "MIME_MALFORMED_MSG",
    "MIME_INVALID_BASE64",
    "MIME_INVALID_QP",
    "MIME_LONG_LINE",
    "MIME_LONG_ENC_LINE",
    "MIME_LONG_HEADER_NAME",
    "MIME_LONG_HEADER_VALUE",
    "MIME_LONG_BOUNDARY",
    "MIME_LONG_FILENAME",
    "DUPLICATE_FIELDS",
    "UNPARSABLE_CONTENT",
    "TRUNCATED_LINE",
    NULL,
};

static const char *const events_21[] = {
    "INVALID_SSLV2_HEADER",
    "INVALID_TLS_HEADER",
    "INVALID_RECORD_VERSION",
    "INVALID_RECORD_TYPE",
    "INVALID_RECORD_LENGTH",
    "INVALID_HANDSHAKE_MESSAGE",
    "HEARTBEAT_MESSAGE",
    "INVALID_HEARTBEAT_MESSAGE",
    "OVERFLOW_HEARTBEAT_MESSAGE",
    "DATALEAK_HEARTBEAT_MISMATCH",
    "HANDSHAKE_INVALID_LENGTH",
    "MULTIPLE_SNI_EXTENSIONS",
    "INVALID_SNI_TYPE",
    "INVALID_SNI_LENGTH",
    "TOO_MANY_RECORDS_IN_PACKET",
    "INVALID_CERTIFICATE",
    "CERTIFICATE_INVALID_LENGTH",
    "CERTIFICATE_INVALID_VERSION",
    "CERTIFICATE_INVALID_SERIAL",
    "CERTIFICATE_INVALID_ALGORITHMIDENTIFIER",
    "CERTIFICATE_INVALID_X509NAME",
    "CERTIFICATE_INVALID_DATE",
    "CERTIFICATE_INVALID_EXTENSIONS",
    "CERTIFICATE_INVALID_DER",
    "CERTIFICATE_INVALID_SUBJECT",
    "CERTIFICATE_INVALID_ISSUER",
    "CERTIFICATE_INVALID_VALIDITY",
    "ERROR_MESSAGE_ENCOUNTERED",
    "INVALID_SSL_RECORD",
    NULL,
};

static const char *const events_22[] = {
    "FLOODED",   "LEN_TOO_SMALL",  "BAD_LINK_CRC", "BAD_TRANSPORT_CRC",
    "MALFORMED", "UNKNOWN_OBJECT", NULL,
};

static const char *const frames_0[] = {
    "pdu",
    NULL,
};

static const char *const frames_1[] = {
    "pdu",
    "header",
    "data",
    NULL,
};

static const char *const frames_2[] = {
    "rpc.pdu",  "rpc.hdr",  "rpc.data", "rpc.creds",   "nfs.pdu", "nfs.status",
    "nfs4.pdu", "nfs4.hdr", "nfs4.ops", "nfs4.status", NULL,
};

static const char *const frames_3[] = {
    "pdu",
    NULL,
};

static const char *const frames_4[] = {
    "pdu",
    "request.line",
    "response.line",
    "request.headers",
    "response.headers",
    "request.body",
    "response.body",
    NULL,
};

static const char *const frames_5[] = {
    "nbss.pdu", "nbss.hdr",  "nbss.data", "smb1.pdu", "smb1.hdr",  "smb1.data", "smb2.pdu",
    "smb2.hdr", "smb2.data", "smb3.pdu",  "smb3.hdr", "smb3.data", NULL,
};

static const char *const frames_6[] = {
    "pdu",
    "ctl",
    "data",
    NULL,
};

static const char *const frames_7[] = {
    "request",
    "response",
    NULL,
};

static const char *const frames_8[] = {
    "pdu", "hdr", "data", "alert", "heartbeat", "ssl2.hdr", "ssl2.pdu", NULL,
};

typedef struct {
    AppProto alproto;
    gboolean exact; /* rust: exact match; C tables: any case */
    const char *const *names;
} NameTable;

static const NameTable event_tables[] = {
    { ALPROTO_TEMPLATE, TRUE, events_0 }, { ALPROTO_BITTORRENT_DHT, TRUE, events_1 },
    { ALPROTO_DHCP, TRUE, events_2 },     { ALPROTO_DNS, TRUE, events_3 },
    { ALPROTO_FTP, TRUE, events_4 },      { ALPROTO_HTTP2, TRUE, events_5 },
    { ALPROTO_IKE, TRUE, events_6 },      { ALPROTO_KRB5, TRUE, events_7 },
    { ALPROTO_MODBUS, TRUE, events_8 },   { ALPROTO_MQTT, TRUE, events_9 },
    { ALPROTO_NFS, TRUE, events_10 },     { ALPROTO_NTP, TRUE, events_11 },
    { ALPROTO_QUIC, TRUE, events_12 },    { ALPROTO_RFB, TRUE, events_13 },
    { ALPROTO_SIP, TRUE, events_14 },     { ALPROTO_SMB, TRUE, events_15 },
    { ALPROTO_SNMP, TRUE, events_16 },    { ALPROTO_SSH, TRUE, events_17 },
    { ALPROTO_TELNET, TRUE, events_18 },  { ALPROTO_HTTP1, FALSE, events_19 },
    { ALPROTO_SMTP, FALSE, events_20 },   { ALPROTO_TLS, FALSE, events_21 },
    { ALPROTO_DNP3, FALSE, events_22 },
};

static const NameTable frame_tables[] = {
    { ALPROTO_DNS, TRUE, frames_0 },    { ALPROTO_MQTT, TRUE, frames_1 },
    { ALPROTO_NFS, TRUE, frames_2 },    { ALPROTO_RFB, TRUE, frames_3 },
    { ALPROTO_SIP, TRUE, frames_4 },    { ALPROTO_SMB, TRUE, frames_5 },
    { ALPROTO_TELNET, TRUE, frames_6 }, { ALPROTO_HTTP1, FALSE, frames_7 },
    { ALPROTO_TLS, FALSE, frames_8 },
};

static gboolean
in_names(const char *const *names, gboolean exact, const char *name)
{
    for (; *names; names++)
        if (exact ? strcmp(*names, name) == 0 : g_ascii_strcasecmp(*names, name) == 0)
            return TRUE;
    return FALSE;
}

gboolean
rule_event_known(const char *name)
{
    return in_names(decode_events, FALSE, name);
}

gboolean
rule_pkt_event_known(const char *name)
{
    return in_names(pkt_events, FALSE, name);
}

int
rule_app_event_known(AppProto alproto, const char *name)
{
    if (alproto == ALPROTO_UNKNOWN) /* "file.": the detection engine's own events */
        return in_names(file_events, FALSE, name);
    for (gsize i = 0; i < G_N_ELEMENTS(event_tables); i++)
        if (event_tables[i].alproto == alproto)
            return in_names(event_tables[i].names, event_tables[i].exact, name) ? 1 : 0;
    return -1;
}

gboolean
rule_frame_known(AppProto alproto, gboolean udp, const char *name)
{
    /* AppLayerParserRegisterGetFrameFuncs is called per IP protocol: DNS
     * and NFS have frames on both, SIP on UDP only, the rest on TCP only. */
    gboolean both = alproto == ALPROTO_DNS || alproto == ALPROTO_NFS;
    if (!both && udp != (alproto == ALPROTO_SIP))
        return FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS(frame_tables); i++)
        if (frame_tables[i].alproto == alproto)
            return in_names(frame_tables[i].names, frame_tables[i].exact, name);
    return FALSE;
}
