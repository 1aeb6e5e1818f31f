/*
 * parser_state.h - the state of one rule being parsed, shared between
 * rule_parse.c (the header and the option loop) and the keyword validators
 * (validate_*.c).  Private to src/rules.
 *
 * It is Suricata's own: `sig` mirrors the SignatureInitData that Suricata
 * 7.0.10's keyword Setup functions read and change (sig.h), so a validator
 * is a transcription of its Setup function and nothing else needs to know
 * which keyword came before.
 */
#ifndef NFW_RULES_PARSER_STATE_H
#define NFW_RULES_PARSER_STATE_H

#include "rules/keywords.h"
#include "rules/rule.h"
#include "rules/sig.h"

struct RuleParser {
    Rule *rule;
    const KeywordInfo *kw; /* keyword being validated */
    RuleEngine engine;     /* which dialect judges the rule */
    Sig sig;
    /* Set by a validator when Suricata would skip the rule without an
     * error (requires not met, unknown app-layer event): the rule is
     * kept, and `skip_reason` says why Suricata ignores it. */
    char *skip_reason;
    gboolean seen_sid;
};

typedef struct RuleParser RuleParser;

/* Content decoding of DetectContentDataParse (detect-content.c): the bytes
 * of `value` (quotes already stripped).  Returns FALSE with *error. */
gboolean content_data_parse(const char *keyword, const char *value, GByteArray *out, char **error,
                            int *error_offset);

/* DetectContentSetup (detect-content.c) for content and the keywords built
 * on it (uricontent, filename, fileext, filemagic, tls.fingerprint): the new
 * content match, or NULL with *error. */
SigMatch *content_setup(RuleParser *p, const char *value, char **error, int *error_offset);

/* DetectContentConvertToNocase: lowercase the content and mark it nocase. */
gboolean content_to_nocase(SigMatch *cd, char **error);

/* Whether Suricata 7 knows a decoder or stream event (events_table.c). */
gboolean rule_event_known(const char *name);
/* AppLayerParserGetEventInfo: 1 known, 0 unknown for the protocol,
 * -1 protocol without events. */
int rule_app_event_known(AppProto alproto, const char *name);
/* AppLayerGetPktEventInfo: the protocol-less applayer_* events. */
gboolean rule_pkt_event_known(const char *name);
/* AppLayerParserGetFrameIdByName for the protocol on TCP or UDP. */
gboolean rule_frame_known(AppProto alproto, gboolean udp, const char *name);

#endif
