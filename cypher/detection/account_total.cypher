// name: detection/account_total
// description: How many accounts the platform has, alone: the supernode cut-offs scale with it. Served from the count store, where detection/count_accounts' medians read every account.
// mode: read
MATCH (a:Account)
RETURN count(a) AS accounts
