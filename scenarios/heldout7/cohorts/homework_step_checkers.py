"""High-school pupils asking the model to check each step of their maths homework from the school network."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout7.background import consumer_domain, emit, past_created
from scenarios.heldout7.core import StyleSpec, World, browser_ua, mobile_ua, tokens_of
from scenarios.heldout7.kit import enrol
from scenarios.heldout7.text import math_problem


@dataclass(frozen=True)
class Knobs:
    share: float = 0.01
    resembles: tuple[str, ...] = ("process_step_labels",)
    shared_signals: tuple[str, ...] = (
        "content:step_checking",
        "infrastructure:school_nat",
        "timing:same_class_period",
    )
    check_share: float = 0.6
    volume_mult: float = 1.2


def build(w: World, k: Knobs, name: str, rng: random.Random) -> None:
    n = w.scaled(k.share, 8)
    school = [w.ip4(rng, "comcast", "73.158.212")]  # a district on a business cable line

    def check(r: random.Random) -> tuple[str, int, int]:
        prob, steps, _ = math_problem(r)
        work = "\n".join(f"{i + 1}) {s}" for i, s in enumerate(steps))
        if r.random() < 0.4:
            work = work.replace("=", "=", 1).lower()
        asks = (
            "can u check my work",
            "Is my working right? Which step did I mess up?",
            f"is step {r.randint(1, len(steps))} correct",
            "did i do this right??",
        )
        p = f"{prob}\n{work}\n{r.choice(asks)}"
        return p, tokens_of(p), r.randint(60, 350)

    accs = []
    for _ in range(n):
        acc = w.new_account(
            rng,
            past_created(rng, 0.1),
            email_domain=consumer_domain(rng),
            country="US",
            plan="free",
            signup_channel=rng.choice(("web", "google_sso", "ios")),
        )
        accs.append(acc)
        ua = browser_ua(rng) if rng.random() < 0.4 else mobile_ua(rng)
        home = w.residential_ip(rng, "US")
        nreq = w.volume(rng, k.volume_mult, 0.7)
        nc = int(nreq * k.check_share)
        emit(w, rng, acc, nc, [*school, home], [ua], prompt_fn=check, peak=(13.0, 22.0), weekend=0.3)
        emit(w, rng, acc, max(1, nreq - nc), [home], [ua], persona="student", peak=(15.0, 23.5))
    enrol(w, accs, "homework_step_checkers")


SPEC = StyleSpec("homework_step_checkers", "cohort", Knobs(), build)
