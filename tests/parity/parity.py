#!/usr/bin/python3
"""Parity of `nfw-advisor lint` with Suricata 7 on any rules file or folder.

    /usr/bin/python3 tests/parity/parity.py [--use-cached] [--lint-json F] [-n 20] PATH...

For every rule of every .rules file under PATH it compares:
  Suricata  `suricata -T` (suricata_verdicts.py: whole file, then rejected
            rules alone); with --use-cached, the committed
            fixtures/parity/<name>.verdicts.jsonl next to each file instead.
  lint      `$NFW_ADVISOR lint --format json FILE` (default build/nfw-advisor).
            A rule is rejected by lint when a finding on its line(s) has
            check syntax, unknown-keyword, invalid-option or duplicate-sid
            (nfw-unsupported and the other checks do not count: Network
            Firewall being stricter than Suricata is not a parse error).
            --lint-json FILE reads lint's JSON from FILE instead (for tests
            of this script).  Lint gets `--var NAME=VALUE` for every address
            and port group of fixtures/parity/suricata.yaml, the variables
            Suricata sees.
Prints rules / agree / lint-only rejects / suricata-only rejects and the
first N disagreements with both messages.  Exit 1 when a disagreement is
not listed in fixtures/parity/known-differences.txt (`file:line reason`,
file relative to the PATH given), 2 on usage errors, else 0.
Files under an nfw/ folder are Network-Firewall-only syntax and skipped.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import suricata_run as sr  # noqa: E402
import suricata_verdicts as sv  # noqa: E402

REJECTING_CHECKS = {"syntax", "unknown-keyword", "invalid-option", "duplicate-sid", "undefined-variable"}
KNOWN = os.path.join(sr.SOURCE_ROOT, "fixtures", "parity", "known-differences.txt")


def load_known(path=KNOWN):
    known = {}
    if os.path.exists(path):
        for line in open(path):
            line = line.strip()
            if line and not line.startswith("#"):
                key, _, reason = line.partition(" ")
                known[key] = reason.strip()
    return known


def suricata_verdicts(path, name, cached):
    if cached:
        vf = os.path.splitext(path)[0] + ".verdicts.jsonl"
        if not os.path.exists(vf):
            raise FileNotFoundError(f"{vf}: no cached verdicts (run suricata_verdicts.py --update-fixtures)")
        vs = [json.loads(line) for line in open(vf)]
        for v in vs:
            v["file"] = name
        return vs
    return list(sv.verdicts_for(path, name))


def suricata_vars(config=sr.CONFIG):
    """NAME=VALUE for every address/port group of the Suricata config, so
    that lint sees the variables Suricata sees (a tiny reader for the
    `vars:` block of our own suricata.yaml, not a YAML parser)."""
    out, section = [], None
    for line in open(config):
        m = re.match(r"^  (address-groups|port-groups):\s*$", line)
        if m:
            section = m.group(1)
            continue
        if section and re.match(r"^\S", line):
            break
        m = re.match(r'^    ([A-Z0-9_]+):\s*"?([^"\n]*?)"?\s*$', line)
        if section and m:
            out.append(f"{m.group(1)}={m.group(2)}")
    return out


def lint_findings(path, binary, lint_json=None):
    if lint_json:
        data = json.load(open(lint_json))
    else:
        var_args = [f"--var={v}" for v in suricata_vars()]
        p = subprocess.run([binary, "lint", "--format", "json", "--fail-on", "none"] + var_args + [path],
                           capture_output=True, text=True)
        try:
            data = json.loads(p.stdout)
        except ValueError:
            raise RuntimeError(f"{binary} lint {path}: exit {p.returncode}, no JSON: {p.stderr.strip()[:300]}")
    return data.get("findings", [])


def compare(path, name, args, known, report):
    vs = suricata_verdicts(path, name, args.use_cached)
    findings = lint_findings(path, args.binary, args.lint_json)
    want = os.path.realpath(path)
    by_line = {}
    for f in findings:
        if f.get("check") in REJECTING_CHECKS and f.get("line") is not None:
            fp = f.get("file")
            if fp and os.path.realpath(fp) != want and os.path.basename(fp) != os.path.basename(path):
                continue
            by_line.setdefault(int(f["line"]), []).append(f)
            # undefined-variable is one finding per variable: the other
            # rules that use it are its related locations
            if f.get("check") == "undefined-variable":
                for r in f.get("related", []):
                    if r.get("line") is not None:
                        by_line.setdefault(int(r["line"]), []).append(f)
    for v in vs:
        lint_f = [f for ln in range(v["line"], v["end_line"] + 1) for f in by_line.get(ln, [])]
        lint_ok = not lint_f
        report["rules"] += 1
        if lint_ok == v["ok"]:
            report["agree"] += 1
            continue
        key = f"{name}:{v['line']}"
        kind = "lint-only" if v["ok"] else "suricata-only"
        report[kind] += 1
        entry = {"where": key, "kind": kind, "sid": v.get("sid"), "suricata": v.get("error"),
                 "lint": "; ".join(f"[{f['check']}] {f.get('message')}" for f in lint_f) or "accepted",
                 "known": known.get(key)}
        (report["known_diffs"] if key in known else report["diffs"]).append(entry)


def main():
    ap = argparse.ArgumentParser(description="Compare nfw-advisor lint with Suricata 7, rule by rule.")
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--use-cached", action="store_true", help="use committed *.verdicts.jsonl, not suricata")
    ap.add_argument("--binary", default=os.environ.get("NFW_ADVISOR", os.path.join(sr.SOURCE_ROOT, "build", "nfw-advisor")))
    ap.add_argument("--lint-json", help="lint JSON output to use instead of running lint (one input file only)")
    ap.add_argument("--known", default=KNOWN)
    ap.add_argument("-n", "--show", type=int, default=20, help="disagreements to print")
    ap.add_argument("--json", help="write the full report here")
    args = ap.parse_args()
    if not args.use_cached and not sr.suricata_path():
        print("suricata not on PATH: use --use-cached", file=sys.stderr)
        return 2
    if not args.lint_json and not os.access(args.binary, os.X_OK):
        print(f"{args.binary}: not found (set NFW_ADVISOR or --binary)", file=sys.stderr)
        return 2
    known = load_known(args.known)
    report = {"rules": 0, "agree": 0, "lint-only": 0, "suricata-only": 0, "diffs": [], "known_diffs": []}
    t0 = time.time()
    files = sv.rules_files(args.paths)
    for path, name in files:
        if ("nfw" + os.sep) in name or name.startswith("nfw" + os.sep):
            continue
        try:
            compare(path, name, args, known, report)
        except (OSError, RuntimeError) as e:
            print(f"error: {e}", file=sys.stderr)
            return 2
    n, a = report["rules"], report["agree"]
    mode = "cached verdicts" if args.use_cached else f"suricata {sr.suricata_version()}"
    print(f"parity ({mode}): {n} rules in {len(files)} files, {a} agree ({100.0 * a / max(n, 1):.2f}%), "
          f"{report['lint-only']} rejected by lint only, {report['suricata-only']} rejected by Suricata only, "
          f"{len(report['known_diffs'])} known differences  [{time.time() - t0:.1f} s]")
    for d in report["diffs"][:args.show]:
        print(f"  {d['where']} sid {d['sid']}: {d['kind']}\n      suricata: {d['suricata'] or 'accepted'}\n      lint:     {d['lint']}")
    if len(report["diffs"]) > args.show:
        print(f"  ... {len(report['diffs']) - args.show} more")
    if args.json:
        json.dump(report, open(args.json, "w"), indent=1)
    return 1 if report["diffs"] else 0


if __name__ == "__main__":
    sys.exit(main())
