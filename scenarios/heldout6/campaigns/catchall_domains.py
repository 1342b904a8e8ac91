"""Free-tier accounts opened in bursts on throwaway catch-all mail domains; careful everywhere else."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from ..base import CampaignStyle, Ctx, consumer_ua, home_ip
from ..text import TOPICS
from ..world import COUNTRIES, START, approx_tokens, human_times, out_tokens

FORMS = (
    "Write a comprehensive, textbook-quality explanation of {t}, with definitions, a worked example and "
    "common misconceptions.",
    "I'm preparing lecture notes on {t}. Cover the history, the core ideas, two worked examples and "
    "a short quiz.",
    "Explain {t} in depth as if writing a Wikipedia featured article.",
    "Give a rigorous but readable treatment of {t}: intuition first, then formal details, then exercises.",
    "Create a detailed study guide on {t} including key terms, FAQs and a summary table.",
    "What are the most important things to understand about {t}? Go deep, I have time.",
)
EXTRA = (
    "the Byzantine generals problem",
    "Fourier transforms",
    "the Bretton Woods system",
    "RNA splicing",
    "Markov chains",
    "Keynesian multipliers",
    "the Doppler effect",
    "B-trees",
    "the Treaty of Westphalia",
    "Nash equilibria",
    "enzyme kinetics",
    "the Higgs mechanism",
    "consensus in Raft",
    "prospect theory",
)


@dataclass(frozen=True)
class CatchallDomains(CampaignStyle):
    name: str = "catchall_domains"
    share: float = 0.018
    signals: tuple[str, ...] = ("identity",)
    camouflage: float = 0.35
    labelled: bool = True
    volume: float = 1.6
    domains: int = 4
    bursts: int = 3  # sign-up waves
    burst_hours: float = 2.0

    def build(self, ctx: Ctx, n: int) -> list[str]:
        w, rng = ctx.w, ctx.rng
        doms = [
            f"{rng.choice(('mx', 'inbox', 'mail', 'post'))}{rng.choice(('relay', 'box', 'hub', 'drop'))}"
            f"{rng.randint(2, 99)}.{rng.choice(('top', 'click', 'icu', 'xyz', 'shop'))}"
            for _ in range(self.domains)
        ]
        waves = sorted(START + timedelta(days=rng.uniform(1, 30)) for _ in range(self.bursts))
        out: list[str] = []
        for i in range(n):
            c = rng.choice(("US", "GB", "CA", "DE", "FR", "BR"))
            created = waves[i % len(waves)] + timedelta(hours=rng.uniform(0, self.burst_hours))
            a = w.account(created, doms[i % len(doms)], c, "free", "", "web")
            ips = [home_ip(w, c, rng)]
            ua = consumer_ua(rng)
            lo = (created - START).total_seconds() / 86400
            for t in human_times(rng, ctx.n_requests(self.volume, 0.5), COUNTRIES[c].tz, lo):
                if rng.random() < self.camouflage:
                    p, tin, tout = ctx.camo()
                else:
                    p = rng.choice(FORMS).format(t=rng.choice(TOPICS + EXTRA))
                    tin, tout = approx_tokens(p), out_tokens(rng, 1900, 0.4)
                w.req(a, t, p, ips[0], w.model_for(t, 0.3), tin, tout, ua)
            out.append(a)
        ctx.label(
            "email_domain", doms[0], 0.7, "abuse-desk", "catch-all domain used for bulk free-tier sign-ups"
        )
        return out
