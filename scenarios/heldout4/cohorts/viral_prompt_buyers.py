"""Unrelated people who bought (or copied) the same viral "mega-prompt" after an influencer post: one long
fixed head with a short payload, repeated across many accounts with no shared money or infrastructure, with
an adoption burst that decays over the following weeks."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout4 import text
from scenarios.heldout4.background import card, created_before, pick_country
from scenarios.heldout4.world import (
    BROWSER_UAS,
    DAY,
    HOURS_PERSONAL,
    RESIDENTIAL_BY_COUNTRY,
    TZ,
    WINDOW_END,
    WINDOW_START,
    World,
    benign_model,
    local_times,
)

MEGA = (
    "Act as a world-class direct-response copywriter with 20 years of experience. Your task: write {k} "
    "high-converting Instagram captions for {product}. Use the AIDA framework, include emojis, 3 hashtags "
    "each and a clear call to action. Tone: {tone}."
)
PRODUCTS = (
    "my handmade candles",
    "a yoga studio in {city}",
    "our vegan bakery",
    "a budgeting app",
    "my dog-walking service",
    "organic skincare",
    "a used bookshop",
    "a language school in {city}",
    "my photography portfolio",
    "a craft brewery",
)
TONES = ("playful", "luxurious", "friendly", "bold", "minimalist", "witty")


def mega(rng: random.Random) -> str:
    product = rng.choice(PRODUCTS).format(city=rng.choice(text.CITIES))
    return MEGA.format(k=rng.choice((5, 10, 15)), product=product, tone=rng.choice(TONES))


@dataclass(frozen=True)
class ViralPromptBuyers:
    name: str = "viral_prompt_buyers"
    share: float = 0.01
    resembles: tuple[str, ...] = ("content:template", "timing:adoption-burst")
    post_day: float = 18.0
    template_use: tuple[float, float] = (0.3, 0.8)

    def plant(self, w: World, group_id: str, n: int) -> None:
        rng = w.rng(self.name)
        post = WINDOW_START + self.post_day * DAY
        for _ in range(n):
            country = pick_country(rng)
            created = created_before(rng, 0.3)
            paid = rng.random() < 0.4
            acct = w.add_account(
                created, text.personal_mail(rng, country), country, "plus" if paid else "free"
            )
            if paid:
                card(w, rng, acct, country, created)
            w.mark_cohort(acct, self.name)
            home = w.net.v4(rng, rng.choice(RESIDENTIAL_BY_COUNTRY[country]))
            ua = rng.choice(BROWSER_UAS)
            adopt = max(post, created) + rng.expovariate(1 / 4.0) * DAY
            use = rng.uniform(*self.template_use)
            total = w.volume(rng, 1.2, 0.6)
            for ts in local_times(
                rng, total, TZ[country], max(created, WINDOW_START), WINDOW_END, HOURS_PERSONAL
            ):
                prompt = mega(rng) if ts > adopt and rng.random() < use else text.benign_prompt(rng)
                w.req(rng, acct, ts, prompt, home, benign_model(rng, ts), ua, 420)
