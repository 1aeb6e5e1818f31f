#!/usr/bin/env bash
# The house style stays applied: every tracked C file is exactly what
# clang-format (with the project's .clang-format) makes of it.  Prints the
# files that differ and the first lines of each difference.
set -u
cd "${SOURCE_ROOT:-$(dirname "$0")/../..}" || exit 2
command -v clang-format >/dev/null || { echo "clang-format not installed"; exit 77; }
bad=0
while IFS= read -r f; do
  if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
    echo "not in house style: $f (fix: clang-format -i $f)"
    clang-format "$f" | diff -u "$f" - | head -20
    bad=$((bad + 1))
  fi
done < <(git ls-files '*.c' '*.h' 2>/dev/null || find src tests bench -name '*.[ch]')
echo "$bad file(s) out of house style"
[ "$bad" -eq 0 ]
