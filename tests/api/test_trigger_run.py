"""triggerDetectionRun: returns the queued run at once; the run proceeds in the background."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
from neo4j import Driver

from app.platform.logging import configure_logging
from app.platform.settings import Settings

from . import graphdata
from .conftest import Api, Keys, data

pytestmark = pytest.mark.asyncio(loop_scope="session")


@pytest.fixture(scope="module")
def planted(driver: Driver, settings: Settings) -> dict[str, str]:
    """The planted campaigns without the 1,100 noise accounts: detection itself is not under test here."""
    graphdata.wipe(driver)
    return graphdata.build(driver, settings.hash_key(), noise=0)


async def test_trigger_returns_a_queued_run_that_then_finishes(api: Api, keys: Keys) -> None:
    configure_logging()  # the run logs from its own thread: onto this session's stderr
    started = time.monotonic()
    run = data(
        await api.gql("mutation { triggerDetectionRun { id status trigger requestedBy } }", keys.analyst)
    )
    run = run["triggerDetectionRun"]
    assert time.monotonic() - started < 10  # the mutation does not wait for detection
    assert run["trigger"] == "api"
    assert run["requestedBy"] == "ana-analyst"
    assert run["status"] in {"queued", "running"}
    q = "query($id: ID!) { detectionRun(id: $id) { status finishedAt error } }"
    status = run["status"]
    deadline = time.monotonic() + 240
    while status in {"queued", "running"} and time.monotonic() < deadline:
        await asyncio.sleep(1)
        status = data(await api.gql(q, keys.viewer, id=run["id"]))["detectionRun"]["status"]
    for thread in threading.enumerate():
        if thread.name == f"detection-{run['id']}":
            await asyncio.to_thread(thread.join, 60)
    final = data(await api.gql(q, keys.viewer, id=run["id"]))["detectionRun"]
    assert final["status"] == "succeeded", final
    assert final["finishedAt"] is not None
    listed = data(await api.gql("{ detectionRuns(first: 1) { edges { node { id } } } }", keys.viewer))
    assert listed["detectionRuns"]["edges"][0]["node"]["id"] == run["id"]
