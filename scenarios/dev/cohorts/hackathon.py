"""``hackathon``: a weekend hackathon whose participants sign up together behind the venue's NAT.

Real-world behaviour: a few hundred people create accounts within two days (promo-code sign-ups on the
event channel), all behind two or three NAT addresses of the venue's network, and paste the same handful
of tutorial prompts from the organisers' slides for two days. Afterwards most go home and use the
platform ordinarily (or not at all). Dense in time, IP and content, yet entirely legitimate.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import identity
from ..clock import DAY, HOUR, OLD_MODEL, T0, T_END
from ..fast import between, pick
from ..network import BUSINESS, EDUCATION, RESIDENTIAL, asn_for
from ..platform import volume
from ..sizing import Sizing
from ..text.ordinary import mix, voice
from ..users import behave, paid_switch
from ..world import World
from .base import CohortContext, CohortStyle, persona

SIZE = Sizing(0.012, 15, 450)


@dataclass(frozen=True)
class Knobs:
    size: Sizing = SIZE
    venue_ips: tuple[int, int] = (2, 3)
    tutorial_prompts: tuple[int, int] = (3, 5)
    event_requests: tuple[int, int] = (3, 10)
    tutorial_share: float = 0.75
    keep_using: float = 0.6
    later_volume: float = 0.6
    signals: tuple[str, ...] = (  # what makes this benign cluster look coordinated
        "creation_burst",
        "shared_nat_ips",
        "identical_prompts",
        "lockstep_timing",
    )


KNOBS = Knobs()

TUTORIALS = (
    "Hello! What can you do?",
    "Write a Python function that calls a REST API and retries on failure.",
    "Explain what an embedding is, with a small example.",
    "Generate a JSON schema for a todo-list app.",
    "Give me 5 hackathon project ideas using AI for climate.",
    "How do I stream responses from the API in JavaScript?",
    "Write a README for a project that summarizes meeting notes.",
    "Write a system prompt for a friendly cooking assistant.",
    "Classify these three support messages by urgency: 'my card was charged twice', 'love the app', 'site "
    "is down'",
    "Convert this to a bulleted list: our team built a bot that books study rooms.",
)
_LATER = mix(question=28, personal=20, writing=14, coding=24, homework=6, work=8)


def plant(world: World, ctx: CohortContext, knobs: Knobs = KNOBS) -> list[str]:
    rng, n = ctx.rng, ctx.size
    cc = rng.choice(("DE", "US", "GB", "FR", "IN", "SG", "NL", "US"))
    country = identity.BY_CODE[cc]
    at_campus = rng.random() < 0.5 and any(a.country == cc for a in EDUCATION)
    asn = asn_for(cc, EDUCATION, rng) if at_campus else asn_for(cc, BUSINESS, rng)
    kind = "education" if at_campus else "corporate"
    venue = [world.net.ip(asn, kind=kind) for _ in range(rng.randint(*knobs.venue_ips))]
    tutorials = rng.sample(TUTORIALS, rng.randint(*knobs.tutorial_prompts))
    event = T0 + rng.randint(4, 30) * DAY + (9 - country.tz) * HOUR
    members: list[str] = []
    for _ in range(n):
        created = event + (int(rng.random() * 3 * HOUR) if rng.random() < 0.6 else rng.randrange(44 * HOUR))
        domain = identity.webmail(rng, country)
        aid = world.new_account(created, domain, cc, "free", channel="event")
        members.append(aid)
        if rng.random() < 0.3:
            t, b = identity.ordinary_instrument(rng, cc)
            world.pay(aid, identity.instrument_id(rng), t, b, cc, created + rng.randrange(DAY))
        v = voice(rng, cc, 0.3)
        browser = rng.choice(identity.BROWSER_UAS)
        ua = rng.choice(identity.SDK_UAS) if rng.random() < 0.5 else browser
        end = event + 2 * DAY
        for _ in range(rng.randint(*knobs.event_requests)):
            ts = created + int(rng.random() * max(HOUR, end - created))
            if rng.random() < knobs.tutorial_share:
                prompt = pick(rng, tutorials)
            else:
                prompt = world.ordinary.prompt(rng, _LATER, v)[0]
            world.request(aid, ts, prompt, pick(rng, venue), OLD_MODEL, between(rng, 80, 900), ua)
        if rng.random() < knobs.keep_using:
            home = world.net.ip(asn_for(cc, RESIDENTIAL, rng), v6=rng.random() < 0.1)
            p = persona(aid, country.tz, [(home, 1.0, browser)], v, _LATER, "day", paid_switch(rng))
            k = volume(rng, world.rpa, knobs.later_volume, 0.0)
            if behave(world, p, k, end, T_END, rng):
                world.mark(aid, "viral_template")
    return members


STYLE = CohortStyle("hackathon", KNOBS.size, plant)
