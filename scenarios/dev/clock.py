"""The observation window, model releases and fast ISO 8601 formatting.

All times are integer epoch seconds (UTC). Nothing reads the wall clock, so output is reproducible.
"""

from __future__ import annotations

import calendar
import random
from bisect import bisect_right

DAY = 86_400
HOUR = 3_600
T0 = calendar.timegm((2026, 3, 2, 0, 0, 0, 0, 0, 0))
DAYS = 56
T_END = T0 + DAYS * DAY

OLD_MODEL = "frontier-1"
MINI_MODEL = "frontier-1-mini"
NEW_MODEL = "frontier-2"
#: ``frontier-2`` is released on day 38 of the window at 17:00 UTC.
RELEASE = T0 + 38 * DAY + 17 * HOUR

_DAY_PREFIX: dict[int, str] = {}
_TIME_OF_DAY: list[str] = []


def iso(ts: int) -> str:
    """Format epoch seconds as ``YYYY-MM-DDTHH:MM:SSZ`` (cached per day, much faster than strftime)."""
    day, rest = divmod(ts, DAY)
    prefix = _DAY_PREFIX.get(day)
    if prefix is None:
        y, mo, d = _civil(day)
        prefix = f"{y:04d}-{mo:02d}-{d:02d}T"
        _DAY_PREFIX[day] = prefix
    if not _TIME_OF_DAY:
        _TIME_OF_DAY.extend(
            f"{h:02d}:{m:02d}:{s:02d}Z" for h in range(24) for m in range(60) for s in range(60)
        )
    return prefix + _TIME_OF_DAY[rest]


def _civil(days: int) -> tuple[int, int, int]:
    """Days since 1970-01-01 to (year, month, day), proleptic Gregorian (H. Hinnant's algorithm)."""
    z = days + 719_468
    era = z // 146_097
    doe = z - era * 146_097
    yoe = (doe - doe // 1460 + doe // 36_524 - doe // 146_096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return (y + 1 if m <= 2 else y), m, d


def day_start(day: int) -> int:
    """Epoch seconds of midnight UTC on window day ``day`` (0-based, may be negative)."""
    return T0 + day * DAY


def clamp(ts: int, lo: int = T0, hi: int = T_END - 1) -> int:
    return lo if ts < lo else hi if ts > hi else ts


def local_hour_weights(kind: str) -> tuple[float, ...]:
    """Relative activity per local hour 0..23 for a kind of user."""
    if kind == "office":
        return (
            0.2,
            0.1,
            0.1,
            0.1,
            0.1,
            0.2,
            0.5,
            1.5,
            4,
            7,
            8,
            8,
            6,
            7,
            8,
            8,
            7,
            5,
            2.5,
            1.5,
            1,
            0.8,
            0.5,
            0.3,
        )
    if kind == "student":
        return (2, 1.2, 0.6, 0.3, 0.2, 0.2, 0.4, 1, 2.5, 4, 5, 5, 5, 5.5, 6, 6, 6, 6, 6, 7, 7.5, 7, 5.5, 3.5)
    if kind == "night":
        return (4, 4, 3, 2, 1, 0.6, 0.5, 0.6, 1, 1.5, 2, 2, 2, 2, 2.5, 2.5, 3, 3.5, 4, 4.5, 5, 5, 5, 4.5)
    return (
        0.8,
        0.5,
        0.3,
        0.2,
        0.2,
        0.3,
        0.8,
        2,
        3.5,
        4.5,
        5,
        5,
        5,
        5,
        5,
        5,
        5,
        5.5,
        6,
        6.5,
        6.5,
        5.5,
        3.5,
        1.8,
    )


def cumulative(weights: tuple[float, ...]) -> list[float]:
    out: list[float] = []
    acc = 0.0
    for w in weights:
        acc += w
        out.append(acc)
    return out


def session_start(rng: random.Random, lo: int, hi: int, cum_hours: list[float], tz_hours: int) -> int:
    """A session start between ``lo`` and ``hi`` on a day drawn uniformly, at a local hour drawn from
    ``cum_hours`` for a user whose local time is UTC + ``tz_hours``."""
    first = (lo - T0) // DAY
    span = (hi - 1 - T0) // DAY - first + 1
    top = cum_hours[-1]
    for _ in range(6):
        day = first + int(rng.random() * span)
        hour = bisect_right(cum_hours, rng.random() * top)
        ts = T0 + day * DAY + (hour - tz_hours) * HOUR + int(rng.random() * HOUR)
        if lo <= ts < hi:
            return ts
    return rng.randrange(lo, hi) if hi > lo else lo


def release_adoption(rng: random.Random, mean_days: float, never: float) -> int | None:
    """When a user starts sending traffic to the new model (None: never within the window)."""
    if rng.random() < never:
        return None
    return RELEASE + int(rng.expovariate(1.0 / (mean_days * DAY))) + rng.randrange(HOUR // 3, 30 * HOUR)
