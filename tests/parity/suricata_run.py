"""Run `suricata -T` over rules and map its errors back to rules.

Shared by suricata_verdicts.py, check_keywords.py and parity.py.  Adapted from
the team's oracle script (../shared/oracle/validate_rules.py): whole-file mode
writes one rule per line to a temporary file, runs one `suricata -T` and maps
each "error parsing signature ... at line N" (with the E: lines printed just
before it) to rule N.  Per-rule mode runs one `suricata -T` per rule.

The Suricata config is fixtures/parity/suricata.yaml (a copy of the oracle's
minimal config: default address/port variables, app-layer defaults), so the
verdicts do not depend on the machine's /etc/suricata/suricata.yaml.
"""

import concurrent.futures as cf
import os
import re
import shutil
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_ROOT = os.environ.get("SOURCE_ROOT") or os.path.dirname(os.path.dirname(HERE))
CONFIG = os.path.join(SOURCE_ROOT, "fixtures", "parity", "suricata.yaml")

LINE_RE = re.compile(r'error parsing signature "(.*)" from file (.*) at line (\d+)\s*$')
LEVEL_RE = re.compile(r"^\s*(?:\[\d+\]\s*)?(E|W|Error|Warning|Notice|Info|i|Config|Perf|Debug)\s*:\s*(.*)$")


def suricata_path():
    return shutil.which("suricata")


def suricata_version(exe=None):
    exe = exe or suricata_path()
    out = subprocess.run([exe, "-V"], capture_output=True, text=True).stdout
    m = re.search(r"version (\S+)", out)
    return m.group(1) if m else out.strip()


def split_levels(output):
    """Yield (level, message) for each log line of Suricata's output."""
    for raw in output.splitlines():
        m = LEVEL_RE.match(raw)
        if m:
            msg = re.sub(r"^[a-z0-9_-]+: ", "", m.group(2), count=1)
            yield m.group(1)[0].upper(), msg
        elif raw.strip():
            yield "?", raw.strip()


def run_test(rules_path, config=CONFIG, exe=None):
    exe = exe or suricata_path()
    with tempfile.TemporaryDirectory(prefix="parity-T-") as d:
        p = subprocess.run([exe, "-c", config, "-S", rules_path, "-l", d, "-T"],
                           capture_output=True, text=True, env=dict(os.environ, TZ="UTC"))
    return p.returncode, p.stdout + p.stderr


def check_whole(texts, config=CONFIG, exe=None):
    """texts: list of one-line rules. Returns (errors, stray): errors maps a
    rule index to its list of error messages; stray holds messages that could
    not be attributed to a rule."""
    errors, stray, pending = {}, [], []
    with tempfile.TemporaryDirectory(prefix="parity-rules-") as d:
        path = os.path.join(d, "all.rules")
        with open(path, "w", encoding="utf-8", errors="surrogateescape") as fh:
            for t in texts:
                fh.write(t.replace("\n", " ") + "\n")
        rc, out = run_test(path, config, exe)
    for lvl, msg in split_levels(out):
        m = LINE_RE.search(msg)
        if m:
            errors.setdefault(int(m.group(3)) - 1, []).extend(pending or ["(no detail printed)"])
            pending = []
        elif lvl == "E":
            if msg.startswith("Loading signatures failed"):
                continue
            pending.append(msg)
    stray += pending
    if rc != 0 and not errors:
        raise RuntimeError("suricata -T failed without naming a rule: " + " | ".join(stray))
    return errors, stray


# Rules at least this long are judged alone (see check_exact).
LONG_RULE = 1800

COUNT_RE = re.compile(r"(\d+) rules successfully loaded, (\d+) rules failed, (\d+)")


def _run_counts(texts, config, exe):
    """One verbose suricata -T over texts: (errors by index, loaded count,
    failed count, error messages not attributed to a rule)."""
    with tempfile.TemporaryDirectory(prefix="parity-rules-") as d:
        path = os.path.join(d, "all.rules")
        with open(path, "w", encoding="utf-8", errors="surrogateescape") as fh:
            for t in texts:
                fh.write(t.replace("\n", " ") + "\n")
        exe = exe or suricata_path()
        p = subprocess.run([exe, "-c", config, "-S", path, "-l", d, "-T", "-v"],
                           capture_output=True, text=True, env=dict(os.environ, TZ="UTC"),
                           errors="surrogateescape")
        out = p.stdout + p.stderr
    errors, pending, loaded, failed = {}, [], None, 0
    for lvl, msg in split_levels(out):
        m = LINE_RE.search(msg)
        if m:
            errors.setdefault(int(m.group(3)) - 1, []).extend(pending or ["(no detail printed)"])
            pending = []
        elif lvl == "E":
            if not msg.startswith("Loading signatures failed"):
                pending.append(msg)
        else:
            c = COUNT_RE.search(msg)
            if c:
                loaded, failed = int(c.group(1)), int(c.group(2))
    if loaded is None and "no rules were loaded" in out:
        loaded, failed = 0, len(texts)
    if loaded is None:
        raise RuntimeError("suricata -T printed no rule counts: " + out[-500:])
    return errors, loaded, failed, pending


