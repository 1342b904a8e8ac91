"""``slow_drip``: many low-volume accounts harvesting rubric grading, tied by content and timing only.

Real-world behaviour: to build a reward model an operation needs graded answers, not volume per
account. It opens accounts steadily over weeks (a few a day, each with its own card, free mail and one
or two residential IPs from a huge proxy pool), and each account sends only a handful of requests:
"grade this answer against this rubric" with varied questions and candidate answers. A shared
scheduler fires at the same 15-minute windows every day. No infrastructure is shared.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .. import identity
from ..clock import DAY, HOUR, T0, T_END
from ..fast import between, pick
from ..sizing import Sizing
from ..text.tasks import hard_question, paraphrase
from ..world import World
from .base import CampaignContext, CampaignStyle, Planted, PromptFn, migrating_model, utter

CRITERIA = ("correctness", "reasoning quality", "completeness", "clarity", "conciseness", "safety", "style")


SIZE = Sizing(0.010)


@dataclass(frozen=True)
class Knobs:
    size: Sizing = SIZE
    volume: float = 0.6
    slots_per_day: tuple[int, int] = (3, 5)
    window_seconds: int = 900
    ips_per_account: tuple[int, int] = (1, 2)
    first_signup_day: int = -10
    label_kinds: tuple[str, ...] = ("template", "account")
    camouflage: float = 0.0  # share of ordinary-looking prompts mixed in
    signals: tuple[str, ...] = (
        "template_family",
        "scheduler_windows",
        "steady_signups",
        "capability:rubric_grading",
    )
    labelled: bool | None = None


KNOBS = Knobs()

TEMPLATES = (
    "You are an expert grader. Evaluate the candidate answer below against the rubric. For each criterion "
    "({criteria}) give a score from 1 to 5 and a one-sentence justification, then output a JSON object "
    "with the "
    "scores and an overall grade.\n\nQuestion: {q}\nRubric: {rubric}\nCandidate answer: {a}",
    "Grade this answer against the rubric that follows. Score each criterion 1-5, explain every score "
    "briefly, "
    'and end with JSON {{"scores": {{...}}, "overall": <1-5>}}.\nQ: {q}\nRubric: {rubric}\nAnswer: {a}',
    "Act as a strict teaching assistant. Using the rubric, grade the student response carefully. Criteria: "
    "{criteria}. Return per-criterion scores (0-10), the total, and the single most important fix.\n"
    "Prompt: {q}\nRubric: {rubric}\nResponse: {a}",
)


def family(world: World, templates: tuple[str, ...]) -> PromptFn:
    corpus = world.corpus

    def make(rng: random.Random) -> str:
        crit = rng.sample(CRITERIA, between(rng, 3, 5))
        rubric = "; ".join(f"{c} ({between(rng, 10, 40)}%)" for c in crit)
        answer = corpus.code(rng) if rng.random() < 0.25 else corpus.document(rng, 3, 7)
        text = pick(rng, templates).format(
            criteria=", ".join(crit), q=hard_question(rng), rubric=rubric, a=answer
        )
        return paraphrase(rng, text, 0.2)

    return make


def plant(world: World, ctx: CampaignContext, knobs: Knobs = KNOBS) -> Planted:
    rng, n = ctx.rng, ctx.size
    own = family(world, tuple(rng.sample(TEMPLATES, 2)))
    slots = sorted(rng.sample(range(0, DAY, DAY // 96), rng.randint(*knobs.slots_per_day)))
    first = T0 + knobs.first_signup_day * DAY
    last = T_END - 3 * DAY
    step = (last - first) / n
    members: list[str] = []
    ua = rng.choice(("python-requests/2.32.3", "python-httpx/0.27.0"))
    move_at = T_END + 1 if rng.random() < 0.5 else T0 + 44 * DAY
    net = world.net
    for i in range(n):
        c = identity.country(rng)
        created = int(first + i * step + rng.uniform(0, step))
        aid = world.new_account(
            created, identity.webmail(rng, c), c.code, rng.choice(("free", "plus", "api"))
        )
        members.append(aid)
        kind, bin_ = identity.ordinary_instrument(rng, c.code)
        world.pay(aid, identity.instrument_id(rng), kind, bin_, c.code, created + rng.randrange(HOUR))
        ips = net.residential_pool(rng.randint(*knobs.ips_per_account), v6_share=0.1)
        k = max(2, round(world.rpa * knobs.volume * rng.uniform(0.6, 1.5)))
        start_day = (max(created, T0) - T0) // DAY
        for _ in range(k):
            day = between(rng, start_day, 55)
            ts = T0 + day * DAY + pick(rng, slots) + int(rng.random() * knobs.window_seconds)
            if ts < created or ts >= T_END:
                ts = min(T_END - 1, max(created + HOUR, T0 + (start_day + 1) * DAY + slots[0]))
            model = migrating_model(rng, ts, move_at, 0.6)
            prompt, out = utter(world, ctx, own, knobs.camouflage, 250, 900)
            world.request(aid, ts, prompt, pick(rng, ips), model, out, ua)
    return Planted(
        members=members,
        handles={"template": [ctx.sample], "account": rng.sample(members, min(2, n))},
        family=own,
    )


STYLE = CampaignStyle("slow_drip", KNOBS.size, KNOBS.label_kinds, KNOBS.labelled, plant)
