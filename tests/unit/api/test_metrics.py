"""Metric labels come from the schema, workers' samples add up, and the readiness probe fails closed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from graphql import build_schema, parse
from neo4j import AsyncGraphDatabase

from app.api.metrics import INVALID, MULTIPLE, MULTIPROC_ENV, operation_label, prepare_multiprocess_dir
from app.api.operations import ReadinessProbe

SCHEMA = build_schema(
    "type Query { campaign(id: ID!): String  account(id: ID!): String }  type Mutation { confirm: String }"
)


@pytest.mark.parametrize(
    ("document", "name", "label"),
    [
        ('{ campaign(id: "1") }', None, "campaign"),
        ('{ a: campaign(id: "1") b: campaign(id: "2") }', None, "campaign"),
        ('{ campaign(id: "1") account(id: "1") }', None, MULTIPLE),
        ("mutation { confirm }", None, "confirm"),
        ("{ __typename }", None, "__typename"),
        ("query Anything_4111111111111111 { campaign(id: 1) }", None, "campaign"),
        ("query A { campaign(id: 1) } query B { account(id: 1) }", "B", "account"),
        ("query A { campaign(id: 1) } query B { account(id: 1) }", None, INVALID),
        ("query A { campaign(id: 1) }", "Nope", INVALID),
        ("{ attackerChosenName }", None, INVALID),
        ("{ ...F } fragment F on Query { campaign(id: 1) }", None, MULTIPLE),
    ],
)
def test_operation_label_is_a_root_field(document: str, name: str | None, label: str) -> None:
    assert operation_label(SCHEMA, parse(document), name) == label


def test_unparsed_document_is_invalid() -> None:
    assert operation_label(SCHEMA, None, None) == INVALID


_WORKER = """
from app.api import metrics
metrics.REQUESTS.labels("campaign", "query", "ok").inc(3)
metrics.LATENCY.labels("campaign", "query").observe(0.02)
"""


def test_workers_samples_are_summed_in_multiprocess_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(MULTIPROC_ENV, raising=False)
    folder = tmp_path / "metrics"
    folder.mkdir()
    (folder / "counter_999.db").write_bytes(b"stale")  # an earlier server's: must not be summed in
    (folder / "keep.txt").write_text("not ours")
    prepare_multiprocess_dir(folder)
    assert os.environ[MULTIPROC_ENV] == str(folder)
    assert not (folder / "counter_999.db").exists()
    assert (folder / "keep.txt").exists()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    for _ in range(2):  # two "workers", each a fresh interpreter like uvicorn's spawned ones
        subprocess.run([sys.executable, "-c", _WORKER], check=True, env=env, timeout=60)
    scrape = subprocess.run(
        [sys.executable, "-c", "from app.api import metrics; print(metrics.exposition().decode())"],
        check=True,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    labels = 'operation="campaign",operation_type="query"'
    assert f'linkwatch_graphql_requests_total{{{labels},outcome="ok"}} 6.0' in scrape
    assert f"linkwatch_graphql_request_duration_seconds_count{{{labels}}} 2.0" in scrape


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.asyncio(loop_scope="session")
async def test_readiness_probe_fails_quickly_without_neo4j() -> None:
    driver = AsyncGraphDatabase.driver(f"bolt://127.0.0.1:{_closed_port()}", auth=("neo4j", "x"))
    try:
        probe = ReadinessProbe(driver, "neo4j", timeout=1.0)
        started = time.monotonic()
        assert await probe.ready() is False
        assert await probe.ready() is False  # the cached answer
        assert time.monotonic() - started < 5
    finally:
        await driver.close()


@pytest.mark.asyncio(loop_scope="session")
async def test_readiness_probe_times_out_on_a_silent_server() -> None:
    # A listener that never answers Bolt's handshake: what a hung or overloaded Neo4j looks like.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = silent.getsockname()[1]
        driver = AsyncGraphDatabase.driver(f"bolt://127.0.0.1:{port}", auth=("neo4j", "x"))
        try:
            started = time.monotonic()
            assert await ReadinessProbe(driver, "neo4j", timeout=0.5).ready() is False
            assert time.monotonic() - started < 3
        finally:
            await driver.close()
