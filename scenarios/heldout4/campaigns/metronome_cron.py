"""A careful operator: aged-looking individual accounts, each with its own card and home line, varied
browsers, diverse generated maths problems. What gives it away is the scheduler: every account runs one
session a day that starts in one of a few fixed UTC slots and fires at a near-constant interval."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout4 import kit, text
from scenarios.heldout4.background import card
from scenarios.heldout4.world import (
    BROWSER_UAS,
    DAY,
    RESIDENTIAL_BY_COUNTRY,
    TZ,
    WINDOW_DAYS,
    WINDOW_START,
    World,
)

WRAPS = (
    "{p} Put the final answer in \\boxed{{}}.",
    "{p}\nShow your work, then give the final answer as \\boxed{{answer}}.",
    "Solve: {p} End with the final answer in a box.",
)
ITEMS = ("apples", "tickets", "notebooks", "litres of paint", "bus passes", "tiles", "seedlings", "bottles")
NAMES = ("Maya", "Tom", "Priya", "Lucas", "Aiko", "Omar", "Elena", "Sam", "Chen", "Fatima")


def problem(rng: random.Random) -> str:
    k = rng.randrange(5)
    a, b, c = rng.randint(2, 40), rng.randint(2, 40), rng.randint(2, 12)
    n1, n2 = rng.sample(NAMES, 2)
    item = rng.choice(ITEMS)
    if k == 0:
        return f"{n1} buys {a} {item} at ${c} each and sells {b} of them at ${c + 3} each. Profit or loss?"
    if k == 1:
        return f"{n1} has {a} {item}, {n2} has {c} times as many minus {b}. How many do they have together?"
    if k == 2:
        return f"A rectangle has perimeter {2 * (a + b)} and one side {a}. Find its area and its diagonal."
    if k == 3:
        return f"The sum of {c} consecutive integers is {c * a + c * (c - 1) // 2}. What is the largest one?"
    return f"A tank fills in {a} hours with pipe A and {b} hours with pipe B. How long with both pipes open?"


@dataclass(frozen=True)
class MetronomeCron:
    name: str = "metronome_cron"
    share: float = 0.01
    signals: tuple[str, ...] = ("timing:fixed-interval", "timing:shared-start-slots")
    camouflage_share: float = 0.1
    labelled: bool = False
    actor: str = "Clockwork Heron"
    start_slots_utc: tuple[float, ...] = (2.0, 2.333, 2.667, 14.5)
    interval_s: tuple[float, float] = (60.0, 180.0)
    jitter_s: float = 2.5
    active_day_share: float = 0.8
    volume_scale: float = 4.0

    def plant(self, w: World, group_id: str, n: int) -> None:
        rng = w.rng(self.name)
        for _ in range(n):
            country = rng.choice(("US", "CA", "GB", "AU"))
            created = kit.aged(rng, 90, 700)
            acct = w.add_account(
                created, text.personal_mail(rng, country), country, rng.choice(("plus", "pro"))
            )
            card(w, rng, acct, country, created + rng.uniform(0, 30) * DAY)
            w.mark_campaign(acct, group_id, self.name, self.actor if self.labelled else "")
            home = w.net.v4(rng, rng.choice(RESIDENTIAL_BY_COUNTRY[country]))
            ua = rng.choice(BROWSER_UAS)
            total = w.rpa * self.volume_scale * rng.uniform(0.8, 1.2)
            days = [d for d in range(WINDOW_DAYS) if rng.random() < self.active_day_share]
            per_day = max(1, round(total * (1 - self.camouflage_share) / max(1, len(days))))
            interval = rng.uniform(*self.interval_s)
            slot = rng.choice(self.start_slots_utc)
            for d in days:
                ts = WINDOW_START + d * DAY + slot * 3600 + rng.uniform(0, 40)
                for _ in range(per_day):
                    w.req(
                        rng,
                        acct,
                        ts,
                        rng.choice(WRAPS).format(p=problem(rng)),
                        home,
                        kit.operator_model(rng, ts, 0.8, 24 * 5, 0.3),
                        ua,
                        650,
                    )
                    ts += interval + rng.uniform(-self.jitter_s, self.jitter_s)
            kit.camouflage(w, rng, acct, int(total * self.camouflage_share), [home], [ua], TZ[country])
