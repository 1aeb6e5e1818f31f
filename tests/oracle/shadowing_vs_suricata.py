#!/usr/bin/python3
"""Shadowing verdicts of `nfw-advisor lint` agree with real Suricata 7.

Each pair is (A, B, traffic, shadowed): A comes first in a strict-order
group.  The test checks that
  1. lint reports B as shadowed-rule/redundant-rule (pointing at A) exactly
     when `shadowed` is True;
  2. Suricata, with B alone, fires B on the traffic (the traffic targets B);
  3. Suricata, with A then B, never fires B when shadowed, and fires it
     when not.
"""
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
BINARY = os.environ.get("NFW_ADVISOR", "build/nfw-advisor")
HOME_NET = "[10.0.0.0/8]"
SRC = "10.0.5.0/24"

PAIRS = [
    # --- lint says shadowed: B must never fire behind A -------------------
    ("pass tcp without flow over a TLS SNI drop on the same port",
     'pass tcp $HOME_NET any -> $EXTERNAL_NET 443 (msg:"A"; sid:1;)',
     'drop tls $HOME_NET any -> $EXTERNAL_NET 443 (msg:"B"; tls.sni; content:"evil.example"; flow:to_server, established; sid:2;)',
     {"proto": "tls", "sni": "evil.example", "dst": "198.51.100.10"}, True),
    ("case-insensitive SNI pass over a narrower SNI drop (any port)",
     'pass tls $HOME_NET any -> $EXTERNAL_NET any (msg:"A"; tls.sni; content:"evil.example"; nocase; flow:to_server, established; sid:1;)',
     'drop tls $HOME_NET any -> $EXTERNAL_NET 8443 (msg:"B"; tls.sni; content:"evil.example"; endswith; flow:to_server, established; sid:2;)',
     {"proto": "tls", "sni": "evil.example", "dst": "198.51.100.10", "dport": 8443}, True),
    ("bidirectional pass (<>) written from the server side over an HTTP drop",
     'pass tcp 198.18.0.0/15 any <> $HOME_NET any (msg:"A"; sid:1;)',
     'drop http $HOME_NET any -> 198.18.1.0/24 80 (msg:"B"; http.host; content:"files.example"; flow:to_server, established; sid:2;)',
     {"proto": "http", "host": "files.example", "dst": "198.18.1.20"}, True),
    ("pass tcp to servers (flow:to_server) over an HTTP drop",
     'pass tcp $HOME_NET any -> $EXTERNAL_NET any (msg:"A"; flow:to_server; sid:1;)',
     'drop http $HOME_NET any -> $EXTERNAL_NET 80 (msg:"B"; http.host; content:"files.example"; flow:to_server, established; sid:2;)',
     {"proto": "http", "host": "files.example", "dst": "198.51.100.30"}, True),
    ("drop over a narrower drop: redundant",
     'drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"A"; tls.sni; content:"evil.example"; flow:to_server, established; sid:1;)',
     'drop tls 10.0.5.0/24 any -> $EXTERNAL_NET 443 (msg:"B"; tls.sni; content:"evil.example"; startswith; flow:to_server, established; sid:2;)',
     {"proto": "tls", "sni": "evil.example", "dst": "198.51.100.10"}, True),
    # --- lint says not shadowed: B must fire --------------------------------
    ("near miss: the pass covers port 443 only, B's traffic goes to 8443",
     'pass tcp $HOME_NET any -> $EXTERNAL_NET 443 (msg:"A"; sid:1;)',
     'drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"B"; tls.sni; content:"evil.example"; flow:to_server, established; sid:2;)',
     {"proto": "tls", "sni": "evil.example", "dst": "198.51.100.10", "dport": 8443}, False),
    ("near miss: the pass is case-sensitive, B (nocase) sees EVIL.example",
     'pass tls $HOME_NET any -> $EXTERNAL_NET any (msg:"A"; tls.sni; content:"evil.example"; flow:to_server, established; sid:1;)',
     'drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"B"; tls.sni; content:"evil.example"; nocase; flow:to_server, established; sid:2;)',
     {"proto": "tls", "sni": "EVIL.example", "dst": "198.51.100.10"}, False),
    ("near miss: the pass only matches packets to the client",
     'pass tcp $HOME_NET any -> $EXTERNAL_NET any (msg:"A"; flow:to_client; sid:1;)',
     'drop http $HOME_NET any -> $EXTERNAL_NET 80 (msg:"B"; http.host; content:"files.example"; flow:to_server, established; sid:2;)',
     {"proto": "http", "host": "files.example", "dst": "198.51.100.30"}, False),
    ("near miss: the pass covers another source network",
     'pass tcp 10.9.0.0/16 any -> $EXTERNAL_NET any (msg:"A"; sid:1;)',
     'drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"B"; tls.sni; content:"evil.example"; flow:to_server, established; sid:2;)',
     {"proto": "tls", "sni": "evil.example", "dst": "198.51.100.10"}, False),
]


