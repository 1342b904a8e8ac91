"""What every campaign style shares: the planting context, the result, helpers."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from ..clock import NEW_MODEL, OLD_MODEL, RELEASE
from ..fast import between
from ..platform import Background
from ..sizing import Sizing
from ..text.ordinary import Voice, mix, voice
from ..world import World

PromptFn = Callable[[random.Random], str]

#: Entity kinds a label in labels.csv can name.
LABEL_KINDS = ("account", "ip", "instrument", "email_domain", "template", "asn")


@dataclass
class CampaignContext:
    """Everything a style needs to plant one campaign."""

    campaign_id: str
    style: str
    size: int
    rng: random.Random
    background: Background
    borrowed: PromptFn | None = None  # a sibling campaign's template family reused by this one
    borrow_share: float = 0.0
    sample: str = ""  # the first prompt of the campaign's own family that was sent
    persona: Voice | None = None  # the voice camouflage prompts are written in

    def prompt(self, own: PromptFn) -> str:
        """A prompt of the campaign's family (or, sometimes, of the borrowed family)."""
        if self.borrowed is not None and self.rng.random() < self.borrow_share:
            return self.borrowed(self.rng)
        text = own(self.rng)
        if not self.sample:
            self.sample = text
        return text

    def say(self, world: World, own: PromptFn, camouflage_share: float) -> tuple[str, bool]:
        """A campaign prompt, or with probability ``camouflage_share`` an ordinary-looking one
        (second item True)."""
        if camouflage_share and self.rng.random() < camouflage_share:
            if self.persona is None:
                self.persona = voice(self.rng, "US", 0.4)
            return camouflage(world, self.rng, self.persona), True
        return self.prompt(own), False


@dataclass
class Planted:
    """What a style planted: its accounts, label candidates per entity kind, and its template family."""

    members: list[str]
    handles: dict[str, list[str]]
    family: PromptFn
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CampaignStyle:
    name: str
    size: Sizing
    label_kinds: tuple[str, ...]
    labelled: bool | None  # None: the scenario seed decides
    plant: Callable[[World, CampaignContext], Planted]


CAMOUFLAGE_MIX = mix(question=30, personal=26, writing=16, coding=8, homework=6, work=6, viral=8)


def camouflage(world: World, rng: random.Random, v: Voice) -> str:
    """An ordinary-looking prompt sent to blend in, in the fake persona's voice ``v``."""
    return world.ordinary.prompt(rng, CAMOUFLAGE_MIX, v)[0]


def utter(
    world: World, ctx: CampaignContext, own: PromptFn, share: float, lo: int, hi: int
) -> tuple[str, int]:
    """(prompt, output tokens): extraction answers are long, camouflage answers ordinary."""
    prompt, camo = ctx.say(world, own, share)
    return prompt, (between(ctx.rng, 80, 1200) if camo else between(ctx.rng, lo, hi))


def migrating_model(rng: random.Random, ts: int, move_at: int, share: float, before: str = OLD_MODEL) -> str:
    """``before`` until ``move_at``, then the new model with probability ``share``."""
    if ts >= move_at and ts >= RELEASE and rng.random() < share:
        return NEW_MODEL
    return before


def spread(rng: random.Random, n: int, start: int, end: int, jitter: int) -> list[int]:
    """``n`` times spaced evenly between ``start`` and ``end`` with +-``jitter`` seconds of noise."""
    step = (end - start) / max(1, n)
    return [int(start + i * step + rng.uniform(-jitter, jitter)) for i in range(n)]


def hexid(rng: random.Random, digits: int) -> str:
    return f"{rng.getrandbits(4 * digits):0{digits}x}"
