-- Alert overview (analysis/01-alert-overview.cwli): newest alerts first.
-- Narrow with: AND event.alert.action = 'blocked'  or  AND event.src_ip = '10.0.0.1'
SELECT from_unixtime(CAST(event_timestamp AS bigint)) AS event_time,
       event.event_type, event.alert.action, event.alert.signature, event.app_proto,
       event.src_ip, event.src_port, event.dest_ip, event.dest_port,
       event.tls.sni, event.http.hostname
FROM nfw_alert
WHERE log_hour >= date_format(current_timestamp - INTERVAL '1' DAY, '%Y/%m/%d/%H')
  AND event.event_type = 'alert'
ORDER BY event_time DESC
LIMIT 1000;
