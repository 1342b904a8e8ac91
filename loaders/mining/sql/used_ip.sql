-- m_used_ip: (account, address) usage from the requests that name a valid IP.
SELECT account_id, address, count(*) AS requests, epoch_ms(min(ts)) AS first_seen,
       epoch_ms(max(ts)) AS last_seen
FROM m_good WHERE address IS NOT NULL GROUP BY account_id, address
