"""A trust-and-safety outsourcing floor pre-screening comments around the clock with one shared prompt."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout7.background import emit, past_created
from scenarios.heldout7.core import StyleSpec, World, browser_ua, tokens_of
from scenarios.heldout7.kit import enrol
from scenarios.heldout7.text import sentence

COMMENTS = (
    "this product broke after two days, total scam", "u r so dumb lmao", "DM me for cheap followers",
    "my condolences to the family", "go back to where you came from", "the mods here are clowns",
    "check out my onlyfans link in bio", "i hope your house burns down", "best pizza in town honestly",
)  # fmt: skip
PROMPT = (
    "Does this comment violate our community guidelines? Answer YES or NO, then cite the policy section "
    "(H1 harassment, H2 hate, S1 spam, A1 adult, V1 violence).\n\nComment: {c}"
)


@dataclass(frozen=True)
class Knobs:
    share: float = 0.008
    resembles: tuple[str, ...] = ("moderation_verdicts",)
    shared_signals: tuple[str, ...] = (
        "content:shared_moderation_template",
        "content:short_outputs",
        "infrastructure:office_nat",
        "timing:24x7_shifts",
    )
    template_share: float = 0.75
    volume_mult: float = 4.0


def build(w: World, k: Knobs, name: str, rng: random.Random) -> None:
    n = w.scaled(k.share, 8)
    org = w.new_org(rng)
    blk = w.block24(rng, "globe_biz")
    nat = [w.ip4(rng, "globe_biz", blk) for _ in range(2)]
    accs = []
    inst = ""
    for i in range(n):
        acc = w.new_account(
            rng,
            past_created(rng, 0.1),
            email_domain="clearpath-bpo.ph",
            country="PH",
            plan="enterprise",
            org_id=org,
            signup_channel="sso",
        )
        if i == 0:
            inst = w.new_instrument(rng)
        w.pay(acc, inst, "invoice", "", "PH", acc.created_at + 3600)
        accs.append(acc)

    def screen(r: random.Random) -> tuple[str, int, int]:
        c = r.choice(COMMENTS) if r.random() < 0.6 else sentence(r).lower()
        p = PROMPT.format(c=c)
        return p, tokens_of(p), r.randint(3, 25)

    for i, acc in enumerate(accs):
        shift = ((6.0, 14.0), (14.0, 22.0), (22.0, 30.0))[i % 3]
        peak = (shift[0], min(shift[1], 24.0))
        ua = browser_ua(rng)
        nreq = w.volume(rng, k.volume_mult, 0.4)
        nt = int(nreq * k.template_share)
        emit(w, rng, acc, nt, nat, [ua], prompt_fn=screen, peak=peak, weekend=0.9)
        emit(w, rng, acc, max(1, nreq - nt), nat, [ua], peak=peak, weekend=0.9)
    enrol(w, accs, "moderation_vendor")


SPEC = StyleSpec("moderation_vendor", "cohort", Knobs(), build)
