// name: api/accounts_by_ids
// description: Accounts by id, batched for the account DataLoader.
// mode: read
UNWIND $ids AS id
MATCH (a:Account {account_id: id})
RETURN a {.*} AS account
