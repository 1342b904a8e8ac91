// name: load/used_model
// description: Adds account-model usage (accounts and models exist): counts add up, first/last seen widen.
// mode: write
UNWIND $rows AS row
// Times travel as epoch milliseconds: converting them here is far cheaper than in the Python driver.
WITH row, datetime({epochMillis: row.first_seen}) AS first, datetime({epochMillis: row.last_seen}) AS last
MATCH (a:Account {account_id: row.account_id})
MATCH (m:Model {name: row.model})
MERGE (a)-[r:USED_MODEL]->(m)
SET r.requests = coalesce(r.requests, 0) + row.requests,
    r.first_seen = CASE WHEN r.first_seen IS NULL OR first < r.first_seen
                        THEN first ELSE r.first_seen END,
    r.last_seen = CASE WHEN r.last_seen IS NULL OR last > r.last_seen
                       THEN last ELSE r.last_seen END
