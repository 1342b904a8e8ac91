"""Incremental runs against the full recompute (issue 18, items 1-2), on real data split by time.

`standard` at test size is cut at the last tenth of its request log (`scenarios/time_split.py`): the
earlier part is loaded and detected in full, the later part loaded and detected incrementally, and a full
run on the same data is the reference.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from neo4j import Driver
from rich.console import Console

from app.detection.graph import changes
from app.jobs import runs
from app.jobs.runner import RunSummary, run_detection
from app.platform.runner import SessionRunner
from app.platform.settings import Settings
from loaders.pipeline import load_directory
from loaders.settings import get_load_settings
from scenarios.quality import evaluate, read_truth
from scenarios.standard.generator import simulate
from scenarios.time_split import TimeSplit, split_by_time
from tests.conftest import wipe
from tests.detection.conftest import TEST_ACCOUNTS

from .helpers import active


@dataclass(frozen=True)
class Story:
    split: TimeSplit
    truth: dict[str, str]
    first: RunSummary  # an incremental request on a store never detected in full
    incremental: RunSummary
    full: RunSummary
    before: dict[str, set[str]]  # active campaigns after each run
    after_incremental: dict[str, set[str]]
    after_full: dict[str, set[str]]
    stamped: set[str]  # new accounts and accounts with a new link in the later load
    changed: set[str]  # of those, the accounts whose pairs the new data can change
    pending_after: int


def _load(driver: Driver, settings: Settings, directory: Path) -> None:
    load_directory(directory, driver, settings, get_load_settings(), Console(quiet=True))


def _stamped(driver: Driver) -> set[str]:
    records, _, _ = driver.execute_query(
        "MATCH (b:LoadBatch) WHERE b.detected_run IS NULL AND b.rows IS NOT NULL "
        "CALL (b) { MATCH (a:Account {load_batch: b.batch_id}) RETURN a "
        "UNION MATCH (a:Account)-[{load_batch: b.batch_id}]->() RETURN a } "
        "RETURN DISTINCT a.account_id AS id"
    )
    return {r["id"] for r in records}


def _changed(driver: Driver) -> set[str]:
    with driver.session() as session:
        runner = SessionRunner(session)
        return set(changes.changed_accounts(runner, changes.pending_batches(runner)))


@pytest.fixture(scope="module")
def story(driver: Driver, settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Story:
    wipe(driver)
    root = tmp_path_factory.mktemp("incremental")
    simulate(root / "all", scenario="standard", accounts=TEST_ACCOUNTS, seed=7)
    split = split_by_time(root / "all", root / "split", share=0.1)
    _load(driver, settings, split.earlier)
    first = run_detection(settings, kind="incremental")
    before = active(driver)
    _load(driver, settings, split.later)
    stamped, changed = _stamped(driver), _changed(driver)
    incremental = run_detection(settings, kind="incremental")
    after_incremental = active(driver)
    records, _, _ = driver.execute_query(
        "MATCH (b:LoadBatch) WHERE b.detected_run IS NULL AND b.rows IS NOT NULL RETURN count(b) AS n"
    )
    pending = int(records[0]["n"])
    full = run_detection(settings, kind="full")
    return Story(
        split,
        read_truth(root / "all" / "truth.csv"),
        first,
        incremental,
        full,
        before,
        after_incremental,
        active(driver),
        stamped,
        changed,
        pending,
    )


def _flagged(campaigns: dict[str, set[str]]) -> set[str]:
    return set().union(*campaigns.values()) if campaigns else set()


def test_an_incremental_request_without_a_full_run_before_it_runs_full(story: Story) -> None:
    assert (story.first.kind, story.first.requested_kind) == ("full", "incremental")
    assert story.before, "the first tenths hold planted campaigns"


def test_runs_record_their_kind(story: Story, driver: Driver, settings: Settings) -> None:
    kinds = {r.run_id: (r.kind, r.requested_kind) for r in runs.history(driver, settings.neo4j_database)}
    assert kinds[story.first.run_id] == ("full", "incremental")
    assert kinds[story.incremental.run_id] == ("incremental", "incremental")
    assert kinds[story.full.run_id] == ("full", "full")


def test_the_load_stamps_what_it_changed_and_runs_take_it_in(story: Story) -> None:
    assert story.split.new_accounts <= story.changed <= story.stamped
    # Most new links go to an entity that pairs no one (only its account, or a supernode).
    assert len(story.changed) < len(story.stamped), (len(story.changed), len(story.stamped))
    assert story.incremental.graph["changed_accounts"] == len(story.changed)
    assert story.pending_after == 0


def test_incremental_attaches_the_new_campaign_accounts(story: Story) -> None:
    planted = set(story.truth)
    new = (_flagged(story.after_full) & planted) - _flagged(story.before)
    # Planted accounts first seen in the new tenth count too, whether or not the full run found them.
    new |= story.split.new_accounts & planted & _flagged(story.after_full)
    attached = new & _flagged(story.after_incremental)
    assert len(attached) >= 0.9 * len(new), (len(attached), len(new))


def test_incremental_keeps_old_memberships_and_campaign_ids(story: Story) -> None:
    old = {(a, cid) for cid, members in story.before.items() for a in members}
    kept = {(a, cid) for cid, members in story.after_incremental.items() for a in members}
    assert len(old & kept) >= 0.98 * len(old)
    assert len(story.before.keys() & story.after_incremental.keys()) >= 0.98 * len(story.before)


def test_incremental_flags_what_the_full_recompute_flags(story: Story) -> None:
    inc, full = _flagged(story.after_incremental), _flagged(story.after_full)
    assert len(inc & full) >= 0.95 * len(inc | full), (len(inc), len(full), len(inc & full))


def test_incremental_f1_is_within_two_points_of_the_full_run(story: Story) -> None:
    accounts = TEST_ACCOUNTS
    f1_inc = evaluate(story.after_incremental.values(), story.truth, accounts).f1
    f1_full = evaluate(story.after_full.values(), story.truth, accounts).f1
    assert abs(f1_inc - f1_full) <= 0.02, (f1_inc, f1_full)


def test_incremental_recomputes_less_than_the_platform(story: Story) -> None:
    graph = story.incremental.graph
    assert graph["region_accounts"] < graph["accounts"]
    assert graph["projected_accounts"] <= story.full.graph["projected_accounts"]
