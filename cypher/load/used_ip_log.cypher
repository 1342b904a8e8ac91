// name: load/used_ip_log
// description: Adds account-IP links counted in the request log: log counts add up, first/last seen widen.
// mode: write
UNWIND $rows AS row
MATCH (ip:IP {address: row.address})
MERGE (a:Account {account_id: row.account_id})
MERGE (a)-[r:USED_IP]->(ip)
SET r.log_requests = coalesce(r.log_requests, 0) + row.requests,
    r.first_seen = CASE WHEN r.first_seen IS NULL OR row.first_seen < r.first_seen
                        THEN row.first_seen ELSE r.first_seen END,
    r.last_seen = CASE WHEN r.last_seen IS NULL OR row.last_seen > r.last_seen
                       THEN row.last_seen ELSE r.last_seen END
// ip_links usually summarise the same traffic the request log holds: the larger count, never the sum.
SET r.requests = CASE WHEN r.log_requests >= coalesce(r.reported_requests, 0)
                      THEN r.log_requests ELSE r.reported_requests END
