"""Raw document prefixes with no instruction, completed at maximum length; jumps to the new model at once."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout7.core import (
    NEW_MODEL,
    NEW_MODEL_AT,
    RESIDENTIAL_KEYS,
    T0,
    T1,
    StyleSpec,
    World,
    browser_ua,
    tokens_of,
)
from scenarios.heldout7.kit import bin6, enlist
from scenarios.heldout7.text import code_snippet, paragraph

STEMS = ("larkspur", "veldt", "quorra", "tindal", "ostrava", "pellam", "brisk", "marrow", "halden", "cobalt")
TLDS = ("io", "dev", "ai", "app", "co")


def _prefix(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.45:
        text = paragraph(rng, rng.randint(4, 14))
    elif r < 0.65:
        text = f"Re: {paragraph(rng, 1)}\n\n> {paragraph(rng, 2)}\n\n{paragraph(rng, rng.randint(2, 5))}"
    elif r < 0.85:
        text = f"# {rng.choice(('utils', 'pipeline', 'server', 'handlers'))}.py\n" + code_snippet(
            rng, "python"
        )
    else:
        text = f"== History ==\n{paragraph(rng, rng.randint(3, 8))}\n\n== Geography ==\n{paragraph(rng, 2)}"
    cut = int(len(text) * rng.uniform(0.6, 0.95))
    return text[:cut]


@dataclass(frozen=True)
class Knobs:
    share: float = 0.015
    signals: tuple[str, ...] = (
        "money:three_corporate_cards",
        "timing:moves_to_new_model_in_hours",
        "content:uninstructed_prefixes_max_length",
        "identity:lookalike_domains",
    )
    camouflage: float = 0.0
    labelled: bool = False
    actor: str = "Meridian Sixteen"
    cards: int = 3
    new_model_share: float = 0.6
    switch_after_hours: float = 6.0
    volume_mult: float = 3.0


def build(w: World, k: Knobs, cid: str, rng: random.Random) -> None:
    n = w.scaled(k.share, 10)
    cards = [w.new_instrument(rng) for _ in range(k.cards)]
    bins = [bin6(rng, "5") for _ in range(k.cards)]
    accs = []
    for i in range(n):
        dom = f"{rng.choice(STEMS)}{rng.choice(('labs', 'data', 'hq', 'works'))}.{rng.choice(TLDS)}"
        acc = w.new_account(
            rng,
            T0 - rng.randint(10, 120) * 86400,
            email_domain=dom,
            country=rng.choice(("US", "GB", "JP", "KR", "SG")),
            plan="pro",
        )
        w.pay(acc, cards[i % k.cards], "corporate_card", bins[i % k.cards], "HK", acc.created_at + 1000)
        accs.append(acc)
    for acc in accs:
        ua = browser_ua(rng)
        nreq = w.volume(rng, k.volume_mult, 0.5)
        for _ in range(nreq):
            # Night-heavy in the operator's own clock (UTC+8), from rotating residential exits.
            t = w.diurnal_ts(rng, 8.0, T0, T1, peak=(0.0, 7.0), weekend=1.0)
            ip = w.ip4(rng, rng.choice(RESIDENTIAL_KEYS))
            after = t >= NEW_MODEL_AT + k.switch_after_hours * 3600
            model = NEW_MODEL if after and rng.random() < k.new_model_share else "orion-2"
            p = _prefix(rng)
            w.req(acc, t, p, ip, model, tokens_of(p), rng.randint(1900, 2048), ua)
    enlist(w, accs, cid, k.actor if k.labelled else "", "continuation_sampler")


SPEC = StyleSpec("continuation_sampler", "campaign", Knobs(), build)
