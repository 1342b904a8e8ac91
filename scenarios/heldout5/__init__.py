"""Held-back scenario split five: synthetic platform traffic with distillation campaigns and look-alikes.

``generate`` writes the input-format-v1 files plus ``truth.csv`` and ``confounders.csv``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ._background import build_background
from ._core import B32, Style, World, build_nets, token, write_world
from .campaigns import CAMPAIGNS
from .cohorts import COHORTS

CAMPAIGN_STYLES: dict[str, Style] = {s.name: s for s in CAMPAIGNS}
COHORT_STYLES: dict[str, Style] = {s.name: s for s in COHORTS}

__all__ = ["CAMPAIGN_STYLES", "COHORT_STYLES", "Style", "generate"]


def _size(share: float, accounts: int) -> int:
    return max(4, round(share * accounts))


def generate(
    out: Path,
    accounts: int,
    seed: int,
    *,
    campaigns: Sequence[str] | None = None,
    cohorts: Sequence[str] | None = None,
    requests_per_account: float = 12.0,
) -> None:
    """Write one synthetic platform of ``accounts`` accounts into ``out``; deterministic per ``seed``."""
    camp_names = list(CAMPAIGN_STYLES) if campaigns is None else list(campaigns)
    coh_names = list(COHORT_STYLES) if cohorts is None else list(cohorts)
    for name in camp_names:
        if name not in CAMPAIGN_STYLES:
            raise ValueError(f"unknown campaign style {name!r}")
    for name in coh_names:
        if name not in COHORT_STYLES:
            raise ValueError(f"unknown cohort style {name!r}")
    rng = np.random.default_rng(seed)
    ids: set[str] = set()
    while len(ids) < accounts:
        ids.add(f"acct_{token(rng, 10, B32)}")
    id_list = sorted(ids)
    rng.shuffle(id_list)
    w = World(rng=rng, total=accounts, rpa=requests_per_account, nets=build_nets(rng), free_ids=id_list)
    styles = [CAMPAIGN_STYLES[c] for c in camp_names] + [COHORT_STYLES[c] for c in coh_names]
    sized = [(s, _size(s.knobs.share, accounts)) for s in styles]
    budget = accounts * 6 // 10  # styles never take more than 60 % of the platform
    total = sum(n for _, n in sized)
    if total > budget:
        sized = [(s, max(4, n * budget // total)) for s, n in sized]
    for i, (style, n) in enumerate(sized):
        sub = np.random.default_rng([seed, i + 1, 7])
        members = w.take_ids(n)
        if not members:
            continue
        if style.kind == "campaign":
            cid = f"cmp-{token(sub, 8, B32)}"
            actor = style.knobs.actor if style.knobs.labelled else ""
            w.truth.extend((a, cid, actor, style.name) for a in members)
        else:
            cid = style.name
            w.confounders.extend((a, style.name) for a in members)
        style.build(w, members, style.knobs, sub, cid)
    build_background(w, np.random.default_rng([seed, 0, 7]), len(w.free_ids))
    write_world(Path(out), w)
