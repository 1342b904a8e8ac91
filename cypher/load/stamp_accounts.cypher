// name: load/stamp_accounts
// description: Stamps the accounts a load batch wrote or linked with the batch's id, in the batch's own transaction: incremental detection reads which accounts changed since the last run from these stamps.
// mode: write
UNWIND $account_ids AS id
MATCH (a:Account {account_id: id})
SET a.load_batch = $batch_id
