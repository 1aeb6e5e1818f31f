#!/usr/bin/python3
"""End-to-end: the README's demo command on fixtures/demo/logs/ (NFW alert and flow
logs of rules/egress-strict/, written by real Suricata 7.0.10 through the oracle,
in the S3 layout, one .log.gz per type and hour), checked against what Suricata
wrote (summary.json, the log objects) and what the scenario sent
(traffic.sessions.jsonl.gz):

- every object read, nothing skipped, no alert unmapped (unknown) or ambiguous;
- total alerts == the records in the alert objects == summary.json alert_log_lines;
- per-rule hits == summary.json per_rule alerts; the default action's hits == the
  gid-1000 (emulated default-action) rules' alerts;
- the domain list's drop rules (sids 3 and 6) hit exactly the scenario's unlisted
  TLS/HTTP names, one alert per session;
- the default-action groups cover exactly the destinations of the scenario's
  `default-*` sessions, plus the allowed SFTP and NTP servers, whose replies Suricata 7
  drops (their pass rules are packet rules: see fixtures/demo/README.md);
- --format html: a self-contained page (no external resource), under 400 KB, with
  the key numbers;
- fixtures/demo/hostile/alert.jsonl (<script>, ANSI and OSC escapes in tls.sni and
  http.hostname): no raw control byte in text, JSON or HTML, no live markup in HTML,
  and the JSON round-trips the names.
"""
import collections, glob, gzip, json, os, re, subprocess, sys, tempfile

