"""Bulk weak-labelling: one-word classification answers at very high volume through rotating proxies."""

from __future__ import annotations

from dataclasses import dataclass

from ..base import CampaignStyle, Ctx, in_window
from ..world import START, approx_tokens, out_tokens

TASKS = (
    ("toxicity", "toxic, non-toxic"),
    ("topic", "sports, politics, technology, health, finance, entertainment, science, other"),
    ("intent", "question, complaint, praise, request, spam"),
    ("language quality", "fluent, minor errors, broken"),
    ("stance", "supports, opposes, neutral"),
    ("emotion", "joy, anger, sadness, fear, surprise, disgust, neutral"),
)
SUBJECTS = (
    "the new phone",
    "this government",
    "my landlord",
    "the referee",
    "the update",
    "the vaccine rollout",
    "their customer service",
    "the merger",
    "the final episode",
    "this app",
    "the tax plan",
    "the coach",
)
VERBS = (
    "is honestly the worst",
    "absolutely nailed it",
    "can't be trusted",
    "made my day",
    "is overrated",
    "needs to be investigated",
    "crashed again",
    "deserves a raise",
    "ruined everything",
    "is fine I guess",
)
TAILS = ("lol", "smh", "!!!", "", "#fail", "thoughts?", "never again", "10/10", "(sarcasm)", "seriously")


@dataclass(frozen=True)
class WeakLabelFarm(CampaignStyle):
    name: str = "weak_label_farm"
    share: float = 0.012
    signals: tuple[str, ...] = ("money", "infra", "content")
    camouflage: float = 0.0
    labelled: bool = False
    volume: float = 6.0
    prepaid_instruments: int = 3  # virtual cards shared by every account
    proxy_pool: int = 60  # residential-proxy exits rotated per request
    model: str = "nova-2-lite"

    def build(self, ctx: Ctx, n: int) -> list[str]:
        w, rng = ctx.w, ctx.rng
        insts = [w.instrument() for _ in range(self.prepaid_instruments)]
        blocks = [w.net.block("proxyres") for _ in range(max(1, self.proxy_pool // 20))]
        exits = [w.net.host("proxyres", blocks[i % len(blocks)]) for i in range(self.proxy_pool)]
        out: list[str] = []
        for _ in range(n):
            created = in_window(rng, 0, 30)
            c = w.country(rng)
            a = w.account(created, w.freemail(c), c, "api_payg", "", "api")
            w.pay(a, rng.choice(insts), "virtual_card", "485953", "US", created)
            lo = (created - START).total_seconds() / 86400
            life = rng.uniform(3, 12)
            for _ in range(ctx.n_requests(self.volume, 0.3)):
                t = in_window(rng, lo, min(42, lo + life))
                task, labels = rng.choice(TASKS)
                text = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(TAILS)}".strip()
                p = f'Task: {task}\nAllowed labels: {labels}\nText: "{text}"\nAnswer with the label only.'
                w.req(
                    a,
                    t,
                    p,
                    rng.choice(exits),
                    self.model,
                    approx_tokens(p),
                    out_tokens(rng, 2, 0.3, 5),
                    "python-requests/2.32.3",
                )
            out.append(a)
        return out
