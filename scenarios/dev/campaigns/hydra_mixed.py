"""``hydra_mixed``: a proxy-reseller "hydra" network mixing extraction with ordinary-looking traffic.

Real-world behaviour: a reseller runs thousands of accounts at once through residential exits of a
proxy network built from real home connections (SDK-enrolled devices), so the very IPs ordinary
customers use at home also carry campaign traffic. Each account looks like a consumer (free mail,
browser user agent, its own card, a few pairs sharing one) and a sizeable share of its prompts are
ordinary requests, viral templates included, to blend in; the rest harvests coding-agent, chain-of-
thought and tool-use answers in the network's own phrasing. Traffic runs around the clock.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .. import identity
from ..clock import DAY, HOUR, RELEASE, T0, T_END
from ..fast import between, pick
from ..sizing import Sizing
from ..text.ordinary import voice
from ..text.tasks import COMPONENTS, ENGINEERING_GOALS, TOOLS, math_problem, paraphrase, user_task
from ..world import World
from .base import CampaignContext, CampaignStyle, Planted, PromptFn, camouflage, hexid, migrating_model

SIZE = Sizing(0.016)


@dataclass(frozen=True)
class Knobs:
    size: Sizing = SIZE
    volume: float = 3.5
    camouflage: tuple[float, float] = (0.3, 0.5)
    exits_per_account: float = 3.0  # size of the slice of background home IPs the network rents
    session_length: tuple[int, int] = (2, 6)
    card_pair_share: float = 0.2
    label_kinds: tuple[str, ...] = ("account", "template", "instrument")
    signals: tuple[str, ...] = (
        "shared_residential_exits",
        "extraction_families",
        "camouflage",
        "card_pairs",
    )
    labelled: bool | None = None


KNOBS = Knobs()


def _agent(rng: random.Random) -> str:
    return (
        f"Act as an autonomous coding agent. Repository: {pick(rng, COMPONENTS)}-{hexid(rng, 4)}. Objective: "
        f"{pick(rng, ENGINEERING_GOALS)}. Think through a plan, call tools, and report each step until done."
    )


def _cot(rng: random.Random) -> str:
    return paraphrase(
        rng, f"Work through this step by step, showing all your reasoning: {math_problem(rng)}", 0.3
    )


def _tools(rng: random.Random) -> str:
    names = ", ".join(name for name, _ in rng.sample(TOOLS, between(rng, 2, 4)))
    return f"Given tools [{names}], output only the JSON calls for: {user_task(rng)}"


def family(rng: random.Random) -> str:
    r = rng.random()
    return _agent(rng) if r < 0.35 else _cot(rng) if r < 0.7 else _tools(rng)


def plant(world: World, ctx: CampaignContext, knobs: Knobs = KNOBS) -> Planted:
    rng, n = ctx.rng, ctx.size
    own: PromptFn = family
    homes = ctx.background.home_ips
    exits = rng.sample(homes, min(len(homes), max(20, int(n * knobs.exits_per_account))))
    camo_share = rng.uniform(*knobs.camouflage)
    move_at = RELEASE + rng.randint(30, 120) * HOUR
    members: list[str] = []
    cards: list[str] = []
    pair_card: tuple[str, str, str] | None = None
    for _ in range(n):
        c = identity.country(rng)
        created = T0 - 50 * DAY + rng.randrange(85 * DAY)
        aid = world.new_account(
            created,
            identity.webmail(rng, c),
            c.code,
            rng.choice(("plus", "plus", "api", "free")),
            channel=rng.choice(("web", "web", "mobile_app")),
        )
        members.append(aid)
        if pair_card is not None:
            world.pay(aid, pair_card[0], pair_card[1], pair_card[2], c.code, created + rng.randrange(DAY))
            pair_card = None
        else:
            kind, bin_ = identity.ordinary_instrument(rng, c.code)
            tok = identity.instrument_id(rng)
            cards.append(tok)
            world.pay(aid, tok, kind, bin_, c.code, created + rng.randrange(DAY))
            if rng.random() < knobs.card_pair_share:
                pair_card = (tok, kind, bin_)
        v = voice(rng, c.code, 0.5)
        ua = pick(rng, identity.BROWSER_UAS)
        lo = max(T0, created)
        if lo >= T_END - HOUR:
            continue
        k = max(2, round(world.rpa * knobs.volume * rng.uniform(0.6, 1.4)))
        done = 0
        while done < k:
            ts = lo + int(rng.random() * (T_END - lo - HOUR))
            ip = pick(rng, exits)
            for _ in range(min(k - done, between(rng, *knobs.session_length))):
                if rng.random() < camo_share:
                    prompt, out = camouflage(world, rng, v), between(rng, 60, 1200)
                else:
                    prompt, out = ctx.prompt(own), between(rng, 800, 6000)
                world.request(aid, ts, prompt, ip, migrating_model(rng, ts, move_at, 0.35), out, ua)
                ts = min(T_END - 1, ts + between(rng, 20, 240))
                done += 1
    return Planted(
        members=members,
        handles={
            "account": rng.sample(members, min(2, n)),
            "template": [ctx.sample],
            "instrument": cards[:1],
        },
        family=own,
    )


STYLE = CampaignStyle("hydra_mixed", KNOBS.size, KNOBS.label_kinds, KNOBS.labelled, plant)
