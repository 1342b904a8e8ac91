"""A company's analysts behind one corporate NAT, using an internal text-to-SQL helper (one prompt)."""

from __future__ import annotations

from dataclasses import dataclass

from ..background import company_domain
from ..base import CohortStyle, Ctx, old_signup
from ..campaigns.text2sql_mill import QUESTIONS, schema_for
from ..text import OFFICE, benign
from ..world import UA_BROWSER, approx_tokens, out_tokens, work_times


@dataclass(frozen=True)
class AnalyticsSqlTeam(CohortStyle):
    name: str = "analytics_sql_team"
    share: float = 0.006
    signals: tuple[str, ...] = ("content", "infra", "money", "timing")
    volume: float = 2.0
    nat_ips: int = 2
    sql_share: float = 0.7

    def build(self, ctx: Ctx, n: int) -> list[str]:
        w, rng = ctx.w, ctx.rng
        dom, org, inst = company_domain(rng), w.org(), w.instrument()
        blk = w.net.block("lumen")
        nat = [w.net.host("lumen", blk) for _ in range(self.nat_ips)]
        # the company's warehouse: a fixed schema, and only the questions it can answer
        tabs = tuple(
            sorted(
                rng.choice(
                    (
                        ("customers", "orders", "products", "order_items"),
                        ("employees",),
                        ("patients", "visits"),
                    )
                )
            )
        )
        schema = schema_for(rng, tabs, 0)
        answerable = [q for q in QUESTIONS if set(q[1]) <= set(tabs)]
        out: list[str] = []
        for _ in range(n):
            created = old_signup(rng, 1.2)
            a = w.account(created, dom, "US", "enterprise", org, "sales")
            w.pay(a, inst, "invoice", "", "US", created)
            for t in work_times(rng, ctx.n_requests(self.volume), -5):
                if rng.random() < self.sql_share:
                    q = rng.choice(answerable)[0].format(n=rng.randint(3, 20), y=rng.choice((2024, 2025)))
                    p = (
                        f"-- Schema:\n{schema}\n-- Question: {q}\n"
                        "-- Write a single SQL query that answers the question. Return only SQL."
                    )
                    tin, tout = approx_tokens(p), out_tokens(rng, 110, 0.4)
                    ua = "python-httpx/0.27.2"
                else:
                    p, tin, tout = benign(rng, OFFICE)
                    ua = UA_BROWSER[1]
                w.req(a, t, p, rng.choice(nat), w.model_for(t, 0.15, (0.2, 0.6, 0.2)), tin, tout, ua)
            out.append(a)
        return out
