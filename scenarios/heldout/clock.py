"""The observation window, the model line-up and timestamp helpers.

Everything is in integer epoch seconds (UTC); nothing reads the wall clock.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime

WINDOW_START = int(datetime(2026, 3, 2, tzinfo=UTC).timestamp())
WINDOW_DAYS = 56
WINDOW_END = WINDOW_START + WINDOW_DAYS * 86_400
DAY = 86_400
HOUR = 3_600

# Models: three of the previous generation, and one released in the middle of the window.
FLASH = "lumen-2-flash"
STANDARD = "lumen-2"
PRO = "lumen-2-pro"
NEW_MODEL = "lumen-3"
RELEASE_TS = int(datetime(2026, 3, 31, 17, 0, tzinfo=UTC).timestamp())
# Free-plan users get the new model two weeks after launch.
FREE_ACCESS_TS = RELEASE_TS + 14 * DAY
OLD_MODELS = (FLASH, STANDARD, PRO)

_DAY_PREFIX: dict[int, str] = {}
_HMS: list[str] = []


def epoch(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> int:
    """Epoch seconds of a UTC calendar time."""
    return int(datetime(year, month, day, hour, minute, tzinfo=UTC).timestamp())


def iso(ts: int) -> str:
    """ISO 8601 with a Z suffix, cached per day (this runs once per request row)."""
    day, rest = divmod(ts, DAY)  # rest indexes a table of "HH:MM:SSZ" strings
    prefix = _DAY_PREFIX.get(day)
    if prefix is None:
        prefix = datetime.fromtimestamp(day * DAY, tz=UTC).strftime("%Y-%m-%dT")
        _DAY_PREFIX[day] = prefix
    if not _HMS:
        _HMS.extend(f"{h:02d}:{m:02d}:{s:02d}Z" for h in range(24) for m in range(60) for s in range(60))
    return prefix + _HMS[rest]


def weekday(ts: int) -> int:
    """Monday is 0 (1970-01-01 was a Thursday)."""
    return (ts // DAY + 3) % 7


def clamp(ts: int, low: int = WINDOW_START, high: int = WINDOW_END - 1) -> int:
    return low if ts < low else high if ts > high else ts


# Hour-of-day weights in local time for a few kinds of people.
_PROFILES: dict[str, tuple[float, ...]] = {
    "consumer": (
        2,
        1,
        0.6,
        0.4,
        0.3,
        0.4,
        1,
        2,
        3,
        4,
        4.5,
        5,
        5,
        4.5,
        4.5,
        4.5,
        5,
        5,
        5.5,
        6,
        6.5,
        6,
        5,
        3.5,
    ),
    "worker": (
        0.3,
        0.2,
        0.1,
        0.1,
        0.1,
        0.2,
        0.6,
        2,
        5,
        8,
        9,
        8.5,
        6,
        7.5,
        8.5,
        8,
        7,
        5,
        3,
        2,
        2,
        1.6,
        1.2,
        0.6,
    ),
    "student": (
        3,
        2,
        1.2,
        0.6,
        0.3,
        0.2,
        0.3,
        1,
        2.5,
        4,
        5,
        5,
        4.5,
        5,
        5.5,
        5.5,
        5.5,
        5,
        5,
        5.5,
        6.5,
        7,
        6,
        4.5,
    ),
    "night_owl": (
        6,
        6,
        5,
        4,
        2.5,
        1.2,
        0.6,
        0.4,
        0.5,
        1,
        1.5,
        2,
        2.5,
        3,
        3,
        3,
        3.5,
        4,
        4.5,
        5,
        5.5,
        6,
        6.5,
        6.5,
    ),
}
_CUM: dict[str, list[float]] = {}
for _name, _weights in _PROFILES.items():
    _total = 0.0
    _acc: list[float] = []
    for _w in _weights:
        _total += _w
        _acc.append(_total)
    _CUM[_name] = _acc
PROFILE_NAMES = tuple(_PROFILES)
_HOURS = tuple(range(24))


def local_hour(rng: random.Random, profile: str) -> int:
    return rng.choices(_HOURS, cum_weights=_CUM[profile])[0]


def session_starts(
    rng: random.Random,
    count: int,
    start: int,
    end: int,
    utc_offset_h: int,
    profile: str,
    weekend_factor: float = 1.0,
) -> list[int]:
    """`count` session start times in [start, end) following a diurnal profile in local time."""
    if end <= start:
        end = start + HOUR
    first_day = start // DAY
    days = range(first_day, (end - 1) // DAY + 1)
    cum: list[float] = []
    total = 0.0
    for d in days:
        total += weekend_factor if (d + 3) % 7 >= 5 else 1.0
        cum.append(total)
    out: list[int] = []
    need = count
    for _ in range(6):
        picked_days = rng.choices(days, cum_weights=cum, k=need)
        hours = rng.choices(_HOURS, cum_weights=_CUM[profile], k=need)
        shift = utc_offset_h * HOUR
        for d, h in zip(picked_days, hours, strict=True):
            ts = d * DAY + h * HOUR - shift + int(rng.random() * HOUR)
            if start <= ts < end:
                out.append(ts)
        need = count - len(out)
        if need <= 0:
            break
    while len(out) < count:
        out.append(rng.randrange(start, end))
    out.sort()
    return out


def model_for(rng: random.Random, ts: int, plan: str, tau_days: float, base: str) -> str:
    """Which model an ordinary user calls: their habitual one, drifting to the new release."""
    if ts >= RELEASE_TS and (plan != "free" or ts >= FREE_ACCESS_TS):
        since = (ts - RELEASE_TS) / DAY
        share = 0.85 * (1.0 - 2.718281828 ** (-since / tau_days))
        if rng.random() < share:
            return NEW_MODEL
    return base
