"""Parents paying for the whole family's subscriptions with one card; many small clusters on home IPs."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout7.background import card, consumer_domain, emit, past_created, pick_country
from scenarios.heldout7.core import Account, StyleSpec, World, browser_ua, mobile_ua
from scenarios.heldout7.kit import enrol


@dataclass(frozen=True)
class Knobs:
    share: float = 0.012
    resembles: tuple[str, ...] = ("moderation_verdicts", "any shared-card campaign")
    shared_signals: tuple[str, ...] = (
        "money:one_card_many_accounts",
        "infrastructure:shared_home_ip",
        "identity:same_day_signups",
    )
    family_size: tuple[int, int] = (3, 6)
    volume_mult: float = 0.8


def build(w: World, k: Knobs, name: str, rng: random.Random) -> None:
    n = w.scaled(k.share, 9)
    accs: list[Account] = []
    while len(accs) < n:
        c = pick_country(rng)
        home = w.residential_ip(rng, c)
        size = min(n - len(accs), rng.randint(*k.family_size))
        day = past_created(rng, 0.1)
        inst = ""
        for j in range(size):
            acc = w.new_account(
                rng,
                day + rng.randint(0, 3600 * (1 + 40 * (j > 1))),
                email_domain=consumer_domain(rng),
                country=c,
                plan="plus",
                signup_channel=rng.choice(("web", "ios", "family_invite")),
            )
            if j == 0:
                inst = card(w, rng, acc)
            else:
                w.pay(acc, inst, "card", "", c, acc.created_at + 100)
            accs.append(acc)
            emit(
                w,
                rng,
                acc,
                w.volume(rng, k.volume_mult, 0.9),
                [home],
                [browser_ua(rng), mobile_ua(rng)],
                persona="student" if j > 1 else "general",
            )
    enrol(w, accs, "family_card_sharing")


SPEC = StyleSpec("family_card_sharing", "cohort", Knobs(), build)
