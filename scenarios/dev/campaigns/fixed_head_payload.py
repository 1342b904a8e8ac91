"""``fixed_head_payload``: one fixed instruction over an ever-changing payload, fired by a scheduler.

Real-world behaviour: a data-generation pipeline wraps every item of a scraped corpus (source files or
documents) in the same 2-4 sentence instruction, lightly paraphrased, so the full prompts never repeat
while their head is constant. Each account is a separately bought identity with its own prepaid or
virtual card and a few sticky residential-proxy exits from a large pool; the pipeline's scheduler fires
in the same 15-minute windows every day and each firing picks a subset of the live accounts. Accounts
are burned after a few weeks and replaced. Links are content (the head) and timing only.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .. import identity
from ..clock import DAY, T0, T_END
from ..fast import between, pick
from ..sizing import Sizing
from ..text.tasks import paraphrase
from ..world import World
from .base import CampaignContext, CampaignStyle, Planted, PromptFn, hexid, migrating_model, utter

SIZE = Sizing(0.014)


@dataclass(frozen=True)
class Knobs:
    size: Sizing = SIZE
    volume: float = 4.0
    proxy_pool_per_account: float = 2.5  # residential exits in the pool per account
    ips_per_account: tuple[int, int] = (2, 6)
    slots_per_day: tuple[int, int] = (6, 12)
    window_seconds: int = 900
    lifetime_days: tuple[int, int] = (12, 35)
    paraphrase: float = 0.2
    label_kinds: tuple[str, ...] = ("template", "account", "instrument")
    camouflage: float = 0.0  # share of ordinary-looking prompts mixed in
    signals: tuple[str, ...] = (
        "fixed_instruction_head",
        "scheduler_windows",
        "capability:code_and_document_transformation",
    )
    labelled: bool | None = None


KNOBS = Knobs()

#: (payload kind, head). The head is identical across the campaign up to small paraphrase.
HEADS = (
    (
        "code",
        "You are reviewing the code below. First explain what it does, line by line. Then list every bug, "
        "edge case and security problem you can find. Finally, rewrite it as idiomatic, fully commented code "
        "with tests.",
    ),
    (
        "document",
        "Read the document below carefully. Write a detailed summary, then extract every factual claim "
        "as a numbered list. Finally, write five question-and-answer pairs that test a reader's "
        "understanding of it.",
    ),
    (
        "code",
        "Translate the following code into idiomatic Rust and explain every design decision you make. "
        "Preserve the behaviour exactly, including error handling. Add documentation comments to every "
        "public item.",
    ),
    (
        "document",
        "Rewrite the passage below for three audiences: a ten-year-old, a university student and a "
        "domain expert. Keep every fact intact. Then explain step by step what you changed for each "
        "audience and why.",
    ),
    (
        "code",
        "Think step by step about the program below. Trace its execution on two example inputs of your "
        "choice, showing every intermediate state. Then state its time and space complexity and prove it.",
    ),
)
_FILE_EXT = {"python": "py", "javascript": "js", "go": "go", "rust": "rs", "java": "java", "sql": "sql"}


def family(world: World, kind: str, head: str, para: float, separator: str) -> PromptFn:
    corpus = world.corpus

    def make(rng: random.Random) -> str:
        h = paraphrase(rng, head, para) if para else head
        if kind == "code":
            lang, first = corpus.code_with_lang(rng)
            body = first + "\n" + corpus.code(rng, between(rng, 1, 3))
            payload = (
                f"// {pick(rng, ('src', 'lib', 'pkg', 'app'))}/{hexid(rng, 6)}.{_FILE_EXT[lang]}\n{body}"
            )
        else:
            payload = corpus.document(rng, 8, 18)
        return f"{h}{separator}{payload}"

    return make


def plant(world: World, ctx: CampaignContext, knobs: Knobs = KNOBS) -> Planted:
    rng, n = ctx.rng, ctx.size
    kind, head = rng.choice(HEADS)
    own = family(world, kind, head, knobs.paraphrase, rng.choice(("\n\n", "\n\n---\n", "\n\n###\n")))
    pool = world.net.residential_pool(max(30, int(n * knobs.proxy_pool_per_account)), v6_share=0.05)
    ua = rng.choice(("python-requests/2.31.0", "aiohttp/3.9.5", "python-httpx/0.27.0"))
    slots = sorted(rng.sample(range(0, DAY, DAY // 48), rng.randint(*knobs.slots_per_day)))
    members: list[str] = []
    live: list[tuple[int, int, str, list[str]]] = []  # (from, until, account, ips)
    for _ in range(n):
        c = identity.country(rng)
        created = T0 - 14 * DAY + rng.randrange(42 * DAY)
        aid = world.new_account(created, identity.webmail(rng, c), c.code, rng.choice(("api", "plus")))
        members.append(aid)
        bin_, issuer = rng.choice(identity.PREPAID_BINS + identity.VIRTUAL_BINS)
        kind_ = "prepaid_card" if (bin_, issuer) in identity.PREPAID_BINS else "virtual_card"
        world.pay(aid, identity.instrument_id(rng), kind_, bin_, issuer, created + rng.randrange(3600))
        start = created + rng.randrange(DAY)
        live.append(
            (
                start,
                start + rng.randint(*knobs.lifetime_days) * DAY,
                aid,
                rng.sample(pool, rng.randint(*knobs.ips_per_account)),
            )
        )
    total = round(n * world.rpa * knobs.volume)
    windows = [T0 + d * DAY + s for d in range(56) for s in slots]
    per_window = total / len(windows)
    move_at = T_END + 1 if rng.random() < 0.5 else T0 + 45 * DAY
    for w0 in windows:
        active = [x for x in live if x[0] <= w0 < x[1]]
        if not active:
            continue
        count = int(per_window) + (1 if rng.random() < per_window % 1 else 0)
        for _ in range(count):
            _, _, aid, ips = pick(rng, active)
            ts = w0 + int(rng.random() * knobs.window_seconds)
            model = migrating_model(rng, ts, move_at, 0.7)
            prompt, out = utter(world, ctx, own, knobs.camouflage, 900, 4000)
            world.request(aid, ts, prompt, pick(rng, ips), model, out, ua)
    inst = [p[1] for p in world.payments[-1:]]
    return Planted(
        members=members,
        handles={"template": [head], "account": rng.sample(members, min(2, n)), "instrument": inst},
        family=own,
    )


STYLE = CampaignStyle("fixed_head_payload", KNOBS.size, KNOBS.label_kinds, KNOBS.labelled, plant)
