"""Freelance tutors on a homework-help marketplace, answering students from the mobile app over carrier NAT
(the same carriers a phone farm uses). They paste problems from the same few textbooks, so identical problem
statements recur across accounts, wrapped in "explain step by step" requests; activity peaks in the evening
after school and is not synchronised."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout4 import text
from scenarios.heldout4.world import (
    DAY,
    HOURS_EVENING,
    MOBILE_BY_COUNTRY,
    TZ,
    WINDOW_END,
    WINDOW_START,
    World,
    benign_model,
    local_times,
    mobile_ua,
)

WRAPS = (
    "Explain step by step how to solve: {p}",
    "Solve step by step for a grade 9 student: {p}",
    "{p} Show all the steps so I can explain it to my student.",
    "Can you show the working for this? {p}",
)


def textbook_problem(rng: random.Random) -> str:
    chapter = rng.randint(1, 12)
    ex = rng.randint(1, 30)
    x = (chapter * 7 + ex) % 11 + 2
    y = (chapter * 3 + ex * 5) % 17 + 3
    forms = (
        f"Solve for x: {x}x + {y} = {x * 4 + y}.",
        f"A rectangle's length is {x} cm more than its width and its area is {y * (y + x)} cm^2. "
        "Find the width.",
        f"Factorise x^2 + {x + y}x + {x * y}.",
        f"The price of a shirt rises by {x * 5}% and then falls by {y}%. What is the overall change?",
    )
    return forms[(chapter + ex) % 4]


@dataclass(frozen=True)
class MobileTutors:
    name: str = "mobile_tutors"
    share: float = 0.009
    resembles: tuple[str, ...] = ("infra:carrier-nat", "content:shared-payload", "content:cot-template")
    volume_scale: float = 2.0
    problem_share: float = 0.7

    def plant(self, w: World, group_id: str, n: int) -> None:
        rng = w.rng(self.name)
        for _ in range(n):
            country = rng.choice(("IN", "IN", "PH", "US"))
            carrier = rng.choice(MOBILE_BY_COUNTRY[country])
            created = WINDOW_START - rng.uniform(-30, 500) * DAY
            paid = rng.random() < 0.6
            acct = w.add_account(
                created,
                text.personal_mail(rng, country),
                country,
                "plus" if paid else "free",
                channel=rng.choice(("ios_app", "android_app")),
            )
            if paid:
                w.pay(
                    acct,
                    w.instrument("app_store"),
                    "app_store",
                    "",
                    country,
                    max(created, WINDOW_START - 30 * DAY),
                )
            w.mark_cohort(acct, self.name)
            ips = rng.sample(w.cgnat[carrier], rng.randint(2, 5))
            ua = mobile_ua(rng)
            m = w.volume(rng, self.volume_scale, 0.7)
            for ts in local_times(rng, m, TZ[country], max(created, WINDOW_START), WINDOW_END, HOURS_EVENING):
                if rng.random() < self.problem_share:
                    prompt = rng.choice(WRAPS).format(p=textbook_problem(rng))
                else:
                    prompt = text.benign_prompt(rng)
                w.req(rng, acct, ts, prompt, rng.choice(ips), benign_model(rng, ts), ua, 700)
