/*
 * validate.h - the keyword validators of the registry (keywords_table.c).
 * Each follows KeywordValidateFunc and mirrors one Suricata 7.0.10 Setup
 * function (the table names it): FALSE with *error when Suricata refuses
 * the value.  Implemented in validate_*.c, grouped by theme.
 */
#ifndef NFW_RULES_VALIDATE_H
#define NFW_RULES_VALIDATE_H

#include "rules/keywords.h"

gboolean validate_app_flag(struct RuleParser *p, const char *value, char **error,
                           int *error_offset);
gboolean validate_app_layer_event(struct RuleParser *p, const char *value, char **error,
                                  int *error_offset);
gboolean validate_app_layer_protocol(struct RuleParser *p, const char *value, char **error,
                                     int *error_offset);
gboolean validate_app_u32(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_app_u32_inclusive(struct RuleParser *p, const char *value, char **error,
                                    int *error_offset);
gboolean validate_app_u64(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_app_u8(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_asn1(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_aws_category(struct RuleParser *p, const char *value, char **error,
                               int *error_offset);
gboolean validate_base64_data(struct RuleParser *p, const char *value, char **error,
                              int *error_offset);
gboolean validate_base64_decode(struct RuleParser *p, const char *value, char **error,
                                int *error_offset);
gboolean validate_bsize(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_bypass(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_byte_extract(struct RuleParser *p, const char *value, char **error,
                               int *error_offset);
gboolean validate_byte_jump(struct RuleParser *p, const char *value, char **error,
                            int *error_offset);
gboolean validate_byte_math(struct RuleParser *p, const char *value, char **error,
                            int *error_offset);
gboolean validate_byte_test(struct RuleParser *p, const char *value, char **error,
                            int *error_offset);
gboolean validate_classtype(struct RuleParser *p, const char *value, char **error,
                            int *error_offset);
gboolean validate_config(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_content(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_content_modifier(struct RuleParser *p, const char *value, char **error,
                                   int *error_offset);
gboolean validate_csum(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_dataset(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_dcerpc_iface(struct RuleParser *p, const char *value, char **error,
                               int *error_offset);
gboolean validate_dcerpc_opnum(struct RuleParser *p, const char *value, char **error,
                               int *error_offset);
gboolean validate_depth(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_detection_filter(struct RuleParser *p, const char *value, char **error,
                                   int *error_offset);
gboolean validate_disabled_proto(struct RuleParser *p, const char *value, char **error,
                                 int *error_offset);
gboolean validate_distance(struct RuleParser *p, const char *value, char **error,
                           int *error_offset);
gboolean validate_dns_opcode(struct RuleParser *p, const char *value, char **error,
                             int *error_offset);
gboolean validate_dsize(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_endswith(struct RuleParser *p, const char *value, char **error,
                           int *error_offset);
gboolean validate_engine_event(struct RuleParser *p, const char *value, char **error,
                               int *error_offset);
gboolean validate_fast_pattern(struct RuleParser *p, const char *value, char **error,
                               int *error_offset);
gboolean validate_file_content(struct RuleParser *p, const char *value, char **error,
                               int *error_offset);
gboolean validate_file_data(struct RuleParser *p, const char *value, char **error,
                            int *error_offset);
gboolean validate_file_sticky(struct RuleParser *p, const char *value, char **error,
                              int *error_offset);
gboolean validate_filehash(struct RuleParser *p, const char *value, char **error,
                           int *error_offset);
gboolean validate_filesize(struct RuleParser *p, const char *value, char **error,
                           int *error_offset);
gboolean validate_filestore(struct RuleParser *p, const char *value, char **error,
                            int *error_offset);
gboolean validate_flow(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_flow_age(struct RuleParser *p, const char *value, char **error,
                           int *error_offset);
gboolean validate_flowbits(struct RuleParser *p, const char *value, char **error,
                           int *error_offset);
gboolean validate_flowint(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_flowvar(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_fragbits(struct RuleParser *p, const char *value, char **error,
                           int *error_offset);
gboolean validate_fragoffset(struct RuleParser *p, const char *value, char **error,
                             int *error_offset);
gboolean validate_frame(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_ftpdata_command(struct RuleParser *p, const char *value, char **error,
                                  int *error_offset);
gboolean validate_geoip(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_gid(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_header_buffer(struct RuleParser *p, const char *value, char **error,
                                int *error_offset);
gboolean validate_hostbits(struct RuleParser *p, const char *value, char **error,
                           int *error_offset);
gboolean validate_http2_code(struct RuleParser *p, const char *value, char **error,
                             int *error_offset);
gboolean validate_http2_settings(struct RuleParser *p, const char *value, char **error,
                                 int *error_offset);
gboolean validate_http_response_body(struct RuleParser *p, const char *value, char **error,
                                     int *error_offset);
gboolean validate_icmp_id(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_id(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_ike_chosen_sa(struct RuleParser *p, const char *value, char **error,
                                int *error_offset);
gboolean validate_ip_addr_buffer(struct RuleParser *p, const char *value, char **error,
                                 int *error_offset);
gboolean validate_ip_proto(struct RuleParser *p, const char *value, char **error,
                           int *error_offset);
gboolean validate_ipopts(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_iprep(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_isdataat(struct RuleParser *p, const char *value, char **error,
                           int *error_offset);
gboolean validate_ja_buffer(struct RuleParser *p, const char *value, char **error,
                            int *error_offset);
gboolean validate_krb5_code(struct RuleParser *p, const char *value, char **error,
                            int *error_offset);
gboolean validate_krb5_encryption(struct RuleParser *p, const char *value, char **error,
                                  int *error_offset);
gboolean validate_l3_proto(struct RuleParser *p, const char *value, char **error,
                           int *error_offset);
gboolean validate_lua(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_metadata(struct RuleParser *p, const char *value, char **error,
                           int *error_offset);
gboolean validate_mqtt_flags(struct RuleParser *p, const char *value, char **error,
                             int *error_offset);
gboolean validate_mqtt_type(struct RuleParser *p, const char *value, char **error,
                            int *error_offset);
gboolean validate_mqtt_value(struct RuleParser *p, const char *value, char **error,
                             int *error_offset);
gboolean validate_msg(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_nfq_set_mark(struct RuleParser *p, const char *value, char **error,
                               int *error_offset);
gboolean validate_nocase(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_noop(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_offset(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_pcre(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_pcrexform(struct RuleParser *p, const char *value, char **error,
                            int *error_offset);
gboolean validate_pkt_data(struct RuleParser *p, const char *value, char **error,
                           int *error_offset);
gboolean validate_pktvar(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_prefilter(struct RuleParser *p, const char *value, char **error,
                            int *error_offset);
gboolean validate_priority(struct RuleParser *p, const char *value, char **error,
                           int *error_offset);
gboolean validate_rawbytes(struct RuleParser *p, const char *value, char **error,
                           int *error_offset);
gboolean validate_reference(struct RuleParser *p, const char *value, char **error,
                            int *error_offset);
gboolean validate_replace(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_requires(struct RuleParser *p, const char *value, char **error,
                           int *error_offset);
gboolean validate_rev(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_rfb_secresult(struct RuleParser *p, const char *value, char **error,
                                int *error_offset);
gboolean validate_rpc(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_sameip(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_sid(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_snmp_pdu_type(struct RuleParser *p, const char *value, char **error,
                                int *error_offset);
gboolean validate_ssh_version(struct RuleParser *p, const char *value, char **error,
                              int *error_offset);
gboolean validate_ssl_state(struct RuleParser *p, const char *value, char **error,
                            int *error_offset);
gboolean validate_ssl_version(struct RuleParser *p, const char *value, char **error,
                              int *error_offset);
gboolean validate_startswith(struct RuleParser *p, const char *value, char **error,
                             int *error_offset);
gboolean validate_sticky(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_sticky_proto_first(struct RuleParser *p, const char *value, char **error,
                                     int *error_offset);
gboolean validate_stream_size(struct RuleParser *p, const char *value, char **error,
                              int *error_offset);
gboolean validate_tag(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_target(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_tcp_flags(struct RuleParser *p, const char *value, char **error,
                            int *error_offset);
gboolean validate_tcp_seq(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_tcp_window(struct RuleParser *p, const char *value, char **error,
                             int *error_offset);
gboolean validate_threshold(struct RuleParser *p, const char *value, char **error,
                            int *error_offset);
gboolean validate_tls_fingerprint(struct RuleParser *p, const char *value, char **error,
                                  int *error_offset);
gboolean validate_tls_subject(struct RuleParser *p, const char *value, char **error,
                              int *error_offset);
gboolean validate_tls_validity(struct RuleParser *p, const char *value, char **error,
                               int *error_offset);
gboolean validate_tls_version(struct RuleParser *p, const char *value, char **error,
                              int *error_offset);
gboolean validate_tos(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_transform(struct RuleParser *p, const char *value, char **error,
                            int *error_offset);
gboolean validate_u16_packet(struct RuleParser *p, const char *value, char **error,
                             int *error_offset);
gboolean validate_u32_packet(struct RuleParser *p, const char *value, char **error,
                             int *error_offset);
gboolean validate_u8_packet(struct RuleParser *p, const char *value, char **error,
                            int *error_offset);
gboolean validate_uricontent(struct RuleParser *p, const char *value, char **error,
                             int *error_offset);
gboolean validate_urilen(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_within(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_xbits(struct RuleParser *p, const char *value, char **error, int *error_offset);
gboolean validate_xor(struct RuleParser *p, const char *value, char **error, int *error_offset);

/* Network Firewall's category names (validate_nfw.c). */
const char *const *nfw_categories(gsize *count);
const char *nfw_closest_category(const char *name);

#endif
