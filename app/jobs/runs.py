"""`DetectionRun` bookkeeping: queued -> running -> succeeded | failed, and the run history.

A run is `running` only while the process executing it holds the detection lock (`app.jobs.lock`): it is
marked running (`start`, `claim`) inside the lock, so a `running` run seen by the lock holder is stale.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
from datetime import UTC, datetime
from typing import Any

from neo4j import Driver, ManagedTransaction
from pydantic import BaseModel

from app.platform.cypher import q

STALE_ERROR = (
    "interrupted: the process running it ended before it finished "
    "(found by the next process to take the detection lock)"
)


class RunRecord(BaseModel):
    run_id: str
    status: str
    trigger: str | None = None
    requested_by: str | None = None
    # What ran (`full` | `incremental`) and what was asked for: an incremental request with no full run
    # before it runs full. Runs recorded before kinds existed were full runs.
    kind: str = "full"
    requested_kind: str | None = None
    queued_at: datetime | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    campaigns: int | None = None
    error: str | None = None
    params: dict[str, Any] = {}
    timings: dict[str, float] = {}
    graph: dict[str, int] = {}
    metrics: dict[str, float] = {}

    @property
    def duration_s(self) -> float | None:
        if self.started_at and self.finished_at:
            return (self.finished_at - self.started_at).total_seconds()
        return None


RUN_KINDS = ("full", "incremental")


def run_kind(kind: str) -> str:
    if kind not in RUN_KINDS:
        raise ValueError(f"unknown run kind {kind!r}: use one of {', '.join(RUN_KINDS)}")
    return kind


def new_run_id(now: datetime | None = None) -> str:
    """Sortable by time, unique across processes: `R-20260101T060000Z-3fa9c1`."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    return f"R-{stamp}-{secrets.token_hex(3)}"


def queue(driver: Driver, database: str, requested_by: str | None, trigger: str, kind: str = "full") -> str:
    run_id = new_run_id()
    driver.execute_query(
        q("detection/run_queue"),
        run_id=run_id,
        requested_by=requested_by,
        trigger=trigger,
        kind=run_kind(kind),
        database_=database,
    )
    return run_id


def queue_unless_pending(
    driver: Driver, database: str, requested_by: str | None, trigger: str, kind: str = "full"
) -> str | None:
    """Queue a run unless one with the same trigger is queued or running; None when skipped."""
    records, _, _ = driver.execute_query(
        q("detection/run_queue_unless_pending"),
        run_id=new_run_id(),
        requested_by=requested_by,
        trigger=trigger,
        kind=run_kind(kind),
        database_=database,
    )
    return str(records[0]["run_id"]) if records else None


class Claim(BaseModel):
    run_id: str
    trigger: str | None = None
    requested_by: str | None = None
    kind: str = "full"


def claim(driver: Driver, database: str, worker: str) -> Claim | None:
    """Mark the oldest queued run running for `worker`; None when nothing is queued (or a concurrent claim
    took the candidate first: the caller simply tries again at its next poll)."""
    records, _, _ = driver.execute_query(
        q("detection/run_claim"),
        pid=os.getpid(),
        host=socket.gethostname(),
        worker=worker,
        database_=database,
    )
    return Claim.model_validate(dict(records[0])) if records else None


def get(driver: Driver, database: str, run_id: str) -> RunRecord | None:
    records, _, _ = driver.execute_query(q("detection/run_get"), run_id=run_id, database_=database)
    return _record(records[0]["run"]) if records else None


def start(driver: Driver, database: str, run_id: str) -> bool:
    records, _, _ = driver.execute_query(
        q("detection/run_start"),
        run_id=run_id,
        pid=os.getpid(),
        host=socket.gethostname(),
        database_=database,
    )
    return bool(records)


def fail(
    driver: Driver,
    database: str,
    run_id: str,
    error: str,
    timings: dict[str, float] | None = None,
    params: dict[str, Any] | None = None,
) -> None:
    driver.execute_query(
        q("detection/run_fail"),
        run_id=run_id,
        error=error[:4000],
        timings=json.dumps(timings or {}, sort_keys=True),
        params=json.dumps(params, sort_keys=True) if params is not None else None,
        database_=database,
    )


def fail_stale(driver: Driver, database: str) -> list[str]:
    """Only called while holding the detection lock, so no run can really be running."""
    records, _, _ = driver.execute_query(q("detection/run_fail_stale"), error=STALE_ERROR, database_=database)
    return [r["run_id"] for r in records]


def mark_succeeded(
    tx: ManagedTransaction,
    run_id: str,
    *,
    params: dict[str, Any],
    timings: dict[str, float],
    graph: dict[str, int],
    metrics: dict[str, float],
    campaigns: int,
    kind: str = "full",
) -> None:
    tx.run(
        q("detection/run_succeed"),
        run_id=run_id,
        kind=run_kind(kind),
        params=json.dumps(params, sort_keys=True, default=str),
        timings=json.dumps({k: round(v, 4) for k, v in timings.items()}, sort_keys=True),
        graph=json.dumps(graph, sort_keys=True),
        metrics=json.dumps(metrics, sort_keys=True),
        campaigns=campaigns,
    ).consume()


def history(driver: Driver, database: str, limit: int = 20) -> list[RunRecord]:
    records, _, _ = driver.execute_query(q("detection/run_list"), limit=limit, database_=database)
    return [_record(r["run"]) for r in records]


def _record(props: dict[str, Any]) -> RunRecord:
    data = dict(props)
    for key in ("queued_at", "started_at", "finished_at"):
        value = data.get(key)
        if value is not None and hasattr(value, "to_native"):
            data[key] = value.to_native()
    for key in ("params", "timings", "graph", "metrics"):
        raw = data.get(key)
        data[key] = json.loads(raw) if isinstance(raw, str) and raw else {}
    return RunRecord.model_validate(data)
