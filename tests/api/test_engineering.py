"""DataLoaders (no N+1), the checked-in schema, the CLI (keys, schema, a live `serve`)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import psutil
import pytest
from typer.testing import CliRunner

from app.cli import cli
from app.platform.logging import configure_logging
from app.platform.neo4j_server.throwaway import free_port
from app.platform.runner import Graph
from app.platform.settings import Settings

from .conftest import Api, Keys, data
from .counting import CountingGraph

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    """CliRunner points the CLI's logging at its own stderr and closes it; later log calls must not fail."""
    yield
    configure_logging()


@pytest.mark.asyncio(loop_scope="session")
async def test_dataloaders_batch_per_request(api: Api, keys: Keys) -> None:
    real: Graph = api.app.state.graph
    counting = CountingGraph(driver=real.driver, database=real.database)
    api.app.state.graph = counting
    try:
        q = """{ campaigns(first: 10) { edges { node { id attribution { actor { name }
                 evidence { kind } } } } } }"""
        nodes = data(await api.gql(q, keys.viewer))["campaigns"]["edges"]
    finally:
        api.app.state.graph = real
    assert len(nodes) == 3
    # One page query, one batched attribution query, one batched evidence query — not one per campaign.
    assert sorted(counting.calls) == sorted(
        ["api/campaigns_page", "api/attributions_by_campaigns", "api/attribution_evidence"]
    )


def test_keys_cli_create_list_revoke(keys: Keys) -> None:
    runner = CliRunner()
    created = runner.invoke(cli, ["keys", "create", "--name", "cli-bot", "--role", "analyst"])
    assert created.exit_code == 0, created.output
    token = created.stdout.strip().splitlines()[-1]
    assert token.startswith("lw_")
    key_id = token.split("_")[1]
    listed = runner.invoke(cli, ["keys", "list"])
    assert key_id in listed.stdout
    assert "cli-bot" in listed.stdout
    assert token.split("_", 2)[2] not in listed.stdout
    assert runner.invoke(cli, ["keys", "revoke", key_id]).exit_code == 0
    assert runner.invoke(cli, ["keys", "revoke", "nope"]).exit_code == 1
    assert runner.invoke(cli, ["keys", "create", "--name", "x", "--role", "root"]).exit_code != 0


def test_live_serve_detached_on_loopback(keys: Keys, settings: Settings) -> None:
    env = {**os.environ, "LINKWATCH_API_PORT": str(free_port())}
    linkwatch = [str(Path(sys.executable).parent / "linkwatch")]
    started = subprocess.run(
        [*linkwatch, "serve", "--detach", "--wait", "60"],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    try:
        assert started.returncode == 0, started.stderr
        url = f"http://127.0.0.1:{env['LINKWATCH_API_PORT']}/graphql"
        r = httpx.post(
            url,
            json={"query": '{ campaign(id: "C-00000001") { id score } }'},
            headers={"Authorization": f"Bearer {keys.viewer}"},
            timeout=10,
        )
        assert r.status_code == 200
        assert r.json()["data"]["campaign"]["id"] == "C-00000001"
        assert httpx.post(url, json={"query": "{ actors { totalCount } }"}, timeout=10).status_code == 401
    finally:
        stopped = subprocess.run(
            [*linkwatch, "serve-stop"], env=env, capture_output=True, text=True, timeout=60, check=False
        )
    assert stopped.returncode == 0, stopped.stderr
    assert not (settings.home / "run" / "api.pid").exists()


def _established_by_process(pid: int, port: int) -> dict[int, int]:
    """Accepted connections on `port` per process of the `serve` tree rooted at `pid`."""
    counts: dict[int, int] = {}
    for proc in psutil.Process(pid).children(recursive=True):
        conns = [
            c
            for c in proc.net_connections(kind="tcp")
            if c.status == psutil.CONN_ESTABLISHED and c.laddr and c.laddr.port == port
        ]
        if conns:
            counts[proc.pid] = len(conns)
    return counts


def test_workers_each_take_a_share_of_kept_alive_connections(keys: Keys, settings: Settings) -> None:
    """32 connections opened at once: with one shared socket, the first worker to wake accepted them all."""
    port = free_port()
    env = {**os.environ, "LINKWATCH_API_PORT": str(port)}
    linkwatch = [str(Path(sys.executable).parent / "linkwatch")]
    started = subprocess.run(
        [*linkwatch, "serve", "--detach", "--workers", "2", "--wait", "90"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    clients: list[socket.socket] = []
    try:
        assert started.returncode == 0, started.stderr
        pid = int((settings.home / "run" / "api.pid").read_text())
        # Non-blocking connects: all 32 wait in the accept queue before a worker wakes up, as when a
        # connection pool or a load generator opens its connections.
        clients = [socket.socket(socket.AF_INET, socket.SOCK_STREAM) for _ in range(32)]
        for c in clients:
            c.setblocking(False)
            c.connect_ex(("127.0.0.1", port))
        for c in clients:
            c.settimeout(10)
            c.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        for c in clients:
            assert c.recv(4096).startswith(b"HTTP/1.1 200"), "every connection is served"
        per_worker = _established_by_process(pid, port)
        assert sum(per_worker.values()) == 32
        # The kernel spreads connections by address hash: both workers hold a fair share (a worker left
        # with fewer than 4 of 32 has odds of about 1 in 400,000).
        assert len(per_worker) == 2, per_worker
        assert min(per_worker.values()) >= 4, per_worker
        r = httpx.post(
            f"http://127.0.0.1:{port}/graphql",
            json={"query": '{ campaign(id: "C-00000001") { id } }'},
            headers={"Authorization": f"Bearer {keys.viewer}"},
            timeout=10,
        )
        assert r.json()["data"]["campaign"]["id"] == "C-00000001"
    finally:
        for c in clients:
            c.close()
        stopped = subprocess.run(
            [*linkwatch, "serve-stop"], env=env, capture_output=True, text=True, timeout=60, check=False
        )
    assert stopped.returncode == 0, stopped.stderr
