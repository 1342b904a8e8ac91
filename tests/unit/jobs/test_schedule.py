"""Schedule parsing and the APScheduler triggers and job settings (pure: no database, no waiting)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from app.jobs.schedule import (
    INCREMENTAL_JOB_ID,
    JOB_ID,
    build_scheduler,
    fire_times,
    make_trigger,
    next_tick,
    parse_every,
)

T0 = datetime(2026, 5, 1, 0, 0, tzinfo=UTC)
H = timedelta(hours=1)


@pytest.mark.parametrize(
    ("text", "seconds"), [("90s", 90), ("15m", 900), ("6h", 21600), ("1d", 86400), ("1h30m", 5400)]
)
def test_parse_every(text: str, seconds: int) -> None:
    assert parse_every(text) == timedelta(seconds=seconds)


@pytest.mark.parametrize("text", ["", "6", "6x", "h6", "0s", "1h 30"])
def test_parse_every_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="bad interval"):
        parse_every(text)


def test_every_ticks_on_a_fixed_cadence_from_start() -> None:
    trig = make_trigger(every=6 * H, now=T0)
    assert isinstance(trig, IntervalTrigger)
    assert fire_times(trig, T0, 3) == [T0 + 6 * H, T0 + 12 * H, T0 + 18 * H]


def test_every_skips_ticks_missed_while_a_run_overran() -> None:
    trig = make_trigger(every=6 * H, now=T0)
    # Asked at 13:00 after the 06:00 tick: the next tick is 18:00, no catch-up for 12:00. (The job
    # itself also coalesces: a late firing stands for all the ticks it missed.)
    assert fire_times(trig, T0 + 13 * H, 1) == [T0 + 18 * H]


def test_cron_ticks_in_utc() -> None:
    trig = make_trigger(cron="0 */6 * * *")
    assert isinstance(trig, CronTrigger)
    assert str(trig.timezone) == "UTC"
    assert fire_times(trig, T0 + timedelta(minutes=1), 3) == [T0 + 6 * H, T0 + 12 * H, T0 + 18 * H]
    assert fire_times(trig, T0 + 6 * H, 1) == [T0 + 12 * H]  # strictly after


@pytest.mark.parametrize("expression", ["every day", "not cron", "61 * * * *", "0 0 * *"])
def test_bad_cron_is_refused(expression: str) -> None:
    with pytest.raises(ValueError, match="bad cron expression"):
        make_trigger(cron=expression)


def test_exactly_one_of_every_or_cron() -> None:
    with pytest.raises(ValueError, match="exactly one"):
        make_trigger()
    with pytest.raises(ValueError, match="exactly one"):
        make_trigger(every=H, cron="0 * * * *")


@pytest.mark.parametrize("run_now", [True, False])
def test_scheduled_job_never_overlaps_and_coalesces(run_now: bool) -> None:
    start = datetime.now(UTC)  # a started scheduler computes the first tick from the real clock
    trigger = make_trigger(every=6 * H, now=start)
    scheduler = build_scheduler(trigger, lambda: None, run_now=run_now, now=start)
    scheduler.start(paused=True)
    try:
        job = scheduler.get_job(JOB_ID)
        assert job.max_instances == 1
        assert job.coalesce is True
        assert job.misfire_grace_time is None
        assert str(scheduler.timezone) == "UTC"
        assert next_tick(scheduler) == (start if run_now else start + 6 * H)
    finally:
        scheduler.shutdown(wait=False)


def test_incremental_runs_have_their_own_cadence_and_never_fire_at_start() -> None:
    start = datetime.now(UTC)
    full = make_trigger(every=24 * H, now=start)
    often = make_trigger(every=timedelta(minutes=15), now=start)
    fired: list[str] = []
    scheduler = build_scheduler(
        full,
        lambda: fired.append("full"),
        run_now=False,
        now=start,
        incremental=(often, lambda: fired.append("inc")),
    )
    scheduler.start(paused=True)
    try:
        inc = scheduler.get_job(INCREMENTAL_JOB_ID)
        assert (inc.max_instances, inc.coalesce) == (1, True)
        assert next_tick(scheduler) == start + timedelta(minutes=15)  # the sooner of the two jobs
        assert scheduler.get_job(JOB_ID).next_run_time == start + 24 * H
    finally:
        scheduler.shutdown(wait=False)
    assert fired == []


def test_an_incremental_schedule_alone_is_a_schedule() -> None:
    start = datetime.now(UTC)
    often = make_trigger(every=timedelta(minutes=15), now=start)
    scheduler = build_scheduler(
        None, lambda: None, run_now=True, now=start, incremental=(often, lambda: None)
    )
    scheduler.start(paused=True)
    try:
        assert scheduler.get_job(JOB_ID) is None
        assert next_tick(scheduler) == start + timedelta(minutes=15)
    finally:
        scheduler.shutdown(wait=False)
