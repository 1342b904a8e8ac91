"""Best-of-n sampling: each seed question is sent by several accounts within minutes, each under a different
wrapper, to collect multiple candidate answers for rejection sampling. Identity and infrastructure are careful
(own cards, rotating residential proxy exits); the payload repeats across accounts and the timing clusters."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout4 import kit, text
from scenarios.heldout4.background import card
from scenarios.heldout4.world import DAY, SDK_UAS, TZ, WINDOW_END, WINDOW_START, World

WRAPPERS = (
    "{q}",
    "You are an expert problem solver. {q}",
    "Solve carefully.\n\n{q}",
    "Answer the following question. Think it through before answering.\n\n{q}",
    "Q: {q}\nA:",
    "{q}\n\nPlease give a complete, rigorous answer.",
    "Problem:\n{q}\n\nSolution:",
    "{q} Explain your reasoning.",
)


def seed_question(rng: random.Random) -> str:
    k = rng.randrange(6)
    if k == 0:
        a, b = rng.randint(2, 19), rng.randint(2, 60)
        return f"Find all integer solutions of x^2 - {a}x + {b} = 0, or show that none exist."
    if k == 1:
        r, b = rng.randint(3, 15), rng.randint(3, 15)
        return (
            f"A bag contains {r} red and {b} blue marbles. Two marbles are drawn without replacement. "
            "What is the probability that both have the same colour?"
        )
    if k == 2:
        c1, c2 = rng.sample(text.CITIES, 2)
        v1, v2 = rng.randint(60, 140), rng.randint(60, 140)
        return (
            f"A train leaves {c1} at {rng.randint(6, 11)}:00 at {v1} km/h; another leaves {c2} an hour later "
            f"at {v2} km/h towards it. The cities are {rng.randint(300, 900)} km apart. When do they meet?"
        )
    if k == 3:
        n = rng.randint(5, 40)
        return (
            f"Write a function that returns the {n}-th smallest element of an unsorted array "
            "and analyse its complexity."
        )
    if k == 4:
        n = rng.randint(3, 12)
        extra = rng.randint(1, 9)
        return f"Prove that for every integer n >= {n}, 2^n > n^2 + {extra}, or find a counterexample."
    m = rng.randint(2, 9)
    return (
        f"Given a weighted directed graph with {rng.randint(5, 30)} nodes, explain how to find the "
        "shortest path "
        f"that visits at most {m} intermediate nodes, and give pseudocode."
    )


@dataclass(frozen=True)
class BestOfNSampler:
    name: str = "best_of_n_sampler"
    share: float = 0.013
    signals: tuple[str, ...] = ("content:shared-payload", "timing:co-occurrence")
    camouflage_share: float = 0.12
    labelled: bool = False
    actor: str = "Lantern Row"
    samples: tuple[int, int] = (3, 6)
    spread_minutes: float = 25.0
    volume_scale: float = 3.0
    proxy_pool_per_account: float = 2.0

    def plant(self, w: World, group_id: str, n: int) -> None:
        rng = w.rng(self.name)
        countries = ("US", "GB", "DE", "CA", "AU", "NL")
        pool = [
            kit.residential_exit(w, rng, countries)
            for _ in range(max(12, int(n * self.proxy_pool_per_account)))
        ]
        accts: list[tuple[str, float, str]] = []
        for _ in range(n):
            country = rng.choice(countries)
            created = kit.aged(rng, -20, 150)
            paid = rng.random() < 0.7
            acct = w.add_account(
                created, text.personal_mail(rng, country), country, "pro" if paid else "free"
            )
            if paid:
                card(w, rng, acct, country, max(created, WINDOW_START - 20 * DAY))
            ua = rng.choice(SDK_UAS[:6])
            accts.append((acct, created, ua))
            w.mark_campaign(acct, group_id, self.name, self.actor if self.labelled else "")
        sticky: dict[tuple[str, int], str] = {}

        def exit_for(acct: str, ts: float) -> str:
            key = (acct, int(ts // (6 * 3600)))
            if key not in sticky:
                sticky[key] = rng.choice(pool)
            return sticky[key]

        total = int(n * w.rpa * self.volume_scale * (1 - self.camouflage_share))
        mean_k = sum(self.samples) / 2
        for _ in range(max(1, int(total / mean_k))):
            t0 = WINDOW_START + rng.random() * (WINDOW_END - WINDOW_START - 3600)
            live = [a for a in accts if a[1] < t0]
            if len(live) < 2:
                continue
            k = min(len(live), rng.randint(*self.samples))
            q = seed_question(rng)
            wrappers = rng.sample(WRAPPERS, min(k, len(WRAPPERS)))
            for (acct, _c, ua), wrap in zip(rng.sample(live, k), wrappers, strict=False):
                ts = t0 + rng.random() * self.spread_minutes * 60
                w.req(
                    rng, acct, ts, wrap.format(q=q), exit_for(acct, ts), kit.operator_model(rng, ts), ua, 900
                )
        for acct, created, ua in accts:
            m = int(w.rpa * self.volume_scale * self.camouflage_share * rng.uniform(0.5, 1.5))
            kit.camouflage(
                w,
                rng,
                acct,
                m,
                [exit_for(acct, WINDOW_START + rng.random() * 50 * DAY)],
                [ua],
                TZ["US"],
                created,
            )
