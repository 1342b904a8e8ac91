// name: detection/changes_accounts
// description: Accounts stamped by the given load batches (the last batch that wrote or linked each account).
// mode: read
UNWIND $batch_ids AS batch_id
MATCH (a:Account {load_batch: batch_id})
RETURN a.account_id AS account_id
ORDER BY account_id
