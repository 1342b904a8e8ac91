"""The worker loop with the database stubbed out: stop, max runs, failures, and scheduler ticks waking it."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import pytest
from neo4j import Driver

from app.jobs import worker as worker_module
from app.jobs.runner import DetectionFailedError, RunSummary
from app.jobs.schedule import make_trigger
from app.jobs.worker import Worker
from app.platform.settings import Settings

NO_DRIVER = cast(Driver, object())  # every database call below is stubbed


def summary(run_id: str, trigger: str = "api") -> RunSummary:
    at = datetime(2026, 5, 1, tzinfo=UTC)
    counts = dict.fromkeys(("campaigns", "new", "continued", "revived", "deactivated", "merges", "splits"), 0)
    return RunSummary(
        run_id=run_id,
        status="succeeded",
        trigger=trigger,
        requested_by=None,
        started_at=at,
        finished_at=at,
        attributions_proposed=0,
        timings={},
        graph={},
        **counts,
    )


def make_worker(**kwargs: Any) -> Worker:
    return Worker(cast(Settings, object()), driver=NO_DRIVER, name="w-test", **kwargs)


def stub_runs(monkeypatch: pytest.MonkeyPatch, outcomes: list[Any]) -> list[str]:
    """`run_next` answers from `outcomes` in turn (a RunSummary, None, or an exception), then None."""
    calls: list[str] = []

    def fake_run_next(_settings: Settings, worker: str, **_kwargs: Any) -> RunSummary | None:
        calls.append(worker)
        outcome = outcomes.pop(0) if outcomes else None
        if isinstance(outcome, BaseException):
            raise outcome
        return cast(RunSummary | None, outcome)

    monkeypatch.setattr(worker_module, "run_next", fake_run_next)
    return calls


def run_in_thread(w: Worker) -> tuple[threading.Thread, list[int]]:
    result: list[int] = []
    thread = threading.Thread(target=lambda: result.append(w.run()), daemon=True)
    thread.start()
    return thread, result


def test_stop_during_a_run_lets_it_finish_then_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    w = make_worker(poll=60)
    finished: list[str] = []

    def fake_run_next(_settings: Settings, _worker: str, **_kwargs: Any) -> RunSummary:
        w.stop()  # SIGTERM arrives mid-run
        time.sleep(0.05)
        finished.append("R-1")
        return summary("R-1")

    monkeypatch.setattr(worker_module, "run_next", fake_run_next)
    assert w.run() == 1
    assert finished == ["R-1"]


def test_runs_back_to_back_until_max_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = stub_runs(monkeypatch, [summary("R-1"), summary("R-2"), summary("R-3")])
    seen: list[str] = []
    w = make_worker(poll=60, max_runs=2, on_run=lambda s: seen.append(s.run_id))
    assert w.run() == 2  # would hang for a minute if it slept between queued runs
    assert seen == ["R-1", "R-2"]
    assert calls == ["w-test", "w-test"]


def test_a_failed_run_counts_and_the_worker_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    stub_runs(monkeypatch, [DetectionFailedError("R-1", "boom"), summary("R-2")])
    assert make_worker(poll=60, max_runs=2).run() == 2


def test_drain_executes_until_the_queue_is_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    stub_runs(monkeypatch, [summary("R-1"), DetectionFailedError("R-2", "boom"), summary("R-3"), None])
    assert make_worker().drain() == 3


def test_an_unreachable_database_is_retried_at_the_next_poll(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = stub_runs(monkeypatch, [RuntimeError("no route"), RuntimeError("no route"), summary("R-1")])
    assert make_worker(poll=0.01, max_runs=1).run() == 1
    assert len(calls) == 3


def test_idle_worker_waits_then_stops_promptly(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = stub_runs(monkeypatch, [])
    w = make_worker(poll=60)
    thread, result = run_in_thread(w)
    time.sleep(0.2)
    w.stop()
    thread.join(5)
    assert not thread.is_alive()
    assert result == [0]
    assert len(calls) == 1  # one look at the queue, then asleep until stopped


def test_scheduler_ticks_queue_runs_and_wake_the_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    queue: list[str] = []
    lock = threading.Lock()

    def queue_unless_pending(
        _driver: Driver, _db: str, _by: str | None, trigger: str, _kind: str = "full"
    ) -> str | None:
        with lock:
            if queue:  # the previous scheduled run is still pending: this tick is skipped
                return None
            queue.append(f"R-{trigger}")
            return queue[-1]

    def fake_run_next(_settings: Settings, _worker: str, **_kwargs: Any) -> RunSummary | None:
        with lock:
            run_id = queue.pop(0) if queue else None
        return summary(run_id, "schedule") if run_id else None

    monkeypatch.setattr(worker_module.runs, "queue_unless_pending", queue_unless_pending)
    monkeypatch.setattr(worker_module, "run_next", fake_run_next)
    settings = cast(Settings, type("S", (), {"neo4j_database": "neo4j"})())
    w = Worker(
        settings,
        driver=NO_DRIVER,
        poll=60,  # far longer than the test: only the ticks can wake the worker
        trigger=make_trigger(every=timedelta(milliseconds=200)),
        run_now=True,
        max_runs=3,
    )
    thread, result = run_in_thread(w)
    try:
        thread.join(20)
    finally:
        w.stop()  # a failed assertion must not leave the scheduler ticking into later tests
        thread.join(5)
    assert result == [3]
