"""Heavy free-tier users who hit the daily message cap most days, on phones or a free VPN."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout7.background import consumer_domain, past_created
from scenarios.heldout7.core import MOBILE_BY_COUNTRY, T0, T1, StyleSpec, World, mobile_ua
from scenarios.heldout7.kit import enrol
from scenarios.heldout7.text import benign_prompt


@dataclass(frozen=True)
class Knobs:
    share: float = 0.012
    resembles: tuple[str, ...] = ("quota_skimmer",)
    shared_signals: tuple[str, ...] = (
        "timing:daily_cap_reached",
        "identity:free_plan",
        "infrastructure:vpn_and_carrier_nat",
    )
    daily_cap: int = 15
    vpn_share: float = 0.3
    volume_mult: float = 3.0


def build(w: World, k: Knobs, name: str, rng: random.Random) -> None:
    n = w.scaled(k.share, 8)
    vpn = [w.ip4(rng, "datacamp") for _ in range(6)]
    accs = []
    days_each = max(1, round(w.rpa * k.volume_mult / k.daily_cap))
    for _ in range(n):
        c = rng.choice(("IN", "NG", "ID", "PH", "VN", "BR"))
        acc = w.new_account(
            rng,
            past_created(rng, 0.05),
            email_domain=consumer_domain(rng),
            country=c,
            plan="free",
            signup_channel=rng.choice(("android", "google_sso", "web")),
        )
        accs.append(acc)
        mob = MOBILE_BY_COUNTRY.get(c)
        ips = [w.ip4(rng, rng.choice(mob)) if mob else w.residential_ip(rng, c)]
        if rng.random() < k.vpn_share:
            ips.append(rng.choice(vpn))
        ua = mobile_ua(rng)
        first = max(0, int((acc.created_at - T0) // 86400) + 1)
        days = sorted(rng.sample(range(first, 42), min(days_each, 42 - first)))
        for d in days:
            # Evening in local time; messages a minute or several apart; the cap ends the session.
            t = T0 + d * 86400 + (19 - acc.tz_offset) % 24 * 3600 + rng.randint(-7200, 7200)
            for _ in range(k.daily_cap if rng.random() < 0.8 else rng.randint(4, k.daily_cap)):
                p, tin, tout = benign_prompt(rng, "student" if rng.random() < 0.5 else "general")
                if T0 <= t < T1:
                    w.req(acc, t, p, rng.choice(ips), w.model_for(rng, t), tin, tout, ua)
                t += rng.randint(40, 900)
    enrol(w, accs, "daily_cap_regulars")


SPEC = StyleSpec("daily_cap_regulars", "cohort", Knobs(), build)
