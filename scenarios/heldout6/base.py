"""Style base classes and the shared infrastructure pools that many populations draw on."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from .text import CONSUMER, Prompt, benign
from .world import ASNS, COUNTRIES, START, UA_BROWSER, UA_MOBILE, World, at


@dataclass(frozen=True)
class CampaignStyle:
    """Knobs every campaign style has; each style module subclasses it with its own extra knobs."""

    name: str = ""
    share: float = 0.01  # accounts as a share of the platform
    signals: tuple[str, ...] = ()  # signal families it leaves: money, identity, infra, content, timing
    camouflage: float = 0.0  # share of its requests that look like ordinary use
    labelled: bool = False  # whether labels.csv points to the operator
    volume: float = 3.0  # requests per account as a multiple of the platform mean

    def build(self, ctx: Ctx, n: int) -> list[str]:
        raise NotImplementedError


@dataclass(frozen=True)
class CohortStyle:
    """A benign population that resembles a campaign on some signals."""

    name: str = ""
    share: float = 0.006
    signals: tuple[str, ...] = ()  # the campaign-like signals it shares
    volume: float = 1.5

    def build(self, ctx: Ctx, n: int) -> list[str]:
        raise NotImplementedError


@dataclass
class Ctx:
    """What a style gets to work with: the platform, its own random stream, its ids."""

    w: World
    rng: random.Random
    cid: str
    actor: str
    labelled: bool

    def n_requests(self, volume: float, spread: float = 0.6) -> int:
        return self.w.count(self.w.rpa * volume, spread)

    def label(self, entity: str, value: str, confidence: float, source: str, note: str) -> None:
        if self.labelled:
            self.w.label(entity, value, self.actor, confidence, source, note)

    def camo(self, mix: Sequence[tuple[Callable[[random.Random], Prompt], float]] = CONSUMER) -> Prompt:
        return benign(self.rng, tuple(mix))


def split_sizes(n: int, k: int, rng: random.Random) -> list[int]:
    """n items into k groups of uneven size, none empty when n >= k."""
    k = max(1, min(k, n))
    cuts = sorted(rng.sample(range(1, n), k - 1)) if n > 1 and k > 1 else []
    bounds = [0, *cuts, n]
    return [bounds[i + 1] - bounds[i] for i in range(k)]


# ---- shared pools -----------------------------------------------------------------------------


def pool(w: World, key: str, make: Callable[[], list[str]]) -> list[str]:
    if key not in w.pools:
        w.pools[key] = make()
    return w.pools[key]


def carrier_ips(w: World, asn: str) -> list[str]:
    """A carrier's CGNAT egress addresses: few addresses, thousands of subscribers each at scale."""

    def make() -> list[str]:
        size = max(4, w.accounts_total // 4000)
        out: list[str] = []
        blocks = [w.net.block(asn) for _ in range(max(1, size // 3))]
        for i in range(size):
            out.append(w.net.host(asn, blocks[i % len(blocks)]))
        return out

    return pool(w, f"cgnat:{asn}", make)


def carrier_v6(w: World, asn: str) -> str:
    """Mobile v6: one /64 per device inside the carrier's /48s."""
    p48s = pool(w, f"v6:{asn}", lambda: [str(w.net.prefix48(asn)) for _ in range(4)])
    return w.net.host6(asn, int(w.rng.choice(p48s)))


VPN_ASNS = ("m247", "datacamp", "packethub", "proxyres")


def vpn_exits(w: World) -> list[str]:
    def make() -> list[str]:
        out: list[str] = []
        for asn in VPN_ASNS:
            for _ in range(max(2, w.accounts_total // 3000)):
                block = w.net.block(asn)
                out.extend(w.net.host(asn, block) for _ in range(6))
        return out

    return pool(w, "vpn", make)


def home_ip(w: World, country: str, rng: random.Random) -> str:
    c = COUNTRIES[country]
    asn = rng.choice(c.home)
    if w.net.rng.random() < 0.15 and asn in ("comcast", "charter", "dtag", "orange", "kt", "ntt"):
        return w.net.host6(asn, w.net.prefix48(asn), rng.randrange(256))
    return w.net.fresh(asn)


def mobile_ip(w: World, country: str, rng: random.Random) -> str:
    c = COUNTRIES[country]
    asn = rng.choice(c.mobile)
    if ASNS[asn].v6 and rng.random() < 0.35:
        return carrier_v6(w, asn)
    if ASNS[asn].ip_type != "mobile":
        return w.net.fresh(asn)
    return rng.choice(carrier_ips(w, asn))


def consumer_ua(rng: random.Random) -> str:
    return rng.choice(UA_BROWSER) if rng.random() < 0.6 else rng.choice(UA_MOBILE)


def old_signup(rng: random.Random, years: float = 2.5) -> datetime:
    return START - timedelta(days=rng.uniform(3, 365 * years))


def in_window(rng: random.Random, lo: float = 0, hi: float = 40) -> datetime:
    return at(rng.uniform(lo, hi))
