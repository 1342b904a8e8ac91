"""triggerDetectionRun only queues: the API process starts nothing; a worker executes the run."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
from neo4j import Driver

from app.jobs.worker import Worker
from app.platform.settings import Settings

from . import graphdata
from .conftest import Api, Keys, data

pytestmark = pytest.mark.asyncio(loop_scope="session")

RUN = "query($id: ID!) { detectionRun(id: $id) { status finishedAt error } }"


@pytest.fixture(scope="module")
def planted(driver: Driver, settings: Settings) -> dict[str, str]:
    """The planted campaigns without the 1,100 noise accounts: detection itself is not under test here."""
    graphdata.wipe(driver)
    return graphdata.build(driver, settings.hash_key(), noise=0)


async def test_trigger_queues_a_run_that_a_worker_then_executes(
    api: Api, keys: Keys, settings: Settings, driver: Driver
) -> None:
    threads_before = {t.ident for t in threading.enumerate()}
    started = time.monotonic()
    run = data(
        await api.gql("mutation { triggerDetectionRun { id status trigger requestedBy } }", keys.analyst)
    )["triggerDetectionRun"]
    assert time.monotonic() - started < 10  # the mutation does not wait for detection
    assert (run["status"], run["trigger"], run["requestedBy"]) == ("queued", "api", "ana-analyst")

    # Nothing in the API process picks the run up: no thread appears, and it stays queued.
    await asyncio.sleep(1)
    new_threads = [t.name for t in threading.enumerate() if t.ident not in threads_before]
    assert not [name for name in new_threads if not name.startswith("asyncio_")], new_threads
    assert data(await api.gql(RUN, keys.viewer, id=run["id"]))["detectionRun"]["status"] == "queued"

    with Worker(settings, driver=driver, name="test-worker") as worker:
        summary = await asyncio.to_thread(worker.drain_once)
    assert summary is not None
    assert summary.run_id == run["id"]
    final = data(await api.gql(RUN, keys.viewer, id=run["id"]))["detectionRun"]
    assert final["status"] == "succeeded", final
    assert final["finishedAt"] is not None
    listed = data(await api.gql("{ detectionRuns(first: 1) { edges { node { id } } } }", keys.viewer))
    assert listed["detectionRuns"]["edges"][0]["node"]["id"] == run["id"]


async def test_an_incremental_request_is_queued_as_one_and_runs_full_without_a_full_run_before(
    api: Api, keys: Keys, settings: Settings, driver: Driver
) -> None:
    driver.execute_query("MATCH (r:DetectionRun) DETACH DELETE r")  # no full run to build on
    run = data(
        await api.gql(
            "mutation { triggerDetectionRun(kind: INCREMENTAL) { id status kind requestedKind } }",
            keys.analyst,
        )
    )["triggerDetectionRun"]
    assert (run["status"], run["kind"], run["requestedKind"]) == ("queued", "INCREMENTAL", "INCREMENTAL")
    with Worker(settings, driver=driver, name="test-worker") as worker:
        summary = await asyncio.to_thread(worker.drain_once)
    assert summary is not None
    assert (summary.kind, summary.requested_kind) == ("full", "incremental")
    final = data(
        await api.gql(
            "query($id: ID!) { detectionRun(id: $id) { status kind requestedKind } }",
            keys.viewer,
            id=run["id"],
        )
    )["detectionRun"]
    assert final == {"status": "succeeded", "kind": "FULL", "requestedKind": "INCREMENTAL"}
