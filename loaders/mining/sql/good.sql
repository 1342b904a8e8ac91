-- m_good: the valid requests, each with its final skeleton (a prompt mapped to its instruction head is,
-- from here on, that head's skeleton) and its canonical IP address.
SELECT n.account_id, n.ts, coalesce(h.head_skel, n.skel) AS skel,
       coalesce(h.head_hash, n.skel_hash) AS skel_hash, n.model, n.input_tokens,
       n.output_tokens, m.address, epoch_ms(n.ts) // 3600000 AS hour
FROM m_norm n LEFT JOIN m_ipmap m ON n.ip_raw = m.ip_raw
     LEFT JOIN m_head h ON n.skel_hash = h.skel_hash
WHERE n.reject_reason IS NULL AND (n.ip_raw IS NULL OR m.address IS NOT NULL)
