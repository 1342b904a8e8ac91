"""The style catalogue: name -> (default size, builder)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .campaigns import (
    aged_marketplace,
    capability_sweep,
    conversation_mining,
    edu_credit_farm,
    hijacked_keys,
    paraphrase_harvest,
    shadow_schedule,
)
from .cohorts import (
    browser_extension,
    crowdwork_pool,
    oss_ci_bots,
    public_terminals,
    release_rush,
    rollout_day,
)
from .knobs import Sizing
from .world import World


@dataclass(frozen=True)
class Style:
    name: str
    size: Sizing
    build: Callable[[World, int], None]


CAMPAIGNS: dict[str, Style] = {
    m.STYLE: Style(m.STYLE, m.DEFAULT.size, m.build)
    for m in (
        aged_marketplace,
        paraphrase_harvest,
        conversation_mining,
        capability_sweep,
        hijacked_keys,
        shadow_schedule,
        edu_credit_farm,
    )
}
COHORTS: dict[str, Style] = {
    m.STYLE: Style(m.STYLE, m.DEFAULT.size, m.build)
    for m in (browser_extension, rollout_day, oss_ci_bots, release_rush, crowdwork_pool, public_terminals)
}
