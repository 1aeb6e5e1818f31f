#!/usr/bin/env python3
"""Runs the hostile-input cases of fixtures/hostile/cases.json end to end:
each through the real binary (nfw-advisor, or hostile-read-logs for the log
reader), checking exit status, expected text, that no raw control character
reaches stdout/stderr, and the time and peak RSS of the process (wait4).

    hostile.py --small   cases that run in every build (suite hostile)
    hostile.py --big     the generated big ones (suite slow): 1,000,000
                         rules, a 100 MB line, a gzip bomb, 10 million events
    ... --only TEXT      only the cases whose name contains TEXT

Big inputs are generated into a temporary directory, never committed.  In a
sanitizer build (NFW_SANITIZE set) the big cases are skipped: ASan's shadow
memory and quarantine make RSS figures meaningless there.
"""
import gzip, json, os, resource, subprocess, sys, tempfile, threading, time, zlib

ROOT = os.environ.get("SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
FIXTURES = os.path.join(ROOT, "fixtures", "hostile")
ADVISOR = os.environ.get("NFW_ADVISOR", "nfw-advisor")
READ_LOGS = os.environ.get("HOSTILE_READ_LOGS", "hostile-read-logs")
SANITIZED = os.environ.get("NFW_SANITIZE", "none") not in ("", "none")


def alert_line(sid, src, port):
    return ('{"firewall_name":"fw","availability_zone":"a","event_timestamp":"1740407457",'
            '"event":{"event_type":"alert","src_ip":"%s","src_port":40000,"dest_ip":"192.0.2.1",'
            '"dest_port":%d,"proto":"TCP","timestamp":"2025-02-24T14:30:57.000000+0000",'
            '"alert":{"signature_id":%d,"rev":1,"signature":"s","action":"blocked","severity":1}'
            '}}\n' % (src, port, sid))


def gen_deep_json(path):
    with open(path, "w") as f:
        f.write('{"RuleGroup":' + "[" * 100000 + "]" * 100000 + "}")


def gen_corrupt_gzip(path):
    data = bytearray(gzip.compress(alert_line(1, "10.0.0.1", 80).encode() * 50, mtime=0))
    for i in range(12, len(data) - 8):   # keep the header, scramble the deflate data
        data[i] ^= 0x5A
    with open(path, "wb") as f:
        f.write(bytes(data))


def gen_gzip_bomb(path):
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)   # gzip wrapper
    zeros = b"\0" * (1 << 20)
    with open(path, "wb") as f:
        for _ in range(300):
            f.write(comp.compress(zeros))
        f.write(comp.flush())


def gen_long_line(path):
    with open(path, "wb") as f:
        f.write(b'{"firewall_name":"fw","event":{"event_type":"alert","x":"')
        chunk = b"a" * (1 << 20)
        for _ in range(100):
            f.write(chunk)
        f.write(b'"}}\n')
        f.write(alert_line(7, "10.0.0.1", 80).encode())


def gen_million_rules(path):
    with open(path, "w") as f:
        for sid in range(1, 1000001):
            f.write('alert tcp $HOME_NET any -> any %d (msg:"rule %d"; flow:established,'
                    'to_server; content:"x%d"; sid:%d; rev:1;)\n' % (sid % 65535 + 1, sid, sid, sid))


GENERATORS = {"deep-json": ("deep.json", gen_deep_json),
              "corrupt-gzip": ("corrupt.jsonl.gz", gen_corrupt_gzip),
              "gzip-bomb": ("bomb.jsonl.gz", gen_gzip_bomb),
              "long-line": ("long-line.jsonl", gen_long_line),
              "million-rules": ("million.rules", gen_million_rules)}


def ten_million_events(pipe):
    """Writes 10,000,000 alert lines with 20 distinct (sid, src, port) keys."""
    block = "".join(alert_line(1000 + i % 10, "10.0.0.%d" % (i % 4), 443)
                    for i in range(1000)).encode()
    try:
        for _ in range(10000):
            pipe.write(block)
    except BrokenPipeError:
        pass
    finally:
        pipe.close()


