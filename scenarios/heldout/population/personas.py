"""Kinds of ordinary users and how to make one."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from .. import identity
from ..clock import FLASH, PRO, STANDARD, epoch
from ..world import World
from . import places
from .person import Person, Place, give_card


@dataclass(frozen=True)
class Kind:
    share: float
    volume: float
    topics: dict[str, float]
    profile: tuple[str, ...]
    sloppiness: float
    follow_up: float


KINDS: dict[str, Kind] = {
    "casual": Kind(
        0.33,
        0.6,
        {
            "curious": 3,
            "cooking": 2,
            "travel": 2,
            "personal": 2,
            "creative": 2,
            "shopping": 1.5,
            "language": 1,
            "home": 2,
            "fitness": 1,
            "money": 1,
            "games": 1,
            "email": 1,
            "study": 0.5,
            "legal": 0.3,
            "career": 0.7,
        },
        ("consumer", "consumer", "night_owl"),
        0.6,
        0.35,
    ),
    "student": Kind(
        0.12,
        0.9,
        {
            "study": 6,
            "coding": 1.5,
            "career": 1.5,
            "creative": 1,
            "language": 1,
            "curious": 1.5,
            "personal": 0.7,
            "games": 0.7,
            "money": 0.3,
        },
        ("student",),
        0.7,
        0.45,
    ),
    "professional": Kind(
        0.18,
        1.1,
        {
            "work": 5,
            "email": 3,
            "career": 1,
            "coding": 1,
            "money": 0.6,
            "legal": 0.6,
            "travel": 0.5,
            "curious": 0.6,
            "language": 0.5,
        },
        ("worker",),
        0.25,
        0.45,
    ),
    "developer": Kind(
        0.10,
        1.8,
        {"coding": 8, "work": 1, "curious": 0.6, "career": 0.4, "email": 0.3},
        ("worker", "night_owl", "worker"),
        0.4,
        0.55,
    ),
    "privacy": Kind(
        0.05,
        0.8,
        {
            "curious": 2,
            "coding": 1.5,
            "work": 1,
            "legal": 1,
            "money": 1,
            "personal": 1,
            "creative": 1,
            "language": 0.5,
        },
        ("consumer", "night_owl"),
        0.35,
        0.4,
    ),
    "mobile_first": Kind(
        0.19,
        0.7,
        {
            "curious": 2,
            "personal": 2,
            "creative": 1.5,
            "study": 1.5,
            "language": 1.5,
            "cooking": 1,
            "money": 1,
            "career": 1,
            "games": 1,
            "fitness": 0.7,
        },
        ("consumer", "student"),
        0.7,
        0.3,
    ),
    "power": Kind(
        0.03,
        9.0,
        {
            "coding": 2,
            "work": 2,
            "creative": 2,
            "study": 1,
            "curious": 1.5,
            "email": 1,
            "money": 0.5,
            "travel": 0.5,
            "career": 0.5,
        },
        ("night_owl", "worker", "consumer"),
        0.35,
        0.6,
    ),
}
KIND_NAMES = tuple(KINDS)
KIND_WEIGHTS = tuple(k.share for k in KINDS.values())

_MOBILE_HEAVY = ("IN", "ID", "PH", "NG", "KE", "BR", "MX", "VN", "PK", "EG", "TR", "ZA")
_FIRST_SIGNUP = epoch(2023, 1, 15)


def old_created_at(rng: random.Random, before: int) -> int:
    """A sign-up date before `before`, weighted towards recent months as the platform grew."""
    return _FIRST_SIGNUP + int((before - _FIRST_SIGNUP) * rng.random() ** 0.6)


# Ordinary users average a bit under `requests_per_account`; campaign accounts are much heavier, so the
# platform-wide average lands near it.
ORDINARY_SCALE = 0.72


def volume(rng: random.Random, world: World, kind: str) -> int:
    mean = world.rpa * ORDINARY_SCALE * KINDS[kind].volume
    return max(1, round(mean * rng.lognormvariate(0.0, 0.9) / 1.5))


def build_person(
    world: World,
    rng: random.Random,
    kind: str,
    created_at: int,
    *,
    country: str | None = None,
    email_domain: str | None = None,
    org_id: str = "",
    plan: str | None = None,
    channel: str | None = None,
    home_ip: str | None = None,
    office_ips: Sequence[str] = (),
    commons: places.Commons | None = None,
) -> Person:
    """Create an account of the given kind with its places, clients and (maybe) a payment method.

    `home_ip` is a household's shared line; `office_ips` an organisation's egress addresses.
    """
    spec = KINDS[kind]
    if country is None:
        country = identity.country(rng)
        if kind == "mobile_first" and rng.random() < 0.6:
            country = rng.choice(_MOBILE_HEAVY)
    offset = identity.utc_offset(rng, country)
    browser = identity.browser_ua(rng)
    app = identity.mobile_ua(rng)
    ps: list[Place] = []
    line: list[str] = [home_ip] if home_ip else []

    def at_home(ua: str, weight: float) -> Place:
        if not line:
            line.append(places.home(world, rng, country, ua).ip)
        return Place(line[0], ua, weight)

    if office_ips:
        ps.append(Place(office_ips[0], browser, 4.0, list(office_ips)))
    domain = email_domain or identity.webmail(rng, country)
    if channel is None:
        channel = rng.choices(("web", "ios", "android", "partner_referral"), (70, 12, 15, 3))[0]
    if plan is None:
        plan = rng.choices(("free", "plus", "pro"), (78, 17, 5))[0]

    if kind == "casual":
        ps.append(at_home(browser, 3.0))
        if rng.random() < 0.45:
            ps.append(places.mobile(world, rng, country, app, 1.5))
    elif kind == "student":
        campus = commons.campus(rng, country) if commons is not None else None
        if campus is not None and rng.random() < 0.7:
            ps.append(Place(campus.ips[0], browser, 2.0, campus.ips))
            if email_domain is None and rng.random() < 0.5:
                domain = campus.domain
                if rng.random() < 0.35:
                    channel, plan = "education", "edu"
        ps.append(at_home(browser, 2.0))
        ps.append(places.mobile(world, rng, country, app, 1.5))
    elif kind == "professional":
        if email_domain is None and rng.random() < 0.5:
            domain = identity.company_domain(rng, country)
        if plan == "free" and rng.random() < 0.5:
            plan = rng.choice(("plus", "plus", "pro"))
        ps.append(at_home(browser, 1.5))
        if rng.random() < 0.5:
            ps.append(places.mobile(world, rng, country, app, 0.7))
        if rng.random() < 0.15:
            ps.append(places.vpn(world, rng, browser, 0.8))
    elif kind == "developer":
        sdk = rng.choice(identity.SDKS)
        channel = "api_console" if rng.random() < 0.7 else channel
        if not org_id:
            plan = rng.choices(("api_payg", "pro", "plus", "free"), (55, 20, 15, 10))[0]
        if email_domain is None and rng.random() < 0.3:
            domain = identity.company_domain(rng, country)
        ps += [at_home(browser, 1.0), at_home(sdk, 1.5)]
        if rng.random() < 0.55:
            ps.append(places.vps(world, rng, sdk, 2.0))
        if rng.random() < 0.12:
            ps.append(places.cloud_egress(world, rng, sdk, 1.5))
    elif kind == "privacy":
        if email_domain is None:
            domain = rng.choice((*identity.PRIVACY_MAIL, domain))
        ps.append(places.vpn(world, rng, browser, 4.0))
        if home_ip or rng.random() < 0.4:
            ps.append(at_home(browser, 0.7))
    elif kind == "mobile_first":
        channel = rng.choice(("ios", "android", "android", "web"))
        ps.append(places.mobile(world, rng, country, app, 4.0))
        if home_ip or rng.random() < 0.3:
            ps.append(at_home(app, 1.0))
    else:  # power user
        if not org_id:
            plan = rng.choices(("plus", "pro", "api_payg"), (45, 45, 10))[0]
        ps.append(at_home(browser, 3.0))
        ps.append(places.mobile(world, rng, country, app, 1.0))
        if rng.random() < 0.3:
            ps.append(places.vps(world, rng, rng.choice(identity.SDKS), 1.5))

    account = world.new_account(created_at, domain, country, plan, org_id=org_id, signup_channel=channel)
    if plan not in ("free", "edu") and not org_id:
        give_card(world, rng, account, created_at + rng.randint(60, 30 * 86_400))
    elif plan == "free" and rng.random() < 0.06:
        give_card(world, rng, account, created_at + rng.randint(3600, 60 * 86_400))

    if plan == "free":
        base = FLASH if rng.random() < 0.7 else STANDARD
    elif plan in ("pro", "api_payg", "enterprise"):
        base = rng.choices((FLASH, STANDARD, PRO), (15, 45, 40))[0]
    else:
        base = rng.choices((FLASH, STANDARD, PRO), (20, 60, 20))[0]
    tau = rng.lognormvariate(1.8, 0.8) if kind != "power" else rng.uniform(0.3, 2.5)
    return Person(
        account=account,
        utc_offset=offset,
        profile=rng.choice(spec.profile),
        places=ps,
        topics=tuple(spec.topics),
        topic_weights=tuple(spec.topics.values()),
        base_model=base,
        adopt_tau=tau,
        sloppiness=spec.sloppiness,
        weekend_factor=0.35 if kind == "professional" else rng.uniform(0.7, 1.2),
        follow_up_rate=spec.follow_up,
    )
