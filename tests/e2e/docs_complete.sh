#!/usr/bin/env bash
# The man page documents every check and every command the binary has, and
# every command answers --help: the help and the man page cannot drift from
# the check table and the command table.
set -u
bin="${NFW_ADVISOR:?}"
root="${SOURCE_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}"
man="$root/docs/nfw-advisor.1"
fail=0
for id in $("$bin" lint --list-checks | awk '{print $1}'); do
  grep -q "^\.B $id\$" "$man" || { echo "check $id is missing from the man page"; fail=1; }
  grep -q "$id" "$root/docs/checks.md" 2>/dev/null || { echo "check $id is missing from docs/checks.md"; fail=1; }
done
for cmd in $("$bin" --help | awk '/^Commands:/{on=1; next} on && !NF {exit} on {print $1}'); do
  grep -q "^\.B nfw-advisor $cmd" "$man" || { echo "command $cmd is missing from the man page SYNOPSIS"; fail=1; }
  "$bin" "$cmd" --help >/dev/null || { echo "nfw-advisor $cmd --help failed"; fail=1; }
done
[ "$fail" -eq 0 ] && echo "man page and checks.md cover every check and command"
exit "$fail"
