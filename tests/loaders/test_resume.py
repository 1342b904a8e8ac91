"""A load killed mid-way (SIGKILL) and run again ends exactly like one clean load: no duplicates, no gaps.

Runs the real `linkwatch load` command on the generator's demo scenario, with small batches so there is
time to kill it once while it writes entity files and once while it writes mined request usage.
"""

from __future__ import annotations

import csv
import itertools
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from neo4j import Driver

from app.platform.settings import Settings
from loaders.graph import GraphWriter
from loaders.mining.load import template_resolver
from loaders.settings import LoadSettings

from .conftest import counts, reset_state, run_load, snapshot

LINKWATCH = str(Path(sys.executable).parent / "linkwatch")
BATCH = "15"


def _markers(driver: Driver, prefix_kind: str) -> int:
    with driver.session() as s:
        rec = s.run(
            "MATCH (b:LoadBatch) WHERE b.kind STARTS WITH $k AND b.rows IS NOT NULL RETURN count(b) AS n",
            k=prefix_kind,
        ).single()
        return int(rec["n"]) if rec else 0


def _run_until(directory: Path, driver: Driver, kind: str, at_least: int, timeout: float = 120.0) -> bool:
    """Starts a load and SIGKILLs it once `at_least` batches of `kind` are committed. False if it finished."""
    env = {**os.environ, "LINKWATCH_LOAD_BATCH_SIZE": BATCH}
    proc = subprocess.Popen(
        [LINKWATCH, "load", str(directory)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                return False
            if _markers(driver, kind) >= at_least:
                proc.send_signal(signal.SIGKILL)
                proc.wait(30)
                return True
            time.sleep(0.05)
        raise AssertionError(f"no {kind} batches within {timeout}s")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(30)


def test_kill_and_rerun_equals_one_clean_load(demo_dir: Path, fresh: Driver, settings: Settings) -> None:
    killed_early = _run_until(demo_dir, fresh, "accounts", 10)
    partial = counts(fresh)
    killed_in_requests = _run_until(demo_dir, fresh, "requests.", 3)
    assert killed_early, "the load finished before it could be killed"
    assert killed_in_requests, "the load finished before it could be killed"
    assert partial.get("rel:SENT", 0) == 0  # the first kill really left the load half done

    done = subprocess.run(
        [LINKWATCH, "load", str(demo_dir)],
        env={**os.environ, "LINKWATCH_LOAD_BATCH_SIZE": BATCH},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "resumed" in done.stderr
    resumed, resumed_counts = snapshot(fresh), counts(fresh)

    from tests.conftest import wipe

    wipe(fresh)
    reset_state(settings)
    run_load(demo_dir, fresh, settings)  # default batch size: the result must not depend on it
    assert counts(fresh) == resumed_counts
    assert snapshot(fresh) == resumed
    _templates_match_generated_families(demo_dir, fresh, settings)


def _templates_match_generated_families(demo_dir: Path, driver: Driver, settings: Settings) -> None:
    """The generator's labelled prompts resolve to mined templates without mixing families.

    Precision is over all labelled prompts (a template must never join two families: that would link
    unrelated accounts); recall over the families the log actually contains (the small demo log holds
    only some campaign families, and prompts of absent ones have no paraphrase chain to join them).
    """
    rows = list(csv.DictReader((demo_dir / "prompt_truth.csv").read_text(encoding="utf-8").splitlines()))
    ls = LoadSettings()
    resolve = template_resolver(GraphWriter(driver, settings.neo4j_database), settings.home / "state", ls)
    mined = {r["t"] for r in driver.session().run("MATCH (t:PromptTemplate) RETURN t.template_id AS t")}
    pred = [resolve(r["prompt"])[0] for r in rows]
    truth = [r["family_id"] for r in rows]
    present = {f for f, p in zip(truth, pred, strict=True) if p in mined}
    assert len(present) >= 10
    tp = fp = fn = 0
    for i, j in itertools.combinations(range(len(rows)), 2):
        same_pred, same_truth = pred[i] == pred[j], truth[i] == truth[j]
        fp += same_pred and not same_truth
        if truth[i] in present:
            tp += same_pred and same_truth
            fn += same_truth and not same_pred
    assert fp == 0
    assert tp / (tp + fn) >= 0.8
