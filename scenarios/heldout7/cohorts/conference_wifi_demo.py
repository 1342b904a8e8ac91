"""Attendees of a developer conference trying the keynote demo prompt on the venue Wi-Fi."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout7.background import consumer_domain, emit, pick_country
from scenarios.heldout7.core import T0, StyleSpec, World, browser_ua, mobile_ua, tokens_of
from scenarios.heldout7.kit import enrol

DEMO = (
    "Plan a three-step agent that reads my calendar, finds a free hour this week, and drafts an invite "
    "to my team for a design review. Show the tool calls you would make."
)


@dataclass(frozen=True)
class Knobs:
    share: float = 0.01
    resembles: tuple[str, ...] = ("critique_relay", "any lockstep template campaign")
    shared_signals: tuple[str, ...] = (
        "infrastructure:one_venue_ip",
        "content:identical_prompt",
        "timing:same_hour_lockstep",
        "identity:signup_burst",
    )
    keynote_day: int = 17
    new_signup_share: float = 0.55
    volume_mult: float = 1.0


def build(w: World, k: Knobs, name: str, rng: random.Random) -> None:
    n = w.scaled(k.share, 10)
    venue = [w.ip4(rng, "venue_isp", "38.122.41") for _ in range(3)]
    keynote = T0 + k.keynote_day * 86400 + 17 * 3600  # 09:00 in San Francisco
    accs = []
    for _ in range(n):
        c = "US" if rng.random() < 0.6 else pick_country(rng)
        new = rng.random() < k.new_signup_share
        created = keynote + rng.randint(-600, 3000) if new else T0 - rng.randint(20, 700) * 86400
        acc = w.new_account(
            rng,
            created,
            email_domain=consumer_domain(rng),
            country=c,
            plan="free",
            signup_channel=rng.choice(("web", "ios", "github_sso")),
        )
        accs.append(acc)
        ua = browser_ua(rng) if rng.random() < 0.5 else mobile_ua(rng)
        for _ in range(rng.randint(1, 3)):
            t = keynote + rng.randint(300, 3300)
            w.req(
                acc,
                max(t, acc.created_at + 60),
                DEMO,
                rng.choice(venue),
                "orion-2",
                tokens_of(DEMO),
                rng.randint(350, 700),
                ua,
            )
        emit(
            w,
            rng,
            acc,
            w.volume(rng, 0.4, 0.6),
            venue,
            [ua],
            start=keynote,
            end=keynote + 3 * 86400,
            persona="developer",
            peak=(16.0, 26.0),
        )
        emit(
            w,
            rng,
            acc,
            w.volume(rng, k.volume_mult * 0.6, 0.9),
            [w.residential_ip(rng, c)],
            [ua],
            start=keynote + 3 * 86400,
        )
    enrol(w, accs, "conference_wifi_demo")


SPEC = StyleSpec("conference_wifi_demo", "cohort", Knobs(), build)
