"""Rural satellite-broadband subscribers sharing a few carrier-grade NAT addresses."""

from __future__ import annotations

from dataclasses import dataclass

from ..base import CohortStyle, Ctx, consumer_ua, old_signup
from ..text import CONSUMER, DEVELOPER, benign
from ..world import COUNTRIES, human_times


@dataclass(frozen=True)
class SatelliteCgnat(CohortStyle):
    name: str = "satellite_cgnat"
    share: float = 0.008
    signals: tuple[str, ...] = ("infra",)
    volume: float = 1.0
    addresses: int = 6

    def build(self, ctx: Ctx, n: int) -> list[str]:
        w, rng = ctx.w, ctx.rng
        blk = w.net.block("sat")
        nat = [w.net.host("sat", blk) for _ in range(self.addresses)]
        out: list[str] = []
        for _ in range(n):
            c = rng.choice(("US", "US", "CA", "AU", "BR"))
            created = old_signup(rng)
            plan = rng.choice(("free", "free", "plus"))
            a = w.account(created, w.freemail(c), c, plan, "", "web")
            if plan == "plus":
                w.card(a, c, created)
            ips = rng.sample(nat, 2)
            mix = CONSUMER if rng.random() < 0.8 else DEVELOPER
            for t in human_times(rng, ctx.n_requests(self.volume), COUNTRIES[c].tz):
                p, tin, tout = benign(rng, mix)
                w.req(a, t, p, rng.choice(ips), w.model_for(t, 0.25), tin, tout, consumer_ua(rng))
            out.append(a)
        return out
