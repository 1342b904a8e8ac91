"""Periodic detection: `--every 6h` or `--cron "0 */6 * * *"` (UTC), one run at a time.

A plain loop rather than a scheduler framework: runs are sequential by construction inside the process
(the next tick is computed after a run ends, and ticks missed meanwhile are skipped, not replayed), and the
detection lock keeps runs of other processes from overlapping. A stop request (SIGTERM / SIGINT) lets the
current run finish and then ends the loop.
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

from croniter import croniter

_PART = re.compile(r"(\d+)([smhd])")
_UNIT = {"s": 1, "m": 60, "h": 3600, "d": 86400}


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


class Trigger(Protocol):
    def next_after(self, moment: datetime) -> datetime: ...


@dataclass(frozen=True)
class EveryTrigger:
    every: timedelta
    anchor: datetime  # ticks fall on anchor + k * every, so the cadence does not drift with run length

    def next_after(self, moment: datetime) -> datetime:
        k = math.floor((moment - self.anchor) / self.every) + 1
        return self.anchor + k * self.every


@dataclass(frozen=True)
class CronTrigger:
    expression: str

    def __post_init__(self) -> None:
        if not croniter.is_valid(self.expression):
            raise ValueError(f"bad cron expression {self.expression!r}")

    def next_after(self, moment: datetime) -> datetime:
        nxt = croniter(self.expression, moment.astimezone(UTC)).get_next(datetime)
        assert isinstance(nxt, datetime)
        return nxt


def run_schedule(
    trigger: Trigger,
    job: Callable[[], None],
    stop: threading.Event,
    *,
    run_now: bool,
    max_runs: int | None = None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
    on_wait: Callable[[datetime], None] | None = None,
) -> int:
    """Call `job` at each tick until `stop` is set or `max_runs` jobs ran; returns how many ran."""
    done = 0
    next_at = now() if run_now else trigger.next_after(now())
    while not stop.is_set():
        delay = (next_at - now()).total_seconds()
        if delay > 0:
            if on_wait:
                on_wait(next_at)
            if stop.wait(delay):
                break
        job()
        done += 1
        if max_runs is not None and done >= max_runs:
            break
        next_at = trigger.next_after(now())
    return done
