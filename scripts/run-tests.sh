#!/usr/bin/env bash
# Run the whole test suite from a clean checkout: install what is missing,
# build with warnings as errors, run every meson test, and print
# "N passed, N failed" as the last line.  Exit status 0 only if all passed.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh >/tmp/nfw-advisor-install.log 2>&1 || {
  cat /tmp/nfw-advisor-install.log; echo "0 passed, 1 failed"; exit 1; }

passed=0
failed=0

# count_results BUILD_DIR: add the results of a meson test run to the totals.
count_results() {
  local log="$1/meson-logs/testlog.json"
  [ -f "$log" ] || { failed=$((failed + 1)); return; }
  read -r p f < <(python3 - "$log" <<'PY'
import json, sys
p = f = 0
for line in open(sys.argv[1]):
    line = line.strip()
    if not line:
        continue
    r = json.loads(line).get("result")
    if r in ("OK", "EXPECTEDFAIL", "SKIP"):
        p += 1
    else:
        f += 1
print(p, f)
PY
)
  passed=$((passed + p)); failed=$((failed + f))
}

run_build() {
  local dir="$1"; shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" -Dwerror=true "$@" >"$dir.setup.log" 2>&1 || {
      cat "$dir.setup.log"; failed=$((failed + 1)); return 1; }
  fi
  if ! meson compile -C "$dir" >"$dir.compile.log" 2>&1; then
    cat "$dir.compile.log"; failed=$((failed + 1)); return 1
  fi
  meson test -C "$dir" --print-errorlogs --num-processes 2 "${TEST_ARGS[@]}" || true
  count_results "$dir"
}

TEST_ARGS=()
run_build build

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