def million_sources(pipe):
    """Writes 2,000,000 alert lines from 1,000,000 distinct sources."""
    try:
        for start in range(0, 2000000, 1000):
            pipe.write("".join(alert_line(1000, "10.%d.%d.%d" % ((i // 65536) % 16, (i // 256) % 256, i % 256), 443)
                               for i in range(start % 1000000, start % 1000000 + 1000)).encode())
    except BrokenPipeError:
        pass
    finally:
        pipe.close()


STREAMS = {"gen:ten-million-events": ten_million_events,
           "gen:million-sources": million_sources}


def run(case, tmp):
    fixture = case["fixture"]
    stdin_gen = None
    if fixture in STREAMS:
        path = "-"
        stdin_gen = STREAMS[fixture]
    elif fixture.startswith("gen:"):
        name, gen = GENERATORS[fixture[4:]]
        path = os.path.join(tmp, name)
        if not os.path.exists(path):
            gen(path)
    else:
        path = os.path.normpath(os.path.join(FIXTURES, fixture))
    argv = [a.replace("{fixture}", path).replace("{hostile}", FIXTURES) for a in case["cmd"]]
    argv = [READ_LOGS] + argv[1:] if argv[0] == "@read" else [ADVISOR] + argv
    out_path, err_path = os.path.join(tmp, "out"), os.path.join(tmp, "err")
    start = time.monotonic()
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        proc = subprocess.Popen(argv, stdout=out, stderr=err,
                                stdin=subprocess.PIPE if stdin_gen else subprocess.DEVNULL)
        feeder = None
        if stdin_gen:
            feeder = threading.Thread(target=stdin_gen, args=(proc.stdin,))
            feeder.start()
        limit = case.get("max_s", 60) * (4 if SANITIZED else 1)
        status = None
        while status is None:
            pid, st, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                status = st
                break
            if time.monotonic() - start > limit:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.02)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if feeder:
            feeder.join()
    secs = time.monotonic() - start
    rss_mb = usage.ru_maxrss / 1024.0
    stdout = open(out_path, "rb").read()
    stderr = open(err_path, "rb").read()
    problems = []
    if secs > limit:
        problems.append("did not finish within %ds" % limit)
    if proc.returncode != case["exit"]:
        problems.append("exit %d, expected %d" % (proc.returncode, case["exit"]))
    text_out = stdout.decode("utf-8", "replace")
    text_err = stderr.decode("utf-8", "replace")
    for want in case.get("out", []):
        if want not in text_out:
            problems.append("stdout lacks %r" % want)
    for bad in case.get("out_not", []):
        if bad in text_out:
            problems.append("stdout has %r" % bad)
    for want in case.get("err", []):
        if want not in text_err:
            problems.append("stderr lacks %r" % want)
    for name, data in (("stdout", stdout), ("stderr", stderr)):
        allowed = (9, 10, 13) if case.get("allow_cr") and name == "stdout" else (9, 10)
        raw = sorted({b for b in data if (b < 0x20 and b not in allowed) or b == 0x7F})
        if raw:
            problems.append("%s has raw control bytes %s" % (name, [hex(b) for b in raw]))
        if b"\xc2\x9b" in data or b"\xc2\x9d" in data:
            problems.append("%s has a raw C1 control (CSI/OSC)" % name)
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as e:
            problems.append("%s is not valid UTF-8: %s" % (name, e))
    if case.get("json"):
        try:
            json.loads(stdout)
        except ValueError as e:
            problems.append("stdout is not JSON: %s" % e)
    max_rss = case.get("max_rss_mb")
    if max_rss and not SANITIZED and rss_mb > max_rss:
        problems.append("peak RSS %.0f MB > %d MB" % (rss_mb, max_rss))
    print("%s: %s (exit %d, %.1f s, peak RSS %.0f MB)" %
          ("FAIL" if problems else "ok", case["name"], proc.returncode, secs, rss_mb))
    for p in problems:
        print("    " + p)
    if problems:
        print("    stdout: " + text_out[:1500].replace("\n", "\n            "))
        print("    stderr: " + text_err[:800].replace("\n", "\n            "))
    return not problems


def main():
    size = "big" if "--big" in sys.argv else "small"
    cases = json.load(open(os.path.join(FIXTURES, "cases.json")))["cases"]
    cases = [c for c in cases if c.get("size", "small") == size]
    if "--only" in sys.argv:   # --only TEXT: the cases whose name contains TEXT
        only = sys.argv[sys.argv.index("--only") + 1]
        cases = [c for c in cases if only in c["name"]]
    if size == "big" and SANITIZED:
        print("sanitizer build: big cases skipped (RSS is not meaningful under ASan)")
        return 77
    failed = 0
    with tempfile.TemporaryDirectory(prefix="nfw-hostile-") as tmp:
        for case in cases:
            if not run(case, tmp):
                failed += 1
    print("%d cases, %d failed" % (len(cases), failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
