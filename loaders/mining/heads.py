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

from loaders.mining.engine import MiningEngine, run

PAYLOAD = "<payload>"


def map_heads(
    engine: MiningEngine, local: duckdb.DuckDBPyConnection, head_words: tuple[int, ...], min_accounts: int
) -> int:
    """`m_head(skel_hash, head_skel, head_hash)` on the engine, from the valid rows of `m_norm`; returns
    its row count. `local` holds the prefix lengths until they are handed to the engine."""
    lengths = sorted({int(n) for n in head_words if int(n) > 0})
    local.execute("CREATE TABLE m_head_lengths (n INTEGER)")
    if lengths:
        local.executemany("INSERT INTO m_head_lengths VALUES (?)", [(n,) for n in lengths])
    engine.to_engine("m_head_lengths")
    if not lengths:
        engine.create("m_head", EMPTY, None)
        return 0
    # The statement's payload mask is PAYLOAD.
    run(engine, "m_head", "heads", {"min_accounts": min_accounts})
    return engine.count("m_head")


EMPTY = (
    "SELECT NULL::UBIGINT AS skel_hash, NULL::VARCHAR AS head_skel, NULL::UBIGINT AS head_hash WHERE false"
)


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
