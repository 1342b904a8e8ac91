"""Bring-your-own-key browser extension: thousands of unrelated people install a popular "summarise this
page" extension, paste their own API key, and from then on every request they make through it is the
extension's fixed instruction wrapped around whatever page they are reading.

Real-world behaviour: BYOK extensions and wrappers around model APIs are common; their users are
independent but their traffic is template-identical (same wrapper, varying payload, narrow answer length),
and sign-ups spike when the extension is featured in a store. Everything else — countries, networks,
cards, schedules — is as diverse as any crowd.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .. import identity
from ..clock import DAY, WINDOW_END, WINDOW_START, model_for, session_starts
from ..knobs import Sizing
from ..ops import volume
from ..population import places
from ..population.background import live
from ..population.personas import build_person, old_created_at
from ..text.fill import fill, pick
from ..text.vocab import VOCAB
from ..world import World, tokens_in, tokens_out

STYLE = "browser_extension"


_SIZE = Sizing(0.015)


@dataclass(frozen=True)
class Knobs:
    size: Sizing = _SIZE
    signals: frozenset[str] = field(default_factory=lambda: frozenset({"content", "timing"}))
    featured_day: float = 10.0
    featured_share: float = 0.4
    also_chat_share: float = 0.4
    volume: float = 1.6
    name: str = "PagePal"


DEFAULT = Knobs()

_TITLES = (
    "{person}: the untold story",
    "How {tech} is changing {city}",
    "Review: {product} after six months",
    "{n12} things to do in {city} this {month}",
    "Why {concept} matters more than ever",
    "Opinion: {book} still explains today",
    "{game} patch notes explained",
    "Best {product_cat} of 2026",
    "Inside the fight over {concept}",
    "What {event} can teach startups",
)
_SENTENCES = (
    "Experts say {concept} is misunderstood by most people.",
    "The report was published on Tuesday.",
    "Prices in {city} rose sharply this year.",
    "Critics argue the {product} is overpriced.",
    "Residents describe a mix of hope and frustration.",
    "The study followed {n12}00 participants.",
    "{person} would have found this familiar.",
    "Early users praised the battery life.",
    "The company declined to comment.",
    "Analysts expect {concept} to dominate the next decade.",
    "Local officials promised a decision by {month}.",
    "Fans of {show} will notice the references.",
)
_TONES = ("more formal", "friendlier", "shorter", "clearer for a beginner", "more persuasive")


def _page(rng: random.Random, name: str) -> tuple[str, int]:
    title = fill(rng, pick(rng, _TITLES), VOCAB)
    if rng.random() < 0.25:
        selection = " ".join(fill(rng, pick(rng, _SENTENCES), VOCAB) for _ in range(rng.randint(2, 4)))
        return f"You are {name}. Rewrite the selected text to be {pick(rng, _TONES)}:\n\n{selection}", 140
    body = " ".join(fill(rng, pick(rng, _SENTENCES), VOCAB) for _ in range(rng.randint(3, 7)))
    slug = title.lower().replace(" ", "-").replace(":", "")[:60]
    site = pick(
        rng, ("news.example.com", "blog.example.org", "www.dailyreport.net", "medium.com", "substack.com")
    )
    return (
        f"You are {name}, a reading assistant. Summarize the following web page for the user in 5 concise "
        f"bullet points, then suggest 3 follow-up questions.\n\nTITLE: {title}\nURL: https://{site}/{slug}\n"
        f"CONTENT:\n{body}",
        230,
    )


def build(world: World, count: int, knobs: Knobs = DEFAULT) -> None:
    rng = world.rng(STYLE)
    featured = WINDOW_START + int(knobs.featured_day * DAY)
    for _ in range(count):
        if rng.random() < knobs.featured_share:
            created = min(featured + int(rng.expovariate(1 / (1.2 * DAY))), WINDOW_END - 3 * DAY)
        else:
            created = old_created_at(rng, featured)
        kind = pick(rng, ("casual", "professional", "student", "professional"))
        person = build_person(world, rng, kind, created, channel="api_console", plan="api_payg")
        acct = person.account
        world.mark_cohort(acct.account_id, STYLE)
        desk = [p for p in person.places if not p.pool] or [places.home(world, rng, acct.country, "")]
        browser = identity.browser_ua(rng)
        n = volume(world, rng, knobs.volume, 0.8)
        start = max(created, WINDOW_START) + 300
        sessions = max(1, n // 2)
        times = session_starts(rng, sessions, start, WINDOW_END, person.utc_offset, "worker", 0.6)
        for t in times:
            ip = pick(rng, desk).ip
            for _ in range(rng.randint(1, 3)):
                prompt, mean_out = _page(rng, knobs.name)
                model = model_for(rng, t, "api_payg", 10.0, "lumen-2-flash")
                world.emit(
                    acct.account_id,
                    t,
                    prompt,
                    ip,
                    model,
                    tokens_in(prompt),
                    tokens_out(rng, mean_out, 0.25),
                    browser,
                )
                t += rng.randint(40, 900)
        if rng.random() < knobs.also_chat_share:
            live(world, rng, person, kind)
