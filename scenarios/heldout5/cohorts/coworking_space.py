"""Startups from one accelerator batch share a coworking NAT and joined the credits programme together."""

from __future__ import annotations

from dataclasses import dataclass

from .._background import company_domain, user_traffic
from .._core import BROWSER_UAS, SDK_UAS, T0, Rng, Style, World, bin6, instrument, org_id, pick

NAME = "coworking_space"


@dataclass(frozen=True)
class Knobs:
    share: float = 0.008
    signals: tuple[str, ...] = ("shared_nat", "startup_program", "creation_burst")
    camouflage: float = 0.0
    labelled: bool = False
    actor: str = ""
    teams: tuple[int, int] = (2, 6)


def build(w: World, ids: list[str], k: Knobs, rng: Rng, cid: str) -> None:
    net = pick(rng, [n for n in w.nets_of("corporate") if "Coworking" in n.org] or w.nets_of("corporate"))
    block = net.block24(rng)
    nat = [w.ip(rng, net, block) for _ in range(2)]
    demo_week = T0 - int(rng.integers(10, 30)) * 86400
    i = 0
    while i < len(ids):
        n = int(rng.integers(*k.teams))
        dom, org, inst, b = company_domain(w, rng), org_id(rng), instrument(rng), bin6(rng)
        country = pick(rng, ["GB", "US"]) if net.country == "GB" else "US"
        country = net.country if rng.random() < 0.8 else country
        for aid in ids[i : i + n]:
            c = demo_week + int(rng.integers(0, 6 * 86400))
            w.account(aid, c, dom, country, "team", org, "startup_program")
            w.pay(aid, inst, "card", b, country, c)
            ips = [*nat, w.ip(rng, w.net(rng, "residential", country))]
            user_traffic(
                w, rng, aid, country, ips, [pick(rng, BROWSER_UAS), pick(rng, SDK_UAS)], 1.6, 0.1, T0, 2, True
            )
        i += n


STYLE = Style(NAME, "cohort", Knobs(), build)
