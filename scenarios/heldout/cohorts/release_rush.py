"""Release-night rush: enthusiasts who try a new model within hours of its launch, all with the same
handful of "vibe check" prompts passed around on social media, and stay on it.

Real-world behaviour: every major model launch is followed by a burst of people posting the same informal
tests (letter counting, decimal comparison, a snake game, an SVG of a pelican on a bicycle) and hobbyists
running the same small public eval scripts. They are long-standing, unrelated accounts with diverse
networks and cards; what they share is the minute they switch models and the exact prompts they send.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..clock import DAY, HOUR, NEW_MODEL, RELEASE_TS, WINDOW_START
from ..knobs import Sizing
from ..population.background import live
from ..population.personas import build_person, old_created_at
from ..text.fill import pick
from ..world import World, tokens_in, tokens_out

STYLE = "release_rush"


_SIZE = Sizing(0.012)


@dataclass(frozen=True)
class Knobs:
    size: Sizing = _SIZE
    signals: frozenset[str] = field(default_factory=lambda: frozenset({"timing", "content"}))
    delay_hours: tuple[float, float] = (0.2, 8.0)
    eval_script_share: float = 0.3
    eval_items: int = 20


DEFAULT = Knobs()

VIBE_CHECKS = (
    "How many r's are in the word strawberry?",
    "Which is bigger, 9.11 or 9.9?",
    "Alice has 4 brothers and 1 sister. How many sisters does Alice's brother have?",
    "Write a snake game in Python using pygame, in a single file.",
    "Generate an SVG of a pelican riding a bicycle.",
    "What model are you, and what's new compared to the previous version?",
    "Write a haiku about being released today.",
    "Draw a unicorn in TikZ.",
    "Solve: a bat and a ball cost 1.10 in total; the bat costs 1.00 more than the ball. How much is the "
    "ball?",
    "Explain a monad in one paragraph, then in one sentence.",
)
_EVAL = tuple(
    f"Q{i + 1}. {q} Answer with a single letter."
    for i, q in enumerate(
        (
            "Which planet has the most moons? (A) Earth (B) Saturn (C) Mars (D) Venus",
            "What is the derivative of ln(x)? (A) x (B) 1/x (C) e^x (D) ln(x)/x",
            "Which data structure gives O(1) average lookup? (A) list (B) heap (C) hash table (D) tree",
            "Who wrote 'The Origin of Species'? (A) Mendel (B) Darwin (C) Wallace (D) Lamarck",
            "What is 17 * 23? (A) 391 (B) 381 (C) 401 (D) 371",
            "Which gas do plants absorb? (A) O2 (B) N2 (C) CO2 (D) H2",
            "What does HTTP 404 mean? (A) server error (B) not found (C) forbidden (D) redirect",
            "Which is a prime? (A) 51 (B) 57 (C) 59 (D) 63",
            "Capital of Australia? (A) Sydney (B) Melbourne (C) Canberra (D) Perth",
            "Big-O of binary search? (A) n (B) log n (C) n log n (D) 1",
            "Which layer does TCP belong to? (A) network (B) transport (C) session (D) link",
            "Boiling point of water at sea level in F? (A) 100 (B) 180 (C) 212 (D) 232",
            "What is the chemical symbol of gold? (A) Ag (B) Au (C) Gd (D) Go",
            "Who painted the Mona Lisa? (A) Michelangelo (B) Raphael (C) da Vinci (D) Titian",
            "sqrt(144)? (A) 11 (B) 12 (C) 13 (D) 14",
            "Which is not a sorting algorithm? (A) quicksort (B) mergesort (C) Dijkstra (D) heapsort",
            "Largest ocean? (A) Atlantic (B) Indian (C) Arctic (D) Pacific",
            "Which vitamin does sunlight help produce? (A) A (B) B12 (C) C (D) D",
            "How many bits in a byte? (A) 4 (B) 8 (C) 16 (D) 32",
            "Which language runs in a browser natively? (A) Java (B) C (C) JavaScript (D) Go",
        )
    )
)


def build(world: World, count: int, knobs: Knobs = DEFAULT) -> None:
    rng = world.rng(STYLE)
    for _ in range(count):
        kind = pick(rng, ("power", "developer", "professional", "casual", "power"))
        person = build_person(
            world,
            rng,
            kind,
            old_created_at(rng, WINDOW_START - 10 * DAY),
            plan=pick(rng, ("plus", "pro", "pro")),
        )
        acct = person.account
        world.mark_cohort(acct.account_id, STYLE)
        person.adopt_tau = rng.uniform(0.05, 0.5)  # they stay on the new model
        live(world, rng, person, kind)
        ts = RELEASE_TS + int(rng.uniform(*knobs.delay_hours) * HOUR)
        place = pick(rng, person.places)
        ip = place.address(rng)
        for prompt in rng.sample(VIBE_CHECKS, rng.randint(3, 7)):
            world.emit(
                acct.account_id,
                ts,
                prompt,
                ip,
                NEW_MODEL,
                tokens_in(prompt),
                tokens_out(rng, 500, 0.7),
                place.ua,
            )
            ts += rng.randint(20, 240)
        if rng.random() < knobs.eval_script_share:
            sdk = pick(rng, ("lumen-python/1.7.0", "lumen-python/1.6.2"))
            ts += rng.randint(600, 6 * 3600)
            for item in _EVAL[: knobs.eval_items]:
                world.emit(acct.account_id, ts, item, ip, NEW_MODEL, tokens_in(item), rng.randint(1, 4), sdk)
                ts += rng.randint(1, 4)
