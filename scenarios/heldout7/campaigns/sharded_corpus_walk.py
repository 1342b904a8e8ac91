"""A numbered reasoning dataset split into contiguous shards, one per account, run by a daily cron."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout7.background import consumer_domain, pick_country
from scenarios.heldout7.core import HOSTING_KEYS, T0, T1, StyleSpec, World, tokens_of, weighted
from scenarios.heldout7.kit import bin6, enlist
from scenarios.heldout7.text import CONCEPTS, math_problem

DATASETS = ("gsm-x", "sci-reason", "logic-grid")


@dataclass(frozen=True)
class Knobs:
    share: float = 0.015
    signals: tuple[str, ...] = (
        "content:numbered_item_prefix",
        "timing:same_cron_minute_daily",
        "content:cot_final_answer_format",
    )
    camouflage: float = 0.0
    labelled: bool = False
    actor: str = "Tern Collective"
    cron_hour_utc: int = 3
    volume_mult: float = 3.0


def _question(rng: random.Random, ds: str) -> str:
    if ds == "gsm-x":
        return math_problem(rng)[0]
    if ds == "sci-reason":
        c = rng.choice(CONCEPTS)
        return f"A student claims that {c} contradicts the conservation of energy. Evaluate the claim."
    a, b, c = rng.sample(("Ana", "Ben", "Chen", "Dara", "Eli", "Femi"), 3)
    return (
        f"{a} is taller than {b}. {b} is not the shortest. {c} is shorter than {a} but taller than {b}. "
        f"Who is the tallest, and is {b} taller than anyone?"
    )


def build(w: World, k: Knobs, cid: str, rng: random.Random) -> None:
    n = w.scaled(k.share, 10)
    accs = []
    for _ in range(n):
        c = pick_country(rng)
        acc = w.new_account(
            rng,
            T0 - rng.randint(2, 40) * 86400 - rng.randint(0, 86400),
            email_domain=consumer_domain(rng),
            country=c,
            plan=weighted(rng, [("plus", 3), ("pro", 1)]),
        )
        w.pay(acc, w.new_instrument(rng), "card", bin6(rng, rng.choice("45")), c, acc.created_at + 900)
        accs.append(acc)
    per = w.volume(rng, k.volume_mult, 0.05)
    idx = 0
    for acc in accs:
        ip = w.ip4(rng, rng.choice(HOSTING_KEYS))
        ua = rng.choice(("python-requests/2.31.0", "python-requests/2.32.3", "aiohttp/3.9.5"))
        ds = rng.choice(DATASETS)
        days = max(1, per // 20 + 1)
        daylist = sorted(rng.sample(range(3, 42), min(39, days)))
        done = 0
        for d in daylist:
            t = T0 + d * 86400 + k.cron_hour_utc * 3600 + rng.randint(0, 40)
            for _ in range(min(20, per - done)):
                idx += 1
                q = _question(rng, ds)
                p = (
                    f"[{ds}:{idx:06d}] {q}\n\nThink step by step, then give the final answer "
                    "on the last line "
                    "as 'Answer: <answer>'."
                )
                if t < T1:
                    w.req(
                        acc,
                        t,
                        p,
                        ip,
                        w.model_for(rng, t, 1.0, 0.9),
                        tokens_of(p) + 10,
                        rng.randint(500, 1600),
                        ua,
                    )
                t += rng.randint(30, 120)
                done += 1
    enlist(w, accs, cid, k.actor if k.labelled else "", "sharded_corpus_walk")


SPEC = StyleSpec("sharded_corpus_walk", "campaign", Knobs(), build)
