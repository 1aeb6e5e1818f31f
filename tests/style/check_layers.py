#!/usr/bin/env python3
"""check_layers.py - the house stays one-way.

src/ holds one folder per part.  Parts are stacked in LAYERS (bottom
first; parts on one line are on the same level and may not include each
other).  For every `#include "part/file.h"` in src/:
  - the included part is the including part itself, or a part on a lower
    level (no back arrow, no sideways arrow);
  - from another part only the face header `part/part.h` is included (the
    other headers of a part are its own);
and inside each part:
  - no header include circle;
  - no circle between its .c files, where a.c depends on b.c when a.c
    calls a function that b.c defines (what an internal header hides).
A folder of src/ that is not in LAYERS fails too: a new part takes its
place in the matrix first.

Usage: check_layers.py [SRC_DIR]      (default: $SOURCE_ROOT/src)
       check_layers.py --self-test    (proves each rule fails on a bad tree)
Exit 0 when clean, 1 with one line per problem.
"""
import os
import re
import sys
import tempfile

# Bottom to top.  The one place the order is written.
LAYERS = [
    ["base"],
    ["rules", "logs"],
    ["findings"],
    ["policy"],
    ["verdict"],
    ["lint"],
    ["analyze"],
    ["simulate"],
    ["query"],
    ["report"],
    ["cli"],
]
LEVEL = {part: i for i, parts in enumerate(LAYERS) for part in parts}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
# A function definition at the start of a line, its return type on the line
# before (the house style): "name(" at column 0.
DEFINITION = re.compile(r"^([A-Za-z_]\w*)\(", re.M)


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


def sources(src):
    """{part: {file name: text}} for the C files of every folder of src/."""
    parts = {}
    for part in sorted(os.listdir(src)):
        folder = os.path.join(src, part)
        if not os.path.isdir(folder):
            continue
        parts[part] = {}
        for name in sorted(os.listdir(folder)):
            if name.endswith((".c", ".h")):
                with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
                    parts[part][name] = strip_comments(f.read())
    return parts


def find_cycle(graph):
    """One cycle of a {node: set(nodes)} graph as a list, or None."""
    state = {}
    stack = []

    def visit(node):
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def exported_functions(text):
    """Names of the functions a .c file defines without `static`."""
    names = set()
    lines = text.split("\n")
    for i, line in enumerate(lines):
        m = DEFINITION.match(line)
        if not m or i == 0:
            continue
        before = lines[i - 1].strip()
        if before and not before.startswith(("static", "#", "}", ";")) and not before.endswith(";"):
            names.add(m.group(1))
    return names


def check(src):
    problems = []
    parts = sources(src)
    for part in parts:
        if part not in LEVEL:
            problems.append(f"src/{part}/: a part not in the layer matrix (tests/style/check_layers.py LAYERS)")
    for part, files in parts.items():
        headers = {}
        for name, text in files.items():
            where = f"src/{part}/{name}"
            for inc in INCLUDE.findall(text):
                if "/" not in inc:
                    continue
                other, header = inc.split("/", 1)
                if other == part:
                    if name.endswith(".h"):
                        headers.setdefault(name, set()).add(header)
                    continue
                if other not in LEVEL:
                    problems.append(f"{where}: includes {inc}, a part not in the layer matrix")
                    continue
                if part in LEVEL and LEVEL[other] >= LEVEL[part]:
                    kind = "sideways" if LEVEL[other] == LEVEL[part] else "back"
                    problems.append(f"{where}: includes {inc}: a {kind} arrow ({part} may include "
                                    f"only parts below it)")
                if header != f"{other}.h":
                    problems.append(f"{where}: includes {inc}: from another part only its face "
                                    f"header {other}/{other}.h")
        cycle = find_cycle(headers)
        if cycle:
            problems.append(f"src/{part}/: header include circle: {' -> '.join(cycle)}")
        defined = {}
        for name, text in files.items():
            if name.endswith(".c"):
                for fn in exported_functions(text):
                    defined[fn] = name
        uses = {}
        for name, text in files.items():
            if not name.endswith(".c"):
                continue
            called = set(re.findall(r"\b([A-Za-z_]\w*)\s*\(", text))
            uses[name] = {defined[fn] for fn in called if fn in defined and defined[fn] != name}
        cycle = find_cycle(uses)
        if cycle:
            problems.append(f"src/{part}/: files depend on each other in a circle: {' -> '.join(cycle)}")
    return problems


def self_test():
    """Each rule must catch its bad tree, and a good tree must pass."""
    good = {
        "base/base.h": "",
        "base/base_text.c": '#include "base/base.h"\nint\nbase_f(void)\n{\n    return 0;\n}\n',
        "rules/rules.h": '#include "base/base.h"\n#include "rules/rule.h"\n',
        "rules/rule.h": "",
        "rules/a.c": '#include "rules/rules.h"\nint\nrules_a(void)\n{\n    return rules_b();\n}\n',
        "rules/b.c": '#include "rules/rules.h"\nint\nrules_b(void)\n{\n    return base_f();\n}\n',
        "policy/policy.h": '#include "rules/rules.h"\n',
    }
    bad = {
        "back arrow": {"rules/c.c": '#include "policy/policy.h"\n'},
        "sideways arrow": {"logs/logs.h": "", "rules/c.c": '#include "logs/logs.h"\n'},
        "internal header": {"policy/p.c": '#include "rules/rule.h"\n'},
        "unknown part": {"frob/frob.h": ""},
        "header circle": {"rules/rule.h": '#include "rules/rules.h"\n'},
        "file circle": {"rules/b.c": '#include "rules/rules.h"\nint\nrules_b(void)\n{\n'
                        "    return rules_a();\n}\n"},
    }
    failures = 0

    def run(tree):
        with tempfile.TemporaryDirectory() as d:
            for path, text in tree.items():
                os.makedirs(os.path.join(d, os.path.dirname(path)), exist_ok=True)
                with open(os.path.join(d, path), "w") as f:
                    f.write(text)
            return check(d)

    if run(good):
        print("self-test: the good tree fails:", run(good))
        failures += 1
    for what, change in bad.items():
        found = run({**good, **change})
        print(f"self-test {what}: {'caught' if found else 'MISSED'}: {found[:1]}")
        failures += not found
    return failures


def main():
    if sys.argv[1:] == ["--self-test"]:
        return 1 if self_test() else 0
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.environ.get("SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", "..")), "src")
    problems = check(src)
    for p in problems:
        print(p)
    n = sum(len(f) for f in sources(src).values())
    print(f"{len(problems)} layering problem(s) in {n} files of {src}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
