#!/bin/sh
# `nfw-advisor analyze` over generated logs (plain and gzip), against DuckDB and jq computing
# the same per-rule and default-action aggregates, same run, page cache warm.
#   bench/analyze/run.sh [BUILD_DIR] [SIZE] [ROUNDS]   (defaults: build, 1G, 3)
# Each round runs every command once, in the same order, so that the
# machine's ups and downs (a shared VM) fall on all of them alike; the
# summary gives each command's median and best wall time, and the ratios of
# the medians.
# Needs: python3, jq, node + `npm install` in bench/ (@duckdb/node-api).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
size=${2:-1G}
rounds=${3:-3}
plain=/tmp/nfw-bench-$size.jsonl
[ -f "$plain" ] || python3 "$here/../gen_logs.py" --size "$size" --out "$plain"
[ -f "$plain.gz" ] || gzip -5 -c "$plain" > "$plain.gz"
rules=/tmp/nfw-bench-analyze.rules
python3 "$here/make_rules.py" > "$rules"
ls -lL "$plain" "$plain.gz"
cat "$plain" > /dev/null
times=/tmp/nfw-bench-analyze-times.txt
: > "$times"
exec 3>&1   # t's report line, whatever the command's own output goes to
# t NAME COMMAND...: one timed run, appended to $times as "NAME wall user sys maxrss_kB"
t() {
    name=$1; shift
    /usr/bin/time -a -o "$times" -f "$name %e %U %S %M" "$@"
    tail -n 1 "$times" | awk '{ printf "  %-10s wall=%ss user=%ss sys=%ss maxrss=%skB\n", $1, $2, $3, $4, $5 }' >&3
}
A="$build/nfw-advisor analyze --format json --fail-on none --var HOME_NET=[192.168.0.0/16] --rules $rules"
JQ='select(.event.event_type=="alert") | .event | [.alert.signature_id, .alert.rev, .alert.signature, (.verdict.action // .alert.action), .src_ip, (.tls.sni // .http.hostname // .dest_ip), .dest_port, .proto, .app_proto, .flow_id] | @tsv'
r=1
while [ "$r" -le "$rounds" ]; do
    echo "== round $r of $rounds"
    # ours-all / ours-gz: analyze's defaults (a thread per core; gzip inflated
    # by a thread of its own); -1: --threads 1, the old default.
    t ours-1 $A --threads 1 "$plain" > /tmp/nfw-analyze-1.json
    t ours-all $A "$plain" > /tmp/nfw-analyze-n.json
    t ours-gz-1 $A --threads 1 "$plain.gz" > /tmp/nfw-analyze-gz1.json
    t ours-gz $A "$plain.gz" > /tmp/nfw-analyze-gz.json
    t duckdb-1 node "$here/duckdb_analyze.mjs" "$plain" 1 > /tmp/nfw-analyze-duck1.json 2>/dev/null
    # DuckDB's default is every core too.
    t duckdb-all node "$here/duckdb_analyze.mjs" "$plain" "$(nproc)" > /tmp/nfw-analyze-duckn.json 2>/dev/null
    t duckdb-gz node "$here/duckdb_analyze.mjs" "$plain.gz" "$(nproc)" > /tmp/nfw-analyze-duckgz.json 2>/dev/null
    t jq sh -c "jq -r '$JQ' '$plain' | cut -f1-9 | sort | uniq -c > /tmp/nfw-analyze-jq.txt"
    r=$((r + 1))
done
python3 - "$times" "$plain" <<'PY'
import json, os, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, wall, user, sys_, rss = line.split()
    rows.setdefault(name, []).append((float(wall), float(user), float(sys_), int(rss)))
med = {n: statistics.median(r[0] for r in v) for n, v in rows.items()}
plain_mb = os.path.getsize(sys.argv[2]) / 1e6
gz_mb = os.path.getsize(sys.argv[2] + ".gz") / 1e6
print("== summary (%d rounds): median wall, best wall, max RSS" % len(rows["ours-1"]))
for n, v in rows.items():
    print("  %-10s median %6.2fs  best %6.2fs  rss %4d MB" % (n, med[n], min(r[0] for r in v),
                                                            max(r[3] for r in v) / 1000))
print("  jq / ours, 1 thread:    %.1fx" % (med["jq"] / med["ours-1"]))
print("  jq / ours, all cores:   %.1fx" % (med["jq"] / med["ours-all"]))
print("  DuckDB / ours, 1 thread: %.1fx; all cores: %.1fx" % (med["duckdb-1"] / med["ours-1"],
                                                            med["duckdb-all"] / med["ours-all"]))
print("  ours / DuckDB, both with defaults: plain %.2f, gzip %.2f (goal: at most 0.5)" % (
    med["ours-all"] / med["duckdb-all"], med["ours-gz"] / med["duckdb-gz"]))
for n in ("ours-1", "ours-all", "ours-gz-1", "ours-gz", "duckdb-all", "duckdb-gz"):
    print("  %-10s %5.0f MB/s decoded" % (n, plain_mb / med[n]))
print("  gzip, defaults: %.1f MB/s compressed" % (gz_mb / med["ours-gz"]))
a = json.load(open("/tmp/nfw-analyze-1.json")); b = json.load(open("/tmp/nfw-analyze-n.json"))
g = json.load(open("/tmp/nfw-analyze-gz.json")); d = json.load(open("/tmp/nfw-analyze-duck1.json"))
g1 = json.load(open("/tmp/nfw-analyze-gz1.json")); dg = json.load(open("/tmp/nfw-analyze-duckgz.json"))
hits = lambda doc: sorted((r["sid"], r["hits"], r["blocked"]) for r in doc["rules"] if r["hits"])
print("1 thread == all cores (rules):", hits(a) == hits(b))
print("plain == gzip (1 thread, defaults):", hits(a) == hits(g1), hits(a) == hits(g))
print("gzip with decode-ahead == gzip --threads 1, whole JSON:", g == g1)
print("DuckDB gzip == DuckDB plain:", dg["input"] == d["input"])
print("alerts/flows: ours", a["input"]["alerts"], a["input"]["flows"], "duckdb", d["input"][1], d["input"][2])
duck = sorted((int(r[0]), int(r[3]), int(r[4])) for r in d["top_rules"])
print("top rules equal DuckDB's:", all(x in hits(a) for x in duck))
print("default groups: ours", sum(x["groups_total"] for x in a["defaults"]), "(cap 20,000 per signature; overflow",
      sum(x["ungrouped_overflow"] for x in a["defaults"]), "alerts) duckdb", d["default_groups"])
PY
