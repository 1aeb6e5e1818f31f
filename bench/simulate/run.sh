#!/bin/sh
# `nfw-advisor simulate` over 1 GiB (or SIZE) of generated logs: flows per
# second, CPU time and peak memory.
#   bench/simulate/run.sh [BUILD_DIR] [SIZE] [ROUNDS]   (defaults: build, 1G, 3)
# Two inputs from bench/gen_logs.py: the default mix (every record a flow of
# its own: about 0.45 of them alerts that never meet a flow record, so they
# wait for the end of the input: the worst case for memory) and --coherent
# (whole flows: alerts, then both flow records with the same flow_id, as a
# firewall logs them).  The policy is fixtures/simulate/current.rules (13
# rules: alert+pass pairs, a deny list, DNS pass, alert rules) with
# aws:drop_established + aws:alert_established; text output (the summary).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-build}
size=${2:-1G}
rounds=${3:-3}
plain=/tmp/nfw-bench-$size.jsonl
coherent=/tmp/nfw-bench-$size-coherent.jsonl
[ -f "$plain" ] || python3 "$root/bench/gen_logs.py" --size "$size" --out "$plain"
[ -f "$coherent" ] || python3 "$root/bench/gen_logs.py" --size "$size" --coherent --out "$coherent"
ls -lL "$plain" "$coherent"
S="$build/nfw-advisor simulate --var HOME_NET=[10.0.0.0/8] --default-actions aws:drop_established,aws:alert_established --rules $root/fixtures/simulate/current.rules"
times=/tmp/nfw-bench-simulate-times.txt
: > "$times"
r=1
while [ "$r" -le "$rounds" ]; do
    echo "== round $r of $rounds"
    for input in "$plain" "$coherent"; do
        name=$(basename "$input" .jsonl)
        cat "$input" > /dev/null
        /usr/bin/time -a -o "$times" -f "$name %e %U %S %M" $S "$input" > "/tmp/nfw-sim-$name.txt"
        flows=$(sed -n 's/^nfw-advisor simulate: \([0-9]*\) flows.*/\1/p' "/tmp/nfw-sim-$name.txt")
        tail -n 1 "$times" | awk -v f="$flows" '{ printf "  %-28s %d flows  wall=%ss user=%ss sys=%ss maxrss=%skB  %.0f flows/s (wall), %.0f flows/s (cpu)\n", $1, f, $2, $3, $4, $5, f / $2, f / ($3 + $4) }'
        echo "$name $flows" >> "$times.flows"
    done
    r=$((r + 1))
done
echo "== medians"
for input in "$plain" "$coherent"; do
    name=$(basename "$input" .jsonl)
    flows=$(sed -n 's/^nfw-advisor simulate: \([0-9]*\) flows.*/\1/p' "/tmp/nfw-sim-$name.txt")
    grep "^$name " "$times" | sort -k2 -n | awk -v f="$flows" '{ w[NR] = $2; c[NR] = $3 + $4; m[NR] = $5 } END { i = int((NR + 1) / 2); printf "  %-28s %d flows: median wall %.2f s (%.0f flows/s), cpu %.2f s (%.0f flows/s), max rss %d MB\n", $1, f, w[i], f / w[i], c[i], f / c[i], m[i] / 1024 }'
done
rm -f "$times.flows"
