"""Helpers shared by the campaign and cohort styles."""

from __future__ import annotations

import random
from collections.abc import Sequence

from scenarios.heldout4 import text
from scenarios.heldout4.world import (
    DAY,
    HOURS_PERSONAL,
    NEW_MODEL,
    OLD_MODELS,
    RELEASE_TS,
    RESIDENTIAL_BY_COUNTRY,
    WINDOW_END,
    WINDOW_START,
    World,
    benign_model,
    local_times,
)


def residential_exit(w: World, rng: random.Random, countries: Sequence[str], flagged: float = 0.05) -> str:
    """An address from a residential proxy network: a real home line somewhere, rarely flagged as proxy."""
    country = rng.choice(countries)
    key = rng.choice(RESIDENTIAL_BY_COUNTRY[country])
    return w.net.v4(rng, key, "proxy" if rng.random() < flagged else None)


def camouflage(
    w: World,
    rng: random.Random,
    account: str,
    n: int,
    ips: Sequence[str],
    uas: Sequence[str],
    tz: float,
    start: float = WINDOW_START,
) -> None:
    """Ordinary-looking requests mixed into a campaign account's traffic."""
    for ts in local_times(rng, n, tz, max(start, WINDOW_START), WINDOW_END, HOURS_PERSONAL):
        w.req(
            rng,
            account,
            ts,
            text.benign_prompt(rng),
            rng.choice(ips),
            benign_model(rng, ts),
            rng.choice(uas),
            350,
        )


def operator_model(
    rng: random.Random,
    ts: float,
    strong: float = 0.85,
    switch_after_h: float = 48.0,
    switch_share: float = 0.5,
) -> str:
    """Harvesters ask the strongest model; after the release some share moves to the new one."""
    if ts >= RELEASE_TS + switch_after_h * 3600 and rng.random() < switch_share:
        return NEW_MODEL
    return OLD_MODELS[2] if rng.random() < strong else OLD_MODELS[1]


def uniform_times(rng: random.Random, n: int, start: float, end: float) -> list[float]:
    start = max(start, WINDOW_START)
    end = min(end, WINDOW_END)
    if end <= start:
        return []
    return sorted(start + rng.random() * (end - start) for _ in range(n))


def creation_burst(rng: random.Random, center: float, hours: float) -> float:
    return center + rng.random() * hours * 3600


def aged(rng: random.Random, lo_days: float, hi_days: float) -> float:
    return WINDOW_START - rng.uniform(lo_days, hi_days) * DAY
