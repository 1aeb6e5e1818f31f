-- Top 10 signatures of alert-mode rules (analysis/04-top-alert-signatures.cwli).
SELECT event.alert.signature, count(*) AS numEvents
FROM nfw_alert
WHERE log_hour >= date_format(current_timestamp - INTERVAL '1' DAY, '%Y/%m/%d/%H')
  AND event.alert.action = 'allowed'
  AND coalesce(event.alert.signature, '') <> ''
GROUP BY event.alert.signature
ORDER BY numEvents DESC
LIMIT 10;
