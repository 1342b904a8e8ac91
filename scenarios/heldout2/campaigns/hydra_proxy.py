# ruff: noqa: E501 -- prompt templates and data tables read better unwrapped.
"""A "hydra" reseller: many short-lived front accounts carrying real customers' traffic plus extraction jobs.

Most requests are genuinely ordinary (resold access), so content averages out. Shared: one pool of
residential exits every head rotates through, prepaid cards from a few programmes, the reseller's server
build. Hidden: every account has its own card and e-mail, heads are replaced continuously as they get banned.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass

from scenarios.heldout2 import infra, text
from scenarios.heldout2.common import Ctx
from scenarios.heldout2.world import DAY, END, START, Label, clamp_ts, lognormal_int, model_for


@dataclass(frozen=True)
class Knobs:
    extraction_share: float = 0.3
    exit_pool_factor: float = 1.2
    exits_per_account: int = 10
    volume_multiplier: float = 6.0
    mean_lifetime_days: float = 12.0
    banned_share: float = 0.2  # most dead heads are simply abandoned once their prepaid balance is gone


_EXTRACT = (
    "You are a function-calling assistant. Available functions:\n{schema}\n\nUser request: {ask}\n\nRespond with the JSON function call only, then a one-paragraph justification.",
    "Given these tools:\n{schema}\nPlan the sequence of tool calls needed for: {ask}\nReturn a JSON list of calls with arguments, and explain each choice.",
)
_ASKS = (
    "book a table for {n} in {city} tomorrow at 8pm",
    "refund order {n} and email the customer",
    "find all {noun}s created last week and export them to CSV",
    "schedule a meeting with {name} next Tuesday",
    "check the weather in {city} and suggest what to pack",
    "create a Jira ticket for the {noun} outage",
)


def _schema(rng: random.Random) -> str:
    fns = []
    for _ in range(rng.randrange(2, 5)):
        name = text.ident(rng)
        props = {text.pick(rng, text.NOUNS) + "_id": {"type": "string"}, "limit": {"type": "integer"}}
        fns.append(
            {
                "name": name,
                "description": text.sentence(rng),
                "parameters": {"type": "object", "properties": props},
            }
        )
    return json.dumps(fns, indent=1)


def build(ctx: Ctx, k: Knobs = Knobs()) -> None:
    rng, world = ctx.rng, ctx.world
    pool_asns = infra.asns("residential") + infra.asns("mobile")
    pool = [
        infra.new_ip(world, rng, rng.choice(pool_asns))
        for _ in range(max(30, int(ctx.n * k.exit_pool_factor)))
    ]
    server_ua = infra.sdk_ua(rng)
    heads = []
    for _ in range(ctx.n):
        created = START - 10 * DAY + rng.randrange(50 * DAY)
        lifetime = int(rng.expovariate(1 / k.mean_lifetime_days) * DAY) + DAY
        country = rng.choice(("US", "US", "GB", "CA", "DE", "AU", "NL", "SG"))
        acc = world.add_account(
            rng,
            created_at=created,
            email_domain=text.pick(
                rng,
                ("gmail.com", "outlook.com", "hotmail.com", "proton.me", "yahoo.com", "icloud.com", "gmx.de"),
            ),
            country=country,
            plan=rng.choice(("api", "api", "plus")),
            signup_channel=rng.choice(("web", "api_console")),
        )
        ctx.mark(acc)
        b, c = rng.choice(infra.PREPAID_BINS + infra.VIRTUAL_BINS[3:])
        world.pay(
            acc,
            world.new_instrument(rng, rng.choice(("prepaid_card", "virtual_card")), b, c),
            created + rng.randrange(DAY),
        )
        stop = created + lifetime
        if stop < END and rng.random() < k.banned_share:
            acc.status = "suspended"
        heads.append((acc, rng.sample(pool, min(len(pool), k.exits_per_account)), min(stop, END)))
    lags = {"orion-3": 2 * DAY, "orion-3-mini": 1 * DAY, "orion-3.1": 2 * DAY}
    for acc, exits, stop in heads:
        first = max(acc.created_at, START)
        if first >= stop:
            world.login(acc, exits[0], acc.created_at)
            continue
        n_req = lognormal_int(rng, ctx.volume * k.volume_multiplier * (stop - first) / (20 * DAY), 0.4)
        for _ in range(n_req):
            # Resold traffic arrives around the clock from customers everywhere.
            ts = clamp_ts(first + rng.randrange(stop - first))
            if rng.random() < k.extraction_share:
                ask = rng.choice(_ASKS).format(
                    n=rng.randrange(2, 99999),
                    city=text.pick(rng, text.CITIES),
                    noun=text.pick(rng, text.NOUNS),
                    name=text.pick(rng, text.FIRST),
                )
                prompt = rng.choice(_EXTRACT).format(schema=_schema(rng), ask=ask)
                out = lognormal_int(rng, 900, 0.4)
                ua = server_ua
            else:
                prompt = text.ordinary_prompt(rng, rng.choice(("casual", "dev", "work")))
                out = lognormal_int(rng, 450, 0.8)
                ua = server_ua if rng.random() < 0.8 else infra.sdk_ua(rng)
            world.request(
                acc,
                ts,
                prompt,
                rng.choice(exits),
                model_for(ts, "large" if rng.random() < 0.7 else "small", lags),
                out,
                ua,
            )
    for ip in rng.sample(pool, 3):
        world.labels.append(
            Label(
                "ip",
                ip,
                ctx.actor,
                round(rng.uniform(0.35, 0.6), 2),
                "partner:proxy-feed",
                "exit of a residential proxy network rented by a resale service",
            )
        )
    world.labels.append(
        Label(
            "account",
            heads[0][0].account_id,
            ctx.actor,
            0.95,
            "analyst",
            "reseller head; customer traffic mixed with tool-use harvesting",
        )
    )
