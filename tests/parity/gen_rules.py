#!/usr/bin/python3
"""A grammar of Suricata 7 rules for the differential test against suricata -T.

    /usr/bin/python3 tests/parity/gen_rules.py [-o out.rules] [--seed N] [--count]

Every case is one rule whose msg is its case id ("kw/ttl/7/q", "seq/123",
"hdr/ports/12"), so a disagreement names the grammar production that made it.
Deterministic: the same seed gives the same rules in the same order.

Families (each written from the keyword's Setup function in Suricata 7.0.10,
src/detect-*.c, not from a list of known-good rules):
  kw     every keyword of keywords_table.c with valid and invalid arguments
         (boundaries of its numeric ranges, every word of its enumerations and
         near misses, list separators, quotes, negation, spaces), in its own
         protocol and in others;
  buf    every sticky buffer with contents its validation callback accepts or
         refuses (case, length, format), transforms, nocase, bsize;
  pos    content modifiers and relative keywords in odd places (before any
         content, after pcre, after a sticky buffer, twice, mixed);
  seq    random sequences of option snippets (a few thousand);
  hdr    header edge cases: actions, protocols, address and port lists with
         negation, ranges, brackets, trailing commas and spaces, variables;
  opt    option-list syntax: quotes, escapes, ';' inside values, blanks.
"""

import argparse
import random
import sys

U_MAX = {8: 255, 16: 65535, 32: 4294967295, 64: 18446744073709551615}


def uint_values(bits):
    """Values for Suricata's generic integer comparison (rust detect/uint.rs)."""
    m = U_MAX[bits]
    return ["0", "1", "5", str(m), str(m + 1), "-1", " 5", "5 ", "=5", "= 5", "==5", "<5", "< 5",
            ">5", "> 5", ">=5", "<=5", "!5", "!=5", "! 5", "<0", "<1", ">=0", ">=1", "<=%d" % m,
            "<=%d" % (m - 1), ">%d" % m, ">%d" % (m - 1), "5-7", "5 - 7", "5<>7", "5-6", "7-5",
            "0-%d" % m, "5kb", "1mb", "0kb", "1gb", "5KB", "5x", "abc", "0x10", "+5", "5,6",
            "5.0", "!", "<", "5 6", "5-", "-5", "010", "%d" % (m * 10 + 9)]


BYTES_NAMES = ["1", "2", "4", "8", "9", "0", "10", "23", "24", "x1"]
CMP_OPS = ["<", ">", "=", "!", "!=", "<=", ">=", "&", "^", "!<", "==", "=>", ""]

# keyword -> (protocol, options before, options after, values); a value of
# None means the keyword without a value ("kw;").  Context options follow
# what the Setup function needs (a content before depth, a buffer before
# bsize ...).
C = 'content:"abcd";'
SPEC = {}


def spec(names, proto, pre, post, values):
    for n in names.split():
        SPEC[n] = (proto, pre, post, values)


def protos_for(p):
    """Header protocols to try a keyword of protocol p under."""
    others = {"tcp": ["udp", "ip", "http"], "udp": ["tcp", "ip"], "ip": ["tcp", "icmp"],
              "icmp": ["tcp", "ip"], "http": ["tcp", "http1", "http2", "tls", "ip"],
              "http1": ["http", "http2", "tcp"], "http2": ["http", "http1", "tcp"],
              "tls": ["tcp", "http", "quic", "ip"], "dns": ["tcp", "udp", "http"],
              "ssh": ["tcp", "tls"], "smb": ["tcp", "dcerpc", "nfs"], "dcerpc": ["smb", "tcp", "tls"],
              "krb5": ["tcp", "udp", "smb"], "nfs": ["tcp", "smb"], "ftp": ["tcp", "ftp-data", "http"],
              "smtp": ["tcp", "http"], "mqtt": ["tcp", "tls"], "snmp": ["udp", "dns"],
              "sip": ["udp", "http"], "rfb": ["tcp", "ssh"], "dhcp": ["udp", "dns"],
              "quic": ["udp", "tls"], "ike": ["udp", "ikev2"], "ftp-data": ["ftp", "tcp"],
              "icmpv6": ["icmp", "ip"], "pkthdr": ["tcp", "ip"]}
    return [p] + others.get(p, ["tcp"])


