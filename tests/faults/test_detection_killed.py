"""Detection killed mid-run (SIGKILL of `linkwatch detect`): the previous result stays the current one,
the killed run is recorded as failed, and the next run succeeds. Shares the session's Neo4j."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from neo4j import Driver

from app.detection.pipeline import GRAPH_PREFIX
from app.jobs.runner import run_detection
from app.platform.settings import Settings
from tests.loaders.conftest import reset_state, run_load

LINKWATCH = str(Path(sys.executable).parent / "linkwatch")


def _current(driver: Driver) -> dict[str, Any]:
    """What analysts see as the current result: active campaigns with their members and scores."""
    records, _, _ = driver.execute_query(
        """
        MATCH (c:Campaign) WHERE coalesce(c.active, false)
        OPTIONAL MATCH (c)<-[m:IN_CAMPAIGN]-(a:Account)
        WITH c, a.account_id AS account ORDER BY account
        RETURN c.campaign_id AS id, c.score AS score, c.last_run AS run, collect(account) AS members
        ORDER BY id
        """
    )
    return {r["id"]: (r["score"], r["run"], r["members"]) for r in records}


def _runs(driver: Driver) -> dict[str, str]:
    records, _, _ = driver.execute_query("MATCH (r:DetectionRun) RETURN r.run_id AS id, r.status AS s")
    return {r["id"]: r["s"] for r in records}


def _projected(driver: Driver) -> bool:
    records, _, _ = driver.execute_query(
        "CALL gds.graph.list() YIELD graphName WHERE graphName STARTS WITH $prefix RETURN count(*) AS n",
        prefix=GRAPH_PREFIX,
    )
    return bool(records[0]["n"])


def _kill_once_running(driver: Driver, known: set[str], timeout: float = 120.0) -> str | None:
    """The id of a `linkwatch detect` run killed while its graph is in the GDS catalog, or None when the run
    finished before the poll caught that window (on the demo graph it lasts about a tenth of a second)."""
    proc = subprocess.Popen(
        [LINKWATCH, "detect"], env=dict(os.environ), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                return None
            running = [i for i, s in _runs(driver).items() if i not in known and s == "running"]
            # Killed once its graph is in the GDS catalog: inside the projection and algorithms, not at
            # their very start, and well before the switch (a fixed delay let a fast run commit first).
            if running and _projected(driver):
                proc.send_signal(signal.SIGKILL)
                proc.wait(30)
                return running[0]
            time.sleep(0.05)
        raise AssertionError(f"no run started within {timeout}s")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(30)


def _kill_mid_run(driver: Driver, attempts: int = 5) -> tuple[str, dict[str, Any]]:
    """A killed run's id and the current result just before it was started. A run that finished before it
    could be killed is a success like any other: the next attempt starts from its result."""
    for _ in range(attempts):
        before = _current(driver)
        killed = _kill_once_running(driver, set(_runs(driver)))
        if killed is not None:
            return killed, before
    raise AssertionError(f"detection finished before it could be killed, {attempts} times")


def test_killed_detection_keeps_the_previous_result(
    demo_dir: Path, clean_db: Driver, settings: Settings
) -> None:
    reset_state(settings)
    run_load(demo_dir, clean_db, settings)
    first = run_detection(settings, trigger="cli")
    assert first.status == "succeeded"
    assert _current(clean_db), "the demo scenario must yield campaigns for this test to mean anything"

    killed, before = _kill_mid_run(clean_db)
    assert _current(clean_db) == before  # nothing of the killed run is visible

    second = run_detection(settings, trigger="cli")  # the lock died with the process: no wait
    assert second.status == "succeeded"
    assert killed in second.stale_runs_failed
    runs = _runs(clean_db)
    assert runs[killed] == "failed"
    assert runs[second.run_id] == "succeeded"
    after = _current(clean_db)
    # Same graph, same parameters: the same campaigns, carried over by the new run.
    assert {k: (v[0], v[2]) for k, v in after.items()} == {k: (v[0], v[2]) for k, v in before.items()}
    assert {v[1] for v in after.values()} == {second.run_id}
