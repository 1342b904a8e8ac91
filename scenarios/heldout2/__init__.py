"""Held-out scenario set 2: an ordinary platform with planted distillation campaigns and honest look-alikes.

Written independently of the detector, to test whether detection generalises. `generate` writes an
input-format-v1 directory plus `truth.csv` (campaign accounts) and `confounders.csv` (benign cohorts).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from scenarios.heldout2 import background, output
from scenarios.heldout2.campaigns import (
    coding_swarm,
    edu_farm,
    hydra_proxy,
    multiturn_agent,
    release_chaser,
    rubric_grader,
    sleeper_waves,
)
from scenarios.heldout2.cohorts import (
    agency_reseller,
    bootcamp_class,
    enterprise_services,
    eval_team,
    hackathon,
    integration_bot,
    research_lab,
)
from scenarios.heldout2.common import Ctx, Shared
from scenarios.heldout2.world import Label, World

__all__ = ["CAMPAIGN_STYLES", "COHORT_STYLES", "generate", "plan_sizes"]


@dataclass(frozen=True)
class _Style:
    build: Callable[[Ctx], None]
    share: float
    floor: int


_CAMPAIGNS: dict[str, _Style] = {
    "coding_swarm": _Style(coding_swarm.build, 0.030, 25),
    "hydra_proxy": _Style(hydra_proxy.build, 0.025, 25),
    "release_chaser": _Style(release_chaser.build, 0.015, 25),
    "edu_farm": _Style(edu_farm.build, 0.012, 25),
    "rubric_grader": _Style(rubric_grader.build, 0.010, 25),
    "multiturn_agent": _Style(multiturn_agent.build, 0.008, 25),
    "sleeper_waves": _Style(sleeper_waves.build, 0.006, 25),
}
_COHORTS: dict[str, _Style] = {
    "enterprise_services": _Style(enterprise_services.build, 0.006, 12),
    "bootcamp_class": _Style(bootcamp_class.build, 0.008, 20),
    "eval_team": _Style(eval_team.build, 0.0012, 6),
    "agency_reseller": _Style(agency_reseller.build, 0.004, 10),
    "integration_bot": _Style(integration_bot.build, 0.012, 20),
    "hackathon": _Style(hackathon.build, 0.005, 15),
    "research_lab": _Style(research_lab.build, 0.002, 8),
}
CAMPAIGN_STYLES: tuple[str, ...] = tuple(_CAMPAIGNS)
COHORT_STYLES: tuple[str, ...] = tuple(_COHORTS)

# Operator names as partners' intelligence reports them; drawn per seed so styles and names do not pair up.
_ACTORS = (
    "Kestrel Foundry",
    "Tidewater Compute",
    "Jade Sparrow Lab",
    "Obsidian Ferry",
    "Northquill Systems",
    "Halcyon Stack",
    "Marrow Relay",
    "Saffron Lattice",
    "Gannet Works",
    "Copperline AI",
)
# Styles may not take more than this share of the platform; the rest is ordinary background.
_MAX_STYLED = 0.6


def plan_sizes(accounts: int, campaigns: Sequence[str], cohorts: Sequence[str]) -> dict[str, int]:
    """Accounts per selected style and for the background; the values sum to `accounts`."""
    styles = {**{c: _CAMPAIGNS[c] for c in campaigns}, **{c: _COHORTS[c] for c in cohorts}}
    sizes = {name: max(s.floor, round(s.share * accounts)) for name, s in styles.items()}
    total = sum(sizes.values())
    cap = int(accounts * _MAX_STYLED)
    if total > cap:
        sizes = {name: max(3, n * cap // total) for name, n in sizes.items()}
    if sum(sizes.values()) > accounts:
        raise ValueError(f"{accounts} accounts is too few for {len(sizes)} styles")
    sizes["background"] = accounts - sum(sizes.values())
    return sizes


def _select(asked: Sequence[str] | None, known: tuple[str, ...], kind: str) -> list[str]:
    if asked is None:
        return list(known)
    unknown = [a for a in asked if a not in known]
    if unknown:
        raise ValueError(f"unknown {kind} style(s) {unknown}; known: {', '.join(known)}")
    # Registry order, not request order, so the same set of styles always builds the same world.
    return [k for k in known if k in set(asked)]


def generate(
    out: Path,
    accounts: int,
    seed: int,
    *,
    campaigns: Sequence[str] | None = None,
    cohorts: Sequence[str] | None = None,
    requests_per_account: float = 12.0,
) -> None:
    chosen_c = _select(campaigns, CAMPAIGN_STYLES, "campaign")
    chosen_h = _select(cohorts, COHORT_STYLES, "cohort")
    sizes = plan_sizes(accounts, chosen_c, chosen_h)
    world = World(seed)
    shared = Shared.build(world, random.Random(f"{seed}:shared"), accounts)
    actor_rng = random.Random(f"{seed}:actors")
    actors = actor_rng.sample(_ACTORS, len(CAMPAIGN_STYLES))
    for i, name in enumerate(CAMPAIGN_STYLES):
        if name not in chosen_c:
            continue
        rng = random.Random(f"{seed}:{name}")
        cid = f"camp-{random.Random(f'{seed}:cid:{name}').getrandbits(32):08x}"
        _CAMPAIGNS[name].build(
            Ctx(world, shared, rng, sizes[name], requests_per_account, name, cid, actors[i])
        )
    for name in chosen_h:
        rng = random.Random(f"{seed}:{name}")
        _COHORTS[name].build(Ctx(world, shared, rng, sizes[name], requests_per_account, name))
    background.build(
        Ctx(
            world,
            shared,
            random.Random(f"{seed}:background"),
            sizes["background"],
            requests_per_account,
            "background",
        )
    )
    _partner_noise(world, random.Random(f"{seed}:noise"))
    output.write_world(world, out, seed)


def _partner_noise(world: World, rng: random.Random) -> None:
    """Partner feeds are not clean: one low-confidence tip points at an honest cohort's address."""
    if not world.truth or not world.confounders:
        return
    honest = {a for a, _ in world.confounders}
    ips = sorted({r.ip for r in world.requests if r.account_id in honest})
    if not ips:
        return
    actor = rng.choice(sorted({t[2] for t in world.truth}))
    world.labels.append(
        Label(
            "ip",
            rng.choice(ips),
            actor,
            round(rng.uniform(0.2, 0.35), 2),
            "partner:threat-share",
            "low-confidence overlap with the actor's infrastructure",
        )
    )
