"""An app studio QA team runs its chat feature on a cloud device farm: mobile user agents, datacentre IPs."""

from __future__ import annotations

from dataclasses import dataclass

from .._core import MOBILE_UAS, T0, TZ, Rng, Style, World, bin6, instrument, org_id, pick

NAME = "device_farm_testers"
CASES = [
    "Say hello in {lang}.",
    "What is 17 * 23?",
    "Summarize: The quick brown fox jumps over the lazy dog.",
    "List three fruits.",
    "Reply with the word OK.",
    "Translate 'good morning' into {lang}.",
    "Explain a rainbow to a child in two sentences.",
    "What day comes after {day}?",
]
LANGS = ["French", "German", "Japanese", "Spanish", "Hindi"]
DAYS = ["Monday", "Friday", "Sunday"]


@dataclass(frozen=True)
class Knobs:
    share: float = 0.004
    signals: tuple[str, ...] = ("ua_ip_mismatch", "hosting", "shared_instrument", "timing_bursts")
    camouflage: float = 0.0
    labelled: bool = False
    actor: str = ""
    runs_per_week: int = 5
    volume: float = 6.0


def build(w: World, ids: list[str], k: Knobs, rng: Rng, cid: str) -> None:
    org, inst, b = org_id(rng), instrument(rng), bin6(rng)
    farm = w.net(rng, "hosting", "US")
    block = farm.block24(rng)
    devices = [w.ip(rng, farm, block) for _ in range(8)]
    for aid in ids:
        c = T0 - int(rng.integers(20, 300)) * 86400
        w.account(aid, c, "pixelforge.studio", "PL", "team", org, "organic")
        w.pay(aid, inst, "card", b, "PL", c)
        ua = pick(rng, MOBILE_UAS[:4])
        for _ in range(w.volume(rng, k.volume, 0.3)):
            day = int(rng.integers(0, 42))
            if day % 7 >= 5:
                day -= 2
            # CI runs after merges during the Warsaw working day
            ts = T0 + day * 86400 + (int(rng.integers(9, 18)) - TZ["DE"]) * 3600 + int(rng.integers(0, 600))
            case = pick(rng, CASES).format(lang=pick(rng, LANGS), day=pick(rng, DAYS))
            w.req(aid, ts, case, pick(rng, devices), "atlas-2.5-mini", "short", ua)


STYLE = Style(NAME, "cohort", Knobs(), build)
