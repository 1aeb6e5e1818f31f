#!/bin/sh
# `nfw-advisor analyze` over generated logs, against DuckDB and jq computing
# the same per-rule and default-action aggregates, same run, page cache warm.
#   bench/analyze/run.sh [BUILD_DIR] [SIZE]      (defaults: build, 1G)
# Needs: python3, jq, node + `npm install` in bench/ (@duckdb/node-api).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
size=${2:-1G}
plain=/tmp/nfw-bench-$size.jsonl
[ -f "$plain" ] || python3 "$here/../gen_logs.py" --size "$size" --out "$plain"
[ -f "$plain.gz" ] || gzip -5 -c "$plain" > "$plain.gz"
rules=/tmp/nfw-bench-analyze.rules
python3 "$here/make_rules.py" > "$rules"
ls -lL "$plain" "$plain.gz"
cat "$plain" > /dev/null
t() { /usr/bin/time -f "  wall=%es user=%Us sys=%Ss maxrss=%MkB" "$@"; }
A="$build/nfw-advisor analyze --format json --fail-on none --var HOME_NET=[192.168.0.0/16] --rules $rules"
echo "== nfw-advisor analyze, 1 thread, plain"
t $A --threads 1 "$plain" > /tmp/nfw-analyze-1.json
echo "== nfw-advisor analyze, all cores ($(nproc)), plain"
t $A --threads 0 "$plain" > /tmp/nfw-analyze-n.json
echo "== nfw-advisor analyze, 1 thread, gzip"
t $A --threads 1 "$plain.gz" > /tmp/nfw-analyze-gz.json
echo "== DuckDB, 1 thread"
t node "$here/duckdb_analyze.mjs" "$plain" 1 > /tmp/nfw-analyze-duck1.json
echo "== DuckDB, all cores"
t node "$here/duckdb_analyze.mjs" "$plain" "$(nproc)" > /tmp/nfw-analyze-duckn.json
echo "== jq (extract the keys) + sort | uniq -c (aggregate)"
t sh -c "jq -r 'select(.event.event_type==\"alert\") | .event | [.alert.signature_id, .alert.rev, .alert.signature, (.verdict.action // .alert.action), .src_ip, (.tls.sni // .http.hostname // .dest_ip), .dest_port, .proto, .app_proto, .flow_id] | @tsv' '$plain' | cut -f1-9 | sort | uniq -c > /tmp/nfw-analyze-jq.txt"
python3 - <<PY
import json
a = json.load(open("/tmp/nfw-analyze-1.json")); b = json.load(open("/tmp/nfw-analyze-n.json"))
g = json.load(open("/tmp/nfw-analyze-gz.json")); d = json.load(open("/tmp/nfw-analyze-duck1.json"))
hits = lambda doc: sorted((r["sid"], r["hits"], r["blocked"]) for r in doc["rules"] if r["hits"])
print("1 thread == all cores (rules):", hits(a) == hits(b))
print("plain == gzip:", hits(a) == hits(g))
print("alerts/flows: ours", a["input"]["alerts"], a["input"]["flows"], "duckdb", d["input"][1], d["input"][2])
duck = sorted((int(r[0]), int(r[3]), int(r[4])) for r in d["top_rules"])
print("top rules equal DuckDB's:", all(x in hits(a) for x in duck))
print("default groups: ours", sum(x["groups_total"] for x in a["defaults"]), "(cap 20,000 per signature; overflow",
      sum(x["ungrouped_overflow"] for x in a["defaults"]), "alerts) duckdb", d["default_groups"])
PY
