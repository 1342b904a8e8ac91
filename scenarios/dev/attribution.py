"""Who runs which campaign, and what analysts already know (labels.csv).

About half of the planted campaigns get a label naming their operator; which entity kind carries the
label (an account or two, an IP, an instrument, the e-mail domain, a template, an ASN) varies by seed.
Often one operator runs two campaigns: the second reuses the first one's card stock or template, and
the single label on that shared entity attributes both. Campaigns nothing in labels.csv points to have
an empty actor in truth.csv. A few low-confidence labels from threat feeds sit on benign, widely shared
entities (a carrier-NAT gateway, a viral template, a VPN exit): decoys that must not pull ordinary users
into an attribution.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .campaigns.base import CampaignStyle, Planted
from .platform import Background
from .world import World

OPERATORS = (
    "Copperhead Collective",
    "Gray Orchard",
    "Nightjar Group",
    "Saltmarsh Labs",
    "Vireo Systems",
    "Tidewater Syndicate",
    "Basalt Nine",
    "Kestrel Row",
    "Marlin Works",
    "Umber Fox",
    "Quillback Partners",
    "Ashgrove Data",
)
_SOURCES = {
    "account": ("trust-and-safety review", "Accounts tied to a chargeback ring in an earlier case"),
    "ip": ("threat-intel", "Egress address seen in a prior takedown"),
    "instrument": ("payments-fraud", "Card linked to an operator by the issuer"),
    "email_domain": ("partner report", "Domain registered by a known front company"),
    "template": ("investigation", "Prompt template recovered from a leaked pipeline config"),
    "asn": ("threat-intel", "Hosting network rented by the operator"),
}
_REUSABLE = ("instrument", "template")


@dataclass
class Plan:
    operator: dict[str, str]  # style -> operator (always set; only emitted when attributable)
    label_kind: dict[str, str]  # labelled style -> entity kind
    pair: tuple[str, str] | None = None  # (source style, reusing style) run by the same operator
    order: list[str] = field(default_factory=list)  # planting order
    ghost: str = ""  # an operator running nothing here, named by decoys

    def actor(self, style: str) -> str:
        """The operator's name when labels.csv lets one attribute ``style``'s campaign, else ""."""
        if style in self.label_kind:
            return self.operator[style]
        if self.pair is not None and style == self.pair[1] and self.pair[0] in self.label_kind:
            return self.operator[style]
        return ""


def plan(rng: random.Random, styles: list[str], registry: dict[str, CampaignStyle]) -> Plan:
    ops = rng.sample(OPERATORS, len(styles) + 1)
    operator = dict(zip(styles, ops, strict=False))
    forced = [s for s in styles if registry[s].labelled is True]
    free = [s for s in styles if registry[s].labelled is None]
    want = len(styles) // 2 + (1 if len(styles) % 2 and rng.random() < 0.5 else 0)
    labelled = forced + rng.sample(free, max(0, min(len(free), want - len(forced))))
    kinds = ["account", "ip", "instrument", "email_domain", "template", "asn"]
    rng.shuffle(kinds)
    label_kind: dict[str, str] = {}
    for s in [x for x in styles if x in labelled]:
        supported = registry[s].label_kinds
        unused = [k for k in kinds if k in supported and k not in label_kind.values()]
        label_kind[s] = unused[0] if unused else rng.choice(supported)
    result = Plan(operator=operator, label_kind=label_kind, ghost=ops[-1])
    unlabelled = [s for s in styles if s not in label_kind and registry[s].labelled is None]
    sources = [s for s in styles if s in label_kind and any(k in registry[s].label_kinds for k in _REUSABLE)]
    if sources and unlabelled and rng.random() < 0.8:
        src, dst = rng.choice(sources), rng.choice(unlabelled)
        if label_kind[src] not in _REUSABLE:
            label_kind[src] = rng.choice([k for k in _REUSABLE if k in registry[src].label_kinds])
        result.pair = (src, dst)
        operator[dst] = operator[src]
    order = [s for s in styles if result.pair is None or s != result.pair[1]]
    if result.pair is not None:
        order.insert(order.index(result.pair[0]) + 1, result.pair[1])
    result.order = order
    return result


def apply_labels(world: World, rng: random.Random, p: Plan, planted: dict[str, Planted]) -> None:
    """Write the campaign labels; a style whose label could not be placed loses its attribution."""
    for style in p.order:
        kind = p.label_kind.get(style)
        if kind is None:
            continue
        values = [v for v in planted[style].handles.get(kind, []) if v]
        if not values:
            del p.label_kind[style]
            continue
        source, note = _SOURCES[kind]
        for value in values[: 2 if kind == "account" else 1]:
            world.label(kind, value, p.operator[style], rng.uniform(0.7, 0.95), source, note)


def share_instrument(world: World, rng: random.Random, token: str, members: list[str]) -> None:
    """Pay for some of ``members`` with ``token`` (card stock reused by the same operator)."""
    meta = next((r for r in world.payments if r[1] == token), None)
    if meta is None or not members:
        return
    wanted = set(members)
    created = {a[0]: a[1] for a in world.accounts if a[0] in wanted}
    for aid in rng.sample(members, max(2, min(8, len(members) // 10))):
        world.pay(aid, token, meta[2], meta[3], meta[4], created[aid] + rng.randrange(86_400))


def decoys(world: World, rng: random.Random, p: Plan, bg: Background) -> None:
    """Low-confidence feed labels on benign, widely shared entities."""
    real = [p.operator[s] for s in p.order if p.actor(s)]

    def name() -> str:
        return rng.choice(real) if real and rng.random() < 0.5 else p.ghost

    if bg.carrier_nat:
        world.label(
            "ip",
            rng.choice(bg.carrier_nat),
            name(),
            rng.uniform(0.2, 0.35),
            "threat-feed",
            "Listed in a commercial abuse feed (shared mobile gateway)",
        )
    if bg.viral_example and rng.random() < 0.8:
        world.label(
            "template",
            bg.viral_example,
            name(),
            rng.uniform(0.15, 0.3),
            "partner",
            "Template seen in an abuse-forum tutorial",
        )
    if bg.vpn_exits and rng.random() < 0.5:
        world.label(
            "ip",
            rng.choice(bg.vpn_exits),
            name(),
            rng.uniform(0.2, 0.4),
            "threat-feed",
            "Commercial VPN exit used in credential stuffing",
        )
