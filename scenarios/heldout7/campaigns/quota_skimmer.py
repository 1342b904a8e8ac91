"""Throw-away free accounts, each draining exactly its free daily quota through a headless browser."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout7.core import (
    NEW_MODEL,
    NEW_MODEL_AT,
    RESIDENTIAL_KEYS,
    T0,
    T1,
    Account,
    StyleSpec,
    World,
    tokens_of,
)
from scenarios.heldout7.kit import burst_times, enlist
from scenarios.heldout7.text import CONCEPTS, math_problem

DISPOSABLE = ("tmpinbox.net", "quickmail.cc", "mailpoof.org", "inboxlane.com", "dropmail.site", "zmailer.xyz")
HEADLESS = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.6778.85 "
    "Safari/537.36"
)
STEM = (
    "What is the time complexity of {algo}, and why?",
    "Prove that the sum of the first n odd numbers is n^2.",
    "How does {concept} relate to {concept2}?",
    "Derive the formula for the volume of a cone using integration.",
    "What happens to the entropy of an ideal gas during a reversible isothermal expansion?",
    "Why is the sky blue but sunsets are red?",
    "Compare {algo} with {algo2} for nearly sorted input.",
    "{problem} Show all your work.",
)  # fmt: skip
ALGOS = (
    "quicksort",
    "merge sort",
    "heap sort",
    "Dijkstra's algorithm",
    "binary search",
    "insertion sort",
    "Kruskal's algorithm",
    "the Floyd-Warshall algorithm",
    "a hash table lookup",
    "breadth-first search",
)


@dataclass(frozen=True)
class Knobs:
    share: float = 0.02
    signals: tuple[str, ...] = (
        "timing:exact_daily_cap_after_reset",
        "identity:disposable_domains",
        "identity:night_signup_batches",
        "ua:headless_browser",
        "content:stem_focus",
    )
    camouflage: float = 0.0
    labelled: bool = False
    actor: str = "Sable Group"
    daily_cap: int = 15
    proxy_flag_share: float = 0.15
    volume_mult: float = 4.0


def _question(rng: random.Random) -> str:
    t = rng.choice(STEM)
    a1, a2 = rng.sample(ALGOS, 2)
    c1, c2 = rng.sample(CONCEPTS, 2)
    return t.format(algo=a1, algo2=a2, concept=c1, concept2=c2, problem=math_problem(rng)[0])


def build(w: World, k: Knobs, cid: str, rng: random.Random) -> None:
    n = w.scaled(k.share, 12)
    accs: list[Account] = []
    nights = max(1, -(-n // 19))
    spacing = 40 * 86400 / nights
    for j in range(nights):
        night = T0 - 5 * 86400 + int(j * spacing) // 86400 * 86400
        size = min(n - len(accs), -(-(n - len(accs)) // (nights - j)) + rng.randint(-3, 3))
        for t in burst_times(rng, night + 2 * 3600 + rng.randint(0, 1800), max(1, size), 1200):
            accs.append(
                w.new_account(
                    rng,
                    t,
                    email_domain=rng.choice(DISPOSABLE),
                    country=rng.choice(("US", "GB", "CA")),
                    plan="free",
                    signup_channel="web",
                )
            )
        if len(accs) >= n:
            break
    days_each = max(1, round(w.rpa * k.volume_mult / k.daily_cap))
    for acc in accs:
        first_day = max(0, int((acc.created_at - T0) // 86400) + 1)
        pop = range(first_day, min(42, first_day + 12))
        days = sorted(rng.sample(pop, min(days_each, len(pop))))
        for d in days:
            # The free quota resets at 00:00 UTC; the job starts a few minutes later.
            t = T0 + d * 86400 + rng.randint(180, 900)
            for _ in range(k.daily_cap):
                key = rng.choice(RESIDENTIAL_KEYS)
                ip = w.ip4(rng, key)
                if rng.random() < k.proxy_flag_share:
                    asn, org, _ = w.ip_meta[ip]
                    w.ip_meta[ip] = (asn, org, "proxy")
                q = _question(rng)
                model = NEW_MODEL if t >= NEW_MODEL_AT else "orion-2"
                w.req(acc, t, q, ip, model, tokens_of(q) + 12, rng.randint(350, 1400), HEADLESS)
                t += rng.randint(25, 70)
                if t >= T1:
                    break
    enlist(w, accs, cid, k.actor if k.labelled else "", "quota_skimmer")


SPEC = StyleSpec("quota_skimmer", "campaign", Knobs(), build)
