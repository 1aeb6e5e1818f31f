#!/usr/bin/python3
"""Where each keyword puts its match, by experiment (for src/rules/rule_sig.c).

    /usr/bin/python3 tests/rules/probe_sig_keywords.py > keywords-lists.txt

One probe rule per keyword of src/rules/keywords_table.c (the typical use
of check_keywords.py, under the first protocol that loads), then one
`suricata --engine-analysis` run.  Prints per keyword: the signature type,
app_proto, the flags that matter (applayer, need_packet, need_stream,
toserver, toclient), the static lists holding its match ("packet" = MATCH,
"payload" = PMATCH, "postmatch", ...), the app-layer engines, packet
engines and frame engines.  rule_sig.c's sig_keywords[] table was derived
from this output and the keywords' Setup functions in Suricata 7.0.10;
keywords that do not load in the default configuration are listed as
"never loads" (their entries come from the sources).
"""

import json
import os
import re
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "parity"))
import check_keywords as ck  # noqa: E402
import suricata_run as sr  # noqa: E402
from keyword_samples import PROBE_PROTOCOLS  # noqa: E402

FLAGS = ("applayer", "need_packet", "need_stream", "toserver", "toclient")


def analyse(rules):
    info = {}
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "a.rules")
        with open(path, "w") as fh:
            fh.write("\n".join(rules) + "\n")
        subprocess.run([sr.suricata_path(), "-c", sr.CONFIG, "-S", path, "-l", d, "--engine-analysis",
                        "--set", "engine-analysis.rules=yes", "--set", "engine-analysis.rules-fast-pattern=no"],
                       capture_output=True)
        try:
            for line in open(os.path.join(d, "rules.json")):
                j = json.loads(line)
                info[j["raw"]] = j
        except OSError:
            if len(rules) > 1:
                h = len(rules) // 2
                info.update(analyse(rules[:h]))
                info.update(analyse(rules[h:]))
    return info


def main():
    if not sr.suricata_path():
        sys.exit("suricata not installed")
    entries = ck.parse_table()
    names = [e["name"] for e in entries if e["name"] == e["canonical"]]
    flags_of = {e["name"]: e["flags"] for e in entries}
    texts, keys = [], []
    for n in names:
        for p in PROBE_PROTOCOLS + ["ip", "udp", "icmp"]:
            texts.append(ck.rule(p, ck.usage(n, flags_of[n]), len(texts) + 1, n))
            keys.append(n)
    errors, _ = sr.check_whole(texts)
    chosen = {}
    for i, n in enumerate(keys):
        if i not in errors and n not in chosen:
            chosen[n] = re.sub(r"sid:\d+;", f"sid:{len(chosen) + 1};", texts[i])
    info = analyse(list(chosen.values()))
    for n in names:
        if n not in chosen:
            print(f"{n}: never loads")
            continue
        j = info.get(chosen[n])
        if j is None:
            print(f"{n}: no analysis (Suricata crashed on it)")
            continue
        lists = {k: [m.get("name") for m in v.get("matches", [])] for k, v in j.get("lists", {}).items()}
        print(f"{n}: type {j['type']} app_proto {j['app_proto']} "
              f"flags {','.join(f for f in j['flags'] if f in FLAGS)} lists {lists} "
              f"engines {sorted({e['name'] for e in j.get('engines', [])})} "
              f"pkt_engines {[e['name'] for e in j.get('pkt_engines', [])]} "
              f"frame_engines {[e['name'] for e in j.get('frame_engines', [])]}")


if __name__ == "__main__":
    main()
