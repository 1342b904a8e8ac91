-- m_head: single-account skeletons mapped to their longest shared instruction head (heads.py).
-- m_head_lengths(n) holds the word-prefix lengths; a prefix counts only when it leaves a payload behind
-- (at least two more words): a prompt that is all instruction is a whole skeleton.
WITH single AS (
  SELECT skel_hash, min(skel) AS skel, min(account_id) AS account_id
  FROM m_norm WHERE reject_reason IS NULL
  GROUP BY skel_hash HAVING min(account_id) = max(account_id)),
words AS (SELECT skel_hash, account_id, string_split(skel, ' ') AS w FROM single),
prefixes AS (
  SELECT skel_hash, account_id, lens.n, array_to_string(w[1:lens.n], ' ') AS head
  FROM words, m_head_lengths lens
  WHERE array_length(w) >= lens.n + 2),
shared AS (
  SELECT head FROM prefixes GROUP BY head HAVING count(DISTINCT account_id) >= $min_accounts),
best AS (
  SELECT p.skel_hash, arg_max(p.head, p.n) AS head
  FROM prefixes p SEMI JOIN shared s ON p.head = s.head
  GROUP BY p.skel_hash)
SELECT skel_hash, head || ' <payload>' AS head_skel, hash(head || ' <payload>') AS head_hash
FROM best
