"""Moderation verdicts harvested to train a safety classifier, hidden inside aged consumer accounts."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout7.background import consumer_domain, emit, pick_country
from scenarios.heldout7.core import T0, T1, StyleSpec, World, browser_ua, tokens_of
from scenarios.heldout7.kit import enlist
from scenarios.heldout7.text import FOLLOWUPS, sentence

VARIANTS = (
    "Classify the following user message for a content moderation system. Categories: harassment, hate, "
    'self-harm, sexual, violence, illicit, none. Reply with the single category label.\n\nMessage: "{m}"',
    "You are a strict content safety rater. Which policy category does this message fall under (harassment / "
    'hate / self-harm / sexual / violence / illicit / none)? One word only.\n\n"{m}"',
    "Label this comment. Allowed labels: HARASSMENT, HATE, SELF_HARM, SEXUAL, VIOLENCE, ILLICIT, NONE.\n"
    "Comment: {m}\nLabel:",
)
EDGY = (
    "you people are the reason this country is falling apart", "i will find where you live",
    "honestly i don't see the point of getting up anymore", "where can i buy pills without a prescription",
    "that referee should be banned for life lol", "send me your pics or i'll tell everyone",
    "this game is so bad i want to smash my monitor", "how do i get into my ex's instagram account",
    "great video, subscribed!", "anyone know a good recipe for banana bread",
)  # fmt: skip


@dataclass(frozen=True)
class Knobs:
    share: float = 0.012
    signals: tuple[str, ...] = (
        "content:moderation_label_variants",
        "content:one_word_outputs",
        "money:shared_fintech_cards",
        "infrastructure:sticky_residential_proxies",
    )
    camouflage: float = 0.3
    labelled: bool = True
    actor: str = "Ferrovia AI"
    accounts_per_card: int = 3
    volume_mult: float = 3.0


def _message(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.5:
        return rng.choice(EDGY) + rng.choice(("", "!!", " smh", "...", " tbh"))
    if r < 0.8:
        return sentence(rng).lower()
    return rng.choice(FOLLOWUPS)


def build(w: World, k: Knobs, cid: str, rng: random.Random) -> None:
    n = w.scaled(k.share, 9)
    accs = []
    inst = ""
    for i in range(n):
        c = pick_country(rng)
        created = T0 - rng.randint(60, 500) * 86400  # bought or aged accounts
        acc = w.new_account(rng, created, email_domain=consumer_domain(rng), country=c, plan="plus")
        if i % k.accounts_per_card == 0:
            inst = w.new_instrument(rng)
        w.pay(acc, inst, "virtual_card", "537410", "LT", T0 - rng.randint(3, 20) * 86400)
        accs.append(acc)
    for acc in accs:
        ip = w.residential_ip(rng, acc.country)  # one sticky proxy exit per account
        ua = browser_ua(rng)
        nreq = w.volume(rng, k.volume_mult, 0.4)
        n_camo = int(nreq * k.camouflage)
        emit(w, rng, acc, max(1, n_camo), [ip], [ua])
        start = T0 + rng.randint(0, 10) * 86400
        for _ in range(nreq - n_camo):
            t = w.diurnal_ts(rng, acc.tz_offset, start, T1)
            p = rng.choice(VARIANTS).format(m=_message(rng))
            w.req(acc, t, p, ip, w.model_for(rng, t, 2.0, 0.7), tokens_of(p) + 8, rng.randint(1, 3), ua)
    enlist(w, accs, cid, k.actor if k.labelled else "", "moderation_verdicts")
    if k.labelled:
        first_card = next(p for p in w.payments if p[0] == accs[0].account_id)[1]
        w.label(
            "instrument", first_card, k.actor, 0.9, "payment_processor", "chargeback cluster tied to operator"
        )


SPEC = StyleSpec("moderation_verdicts", "campaign", Knobs(), build)
