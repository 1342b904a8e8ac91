# ruff: noqa: E501 -- prompt templates and data tables read better unwrapped.
"""A conference hack day: dozens of sign-ups in one afternoon on the venue Wi-Fi with promo credits.

Same starter prompts from the workshop, agentic coding for two days on one address, then most drift off.
"""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.heldout2 import infra, text
from scenarios.heldout2.common import Ctx, burst, sessions
from scenarios.heldout2.world import DAY, HOUR, at, clamp_ts, lognormal_int, model_for, weighted


@dataclass(frozen=True)
class Knobs:
    day: int = at(3, 21, 8)
    country: str = "US"
    venue_ips: int = 2
    event_requests: float = 2.5  # per account, as a multiple of the ordinary mean
    keep_using: float = 0.2


_STARTERS = (
    "Build an agent that uses function calling to book a meeting room. Tools: list_rooms(), book_room(room_id, start, end). Start by writing the tool schemas.",
    "I'm at the hackathon, help me scaffold a FastAPI app with one endpoint that calls the model and streams the answer.",
    "Give me 5 hackathon project ideas using AI agents for {n} in under 24 hours.",
    "Write a Python script that reads a CSV of {n}s and asks the model to categorize each row, with retries.",
)


def build(ctx: Ctx, k: Knobs = Knobs()) -> None:
    rng, world, shared = ctx.rng, ctx.world, ctx.shared
    tz = infra.TZ.get(k.country, 0)
    a = rng.choice(infra.asns("residential", k.country))
    venue = [infra.new_ip(world, rng, a, v6=False) for _ in range(k.venue_ips)]
    event_start = k.day + int(-tz * HOUR) + 9 * HOUR
    for _ in range(ctx.n):
        country = k.country if rng.random() < 0.8 else weighted(rng, infra.COUNTRIES)
        created = burst(rng, event_start, 3)
        acc = world.add_account(
            rng,
            created_at=created,
            email_domain=weighted(rng, infra.CONSUMER_DOMAINS),
            country=country,
            plan="promo",
            signup_channel="startup_program",
        )
        ctx.mark(acc)
        ua = infra.browser_ua(rng) if rng.random() < 0.5 else infra.sdk_ua(rng)
        lags = {"orion-3": 0.0, "orion-3.1": rng.random() * 4 * DAY}
        n_event = lognormal_int(rng, ctx.volume * k.event_requests, 0.6)
        phone = shared.mobile_ip(world, rng, k.country)
        for i in range(n_event):
            ts = clamp_ts(created + int(rng.random() ** 1.5 * 34 * HOUR))
            if i < 2 or rng.random() < 0.25:
                prompt = rng.choice(_STARTERS).format(n=text.pick(rng, text.NOUNS))
            else:
                prompt = text.coding_issue(rng) if rng.random() < 0.5 else text.ordinary_prompt(rng, "dev")
            ip = rng.choice(venue) if rng.random() < 0.85 else phone
            world.request(acc, ts, prompt, ip, model_for(ts, "large", lags), lognormal_int(rng, 800, 0.6), ua)
        if rng.random() < k.keep_using:
            home = shared.home_ip(world, rng, country)
            for ts in sessions(
                rng, lognormal_int(rng, ctx.volume, 0.8), first=created + 2 * DAY, tz=infra.TZ.get(country, 0)
            ):
                world.request(
                    acc,
                    ts,
                    text.ordinary_prompt(rng, "dev"),
                    home,
                    model_for(ts, "large", lags),
                    lognormal_int(rng, 600, 0.6),
                    ua,
                )
