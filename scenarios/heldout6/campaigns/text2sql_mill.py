"""Text-to-SQL pairs minted by a swarm of tiny look-alike orgs that jump to the new model on release day."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta

from ..base import CampaignStyle, Ctx, in_window, split_sizes
from ..world import RELEASE, START, approx_tokens, out_tokens

TABLES = {
    "customers": ("id INT PRIMARY KEY", "name TEXT", "country TEXT", "signup_date DATE"),
    "orders": ("id INT PRIMARY KEY", "customer_id INT", "total DECIMAL(10,2)", "created_at TIMESTAMP"),
    "products": ("id INT PRIMARY KEY", "title TEXT", "category TEXT", "price DECIMAL(10,2)"),
    "order_items": ("order_id INT", "product_id INT", "quantity INT"),
    "employees": ("id INT PRIMARY KEY", "name TEXT", "manager_id INT", "salary INT", "dept TEXT"),
    "flights": (
        "id INT PRIMARY KEY",
        "origin CHAR(3)",
        "dest CHAR(3)",
        "dep_time TIMESTAMP",
        "delay_min INT",
    ),
    "patients": ("id INT PRIMARY KEY", "birth_year INT", "ward TEXT"),
    "visits": ("id INT PRIMARY KEY", "patient_id INT", "visit_date DATE", "cost DECIMAL(8,2)"),
}
QUESTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Which {n} customers spent the most in {y}?", ("customers", "orders")),
    ("What is the average order value per country?", ("customers", "orders")),
    ("List employees who earn more than their manager.", ("employees",)),
    ("Which routes had an average delay above {n} minutes?", ("flights",)),
    ("For each category, what share of revenue came from the top {n} products?", ("products", "order_items")),
    ("How many patients visited more than {n} times in {y}?", ("patients", "visits")),
    ("Find months where revenue fell versus the prior month.", ("orders",)),
    ("Which products were never ordered?", ("products", "order_items")),
    ("Rank departments by median salary.", ("employees",)),
    ("What was the total cost of visits per ward in {y}?", ("patients", "visits")),
)


def schema_for(rng: random.Random, needed: tuple[str, ...], extra: int) -> str:
    """The tables a question needs plus a few distractors, as CREATE TABLE statements."""
    others = [t for t in sorted(TABLES) if t not in needed]
    tabs = [*needed, *rng.sample(others, extra)]
    rng.shuffle(tabs)
    return "\n".join(f"CREATE TABLE {t}({', '.join(TABLES[t])});" for t in tabs)


@dataclass(frozen=True)
class Text2SqlMill(CampaignStyle):
    name: str = "text2sql_mill"
    share: float = 0.013
    signals: tuple[str, ...] = ("identity", "money", "content", "timing")
    camouflage: float = 0.1
    labelled: bool = False
    volume: float = 3.0
    accounts_per_org: int = 3
    release_jump: float = 0.85  # share of traffic on the new model within hours of release
    bin6: str = "469321"
    issuer_country: str = "SG"

    def build(self, ctx: Ctx, n: int) -> list[str]:
        w, rng = ctx.w, ctx.rng
        out: list[str] = []
        burst = rng.uniform(1, 8)
        for size in split_sizes(n, max(1, n // self.accounts_per_org), rng):
            org = w.org()
            dom = "".join(
                rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3)
            ) + rng.choice((".xyz", ".top", ".site", ".online"))
            inst = w.instrument()
            ip = w.net.fresh("gcp")
            created = START + timedelta(days=burst + rng.uniform(0, 2))
            for _ in range(size):
                a = w.account(
                    created + timedelta(minutes=rng.uniform(0, 30)),
                    dom,
                    rng.choice(("US", "SG")),
                    "team",
                    org,
                    "startup_program",
                )
                w.pay(a, inst, "card", self.bin6, self.issuer_country, created)
                lo = (created - START).total_seconds() / 86400
                for _ in range(ctx.n_requests(self.volume, 0.4)):
                    t = in_window(rng, lo, 42)
                    if rng.random() < self.camouflage:
                        p, tin, tout = ctx.camo()
                        model = w.model_for(t, 0.2)
                    else:
                        q_, needed = rng.choice(QUESTIONS)
                        schema = schema_for(rng, needed, rng.randint(0, 2))
                        q = q_.format(n=rng.randint(3, 20), y=rng.choice((2022, 2023, 2024, 2025)))
                        p = (
                            f"-- Schema:\n{schema}\n-- Question: {q}\n"
                            "-- Write a single SQL query that answers the question. Return only SQL."
                        )
                        tin, tout = approx_tokens(p), out_tokens(rng, 110, 0.4)
                        jump = t > RELEASE + timedelta(hours=3)
                        model = "nova-3" if jump and rng.random() < self.release_jump else "nova-2-pro"
                    w.req(a, t, p, ip, model, tin, tout, "python-httpx/0.27.2")
                out.append(a)
        return out
