// name: load/used_model
// description: Adds account-model usage; a model's first_seen is its first request on the platform (release proxy).
// mode: write
UNWIND $rows AS row
MERGE (m:Model {name: row.model})
SET m.first_seen = CASE WHEN m.first_seen IS NULL OR row.first_seen < m.first_seen
                        THEN row.first_seen ELSE m.first_seen END
MERGE (a:Account {account_id: row.account_id})
MERGE (a)-[r:USED_MODEL]->(m)
SET r.requests = coalesce(r.requests, 0) + row.requests,
    r.first_seen = CASE WHEN r.first_seen IS NULL OR row.first_seen < r.first_seen
                        THEN row.first_seen ELSE r.first_seen END,
    r.last_seen = CASE WHEN r.last_seen IS NULL OR row.last_seen > r.last_seen
                       THEN row.last_seen ELSE r.last_seen END
