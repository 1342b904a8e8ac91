"""Which kind of run executes, and what it reads: a full recompute or an incremental one.

Every run, whatever its kind, reads the pending load batches first (`app.detection.graph.changes`) and
consumes them in its switch transaction, so the next incremental run starts exactly where the last
successful run of either kind stopped. An incremental request runs as a full run when no full run with
recorded kinds has succeeded yet: there is no reference to carry campaigns over from (an empty or
bulk-loaded store, or a store detected before kinds existed, whose loads stamped nothing).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from neo4j import Driver

from app.detection.algorithms.model import DetectionResult
from app.detection.algorithms.params import DetectionParams
from app.detection.algorithms.tracking import PreviousCampaign, seeds_from
from app.detection.graph import changes
from app.platform.runner import SessionRunner
from app.platform.settings import Settings

Finder = Callable[[Settings, DetectionParams | None, dict[str, int] | None], DetectionResult]
IncrementalFinder = Callable[
    [Settings, DetectionParams | None, Sequence[PreviousCampaign], Collection[str]], DetectionResult
]


@dataclass(frozen=True)
class RunPlan:
    kind: str  # what runs: "full" | "incremental"
    requested: str
    batch_ids: list[str]  # pending load batches this run takes in
    changed: list[str]  # accounts those batches can change the pairs of (incremental runs only)

    @property
    def note(self) -> str | None:
        if self.kind != self.requested:
            return "no earlier full run to build on: ran a full run instead"
        return None


def plan_run(driver: Driver, database: str, requested: str, params: DetectionParams | None = None) -> RunPlan:
    with driver.session(database=database, notifications_min_severity="OFF") as session:
        runner = SessionRunner(session)
        # Batch ids before accounts: a batch committing in between is left pending for the next run.
        batch_ids = changes.pending_batches(runner)
        if requested == "incremental" and not runner.run("detection/run_last_full"):
            return RunPlan("full", requested, batch_ids, [])
        changed = changes.changed_accounts(runner, batch_ids, params) if requested == "incremental" else []
    return RunPlan(requested, requested, batch_ids, changed)


def find(
    plan: RunPlan,
    settings: Settings,
    params: DetectionParams | None,
    previous: Sequence[PreviousCampaign],
    finder: Finder | None,
    incremental_finder: IncrementalFinder | None = None,
) -> DetectionResult:
    if plan.kind == "incremental":
        return (incremental_finder or _default_incremental())(settings, params, previous, plan.changed)
    return (finder or _default_finder())(settings, params, seeds_from(previous) or None)


def _default_finder() -> Finder:
    # Looked up at call time so tests and benchmarks can swap the pipeline module's function.
    from app.detection import pipeline

    return pipeline.find_campaigns


def _default_incremental() -> IncrementalFinder:
    from app.detection import incremental

    return incremental.find_incremental
