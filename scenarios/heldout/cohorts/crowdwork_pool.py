"""Crowd-work annotators: workers recruited by a data-annotation vendor for a rating project use the
assistant to help with their tasks, pasting the vendor's rubric verbatim with each item.

Real-world behaviour: crowd workers widely use LLMs to do annotation and writing tasks (Veselovsky, Horta
Ribeiro and West, "Artificial Artificial Artificial Intelligence: Crowd Workers Widely Use Large Language
Models for Text Production Tasks", 2023: 33-46% of MTurk workers). The workers are real, independent people,
but they join in onboarding waves, live in a few countries, share cyber-café and co-working lines and
mobile-carrier NAT, pay with prepaid cards from the same local fintechs, and send rubric-grading prompts
with an identical rubric — the same shape as a rubric-harvesting campaign.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .. import identity
from ..clock import DAY, HOUR, STANDARD, WINDOW_END, WINDOW_START, model_for
from ..knobs import Sizing
from ..ops import cover_traffic, volume
from ..population import places
from ..population.person import Place
from ..text.fill import fill, pick
from ..text.vocab import VOCAB
from ..world import World, tokens_in, tokens_out

STYLE = "crowdwork_pool"


_SIZE = Sizing(0.010)


@dataclass(frozen=True)
class Knobs:
    size: Sizing = _SIZE
    signals: frozenset[str] = field(default_factory=lambda: frozenset({"content", "infrastructure", "money"}))
    countries: tuple[str, ...] = ("KE", "KE", "NG", "PH", "IN")
    onboarding_days: tuple[float, ...] = (6.0, 27.0)
    venues_per_country: int = 4
    volume: float = 3.0
    own_chat_share: float = 0.25


DEFAULT = Knobs()

RUBRIC = (
    "Rubric: 7 = fully correct, complete and well written; 5-6 = minor omissions or style issues; "
    "3-4 = partially correct or missing key steps; 1-2 = wrong, unsafe or off-topic. Check factual accuracy, "
    "instruction following, and tone."
)
_ITEMS = (
    "Explain {concept} like I'm {age}.",
    "Write a {form} about {subject}.",
    "How do I {code_task} in {lang}?",
    "Plan a {n7}-day trip to {city}.",
    "Give me a {diet} recipe with {ingredient}.",
    "What is the difference between {concept} and {concept2}?",
)
_RESPONSES = (
    "Sure! Here is a short answer that covers the basics but skips the edge cases.",
    "I'm sorry, I can't help with that.",
    "Here are five steps: first, ... (the answer continues)",
    "The answer is 42 because of the reasons above.",
    "Great question! In summary, it depends.",
)
_SHORT = ("rate this response 1-7 and say why", "score it using the rubric", "grade this answer 1 to 7")


def _task(rng: random.Random) -> str:
    item = fill(rng, pick(rng, _ITEMS), VOCAB)
    response = pick(rng, _RESPONSES)
    if rng.random() < 0.15:
        return f"{pick(rng, _SHORT)}\nprompt: {item}\nresponse: {response}"
    if rng.random() < 0.2:
        return (
            f"Write a better response to this prompt than the one given.\nPrompt: {item}\nGiven: {response}"
        )
    return (
        "Rate the following AI response on a 1-7 scale for helpfulness, honesty and harmlessness using this "
        f"rubric.\n{RUBRIC}\nPrompt: {item}\nResponse: {response}\nGive the score and a one-paragraph "
        "justification."
    )


def build(world: World, count: int, knobs: Knobs = DEFAULT) -> None:
    rng = world.rng(STYLE)
    venues: dict[str, list[str]] = {}
    for country in sorted(set(knobs.countries)):
        ips: list[str] = []
        for _ in range(knobs.venues_per_country):
            asn = world.net.pick(rng, "residential", country)
            ips.append(world.net.fresh_v4(rng, asn))
        venues[country] = ips
    fintech_bins = {c: [world.bins.new() for _ in range(2)] for c in sorted(set(knobs.countries))}
    for _ in range(count):
        country = pick(rng, knobs.countries)
        wave = WINDOW_START + int(pick(rng, knobs.onboarding_days) * DAY)
        created = wave + int(rng.expovariate(1 / (0.8 * DAY)))
        created = min(created, WINDOW_END - 2 * DAY)
        acct = world.new_account(
            created,
            pick(rng, ("gmail.com", "gmail.com", "yahoo.com", "outlook.com")),
            country,
            "plus",
            signup_channel=pick(rng, ("web", "android")),
        )
        world.mark_cohort(acct.account_id, STYLE)
        world.pay(
            acct.account_id,
            identity.instrument_token(rng),
            "prepaid_card",
            pick(rng, fintech_bins[country]),
            country,
            created + rng.randint(300, 2 * DAY),
        )
        browser = identity.browser_ua(rng)
        phone = places.mobile(world, rng, country, identity.android_app_ua(rng), 1.0)
        venue = Place(pick(rng, venues[country]), browser, 2.0)
        lines = [venue, phone, places.home(world, rng, country, browser, 1.0)]
        weights = [p.weight for p in lines]
        offset = identity.utc_offset(rng, country)
        n = volume(world, rng, knobs.volume, 0.6)
        tau = rng.lognormvariate(2.0, 0.6)
        done = 0
        while done < n:
            day = created // DAY + 1 + rng.randrange(max(1, (WINDOW_END - created) // DAY - 1))
            hour = pick(rng, (9, 10, 11, 14, 15, 16, 20, 21, 22, 23))
            ts = day * DAY + (hour - offset) * HOUR + rng.randrange(HOUR)
            place = rng.choices(lines, weights)[0]
            ip = place.address(rng)
            for _ in range(min(n - done, rng.randint(5, 20))):
                prompt = _task(rng)
                model = model_for(rng, ts, "plus", tau, STANDARD)
                world.emit(
                    acct.account_id,
                    ts,
                    prompt,
                    ip,
                    model,
                    tokens_in(prompt),
                    tokens_out(rng, 260, 0.4),
                    place.ua,
                )
                ts += rng.randint(60, 400)
                done += 1
        if rng.random() < knobs.own_chat_share:
            cover_traffic(world, rng, acct, lines, volume(world, rng, 0.6), offset, start=created)
