#!/usr/bin/env python3
"""`nfw-advisor dashboard` prints a valid CloudWatch dashboard body.

- Validates against dashboard_schema.json (written from CloudWatch's
  "Dashboard Body Structure and Syntax") with python3-jsonschema when it is
  installed, and always with explicit checks of the same rules plus the
  layout: widgets inside the 24-column grid and not overlapping.
- Every widget query runs through `nfw-advisor query` (our Logs Insights
  engine) on the query fixtures, so a syntax slip in a widget fails here.
- The saved queries of analysis/ are all on it except those naming one
  FQDN or signature to replace; separate alert and flow groups are used.
- Bad names are usage errors (exit 2): nothing can be injected into SOURCE.
"""
import json
import os
import re
import subprocess
import sys

NFW = os.environ['NFW_ADVISOR']
SRC = os.environ['SOURCE_ROOT']
HERE = os.path.dirname(os.path.abspath(__file__))
failures = []


def fail(msg):
    failures.append(msg)


def dashboard(*args, rc=0):
    proc = subprocess.run([NFW, 'dashboard'] + list(args), capture_output=True, text=True)
    if proc.returncode != rc:
        fail('dashboard %s: exit %d, want %d: %s' % (args, proc.returncode, rc, proc.stderr))
    return proc


def explicit_checks(body):
    if not isinstance(body.get('widgets'), list) or len(body['widgets']) > 500:
        return fail('widgets must be an array of at most 500')
    cells = {}
    for i, w in enumerate(body['widgets']):
        for key in ('type', 'x', 'y', 'width', 'height', 'properties'):
            if key not in w:
                fail('widget %d: no %s' % (i, key))
        if not 1 <= w['width'] <= 24 or not 1 <= w['height'] <= 1000:
            fail('widget %d: width/height out of range' % i)
        if w['x'] < 0 or w['y'] < 0 or w['x'] + w['width'] > 24:
            fail('widget %d: outside the 24-column grid' % i)
        for x in range(w['x'], w['x'] + w['width']):
            for y in range(w['y'], w['y'] + w['height']):
                if (x, y) in cells:
                    fail('widgets %d and %d overlap at %d,%d' % (cells[(x, y)], i, x, y))
                cells[(x, y)] = i
        p = w['properties']
        if w['type'] == 'log':
            for key in ('query', 'region', 'title', 'view'):
                if not isinstance(p.get(key), str) or not p[key]:
                    fail('log widget %d: no %s' % (i, key))
            if p.get('view') not in ('timeSeries', 'bar', 'pie', 'table'):
                fail('log widget %d: view %r' % (i, p.get('view')))
            if not p['query'].startswith("SOURCE '"):
                fail('log widget %d: query does not start with SOURCE' % i)
        elif w['type'] == 'text':
            if not isinstance(p.get('markdown'), str):
                fail('text widget %d: no markdown' % i)
        else:
            fail('widget %d: unexpected type %r' % (i, w['type']))


def schema_checks(body):
    try:
        import jsonschema
    except ImportError:
        print('python3-jsonschema not installed: explicit checks only')
        return
    with open(os.path.join(HERE, 'dashboard_schema.json')) as f:
        schema = json.load(f)
    validator = jsonschema.Draft202012Validator(schema)
    for err in validator.iter_errors(body):
        fail('schema: %s at %s' % (err.message, list(err.absolute_path)))
    # The schema itself must reject what CloudWatch rejects.
    bad = json.loads(json.dumps(body))
    bad['widgets'][1]['width'] = 25
    bad['widgets'][1]['properties']['view'] = 'line'
    if len(list(validator.iter_errors(bad))) < 2:
        fail('schema accepts width 25 and view "line"')


def query_checks(body, firewall):
    logs = [os.path.join(SRC, 'fixtures', 'query', n) for n in ('alert.jsonl', 'flow.jsonl')]
    for i, w in enumerate(body['widgets']):
        if w['type'] != 'log':
            continue
        lines = w['properties']['query'].split('\n')
        if lines[1] != '| filter firewall_name = "%s"' % firewall:
            fail('widget %d: no firewall filter: %r' % (i, lines[1]))
        query = '\n'.join(lines[1:])[2:]  # without SOURCE and the first "| "
        proc = subprocess.run([NFW, 'query', '--format', 'json', query] + logs,
                              capture_output=True, text=True)
        if proc.returncode != 0:
            fail('widget %d (%s): nfw-advisor query exit %d: %s' % (
                i, w['properties']['title'], proc.returncode, proc.stderr.strip()))


def main():
    proc = dashboard('--log-group', 'nfw-alerts', '--flow-log-group', '/aws/nfw/flow',
                     '--region', 'ap-northeast-1', '--firewall', 'demo-fw')
    body = json.loads(proc.stdout)
    explicit_checks(body)
    schema_checks(body)
    query_checks(body, 'demo-fw')

    titles = [w['properties'].get('title') for w in body['widgets']]
    for want in ('Default-action drops per hour', 'Noisiest signatures', 'Blocked by domain list'):
        if not any(t and t.startswith(want) for t in titles):
            fail('no widget for %r' % want)
    saved = sorted(f[:-5] for f in os.listdir(os.path.join(SRC, 'analysis')) if f.endswith('.cwli'))
    queries = [w['properties'].get('query', '') for w in body['widgets']]
    for name in saved:
        with open(os.path.join(SRC, 'analysis', name + '.cwli')) as f:
            text = f.read()
        header = [l for l in text.splitlines() if l.startswith('#')]
        body_lines = [l for l in text.splitlines() if l.strip() and not l.startswith('#')]
        on_board = any(q.endswith('| ' + '\n'.join(body_lines)) for q in queries)
        parameterised = any('Replace' in l for l in header)
        if on_board == parameterised:
            fail('%s: on the dashboard = %s, names a value to replace = %s' % (
                name, on_board, parameterised))
        if 'netflow' in text and on_board:
            q = next(q for q in queries if q.endswith('| ' + '\n'.join(body_lines)))
            if not q.startswith("SOURCE 'nfw-alerts' | SOURCE '/aws/nfw/flow'\n"):
                fail('%s reads flows but does not select the flow log group' % name)

    # Usage errors: nothing can be injected into the SOURCE clause or the filter.
    dashboard('--log-group', "x' | SOURCE 'y", '--region', 'us-east-1', '--firewall', 'f', rc=2)
    dashboard('--log-group', 'g', '--region', 'us-east-1', '--firewall', 'a"b', rc=2)
    dashboard('--log-group', 'g', '--region', 'mars', '--firewall', 'f', rc=2)
    dashboard('--region', 'us-east-1', '--firewall', 'f', rc=2)
    proc = dashboard('--alert-log-group', 'a', '--region', 'us-gov-west-1', '--firewall', 'f')
    if proc.returncode == 0 and "SOURCE 'a'" not in proc.stdout:
        fail('--alert-log-group alone is not used')

    for f in failures:
        print('FAIL: ' + f)
    print('%d widgets checked' % len(body['widgets']))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
