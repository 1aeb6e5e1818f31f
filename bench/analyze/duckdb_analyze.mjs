// The peer for bench/analyze/run.sh: DuckDB computing the aggregates that
// `nfw-advisor analyze` computes, in one scan: per (sid, rev, msg) hits,
// blocked, allowed, distinct sources, first/last hit; per default-action
// group (signature, source /24, SNI/host/IP, port, proto, app_proto) alerts
// and distinct flows; input counts.  usage: node duckdb_analyze.mjs FILE THREADS
import { DuckDBInstance } from '@duckdb/node-api';

const [file, threads] = process.argv.slice(2);
const db = await DuckDBInstance.create(':memory:', { threads: String(threads || 1) });
const con = await db.connect();
const t0 = process.hrtime.bigint();
const src = `read_json('${file.replace(/'/g, "''")}', format = 'newline_delimited',
  maximum_object_size = 16777216,
  columns = {event: 'STRUCT(event_type VARCHAR, timestamp VARCHAR, src_ip VARCHAR, dest_ip VARCHAR,
    dest_port INTEGER, proto VARCHAR, app_proto VARCHAR, flow_id UBIGINT,
    alert STRUCT(signature_id UBIGINT, rev UINTEGER, signature VARCHAR, action VARCHAR),
    verdict STRUCT(action VARCHAR), tls STRUCT(sni VARCHAR), http STRUCT(hostname VARCHAR))'})`;
await con.run(`CREATE TEMP TABLE ev AS SELECT event.* FROM ${src}`);
const q = async (sql) => (await con.runAndReadAll(sql)).getRows();
const input = await q(`SELECT count(*), count(*) FILTER (event_type = 'alert'),
  count(*) FILTER (event_type = 'netflow'), min(timestamp), max(timestamp) FROM ev`);
const rules = await q(`SELECT alert.signature_id, alert.rev, alert.signature, count(*) AS hits,
  count(*) FILTER (coalesce(verdict.action IN ('drop','reject'), alert.action = 'blocked')) AS blocked,
  count(DISTINCT src_ip), min(timestamp), max(timestamp)
  FROM ev WHERE event_type = 'alert' AND NOT (alert.signature LIKE 'aws:% action')
  GROUP BY ALL ORDER BY hits DESC, 1`);
const defaults = await q(`SELECT alert.signature, regexp_replace(src_ip, '\\.[0-9]+$', '.0/24') AS net,
  coalesce(tls.sni, http.hostname, dest_ip) AS dest, dest_port, proto, app_proto,
  count(*) AS alerts, count(DISTINCT flow_id) AS flows
  FROM ev WHERE event_type = 'alert' AND alert.signature LIKE 'aws:% action'
  GROUP BY ALL ORDER BY flows DESC, alerts DESC, dest`);
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({ input: input[0].map(String), rules: rules.length,
  top_rules: rules.slice(0, 5).map(r => r.map(String)), default_groups: defaults.length,
  top_defaults: defaults.slice(0, 3).map(r => r.map(String)) }));
console.error(`duckdb threads=${threads || 1} time=${secs.toFixed(3)}s`);
