// name: detection/count_accounts
// description: Platform baselines for rarity weights and scoring: account count, median requests per account, model release times.
// mode: read
MATCH (a:Account)
WITH count(a) AS accounts, percentileDisc(coalesce(a.requests, 0), 0.5) AS median_requests
OPTIONAL MATCH (m:Model)
WITH accounts, median_requests, m ORDER BY m.name
RETURN accounts, median_requests,
       [x IN collect(m) WHERE x.first_seen IS NOT NULL | [x.name, x.first_seen.epochSeconds]] AS models
