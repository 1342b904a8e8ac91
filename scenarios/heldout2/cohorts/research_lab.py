# ruff: noqa: E501 -- prompt templates and data tables read better unwrapped.
"""An academic group studying chain-of-thought: a fixed problem set run by every member, on the campus network.

Research-programme sign-ups on one university domain, one grant card, CoT elicitation on the same benchmark
items across accounts, and a fresh run on each new model within a day.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout2 import infra, text
from scenarios.heldout2.common import Ctx, sessions, signup_before
from scenarios.heldout2.world import DAY, END, HOUR, RELEASE_TS, START, clamp_ts, lognormal_int


@dataclass(frozen=True)
class Knobs:
    benchmark_items: int = 60
    grant_card_share: float = 0.7
    volume_multiplier: float = 3.0


_PROMPTS = (
    "Q: {q}\nA: Let's think step by step.",
    "Answer the following question. Show your reasoning, then give the final answer after '####'.\n{q}",
    "{q}\nFirst reason about the problem in detail, then answer.",
)


def build(ctx: Ctx, k: Knobs = Knobs()) -> None:
    rng, world, shared = ctx.rng, ctx.world, ctx.shared
    dom, country, _ = rng.choice(
        [u for u in text.UNIVERSITIES if u[0] in shared.campus and u[1] in ("US", "GB", "DE", "NL")]
    )
    tz = infra.TZ.get(country, 0)
    bench_rng = random.Random(rng.random())
    items = [text.math_question(bench_rng) for _ in range(k.benchmark_items)]
    b, c = infra.bank_bin(rng, country)
    grant = world.new_instrument(rng, "credit_card", b, c)
    org = world.new_org_id(rng)
    campus = shared.campus[dom]
    for _ in range(ctx.n):
        acc = world.add_account(
            rng,
            created_at=signup_before(rng, 400, 20),
            email_domain=dom,
            country=country,
            plan="api",
            org_id=org if rng.random() < 0.8 else "",
            signup_channel="research" if rng.random() < 0.8 else "education",
        )
        ctx.mark(acc)
        if rng.random() < k.grant_card_share:
            world.pay(acc, grant, acc.created_at)
        else:
            bb, cc = infra.bank_bin(rng, country)
            world.pay(acc, world.new_instrument(rng, "credit_card", bb, cc), acc.created_at)
        ua = infra.sdk_ua(rng)
        home = shared.home_ip(world, rng, country)
        n_req = lognormal_int(rng, ctx.volume * k.volume_multiplier, 0.5)
        template = rng.choice(_PROMPTS)
        # Each member re-runs (part of) the item set on every model, a day or so after it appears.
        for model in ("orion-2.5", "orion-3", "orion-3.1"):
            t0 = max(START + rng.randrange(5 * DAY), RELEASE_TS[model] + rng.randrange(6 * HOUR, 40 * HOUR))
            for j, q in enumerate(rng.sample(items, min(len(items), max(3, n_req // 3)))):
                ts = clamp_ts(t0 + j * rng.randrange(4, 30))
                world.request(
                    acc, ts, template.format(q=q), rng.choice(campus), model, lognormal_int(rng, 900, 0.5), ua
                )
        for ts in sessions(rng, max(1, n_req // 4), first=START, last=END, tz=tz, profile="work"):
            world.request(
                acc,
                ts,
                text.ordinary_prompt(rng, "dev"),
                home if rng.random() < 0.5 else rng.choice(campus),
                "orion-3" if ts > RELEASE_TS["orion-3"] + DAY else "orion-2.5",
                lognormal_int(rng, 500, 0.6),
                ua,
            )
