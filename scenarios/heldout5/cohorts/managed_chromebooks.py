"""A school district's managed Chromebooks: one pinned old browser build, maths homework from home."""

from __future__ import annotations

from dataclasses import dataclass

from .._core import CONSUMER_DOMAINS, T0, Rng, Style, World, pick
from .._kit import typo, word_problem

NAME = "managed_chromebooks"
PINNED_UA = (
    "Mozilla/5.0 (X11; CrOS x86_64 15786.48.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.132 "
    "Safari/537.36"
)
ASKS = [
    "can you explain how to do this step by step",
    "I don't get this one, show me how",
    "solve this and explain",
    "check my answer, I got {g}",
    "how do I start this problem?",
    "walk me through this please",
]


@dataclass(frozen=True)
class Knobs:
    share: float = 0.012
    signals: tuple[str, ...] = (
        "pinned_user_agent",
        "capability_focus",
        "residential_spread",
        "evening_timing",
    )
    camouflage: float = 0.3
    labelled: bool = False
    actor: str = ""
    district_domain_share: float = 0.5
    volume: float = 1.5


def build(w: World, ids: list[str], k: Knobs, rng: Rng, cid: str) -> None:
    country = "US"
    district = pick(rng, ["lakeviewschools.org", "k12.riverbend.us", "northfield-isd.net"])
    for aid in ids:
        c = T0 - int(rng.integers(30, 400)) * 86400
        dom = district if rng.random() < k.district_domain_share else pick(rng, CONSUMER_DOMAINS[country])
        w.account(aid, c, dom, country, "free", "", "education" if dom == district else "organic")
        home = w.ip(rng, w.net(rng, "residential", country))
        for _ in range(w.volume(rng, k.volume, 0.8)):
            ts = w.human_ts(rng, country)
            if rng.random() < k.camouflage:
                w.req(
                    aid,
                    ts,
                    f"what is {pick(rng, ['a metaphor', 'the mitochondria', 'a thesis statement'])}",
                    home,
                    "atlas-2.5-mini",
                    "short",
                    PINNED_UA,
                )
                continue
            ask = pick(rng, ASKS).format(g=int(rng.integers(2, 500)))
            w.req(
                aid,
                ts,
                typo(rng, f"{ask} {word_problem(rng)}"),
                home,
                "atlas-2.5-mini",
                "reasoning",
                PINNED_UA,
            )


STYLE = Style(NAME, "cohort", Knobs(), build)
