"""Accounts behind a commercial VPN walk a syllabus in lockstep: one unit per day, harder every week."""

from __future__ import annotations

from dataclasses import dataclass

from .._core import (
    BROWSER_UAS,
    CONSUMER_DOMAINS,
    NEW_MODEL,
    RELEASE_TS,
    T0,
    T_END,
    Rng,
    Style,
    World,
    instrument,
    pick,
)
from .._kit import camouflage, word_problem

NAME = "curriculum_stepper"
UNITS = [
    "linear algebra",
    "probability",
    "graph algorithms",
    "dynamic programming",
    "real analysis",
    "organic chemistry",
    "thermodynamics",
    "number theory",
    "compilers",
    "operating systems",
    "econometrics",
    "statistical mechanics",
    "cryptography",
    "combinatorics",
]


@dataclass(frozen=True)
class Knobs:
    share: float = 0.015
    actor: str = "Sable Vector"
    labelled: bool = False
    signals: tuple[str, ...] = ("timing_lockstep", "content", "model_hop", "shared_vpn_exits")
    camouflage: float = 0.08
    windows_utc: tuple[int, ...] = (2, 13)
    hop_hours: int = 6
    misleading_label: bool = True
    volume: float = 3.0


def build(w: World, ids: list[str], k: Knobs, rng: Rng, cid: str) -> None:
    vnet = w.net(rng, "vpn")
    order = list(UNITS)
    rng.shuffle(order)
    ua = pick(rng, BROWSER_UAS)
    first_ip = ""
    for aid in ids:
        country = pick(rng, ["US", "CA", "SG", "GB"]) if rng.random() < 0.8 else "US"
        dom_c = country if country in CONSUMER_DOMAINS else "US"
        c = T0 - int(rng.integers(1, 200)) * 86400
        w.account(aid, c, pick(rng, CONSUMER_DOMAINS[dom_c]), country, "plus")
        w.pay(aid, instrument(rng, "wl"), "wallet", "", pick(rng, ["US", "SG", "HK"]), c)
        exits = [w.carrier_ip(rng, vnet) for _ in range(3)]
        first_ip = first_ip or exits[0]
        for _ in range(w.volume(rng, k.volume, 0.3)):
            if rng.random() < k.camouflage:
                camouflage(w, rng, aid, dom_c, pick(rng, exits), ua)
                continue
            day = int(rng.integers(0, 42))
            ts = min(
                T0 + day * 86400 + pick(rng, k.windows_utc) * 3600 + int(rng.integers(0, 7200)), T_END - 1
            )
            unit = order[day % len(order)]
            level = 1 + day // 7
            prompt = (
                f"Level {level} | Unit {day % len(order) + 1}: {unit}\n"
                f"Problem {int(rng.integers(1, 60))}: {word_problem(rng)}\n"
                "Solve rigorously. Show every intermediate step, verify the answer, and name the "
                "key concept used."
            )
            model = NEW_MODEL if ts >= RELEASE_TS + k.hop_hours * 3600 else "atlas-2.5-pro"
            w.req(aid, ts, prompt, pick(rng, exits), model, "reasoning", ua)
    if k.misleading_label and first_ip:
        # A partner feed attributes one of the shared VPN exits to an unrelated older actor.
        w.label("ip", first_ip, "Harbor Owl", 0.3, "partner-feed", "low confidence; shared VPN exit")


STYLE = Style(NAME, "campaign", Knobs(), build)