# --- per-keyword grammar ------------------------------------------------------
def build_spec():
    u8, u16, u32, u64 = (uint_values(b) for b in (8, 16, 32, 64))
    spec("ttl itype icode", "ip", "", "", u8)
    spec("icmp_id icmp_seq", "icmp", "", "", ["0", "65535", "65536", '"5"', '" 5 "', "5 ", "-1", "a", "0x1", "<5"])
    spec("tcp.window window", "tcp", "", "", ["0", "65535", "65536", "!5", "! 5", "!!5", "-1", "x", "1234567890", "<5"])
    spec("tcp.ack tcp.seq ack seq", "tcp", "", "", ["0", "4294967295", "4294967296", "-1", " 5", "5 ", "0x10", "010", "a", "<5"])
    spec("tcp.mss", "tcp", "", "", u16[:20])
    spec("dsize", "tcp", "", "", u16 + ["<10", ">10", "10<>20"])
    spec("urilen", "http", "", "", u16[:25] + ["5,raw", "5,norm", "5, raw", "5,RAW", "5,x", "5,", ">5,raw", "5-7,norm"])
    spec("id", "ip", "", "", ["0", "65535", "65536", '"5"', "-1", "x", "123456", " 5", "5<6"])
    spec("fragoffset", "ip", "", "", ["0", "8191", "65535", "65536", "<5", ">5", "!5", "x", "<>5", "> 5", "5x"])
    spec("flow.age", "tcp", "", "", u32[:30])
    spec("icmpv6.mtu", "icmpv6", "", "", u32[:25])
    spec("template2", "tcp", "", "", u8[:10])
    spec("tcp.flags flags", "tcp", "", "", ["S", "SA", "S,A", "S,12", "+S", "*SA", "!S", "S+", "0", "s", "SAFRPUCE",
                                           "12", "X", "S,X", "", "S,", "+*S", "!+S", "S A", "C", "E", "1", "2", ",S",
                                           "S ,A", "SS", "S,0"])
    spec("fragbits", "ip", "", "", ["M", "D", "R", "MD", "+M", "*D", "!R", "m", "X", "M+", "MX", "", "+", "M D", " M"])
    spec("ipopts", "ip", "", "", ["rr", "eol", "nop", "ts", "sec", "esec", "lsrr", "lsrre", "ssrr", "satid", "any",
                                  "RR", "rr,ts", "foo", " rr", "lsr"])
    spec("tos", "ip", "", "", ["8", "0", "255", "256", "x08", "X08", "0x08", "!8", "! 8", "x1G", "1000", "-1", '"8"'])
    spec("ip_proto", "ip", "", "", ["6", "tcp", "TCP", "!6", "<6", ">6", "255", "256", "ipv6-icmp", "foo", "6 ",
                                    "! 6", "<0", "=6", ">255", "icmp"])
    spec("l3_proto", "ip", "", "", ["ipv4", "ip4", "ipv6", "ip6", "IPV4", "ip", "any", "v4"])
    spec("sameip ftpbounce tls_cert_expired tls_cert_valid tls_store tls.store noalert alert bypass "
         "startswith endswith nocase rawbytes prefilter", "tcp", C, "", [None, "1", "x"])
    spec("ipv4-csum tcpv4-csum tcpv6-csum udpv4-csum udpv6-csum icmpv4-csum icmpv6-csum", "ip", "", "",
         ["valid", "invalid", "VALID", '"valid"', "ok", " valid", "invalid "])
    spec("stream_size", "tcp", "", "", ["server,>,1", "client,<,10", "both,=,5", "either,!=,5", "server,>=,0",
                                        "server,<=,4294967295", "server,<,0", "server,>,4294967295", "server, >, 1",
                                        "server,>,1,x", "srv,>,1", "server,==,1", "server,>", "server,>,a", "SERVER,>,1",
                                        "server ,>,1", "server,>, 1"])
    spec("flow", "tcp", "", "", ["to_server", "to_client", "from_client", "from_server", "established",
                                 "not_established", "stateless", "only_stream", "no_stream", "only_frag", "no_frag",
                                 "established,to_server", "to_server,established", "established, to_server",
                                 "to_server,to_client", "established,stateless", "established,not_established",
                                 "only_stream,no_stream", "only_frag,no_frag", "to_server,to_server",
                                 "established,to_server,only_stream", "established,to_server,only_stream,no_frag",
                                 "TO_SERVER", "toserver", "to_server,", ",to_server", "established to_server"])
    spec("threshold", "tcp", "", "", ["type limit, track by_src, count 1, seconds 60",
                                      "type threshold, track by_dst, count 10, seconds 60",
                                      "type both, track by_rule, count 1, seconds 1",
                                      "type backoff, track by_flow, count 1, multiplier 10",
                                      "type limit, track by_both, count 1, seconds 60",
                                      "track by_src, type limit, seconds 60, count 1",
                                      "type limit, track by_src, count 0, seconds 60",
                                      "type limit, track by_src, count 1, seconds 0",
                                      "type limit, track by_src, count 1",
                                      "type limit,track by_src,count 1,seconds 60",
                                      "type limits, track by_src, count 1, seconds 60",
                                      "type limit, track by_flow, count 1, seconds 60",
                                      "type limit, track by_src, count -1, seconds 60",
                                      "type limit, track by_src, count 1, seconds 60, x",
                                      "type limit, track by_src, count x, seconds 60",
                                      "type limit, track by_src, count 4294967296, seconds 60",
                                      "type limit, type limit, count 1, seconds 60"])
    spec("detection_filter", "tcp", "", "", ["track by_src, count 1, seconds 60", "track by_dst, count 5, seconds 1",
                                             "track by_rule, count 1, seconds 60", "track by_both, count 1, seconds 60",
                                             "track by_flow, count 1, seconds 60",
                                             "count 1, track by_src, seconds 60", "track by_src, count 0, seconds 60",
                                             "track by_src, count 1, seconds 0", "track by_src, count 1",
                                             "track by_src,count 1,seconds 60", "track by_src, count 1, second 60",
                                             "track by_src, count 1, seconds 60, count 2", "track by_x, count 1, seconds 60"])
    spec("tag", "tcp", "", "", ["session", "host", "session,10,packets", "session,10,bytes", "session,10,seconds",
                                "host,10,packets,src", "host,10,packets,dst", "host,10,seconds,src", "session,10,packets,src",
                                "session,0,packets", "session, 10, packets", "session,10", "session,x,packets",
                                "session,10,minutes", "SESSION", "flow", "host,10,packets,both", "session,10,packets,"])
    spec("flowbits", "tcp", "", "", [None, "set,a", "isset,a", "isnotset,a", "unset,a", "toggle,a", "noalert",
                                     "set,a|b", "isset,a|b", "isset,a&b", "set,a&b", "set", "isset", "noalert,a", "set,",
                                     "set, a", "set ,a", "SET,a", "foo,a", "set,a b", "set,a,b", "isset,a|", "set,a.b-c",
                                     "set,a|b|c", "isnotset,a|b"])
    spec("xbits", "tcp", "", "", ["set,a,track ip_src", "isset,a,track ip_dst", "set,a,track ip_pair",
                                  "toggle,a,track ip_src,expire 60", "set,a,track ip_src,expire 0", "set,a,track ip_src,expire x",
                                  "set,a,track tx", "set,a,track flow", "set,a", "noalert", "noalert,a,track ip_src",
                                  "isnotset,a,track ip_src", "unset,a,track ip_src", "foo,a,track ip_src",
                                  "set,a,track  ip_src", "set,a, track ip_src", "set,a,track ip_src,expire 4294967296",
                                  "set,a|b,track ip_src"])
    spec("hostbits", "tcp", "", "", ["set,a", "set,a,src", "set,a,dst", "set,a,both", "isset,a,src", "noalert",
                                     "noalert,a", "set", "set,a,x", "set,a,src,expire 30", "unset,a,dst", "toggle,a",
                                     "set, a", "set,a, src", "SET,a"])
    spec("flowint", "tcp", "", "", ["a,=,1", "a,+,1", "a,-,1", "a,==,1", "a,!=,1", "a,<,1", "a,>,1", "a,<=,1",
                                    "a,>=,1", "a,isset", "a,notset", "a,isnotset", "a,=,b", "a,=,4294967295",
                                    "a,=,4294967296", "a,=", "a", "a,x,1", "a, =, 1", "a,=,-1", "a,isset,1",
                                    "1a,=,1", "a b,=,1", ",=,1"])
    spec("flowvar", "tcp", "", "", ['a,"b"', 'a,b', 'a,"b|41|"', 'a,""', 'a', 'a,"b', 'a,"b"c', '"a",b', 'a,"b;c"',
                                    'a, "b"', 'a,"|4|"'])
    spec("pktvar", "tcp", "", "", ['a,"b"', 'a,b', 'a,"|41|"', 'a', 'a,""', 'a,"b'])
    spec("rpc", "tcp", "", "", ["100000,*,*", "100000,2,*", "100000,2,3", "100000", "100000,*", "x,*,*",
                                "100000,*,*,*", "4294967295,*,*", "4294967296,*,*", "100000, 2, 3", "*,*,*", ",,"])
    spec("sid", "tcp", "", "", ["1", "0", "-1", "4294967294", "4294967295", "4294967296", "abc", "1x", "0x10",
                                " 5", "5 ", '"5"', "010", "+5"])
    spec("rev", "tcp", "", "", ["1", "0", "-1", "4294967294", "4294967295", "abc", "1x", "0x10", " 5", '"5"'])
    spec("gid", "tcp", "", "", ["1", "0", "-1", "4294967294", "4294967295", "abc", "1x", " 5", '"5"'])
    spec("priority", "tcp", "", "", ["1", "0", "255", "256", "-1", "abc", '"1"', " 1", "1 ", "99999999999", "1x",
                                     '" 1"', "+1"])
    spec("classtype", "tcp", "", "", ["trojan-activity", "not-suspicious", "misc-activity", "foo", "Trojan-Activity",
                                      " trojan-activity", "trojan-activity ", "trojan activity", "1abc", "a_b-c",
                                      '"trojan-activity"', "x" * 40, "bad-unknown,x"])
    spec("reference", "tcp", "", "", ["url,example.com", "cve,2020-1234", "foo,bar", "url", "url,", ",x",
                                      "url,example.com/a?b=c", "url, example.com", 'url,"example.com"', "url,a b",
                                      "url,a;b", "1,x", "u-rl,x", "url,http://x"])
    spec("metadata", "tcp", "", "", ["key value", "key value, key2 value2", "key", "a b c", "key value,", ",",
                                     "created_at 2020_01_01", "k v,k v"])
    spec("msg", "tcp", "", "", None)  # msg has its own family
    spec("target", "tcp", "", "", ["src_ip", "dest_ip", "dst_ip", "SRC_IP", " src_ip", "src_ip ", "src"])
    spec("requires", "tcp", "", "", ["version >= 7", "version >= 8", "version >= 7.0.10", "version < 8",
                                     "feature foo", "version", "foo bar", "version >= 7, feature output::file-store",
                                     "version >= 7.0.0 < 7.1", "version >= x", "version >= 6"])
    spec("app-layer-protocol", "tcp", "", "", ["http", "tls", "dns", "!http", "failed", "!failed", "foo", "HTTP",
                                               "http1", "http2", "ssh", "smb", "dcerpc", "ftp", "modbus", "unknown",
                                               "http,final", '"http"', " http", "ikev2", "dnp3", "enip", "ftp-data"])
    spec("app-layer-event", "tcp", "", "", ["http.uri_delim_non_compliant", "http.request_field_too_long",
                                            "tls.invalid_record_type", "dns.malformed_data", "smtp.invalid_reply",
                                            "http.foo", "foo.bar", "applayer_mismatch_protocol_both_directions",
                                            "applayer_wrong_direction_first_data", "applayer_detect_protocol_only_one_direction",
                                            "applayer_proto_detection_skipped", "applayer_no_tls_after_starttls",
                                            "applayer_unexpected_protocol", "foo", "HTTP.uri_delim_non_compliant",
                                            "tls.certificate_missing_element", "file.memcap", "file.foo",
                                            "http2.invalid_frame_header", "ssh.invalid_banner", "smb.internal_error",
                                            "modbus.invalid_protocol_id", "dnp3.flooded", " http.uri_delim_non_compliant"])
    spec("decode-event engine-event", "ip", "", "", ["ipv4.pkt_too_small", "decoder.ipv4.pkt_too_small",
                                                     "ipv4.foo", "foo", "tcp.invalid_optlen", "stream.3whs_async_wrong_seq",
                                                     "IPV4.PKT_TOO_SMALL", "ipv6.zero_len_padn", "ppp.pkt_too_small",
                                                     "ethernet.pkt_too_small", "ipv4.opt_pad_required",
                                                     "decoder.ipv4.trunc_pkt", "ipv4.trunc_pkt"])
    spec("stream-event", "tcp", "", "", ["3whs_async_wrong_seq", "est_synack_resend_with_different_ack",
                                         "3whs_synack_resend_with_different_ack", "est_synack_resend_with_diff_ack",
                                         "reassembly_overlap_different_data", "foo", "stream.3whs_async_wrong_seq",
                                         "pkt_invalid_timestamp"])
    spec("ssl_state", "tls", "", "", ["client_hello", "server_hello", "client_keyx", "server_keyx", "unknown",
                                      "client_hello|server_hello", "client_hello,server_hello", "client_hello, server_hello",
                                      "!client_hello", "client_hello|!server_hello", "CLIENT_HELLO", "foo",
                                      "client_hello|", "|client_hello", "client_hello||server_hello", " client_hello",
                                      "client_hello ", "!", "client_hello|foo", "client_hello !server_hello"])
    spec("ssl_version", "tls", "", "", ["sslv2", "sslv3", "tls1.0", "tls1.1", "tls1.2", "tls1.3", "tls1.2,tls1.3",
                                        "!sslv2", "sslv2,!sslv3", "SSLv3", "tls1.4", "tls1.2,", "tls1.2, tls1.3",
                                        "tls1.2 ,tls1.3", "foo", "!", "tls1.2,tls1.2", "tls1"])
    spec("tls.version", "tls", "", "", ["1.0", "1.1", "1.2", "1.3", "0x0303", "!1.2", "1.4", "1.2,1.3", '"1.2"',
                                        "ssl3", "0x7f1c", "x", "1", "0x", "1.2 ", " 1.2"])
    spec("tls.subject tls.issuerdn", "tls", "", "", ['"CN=example.com"', '"CN=*.example.com"', '"CN=a, O=b"',
                                                     '"CN=a@b"', '"CN=a/b"', '"CN=a;b"', '"a"', '"CN=é"',
                                                     '!"CN=x"', '"CN=a_b"', '"CN=(x)"'])
    spec("tls.fingerprint", "tls", "", "", ['"00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff:00:11:22:33"',
                                            '"00:11"', '"XX:11"', '"0011"', '"00 11"', '"00-11"', '!"00:11"'])
    spec("tls_cert_notbefore tls_cert_notafter", "tls", "", "", ["2015", ">2015", "<2015", "2015-10",
                                                                 "2015-10-22", "2015-10-22T14:30", "2015-10-22T14:30:00",
                                                                 "2015<>2016", "1445", "x", ">", "2015-13", "2015-10-22 14:30",
                                                                 ">2015-10-22", "2015-10-22T", "99999"])
    spec("tls.cert_chain_len", "tls", "", "", u32[:25])
    spec("nfs_procedure", "nfs", "", "", u32[:25])
    spec("nfs.version nfs_version", "nfs", "", "", u32[:25])
    spec("ssh.protoversion", "ssh", "", "", ["2.0", "1.99", "2_compat", "2", "2.0.1", "x", '"2.0"', "2.0-1", " 2.0", "2.x"])
    spec("ssh.softwareversion", "ssh", "", "", ["OpenSSH", "OpenSSH_7.4", "OpenSSH 7.4", "Open/SSH", '"OpenSSH"',
                                                "a:b", "a+b", "a!b", "x" * 300])
    spec("dns.opcode", "dns", "", "", ["0", "15", "16", "255", "256", "!0", "! 0", "x", "-1", "<5", ">5", "1-3", " 0"])
    spec("dcerpc.iface dce_iface", "dcerpc", "", "", ["4b324fc8-1670-01d3-1278-5a47bf6ee188",
                                                     "4b324fc8-1670-01d3-1278-5a47bf6ee188,>1",
                                                     "4b324fc8-1670-01d3-1278-5a47bf6ee188,<1",
                                                     "4b324fc8-1670-01d3-1278-5a47bf6ee188,=1",
                                                     "4b324fc8-1670-01d3-1278-5a47bf6ee188,!1",
                                                     "4b324fc8-1670-01d3-1278-5a47bf6ee188,any_frag",
                                                     "4b324fc8-1670-01d3-1278-5a47bf6ee188,>1,any_frag",
                                                     "4b324fc8-1670-01d3-1278-5a47bf6ee188,>65535",
                                                     "4b324fc8-1670-01d3-1278-5a47bf6ee188,>65536",
                                                     "4b324fc8-1670-01d3-1278-5a47bf6ee18", "4b324fc81670-01d3-1278-5a47bf6ee188",
                                                     "zb324fc8-1670-01d3-1278-5a47bf6ee188", "4B324FC8-1670-01D3-1278-5A47BF6EE188",
                                                     "{4b324fc8-1670-01d3-1278-5a47bf6ee188}", "x"])
    spec("dcerpc.opnum dce_opnum", "dcerpc", "", "", ["1", "1,2", "1-3", "1-3,5", "1, 2", "65535", "65536", "x",
                                                     "1-", "3-1", "1--3", "1,2,3-5,7", "", "1 - 3", "123456"])
    spec("krb5_err_code krb5_msg_type", "krb5", "", "", ["1", "0", "255", "256", "-1", "x", '"1"', "1.0", " 1"])
    spec("krb5.ticket_encryption", "krb5", "", "", ["rc4-hmac", "aes256-cts-hmac-sha1-96", "23", "!rc4-hmac",
                                                     "rc4-hmac,aes256-cts-hmac-sha1-96", "foo", "RC4-HMAC", "-1",
                                                     "des-cbc-crc", "weak", "!23", "rc4-hmac,"])
    spec("snmp.version", "snmp", "", "", ["1", "2", "3", "<3", "0", "x", "4294967296"])
    spec("snmp.pdu_type", "snmp", "", "", ["0", "1", "255", "4294967295", "4294967296", "x", " 1", "-1", "<1"])
    spec("rfb.secresult", "rfb", "", "", ["ok", "fail", "toomany", "unknown", "OK", "x", "1", " ok"])
    spec("rfb.sectype", "rfb", "", "", u32[:20])
    spec("mqtt.type", "mqtt", "", "", ["CONNECT", "CONNACK", "PUBLISH", "PUBACK", "PUBREC", "PUBREL", "PUBCOMP",
                                       "SUBSCRIBE", "SUBACK", "UNSUBSCRIBE", "UNSUBACK", "PINGREQ", "PINGRESP",
                                       "DISCONNECT", "AUTH", "connect", "1", "15", "16", "x", "UNASSIGNED", "0"])
    spec("mqtt.flags", "mqtt", "", "", ["retain", "dup", "!retain", "retain,dup", "retain,!dup", "x", "retain,",
                                        "RETAIN", "retain, dup", "retain,retain"])
    spec("mqtt.qos", "mqtt", "", "", ["0", "1", "2", "3", "x", "-1", " 1"])
    spec("mqtt.protocol_version", "mqtt", "", "", u8[:20])
    spec("mqtt.reason_code mqtt.connack.return_code", "mqtt", "", "", ["0", "255", "256", "x", " 1 ", "-1", "1,2"])
    spec("mqtt.connect.flags", "mqtt", "", "", ["username", "password", "will", "will_retain", "clean_session",
                                                "username,password", "!username", "username,!password", "x",
                                                "username,", "USERNAME", "username, password"])
    spec("mqtt.connack.session_present", "mqtt", "", "", ["true", "false", "yes", "no", "TRUE", "1", "x", " true"])
    spec("http2.frametype", "http2", "", "", ["DATA", "HEADERS", "PRIORITY", "RST_STREAM", "SETTINGS", "PUSH_PROMISE",
                                              "PING", "GOAWAY", "WINDOW_UPDATE", "CONTINUATION", "data", "0", "255", "256",
                                              "x", " DATA"])
    spec("http2.errorcode", "http2", "", "", ["NO_ERROR", "PROTOCOL_ERROR", "INTERNAL_ERROR", "FLOW_CONTROL_ERROR",
                                              "SETTINGS_TIMEOUT", "STREAM_CLOSED", "FRAME_SIZE_ERROR", "REFUSED_STREAM",
                                              "CANCEL", "COMPRESSION_ERROR", "CONNECT_ERROR", "ENHANCE_YOUR_CALM",
                                              "INADEQUATE_SECURITY", "HTTP_1_1_REQUIRED", "no_error", "0", "4294967295",
                                              "4294967296", "x"])
    spec("http2.priority", "http2", "", "", u8[:20])
    spec("http2.window", "http2", "", "", u32[:20])
    spec("http2.size_update", "http2", "", "", u64[:20])
    spec("http2.settings", "http2", "", "", ["SETTINGS_HEADER_TABLE_SIZE", "SETTINGS_ENABLE_PUSH",
                                             "SETTINGS_MAX_CONCURRENT_STREAMS", "SETTINGS_INITIAL_WINDOW_SIZE",
                                             "SETTINGS_MAX_FRAME_SIZE", "SETTINGS_MAX_HEADER_LIST_SIZE",
                                             "SETTINGS_ENABLE_PUSH=0", "SETTINGS_ENABLE_PUSH>1", "SETTINGS_ENABLE_PUSH<1",
                                             "SETTINGS_ENABLE_PUSH=1-5", "settings_enable_push", "FOO", "SETTINGS_ENABLE_PUSH=x",
                                             "SETTINGS_ENABLE_PUSH = 1", "SETTINGS_ENABLE_PUSH=4294967296"])
    spec("dhcp.leasetime dhcp.rebinding_time dhcp.renewal_time", "dhcp", "", "", u64[:20])
    spec("ike.exchtype", "ike", "", "", u8[:15])
    spec("ike.key_exchange_payload_length ike.nonce_payload_length", "ike", "", "", u32[:15])
    spec("ike.chosen_sa_attribute", "ike", "", "", ["alg_enc=7", "alg_hash=2", "alg_auth=1", "sa_life_type=1",
                                                    "alg_enc=x", "foo=1", "alg_enc", "alg_enc = 7", "alg_enc=4294967296",
                                                    "alg_enc=7,alg_hash=2", "ALG_ENC=7"])
    spec("ftpdata_command", "ftp-data", "", "", ["stor", "retr", "STOR", "list", " stor", "stor "])
    spec("asn1", "tcp", "", "", ["bitstring_overflow", "double_overflow", "oversize_length 10", "absolute_offset 10",
                                 "relative_offset 10", "bitstring_overflow, double_overflow", "oversize_length x",
                                 "foo", "oversize_length", "absolute_offset -1", "relative_offset -10",
                                 "oversize_length 4294967296", "bitstring_overflow,oversize_length 10,relative_offset 5",
                                 "absolute_offset 10, relative_offset 5"])
    spec("config", "tcp", "", "", ["logging disable, type tx, scope tx", "logging disable, type flow, scope flow",
                                   "logging disable, type tx, scope flow", "logging enable, type tx, scope tx",
                                   "log disable, type tx, scope tx", "logging disable", "logging disable, type x, scope tx",
                                   "logging disable,type tx,scope tx", "logging disable, scope tx, type tx"])
    spec("filestore", "http", "", "", [None, "request,file", "response,tx", "both,ssn", "to_server,flow",
                                       "to_client", "request", "x", "request,x", "request,file,x", "REQUEST,FILE"])
    spec("filesize", "http", "", "", u64[:20])
    spec("filemd5 filesha1 filesha256", "http", "", "", ["md5.lst", "!md5.lst", "missing.txt"])
    spec("filename fileext filemagic", "http", "", "", ['"a.exe"', '"exe"', '!"exe"', '"A.EXE"', '"a"', 'exe'])
    spec("nfq_set_mark", "tcp", "", "", ["1/1", "0x1/0xff", "x", "1"])
    spec("geoip", "ip", "", "", ["dst,RU", "src,RU", "both,RU", "any,RU", "RU", "dst,RU,CN", "dst,!RU", "DST,RU", "x,RU",
                                 "dst,", "src,RU,!CN"])
    spec("iprep", "ip", "", "", ["src,BadHosts,>,30", "dst,x,<,5", "any,x,=,1", "both,x,>,1", "src,x,>,300", "src,x",
                                 "foo,x,>,1"])
    # @DS@ becomes a name of the rule's own (Gen.add): a dataset is shared
    # by every rule of a file that names it, which would make verdicts
    # depend on the rules before.
    spec("dataset", "http", "http.uri; " + C, "", ["isset,@DS@,type string", "set,@DS@,type string,save @DS@.lst",
                                                   "isset,@DS@", "foo,@DS@,type string", "isset,@DS@,type x",
                                                   "isset,@DS@,type string,load x.lst"])
    spec("datarep", "http", "http.uri; " + C, "", ["@DS@,>,1", "@DS@,<,1", "@DS@,==,1", "@DS@,!=,1", "@DS@",
                                                   "@DS@,>,x"])
    spec("lua luajit", "tcp", "", "", ["x.lua", "!x.lua"])
    spec("modbus", "modbus", "", "", ["function 1", "unit 1"])
    spec("cip_service", "enip", "", "", ["1", "1,2", "1,2,!3"])
    spec("enip_command", "enip", "", "", ["99", "x"])
    spec("dnp3_func dnp3.func", "dnp3", "", "", ["1", "confirm"])
    spec("dnp3_ind dnp3.ind", "dnp3", "", "", ["device_restart", "0x1"])
    spec("dnp3_obj dnp3.obj", "dnp3", "", "", ["1,1", "x"])
    spec("base64_decode", "tcp", "", "", [None, "bytes 10", "offset 5", "relative", "bytes 10, offset 5",
                                          "bytes 10, offset 5, relative", "bytes 0", "bytes 65536", "offset 4294967296",
                                          "bytes x", "bytes 10,relative", "relative, bytes 10", "foo",
                                          "bytes 10 offset 5", "bytes  10"])
    spec("isdataat", "tcp", C, "", ["1", "!1", "1,relative", "!1,relative", "1,rawbytes", "1,relative,rawbytes",
                                    "1, relative", "65535", "65536", "x", "-1", "1,relative,relative", "1,foo",
                                    "!1, relative", "0", "1,", "!"])
    spec("byte_test", "tcp", C, "", ["1,>,1,0", "4,=,1,0,relative", "2,<,1,0,little", "2,&,1,0,big",
                                     "1,^,1,0", "1,!=,1,0", "1,!,1,0", "1,<=,1,0", "1,>=,1,0", "8,=,1,0", "9,=,1,0",
                                     "0,=,1,0", "23,=,1,0,string,dec", "24,=,1,0,string,dec", "4,=,1,0,string,hex",
                                     "4,=,1,0,string,oct", "4,=,1,0,dec", "4,=,1,0,dce", "4,=,1,0,string,dce",
                                     "4,=,1,0,bitmask 0xff", "4,=,1,0,bitmask x", "1,=,1", "1,x,1,0", "x,=,1,0",
                                     "1,=,x,0", "1,=,1,x", "1, >, 1, 0", "1,>,1,0,foo", "1,>,-1,0", "1,>,1,-1",
                                     "1,>,0x10,0", "1,>,1,0,relative,relative", "4,=,1,0,string"])
    spec("byte_jump", "tcp", C, "", ["1,0", "4,0,relative", "4,0,little", "4,0,big", "4,0,string,dec",
                                     "4,0,string,hex", "4,0,string,oct", "4,0,dec", "4,0,align", "4,0,from_beginning",
                                     "4,0,from_end", "4,0,from_beginning,from_end", "4,0,multiplier 2",
                                     "4,0,multiplier 0", "4,0,post_offset 10", "4,0,post_offset -10",
                                     "4,0,post_offset x", "4,0,dce", "4,0,string,dce", "0,0", "9,0", "23,0,string",
                                     "24,0,string", "x,0", "1,x", "1", "1,0,foo", "1, 0", "1,-1", "1,65536",
                                     "4,0,bitmask 0xff"])
    spec("byte_extract", "tcp", C, "", ["1,0,v", "4,0,v,relative", "4,0,v,little", "4,0,v,big", "4,0,v,dce",
                                        "4,0,v,string", "4,0,v,string,hex", "4,0,v,string,dec", "4,0,v,string,oct",
                                        "4,0,v,hex", "4,0,v,align 4", "4,0,v,align 3", "4,0,v,multiplier 2",
                                        "4,0,v,multiplier 0", "9,0,v", "0,0,v", "20,0,v,string,dec", "21,0,v,string,dec",
                                        "15,0,v,string,hex", "16,0,v,string,hex", "23,0,v,string,oct", "x,0,v",
                                        "1,x,v", "1,0", "1,0,1v", "1,0,v,foo", "1, 0, v", "4,0,v,big,little",
                                        "4,0,v,string,big", "4,0,v,relative,relative", "1,-1,v", "1,65536,v"])
    spec("byte_math", "tcp", C, "", ["bytes 1, offset 0, oper +, rvalue 1, result r",
                                     "bytes 4, offset 0, oper -, rvalue 1, result r",
                                     "bytes 4, offset 0, oper *, rvalue 1, result r",
                                     "bytes 4, offset 0, oper /, rvalue 1, result r",
                                     "bytes 4, offset 0, oper <<, rvalue 1, result r",
                                     "bytes 4, offset 0, oper >>, rvalue 1, result r",
                                     "bytes 4, offset 0, oper %, rvalue 1, result r",
                                     "bytes 4, offset 0, oper +, rvalue 1, result r, relative",
                                     "bytes 4, offset 0, oper +, rvalue 1, result r, endian big",
                                     "bytes 4, offset 0, oper +, rvalue 1, result r, endian little",
                                     "bytes 4, offset 0, oper +, rvalue 1, result r, endian dce",
                                     "bytes 4, offset 0, oper +, rvalue 1, result r, string dec",
                                     "bytes 4, offset 0, oper +, rvalue 1, result r, string hex",
                                     "bytes 4, offset 0, oper +, rvalue 1, result r, string oct",
                                     "bytes 4, offset 0, oper +, rvalue 1, result r, bitmask 0xff",
                                     "bytes 5, offset 0, oper +, rvalue 1, result r",
                                     "bytes 0, offset 0, oper +, rvalue 1, result r",
                                     "bytes 4, offset 0, oper x, rvalue 1, result r",
                                     "bytes 4, offset 0, oper +, rvalue 1",
                                     "bytes 4, offset 0, rvalue 1, result r",
                                     "offset 0, oper +, rvalue 1, result r",
                                     "bytes 4, offset 0, oper +, rvalue x, result r",
                                     "bytes 4, offset 0, oper +, rvalue 4294967296, result r",
                                     "bytes 4, offset 0, oper +, rvalue 0, result r",
                                     "bytes 4, offset 0, oper /, rvalue 0, result r",
                                     "bytes 4,offset 0,oper +,rvalue 1,result r",
                                     "bytes 4, offset -1, oper +, rvalue 1, result r",
                                     "bytes 4, offset 0, oper +, rvalue 1, result r, foo 1",
                                     "bytes 4, offset 0, oper +, rvalue 1, result r, string dec, endian big"])
    spec("depth offset", "tcp", C, "", ["4", "0", "3", "65535", "65536", "-1", "x", "0x10", "010", " 4", "4 ",
                                        "4x", "v", "1.5", "+4"])
    spec("distance within", "tcp", C + " " + C, "", ["0", "4", "-4", "3", "-1", "1048576", "1048577", "-1048577",
                                                      "x", "v", "0x10", " 4", "4x", "4 ", "-", "+4", "99999999999"])
    spec("fast_pattern", "tcp", C, "", [None, "only", "0,1", "0,4", "1,4", "0,5", "4,0", "x", "only,1", " only",
                                        "0, 1", "65535,1", "0,65536", "-1,1", "0,0"])
    spec("replace", "tcp", C, "", ['"abcd"', '"ab"', '"x"', 'abcd', '"|41 42 43 44|"', '"ab;"'])
    spec("content uricontent", "tcp", "", "", None)  # content family below
    spec("pcre", "tcp", "", "", None)  # pcre family below
    spec("pcrexform", "http", "http.uri;", C, ['"(a)"', '"a"', '"(a)(b)"', '"(?:a)"', '"(a"', '"(?P<x>a)"', 'a'])
    spec("xor", "http", "http.uri;", C, ['"0d0ac8ff"', '"0d"', '"0d0"', '"zz"', '"' + "ab" * 255 + '"',
                                         '"' + "ab" * 256 + '"', '"0D0AC8FF"', 'abcd', '""'])
    spec("bsize", "http", "http.uri; " + C, "", u64[:30] + ["<4", "3", "4<>10", "0<>3"])
    spec("frame", "tcp", "", C, ["tls.pdu", "tls.hdr", "tls.data", "tls.alert", "tls.heartbeat", "tls.foo",
                                 "http1.request", "http.request", "http1.response", "http1.request_line",
                                 "http.request_headers", "smb.nbss.pdu", "smb1.pdu", "smb.smb1.pdu", "dns.pdu",
                                 "dns.foo", "pdu", "stream", "foo.bar", "ssh.record_pdu", "sip.pdu", "rfb.pdu",
                                 "telnet.pdu", "dcerpc.pdu", "krb5.pdu", "mqtt.pdu", "pgsql.pdu", "ike.pdu",
                                 "ftp.command_line", "snmp.pdu", "smtp.command_line", "TLS.PDU", "tls.", ".pdu"])


