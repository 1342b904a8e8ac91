"""Instruction heads: templates for "fixed instruction + free payload" prompts.

A harvesting operation wraps every payload (a code snippet, a document, an answer to grade) in the same
instruction, so after masking no two whole prompts repeat and exact or near-duplicate grouping of whole
skeletons finds nothing. What repeats is the instruction: the first words of the prompt. Like the parse
tree of Drain (He et al., ICWS 2017), which routes a log line by its leading tokens, the head is read from
the front: each skeleton sent by one account only is mapped to the longest of a few fixed word prefixes
(`head_words`) that at least `head_min_accounts` different accounts share, with the rest replaced by one
`<payload>` mask. The shared head then goes through the usual grouping (near-duplicate instructions, a
paraphrase here and there, still meet) and becomes one template. Skeletons that several accounts already
send whole are left as they are; a prompt whose every prefix is its own stays unmapped.

The prefixes are counted over the single-account skeletons only (a handful of rows per distinct prompt),
not over the request log, and the mapping is one small join in `m_good`.
"""

from __future__ import annotations

import duckdb

PAYLOAD = "<payload>"


def map_heads(con: duckdb.DuckDBPyConnection, head_words: tuple[int, ...], min_accounts: int) -> int:
    """`m_head(skel_hash, head_skel, head_hash)` from the valid rows of `m_norm`; returns its row count."""
    lengths = sorted({int(n) for n in head_words if int(n) > 0})
    if not lengths:
        con.execute("CREATE TABLE m_head (skel_hash UBIGINT, head_skel VARCHAR, head_hash UBIGINT)")
        return 0
    values = ", ".join(f"({n})" for n in lengths)
    # A prefix counts only when it leaves a payload behind (at least two more words): a prompt that is
    # all instruction is a whole skeleton, and whole skeletons are grouped as they are.
    con.execute(
        f"""CREATE TABLE m_head AS
            WITH single AS (
              SELECT skel_hash, min(skel) AS skel, min(account_id) AS account_id
              FROM m_norm WHERE reject_reason IS NULL
              GROUP BY skel_hash HAVING min(account_id) = max(account_id)),
            words AS (SELECT skel_hash, account_id, string_split(skel, ' ') AS w FROM single),
            prefixes AS (
              SELECT skel_hash, account_id, lens.n, array_to_string(w[1:lens.n], ' ') AS head
              FROM words, (VALUES {values}) lens(n)
              WHERE len(w) >= lens.n + 2),
            shared AS (
              SELECT head FROM prefixes GROUP BY head HAVING count(DISTINCT account_id) >= ?),
            best AS (
              SELECT p.skel_hash, arg_max(p.head, p.n) AS head
              FROM prefixes p SEMI JOIN shared s ON p.head = s.head
              GROUP BY p.skel_hash)
            SELECT skel_hash, head || ' {PAYLOAD}' AS head_skel, hash(head || ' {PAYLOAD}') AS head_hash
            FROM best""",  # noqa: S608 - integers and a constant of ours
        [min_accounts],
    )
    return int(con.execute("SELECT count(*) FROM m_head").fetchall()[0][0])


def head_of(skel: str, shared: set[str], head_words: tuple[int, ...]) -> str:
    """The same choice for one skeleton in Python, given the set of shared heads (tests hold the two
    paths to the same answer)."""
    words = skel.split(" ")
    for n in sorted({int(x) for x in head_words if int(x) > 0}, reverse=True):
        if len(words) >= n + 2:
            head = " ".join(words[:n])
            if head in shared:
                return f"{head} {PAYLOAD}"
    return skel
