"""Public terminals: library computers, internet cafés and co-working desks, where many unrelated people
use the assistant from the same few addresses over months, on machines built from one disk image.

Real-world behaviour: shared public access points put dozens of independent accounts behind one public
address and one identical browser build; people there look for jobs, do homework and write letters. The
venues' addresses sometimes end up in abuse reports filed by other users, so a low-confidence, unverified
label can point at one of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import identity
from ..clock import WINDOW_END
from ..knobs import Sizing
from ..population.background import live
from ..population.person import Place
from ..population.personas import build_person, old_created_at
from ..text.fill import pick
from ..world import World

STYLE = "public_terminals"


_SIZE = Sizing(0.010)


@dataclass(frozen=True)
class Knobs:
    size: Sizing = _SIZE
    signals: frozenset[str] = field(default_factory=lambda: frozenset({"infrastructure"}))
    accounts_per_venue: int = 25
    venue_weight: float = 4.0
    stale_label_actor: str = "Tallow Ridge"
    stale_label_confidence: float = 0.3


DEFAULT = Knobs()


def build(world: World, count: int, knobs: Knobs = DEFAULT) -> None:
    rng = world.rng(STYLE)
    n_venues = max(1, count // knobs.accounts_per_venue)
    venues: list[tuple[str, list[str], str]] = []
    for _ in range(n_venues):
        country = identity.country(rng)
        asn = world.net.pick(rng, "corporate" if rng.random() < 0.3 else "residential", country)
        prefix = world.net.block24(rng, asn)
        ips = [world.net.in_block(prefix, host, asn) for host in rng.sample(range(2, 250), rng.randint(1, 3))]
        venues.append((country, ips, identity.browser_ua(rng)))  # one disk image, one browser build
    for i in range(count):
        country, ips, image_ua = venues[i % n_venues]
        kind = pick(rng, ("casual", "student", "casual", "mobile_first", "professional"))
        person = build_person(
            world, rng, kind, old_created_at(rng, WINDOW_END - 5 * 86_400), country=country, plan="free"
        )
        person.places.append(Place(ips[0], image_ua, knobs.venue_weight, ips))
        world.mark_cohort(person.account.account_id, STYLE)
        live(world, rng, person, kind)
    if knobs.stale_label_actor and venues:
        world.label(
            "ip",
            venues[0][1][0],
            knobs.stale_label_actor,
            knobs.stale_label_confidence,
            "user_report",
            "unverified: reported as a source of suspicious sign-ups",
        )
