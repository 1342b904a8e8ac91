"""Followers of a video creator who signed up through the creator's referral code within hours of a video
going out: a referral-channel creation burst (a star around one referrer rather than a chain), free plans,
mostly one country, ordinary home and phone connections and ordinary prompts - many try it
for a day and stop."""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.heldout4 import text
from scenarios.heldout4.world import (
    BROWSER_UAS,
    DAY,
    HOURS_EVENING,
    MOBILE_BY_COUNTRY,
    RESIDENTIAL_BY_COUNTRY,
    TZ,
    WINDOW_END,
    WINDOW_START,
    World,
    benign_model,
    local_times,
    mobile_ua,
)


@dataclass(frozen=True)
class CreatorReferrals:
    name: str = "creator_referrals"
    share: float = 0.009
    resembles: tuple[str, ...] = (
        "identity:referral-channel",
        "identity:creation-burst",
        "timing:short-lived",
    )
    video_day: float = 24.0
    country: str = "PH"
    churn_share: float = 0.6

    def plant(self, w: World, group_id: str, n: int) -> None:
        rng = w.rng(self.name)
        video = WINDOW_START + self.video_day * DAY + 11 * 3600
        for _ in range(n):
            country = self.country if rng.random() < 0.75 else rng.choice(("US", "ID", "VN"))
            created = video + rng.expovariate(1 / 8.0) * 3600
            on_phone = country in MOBILE_BY_COUNTRY and rng.random() < 0.6
            acct = w.add_account(created, rng.choice(text.FREE_MAIL[:3]), country, "free", channel="referral")
            w.mark_cohort(acct, self.name)
            if on_phone:
                ips = rng.sample(w.cgnat[rng.choice(MOBILE_BY_COUNTRY[country])], 3)
                ua = mobile_ua(rng)
            else:
                ips = [w.net.v4(rng, rng.choice(RESIDENTIAL_BY_COUNTRY[country]))]
                ua = rng.choice(BROWSER_UAS)
            end = created + rng.uniform(0.3, 2) * DAY if rng.random() < self.churn_share else WINDOW_END
            m = w.volume(rng, 0.9)
            for ts in local_times(rng, m, TZ[country], created, min(end, WINDOW_END), HOURS_EVENING):
                w.req(rng, acct, ts, text.benign_prompt(rng), rng.choice(ips), benign_model(rng, ts), ua, 350)
