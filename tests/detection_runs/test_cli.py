"""`linkwatch detect`, `runs`, `schedule`, `worker` and `export campaigns` against the real database."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
import structlog
from neo4j import Driver
from typer.testing import CliRunner

from app.cli import cli
from app.detection import pipeline
from app.platform.settings import Settings

from .helpers import accs, active, id_of, result, run

runner = CliRunner(env={"COLUMNS": "200"})


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    # The CLI points structlog at the runner's captured stderr, which is closed after each invoke.
    yield
    structlog.reset_defaults()


@pytest.fixture
def fixed_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "find_campaigns", lambda *_: result(accs(0, 12), accs(20, 25)))


@pytest.mark.usefixtures("fixed_pipeline")
def test_detect_prints_the_campaigns(graph: Driver) -> None:
    res = runner.invoke(cli, ["detect"])
    assert res.exit_code == 0, res.output
    ids = active(graph)
    for cid in ids:
        assert cid in res.stdout
    assert "software_engineering" in res.stdout
    assert "2 campaigns (2 new" in res.output
    # Strongest first: both score 0.8, so by id; sizes are shown.
    assert " 12 " in res.stdout
    assert " 5 " in res.stdout


@pytest.mark.usefixtures("fixed_pipeline")
def test_runs_lists_the_history(graph: Driver) -> None:
    assert runner.invoke(cli, ["detect"]).exit_code == 0
    graph.execute_query("CREATE (:DetectionRun {run_id: 'R-old', status: 'failed', error: 'boom'})")
    res = runner.invoke(cli, ["runs"])
    assert res.exit_code == 0, res.output
    assert "succeeded" in res.stdout
    assert "R-old" in res.stdout
    assert "boom" in res.stdout


def test_detect_refuses_while_another_run_holds_the_lock(graph: Driver, settings: Settings) -> None:
    from app.jobs.lock import detection_lock

    with detection_lock(settings, 0, "R-busy"):
        res = runner.invoke(cli, ["detect"])
    assert res.exit_code == 2
    assert "another detection run is in progress: run R-busy" in res.output.replace("\n", " ")


def test_detect_reports_a_failed_run(graph: Driver, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("projection failed")

    monkeypatch.setattr(pipeline, "find_campaigns", broken)
    res = runner.invoke(cli, ["detect"])
    assert res.exit_code == 1
    assert "projection failed" in res.output
    assert "previous result is still the current one" in res.output.replace("\n", " ")


@pytest.mark.usefixtures("fixed_pipeline")
def test_schedule_runs_the_given_number_of_times(graph: Driver) -> None:
    res = runner.invoke(cli, ["schedule", "--every", "1s", "--max-runs", "2"])
    assert res.exit_code == 0, res.output
    records, _, _ = graph.execute_query(
        "MATCH (r:DetectionRun) RETURN r.status AS s, r.trigger AS t, r.metrics AS m ORDER BY r.started_at"
    )
    assert [(r["s"], r["t"]) for r in records] == [("succeeded", "schedule")] * 2
    assert '"continued": 2' in records[1]["m"]


def test_schedule_rejects_bad_arguments() -> None:
    assert runner.invoke(cli, ["schedule"]).exit_code == 2
    assert runner.invoke(cli, ["schedule", "--every", "6x"]).exit_code == 2
    assert runner.invoke(cli, ["schedule", "--cron", "not cron"]).exit_code == 2
    assert runner.invoke(cli, ["schedule", "--every", "1h", "--cron", "0 * * * *"]).exit_code == 2
    assert runner.invoke(cli, ["worker", "--every", "1h", "--cron", "0 * * * *"]).exit_code == 2
    assert runner.invoke(cli, ["worker", "--poll", "0s"]).exit_code == 2


@pytest.mark.usefixtures("fixed_pipeline")
def test_worker_executes_queued_runs(graph: Driver, settings: Settings) -> None:
    from app.jobs.runner import queue_run

    queued = [queue_run(settings, "alice", "api", driver=graph) for _ in range(2)]
    res = runner.invoke(cli, ["worker", "--max-runs", "2", "--poll", "1s"])
    assert res.exit_code == 0, res.output
    assert "worker stopped after 2 run(s)" in res.output
    records, _, _ = graph.execute_query(
        "MATCH (r:DetectionRun) RETURN r.run_id AS id, r.status AS s ORDER BY r.started_at"
    )
    assert [(r["id"], r["s"]) for r in records] == [(run_id, "succeeded") for run_id in queued]


def test_schedule_stops_on_sigterm(settings: Settings) -> None:
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "linkwatch"), "schedule", "--every", "6h", "--no-now"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=os.environ.copy(),
        cwd=Path(__file__).resolve().parents[2],
    )
    assert proc.stdout is not None
    deadline = time.monotonic() + 120
    lines = []
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        lines.append(line)
        if "next scheduled run" in line or not line:
            break
    proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=60)
    text = "".join(lines) + out
    assert proc.returncode == 0, text
    assert "worker stopped after 0 run(s)" in text


def test_worker_detaches_and_stops(graph: Driver, settings: Settings) -> None:
    pid_file = settings.home / "run" / "worker.pid"
    res = runner.invoke(cli, ["worker", "--detach", "--poll", "1s"])
    assert res.exit_code == 0, res.output
    assert "worker up" in res.output
    pid = int(pid_file.read_text())
    os.kill(pid, 0)
    assert runner.invoke(cli, ["worker", "--detach"]).exit_code == 1  # one at a time
    res = runner.invoke(cli, ["worker-stop", "--timeout", "60"])
    assert res.exit_code == 0, res.output
    assert not pid_file.exists()
    # Started from this process, so it lingers as a zombie until reaped: exited all the same.
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    assert "worker stopped after 0 run(s)" in (settings.home / "logs" / "worker.log").read_text()


def test_export_campaigns_csv(graph: Driver, settings: Settings, tmp_path: Path) -> None:
    run(settings, accs(0, 3), accs(10, 12), accs(20, 22))
    now = active(graph)
    attributed, plain, gone = id_of(now, accs(0, 3)), id_of(now, accs(10, 12)), id_of(now, accs(20, 22))
    graph.execute_query(
        """
        MATCH (c:Campaign {campaign_id: $attributed})
        CREATE (a:Actor {actor_id: 'lab-a', name: 'Lab A'}), (b:Actor {actor_id: 'lab-b', name: 'Lab B'}),
               (r:Actor {actor_id: 'lab-r', name: 'Lab R'})
        CREATE (c)-[:ATTRIBUTED_TO {source: 'auto', status: 'proposed', confidence: 0.95}]->(b),
               (c)-[:ATTRIBUTED_TO {source: 'analyst', status: 'confirmed', confidence: 0.6}]->(a),
               (c)-[:ATTRIBUTED_TO {source: 'auto', status: 'rejected', confidence: 0.99}]->(r)
        WITH c MATCH (d:Campaign {campaign_id: $plain}) SET d.status = 'dismissed'
        """,
        attributed=attributed,
        plain=plain,
    )
    run(settings, accs(0, 3), accs(10, 12))  # `gone` is no longer found: not exported
    out = tmp_path / "out" / "campaigns.csv"
    res = runner.invoke(cli, ["export", "campaigns", "--out", str(out)])
    assert res.exit_code == 0, res.output
    with out.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == [
        "campaign_id",
        "account_id",
        "campaign_score",
        "membership",
        "status",
        "actor",
        "attribution_confidence",
    ]
    expected = [
        {
            "campaign_id": attributed,
            "account_id": a,
            "campaign_score": "0.8000",
            "membership": "0.9000",
            "status": "candidate",
            "actor": "Lab A",
            "attribution_confidence": "0.6000",
        }
        for a in sorted(accs(0, 3))
    ] + [
        {
            "campaign_id": plain,
            "account_id": a,
            "campaign_score": "0.8000",
            "membership": "0.9000",
            "status": "dismissed",
            "actor": "",
            "attribution_confidence": "",
        }
        for a in sorted(accs(10, 12))
    ]
    assert sorted(rows, key=lambda r: (r["campaign_id"], r["account_id"])) == sorted(
        expected, key=lambda r: (r["campaign_id"], r["account_id"])
    )
    assert gone not in out.read_text(encoding="utf-8")
    assert "wrote 5 rows" in res.output
