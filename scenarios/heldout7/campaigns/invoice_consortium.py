"""Front companies on invoiced enterprise plans: one billing entity, one office block, notebook analytics."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout7.background import emit
from scenarios.heldout7.core import T0, T1, StyleSpec, World, browser_ua, tokens_of
from scenarios.heldout7.kit import enlist

FRONTS = ("calder-insights.com", "northwind-bi.com", "tessel-metrics.com", "greyline-analytics.com")
COLS = (
    "order_id",
    "customer_id",
    "region",
    "sku",
    "qty",
    "unit_price",
    "discount",
    "order_date",
    "channel",
    "returned",
    "ship_days",
    "segment",
    "margin",
    "store_id",
    "week",
)
TASKS = (
    "compute the month-over-month growth of revenue per region and flag two consecutive declines",
    "fit a logistic regression predicting `returned` and report the three strongest predictors",
    "find customers whose order frequency dropped by more than half in the last quarter",
    "build a cohort retention table by first-order month",
    "detect outliers in `unit_price` per sku using the IQR rule and summarise them",
    "estimate price elasticity per segment with a log-log regression",
)


def _table(rng: random.Random, cols: list[str]) -> str:
    rows = [" | ".join(cols)]
    for _ in range(5):
        rows.append(" | ".join(str(rng.randint(1, 9999)) for _ in cols))
    return "\n".join(rows)


@dataclass(frozen=True)
class Knobs:
    share: float = 0.012
    signals: tuple[str, ...] = (
        "money:shared_invoice_billing_entity",
        "infrastructure:one_office_/24",
        "content:dataframe_analysis_template",
        "timing:even_per_account_volume",
    )
    camouflage: float = 0.25
    labelled: bool = True
    actor: str = "Calder Systems"
    fronts: int = 4
    volume_mult: float = 3.0


def build(w: World, k: Knobs, cid: str, rng: random.Random) -> None:
    n = w.scaled(k.share, 8)
    billing = w.new_instrument(rng)
    blk = w.block24(rng, "colt")
    office = [w.ip4(rng, "colt", blk) for _ in range(3)]
    orgs = [w.new_org(rng) for _ in range(k.fronts)]
    accs = []
    for i in range(n):
        f = i % k.fronts
        acc = w.new_account(
            rng,
            T0 - (30 + 7 * f) * 86400 + rng.randint(0, 3600),
            email_domain=FRONTS[f % len(FRONTS)],
            country="GB",
            plan="enterprise",
            org_id=orgs[f],
            signup_channel="sso",
        )
        w.pay(acc, billing, "invoice", "", "GB", acc.created_at + 86400)
        accs.append(acc)
    per = int(w.rpa * k.volume_mult)  # the work queue hands every seat the same number of jobs
    for acc in accs:
        ua = browser_ua(rng)
        camo = int(per * k.camouflage)
        emit(w, rng, acc, camo, office, [ua], peak=(9.0, 17.5), weekend=0.05)
        for _ in range(per - camo):
            t = w.diurnal_ts(rng, 3.0, T0, T1, peak=(9.0, 17.5), weekend=0.05)
            cols = rng.sample(COLS, rng.randint(5, 9))
            p = (
                f"You are given a pandas DataFrame `df` with columns {', '.join(cols)}. First rows:\n"
                f"{_table(rng, cols)}\n\nTask: {rng.choice(TASKS)}. Reason through the approach "
                "step by step, "
                "write the complete Python code, and state the result you expect."
            )
            w.req(
                acc,
                t,
                p,
                rng.choice(office),
                w.model_for(rng, t, 3.0, 0.8),
                tokens_of(p) + 30,
                rng.randint(900, 2400),
                ua,
            )
    enlist(w, accs, cid, k.actor if k.labelled else "", "invoice_consortium")
    if k.labelled:
        w.label(
            "email_domain", FRONTS[0], k.actor, 0.95, "partner_intel", "front company registered by operator"
        )


SPEC = StyleSpec("invoice_consortium", "campaign", Knobs(), build)
