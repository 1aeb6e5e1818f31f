#!/bin/sh
# Measures src/logs alone against jq and DuckDB on the same generated logs:
# alert counts per signature_id (all three must print the same table).
#   bench/logs/read.sh [BUILD_DIR] [SIZE]     (defaults: build, 1G)
# Needs: python3, jq, node + `npm install` in bench/ (@duckdb/node-api).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
size=${2:-1G}
plain=/tmp/nfw-bench-$size.jsonl
bench="$build/tests/logs/logs-bench"
[ -f "$plain" ] || python3 "$here/../gen_logs.py" --size "$size" --out "$plain"
[ -f "$plain.gz" ] || gzip -5 -c "$plain" > "$plain.gz"
ls -l "$plain" "$plain.gz"
cat "$plain" > /dev/null   # warm the page cache: every tool reads from memory
t() { /usr/bin/time -f "  wall=%es user=%Us sys=%Ss maxrss=%MkB" "$@"; }

echo "== nfw-advisor logs-bench, 1 thread, plain"
t "$bench" --sids "$plain" > /tmp/nfw-bench-ours.txt
echo "== nfw-advisor logs-bench, 2 threads (byte ranges), plain"
t "$bench" --threads 2 --sids "$plain" > /tmp/nfw-bench-ours2.txt
echo "== nfw-advisor logs-bench, 1 thread, gzip"
t "$bench" --sids "$plain.gz" > /tmp/nfw-bench-oursgz.txt
echo "== nfw-advisor logs-bench, cJSON slow path for every record, plain"
t "$bench" --slow --sids "$plain" > /tmp/nfw-bench-slow.txt
echo "== DuckDB read_json, 1 thread"
t node "$here/duckdb_sids.mjs" "$plain" 1 > /tmp/nfw-bench-duck1.txt
echo "== DuckDB read_json, 2 threads"
t node "$here/duckdb_sids.mjs" "$plain" 2 > /tmp/nfw-bench-duck2.txt
echo "== jq"
t sh -c "jq -c 'select(.event.event_type==\"alert\") | .event.alert.signature_id' '$plain' | sort | uniq -c | awk '{print \$1, \$2}' | sort -k2,2n > /tmp/nfw-bench-jq.txt"
for f in ours2 oursgz slow duck1 duck2 jq; do
  if cmp -s /tmp/nfw-bench-ours.txt /tmp/nfw-bench-$f.txt; then echo "same counts: $f"; else echo "DIFFERENT: $f"; fi
done
