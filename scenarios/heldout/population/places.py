"""Where ordinary people connect from: home lines, carriers, VPNs, offices, campuses, clouds."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .. import identity
from ..world import World
from .person import Place


def home(world: World, rng: random.Random, country: str, ua: str, weight: float = 1.0) -> Place:
    """A home broadband line; about 1% of them carry proxyware and are flagged as proxies."""
    asn = world.net.pick(rng, "residential", country)
    flagged = "proxy" if rng.random() < 0.01 else None
    return Place(world.net.fresh(rng, asn, flagged, v6_share=0.35), ua, weight)


def mobile(world: World, rng: random.Random, country: str, ua: str, weight: float = 1.0) -> Place:
    """A phone on a carrier network: every session gets an address from the carrier's shared NAT pool."""
    asn = world.net.pick(rng, "mobile", country)
    size = max(12, int(world.total_accounts * 0.003 * asn.blocks))
    return Place("", ua, weight, world.net.shared_pool(asn, size))


def vpn(world: World, rng: random.Random, ua: str, weight: float = 1.0) -> Place:
    """A commercial VPN: a handful of favourite exits out of a pool many customers share."""
    asn = world.net.pick(rng, "vpn")
    size = max(8, int(world.total_accounts * 0.0008 * asn.blocks))
    pool = world.net.shared_pool(asn, size, "vpn-exits")
    return Place("", ua, weight, rng.sample(pool, min(len(pool), rng.randint(1, 4))))


def vps(world: World, rng: random.Random, ua: str, weight: float = 1.0) -> Place:
    """A developer's own rented server."""
    asn = world.net.pick(rng, "hosting")
    return Place(world.net.fresh_v4(rng, asn), ua, weight)


def cloud_egress(world: World, rng: random.Random, ua: str, weight: float = 1.0) -> Place:
    """Serverless functions: egress addresses that rotate within a provider pool shared by all tenants."""
    asn = world.net.by_number[rng.choice((16509, 16509, 396982, 8075))]
    size = max(10, int(world.total_accounts * 0.0006))
    return Place("", ua, weight, world.net.shared_pool(asn, size, "serverless"))


@dataclass
class Campus:
    domain: str
    country: str
    ips: list[str]


@dataclass
class Office:
    org_id: str
    domain: str
    country: str
    ips: list[str] = field(default_factory=list)


class Commons:
    """Shared places of the ordinary population: campuses (students of one university share NAT)."""

    def __init__(self, world: World, rng: random.Random) -> None:
        self._world = world
        self._rng = rng
        self._campuses: dict[str, list[Campus]] = {}

    def campus(self, rng: random.Random, country: str) -> Campus:
        have = self._campuses.setdefault(country, [])
        wanted = max(1, self._world.total_accounts // 2500)
        if len(have) < wanted and (not have or rng.random() < 0.5):
            nets = self._world.net.of_type("education", country)
            asn = self._rng.choice(nets)
            prefix = self._world.net.block24(self._rng, asn)
            ips = [
                self._world.net.in_block(prefix, host, asn)
                for host in self._rng.sample(range(2, 250), self._rng.randint(2, 6))
            ]
            have.append(Campus(identity.university_domain(self._rng, country), country, ips))
        return rng.choice(have)

    def office(self, rng: random.Random, country: str, size: int) -> Office:
        world = self._world
        domain = identity.company_domain(rng, country)
        asn = (
            world.net.pick(rng, "corporate", country)
            if rng.random() < 0.7
            else world.net.pick(rng, "corporate")
        )
        prefix = world.net.block24(rng, asn)
        n_ips = 1 if size < 8 else rng.randint(1, 3)
        ips = [world.net.in_block(prefix, host, asn) for host in rng.sample(range(2, 250), n_ips)]
        return Office(world.new_org_id(rng), domain, country, ips)
