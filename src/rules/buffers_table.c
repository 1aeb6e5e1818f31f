/*
 * buffers_table.c - the buffer types Suricata 7.0.10 registers
 * (DetectBufferTypeRegister and friends in src/detect-*.c): for each, whether
 * it is a packet buffer, supports mpm (and so transforms) and several
 * instances per rule, its validation and setup callbacks, and the
 * application protocols and directions of its inspect engines.
 *
 * Derived from the sources with a script that follows every
 * DetectAppLayerInspectEngineRegister2 / DetectAppLayerMpmRegister2 /
 * DetectPktInspectEngineRegister / DetectBufferTypeSupportsMultiInstance /
 * DetectBufferTypeRegister{Validate,Setup}Callback call (macros expanded);
 * the file buffers (file_data, file.name, file.magic, files) take their
 * engines from DetectFileRegisterFileProtocols (detect-parse.c).  Frame
 * buffers are registered per rule (sig.c), as the frame keyword does.
 * Keep the rows sorted by name: buffer_type_id() bisects.
 */
#include <string.h>

#include "rules/sig.h"

static const BufferType buffer_types[] = {
    { "app-layer-events", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_UNKNOWN, BUF_DIR_TS | BUF_DIR_TC } } },
    { "cip", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_ENIP, BUF_DIR_TS | BUF_DIR_TC } } },
    { "dce_generic", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_DCERPC, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_SMB, BUF_DIR_TS | BUF_DIR_TC } } },
    { "dce_stub_data", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_DCERPC, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_SMB, BUF_DIR_TS | BUF_DIR_TC } } },
    { "dhcp.leasetime", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_DHCP, BUF_DIR_TS | BUF_DIR_TC } } },
    { "dhcp.rebinding-time", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_DHCP, BUF_DIR_TS | BUF_DIR_TC } } },
    { "dhcp.renewal-time", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_DHCP, BUF_DIR_TS | BUF_DIR_TC } } },
    { "dnp3", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_DNP3, BUF_DIR_TS | BUF_DIR_TC } } },
    { "dnp3_data", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_DNP3, BUF_DIR_TS | BUF_DIR_TC } } },
    { "dns.opcode", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_DNS, BUF_DIR_TS | BUF_DIR_TC } } },
    { "dns_query", BUFT_MPM | BUFT_MULTI, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_DNS, BUF_DIR_TS } } },
    { "dns_request", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_DNS, BUF_DIR_TS } } },
    { "dns_response", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_DNS, BUF_DIR_TC } } },
    { "enip", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_ENIP, BUF_DIR_TS | BUF_DIR_TC } } },
    { "file.magic", BUFT_MPM | BUFT_MULTI, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_NFS, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_SMB, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_FTP, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_FTPDATA, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_HTTP1, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_HTTP2, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_SMTP, BUF_DIR_TS } } },
    { "file.name", BUFT_MPM | BUFT_MULTI, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_NFS, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_SMB, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_FTP, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_FTPDATA, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_HTTP1, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_HTTP2, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_SMTP, BUF_DIR_TS } } },
    { "file_data", BUFT_MPM | BUFT_MULTI, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_NFS, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_SMB, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_FTP, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_FTPDATA, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_HTTP1, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_HTTP2, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_SMTP, BUF_DIR_TS } } },
    { "files", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_NFS, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_SMB, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_FTP, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_FTPDATA, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_HTTP1, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_HTTP2, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_SMTP, BUF_DIR_TS } } },
    { "ftp_request", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_FTP, BUF_DIR_TS } } },
    { "ftpdata_command", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_FTPDATA, BUF_DIR_TS | BUF_DIR_TC } } },
    { "http.location", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_HTTP1, BUF_DIR_TC }, { ALPROTO_HTTP2, BUF_DIR_TC } } },
    { "http.server", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_HTTP1, BUF_DIR_TC }, { ALPROTO_HTTP2, BUF_DIR_TC } } },
    { "http2", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_HTTP2, BUF_DIR_TS | BUF_DIR_TC } } },
    { "http2_header_name", BUFT_MPM | BUFT_MULTI, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_HTTP2, BUF_DIR_TS | BUF_DIR_TC } } },
    { "http_accept", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_HTTP1, BUF_DIR_TS }, { ALPROTO_HTTP2, BUF_DIR_TS } } },
    { "http_accept_enc", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_HTTP1, BUF_DIR_TS }, { ALPROTO_HTTP2, BUF_DIR_TS } } },
    { "http_accept_lang", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_HTTP1, BUF_DIR_TS }, { ALPROTO_HTTP2, BUF_DIR_TS } } },
    { "http_client_body", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_HTTP1, BUF_DIR_TS }, { ALPROTO_HTTP2, BUF_DIR_TS } } },
    { "http_connection", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_HTTP1, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_HTTP2, BUF_DIR_TS | BUF_DIR_TC } } },
    { "http_content_len", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_HTTP1, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_HTTP2, BUF_DIR_TS | BUF_DIR_TC } } },
    { "http_content_type", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_HTTP1, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_HTTP2, BUF_DIR_TS | BUF_DIR_TC } } },
    { "http_cookie", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_HTTP1, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_HTTP2, BUF_DIR_TS | BUF_DIR_TC } } },
    { "http_header", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_HTTP1, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_HTTP2, BUF_DIR_TS | BUF_DIR_TC } } },
    { "http_header_names", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_HTTP1, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_HTTP2, BUF_DIR_TS | BUF_DIR_TC } } },
    { "http_host", BUFT_MPM, BUF_VAL_HTTP_HOST, BUF_SETUP_NONE, { { ALPROTO_HTTP1, BUF_DIR_TS }, { ALPROTO_HTTP2, BUF_DIR_TS } } },
    { "http_method", BUFT_MPM, BUF_VAL_HTTP_METHOD, BUF_SETUP_NONE, { { ALPROTO_HTTP1, BUF_DIR_TS }, { ALPROTO_HTTP2, BUF_DIR_TS } } },
    { "http_protocol", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_HTTP1, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_HTTP2, BUF_DIR_TS | BUF_DIR_TC } } },
    { "http_raw_header", BUFT_MPM, BUF_VAL_HTTP_RAW_HEADER, BUF_SETUP_NONE, { { ALPROTO_HTTP1, BUF_DIR_TS | BUF_DIR_TC }, { ALPROTO_HTTP2, BUF_DIR_TS | BUF_DIR_TC } } },
    { "http_raw_host", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_HTTP1, BUF_DIR_TS }, { ALPROTO_HTTP2, BUF_DIR_TS } } },
    { "http_raw_uri", BUFT_MPM, BUF_VAL_URILEN, BUF_SETUP_URILEN, { { ALPROTO_HTTP1, BUF_DIR_TS }, { ALPROTO_HTTP2, BUF_DIR_TS } } },
    { "http_referer", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_HTTP1, BUF_DIR_TS }, { ALPROTO_HTTP2, BUF_DIR_TS } } },
    { "http_request_header", BUFT_MPM | BUFT_MULTI, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_HTTP1, BUF_DIR_TS }, { ALPROTO_HTTP2, BUF_DIR_TS } } },
    { "http_request_line", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_HTTP1, BUF_DIR_TS }, { ALPROTO_HTTP2, BUF_DIR_TS } } },
    { "http_response_header", BUFT_MPM | BUFT_MULTI, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_HTTP1, BUF_DIR_TC }, { ALPROTO_HTTP2, BUF_DIR_TC } } },
    { "http_response_line", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_HTTP1, BUF_DIR_TC }, { ALPROTO_HTTP2, BUF_DIR_TC } } },
    { "http_start", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_HTTP1, BUF_DIR_TS | BUF_DIR_TC } } },
    { "http_stat_code", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_HTTP1, BUF_DIR_TC }, { ALPROTO_HTTP2, BUF_DIR_TC } } },
    { "http_stat_msg", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_HTTP1, BUF_DIR_TC }, { ALPROTO_HTTP2, BUF_DIR_TC } } },
    { "http_uri", BUFT_MPM, BUF_VAL_URILEN, BUF_SETUP_URILEN, { { ALPROTO_HTTP1, BUF_DIR_TS }, { ALPROTO_HTTP2, BUF_DIR_TS } } },
    { "http_user_agent", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_HTTP1, BUF_DIR_TS }, { ALPROTO_HTTP2, BUF_DIR_TS } } },
    { "icmpv4.hdr", BUFT_PACKET | BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, {  } },
    { "icmpv6.hdr", BUFT_PACKET | BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, {  } },
    { "ike.chosen_sa_attribute", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_IKE, BUF_DIR_TC } } },
    { "ike.exchtype", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_IKE, BUF_DIR_TS | BUF_DIR_TC } } },
    { "ike.init_spi", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_IKE, BUF_DIR_TS } } },
    { "ike.key_exchange_payload", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_IKE, BUF_DIR_TS | BUF_DIR_TC } } },
    { "ike.key_exchange_payload_length", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_IKE, BUF_DIR_TS | BUF_DIR_TC } } },
    { "ike.nonce_payload", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_IKE, BUF_DIR_TS | BUF_DIR_TC } } },
    { "ike.nonce_payload_length", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_IKE, BUF_DIR_TS | BUF_DIR_TC } } },
    { "ike.resp_spi", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_IKE, BUF_DIR_TC } } },
    { "ike.vendor", BUFT_MPM | BUFT_MULTI, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_IKE, BUF_DIR_TS } } },
    { "ip.dst", BUFT_PACKET | BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, {  } },
    { "ip.src", BUFT_PACKET | BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, {  } },
    { "ipv4.hdr", BUFT_PACKET | BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, {  } },
    { "ipv6.hdr", BUFT_PACKET | BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, {  } },
    { "ja3.hash", BUFT_MPM, BUF_VAL_JA3, BUF_SETUP_LOWER, { { ALPROTO_QUIC, BUF_DIR_TS }, { ALPROTO_TLS, BUF_DIR_TS } } },
    { "ja3.string", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_QUIC, BUF_DIR_TS }, { ALPROTO_TLS, BUF_DIR_TS } } },
    { "ja3s.hash", BUFT_MPM, BUF_VAL_JA3S, BUF_SETUP_LOWER, { { ALPROTO_QUIC, BUF_DIR_TC }, { ALPROTO_TLS, BUF_DIR_TC } } },
    { "ja3s.string", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_QUIC, BUF_DIR_TC }, { ALPROTO_TLS, BUF_DIR_TC } } },
    { "ja4.hash", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_QUIC, BUF_DIR_TS }, { ALPROTO_TLS, BUF_DIR_TS } } },
    { "krb5_cname", BUFT_MPM | BUFT_MULTI, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_KRB5, BUF_DIR_TC } } },
    { "krb5_err_code", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_KRB5, BUF_DIR_TS | BUF_DIR_TC } } },
    { "krb5_msg_type", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_KRB5, BUF_DIR_TS | BUF_DIR_TC } } },
    { "krb5_sname", BUFT_MPM | BUFT_MULTI, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_KRB5, BUF_DIR_TC } } },
    { "krb5_ticket_encryption", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_KRB5, BUF_DIR_TC } } },
    { "modbus", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_MODBUS, BUF_DIR_TS } } },
    { "mqtt.connack.session_present", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_MQTT, BUF_DIR_TC } } },
    { "mqtt.connect.clientid", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_MQTT, BUF_DIR_TS } } },
    { "mqtt.connect.flags", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_MQTT, BUF_DIR_TS } } },
    { "mqtt.connect.password", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_MQTT, BUF_DIR_TS } } },
    { "mqtt.connect.username", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_MQTT, BUF_DIR_TS } } },
    { "mqtt.connect.willmessage", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_MQTT, BUF_DIR_TS } } },
    { "mqtt.connect.willtopic", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_MQTT, BUF_DIR_TS } } },
    { "mqtt.flags", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_MQTT, BUF_DIR_TS } } },
    { "mqtt.protocol_version", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_MQTT, BUF_DIR_TS } } },
    { "mqtt.publish.message", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_MQTT, BUF_DIR_TS } } },
    { "mqtt.publish.topic", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_MQTT, BUF_DIR_TS | BUF_DIR_TC } } },
    { "mqtt.qos", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_MQTT, BUF_DIR_TS } } },
    { "mqtt.reason_code", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_MQTT, BUF_DIR_TS | BUF_DIR_TC } } },
    { "mqtt.subscribe.topic", BUFT_MPM | BUFT_MULTI, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_MQTT, BUF_DIR_TS | BUF_DIR_TC } } },
    { "mqtt.type", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_MQTT, BUF_DIR_TS | BUF_DIR_TC } } },
    { "mqtt.unsubscribe.topic", BUFT_MPM | BUFT_MULTI, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_MQTT, BUF_DIR_TS } } },
    { "nfs_request", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_NFS, BUF_DIR_TS } } },
    { "quic.cyu.hash", BUFT_MPM | BUFT_MULTI, BUF_VAL_QUIC_HASH, BUF_SETUP_NONE, { { ALPROTO_QUIC, BUF_DIR_TS } } },
    { "quic.cyu.string", BUFT_MPM | BUFT_MULTI, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_QUIC, BUF_DIR_TS } } },
    { "quic_sni", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_QUIC, BUF_DIR_TS } } },
    { "quic_ua", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_QUIC, BUF_DIR_TS } } },
    { "quic_version", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_QUIC, BUF_DIR_TS | BUF_DIR_TC } } },
    { "rfb.name", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_RFB, BUF_DIR_TC } } },
    { "rfb.secresult", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_RFB, BUF_DIR_TC } } },
    { "rfb.sectype", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_RFB, BUF_DIR_TS } } },
    { "sip.method", BUFT_MPM, BUF_VAL_SIP_METHOD, BUF_SETUP_NONE, { { ALPROTO_SIP, BUF_DIR_TS } } },
    { "sip.protocol", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_SIP, BUF_DIR_TS | BUF_DIR_TC } } },
    { "sip.request_line", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_SIP, BUF_DIR_TS } } },
    { "sip.response_line", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_SIP, BUF_DIR_TC } } },
    { "sip.stat_code", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_SIP, BUF_DIR_TC } } },
    { "sip.stat_msg", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_SIP, BUF_DIR_TC } } },
    { "sip.uri", BUFT_MPM, BUF_VAL_URILEN, BUF_SETUP_URILEN, { { ALPROTO_SIP, BUF_DIR_TS } } },
    { "smb_named_pipe", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_SMB, BUF_DIR_TS } } },
    { "smb_ntlmssp_domain", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_SMB, BUF_DIR_TS } } },
    { "smb_ntlmssp_user", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_SMB, BUF_DIR_TS } } },
    { "smb_share", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_SMB, BUF_DIR_TS } } },
    { "smtp_generic", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_SMTP, BUF_DIR_TS | BUF_DIR_TC } } },
    { "snmp.community", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_SNMP, BUF_DIR_TS | BUF_DIR_TC } } },
    { "snmp.pdu_type", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_SNMP, BUF_DIR_TS | BUF_DIR_TC } } },
    { "snmp.usm", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_SNMP, BUF_DIR_TS | BUF_DIR_TC } } },
    { "snmp.version", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_SNMP, BUF_DIR_TS | BUF_DIR_TC } } },
    { "ssh.hassh", BUFT_MPM, BUF_VAL_HASSH, BUF_SETUP_LOWER, { { ALPROTO_SSH, BUF_DIR_TS } } },
    { "ssh.hassh.server", BUFT_MPM, BUF_VAL_HASSH_SERVER, BUF_SETUP_LOWER, { { ALPROTO_SSH, BUF_DIR_TC } } },
    { "ssh.hassh.server.string", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_SSH, BUF_DIR_TC } } },
    { "ssh.hassh.string", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_SSH, BUF_DIR_TS } } },
    { "ssh.proto", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_SSH, BUF_DIR_TS | BUF_DIR_TC } } },
    { "ssh_banner", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_SSH, BUF_DIR_TS | BUF_DIR_TC } } },
    { "ssh_software", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_SSH, BUF_DIR_TS | BUF_DIR_TC } } },
    { "tcp.hdr", BUFT_PACKET | BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, {  } },
    { "tls.cert_fingerprint", BUFT_MPM, BUF_VAL_TLS_FINGERPRINT, BUF_SETUP_LOWER, { { ALPROTO_TLS, BUF_DIR_TS | BUF_DIR_TC } } },
    { "tls.cert_issuer", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_TLS, BUF_DIR_TS | BUF_DIR_TC } } },
    { "tls.cert_serial", BUFT_MPM, BUF_VAL_TLS_SERIAL, BUF_SETUP_UPPER, { { ALPROTO_TLS, BUF_DIR_TS | BUF_DIR_TC } } },
    { "tls.cert_subject", BUFT_MPM | BUFT_MULTI, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_TLS, BUF_DIR_TS | BUF_DIR_TC } } },
    { "tls.certs", BUFT_MPM | BUFT_MULTI, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_TLS, BUF_DIR_TS | BUF_DIR_TC } } },
    { "tls.random", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_TLS, BUF_DIR_TS | BUF_DIR_TC } } },
    { "tls.random_bytes", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_TLS, BUF_DIR_TS | BUF_DIR_TC } } },
    { "tls.random_time", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_TLS, BUF_DIR_TS | BUF_DIR_TC } } },
    { "tls.sni", BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_TLS, BUF_DIR_TS } } },
    { "tls_cert", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_TLS, BUF_DIR_TS | BUF_DIR_TC } } },
    { "tls_generic", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_TLS, BUF_DIR_TS | BUF_DIR_TC } } },
    { "tls_validity", 0, BUF_VAL_NONE, BUF_SETUP_NONE, { { ALPROTO_TLS, BUF_DIR_TC } } },
    { "udp.hdr", BUFT_PACKET | BUFT_MPM, BUF_VAL_NONE, BUF_SETUP_NONE, {  } },
};

int
buffer_type_count(void)
{
    return (int)G_N_ELEMENTS(buffer_types);
}

const BufferType *
buffer_type_static(int index)
{
    return index >= 0 && index < (int)G_N_ELEMENTS(buffer_types) ? &buffer_types[index] : NULL;
}

int
buffer_type_id(const char *name)
{
    int lo = 0, hi = (int)G_N_ELEMENTS(buffer_types) - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        int c = strcmp(name, buffer_types[mid].name);
        if (c == 0)
            return SIG_LIST_DYNAMIC_START + mid;
        if (c < 0)
            hi = mid - 1;
        else
            lo = mid + 1;
    }
    return -1;
}
