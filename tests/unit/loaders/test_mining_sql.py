"""The streamed SQL skeletons of request logs equal the Python ones."""

from __future__ import annotations

from pathlib import Path

import duckdb

from loaders.mining.normalise import skeleton, skeleton_select

from .test_mining_rules import CORPUS, _truth


def test_streamed_sql_skeletons_match_python(demo_dir: Path) -> None:
    """`skeleton_select` (guarded rules, the loader's path) gives exactly the Python skeletons."""
    prompts = CORPUS + [r["prompt"] for r in _truth(demo_dir)]
    prompts += ["", " ", " \t x \n ", "a" * 1200, "é" * 999 + " b", "“q”  x\u00a0 'y' `z` www.a.b"]
    src = "SELECT unnest(?::VARCHAR[]) AS p, generate_subscripts(?::VARCHAR[], 1) AS i"
    got = (
        duckdb.connect()
        .execute(f"SELECT s FROM ({skeleton_select(src, 'p', 's', ['i'])}) ORDER BY i", [prompts, prompts])  # noqa: S608
        .fetchall()
    )
    assert [g[0] for g in got] == [skeleton(p) for p in prompts]
