"""Free accounts registered in waves on mobile proxies forge persona dialogues for a fine-tune."""

from __future__ import annotations

from dataclasses import dataclass

from .._core import CONSUMER_DOMAINS, T0, T_END, Rng, Style, World, pick

NAME = "persona_dialogue_forge"
PERSONAS = [
    "a retired ship captain",
    "a sarcastic barista",
    "a patient kindergarten teacher",
    "a burned-out startup founder",
    "a medieval blacksmith",
    "a cheerful fitness coach",
    "a nervous first-year law student",
    "a grumpy IT admin",
    "a travel vlogger",
    "a night-shift nurse",
]
TRAITS = [
    "speaks in short sentences",
    "loves puns",
    "is secretly anxious",
    "quotes old films",
    "is extremely polite",
    "never admits being wrong",
    "uses a lot of slang",
]
SITUATIONS = [
    "wants advice on a breakup",
    "is lost in a new city",
    "asks for a workout plan",
    "complains about a late delivery",
    "wants to learn to cook",
    "is preparing for an exam",
    "needs help writing a cover letter",
    "cannot sleep",
]
NAMES = ["MARA", "JONAH", "ELSIE", "BRAM", "TOVE", "RUDY", "INES", "KAI"]
PINNED_UA = "AtlasChat/5.9.0 (Android 11; SM-A125F)"


@dataclass(frozen=True)
class Knobs:
    share: float = 0.015
    actor: str = "Marigold Loop"
    labelled: bool = False
    signals: tuple[str, ...] = ("creation_waves", "carrier_ips", "user_agent", "content")
    camouflage: float = 0.0
    waves: int = 3
    suspended_share: float = 0.1
    volume: float = 2.0


def build(w: World, ids: list[str], k: Knobs, rng: Rng, cid: str) -> None:
    waves = [T0 + int(rng.integers(0, 35)) * 86400 + int(rng.integers(0, 86400)) for _ in range(k.waves)]
    carriers = w.nets_of("mobile")
    for aid in ids:
        wave = pick(rng, waves)
        c = wave + int(rng.integers(0, 7200))
        country = pick(rng, ["IN", "BR", "US"])
        status = "suspended" if rng.random() < k.suspended_share else "active"
        w.account(aid, c, pick(rng, CONSUMER_DOMAINS[country]), country, "free", "", "organic", status)
        net = pick(rng, carriers)
        for _ in range(w.volume(rng, k.volume, 0.3)):
            ts = int(rng.integers(c + 600, min(c + 10 * 86400, T_END)))
            name = pick(rng, NAMES)
            prompt = (
                f"You are {name}, {pick(rng, PERSONAS)} who {pick(rng, TRAITS)}. Stay in character "
                f"at all times.\n"
                f"Write a {int(rng.integers(6, 14))}-turn conversation with a user who "
                f"{pick(rng, SITUATIONS)}.\n"
                f"Format every turn as 'USER: ...' or '{name}: ...'. Make the user messages "
                f"realistic and varied."
            )
            w.req(aid, ts, prompt, w.carrier_ip(rng, net), "atlas-2.5-mini", "dialogue", PINNED_UA)


STYLE = Style(NAME, "campaign", Knobs(), build)
