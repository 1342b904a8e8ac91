"""A product team A/B-testing instruction variants over a fixed evaluation set, one key per variant."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from ..background import company_domain
from ..base import CohortStyle, Ctx, in_window, old_signup
from ..campaigns.instruction_ablation import VARIANTS
from ..text import PAIRS, TOPICS
from ..world import END, approx_tokens, out_tokens


@dataclass(frozen=True)
class PromptAbTeam(CohortStyle):
    name: str = "prompt_ab_team"
    share: float = 0.004
    signals: tuple[str, ...] = ("content", "timing", "money")
    volume: float = 2.0
    eval_items: int = 60
    runs: int = 3

    def build(self, ctx: Ctx, n: int) -> list[str]:
        w, rng = ctx.w, ctx.rng
        dom, org, inst = company_domain(rng), w.org(), w.instrument()
        items = [
            f"What are the key differences between {a} and {b}, and when does each win?" for a, b in PAIRS
        ]
        items += [f"Why does {t} matter, and what is most often misunderstood about it?" for t in TOPICS]
        items = rng.sample(items, min(self.eval_items, len(items)))
        ci = w.net.fresh("gcp")
        accts = []
        for i in range(n):
            created = old_signup(rng, 0.5)
            a = w.account(created, dom, "US", "team", org, "web")
            w.pay(a, inst, "card", "440393", "US", created)
            accts.append((a, VARIANTS[i % len(VARIANTS)]))
        per_run = max(5, round(w.rpa * self.volume / self.runs))
        for r in range(self.runs):
            t0 = in_window(rng, 3 + r * 12, 12 + r * 12).replace(hour=15, minute=0)
            for k, item in enumerate(items[:per_run]):
                tk = t0 + timedelta(seconds=k * 20)
                if tk >= END:
                    break
                for a, (instr, med) in accts:
                    ts = tk + timedelta(seconds=rng.uniform(0, 5))
                    p = f"{item}\n\n{instr}"
                    w.req(
                        a,
                        ts,
                        p,
                        ci,
                        "nova-2-pro" if ts.day % 2 else "nova-2",
                        approx_tokens(p),
                        out_tokens(rng, med, 0.35),
                        "python-requests/2.32.3 evalrunner/1.2",
                    )
        return [a for a, _ in accts]