def check_exact(texts, config=CONFIG, exe=None):
    """Like check_whole, but also finds the rules Suricata drops without an
    error line: a repeated silent error (setup returning -2, e.g. hassh when
    disabled, logs only its first occurrence), or a rule skipped on purpose
    (requires not met, unknown app-layer event: not loaded, not counted as
    failed).  The loaded count of a verbose run tells whether any such rule
    is there; halves are re-run until each is alone.

    Returns {index: {"ok": bool, "error": str|None, "skipped": bool}}."""
    # Suricata prints at most ~2 KB per log line: the "error parsing
    # signature" line of a long rule is cut and names no line, and a rule
    # over the 8,192-byte line buffer becomes several "lines".  Long rules
    # are judged alone, by the loaded/failed counts.
    verdict = {}
    short = [i for i, t in enumerate(texts) if len(t.encode("utf-8", "surrogateescape")) < LONG_RULE]
    for i in sorted(set(range(len(texts))) - set(short)):
        e, n, failed, stray = _run_counts([texts[i]], config, exe)
        msgs = [m for ms in e.values() for m in ms] + stray
        verdict[i] = {"ok": n == 1 and failed == 0, "error": " | ".join(msgs) or None,
                      "skipped": n == 0 and failed == 0}
        if not verdict[i]["ok"] and not verdict[i]["skipped"] and not msgs:
            verdict[i]["error"] = "(no detail printed)"
    errors, loaded, _, _ = _run_counts([texts[i] for i in short], config, exe)
    for k, e in errors.items():
        verdict[short[k]] = {"ok": False, "error": " | ".join(e), "skipped": False}
    rest = [short[k] for k in range(len(short)) if k not in errors]

    def settle(idx, loaded_count):
        if loaded_count == len(idx):
            for i in idx:
                verdict[i] = {"ok": True, "error": None, "skipped": False}
            return
        if len(idx) == 1:
            i = idx[0]
            e, n, _, _ = _run_counts([texts[i]], config, exe)
            if e:
                verdict[i] = {"ok": False, "error": " | ".join(e[0]), "skipped": False}
            elif n == 1:
                verdict[i] = {"ok": True, "error": None, "skipped": False}
            else:
                verdict[i] = {"ok": True, "error": None, "skipped": True}
            return
        # Big sets go straight to chunks of 128 (a chunk alone reprints a
        # repeated silent error once), small ones are halved.
        size = 128 if len(idx) > 256 else (len(idx) + 1) // 2
        for part in (idx[k:k + size] for k in range(0, len(idx), size)):
            e, n, _, _ = _run_counts([texts[i] for i in part], config, exe)
            for k, msgs in e.items():
                verdict[part[k]] = {"ok": False, "error": " | ".join(msgs), "skipped": False}
            settle([part[k] for k in range(len(part)) if k not in e], n)

    settle(rest, loaded)
    return verdict


def check_per_rule(texts, config=CONFIG, exe=None, jobs=1):
    """One suricata -T per rule; returns {index: [messages]} for rejected rules."""
    def one(item):
        idx, t = item
        with tempfile.TemporaryDirectory(prefix="parity-rule-") as d:
            path = os.path.join(d, "one.rules")
            with open(path, "w", encoding="utf-8", errors="surrogateescape") as fh:
                fh.write(t.replace("\n", " ") + "\n")
            rc, out = run_test(path, config, exe)
        msgs = [m for lvl, m in split_levels(out)
                if lvl == "E" and not LINE_RE.search(m) and not m.startswith("Loading signatures failed")]
        return idx, rc, msgs

    errors = {}
    with cf.ThreadPoolExecutor(max_workers=jobs) as ex:
        for idx, rc, msgs in ex.map(one, enumerate(texts)):
            if rc != 0:
                errors[idx] = msgs or ["suricata -T failed"]
    return errors
