"""Periodic detection: `--every 6h` or `--cron "0 */6 * * *"` (UTC), fired by APScheduler.

The scheduler only says *when*; a tick is the worker's business (`app.jobs.worker.Worker.tick`: it queues
a run, which the worker then executes like any other queued run). The job is registered with
`max_instances=1` and `coalesce=True`: ticks that could not fire in time (a blocked process, a suspended
host) collapse into one late firing instead of a burst of catch-up runs, and a tick never overlaps the
previous one.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

_PART = re.compile(r"(\d+)([smhd])")
_UNIT = {"s": 1, "m": 60, "h": 3600, "d": 86400}

JOB_ID = "scheduled-detection"
INCREMENTAL_JOB_ID = "scheduled-incremental-detection"
JOB_DEFAULTS: dict[str, Any] = {
    "max_instances": 1,
    "coalesce": True,
    # With coalesce, a late tick still fires once (however late); the ticks it stands for are dropped.
    "misfire_grace_time": None,
}

# APScheduler logs every firing at INFO ("Running job ..."): one line per tick would drown the worker's own.
logging.getLogger("apscheduler").setLevel(logging.WARNING)


def parse_every(text: str) -> timedelta:
    """'90s', '15m', '6h', '1d', '1h30m' -> timedelta."""
    cleaned = text.strip().lower().replace(" ", "")
    parts = _PART.findall(cleaned)
    if not cleaned or "".join(n + u for n, u in parts) != cleaned:
        raise ValueError(f"bad interval {text!r}: use e.g. 90s, 15m, 6h, 1d or 1h30m")
    seconds = sum(int(n) * _UNIT[u] for n, u in parts)
    if seconds <= 0:
        raise ValueError(f"bad interval {text!r}: must be positive")
    return timedelta(seconds=seconds)


def make_trigger(
    every: timedelta | None = None, cron: str | None = None, *, now: datetime | None = None
) -> BaseTrigger:
    """An interval (ticks at `now + k * every`: the cadence does not drift with run length) or a crontab
    expression, both in UTC. Raises ValueError for a bad cron expression or not exactly one of the two."""
    if (every is None) == (cron is None):
        raise ValueError("give exactly one of an interval or a cron expression")
    if every is not None:
        start = now or datetime.now(UTC)
        return IntervalTrigger(seconds=every.total_seconds(), start_date=start + every, timezone=UTC)
    try:
        return CronTrigger.from_crontab(str(cron), timezone=UTC)
    except ValueError as exc:
        raise ValueError(f"bad cron expression {cron!r}: {exc}") from None


def fire_times(trigger: BaseTrigger, after: datetime, count: int) -> list[datetime]:
    """The next `count` ticks strictly after `after` (for messages and tests)."""
    times: list[datetime] = []
    previous: datetime | None = None
    moment = after + timedelta(microseconds=1)
    while len(times) < count:
        nxt = trigger.get_next_fire_time(previous, moment)
        if nxt is None:
            break
        times.append(nxt)
        previous, moment = nxt, nxt
    return times


def build_scheduler(
    trigger: BaseTrigger | None,
    job: Callable[[], None],
    *,
    run_now: bool,
    now: datetime | None = None,
    incremental: tuple[BaseTrigger, Callable[[], None]] | None = None,
) -> BackgroundScheduler:
    """A scheduler (not started) holding `job` at `trigger`'s ticks, plus one at once if `run_now`, and
    the incremental job at its own trigger's ticks (never at once: it builds on a full run)."""
    scheduler = BackgroundScheduler(
        timezone=UTC,
        # One thread: ticks run one after the other, never side by side.
        executors={"default": ThreadPoolExecutor(1)},
        job_defaults=JOB_DEFAULTS,
    )
    extra: dict[str, Any] = {"next_run_time": now or datetime.now(UTC)} if run_now else {}
    if trigger is not None:
        scheduler.add_job(job, trigger, id=JOB_ID, name="scheduled detection", **extra)
    if incremental is not None:
        inc_trigger, inc_job = incremental
        scheduler.add_job(inc_job, inc_trigger, id=INCREMENTAL_JOB_ID, name="scheduled incremental detection")
    return scheduler


def next_tick(scheduler: BackgroundScheduler) -> datetime | None:
    """The next tick of either job (full or incremental)."""
    times = []
    for job_id in (JOB_ID, INCREMENTAL_JOB_ID):
        job = scheduler.get_job(job_id)
        at = getattr(job, "next_run_time", None) if job is not None else None
        if isinstance(at, datetime):
            times.append(at)
    return min(times, default=None)
