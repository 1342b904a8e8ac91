-- m_sent: (account, template) with hourly buckets, the actions synchrony detection compares.
WITH h AS (
  SELECT g.account_id, t.template_id, g.hour, count(*) AS n, sum(g.input_tokens) AS i,
         sum(g.output_tokens) AS o, min(g.ts) AS f, max(g.ts) AS l
  FROM m_good g JOIN m_tmap t ON g.skel_hash = t.skel_hash
  GROUP BY g.account_id, t.template_id, g.hour)
SELECT account_id, template_id, list(hour ORDER BY hour) AS hours,
       list(n ORDER BY hour) AS hour_counts, sum(n)::BIGINT AS requests,
       sum(i)::BIGINT AS input_tokens, sum(o)::BIGINT AS output_tokens,
       epoch_ms(min(f)) AS first_seen, epoch_ms(max(l)) AS last_seen
FROM h GROUP BY account_id, template_id
