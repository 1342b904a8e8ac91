# ruff: noqa: E501 -- prompt templates and data tables read better unwrapped.
"""Low-and-slow harvesting of long-horizon agent trajectories, one multi-turn episode at a time.

Each account runs a few ReAct-style episodes whose context grows turn by turn, at the pace of a person.
Shared: catch-all e-mail domains of the operator, virtual cards from one fintech programme, commercial VPN
exits (which many privacy-minded honest users also use). Hidden: modest volume per account, spread timing.
"""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.heldout2 import infra, text
from scenarios.heldout2.common import Ctx
from scenarios.heldout2.world import (
    DAY,
    END,
    HOUR,
    START,
    Label,
    clamp_ts,
    lognormal_int,
    model_for,
    weighted,
)


@dataclass(frozen=True)
class Knobs:
    catchall_domains: int = 3
    consumer_email_share: float = 0.4
    episodes_per_account: float = 3.0
    turns: tuple[int, int] = (4, 13)
    vpn_share: float = 0.8


_GOALS = (
    "Set up a CI pipeline for `{repo}`, make the failing tests pass and open a pull request.",
    "Research the three cheapest flights from {city} to {city2} next month and put them in a spreadsheet.",
    "Migrate `{repo}` from {lib} to {lib2}, keeping all tests green.",
    "Investigate why the {noun} job in `{repo}` is slow and ship a fix with a benchmark.",
    "Build a small web app that tracks {noun}s, with login, and deploy it.",
)
_FIRST = (
    "Task: {goal}\nYou can use these tools: {tools}.\nThink step by step. At each turn output exactly:\nThought: <your reasoning>\nAction: <tool>[<arguments>]",
    "You are an agent that completes long tasks. Goal: {goal}\nTools: {tools}\nRespond with your reasoning followed by a single tool call. I will reply with the observation.",
)
_NEXT = (
    "Observation: {obs}\n\nContinue. Output the next Thought and Action.",
    "Observation:\n{obs}\nWhat is your next step? Remember to explain your reasoning first.",
    "{obs}\n\nThat was the tool output. Keep going until the task is complete, then say FINISHED with a summary.",
)


def build(ctx: Ctx, k: Knobs = Knobs()) -> None:
    rng, world, shared = ctx.rng, ctx.world, ctx.shared
    domains = [text.company(rng)[1] for _ in range(k.catchall_domains)]
    b, c = rng.choice(infra.VIRTUAL_BINS)
    saturdays = [START - 20 * DAY + d * DAY for d in range(60) if (3 + d - 20) % 7 == 6]
    lags = {"orion-3": 3 * DAY, "orion-3.1": 4 * DAY}
    for _ in range(ctx.n):
        created = rng.choice(saturdays) + int((18 + rng.random() * 8) * HOUR)
        country = weighted(rng, (("US", 5), ("GB", 2), ("DE", 1), ("CA", 1), ("NL", 1)))
        email = (
            text.pick(rng, ("gmail.com", "outlook.com", "proton.me"))
            if rng.random() < k.consumer_email_share
            else rng.choice(domains)
        )
        acc = world.add_account(
            rng,
            created_at=created,
            email_domain=email,
            country=country,
            plan=rng.choice(("plus", "api")),
            signup_channel="web",
        )
        ctx.mark(acc)
        world.pay(acc, world.new_instrument(rng, "virtual_card", b, c), created + rng.randrange(HOUR))
        ua = infra.browser_ua(rng) if acc.plan == "plus" else infra.sdk_ua(rng)
        home = shared.home_ip(world, rng, country, share=0.0)
        first = max(created, START)
        if first >= END:
            world.login(acc, home, created)
            continue
        for _ in range(max(1, int(rng.expovariate(1 / k.episodes_per_account)))):
            t = clamp_ts(first + rng.randrange(END - first))
            ip = shared.vpn_ip(rng) if rng.random() < k.vpn_share else home
            goal = rng.choice(_GOALS).format(
                repo=text.pick(rng, text.REPOS),
                city=text.pick(rng, text.CITIES),
                city2=text.pick(rng, text.CITIES),
                lib=text.pick(rng, text.LIBS),
                lib2=text.pick(rng, text.LIBS),
                noun=text.pick(rng, text.NOUNS),
            )
            history = 0
            for turn in range(rng.randrange(*k.turns)):
                if turn == 0:
                    prompt = rng.choice(_FIRST).format(goal=goal, tools=", ".join(rng.sample(text.TOOLS, 5)))
                else:
                    prompt = rng.choice(_NEXT).format(obs=text.tool_output(rng))
                out = lognormal_int(rng, 700, 0.4)
                world.request(
                    acc, clamp_ts(t), prompt, ip, model_for(t, "large", lags), out, ua, context_tokens=history
                )
                history += len(prompt) // 4 + out
                t += rng.randrange(25, 140)
    world.labels.append(
        Label(
            "email_domain",
            domains[0],
            ctx.actor,
            0.7,
            "analyst",
            "catch-all domain behind several accounts harvesting agent trajectories",
        )
    )
