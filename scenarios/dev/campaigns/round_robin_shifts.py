"""``round_robin_shifts``: a load balancer spreading chain-of-thought harvesting across account shifts.

Real-world behaviour: to stay under per-account rate limits an operation puts a load balancer in front
of several *shifts* of accounts. Each shift was bought as one batch, has its own proxy pool (datacenter,
VPN, residential or mobile proxies), its own few shared cards and its own hours of duty; inside a shift
the balancer hands requests to accounts in strict rotation at a steady cadence, so every account's
requests interleave evenly with its shift-mates'. All shifts send the same chain-of-thought elicitation
families over freshly generated problems. The shifts look unrelated by infrastructure; content and the
complementary duty hours tie them together.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .. import identity
from ..clock import DAY, HOUR, T0, T_END
from ..fast import pick
from ..network import HOSTING_SMALL, MOBILE, RESIDENTIAL, VPN
from ..sizing import Sizing
from ..text.tasks import hard_question, math_problem, paraphrase
from ..world import World
from .base import CampaignContext, CampaignStyle, Planted, PromptFn, migrating_model, utter

SIZE = Sizing(0.015)


@dataclass(frozen=True)
class Knobs:
    size: Sizing = SIZE
    shifts: tuple[int, int] = (3, 4)
    volume: float = 5.0
    cards_per_shift: tuple[int, int] = (2, 5)
    proxies_per_shift: tuple[int, int] = (8, 20)
    cadence_jitter: float = 0.15  # relative jitter of the balancer's tick
    label_kinds: tuple[str, ...] = ("ip", "instrument", "template", "account")
    camouflage: float = 0.0  # share of ordinary-looking prompts mixed in
    signals: tuple[str, ...] = (
        "shift_cards",
        "shift_proxy_pools",
        "round_robin_cadence",
        "complementary_hours",
        "template_family",
        "capability:chain_of_thought",
    )
    labelled: bool | None = None


KNOBS = Knobs()

TEMPLATES = (
    "Solve the following problem. Think step by step and show every intermediate step of your reasoning "
    "before "
    "stating the final answer.\n\nProblem: {p}",
    "Let's reason carefully. Break the problem below into sub-problems, solve each one explicitly, "
    "double-check "
    "each step, and only then give the final answer on its own line.\n\n{p}",
    "Question: {p}\nAnswer with a detailed chain of thought: enumerate your assumptions, derive the result "
    "step by "
    "step, verify it, and finish with 'Final answer:'.",
    "{p}\n\nBefore answering, think out loud. Write down every step of your reasoning, including checks of "
    "intermediate results. Then explain the final answer in one sentence.",
)


def family(templates: tuple[str, ...]) -> PromptFn:
    def make(rng: random.Random) -> str:
        p = math_problem(rng) if rng.random() < 0.6 else hard_question(rng)
        return paraphrase(rng, pick(rng, templates).format(p=p), 0.25)

    return make


def _pool(world: World, rng: random.Random, kind: str, size: int) -> list[str]:
    net = world.net
    if kind == "hosting":
        return net.block_ips(rng.choice(HOSTING_SMALL), size)
    if kind == "vpn":
        asn = rng.choice(VPN)
        return [net.ip(asn) for _ in range(size)]
    if kind == "mobile":
        return [net.ip(rng.choice(MOBILE), kind="mobile") for _ in range(size)]
    return [net.ip(rng.choice(RESIDENTIAL)) for _ in range(size)]


def plant(world: World, ctx: CampaignContext, knobs: Knobs = KNOBS) -> Planted:
    rng, n = ctx.rng, ctx.size
    own = family(tuple(rng.sample(TEMPLATES, rng.randint(2, 3))))
    s = min(rng.randint(*knobs.shifts), max(1, n // 5))
    duty = 24 // s
    offset = rng.randrange(24)
    kinds = rng.sample(("hosting", "vpn", "residential", "mobile"), 4)
    members: list[str] = []
    handles: dict[str, list[str]] = {"ip": [], "instrument": [], "account": []}
    total = round(n * world.rpa * knobs.volume)
    start_day = rng.randint(-2, 6)
    days = 56 - max(0, start_day)
    for shift in range(s):
        size = n // s + (1 if shift < n % s else 0)
        pool = _pool(world, rng, kinds[shift % 4], rng.randint(*knobs.proxies_per_shift))
        c = identity.country(rng)
        cards = [identity.instrument_id(rng) for _ in range(min(size, rng.randint(*knobs.cards_per_shift)))]
        bin_, issuer = rng.choice(identity.PREPAID_BINS)
        batch = T0 + (start_day - 1) * DAY - rng.randrange(3 * DAY)
        ua = rng.choice(identity.SDK_UAS)
        crew: list[str] = []
        for i in range(size):
            created = batch + rng.randrange(6 * HOUR)
            aid = world.new_account(created, identity.webmail(rng, c), c.code, "api")
            world.pay(aid, cards[i % len(cards)], "prepaid_card", bin_, issuer, created + rng.randrange(HOUR))
            crew.append(aid)
        rng.shuffle(crew)
        members.extend(crew)
        handles["ip"].append(pool[0])
        handles["instrument"].append(cards[0])
        handles["account"].append(crew[0])
        per_day = total * size / n / days
        tick = duty * HOUR / max(1.0, per_day)
        counter = 0
        for day in range(max(0, start_day), 56):
            t = float(T0 + day * DAY + ((offset + shift * duty) % 24) * HOUR)
            for _ in range(int(per_day)):
                ts = int(t + rng.uniform(-knobs.cadence_jitter, knobs.cadence_jitter) * tick)
                t += tick
                if not T0 <= ts < T_END:
                    counter += 1
                    continue
                aid = crew[counter % size]
                ip = pool[counter % len(pool)] if rng.random() < 0.7 else pick(rng, pool)
                counter += 1
                model = migrating_model(rng, ts, T_END, 0.0)
                prompt, out = utter(world, ctx, own, knobs.camouflage, 1200, 6000)
                world.request(aid, ts, prompt, ip, model, out, ua)
    handles["template"] = [ctx.sample]
    handles["ip"] = handles["ip"][:1]
    handles["instrument"] = handles["instrument"][:1]
    handles["account"] = handles["account"][:2]
    return Planted(members=members, handles=handles, family=own)


STYLE = CampaignStyle("round_robin_shifts", KNOBS.size, KNOBS.label_kinds, KNOBS.labelled, plant)
