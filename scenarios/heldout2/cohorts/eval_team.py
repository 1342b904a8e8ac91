# ruff: noqa: E501 -- prompt templates and data tables read better unwrapped.
"""A benchmark team running a fixed evaluation suite, sharded across accounts, the moment a model ships.

Identical prompts across accounts, one card, one cloud project, reasoning and judge prompts, and traffic that
jumps to each new model within hours: the honest twin of a release-chasing lab.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout2 import infra, text
from scenarios.heldout2.common import Ctx, signup_before
from scenarios.heldout2.world import DAY, END, HOUR, RELEASES, START, clamp_ts, lognormal_int


@dataclass(frozen=True)
class Knobs:
    suite_size: int = 160
    runs_per_release: int = 2
    start_after_release_hours: float = 3.0
    background_share: float = 0.2


def build(ctx: Ctx, k: Knobs = Knobs()) -> None:
    rng, world = ctx.rng, ctx.world
    suite_rng = random.Random(ctx.rng.random())
    suite: list[str] = []
    for i in range(k.suite_size):
        r = i % 4
        if r == 0:
            suite.append(f"{text.math_question(suite_rng)} Let's think step by step.")
        elif r == 1:
            suite.append(
                f"Complete the function so that all tests pass. Return only code.\n\n{text.code_snippet(suite_rng, 'Python')}"
            )
        elif r == 2:
            opts = ", ".join(f"({c}) {text.pick(suite_rng, text.CONCEPTS)}" for c in "ABCD")
            suite.append(
                f"Question: Which of the following best describes {text.pick(suite_rng, text.CONCEPTS)}? {opts}\nAnswer with the letter only."
            )
        else:
            suite.append(
                "Act as an impartial judge. Evaluate which assistant response better follows the user's instruction.\n"
                f"### Instruction\n{text.ordinary_prompt(suite_rng, 'work')}\n### Response A\n{text.short_answer(suite_rng)}\n"
                f"### Response B\n{text.short_answer(suite_rng)}\n### Verdict\nOutput [[A]], [[B]] or [[tie]]."
            )
    _, domain = text.company(rng)
    org = world.new_org_id(rng)
    b, c = infra.bank_bin(rng, "US")
    card = world.new_instrument(rng, "credit_card", b, c)
    gcp = infra.asn(396982)
    ips = [infra.new_ip(world, rng, gcp, v6=False) for _ in range(2)]
    ua = infra.sdk_ua(rng)
    accs = []
    for _ in range(ctx.n):
        acc = world.add_account(
            rng,
            created_at=signup_before(rng, 200, 5),
            email_domain=domain,
            country="US",
            plan="api",
            org_id=org,
            signup_channel=rng.choice(("research", "api_console")),
        )
        ctx.mark(acc)
        world.pay(acc, card, acc.created_at)
        accs.append(acc)
    releases = [r for r in RELEASES if START <= r.ts < END]
    for rel in releases:
        for run in range(k.runs_per_release):
            t0 = rel.ts + int(k.start_after_release_hours * HOUR) + run * rng.randrange(DAY, 3 * DAY)
            # Sharded: item i goes to account i mod n, so all accounts hit the suite at once.
            for i, prompt in enumerate(suite):
                acc = accs[i % len(accs)]
                ts = clamp_ts(t0 + i * rng.randrange(3, 9))
                world.request(acc, ts, prompt, rng.choice(ips), rel.model, lognormal_int(rng, 700, 0.5), ua)
    for acc in accs:
        for _ in range(int(len(suite) * len(releases) * k.background_share / len(accs)) + 1):
            ts = START + rng.randrange(END - START)
            world.request(
                acc,
                ts,
                text.ordinary_prompt(rng, "dev"),
                rng.choice(ips),
                rng.choice(("orion-2.5", "orion-2.5-mini")) if ts < releases[0].ts else "orion-3",
                lognormal_int(rng, 500, 0.6),
                ua,
            )
