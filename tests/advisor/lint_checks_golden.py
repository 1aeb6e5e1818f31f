#!/usr/bin/python3
"""Every static check has, in fixtures/advisor/<check>/, a positive case that
reports it, a near-miss negative case that does not, and the full expected
output of `nfw-advisor lint` for each (text and JSON).

A case is a directory of inputs; an ARGS file in it holds extra options.
Expected outputs sit beside it: <case>.expected.txt and <case>.expected.json.
Regenerate with UPDATE_GOLDEN=1 and review the diff before committing.
"""
import difflib
import json
import os
import pathlib
import subprocess
import sys

BINARY = os.environ.get("NFW_ADVISOR", "build/nfw-advisor")
ROOT = pathlib.Path(os.environ.get("SOURCE_ROOT", ".")) / "fixtures" / "advisor"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def run_lint(case, fmt):
    args_file = case / "ARGS"
    extra = args_file.read_text().split() if args_file.exists() else []
    rel = str(case.relative_to(ROOT))
    p = subprocess.run([BINARY, "lint", "--fail-on", "none", "--format", fmt] + extra + [rel],
                       cwd=ROOT, capture_output=True, text=True)
    if p.returncode != 0:
        raise AssertionError(f"{rel}: exit {p.returncode}: {p.stderr}")
    return p.stdout


def compare(expected_path, actual):
    if UPDATE:
        expected_path.write_text(actual)
        return []
    if not expected_path.exists():
        return [f"{expected_path}: missing (run with UPDATE_GOLDEN=1)"]
    expected = expected_path.read_text()
    if expected == actual:
        return []
    diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                        str(expected_path), "actual"))
    return [f"{expected_path}: output differs\n{diff}"]


def main():
    failures, cases = [], 0
    for check_dir in sorted(p for p in ROOT.iterdir() if p.is_dir() and p.name != "e2e"):
        check = check_dir.name
        kinds = {c.name for c in check_dir.iterdir() if c.is_dir()}
        for required in ("positive", "negative"):
            if required not in kinds:
                failures.append(f"{check}: no {required} case")
        for case in sorted(c for c in check_dir.iterdir() if c.is_dir()):
            cases += 1
            text = run_lint(case, "text")
            js = run_lint(case, "json")
            reported = {f["check"] for f in json.loads(js)["findings"]}
            if case.name == "negative" and check in reported:
                failures.append(f"{check}/negative: reports {check}")
            if case.name != "negative" and check not in reported:
                failures.append(f"{check}/{case.name}: does not report {check}")
            failures += compare(check_dir / f"{case.name}.expected.txt", text)
            failures += compare(check_dir / f"{case.name}.expected.json", js)
    for f in failures:
        print("FAIL", f)
    print(f"{cases} cases, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
