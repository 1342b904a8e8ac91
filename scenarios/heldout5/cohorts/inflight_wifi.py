"""Passengers on in-flight Wi-Fi: strangers from many countries share a few satellite exits for hours."""

from __future__ import annotations

from dataclasses import dataclass

from .._background import created
from .._core import (
    BROWSER_UAS,
    CONSUMER_DOMAINS,
    COUNTRY_WEIGHTS,
    MOBILE_UAS,
    T0,
    Rng,
    Style,
    World,
    pick,
    weighted,
)
from .._text import everyday, popular_template

NAME = "inflight_wifi"


@dataclass(frozen=True)
class Knobs:
    share: float = 0.01
    signals: tuple[str, ...] = ("shared_exit_ip", "co_timed_sessions", "unknown_ip_type")
    camouflage: float = 0.0
    labelled: bool = False
    actor: str = ""
    flights: int = 60
    exits: int = 6
    volume: float = 1.5


def build(w: World, ids: list[str], k: Knobs, rng: Rng, cid: str) -> None:
    net = w.nets_of("unknown")[0]
    exits = [w.ip(rng, net) for _ in range(k.exits)]
    flights = [
        (T0 + int(rng.integers(0, 41 * 86400)), int(rng.integers(2, 12)) * 3600) for _ in range(k.flights)
    ]
    for aid in ids:
        country = weighted(rng, COUNTRY_WEIGHTS)
        c = created(rng)
        w.account(aid, min(c, T0), pick(rng, CONSUMER_DOMAINS[country]), country, pick(rng, ["free", "plus"]))
        home = w.ip(rng, w.net(rng, "residential", country))
        ua = pick(rng, BROWSER_UAS + MOBILE_UAS)
        dep, dur = pick(rng, flights)
        exit_ip = pick(rng, exits)
        for _ in range(w.volume(rng, k.volume, 0.8)):
            if rng.random() < 0.5:
                ts = dep + int(rng.integers(0, dur))
                ip = exit_ip
            else:
                ts = w.human_ts(rng, country)
                ip = home
            prompt, kind = popular_template(rng) if rng.random() < 0.2 else everyday(rng)
            w.req(aid, ts, prompt, ip, w.model_at(rng, ts, 0.3), kind, ua)


STYLE = Style(NAME, "cohort", Knobs(), build)
