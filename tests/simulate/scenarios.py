"""Scenarios for the simulate-vs-Suricata comparison (oracle_compare.py).

One traffic mix (TRAFFIC) goes through the oracle with the current policy A
(BASE_RULES + BASE_DEFAULTS); each case is a proposed policy B: simulate
reads A's logs and predicts B, the oracle runs B on the same pcap, and the
two are compared flow by flow.  The cases are the ones issue 13 names:
removing an allow pair, moving a domain to the deny list, adding a suggested
allow pair, a header-only drop, a broad header-only pass before app-layer
drops, packet- vs flow-scope passes for UDP (and ICMP), and changing the
default actions (drop_strict, the bidirectional app-layer drop, alert only).

Every policy keeps to what the oracle's strict-order emulation reproduces
(no drop before an overlapping pass that itself comes before an
overlapping drop): the live test checks --check-strict reports 0 packets.
"""

HOME_NET = "[10.0.0.0/16]"

TRAFFIC = {
    "seed": 13,
    "start": "2024-06-03T09:00:00Z",
    "duration": 1800,
    "defaults": {"src": ["10.0.5.0/24", "10.0.6.0/24"], "rtt_ms": 20},
    "flows": [
        {"proto": "tls", "sni": "api.example.com", "count": 14},
        {"proto": "tls", "sni": "s3.us-west-2.amazonaws.com", "count": 8},
        {"proto": "tls", "sni": "Login.Example.Com", "count": 3},
        {"proto": "http", "host": "updates.example.org", "path": "/pkg/list", "count": 8},
        {"proto": "tls", "sni": "evil.example.net", "blocked": True, "count": 4},
        {"proto": "http", "host": "dl.malware.test", "blocked": True, "count": 3},
        {"proto": "tls", "sni": "unknown-saas.example.io", "count": 6},
        {"proto": "tls", "sni": "unknown-saas.example.io", "blocked": True, "count": 3},
        {"proto": "http", "host": "cdn.example.io", "path": "/a.js", "count": 5},
        {"proto": "tcp", "dst": "203.0.113.22", "dport": 22,
         "c2s": "SSH-2.0-OpenSSH_9.2\r\n", "s2c": "SSH-2.0-OpenSSH_8.9\r\n", "count": 5},
        {"proto": "dns", "dst": "10.0.0.2", "qname": "api.example.com", "count": 10},
        {"proto": "dns", "dst": "8.8.8.8", "qname": "unknown-saas.example.io", "count": 5},
        {"proto": "udp", "dst": "203.0.113.123", "dport": 123,
         "c2s_hex": "23000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
         "s2c_hex": "24020300000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
         "count": 5},
        {"proto": "icmp", "dst": "8.8.8.8", "src": "10.0.5.0/24", "pings": 3, "count": 3},
        {"proto": "icmp", "dst": "1.1.1.1", "src": "10.0.6.0/24", "pings": 2, "count": 3},
        {"proto": "tcp", "dst": "203.0.113.40", "dport": 8443, "server": "refuse", "count": 3},
    ],
}

ALLOW_API = """\
alert tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; tls.sni; content:"api.example.com"; startswith; nocase; endswith; msg:"allowed TLS FQDN"; flow:to_server, established; sid:1000001; rev:1;)
pass tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; tls.sni; content:"api.example.com"; startswith; nocase; endswith; msg:"matching TLS allowlisted FQDNs"; flow:to_server, established; sid:1000002; rev:1;)
"""
ALLOW_AWS = """\
alert tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; tls.sni; dotprefix; content:".amazonaws.com"; nocase; endswith; msg:"allowed TLS FQDN"; flow:to_server, established; sid:1000003; rev:1;)
pass tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; tls.sni; dotprefix; content:".amazonaws.com"; nocase; endswith; msg:"matching TLS allowlisted FQDNs"; flow:to_server, established; sid:1000004; rev:1;)
"""
ALLOW_LOGIN = """\
alert tls $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"login.example.com"; nocase; startswith; endswith; msg:"allowed TLS FQDN"; flow:to_server, established; sid:1000007; rev:1;)
pass tls $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"login.example.com"; nocase; startswith; endswith; msg:"matching TLS allowlisted FQDNs"; flow:to_server, established; sid:1000008; rev:1;)
"""
ALLOW_UPDATES = """\
alert http $HOME_NET any -> $EXTERNAL_NET any (http.host; content:"updates.example.org"; startswith; endswith; msg:"allowed HTTP FQDN"; flow:to_server, established; sid:1000005; rev:1;)
pass http $HOME_NET any -> $EXTERNAL_NET any (http.host; content:"updates.example.org"; startswith; endswith; msg:"matching HTTP allowlisted FQDNs"; flow:to_server, established; sid:1000006; rev:1;)
"""
DNS_PASS = """\
pass dns $HOME_NET any -> 10.0.0.2 53 (msg:"DNS to VPC resolver"; flow:to_server; sid:1000010; rev:1;)
"""
DENY = """\
drop tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; tls.sni; content:"evil.example.net"; startswith; nocase; endswith; msg:"matching TLS denylisted FQDNs"; flow:to_server, established; sid:1; rev:1;)
drop http $HOME_NET any -> $EXTERNAL_NET any (http.host; content:"evil.example.net"; startswith; endswith; msg:"matching HTTP denylisted FQDNs"; flow:to_server, established; sid:2; rev:1;)
drop tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; tls.sni; dotprefix; content:".malware.test"; nocase; endswith; msg:"matching TLS denylisted FQDNs"; flow:to_server, established; sid:3; rev:1;)
drop http $HOME_NET any -> $EXTERNAL_NET any (http.host; dotprefix; content:".malware.test"; endswith; msg:"matching HTTP denylisted FQDNs"; flow:to_server, established; sid:4; rev:1;)
"""
ALERTS = """\
alert ssh $HOME_NET any -> $EXTERNAL_NET any (msg:"outbound SSH session"; flow:to_server, established; ssh.proto; content:"2.0"; sid:1000020; rev:1;)
alert http $HOME_NET any -> $EXTERNAL_NET any (msg:"HTTP with a script path"; flow:to_server, established; http.uri; content:".js"; endswith; sid:1000021; rev:1;)
"""

