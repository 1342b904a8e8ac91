"""A few high-volume API accounts fire same-second bursts of short labelling prompts on one card."""

from __future__ import annotations

from dataclasses import dataclass

from .._core import T0, T_END, Rng, Style, World, instrument, org_id, pick
from .._text import SNIPPETS

NAME = "batch_dump"
ITEMS = [
    "Battery died after two days, support never answered.",
    "Exactly as described, fast shipping!",
    "The fabric is nice but the sizing runs small.",
    "Stopped working after the firmware update.",
    "Great value, though the manual is confusing.",
    "Arrived broken, replacement was fine.",
    "I use it every day, no complaints.",
    "Smells strongly of plastic, returned it.",
]
TASKS = [
    (
        "Classify the sentiment of the review as positive, negative or mixed. Answer with one word.",
        "classify",
    ),
    ("Rate the helpfulness of this review from 1 to 10. Reply with the number only.", "classify"),
    (
        "Assign the text to one category: billing, shipping, quality, usability, other. Return JSON "
        '{"category": ...}.',
        "label",
    ),
    ("Is the following statement toxic? Answer yes or no, then one short reason.", "label"),
]


@dataclass(frozen=True)
class Knobs:
    share: float = 0.005
    actor: str = "Glasswing"
    labelled: bool = True
    signals: tuple[str, ...] = ("money_shared_instrument", "timing_bursts", "content", "hosting")
    camouflage: float = 0.0
    burst_size: tuple[int, int] = (40, 160)
    burst_every_hours: int = 6
    volume: float = 20.0


def build(w: World, ids: list[str], k: Knobs, rng: Rng, cid: str) -> None:
    inst = instrument(rng)
    net = w.net(rng, "hosting", "US")
    orgs = [org_id(rng) for _ in range(3)]
    for j, aid in enumerate(ids):
        c = T0 - int(rng.integers(30, 90)) * 86400
        w.account(
            aid,
            c,
            pick(rng, ["gmail.com", "outlook.com", "yandex.ru"]),
            pick(rng, ["US", "KZ", "AE"]),
            "api",
            orgs[j % 3],
        )
        w.pay(aid, inst, "card", "537410", "AE", c)
        ip = w.ip(rng, net, v6=True)
        ua = "python-requests/2.32.3"
        budget = w.volume(rng, k.volume, 0.3)
        offset = int(rng.integers(0, 3600))
        task, kind = pick(rng, TASKS)
        while budget > 0:
            slot = int(rng.integers(0, (T_END - T0) // (k.burst_every_hours * 3600)))
            t = T0 + slot * k.burst_every_hours * 3600 + offset
            size = min(budget, int(rng.integers(*k.burst_size)))
            budget -= size
            for n in range(size):
                item = pick(rng, ITEMS) if rng.random() < 0.7 else pick(rng, SNIPPETS)
                prompt = f"{task}\n\nText #{slot * 1000 + n}: {item}"
                w.req(aid, t + int(rng.integers(0, 3)), prompt, ip, "atlas-2.5-mini", kind, ua)
    if k.labelled:
        w.label(
            "instrument",
            inst,
            k.actor,
            0.95,
            "payments-risk",
            "chargeback cluster; one card on many API keys",
        )


STYLE = Style(NAME, "campaign", Knobs(), build)
