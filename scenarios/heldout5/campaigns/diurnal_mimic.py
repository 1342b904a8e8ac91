"""A careful operator: aged accounts, one residential exit and card each, human hours; prose leaks."""

from __future__ import annotations

from dataclasses import dataclass

from .._core import CONSUMER_DOMAINS, T0, T_END, Rng, Style, World, bin6, instrument, pick
from .._kit import camouflage, typo, word_problem

NAME = "diurnal_mimic"
OPENERS = [
    "Can you walk me through this carefully, every step?",
    "I want to really understand this one, please reason it out step by step before answering:",
    "Work through this slowly and show all your thinking, then double-check:",
    "pls solve and explain each step in detail, dont skip anything",
    "Think it through out loud, step by step, and verify the result at the end.",
    "Could you solve this and explain your reasoning thoroughly?",
]
CLOSERS = [
    "",
    "",
    "Thanks!",
    "Also mention any common mistakes.",
    "Then summarise the method in one line.",
    "ty",
]
# The operator's browser automation pins an old browser build on every account.
PINNED_UA = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.6478.127 Safari/537.36"
)


@dataclass(frozen=True)
class Knobs:
    share: float = 0.012
    actor: str = "Nightjar"
    labelled: bool = False
    signals: tuple[str, ...] = ("content_near_duplicate", "capability_focus", "user_agent")
    camouflage: float = 0.35
    countries: tuple[str, ...] = ("US", "GB", "DE", "FR")
    exit_days: int = 5
    volume: float = 2.0


def build(w: World, ids: list[str], k: Knobs, rng: Rng, cid: str) -> None:
    for aid in ids:
        country = pick(rng, k.countries)
        c = T0 - int(rng.integers(60, 320)) * 86400 + int(rng.integers(0, 86400))
        w.account(aid, c, pick(rng, CONSUMER_DOMAINS[country]), country, "plus", "", "organic")
        w.pay(aid, instrument(rng), "card", bin6(rng), country, c + int(rng.integers(0, 30)) * 86400)
        net = w.net(rng, "residential", country)
        n = w.volume(rng, k.volume, 0.5)
        exits: dict[int, str] = {}
        for _ in range(n):
            ts = w.human_ts(rng, country)
            slot = int(ts - T0) // (k.exit_days * 86400)
            ip = exits.get(slot) or exits.setdefault(slot, w.ip(rng, net))
            if rng.random() < k.camouflage:
                camouflage(w, rng, aid, country, ip, PINNED_UA)
                continue
            prompt = typo(rng, f"{pick(rng, OPENERS)} {word_problem(rng)} {pick(rng, CLOSERS)}".strip())
            w.req(aid, min(ts, T_END - 1), prompt, ip, w.model_at(rng, ts, 0.4, 2), "reasoning", PINNED_UA)


STYLE = Style(NAME, "campaign", Knobs(), build)
