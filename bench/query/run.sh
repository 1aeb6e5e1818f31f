#!/bin/sh
# Top-10 SNI of one signature over a generated 1 GiB NFW log: nfw-advisor's
# query engine (bench/query/cwli_run.c, single thread) vs DuckDB and jq.
# Needs: bench/gen_logs.py, `npm i` in bench/ (@duckdb/node-api), jq.
set -e
cd "$(dirname "$0")/.."
LOG=${LOG:-/tmp/q1g.jsonl}
[ -f "$LOG" ] || python3 gen_logs.py --size 1G --out "$LOG"
SIG="not matching any TLS allowlisted FQDNs"
Q="filter event.alert.signature = \"$SIG\" | stats count(*) as numBlockedRequests by event.tls.sni | sort numBlockedRequests desc | limit 10"
gcc -std=c11 -D_GNU_SOURCE -O2 -I../src $(pkg-config --cflags glib-2.0 libcjson libpcre2-8) \
  -o /tmp/cwli_run query/cwli_run.c ../src/query/*.c $(pkg-config --libs glib-2.0 libcjson libpcre2-8) -lm
/usr/bin/time -f "cwli_run (prefilter): %e s, %M KB" /tmp/cwli_run "$Q" "$LOG" >/dev/null
/usr/bin/time -f "cwli_run --no-prefilter: %e s, %M KB" /tmp/cwli_run --no-prefilter "$Q" "$LOG" >/dev/null
for t in 1 2; do
  /usr/bin/time -f "duckdb threads=$t (with node start): %e s, %M KB" node query/duckdb_top_sni.mjs "$LOG" $t "$SIG" >/dev/null
done
/usr/bin/time -f "jq: %e s, %M KB" jq -r "select(.event.alert.signature == \"$SIG\") | .event.tls.sni" "$LOG" >/dev/null