# --- families ------------------------------------------------------------------
def rule(case, proto, body, sid, action="alert", src="any", sp="any", dst="any", dp="any", direction="->"):
    return case, f'{action} {proto} {src} {sp} {direction} {dst} {dp} (msg:"{case}"; {body} sid:{sid};)'


class Gen:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.cases = []
        self.sid = 0

    def add(self, case, proto, body, **kw):
        self.sid += 1
        body = body.replace("@DS@", f"ds{self.sid}")
        self.cases.append(rule(case, proto, body, self.sid, **kw))

    def add_raw(self, case, text):
        self.sid += 1
        self.cases.append((case, text.replace("SID", str(self.sid))))


VALUE_MUTATIONS = [("", lambda v: v), ("sp", lambda v: " " + v), ("ts", lambda v: v + " "),
                   ("q", lambda v: '"' + v + '"'), ("n", lambda v: "!" + v), ("uc", lambda v: v.upper()),
                   ("tc", lambda v: v + ","), ("nsp", lambda v: "! " + v)]


def fam_keywords(g, keywords):
    build_spec()
    for name in keywords:
        if name not in SPEC:
            continue
        proto, pre, post, values = SPEC[name]
        if values is None:
            continue
        for i, v in enumerate(values):
            if v is None:
                g.add(f"kw/{name}/{i}", proto, f"{pre} {name}; {post}")
                continue
            muts = VALUE_MUTATIONS if i < 12 else VALUE_MUTATIONS[:1]
            for tag, f in muts:
                mv = f(v)
                g.add(f"kw/{name}/{i}/{tag or 'v'}", proto, f"{pre} {name}:{mv}; {post}")
        # the first values under other protocols, and before/after a content
        for p in protos_for(proto)[1:]:
            for i, v in enumerate(values[:4]):
                body = f"{name};" if v is None else f"{name}:{v};"
                g.add(f"kw/{name}/{i}/p-{p}", p, f"{pre} {body} {post}")
        v = values[0]
        body = f"{name};" if v is None else f"{name}:{v};"
        g.add(f"kw/{name}/0/bare", proto, f"{name};")
        g.add(f"kw/{name}/0/empty", proto, f"{name}:;")
        g.add(f"kw/{name}/0/twice", proto, f"{pre} {body} {body} {post}")
        g.add(f"kw/{name}/0/first", proto, f"{body} {pre} {post}")
        g.add(f"kw/{name}/0/in-buf", "http", f"http.uri; {C} {body}")
        g.add(f"kw/{name}/0/after-pcre", proto, f'pcre:"/a/"; {body}')


