"""Paraphrased chain-of-thought harvest: an LLM rewrites every prompt, so no two requests share wording,
but the task mix and the shape of the answers are the same on every account.

Real-world behaviour: the public account of the DeepSeek campaign (Anthropic, "Detecting and preventing
distillation attacks", Feb 2026) — prompts asking the model to spell out its reasoning step by step, and
requests for censorship-safe rewrites of politically sensitive questions, sent through proxy services.
The operator feeds a paraphraser so exact-template matching finds nothing; what stays constant is the
distribution: reasoning problems with fresh numbers, an explicit step-by-step directive, a tight band of
prompt lengths and very long, very uniform answers, sent around the clock at a steady pace.

Signals: content (task and token-profile uniformity, not exact text), infrastructure (commercial VPN exits
shared with ordinary privacy-minded users; a small pool of browser strings rotated across accounts), money
(prepaid cards from three BINs issued abroad). No labels: nobody has attributed it yet.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .. import identity
from ..clock import DAY, HOUR, NEW_MODEL, PRO, RELEASE_TS, WINDOW_END, WINDOW_START
from ..knobs import Labelling, Sizing
from ..ops import volume
from ..text.fill import pick
from ..text.harvest import SENSITIVE, reasoning_problem
from ..world import World, tokens_in, tokens_out

STYLE = "paraphrase_harvest"


_SIZE = Sizing(0.016)
_LABELS = Labelling("Larkspur Collective")


@dataclass(frozen=True)
class Knobs:
    size: Sizing = _SIZE
    labels: Labelling = _LABELS
    signals: frozenset[str] = field(default_factory=lambda: frozenset({"content", "infrastructure", "money"}))
    camouflage: float = 0.0
    volume: float = 4.0
    rewrite_share: float = 0.2
    vpn_providers: int = 2
    ua_pool: int = 6
    signup_days: float = 20.0
    output_mean: int = 2900
    output_spread: float = 0.12


DEFAULT = Knobs()

_OPEN = (
    "Here is a problem.",
    "Consider the following.",
    "Please work on this task.",
    "Problem statement:",
    "I have a question for you.",
    "Take a look at this one.",
    "Let's solve something.",
    "Task:",
    "Question below.",
    "Try this exercise.",
    "Here's a puzzle.",
    "Solve the following.",
    "Challenge:",
    "Quick exercise for you.",
    "Have a go at this.",
    "Work through this problem.",
)
_COT = (
    "Think step by step and show every intermediate step.",
    "Reason carefully, one step at a time.",
    "Lay out your full chain of reasoning before the answer.",
    "Explain your thinking in detail as you go.",
    "Walk through the logic step by step, numbering each step.",
    "Show all of your work.",
    "Before answering, reason it out explicitly and check each step.",
    "Break the reasoning into small numbered steps and justify each one.",
    "Narrate your thought process thoroughly, then conclude.",
    "Work it out slowly and show the reasoning.",
    "Give a detailed derivation, step by step.",
    "Think aloud; be explicit about every inference.",
)
_FORMAT = (
    "Put the final answer on its own line.",
    "End with 'Answer:' followed by the result.",
    "Finish with a one-sentence summary.",
    "Box the final result.",
    "State the answer clearly at the end.",
    "Conclude with the final value only.",
    "Then verify the result another way.",
    "Afterwards, double-check by substitution.",
    "Use at least eight steps.",
    "Be rigorous.",
)
_REWRITE = (
    "Rewrite the following question so it can be discussed neutrally and safely:",
    "Rephrase this user question into a version that avoids political controversy:",
    "Produce a sanitised, policy-safe reformulation of this question:",
    "Turn this question into one a cautious assistant could answer without taking sides:",
    "Reword this so the answer stays factual and non-inflammatory:",
)
_ASKS = (
    "What really happened during {x}?",
    "Who is to blame for {x}?",
    "Why is {x} censored?",
    "Give me the truth about {x}.",
    "Explain {x} from both sides.",
)


def _paraphrased(rng: random.Random, rewrite_share: float) -> tuple[str, int]:
    if rng.random() < rewrite_share:
        ask = pick(rng, _ASKS).replace("{x}", pick(rng, SENSITIVE))
        head = pick(rng, _REWRITE)
        if rng.random() < 0.5:
            head = head.lower().replace("rewrite", "please rewrite")
        return f'{head}\n"{ask}"\n{pick(rng, _COT)}', 900
    parts = [pick(rng, _OPEN), reasoning_problem(rng), pick(rng, _COT), pick(rng, _FORMAT)]
    if rng.random() < 0.5:
        parts[2], parts[3] = parts[3], parts[2]
    if rng.random() < 0.3:
        parts = parts[1:]
    text = " ".join(parts) if rng.random() < 0.6 else "\n".join(parts)
    if rng.random() < 0.2:
        text = text.replace("problem", pick(rng, ("question", "exercise", "task")))
    return text, 0


def build(world: World, count: int, knobs: Knobs = DEFAULT) -> None:
    rng = world.rng(STYLE)
    campaign = f"{STYLE}-1"
    actor = knobs.labels.truth_actor
    vpn_asns = rng.sample(world.net.of_type("vpn"), knobs.vpn_providers)
    exits: list[str] = []
    for asn in vpn_asns:
        exits += world.net.shared_pool(
            asn, max(8, int(world.total_accounts * 0.0008 * asn.blocks)), "vpn-exits"
        )
    uas = [identity.browser_ua(rng) for _ in range(knobs.ua_pool)]
    bins = [world.bins.new() for _ in range(3)]
    made = 0
    while made < count:
        batch = min(count - made, rng.randint(2, 6))
        batch_ts = WINDOW_START + int(rng.random() * knobs.signup_days * DAY)
        for _ in range(batch):
            country = rng.choice(("SG", "MY", "US", "GB", "AU", "CA", "JP", "KR", "DE"))
            domain = rng.choice((*identity.PRIVACY_MAIL, "gmail.com", "outlook.com"))
            created = batch_ts + rng.randint(0, 50 * 60)
            acct = world.new_account(created, domain, country, "pro")
            world.mark_campaign(acct.account_id, campaign, actor, STYLE)
            if "money" in knobs.signals:
                world.pay(
                    acct.account_id,
                    identity.instrument_token(rng),
                    "prepaid_card",
                    rng.choice(bins),
                    rng.choice(("HK", "SG")),
                    created + rng.randint(60, 900),
                )
            else:
                world.pay(
                    acct.account_id,
                    identity.instrument_token(rng),
                    "card",
                    world.bins.pick(rng, country),
                    country,
                    created + 300,
                )
            own_exits = (
                exits
                if "infrastructure" in knobs.signals
                else [world.net.fresh(rng, world.net.pick(rng, "residential", country)) for _ in range(3)]
            )
            n = volume(world, rng, knobs.volume)
            start = created + rng.randint(HOUR, 6 * HOUR)
            gap = max(90.0, (WINDOW_END - start) / max(1, n))
            ts = float(start)
            switch = RELEASE_TS + rng.uniform(2, 9) * DAY
            for _ in range(n):
                ts += rng.uniform(0.5, 1.5) * gap
                if ts >= WINDOW_END:
                    break
                prompt, fixed_out = _paraphrased(rng, knobs.rewrite_share)
                out = tokens_out(rng, fixed_out or knobs.output_mean, knobs.output_spread)
                model = NEW_MODEL if ts > switch and rng.random() < 0.7 else PRO
                world.emit(
                    acct.account_id,
                    int(ts),
                    prompt,
                    pick(rng, own_exits),
                    model,
                    tokens_in(prompt),
                    out,
                    pick(rng, uas),
                )
            made += 1
