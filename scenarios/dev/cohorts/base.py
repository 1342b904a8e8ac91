"""What every benign cohort style shares."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from ..clock import OLD_MODEL, cumulative, local_hour_weights
from ..platform import Background
from ..sizing import Sizing
from ..text.ordinary import Voice
from ..users import Persona, cum
from ..world import World


@dataclass
class CohortContext:
    name: str
    size: int
    rng: random.Random
    background: Background


@dataclass(frozen=True)
class CohortStyle:
    name: str
    size: Sizing
    plant: Callable[[World, CohortContext], list[str]]


def persona(
    aid: str,
    tz: int,
    ips: list[tuple[str, float, str]],
    v: Voice,
    family_mix: list[float],
    hours: str,
    switch_at: int | None,
    base_model: str = OLD_MODEL,
) -> Persona:
    """An ordinary persona from (ip, weight, user agent) triples."""
    return Persona(
        aid=aid,
        tz=tz,
        ips=[ip for ip, _, _ in ips],
        ip_cum=cum([w for _, w, _ in ips]),
        uas=[ua for _, _, ua in ips],
        voice=v,
        mix=family_mix,
        hours=cumulative(local_hour_weights(hours)),
        base_model=base_model,
        switch_at=switch_at,
    )