BASE_DEFAULTS = "aws:drop_established,aws:alert_established"


def base_rules(*, allow_api=True, allow_updates=True, extra_top="", extra_allow="",
               extra_deny="", extra_bottom=""):
    return "".join([
        "# generated by tests/simulate/scenarios.py\n",
        extra_top,
        ALLOW_API if allow_api else "",
        ALLOW_AWS,
        ALLOW_LOGIN,
        ALLOW_UPDATES if allow_updates else "",
        extra_allow,
        DNS_PASS,
        DENY,
        extra_deny,
        ALERTS,
        extra_bottom,
    ])


BASE_RULES = base_rules()

CASES = [
    {"name": "remove-allow-pair",
     "what": "the api.example.com alert+pass pair is removed: its flows hit the default drop",
     "rules": base_rules(allow_api=False), "defaults": BASE_DEFAULTS},
    {"name": "domain-to-denylist",
     "what": "updates.example.org leaves the allow list for the deny list",
     "rules": base_rules(allow_updates=False, extra_deny=(
         'drop http $HOME_NET any -> $EXTERNAL_NET any (http.host; content:"updates.example.org"; '
         'startswith; endswith; msg:"matching HTTP denylisted FQDNs"; flow:to_server, established; '
         'sid:5; rev:1;)\n')),
     "defaults": BASE_DEFAULTS},
    {"name": "add-allow-pair",
     "what": "the pair analyze suggests for unknown-saas.example.io is added",
     "rules": base_rules(extra_allow=(
         'alert tls $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"unknown-saas.example.io"; '
         'startswith; nocase; endswith; msg:"allowed TLS FQDN"; flow:to_server, established; '
         'sid:1000011; rev:1;)\n'
         'pass tls $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"unknown-saas.example.io"; '
         'startswith; nocase; endswith; msg:"matching TLS allowlisted FQDNs"; flow:to_server, '
         'established; sid:1000012; rev:1;)\n')),
     "defaults": BASE_DEFAULTS},
    {"name": "header-only-drop",
     "what": "a header-only drop of outbound SSH and of 10.0.6.0/24 to port 8443 (ip-only: the SYN)",
     "rules": base_rules(extra_top=(
         'drop tcp $HOME_NET any -> $EXTERNAL_NET 22 (msg:"no outbound SSH"; sid:2000001; rev:1;)\n'
         'drop tcp 10.0.6.0/24 any -> any 8443 (msg:"no 8443 from 10.0.6.0/24"; sid:2000002; rev:1;)\n')),
     "defaults": BASE_DEFAULTS},
    {"name": "broad-pass-before-drops",
     "what": "a header-only pass of all outbound 443 placed first: denylisted TLS gets through",
     "rules": base_rules(extra_top=(
         'pass tcp $HOME_NET any -> $EXTERNAL_NET 443 (msg:"all outbound TLS"; sid:2000010; rev:1;)\n')),
     "defaults": BASE_DEFAULTS},
    {"name": "udp-pass-scope",
     "what": "NTP passed by a packet-scope rule (flow:to_server: replies still default-dropped), "
             "DNS to 8.8.8.8 by a flow-scope one, ICMP by a packet-scope one",
     "rules": base_rules(extra_allow=(
         'pass udp $HOME_NET any -> any 123 (msg:"NTP out"; flow:to_server; sid:2000020; rev:1;)\n'
         'pass udp $HOME_NET any -> 8.8.8.8 53 (msg:"DNS to Google"; sid:2000021; rev:1;)\n'
         'pass icmp $HOME_NET any -> any any (msg:"ping out"; flow:to_server; sid:2000022; rev:1;)\n')),
     "defaults": BASE_DEFAULTS},
    {"name": "default-drop-strict",
     "what": "aws:drop_strict + aws:alert_strict: every unpassed packet, the handshake too",
     "rules": BASE_RULES, "defaults": "aws:drop_strict,aws:alert_strict"},
    {"name": "default-app-layer-bidirectional",
     "what": "aws:drop_established_app_layer (bidirectional) with a packet-scope SSH pass: the "
             "server's replies are dropped",
     "rules": base_rules(extra_allow=(
         'pass tcp $HOME_NET any -> $EXTERNAL_NET 22 (msg:"SSH out"; flow:to_server; sid:2000030; rev:1;)\n')),
     "defaults": "aws:drop_established_app_layer,aws:alert_established_app_layer"},
    {"name": "default-alert-only",
     "what": "aws:alert_established only: nothing dropped by default, everything unpassed logged",
     "rules": BASE_RULES, "defaults": "aws:alert_established"},
]
