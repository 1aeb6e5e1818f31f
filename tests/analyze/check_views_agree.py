#!/usr/bin/python3
"""check_views_agree.py - every output of `analyze` shows the same
decisions: the rules suggested for default-action traffic (their text and
sids, in the same order) are identical in the JSON report, the HTML report
and the findings' fixes, because all of them read one AnalyzeView.

Regression test of issue 16: with a policy whose sids are all below
1,000,000 (fixtures/analyze/small-sids/), the HTML report numbered its
suggestions from the highest sid + 1 (sid:8) where text and JSON said
1,000,000 + the highest sid + 1 (sid:1000008), and it ordered groups by
alerts where the others order by flows."""
import html
import json
import os
import re
import subprocess
import sys

ROOT = os.environ.get("SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("NFW_ADVISOR", "nfw-advisor")
OR = "fixtures/analyze/oracle-example"
SAMPLE_LOGS = ["fixtures/logs/opensearch-sample.json", "fixtures/logs/envelope.jsonl"]
CASES = {
    "small-sids": ["--rules", "fixtures/analyze/small-sids/policy.rules"] + SAMPLE_LOGS,
    "samples": ["--rules", "fixtures/analyze/samples/opensearch.rules"] + SAMPLE_LOGS,
    "oracle-strict": ["--var", "HOME_NET=[10.0.0.0/16]", "--rules", OR + "/rules.rules",
                      OR + "/strict"],
    "demo": ["--rules", "rules/egress-strict", "fixtures/demo/logs"],
}
HTML_MAX_GROUPS = 100  # html_analyze.c MAX_GROUPS
failures = 0


def run(fmt, args):
    out = subprocess.run([BIN, "analyze", "--fail-on", "none", "--format", fmt] + args,
                         cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit("analyze --format %s %s: exit %d %s" % (fmt, args, out.returncode,
                                                                 out.stderr))
    return out.stdout


def fail(name, what):
    global failures
    print("FAIL %s: %s" % (name, what))
    failures += 1


for name, args in CASES.items():
    before = failures
    doc = json.loads(run("json", args))
    want_html, want_fixes = [], []
    top = doc["thresholds"]["top"]
    for d in doc["defaults"]:
        rules = [g["suggested_rules"] for g in d["groups"]]
        want_html += rules[:HTML_MAX_GROUPS]
        want_fixes += rules[:top]
    if not want_html:
        fail(name, "no default-action groups: the case tests nothing")
        continue
    page = run("html", args)
    got_html = [html.unescape(m) for m in
                re.findall(r'<pre id="suggest-\d+"><code>(.*?)</code></pre>', page, re.S)]
    if got_html != want_html:
        first = next((i for i, (a, b) in enumerate(zip(got_html, want_html)) if a != b),
                     min(len(got_html), len(want_html)))
        fail(name, "HTML suggestions differ from JSON at group %d:\n  html %s\n  json %s" % (
            first, got_html[first:first + 1], want_html[first:first + 1]))
    # Findings are ranked by severity (a group nothing was dropped of is a
    # note), so their order is not the groups' order: compare the sets.
    got_fixes = [f["fix"] for f in doc["findings"] if f["check"] == "default-drop-traffic"]
    if sorted(got_fixes) != sorted(want_fixes):
        fail(name, "default-drop-traffic fixes differ from the JSON groups")
    text = run("text", args)
    for rule in want_fixes:
        if rule.split("\n")[0] not in text:
            fail(name, "text report lacks %s" % rule.split("\n")[0])
            break
    if name == "small-sids":
        sids = [int(s) for s in re.findall(r"sid:(\d+);", "\n".join(got_html))]
        if not sids or min(sids) != 1000008:
            fail(name, "suggested sids should start at 1000008 (1,000,000 + highest sid 7 + 1), "
                       "got %s" % sids[:4])
    if failures == before:
        print("ok   %s: %d suggestions agree in JSON, HTML, findings and text" % (name, len(got_html)))

sys.exit(1 if failures else 0)
