"""Schedule parsing and the scheduling loop (pure logic, a fake clock)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest

from app.jobs.schedule import CronTrigger, EveryTrigger, parse_every, run_schedule

T0 = datetime(2026, 5, 1, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "seconds"), [("90s", 90), ("15m", 900), ("6h", 21600), ("1d", 86400), ("1h30m", 5400)]
)
def test_parse_every(text: str, seconds: int) -> None:
    assert parse_every(text) == timedelta(seconds=seconds)


@pytest.mark.parametrize("text", ["", "6", "6x", "h6", "0s", "1h 30"])
def test_parse_every_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="bad interval"):
        parse_every(text)


def test_every_trigger_keeps_its_cadence_and_skips_missed_ticks() -> None:
    trig = EveryTrigger(timedelta(hours=6), T0)
    assert trig.next_after(T0) == T0 + timedelta(hours=6)
    # A run that overran two ticks resumes at the next tick, not with a burst of catch-up runs.
    assert trig.next_after(T0 + timedelta(hours=13)) == T0 + timedelta(hours=18)


def test_cron_trigger() -> None:
    trig = CronTrigger("0 */6 * * *")
    assert trig.next_after(T0 + timedelta(minutes=1)) == T0 + timedelta(hours=6)
    with pytest.raises(ValueError, match="bad cron"):
        CronTrigger("every day")


class FakeClock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


def test_run_schedule_runs_at_each_tick_until_max_runs() -> None:
    clock = FakeClock()
    ran: list[datetime] = []
    stop = threading.Event()

    def job() -> None:
        ran.append(clock.now)
        clock.now += timedelta(hours=1)  # each run takes an hour

    # A stop event whose wait() advances the fake clock instead of sleeping.
    class Waiter(threading.Event):
        def wait(self, timeout: float | None = None) -> bool:
            clock.now += timedelta(seconds=timeout or 0)
            return False

    done = run_schedule(
        EveryTrigger(timedelta(hours=6), T0), job, Waiter(), run_now=True, max_runs=3, now=clock
    )
    assert done == 3
    assert ran == [T0, T0 + timedelta(hours=6), T0 + timedelta(hours=12)]
    assert not stop.is_set()


def test_stop_during_a_run_lets_it_finish_then_ends() -> None:
    stop = threading.Event()
    finished: list[bool] = []

    def job() -> None:
        stop.set()  # SIGTERM arrives mid-run
        finished.append(True)

    done = run_schedule(EveryTrigger(timedelta(seconds=1), T0), job, stop, run_now=True)
    assert done == 1
    assert finished == [True]
