// name: detection/count_accounts
// description: Platform baselines for rarity weights and scoring: account count, median requests per account, median output tokens per request, model release times.
// mode: read
MATCH (a:Account)
// Output tokens per request only over accounts that sent any (percentileDisc skips the nulls).
WITH count(a) AS accounts, percentileDisc(coalesce(a.requests, 0), 0.5) AS median_requests,
     percentileDisc(CASE WHEN a.requests > 0 THEN toFloat(coalesce(a.output_tokens, 0)) / a.requests END, 0.5)
       AS median_answer_tokens
OPTIONAL MATCH (m:Model)
WITH accounts, median_requests, median_answer_tokens, m ORDER BY m.name
RETURN accounts, median_requests, median_answer_tokens,
       [x IN collect(m) WHERE x.first_seen IS NOT NULL | [x.name, x.first_seen.epochSeconds]] AS models
