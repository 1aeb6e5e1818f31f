-- Bytes of each flow with the SNI of its alert (analysis/09-flow-bytes-with-sni.cwli).
-- SQL has a join, so this is one: flow records (both directions) summed per
-- flow_id, joined with the alert records that carry an SNI.
WITH flows AS (
  SELECT event.flow_id AS flow_id, sum(event.netflow.bytes) AS bytes,
         sum(event.netflow.pkts) AS packets
  FROM nfw_flow
  WHERE log_hour >= date_format(current_timestamp - INTERVAL '1' DAY, '%Y/%m/%d/%H')
  GROUP BY event.flow_id
), snis AS (
  SELECT event.flow_id AS flow_id,
         max_by(event.tls.sni, CAST(event_timestamp AS bigint)) AS sni
  FROM nfw_alert
  WHERE log_hour >= date_format(current_timestamp - INTERVAL '1' DAY, '%Y/%m/%d/%H')
    AND event.tls.sni IS NOT NULL
  GROUP BY event.flow_id
)
SELECT flows.flow_id, flows.bytes, flows.packets, snis.sni
FROM flows JOIN snis ON flows.flow_id = snis.flow_id
WHERE flows.bytes > 0
ORDER BY flows.bytes DESC
LIMIT 100;