CONTENTS = ['"abc"', '"ABC"', '"a|41|b"', '"|41 42|"', '"|4142|"', '"|41 4|"', '"|xy|"', '"a|41"', '"a\\;b"',
            '"a\\"b"', '"a\\\\b"', '"a\\:b"', '"a\\x"', '"a\\"', '"a;b"', '""', '" "', '"a b"', '"|00|"', 'abc',
            '"abc', '"abc" ', ' "abc"', '!"abc"', '! "abc"', '"é"', '"|41||42|"', '"||"', '"a|  41  |b"',
            '"|41|a|42|"', '"' + "a" * 255 + '"', '"' + "a" * 65536 + '"', '"a"b"', '"\\a"', '"|4G|"', '"a|"',
            '"|"', '"\\|"', '"a\\"', '"!"']


def fam_content(g):
    for i, c in enumerate(CONTENTS):
        for kw in ("content", "uricontent"):
            for p in ("tcp", "http", "udp"):
                g.add(f"content/{kw}/{i}/{p}", p, f"{kw}:{c};")
        for mod in ("nocase;", "depth:3;", "offset:1;", "fast_pattern;", "http_uri;", "within:3;", "rawbytes;"):
            g.add(f"content/{i}/{mod.rstrip(';')}", "http", f"content:{c}; {mod}")


