"""What every style gets handed, and behaviour helpers several styles share (sessions, sign-up times)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from scenarios.heldout2 import infra
from scenarios.heldout2.text import UNI_ASN, UNIVERSITIES
from scenarios.heldout2.world import DAY, END, HOUR, START, Account, World, clamp_ts, diurnal_ts


@dataclass
class Shared:
    """Infrastructure honest users and operators end up sharing: carrier NAT, VPN exits, corporate proxies."""

    cgnat: dict[int, infra.CgnatPool] = field(default_factory=dict)
    vpn_exits: dict[int, list[str]] = field(default_factory=dict)
    zscaler: list[str] = field(default_factory=list)
    campus: dict[str, list[str]] = field(default_factory=dict)
    homes: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, world: World, rng: random.Random, scale: int) -> Shared:
        s = cls()
        for a in infra.asns("mobile"):
            s.cgnat[a.asn] = infra.CgnatPool(world, rng, a, max(8, scale // 400))
        for a in infra.asns("vpn"):
            s.vpn_exits[a.asn] = [infra.new_ip(world, rng, a) for _ in range(max(6, scale // 800))]
        z = infra.asn(62044)
        s.zscaler = [infra.new_ip(world, rng, z) for _ in range(max(10, scale // 600))]
        for dom, country, _ in UNIVERSITIES:
            num = UNI_ASN.get(country)
            a = rng.choice(infra.asns("residential", country)) if num is None else infra.asn(num, "education")
            s.campus[dom] = [infra.new_ip(world, rng, a, v6=False) for _ in range(rng.randrange(3, 9))]
        return s

    def mobile_ip(self, world: World, rng: random.Random, country: str) -> str:
        pools = [p for p in self.cgnat.values() if p.asn.country == country]
        if not pools:
            carrier = rng.choice(infra.asns("mobile"))
            return infra.new_ip(world, rng, carrier)
        pool = rng.choice(pools)
        if pool.asn.v6 and rng.random() < pool.asn.v6_share:
            return infra.new_ip(world, rng, pool.asn, v6=True)
        return pool.pick(rng)

    def vpn_ip(self, rng: random.Random) -> str:
        exits = self.vpn_exits[rng.choice(sorted(self.vpn_exits))]
        return rng.choice(exits)

    def home_ip(self, world: World, rng: random.Random, country: str, share: float = 0.04) -> str:
        """A household address; a few households hold several accounts (family, flatmates)."""
        known = self.homes.setdefault(country, [])
        if known and rng.random() < share:
            return rng.choice(known)
        a = rng.choice(infra.asns("residential", country))
        ip = infra.new_ip(world, rng, a)
        known.append(ip)
        return ip


@dataclass
class Ctx:
    world: World
    shared: Shared
    rng: random.Random
    n: int
    volume: float
    style: str
    campaign_id: str = ""
    actor: str = ""

    def mark(self, acc: Account) -> None:
        if self.campaign_id:
            self.world.truth.append((acc.account_id, self.campaign_id, self.actor, self.style))
        else:
            self.world.confounders.append((acc.account_id, self.style))


def sessions(
    rng: random.Random,
    n_req: int,
    *,
    first: int,
    last: int = END,
    tz: float = 0.0,
    profile: str = "home",
    per_session: float = 3.0,
    gap: tuple[int, int] = (20, 420),
    weekday_bias: float = 0.0,
) -> list[int]:
    """Request times grouped into sittings, each sitting on a day drawn between `first` and `last`."""
    first = max(first, START)
    if n_req <= 0 or first >= last:
        return []
    days = max(1, (last - first) // DAY)
    out: list[int] = []
    while len(out) < n_req:
        size = min(n_req - len(out), 1 + int(rng.expovariate(1 / max(per_session - 1, 0.01))))
        d = first - (first - START) % DAY + rng.randrange(days + 1) * DAY
        t = diurnal_ts(rng, d, tz, profile, weekday_bias)
        for _ in range(size):
            out.append(clamp_ts(max(first, t)))
            t += rng.randrange(*gap)
    out.sort()
    return out


def signup_before(rng: random.Random, max_days: int, min_days: int = 0) -> int:
    """Account creation before the window, weighted towards recent months as a growing platform would be."""
    frac = rng.random() ** 1.6
    return START - int((min_days + frac * (max_days - min_days)) * DAY) - rng.randrange(DAY)


def burst(rng: random.Random, start: int, hours: float) -> int:
    return start + int(rng.random() * hours * HOUR)
