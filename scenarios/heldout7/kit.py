"""Small helpers the campaign and cohort modules share."""

from __future__ import annotations

import random
from collections.abc import Sequence

from scenarios.heldout7.core import Account, World


def enlist(w: World, accounts: Sequence[Account], campaign_id: str, actor: str, style: str) -> None:
    for a in accounts:
        w.truth.append((a.account_id, campaign_id, actor, style))


def enrol(w: World, accounts: Sequence[Account], cohort: str) -> None:
    for a in accounts:
        w.confounders.append((a.account_id, cohort))


def burst_times(rng: random.Random, centre: float, n: int, width: float) -> list[int]:
    """`n` sign-up times packed within `width` seconds after `centre`."""
    return sorted(int(centre + rng.uniform(0, width)) for _ in range(n))


def bin6(rng: random.Random, first: str = "4") -> str:
    return first + "".join(str(rng.randint(0, 9)) for _ in range(6 - len(first)))
