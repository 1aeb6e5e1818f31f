#!/usr/bin/python3
"""End-to-end: `nfw-advisor analyze` on logs written by real Suricata 7.0.10
(the oracle's worked example, fixtures/analyze/oracle-example/), checked
against what Suricata wrote and what the scenario sent:

- per-rule hits == the alert records Suricata wrote for that (sid, msg),
  and == run_oracle.py's summary.json per_rule counts;
- unused-rule findings == exactly the logging rules without any alert;
- default-action groups == the sessions the scenario sent to destinations
  no rule lists (name or address, port, number of sessions);
- action order: the default-action alerts that follow a denylist drop on
  the same flow are set apart (after_rule_block), so the groups are equal.
"""
import collections, gzip, json, os, subprocess, sys

ROOT = os.environ.get("SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("NFW_ADVISOR", "nfw-advisor")
FIX = os.path.join(ROOT, "fixtures", "analyze", "oracle-example")
UNLISTED = {"unlisted-saas", "unlisted-cdn-head", "ssh-out", "dns-external", "ntp", "ping"}
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def read_lines(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt") as f:
        return [json.loads(l) for l in f if l.strip()]


def logs(order):
    d = os.path.join(FIX, order)
    return sorted(os.path.join(d, n) for n in os.listdir(d) if n.startswith(("alert", "flow")))


def analyze(order, threads=1):
    out = subprocess.run([BIN, "analyze", "--format", "json", "--fail-on", "none", "--threads",
                          str(threads), "--var", "HOME_NET=[10.0.0.0/16]", "--rules",
                          os.path.join(FIX, "rules.rules")] + logs(order),
                         capture_output=True, text=True)
    check(out.returncode == 0, "%s: exit %d: %s" % (order, out.returncode, out.stderr))
    return json.loads(out.stdout)


def expected_groups():
    want = collections.Counter()
    for line in open(os.path.join(FIX, "traffic.sessions.jsonl")):
        s = json.loads(line)
        if s["name"] in UNLISTED:
            dest = s.get("sni") or s.get("host") or s["dest_ip"]
            port = s["dest_port"] if s["proto"] != "icmp" else None
            want[(dest, port)] += 1
    return want


for order in ("strict", "action"):
    doc = analyze(order)
    alerts = [r["event"] for r in read_lines([p for p in logs(order) if "alert" in p][0])]
    written = collections.Counter((a["alert"]["signature_id"], a["alert"]["signature"])
                                  for a in alerts if not a["alert"]["signature"].startswith("aws:"))
    summary = json.load(open(os.path.join(FIX, order, "summary.json")))["per_rule"]
    check(doc["input"]["alerts"] == len(alerts), "%s: alerts counted" % order)
    check(sum(doc["input"]["skipped"].values()) == 0, "%s: nothing skipped" % order)
    for r in doc["rules"]:
        key = (r["sid"], r["msg"])
        check(r["hits"] == written.get(key, 0),
              "%s: sid %d hits %d, Suricata wrote %d" % (order, r["sid"], r["hits"], written.get(key, 0)))
        check(r["hits"] == summary["1:%d" % r["sid"]]["alerts"],
              "%s: sid %d hits vs summary.json" % (order, r["sid"]))
    unused = {f["sid"] for f in doc["findings"] if f["check"] == "unused-rule"}
    silent_logged = {r["sid"] for r in doc["rules"] if r["logs"] and written.get((r["sid"], r["msg"]), 0) == 0}
    check(unused == silent_logged, "%s: unused %s != rules without alerts %s" % (order, unused, silent_logged))
    defaults = doc["defaults"]
    check(len(defaults) == 1 and defaults[0]["signature"] == "aws:alert_established action",
          "%s: one default action" % order)
    got = collections.Counter()
    for g in defaults[0]["groups"]:
        port = g["dest_port"] if g["proto"] != "ICMP" else None
        got[(g["destination"], port)] += g["flows"]
        check(g["source_network"] == "$HOME_NET", "%s: group source %s" % (order, g["source_network"]))
        check("flow:to_server" in g["suggested_rules"] and g["suggested_rules"].startswith("alert ")
              and "\npass " in g["suggested_rules"], "%s: suggested rules" % order)
    check(got == expected_groups(), "%s: default groups %s != sessions %s" % (order, dict(got), dict(expected_groups())))
    if order == "action":
        check(defaults[0]["after_rule_block"] > 0, "action: default alerts after a rule drop")
    # threads give the same aggregates
    doc2 = analyze(order, threads=2)
    check(doc2["rules"] == doc["rules"] and doc2["defaults"] == doc["defaults"], "%s: threads" % order)

if failures:
    sys.exit(1)
print("ok")
