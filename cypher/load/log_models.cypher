// name: load/log_models
// description: Creates the models seen in a request log; a model's first_seen is its first request on the platform (release proxy).
// mode: write
UNWIND $rows AS row
WITH row, datetime({epochMillis: row.first_seen}) AS first
MERGE (m:Model {name: row.model})
SET m.first_seen = CASE WHEN m.first_seen IS NULL OR first < m.first_seen
                        THEN first ELSE m.first_seen END
