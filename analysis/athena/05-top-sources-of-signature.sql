-- Top 10 sources of one alert-mode signature (analysis/05-top-sources-of-signature.cwli).
SELECT event.src_ip, count(*) AS numEvents
FROM nfw_alert
WHERE log_hour >= date_format(current_timestamp - INTERVAL '1' DAY, '%Y/%m/%d/%H')
  AND event.alert.action = 'allowed' AND event.alert.signature = 'Allowed TLS to SaaS'
GROUP BY event.src_ip
ORDER BY numEvents DESC
LIMIT 10;
