"""Held-back scenario split: a synthetic platform with distillation campaigns, benign look-alike cohorts
and ordinary users, written in input format v1 plus ``truth.csv`` and ``confounders.csv``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from scenarios.heldout3.background import build_background
from scenarios.heldout3.base import CampaignStyle, CohortStyle
from scenarios.heldout3.campaigns.botnet_residential import BotnetResidential
from scenarios.heldout3.campaigns.carded_accounts import CardedAccounts
from scenarios.heldout3.campaigns.computer_use_scrape import ComputerUseScrape
from scenarios.heldout3.campaigns.polyglot_mirror import PolyglotMirror
from scenarios.heldout3.campaigns.refusal_mapper import RefusalMapper
from scenarios.heldout3.campaigns.seat_stuffing import SeatStuffing
from scenarios.heldout3.campaigns.self_instruct_factory import SelfInstructFactory
from scenarios.heldout3.campaigns.trial_churn import TrialChurn
from scenarios.heldout3.cohorts.contact_center_bpo import ContactCenterBpo
from scenarios.heldout3.cohorts.localization_vendor import LocalizationVendor
from scenarios.heldout3.cohorts.newsroom_desk import NewsroomDesk
from scenarios.heldout3.cohorts.privacy_relay import PrivacyRelay
from scenarios.heldout3.cohorts.promo_signup_wave import PromoSignupWave
from scenarios.heldout3.cohorts.qa_automation import QaAutomation
from scenarios.heldout3.cohorts.virtual_card_fintech import VirtualCardFintech
from scenarios.heldout3.cohorts.worksheet_plugin import WorksheetPlugin
from scenarios.heldout3.world import World

__all__ = ["CAMPAIGN_STYLES", "COHORT_STYLES", "generate"]

CAMPAIGN_STYLES: dict[str, CampaignStyle] = {
    s.name: s
    for s in (
        BotnetResidential(),
        TrialChurn(),
        PolyglotMirror(),
        RefusalMapper(),
        ComputerUseScrape(),
        SelfInstructFactory(),
        CardedAccounts(),
        SeatStuffing(),
    )
}
COHORT_STYLES: dict[str, CohortStyle] = {
    s.name: s
    for s in (
        LocalizationVendor(),
        NewsroomDesk(),
        QaAutomation(),
        WorksheetPlugin(),
        VirtualCardFintech(),
        PrivacyRelay(),
        PromoSignupWave(),
        ContactCenterBpo(),
    )
}

#: Campaigns and cohorts together never take more than this share of the platform.
_MAX_SPECIAL_SHARE = 0.6


def _pick(names: Sequence[str] | None, known: dict[str, object], what: str) -> list[str]:
    if names is None:
        return list(known)
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ValueError(f"unknown {what} style(s): {', '.join(unknown)}; known: {', '.join(known)}")
    return list(dict.fromkeys(names))


def generate(
    out: Path,
    accounts: int,
    seed: int,
    *,
    campaigns: Sequence[str] | None = None,
    cohorts: Sequence[str] | None = None,
    requests_per_account: float = 12.0,
) -> None:
    """Write one synthetic platform of ``accounts`` accounts into ``out``; deterministic for ``seed``."""
    if accounts < 50:
        raise ValueError("accounts must be at least 50")
    camp_names = _pick(campaigns, dict(CAMPAIGN_STYLES), "campaign")
    coh_names = _pick(cohorts, dict(COHORT_STYLES), "cohort")
    camp_sizes = {n: CAMPAIGN_STYLES[n].size(accounts) for n in camp_names}
    coh_sizes = {n: COHORT_STYLES[n].size(accounts) for n in coh_names}
    special = sum(camp_sizes.values()) + sum(coh_sizes.values())
    cap = int(accounts * _MAX_SPECIAL_SHARE)
    if special > cap:
        f = cap / special
        camp_sizes = {k: max(2, int(v * f)) for k, v in camp_sizes.items()}
        coh_sizes = {k: max(2, int(v * f)) for k, v in coh_sizes.items()}
        special = sum(camp_sizes.values()) + sum(coh_sizes.values())

    w = World(seed=seed, platform_size=accounts, requests_per_account=requests_per_account)
    build_background(w, accounts - special)
    for i, name in enumerate(camp_names, start=1):
        style = CAMPAIGN_STYLES[name]
        campaign_id = f"C{seed % 1000:03d}-{i:02d}"
        made = style.build(w, campaign_id, camp_sizes[name])
        w.truth.extend((a, campaign_id, style.actor, style.name) for a in made)
    for name in coh_names:
        made = COHORT_STYLES[name].build(w, coh_sizes[name])
        w.confounders.extend((a, name) for a in made)
    w.write(Path(out))
