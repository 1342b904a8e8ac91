"""Tax-season staff of preparation firms paste client memos into one shared template, in office shifts."""

from __future__ import annotations

from dataclasses import dataclass

from .._core import BROWSER_UAS, T0, T_END, TZ, Rng, Style, World, instrument, org_id, pick

NAME = "tax_preparers"
ITEMS = [
    "home office deduction",
    "child tax credit",
    "capital loss carryover",
    "self-employment tax",
    "estimated quarterly payments",
    "HSA contribution limit",
    "rental property depreciation",
    "education credit",
    "mileage deduction",
    "foreign earned income exclusion",
]
FACTS = [
    "single filer, two W-2 jobs",
    "married filing jointly, one child",
    "freelancer with 1099-NEC income",
    "retired, pension plus IRA withdrawals",
    "owns a duplex, lives in one unit",
    "moved states mid-year",
]
TEMPLATE = (
    "Client {cid} - draft a plain-language memo explaining the {item} for tax year 2025. Facts: {facts}."
)


@dataclass(frozen=True)
class Knobs:
    share: float = 0.01
    signals: tuple[str, ...] = ("shared_template", "timing_shifts", "shared_org", "deadline_ramp")
    camouflage: float = 0.1
    labelled: bool = False
    actor: str = ""
    firms: int = 3
    volume: float = 2.5


def build(w: World, ids: list[str], k: Knobs, rng: Rng, cid: str) -> None:
    firms = []
    for _ in range(k.firms):
        net = w.net(rng, "corporate", "US")
        firms.append(
            (
                org_id(rng),
                f"{pick(rng, ['bright', 'ledger', 'summit', 'keystone'])}tax.com",
                instrument(rng, "inv"),
                [w.ip(rng, net) for _ in range(2)],
            )
        )
    for aid in ids:
        org, dom, inst, ips = pick(rng, firms)
        c = T0 - int(rng.integers(30, 700)) * 86400
        w.account(aid, c, dom, "US", "enterprise", org, "sales")
        w.pay(aid, inst, "invoice", "", "US", c)
        ua = pick(rng, BROWSER_UAS)
        for _ in range(w.volume(rng, k.volume, 0.4)):
            # busier as the 15 April deadline approaches
            day = int(42 * (rng.random() ** 0.6))
            if day % 7 in (5, 6) and rng.random() < 0.8:
                day = max(0, day - 2)
            hour = 9 + int(rng.integers(0, 9))
            ts = min(T0 + day * 86400 + (hour - TZ["US"]) * 3600 + int(rng.integers(0, 3600)), T_END - 1)
            if rng.random() < k.camouflage:
                prompt, kind = "Reword this so a client understands it: " + pick(rng, FACTS), "short"
            else:
                prompt = TEMPLATE.format(
                    cid=int(rng.integers(1000, 99999)), item=pick(rng, ITEMS), facts=pick(rng, FACTS)
                )
                kind = "write"
            w.req(aid, ts, prompt, pick(rng, ips), w.model_at(rng, ts, 0.2, 1), kind, ua)


STYLE = Style(NAME, "cohort", Knobs(), build)
