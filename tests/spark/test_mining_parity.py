"""The Spark engine mines exactly what the DuckDB engine mines: same skeletons, templates (same ids),
aggregates, rejects (file, line, field, reason), and the same graph after a load."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver
from pyspark.sql import SparkSession

from app.platform.settings import Settings
from loaders.discovery import Kind, discover
from loaders.mining.aggregate import open_or_mine
from loaders.mining.engine import DuckDBEngine
from loaders.mining.normalise import skeleton, skeleton_select
from loaders.mining.spark.dialect import to_spark
from loaders.mining.spark.engine import SparkEngine
from loaders.rejects import RejectWriter
from loaders.settings import LoadSettings
from scenarios.standard import simulate
from tests.loaders.conftest import reset_state, run_load, snapshot
from tests.loaders.fixtures import requests, write_rows
from tests.unit.loaders.test_mining_rules import CORPUS

TABLES = ("templates", "ips", "used_ip", "sent", "usage", "models", "model_nodes")


def _extra_requests(directory: Path) -> None:
    """Request files in the other formats, with the bad rows each reader must number like DuckDB."""
    rows: list[dict[str, Any]] = requests(10, 5, prefix="x")
    rows[3]["ts"] = "yesterday"
    rows[7]["ip"] = "300.1.2.3"
    rows[8]["ip"] = "2001:DB8::1"
    rows[11]["input_tokens"] = -4
    rows[12]["ts"] = "1779000000"
    rows[14]["prompt"] = "Résumé  the `x = 1` code\n\nat https://ex.example/a and 'quoted' bits, 3.5 times"
    write_rows(directory / "requests_more.csv.gz", rows[:25])
    write_rows(
        directory / "requests_paste.csv", [{**rows[25], "prompt": 'multi\n"line"\nprompt 7'}, *rows[26:30]]
    )
    lines = [json.dumps(r) for r in rows[30:]]
    lines.insert(4, "{not json")
    lines.insert(7, "")  # a blank line is no row, for DuckDB's reader as for ours
    with gzip.open(directory / "requests_extra.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    # Large enough to be read as several partitions (the session's splits are 16 KiB).
    plain = requests(40, 6, prefix="y")
    plain[100]["account_id"] = ""
    (directory / "requests_plain.jsonl").write_text("".join(json.dumps(r) + "\n" for r in plain))


@pytest.fixture(scope="module")
def parity_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("spark-parity")
    simulate(out, "demo", accounts=150, seed=5, requests_per_account=4.0, with_errors=True)
    _extra_requests(out)
    return out


def _mine(directory: Path, work: Path, engine: str, spark: SparkSession) -> dict[str, Any]:
    files = discover(directory)[Kind.REQUESTS]
    factory = DuckDBEngine if engine == "duckdb" else (lambda con, wd: SparkEngine(spark, con, wd / "x"))
    with RejectWriter(work / "rejects", "t") as rejects:
        mined = open_or_mine(files, work / "mining", LoadSettings(), [], None, 2, rejects, engine=factory)
    try:
        out: dict[str, Any] = {t: [r for chunk in mined.rows(t, 10_000) for r in chunk] for t in TABLES}
        out["registry"] = mined.con.execute("SELECT * FROM m_registry ORDER BY skel_key").fetchall()
        out["files"] = [(f.name, f.read, f.rejected) for f in mined.files]
    finally:
        mined.close()
    out["rejects"] = [
        (d["file"], d["line"], d["field"], d["reason"])
        for path in sorted((work / "rejects").glob("*.jsonl"))
        for d in map(json.loads, path.read_text().splitlines())
    ]
    return out


def test_spark_skeletons_equal_the_python_rules(spark: SparkSession) -> None:
    prompts = [*CORPUS, "", " \t x \n ", "a" * 1200, "é" * 999 + " b", "“q”  x\u00a0 'y' `z` www.a.b"]
    spark.createDataFrame(list(enumerate(prompts)), "i int, p string").createOrReplaceTempView("corpus")
    sql = to_spark(skeleton_select("SELECT * FROM corpus", "p", "s", ["i"]))
    got = {r["i"]: r["s"] for r in spark.sql(sql).collect()}
    assert [got[i] for i in range(len(prompts))] == [skeleton(p) for p in prompts]


def test_both_engines_mine_the_same_tables_and_rejects(
    parity_dir: Path, tmp_path: Path, spark: SparkSession
) -> None:
    duck = _mine(parity_dir, tmp_path / "duckdb", "duckdb", spark)
    sp = _mine(parity_dir, tmp_path / "spark", "spark", spark)
    assert len(duck["templates"]) > 10
    assert len(duck["sent"]) > 100
    for key in (*TABLES, "registry", "files"):
        assert sp[key] == duck[key], key
    assert sp["rejects"] == duck["rejects"]
    # The planted bad rows are among them, with the lines the scenario wrote down.
    with (parity_dir / "expected_rejects.csv").open() as fh:
        planted = {(r["file"], int(r["line"]), r["field"]) for r in csv.DictReader(fh)}
    got = {(f, line, field) for f, line, field, _ in sp["rejects"]}
    assert {p for p in planted if p[0].startswith("requests")} <= got
    assert ("requests_extra.jsonl.gz", 5, "row") in got  # the malformed line
    assert ("requests_more.csv.gz", 5, "ts") in got  # header is line 1
    assert any(f == "requests_plain.jsonl" and field == "account_id" for f, _, field in got)


def test_a_load_through_spark_leaves_the_same_graph(
    parity_dir: Path, fresh: Driver, settings: Settings, spark: SparkSession
) -> None:
    run_load(parity_dir, fresh, settings)
    expected = snapshot(fresh)
    with fresh.session() as s:
        s.run("MATCH (n) DETACH DELETE n").consume()
    reset_state(settings)
    report = run_load(parity_dir, fresh, settings, mining_engine="spark")
    assert report.templates > 10
    assert snapshot(fresh) == expected
