#!/usr/bin/env python3
"""measure-code.py [ROOT] - size figures of the code, for before/after notes.

Prints:
  - source lines of src/ (*.c, *.h) and of tests/ (*.c, *.h, *.py, *.sh,
    fuzz corpora and data left out), non-blank lines, and their ratio;
  - function lengths in src/: a definition is a line starting with
    `name(` (the house style puts the return type on the line before) up
    to the `}` in column 0 that closes it; length counts those lines.
    Functions over 80 lines are listed, longest first.
Measures the working tree of ROOT (default: the checkout holding this
script); `git archive COMMIT | tar -x -C DIR` gives an older tree.
"""
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
LIMIT = 80


def files(top, exts, skip=()):
    for d, dirs, names in os.walk(os.path.join(root, top)):
        dirs[:] = sorted(x for x in dirs if x not in skip)
        for n in sorted(names):
            if n.endswith(exts):
                yield os.path.join(d, n)


def nonblank(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return sum(1 for line in f if line.strip())


src = list(files("src", (".c", ".h")))
tests = list(files("tests", (".c", ".h", ".py", ".sh"), skip=("corpus", "regressions")))
src_lines = sum(nonblank(p) for p in src)
test_lines = sum(nonblank(p) for p in tests)
print(f"src: {len(src)} files, {src_lines} non-blank lines")
print(f"tests: {len(tests)} files, {test_lines} non-blank lines")
print(f"test:code ratio {test_lines / src_lines:.2f}")

start = re.compile(r"^([A-Za-z_]\w*)\(")
lengths = []
for p in src:
    if not p.endswith(".c"):
        continue
    lines = open(p, encoding="utf-8", errors="replace").read().split("\n")
    i = 0
    while i < len(lines):
        m = start.match(lines[i])
        if m and i > 0 and lines[i - 1].strip() and not lines[i - 1].rstrip().endswith(";"):
            j = i
            while j < len(lines) and lines[j] != "}":
                if lines[j].endswith(";") and j == i:
                    break
                j += 1
            if j < len(lines) and lines[j] == "}":
                lengths.append((j - i + 2, os.path.relpath(p, root), m.group(1)))
                i = j
        i += 1
lengths.sort(reverse=True)
over = [x for x in lengths if x[0] > LIMIT]
print(f"functions: {len(lengths)}, over {LIMIT} lines: {len(over)}, "
      f"longest: {lengths[0][0]} ({lengths[0][2]}, {lengths[0][1]})")
for n, path, name in over:
    print(f"  {n:4d}  {name}  {path}")
