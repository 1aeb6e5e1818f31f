#!/usr/bin/env python3
"""test_query_cli.py - end-to-end tests of `nfw-advisor query`: the real
binary on the fixture logs of fixtures/query/ (and fixtures/logs/ for the
input formats), every answer checked against the same question asked
independently with jq.

- The six queries of the article (seed-summary.md) as written there, with
  the placeholders filled in.
- Every saved query of analysis/*.cwli runs with `query -f`; the answers of
  those jq can compute are checked.
- Bad queries (unknown command, unbalanced quotes, bad regex, catastrophic
  regex) fail with `query:LINE:COL: error:`, a caret, exit 2, in seconds.
- The options: --format, --since/--until, skip accounting, errors.

Run by meson (suite cli) with NFW_ADVISOR and SOURCE_ROOT set.
"""
import glob
import json
import os
import subprocess
import sys
import tempfile
import time
import unittest

BIN = os.environ.get("NFW_ADVISOR", "build/nfw-advisor")
ROOT = os.environ.get("SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
FIX = os.path.join(ROOT, "fixtures", "query")
ALERT = os.path.join(FIX, "alert.jsonl")
FLOW = os.path.join(FIX, "flow.jsonl")
LOGFIX = os.path.join(ROOT, "fixtures", "logs")


def run(*args, timeout=60):
    return subprocess.run([BIN, "query", *args], capture_output=True, text=True, timeout=timeout)


def run_json(query, *logs, extra=()):
    """The query's result rows as dicts (get-query-results JSON), and the whole JSON."""
    p = run("--format", "json", *extra, query, *logs)
    if p.returncode != 0:
        raise AssertionError(f"exit {p.returncode}: {p.stderr}")
    doc = json.loads(p.stdout)
    rows = [{f["field"]: f["value"] for f in row} for row in doc["results"]]
    return rows, doc


def run_file_json(path, *logs):
    p = run("--format", "json", "-f", path, *logs)
    if p.returncode != 0:
        raise AssertionError(f"{path}: exit {p.returncode}: {p.stderr}")
    doc = json.loads(p.stdout)
    return [{f["field"]: f["value"] for f in row} for row in doc["results"]], doc


def jq(filter_, *files):
    """jq -c -s FILTER: its JSON output."""
    p = subprocess.run(["jq", "-c", "-s", filter_, *files], capture_output=True, text=True,
                       check=True)
    return json.loads(p.stdout)


# jq helpers: CloudWatch shows values as strings, leaves out missing fields.
JQ_DEFS = r'''
def s: if . == null then null elif type == "string" then . else tostring end;
def ts: .event.timestamp | .[0:10] + " " + .[11:23];
def pick(names): . as $r | reduce names[] as $n ({}; . + {($n): ($r | getpath($n | split(".") | map(if test("^[0-9]+$") then tonumber else . end)) | s)}) | with_entries(select(.value != null));
def topcount(k; n): group_by(k) | map({key: (.[0] | k | s), n: length}) | sort_by(-.n) | .[0:n];
'''

OVERVIEW_FIELDS = ["event.event_type", "event.alert.action", "event.alert.signature",
                   "event.app_proto", "event.src_ip", "event.src_port", "event.dest_ip",
                   "event.dest_port", "event.tls.sni", "event.http.hostname"]
DETAIL_FIELDS = ["event.event_type", "event.alert.action", "event.alert.signature",
                 "event.alert.metadata.signature_severity.0", "event.app_proto", "event.src_ip",
                 "event.src_port", "event.dest_ip", "event.dest_port", "event.tls.sni",
                 "event.http.hostname"]


def fields_jq(fields, select="true"):
    names = json.dumps(fields)
    return JQ_DEFS + f'map(select({select}) | ({{"@timestamp": ts}} + pick({names})))'


def top_jq(select, key, name, n=10):
    return JQ_DEFS + (f'map(select({select})) | topcount({key}; {n}) | '
                      f'map({{"{key[1:]}": .key, "{name}": (.n | tostring)}} | '
                      'with_entries(select(.value != null)))')


class ArticleQueries(unittest.TestCase):
    """The six queries of the article, as printed there."""

    def test_1_alert_overview(self):
        q = ("fields @timestamp, " + ", ".join(OVERVIEW_FIELDS))
        rows, doc = run_json(q, ALERT, FLOW)
        self.assertEqual(rows, jq(fields_jq(["@timestamp"] and OVERVIEW_FIELDS), ALERT, FLOW))
        self.assertFalse(doc["defaultLimitApplied"])
        self.assertEqual(doc["statistics"]["recordsScanned"], 231)
        # narrowed as the article suggests
        rows, _ = run_json(q + ' | filter event.alert.action = "blocked"', ALERT, FLOW)
        self.assertEqual(rows, jq(fields_jq(OVERVIEW_FIELDS, '.event.alert.action == "blocked"'),
                                  ALERT, FLOW))
        rows, _ = run_json(q + ' | filter event.src_ip = "10.0.2.7"', ALERT, FLOW)
        expect = jq(fields_jq(OVERVIEW_FIELDS, '.event.src_ip == "10.0.2.7"'), ALERT, FLOW)
        self.assertGreater(len(expect), 5)
        self.assertEqual(rows, expect)

    def test_2_top_blocked_tls_fqdns(self):
        q = ('filter event.alert.signature = "matching TLS denylisted FQDNs"\n'
             '| stats count(*) as numBlockedRequests by event.tls.sni\n'
             '| sort numBlockedRequests desc\n| limit 10')
        rows, doc = run_json(q, ALERT, FLOW)
        expect = jq(top_jq('.event.alert.signature == "matching TLS denylisted FQDNs"',
                           ".event.tls.sni", "numBlockedRequests"), ALERT, FLOW)
        self.assertEqual(len(expect), 10)
        self.assertEqual(rows, expect)
        self.assertEqual(doc["statistics"]["recordsMatched"], 93)

    def test_2b_http(self):
        q = ('filter event.alert.signature = "matching HTTP denylisted FQDNs"\n'
             '| stats count(*) as numBlockedRequests by event.http.hostname\n'
             '| sort numBlockedRequests desc\n| limit 10')
        rows, _ = run_json(q, ALERT)
        self.assertEqual(rows, jq(top_jq('.event.alert.signature == "matching HTTP denylisted FQDNs"',
                                         ".event.http.hostname", "numBlockedRequests"), ALERT))

    def test_3_top_sources_of_blocked_fqdn(self):
        q = ('filter event.alert.action = "blocked" and event.tls.sni = "www.example.com"\n'
             '| stats count(*) as numBlockedRequests by event.src_ip\n'
             '| sort numBlockedRequests desc\n| limit 10')
        rows, _ = run_json(q, ALERT, FLOW)
        expect = jq(top_jq('.event.alert.action == "blocked" and .event.tls.sni == "www.example.com"',
                           ".event.src_ip", "numBlockedRequests"), ALERT, FLOW)
        self.assertGreater(len(expect), 1)
        self.assertEqual(rows, expect)

    def test_4_top_alert_signatures(self):
        q = ('filter event.alert.action = "allowed" and not isempty(event.alert.signature)\n'
             '| stats count(*) as numEvents by event.alert.signature\n'
             '| sort numEvents desc\n| limit 10')
        rows, _ = run_json(q, ALERT, FLOW)
        expect = jq(top_jq('.event.alert.action == "allowed" and ((.event.alert.signature // "") != "")',
                           ".event.alert.signature", "numEvents"), ALERT, FLOW)
        self.assertGreater(len(expect), 2)
        self.assertEqual(rows, expect)

    def test_5_top_sources_of_signature(self):
        q = ('filter event.alert.action = "allowed" and event.alert.signature = "Allowed TLS to SaaS"\n'
             '| stats count(*) as numEvents by event.src_ip\n'
             '| sort numEvents desc\n| limit 10')
        rows, _ = run_json(q, ALERT, FLOW)
        expect = jq(top_jq('.event.alert.action == "allowed" and .event.alert.signature == "Allowed TLS to SaaS"',
                           ".event.src_ip", "numEvents"), ALERT, FLOW)
        self.assertGreater(len(expect), 1)
        self.assertEqual(rows, expect)

    def test_6_signature_details(self):
        q = ("fields @timestamp, " + ", ".join(DETAIL_FIELDS) +
             '\n| filter event.alert.signature = "Custom SSH outbound"')
        rows, _ = run_json(q, ALERT, FLOW)
        expect = jq(fields_jq(DETAIL_FIELDS, '.event.alert.signature == "Custom SSH outbound"'),
                    ALERT, FLOW)
        self.assertEqual(len(expect), 4)
        self.assertEqual(rows, expect)


class SavedQueries(unittest.TestCase):
    """analysis/*.cwli run unchanged with `query -f`."""

    def test_every_saved_query_runs(self):
        files = sorted(glob.glob(os.path.join(ROOT, "analysis", "*.cwli")))
        self.assertGreaterEqual(len(files), 10)
        for path in files:
            with self.subTest(path=os.path.basename(path)):
                for fmt in ("table", "json", "csv"):
                    p = run("--format", fmt, "-f", path, ALERT, FLOW)
                    self.assertEqual(p.returncode, 0, p.stderr)
                rows, doc = run_file_json(path, ALERT, FLOW)
                self.assertEqual(doc["status"], "Complete")
                self.assertGreater(len(rows), 0, "the fixtures should give every query an answer")

    def saved(self, name):
        return os.path.join(ROOT, "analysis", name)

    def test_01_to_07_match_jq(self):
        checks = {
            "02-top-blocked-tls-fqdns.cwli": top_jq(
                '.event.alert.signature == "matching TLS denylisted FQDNs"', ".event.tls.sni",
                "numBlockedRequests"),
            "03-top-sources-of-blocked-fqdn.cwli": top_jq(
                '.event.alert.action == "blocked" and .event.tls.sni == "www.example.com"',
                ".event.src_ip", "numBlockedRequests"),
            "04-top-alert-signatures.cwli": top_jq(
                '.event.alert.action == "allowed" and ((.event.alert.signature // "") != "")',
                ".event.alert.signature", "numEvents"),
            "05-top-sources-of-signature.cwli": top_jq(
                '.event.alert.action == "allowed" and .event.alert.signature == "Allowed TLS to SaaS"',
                ".event.src_ip", "numEvents"),
            "06-signature-details.cwli": fields_jq(
                DETAIL_FIELDS, '.event.alert.signature == "Custom SSH outbound"'),
            "07-top-blocked-http-hosts.cwli": top_jq(
                '.event.alert.signature == "matching HTTP denylisted FQDNs"',
                ".event.http.hostname", "numBlockedRequests"),
        }
        for name, filt in checks.items():
            with self.subTest(name=name):
                rows, _ = run_file_json(self.saved(name), ALERT, FLOW)
                self.assertEqual(rows, jq(filt, ALERT, FLOW))

    def test_01_overview_sorted_newest_first(self):
        rows, _ = run_file_json(self.saved("01-alert-overview.cwli"), ALERT, FLOW)
        expect = jq(JQ_DEFS + 'map(select(.event.event_type == "alert")) | '
                    'sort_by(.event.timestamp) | reverse | map(ts)', ALERT, FLOW)
        self.assertEqual([r["@timestamp"] for r in rows], expect)

    def test_08_default_action_drops(self):
        rows, _ = run_file_json(self.saved("08-default-action-drops.cwli"), ALERT, FLOW)
        total = jq('map(select(.event.alert.action == "blocked" and '
                   '(.event.alert.signature // "" | test("^aws:(alert|drop)_(established|strict) action$")))) | length',
                   ALERT, FLOW)
        self.assertEqual(sum(int(r["drops"]) for r in rows), total)
        self.assertEqual([int(r["drops"]) for r in rows],
                         sorted((int(r["drops"]) for r in rows), reverse=True))

    def test_09_flow_bytes_with_sni(self):
        rows, _ = run_file_json(self.saved("09-flow-bytes-with-sni.cwli"), ALERT, FLOW)
        expect = jq('group_by(.event.flow_id) | map({f: (.[0].event.flow_id | tostring), '
                    'b: (map(.event.netflow.bytes // 0) | add), '
                    'sni: (map(.event.tls.sni // empty) | last)}) | '
                    'map(select(.sni != null and .b > 0)) | map([.f, (.b | tostring), .sni]) | sort',
                    ALERT, FLOW)
        self.assertGreater(len(expect), 0)
        self.assertEqual(sorted([r["event.flow_id"], r["bytes"], r["sni"]] for r in rows), expect)

    def test_10_alerts_per_hour(self):
        rows, _ = run_file_json(self.saved("10-alerts-per-hour.cwli"), ALERT, FLOW)
        total = jq('map(select(.event.event_type == "alert")) | length', ALERT, FLOW)
        self.assertEqual(sum(int(r["alerts"]) for r in rows), total)


class BadQueries(unittest.TestCase):
    """Clear errors with a caret, exit 2, and never a hang."""

    def assert_error(self, query, where, what):
        start = time.monotonic()
        p = run(query, ALERT)
        self.assertLess(time.monotonic() - start, 10)
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertEqual(p.stdout, "")
        lines = p.stderr.splitlines()
        self.assertTrue(lines[0].startswith(f"query:{where}: error: "), p.stderr)
        self.assertIn(what, lines[0])
        col = int(where.split(":")[1])
        self.assertEqual(lines[2], " " * (col - 1) + "^", p.stderr)

    def test_unknown_command(self):
        self.assert_error('fitler event.alert.action = "blocked"', "1:1", "unknown command 'fitler'")

    def test_unknown_command_on_a_later_line(self):
        start = time.monotonic()
        p = run('filter event.alert.action = "blocked"\n| join x', ALERT)
        self.assertEqual(p.returncode, 2)
        self.assertTrue(p.stderr.startswith("query:2:3: error: "), p.stderr)
        self.assertIn("join", p.stderr)
        self.assertLess(time.monotonic() - start, 10)

    def test_unbalanced_quotes(self):
        self.assert_error('filter event.tls.sni = "www.example.com', "1:24", "unterminated string")

    def test_unbalanced_parenthesis(self):
        p = run('filter (event.tls.sni = "a"', ALERT)
        self.assertEqual(p.returncode, 2)
        self.assertRegex(p.stderr, r"^query:1:\d+: error: ")

    def test_bad_regex(self):
        p = run('filter event.tls.sni like /(a+/', ALERT)
        self.assertEqual(p.returncode, 2)
        self.assertRegex(p.stderr, r"^query:1:\d+: error: .*regex")
        self.assertIn("^", p.stderr)

    def test_catastrophic_regex(self):
        """(a+)+$ on 'aaa…b' backtracks exponentially: the PCRE2 limit stops each
        match in milliseconds, the result is printed, and the run fails (exit 2)
        because the answer may be wrong."""
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
            with open(ALERT) as a:
                line = a.readline()
            rec = json.loads(line)
            rec["event"]["tls"] = {"sni": "a" * 5000 + "b"}
            for _ in range(20):
                f.write(json.dumps(rec) + "\n")
        try:
            start = time.monotonic()
            p = run("filter event.tls.sni like /(a+)+$/ | stats count(*) as n", f.name)
            self.assertLess(time.monotonic() - start, 10)
            self.assertEqual(p.returncode, 2, p.stderr)
            self.assertIn("20 regex match(es) stopped at the PCRE2 limits", p.stderr)
            self.assertIn("result above is incomplete", p.stderr)
        finally:
            os.unlink(f.name)

    def test_unsupported_construct_named(self):
        p = run("filter event.tls.sni = 'a' | unmask event.src_ip", ALERT)
        self.assertEqual(p.returncode, 2)
        self.assertIn("unmask", p.stderr)

    def test_query_file_errors_name_the_file(self):
        with tempfile.NamedTemporaryFile("w", suffix=".cwli", delete=False) as f:
            f.write("# a comment\nstats count(*) by\n")
        try:
            p = run("-f", f.name, ALERT)
            self.assertEqual(p.returncode, 2)
            self.assertTrue(p.stderr.startswith(f.name + ":2:"), p.stderr)
        finally:
            os.unlink(f.name)


class Options(unittest.TestCase):

    def test_help(self):
        p = run("--help")
        self.assertEqual(p.returncode, 0)
        for word in ("--format", "--since", "--until", "-f", "count_distinct", "10000 rows"):
            self.assertIn(word, p.stdout)

    def test_usage_errors(self):
        for args in ([], ["stats count(*)"], ["--format", "xml", "stats count(*)", ALERT],
                     ["--since", "yesterday", "stats count(*)", ALERT],
                     ["stats count(*)", "/nonexistent/log"]):
            with self.subTest(args=args):
                p = run(*args)
                self.assertEqual(p.returncode, 2)
                self.assertIn("nfw-advisor query", p.stderr)

    def test_since_until(self):
        rows, doc = run_json("stats count(*) as n", ALERT, FLOW,
                             extra=("--since", "2025-02-24T11:00:00Z",
                                    "--until", "2025-02-24T12:00:00Z"))
        expect = jq('map(select(.event.timestamp >= "2025-02-24T11:00:00" and '
                    '.event.timestamp < "2025-02-24T12:00:00")) | length', ALERT, FLOW)
        self.assertGreater(expect, 0)
        self.assertEqual(rows, [{"n": str(expect)}])
        self.assertEqual(doc["statistics"]["recordsScanned"], expect)
        self.assertEqual(doc["statistics"]["recordsOutsideWindow"], 231 - expect)

    def test_default_limit_is_stated(self):
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
            with open(FLOW) as fl:
                line = fl.readline()
            for _ in range(10005):
                f.write(line)
        try:
            p = run("fields event.src_ip", f.name)
            self.assertEqual(p.returncode, 0)
            self.assertIn("showing the first 10000 rows", p.stdout)
            rows, doc = run_json("fields event.src_ip", f.name)
            self.assertEqual(len(rows), 10000)
            self.assertTrue(doc["defaultLimitApplied"])
            self.assertEqual(doc["limit"], 10000)
            p = run("--format", "csv", "fields event.src_ip", f.name)
            self.assertIn("showing the first 10000 rows", p.stderr)
            self.assertEqual(len(p.stdout.splitlines()), 10001)
        finally:
            os.unlink(f.name)

    def test_csv(self):
        p = subprocess.run([BIN, "query", "--format", "csv",
                            'filter event.alert.signature = "Custom SSH outbound" '
                            '| fields event.src_ip, event.dest_port | sort event.src_ip', ALERT],
                           capture_output=True, timeout=60)
        self.assertEqual(p.returncode, 0)
        self.assertEqual(p.stdout.split(b"\r\n"),
                         [b"event.src_ip,event.dest_port", b"10.0.1.13,22", b"10.0.1.13,22",
                          b"10.0.2.8,22", b"10.0.2.8,22", b""])

    def test_skips_are_accounted(self):
        broken = os.path.join(LOGFIX, "broken.jsonl")
        rows, doc = run_json("stats count(*) as n", broken)
        skipped = doc["statistics"]["recordsSkipped"]
        self.assertGreater(sum(skipped.values()), 0)
        self.assertEqual(int(rows[0]["n"]), doc["statistics"]["recordsScanned"])
        p = run("stats count(*) as n", broken)
        self.assertIn("skipped", p.stderr)
        self.assertIn("broken.jsonl:", p.stderr)

    def test_every_input_format(self):
        """The same records in the reader's formats give the same answer."""
        q = "stats count(*) as n, count_distinct(event.src_ip) as s by event.event_type"
        base, _ = run_json(q, os.path.join(LOGFIX, "envelope.jsonl"))
        gz, _ = run_json(q, os.path.join(LOGFIX, "envelope.jsonl.gz"))
        self.assertEqual(base, gz)
        for name in ("filter-log-events.json", "firehose.json", "array.json", "pretty.json",
                     "cloudwatch-export.log", "s3", "tls-log.jsonl"):
            with self.subTest(name=name):
                rows, doc = run_json("stats count(*) as n", os.path.join(LOGFIX, name))
                self.assertGreater(int(rows[0]["n"]), 0)

    def test_raw_eve_is_seen_as_the_event(self):
        eve = os.path.join(LOGFIX, "eve.json")
        rows, _ = run_json("filter event.event_type = \"alert\" | stats count(*) as n", eve)
        expect = jq('map(select(.event_type == "alert" or .event.event_type == "alert")) | length',
                    eve)
        self.assertEqual(rows, [{"n": str(expect)}])

    def test_stdin(self):
        with open(ALERT) as f:
            p = subprocess.run([BIN, "query", "--format", "json", "stats count(*) as n", "-"],
                               stdin=f, capture_output=True, text=True, timeout=60)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(json.loads(p.stdout)["results"], [[{"field": "n", "value": "145"}]])


if __name__ == "__main__":
    unittest.main(verbosity=2)
