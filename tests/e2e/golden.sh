#!/usr/bin/env bash
# End-to-end golden tests: run the real binary on fixtures/e2e/inputs for each
# case of fixtures/e2e/cases.txt and compare stdout, stderr and the exit
# status with fixtures/e2e/expected/<case>.out.  NFW_UPDATE_GOLDEN=1 rewrites
# the expected files (review the diff before committing).
set -u
bin="${NFW_ADVISOR:?NFW_ADVISOR must point at the binary}"
root="${SOURCE_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}"
dir="$root/fixtures/e2e"
fail=0 total=0
while IFS='|' read -r name args; do
  case "$name" in ''|'#'*) continue ;; esac
  total=$((total + 1))
  actual=$(cd "$dir/inputs" && eval "\"$bin\" $args" 2>&1; echo "exit status: $?")
  expected_file="$dir/expected/$name.out"
  if [ "${NFW_UPDATE_GOLDEN:-0}" = 1 ]; then
    mkdir -p "$dir/expected"
    printf '%s\n' "$actual" > "$expected_file"
    continue
  fi
  if ! diff -u "$expected_file" <(printf '%s\n' "$actual") > /tmp/golden-$$.diff 2>&1; then
    echo "FAIL $name: nfw-advisor $args"
    head -40 /tmp/golden-$$.diff
    fail=$((fail + 1))
  else
    echo "ok   $name"
  fi
done < "$dir/cases.txt"
rm -f /tmp/golden-$$.diff
echo "$((total - fail)) of $total golden cases match"
[ "$fail" -eq 0 ]