def lint_verdict(rules_path):
    p = subprocess.run([BINARY, "lint", "--format", "json", "--fail-on", "none",
                        f"--var=HOME_NET={HOME_NET}", str(rules_path)],
                       capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(p.stderr)
    found = [f for f in json.loads(p.stdout)["findings"]
             if f["check"] in ("shadowed-rule", "redundant-rule")]
    return any(f.get("sid") == 2 and f["related"][0]["line"] == 1 for f in found)


def fires(work, name, rules, pcap):
    rules_path = work / f"{name}.rules"
    rules_path.write_text("\n".join(rules) + "\n")
    out = work / f"out-{name}"
    p = subprocess.run(["/usr/bin/python3", str(HERE / "run_oracle.py"), "--pcap", str(pcap),
                        "--rules", str(rules_path), "--out", str(out), "--order", "strict",
                        "--home-net", HOME_NET], capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"run_oracle {name}: {p.stderr[-2000:]}")
    summary = json.loads((out / "summary.json").read_text())
    for key, counts in summary["per_rule"].items():
        if key.endswith(":2"):
            return counts["alerts"]
    return 0


def main():
    if shutil.which("suricata") is None:
        print("SKIP: suricata not installed")
        return 77
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        for i, (title, a, b, flow, shadowed) in enumerate(PAIRS):
            scenario = {"seed": i + 1, "start": "2024-06-03T09:00:00Z", "duration": 60,
                        "defaults": {"src": SRC}, "flows": [dict(flow, count=2)]}
            (work / f"s{i}.json").write_text(json.dumps(scenario))
            pcap = work / f"s{i}.pcap"
            g = subprocess.run(["/usr/bin/python3", str(HERE / "gen_traffic.py"),
                                str(work / f"s{i}.json"), "-o", str(pcap)],
                               capture_output=True, text=True)
            if g.returncode != 0:
                failures.append(f"{title}: gen_traffic: {g.stderr[-500:]}")
                continue
            pair_rules = work / f"pair{i}.rules"
            pair_rules.write_text(f"{a}\n{b}\n")
            verdict = lint_verdict(pair_rules)
            alone = fires(work, f"alone{i}", [b], pcap)
            behind = fires(work, f"pair{i}", [a, b], pcap)
            line = (f"{'shadowed' if shadowed else 'not shadowed':12} lint={verdict!s:5} "
                    f"B alone fires {alone}x, behind A {behind}x: {title}")
            print(line)
            if verdict != shadowed:
                failures.append(f"{title}: lint says shadowed={verdict}, expected {shadowed}")
            if alone == 0:
                failures.append(f"{title}: B does not fire on its own traffic")
            if shadowed and behind != 0:
                failures.append(f"{title}: lint says shadowed but Suricata fired B {behind}x")
            if not shadowed and behind == 0:
                failures.append(f"{title}: lint says not shadowed but B never fired behind A")
    for f in failures:
        print("FAIL", f)
    print(f"{len(PAIRS)} pairs, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