PCRES = ['"/abc/"', '"/abc/i"', '"/abc/smxAEGR"', '"/abc/U"', '"/abc/I"', '"/abc/P"', '"/abc/H"', '"/abc/D"',
         '"/abc/M"', '"/abc/C"', '"/abc/S"', '"/abc/Y"', '"/abc/V"', '"/abc/W"', '"/abc/Z"', '"/abc/Q"',
         '"/abc/O"', '"/abc/B"', '"/abc/UI"', '"/abc/x"', '"/abc/J"', '"/abc/K"', '"/abc/T"', '"/abc/X"',
         '"/(abc/"', '"/a[/"', '"abc"', '"/abc"', '"//"', '"/abc/ "', '"/abc/,flow:v"', '"/(?P<flow_v>abc)/"',
         '"/(?P<pkt_v>abc)/"', '"/(?P<x_v>abc)/"', '"/(?P<flow_v>a)(?P<pkt_w>b)/"', '"/(abc)/, flow:v"',
         '"/(abc)/,pkt:v"', '"/(abc)/,flow:v,pkt:w"', '"/(abc)/,flow:v, pkt:w"', '"/(abc)(d)/,flow:v,pkt:w"',
         '"/abc/,foo:v"', '"/a\\/b/"', '"/a\\\\/"', '"m/abc/"', '"/abc/ii"', '!"/abc/"', '"/a\\;b/"',
         '"/a;b/"', '"/\\x41/"', '/abc/', '"/abc/R"', '"/(?i)abc/"', '"/a{1,2}/"', '"/a{2,1}/"', '"/\\p{L}/"',
         '"/abc/ R"', '"/abc/i "', '"/abc/Ui"', '"/abc/UR"']


