"""Contractors placed at several enterprise customers harvest through each tenant, hidden among colleagues."""

from __future__ import annotations

from dataclasses import dataclass

from .._background import company_domain, user_traffic
from .._core import (
    BROWSER_UAS,
    RELEASE_TS,
    SDK_UAS,
    T0,
    T_END,
    TZ,
    Rng,
    Style,
    World,
    instrument,
    org_id,
    pick,
)

NAME = "insider_tenant"
SYSTEMS = ["billing", "logistics", "claims", "warehouse", "HR", "fraud"]
ASKS = [
    "Design the {sys} service end to end: data model, API, failure modes, and a rollout plan. "
    "Then implement the core module in {lang} with tests.",
    "Given this incident timeline for the {sys} platform, write a full root-cause analysis with a "
    "step-by-step reasoning chain and the corrective actions.",
    "Write a long-horizon plan an autonomous agent would follow to migrate the {sys} database with zero "
    "downtime. Include every tool call it would make and the expected output of each.",
]


@dataclass(frozen=True)
class Knobs:
    share: float = 0.006
    actor: str = "Copperhead"
    labelled: bool = False
    signals: tuple[str, ...] = ("off_hours_timing", "capability_focus", "volume", "user_agent")
    camouflage: float = 0.15
    tenants: int = 4
    colleagues_per_insider: int = 4
    night_hours_local: tuple[int, int] = (22, 5)
    volume: float = 5.0


def build(w: World, ids: list[str], k: Knobs, rng: Rng, cid: str) -> None:
    groups = [ids[i :: k.tenants] for i in range(k.tenants)]
    ua = SDK_UAS[0]
    lo, hi = k.night_hours_local
    for group in groups:
        if not group:
            continue
        country = pick(rng, ["DE", "GB", "US"])
        dom, org, inst = company_domain(w, rng), org_id(rng), instrument(rng, "inv")
        net = w.net(rng, "corporate", country)
        block = net.block24(rng)
        nat = [w.ip(rng, net, block) for _ in range(2)]
        # honest colleagues in the same tenant (ordinary users, not part of the campaign)
        for aid in w.take_ids(len(group) * k.colleagues_per_insider):
            c = T0 - int(rng.integers(30, 900)) * 86400
            w.account(aid, c, dom, country, "enterprise", org, "sales")
            w.pay(aid, inst, "invoice", "", country, c)
            dev = rng.random() < 0.3
            user_traffic(w, rng, aid, country, nat, [pick(rng, BROWSER_UAS)], 1.0, 0.3, T0, 1, dev)
        for aid in group:
            c = T0 - int(rng.integers(30, 900)) * 86400
            w.account(aid, c, dom, country, "enterprise", org, "sales")
            w.pay(aid, inst, "invoice", "", country, c)
            home = w.ip(rng, w.net(rng, "residential", country))
            for _ in range(w.volume(rng, k.volume, 0.4)):
                if rng.random() < k.camouflage:
                    user_traffic(w, rng, aid, country, nat, [pick(rng, BROWSER_UAS)], 0.0834, 0.3, T0)
                    continue
                day = int(rng.integers(0, 42))
                hour = (lo + int(rng.integers(0, (hi - lo) % 24 + 1))) % 24
                ts = T0 + day * 86400 + (hour - TZ[country]) * 3600 + int(rng.integers(0, 3600))
                ts = max(min(ts, T_END - 1), T0)
                prompt = pick(rng, ASKS).format(
                    sys=pick(rng, SYSTEMS), lang=pick(rng, ["Java", "Go", "Python"])
                )
                model = "atlas-3" if ts >= RELEASE_TS else "atlas-2.5-pro"
                # through the corporate VPN at night, sometimes straight from home
                ip = pick(rng, nat) if rng.random() < 0.7 else home
                w.req(aid, ts, prompt, ip, model, "agent", ua, int(rng.integers(1000, 12000)))


STYLE = Style(NAME, "campaign", Knobs(), build)
