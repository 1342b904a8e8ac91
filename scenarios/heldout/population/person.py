"""One ordinary user and the traffic they produce.

A person has places they connect from (a home line, a carrier that hands out a new CGNAT address per
session, an office, a VPN), the clients they use there, interests, a daily rhythm and a habitual model.
Their requests come in sessions: a first message, sometimes follow-ups a minute or two apart.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .. import identity
from ..clock import NEW_MODEL, WINDOW_END, WINDOW_START, model_for, session_starts
from ..text.everyday import follow_up, ordinary_prompt
from ..world import Account, PaymentLink, World, tokens_in, tokens_out


@dataclass
class Place:
    """Where a session comes from: a fixed address, or a shared pool from which each session draws one."""

    ip: str
    ua: str
    weight: float = 1.0
    pool: list[str] | None = None

    def address(self, rng: random.Random) -> str:
        pool = self.pool
        return pool[int(rng.random() * len(pool))] if pool else self.ip


@dataclass
class Person:
    account: Account
    utc_offset: int
    profile: str
    places: list[Place]
    topics: tuple[str, ...]
    topic_weights: tuple[float, ...]
    base_model: str
    adopt_tau: float = 7.0
    sloppiness: float = 0.4
    weekend_factor: float = 1.0
    follow_up_rate: float = 0.4
    policy_switch: int = 0  # when an admin moves the whole organisation to the new model (0: users choose)
    topic_cum: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        total = 0.0
        for w in self.topic_weights:
            total += w
            self.topic_cum.append(total)


def ordinary_traffic(
    world: World,
    rng: random.Random,
    person: Person,
    count: int,
    start: int = WINDOW_START,
    end: int = WINDOW_END,
) -> None:
    """Emit about `count` requests of ordinary use between `start` and `end`."""
    if count <= 0 or not person.places:
        return
    start = max(start, person.account.created_at, WINDOW_START)
    end = min(end, WINDOW_END)
    if end <= start:
        return
    sessions = max(1, min(count, round(count / (1.0 + person.follow_up_rate * 1.6))))
    turns = [1] * sessions
    for _ in range(count - sessions):
        turns[int(rng.random() * sessions)] += 1
    starts = session_starts(
        rng, sessions, start, end, person.utc_offset, person.profile, person.weekend_factor
    )
    chosen = rng.choices(person.places, [p.weight for p in person.places], k=sessions)
    acct = person.account
    for ts, n_turns, place in zip(starts, turns, chosen, strict=True):
        ip = place.address(rng)
        if person.policy_switch:
            model = NEW_MODEL if ts >= person.policy_switch else person.base_model
        else:
            model = model_for(rng, ts, acct.plan, person.adopt_tau, person.base_model)
        prompt, mean_out = ordinary_prompt(rng, person.topics, person.topic_cum, person.sloppiness)
        context = 0
        for turn in range(n_turns):
            if turn:
                ts += rng.randint(25, 420)
                prompt, mean_out = follow_up(rng)
            out = tokens_out(rng, mean_out)
            tin = tokens_in(prompt, context)
            world.emit(acct.account_id, ts, prompt, ip, model, tin, out, place.ua)
            context = tin + out


def give_card(
    world: World,
    rng: random.Random,
    account: Account,
    when: int,
    kind: str = "",
    issuer_country: str = "",
) -> PaymentLink:
    """Attach a payment instrument of the usual kinds to an account and return the link."""
    if not kind:
        roll = rng.random()
        if account.signup_channel in ("ios", "android") and roll < 0.5:
            kind = "app_store"
        elif roll < 0.78:
            kind = "card"
        elif roll < 0.9:
            kind = "paypal"
        elif roll < 0.95 and account.country in ("DE", "NL", "FR", "ES", "IT", "PL", "SE"):
            kind = "sepa_debit"
        else:
            kind = "virtual_card" if rng.random() < 0.5 else "card"
    country = issuer_country or (account.country if rng.random() < 0.95 else identity.country(rng))
    bin_ = world.bins.pick(rng, country, kind) if kind in ("card", "virtual_card", "prepaid_card") else ""
    link = PaymentLink(account.account_id, identity.instrument_token(rng), kind, bin_, country, when)
    world.payments.append(link)
    return link


def share_card(world: World, account: Account, link: PaymentLink, when: int) -> None:
    """Link an instrument somebody else already uses to this account too."""
    world.pay(
        account.account_id, link.instrument_id, link.instrument_type, link.bin, link.issuer_country, when
    )
