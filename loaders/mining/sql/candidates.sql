-- m_cand: skeletons to group (sent by enough accounts) or already remembered by the registry, which
-- meets the log by the same hash as the log's skeletons (computed by the same engine).
SELECT s.skel_hash, s.requests, r.template_id
FROM m_skel s LEFT JOIN (SELECT hash(skeleton) AS skel_hash, min(template_id) AS template_id
                         FROM g_registry GROUP BY ALL) r
     ON s.skel_hash = r.skel_hash
WHERE s.accounts >= $min_accounts OR r.template_id IS NOT NULL
