"""An accessibility charity writing alt text for a museum's digitised collection from one small server."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout7.background import card, emit, past_created
from scenarios.heldout7.core import T0, T1, StyleSpec, World, browser_ua, tokens_of
from scenarios.heldout7.kit import enrol


@dataclass(frozen=True)
class Knobs:
    share: float = 0.004
    resembles: tuple[str, ...] = ("caption_harvest",)
    shared_signals: tuple[str, ...] = (
        "content:image_url_sequence",
        "infrastructure:one_hosting_ip",
        "ua:sdk_client",
        "timing:steady_batch",
    )
    batch_share: float = 0.7
    volume_mult: float = 3.0


def build(w: World, k: Knobs, name: str, rng: random.Random) -> None:
    n = w.scaled(k.share, 5)
    org = w.new_org(rng)
    server = w.ip4(rng, "digitalocean")
    accs = []
    for i in range(n):
        c = rng.choice(("GB", "IE"))
        acc = w.new_account(
            rng,
            past_created(rng, 0.0),
            email_domain="seeingmuseums.org.uk",
            country=c,
            plan="team",
            org_id=org,
            signup_channel="nonprofit",
        )
        if i == 0:
            card(w, rng, acc)
        accs.append(acc)
    obj = rng.randint(1000, 5000)
    for acc in accs:
        nreq = w.volume(rng, k.volume_mult, 0.4)
        nb = int(nreq * k.batch_share)
        for _ in range(nb):
            obj += 1
            t = rng.uniform(max(T0, acc.created_at), T1)
            p = (
                f'<image url="https://collections.northmoor-museum.org/iiif/{obj:06d}/full/800,/0/default.jpg">\n'
                "Write alt text (max 125 characters) for this museum object photo. No 'image of'."
            )
            w.req(
                acc,
                t,
                p,
                server,
                "orion-2-mini",
                rng.randint(700, 1000) + tokens_of(p),
                rng.randint(18, 45),
                "orion-python/1.38.0",
            )
        emit(w, rng, acc, max(1, nreq - nb), [w.residential_ip(rng, acc.country)], [browser_ua(rng)])
    enrol(w, accs, "alt_text_nonprofit")


SPEC = StyleSpec("alt_text_nonprofit", "cohort", Knobs(), build)
