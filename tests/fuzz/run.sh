#!/usr/bin/env bash
# Run every fuzz target (or the ones named) for N seconds each, one after
# the other, with libFuzzer + ASan + UBSan.
#   tests/fuzz/run.sh [-s SECONDS] [-b BUILD_DIR] [-k] [TARGET...]
# -k: keep going after a crash (libFuzzer -fork=1 -ignore_crashes=1): every
#     crash of the run is saved, not only the first.
# Builds BUILD_DIR (default /tmp/build-fuzz) with clang and -Dfuzzing=true
# if needed.  New interesting inputs go to a work corpus in BUILD_DIR (the
# committed seeds in corpus/<t>/ are read, never written); crashes are
# written to BUILD_DIR/crashes/<t>/.  Copy a fixed crash input to
# regressions/<t>/ so that the fuzz-smoke suite replays it forever.
# Prints one summary line per target: executions, new coverage, crashes.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=60
build=/tmp/build-fuzz
keep_going=()
while getopts "s:b:k" opt; do
  case $opt in
    s) seconds=$OPTARG ;;
    b) build=$OPTARG ;;
    k) keep_going=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1) ;;
    *) echo "usage: $0 [-s SECONDS] [-b BUILD_DIR] [TARGET...]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(rules policy logs query)

if [ ! -f "$build/build.ninja" ]; then
  # fuzzer-no-link: coverage instrumentation for the library too, not only
  # the target file.
  CC=clang CFLAGS="-fsanitize=fuzzer-no-link" \
    meson setup "$build" "$root" -Dfuzzing=true -Db_sanitize=address,undefined \
      -Db_lundef=false -Dbuildtype=debugoptimized >"$build.setup.log" 2>&1 ||
    { cat "$build.setup.log"; exit 2; }
fi
meson compile -C "$build" $(printf 'tests/fuzz/fuzz-%s ' "${targets[@]}") >"$build.compile.log" 2>&1 ||
  { cat "$build.compile.log"; exit 2; }

export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
status=0
for t in "${targets[@]}"; do
  work="$build/corpus/$t"
  crashes="$build/crashes/$t"
  mkdir -p "$work" "$crashes"
  log="$build/fuzz-$t.log"
  # -rss_limit_mb: the reader's bounded-memory promise; -timeout: a hang.
  "$build/tests/fuzz/fuzz-$t" "$work" "$here/corpus/$t" "$here/regressions/$t" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$crashes/" "${keep_going[@]}" >"$log" 2>&1
  rc=$?
  execs=$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')
  # -fork mode prints no final stats: take the last status line "#N: cov: ...".
  [ -z "$execs" ] && execs=$(grep -E '^#[0-9]+' "$log" | tail -1 | sed -E 's/^#([0-9]+).*/\1/')
  cov=$(grep -E '^#[0-9]+' "$log" | tail -1 | grep -o 'cov: [0-9]*' | awk '{print $2}')
  n_crash=$(find "$crashes" -type f | wc -l)
  echo "$t: ${execs:-?} executions in ${seconds}s, coverage ${cov:-?} edges, exit $rc, $n_crash crash files in $crashes"
  [ "$rc" -ne 0 ] && status=1
done
exit $status
