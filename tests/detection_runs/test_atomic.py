"""A run that fails, wherever it fails, leaves the previous result current and is recorded as failed."""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import Driver, ManagedTransaction

from app.detection.graph import persist
from app.jobs import runs
from app.jobs.runner import DetectionFailedError, run_detection
from app.platform.settings import Settings

from .helpers import accs, active, result, run


def _snapshot(driver: Driver) -> dict[str, Any]:
    """Everything a reader of the current result sees."""
    records, _, _ = driver.execute_query(
        """
        MATCH (c:Campaign)
        OPTIONAL MATCH (c)<-[m:IN_CAMPAIGN]-(a:Account)
        WITH c, collect([a.account_id, m.membership, m.run_id]) AS members
        RETURN collect([c.campaign_id, c.active, c.status, c.score, c.last_run, members]) AS campaigns,
               COUNT { ()-[:DERIVED_FROM]->() } AS lineage, COUNT { ()-[:DETECTED_IN]->() } AS detected
        """
    )
    return dict(records[0])


def _run_status(driver: Driver, run_id: str) -> tuple[str, str]:
    records, _, _ = driver.execute_query(
        "MATCH (r:DetectionRun {run_id: $r}) RETURN r.status AS s, r.error AS e", r=run_id
    )
    return records[0]["s"], records[0]["e"]


def test_failure_in_the_finder_keeps_the_previous_result(graph: Driver, settings: Settings) -> None:
    run(settings, accs(0, 40), accs(50, 70))
    before = _snapshot(graph)

    def broken(*_args: object) -> None:
        raise RuntimeError("GDS projection ran out of memory")

    with pytest.raises(DetectionFailedError, match="ran out of memory") as info:
        run_detection(settings, finder=broken)  # type: ignore[arg-type]
    assert _snapshot(graph) == before
    assert _run_status(graph, info.value.run_id) == (
        "failed",
        "RuntimeError: GDS projection ran out of memory",
    )


def test_failure_mid_persist_rolls_back_the_whole_switch(
    graph: Driver, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(settings, accs(0, 40), accs(50, 70))
    before = _snapshot(graph)
    real_write_lineage = persist.write_lineage

    def crash_after_memberships(tx: ManagedTransaction, run_id: str, plan: Any) -> None:
        # By now the new campaigns, memberships and deactivations are written in the transaction.
        real_write_lineage(tx, run_id, plan)
        raise ConnectionError("connection lost mid-write")

    monkeypatch.setattr(persist, "write_lineage", crash_after_memberships)
    finder_result = result(accs(0, 70), accs(100, 130))  # a merge, a new campaign, memberships moved
    with pytest.raises(DetectionFailedError, match="connection lost") as info:
        run_detection(settings, finder=lambda *_: finder_result)
    assert _snapshot(graph) == before
    status, error = _run_status(graph, info.value.run_id)
    assert status == "failed"
    assert "connection lost mid-write" in error

    # The next run succeeds from the same previous state.
    monkeypatch.undo()
    summary = run_detection(settings, finder=lambda *_: finder_result)
    assert summary.merges == 1
    assert summary.new == 1
    assert len(active(graph)) == 2


def test_failure_in_attribution_rolls_back_too(
    graph: Driver, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(settings, accs(0, 40))
    before = _snapshot(graph)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise ValueError("bad label confidence")

    monkeypatch.setattr("app.detection.graph.attribution.attribute", broken)
    with pytest.raises(DetectionFailedError):
        run(settings, accs(0, 40), accs(100, 120))
    assert _snapshot(graph) == before


def test_a_run_left_running_by_a_dead_process_is_marked_failed(graph: Driver, settings: Settings) -> None:
    db = settings.neo4j_database
    ghost = runs.queue(graph, db, "cron", "schedule")
    assert runs.start(graph, db, ghost)  # ... and then its process was killed
    summary = run(settings, accs(0, 40))
    assert summary.stale_runs_failed == [ghost]
    status, error = _run_status(graph, ghost)
    assert status == "failed"
    assert error.startswith("interrupted")


def test_a_queued_run_runs_once(graph: Driver, settings: Settings) -> None:
    from app.jobs.runner import queue_run

    run_id = queue_run(settings, "alice", "api")
    assert _run_status(graph, run_id)[0] == "queued"
    summary = run_detection(settings, run_id=run_id, finder=lambda *_: result(accs(0, 40)))
    assert (summary.run_id, summary.trigger, summary.requested_by) == (run_id, "api", "alice")
    assert _run_status(graph, run_id)[0] == "succeeded"
    with pytest.raises(ValueError, match="not queued"):
        run_detection(settings, run_id=run_id, finder=lambda *_: result(accs(0, 40)))
