"""Users of a writing app's plugin that sends the tail of their manuscript and asks the model to continue."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout7.background import card, consumer_domain, emit, past_created, pick_country
from scenarios.heldout7.core import StyleSpec, World, tokens_of
from scenarios.heldout7.kit import enrol
from scenarios.heldout7.text import paragraph

PLUGIN_UA = "Inkwell/2.3.1 (macOS; plugin:continue)"
PREFIX = "Continue the story from where it stops. Match the voice, tense and point of view.\n\n"


@dataclass(frozen=True)
class Knobs:
    share: float = 0.008
    resembles: tuple[str, ...] = ("continuation_sampler",)
    shared_signals: tuple[str, ...] = (
        "content:continuation_of_prefixes",
        "ua:one_client_string",
        "content:long_outputs",
    )
    plugin_share: float = 0.8
    volume_mult: float = 2.0


def build(w: World, k: Knobs, name: str, rng: random.Random) -> None:
    n = w.scaled(k.share, 6)

    def cont(r: random.Random) -> tuple[str, int, int]:
        text = paragraph(r, r.randint(4, 20))
        text = text[: int(len(text) * r.uniform(0.7, 1.0))]
        p = PREFIX + text
        return p, tokens_of(p), r.randint(180, 650)

    accs = []
    for _ in range(n):
        c = pick_country(rng)
        acc = w.new_account(
            rng,
            past_created(rng, 0.1),
            email_domain=consumer_domain(rng),
            country=c,
            plan="plus",
            signup_channel="partner_inkwell",
        )
        card(w, rng, acc)
        accs.append(acc)
        home = [w.residential_ip(rng, c)]
        nreq = w.volume(rng, k.volume_mult, 0.8)
        npl = int(nreq * k.plugin_share)
        emit(w, rng, acc, npl, home, [PLUGIN_UA], prompt_fn=cont, peak=(19.0, 26.0), weekend=1.3)
        emit(w, rng, acc, max(1, nreq - npl), home, [PLUGIN_UA.replace("plugin:continue", "plugin:chat")])
    enrol(w, accs, "novel_autocomplete_plugin")


SPEC = StyleSpec("novel_autocomplete_plugin", "cohort", Knobs(), build)
