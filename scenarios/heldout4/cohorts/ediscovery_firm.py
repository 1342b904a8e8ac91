"""Contract reviewers hired through a staffing agency for an e-discovery project: all onboarded on the same
day (a creation burst), connecting through the same commercial VPN exits that abusers also use, most paying
with the agency's card, pasting clauses into a fixed review template during US office hours."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout4 import text
from scenarios.heldout4.background import VISA_MC_BINS, card
from scenarios.heldout4.world import (
    BROWSER_UAS,
    DAY,
    HOURS_WORK,
    RESIDENTIAL_BY_COUNTRY,
    TZ,
    WINDOW_END,
    WINDOW_START,
    World,
    benign_model,
    local_times,
)

HEAD = (
    "Review the following contract clause. Flag any indemnity, limitation-of-liability, assignment or "
    "change-of-control terms, rate the risk (low/medium/high) and explain in two sentences.\n\nClause: {c}"
)
CLAUSES = (
    "Either party may assign this Agreement to an affiliate without the prior written consent of the other.",
    "The Supplier shall indemnify the Customer against all losses arising from any breach of this Agreement.",
    "In no event shall either party's aggregate liability exceed the fees paid in the twelve months "
    "preceding the claim.",
    "This Agreement shall terminate automatically upon a change of control of the Customer.",
    "The Licensee shall not reverse engineer, decompile or disassemble the Software.",
    "All notices shall be in writing and delivered by courier to the addresses set out above.",
    "The Parties agree that the courts of England shall have exclusive jurisdiction.",
)


def clause(rng: random.Random) -> str:
    return " ".join(rng.sample(CLAUSES, rng.randint(1, 3))) + " " + rng.choice(text.SENTENCES)


@dataclass(frozen=True)
class EdiscoveryFirm:
    name: str = "ediscovery_firm"
    share: float = 0.007
    resembles: tuple[str, ...] = (
        "identity:creation-burst",
        "money:shared-card",
        "infra:shared-vpn",
        "content:template",
        "content:long-input",
    )
    agency_card_share: float = 0.7
    onboarding_day: float = 15.0
    volume_scale: float = 3.0

    def plant(self, w: World, group_id: str, n: int) -> None:
        rng = w.rng(self.name)
        exits = rng.sample(w.vpn_exits[:12], 3)  # the provider's busiest servers, near the office
        agency_card = w.instrument("card")
        bin_ = rng.choice(VISA_MC_BINS)
        day = WINDOW_START + self.onboarding_day * DAY
        for _ in range(n):
            created = day + rng.uniform(13, 17) * 3600
            acct = w.add_account(created, "lexstaffpartners.com", "US", "pro")
            if rng.random() < self.agency_card_share:
                w.pay(acct, agency_card, "credit", bin_, "US", created + 1200)
            else:
                card(w, rng, acct, "US", created + 1200)
            w.mark_cohort(acct, self.name)
            home = w.net.v4(rng, rng.choice(RESIDENTIAL_BY_COUNTRY["US"]))
            ua = rng.choice(BROWSER_UAS)
            m = w.volume(rng, self.volume_scale, 0.5)
            for ts in local_times(rng, m, TZ["US"] + 1, created + DAY, WINDOW_END, HOURS_WORK, True):
                ip = rng.choice(exits) if rng.random() < 0.85 else home
                prompt = HEAD.format(c=clause(rng)) if rng.random() < 0.85 else text.benign_prompt(rng)
                w.req(rng, acct, ts, prompt, ip, benign_model(rng, ts, 0.5), ua, 260)
