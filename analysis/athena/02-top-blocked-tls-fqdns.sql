-- Top 10 FQDNs blocked by a TLS deny list (analysis/02-top-blocked-tls-fqdns.cwli).
SELECT event.tls.sni, count(*) AS numBlockedRequests
FROM nfw_alert
WHERE log_hour >= date_format(current_timestamp - INTERVAL '1' DAY, '%Y/%m/%d/%H')
  AND event.alert.signature = 'matching TLS denylisted FQDNs'
GROUP BY event.tls.sni
ORDER BY numBlockedRequests DESC
LIMIT 10;
