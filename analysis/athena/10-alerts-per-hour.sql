-- Alerts per hour by action (analysis/10-alerts-per-hour.cwli).
SELECT date_trunc('hour', from_unixtime(CAST(event_timestamp AS bigint))) AS hour,
       event.alert.action, count(*) AS alerts
FROM nfw_alert
WHERE log_hour >= date_format(current_timestamp - INTERVAL '7' DAY, '%Y/%m/%d/%H')
  AND event.event_type = 'alert'
GROUP BY 1, 2
ORDER BY hour DESC;
