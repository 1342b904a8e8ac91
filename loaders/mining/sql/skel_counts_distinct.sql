-- m_skel: requests and distinct accounts per skeleton (a threshold above two accounts).
SELECT skel_hash, count(*) AS requests, count(DISTINCT account_id) AS accounts
FROM m_good GROUP BY skel_hash
