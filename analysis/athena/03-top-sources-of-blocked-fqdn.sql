-- Top 10 sources of one blocked FQDN (analysis/03-top-sources-of-blocked-fqdn.cwli).
SELECT event.src_ip, count(*) AS numBlockedRequests
FROM nfw_alert
WHERE log_hour >= date_format(current_timestamp - INTERVAL '1' DAY, '%Y/%m/%d/%H')
  AND event.alert.action = 'blocked' AND event.tls.sni = 'www.example.com'
GROUP BY event.src_ip
ORDER BY numBlockedRequests DESC
LIMIT 10;