ROOT = os.environ.get("SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("NFW_ADVISOR", "nfw-advisor")
DEMO = os.path.join(ROOT, "fixtures", "demo")
RULES = os.path.join(ROOT, "rules", "egress-strict")
LOGS = os.path.join(DEMO, "logs")
# allowed by a pass rule, yet their replies meet the default action (see the module doc)
REPLIES_DROPPED = {"allow-sftp-partner", "allow-ntp"}
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(fmt, *paths, extra=()):
    out = subprocess.run([BIN, "analyze", "--format", fmt, "--fail-on", "none", "--rules", RULES]
                         + list(extra) + list(paths), capture_output=True)
    check(out.returncode == 0, "%s: exit %d: %s" % (fmt, out.returncode, out.stderr.decode(errors="replace")))
    return out.stdout


def close(got, want, rel):
    """Distinct counts are exact up to estimates.distinct_exact_up_to, estimated above."""
    return got == want if want <= exact_up_to else abs(got - want) <= max(1, 3 * rel * want)


summary = json.load(open(os.path.join(DEMO, "summary.json")))
sessions = [json.loads(l) for l in gzip.open(os.path.join(DEMO, "traffic.sessions.jsonl.gz"), "rt")]
objects = sorted(glob.glob(os.path.join(LOGS, "AWSLogs", "*", "network-firewall", "*", "*", "*",
                                        "*", "*", "*", "*", "*.log.gz")))
alert_objects = [p for p in objects if "/network-firewall/alert/" in p]
written = []
for p in alert_objects:
    written += [json.loads(l)["event"] for l in gzip.open(p, "rt") if l.strip()]
check(len(written) == summary["alert_log_lines"], "alert objects hold %d records, summary.json %d"
      % (len(written), summary["alert_log_lines"]))
check(len(alert_objects) >= 12 and len(objects) > len(alert_objects), "one object per type and hour")

# --- the demo command, JSON ---------------------------------------------------
doc = json.loads(run("json", os.path.join(ROOT, "fixtures", "demo", "logs") + "/"))
exact_up_to = doc["estimates"]["distinct_exact_up_to"]
rel = doc["estimates"]["distinct_relative_error"]
inp = doc["input"]
check(inp["files"] == len(objects), "files read %d, objects %d" % (inp["files"], len(objects)))
check(inp["alerts"] == len(written), "alerts %d, Suricata wrote %d" % (inp["alerts"], len(written)))
check(inp["flows"] == summary["flow_log_lines"], "flows %d, summary %d" % (inp["flows"], summary["flow_log_lines"]))
check(sum(inp["skipped"].values()) == 0, "nothing skipped: %s" % inp["skipped"])
m = inp["alerts_mapped"]
check(m["unknown"] == 0 and m["ambiguous"] == 0 and m["managed"] == 0, "alerts mapped: %s" % m)
check(m["rules"] + m["default_actions"] == len(written), "every alert mapped once: %s" % m)
check(not [f for f in doc["findings"] if f["check"] == "unknown-sid"], "no unknown-sid finding")

per_rule = summary["per_rule"]
seen = set()
for r in doc["rules"]:
    key = "1:%d" % r["sid"]
    seen.add(key)
    check(key in per_rule, "sid %d not in summary.json" % r["sid"])
    if key in per_rule:
        check(r["hits"] == per_rule[key]["alerts"], "sid %d hits %d, summary.json %d"
              % (r["sid"], r["hits"], per_rule[key]["alerts"]))
check(seen == {k for k in per_rule if k.startswith("1:")}, "rules: %s vs summary %s" % (sorted(seen), sorted(per_rule)))
default_alerts = sum(v["alerts"] for k, v in per_rule.items() if k.startswith("1000:"))
check(len(doc["defaults"]) == 1 and doc["defaults"][0]["signature"] == "aws:alert_established action",
      "one default action")
check(sum(d["hits"] for d in doc["defaults"]) == default_alerts,
      "default hits %d, summary %d" % (sum(d["hits"] for d in doc["defaults"]), default_alerts))
check(m["default_actions"] == default_alerts, "alerts mapped to default actions")

# domain list drops: exactly the unlisted names
want_names = collections.Counter()
for s in sessions:
    if s["name"].startswith("list-drop-"):
        want_names[(6 if s["proto"] == "tls" else 3, s.get("sni") or s.get("host"))] += 1
got_names = collections.Counter()
for r in doc["rules"]:
    if r["sid"] in (3, 6):
        for t in r.get("top_destinations", []):
            got_names[(r["sid"], t["destination"])] += t["alerts"]
check(got_names == want_names, "domain-list drops %s != sessions %s" % (dict(got_names), dict(want_names)))

# default-action groups: exactly the default-* destinations (+ replies of allowed SFTP/NTP)
want = collections.Counter()
for s in sessions:
    if s["name"].startswith("default-") or s["name"] in REPLIES_DROPPED:
        want[(s.get("sni") or s.get("host") or s["dest_ip"], None if s["proto"] == "icmp" else s["dest_port"])] += 1
got = collections.Counter()
d0 = doc["defaults"][0] if doc["defaults"] else {"groups": [], "ungrouped_overflow": 0}
check(d0.get("ungrouped_overflow", 0) == 0, "no ungrouped default alerts")
for g in d0["groups"]:
    got[(g["destination"], None if g["proto"] == "ICMP" else g["dest_port"])] += g["flows"]
    check(g["source_network"] == "$HOME_NET", "group source %s" % g["source_network"])
    check(g["suggested_rules"].startswith("alert ") and "\npass " in g["suggested_rules"],
          "suggested rules of %s" % g["destination"])
check(set(got) == set(want), "default groups: extra %s, missing %s"
      % (sorted(set(got) - set(want), key=str), sorted(set(want) - set(got), key=str)))
for k in set(got) & set(want):
    check(close(got[k], want[k], rel), "default group %s: %d flows, scenario %d" % (k, got[k], want[k]))
silent = [s for s in sessions if s["name"].startswith("silent-")]
check(not [k for k in got if k[0] in {s["dest_ip"] for s in silent}], "silent sessions make no group")

# --- HTML ------------------------------------------------------------------------
html = run("html", LOGS).decode("utf-8")
check(len(html) < 400_000, "HTML report is %d bytes" % len(html))
check(html.lstrip().lower().startswith("<!doctype html"), "HTML document")
ext = re.findall(r'''(?:src|href)\s*=\s*["']?(?:https?:)?//[^"' >]+''', html, re.I)
ext += re.findall(r'''@import|url\(\s*["']?(?:https?:)?//''', html, re.I)
check(not ext, "self-contained: external resources %s" % ext[:5])
with tempfile.TemporaryDirectory() as tmp:
    outp = os.path.join(tmp, "report.html")
    run("html", LOGS, extra=("-o", outp))
    check(open(outp, encoding="utf-8").read() == html, "-o writes the same page as stdout")


def has_number(text, n):
    return any(s in text for s in {str(n), "{:,}".format(n), "{:,}".format(n).replace(",", "\u202f"),
                                   "{:,}".format(n).replace(",", "&#8239;"), "{:,}".format(n).replace(",", " ")})


for what, n in (("total alerts", len(written)), ("flow records", summary["flow_log_lines"]),
                ("default-action alerts", default_alerts), ("noisiest rule", per_rule["1:1000000004"]["alerts"])):
    check(has_number(html, n), "HTML shows %s (%d)" % (what, n))
for name in ("telemetry.vendor-agent.example", "10.0.0.2", "relay7.tunnel.example"):
    check(name in html, "HTML names %s" % name)

# --- hostile names ---------------------------------------------------------------
HOSTILE = os.path.join(DEMO, "hostile", "alert.jsonl")
raw = [json.loads(l)["event"] for l in open(HOSTILE)]
names = {e.get("tls", {}).get("sni") or e["http"]["hostname"] for e in raw}
CTRL = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")
for fmt in ("text", "json", "html"):
    out = run(fmt, HOSTILE)
    check(not CTRL.search(out), "%s: raw control bytes %r" % (fmt, CTRL.findall(out)[:3]))
    check(b"pwned" in out and b"onerror" in out, "%s: the hostile names are shown" % fmt)
    if fmt == "html":
        check(b"<script>alert(1)" not in out and b"<img src=x" not in out, "html: live markup")
        check(b"&lt;script&gt;" in out, "html: escaped markup")
    if fmt == "json":
        hd = json.loads(out)
        check(hd["input"]["alerts"] == len(raw) and hd["input"]["alerts_mapped"]["unknown"] == 0,
              "hostile: alerts mapped %s" % hd["input"]["alerts_mapped"])
        found = json.dumps(hd, ensure_ascii=False)
        for n in names:
            check(json.dumps(n, ensure_ascii=False)[1:-1] in found, "json keeps %r" % n)

if failures:
    print("%d failures" % len(failures))
    sys.exit(1)
print("ok")
