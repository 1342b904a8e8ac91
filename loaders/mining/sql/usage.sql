-- m_usage: per-account totals.
SELECT account_id, count(*) AS requests, sum(input_tokens)::BIGINT AS input_tokens,
       sum(output_tokens)::BIGINT AS output_tokens, epoch_ms(min(ts)) AS first_seen,
       epoch_ms(max(ts)) AS last_seen
FROM m_good GROUP BY account_id
