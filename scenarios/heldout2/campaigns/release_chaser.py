# ruff: noqa: E501 -- prompt templates and data tables read better unwrapped.
"""A lab harvesting chain-of-thought that chases every release (the lab that moved half its traffic in 24 h).

Fronted as a handful of small "startups" that joined the startup and research programmes. Shared: one card
and one cloud /24 per front company, paraphrased reasoning-elicitation instructions. Hidden: no exact prompt
template, corporate-looking domains, sign-ups spread across fronts; the tell is timing around releases.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout2 import infra, text
from scenarios.heldout2.common import Ctx, burst, sessions
from scenarios.heldout2.world import DAY, END, HOUR, RELEASE_TS, START, Label, lognormal_int, weighted


@dataclass(frozen=True)
class Knobs:
    fronts: int = 4
    switch_share: float = 0.5  # share of accounts moved to a new model right after release
    switch_within_hours: float = 20.0
    volume_multiplier: float = 4.0
    release_surge: float = 2.5  # how much harder the moved accounts are driven in the days after release


_INSTR = (
    "Solve the problem below. Before the final answer, write out your complete reasoning process in detail, including any false starts and how you noticed them.",
    "Think through this carefully and show every intermediate step of your reasoning. Do not skip steps, even obvious ones.",
    "Please reason step by step, verifying each step before moving on, and explain why each step follows from the previous one.",
    "Work the following problem as a careful expert would. Show your full chain of thought, then state the answer on its own line.",
    "I need a fully worked solution: every step, every calculation, and a check of the result at the end.",
    "Explain your thinking out loud as you solve this, considering alternative approaches before committing to one.",
)
_FORMATS = (
    "",
    "\n\nFormat: <reasoning>...</reasoning><answer>...</answer>",
    "\n\nEnd with 'Final answer: <answer>'.",
    "\n\nUse numbered steps.",
)
_SCIENCE = (
    "A {a} kg block slides down a {b} degree incline with friction coefficient 0.{c}. Find its acceleration.",
    "How many moles of CO2 are produced when {a} g of propane burns completely?",
    "A population grows {b}% per year from {a} thousand. When does it double, and what assumptions matter?",
    "Three boxes are labelled wrongly: apples, oranges, mixed. You may draw {c} fruit. How do you relabel them?",
    "Is the following argument valid? All {n1}s are {n2}s; some {n2}s are {n3}s; therefore some {n1}s are {n3}s.",
)


def _problem(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return text.math_question(rng)
    return rng.choice(_SCIENCE).format(
        a=rng.randrange(2, 90),
        b=rng.randrange(5, 60),
        c=rng.randrange(1, 9),
        n1=text.pick(rng, text.NOUNS),
        n2=text.pick(rng, text.NOUNS),
        n3=text.pick(rng, text.NOUNS),
    )


def build(ctx: Ctx, k: Knobs = Knobs()) -> None:
    rng, world = ctx.rng, ctx.world
    fronts = []
    for _ in range(k.fronts):
        _, domain = text.company(rng)
        cloud = rng.choice([infra.asn(45102), infra.asn(132203), infra.asn(16509)])
        s24 = infra.new_slash24(rng, cloud)
        ips = [infra.new_ip(world, rng, cloud, slash24=s24) for _ in range(rng.randrange(3, 7))]
        b, c = rng.choice((("464018", "SG"), ("531993", "HK"), ("428837", "SG")))
        card = world.new_instrument(rng, "credit_card", b, c)
        fronts.append((world.new_org_id(rng), domain, ips, card, START - rng.randrange(5, 30) * DAY))
    ua = infra.sdk_ua(rng)
    large = ["orion-3", "orion-3.1"]
    for i in range(ctx.n):
        org, domain, ips, card, opened = fronts[i % len(fronts)]
        created = burst(rng, opened, 30)
        acc = world.add_account(
            rng,
            created_at=created,
            email_domain=domain,
            country=weighted(rng, (("SG", 5), ("US", 3), ("MY", 1), ("GB", 1))),
            plan=rng.choice(("api", "team")),
            org_id=org,
            signup_channel=weighted(rng, (("startup_program", 6), ("research", 3), ("api_console", 1))),
        )
        ctx.mark(acc)
        world.pay(acc, card, created + rng.randrange(2 * HOUR))
        movers = rng.random() < k.switch_share
        switch: dict[str, int] = {}
        n_req = lognormal_int(rng, ctx.volume * k.volume_multiplier, 0.5)
        times = sessions(
            rng, n_req, first=created, tz=8, profile="work", per_session=6, gap=(5, 60), weekday_bias=0.3
        )
        if movers:
            # The surge right after each release: the lab wants the new model's reasoning before anyone reacts.
            for m in large:
                t0 = RELEASE_TS[m] + int(rng.random() * k.switch_within_hours * HOUR)
                extra = int(n_req * 0.15 * k.release_surge)
                times += [min(END - 1, t0 + rng.randrange(3 * DAY)) for _ in range(extra)]
            times.sort()
            switch = {m: RELEASE_TS[m] + int(rng.random() * k.switch_within_hours * HOUR) for m in large}
        for ts in times:
            model = "orion-2.5"
            if movers:
                for m in large:
                    if ts >= switch[m]:
                        model = m
            elif ts > RELEASE_TS["orion-3"] + 9 * DAY:
                model = "orion-3"
            prompt = rng.choice(_INSTR) + "\n\n" + _problem(rng) + rng.choice(_FORMATS)
            world.request(
                acc,
                ts,
                prompt,
                rng.choice(ips),
                model,
                lognormal_int(rng, 1900, 0.45),
                ua,
                context_tokens=rng.choice((0, 0, 120)),
            )
    org, domain, ips, card, _ = fronts[0]
    world.labels.append(
        Label(
            "email_domain",
            domain,
            ctx.actor,
            0.8,
            "partner:threat-share",
            "front company registered days before joining the startup programme",
        )
    )
    world.labels.append(
        Label("ip", ips[0], ctx.actor, 0.55, "partner:threat-share", "cloud egress of a front")
    )
