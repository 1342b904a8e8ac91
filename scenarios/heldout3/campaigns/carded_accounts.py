"""Accounts opened in batches with stolen card numbers, used hard for tool-calling traces until the
chargebacks get them suspended.

Sloppy on money and identity (creation batches within the hour, one small set of BINs, the card used
minutes after sign-up, issuer country that of the victim), on infrastructure (one bulletproof hosting
network plus a few residential proxies) and on content (one tool-use template). The hosting network is
labelled with moderate confidence.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from scenarios.heldout3.base import CONTENT, INFRA, MONEY, TIMING, CampaignStyle
from scenarios.heldout3.world import DAY, HOUR, NEW_MODEL, OLD_MODELS, RELEASE, T0, World

_TOOL_PARAMS = {
    "get_weather": {"city": "string", "unit": "c|f"},
    "search_flights": {"from": "IATA", "to": "IATA", "date": "YYYY-MM-DD"},
    "create_event": {"title": "string", "start": "datetime", "attendees": "list"},
    "query_db": {"sql": "string"},
    "send_email": {"to": "string", "subject": "string", "body": "string"},
    "get_quote": {"ticker": "string"},
    "convert_currency": {"amount": "number", "from": "ISO4217", "to": "ISO4217"},
    "lookup_order": {"order_id": "string"},
}
TOOLS = {k: json.dumps({"name": k, "parameters": v}) for k, v in _TOOL_PARAMS.items()}
REQUESTS = (
    "Is it going to rain in {city} tomorrow? If so, move my 3pm walk to Thursday.",
    "Find me a flight from {a} to {b} on the cheapest day next week and email the options to my boss.",
    "How many orders did we ship to {city} last month? Use the orders table.",
    "Convert {n} EUR to JPY and tell me if that's more than last week.",
    "Where is order {n}? If it's late, draft an apology email to the customer.",
    "Set up a 30 minute sync with the design team every Tuesday and add {city} office folks.",
)
_CITIES = ("Austin", "Leeds", "Lyon", "Osaka", "Recife", "Pune", "Gdansk", "Cebu", "Accra", "Tallinn")


@dataclass(frozen=True, kw_only=True)
class CardedAccounts(CampaignStyle):
    name: str = "carded_accounts"
    actor: str = "RUST VIOLET"
    share: float = 0.014
    signals: tuple[str, ...] = (MONEY, INFRA, TIMING, CONTENT)
    camouflage: float = 0.0
    labelled: bool = True
    batch_size: tuple[int, int] = (12, 30)
    stolen_bins: tuple[str, ...] = ("414720", "426684", "517805", "440066")
    victim_countries: tuple[str, ...] = ("US", "US", "GB", "CA", "AU", "DE", "FR")
    hosting_asn: int = 401187
    residential_share: float = 0.3
    suspended_share: float = 0.35
    requests_mean: float = 26.0

    def build(self, w: World, campaign_id: str, n: int) -> list[str]:
        r = w.rng
        bp = w.asn_by_number(self.hosting_asn)
        subnet = w.new_subnet(bp)
        made: list[str] = []
        left = n
        while left > 0:
            size = min(left, r.randint(*self.batch_size))
            left -= size
            at = T0 + r.uniform(-6, 34) * DAY
            hosts = [w.ip_in_subnet(subnet, bp) for _ in range(2)]
            for _ in range(size):
                victim = r.choice(self.victim_countries)
                created = at + r.uniform(0, 50) * 60
                suspended = r.random() < self.suspended_share
                acct = w.new_account(
                    created_at=created,
                    email_domain=w.free_mail(victim),
                    country=victim,
                    plan="pro",
                    signup_channel="web",
                    status="suspended" if suspended else "active",
                )
                made.append(acct)
                w.pay(
                    acct,
                    w.instrument_token(),
                    instrument_type="card",
                    bin_=r.choice(self.stolen_bins),
                    issuer_country=victim,
                    first_used=created + r.uniform(60, 600),
                )
                ips = list(hosts)
                if r.random() < self.residential_share:
                    ips.append(w.new_ip(w.asn_of("residential", victim)))
                life = r.uniform(3, 10) * DAY if suspended else r.uniform(10, 40) * DAY
                k = w.count(self.requests_mean)
                for _ in range(k):
                    t = created + r.uniform(0.1, 1.0) * life * r.random() ** 0.5
                    tools = r.sample(list(TOOLS), r.randint(2, 4))
                    ask = r.choice(REQUESTS).format(
                        city=r.choice(_CITIES), a="LIS", b="BER", n=r.randint(1000, 99999)
                    )
                    prompt = (
                        "You have access to the following tools:\n"
                        + "\n".join(TOOLS[x] for x in tools)
                        + f"\n\nUser: {ask}\n\nDecide which tool to call. Respond with a single JSON object "
                        '{"tool": ..., "arguments": {...}}, then explain your reasoning.'
                    )
                    model = NEW_MODEL if t > RELEASE + 12 * HOUR and r.random() < 0.5 else OLD_MODELS[0]
                    w.request(
                        acct,
                        t,
                        prompt,
                        r.choice(ips),
                        model,
                        output_tokens=r.randint(150, 900),
                        user_agent="lumen-node/1.9.2",
                    )
        if self.labelled:
            w.label(
                "asn",
                f"AS{self.hosting_asn}",
                self.actor,
                0.5,
                "partner-feed",
                "bulletproof hosting network used by carding crews",
            )
        return made
