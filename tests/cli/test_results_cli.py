#!/usr/bin/env python3
"""test_results_cli.py - the path to fleets, end to end: `export-queries`
prints the queries, `query` computes them locally over the fixture logs
(as CloudWatch would), and `analyze --results` on those results must give
the same findings and aggregates as `analyze` on the raw logs.

Only the "first seen at" location of an unknown signature differs: from raw
logs it is file:line of the log, from results file:row of the result.

Run by meson (suite cli) with NFW_ADVISOR and SOURCE_ROOT set.
"""
import json
import os
import re
import subprocess
import tempfile
import unittest

BIN = os.environ.get("NFW_ADVISOR", "build/nfw-advisor")
ROOT = os.environ.get("SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
LOGS = [os.path.join(ROOT, "fixtures", "query", n) for n in ("alert.jsonl", "flow.jsonl")]
RULES = os.path.join(ROOT, "fixtures", "query", "results", "policy.rules")
QUERIES = ["rule-alerts", "default-actions", "flows", "window"]


def nfw(*args, check=True):
    p = subprocess.run([BIN, *args], capture_output=True, text=True, timeout=120)
    if check and p.returncode not in (0, 1):
        raise AssertionError(f"{args}: exit {p.returncode}: {p.stderr}")
    return p


def normalize(report):
    """The report without what only raw logs can tell (file positions, bytes)."""
    report = json.loads(json.dumps(report))
    for f in report["findings"]:
        f["message"] = re.sub(r"\(first at [^)]*\)", "(first at ...)", f["message"])
    for s in report.get("signatures", []):
        s.pop("first_seen_at", None)
    for k in ("files", "bytes", "bytes_decoded", "lines"):
        report["input"].pop(k, None)
    report.pop("command", None)
    return report


class ResultsEqualRaw(unittest.TestCase):

    def run_case(self, fmt, extra=()):
        raw = nfw("analyze", "--format", "json", "--rules", RULES, *extra, *LOGS)
        with tempfile.TemporaryDirectory() as d:
            files = []
            for q in QUERIES:
                text = nfw("export-queries", "--rules", RULES, *extra, "--query", q).stdout
                qf = os.path.join(d, q + ".cwli")
                with open(qf, "w") as f:
                    f.write(text)
                out = nfw("query", "--format", fmt, "-f", qf, *LOGS)
                self.assertEqual(out.returncode, 0, out.stderr)
                rf = os.path.join(d, q + "." + fmt)
                with open(rf, "w", newline="") as f:
                    f.write(out.stdout)
                files.append(rf)
            res = nfw("analyze", "--format", "json", "--rules", RULES, *extra, "--results", *files)
        self.assertEqual(res.returncode, raw.returncode, res.stderr)
        self.assertNotIn("warning", res.stderr)
        a, b = json.loads(raw.stdout), json.loads(res.stdout)
        self.assertGreater(len(a["findings"]), 5)
        self.assertEqual(normalize(a), normalize(b))
        return a, b

    def test_cwli_results_as_get_query_results_json(self):
        a, _ = self.run_case("json")
        checks = {f["check"] for f in a["findings"]}
        # the fixture exercises every kind of aggregate the queries carry
        for c in ("default-drop-traffic", "unknown-sid", "alert-mode-ready", "rev-mismatch",
                  "silent-flows", "unused-rule"):
            self.assertIn(c, checks)

    def test_results_as_csv_with_header(self):
        self.run_case("csv")

    def test_action_order(self):
        self.run_case("json", ("--rule-order", "action"))


class ExportQueries(unittest.TestCase):

    def test_all_queries_with_headers(self):
        out = nfw("export-queries", "--rules", RULES).stdout
        for q in QUERIES:
            self.assertIn("# nfw-advisor export-queries: " + q, out)
        self.assertNotIn("join", out.lower())
        # the whole text (comments included) is one valid query file per part
        for part in out.split("\n\n"):
            with tempfile.NamedTemporaryFile("w", suffix=".cwli", delete=False) as f:
                f.write(part)
            try:
                p = nfw("query", "-f", f.name, LOGS[0])
                self.assertEqual(p.returncode, 0, p.stderr)
            finally:
                os.unlink(f.name)

    def test_athena(self):
        out = nfw("export-queries", "--engine", "athena", "--rules", RULES).stdout
        for q in QUERIES:
            self.assertIn("-- nfw-advisor export-queries: " + q, out)
        self.assertIn("FROM nfw_alert", out)
        self.assertIn("FROM nfw_flow", out)
        self.assertIn("log_hour >=", out)
        for col in ("AS sid", "AS hits", "AS first", "AS last", "AS flow_id", "AS flows",
                    "AS alerted", "AS records"):
            self.assertIn(col, out)
        # the tables it reads are those of analysis/athena/00-create-tables.sql
        with open(os.path.join(ROOT, "analysis", "athena", "00-create-tables.sql")) as f:
            ddl = f.read()
        for table in set(re.findall(r"FROM (nfw_\w+)", out)):
            self.assertIn("CREATE EXTERNAL TABLE IF NOT EXISTS " + table, ddl)

    def test_action_order_lists_rule_blocks(self):
        strict = nfw("export-queries", "--rules", RULES, "--query", "default-actions").stdout
        action = nfw("export-queries", "--rules", RULES, "--rule-order", "action",
                     "--query", "default-actions").stdout
        self.assertNotIn('event.alert.action = "blocked"', strict)
        self.assertIn('event.alert.action = "blocked"', action)

    def test_usage_errors(self):
        for args in (["export-queries"], ["export-queries", "--rules", RULES, "--engine", "bigquery"],
                     ["export-queries", "--rules", RULES, "--query", "nope"],
                     ["export-queries", "--rules", "/nonexistent.rules"]):
            with self.subTest(args=args):
                p = nfw(*args, check=False)
                self.assertEqual(p.returncode, 2)
                self.assertTrue(p.stderr)


class BadResults(unittest.TestCase):

    def analyze(self, text, name="r.json", extra=()):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, name)
            with open(path, "w") as f:
                f.write(text)
            return nfw("analyze", "--rules", RULES, *extra, "--results", path, check=False), path

    def test_not_results(self):
        p, path = self.analyze('{"events": []}')
        self.assertEqual(p.returncode, 2)
        self.assertIn(path, p.stderr)
        self.assertIn("get-query-results", p.stderr)

    def test_other_query(self):
        p, path = self.analyze('{"results":[[{"field":"n","value":"3"}]]}')
        self.assertEqual(p.returncode, 2)
        self.assertIn("export-queries", p.stderr)

    def test_bad_cell(self):
        p, path = self.analyze("sid,rev,signature,action,hits,first,last\r\n"
                               "12x,1,a,allowed,3,2025-02-24T10:00:00Z,2025-02-24T10:00:01Z\r\n",
                               "r.csv")
        self.assertEqual(p.returncode, 2)
        self.assertIn("row 1, column sid", p.stderr)

    def test_bad_csv(self):
        p, _ = self.analyze('sid,hits\r\n"1,2\r\n', "r.csv")
        self.assertEqual(p.returncode, 2)

    def test_missing_queries_are_named(self):
        p, _ = self.analyze('{"results":[[{"field":"event_type","value":"alert"},'
                            '{"field":"records","value":"0"},'
                            '{"field":"first","value":"2025-02-24 10:00:00.000"},'
                            '{"field":"last","value":"2025-02-24 11:00:00.000"}]]}')
        self.assertIn(p.returncode, (0, 1))
        self.assertIn("no result of the 'rule-alerts' query", p.stderr)

    def test_log_filters_refused(self):
        p, _ = self.analyze('{"results":[]}', extra=("--since", "2025-02-24"))
        self.assertEqual(p.returncode, 2)
        self.assertIn("--since", p.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
