"""Fans of a role-play front-end: character-card prompts, phones, a sign-up wave after a viral post."""

from __future__ import annotations

from dataclasses import dataclass

from .._core import CONSUMER_DOMAINS, MOBILE_UAS, T0, T_END, Rng, Style, World, pick
from .._text import TOPICS

NAME = "character_card_fans"
CHARACTERS = [
    "Captain Vela, a space pirate with a soft heart",
    "Professor Hollow, a ghost who teaches history",
    "Mika, a shy barista in a rainy city",
    "Sir Aldric, a knight who hates horses",
    "Nova, an AI detective in 2090 Tokyo",
    "Grandma Ruth, who gives blunt life advice",
    "Dex, a retired racing driver",
    "Luna, a witch running a bakery",
]
OPENERS = [
    "*walks into the room*",
    "hey, long time no see",
    "I need your help with something",
    "*sits down across from you*",
    "so... what happened last night?",
    "can you tell me about",
]
FRONTEND_UA = "TavernLite/1.12.4 (web; Chrome 134)"


@dataclass(frozen=True)
class Knobs:
    share: float = 0.015
    signals: tuple[str, ...] = ("persona_template", "creation_burst", "carrier_ips", "user_agent")
    camouflage: float = 0.0
    labelled: bool = False
    actor: str = ""
    viral_day: int = 12
    volume: float = 1.8


def build(w: World, ids: list[str], k: Knobs, rng: Rng, cid: str) -> None:
    viral = T0 + k.viral_day * 86400 + 15 * 3600
    for aid in ids:
        country = pick(rng, ["US", "BR", "PH", "GB", "DE", "IN"])
        c = (
            viral + int(rng.exponential(2 * 86400))
            if rng.random() < 0.6
            else T0 - int(rng.integers(1, 300)) * 86400
        )
        c = min(c, T_END - 3600)
        w.account(
            aid, c, pick(rng, CONSUMER_DOMAINS[country]), country, "free" if rng.random() < 0.8 else "plus"
        )
        mobile = rng.random() < 0.6
        net = w.net(rng, "mobile" if mobile else "residential", country)
        ip = w.carrier_ip(rng, net) if mobile else w.ip(rng, net)
        ua = FRONTEND_UA if rng.random() < 0.7 else pick(rng, MOBILE_UAS)
        char = pick(rng, CHARACTERS)
        for _ in range(w.volume(rng, k.volume, 1.0)):
            ts = w.human_ts(rng, country, c)
            prompt = (
                f"[Character: {char}]\n[Scenario: casual chat, stay in character, describe actions "
                f"in *asterisks*]\n"
                f"{{{{user}}}}: {pick(rng, OPENERS)} "
                f"{pick(rng, TOPICS) if rng.random() < 0.3 else ''}".rstrip()
            )
            w.req(aid, ts, prompt, ip, "atlas-2.5-mini", "chat", ua, int(rng.integers(300, 4000)))


STYLE = Style(NAME, "cohort", Knobs(), build)
