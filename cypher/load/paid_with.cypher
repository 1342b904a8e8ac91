// name: load/paid_with
// description: Adds account-instrument links (instruments written earlier in the same transaction); first use (ISO 8601 text) widens.
// mode: write
UNWIND $rows AS row
MATCH (p:PaymentInstrument {instrument_key: row.instrument_key})
MERGE (a:Account {account_id: row.account_id})
  ON CREATE SET a.load_batch = $batch_id
MERGE (a)-[r:PAID_WITH]->(p)
  ON CREATE SET r.load_batch = $batch_id
WITH r, datetime(row.first_used) AS first_used
SET r.first_used = CASE WHEN r.first_used IS NULL OR first_used < r.first_used
                        THEN coalesce(first_used, r.first_used) ELSE r.first_used END
