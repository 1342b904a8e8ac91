// name: load/used_ip
// description: Adds account-IP links reported by ip_links: reported counts add up, first/last seen widen; times as ISO 8601 text (IP nodes written before).
// mode: write
UNWIND $rows AS row
MATCH (ip:IP {address: row.address})
MERGE (a:Account {account_id: row.account_id})
  ON CREATE SET a.load_batch = $batch_id
MERGE (a)-[r:USED_IP]->(ip)
  ON CREATE SET r.load_batch = $batch_id
WITH r, row, datetime(row.first_seen) AS first_seen, datetime(row.last_seen) AS last_seen
SET r.reported_requests = coalesce(r.reported_requests, 0) + coalesce(row.requests, 0),
    r.first_seen = CASE WHEN r.first_seen IS NULL OR first_seen < r.first_seen
                        THEN coalesce(first_seen, r.first_seen) ELSE r.first_seen END,
    r.last_seen = CASE WHEN r.last_seen IS NULL OR last_seen > r.last_seen
                       THEN coalesce(last_seen, r.last_seen) ELSE r.last_seen END
// ip_links usually summarise the same traffic the request log holds: the larger count, never the sum.
SET r.requests = CASE WHEN r.reported_requests >= coalesce(r.log_requests, 0)
                      THEN r.reported_requests ELSE r.log_requests END
