"""A maths-olympiad training club: weekly sessions, the same problem set, step-by-step solutions."""

from __future__ import annotations

from dataclasses import dataclass

from .._core import BROWSER_UAS, T0, TZ, Rng, Style, World, pick
from .._kit import word_problem

NAME = "olympiad_club"
SETS = [
    "Inequalities",
    "Functional equations",
    "Modular arithmetic",
    "Combinatorial games",
    "Geometry: cyclic quadrilaterals",
    "Pigeonhole principle",
]


@dataclass(frozen=True)
class Knobs:
    share: float = 0.006
    signals: tuple[str, ...] = ("timing_lockstep", "shared_template", "education", "capability_focus")
    camouflage: float = 0.3
    labelled: bool = False
    actor: str = ""
    session_weekday: int = 2
    session_hour_local: int = 16
    volume: float = 2.0


def build(w: World, ids: list[str], k: Knobs, rng: Rng, cid: str) -> None:
    country = pick(rng, ["DE", "GB", "US", "KR"])
    net = w.net(rng, "education", country)
    ips = [w.ip(rng, net) for _ in range(2)]
    dom = {"DE": "schule-muenchen.de", "GB": "mathsclub.ac.uk", "US": "stem-academy.edu", "KR": "ksa.hs.kr"}[
        country
    ]
    ua = pick(rng, BROWSER_UAS)
    for aid in ids:
        c = T0 - int(rng.integers(20, 200)) * 86400
        w.account(aid, c, dom, country, "free", "", "education")
        home = w.ip(rng, w.net(rng, "residential", country))
        for _ in range(w.volume(rng, k.volume, 0.5)):
            if rng.random() < k.camouflage:
                ts = w.human_ts(rng, country)
                w.req(
                    aid,
                    ts,
                    f"hint only please, no full solution: {word_problem(rng)}",
                    home,
                    "atlas-2.5-mini",
                    "short",
                    ua,
                )
                continue
            week = int(rng.integers(0, 6))
            ts = (
                T0
                + (week * 7 + k.session_weekday) * 86400
                + (k.session_hour_local - TZ.get(country, 0)) * 3600
            )
            ts += int(rng.integers(0, 5400))
            prompt = (
                f"Club set {week + 1} ({SETS[week]}), problem {int(rng.integers(1, 9))}: "
                f"{word_problem(rng)}\n"
                "Explain the solution step by step like a coach."
            )
            w.req(aid, ts, prompt, pick(rng, ips), "atlas-2.5", "reasoning", ua)


STYLE = Style(NAME, "cohort", Knobs(), build)
