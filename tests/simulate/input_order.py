#!/usr/bin/python3
"""simulate gives the same flows however the logs are handed to it.

The oracle fixture's alert and flow logs (fixtures/simulate/a/) are given
as two files in both orders, as one file of both record types interleaved
by time (a raw eve.json does that), gzip-compressed, and with the
direction field removed from every alert (old Suricata 6 logs): each run
must print the same per-flow verdicts, blocking rules and alerts.  Also
checks that every flow of the flow log comes out once.
"""

import gzip
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.environ.get("SOURCE_ROOT", os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))))
BIN = os.environ.get("NFW_ADVISOR", "nfw-advisor")
FIX = os.path.join(ROOT, "fixtures", "simulate")
ARGS = ["simulate", "--format", "json", "--var", "HOME_NET=[10.0.0.0/16]",
        "--default-actions", "aws:drop_established,aws:alert_established",
        "--rules", os.path.join(FIX, "udp-pass-scope", "rules.rules")]


def flows(paths):
    p = subprocess.run([BIN] + ARGS + paths, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"simulate {paths}: exit {p.returncode}\n{p.stderr}")
    doc = json.loads(p.stdout)
    out = {}
    for f in doc["flows"]:
        key = f["flow_id"]
        if key in out:
            sys.exit(f"{paths}: flow {key} printed twice")
        out[key] = (f["src_ip"], f["src_port"], f["dest_ip"], f["dest_port"], f["verdict"],
                    json.dumps(f["blocked_by"]), json.dumps(f["alerts"]))
    return out


def main():
    alert = os.path.join(FIX, "a", "alert.jsonl")
    flow = os.path.join(FIX, "a", "flow.jsonl")
    with open(alert) as fh:
        alerts = [json.loads(line) for line in fh]
    with open(flow) as fh:
        netflows = [json.loads(line) for line in fh]
    want = flows([alert, flow])
    ids = {r["event"]["flow_id"] for r in netflows}
    if set(want) != ids:
        sys.exit(f"flows {len(want)}, flow log has {len(ids)}")
    with tempfile.TemporaryDirectory() as d:
        mixed = os.path.join(d, "eve.json")
        both = sorted(alerts + netflows, key=lambda r: r["event"]["timestamp"])
        with open(mixed, "w") as fh:
            for r in both:
                fh.write(json.dumps(r["event"]) + "\n")  # raw EVE, no envelope
        gz = os.path.join(d, "alert.jsonl.gz")
        with open(alert, "rb") as src, gzip.open(gz, "wb") as dst:
            dst.write(src.read())
        old = os.path.join(d, "old-alerts.jsonl")
        with open(old, "w") as fh:
            for r in alerts:
                r["event"].pop("direction", None)
                fh.write(json.dumps(r) + "\n")
        runs = {"flow log first": [flow, alert], "one raw eve.json": [mixed],
                "gzip alerts": [gz, flow], "a folder": [os.path.join(FIX, "a")]}
        failed = 0
        for name, paths in runs.items():
            got = flows(paths)
            if got != want:
                diff = [k for k in set(want) | set(got) if want.get(k) != got.get(k)]
                print(f"FAIL {name}: {len(diff)} flows differ, e.g. {diff[:3]}")
                for k in diff[:3]:
                    print(f"  want {want.get(k)}\n  got  {got.get(k)}")
                failed += 1
            else:
                print(f"ok   {name}: {len(got)} flows")
        # Without alert directions the client is told by the flow records.
        got = flows([old, flow])
        diff = [k for k in want if want[k] != got.get(k)]
        if diff:
            print(f"FAIL alerts without direction: {len(diff)} flows differ, e.g. {diff[:3]}")
            for k in diff[:3]:
                print(f"  want {want.get(k)}\n  got  {got.get(k)}")
            failed += 1
        else:
            print(f"ok   alerts without direction: {len(got)} flows")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
