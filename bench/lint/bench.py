#!/usr/bin/python3
"""Time `nfw-advisor lint` with every check on ET Open (or any rules folder).

Runs lint (JSON, --fail-on none, the --var set of fixtures/parity/suricata.yaml
as tests/parity/parity.py passes it) on the concatenated rules, best wall time
of --runs with its CPU time and peak RSS (/usr/bin/time -f "%e %U %S %M"),
for two inputs:

  as-is     ET Open as shipped (alert rules: the twin index is exercised,
            shadowing has few terminal rules)
  all-drop  the same rules with every enabled `alert` turned into `drop`, so
            that all 24,827 enabled rules take part in shadowing (worst case
            for the index; findings are not meaningful, the time is)

Usage: /usr/bin/python3 bench/lint/bench.py [--runs 3] [--binary build/nfw-advisor] [RULES_DIR]
"""
import argparse
import glob
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile

SRC = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(SRC / "tests" / "parity"))
import parity  # noqa: E402  (suricata_vars)


def measure(binary, path, runs, var_args):
    best = None
    findings = None
    for _ in range(runs):
        with tempfile.NamedTemporaryFile("w+") as out:
            p = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", binary, "lint", "--format", "json",
                                "--fail-on", "none"] + var_args + [path],
                               stdout=out, stderr=subprocess.PIPE, text=True)
            wall, user, sys_s, rss = p.stderr.strip().splitlines()[-1].split()
            out.seek(0)
            findings = json.load(out)["findings"]
        if best is None or float(wall) < best[0]:
            best = (float(wall), float(user) + float(sys_s), int(rss))
    counts = {}
    for f in findings:
        counts[f["check"]] = counts.get(f["check"], 0) + 1
    return best, counts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--binary", default=str(SRC / "build" / "nfw-advisor"))
    ap.add_argument("rules", nargs="?",
                    default=str(SRC.parent / "shared/corpus/rules/et-open-suricata-5.0"))
    args = ap.parse_args()
    files = sorted(glob.glob(os.path.join(args.rules, "*.rules")))
    text = "".join(open(f, encoding="utf-8", errors="surrogateescape").read() + "\n"
                   for f in files)
    var_args = [f"--var={v}" for v in parity.suricata_vars(str(SRC / "fixtures/parity/suricata.yaml"))]
    with tempfile.TemporaryDirectory() as tmp:
        asis = os.path.join(tmp, "et-open.rules")
        drop = os.path.join(tmp, "et-open-drop.rules")
        open(asis, "w", encoding="utf-8", errors="surrogateescape").write(text)
        open(drop, "w", encoding="utf-8", errors="surrogateescape").write(
            re.sub(r"^alert ", "drop ", text, flags=re.M))
        print(f"{len(files)} files; best of {args.runs} runs")
        print("| input | wall s | CPU s (user+sys) | peak RSS MiB | findings by check |")
        print("| --- | ---: | ---: | ---: | --- |")
        for name, path in (("as-is", asis), ("all-drop", drop)):
            (wall, cpu, rss), counts = measure(args.binary, path, args.runs, var_args)
            top = ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))
            print(f"| {name} | {wall:.2f} | {cpu:.2f} | {rss / 1024:.0f} | {top} |")


if __name__ == "__main__":
    main()
