"""Split a rules file into logical rules the way Suricata reads it.

'#' lines and blank lines are not rules; a line ending in a backslash
continues on the next line.  Each rule keeps its first and last physical
line (1-based).  Copied in spirit from ../shared/oracle/rules_util.py.
"""

import re

SID_RE = re.compile(r"(?:^|[;(\s])sid\s*:\s*\"?\s*(\d+)", re.I)


class Rule:
    def __init__(self, text, line, end_line):
        self.text, self.line, self.end_line = text, line, end_line

    @property
    def sid(self):
        m = SID_RE.search(self.text)
        return int(m.group(1)) if m else None


def parse_rules(data):
    rules, buf, start = [], [], None
    lines = data.split("\n")
    for no, raw in enumerate(lines, 1):
        line = raw.rstrip("\r")
        if not buf:
            s = line.strip()
            if not s or s.startswith("#"):
                continue
            start = no
        if line.rstrip().endswith("\\"):
            buf.append(line.rstrip()[:-1])
            continue
        buf.append(line)
        rules.append(Rule(" ".join(x.strip() for x in buf), start, no))
        buf = []
    if buf:
        rules.append(Rule(" ".join(x.strip() for x in buf), start, len(lines)))
    return rules


def parse_rules_file(path):
    with open(path, encoding="utf-8", errors="surrogateescape") as fh:
        return parse_rules(fh.read())
