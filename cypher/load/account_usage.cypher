// name: load/account_usage
// description: Adds mined per-account usage totals; first/last seen widen.
// mode: write
UNWIND $rows AS row
// Times travel as epoch milliseconds: converting them here is far cheaper than in the Python driver.
WITH row, datetime({epochMillis: row.first_seen}) AS first, datetime({epochMillis: row.last_seen}) AS last
MERGE (a:Account {account_id: row.account_id})
  ON CREATE SET a.load_batch = $batch_id
SET a.requests = coalesce(a.requests, 0) + row.requests,
    a.input_tokens = coalesce(a.input_tokens, 0) + row.input_tokens,
    a.output_tokens = coalesce(a.output_tokens, 0) + row.output_tokens,
    a.first_seen = CASE WHEN a.first_seen IS NULL OR first < a.first_seen
                        THEN first ELSE a.first_seen END,
    a.last_seen = CASE WHEN a.last_seen IS NULL OR last > a.last_seen
                       THEN last ELSE a.last_seen END
