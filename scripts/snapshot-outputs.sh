#!/usr/bin/env bash
# snapshot-outputs.sh BIN OUTDIR: run nfw-advisor over the shipped rules and
# the fixtures in every command and output format, one file per run (stdout,
# stderr and the exit status), so that two builds can be compared with
#   diff -r OLD NEW
# A refactoring that must not change behaviour shows no difference.  Used by
# hand (it is not a test: the goldens under fixtures/ are); ~1 minute.
#   scripts/snapshot-outputs.sh build/nfw-advisor /tmp/before
#   (change, rebuild)
#   scripts/snapshot-outputs.sh build/nfw-advisor /tmp/after && diff -r /tmp/before /tmp/after
set -u
bin=$(realpath "${1:?usage: snapshot-outputs.sh BIN OUTDIR}")
out=${2:?usage: snapshot-outputs.sh BIN OUTDIR}
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
out=$(realpath "$out")
cd "$root" || exit 2
n=0

# run NAME ARGS...: one run, its outputs in $out/NAME (and $out/NAME.o for -o).
run() {
    local name=$1
    shift
    { "$bin" "$@" 2>&1; echo "exit status: $?"; } > "$out/$name" < /dev/null
    n=$((n + 1))
}

lint_inputs() {
    for d in rules/* fixtures/html/example fixtures/advisor/*/positive \
        fixtures/advisor/*/negative fixtures/advisor/e2e fixtures/hostile/rules-*.rules \
        fixtures/e2e/inputs/mixed.rules fixtures/analyze/oracle-example/rules.rules \
        fixtures/query/results/policy.rules; do
        [ -e "$d" ] && echo "$d"
    done
    echo "fixtures/e2e/inputs/policy.json fixtures/e2e/inputs/domains.json"
}

while read -r inputs; do
    tag=$(echo "$inputs" | tr '/ ' '__')
    for fmt in text json sarif markdown; do
        run "lint.$fmt.$tag" lint --fail-on none --format "$fmt" $inputs
    done
    run "lint.html.$tag" lint --fail-on none --format html -o "$out/lint.html.$tag.o" $inputs
    run "lint.action.$tag" lint --fail-on none --rule-order action $inputs
    run "expand.text.$tag" expand $inputs
    run "expand.json.$tag" expand --format json $inputs
    rules_args=$(printf -- '--rules %s ' $inputs)
    run "export.cwli.$tag" export-queries --engine cwli $rules_args
    run "export.athena.$tag" export-queries --engine athena $rules_args
done < <(lint_inputs)
run lint.list-checks lint --list-checks

# analyze: NAME|ARGS
OR=fixtures/analyze/oracle-example
while IFS='|' read -r name args; do
    for fmt in text json sarif markdown; do
        run "analyze.$fmt.$name" analyze --fail-on none --format "$fmt" $args
    done
    run "analyze.html.$name" analyze --fail-on none --format html -o "$out/analyze.html.$name.o" $args
    run "analyze.top3.$name" analyze --fail-on none --top 3 $args
    run "analyze.threads2.$name" analyze --fail-on none --threads 2 --format json $args
done <<EOF
demo|--rules rules/egress-strict fixtures/demo/logs
demo-hostile|--rules rules/egress-strict fixtures/demo/hostile
oracle-strict|--var HOME_NET=[10.0.0.0/16] --rules $OR/rules.rules $OR/strict
oracle-action|--var HOME_NET=[10.0.0.0/16] --rules $OR/rules.rules $OR/action
oracle-nohome|--rules $OR/rules.rules $OR/strict $OR/action
samples|--rules fixtures/analyze/samples/opensearch.rules fixtures/logs
query|--rules fixtures/query/results/policy.rules fixtures/query/alert.jsonl fixtures/query/flow.jsonl
hostile-names|--disable unused-rule --rules rules/egress-strict fixtures/e2e/inputs/hostile-names.jsonl
flawed-demo|--rules rules/flawed fixtures/demo/logs
EOF

# analyze --results: the export-queries results computed by query (run in
# a scratch folder with relative names, since outputs name the files).
tmp=$(mktemp -d)
for q in rule-alerts default-actions flows window; do
    "$bin" export-queries --rules fixtures/query/results/policy.rules --query "$q" > "$tmp/$q.cwli"
    "$bin" query --format json -f "$tmp/$q.cwli" fixtures/query/alert.jsonl \
        fixtures/query/flow.jsonl > "$tmp/$q.json"
done
ln -s "$root/fixtures/query/results/policy.rules" "$tmp/policy.rules"
cd "$tmp" || exit 2
for fmt in text json html; do
    run "analyze-results.$fmt" analyze --fail-on none --format "$fmt" --results \
        --rules policy.rules rule-alerts.json default-actions.json flows.json window.json
done
cd "$root" || exit 2
rm -rf "$tmp"

# query: every saved query over the demo logs and the query fixtures.
for f in analysis/*.cwli; do
    q=$(basename "$f" .cwli)
    for fmt in table json csv; do
        run "query.$fmt.$q.demo" query --format "$fmt" -f "$f" fixtures/demo/logs
        run "query.$fmt.$q.fixtures" query --format "$fmt" -f "$f" fixtures/query/alert.jsonl \
            fixtures/query/flow.jsonl
    done
done
run query.bad query 'fields @timestamp | sort by nosuch( desc' fixtures/query/alert.jsonl
run query.stats query 'stats count(*) as n by event_type, bin(1h)' fixtures/logs

run dashboard dashboard --log-group G --region eu-west-1 --firewall F
run help "--help"
for c in lint expand analyze query export-queries dashboard; do
    run "help.$c" "$c" --help-all
done
echo "$n runs in $out"
