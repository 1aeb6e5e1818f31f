#!/usr/bin/python3
"""Suricata 7's verdict for every rule of some rules files, as JSON lines.

    /usr/bin/python3 tests/parity/suricata_verdicts.py FILE_OR_DIR... [-o out.jsonl]
    /usr/bin/python3 tests/parity/suricata_verdicts.py --update-fixtures

One line per rule: {"file", "line", "end_line", "sid", "ok", "error", "mode"}
(file relative to the folder given, or to fixtures/parity/ with
--update-fixtures, which rewrites fixtures/parity/<name>.verdicts.jsonl for
every fixtures/parity/**/*.rules except nfw/).

Mode: a file is first checked with one `suricata -T` over the whole file
(this sees cross-rule errors such as duplicate sids); rules rejected there
are then re-checked alone (`suricata -T` per rule), so their messages are
their own and an error is never blamed on a neighbour.  Files named
whole-*.rules keep the whole-file verdicts (duplicate-sid cases).
Adapted from ../shared/oracle/validate_rules.py (written by this team).
"""

import argparse
import json
import os
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "oracle"))
import suricata_run as sr  # noqa: E402
from rules_util import parse_rules_file  # noqa: E402

FIXTURES = os.path.join(sr.SOURCE_ROOT, "fixtures", "parity")


def rules_files(paths):
    """(path, name relative to its root) for each .rules file, sorted."""
    out = []
    for p in paths:
        if os.path.isdir(p):
            for d, dirs, files in os.walk(p):
                dirs.sort()
                for f in sorted(files):
                    if f.endswith(".rules"):
                        full = os.path.join(d, f)
                        out.append((full, os.path.relpath(full, p)))
        else:
            out.append((p, os.path.basename(p)))
    return out


def verdicts_for(path, name, jobs=1):
    rules = parse_rules_file(path, errors="surrogateescape")
    texts = [r.text for r in rules]
    whole_only = os.path.basename(path).startswith("whole-")
    errors, _ = sr.check_whole(texts) if texts else ({}, [])
    modes = {i: "whole-file" for i in range(len(rules))}
    if errors and not whole_only:
        idx = sorted(errors)
        alone = sr.check_per_rule([texts[i] for i in idx], jobs=jobs)
        for k, i in enumerate(idx):
            modes[i] = "per-rule"
            if k in alone:
                errors[i] = alone[k]
            else:   # loads alone: the whole-file error came from elsewhere
                del errors[i]
    for i, r in enumerate(rules):
        e = errors.get(i)
        yield {"file": name, "line": r.line, "end_line": r.end_line, "sid": r.sid,
               "ok": e is None, "error": None if e is None else " | ".join(e), "mode": modes[i]}


def main():
    ap = argparse.ArgumentParser(description="Suricata 7 verdict per rule (JSON lines).")
    ap.add_argument("paths", nargs="*")
    ap.add_argument("-o", "--output")
    ap.add_argument("-j", "--jobs", type=int, default=1)
    ap.add_argument("--update-fixtures", action="store_true")
    args = ap.parse_args()
    if not sr.suricata_path():
        sys.exit("suricata not found")
    if args.update_fixtures:
        for path, name in rules_files([FIXTURES]):
            if name.startswith("nfw" + os.sep):
                continue
            out = os.path.splitext(path)[0] + ".verdicts.jsonl"
            vs = list(verdicts_for(path, name, args.jobs))
            with open(out, "w") as fh:
                for v in vs:
                    fh.write(json.dumps(v) + "\n")
            print(f"{name}: {len(vs)} rules, {sum(not v['ok'] for v in vs)} rejected", file=sys.stderr)
        return 0
    fh = open(args.output, "w") if args.output else sys.stdout
    for path, name in rules_files(args.paths):
        for v in verdicts_for(path, name, args.jobs):
            fh.write(json.dumps(v) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
