"""The worker against the real database: claims are atomic, queued runs execute, stale runs are failed."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from neo4j import Driver

from app.jobs import runs
from app.jobs.lock import detection_lock
from app.jobs.runner import DetectionFailedError, RunSummary, queue_run
from app.jobs.worker import Worker
from app.platform.settings import Settings

from .helpers import FixedFinder, accs, active, result


def _status(driver: Driver, run_id: str) -> dict[str, object]:
    records, _, _ = driver.execute_query(
        "MATCH (r:DetectionRun {run_id: $id}) RETURN r.status AS status, r.worker AS worker, "
        "r.error AS error, r.trigger AS trigger",
        id=run_id,
    )
    return dict(records[0])


def _worker(settings: Settings, driver: Driver, name: str, **kwargs: object) -> Worker:
    finder = FixedFinder(result(accs(0, 12), accs(20, 25)))
    return Worker(settings, driver=driver, name=name, finder=finder, **kwargs)  # type: ignore[arg-type]


def test_a_queued_run_is_executed_by_the_worker(graph: Driver, settings: Settings) -> None:
    run_id = queue_run(settings, "alice", "api", driver=graph)
    assert _status(graph, run_id)["status"] == "queued"
    summary = _worker(settings, graph, "w-1").drain_once()
    assert summary is not None
    assert (summary.run_id, summary.trigger, summary.requested_by) == (run_id, "api", "alice")
    assert _status(graph, run_id) == {"status": "succeeded", "worker": "w-1", "error": None, "trigger": "api"}
    assert len(active(graph)) == 2
    assert _worker(settings, graph, "w-1").drain_once() is None  # nothing left


def test_runs_are_executed_oldest_first(graph: Driver, settings: Settings) -> None:
    first = queue_run(settings, "alice", "api", driver=graph)
    second = queue_run(settings, "bob", "api", driver=graph)
    w = _worker(settings, graph, "w-1")
    done = [s.run_id for s in (w.drain_once(), w.drain_once()) if s is not None]
    assert done == [first, second]


def test_concurrent_claims_never_get_the_same_run(graph: Driver, settings: Settings) -> None:
    db = settings.neo4j_database
    queued = {runs.queue(graph, db, "alice", "api") for _ in range(3)}
    claimers = 8
    barrier = threading.Barrier(claimers)

    def claim(i: int) -> list[str]:
        barrier.wait()
        got: list[str] = []
        for _ in range(3):
            c = runs.claim(graph, db, f"w-{i}")
            if c is not None:
                got.append(c.run_id)
        return got

    with ThreadPoolExecutor(claimers) as pool:
        claimed = [run_id for got in pool.map(claim, range(claimers)) for run_id in got]
    assert sorted(claimed) == sorted(queued)  # each run once: no run claimed twice, none left behind
    assert runs.claim(graph, db, "late") is None
    for run_id in queued:
        assert _status(graph, run_id)["status"] == "running"


def test_two_workers_draining_at_once_run_a_queued_run_once(graph: Driver, settings: Settings) -> None:
    run_id = queue_run(settings, "alice", "api", driver=graph)
    workers = [_worker(settings, graph, f"w-{i}") for i in range(2)]
    barrier = threading.Barrier(2)

    def drain(w: Worker) -> RunSummary | None:
        barrier.wait()
        return w.drain_once()

    with ThreadPoolExecutor(2) as pool:
        outcomes = list(pool.map(drain, workers))
    assert [s.run_id for s in outcomes if s is not None] == [run_id]
    assert _status(graph, run_id)["status"] == "succeeded"


def test_the_worker_waits_while_another_run_holds_the_lock(graph: Driver, settings: Settings) -> None:
    run_id = queue_run(settings, "alice", "api", driver=graph)
    with detection_lock(settings, 0, "R-busy"):
        assert _worker(settings, graph, "w-1").drain_once() is None
    assert _status(graph, run_id)["status"] == "queued"  # not failed: it runs at the next poll
    assert _worker(settings, graph, "w-1").drain_once() is not None


def test_a_run_left_running_by_a_dead_worker_is_marked_failed(graph: Driver, settings: Settings) -> None:
    db = settings.neo4j_database
    ghost = queue_run(settings, "alice", "api", driver=graph)
    assert runs.claim(graph, db, "w-dead") is not None  # ... and then its process was killed
    fresh = queue_run(settings, "bob", "api", driver=graph)
    summary = _worker(settings, graph, "w-1").drain_once()
    assert summary is not None
    assert summary.run_id == fresh
    assert summary.stale_runs_failed == [ghost]
    ghost_state = _status(graph, ghost)
    assert ghost_state["status"] == "failed"
    assert str(ghost_state["error"]).startswith("interrupted")


def test_a_failing_run_is_recorded_and_raised(graph: Driver, settings: Settings) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("projection failed")

    run_id = queue_run(settings, "alice", "api", driver=graph)
    w = Worker(settings, driver=graph, name="w-1", finder=broken)  # type: ignore[arg-type]
    with pytest.raises(DetectionFailedError, match="projection failed"):
        w.drain_once()
    state = _status(graph, run_id)
    assert state["status"] == "failed"
    assert "projection failed" in str(state["error"])


def test_a_scheduler_tick_is_skipped_while_the_previous_scheduled_run_is_pending(
    graph: Driver, settings: Settings
) -> None:
    w = _worker(settings, graph, "w-1")
    w.tick()
    w.tick()  # the first is still queued
    queued = [r for r in runs.history(graph, settings.neo4j_database) if r.trigger == "schedule"]
    assert [r.status for r in queued] == ["queued"]
    queue_run(settings, "alice", "api", driver=graph)  # other triggers do not hold ticks back
    assert w.drain() == 2
    w.tick()
    statuses = sorted(r.status for r in runs.history(graph, settings.neo4j_database))
    assert statuses == ["queued", "succeeded", "succeeded"]


def test_the_worker_loop_executes_runs_queued_while_it_runs(graph: Driver, settings: Settings) -> None:
    w = _worker(settings, graph, "w-loop", poll=0.2)
    done: list[int] = []
    thread = threading.Thread(target=lambda: done.append(w.run()), daemon=True)
    thread.start()
    try:
        run_id = queue_run(settings, "alice", "api", driver=graph)
        for _ in range(300):
            if _status(graph, run_id)["status"] == "succeeded":
                break
            threading.Event().wait(0.1)
    finally:
        w.stop()
        thread.join(60)
    assert not thread.is_alive()
    assert done == [1]
    assert _status(graph, run_id)["status"] == "succeeded"
