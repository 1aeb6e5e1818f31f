-- Tables over AWS Network Firewall logs delivered to S3, for Amazon Athena.
--
-- S3 layout written by Network Firewall (one prefix per log type):
--   s3://BUCKET/PREFIX/AWSLogs/ACCOUNT/network-firewall/alert/REGION/FIREWALL/YYYY/MM/DD/HH/*.log.gz
--   s3://BUCKET/PREFIX/AWSLogs/ACCOUNT/network-firewall/flow/REGION/FIREWALL/YYYY/MM/DD/HH/*.log.gz
-- Replace BUCKET, PREFIX, ACCOUNT, REGION and FIREWALL below (drop "PREFIX/"
-- if the logging configuration has no prefix).
--
-- Partition projection: Athena computes the hour partitions from log_hour,
-- no crawler or MSCK REPAIR needed.  Always filter on log_hour (for example
-- WHERE log_hour >= '2025/02/24/00') so that only those hours are read.
--
-- Types: event_timestamp is a JSON *string* ("1740407457", epoch seconds)
-- in alert and flow logs, so it is declared string and cast where used.
-- event.timestamp ("2025-02-24T14:30:57.933410+0000") is kept as a string
-- too: its "+0000" offset is not ISO 8601 with a colon that
-- from_iso8601_timestamp() wants.  Fields not in a record are NULL; key
-- order inside "event" varies between records, which the JSON SerDe does not
-- mind.  `timestamp` and `end` are reserved words: hence the backquotes.

CREATE EXTERNAL TABLE IF NOT EXISTS nfw_alert (
  firewall_name string,
  availability_zone string,
  event_timestamp string,
  event struct<
    `timestamp`: string,
    flow_id: bigint,
    event_type: string,
    src_ip: string,
    src_port: int,
    dest_ip: string,
    dest_port: int,
    proto: string,
    app_proto: string,
    direction: string,
    pkt_src: string,
    tx_id: bigint,
    icmp_type: int,
    icmp_code: int,
    alert: struct<
      action: string,
      signature_id: bigint,
      rev: int,
      signature: string,
      category: string,
      severity: int,
      metadata: struct<signature_severity: array<string>>
    >,
    verdict: struct<action: string>,
    tls: struct<sni: string, version: string, subject: string, issuerdn: string>,
    http: struct<hostname: string, url: string, http_user_agent: string,
                 http_method: string, protocol: string, length: bigint, status: int>
  >
)
PARTITIONED BY (log_hour string)
ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
WITH SERDEPROPERTIES ('ignore.malformed.json' = 'true')
LOCATION 's3://BUCKET/PREFIX/AWSLogs/ACCOUNT/network-firewall/alert/REGION/FIREWALL/'
TBLPROPERTIES (
  'projection.enabled' = 'true',
  'projection.log_hour.type' = 'date',
  'projection.log_hour.format' = 'yyyy/MM/dd/HH',
  'projection.log_hour.range' = 'NOW-1YEARS,NOW',
  'projection.log_hour.interval' = '1',
  'projection.log_hour.interval.unit' = 'HOURS',
  'storage.location.template' = 's3://BUCKET/PREFIX/AWSLogs/ACCOUNT/network-firewall/alert/REGION/FIREWALL/${log_hour}/'
);

CREATE EXTERNAL TABLE IF NOT EXISTS nfw_flow (
  firewall_name string,
  availability_zone string,
  event_timestamp string,
  event struct<
    `timestamp`: string,
    flow_id: bigint,
    event_type: string,
    src_ip: string,
    src_port: int,
    dest_ip: string,
    dest_port: int,
    proto: string,
    app_proto: string,
    netflow: struct<pkts: bigint, bytes: bigint, start: string, `end`: string,
                    age: bigint, min_ttl: int, max_ttl: int>,
    tcp: struct<tcp_flags: string, syn: boolean, fin: boolean, rst: boolean,
                psh: boolean, ack: boolean>
  >
)
PARTITIONED BY (log_hour string)
ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
WITH SERDEPROPERTIES ('ignore.malformed.json' = 'true')
LOCATION 's3://BUCKET/PREFIX/AWSLogs/ACCOUNT/network-firewall/flow/REGION/FIREWALL/'
TBLPROPERTIES (
  'projection.enabled' = 'true',
  'projection.log_hour.type' = 'date',
  'projection.log_hour.format' = 'yyyy/MM/dd/HH',
  'projection.log_hour.range' = 'NOW-1YEARS,NOW',
  'projection.log_hour.interval' = '1',
  'projection.log_hour.interval.unit' = 'HOURS',
  'storage.location.template' = 's3://BUCKET/PREFIX/AWSLogs/ACCOUNT/network-firewall/flow/REGION/FIREWALL/${log_hour}/'
);
