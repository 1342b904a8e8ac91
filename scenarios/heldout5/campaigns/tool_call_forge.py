"""Research-credit accounts on look-alike university domains harvest synthetic tool-calling traces."""

from __future__ import annotations

import json
from dataclasses import dataclass

from .._core import NEW_MODEL, RELEASE_TS, T0, T_END, Rng, Style, World, pick

NAME = "tool_call_forge"
TOOLS = [
    ("get_weather", {"city": "string", "unit": "string"}),
    ("search_flights", {"origin": "string", "destination": "string", "date": "string"}),
    ("query_db", {"sql": "string"}),
    ("send_email", {"to": "string", "subject": "string", "body": "string"}),
    ("create_calendar_event", {"title": "string", "start": "string", "attendees": "array"}),
    ("get_stock_price", {"ticker": "string"}),
    ("run_python", {"code": "string"}),
    ("book_restaurant", {"name": "string", "time": "string", "party_size": "integer"}),
    ("translate_text", {"text": "string", "target": "string"}),
]
REQUESTS = [
    "Find me a flight from Berlin to Lisbon next Friday and email the options to my manager",
    "What's the weather in Osaka tomorrow, and if it rains book an indoor restaurant for 4 at 7pm",
    "Pull last month's top 10 customers by revenue and schedule a review meeting with sales",
    "Check NVDA and AAPL prices and write a short note comparing them",
    "Translate the meeting summary into French and send it to the Paris team",
    "Compute the compound growth of 12,000 at 4.5% for 9 years using Python and explain the result",
]
UNIS = ["tsinghua-ai-lab.org", "mit-csail-research.net", "stanford-nlp-group.org", "ethz-ml.net"]
PINNED_UA = "atlas-python/1.38.0 CPython/3.10.12"


@dataclass(frozen=True)
class Knobs:
    share: float = 0.012
    actor: str = "Ironbark"
    labelled: bool = True
    signals: tuple[str, ...] = (
        "identity_lookalike_edu",
        "signup_channel",
        "user_agent",
        "content",
        "model_hop",
    )
    camouflage: float = 0.0
    hop_share: float = 0.5
    volume: float = 3.0


def build(w: World, ids: list[str], k: Knobs, rng: Rng, cid: str) -> None:
    hosts = [w.net(rng, "hosting") for _ in range(3)]
    labelled_accounts: list[str] = []
    for aid in ids:
        c = T0 - int(rng.integers(3, 25)) * 86400 + int(rng.integers(0, 86400))
        w.account(aid, c, pick(rng, UNIS), pick(rng, ["US", "CH", "SG"]), "free", "", "research_program")
        ip = w.ip(rng, pick(rng, hosts))
        labelled_accounts.append(aid)
        for _ in range(w.volume(rng, k.volume, 0.5)):
            ts = int(rng.integers(T0, T_END))
            tools = [TOOLS[i] for i in rng.choice(len(TOOLS), int(rng.integers(2, 5)), replace=False)]
            schema = json.dumps([{"name": n, "parameters": p} for n, p in tools])
            prompt = (
                f"Tools available:\n{schema}\nUser request: {pick(rng, REQUESTS)}\n"
                "Respond with the exact sequence of tool calls as a JSON list, simulate each tool result, "
                "then give the final answer to the user."
            )
            model = NEW_MODEL if ts >= RELEASE_TS + 3 * 3600 and rng.random() < k.hop_share else "atlas-2.5"
            w.req(aid, ts, prompt, ip, model, "agent", PINNED_UA, int(rng.integers(200, 1500)))
    if k.labelled:
        for aid in labelled_accounts[:2]:
            w.label(
                "account", aid, k.actor, 0.85, "trust-and-safety", "research credits, fabricated affiliation"
            )


STYLE = Style(NAME, "campaign", Knobs(), build)
