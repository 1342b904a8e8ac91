"""``eval_lab``: a research lab legitimately benchmarking models, hardest on release day.

Real-world behaviour: an academic or non-profit evaluation group (registered organisation, research
sign-up channel, its own domain) runs its harness from cloud machines. Every account of the harness
sends the *same* benchmark items verbatim. Within hours of a model release the whole lab runs the full
suite against the new model (and re-runs the old one for comparison) - lockstep, identical templates,
hosting IPs and a jump to the new model, all benign. Between releases there are periodic smaller runs
and ordinary research questions.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .. import identity
from ..clock import DAY, HOUR, NEW_MODEL, OLD_MODEL, RELEASE, T0, T_END
from ..fast import between, pick
from ..network import BUSINESS, HOSTING_BIG, asn_for
from ..sizing import Sizing
from ..text.ordinary import mix, voice
from ..text.words import SUBJECTS, TOPICS
from ..users import behave
from ..world import World
from .base import CohortContext, CohortStyle, persona

SIZE = Sizing(0.004, 15, 250)


@dataclass(frozen=True)
class Knobs:
    size: Sizing = SIZE
    hosting_ips: tuple[int, int] = (4, 8)
    benchmark_items: tuple[int, int] = (40, 80)
    release_items_per_account: tuple[int, int] = (10, 30)
    weekly_items_per_account: tuple[int, int] = (2, 6)
    ordinary_volume: float = 0.5
    signals: tuple[str, ...] = (  # what makes this benign cluster look coordinated
        "hosting_ips",
        "identical_prompts",
        "release_day_jump",
        "lockstep_timing",
        "organisation",
    )


KNOBS = Knobs()
_RESEARCH = mix(question=30, coding=40, work=15, writing=15)


def benchmark(rng: random.Random, size: int) -> list[str]:
    items = []
    for i in range(size):
        subject = rng.choice(SUBJECTS)
        opts = rng.sample(TOPICS, 4)
        items.append(
            f"The following is a multiple choice question about {subject}. Answer with the letter only.\n\n"
            f"Q{i + 1}. Which of the following is most closely associated with {opts[rng.randrange(4)]}?\n"
            f"A) {opts[0]}\nB) {opts[1]}\nC) {opts[2]}\nD) {opts[3]}\nAnswer:"
        )
    return items


def plant(world: World, ctx: CohortContext, knobs: Knobs = KNOBS) -> list[str]:
    rng, n = ctx.rng, ctx.size
    cc = rng.choice(("US", "GB", "DE", "CA", "FR"))
    country = identity.BY_CODE[cc]
    slug, _ = identity.company(rng)
    domain = rng.choice((f"{slug}-eval.org", f"{slug}.institute", f"ai.{slug}.edu"))
    org_id = f"org_{rng.getrandbits(40):010x}"
    asn = rng.choice(HOSTING_BIG)
    ips = [world.net.ip(asn) for _ in range(rng.randint(*knobs.hosting_ips))]
    items = benchmark(rng, rng.randint(*knobs.benchmark_items))
    token = identity.instrument_id(rng)
    ua = f"{slug}-evalharness/0.{rng.randint(4, 19)}.{rng.randint(0, 9)} linkwatch-python/1.42.0"
    run_start = RELEASE + rng.randint(1, 5) * HOUR
    weekly = [T0 + d * DAY + rng.randint(8, 18) * HOUR for d in range(rng.randint(0, 6), 56, 7)]
    members: list[str] = []
    for _ in range(n):
        created = T0 - rng.randint(60, 400) * DAY
        aid = world.new_account(created, domain, cc, "enterprise", org_id=org_id, channel="research")
        members.append(aid)
        world.pay(aid, token, "invoice", "", cc, created)
        ip = pick(rng, ips)
        for _ in range(between(rng, *knobs.release_items_per_account)):
            item = pick(rng, items)
            for model in (NEW_MODEL, OLD_MODEL) if rng.random() < 0.3 else (NEW_MODEL,):
                ts = run_start + int(rng.random() * 4 * HOUR)
                world.request(aid, ts, item, ip, model, between(rng, 1, 4), ua)
        for start in weekly:
            if rng.random() < 0.5:
                continue
            for _ in range(between(rng, *knobs.weekly_items_per_account)):
                ts = min(T_END - 1, start + int(rng.random() * 2 * HOUR))
                model = NEW_MODEL if ts > RELEASE and rng.random() < 0.5 else OLD_MODEL
                world.request(aid, ts, pick(rng, items), ip, model, between(rng, 1, 4), ua)
        v = voice(rng, cc, 0.0)
        browser = rng.choice(identity.BROWSER_UAS)
        office = world.net.ip(asn_for(cc, BUSINESS, rng), kind="corporate") if rng.random() < 0.7 else ip
        p = persona(aid, country.tz, [(office, 1.0, browser)], v, _RESEARCH, "office", RELEASE + 2 * HOUR)
        k = max(0, round(world.rpa * knobs.ordinary_volume * rng.random() * 2))
        behave(world, p, k, T0, T_END, rng)
    return members


STYLE = CohortStyle("eval_lab", KNOBS.size, plant)
