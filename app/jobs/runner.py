"""A detection run end to end: lock, find, switch atomically, attribute, record.

`queue_run` records a requested run; `run_next` (the worker, `app.jobs.worker`) claims the oldest queued
run and executes it; `run_detection` executes a given queued run or a fresh one (CLI `detect`). The
switch to the new result is one write transaction holding the campaigns, memberships, lineage,
`DETECTED_IN`, auto-attribution and the run's `succeeded` mark: either all of it commits or none, so a
failure anywhere leaves the previous result current and the run marked `failed` with its error.

Concurrency: runs never overlap (`app.jobs.lock`). A fresh run (CLI `detect`) refuses at once when
another run holds the lock; `run_detection(run_id=...)` waits for it, up to `QUEUED_LOCK_WAIT` seconds,
because the caller has already been told "queued"; `run_next` does not wait (the worker polls again) and
claims only once it holds the lock, so a `running` run always has a live lock holder behind it.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

from neo4j import Driver, ManagedTransaction, NotificationMinimumSeverity
from pydantic import BaseModel

from app.detection.algorithms.attribution import AttributionOutcome, AttributionParams
from app.detection.algorithms.params import DetectionParams
from app.detection.algorithms.tracking import TrackingParams
from app.detection.graph import attribution, changes, persist
from app.detection.graph.persist import PersistOutcome
from app.jobs import run_kinds, runs
from app.jobs.alerts import outbox
from app.jobs.lock import DetectionBusyError, detection_lock
from app.platform.driver import sync_driver
from app.platform.logging import get_logger
from app.platform.settings import Settings

log = get_logger(__name__)

QUEUED_LOCK_WAIT = 3600.0
# On a fresh database the planner warns about relationship types no run has created yet (IN_CAMPAIGN,
# ATTRIBUTED_TO...): expected, and noise in an operator's terminal.
QUIET = NotificationMinimumSeverity.OFF

Finder = run_kinds.Finder

__all__ = [
    "DetectionBusyError",
    "DetectionFailedError",
    "RunSummary",
    "queue_run",
    "run_detection",
    "run_next",
]


class DetectionFailedError(RuntimeError):
    def __init__(self, run_id: str, message: str) -> None:
        super().__init__(f"detection run {run_id} failed: {message}")
        self.run_id = run_id


class RunSummary(BaseModel):
    run_id: str
    status: str
    trigger: str
    requested_by: str | None
    kind: str = "full"  # what ran; `requested_kind` differs when an incremental request ran full
    requested_kind: str = "full"
    started_at: datetime
    finished_at: datetime
    campaigns: int
    new: int
    continued: int
    revived: int
    deactivated: int
    merges: int
    splits: int
    attributions_proposed: int
    timings: dict[str, float]
    graph: dict[str, int]
    stale_runs_failed: list[str] = []


def queue_run(
    settings: Settings,
    requested_by: str | None,
    trigger: str,
    *,
    kind: str = "full",
    driver: Driver | None = None,
) -> str:
    """Record a requested run (`status: queued`) and return its id; `run_detection(run_id=...)` runs it."""
    drv = driver or sync_driver(settings)
    try:
        return runs.queue(drv, settings.neo4j_database, requested_by, trigger, kind)
    finally:
        if driver is None:
            drv.close()


def run_detection(
    settings: Settings,
    run_id: str | None = None,
    requested_by: str | None = None,
    trigger: str = "cli",
    *,
    kind: str = "full",
    params: DetectionParams | None = None,
    lock_timeout: float | None = None,
    finder: Finder | None = None,
    tracking: TrackingParams | None = None,
    attribution_params: AttributionParams | None = None,
    driver: Driver | None = None,
) -> RunSummary:
    """Run detection once. Raises `DetectionBusyError` if another run holds the lock past `lock_timeout`
    (default: 0 for a fresh run, `QUEUED_LOCK_WAIT` for a queued one) and `DetectionFailedError` when the
    run failed (it is then recorded as failed and the previous result is still the current one)."""
    queued = run_id is not None
    timeout = lock_timeout if lock_timeout is not None else (QUEUED_LOCK_WAIT if queued else 0.0)
    drv = driver or sync_driver(settings)
    db = settings.neo4j_database
    try:
        if run_id is not None:
            existing = runs.get(drv, db, run_id)
            if existing is None or existing.status != "queued":
                state = existing.status if existing else "unknown"
                raise ValueError(f"run {run_id} cannot start: it is {state}, not queued")
            trigger = existing.trigger or trigger
            requested_by = existing.requested_by or requested_by
            kind = existing.requested_kind or existing.kind
        try:
            with detection_lock(settings, timeout, run_id or "(starting)") as held:
                # Inside the lock: a refused fresh run leaves no record behind.
                if run_id is None:
                    run_id = runs.queue(drv, db, requested_by, trigger, kind)
                    held.describe(run_id)
                stale = runs.fail_stale(drv, db)
                if stale:
                    log.warning("stale runs marked failed", runs=stale)
                if not runs.start(drv, db, run_id):
                    raise ValueError(f"run {run_id} is no longer queued")
                summary = _execute(
                    settings,
                    drv,
                    run_id,
                    trigger,
                    requested_by,
                    kind,
                    params,
                    finder,
                    tracking or TrackingParams(),
                    attribution_params or AttributionParams(),
                )
                summary.stale_runs_failed = stale
                return summary
        except DetectionBusyError as exc:
            if queued and run_id is not None:
                runs.fail(drv, db, run_id, str(exc))
            raise
    finally:
        if driver is None:
            drv.close()


def run_next(
    settings: Settings,
    worker: str,
    *,
    params: DetectionParams | None = None,
    finder: Finder | None = None,
    tracking: TrackingParams | None = None,
    attribution_params: AttributionParams | None = None,
    driver: Driver | None = None,
) -> RunSummary | None:
    """Claim the oldest queued run for `worker` and execute it. None when nothing is queued or another run
    holds the lock (the run then stays queued for the next attempt); raises `DetectionFailedError` when the
    claimed run failed (it is then recorded as failed)."""
    drv = driver or sync_driver(settings)
    db = settings.neo4j_database
    try:
        try:
            with detection_lock(settings, 0.0, "(claiming)") as held:
                # Claimed only inside the lock: `fail_stale` relies on a running run having a live holder.
                stale = runs.fail_stale(drv, db)
                if stale:
                    log.warning("stale runs marked failed", runs=stale)
                claimed = runs.claim(drv, db, worker)
                if claimed is None:
                    return None
                held.describe(claimed.run_id)
                summary = _execute(
                    settings,
                    drv,
                    claimed.run_id,
                    claimed.trigger or "api",
                    claimed.requested_by,
                    claimed.kind,
                    params,
                    finder,
                    tracking or TrackingParams(),
                    attribution_params or AttributionParams(),
                )
                summary.stale_runs_failed = stale
                return summary
        except DetectionBusyError:
            return None
    finally:
        if driver is None:
            drv.close()


def _execute(
    settings: Settings,
    drv: Driver,
    run_id: str,
    trigger: str,
    requested_by: str | None,
    kind: str,
    params: DetectionParams | None,
    finder: Finder | None,
    tracking: TrackingParams,
    attribution_params: AttributionParams,
) -> RunSummary:
    db = settings.neo4j_database
    started = datetime.now(UTC)
    t0 = time.perf_counter()
    timings: dict[str, float] = {}
    log.info("detection run started", run_id=run_id, trigger=trigger, kind=kind)
    try:
        plan = run_kinds.plan_run(drv, db, kind, params)
        if plan.note:
            log.info("detection run kind", run_id=run_id, kind=plan.kind, note=plan.note)
        with drv.session(database=db, notifications_min_severity=QUIET) as session:
            previous = session.execute_read(persist.read_previous)
        timings["read_previous"] = time.perf_counter() - t0

        t = time.perf_counter()
        result = run_kinds.find(plan, settings, params, previous, finder)
        timings["find"] = time.perf_counter() - t

        def switch(tx: ManagedTransaction) -> tuple[PersistOutcome, AttributionOutcome, dict[str, float]]:
            t1 = time.perf_counter()
            outcome = persist.write_result(tx, run_id, result, tracking)
            t2 = time.perf_counter()
            attributed = attribution.attribute(tx, run_id, attribution_params)
            consumed = changes.consume(tx, run_id, plan.batch_ids)
            t3 = time.perf_counter()
            outbox.raise_events(tx, run_id, outcome, attributed, settings)  # commits with the switch
            all_timings = {
                **result.timings,
                **timings,
                "persist": t2 - t1,
                "attribution": t3 - t2,
                "total": t3 - t0,
            }
            metrics: dict[str, float] = {
                **result.metrics,
                **outcome.counts(),
                "attributions_proposed": attributed.proposed,
                "attributions_removed": attributed.removed,
                "load_batches_taken_in": consumed,
            }
            run_params: dict[str, Any] = {
                **result.params,
                "tracking": tracking.model_dump(),
                "attribution": attribution_params.model_dump(),
            }
            runs.mark_succeeded(
                tx,
                run_id,
                params=run_params,
                timings=all_timings,
                graph=result.graph,
                metrics=metrics,
                campaigns=len(outcome.campaign_ids),
                kind=plan.kind,
            )
            return outcome, attributed, all_timings

        with drv.session(database=db, notifications_min_severity=QUIET) as session:
            outcome, attributed, all_timings = session.execute_write(switch)
    except BaseException as exc:
        timings["total"] = time.perf_counter() - t0
        message = f"{type(exc).__name__}: {exc}"
        try:
            runs.fail(drv, db, run_id, message, timings, params.model_dump(mode="json") if params else None)
        except Exception as record_exc:  # the database itself may be what failed
            log.error("could not record the failure", run_id=run_id, error=str(record_exc))
        log.error("detection run failed", run_id=run_id, error=message)
        if isinstance(exc, Exception):
            raise DetectionFailedError(run_id, message) from exc
        raise  # KeyboardInterrupt / SystemExit: recorded, then let them stop the process

    counts = outcome.counts()
    log.info("detection run succeeded", run_id=run_id, **counts, seconds=round(all_timings["total"], 2))
    return RunSummary(
        run_id=run_id,
        status="succeeded",
        trigger=trigger,
        requested_by=requested_by,
        kind=plan.kind,
        requested_kind=plan.requested,
        started_at=started,
        finished_at=datetime.now(UTC),
        campaigns=counts["campaigns"],
        new=counts["new"],
        continued=counts["continued"],
        revived=counts["revived"],
        deactivated=counts["deactivated"],
        merges=counts["merges"],
        splits=counts["splits"],
        attributions_proposed=attributed.proposed,
        timings={k: round(v, 4) for k, v in all_timings.items()},
        graph=result.graph,
    )
