"""Alumni on one forwarding mail domain who sign up in waves after a newsletter mentions the product."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from ..base import CohortStyle, Ctx, consumer_ua, home_ip
from ..text import CONSUMER, OFFICE, benign
from ..world import COUNTRIES, START, human_times


@dataclass(frozen=True)
class AlumniForwarding(CohortStyle):
    name: str = "alumni_forwarding"
    share: float = 0.009
    signals: tuple[str, ...] = ("identity", "timing")
    volume: float = 1.0
    newsletters: int = 2

    def build(self, ctx: Ctx, n: int) -> list[str]:
        w, rng = ctx.w, ctx.rng
        waves = sorted(START + timedelta(days=rng.uniform(2, 30)) for _ in range(self.newsletters))
        out: list[str] = []
        for i in range(n):
            c = rng.choice(("US", "US", "GB", "CA", "DE", "IN"))
            created = waves[i % len(waves)] + timedelta(hours=rng.expovariate(1 / 10))
            a = w.account(created, "alumni.northbridge.edu", c, "free", "", "web")
            ip = home_ip(w, c, rng)
            lo = (created - START).total_seconds() / 86400
            for t in human_times(rng, ctx.n_requests(self.volume), COUNTRIES[c].tz, lo):
                p, tin, tout = benign(rng, CONSUMER if rng.random() < 0.6 else OFFICE)
                w.req(a, t, p, ip, w.model_for(t, 0.2), tin, tout, consumer_ua(rng))
            out.append(a)
        return out
