"""Capability sweep: one actor runs a separate cell per capability, one after another, each registered as
its own "start-up" through the start-up credits programme with its own infrastructure.

Real-world behaviour: the Moonshot campaign as publicly described (Anthropic, "Detecting and preventing
distillation attacks", 2026) — hundreds of accounts across several access pathways targeting agentic
reasoning, tool use, coding and computer vision, moving from one capability to the next. The cells share
little: look-alike custom e-mail domains registered by the same people, corporate virtual cards from one
fintech BIN, the start-up sign-up channel. Everything else (network, clients, schedule, prompts) differs.

One campaign per cell (campaign_id `capability_sweep-<capability>`), one actor. Labels reach every cell but
through different entity kinds: a partner-shared e-mail domain for the first, an exact prompt for the
second, two accounts from an internal investigation for the third.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .. import identity
from ..clock import DAY, HOUR, NEW_MODEL, PRO, RELEASE_TS, WINDOW_END, WINDOW_START
from ..knobs import Labelling, Sizing
from ..network import Asn
from ..ops import volume
from ..text.fill import pick
from ..text.harvest import V, tool_use_prompt
from ..world import World, tokens_in, tokens_out

STYLE = "capability_sweep"


@dataclass(frozen=True)
class Cell:
    capability: str
    start_day: float
    end_day: float
    network: str  # hosting, residential_proxy or vpn
    label_entity: str  # email_domain, template, account or "" for none
    domain: str


_SIZE = Sizing(0.018, 45)
_LABELS = Labelling("Quillmark Labs", ("email_domain", "template", "account"), 0.85, "partner_share")


@dataclass(frozen=True)
class Knobs:
    size: Sizing = _SIZE
    labels: Labelling = _LABELS
    signals: frozenset[str] = field(default_factory=lambda: frozenset({"money", "identity", "content"}))
    camouflage: float = 0.0
    volume: float = 3.2
    cells: tuple[Cell, ...] = (
        Cell("tool_use", 1, 24, "hosting", "email_domain", "quillmark-ai.dev"),
        Cell("vision_caption", 18, 40, "residential_proxy", "template", "quilmark-labs.io"),
        Cell("long_context_qa", 34, 56, "vpn", "account", "qmark-research.com"),
    )
    min_per_cell: int = 15


DEFAULT = Knobs()

VISION_HEADER = (
    "Describe this image exhaustively: every object, its position, colours, any visible text (transcribe it "
    "exactly), and the most likely context. Then answer the question."
)
_SCENES = (
    "street",
    "kitchen",
    "invoice",
    "chart",
    "whiteboard",
    "receipt",
    "xray",
    "dashboard",
    "menu",
    "map",
    "screenshot",
    "diagram",
    "handwriting",
    "product",
    "form",
    "slide",
)
_QUESTIONS = (
    "What is the total amount?",
    "What time is shown?",
    "Which item is the most expensive?",
    "What is the trend in the chart?",
    "What error is displayed?",
    "How many people are visible?",
    "What does the sign say?",
    "Which step comes after the second box?",
)
_DOCS = (
    "master services agreement",
    "clinical study protocol",
    "annual report",
    "API reference",
    "insurance policy",
    "court ruling",
    "technical standard",
    "merger prospectus",
    "research thesis",
)


def _vision(rng: random.Random) -> str:
    image = f'<image src="{pick(rng, _SCENES)}_{rng.randrange(10**6):06d}.jpg"/>'
    return f"{image}\n{VISION_HEADER}\nQuestion: {pick(rng, _QUESTIONS)}"


def _long_context(rng: random.Random) -> tuple[str, int]:
    doc = pick(rng, _DOCS)
    pages = rng.randint(30, 220)
    task = pick(
        rng,
        (
            "List every obligation of each party with section references.",
            "Answer: which clauses conflict with each other, and why?",
            "Summarise each chapter in five bullet points, then give an overall assessment.",
            f"Extract all dates, amounts and named entities related to {pick(rng, V['domain'])}.",
            "Write 20 question-answer pairs that test understanding of this document, with answers quoted.",
        ),
    )
    return (
        f"[attached: {doc.replace(' ', '_')}_{rng.randrange(10**5):05d}.pdf, {pages} pages]\n{task}",
        pages * 600,
    )


def _prompt(rng: random.Random, capability: str) -> tuple[str, int, int]:
    """prompt, extra (attached) input tokens, mean output tokens."""
    if capability == "tool_use":
        return tool_use_prompt(rng), 0, 1300
    if capability == "vision_caption":
        return _vision(rng), 1100, 900
    text, attached = _long_context(rng)
    return text, attached, 2200


def _addresses(world: World, rng: random.Random, network: str, count: int) -> list[list[str]]:
    """Per-account address lists for a cell."""
    if network == "hosting":
        asns: list[Asn] = [world.net.by_number[20473], world.net.by_number[51167]]
        blocks = [(world.net.block24(rng, a), a) for a in asns for _ in range(2)]
        out = []
        for _ in range(count):
            prefix, asn = pick(rng, blocks)
            out.append(
                [world.net.in_block(prefix, rng.randrange(2, 255), asn) for _ in range(rng.randint(1, 2))]
            )
        return out
    if network == "residential_proxy":
        out = []
        for _ in range(count):
            ips = []
            for _ in range(rng.randint(8, 20)):
                asn = world.net.pick(rng, "residential", pick(rng, ("US", "GB", "CA", "DE", "FR", "JP")))
                ips.append(world.net.fresh(rng, asn, "proxy" if rng.random() < 0.3 else None))
            out.append(ips)
        return out
    pool: list[str] = []
    for asn in world.net.of_type("vpn")[:3]:
        pool += world.net.shared_pool(
            asn, max(8, int(world.total_accounts * 0.0008 * asn.blocks)), "vpn-exits"
        )
    return [rng.sample(pool, 3) for _ in range(count)]


def build(world: World, count: int, knobs: Knobs = DEFAULT) -> None:
    rng = world.rng(STYLE)
    labels = knobs.labels
    shared_bin = world.bins.new()
    per_cell = [max(knobs.min_per_cell, count // len(knobs.cells)) for _ in knobs.cells]
    per_cell[-1] = max(knobs.min_per_cell, count - sum(per_cell[:-1]))
    for cell, size in zip(knobs.cells, per_cell, strict=True):
        campaign = f"{STYLE}-{cell.capability}"
        labelled = bool(cell.label_entity) and cell.label_entity in labels.entities
        actor = labels.actor if labelled else ""
        org = world.new_org_id(rng)
        sdk = pick(rng, identity.SDKS)
        start = WINDOW_START + int(cell.start_day * DAY)
        end = min(WINDOW_END, WINDOW_START + int(cell.end_day * DAY))
        addresses = _addresses(world, rng, cell.network, size)
        domain = cell.domain if "identity" in knobs.signals else ""
        members = []
        template_text = ""
        for ips in addresses:
            created = start - rng.randint(2 * HOUR, 2 * DAY)
            country = pick(rng, ("US", "SG", "GB", "CA"))
            acct = world.new_account(
                created,
                domain or identity.webmail(rng, country),
                country,
                "team",
                org_id=org,
                signup_channel="startup",
            )
            members.append(acct)
            world.mark_campaign(acct.account_id, campaign, actor, STYLE)
            bin_ = shared_bin if "money" in knobs.signals else world.bins.pick(rng, country)
            world.pay(
                acct.account_id,
                identity.instrument_token(rng),
                "virtual_card",
                bin_,
                "US",
                created + rng.randint(300, 4 * HOUR),
            )
            n = volume(world, rng, knobs.volume * 56 / max(1.0, cell.end_day - cell.start_day) * 0.5)
            for _ in range(n):
                ts = rng.randrange(max(start, created + HOUR), end)
                prompt, attached, mean_out = _prompt(rng, cell.capability)
                if not template_text and cell.capability == "vision_caption":
                    template_text = prompt
                model = NEW_MODEL if ts > RELEASE_TS + DAY and rng.random() < 0.5 else PRO
                world.emit(
                    acct.account_id,
                    ts,
                    prompt,
                    pick(rng, ips),
                    model,
                    tokens_in(prompt, attached),
                    tokens_out(rng, mean_out, 0.3),
                    sdk,
                )
        if not labelled:
            continue
        if cell.label_entity == "email_domain" and domain:
            world.label(
                "email_domain",
                domain,
                labels.actor,
                labels.confidence,
                labels.source,
                "domain registered by the actor's known registrant e-mail",
            )
        elif cell.label_entity == "template" and template_text:
            world.label(
                "template",
                template_text,
                labels.actor,
                0.7,
                "industry_sharing",
                "prompt shared by another provider after their own takedown",
            )
        elif cell.label_entity == "account":
            for acct in rng.sample(members, 2):
                world.label(
                    "account",
                    acct.account_id,
                    labels.actor,
                    0.9,
                    "internal_investigation",
                    "investigator linked this account to the actor's earlier cells",
                )
