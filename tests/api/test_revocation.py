"""Revocation is immediate in every API worker: `linkwatch keys revoke` against `serve --workers 2`, and
the very next request with the key, whichever worker takes it, is 401."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from neo4j import Driver

from app.platform.neo4j_server.throwaway import free_port
from app.platform.runner import fetch_sync
from app.platform.settings import Settings
from app.services import api_keys
from app.services.api_keys import Role

LINKWATCH = str(Path(sys.executable).parent / "linkwatch")
QUERY = {"query": "{ detectionRuns(first: 1) { totalCount } }"}
# Fresh connections (the kernel spreads them over the workers' sockets by address hash): with 16, the
# chance that one worker never gets a request is 2 * 2^-16.
ROUNDS = 16


@pytest.fixture(scope="module")
def two_workers(driver: Driver, settings: Settings) -> Iterator[tuple[str, dict[str, str]]]:
    port = free_port()
    env = {
        **os.environ,
        "LINKWATCH_API_PORT": str(port),
        # Far longer than the test: any 401 below comes from the revocation signal, not from expiry.
        "LINKWATCH_API_KEY_CACHE_SECONDS": "3600",
    }
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    started = subprocess.run(
        [LINKWATCH, "serve", "--detach", "--workers", "2", "--wait", "90"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert started.returncode == 0, started.stderr
    try:
        yield f"http://127.0.0.1:{port}", env
    finally:
        stopped = subprocess.run(
            [LINKWATCH, "serve-stop"], env=env, capture_output=True, text=True, timeout=60, check=False
        )
        assert stopped.returncode == 0, stopped.stderr


def _statuses(base: str, token: str) -> list[int]:
    headers = {"Authorization": f"Bearer {token}"}
    return [
        httpx.post(f"{base}/graphql", json=QUERY, headers=headers, timeout=10).status_code
        for _ in range(ROUNDS)
    ]


def test_revoked_key_is_refused_by_every_worker_at_once(
    two_workers: tuple[str, dict[str, str]], driver: Driver, settings: Settings
) -> None:
    base, env = two_workers
    db = settings.neo4j_database
    key = api_keys.create_key(driver, db, "leaked-laptop", Role.VIEWER)
    assert _statuses(base, key.token) == [200] * ROUNDS  # both workers now hold it in their caches

    # Revoked in the database without the signal (as from another host's LINKWATCH_HOME): the cached
    # key still works. This shows that the caches are in play, and what the TTL setting bounds.
    fetch_sync(driver, db, "api/key_revoke", key_id=key.key_id)
    assert _statuses(base, key.token) == [200] * ROUNDS

    revoked = subprocess.run(
        [LINKWATCH, "keys", "revoke", key.key_id], env=env, capture_output=True, text=True, timeout=60
    )
    assert revoked.returncode == 0, revoked.stderr
    assert _statuses(base, key.token) == [401] * ROUNDS

    # Other keys are verified again once, and keep working.
    other = api_keys.create_key(driver, db, "still-fine", Role.VIEWER)
    assert _statuses(base, other.token) == [200] * ROUNDS
