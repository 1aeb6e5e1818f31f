#!/bin/sh
# Top-10 SNI of one signature over a generated 1 GiB NFW log: `nfw-advisor
# query` (the real CLI: log reader, raw-text prefilter, cJSON of the records
# that may match, src/query) vs DuckDB and jq doing the same.
# Usage: bench/query/run.sh [BUILD_DIR]   (default: build)
# Needs: bench/gen_logs.py, `npm i` in bench/ (@duckdb/node-api), jq.
set -e
cd "$(dirname "$0")/.."
BIN=${1:-../build}/nfw-advisor
LOG=${LOG:-/tmp/q1g.jsonl}
[ -f "$LOG" ] || python3 gen_logs.py --size 1G --out "$LOG"
SIG="not matching any TLS allowlisted FQDNs"
Q="filter event.alert.signature = \"$SIG\" | stats count(*) as numBlockedRequests by event.tls.sni | sort numBlockedRequests desc | limit 10"
/usr/bin/time -f "nfw-advisor query: %e s wall, %U s user, %M KB" "$BIN" query "$Q" "$LOG" >/tmp/q-nfw.out
for t in 1 2; do
  /usr/bin/time -f "duckdb threads=$t (with node start): %e s wall, %U s user, %M KB" \
    node query/duckdb_top_sni.mjs "$LOG" $t "$SIG" >/tmp/q-duckdb-$t.out
done
/usr/bin/time -f "jq: %e s wall, %U s user, %M KB" \
  sh -c "jq -r 'select(.event.alert.signature == \"$SIG\") | .event.tls.sni // \"\"' \"$LOG\" | sort | uniq -c | sort -rn | head -10" >/tmp/q-jq.out
cat /tmp/q-nfw.out /tmp/q-duckdb-1.out /tmp/q-jq.out
