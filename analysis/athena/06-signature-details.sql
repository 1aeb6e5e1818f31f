-- Details of one signature (analysis/06-signature-details.cwli).
-- Arrays are 1-based in Athena: signature_severity[1] is the CWLI
-- event.alert.metadata.signature_severity.0; element_at() gives NULL when absent.
SELECT from_unixtime(CAST(event_timestamp AS bigint)) AS event_time,
       event.event_type, event.alert.action, event.alert.signature,
       element_at(event.alert.metadata.signature_severity, 1) AS signature_severity,
       event.app_proto, event.src_ip, event.src_port, event.dest_ip, event.dest_port,
       event.tls.sni, event.http.hostname
FROM nfw_alert
WHERE log_hour >= date_format(current_timestamp - INTERVAL '1' DAY, '%Y/%m/%d/%H')
  AND event.alert.signature = 'Custom SSH outbound'
LIMIT 1000;
