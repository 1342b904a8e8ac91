"""How an ordinary (legitimate) user behaves: sessions at local daytime hours, a few IPs with a
favourite, their own wording, and a gradual, uncoordinated uptake of the new model."""

from __future__ import annotations

import random
from bisect import bisect_right
from dataclasses import dataclass

from .clock import HOUR, MINI_MODEL, NEW_MODEL, OLD_MODEL, RELEASE, T_END, session_start
from .fast import between
from .text.ordinary import Voice
from .world import World


@dataclass
class Persona:
    aid: str
    tz: int
    ips: list[str]
    ip_cum: list[float]  # cumulative weights over ips
    uas: list[str]  # user agent used from each ip
    voice: Voice
    mix: list[float]  # cumulative weights over prompt families
    hours: list[float]  # cumulative weights over local hours
    base_model: str
    switch_at: int | None  # when this user starts using the new model
    out_lo: int = 60
    out_hi: int = 1400
    batch: str = ""  # a personal batch-job template (heavy users), filled with {text}
    batch_share: float = 0.0


def paid_switch(rng: random.Random) -> int:
    """Paid app users get the new model as default during a staged rollout over ~3 days."""
    return RELEASE + rng.randrange(2 * HOUR, 72 * HOUR)


def model_for(rng: random.Random, ts: int, base: str, switch_at: int | None) -> str:
    if switch_at is not None and ts >= switch_at and rng.random() < 0.8:
        return NEW_MODEL
    if rng.random() < 0.85:
        return base
    return OLD_MODEL if base == MINI_MODEL else MINI_MODEL


def behave(world: World, p: Persona, count: int, lo: int, hi: int, rng: random.Random) -> int:
    """Send ``count`` ordinary requests between ``lo`` and ``hi``; returns how many were viral templates."""
    if hi <= lo or count <= 0:
        return 0
    viral = 0
    ordinary = world.ordinary
    done = 0
    single_ip = len(p.ips) == 1
    while done < count:
        ts = session_start(rng, lo, hi, p.hours, p.tz)
        i = 0 if single_ip else bisect_right(p.ip_cum, rng.random() * p.ip_cum[-1])
        ip, ua = p.ips[i], p.uas[i]
        length = min(count - done, 1 + int(rng.expovariate(0.55)))
        for _ in range(length):
            if p.batch and rng.random() < p.batch_share:
                prompt = p.batch.format(text=world.corpus.short(rng))
            else:
                prompt, family = ordinary.prompt(rng, p.mix, p.voice)
                if family == "viral":
                    viral += 1
            model = model_for(rng, ts, p.base_model, p.switch_at)
            world.request(p.aid, ts, prompt, ip, model, between(rng, p.out_lo, p.out_hi), ua)
            ts = min(T_END - 1, ts + 25 + int(rng.random() * 400))
        done += length
    return viral


def cum(weights: list[float]) -> list[float]:
    out, acc = [], 0.0
    for w in weights:
        acc += w
        out.append(acc)
    return out
