"""Independent developers of one open-source agent framework: same tool scaffolding and client."""

from __future__ import annotations

import json
from dataclasses import dataclass

from .._background import created
from .._core import (
    CONSUMER_DOMAINS,
    COUNTRY_WEIGHTS,
    NEW_MODEL,
    RELEASE_TS,
    Rng,
    Style,
    World,
    bin6,
    instrument,
    pick,
    weighted,
)
from .._text import CODE_TASKS, LANGS

NAME = "agent_sdk_users"
FRAMEWORK_UA = "taskweave/0.7.2 atlas-python/1.42.0 CPython/3.12.8"
TOOLS = [
    "read_file",
    "write_file",
    "run_shell",
    "search_web",
    "list_dir",
    "git_diff",
    "http_get",
    "sql_query",
]


@dataclass(frozen=True)
class Knobs:
    share: float = 0.012
    signals: tuple[str, ...] = ("shared_scaffold_template", "user_agent", "model_hop", "hosting")
    camouflage: float = 0.0
    labelled: bool = False
    actor: str = ""
    adopt_new_model: float = 0.7
    volume: float = 2.5


def build(w: World, ids: list[str], k: Knobs, rng: Rng, cid: str) -> None:
    for aid in ids:
        country = weighted(rng, COUNTRY_WEIGHTS)
        c = created(rng)
        w.account(
            aid,
            c,
            pick(rng, CONSUMER_DOMAINS[country]),
            country,
            "api",
            "",
            pick(rng, ["organic", "referral"]),
        )
        w.pay(aid, instrument(rng), "card", bin6(rng), country, c)
        ips = [w.ip(rng, w.net(rng, "hosting")), w.ip(rng, w.net(rng, "residential", country))]
        tools = [TOOLS[i] for i in sorted(rng.choice(len(TOOLS), int(rng.integers(3, 7)), replace=False))]
        schema = json.dumps([{"name": t, "parameters": {"type": "object"}} for t in tools])
        eager = rng.random() < k.adopt_new_model
        for _ in range(w.volume(rng, k.volume, 1.0)):
            ts = w.human_ts(rng, country, c)
            goal = f"{pick(rng, CODE_TASKS)} in {pick(rng, LANGS)}"
            prompt = (
                "You are TaskWeave, an agent that completes software tasks using tools.\n"
                f"Available tools: {schema}\nThink before each call. Goal: {goal}"
            )
            model = NEW_MODEL if ts >= RELEASE_TS + 86400 * rng.random() * 4 and eager else "atlas-2.5"
            w.req(aid, ts, prompt, pick(rng, ips), model, "agent", FRAMEWORK_UA, int(rng.integers(500, 6000)))


STYLE = Style(NAME, "cohort", Knobs(), build)
