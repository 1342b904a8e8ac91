"""``corporate_card``: a company rolling the product out to its staff on one corporate card.

Real-world behaviour: an established company buys seats for a department or the whole firm: all
accounts sit in one organisation, use the company's e-mail domain and its one corporate card (or
invoice), and work from a few office egress addresses plus home. The accounts are old (created during
a rollout months ago) and the prompts are diverse ordinary work: e-mails, documents, spreadsheets, code,
during office hours in the company's time zone.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import identity
from ..clock import DAY, T0, T_END
from ..network import BUSINESS, RESIDENTIAL, asn_for
from ..platform import volume
from ..sizing import Sizing
from ..text.ordinary import mix, voice
from ..users import behave, paid_switch
from ..world import World
from .base import CohortContext, CohortStyle, persona

SIZE = Sizing(0.010, 15, 1500)


@dataclass(frozen=True)
class Knobs:
    size: Sizing = SIZE
    office_ips: tuple[int, int] = (2, 5)
    rollout_age_days: tuple[int, int] = (180, 540)
    volume: float = 1.5
    home_share: float = 0.25
    signals: tuple[str, ...] = (  # what makes this benign cluster look coordinated
        "shared_instrument",
        "organisation",
        "email_domain",
        "shared_office_ips",
    )


KNOBS = Knobs()
_WORK = mix(work=45, writing=25, question=12, coding=12, personal=3, viral=3)


def plant(world: World, ctx: CohortContext, knobs: Knobs = KNOBS) -> list[str]:
    rng, n = ctx.rng, ctx.size
    cc = rng.choice(("US", "US", "GB", "DE", "FR", "JP", "IN", "NL", "CA"))
    country = identity.BY_CODE[cc]
    _, domain = identity.company(rng)
    domain = domain.rsplit(".", 1)[0] + rng.choice((".com", ".co", ".de" if cc == "DE" else ".com"))
    org_id = f"org_{rng.getrandbits(40):010x}"
    asn = asn_for(cc, BUSINESS, rng)
    office = [world.net.ip(asn, kind="corporate") for _ in range(rng.randint(*knobs.office_ips))]
    token = identity.instrument_id(rng)
    invoice = rng.random() < 0.4
    card_kind, card_bin = ("invoice", "") if invoice else ("card", identity.card_bin(rng, cc))
    rollout = T0 - rng.randint(*knobs.rollout_age_days) * DAY
    plan = rng.choice(("enterprise", "team"))
    members: list[str] = []
    for _ in range(n):
        created = rollout + int(rng.expovariate(1 / (20 * DAY)))
        created = min(created, T0 - DAY)
        aid = world.new_account(created, domain, cc, plan, org_id=org_id, channel="sales")
        members.append(aid)
        world.pay(aid, token, card_kind, card_bin, cc, created)
        ua = rng.choice(identity.BROWSER_UAS)
        home = world.net.ip(asn_for(cc, RESIDENTIAL, rng), v6=rng.random() < 0.1)
        v = voice(rng, cc, 0.1)
        p = persona(
            aid,
            country.tz,
            [(rng.choice(office), 1 - knobs.home_share, ua), (home, knobs.home_share, ua)],
            v,
            _WORK,
            "office",
            paid_switch(rng),
        )
        if behave(world, p, volume(rng, world.rpa, knobs.volume, 0.05), T0, T_END, rng):
            world.mark(aid, "viral_template")
    return members


STYLE = CohortStyle("corporate_card", KNOBS.size, plant)
