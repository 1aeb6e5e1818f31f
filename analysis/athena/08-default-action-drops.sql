-- Traffic dropped by the default action (analysis/08-default-action-drops.cwli).
SELECT event.alert.signature, event.proto, event.app_proto, event.dest_port, event.tls.sni,
       count(*) AS drops,
       count(DISTINCT event.src_ip) AS sources,
       min(from_unixtime(CAST(event_timestamp AS bigint))) AS first,
       max(from_unixtime(CAST(event_timestamp AS bigint))) AS last
FROM nfw_alert
WHERE log_hour >= date_format(current_timestamp - INTERVAL '1' DAY, '%Y/%m/%d/%H')
  AND event.alert.action = 'blocked'
  AND regexp_like(event.alert.signature, '^aws:(alert|drop)_(established|strict) action$')
GROUP BY event.alert.signature, event.proto, event.app_proto, event.dest_port, event.tls.sni
ORDER BY drops DESC
LIMIT 50;
