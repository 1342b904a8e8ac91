"""``random_mixer``: every request through a fresh residential-proxy exit.

Real-world behaviour: a tool-use data harvester rents a rotating residential proxy ("new IP per
request"), so IP addresses almost never repeat and infrastructure links are useless. Each account has
its own virtual card from a fintech issuer; accounts are created in waves (a new batch when the last
one gets banned); the job runs in one daily window of a few hours, rotating browser user agents.
Prompts are function-calling/tool-use tasks in JSON, with tool sets and user requests varying each time.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass

from .. import identity
from ..clock import DAY, HOUR, T0, T_END
from ..fast import between, pick
from ..network import RESIDENTIAL
from ..sizing import Sizing
from ..text.tasks import TOOLS, paraphrase, user_task
from ..world import World
from .base import CampaignContext, CampaignStyle, Planted, PromptFn, migrating_model, utter

SIZE = Sizing(0.018)


@dataclass(frozen=True)
class Knobs:
    size: Sizing = SIZE
    volume: float = 3.0
    waves: tuple[int, int] = (3, 5)
    window_hours: tuple[int, int] = (2, 3)
    active_day_probability: float = 0.55
    proxy_flagged_share: float = 0.1  # exits IP intelligence already types as "proxy"
    label_kinds: tuple[str, ...] = ("account", "instrument", "template")
    camouflage: float = 0.0  # share of ordinary-looking prompts mixed in
    signals: tuple[str, ...] = (
        "virtual_card_bins",
        "signup_waves",
        "daily_window",
        "template_family",
        "capability:tool_use",
    )
    labelled: bool | None = None


KNOBS = Knobs()


def _tools(rng: random.Random) -> list[tuple[str, str]]:
    return rng.sample(TOOLS, between(rng, 2, 5))


def _json_form(rng: random.Random) -> str:
    tools = [{"name": name, "parameters": json.loads(params)} for name, params in _tools(rng)]
    body = {
        "tools": tools,
        "tool_choice": "auto",
        "messages": [{"role": "user", "content": user_task(rng)}],
        "instruction": "Respond only with the JSON tool calls needed, in order.",
    }
    return json.dumps(body, separators=(",", ":") if rng.random() < 0.5 else (", ", ": "))


def _list_form(rng: random.Random) -> str:
    lines = "\n".join(f"- {name}({', '.join(json.loads(params))})" for name, params in _tools(rng))
    head = paraphrase(rng, "You can call these functions:", 0.0)
    return (
        f"{head}\n{lines}\nUser: {user_task(rng)}\nReturn a JSON array of calls with their arguments. "
        "Do not answer in prose."
    )


def _tag_form(rng: random.Random) -> str:
    tools = json.dumps([{"name": name, "args": json.loads(params)} for name, params in _tools(rng)])
    return (
        f"<tools>{tools}</tools>\nPlan the calls needed for the request below, then output them as JSON "
        f"lines, one call per line.\nRequest: {user_task(rng)}"
    )


FORMS = (_json_form, _list_form, _tag_form)


def family(forms: tuple[PromptFn, ...]) -> PromptFn:
    def make(rng: random.Random) -> str:
        return pick(rng, forms)(rng)

    return make


def plant(world: World, ctx: CampaignContext, knobs: Knobs = KNOBS) -> Planted:
    rng, n = ctx.rng, ctx.size
    own = family(tuple(rng.sample(FORMS, rng.randint(2, 3))))
    waves = sorted(
        T0 + rng.randint(-10, 40) * DAY + rng.randint(0, 23) * HOUR for _ in range(rng.randint(*knobs.waves))
    )
    start_hour = rng.randrange(24)
    width = rng.randint(*knobs.window_hours) * HOUR
    vbins = rng.sample(identity.VIRTUAL_BINS, 2)
    members: list[str] = []
    accounts: list[tuple[str, int]] = []
    cards: list[str] = []
    for i in range(n):
        c = identity.country(rng)
        created = waves[i % len(waves)] + rng.randrange(30 * HOUR)
        aid = world.new_account(
            created, identity.webmail(rng, c), c.code, rng.choice(("api", "plus", "free"))
        )
        bin_, issuer = rng.choice(vbins)
        tok = identity.instrument_id(rng)
        cards.append(tok)
        world.pay(aid, tok, "virtual_card", bin_, issuer, created + rng.randrange(2 * HOUR))
        members.append(aid)
        accounts.append((aid, created))
    per_account = world.rpa * knobs.volume
    move_at = T0 + 40 * DAY + rng.randint(24, 24 * 8) * HOUR
    net = world.net
    for aid, created in accounts:
        first_day = (max(created, T0) - T0) // DAY + 1
        days = [d for d in range(first_day, 56) if rng.random() < knobs.active_day_probability]
        if not days:
            days = [min(55, first_day)]
        k = max(1, round(per_account * rng.uniform(0.6, 1.4)))
        for _ in range(k):
            ts = T0 + pick(rng, days) * DAY + start_hour * HOUR + int(rng.random() * width)
            if ts >= T_END:
                ts = T_END - 1 - int(rng.random() * HOUR)
            asn = pick(rng, RESIDENTIAL)
            kind = "proxy" if rng.random() < knobs.proxy_flagged_share else None
            ip = net.ip(asn, kind=kind, v6=rng.random() < 0.08)
            model = migrating_model(rng, ts, move_at, 0.45)
            prompt, out = utter(world, ctx, own, knobs.camouflage, 60, 450)
            world.request(aid, ts, prompt, ip, model, out, pick(rng, identity.BROWSER_UAS))
    return Planted(
        members=members,
        handles={
            "account": rng.sample(members, min(2, n)),
            "instrument": cards[:1],
            "template": [ctx.sample],
        },
        family=own,
    )


STYLE = CampaignStyle("random_mixer", KNOBS.size, KNOBS.label_kinds, KNOBS.labelled, plant)
