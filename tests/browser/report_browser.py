#!/usr/bin/env python3
"""Render the HTML report of the shipped example in headless Chromium.

Checks that the page loads with no console output at all (no error, no
exception: the report logs nothing), that its script ran to the end, that
the key numbers of `lint --format json` appear in the DOM, that a hostile
rule message stays text in a real browser, and saves a screenshot
(BUILD_ROOT/tests/browser/report-example.png) as a test artifact.

Input: rules/flawed/ when the project ships it, else fixtures/html/example/.
Exit 77 (skipped) when no Chromium is installed.
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77


def chromium_path():
    for name in ('chromium', 'chromium-browser', 'google-chrome'):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_chromium(browser, profile, url, extra):
    cmd = [browser, '--headless', '--no-sandbox', '--disable-gpu',
           '--disable-background-networking', '--disable-extensions', '--no-first-run',
           '--hide-scrollbars', '--user-data-dir=' + profile,
           '--enable-logging=stderr', '--v=0'] + extra + [url]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=90)
    console = [l for l in proc.stderr.splitlines() if ':CONSOLE' in l]
    return proc, console


def lint(nfw, args, expect_rc=(0, 1)):
    proc = subprocess.run([nfw, 'lint'] + args, capture_output=True, text=True)
    if proc.returncode not in expect_rc:
        sys.exit('lint %s: exit %d\n%s' % (args, proc.returncode, proc.stderr))
    return proc


def main():
    browser = chromium_path()
    if browser is None:
        print('chromium not found: skipped')
        return SKIP
    nfw = os.environ['NFW_ADVISOR']
    src = os.environ['SOURCE_ROOT']
    out_dir = os.path.join(os.environ['BUILD_ROOT'], 'tests', 'browser')
    os.makedirs(out_dir, exist_ok=True)
    example = os.path.join(src, 'rules', 'flawed')
    if not os.path.isdir(example) or not os.listdir(example):
        example = os.path.join(src, 'fixtures', 'html', 'example')
    report = os.path.join(out_dir, 'report-example.html')
    shot = os.path.join(out_dir, 'report-example.png')
    failures = []

    doc = json.loads(lint(nfw, ['--format', 'json', example]).stdout)
    lint(nfw, ['--format', 'html', '-o', report, example])
    size = os.path.getsize(report)
    print('report: %s (%d bytes), input %s' % (report, size, example))

    with tempfile.TemporaryDirectory() as profile:
        proc, console = run_chromium(browser, profile, 'file://' + report, ['--dump-dom'])
        dom = proc.stdout
        if console:
            failures.append('console output:\n  ' + '\n  '.join(console))
        if 'data-script="ok"' not in dom:
            failures.append('the inline script did not run to the end')
        summary = doc['summary']
        for key, card in (('rules', 'count-rules'), ('groups', 'count-groups'),
                          ('files', 'count-files'), ('errors', 'count-errors'),
                          ('warnings', 'count-warnings'), ('notes', 'count-notes')):
            want = '<li id="%s"><span class="n">%s</span>' % (card, format(summary[key], ','))
            if want not in dom:
                failures.append('%s: %s not in the DOM' % (key, want))
        findings = doc['findings']
        articles = len(re.findall(r'<article class="finding ', dom))
        if articles != min(len(findings), 500):
            failures.append('%d findings rendered, %d in JSON' % (articles, len(findings)))
        for f in findings:
            if html.escape(f['message'], quote=True).replace('&#x27;', '&#39;') not in dom \
                    and html.escape(f['message'], quote=False) not in dom:
                failures.append('finding message missing from the DOM: %r' % f['message'])
                break
        # Screenshot: the artifact kept for the README (docs/report-example.png).
        proc, console = run_chromium(browser, profile, 'file://' + report,
                                     ['--window-size=1200,2200', '--screenshot=' + shot])
        if console:
            failures.append('console output (screenshot run):\n  ' + '\n  '.join(console))
        if not os.path.exists(shot) or os.path.getsize(shot) < 10000:
            failures.append('no screenshot written to ' + shot)
        else:
            print('screenshot: %s (%d bytes)' % (shot, os.path.getsize(shot)))

        # A hostile message and file name must stay text in a real browser.
        with tempfile.TemporaryDirectory() as tmp:
            rules = os.path.join(tmp, '<img src=x onerror=alert(3)>.rules')
            with open(rules, 'w') as f:
                f.write('alert tls any any -> any any (msg:"</code></pre><script>'
                        'document.title=\'pwned\'</script><img src=x onerror=alert(1)>"; '
                        'tls.sni; content:"<b>x</b>"; sid:1; rev:1;)\n'
                        'pass tcp any any -> any any (msg:"\'><svg onload=alert(2)>"; sid:2;)\n')
            page = os.path.join(tmp, 'hostile.html')
            lint(nfw, ['--format', 'html', '-o', page, rules])
            proc, console = run_chromium(browser, profile, 'file://' + page, ['--dump-dom'])
            dom = proc.stdout
            if console:
                failures.append('hostile page console output:\n  ' + '\n  '.join(console))
            for bad in ('<img', '<b>x', '<title>pwned', '<svg onload'):
                if bad in dom:
                    failures.append('hostile text became markup: %r in the DOM' % bad)
            if dom.count('<script') != 1:
                failures.append('hostile page has %d script elements' % dom.count('<script'))
            if '&lt;script&gt;document.title' not in dom:
                failures.append('hostile message not shown as text')

    for f in failures:
        print('FAIL: ' + f)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