def fam_pcre(g):
    for i, p in enumerate(PCRES):
        for proto in ("tcp", "http", "tls"):
            g.add(f"pcre/{i}/{proto}", proto, f"pcre:{p};")
        g.add(f"pcre/{i}/after-content", "http", f'content:"x"; pcre:{p};')
        g.add(f"pcre/{i}/in-uri", "http", f"http.uri; pcre:{p};")
        g.add(f"pcre/{i}/then-nocase", "http", f'content:"x"; pcre:{p}; nocase;')


def fam_msg(g):
    msgs = ['"x"', '"a;b"', '"a\\;b"', '"a\\"b"', '"a\\\\"', '""', 'x', '"x', '" x "', '"a:b"', '"a\\xb"',
            '"é"', '"a\\"', '"' + "m" * 2000 + '"']
    for i, m in enumerate(msgs):
        g.add_raw(f"msg/{i}", f'alert tcp any any -> any any (msg:{m}; sid:SID;)')
        g.add_raw(f"msg/{i}/twice", f'alert tcp any any -> any any (msg:"case msg/{i}/twice"; msg:{m}; sid:SID;)')


# sticky buffers with what their validation callbacks look at
STICKY = ["http.uri", "http.uri.raw", "http.method", "http.host", "http.host.raw", "http.header", "http.header.raw",
          "http.cookie", "http.user_agent", "http.request_body", "http.response_body", "http.stat_code",
          "http.stat_msg", "http.protocol", "http.start", "http.header_names", "http.accept", "http.accept_lang",
          "http.accept_enc", "http.connection", "http.content_len", "http.content_type", "http.location",
          "http.server", "http.referer", "http.request_line", "http.response_line", "http.request_header",
          "http.response_header", "http2.header_name", "file.data", "file_data", "tls.sni", "tls.certs",
          "tls.cert_issuer", "tls.cert_subject", "tls.cert_serial", "tls.cert_fingerprint", "tls.random",
          "tls.random_time", "tls.random_bytes", "ja3.hash", "ja3.string", "ja3s.hash", "ja3s.string", "ja4.hash",
          "dns.query", "dns_query", "ssh.proto", "ssh.software", "ssh.hassh", "ssh.hassh.server", "ssh.hassh.string",
          "ssh.hassh.server.string", "smb.named_pipe", "smb.share", "smb.ntlmssp_user", "smb.ntlmssp_domain",
          "dcerpc.stub_data", "krb5.cname", "krb5.sname", "sip.method", "sip.uri", "sip.protocol", "sip.stat_code",
          "sip.stat_msg", "sip.request_line", "sip.response_line", "rfb.name", "snmp.usm", "snmp.community",
          "mqtt.connect.clientid", "mqtt.connect.username", "mqtt.connect.password", "mqtt.connect.willtopic",
          "mqtt.connect.willmessage", "mqtt.publish.topic", "mqtt.publish.message", "mqtt.subscribe.topic",
          "mqtt.unsubscribe.topic", "quic.version", "quic.sni", "quic.ua", "quic.cyu.hash", "quic.cyu.string",
          "ike.init_spi", "ike.resp_spi", "ike.vendor", "ike.nonce_payload", "ike.key_exchange_payload",
          "ipv4.hdr", "ipv6.hdr", "icmpv4.hdr", "icmpv6.hdr", "tcp.hdr", "udp.hdr", "ip.src", "ip.dst",
          "file.name", "file.magic", "dnp3.data", "base64_data", "pkt_data", "tls_sni", "http_request_line",
          "dce_stub_data", "ja3_hash", "tls_cert_fingerprint", "tls_cert_serial"]
BUF_PROTO = {"http": "http", "file": "http", "tls": "tls", "ja3": "tls", "ja3s": "tls", "ja4": "tls",
             "dns": "dns", "ssh": "ssh", "smb": "smb", "dcerpc": "dcerpc", "dce": "dcerpc", "krb5": "krb5",
             "sip": "sip", "rfb": "rfb", "snmp": "snmp", "mqtt": "mqtt", "quic": "quic", "ike": "ike",
             "ipv4": "ip", "ipv6": "ip", "icmpv4": "icmp", "icmpv6": "icmpv6", "tcp": "tcp", "udp": "udp",
             "ip": "ip", "http2": "http2", "dnp3": "dnp3", "base64": "tcp", "pkt": "tcp"}
BUF_CONTENTS = ['"abc"', '"ABC"', '"aBc"', '"e7eca2baf4458d095b7f45da28c16c34"', '"E7ECA2BAF4458D095B7F45DA28C16C34"',
                '"e7eca2baf4458d095b7f45da28c16c3"', '"g7eca2baf4458d095b7f45da28c16c34"',
                '"00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff:00:11:22:33"',
                '"00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33"',
                '"00112233445566778899aabbccddeeff0011223344556677"', '"00:11"', '"0011"', '"001"', '"0"',
                '" GET"', '"GET "', '"|09|GET"', '"GET|09|"', '"G ET"', '"t13d1516h2_8daaf6152771_b186095e22b6"',
                '"/index"', '"|41 42|"']


def buf_proto(b):
    head = b.split(".")[0].split("_")[0]
    if b in ("file.data", "file_data", "file.name", "file.magic"):
        return "http"
    return BUF_PROTO.get(head, "tcp")


def fam_buffers(g):
    for b in STICKY:
        p = buf_proto(b)
        pre = "base64_decode; " if b == "base64_data" else ""
        for i, c in enumerate(BUF_CONTENTS):
            g.add(f"buf/{b}/{i}", p, f"{pre}{b}; content:{c};")
        for i, c in enumerate(BUF_CONTENTS[:8]):
            g.add(f"buf/{b}/{i}/nocase", p, f"{pre}{b}; content:{c}; nocase;")
        for suffix, body in (("alone", f"{pre}{b};"), ("pcre", f'{pre}{b}; pcre:"/a/";'),
                             ("depth", f'{pre}{b}; content:"abc"; depth:2;'),
                             ("bsize", f'{pre}{b}; content:"abc"; bsize:2;'),
                             ("bsize-ok", f'{pre}{b}; bsize:10; content:"abc";'),
                             ("lower", f'{pre}{b}; to_lowercase; content:"ABC";'),
                             ("lower-ok", f'{pre}{b}; to_lowercase; content:"abc";'),
                             ("upper", f'{pre}{b}; to_uppercase; content:"abc";'),
                             ("md5", f'{pre}{b}; to_md5; content:"abc";'),
                             ("strip", f'{pre}{b}; strip_whitespace; content:"abc";'),
                             ("twice", f'{pre}{b}; content:"a"; {b}; content:"b";'),
                             ("reset", f'{pre}{b}; content:"a"; pkt_data; content:"b";'),
                             ("empty-then", f'{pre}{b}; {b}; content:"a";'),
                             ("byte-test", f'{pre}{b}; content:"a"; byte_test:1,>,1,0,relative;'),
                             ("isdataat", f'{pre}{b}; content:"a"; isdataat:1,relative;'),
                             ("endswith", f'{pre}{b}; content:"a"; endswith;'),
                             ("flow-tc", f'flow:to_client; {pre}{b}; content:"a";'),
                             ("flow-ts", f'flow:to_server; {pre}{b}; content:"a";'),
                             ("dsize", f'dsize:10; {pre}{b}; content:"a";'),
                             ("http-uri", f'{pre}{b}; content:"a"; http_uri;')):
            g.add(f"buf/{b}/{suffix}", p, body)
        for q in protos_for(p)[1:]:
            g.add(f"buf/{b}/p-{q}", q, f'{pre}{b}; content:"abc";')


TRANSFORMS = ["compress_whitespace", "strip_whitespace", "strip_pseudo_headers", "to_md5", "to_sha1", "to_sha256",
              "dotprefix", "url_decode", "header_lowercase", "to_lowercase", "to_uppercase", 'pcrexform:"(a)"',
              'xor:"0d0a"']


