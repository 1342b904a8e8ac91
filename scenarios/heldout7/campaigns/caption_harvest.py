"""Dense image descriptions harvested from one IPv6 /48 to caption a vision-language training set."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout7.core import NEW_MODEL, NEW_MODEL_AT, T0, T1, StyleSpec, World, tokens_of
from scenarios.heldout7.kit import bin6, burst_times, enlist

BUCKETS = ("img-cdn.picstock-archive.net", "media.openframe-data.org")
ASKS = (
    "Describe this image in exhaustive detail: every object and its position, colours, any visible text, "
    "lighting and mood. Then give a one-sentence caption.",
    "Give a dense, region-by-region description of the image (top-left to bottom-right), list all "
    "legible text verbatim, then a short caption.",
)


@dataclass(frozen=True)
class Knobs:
    share: float = 0.01
    signals: tuple[str, ...] = (
        "infrastructure:one_ipv6_/48",
        "content:image_url_sequence",
        "timing:model_switch_within_hours",
        "identity:two_signup_bursts",
    )
    camouflage: float = 0.0
    labelled: bool = True
    actor: str = "Quillmark"
    switch_after_hours: float = 3.0
    volume_mult: float = 4.0


def build(w: World, k: Knobs, cid: str, rng: random.Random) -> None:
    n = w.scaled(k.share, 8)
    blk = w.block48(rng, "vultr")
    accs = []
    for centre in (T0 - 12 * 86400, T0 + 9 * 86400):
        for ts in burst_times(
            rng, centre + rng.randint(0, 43200), n // 2 + (n % 2 if centre > T0 else 0), 3600
        ):
            acc = w.new_account(
                rng,
                ts,
                email_domain=rng.choice(("gmail.com", "outlook.com")),
                country=rng.choice(("US", "NL", "DE")),
                plan="api_payg",
                signup_channel="api_console",
            )
            w.pay(
                acc,
                w.new_instrument(rng),
                "prepaid",
                bin6(rng, "4"),
                rng.choice(("US", "GB", "EE")),
                ts + 300,
            )
            accs.append(acc)
    cursor = rng.randint(1000, 90000)
    shard = rng.randint(10, 200)
    first_ip = ""
    for j, acc in enumerate(accs):
        ip = w.ip6(rng, "vultr", blk, subnet=0x100 + j)
        first_ip = first_ip or ip
        nreq = w.volume(rng, k.volume_mult, 0.2)
        start = max(acc.created_at + 1800, T0)
        step = (T1 - start) / nreq
        t = float(start)
        for _ in range(nreq):
            cursor += 1
            if cursor % 5000 == 0:
                shard += 1
            url = f"https://{BUCKETS[shard % 2]}/shard-{shard:04d}/{cursor:08d}.jpg"
            p = f'<image url="{url}">\n{rng.choice(ASKS)}'
            model = NEW_MODEL if t >= NEW_MODEL_AT + k.switch_after_hours * 3600 else "orion-2-pro"
            w.req(
                acc,
                t,
                p,
                ip,
                model,
                rng.randint(780, 1150) + tokens_of(p),
                rng.randint(260, 480),
                "orion-node/4.8.2",
            )
            t += step * rng.uniform(0.7, 1.3)
            if t >= T1:
                break
    enlist(w, accs, cid, k.actor if k.labelled else "", "caption_harvest")
    if k.labelled:
        w.label("ip", first_ip, k.actor, 0.7, "partner_intel", "address seen fetching the same image bucket")


SPEC = StyleSpec("caption_harvest", "campaign", Knobs(), build)
