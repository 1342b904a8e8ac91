"""Development scenarios for Linkwatch: realistic platform traffic with planted distillation campaigns
and benign look-alike cohorts, with known ground truth.

``generate(out, accounts, seed)`` writes input format v1 (``accounts.csv``, ``ip_links.csv``,
``payment_links.csv``, ``requests.csv.gz``, ``labels.csv``) plus ``truth.csv``
(``account_id,campaign_id,actor,style`` for every account) and ``confounders.csv``
(``account_id,cohort`` for every legitimate account in a benign cohort or background structure).
Same arguments, same bytes.
"""

from __future__ import annotations

import pathlib
from collections.abc import Sequence

from . import scenario
from .campaigns import REGISTRY as _CAMPAIGNS
from .cohorts import REGISTRY as _COHORTS

CAMPAIGN_STYLES: tuple[str, ...] = tuple(_CAMPAIGNS)
COHORT_STYLES: tuple[str, ...] = tuple(_COHORTS)

__all__ = ["CAMPAIGN_STYLES", "COHORT_STYLES", "generate"]


def generate(
    out: pathlib.Path,
    accounts: int,
    seed: int,
    *,
    campaigns: Sequence[str] | None = None,
    cohorts: Sequence[str] | None = None,
    requests_per_account: float = 12.0,
) -> None:
    """Write one scenario into directory ``out`` (created). ``None`` selects every style."""
    scenario.generate(out, accounts, seed, campaigns, cohorts, requests_per_account)
