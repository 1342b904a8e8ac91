// name: load/used_ip_log
// description: Adds account-IP links counted in the request log (accounts and IPs exist): log counts add up, first/last seen widen.
// mode: write
UNWIND $rows AS row
// Times travel as epoch milliseconds: converting them here is far cheaper than in the Python driver.
WITH row, datetime({epochMillis: row.first_seen}) AS first, datetime({epochMillis: row.last_seen}) AS last
MATCH (a:Account {account_id: row.account_id})
MATCH (ip:IP {address: row.address})
MERGE (a)-[r:USED_IP]->(ip)
  ON CREATE SET r.load_batch = $batch_id
SET r.log_requests = coalesce(r.log_requests, 0) + row.requests,
    r.first_seen = CASE WHEN r.first_seen IS NULL OR first < r.first_seen
                        THEN first ELSE r.first_seen END,
    r.last_seen = CASE WHEN r.last_seen IS NULL OR last > r.last_seen
                       THEN last ELSE r.last_seen END
// ip_links usually summarise the same traffic the request log holds: the larger count, never the sum.
SET r.requests = CASE WHEN r.log_requests >= coalesce(r.reported_requests, 0)
                      THEN r.log_requests ELSE r.reported_requests END
