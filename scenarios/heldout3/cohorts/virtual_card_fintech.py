"""People in markets where local cards are refused pay with US-dollar virtual cards from the same fintech
app: a handful of BINs, issuer country US, billing country elsewhere; a viral post drove a sign-up burst.

Resembles a carding ring (one BIN cluster, issuer country mismatched with the account, a burst of new paid
accounts) while every account has its own card, its own home or phone connection and ordinary varied use."""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.heldout3.background import user_requests
from scenarios.heldout3.base import BROWSER_UAS, MOBILE_UAS, MONEY, TIMING, CohortStyle, created_before_window
from scenarios.heldout3.world import DAY, HOUR, T0, World


@dataclass(frozen=True, kw_only=True)
class VirtualCardFintech(CohortStyle):
    name: str = "virtual_card_fintech"
    share: float = 0.012
    resembles: tuple[str, ...] = (MONEY, TIMING)
    bins: tuple[str, ...] = ("539983", "539984", "428963")
    countries: tuple[str, ...] = ("NG", "NG", "PK", "EG", "KE", "BD", "PH")
    burst_day: float = 9.0
    burst_share: float = 0.35
    requests_mean: float = 14.0

    def build(self, w: World, n: int) -> list[str]:
        r = w.rng
        cgnat = w.shared_pools.get("cgnat", [])
        made: list[str] = []
        for _ in range(n):
            country = r.choice(self.countries)
            if r.random() < self.burst_share:
                created = T0 + self.burst_day * DAY + r.uniform(0, 30) * HOUR
            else:
                created = created_before_window(w, max_days=300)
            acct = w.new_account(
                created_at=created,
                email_domain=w.free_mail(country),
                country=country,
                plan="plus",
                signup_channel=r.choice(("web", "mobile_app")),
                status="suspended" if r.random() < 0.04 else "active",
            )
            made.append(acct)
            w.pay(
                acct,
                w.instrument_token(),
                instrument_type="virtual_card",
                bin_=r.choice(self.bins),
                issuer_country="US",
                first_used=created + r.uniform(300, 2 * DAY),
            )
            mobile = w.asn_of("mobile", country)
            ips = [w.new_ip(w.asn_of("residential", country))]
            if mobile.country == country:
                ips.append(w.new_ip(mobile))
            elif cgnat and r.random() < 0.3:
                ips.append(r.choice(cgnat))
            user_requests(
                w,
                acct,
                w.count(self.requests_mean),
                ips,
                [r.choice(BROWSER_UAS + MOBILE_UAS)],
                start=max(created, T0),
                coding=r.random() < 0.3,
            )
        return made
