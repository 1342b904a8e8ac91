# ruff: noqa: E501 -- prompt templates and data tables read better unwrapped.
"""Reward-model data: pairwise rubric grading from a SIM farm hidden behind a carrier's NAT.

Modems in one country surface on the carrier's shared CGNAT addresses, the same ones thousands of honest
phone users appear on. Shared: grading rubric scaffolds, a handful of local cards (one per few accounts).
Hidden: infrastructure (carrier NAT), timing (follows the local waking day), slow trickle of sign-ups.
"""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.heldout2 import infra, text
from scenarios.heldout2.common import Ctx, sessions, signup_before
from scenarios.heldout2.world import DAY, Label, lognormal_int, model_for


@dataclass(frozen=True)
class Knobs:
    carrier_asn: int = 55836
    country: str = "IN"
    accounts_per_card: int = 3
    volume_multiplier: float = 3.0
    app_ua_share: float = 0.45


_RUBRICS = (
    "You are grading responses for quality.\n\nQuestion: {q}\n\nResponse A:\n{a}\n\nResponse B:\n{b}\n\nScore each response from 1 to 10 on correctness, helpfulness and harmlessness, then say which is better and why. Output JSON with keys score_a, score_b, preferred, rationale.",
    "Compare the two answers to the user's question using this rubric: accuracy (0-4), completeness (0-3), clarity (0-3).\nQuestion: {q}\n[Answer 1] {a}\n[Answer 2] {b}\nGive per-criterion scores for both, a total, and a short justification.",
    "Act as an impartial judge. Evaluate which assistant response better follows the user's instruction.\n### Instruction\n{q}\n### Response A\n{a}\n### Response B\n{b}\n### Verdict\nExplain your reasoning step by step, then output [[A]], [[B]] or [[tie]].",
    "Here is a prompt and a model answer. Grade the answer from 1-5 against the reference criteria and list every mistake.\nPrompt: {q}\nAnswer: {a}\nReference notes: {b}",
)


def build(ctx: Ctx, k: Knobs = Knobs()) -> None:
    rng, world, shared = ctx.rng, ctx.world, ctx.shared
    carrier = infra.asn(k.carrier_asn, "mobile")
    pool = shared.cgnat.get(carrier.asn) or infra.CgnatPool(world, rng, carrier, 16)
    tz = infra.TZ.get(k.country, 0)
    cards = []
    for _ in range(max(1, ctx.n // k.accounts_per_card)):
        if rng.random() < 0.3:
            cards.append(world.new_instrument(rng, "upi", "", k.country))
        else:
            b, c = infra.bank_bin(rng, k.country)
            cards.append(world.new_instrument(rng, "debit_card", b, c))
    lags = {"orion-3": 1.5 * DAY, "orion-3.1": 1.5 * DAY, "orion-3-mini": float("inf")}
    app_ua = infra.mobile_ua(rng)
    script_ua = infra.sdk_ua(rng)
    for i in range(ctx.n):
        created = signup_before(rng, 70, 0) + (rng.randrange(25 * DAY) if rng.random() < 0.4 else 0)
        acc = world.add_account(
            rng,
            created_at=created,
            email_domain=text.pick(
                rng, ("gmail.com", "gmail.com", "gmail.com", "outlook.com", "yahoo.com", "rediffmail.com")
            ),
            country=k.country,
            plan="plus",
            signup_channel=rng.choice(("mobile_app", "mobile_app", "web")),
        )
        ctx.mark(acc)
        world.pay(acc, cards[i % len(cards)], created + rng.randrange(DAY))
        ua = app_ua if rng.random() < k.app_ua_share else script_ua
        n_req = lognormal_int(rng, ctx.volume * k.volume_multiplier, 0.5)
        # A modem keeps its NAT mapping for a while, so each account cycles through a few of the carrier's exits.
        exits = [pool.pick(rng) for _ in range(rng.randrange(2, 7))]
        if rng.random() < 0.3:
            exits.append(infra.new_ip(world, rng, carrier, v6=True))
        for ts in sessions(rng, n_req, first=created, tz=tz, profile="home", per_session=5, gap=(40, 240)):
            q = (
                text.math_question(rng)
                if rng.random() < 0.3
                else text.ordinary_prompt(rng, rng.choice(("work", "dev", "casual")))
            )
            prompt = rng.choice(_RUBRICS).format(q=q, a=text.short_answer(rng), b=text.short_answer(rng))
            ip = rng.choice(exits)
            world.request(acc, ts, prompt, ip, model_for(ts, "large", lags), lognormal_int(rng, 520, 0.4), ua)
    world.labels.append(
        Label(
            "template",
            _RUBRICS[2].split("\n")[0],
            ctx.actor,
            0.45,
            "partner:industry-share",
            "judge prompt seen in preference-data harvesting elsewhere",
        )
    )
    world.labels.append(
        Label(
            "instrument",
            cards[0].instrument_id,
            ctx.actor,
            0.6,
            "partner:fraud-consortium",
            "card reused across a SIM-farm account cluster",
        )
    )
