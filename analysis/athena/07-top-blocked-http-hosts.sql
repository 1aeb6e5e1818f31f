-- Top 10 HTTP hosts blocked by an HTTP deny list (analysis/07-top-blocked-http-hosts.cwli).
SELECT event.http.hostname, count(*) AS numBlockedRequests
FROM nfw_alert
WHERE log_hour >= date_format(current_timestamp - INTERVAL '1' DAY, '%Y/%m/%d/%H')
  AND event.alert.signature = 'matching HTTP denylisted FQDNs'
GROUP BY event.http.hostname
ORDER BY numBlockedRequests DESC
LIMIT 10;
