#!/usr/bin/python3
"""Signature types of nfw-advisor against Suricata 7's --engine-analysis.

    /usr/bin/python3 tests/rules/sig_type_parity.py [--generated N] [--seed S] [-n 20] [PATH...]

For every rule of every .rules file under PATH (and, with --generated N, N
rules from the header/option generator in sig_type_gen.py) it compares:
  Suricata  the "type" of `suricata --engine-analysis` (rules.json), for
            the rules `suricata -T` accepts (fixtures/parity/suricata.yaml:
            Suricata's default variables);
  advisor   "signature_type" of `$NFW_ADVISOR expand --format json`, with
            `--var` for every variable of that configuration.
Rules are matched by their text.  Prints the number of rules both accept,
the number whose types agree, a confusion count per (suricata, advisor)
pair and the first N disagreements.  Exit 1 on any disagreement, 2 when
suricata is missing or on usage errors.

Suricata 7.0.10's engine analysis can crash on a rule it accepts; the
script then analyses the halves apart (as the oracle's validate_rules.py),
so such a rule is left without a type and not compared.
"""

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "parity"))
sys.path.insert(0, HERE)
import suricata_run as sr  # noqa: E402
import parity  # noqa: E402

BINARY = os.environ.get("NFW_ADVISOR") or os.path.join(sr.SOURCE_ROOT, "build", "nfw-advisor")


def read_rules(path):
    """Active one-line rules of a file (continuations joined)."""
    out, cur = [], ""
    with open(path, encoding="utf-8", errors="surrogateescape") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if cur:
                line = cur + line.lstrip()
                cur = ""
            if line.endswith("\\"):
                cur = line[:-1]
                continue
            s = line.strip()
            if s and not s.startswith("#"):
                out.append(s)
    return out


def engine_types(rules):
    """{rule text: type} for rules Suricata loads (all must load)."""
    info = {}
    if not rules:
        return info
    with tempfile.TemporaryDirectory(prefix="sigtype-EA-") as d:
        path = os.path.join(d, "a.rules")
        with open(path, "w", encoding="utf-8", errors="surrogateescape") as fh:
            fh.write("\n".join(rules) + "\n")
        subprocess.run([sr.suricata_path(), "-c", sr.CONFIG, "-S", path, "-l", d, "--engine-analysis",
                        "--set", "engine-analysis.rules=yes", "--set", "engine-analysis.rules-fast-pattern=no"],
                       capture_output=True, env=dict(os.environ, TZ="UTC"))
        try:
            with open(os.path.join(d, "rules.json"), encoding="utf-8", errors="surrogateescape") as fh:
                for line in fh:
                    try:
                        j = json.loads(line)
                    except ValueError:
                        continue
                    info[j.get("raw")] = j.get("type")
        except OSError:
            if len(rules) > 1:
                half = len(rules) // 2
                info.update(engine_types(rules[:half]))
                info.update(engine_types(rules[half:]))
    return info


def advisor_types(rules):
    """{rule text: signature_type} from expand --format json."""
    with tempfile.TemporaryDirectory(prefix="sigtype-adv-") as d:
        path = os.path.join(d, "a.rules")
        with open(path, "w", encoding="utf-8", errors="surrogateescape") as fh:
            fh.write("\n".join(rules) + "\n")
        cmd = [BINARY, "expand", "--format", "json"] + [f"--var={v}" for v in parity.suricata_vars()] + [path]
        p = subprocess.run(cmd, capture_output=True, text=True, errors="surrogateescape")
        if not p.stdout.strip():
            sys.exit(f"expand failed: {p.stderr}")
        doc = json.loads(p.stdout)
    return {r["text"]: r.get("signature_type") for r in doc["rules"]}


def compare(rules, show):
    # unique sids: the generator and merged files may repeat them
    errors, _ = sr.check_whole(rules)
    accepted = [r for i, r in enumerate(rules) if i not in errors]
    sur = engine_types(accepted)
    adv = advisor_types(accepted)
    both = [r for r in accepted if sur.get(r) and adv.get(r)]
    agree = [r for r in both if sur[r] == adv[r]]
    confusion = collections.Counter((sur[r], adv[r]) for r in both if sur[r] != adv[r])
    bad = [r for r in both if sur[r] != adv[r]]
    return {"rules": len(rules), "accepted": len(accepted), "compared": len(both), "agree": len(agree),
            "confusion": confusion, "bad": bad[:show], "sur": sur, "adv": adv,
            "types": collections.Counter(sur[r] for r in both)}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--generated", type=int, default=0, help="also N generated rules (sig_type_gen.py)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-n", type=int, default=20, help="disagreements to show")
    args = ap.parse_args()
    if not sr.suricata_path():
        print("suricata not installed: skipped")
        return 77 if os.environ.get("MESON_TEST_ITERATION") is not None else 2
    rules = []
    for p in args.paths:
        files = [p] if os.path.isfile(p) else sorted(
            os.path.join(dp, f) for dp, _, fs in os.walk(p) for f in fs if f.endswith(".rules"))
        for f in files:
            if "/nfw/" in f:
                continue
            rules += read_rules(f)
    if args.generated:
        import sig_type_gen
        rules += sig_type_gen.generate(args.generated, args.seed)
    # one rule text once (duplicates from several files)
    seen, uniq = set(), []
    for r in rules:
        if r not in seen:
            seen.add(r)
            uniq.append(r)
    res = compare(uniq, args.n)
    print(f"rules {res['rules']}  accepted by suricata {res['accepted']}  compared {res['compared']}  "
          f"agree {res['agree']}  disagree {res['compared'] - res['agree']}")
    print("types (suricata): " + ", ".join(f"{k} {v}" for k, v in sorted(res["types"].items())))
    for (s, a), n in res["confusion"].most_common():
        print(f"  suricata {s} / advisor {a}: {n}")
    for r in res["bad"]:
        print(f"  {res['sur'][r]} vs {res['adv'][r]}: {r}")
    return 0 if res["compared"] == res["agree"] and res["compared"] > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
