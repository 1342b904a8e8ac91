-- m_rejects: every request row that failed validation or names an invalid IP, in file and line order.
SELECT n.file_idx, n.line, coalesce(n.reject_field, 'ip') AS field,
       coalesce(n.reject_reason, 'not a valid IPv4 or IPv6 address') AS reason,
       coalesce(n.raw, struct_pack(account_id := n.account_id, ts := n.ts::VARCHAR,
                prompt := NULL::VARCHAR, ip := n.ip_raw, model := n.model,
                input_tokens := n.input_tokens::VARCHAR,
                output_tokens := n.output_tokens::VARCHAR)) AS raw
FROM m_norm n LEFT JOIN m_ipmap m ON n.ip_raw = m.ip_raw
WHERE n.reject_reason IS NOT NULL OR (n.ip_raw IS NOT NULL AND m.address IS NULL)
ORDER BY n.file_idx, n.line
