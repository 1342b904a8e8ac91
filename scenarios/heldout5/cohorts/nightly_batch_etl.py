"""A retailer's data team runs nightly classification jobs from cloud workers at the same second."""

from __future__ import annotations

from dataclasses import dataclass

from .._core import T0, TZ, Rng, Style, World, bin6, instrument, org_id, pick

NAME = "nightly_batch_etl"
TICKETS = [
    "Where is my order? It has been 9 days.",
    "The blender lid cracked on first use.",
    "Can I change the delivery address?",
    "I was charged twice for the same order.",
    "Do you ship to Northern Ireland?",
    "The size chart is wrong for the jeans.",
    "Please cancel my subscription.",
    "Coupon code not accepted at checkout.",
]


@dataclass(frozen=True)
class Knobs:
    share: float = 0.003
    signals: tuple[str, ...] = ("timing_bursts", "shared_instrument", "hosting", "short_outputs")
    camouflage: float = 0.0
    labelled: bool = False
    actor: str = ""
    run_hour_local: int = 2
    batch: tuple[int, int] = (20, 70)
    volume: float = 12.0


def build(w: World, ids: list[str], k: Knobs, rng: Rng, cid: str) -> None:
    org, inst, b = org_id(rng), instrument(rng), bin6(rng)
    net = w.net(rng, "hosting", "US")
    block = net.block24(rng)
    for aid in ids:
        c = T0 - int(rng.integers(100, 600)) * 86400
        w.account(aid, c, "northwindretail.com", "US", "enterprise", org, "sales")
        w.pay(aid, inst, "card", b, "US", c)
        ip = w.ip(rng, net, block)
        budget = w.volume(rng, k.volume, 0.2)
        while budget > 0:
            night = int(rng.integers(0, 42))
            t = T0 + night * 86400 + (k.run_hour_local - TZ["US"]) * 3600
            size = min(budget, int(rng.integers(*k.batch)))
            budget -= size
            for n in range(size):
                prompt = (
                    "Route this support ticket to one queue: orders, returns, billing, account, other. "
                    f"Reply with the queue name only.\nTicket {night:02d}-{n:05d}: {pick(rng, TICKETS)}"
                )
                w.req(
                    aid,
                    t + int(rng.integers(0, 2)),
                    prompt,
                    ip,
                    "atlas-2.5-mini",
                    "classify",
                    "atlas-python/1.40.0 CPython/3.11.9",
                )


STYLE = Style(NAME, "cohort", Knobs(), build)
