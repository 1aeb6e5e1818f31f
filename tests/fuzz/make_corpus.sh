#!/usr/bin/env bash
# Rebuild the seed corpora in tests/fuzz/corpus/<target>/ from fixtures/.
# Seeds are small (libFuzzer mutates small inputs best): rule files are cut
# into chunks of a few rules, log files into chunks of a few records, gzip
# fixtures are kept whole.  Deterministic: same fixtures, same corpus.
set -euo pipefail
cd "$(dirname "$0")"
root=../..
out=corpus
rm -rf "$out"
mkdir -p "$out"/{rules,policy,logs,query}

# rules: every .rules fixture in chunks of 4 lines.
i=0
for f in "$root"/fixtures/parity/*.rules "$root"/fixtures/parity/*/*.rules \
         "$root"/rules/*.rules "$root"/fixtures/policy/dir/*.rules; do
  [ -f "$f" ] || continue
  split -l 4 -d -a 4 "$f" "$out/rules/$(basename "$f" .rules)-"
done
# Keep the corpus reasonable: at most 600 chunks, evenly spread.
n=$(ls "$out"/rules | wc -l)
if [ "$n" -gt 600 ]; then
  step=$(( (n + 599) / 600 ))
  ls "$out"/rules | awk -v s="$step" 'NR % s != 0' | (cd "$out"/rules && xargs rm -f)
fi

# policy: every JSON and .rules fixture of fixtures/policy, plus a policy and
# its groups joined by NUL bytes (the target splits them into files).
find "$root"/fixtures/policy -type f \( -name '*.json' -o -name '*.rules' \) | sort |
while read -r f; do
  rel=${f#"$root"/fixtures/policy/}
  cp "$f" "$out/policy/${rel//\//_}"
done
{ cat "$root"/fixtures/policy/dir/policy.json; printf '\0';
  cat "$root"/fixtures/policy/dir/domains-group.json; printf '\0';
  cat "$root"/fixtures/policy/dir/egress.rules; } > "$out/policy/dir-joined"

# logs: gzip fixtures whole, text fixtures in chunks of 3 lines (whole when
# they are a single JSON document).
for f in "$root"/fixtures/logs/*; do
  [ -f "$f" ] || continue
  b=$(basename "$f")
  case "$b" in
    *.md|*.py) ;;
    *.gz) cp "$f" "$out/logs/$b" ;;
    array.json|pretty.json|filter-log-events.json|get-log-events.json|firehose.json|opensearch-sample.json)
      cp "$f" "$out/logs/$b" ;;
    *) split -l 3 -d -a 3 "$f" "$out/logs/$b-" ;;
  esac
done
find "$root"/fixtures/logs/s3 -type f | sort | head -4 | while read -r f; do
  cp "$f" "$out/logs/s3-$(basename "$f")"
done
head -c 1500 "$root"/fixtures/query/alert.jsonl > "$out/logs/query-alert"
head -c 1500 "$root"/fixtures/query/flow.jsonl > "$out/logs/query-flow"

# query: the saved analyses, and each with two records after a NUL byte.
for f in "$root"/analysis/*.cwli; do
  b=$(basename "$f" .cwli)
  cp "$f" "$out/query/$b"
  { cat "$f"; printf '\0'; head -n 2 "$root"/fixtures/query/alert.jsonl; } > "$out/query/$b-records"
done
# Queries from the language tests: every string passed to run_lines()/query_parse.
python3 - "$root"/tests/query/test_query_lang.c "$out/query" <<'PY'
import re, sys, os
src = open(sys.argv[1], encoding="utf-8").read()
seen = set()
for m in re.finditer(r'(?:run_lines|query_parse|parse_error|run_fixture|expect_error)\s*\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)', src):
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1))
    text = "".join(parts)
    try:
        text = bytes(text, "utf-8").decode("unicode_escape").encode("latin-1", "replace")
    except Exception:
        continue
    if text in seen:
        continue
    seen.add(text)
    with open(os.path.join(sys.argv[2], "lang-%03d" % len(seen)), "wb") as f:
        f.write(text)
PY
for t in rules policy logs query; do
  echo "$t: $(ls "$out/$t" | wc -l) seeds, $(du -sk "$out/$t" | cut -f1) KiB"
done
