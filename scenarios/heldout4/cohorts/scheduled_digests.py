"""Customers of a workflow-automation vendor who connected their own API keys: the vendor's workers call the
model from shared cloud egress addresses with the vendor's user agent, on exact schedules (daily at the
user's chosen time, some hourly), with the vendor's digest template. Each customer pays with their own
card and also uses the model by hand from home."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout4 import text
from scenarios.heldout4.background import card, pick_country
from scenarios.heldout4.world import (
    BROWSER_UAS,
    DAY,
    HOUR,
    HOURS_PERSONAL,
    RESIDENTIAL_BY_COUNTRY,
    TZ,
    WINDOW_DAYS,
    WINDOW_END,
    WINDOW_START,
    World,
    benign_model,
    local_times,
)

HEAD = (
    "Summarize today's new items from my feeds into a short digest with headlines and one-line takeaways. "
    "Group by topic.\n\nItems:\n{items}"
)
VENDOR_UA = "FlowPilot-Automations/3.2 (worker; +support@flowpilot.app)"


def items(rng: random.Random) -> str:
    return "\n".join(f"- {s}" for s in rng.sample(text.SENTENCES, rng.randint(4, 10)))


@dataclass(frozen=True)
class ScheduledDigests:
    name: str = "scheduled_digests"
    share: float = 0.008
    resembles: tuple[str, ...] = (
        "timing:fixed-schedule",
        "infra:cloud-egress",
        "content:template",
        "agent:constant-ua",
    )
    hourly_share: float = 0.15
    manual_scale: float = 0.6

    def plant(self, w: World, group_id: str, n: int) -> None:
        rng = w.rng(self.name)
        workers = w.aws_egress[100:180]
        for _ in range(n):
            country = pick_country(rng)
            tz = TZ[country]
            created = WINDOW_START - rng.uniform(-20, 600) * DAY
            acct = w.add_account(
                created,
                text.personal_mail(rng, country) if rng.random() < 0.6 else text.company_domain(rng),
                country,
                "pay_as_you_go",
                channel="api",
            )
            card(w, rng, acct, country, max(created, WINDOW_START - 5 * DAY))
            w.mark_cohort(acct, self.name)
            start_day = max(0, int((created - WINDOW_START) / DAY) + 1)
            hourly = rng.random() < self.hourly_share
            at = rng.choice((6.5, 7.0, 7.5, 8.0, 12.0, 18.0))
            budget = int(w.rpa * rng.uniform(1.0, 3.0))
            sent = 0
            for d in range(start_day, WINDOW_DAYS):
                slots = [h + 0.0 for h in range(8, 18)] if hourly else [at]
                for h in slots:
                    if sent >= budget:
                        break
                    ts = WINDOW_START + d * DAY + (h - tz) * HOUR + rng.uniform(0, 4)
                    if not WINDOW_START <= ts < WINDOW_END:
                        continue
                    w.req(
                        rng,
                        acct,
                        ts,
                        HEAD.format(items=items(rng)),
                        rng.choice(workers),
                        benign_model(rng, ts, 0.3),
                        VENDOR_UA,
                        300,
                    )
                    sent += 1
            home = w.net.v4(rng, rng.choice(RESIDENTIAL_BY_COUNTRY[country]))
            ua = rng.choice(BROWSER_UAS)
            for ts in local_times(
                rng,
                w.volume(rng, self.manual_scale),
                tz,
                max(created, WINDOW_START),
                WINDOW_END,
                HOURS_PERSONAL,
            ):
                w.req(rng, acct, ts, text.benign_prompt(rng), home, benign_model(rng, ts), ua, 380)
