// Per-signature_id alert counts with DuckDB's read_json: the peer figure
// for bench/logs/read.sh.  usage: node duckdb_sids.mjs FILE THREADS
// Columns are declared (only what the count needs), DuckDB's best case.
import { DuckDBInstance } from '@duckdb/node-api';

const [file, threads] = process.argv.slice(2);
const db = await DuckDBInstance.create(':memory:', { threads: String(threads || 1) });
const con = await db.connect();
const t0 = process.hrtime.bigint();
const reader = await con.runAndReadAll(`
  SELECT event.alert.signature_id AS sid, count(*) AS n
  FROM read_json('${file.replace(/'/g, "''")}', format = 'newline_delimited',
                 columns = {event: 'STRUCT(event_type VARCHAR, alert STRUCT(signature_id UBIGINT))'},
                 maximum_object_size = 16777216)
  WHERE event.event_type = 'alert'
  GROUP BY ALL ORDER BY sid`);
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
for (const row of reader.getRows()) console.log(`${row[1]} ${row[0]}`);
console.error(`duckdb threads=${threads || 1} time=${secs.toFixed(3)}s`);
