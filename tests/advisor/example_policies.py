#!/usr/bin/python3
"""The shipped example policies (rules/) behave as documented:

- rules/egress-strict, the good strict-order egress policy, gives no
  finding at all (exit 0 with --fail-on note);
- rules/flawed gives exactly the planted findings listed in
  rules/flawed/README.md (check id and file:line), and its full text and
  JSON outputs match fixtures/advisor/e2e/flawed.expected.{txt,json}.

Regenerate the golden files with UPDATE_GOLDEN=1 and review the diff.
"""
import json
import os
import pathlib
import re
import subprocess
import sys

BINARY = os.environ.get("NFW_ADVISOR", "build/nfw-advisor")
SRC = pathlib.Path(os.environ.get("SOURCE_ROOT", "."))
GOLDEN = SRC / "fixtures" / "advisor" / "e2e"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def lint(path, *args):
    return subprocess.run([BINARY, "lint", *args, path], cwd=SRC, capture_output=True, text=True)


def planted():
    """`check` file:line pairs from the table in rules/flawed/README.md."""
    rows = re.findall(r"^\| `([a-z-]+)` \| `([^`]+)` \|", (SRC / "rules/flawed/README.md").read_text(),
                      re.M)
    return sorted(rows)


def main():
    failures = []
    clean = lint("rules/egress-strict", "--fail-on", "note")
    if clean.returncode != 0 or not clean.stdout.startswith("0 errors, 0 warnings, 0 notes"):
        failures.append(f"egress-strict is not clean (exit {clean.returncode}):\n{clean.stdout}")

    text = lint("rules/flawed", "--fail-on", "none").stdout
    js = lint("rules/flawed", "--fail-on", "none", "--format", "json").stdout
    got = sorted((f["check"], f"{f['file']}:{f['line']}") for f in json.loads(js)["findings"])
    if got != planted():
        failures.append(f"flawed: findings differ from the planted list\n got: {got}\nwant: {planted()}")
    flawed_exit = lint("rules/flawed").returncode
    if flawed_exit != 1:
        failures.append(f"flawed: exit {flawed_exit}, expected 1 (errors at --fail-on error)")
    for name, actual in (("flawed.expected.txt", text), ("flawed.expected.json", js)):
        path = GOLDEN / name
        if UPDATE:
            GOLDEN.mkdir(parents=True, exist_ok=True)
            path.write_text(actual)
        elif not path.exists() or path.read_text() != actual:
            failures.append(f"{path}: output differs (UPDATE_GOLDEN=1 to regenerate, then review)")
    for f in failures:
        print("FAIL", f)
    print(f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
