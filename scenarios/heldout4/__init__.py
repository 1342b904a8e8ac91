"""Held-back scenario split 4: a synthetic platform with planted distillation campaigns and benign
look-alike cohorts, written in input format v1 plus `truth.csv` and `confounders.csv`.

Each style is a frozen dataclass of knobs in its own module (`campaigns/`, `cohorts/`); README.md describes
them. `generate` is deterministic for a given seed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from scenarios.heldout4.background import plant_background
from scenarios.heldout4.campaigns.best_of_n_sampler import BestOfNSampler
from scenarios.heldout4.campaigns.mcq_bank import McqBank
from scenarios.heldout4.campaigns.metronome_cron import MetronomeCron
from scenarios.heldout4.campaigns.phone_farm import PhoneFarm
from scenarios.heldout4.campaigns.preference_pairs import PreferencePairs
from scenarios.heldout4.campaigns.prepaid_pool import PrepaidPool
from scenarios.heldout4.campaigns.referral_chain import ReferralChain
from scenarios.heldout4.campaigns.serverless_fanout import ServerlessFanout
from scenarios.heldout4.campaigns.v6_rotator import V6Rotator
from scenarios.heldout4.cohorts.clinic_scribes import ClinicScribes
from scenarios.heldout4.cohorts.creator_referrals import CreatorReferrals
from scenarios.heldout4.cohorts.ediscovery_firm import EdiscoveryFirm
from scenarios.heldout4.cohorts.lambda_backend import LambdaBackend
from scenarios.heldout4.cohorts.mobile_tutors import MobileTutors
from scenarios.heldout4.cohorts.scheduled_digests import ScheduledDigests
from scenarios.heldout4.cohorts.viral_prompt_buyers import ViralPromptBuyers
from scenarios.heldout4.world import Style, World, write_world

__all__ = ["CAMPAIGN_STYLES", "COHORT_STYLES", "Style", "generate"]

CAMPAIGN_STYLES: dict[str, Style] = {
    s.name: s
    for s in (
        BestOfNSampler(),
        PreferencePairs(),
        V6Rotator(),
        PrepaidPool(),
        ReferralChain(),
        ServerlessFanout(),
        MetronomeCron(),
        McqBank(),
        PhoneFarm(),
    )
}
COHORT_STYLES: dict[str, Style] = {
    s.name: s
    for s in (
        ViralPromptBuyers(),
        ClinicScribes(),
        EdiscoveryFirm(),
        MobileTutors(),
        ScheduledDigests(),
        CreatorReferrals(),
        LambdaBackend(),
    )
}
MIN_GROUP = 6


def _pick(registry: dict[str, Style], names: Sequence[str] | None, kind: str) -> list[Style]:
    if names is None:
        return list(registry.values())
    unknown = [n for n in names if n not in registry]
    if unknown:
        raise ValueError(f"unknown {kind} style(s): {', '.join(unknown)}; known: {', '.join(registry)}")
    return [registry[n] for n in registry if n in set(names)]


def generate(
    out: Path,
    accounts: int,
    seed: int,
    *,
    campaigns: Sequence[str] | None = None,
    cohorts: Sequence[str] | None = None,
    requests_per_account: float = 12.0,
) -> None:
    """Write one scenario into directory `out`."""
    campaign_styles = _pick(CAMPAIGN_STYLES, campaigns, "campaign")
    cohort_styles = _pick(COHORT_STYLES, cohorts, "cohort")
    plan = [(s, max(MIN_GROUP, round(s.share * accounts))) for s in (*campaign_styles, *cohort_styles)]
    planted = sum(n for _, n in plan)
    if planted > accounts:
        raise ValueError(f"{accounts} accounts cannot hold {planted} campaign and cohort accounts")
    w = World(seed, accounts, requests_per_account)
    for style, n in plan:
        group_id = f"h4-{style.name}" if style in campaign_styles else style.name
        style.plant(w, group_id, n)
    plant_background(w, accounts - planted)
    write_world(w, Path(out))
