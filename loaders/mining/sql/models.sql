-- m_models: (account, model) usage.
SELECT account_id, model, count(*) AS requests, epoch_ms(min(ts)) AS first_seen,
       epoch_ms(max(ts)) AS last_seen
FROM m_good WHERE model IS NOT NULL GROUP BY account_id, model
