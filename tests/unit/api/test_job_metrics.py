"""Detection-run and load metrics without a database: the families built from the graph's rows and the
load ledger, the cache, and what a scrape shows when a source cannot be read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.parser import text_string_to_metric_families

from app.api.job_metrics import RUN_BUCKETS, JobMetrics
from app.platform.runner import Row
from loaders.ledger import ledger_path, read_totals, record_load
from loaders.report import FileReport, LoadReport
from tests.unit.fakes import FakeRunner


def _row(status: str, trigger: str, durations: list[float], last: float | None = None) -> Row:
    """What `api/metrics_runs` returns for one status and trigger."""
    return {
        "status": status,
        "trigger": trigger,
        "runs": len(durations),
        "timed": len(durations),
        "seconds": sum(durations),
        "buckets": [sum(1 for d in durations if d <= b) for b in RUN_BUCKETS],
        "last_finished": last,
    }


async def _samples(jobs: JobMetrics) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    registry = CollectorRegistry()
    registry.register(await jobs.collector())
    text = generate_latest(registry).decode()
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def _key(name: str, **labels: str) -> tuple[str, frozenset[tuple[str, str]]]:
    return name, frozenset(labels.items())


def _report(*files: tuple[str, int, int, int]) -> LoadReport:
    report = LoadReport(directory="in")
    report.files = [
        FileReport(file=f"{kind}.csv", kind=kind, read=r, loaded=ld, rejected=rj) for kind, r, ld, rj in files
    ]
    return report


@pytest.mark.asyncio
async def test_runs_by_status_and_trigger_with_durations(tmp_path: Path) -> None:
    graph = FakeRunner(strict=True)
    graph.answer(
        "api/metrics_runs",
        [
            _row("failed", "api", [5.0]),
            _row("queued", "schedule", [0.0, 0.0]) | {"timed": 0, "seconds": 0.0, "buckets": [0] * 10},
            _row("succeeded", "cli", [45.0, 400.0], last=1_700_000_000.0),
            _row("succeeded", "schedule", [90.0], last=1_700_000_500.0),
        ],
    )
    s = await _samples(JobMetrics(graph, tmp_path, ttl=60))
    assert graph.only_call().params == {"buckets": list(RUN_BUCKETS)}
    assert s[_key("linkwatch_detection_metrics_up")] == 1
    assert s[_key("linkwatch_detection_runs_total", status="succeeded", trigger="cli")] == 2
    assert s[_key("linkwatch_detection_runs_total", status="succeeded", trigger="schedule")] == 1
    assert s[_key("linkwatch_detection_runs_total", status="failed", trigger="api")] == 1
    # Queued and running runs are not finished: a gauge, since they leave those states.
    assert _key("linkwatch_detection_runs_total", status="queued", trigger="schedule") not in s
    assert s[_key("linkwatch_detection_runs_unfinished", status="queued", trigger="schedule")] == 2
    hist = "linkwatch_detection_run_duration_seconds"
    assert s[_key(f"{hist}_count", status="succeeded")] == 3
    assert s[_key(f"{hist}_sum", status="succeeded")] == 535.0
    assert s[_key(f"{hist}_bucket", status="succeeded", le="60.0")] == 1
    assert s[_key(f"{hist}_bucket", status="succeeded", le="120.0")] == 2
    assert s[_key(f"{hist}_bucket", status="succeeded", le="+Inf")] == 3
    assert s[_key(f"{hist}_bucket", status="failed", le="10.0")] == 1
    assert s[_key("linkwatch_detection_last_success_timestamp_seconds")] == 1_700_000_500.0
    # No load has finished yet: zero loads, no rows, no timestamp.
    assert s[_key("linkwatch_loads_total")] == 0
    assert not [k for k in s if k[0].startswith("linkwatch_load_")]


@pytest.mark.asyncio
async def test_an_unreadable_graph_leaves_run_series_absent_not_zero(tmp_path: Path) -> None:
    class Down(FakeRunner):
        async def fetch(self, name: str, /, **params: Any) -> list[Row]:
            raise OSError("connection refused")

    s = await _samples(JobMetrics(Down(), tmp_path, ttl=0))
    assert s[_key("linkwatch_detection_metrics_up")] == 0
    assert not [k for k in s if k[0].startswith("linkwatch_detection_run")]
    assert s[_key("linkwatch_loads_total")] == 0  # the other source still answers


@pytest.mark.asyncio
async def test_the_graph_is_read_at_most_once_per_ttl(tmp_path: Path) -> None:
    graph = FakeRunner()
    jobs = JobMetrics(graph, tmp_path, ttl=3600)
    for _ in range(3):
        await jobs.collector()
    assert graph.names() == ["api/metrics_runs"]
    jobs.ttl = 0
    await jobs.collector()
    assert graph.names() == ["api/metrics_runs"] * 2


@pytest.mark.asyncio
async def test_load_rows_add_up_over_finished_loads(tmp_path: Path) -> None:
    record_load(tmp_path, _report(("accounts", 100, 98, 2), ("ip_links", 50, 50, 0)), finished=10.0)
    record_load(tmp_path, _report(("accounts", 10, 9, 1), ("labels", 3, 3, 0)), finished=20.0)
    assert ledger_path(tmp_path).stat().st_mode & 0o777 == 0o600
    assert read_totals(tmp_path).loads == 2
    s = await _samples(JobMetrics(FakeRunner(), tmp_path, ttl=0))
    rows = "linkwatch_load_rows_total"
    assert s[_key(rows, kind="accounts", outcome="read")] == 110
    assert s[_key(rows, kind="accounts", outcome="loaded")] == 107
    assert s[_key(rows, kind="accounts", outcome="rejected")] == 3
    assert s[_key(rows, kind="ip_links", outcome="rejected")] == 0
    assert s[_key(rows, kind="labels", outcome="loaded")] == 3
    assert s[_key("linkwatch_loads_total")] == 2
    assert s[_key("linkwatch_load_last_finished_timestamp_seconds")] == 20.0


@pytest.mark.asyncio
async def test_an_unreadable_ledger_leaves_load_series_absent(tmp_path: Path) -> None:
    ledger_path(tmp_path).parent.mkdir(parents=True)
    ledger_path(tmp_path).write_text("{not json", encoding="utf-8")
    s = await _samples(JobMetrics(FakeRunner(), tmp_path, ttl=0))
    assert not [k for k in s if k[0].startswith("linkwatch_load")]
    assert s[_key("linkwatch_detection_metrics_up")] == 1
