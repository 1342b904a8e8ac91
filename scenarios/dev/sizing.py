"""How big a planted campaign or cohort is."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Sizing:
    """Size as a share of all accounts, with a floor and an optional cap (0: none)."""

    share: float
    min_accounts: int = 15
    max_accounts: int = 0

    def count(self, total: int, rng: random.Random) -> int:
        n = round(total * self.share * rng.uniform(0.8, 1.2))
        if self.max_accounts:
            n = min(n, self.max_accounts)
        return max(self.min_accounts, n)
