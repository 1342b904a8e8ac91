"""Step-level correctness labels for worked solutions, harvested to train a process reward model."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout7.core import T0, T1, StyleSpec, World, tokens_of
from scenarios.heldout7.kit import enlist
from scenarios.heldout7.text import math_problem

DOMAIN = "stepwise-tutor.com"


@dataclass(frozen=True)
class Knobs:
    share: float = 0.01
    signals: tuple[str, ...] = (
        "content:step_grading_template",
        "timing:lockstep_waves",
        "infrastructure:commercial_vpn_exits",
        "identity:education_programme",
    )
    camouflage: float = 0.1
    labelled: bool = True
    actor: str = "Lattice Crow"
    label_confidence: float = 0.35
    waves_per_day: int = 2
    volume_mult: float = 3.0
    corrupt_share: float = 0.5


def _prompt(rng: random.Random, k: Knobs) -> str:
    prob, steps, _ans = math_problem(rng)
    steps = list(steps)
    if rng.random() < k.corrupt_share:
        j = rng.randrange(len(steps))
        steps[j] = steps[j].replace("=", "= -", 1) if "=" in steps[j] else steps[j] + " + 1"
    body = "\n".join(f"Step {i + 1}: {s}" for i, s in enumerate(steps))
    return (
        f"Problem: {prob}\n\nProposed solution:\n{body}\n\nFor each step output a JSON object with keys "
        '"step", "verdict" (CORRECT or INCORRECT) and "reason" (one sentence, only for incorrect steps). '
        "Return a JSON list and nothing else."
    )


def build(w: World, k: Knobs, cid: str, rng: random.Random) -> None:
    n = w.scaled(k.share, 10)
    exits = [w.ip4(rng, "m247") for _ in range(max(4, n // 5))]
    accs = []
    for i in range(n):
        dom = DOMAIN if i % 3 == 0 else "proton.me"
        acc = w.new_account(
            rng,
            T0 - rng.randint(1, 30) * 86400 + rng.randint(0, 86400),
            email_domain=dom,
            country=rng.choice(("US", "GB", "DE", "NL", "SE")),
            plan="edu",
            signup_channel="education",
        )
        accs.append(acc)
    # Waves: every account of the pool starts within the same few minutes, works ~40 minutes.
    waves = []
    for d in range(6, 42):
        for _ in range(k.waves_per_day):
            waves.append(T0 + d * 86400 + rng.randint(0, 86399))
    per_wave = w.rpa * k.volume_mult / (len(waves) * 0.6)
    for ws in waves:
        for acc in rng.sample(accs, max(1, int(len(accs) * 0.6))):
            ip = rng.choice(exits)
            t = ws + rng.randint(0, 180)
            for _ in range(max(1, int(per_wave + rng.random()))):
                if t >= T1:
                    break
                if rng.random() < k.camouflage:
                    p = rng.choice(("thanks", "ok continue", "Can you explain step 2 in more detail?"))
                    w.req(
                        acc,
                        t,
                        p,
                        ip,
                        "orion-2",
                        tokens_of(p) + 300,
                        rng.randint(20, 200),
                        "orion-python/1.42.0",
                    )
                else:
                    p = _prompt(rng, k)
                    w.req(
                        acc,
                        t,
                        p,
                        ip,
                        "orion-2-pro",
                        tokens_of(p) + 15,
                        rng.randint(90, 260),
                        "orion-python/1.42.0",
                    )
                t += rng.randint(20, 600)
    enlist(w, accs, cid, k.actor if k.labelled else "", "process_step_labels")
    if k.labelled:
        w.label(
            "email_domain", DOMAIN, k.actor, k.label_confidence, "osint", "domain registered by a shell; weak"
        )


SPEC = StyleSpec("process_step_labels", "campaign", Knobs(), build)
