#!/usr/bin/python3
"""`nfw-advisor lint --format sarif` produces SARIF 2.1.0 that validates
against the OASIS JSON schema (fixtures/sarif/sarif-schema-2.1.0.json) and
carries what GitHub code scanning needs: every check as a rule with help
text, results with ruleId, level, file/line/column, and relatedLocations for
the shadowing rule.  Checked on the flawed example and on every advisor
fixture; `--format markdown` is checked for its summary table and fences.
"""
import json
import os
import pathlib
import subprocess
import sys

import jsonschema

BINARY = os.environ.get("NFW_ADVISOR", "build/nfw-advisor")
SRC = pathlib.Path(os.environ.get("SOURCE_ROOT", "."))


def lint(path, fmt):
    p = subprocess.run([BINARY, "lint", "--fail-on", "none", "--format", fmt, path], cwd=SRC,
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    return p.stdout


def main():
    schema = json.loads((SRC / "fixtures/sarif/sarif-schema-2.1.0.json").read_text())
    validator = jsonschema.validators.validator_for(schema)(schema)
    failures = []
    inputs = ["rules/flawed", "rules/egress-strict"] + sorted(
        str(p.relative_to(SRC)) for p in (SRC / "fixtures/advisor").glob("*/*") if p.is_dir()
        and p.parent.name != "e2e")
    for path in inputs:
        doc = json.loads(lint(path, "sarif"))
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        failures += [f"{path}: {'/'.join(map(str, e.path))}: {e.message}" for e in errors[:5]]
        run = doc["runs"][0]
        rules = run["tool"]["driver"]["rules"]
        for r in rules:
            if not r["help"]["text"]:
                failures.append(f"{path}: rule {r['id']} has no help")
        for res in run["results"]:
            if rules[res["ruleIndex"]]["id"] != res["ruleId"]:
                failures.append(f"{path}: ruleIndex does not match ruleId {res['ruleId']}")
            loc = res["locations"][0]["physicalLocation"]
            if loc["region"]["startLine"] < 1 or not loc["artifactLocation"]["uri"]:
                failures.append(f"{path}: bad location in {res['ruleId']}")
    flawed = json.loads(lint("rules/flawed", "sarif"))["runs"][0]["results"]
    shadowed = [r for r in flawed if r["ruleId"] == "shadowed-rule"]
    if not shadowed or not all(r.get("relatedLocations") for r in shadowed):
        failures.append("flawed: shadowed-rule results without relatedLocations")
    md = lint("rules/flawed", "markdown")
    for needle in ("## nfw-advisor lint: 6 errors", "| check | severity | findings |",
                   "### Errors (6)", "### Warnings (12)", "### Notes (1)", "  ```\n  alert tcp"):
        if needle not in md:
            failures.append(f"flawed markdown: missing {needle!r}")
    for f in failures:
        print("FAIL", f)
    print(f"{len(inputs)} inputs validated, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
