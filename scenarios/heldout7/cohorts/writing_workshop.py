"""A fiction workshop whose members paste the same classmate's draft and ask for critique during class."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout7.background import consumer_domain, emit, past_created
from scenarios.heldout7.core import T0, StyleSpec, World, browser_ua, tokens_of
from scenarios.heldout7.kit import enrol
from scenarios.heldout7.text import paragraph

ASKS = (
    "Critique this draft from my workshop group and suggest how to revise the opening:",
    "What's working and what isn't in this story? Be honest, then rewrite the first paragraph.",
    "give feedback on pacing + dialogue for this piece, then a revised version",
    "My classmate wrote this. How would you improve it?",
)


@dataclass(frozen=True)
class Knobs:
    share: float = 0.005
    resembles: tuple[str, ...] = ("critique_relay",)
    shared_signals: tuple[str, ...] = (
        "content:same_text_across_accounts_minutes_apart",
        "content:critique_and_rewrite",
        "infrastructure:campus_ip",
    )
    sessions: int = 12
    volume_mult: float = 1.0


def build(w: World, k: Knobs, name: str, rng: random.Random) -> None:
    n = w.scaled(k.share, 6)
    campus = [w.ip4(rng, "jisc", "131.111.8")]
    accs = []
    for _ in range(n):
        dom = "cam.ac.uk" if rng.random() < 0.6 else consumer_domain(rng)
        acc = w.new_account(
            rng,
            past_created(rng, 0.0),
            email_domain=dom,
            country="GB",
            plan="plus" if rng.random() < 0.3 else "free",
        )
        accs.append(acc)
    for s in range(k.sessions):
        # Tuesday and Thursday afternoons.
        day = (s // 2) * 7 + (1 if s % 2 == 0 else 3)
        start = T0 + day * 86400 + 14 * 3600
        draft = paragraph(rng, rng.randint(8, 16))
        for acc in rng.sample(accs, max(2, int(len(accs) * 0.7))):
            t = start + rng.randint(0, 1500)
            p = f"{rng.choice(ASKS)}\n\n{draft}"
            w.req(
                acc,
                max(t, acc.created_at),
                p,
                campus[0],
                w.model_for(rng, t),
                tokens_of(p),
                rng.randint(400, 900),
                browser_ua(rng),
            )
    for acc in accs:
        emit(w, rng, acc, w.volume(rng, k.volume_mult, 0.8), [w.residential_ip(rng, "GB")], [browser_ua(rng)])
    enrol(w, accs, "writing_workshop")


SPEC = StyleSpec("writing_workshop", "cohort", Knobs(), build)
