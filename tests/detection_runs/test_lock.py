"""Runs never overlap, across processes: a second run refuses or waits, as asked."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from neo4j import Driver

from app.jobs.lock import DetectionBusyError, detection_lock, holder
from app.platform.settings import Settings

WORKER = textwrap.dedent(
    """
    import json, sys, time
    from app.platform.settings import get_settings
    from app.detection.algorithms.model import CandidateCampaign, DetectionResult
    from app.jobs.runner import DetectionBusyError, run_detection

    lock_timeout, sleep = float(sys.argv[1]), float(sys.argv[2])

    def slow_finder(settings, params, previous):
        time.sleep(sleep)
        members = {f"acc-{i:03d}": 1.0 for i in range(10)}
        return DetectionResult(
            campaigns=[CandidateCampaign(members=members, score=0.9, features={})],
            params={}, timings={}, graph={},
        )

    try:
        summary = run_detection(get_settings(), lock_timeout=lock_timeout, finder=slow_finder)
        print(json.dumps({"ok": summary.run_id}))
    except DetectionBusyError as exc:
        print(json.dumps({"busy": str(exc)}))
    """
)


def _spawn(script: Path, lock_timeout: float, sleep: float) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(script), str(lock_timeout), str(sleep)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )


def _answer(proc: subprocess.Popen[str]) -> dict[str, str]:
    out, _ = proc.communicate(timeout=180)
    assert proc.returncode == 0
    return dict(json.loads(out.strip().splitlines()[-1]))


def test_runs_in_two_processes_never_overlap(graph: Driver, settings: Settings, tmp_path: Path) -> None:
    script = tmp_path / "worker.py"
    script.write_text(WORKER, encoding="utf-8")
    first = _spawn(script, 0, 6)
    deadline = time.monotonic() + 120
    while not (holder(settings) or {}).get("run", "").startswith("R-"):
        assert time.monotonic() < deadline, "the first run never took the lock"
        assert first.poll() is None, "the first run ended before taking the lock"
        time.sleep(0.1)
    running = holder(settings)
    assert running is not None
    refused = _spawn(script, 0, 0)  # refuses at once
    waiting = _spawn(script, 170, 0)  # waits for the first to finish

    a, b, c = _answer(first), _answer(refused), _answer(waiting)
    assert "ok" in a
    assert "ok" in c
    assert a["ok"] == running["run"]
    assert "another detection run is in progress" in b["busy"]
    assert a["ok"] in b["busy"]

    records, _, _ = graph.execute_query(
        "MATCH (r:DetectionRun) RETURN r.run_id AS id, r.status AS s, r.started_at AS start, "
        "r.finished_at AS end ORDER BY start"
    )
    assert [(r["id"], r["s"]) for r in records] == [(a["ok"], "succeeded"), (c["ok"], "succeeded")]
    assert records[0]["end"] <= records[1]["start"]


def test_threads_of_one_process_exclude_each_other(settings: Settings) -> None:
    with detection_lock(settings, 0, "outer"):
        assert (holder(settings) or {}).get("run") == "outer"
        with pytest.raises(DetectionBusyError, match="run outer"), detection_lock(settings, 0, "inner"):
            pass
    assert holder(settings) is None
    with detection_lock(settings, 0, "again"):
        pass
