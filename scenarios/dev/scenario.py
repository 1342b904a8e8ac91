"""Assembles one scenario: sizes, background, benign cohorts, campaigns, labels, ground truth."""

from __future__ import annotations

import pathlib
import random
from collections.abc import Sequence

from . import attribution, writer
from .campaigns import REGISTRY as CAMPAIGNS
from .campaigns.base import CampaignContext, Planted
from .cohorts import REGISTRY as COHORTS
from .cohorts.base import CohortContext
from .network import Network
from .platform import populate
from .text.corpus import Corpus
from .text.ordinary import Ordinary
from .world import World


def _rng(seed: int, name: str) -> random.Random:
    """An independent, reproducible stream per component (string seeds hash with SHA-512)."""
    return random.Random(f"linkwatch-dev/{seed}/{name}")


def _select(requested: Sequence[str] | None, known: dict[str, object], what: str) -> list[str]:
    if requested is None:
        return list(known)
    unknown = [s for s in requested if s not in known]
    if unknown:
        raise ValueError(f"unknown {what} style(s) {unknown}; known: {sorted(known)}")
    return [s for s in known if s in requested]


def build(
    accounts: int,
    seed: int,
    campaigns: Sequence[str] | None,
    cohorts: Sequence[str] | None,
    requests_per_account: float,
) -> World:
    camp = _select(campaigns, dict(CAMPAIGNS), "campaign")
    coh = _select(cohorts, dict(COHORTS), "cohort")
    sizing = _rng(seed, "sizes")
    sizes = {s: CAMPAIGNS[s].size.count(accounts, sizing) for s in camp}
    sizes.update({s: COHORTS[s].size.count(accounts, sizing) for s in coh})
    planted_total = sum(sizes.values())
    if planted_total > accounts // 2:
        raise ValueError(f"{accounts} accounts are too few for the selected styles ({planted_total} planted)")

    corpus = Corpus(_rng(seed, "corpus"))
    world = World(
        seed=seed,
        rng=_rng(seed, "ids"),
        net=Network(_rng(seed, "network")),
        corpus=corpus,
        ordinary=Ordinary(corpus),
        rpa=requests_per_account,
    )
    bg = populate(world, accounts - planted_total, _rng(seed, "background"))

    for name in coh:
        members = COHORTS[name].plant(
            world, CohortContext(name, sizes[name], _rng(seed, f"cohort/{name}"), bg)
        )
        for aid in members:
            world.mark(aid, name)

    p = attribution.plan(_rng(seed, "actors"), camp, CAMPAIGNS)
    planted: dict[str, Planted] = {}
    ids: dict[str, str] = {}
    for i, style in enumerate(p.order, start=1):
        ctx = CampaignContext(f"c{i:02d}-{style}", style, sizes[style], _rng(seed, f"campaign/{style}"), bg)
        if p.pair is not None and style == p.pair[1] and p.label_kind[p.pair[0]] == "template":
            ctx.borrowed = planted[p.pair[0]].family
            ctx.borrow_share = ctx.rng.uniform(0.12, 0.25)
        result = CAMPAIGNS[style].plant(world, ctx)
        planted[style] = result
        if p.pair is not None and style == p.pair[1] and p.label_kind[p.pair[0]] == "instrument":
            token = planted[p.pair[0]].handles["instrument"][0]
            attribution.share_instrument(world, ctx.rng, token, result.members)
        ids[style] = ctx.campaign_id

    labels_rng = _rng(seed, "labels")
    attribution.apply_labels(world, labels_rng, p, planted)
    attribution.decoys(world, labels_rng, p, bg)
    for style in p.order:
        world.assign(planted[style].members, ids[style], style, p.actor(style))
    return world


def generate(
    out: pathlib.Path,
    accounts: int,
    seed: int,
    campaigns: Sequence[str] | None = None,
    cohorts: Sequence[str] | None = None,
    requests_per_account: float = 12.0,
) -> None:
    world = build(accounts, seed, campaigns, cohorts, requests_per_account)
    writer.write(world, pathlib.Path(out))
