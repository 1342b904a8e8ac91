-- m_skel: requests and accounts per skeleton. Against the usual threshold of two accounts, "more than
-- one" is a min / max comparison, several times cheaper than counting distinct accounts.
SELECT skel_hash, count(*) AS requests, CASE WHEN min(account_id) <> max(account_id) THEN 2 ELSE 1 END AS accounts
FROM m_good GROUP BY skel_hash
