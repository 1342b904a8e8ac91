"""Unrelated small apps built on one open-source framework whose default prompt appends a JSON suffix."""

from __future__ import annotations

from dataclasses import dataclass

from ..background import company_domain
from ..base import CohortStyle, Ctx, home_ip, old_signup
from ..campaigns.json_suffix_harvest import SUFFIX
from ..text import CONSUMER, DEVELOPER, OFFICE, benign
from ..world import COUNTRIES, human_times


@dataclass(frozen=True)
class FrameworkDefaultSuffix(CohortStyle):
    name: str = "framework_default_suffix"
    share: float = 0.008
    signals: tuple[str, ...] = ("content",)
    volume: float = 2.0
    suffix_share: float = 0.8

    def build(self, ctx: Ctx, n: int) -> list[str]:
        w, rng = ctx.w, ctx.rng
        out: list[str] = []
        for _ in range(n):
            c = w.country(rng)
            created = old_signup(rng, 1.0)
            a = w.account(created, rng.choice((company_domain(rng), w.freemail(c))), c, "api_payg", "", "api")
            w.card(a, c, created)
            host = w.net.fresh(rng.choice(("aws", "gcp", "do", "hetzner", "azure", "vultr")))
            ips = [host, home_ip(w, c, rng)]
            mix = rng.choice((CONSUMER, OFFICE, DEVELOPER))
            for t in human_times(rng, ctx.n_requests(self.volume, 0.9), COUNTRIES[c].tz):
                p, tin, tout = benign(rng, mix)
                if rng.random() < self.suffix_share:
                    p += SUFFIX
                    tin += 30
                w.req(
                    a,
                    t,
                    p,
                    ips[0] if rng.random() < 0.85 else ips[1],
                    w.model_for(t, 0.3),
                    tin,
                    tout,
                    "jsonchain/0.9.4 python-httpx/0.27.2",
                )
            out.append(a)
        return out
