# ruff: noqa: E501 -- prompt templates and data tables read better unwrapped.
"""A university course or coding bootcamp: one sign-up burst, a campus NAT, the same exercises pasted by all.

Students register in the first session through the education programme, work on identical assignment
texts at class times from the campus network, then from home in the evening.
"""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.heldout2 import infra, text
from scenarios.heldout2.common import Ctx, burst, sessions
from scenarios.heldout2.world import DAY, END, HOUR, START, clamp_ts, lognormal_int, model_for


@dataclass(frozen=True)
class Knobs:
    first_class_day: int = 3  # days after the window opens
    classes_per_week: int = 2
    exercise_share: float = 0.6
    volume_multiplier: float = 1.8


_EXERCISES = (
    "Exercise {n}: Write a function `is_palindrome(s)` that returns True if the string reads the same backwards, ignoring case and spaces. Explain your approach.",
    "Exercise {n}: Implement binary search on a sorted list and analyse its time complexity.",
    "Exercise {n}: Given a list of student grades, compute the mean, median and mode without using any libraries.",
    "Exercise {n}: Write a SQL query that returns the top 3 customers by total order value from tables customers(id, name) and orders(id, customer_id, total).",
    "Exercise {n}: Build a REST endpoint in Flask that returns a list of books as JSON, with a POST route to add one.",
    "Exercise {n}: Explain the difference between a list and a tuple in Python with examples.",
)


def build(ctx: Ctx, k: Knobs = Knobs()) -> None:
    rng, world, shared = ctx.rng, ctx.world, ctx.shared
    dom, country, _ = rng.choice([u for u in text.UNIVERSITIES if u[0] in shared.campus])
    campus = shared.campus[dom]
    tz = infra.TZ.get(country, 0)
    day0 = START + k.first_class_day * DAY
    class_start = day0 + int((10 - tz) * HOUR)
    weeks = (END - day0) // (7 * DAY) + 1
    classes = sorted(
        class_start + w * 7 * DAY + c * 2 * DAY for w in range(weeks) for c in range(k.classes_per_week)
    )
    classes = [c for c in classes if c < END]
    for _ in range(ctx.n):
        created = burst(rng, class_start, 2)
        acc = world.add_account(
            rng,
            created_at=created,
            email_domain=dom if rng.random() < 0.85 else "gmail.com",
            country=country,
            plan="edu" if rng.random() < 0.8 else "free",
            signup_channel="education" if rng.random() < 0.85 else "web",
        )
        ctx.mark(acc)
        home = shared.home_ip(world, rng, country, share=0.1)
        ua = infra.browser_ua(rng)
        lags = {"orion-3": rng.random() * 3 * DAY, "orion-3.1": rng.random() * 3 * DAY}
        n_req = lognormal_int(rng, ctx.volume * k.volume_multiplier, 0.7)
        for _ in range(n_req):
            if rng.random() < k.exercise_share:
                i = rng.randrange(len(classes))
                ts = clamp_ts(classes[i] + rng.randrange(2 * HOUR))
                prompt = _EXERCISES[i % len(_EXERCISES)].format(n=i + 1)
                if rng.random() < 0.4:
                    prompt += "\n\nMy attempt:\n" + text.code_snippet(rng, "Python")
                ip = rng.choice(campus)
            else:
                ts = sessions(rng, 1, first=created, tz=tz, profile="home")[0]
                prompt = text.ordinary_prompt(rng, "student")
                ip = home if rng.random() < 0.8 else rng.choice(campus)
            world.request(
                acc,
                ts,
                prompt,
                ip,
                model_for(ts, "large", lags),
                lognormal_int(rng, 500, 0.6),
                ua,
                context_tokens=40,
            )
