"""Phone and laptop users behind a privacy relay: the relay's partner CDNs hand out a fresh regional exit
address per session, so hundreds of unrelated people share each exit and each person uses dozens of exits.

Resembles a proxy-rotating operation on infrastructure only (many accounts, many shared proxy-type exits,
one browser family); identities, money, content and rhythm are ordinary. A stale block-list entry wrongly
ties one exit to a known operator with low confidence."""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.heldout3.background import user_requests
from scenarios.heldout3.base import INFRA, CohortStyle, created_before_window
from scenarios.heldout3.world import T0, World

_SAFARI = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
    "Gecko) Version/18.3 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/18.3 Safari/605.1.15",
    "Mozilla/5.0 (iPad; CPU OS 18_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/18.3 Mobile/15E148 Safari/604.1",
)


@dataclass(frozen=True, kw_only=True)
class PrivacyRelay(CohortStyle):
    name: str = "privacy_relay"
    share: float = 0.015
    resembles: tuple[str, ...] = (INFRA,)
    exits_per_user: float = 0.8
    requests_mean: float = 14.0
    #: actor a stale block-list wrongly attaches to one exit (empty: no such label)
    misleading_actor: str = "COPPER HERON"

    def build(self, w: World, n: int) -> list[str]:
        r = w.rng
        asns = [w.asn_by_number(x) for x in (13335, 36183, 54113)]
        pool = [
            w.new_ip(r.choice(asns), v6=r.random() < 0.3)
            for _ in range(max(10, int(n * self.exits_per_user)))
        ]
        made: list[str] = []
        for _ in range(n):
            country = w.background_country()
            created = created_before_window(w)
            domain = r.choice(("icloud.com", "icloud.com", "me.com", "privaterelay.appleid.com"))
            acct = w.new_account(
                created_at=created,
                email_domain=domain,
                country=country,
                signup_channel="apple_sso",
                plan=r.choice(("free", "free", "plus")),
            )
            made.append(acct)
            if w.accounts[acct]["plan"] == "plus":
                w.pay(
                    acct,
                    w.instrument_token(),
                    instrument_type="apple_pay",
                    bin_=w.bin_for(country),
                    issuer_country=country,
                    first_used=created + 3600,
                )
            ips = r.sample(pool, min(len(pool), r.randint(5, 25)))
            user_requests(w, acct, w.count(self.requests_mean), ips, [r.choice(_SAFARI)], start=T0)
        if self.misleading_actor:
            w.label(
                "ip",
                pool[0],
                self.misleading_actor,
                0.2,
                "osint-blocklist",
                "listed as proxy exit on a public block list (unverified)",
            )
        return made
