"""Students in a residence hall behind one campus NAT, most of them signing up in the first week of term."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout7.background import emit
from scenarios.heldout7.core import T0, StyleSpec, World, browser_ua, mobile_ua
from scenarios.heldout7.kit import enrol


@dataclass(frozen=True)
class Knobs:
    share: float = 0.012
    resembles: tuple[str, ...] = ("quota_skimmer", "sign-up bursts generally")
    shared_signals: tuple[str, ...] = (
        "infrastructure:one_or_two_nat_ips",
        "identity:signup_burst",
        "identity:same_email_domain",
    )
    term_start_day: int = 28
    burst_share: float = 0.7
    volume_mult: float = 1.0


def build(w: World, k: Knobs, name: str, rng: random.Random) -> None:
    n = w.scaled(k.share, 10)
    nat = [w.ip4(rng, "internet2", "169.229.88"), w.ip4(rng, "internet2", "169.229.88")]
    term = T0 + k.term_start_day * 86400
    accs = []
    for _ in range(n):
        if rng.random() < k.burst_share:
            created = term + rng.randint(-86400, 5 * 86400)
        else:
            created = T0 - rng.randint(30, 600) * 86400
        acc = w.new_account(
            rng,
            created,
            email_domain="berkeley.edu",
            country="US",
            plan="edu" if rng.random() < 0.3 else "free",
            signup_channel=rng.choice(("education", "web", "google_sso")),
        )
        accs.append(acc)
        emit(
            w,
            rng,
            acc,
            w.volume(rng, k.volume_mult, 0.9),
            nat,
            [browser_ua(rng), mobile_ua(rng)],
            persona="student",
            peak=(10.0, 26.0),
        )
    enrol(w, accs, "residence_hall_nat")


SPEC = StyleSpec("residence_hall_nat", "cohort", Knobs(), build)
