// name: load/used_ip
// description: Adds account-IP links reported by ip_links: reported counts add up, first/last seen widen (IP nodes from load/ips).
// mode: write
UNWIND $rows AS row
MATCH (ip:IP {address: row.address})
MERGE (a:Account {account_id: row.account_id})
MERGE (a)-[r:USED_IP]->(ip)
SET r.reported_requests = coalesce(r.reported_requests, 0) + coalesce(row.requests, 0),
    r.first_seen = CASE WHEN r.first_seen IS NULL OR row.first_seen < r.first_seen
                        THEN coalesce(row.first_seen, r.first_seen) ELSE r.first_seen END,
    r.last_seen = CASE WHEN r.last_seen IS NULL OR row.last_seen > r.last_seen
                       THEN coalesce(row.last_seen, r.last_seen) ELSE r.last_seen END
// ip_links usually summarise the same traffic the request log holds: the larger count, never the sum.
SET r.requests = CASE WHEN r.reported_requests >= coalesce(r.log_requests, 0)
                      THEN r.reported_requests ELSE r.log_requests END
