#!/usr/bin/python3
"""Golden tests: the full text and JSON output of `nfw-advisor analyze` on
committed fixtures, compared byte for byte with fixtures/analyze/golden/.
Regenerate after an intended change with: check_golden.py --update
(then read the diff before committing it).

Also an analyze-level pass over every input format of fixtures/logs/:
every record is accounted for (events + filtered + skipped == records) and
the same records give the same rule counts whatever the format."""
import json, os, subprocess, sys

ROOT = os.environ.get("SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("NFW_ADVISOR", "nfw-advisor")
GOLD = os.path.join("fixtures", "analyze", "golden")
OR = "fixtures/analyze/oracle-example"
SAMPLES = "fixtures/analyze/samples"
CASES = {
    "oracle-strict": ["--var", "HOME_NET=[10.0.0.0/16]", "--rules", OR + "/rules.rules",
                      OR + "/strict/alert.jsonl.gz", OR + "/strict/flow.jsonl"],
    "oracle-action": ["--var", "HOME_NET=[10.0.0.0/16]", "--rules", OR + "/rules.rules",
                      OR + "/action/alert.jsonl.gz", OR + "/action/flow.jsonl.gz"],
    "samples": ["--rules", SAMPLES + "/opensearch.rules", "fixtures/logs/opensearch-sample.json",
                "fixtures/logs/envelope.jsonl", "fixtures/logs/broken.jsonl"],
}
update = "--update" in sys.argv
failures = 0


def run(args):
    return subprocess.run([BIN, "analyze", "--fail-on", "none"] + args, cwd=ROOT,
                          capture_output=True, text=True)


for name, args in CASES.items():
    for fmt, ext in (("text", "txt"), ("json", "json")):
        out = run(["--format", fmt] + args)
        path = os.path.join(ROOT, GOLD, "%s.%s" % (name, ext))
        if out.returncode != 0:
            print("FAIL %s %s: exit %d %s" % (name, fmt, out.returncode, out.stderr))
            failures += 1
            continue
        if update:
            open(path, "w").write(out.stdout)
            continue
        want = open(path).read()
        if out.stdout != want:
            print("FAIL %s.%s differs from golden (run check_golden.py --update and diff)" % (name, ext))
            failures += 1

# Every input format, analyze level.
LOGS = os.path.join(ROOT, "fixtures", "logs")
rules_of = {}
for entry in sorted(os.listdir(LOGS)):
    if entry in ("SOURCES.md", "make_fixtures.py"):
        continue
    out = run(["--format", "json", "--rules", SAMPLES + "/opensearch.rules",
               os.path.join("fixtures", "logs", entry)])
    doc = json.loads(out.stdout) if out.stdout else None
    inp = doc["input"] if doc else None
    # Exit 2 exactly when records were read but none was usable (every one
    # skipped: corrupt or truncated input); the report is printed either way.
    nothing_usable = inp is not None and inp["records"] > 0 and inp["events"] == 0 \
        and inp["filtered"] == 0
    if out.returncode != (2 if nothing_usable else 0) or doc is None:
        print("FAIL format %s: exit %d %s" % (entry, out.returncode, out.stderr))
        failures += 1
        continue
    if inp["events"] + inp["filtered"] + sum(inp["skipped"].values()) != inp["records"]:
        print("FAIL format %s: records not accounted for: %s" % (entry, inp))
        failures += 1
    if inp["alerts"] != doc["input"]["alerts_mapped"]["rules"] + doc["input"]["alerts_mapped"]["default_actions"] \
            + doc["input"]["alerts_mapped"]["unknown"] + doc["input"]["alerts_mapped"]["managed"]:
        print("FAIL format %s: alerts not all mapped somewhere" % entry)
        failures += 1
    for reason, count in inp["skipped"].items():
        if not inp["skipped_samples"].get(reason):
            print("FAIL format %s: skip reason %s without a sample" % (entry, reason))
            failures += 1
    rules_of[entry] = [(r["sid"], r["hits"]) for r in doc["rules"]]
# envelope.jsonl, its gzip and CRLF copies hold the same records.
for a, b in (("envelope.jsonl", "envelope.jsonl.gz"), ("envelope.jsonl", "envelope-crlf.jsonl")):
    if a in rules_of and b in rules_of and rules_of[a] != rules_of[b]:
        print("FAIL formats %s and %s give different rule counts" % (a, b))
        failures += 1
# Standard input.
with open(os.path.join(LOGS, "envelope.jsonl")) as f:
    out = subprocess.run([BIN, "analyze", "--format", "json", "--fail-on", "none", "--rules",
                          SAMPLES + "/opensearch.rules", "-"], cwd=ROOT, stdin=f,
                         capture_output=True, text=True)
if out.returncode != 0 or [(r["sid"], r["hits"]) for r in json.loads(out.stdout)["rules"]] != rules_of.get("envelope.jsonl"):
    print("FAIL stdin")
    failures += 1
sys.exit(1 if failures else 0)
