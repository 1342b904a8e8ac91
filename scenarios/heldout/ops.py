"""Helpers styles share: ordinary-looking cover traffic and volume arithmetic."""

from __future__ import annotations

import random

from .clock import STANDARD, WINDOW_END, WINDOW_START
from .population.person import Person, Place, ordinary_traffic
from .population.personas import KINDS
from .world import Account, World


def volume(world: World, rng: random.Random, factor: float, spread: float = 0.35) -> int:
    """Requests for one account: `factor` times the platform average, with some variation."""
    return max(1, round(world.rpa * factor * rng.lognormvariate(0.0, spread) / (1.0 + spread * spread / 2)))


def cover_person(
    account: Account,
    places: list[Place],
    utc_offset: int,
    profile: str = "consumer",
    kind: str = "casual",
    base_model: str = STANDARD,
) -> Person:
    spec = KINDS[kind]
    return Person(
        account=account,
        utc_offset=utc_offset,
        profile=profile,
        places=places,
        topics=tuple(spec.topics),
        topic_weights=tuple(spec.topics.values()),
        base_model=base_model,
        sloppiness=spec.sloppiness,
        follow_up_rate=spec.follow_up,
    )


def cover_traffic(
    world: World,
    rng: random.Random,
    account: Account,
    places: list[Place],
    count: int,
    utc_offset: int,
    *,
    start: int = WINDOW_START,
    end: int = WINDOW_END,
    profile: str = "consumer",
) -> None:
    """Ordinary-looking requests an operator mixes in to make an account look human."""
    if count > 0:
        ordinary_traffic(world, rng, cover_person(account, places, utc_offset, profile), count, start, end)
