"""A search company's relevance team judging result lists by hand with help from the model."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout7.background import card, emit, past_created
from scenarios.heldout7.core import StyleSpec, World, browser_ua, tokens_of
from scenarios.heldout7.kit import enrol
from scenarios.heldout7.text import CITIES, CONCEPTS, paragraph

ASKS = (
    'Which of these results best answers the query "{q}"? Rank them and explain briefly.',
    "query: {q}\nrate each result 0-3 for relevance (TREC style) and justify each grade in one line",
    'I\'m judging search quality. For "{q}", are these results in a sensible order? Suggest a better order.',
)


@dataclass(frozen=True)
class Knobs:
    share: float = 0.006
    resembles: tuple[str, ...] = ("rerank_listwise",)
    shared_signals: tuple[str, ...] = (
        "content:ranking_prompts",
        "infrastructure:one_office_ip",
        "money:one_team_card",
        "timing:office_hours",
    )
    ranking_share: float = 0.5
    volume_mult: float = 2.5


def build(w: World, k: Knobs, name: str, rng: random.Random) -> None:
    n = w.scaled(k.share, 6)
    org = w.new_org(rng)
    office = [w.ip4(rng, "zayo")]
    inst = ""
    accs = []
    for i in range(n):
        acc = w.new_account(
            rng,
            past_created(rng, 0.0),
            email_domain="findwell.com",
            country="US",
            plan="team",
            org_id=org,
            signup_channel="invite",
        )
        if i == 0:
            inst = card(w, rng, acc)
        else:
            w.pay(acc, inst, "card", "411773", "US", acc.created_at + 600)
        accs.append(acc)

    def ranking(r: random.Random) -> tuple[str, int, int]:
        q = r.choice(
            (f"things to do in {r.choice(CITIES)}", f"{r.choice(CONCEPTS)} tutorial", "refund policy")
        )
        res = "\n".join(f"{i + 1}. {paragraph(r, 1)}" for i in range(r.randint(3, 8)))
        p = r.choice(ASKS).format(q=q) + "\n\n" + res
        return p, tokens_of(p), r.randint(120, 400)

    for acc in accs:
        ua = browser_ua(rng)
        nreq = w.volume(rng, k.volume_mult, 0.5)
        nr = int(nreq * k.ranking_share)
        emit(w, rng, acc, nr, office, [ua], prompt_fn=ranking, peak=(9.0, 18.0), weekend=0.05)
        emit(w, rng, acc, max(1, nreq - nr), office, [ua], peak=(9.0, 18.0), weekend=0.05)
    enrol(w, accs, "relevance_judging_team")


SPEC = StyleSpec("relevance_judging_team", "cohort", Knobs(), build)
