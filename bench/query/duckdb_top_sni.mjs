// Top-10 SNI of one signature over NFW JSON Lines with DuckDB (the peer in bench/README.md "Query").
// Usage: node query/duckdb_top_sni.mjs FILE THREADS SIGNATURE
import { DuckDBInstance } from '@duckdb/node-api';
const [file, threads, sig] = process.argv.slice(2);
const db = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const con = await db.connect();
const t0 = Date.now();
const reader = await con.runAndReadAll(`
  SELECT event.tls.sni AS sni, count(*) AS n
  FROM read_json('${file}', format = 'newline_delimited',
                 columns = {event: 'STRUCT(alert STRUCT(signature VARCHAR), tls STRUCT(sni VARCHAR))'})
  WHERE event.alert.signature = '${sig.replace(/'/g, "''")}'
  GROUP BY 1 ORDER BY n DESC LIMIT 10`);
console.log(reader.getRows().map(r => r.join('|')).join('\n'));
console.error(`duckdb threads=${threads}: ${((Date.now() - t0) / 1000).toFixed(2)} s`);