def fam_transforms(g):
    for t in TRANSFORMS:
        n = t.split(":")[0]
        for case, body in (("ok", f'http.uri; {t}; content:"abc";'), ("no-buf", f'{t}; content:"abc";'),
                           ("no-match", f"http.uri; {t};"), ("after-content", f'http.uri; content:"a"; {t}; content:"b";'),
                           ("twice", f'http.uri; {t}; {t}; content:"abc";'),
                           ("then-buf", f'http.uri; {t}; http.host; content:"abc";'),
                           ("pkt", f'tcp.hdr; {t}; content:"abc";'), ("dns", f'dns.query; {t}; content:"abc";'),
                           ("neg-upper", f'http.uri; {t}; content:!"ABC";'), ("upper", f'http.uri; {t}; content:"ABC";'),
                           ("pcre", f'http.uri; {t}; pcre:"/a/";'), ("host-upper", f'http.host; {t}; content:"ABC";'),
                           ("value", f"http.uri; {n}:1; content:\"a\";"), ("base64", f'base64_decode; base64_data; {t}; content:"a";'),
                           ("pkt-data", f'http.uri; {t}; pkt_data; content:"a";'),
                           ("bsize", f'http.uri; {t}; bsize:3; content:"a";')):
            proto = "tcp" if case == "pkt" else ("dns" if case == "dns" else "http")
            g.add(f"xf/{n}/{case}", proto, body)
        for t2 in TRANSFORMS[:6]:
            g.add(f"xf/{n}/then/{t2.split(':')[0]}", "http", f'http.uri; {t}; {t2}; content:"abc";')


POS = ['content:"abc";', 'content:!"abc";', 'pcre:"/a/";', 'pcre:"/a/R";', "nocase;", "depth:3;", "offset:1;",
       "distance:1;", "within:3;", "startswith;", "endswith;", "fast_pattern;", "fast_pattern:only;",
       "fast_pattern:0,1;", "rawbytes;", "http_uri;", "http_header;", "http_method;", "http.uri;", "http.host;",
       "pkt_data;", "file.data;", "byte_test:1,>,1,0,relative;", "byte_jump:1,0,relative;",
       "byte_extract:1,0,v,relative;", "isdataat:1,relative;", "isdataat:!1,relative;", "depth:v;", "offset:v;",
       "dsize:>5;", "dsize:3;", "bsize:5;", "to_lowercase;", "base64_decode:relative;", "base64_data;",
       "prefilter;", "replace:\"abc\";", "flow:to_client;", "flow:to_server;", "flow:established;",
       "http.stat_code;", "http_stat_code;", "urilen:5;", "app-layer-protocol:http;", "app-layer-protocol:!tls;",
       "tls.sni;", "dns.query;", "content:\"ABC\";", "http_raw_header;", "http.header.raw;", "flowbits:set,a;",
       "ip_proto:6;", "ip_proto:!6;", "ip_proto:<6;", "ip_proto:>6;", "tcp.flags:S;", "ttl:5;", "http_cookie;",
       "uricontent:\"a\";", "filename:\"a\";", "byte_math:bytes 1, offset 0, oper +, rvalue 1, result v, relative;",
       "within:v;", "distance:v;", "threshold:type limit,track by_src,count 1,seconds 1;",
       "detection_filter:track by_src,count 1,seconds 1;", "dns.opcode:0;", "ssl_state:client_hello;",
       "file.name;", "filestore;", "bypass;", "stream_size:server,>,1;", "frame:tls.pdu;", "ja3.hash;",
       'content:"e7eca2baf4458d095b7f45da28c16c34";', "tcp.hdr;", "content:\"|00|\";", "startswith; endswith;"]


def fam_pos(g):
    for i, a in enumerate(POS):
        for j, b in enumerate(POS):
            if g.rng.random() < 0.45:
                for proto in ("tcp", "http"):
                    g.add(f"pos/{i}/{j}/{proto}", proto, f"{a} {b}")
            if g.rng.random() < 0.12:
                k = g.rng.randrange(len(POS))
                g.add(f"pos/{i}/{j}/{k}", "http", f"{a} {b} {POS[k]}")


def fam_seq(g, n):
    protos = ["tcp", "http", "udp", "ip", "tls", "dns", "http1", "http2", "icmp"]
    for i in range(n):
        k = g.rng.choice([2, 3, 3, 4, 4, 5, 6])
        body = " ".join(g.rng.choice(POS) for _ in range(k))
        g.add(f"seq/{i}", g.rng.choice(protos), body)


ADDRS = ["any", "1.2.3.4", "1.2.3.4/24", "1.2.3.0/24", "[1.2.3.4,5.6.7.8]", "[1.2.3.4, 5.6.7.8]", "[1.2.3.4,]",
         "[1.2.3.4 ]", "[ 1.2.3.4]", "[1.2.3.4,,5.6.7.8]", "!1.2.3.4", "![1.2.3.4,5.6.7.8]", "[!1.2.3.4,1.2.3.0/24]",
         "[1.2.3.0/24,!1.2.3.4]", "[1.2.3.4,!1.2.3.4]", "$HOME_NET", "!$HOME_NET", "$EXTERNAL_NET", "$FOO",
         "[$HOME_NET,1.2.3.4]", "[$HOME_NET,!$HOME_NET]", "1.2.3.4/33", "1.2.3.4/0", "256.1.1.1", "1.2.3", "::1",
         "2001:db8::/32", "[::1,1.2.3.4]", "!any", "[any]", "[any,1.2.3.4]", "1.2.3.4-1.2.3.10", "[[1.2.3.4]]",
         "[1.2.3.4,[5.6.7.8,9.9.9.9]]", "[]", "[", "1.2.3.4]", "!!1.2.3.4", "ANY", "1.2.3.4/255.255.255.0",
         "0.0.0.0/0", "[!$HOME_NET,1.2.3.4]", "[1.2.3.4, !5.6.7.8]", "[1.2.3.4,5.6.7.8,]", "1.2.3.4 "]
PORTS = ["any", "80", "0", "65535", "65536", "-1", "[80,443]", "[80, 443]", "[80,]", "[80 ]", "[ 80]", "[80,,443]",
         "!80", "![80,443]", "[!80,1:1024]", "[1:1024,!80]", "[80,!80]", "1:1024", "1024:", ":1024", "1024:1",
         "80:80", "$HTTP_PORTS", "!$HTTP_PORTS", "$FOO_PORTS", "[$HTTP_PORTS,8080]", "x", "80-90", "[[80,443]]",
         "[80,[443,8080]]", "[]", "[", "80]", "!!80", "ANY", "[any]", "[any,80]", "!any", "[1:65535,!80:90]",
         "0:65535", "[80,443,]", "[80, !443]", ":", "1:"]
PROTOS = ["tcp", "udp", "icmp", "ip", "http", "tls", "dns", "TCP", "Tcp", "HTTP", "tcp-pkt", "tcp-stream", "ipv4",
          "ipv6", "ip4", "ip6", "icmpv4", "icmpv6", "sctp", "pkthdr", "http1", "http2", "ftp", "smtp", "ssh", "smb",
          "dcerpc", "nfs", "ntp", "ftp-data", "tftp", "ike", "ikev2", "krb5", "quic", "dhcp", "snmp", "sip", "rfb",
          "mqtt", "telnet", "rdp", "bittorrent-dht", "pgsql", "imap", "modbus", "dnp3", "enip", "foo", "udp-pkt",
          "ssl", "irc", "jabber", "template", "any"]
ACTIONS = ["alert", "pass", "drop", "reject", "rejectsrc", "rejectdst", "rejectboth", "ALERT", "Drop", "log",
           "sdrop", "config", "foo"]


