"""Metrics of work done outside the API: detection runs (read from the graph) and loads (from the ledger).

Runs execute in `linkwatch worker` or `linkwatch detect`, loads in `linkwatch load`, possibly on another
host and in processes that exit. Counting them in those processes would lose them at exit and miss
`serve`'s emptied multiprocess folder, so the scrape reads the durable records instead: the
`DetectionRun` nodes (restart-proof, and the same numbers on every API host) and the load ledger
(`loaders/ledger.py`). Each worker reads them at most once per `ttl` seconds; the values are the same
whichever worker answers, so they are never summed across workers.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from prometheus_client.core import (
    CounterMetricFamily,
    GaugeMetricFamily,
    HistogramMetricFamily,
    Metric,
)
from prometheus_client.registry import Collector

from app.platform.runner import AsyncQueryRunner, Row
from app.services import runs as run_service
from loaders.ledger import OUTCOMES, LoadTotals, read_totals

logger = logging.getLogger(__name__)

# A run takes from seconds (a small graph) to an hour or more (a large one).
RUN_BUCKETS = (10.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1200.0, 1800.0, 3600.0, 7200.0)
FINISHED = ("succeeded", "failed")


@dataclass
class Snapshot:
    runs: list[Row] | None = None  # None: the graph could not be read
    loads: LoadTotals | None = field(default_factory=LoadTotals)  # None: the ledger could not be read


def run_families(rows: list[Row] | None) -> Iterator[Metric]:
    up = GaugeMetricFamily(
        "linkwatch_detection_metrics_up",
        "1 when the detection-run metrics below could be read from the graph at this scrape, 0 otherwise.",
    )
    up.add_metric([], 0.0 if rows is None else 1.0)
    yield up
    if rows is None:
        return  # absent rather than stale or zero: a counter that dropped to 0 would read as a reset
    total = CounterMetricFamily(
        "linkwatch_detection_runs",
        "Finished detection runs, by status (succeeded / failed) and trigger.",
        labels=["status", "trigger"],
    )
    unfinished = GaugeMetricFamily(
        "linkwatch_detection_runs_unfinished",
        "Detection runs queued or running now, by status and trigger.",
        labels=["status", "trigger"],
    )
    duration = HistogramMetricFamily(
        "linkwatch_detection_run_duration_seconds",
        "Time from start to finish of finished detection runs, by status.",
        labels=["status"],
    )
    last_success = GaugeMetricFamily(
        "linkwatch_detection_last_success_timestamp_seconds",
        "When the last successful detection run finished (unix time); absent before the first.",
    )
    per_status: dict[str, tuple[list[int], int, float]] = {}
    newest: float | None = None
    for row in rows:
        status, trigger = str(row["status"]), str(row["trigger"])
        if status not in FINISHED:
            unfinished.add_metric([status, trigger], float(row["runs"]))
            continue
        total.add_metric([status, trigger], float(row["runs"]))
        counts, timed, seconds = per_status.get(status, ([0] * len(RUN_BUCKETS), 0, 0.0))
        per_status[status] = (
            [a + int(b) for a, b in zip(counts, row["buckets"], strict=True)],
            timed + int(row["timed"]),
            seconds + float(row["seconds"]),
        )
        if status == "succeeded" and row["last_finished"] is not None:
            newest = max(newest or 0.0, float(row["last_finished"]))
    for status, (counts, timed, seconds) in sorted(per_status.items()):
        buckets = [(str(b), float(c)) for b, c in zip(RUN_BUCKETS, counts, strict=True)]
        duration.add_metric([status], [*buckets, ("+Inf", float(timed))], seconds)
    if newest is not None:
        last_success.add_metric([], newest)
    yield from (total, unfinished, duration, last_success)


def load_families(totals: LoadTotals | None) -> Iterator[Metric]:
    if totals is None:
        return
    rows = CounterMetricFamily(
        "linkwatch_load_rows",
        "Input rows of finished loads, by file kind and outcome (read / loaded / rejected).",
        labels=["kind", "outcome"],
    )
    for kind, counts in sorted(totals.rows.items()):
        for outcome in OUTCOMES:
            rows.add_metric([kind, outcome], float(counts[outcome]))
    loads = CounterMetricFamily("linkwatch_loads", "Finished `linkwatch load` runs on this LINKWATCH_HOME.")
    loads.add_metric([], float(totals.loads))
    yield rows
    yield loads
    if totals.last_finished is not None:
        last = GaugeMetricFamily(
            "linkwatch_load_last_finished_timestamp_seconds", "When the last load finished (unix time)."
        )
        last.add_metric([], totals.last_finished)
        yield last


class _Fixed(Collector):
    def __init__(self, families: Iterable[Metric]) -> None:
        self._families = list(families)

    def collect(self) -> Iterable[Metric]:
        return self._families


class JobMetrics:
    """The detection-run and load metrics of one API worker, re-read at most every `ttl` seconds."""

    def __init__(self, graph: AsyncQueryRunner, home: Path, ttl: float) -> None:
        self.graph = graph
        self.home = home
        self.ttl = ttl
        self._lock = asyncio.Lock()
        self._read_at = float("-inf")
        self._snapshot = Snapshot()

    async def collector(self) -> Collector:
        async with self._lock:
            # Scrapes that waited for the lock reuse what the one before them just read.
            if time.monotonic() - self._read_at >= self.ttl:
                self._snapshot = await self._read()
                self._read_at = time.monotonic()
        snap = self._snapshot
        return _Fixed([*run_families(snap.runs), *load_families(snap.loads)])

    async def _read(self) -> Snapshot:
        runs: list[Row] | None
        loads: LoadTotals | None
        try:
            runs = await run_service.stats(self.graph, list(RUN_BUCKETS))
        except Exception as exc:  # Neo4j down must not take the API's own metrics with it
            logger.warning("detection-run metrics unavailable: %s", type(exc).__name__)
            runs = None
        try:
            loads = read_totals(self.home)
        except (OSError, ValueError) as exc:
            logger.warning("load metrics unavailable: %s", type(exc).__name__)
            loads = None
        return Snapshot(runs=runs, loads=loads)
