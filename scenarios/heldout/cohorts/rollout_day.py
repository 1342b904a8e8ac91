"""Company-wide rollout day: a company turns the assistant on for every employee at once.

Real-world behaviour: enterprise deployments are provisioned through single sign-on on a chosen date;
hundreds of accounts appear within hours, share a domain, an organisation, one invoiced billing instrument,
a managed browser build (one identical user-agent string) and the office egress or a cloud security proxy
(Zscaler egress addresses are shared by many unrelated companies). On day one everybody types the examples
from the training session at the same minute; later the admin switches the default model for the whole
organisation in one go.

Two companies by default, one before and one after the model release.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .. import identity
from ..clock import DAY, HOUR, NEW_MODEL, RELEASE_TS, STANDARD, WINDOW_END, WINDOW_START
from ..knobs import Sizing
from ..ops import cover_person, volume
from ..population import places
from ..population.person import Place, ordinary_traffic
from ..text.fill import pick
from ..world import World, tokens_in, tokens_out

STYLE = "rollout_day"


@dataclass(frozen=True)
class Company:
    country: str
    utc_offset: int
    rollout_day: float
    switch_after_release_days: float
    via_zscaler: bool


_SIZE = Sizing(0.010, 20)


@dataclass(frozen=True)
class Knobs:
    size: Sizing = _SIZE
    signals: frozenset[str] = field(
        default_factory=lambda: frozenset({"identity", "money", "infrastructure", "timing", "content"})
    )
    companies: tuple[Company, ...] = (
        Company("GB", 0, 8.0, 9.0, True),
        Company("US", -5, 37.0, 0.5, False),
    )
    volume: float = 1.2
    remote_share: float = 0.5


DEFAULT = Knobs()

_TRAINING = (
    "Summarise our travel and expense policy in three sentences.",
    "Draft a polite reply to a customer asking for a delivery update.",
    "Turn these notes into action items: budget review Thursday, hiring freeze lifted, offsite in June.",
)


def _company(world: World, rng: random.Random, company: Company, size: int, knobs: Knobs) -> None:
    domain = identity.company_domain(rng, company.country)
    org = world.new_org_id(rng)
    office = places.Commons(world, rng).office(rng, company.country, size)
    egress = list(office.ips)
    if company.via_zscaler:
        zs = world.net.by_number[53813]
        egress = rng.sample(world.net.shared_pool(zs, max(20, world.total_accounts // 800), "zscaler"), 6)
    invoice = identity.instrument_token(rng)
    managed_ua = (
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/124.0.6367.91 Safari/537.36"
    )
    day = WINDOW_START // DAY + int(company.rollout_day)
    local9 = day * DAY + (9 - company.utc_offset) * HOUR
    switch = RELEASE_TS + int(company.switch_after_release_days * DAY) + 14 * HOUR
    for _ in range(size):
        late = rng.random() > 0.85  # joiners over the following week skip the training session
        created = local9 + (rng.randrange(3 * HOUR, 8 * DAY) if late else rng.randrange(70 * 60))
        acct = world.new_account(
            created, domain, company.country, "enterprise", org_id=org, signup_channel="sso"
        )
        world.mark_cohort(acct.account_id, STYLE)
        world.pay(acct.account_id, invoice, "invoice", "", company.country, created)
        work = Place(egress[0], managed_ua, 3.0, egress)
        ps = [work]
        if rng.random() < knobs.remote_share:
            ps.append(Place(places.home(world, rng, company.country, "").ip, managed_ua, 1.0))
        # training session at 10:00 local, everyone at once
        session = local9 + HOUR + rng.randint(0, 40 * 60)
        if created < session:
            for prompt in rng.sample(_TRAINING, rng.randint(1, 3)):
                model = NEW_MODEL if session >= switch else STANDARD
                world.emit(
                    acct.account_id,
                    session,
                    prompt,
                    pick(rng, egress),
                    model,
                    tokens_in(prompt),
                    tokens_out(rng, 180, 0.3),
                    managed_ua,
                )
                session += rng.randint(30, 240)
        person = cover_person(acct, ps, company.utc_offset, "worker", "professional", STANDARD)
        person.weekend_factor = 0.1
        person.policy_switch = switch
        ordinary_traffic(
            world, rng, person, volume(world, rng, knobs.volume, 0.7), session + HOUR, WINDOW_END
        )


def build(world: World, count: int, knobs: Knobs = DEFAULT) -> None:
    rng = world.rng(STYLE)
    n = len(knobs.companies)
    for i, company in enumerate(knobs.companies):
        size = count // n + (1 if i < count % n else 0)
        _company(world, rng, company, size, knobs)
