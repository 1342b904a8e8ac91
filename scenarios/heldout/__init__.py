"""Held-out Linkwatch scenarios: an ordinary platform, distillation campaigns and honest look-alike crowds.

`generate(out, accounts, seed)` writes an input-format-v1 directory (accounts, ip_links, payment_links,
requests, labels) plus `truth.csv` and `confounders.csv`. Same arguments, byte-identical files.
"""

from __future__ import annotations

import gc
import pathlib
from collections.abc import Sequence

from .population.background import build_background
from .registry import CAMPAIGNS, COHORTS, Style
from .world import World
from .writer import write

CAMPAIGN_STYLES: tuple[str, ...] = tuple(CAMPAIGNS)
COHORT_STYLES: tuple[str, ...] = tuple(COHORTS)

__all__ = ["CAMPAIGN_STYLES", "COHORT_STYLES", "generate"]


def _select(names: Sequence[str] | None, catalogue: dict[str, Style], kind: str) -> list[Style]:
    if names is None:
        return list(catalogue.values())
    unknown = [n for n in names if n not in catalogue]
    if unknown:
        raise ValueError(f"unknown {kind} style(s): {', '.join(unknown)}; known: {', '.join(catalogue)}")
    return [catalogue[n] for n in dict.fromkeys(names)]


def generate(
    out: pathlib.Path,
    accounts: int,
    seed: int,
    *,
    campaigns: Sequence[str] | None = None,
    cohorts: Sequence[str] | None = None,
    requests_per_account: float = 12.0,
) -> None:
    """Write one scenario with `accounts` accounts in total; the ordinary platform fills what the
    selected campaign and cohort styles (None: all of them) do not take."""
    chosen = _select(campaigns, CAMPAIGNS, "campaign") + _select(cohorts, COHORTS, "cohort")
    sizes = [style.size.count(accounts) for style in chosen]
    background = accounts - sum(sizes)
    if background < 0:
        raise ValueError(f"{accounts} accounts is too few for the selected styles (they need {sum(sizes)})")
    was_enabled = gc.isenabled()
    gc.disable()  # millions of small objects and no cycles worth collecting
    try:
        world = World(seed, accounts, requests_per_account)
        build_background(world, background)
        for style, size in zip(chosen, sizes, strict=True):
            before = len(world.accounts)
            style.build(world, size)
            made = len(world.accounts) - before
            if made != size:
                raise RuntimeError(f"style {style.name} made {made} accounts, expected {size}")
        write(world, pathlib.Path(out))
    finally:
        if was_enabled:
            gc.enable()
