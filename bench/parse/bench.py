#!/usr/bin/python3
"""Rule parsing speed: nfw-advisor lint vs suricata-update vs suricata -T.

    /usr/bin/python3 bench/parse/bench.py [RULES_DIR] [--binary build/nfw-advisor] [--runs 3]

RULES_DIR defaults to ../shared/corpus/rules/et-open-suricata-5.0 (ET Open,
not copied into the project).  Its *.rules files are concatenated into one
temporary file; each tool parses and validates that same file, one after
the other, in the same run:
  nfw-advisor  `nfw-advisor lint --format json --fail-on none FILE`
  suricata-update  `suricata.update.rule.parse_fileobj` (Debian package
               suricata-update), in a fresh /usr/bin/python3 process
  suricata -T  `suricata -T -c fixtures/parity/suricata.yaml -S FILE`
               (loads and validates every rule, builds the detection engine)
Wall time and peak RSS come from /usr/bin/time; the best of --runs is
printed.  Rules = lines that are a rule, enabled or commented out
("# alert ..."), which is what suricata-update parses; suricata only loads
the enabled ones.
"""

import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_DIR = os.path.join(os.path.dirname(ROOT), "shared", "corpus", "rules", "et-open-suricata-5.0")
RULE_RE = re.compile(r"^\s*#?\s*(alert|pass|drop|reject|rejectsrc|rejectdst|rejectboth)\s", re.I)

SU_PARSE = ("import sys, suricata.update.rule as r\n"
            "n = len(r.parse_fileobj(open(sys.argv[1], encoding='utf-8', errors='replace')))\n"
            "print(n, file=sys.stderr)\n")


def timed(cmd):
    """(seconds, peak RSS KiB, exit code) of one run under /usr/bin/time."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        p = subprocess.run(["/usr/bin/time", "-o", tf.name, "-f", "%e %M"] + cmd,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        secs, rss = tf.read().split()[-2:]
    return float(secs), int(rss), p.returncode


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("rules_dir", nargs="?", default=DEFAULT_DIR)
    ap.add_argument("--binary", default=os.environ.get("NFW_ADVISOR", os.path.join(ROOT, "build", "nfw-advisor")))
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    files = sorted(glob.glob(os.path.join(args.rules_dir, "*.rules")))
    with tempfile.TemporaryDirectory(prefix="bench-parse-") as d:
        allrules = os.path.join(d, "all.rules")
        total = enabled = 0
        with open(allrules, "wb") as out:
            for f in files:
                data = open(f, "rb").read()
                out.write(data if data.endswith(b"\n") else data + b"\n")
                for line in data.decode("utf-8", "replace").splitlines():
                    if RULE_RE.match(line):
                        total += 1
                        enabled += not line.lstrip().startswith("#")
        size = os.path.getsize(allrules)
        print(f"input: {len(files)} files from {args.rules_dir}, {size / 1e6:.1f} MB, "
              f"{total} rules ({enabled} enabled, {total - enabled} commented out)")
        tools = []
        if os.access(args.binary, os.X_OK):
            tools.append(("nfw-advisor lint", [args.binary, "lint", "--format", "json", "--fail-on", "none", allrules]))
        else:
            print(f"  (skipping nfw-advisor: {args.binary} not built)")
        tools.append(("suricata-update parse_fileobj", ["/usr/bin/python3", "-c", SU_PARSE, allrules]))
        tools.append(("suricata -T", ["suricata", "-T", "-c", os.path.join(ROOT, "fixtures", "parity", "suricata.yaml"),
                                      "-S", allrules, "-l", d]))
        print(f"{'tool':32} {'best s':>8} {'rules/s':>10} {'peak RSS MiB':>13}  exit")
        for name, cmd in tools:
            runs = [timed(cmd) for _ in range(args.runs)]
            secs, rss, rc = min(runs)
            print(f"{name:32} {secs:8.2f} {total / max(secs, 0.005):10.0f} {max(r[1] for r in runs) / 1024:13.1f}  {rc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
