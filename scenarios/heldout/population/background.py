"""The ordinary platform: individuals, households that share a line (and sometimes a card) and small
organisations that share an office egress, a domain and a company card."""

from __future__ import annotations

import random

from .. import identity
from ..clock import DAY, WINDOW_END, WINDOW_START
from ..world import PaymentLink, World
from . import places
from .person import Person, give_card, ordinary_traffic, share_card
from .personas import KIND_NAMES, KIND_WEIGHTS, build_person, old_created_at, volume


def _created(rng: random.Random) -> int:
    if rng.random() < 0.78:
        return old_created_at(rng, WINDOW_START - DAY)
    return rng.randrange(WINDOW_START, WINDOW_END - 3 * DAY)


def _span(rng: random.Random, created: int) -> tuple[int, int]:
    start = max(created, WINDOW_START)
    end = WINDOW_END
    roll = rng.random()
    if roll < 0.2:
        start = rng.randrange(start, end - DAY)
    elif roll < 0.35:
        end = rng.randrange(start + DAY, end)
    return start, end


def live(world: World, rng: random.Random, person: Person, kind: str) -> None:
    """Give a person a believable amount of traffic over their active span."""
    if rng.random() < 0.03:
        return  # signed up, never came back
    start, end = _span(rng, person.account.created_at)
    ordinary_traffic(world, rng, person, volume(rng, world, kind), start, end)


def _single(world: World, rng: random.Random, commons: places.Commons) -> None:
    kind = rng.choices(KIND_NAMES, KIND_WEIGHTS)[0]
    person = build_person(world, rng, kind, _created(rng), commons=commons)
    if rng.random() < 0.003:
        person.account.status = "suspended"
    live(world, rng, person, kind)


def _household(world: World, rng: random.Random, commons: places.Commons, size: int) -> None:
    country = identity.country(rng)
    line = places.home(world, rng, country, "").ip
    family_card: PaymentLink | None = None
    for _ in range(size):
        kind = rng.choice(("casual", "casual", "student", "professional", "mobile_first", "developer"))
        person = build_person(world, rng, kind, _created(rng), country=country, home_ip=line, commons=commons)
        if rng.random() < 0.3 and person.account.plan == "free":
            person.account.plan = "plus"
            when = person.account.created_at + rng.randint(60, 20 * DAY)
            if family_card is None:
                family_card = give_card(world, rng, person.account, when, "card")
            else:
                share_card(world, person.account, family_card, when)
        live(world, rng, person, kind)


def _team(world: World, rng: random.Random, commons: places.Commons, size: int) -> None:
    country = identity.country(rng) if rng.random() < 0.6 else rng.choice(("US", "GB", "DE", "IN", "NL"))
    office = commons.office(rng, country, size)
    formed = old_created_at(rng, WINDOW_END - 10 * DAY)
    shared_card = rng.random() < 0.6
    card: PaymentLink | None = None
    channel = "sso" if size >= 10 and rng.random() < 0.6 else "web"
    for i in range(size):
        kind = "developer" if rng.random() < 0.3 else ("power" if rng.random() < 0.05 else "professional")
        created = min(formed + int(rng.expovariate(1 / (20 * DAY))), WINDOW_END - 2 * DAY)
        person = build_person(
            world,
            rng,
            kind,
            created,
            country=country,
            email_domain=office.domain,
            org_id=office.org_id,
            plan="team",
            channel=channel,
            office_ips=office.ips,
            commons=commons,
        )
        if i == 0 or shared_card:
            when = person.account.created_at + rng.randint(60, 3 * DAY)
            if card is None:
                card = give_card(world, rng, person.account, when, "card", country)
            else:
                share_card(world, person.account, card, when)
        live(world, rng, person, kind)


def build_background(world: World, count: int) -> None:
    """Add `count` ordinary accounts."""
    rng = world.rng("background")
    commons = places.Commons(world, world.rng("commons"))
    made = 0
    while made < count:
        remaining = count - made
        roll = rng.random()
        if roll < 0.045 and remaining >= 2:
            size = min(remaining, rng.choice((2, 2, 2, 3, 3, 4, 5)))
            _household(world, rng, commons, size)
        elif roll < 0.058 and remaining >= 3:
            size = min(remaining, max(3, int(rng.paretovariate(1.2) * 3)), 60)
            _team(world, rng, commons, size)
        else:
            size = 1
            _single(world, rng, commons)
        made += size
