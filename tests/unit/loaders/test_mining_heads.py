"""Instruction heads: a fixed instruction followed by a free payload becomes one template (pure DuckDB)."""

from __future__ import annotations

import duckdb
import pytest

from loaders.mining.engine import DuckDBEngine
from loaders.mining.heads import PAYLOAD, head_of, map_heads

INSTRUCTION = "you are a strict grader score the following answer against the rubric then output json answer:"


def _norm(con: duckdb.DuckDBPyConnection, rows: list[tuple[str, str]]) -> None:
    con.execute("CREATE TABLE m_norm (account_id VARCHAR, skel VARCHAR, reject_reason VARCHAR)")
    con.executemany("INSERT INTO m_norm VALUES (?, ?, NULL)", rows)
    con.execute("CREATE TABLE t AS SELECT *, hash(skel) AS skel_hash FROM m_norm")
    con.execute("DROP TABLE m_norm")
    con.execute("ALTER TABLE t RENAME TO m_norm")


def _heads(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    rows = con.execute(
        "SELECT n.skel, h.head_skel FROM m_head h JOIN m_norm n USING (skel_hash) ORDER BY 1"
    ).fetchall()
    return {str(a): str(b) for a, b in rows}


def test_fixed_instruction_with_free_payload_maps_to_its_head() -> None:
    con = duckdb.connect()
    payloads = [f"alpha{i} beta{i} gamma{i} delta{i} epsilon{i}" for i in range(5)]
    _norm(con, [(f"acc{i}", f"{INSTRUCTION} {p}") for i, p in enumerate(payloads)])
    assert map_heads(DuckDBEngine(con), con, (6, 12, 24), 3) == 5
    heads = set(_heads(con).values())
    # The longest shared prefix (12 words) wins over the shorter one; the payload is masked away.
    assert heads == {" ".join(INSTRUCTION.split()[:12]) + f" {PAYLOAD}"}


def test_heads_need_enough_accounts_and_leave_whole_repeats_alone() -> None:
    con = duckdb.connect()
    rows = [("a", f"{INSTRUCTION} one two three"), ("a", f"{INSTRUCTION} four five six")]
    rows += [("b", "explain how photosynthesis works in plants please"), ("c", rows[0][1])]
    _norm(con, rows)
    # One account sending the instruction twice is not a template; the prompt that two accounts send
    # whole is a skeleton of its own already.
    assert map_heads(DuckDBEngine(con), con, (6, 12), 3) == 0


def test_rejected_rows_do_not_count() -> None:
    con = duckdb.connect()
    _norm(con, [(f"acc{i}", f"{INSTRUCTION} x{i} y{i} z{i}") for i in range(3)])
    con.execute("UPDATE m_norm SET reject_reason = 'ts' WHERE account_id = 'acc0'")
    assert map_heads(DuckDBEngine(con), con, (6, 12), 3) == 0


@pytest.mark.parametrize("lengths", [(6,), (6, 12), (12, 24, 48)])
def test_python_and_sql_choose_the_same_head(lengths: tuple[int, ...]) -> None:
    con = duckdb.connect()
    skels = [f"{INSTRUCTION} payload{i} more words here {i}" for i in range(4)]
    skels += ["short prompt", "write a poem about the sea and the sky tonight please now"]
    _norm(con, [(f"acc{i}", s) for i, s in enumerate(skels)])
    map_heads(DuckDBEngine(con), con, lengths, 3)
    sql = _heads(con)
    shared = {h.removesuffix(f" {PAYLOAD}") for h in sql.values()}
    for s in skels:
        assert head_of(s, shared, lengths) == sql.get(s, s)


def test_no_lengths_maps_nothing() -> None:
    con = duckdb.connect()
    _norm(con, [("a", "x y z")])
    assert map_heads(DuckDBEngine(con), con, (), 3) == 0
