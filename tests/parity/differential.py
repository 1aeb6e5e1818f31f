#!/usr/bin/python3
"""Generative differential test: nfw-advisor lint against suricata -T.

    /usr/bin/python3 tests/parity/differential.py [--seq N] [--json report.json]
        [--save-fixture N] [-n 30] [--binary build/nfw-advisor]

gen_rules.py writes the grammar's rules (50,000+ by default); Suricata
judges them (suricata_run.check_exact: one verbose suricata -T over the
file, with the rules it drops silently found by bisection) and so does
`nfw-advisor lint --engine suricata --format json`.  A rule is rejected by
lint when a finding on its line has a rejecting check (parity.py's list).
Suricata's "skipped" rules (requires not met, unknown app-layer event: not
loaded but not an error) count as accepted.

Prints the agreement and the disagreements grouped by case family; exit 1
when a disagreement is not in fixtures/parity/known-differences.txt (as
`case:<id> reason`, or `case:<prefix>* reason` for a family).

--save-fixture N keeps N cases (every known difference, the rest a spread
over the families) in fixtures/parity/generated.rules, each after a
`# case: <id>` comment, with Suricata's verdicts in
fixtures/parity/generated.verdicts.jsonl, for parity.py (the CI test).
"""

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_rules  # noqa: E402
import parity  # noqa: E402
import suricata_run as sr  # noqa: E402

FIXTURE = os.path.join(sr.SOURCE_ROOT, "fixtures", "parity", "generated")


def lint_rejects(path, binary, engine="suricata"):
    """{0-based line: [finding text]} of the rejecting findings."""
    var_args = [f"--var={v}" for v in parity.suricata_vars()]
    cmd = [binary, "lint", "--format", "json", "--fail-on", "none"] + var_args
    if engine:
        cmd += ["--engine", engine]
    p = subprocess.run(cmd + [path], capture_output=True, text=True, errors="surrogateescape")
    try:
        data = json.loads(p.stdout)
    except ValueError:
        raise RuntimeError(f"lint: exit {p.returncode}, no JSON: {p.stderr.strip()[:300]}")
    out = {}
    for f in data.get("findings", []):
        if f.get("check") in parity.REJECTING_CHECKS and f.get("line"):
            text = f"[{f['check']}] {f.get('message')}"
            out.setdefault(int(f["line"]) - 1, []).append(text)
            if f.get("check") == "undefined-variable":  # one finding per variable
                for r in f.get("related", []):
                    if r.get("line"):
                        out.setdefault(int(r["line"]) - 1, []).append(text)
    return out


def known_case(known, case):
    """The reason a case is a known difference, or None."""
    if "case:" + case in known:
        return known["case:" + case]
    for k, reason in known.items():
        if k.startswith("case:") and k.endswith("*") and case.startswith(k[5:-1]):
            return reason
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--seq", type=int, default=gen_rules.DEFAULT_SEQ)
    ap.add_argument("--binary", default=os.environ.get("NFW_ADVISOR", os.path.join(sr.SOURCE_ROOT, "build", "nfw-advisor")))
    ap.add_argument("--engine", default="suricata", help="lint --engine value ('' for none)")
    ap.add_argument("--json", help="write the full report here")
    ap.add_argument("--save-fixture", type=int, metavar="N", help="keep N cases as the CI fixture")
    ap.add_argument("--filter", help="only cases whose id starts with this")
    ap.add_argument("-n", "--show", type=int, default=30)
    args = ap.parse_args()
    if not sr.suricata_path():
        print("suricata not on PATH", file=sys.stderr)
        return 2
    cases = gen_rules.generate(args.seed, args.seq)
    if args.filter:
        cases = [c for c in cases if c[0].startswith(args.filter)]
    texts = [t for _, t in cases]
    t0 = time.time()
    with tempfile.TemporaryDirectory(prefix="differential-") as d:
        path = os.path.join(d, "generated.rules")
        with open(path, "w", encoding="utf-8", errors="surrogateescape") as fh:
            for t in texts:
                fh.write(t + "\n")
        t1 = time.time()
        verdicts = sr.check_exact(texts)
        t2 = time.time()
        lint = lint_rejects(path, args.binary, args.engine)
        t3 = time.time()
    known = parity.load_known()
    agree, diffs, known_diffs = 0, [], []
    for i, (case, text) in enumerate(cases):
        v = verdicts[i]
        lint_ok = i not in lint
        if lint_ok == v["ok"]:
            agree += 1
            continue
        entry = {"case": case, "rule": text, "kind": "lint-only" if v["ok"] else "suricata-only",
                 "suricata": v["error"] or ("skipped" if v["skipped"] else "accepted"),
                 "lint": "; ".join(lint.get(i, [])) or "accepted"}
        reason = known_case(known, case)
        if reason:
            entry["known"] = reason
            known_diffs.append(entry)
        else:
            diffs.append(entry)
    n = len(cases)
    print(f"differential (suricata {sr.suricata_version()}): {n} generated rules, {agree} agree "
          f"({100.0 * agree / max(n, 1):.3f}%), {sum(d['kind'] == 'lint-only' for d in diffs + known_diffs)} "
          f"rejected by lint only, {sum(d['kind'] == 'suricata-only' for d in diffs + known_diffs)} by Suricata "
          f"only, {len(known_diffs)} known differences  [suricata {t2 - t1:.1f} s, lint {t3 - t2:.1f} s]")
    fams = collections.Counter("/".join(d["case"].split("/")[:2]) for d in diffs)
    for fam, c in fams.most_common(40):
        print(f"  {c:5}  {fam}")
    for d in diffs[:args.show]:
        print(f"  {d['case']}: {d['kind']}\n      rule:     {d['rule'][:220]}\n"
              f"      suricata: {d['suricata'][:220]}\n      lint:     {d['lint'][:220]}")
    if args.json:
        json.dump({"rules": n, "agree": agree, "diffs": diffs, "known_diffs": known_diffs}, open(args.json, "w"), indent=1)
    if args.save_fixture:
        save_fixture(cases, verdicts, known_diffs, args.save_fixture)
    return 1 if diffs else 0


def save_fixture(cases, verdicts, known_diffs, n):
    """A spread of the cases (every known difference included) as the CI
    fixture, with the verdicts parity.py reads."""
    keep = {d["case"] for d in known_diffs}
    step = max(1, len(cases) // max(1, n - len(keep)))
    chosen = [i for i, (c, _) in enumerate(cases) if c in keep or i % step == 0]
    with open(FIXTURE + ".rules", "w", encoding="utf-8", errors="surrogateescape") as fr, \
            open(FIXTURE + ".verdicts.jsonl", "w") as fv:
        fr.write("# Generated by tests/parity/differential.py --save-fixture from gen_rules.py (seed 7):\n"
                 "# a spread of the grammar's cases; each rule follows its '# case:' id.\n")
        line = 2
        for i in chosen:
            case, text = cases[i]
            fr.write(f"# case: {case}\n{text}\n")
            line += 2
            v = verdicts[i]
            fv.write(json.dumps({"file": "generated.rules", "line": line, "end_line": line, "sid": None,
                                 "ok": v["ok"], "error": v["error"], "mode": "exact", "case": case}) + "\n")
    print(f"fixture: {len(chosen)} cases in {FIXTURE}.rules")


if __name__ == "__main__":
    sys.exit(main())
