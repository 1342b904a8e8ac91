"""``dense_infra``: a fake start-up harvesting agentic-coding traces from a dense, shared fleet.

Real-world behaviour: an operation registers as a company (own organisation, own e-mail domain, a
start-up programme sign-up), buys a handful of corporate cards that each pay for ~100 accounts, and runs
its agent fleet from ~8 rented servers in one /24 of a small hosting provider, every account rotating
through every server. Accounts are created in a few bursts. Prompts are long-horizon agentic coding tasks
with job numbers, commit hashes and step budgets filled in, sent around the clock; the fleet moves to the
new model a day or few after release. Strong money, identity and infrastructure signals; the content
family is near-duplicate rather than exact.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .. import identity
from ..clock import DAY, HOUR, RELEASE, T0, T_END, cumulative, session_start
from ..fast import between, pick
from ..network import HOSTING_SMALL
from ..sizing import Sizing
from ..text.ordinary import voice
from ..text.tasks import COMPONENTS, ENGINEERING_GOALS, paraphrase
from ..text.words import LANGS
from ..world import World
from .base import CampaignContext, CampaignStyle, Planted, PromptFn, camouflage, hexid, migrating_model

SIZE = Sizing(0.016)


@dataclass(frozen=True)
class Knobs:
    size: Sizing = SIZE
    accounts_per_card: int = 100
    hosting_ips: int = 8
    volume: float = 4.0  # requests per account, as a multiple of requests_per_account
    camouflage: float = 0.04
    families: int = 3  # how many agentic templates of the bank this operation uses
    creation_bursts: tuple[int, int] = (2, 4)
    migrate_after_hours: tuple[int, int] = (18, 90)
    migrate_share: float = 0.6
    label_kinds: tuple[str, ...] = ("instrument", "email_domain", "ip", "asn", "account", "template")
    signals: tuple[str, ...] = (
        "organisation",
        "email_domain",
        "shared_instruments",
        "hosting_slash24",
        "creation_bursts",
        "template_family",
        "capability:agentic_coding",
    )
    labelled: bool | None = None


KNOBS = Knobs()

TEMPLATES = (
    "[job {job}] You are an autonomous coding agent working in repository {repo} at commit {sha}. Goal: "
    "{goal}. "
    "You may take up to {steps} steps. At every step output THOUGHT, ACTION (read_file | edit_file | "
    "run_tests | "
    "grep | shell) and the expected OBSERVATION, then continue until all tests in {component}/ pass. Keep "
    "coverage "
    "above {cov}% and finish with a unified diff and a summary of every decision.",
    'TASK-{n}: Act as a senior engineer agent on the {lang} codebase {repo}. Break the goal "{goal}" into '
    "milestones, then execute them one by one: plan, call tools, inspect results, fix failures, and "
    "repeat. Log "
    "every tool call as JSON. Stop only when CI is green (max {steps} iterations). Component: {component}. "
    "Ticket ref ENG-{ticket}.",
    "Long-horizon task #{n} (episode {ep}/{eps}). Environment: {lang} monorepo, service `{component}`, "
    "{files} "
    "files. Objective: {goal}. Produce a full trajectory: for each of up to {steps} turns give the "
    "reasoning, the "
    "exact shell command or file edit, the simulated output, and a self-check. End with FINAL_PATCH.",
    "You are operating as a software agent with tools [bash, editor, test_runner, browser]. Repository: "
    "{repo} "
    "({lang}). Issue #{n}: {goal}. Reproduce the issue, write a failing test, implement the fix, run the "
    "full "
    "suite, and report. Budget: {steps} tool calls. Run id {job}.",
    "Agentic coding drill {job}: starting from an empty {lang} project, {goal}. Work autonomously for up to "
    "{steps} steps; after each step write STATE, NEXT_ACTION and RISKS. Use seed {ticket} and include every "
    "intermediate file in full.",
)


def family(slug: str, templates: tuple[str, ...]) -> PromptFn:
    def make(rng: random.Random) -> str:
        comp = pick(rng, COMPONENTS)
        ep = between(rng, 1, 40)
        text = pick(rng, templates).format(
            job=hexid(rng, 8),
            repo=f"{slug}/{comp}-{between(rng, 1, 60)}",
            sha=hexid(rng, 7),
            goal=pick(rng, ENGINEERING_GOALS),
            steps=between(rng, 20, 250),
            component=comp,
            cov=between(rng, 70, 95),
            n=between(rng, 1000, 99999),
            lang=pick(rng, LANGS),
            ticket=between(rng, 100, 9999),
            ep=ep,
            eps=ep + between(rng, 0, 60),
            files=between(rng, 40, 4000),
        )
        return paraphrase(rng, text, 0.15)

    return make


def plant(world: World, ctx: CampaignContext, knobs: Knobs = KNOBS) -> Planted:
    rng, n = ctx.rng, ctx.size
    slug, domain = identity.company(rng)
    domain = f"{slug}.{rng.choice(('ai', 'io', 'dev', 'tech'))}"
    org_id = f"org_{hexid(rng, 10)}"
    country = rng.choice(("SG", "HK", "AE", "US", "GB", "MY"))
    tz = {"SG": 8, "HK": 8, "AE": 4, "US": -8, "GB": 0, "MY": 8}[country]
    asn = rng.choice(HOSTING_SMALL)
    ips = world.net.block_ips(asn, knobs.hosting_ips)
    n_cards = max(1, round(n / knobs.accounts_per_card))
    card_bin = identity.card_bin(rng, "US")
    cards = [identity.instrument_id(rng) for _ in range(n_cards)]
    card_kind = rng.choice(("card", "virtual_card"))
    uas = [rng.choice(identity.SDK_UAS), f"agent-runner/0.{rng.randint(3, 12)}.{rng.randint(0, 9)}"]
    own = family(slug, tuple(rng.sample(TEMPLATES, knobs.families)))

    bursts = sorted(
        T0 - rng.randint(5, 45) * DAY + rng.randint(0, 23) * HOUR
        for _ in range(rng.randint(*knobs.creation_bursts))
    )
    hours = cumulative(tuple(1.6 if 9 <= h <= 21 else 1.0 for h in range(24)))
    move_at = RELEASE + rng.randint(*knobs.migrate_after_hours) * HOUR
    members: list[str] = []
    births: list[int] = []
    for i in range(n):
        created = rng.choice(bursts) + rng.randrange(20 * HOUR)
        aid = world.new_account(created, domain, country, "team", org_id=org_id, channel="startup")
        members.append(aid)
        births.append(created)
        world.pay(aid, cards[i % n_cards], card_kind, card_bin, "US", created + rng.randrange(HOUR))
    for aid, created in zip(members, births, strict=True):
        lo = max(T0, created)
        k = max(1, round(world.rpa * knobs.volume * rng.lognormvariate(-0.03, 0.25)))
        v = voice(rng, "US", 0.0)
        ua = rng.choice(uas)
        for _ in range(k):
            ts = session_start(rng, lo, T_END, hours, tz)
            if rng.random() < knobs.camouflage:
                prompt, out = camouflage(world, rng, v), between(rng, 80, 900)
            else:
                prompt, out = ctx.prompt(own), between(rng, 1500, 8000)
            model = migrating_model(rng, ts, move_at, knobs.migrate_share)
            world.request(aid, ts, prompt, pick(rng, ips), model, out, ua)
    return Planted(
        members=members,
        handles={
            "instrument": cards[:1],
            "email_domain": [domain],
            "ip": ips[:1],
            "asn": [str(asn.number)],
            "account": rng.sample(members, min(2, n)),
            "template": [ctx.sample],
        },
        family=own,
    )


STYLE = CampaignStyle("dense_infra", KNOBS.size, KNOBS.label_kinds, KNOBS.labelled, plant)
