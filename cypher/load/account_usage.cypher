// name: load/account_usage
// description: Adds mined per-account usage totals; first/last seen widen.
// mode: write
UNWIND $rows AS row
MERGE (a:Account {account_id: row.account_id})
SET a.requests = coalesce(a.requests, 0) + row.requests,
    a.input_tokens = coalesce(a.input_tokens, 0) + row.input_tokens,
    a.output_tokens = coalesce(a.output_tokens, 0) + row.output_tokens,
    a.first_seen = CASE WHEN a.first_seen IS NULL OR row.first_seen < a.first_seen
                        THEN row.first_seen ELSE a.first_seen END,
    a.last_seen = CASE WHEN a.last_seen IS NULL OR row.last_seen > a.last_seen
                       THEN row.last_seen ELSE a.last_seen END
