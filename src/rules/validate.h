/*
 * validate.h - value validators for the keyword registry (keywords_table.c).
 * Each follows KeywordValidateFunc: return FALSE with *error when Suricata 7
 * rejects the value.  Implemented in validate_*.c, grouped by theme.
 */
#ifndef NFW_RULES_VALIDATE_H
#define NFW_RULES_VALIDATE_H

#include "rules/keywords.h"

gboolean validate_app_layer_protocol(struct RuleParser *parser, const char *value, char **error,
                                     int *error_offset);
gboolean validate_base64_decode(struct RuleParser *parser, const char *value, char **error,
                                int *error_offset);
gboolean validate_byte_extract(struct RuleParser *parser, const char *value, char **error,
                               int *error_offset);
gboolean validate_byte_jump(struct RuleParser *parser, const char *value, char **error,
                            int *error_offset);
gboolean validate_byte_math(struct RuleParser *parser, const char *value, char **error,
                            int *error_offset);
gboolean validate_byte_test(struct RuleParser *parser, const char *value, char **error,
                            int *error_offset);
gboolean validate_classtype(struct RuleParser *parser, const char *value, char **error,
                            int *error_offset);
gboolean validate_content(struct RuleParser *parser, const char *value, char **error,
                          int *error_offset);
gboolean validate_content_pos(struct RuleParser *parser, const char *value, char **error,
                              int *error_offset);
gboolean validate_dataset(struct RuleParser *parser, const char *value, char **error,
                          int *error_offset);
gboolean validate_detection_filter(struct RuleParser *parser, const char *value, char **error,
                                   int *error_offset);
gboolean validate_dns_opcode(struct RuleParser *parser, const char *value, char **error,
                             int *error_offset);
gboolean validate_dsize(struct RuleParser *parser, const char *value, char **error,
                        int *error_offset);
gboolean validate_event(struct RuleParser *parser, const char *value, char **error,
                        int *error_offset);
gboolean validate_fast_pattern(struct RuleParser *parser, const char *value, char **error,
                               int *error_offset);
gboolean validate_filestore(struct RuleParser *parser, const char *value, char **error,
                            int *error_offset);
gboolean validate_flow(struct RuleParser *parser, const char *value, char **error,
                       int *error_offset);
gboolean validate_flowbits(struct RuleParser *parser, const char *value, char **error,
                           int *error_offset);
gboolean validate_flowint(struct RuleParser *parser, const char *value, char **error,
                          int *error_offset);
gboolean validate_fragbits(struct RuleParser *parser, const char *value, char **error,
                           int *error_offset);
gboolean validate_geoip(struct RuleParser *parser, const char *value, char **error,
                        int *error_offset);
gboolean validate_gid(struct RuleParser *parser, const char *value, char **error,
                      int *error_offset);
gboolean validate_ip_proto(struct RuleParser *parser, const char *value, char **error,
                           int *error_offset);
gboolean validate_ipopts(struct RuleParser *parser, const char *value, char **error,
                         int *error_offset);
gboolean validate_iprep(struct RuleParser *parser, const char *value, char **error,
                        int *error_offset);
gboolean validate_isdataat(struct RuleParser *parser, const char *value, char **error,
                           int *error_offset);
gboolean validate_metadata(struct RuleParser *parser, const char *value, char **error,
                           int *error_offset);
gboolean validate_msg(struct RuleParser *parser, const char *value, char **error,
                      int *error_offset);
gboolean validate_pcre(struct RuleParser *parser, const char *value, char **error,
                       int *error_offset);
gboolean validate_pcrexform(struct RuleParser *parser, const char *value, char **error,
                            int *error_offset);
gboolean validate_priority(struct RuleParser *parser, const char *value, char **error,
                           int *error_offset);
gboolean validate_reference(struct RuleParser *parser, const char *value, char **error,
                            int *error_offset);
gboolean validate_requires(struct RuleParser *parser, const char *value, char **error,
                           int *error_offset);
gboolean validate_rev(struct RuleParser *parser, const char *value, char **error,
                      int *error_offset);
gboolean validate_sid(struct RuleParser *parser, const char *value, char **error,
                      int *error_offset);
gboolean validate_ssl_state(struct RuleParser *parser, const char *value, char **error,
                            int *error_offset);
gboolean validate_ssl_version(struct RuleParser *parser, const char *value, char **error,
                              int *error_offset);
gboolean validate_stream_size(struct RuleParser *parser, const char *value, char **error,
                              int *error_offset);
gboolean validate_tag(struct RuleParser *parser, const char *value, char **error,
                      int *error_offset);
gboolean validate_target(struct RuleParser *parser, const char *value, char **error,
                         int *error_offset);
gboolean validate_tcp_flags(struct RuleParser *parser, const char *value, char **error,
                            int *error_offset);
gboolean validate_threshold(struct RuleParser *parser, const char *value, char **error,
                            int *error_offset);
gboolean validate_tls_version(struct RuleParser *parser, const char *value, char **error,
                              int *error_offset);
gboolean validate_tos(struct RuleParser *parser, const char *value, char **error,
                      int *error_offset);
gboolean validate_u16_cmp(struct RuleParser *parser, const char *value, char **error,
                          int *error_offset);
gboolean validate_u32(struct RuleParser *parser, const char *value, char **error,
                      int *error_offset);
gboolean validate_u32_cmp(struct RuleParser *parser, const char *value, char **error,
                          int *error_offset);
gboolean validate_u64_cmp(struct RuleParser *parser, const char *value, char **error,
                          int *error_offset);
gboolean validate_u8_cmp(struct RuleParser *parser, const char *value, char **error,
                         int *error_offset);
gboolean validate_xbits(struct RuleParser *parser, const char *value, char **error,
                        int *error_offset);
gboolean validate_xor(struct RuleParser *parser, const char *value, char **error,
                      int *error_offset);

#endif
