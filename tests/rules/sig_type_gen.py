#!/usr/bin/python3
"""Rules made of random header/option combinations, to check signature types.

    /usr/bin/python3 tests/rules/sig_type_gen.py N [--seed S] > generated.rules

Every protocol Suricata 7 accepts in a header (packet and app-layer),
plain, negated and variable addresses, `->` and `<>`, and options drawn
from the keyword families that decide a signature type
(src/rules/rule_sig.c): every flow option, flowbits/xbits/hostbits/flowint
commands, app-layer-protocol, decoder/stream/app-layer events, payload
keywords with depth/offset/startswith, legacy HTTP content modifiers,
pcre buffer flags, sticky app, packet and frame buffers, app-layer
keywords, packet header keywords, post-match keywords, threshold, tag.
Many combinations are invalid; sig_type_parity.py compares only the rules
Suricata accepts.  The same N and seed give the same rules.
"""

import argparse
import random

PROTOS = ["tcp", "udp", "icmp", "ip", "pkthdr", "tcp-pkt", "tcp-stream", "icmpv6", "http", "http1",
          "http2", "tls", "dns", "ssh", "smb", "smtp", "ftp", "dcerpc", "nfs", "krb5", "snmp", "sip",
          "quic", "dhcp", "ntp", "tftp", "ike", "mqtt", "rfb", "ftp-data", "bittorrent-dht", "imap"]
ADDRS = ["any", "10.0.0.0/8", "!10.0.0.0/8", "$HOME_NET", "$EXTERNAL_NET", "!$EXTERNAL_NET",
         "[10.0.0.0/8,!10.1.0.0/16]", "[$HOME_NET,!10.2.0.0/16]", "![$HOME_NET]", "$HTTP_SERVERS",
         "$AIM_SERVERS", "[1.2.3.4,5.6.7.8]", "192.0.2.1", "[!192.0.2.1,192.0.2.0/24]"]
PORTS = ["any", "80", "[80,443]", "!22", "1024:", "$HTTP_PORTS", "[1:1023,!80]"]
FLOWS = ["to_server", "to_client", "from_client", "from_server", "established", "not_established",
         "stateless", "established,to_server", "established,to_client", "not_established,to_server",
         "to_server,no_stream", "established,only_stream", "no_stream", "only_stream",
         "established,to_server,no_stream", "to_client,established", "stateless,to_server",
         "to_server,only_frag", "no_frag"]

# option families: each a list of option strings (";" separated, no final ";")
FAMILIES = {
    "flow": [f"flow:{f}" for f in FLOWS],
    "flowbits": ["flowbits:set,fb", "flowbits:isset,fb", "flowbits:isnotset,fb", "flowbits:unset,fb",
                 "flowbits:toggle,fb", "flowbits:noalert", "flowbits:set,fb; flowbits:noalert"],
    "xbits": ["xbits:set,xb,track ip_src", "xbits:isset,xb,track ip_src", "xbits:unset,xb,track ip_dst",
              "hostbits:set,hb,src", "hostbits:isset,hb,dst", "hostbits:toggle,hb,src"],
    "flowint": ["flowint:fi,=,1", "flowint:fi,+,1", "flowint:fi,==,1", "flowint:fi,>,2",
                "flowint:fi,isset", "flowint:fi,notset"],
    "pd": ["app-layer-protocol:tls", "app-layer-protocol:!http", "app-layer-protocol:dns",
           "app-layer-protocol:failed"],
    "events": ["decode-event:ipv4.trunc_pkt", "decode-event:tcp.invalid_optlen",
               "stream-event:3whs_ack_in_wrong_dir", "app-layer-event:tls.invalid_record_type",
               "app-layer-event:http.uri_delim_non_compliant", "app-layer-event:applayer_mismatch_protocol_both_directions",
               "app-layer-event:dns.malformed_data"],
    "payload": ['content:"abc"', 'content:"abc"; depth:10', 'content:"abc"; offset:2',
                'content:"abc"; startswith', 'content:"abc"; endswith', 'content:!"xyz"',
                'content:"a"; content:"b"; distance:0', 'content:"abc"; nocase; fast_pattern',
                'pcre:"/abc/i"', 'pcre:"/abc/U"', 'pcre:"/abc/H"', 'byte_test:1,>,1,0',
                'isdataat:10', 'byte_extract:1,0,v; content:"x"; depth:v', 'content:"abc"; dsize:>5'],
    "legacy": ['content:"GET"; http_method', 'content:"/x"; http_uri', 'content:"a"; depth:3; http_uri',
               'uricontent:"/y"', 'content:"h"; http_header; content:"z"', 'content:"b"; http_client_body'],
    "sticky": ['tls.sni; content:"example.com"', 'http.uri; content:"/a"', 'http.host; content:"h"',
               'dns.query; content:"q"', 'file.data; content:"f"', 'ja3.hash; content:"e7eca2baf4458d095b7f45da28c16c34"',
               'tcp.hdr; content:"|00|"', 'udp.hdr; content:"|00|"', 'ipv4.hdr; content:"|45|"',
               'icmpv4.hdr; content:"|08|"', 'http.user_agent; content:"x"; pkt_data; content:"y"',
               'frame:tls.pdu; content:"x"', 'ssh.proto; content:"2.0"', 'smb.share; content:"s"',
               'tls.sni; content:"a"; bsize:>3', 'http.uri; to_lowercase; content:"a"'],
    "applist": ["ssl_state:client_hello", "tls.version:1.2", "urilen:>10", "ssl_version:tls1.2",
                "dns.opcode:0", "filename:\"a.exe\"", "filesize:>10", "http2.frametype:GOAWAY", "tls.store",
                "config:logging disable, type tx, scope tx"],
    "packet": ["ttl:64", "dsize:>10", "itype:8", "icode:0", "icmp_seq:1", "icmp_id:1", "flags:S",
               "tcp.flags:PA", "window:1024", "stream_size:server,>,1", "ip_proto:6", "ip_proto:!TCP",
               "ipopts:rr", "fragbits:M", "id:1", "tos:8", "sameip", "tcp.mss:<536", "flow.age:10",
               "asn1:bitstring_overflow"],
    "post": ["bypass", "replace:\"abc\"", "tag:session,10,packets", "threshold:type limit, track by_src, count 1, seconds 60",
             "detection_filter:track by_src, count 5, seconds 60", "noalert", "alert", "target:src_ip",
             "priority:2", "classtype:trojan-activity", "metadata:k v", "reference:url,example.com"],
}
ACTIONS = ["alert", "pass", "drop", "reject"]


def one(rng, sid):
    proto = rng.choice(PROTOS)
    src, dst = rng.choice(ADDRS), rng.choice(ADDRS)
    sport, dport = rng.choice(PORTS), rng.choice(PORTS)
    direction = "<>" if rng.random() < 0.15 else "->"
    opts = []
    fams = list(FAMILIES)
    for _ in range(rng.choice([0, 1, 1, 2, 2, 3, 4])):
        opts.append(rng.choice(FAMILIES[rng.choice(fams)]))
    body = "; ".join(['msg:"g"'] + opts + [f"sid:{sid}"]) + ";"
    return f"{rng.choice(ACTIONS)} {proto} {src} {sport} {direction} {dst} {dport} ({body})"


def generate(n, seed=1, first_sid=9000000):
    rng = random.Random(seed)
    return [one(rng, first_sid + i) for i in range(n)]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    for r in generate(args.n, args.seed):
        print(r)


if __name__ == "__main__":
    main()
