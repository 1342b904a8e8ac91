"""``saas_integrator``: a legitimate help-desk product calling the model on behalf of its customers.

Real-world behaviour: a SaaS vendor provisions one API account per customer workspace under its own
organisation, pays with one card, and calls the model from a few cloud servers. Its traffic is heavy,
steady around the clock (customers in every time zone) and almost entirely one template: "draft a reply
to ticket #N" with the customer's message pasted in. Old accounts, partner sign-up channel.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import identity
from ..clock import DAY, HOUR, OLD_MODEL, RELEASE, T0, T_END
from ..fast import between, pick
from ..network import HOSTING_BIG
from ..sizing import Sizing
from ..text.words import FIRST_NAMES, TONES
from ..world import World
from .base import CohortContext, CohortStyle

SIZE = Sizing(0.006, 15, 600)


@dataclass(frozen=True)
class Knobs:
    size: Sizing = SIZE
    hosting_ips: tuple[int, int] = (3, 4)
    volume: float = 3.0
    upgrade_after_days: tuple[int, int] = (6, 14)  # a cautious vendor moves to the new model late
    signals: tuple[str, ...] = (  # what makes this benign cluster look coordinated
        "shared_instrument",
        "hosting_ips",
        "template_family",
        "high_volume",
        "around_the_clock",
    )


KNOBS = Knobs()
CATEGORIES = (
    "delayed delivery",
    "refund request",
    "login problem",
    "billing question",
    "damaged item",
    "subscription cancellation",
    "feature question",
    "address change",
)
_BRAND_A = ("Blue", "North", "Happy", "Urban", "Green", "Swift", "Bright", "Little")
_BRAND_B = ("Outfitters", "Pets", "Travel", "Homeware", "Bikes", "Books", "Coffee", "Garden")
TEMPLATE = (
    "Draft a polite reply to support ticket #{ticket} ({category}). Tone: {tone}. Customer message: {text}\n"
    "Sign as {agent}, {company} Support."
)


def plant(world: World, ctx: CohortContext, knobs: Knobs = KNOBS) -> list[str]:
    rng, n = ctx.rng, ctx.size
    slug, domain = identity.company(rng)
    product = slug.replace("-", "").capitalize()
    org_id = f"org_{rng.getrandbits(40):010x}"
    asn = rng.choice([a for a in HOSTING_BIG if a.number in (16509, 14618, 396982)])
    ips = [world.net.ip(asn) for _ in range(rng.randint(*knobs.hosting_ips))]
    token = identity.instrument_id(rng)
    card_bin = identity.card_bin(rng, "US")
    ua = f"{product.lower()}-backend/2.{rng.randint(0, 9)}.{rng.randint(0, 20)} linkwatch-python/1.40.0"
    upgrade = RELEASE + rng.randint(*knobs.upgrade_after_days) * DAY
    members: list[str] = []
    for _ in range(n):
        created = T0 - rng.randint(120, 600) * DAY
        aid = world.new_account(created, domain, "US", "api", org_id=org_id, channel="partner")
        members.append(aid)
        world.pay(aid, token, "card", card_bin, "US", created)
        company = f"{rng.choice(_BRAND_A)} {rng.choice(_BRAND_B)}"
        k = max(1, round(world.rpa * knobs.volume * rng.lognormvariate(-0.2, 0.6)))
        for _ in range(k):
            ts = T0 + int(rng.random() * (T_END - T0))
            if rng.random() < 0.3:  # a mild business-hours bump across customers' time zones
                ts = ts - ts % DAY + (13 + int(rng.random() * 10)) * HOUR
                ts = min(ts, T_END - 1)
            prompt = TEMPLATE.format(
                ticket=between(rng, 100_000, 9_999_999),
                category=pick(rng, CATEGORIES),
                tone=pick(rng, TONES),
                text=world.corpus.short(rng),
                agent=pick(rng, FIRST_NAMES),
                company=company,
            )
            model = "frontier-2" if ts >= upgrade else OLD_MODEL
            world.request(aid, ts, prompt, pick(rng, ips), model, between(rng, 120, 600), ua)
    return members


STYLE = CohortStyle("saas_integrator", KNOBS.size, plant)
