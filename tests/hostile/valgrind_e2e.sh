#!/usr/bin/env bash
# Valgrind memcheck over the end-to-end commands: the real binary (and the
# log reader tool) on the fixtures and the hostile inputs.  Fails on any
# memcheck error or definite leak.  Small inputs only: valgrind is ~30x.
set -uo pipefail
root=${SOURCE_ROOT:?}
adv=${NFW_ADVISOR:?}
read_logs=${HOSTILE_READ_LOGS:?}
vg=(valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite
    --show-leak-kinds=definite --track-origins=no)
h=$root/fixtures/hostile
status=0
run() {
  "${vg[@]}" "$@" >/dev/null 2>"$tmp/err"
  local rc=$?
  if [ "$rc" -eq 99 ] || grep -q '^==[0-9]*==' "$tmp/err"; then
    echo "FAIL (valgrind): $*"; cat "$tmp/err"; status=1
  else
    echo "ok (exit $rc): $*"
  fi
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run "$adv" --help
run "$adv" lint "$h/rules-control-chars.rules"
run "$adv" lint -f json "$h/rules-pcre-catastrophic.rules"
run "$adv" lint "$h/policy-self-and-missing.json"
run "$adv" lint "$root/fixtures/policy/dir"
run "$adv" expand "$root/fixtures/policy/dir"
run "$adv" expand -f json "$root/fixtures/policy/awslabs/STRICT_ORDER.json"
run "$adv" lint "$root/fixtures/policy/bad/truncated.json"
run "$adv" lint "$root/fixtures/parity/handwritten-invalid.rules"
run "$read_logs" --show "$h/log-hostile-strings.jsonl" "$h/log-numbers.jsonl"
run "$read_logs" "$h/log-two-members.jsonl.gz" "$h/log-truncated-member.jsonl.gz"
run "$read_logs" "$root/fixtures/logs"
# The log commands.
run "$adv" query 'fields event.tls.sni, event.http.hostname, event.http.url' "$h/log-hostile-strings.jsonl"
run "$adv" query --format json 'stats count(*) as n by event.alert.signature_id | sort n desc' \
  "$root/fixtures/query/alert.jsonl"
run "$adv" query --format csv -f "$root/analysis/09-flow-bytes-with-sni.cwli" \
  "$root/fixtures/query/alert.jsonl" "$root/fixtures/query/flow.jsonl"
run "$adv" query 'filter event.tls.sni like /(a+)+$/ | stats count(*)' "$h/log-redos.jsonl"
run "$adv" analyze --rules "$h/rules-ports.rules" "$h/log-hostile-strings.jsonl" "$h/log-numbers.jsonl"
run "$adv" analyze -f json --rules "$root/fixtures/policy/dir" "$root/fixtures/query/alert.jsonl"
exit $status