def fam_header(g):
    for i, a in enumerate(ADDRS):
        for side in ("src", "dst"):
            kw = {side: a}
            g.add(f"hdr/addr/{i}/{side}", "tcp", 'content:"a";', **kw)
        g.add(f"hdr/addr/{i}/both", "tcp", 'content:"a";', src=a, dst=a)
        g.add(f"hdr/addr/{i}/bidir", "tcp", 'content:"a";', src=a, direction="<>")
    for i, p in enumerate(PORTS):
        for side in ("sp", "dp"):
            g.add(f"hdr/port/{i}/{side}", "tcp", 'content:"a";', **{side: p})
        g.add(f"hdr/port/{i}/udp", "udp", 'content:"a";', dp=p)
        g.add(f"hdr/port/{i}/icmp", "icmp", "", dp=p)
        g.add(f"hdr/port/{i}/ip", "ip", "", dp=p)
    for i, p in enumerate(PROTOS):
        g.add(f"hdr/proto/{i}", p, 'content:"a";')
        g.add(f"hdr/proto/{i}/bare", p, "")
        g.add(f"hdr/proto/{i}/dsize", p, "dsize:5;")
        g.add(f"hdr/proto/{i}/uri", p, 'http.uri; content:"a";')
    for i, a in enumerate(ACTIONS):
        g.add(f"hdr/action/{i}", "tcp", 'content:"a";', action=a)
    for i, d in enumerate(["->", "<>", "<-", "=>", "- >", "<->"]):
        g.add(f"hdr/dir/{i}", "tcp", 'content:"a";', direction=d)
    raws = ['alert tcp any any -> any any (msg:"case hdr/raw/R"; sid:SID;)',
            'alert tcp any any -> any any(msg:"case hdr/raw/R"; sid:SID;)',
            'alert tcp any any -> any any (msg:"case hdr/raw/R"; sid:SID;) ',
            'alert tcp any any -> any any (msg:"case hdr/raw/R"; sid:SID;',
            'alert tcp any any -> any any msg:"case hdr/raw/R"; sid:SID;',
            'alert  tcp  any  any  ->  any  any  (msg:"case hdr/raw/R"; sid:SID;)',
            'alert\ttcp\tany\tany\t->\tany\tany\t(msg:"case hdr/raw/R"; sid:SID;)',
            'alert tcp any any -> any any (msg:"case hdr/raw/R"; sid:SID)',
            'alert tcp any any -> any any (msg:"case hdr/raw/R";sid:SID;)',
            'alert tcp any any -> any any ( msg:"case hdr/raw/R" ; sid : SID ; )',
            'alert tcp any any -> any any (msg :"case hdr/raw/R"; sid:SID;)',
            'alert tcp any any -> any any (msg: "case hdr/raw/R"; sid: SID;)',
            'alert tcp any any -> any any ((msg:"case hdr/raw/R"; sid:SID;))',
            'alert tcp any any -> any any (msg:"case hdr/raw/R"; sid:SID;;)',
            'alert tcp any any -> any any (msg:"case hdr/raw/R";; sid:SID;)',
            'alert tcp any any -> any any (;msg:"case hdr/raw/R"; sid:SID;)',
            'alert tcp any any -> any any (msg:"case hdr/raw/R"; sid:SID; rev:1; rev:2;)',
            'alert tcp any any -> any any (msg:"case hdr/raw/R"; sid:SID; sid:SID;)',
            'alert tcp any any -> any any (msg:"case hdr/raw/R"; Sid:SID;)',
            'alert tcp any any -> any any (msg:"case hdr/raw/R"; SID:SID; CONTENT:"a"; NOCASE;)',
            'alert tcp any any -> any any (msg:"case hdr/raw/R"; sid:SID; content:"a"; classtype:foo; classtype:bar;)',
            'alert tcp any any -> any any (msg:"case hdr/raw/R"; sid:SID; priority:1; priority:2;)',
            'alert tcp any any -> any any (msg:"case hdr/raw/R"; sid:SID; gid:1; gid:2;)',
            'alert tcp any any -> any any (msg:"case hdr/raw/R"; content:"a"; content : "b" ; sid:SID;)',
            'alert tcp any any -> any any (msg:"case hdr/raw/R"; content:"a"  ; nocase  ;  sid:SID;)',
            'alert tcp any any -> any any (msg:"case hdr/raw/R"; content:"a\\;b"; sid:SID;)',
            'alert tcp any any -> any any (msg:"case hdr/raw/R"; content:"a;b"; sid:SID;)',
            'alert tcp any any -> any any (msg:"case hdr/raw/R"; foo; sid:SID;)',
            'alert tcp any any -> any any (msg:"case hdr/raw/R"; sid:SID; foo:bar;)',
            'alert tcp any any -> any any (msg:"case hdr/raw/R"; content:"a"; nocase:; sid:SID;)',
            'alert tcp any any -> any any (msg:"case hdr/raw/R"; content:; sid:SID;)',
            'alert tcp any any -> any any (msg:"case hdr/raw/R"; content: ; sid:SID;)',
            'alert tcp any any -> any any (msg:"case hdr/raw/R"; content:"a"; depth: 3 ; sid:SID;)',
            'alert tcp any any -> any any (msg:"case hdr/raw/R"; sid:SID; content:"a"; reference:url,x; reference:url,y;)',
            'alert tcp any any -> any any (sid:SID;)',
            'alert tcp any any -> any any ()',
            'alert tcp any any -> any any',
            'alert tcp any any -> any any (msg:"case hdr/raw/R"; sid:"SID";)',
            'alert tcp any any -> any any (msg:"case hdr/raw/R"; sid: "SID" ;)',
            'alert tcp any any -> any any (msg:"case hdr/raw/R"; content:"a"; sid:SID; noalert; alert;)',
            'alert http any any -> any any (msg:"case hdr/raw/R"; sid:SID; content:"a"; http_uri; content:"b"; http_header; content:"c"; http_stat_code;)',
            'alert tcp any any -> any any (msg:"case hdr/raw/R"; content:"|3a|"; sid:SID;)',
            'alert tcp 1.2.3.4 any -> 1.2.3.4 any (msg:"case hdr/raw/R"; sid:SID;)',
            'alert tcp 1.2.3.4 any <> 1.2.3.4 any (msg:"case hdr/raw/R"; sid:SID;)',
            'alert tcp any any <> any any (msg:"case hdr/raw/R"; sid:SID;)',
            'alert tcp [1.2.3.4,5.6.7.8] [80,443] <> [1.2.3.4,5.6.7.8] [80,443] (msg:"case hdr/raw/R"; sid:SID;)']
    for i, r in enumerate(raws):
        g.add_raw(f"hdr/raw/{i}", r.replace("hdr/raw/R", f"hdr/raw/{i}"))


# Header lists built at random from the tokens Suricata's list scanners
# (DetectAddressParseInternal, DetectPortParseDo) react to: brackets,
# commas, '!', blanks, ':' and variables, around valid elements.
PORT_TOKENS = ["80", "443", "1:1024", "1024:", ":1024", ":", "any", "$HTTP_PORTS", "!", "!", "[", "[", "]", "]",
               ",", ",", ",", " ", "x", "65536", "0"]
ADDR_TOKENS = ["1.2.3.4", "1.2.3.0/24", "10.0.0.0/8", "::1", "2001:db8::/32", "any", "$HOME_NET", "$EXTERNAL_NET",
               "!", "!", "[", "[", "]", "]", ",", ",", ",", " ", "x", "1.2.3.4-1.2.3.9"]


def random_list(rng, tokens):
    if rng.random() < 0.5:
        # a well-bracketed list with quirks inside
        parts = []
        for _ in range(rng.choice([1, 2, 2, 3, 4])):
            el = rng.choice(tokens[:8])
            if rng.random() < 0.3:
                el = "!" + el
            if rng.random() < 0.15:
                el = "[" + el + "," + rng.choice(tokens[:8]) + "]"
            if rng.random() < 0.1:
                el = rng.choice([" ", "!", ","]) + el
            parts.append(el)
        text = "[" + ",".join(parts) + rng.choice(["", "", "", ",", "!", " "]) + "]"
        if rng.random() < 0.2:
            text = "!" + text
        return text
    return "".join(rng.choice(tokens) for _ in range(rng.choice([1, 2, 3, 4, 5, 6]))).strip() or "any"


def fam_header_random(g, n):
    for i in range(n):
        p = random_list(g.rng, PORT_TOKENS)
        g.add(f"hdrr/port/{i}", g.rng.choice(["tcp", "udp"]), 'content:"a";', **{g.rng.choice(["sp", "dp"]): p})
        a = random_list(g.rng, ADDR_TOKENS)
        g.add(f"hdrr/addr/{i}", "tcp", 'content:"a";', **{g.rng.choice(["src", "dst"]): a})


DEFAULT_SEQ = 16000
DEFAULT_HEADER = 3000


def generate(seed=7, seq=DEFAULT_SEQ, keywords=None, header=DEFAULT_HEADER):
    g = Gen(seed)
    build_spec()
    kws = keywords if keywords is not None else sorted(SPEC)
    fam_keywords(g, kws)
    fam_content(g)
    fam_pcre(g)
    fam_msg(g)
    fam_buffers(g)
    fam_transforms(g)
    fam_pos(g)
    fam_header(g)
    fam_seq(g, seq)
    fam_header_random(g, header)
    return g.cases


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--output")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--seq", type=int, default=DEFAULT_SEQ, help="random option sequences")
    ap.add_argument("--count", action="store_true", help="print the number of rules per family")
    args = ap.parse_args()
    cases = generate(args.seed, args.seq)
    if args.count:
        fams = {}
        for c, _ in cases:
            fams[c.split("/")[0]] = fams.get(c.split("/")[0], 0) + 1
        for f, n in sorted(fams.items()):
            print(f"{f:8} {n}")
        print(f"{'total':8} {len(cases)}")
        return 0
    out = open(args.output, "w") if args.output else sys.stdout
    for _, text in cases:
        out.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
