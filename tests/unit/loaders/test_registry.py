"""The template registry: merged inside DuckDB, later entries replacing earlier ones of the same key; read
by label loads only when a prompt text needs resolving."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from loaders.mining.grouping import KnownTemplate
from loaders.mining.normalise import skeleton_key
from loaders.mining.registry import Registry
from loaders.mining.resolve import TemplateResolver


def _table(con: duckdb.DuckDBPyConnection, name: str, rows: list[tuple[str, str, str]]) -> None:
    con.execute(f"CREATE TABLE {name} (skel_key VARCHAR, template_id VARCHAR, skeleton VARCHAR)")
    if rows:
        con.executemany(f"INSERT INTO {name} VALUES (?, ?, ?)", rows)  # noqa: S608 - test table names


def test_merge_keeps_old_entries_and_replaces_same_keys(tmp_path: Path) -> None:
    registry = Registry(tmp_path)
    live = {"t_a", "t_b", "t_c"}
    with duckdb.connect() as con:
        _table(con, "m_registry", [("k1", "t_a", "one"), ("k2", "t_a", "two")])
        assert registry.add_from(con) == 2
        _table(con, "later", [("k2", "t_b", "two"), ("k3", "t_c", "three")])
        assert registry.add_from(con, "later") == 2
    assert registry.read(live) == {"k1": ("t_a", "one"), "k2": ("t_b", "two"), "k3": ("t_c", "three")}
    # Entries of templates no longer in the graph are not read back.
    assert registry.read({"t_c"}) == {"k3": ("t_c", "three")}
    keys = pq.read_table(registry.path).column("skel_key").to_pylist()
    assert keys == sorted(keys)


def test_merge_of_nothing_leaves_the_file_alone(tmp_path: Path) -> None:
    registry = Registry(tmp_path)
    with duckdb.connect() as con:
        _table(con, "m_registry", [])
        assert registry.add_from(con) == 0
        assert not registry.path.exists()
        _table(con, "first", [("k1", "t_a", "one")])
        registry.add_from(con, "first")
        before = registry.path.stat().st_mtime_ns
        assert registry.add_from(con) == 0
    assert registry.path.stat().st_mtime_ns == before


def test_a_file_of_an_older_layout_is_started_afresh(tmp_path: Path) -> None:
    registry = Registry(tmp_path)
    pq.write_table(pa.table({"skel_key": ["k0"], "template_id": ["t_old"]}), registry.path)
    assert registry.readable() is None
    assert registry.read({"t_old"}) == {}
    with duckdb.connect() as con:
        _table(con, "m_registry", [("k1", "t_a", "one")])
        registry.add_from(con)
    assert registry.read({"t_a", "t_old"}) == {"k1": ("t_a", "one")}


@pytest.mark.parametrize("entries", [1, 150_000])
def test_large_merges_are_written_in_batches_without_loss(tmp_path: Path, entries: int) -> None:
    registry = Registry(tmp_path)
    with duckdb.connect() as con:
        con.execute(
            "CREATE TABLE m_registry AS SELECT 'k' || lpad(range::VARCHAR, 7, '0') AS skel_key, "
            "'t_' || (range % 97)::VARCHAR AS template_id, 'text ' || range::VARCHAR AS skeleton "
            "FROM range(?)",
            [entries],
        )
        registry.add_from(con)
    table = pq.read_table(registry.path)
    assert table.num_rows == entries
    assert table.schema.names == ["skel_key", "template_id", "skeleton"]
    assert table.column("skeleton")[entries - 1].as_py() == f"text {entries - 1}"


def test_the_resolver_reads_the_registry_only_for_prompt_texts() -> None:
    reads: list[int] = []
    member = "grade the answer below with the rubric and give a score"

    def registry() -> dict[str, tuple[str, str]]:
        reads.append(1)
        return {skeleton_key(member): ("t_00000000000000aa", member)}

    known = [KnownTemplate("t_00000000000000aa", "rate the response with the rubric")]
    resolve = TemplateResolver(known, registry, 0.4, 64, 2)
    assert resolve("T_00000000000000AA")[:2] == ("t_00000000000000aa", "rate the response with the rubric")
    assert resolve("t_00000000000000bb")[0] == "t_00000000000000bb"
    assert reads == []
    # A remembered member maps straight to its template, a close paraphrase of it too; one read in all.
    assert resolve("Grade the answer below with the rubric and give a score")[0] == "t_00000000000000aa"
    assert resolve("grade the answer below with the rubric and then give a score")[0] == "t_00000000000000aa"
    assert reads == [1]
