"""A code-review SaaS: each customer workspace has its own key, all calls leave the vendor's cloud /48."""

from __future__ import annotations

from dataclasses import dataclass

from ..background import company_domain
from ..base import CohortStyle, Ctx, old_signup
from ..campaigns.diff_review_harvest import HUNKS
from ..world import COUNTRIES, approx_tokens, out_tokens, work_times


@dataclass(frozen=True)
class PrReviewApp(CohortStyle):
    name: str = "pr_review_app"
    share: float = 0.007
    signals: tuple[str, ...] = ("infra", "content")
    volume: float = 2.0
    cloud: str = "aws"

    def build(self, ctx: Ctx, n: int) -> list[str]:
        w, rng = ctx.w, ctx.rng
        p48 = w.net.prefix48(self.cloud)
        workers = [w.net.host6(self.cloud, p48, s) for s in range(1, 7)]
        header = (
            "Review the following diff as a senior engineer. List bugs, security issues and style "
            "problems with line references, then propose a corrected patch."
        )
        out: list[str] = []
        for _ in range(n):
            c = rng.choice(("US", "GB", "DE", "NL", "CA", "IN", "JP"))
            created = old_signup(rng, 1.0)
            a = w.account(created, company_domain(rng), c, "team", w.org(), "partner")
            w.card(a, c, created)
            for t in work_times(rng, ctx.n_requests(self.volume), COUNTRIES[c].tz):
                hunks = rng.sample(HUNKS, rng.randint(1, 3))
                body = "\n".join(
                    f"diff --git a/{f} b/{f}\n--- a/{f}\n+++ b/{f}\n@@ -{rng.randint(1, 400)},7 "
                    f"+{rng.randint(1, 400)},9 @@\n{h}"
                    for f, h in hunks
                )
                p = f"{header}\n\n```diff\n{body}\n```"
                w.req(
                    a,
                    t,
                    p,
                    rng.choice(workers),
                    w.model_for(t, 0.4, (0, 0.7, 0.3)),
                    approx_tokens(p) + rng.randint(300, 4000),
                    out_tokens(rng, 1400, 0.5),
                    "reviewbot/3.4 nova-sdk-node/1.6.0 (node v20.x)",
                )
            out.append(a)
        return out
