-- g_items: the skeletons to group, in key order, with their text (md5 key: the registry's, stable
-- across engines and versions).
SELECT (row_number() OVER (ORDER BY skel_key) - 1)::INTEGER AS row, skel_hash, skel_key,
       text, requests, NULL::VARCHAR AS known_tid
FROM (SELECT c.skel_hash, md5(t.skel) AS skel_key, t.skel AS text, c.requests
      FROM m_cand c
      JOIN (SELECT skel_hash, min(skel) AS skel FROM m_good
            WHERE skel_hash IN (SELECT skel_hash FROM m_cand WHERE template_id IS NULL)
            GROUP BY skel_hash) t ON c.skel_hash = t.skel_hash
      WHERE c.template_id IS NULL)
