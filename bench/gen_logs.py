#!/usr/bin/env python3
"""Generates realistic AWS Network Firewall logs (JSON Lines in the NFW
envelope) of any size, deterministically (fixed seed).

  bench/gen_logs.py --size 1G --out /tmp/nfw-1g.jsonl [--gzip] [--seed 1] [--coherent]

Mix (per record): ~55% netflow (one per direction), ~45% alerts.  Alerts:
a few noisy sids (most of the volume), a long tail of rarely firing sids,
default-action drops ("aws:alert_established action", sids 2/3/4 by
protocol, blocked + verdict drop), domain-list alerts ("not matching any
TLS allowlisted FQDNs"), pass-with-alert twins (verdict pass), with
tls.sni / http.hostname / dns.query as the protocol dictates.  Sources:
thousands of private addresses; destinations: a few hundred.  Key order
follows real NFW records (event object keys as Suricata 7 writes them).

By default every record has a flow_id of its own (what analyze's
aggregates need).  --coherent writes whole flows instead, as a firewall
logs them: a flow's alerts (0 to 3, the same 5-tuple, direction
to_server) and then its two flow records (client's and server's, src/dest
swapped, one second after the flow's last alert), which simulate joins.
"""
import argparse, gzip, random, sys

def parse_size(s):
    mult = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
    s = s.lower()
    return int(float(s[:-1]) * mult[s[-1]]) if s[-1] in mult else int(s)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", default="100M")
    ap.add_argument("--out", required=True)
    ap.add_argument("--gzip", action="store_true")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--coherent", action="store_true",
                    help="whole flows: alerts and both flow records share a flow_id")
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    target = parse_size(a.size)

    firewalls = ["egress-fw", "ingress-fw", "inspection-fw"]
    azs = ["us-east-1a", "us-east-1b", "us-east-1c"]
    srcs = ["10.%d.%d.%d" % (rnd.randrange(0, 4), rnd.randrange(256), rnd.randrange(1, 255)) for _ in range(5000)]
    dsts = ["%d.%d.%d.%d" % (rnd.choice([52, 54, 13, 104, 151, 198]), rnd.randrange(256), rnd.randrange(256), rnd.randrange(1, 255)) for _ in range(400)]
    domains = ["api.example.com", "cdn.example.net", "updates.example.org", "login.example.com",
               "telemetry.example.io", "s3.amazonaws.com", "checkip.amazonaws.com",
               "github.com", "pypi.org", "registry.npmjs.org"] + ["host%d.example.biz" % i for i in range(200)]
    noisy = [(2100498, 3, "ET POLICY curl User-Agent Outbound", "allowed", "alert"),
             (2013028, 7, "ET POLICY Python-urllib/ Suspicious User Agent", "allowed", "alert"),
             (1000010, 1, "Block telnet", "blocked", "drop")]
    tail = [(3000000 + i, 1, "Custom rule %d" % i, "allowed" if i % 3 else "blocked",
             "alert" if i % 3 else "drop") for i in range(300)]

    out = gzip.open(a.out, "wt", compresslevel=6) if a.gzip else open(a.out, "w")
    written = 0
    flow_id = 100000000000000
    base_ts = 1740400000
    n = 0
    pending = []   # --coherent: flow records waiting for their flow's alerts to be out
    while written < target:
        n += 1
        if a.coherent:
            line = coherent_record(rnd, n, base_ts, firewalls, azs, srcs, dsts, domains, noisy, tail,
                                   pending)
            out.write(line)
            written += len(line)
            continue
        ets = base_ts + n // 50
        fw = firewalls[n % 3] if n % 7 else firewalls[0]
        az = azs[n % 3]
        t = "2025-02-24T%02d:%02d:%02d.%06d+0000" % ((ets // 3600) % 24, (ets // 60) % 60, ets % 60, rnd.randrange(1000000))
        src = rnd.choice(srcs)
        dst = rnd.choice(dsts)
        sport = rnd.randrange(1024, 65535)
        flow_id += rnd.randrange(1, 100000)
        r = rnd.random()
        if r < 0.55:
            proto, dport, app = rnd.choice([("TCP", 443, "tls"), ("TCP", 80, "http"), ("UDP", 53, "dns"), ("TCP", 22, "unknown")])
            pk = rnd.randrange(1, 200)
            ev = ('{"tcp":{"tcp_flags":"1b","syn":true,"fin":true,"psh":true,"ack":true},"app_proto":"%s",'
                  '"src_ip":"%s","src_port":%d,"netflow":{"pkts":%d,"bytes":%d,"start":"%s","end":"%s",'
                  '"age":%d,"min_ttl":63,"max_ttl":63},"event_type":"netflow","flow_id":%d,"dest_ip":"%s",'
                  '"proto":"%s","dest_port":%d,"timestamp":"%s"}') % (
                      app, src, sport, pk, pk * rnd.randrange(60, 1400), t, t, rnd.randrange(0, 120),
                      flow_id, dst, proto, dport, t)
        else:
            r2 = rnd.random()
            if r2 < 0.55:
                sid, rev, msg, act, verdict = noisy[0] if r2 < 0.35 else noisy[1] if r2 < 0.5 else noisy[2]
            elif r2 < 0.75:
                sid, rev, msg, act, verdict = 4, 0, "aws:alert_established action", "blocked", "drop"
            elif r2 < 0.85:
                sid, rev, msg, act, verdict = 4, 1, "not matching any TLS allowlisted FQDNs", "blocked", "drop"
            elif r2 < 0.9:
                sid, rev, msg, act, verdict = 5000001, 1, "Allow and log internal API", "allowed", "pass"
            else:
                sid, rev, msg, act, verdict = rnd.choice(tail)
            kind = rnd.random()
            if kind < 0.6:
                proto, dport, app = "TCP", 443, "tls"
                l7 = ',"tls":{"sni":"%s","version":"UNDETERMINED","ja3":{},"ja3s":{}}' % rnd.choice(domains)
            elif kind < 0.85:
                proto, dport, app = "TCP", 80, "http"
                l7 = (',"http":{"hostname":"%s","url":"/v1/items?id=%d","http_user_agent":"curl/8.5.0",'
                      '"http_method":"GET","protocol":"HTTP/1.1","length":0}') % (rnd.choice(domains), rnd.randrange(10000))
            else:
                proto, dport, app = "UDP", 53, "dns"
                if sid == 4 and rev == 0:
                    sid = 3
                l7 = (',"dns":{"query":[{"type":"query","id":%d,"rrname":"%s","rrtype":"A","tx_id":0,"opcode":0}]}'
                      % (rnd.randrange(65536), rnd.choice(domains)))
            ev = ('{"app_proto":"%s","src_ip":"%s","src_port":%d,"event_type":"alert","alert":{"severity":3,'
                  '"signature_id":%d,"rev":%d,"signature":"%s","action":"%s","category":""},"flow_id":%d,'
                  '"dest_ip":"%s","proto":"%s","verdict":{"action":"%s"}%s,"dest_port":%d,'
                  '"pkt_src":"geneve encapsulation","timestamp":"%s","direction":"to_server"}') % (
                      app, src, sport, sid, rev, msg, act, flow_id, dst, proto, verdict, l7, dport, t)
        line = '{"firewall_name":"%s","availability_zone":"%s","event_timestamp":"%d","event":%s}\n' % (fw, az, ets, ev)
        out.write(line)
        written += len(line)
    out.close()
    print("wrote %d records, %d bytes (uncompressed) to %s" % (n, written, a.out), file=sys.stderr)

_flow_state = {"id": 200000000000000}


def coherent_record(rnd, n, base_ts, firewalls, azs, srcs, dsts, domains, noisy, tail, pending):
    """One record of --coherent output: a flow record due now, else the
    next record of a new or running flow."""
    ets = base_ts + n // 50
    if pending and pending[0][0] <= ets:
        return pending.pop(0)[1]
    fid = _flow_state["id"] = _flow_state["id"] + rnd.randrange(1, 100000)
    fw, az = firewalls[fid % 3], azs[fid % 3]
    src, dst, sport = rnd.choice(srcs), rnd.choice(dsts), rnd.randrange(1024, 65535)
    kind = rnd.random()
    if kind < 0.6:
        proto, dport, app = "TCP", 443, "tls"
        l7 = ',"tls":{"sni":"%s","version":"UNDETERMINED","ja3":{},"ja3s":{}}' % rnd.choice(domains)
    elif kind < 0.85:
        proto, dport, app = "TCP", 80, "http"
        l7 = (',"http":{"hostname":"%s","url":"/v1/items?id=%d","http_user_agent":"curl/8.5.0",'
              '"http_method":"GET","protocol":"HTTP/1.1","length":0}') % (rnd.choice(domains), rnd.randrange(10000))
    else:
        proto, dport, app = "UDP", 53, "dns"
        l7 = (',"dns":{"query":[{"type":"query","id":%d,"rrname":"%s","rrtype":"A","tx_id":0,"opcode":0}]}'
              % (rnd.randrange(65536), rnd.choice(domains)))

    def ts(sec):
        return "2025-02-24T%02d:%02d:%02d.%06d+0000" % ((sec // 3600) % 24, (sec // 60) % 60, sec % 60,
                                                       rnd.randrange(1000000))

    def env(sec, ev):
        return '{"firewall_name":"%s","availability_zone":"%s","event_timestamp":"%d","event":%s}\n' % (
            fw, az, sec, ev)

    lines = []
    for _ in range(rnd.choice([0, 1, 1, 2, 3])):
        r2 = rnd.random()
        if r2 < 0.55:
            sid, rev, msg, act, verdict = noisy[0] if r2 < 0.35 else noisy[1] if r2 < 0.5 else noisy[2]
        elif r2 < 0.8:
            sid, rev, msg, act, verdict = (4 if proto == "TCP" else 3), 0, "aws:alert_established action", "blocked", "drop"
        elif r2 < 0.9:
            sid, rev, msg, act, verdict = 5000001, 1, "Allow and log internal API", "allowed", "pass"
        else:
            sid, rev, msg, act, verdict = rnd.choice(tail)
        ev = ('{"app_proto":"%s","src_ip":"%s","src_port":%d,"event_type":"alert","alert":{"severity":3,'
              '"signature_id":%d,"rev":%d,"signature":"%s","action":"%s","category":""},"flow_id":%d,'
              '"dest_ip":"%s","proto":"%s","verdict":{"action":"%s"}%s,"dest_port":%d,'
              '"pkt_src":"geneve encapsulation","timestamp":"%s","direction":"to_server"}') % (
                  app, src, sport, sid, rev, msg, act, fid, dst, proto, verdict, l7, dport, ts(ets))
        lines.append(env(ets, ev))
    end = ets + 1
    tcp = ',"tcp":{"tcp_flags":"1b","syn":true,"fin":true,"psh":true,"ack":true}' if proto == "TCP" else ""
    for (a_ip, a_port, b_ip, b_port) in ((src, sport, dst, dport), (dst, dport, src, sport)):
        pk = rnd.randrange(3, 60)
        ev = ('{"app_proto":"%s","src_ip":"%s","src_port":%d,"netflow":{"pkts":%d,"bytes":%d,"start":"%s",'
              '"end":"%s","age":1,"min_ttl":63,"max_ttl":63},"event_type":"netflow","flow_id":%d,'
              '"dest_ip":"%s","proto":"%s","dest_port":%d,"timestamp":"%s"%s}') % (
                  app, a_ip, a_port, pk, pk * rnd.randrange(60, 1400), ts(ets), ts(end), fid, b_ip, proto,
                  b_port, ts(end), tcp)
        pending.append((end, env(end, ev)))
    if not lines:
        return pending.pop(0)[1] if pending and pending[0][0] <= ets else coherent_record(
            rnd, n, base_ts, firewalls, azs, srcs, dsts, domains, noisy, tail, pending)
    first, rest = lines[0], lines[1:]
    for l in reversed(rest):
        pending.insert(0, (ets, l))
    return first


if __name__ == "__main__":
    main()
