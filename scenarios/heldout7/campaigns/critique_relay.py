"""Draft-then-critique pipeline over two account pools: drafters ask, critics rewrite seconds later."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout7.background import consumer_domain
from scenarios.heldout7.core import T0, T1, Account, StyleSpec, World, tokens_of
from scenarios.heldout7.kit import bin6, enlist
from scenarios.heldout7.text import CONCEPTS, THINGS, paragraph

QUESTIONS = (
    "Explain {c} to a new employee in under 200 words.",
    "What are the strongest arguments for and against {c}?",
    "Write a short guide to {t}.",
    "Summarise the key ideas of {c} and give one real-world example.",
    "What mistakes do beginners make when learning about {c}?",
)
CRITIC = (
    "Below is a question and a draft answer written by an AI assistant. Critique the draft for accuracy, "
    "completeness, tone and harmlessness, listing each problem, then write an improved final answer.\n\n"
    "Question: {q}\n\nDraft answer:\n{d}"
)


@dataclass(frozen=True)
class Knobs:
    share: float = 0.012
    signals: tuple[str, ...] = (
        "timing:cross_account_follow_up_seconds",
        "content:question_reused_across_accounts",
        "content:critique_template",
        "infrastructure:two_hosting_pools",
        "money:org_shared_card",
    )
    camouflage: float = 0.0
    labelled: bool = True
    actor: str = "Hollow Pine Analytics"
    critic_share: float = 0.4
    delay_s: tuple[int, int] = (8, 90)
    volume_mult: float = 2.5


def build(w: World, k: Knobs, cid: str, rng: random.Random) -> None:
    n = w.scaled(k.share, 10)
    n_crit = max(3, int(n * k.critic_share))
    orgs = [w.new_org(rng), w.new_org(rng)]
    cards = [w.new_instrument(rng), w.new_instrument(rng)]
    drafters: list[Account] = []
    critics: list[Account] = []
    for i in range(n):
        role = 1 if i < n_crit else 0
        acc = w.new_account(
            rng,
            T0 - rng.randint(3, 25) * 86400,
            email_domain=consumer_domain(rng),
            country=rng.choice(("US", "CA", "GB")),
            plan="team",
            org_id=orgs[role],
            signup_channel="invite",
        )
        w.pay(acc, cards[role], "card", bin6(rng, "4"), "US", acc.created_at + 200)
        (critics if role else drafters).append(acc)
    d_ips = [w.ip4(rng, "linode") for _ in range(max(2, len(drafters) // 3))]
    c_ips = [w.ip4(rng, "ovh") for _ in range(max(2, len(critics) // 3))]
    pairs = int(n * w.rpa * k.volume_mult / 2)
    for _ in range(pairs):
        a = rng.choice(drafters)
        b = rng.choice(critics)
        t = rng.uniform(max(T0, a.created_at), T1 - 600)
        q = rng.choice(QUESTIONS).format(c=rng.choice(CONCEPTS), t=rng.choice(THINGS))
        out = rng.randint(180, 450)
        w.req(a, t, q, rng.choice(d_ips), "orion-2", tokens_of(q) + 5, out, "orion-python/1.41.0")
        draft = paragraph(rng, max(2, out // 45))
        p = CRITIC.format(q=q, d=draft)
        w.req(
            b,
            t + rng.randint(*k.delay_s),
            p,
            rng.choice(c_ips),
            "orion-2-pro",
            tokens_of(p) + 10,
            rng.randint(500, 1100),
            "orion-python/1.41.0",
        )
    enlist(w, drafters + critics, cid, k.actor if k.labelled else "", "critique_relay")
    if k.labelled:
        w.label(
            "account", critics[0].account_id, k.actor, 0.85, "internal_investigation", "critic node confirmed"
        )


SPEC = StyleSpec("critique_relay", "campaign", Knobs(), build)
