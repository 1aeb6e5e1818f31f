#!/usr/bin/env bash
# Install what is needed, build, and run nfw-advisor on the shipped examples:
# the flawed policy in rules/flawed/ (lint), the clean one in rules/egress-strict/
# (lint, expand), and the demo logs in fixtures/demo/ (analyze), and write
# the HTML reports to build/lint-report.html and build/report.html.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
[ -f build/build.ninja ] || meson setup build >/dev/null
meson compile -C build >/dev/null

run() { printf '\n$ %s\n' "$*"; "$@" || true; }
adv=build/nfw-advisor

if [ -d rules/flawed ]; then
  run "$adv" lint rules/flawed/
  "$adv" lint --format html -o build/lint-report.html rules/flawed/ || true
fi
if [ -d rules/egress-strict ]; then
  run "$adv" lint rules/egress-strict/
  run "$adv" expand rules/egress-strict/
fi
if "$adv" analyze --help >/dev/null 2>&1 && [ -d fixtures/demo ]; then
  run "$adv" analyze --rules rules/egress-strict/ fixtures/demo/logs/
  if "$adv" analyze --help 2>/dev/null | grep -q html; then
    "$adv" analyze --format html -o build/report.html --rules rules/egress-strict/ fixtures/demo/logs/ || true
    printf '\nHTML reports: build/lint-report.html (rules/flawed), build/report.html (demo logs)\n'
  fi
fi
