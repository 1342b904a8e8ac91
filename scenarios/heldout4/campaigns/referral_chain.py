"""Referral-credit farming: accounts are opened in chains, each invited by the previous one minutes earlier,
so every new account earns free credits. Each account burns its credits within a few days on SQL and data
tasks with a fixed structure, then goes silent. Exits are sticky residential proxies in one country per chain;
some chains leak a headless-browser user agent. No payment, no labels."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout4 import kit, text
from scenarios.heldout4.world import DAY, WINDOW_END, WINDOW_START, World

TABLES = (
    "orders",
    "customers",
    "payments",
    "shipments",
    "products",
    "sessions",
    "invoices",
    "employees",
    "tickets",
    "subscriptions",
)
COLS = (
    "id",
    "created_at",
    "amount",
    "status",
    "country",
    "customer_id",
    "product_id",
    "quantity",
    "price",
    "region",
    "email",
    "plan",
    "closed_at",
    "manager_id",
)
QUESTIONS = (
    "returns the top {k} customers by total spend in the last 90 days",
    "computes month-over-month growth of revenue per region",
    "finds rows where the status changed more than {k} times",
    "returns the median order value per country using window functions",
    "detects gaps longer than {k} days between consecutive orders of a customer",
    "calculates a 7-day rolling average of daily sign-ups",
    "lists employees together with the name of their manager's manager",
    "deduplicates rows keeping the most recent per email",
)
HEADLESS = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.0.0 Safari/537.36"  # noqa: E501


def schema(rng: random.Random) -> str:
    lines = []
    for t in rng.sample(TABLES, rng.randint(2, 3)):
        lines.append(f"{t}({', '.join(rng.sample(COLS, rng.randint(4, 7)))})")
    return "\n".join(lines)


@dataclass(frozen=True)
class ReferralChain:
    name: str = "referral_chain"
    share: float = 0.014
    signals: tuple[str, ...] = (
        "identity:referral-chains",
        "identity:creation-bursts",
        "timing:burn-and-quit",
        "content:template",
    )
    camouflage_share: float = 0.0
    labelled: bool = False
    actor: str = "Gravel Finch"
    chain_length: tuple[int, int] = (8, 20)
    active_days: tuple[float, float] = (1.5, 4.0)
    volume_scale: float = 1.6
    headless_share: float = 0.3

    def plant(self, w: World, group_id: str, n: int) -> None:
        rng = w.rng(self.name)
        made = 0
        while made < n:
            k = min(n - made, rng.randint(*self.chain_length))
            country = rng.choice(("ID", "VN", "PH", "IN", "BR"))
            t = WINDOW_START + rng.uniform(0, 48) * DAY
            ua = (
                HEADLESS
                if rng.random() < self.headless_share
                else rng.choice(
                    (
                        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                        "Chrome/124.0.0.0 Safari/537.36",
                    )
                )
            )
            for _ in range(k):
                t += rng.uniform(5, 40) * 60
                declared = country if rng.random() < 0.6 else rng.choice(("US", "GB", "SG"))
                acct = w.add_account(t, rng.choice(text.FREE_MAIL[:3]), declared, "free", channel="referral")
                w.mark_campaign(acct, group_id, self.name, self.actor if self.labelled else "")
                ip = kit.residential_exit(w, rng, (country,), 0.03)
                end = min(WINDOW_END, t + rng.uniform(*self.active_days) * DAY)
                m = int(w.rpa * self.volume_scale * rng.uniform(0.7, 1.3))
                for ts in kit.uniform_times(rng, m, t + 300, end):
                    q = rng.choice(QUESTIONS).format(k=rng.randint(2, 10))
                    prompt = (
                        f"Given the schema:\n{schema(rng)}\n\nWrite a SQL query that {q}. "
                        "Explain each step of the query and state any assumptions."
                    )
                    w.req(rng, acct, ts, prompt, ip, kit.operator_model(rng, ts, 0.1, 12, 0.6), ua, 700)
            made += k
