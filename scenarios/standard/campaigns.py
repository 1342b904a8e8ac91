"""Planted distillation campaigns, from sloppy to careful.

sloppy:  a few cards shared by many accounts, one hosting ASN (one or two /24s), a throwaway mail
         domain, a sign-up burst within hours, one scraper user agent, identical templates, huge volume.
medium:  cards shared by ~5 accounts, datacenter proxies over three hosting ASNs plus a rotating IPv6
         /48, research/startup programme sign-ups in waves, a few paraphrases, some camouflage.
careful: aged accounts with one card and one residential-proxy IP each (some exits are real customers'
         home connections), ordinary mail and user agents, many paraphrases, ordinary traffic mixed in,
         round-robin turns, and a move to the new model within hours of its release.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from scenarios.standard import catalog as cat
from scenarios.standard.background import TZ, World, organic_activity, people, small_domains
from scenarios.standard.population import K_CAMPAIGN, UA_INDEX
from scenarios.standard.prompt_families import FAMILY_INDEX
from scenarios.standard.scenarios import CAREFUL, MEDIUM, SLOPPY, CampaignSpec
from scenarios.standard.timeline import DAY, END, HOUR, MINI_MODEL, NEW_MODEL_RELEASE, OLD_MODEL, START

VARIANTS_FIXED, VARIANTS_FEW, VARIANTS_ALL = 0, 1, 2
PROFILE_FLAT, PROFILE_WORKDAY = 0, 1


@dataclass
class Plant:
    """One planted campaign: its accounts and the entities analysts could label."""

    spec: CampaignSpec
    index: int
    accounts: npt.NDArray[np.int64]
    instruments: npt.NDArray[np.int32]
    ips: npt.NDArray[np.int32]
    families: list[int]
    hosting: list[cat.Network] = field(default_factory=list)
    email_domains: list[str] = field(default_factory=list)
    # How its extraction traffic behaves (read by traffic.py).
    variant_mode: int = VARIANTS_ALL
    follow: float = 0.85  # share of requests using the campaign's template of the hour
    profile: int = PROFILE_FLAT
    tz: int = 0
    old_model: str = OLD_MODEL
    switch_at: int = END
    sigma: float = 0.5


def _volume(rng: np.random.Generator, m: int, mean: float, sigma: float) -> npt.NDArray[np.int32]:
    mu = np.log(max(mean, 0.5)) - sigma**2 / 2
    return np.maximum(1, np.round(rng.lognormal(mu, sigma, m))).astype(np.int32)


def plant(w: World, spec: CampaignSpec, index: int, plants: dict[str, Plant]) -> Plant:
    rng = w.rng
    m = spec.size(w.accounts)
    seg = people(w, m, K_CAMPAIGN)
    seg["camp"][:] = index
    seg["group"][:] = index
    seg["flags"][:] = 0
    seg["ip2"][:] = -1
    seg["p_ip2"][:] = 0.0
    seg["p_viral"] = rng.beta(1.5, 5.0, m).astype(np.float32)
    first = START + spec.first_day * DAY
    last = START + spec.last_day * DAY
    seg["n_org"] = (
        organic_activity(rng, m, w.rpa * spec.camouflage, dormant=0.0)
        if spec.camouflage > 0
        else np.zeros(m, dtype=np.int32)
    )
    fams = [FAMILY_INDEX[f] for f in spec.families]
    builder = {SLOPPY: _sloppy, MEDIUM: _medium, CAREFUL: _careful}[spec.craft]
    p = builder(w, spec, index, seg, fams, plants)
    seg["act_start"] = np.maximum(np.maximum(seg["created"], START), first)
    seg["act_end"] = np.minimum(seg["act_end"], last)
    seg["act_end"] = np.maximum(seg["act_end"], seg["act_start"] + 6 * HOUR)
    seg["n_ex"] = _volume(rng, m, w.rpa * spec.volume, p.sigma)
    if spec.switch_share > 0:
        p.switch_at = NEW_MODEL_RELEASE + int(spec.switch_delay_hours * HOUR)
    idx = w.pop.add(seg)
    p.accounts = idx
    w.pop.payments.link(idx, _per_account(p, m, rng), seg["created"] + rng.integers(0, 2 * HOUR, m))
    return p


def _per_account(p: Plant, m: int, rng: np.random.Generator) -> npt.NDArray[np.int32]:
    """Which of the campaign's instruments each account pays with."""
    if len(p.instruments) == m:
        return p.instruments
    if p.spec.craft == MEDIUM:
        # Groups of about five accounts per card, in sign-up order.
        return p.instruments[np.arange(m) * len(p.instruments) // m]
    return p.instruments[rng.integers(0, len(p.instruments), m)]


def _sloppy(
    w: World,
    spec: CampaignSpec,
    index: int,
    seg: dict[str, npt.NDArray[Any]],
    fams: list[int],
    plants: dict[str, Plant],
) -> Plant:
    rng = w.rng
    m = len(seg["kind"])
    country = str(rng.choice(["SG", "HK", "US", "NL"]))
    burst = START + max(spec.first_day - 1, 0) * DAY + int(rng.integers(0, 18)) * HOUR
    # A sign-up script run in two or three sessions a few hours apart.
    sessions = burst + np.array([0, 3, 7])[: int(rng.integers(2, 4))] * HOUR
    seg["created"] = sessions[rng.integers(0, len(sessions), m)] + rng.integers(0, 90 * 60, m)
    domains = list(rng.choice(cat.THROWAWAY_DOMAINS, size=int(rng.integers(1, 3)), replace=False))
    seg["email"] = np.array(domains, dtype=object)[rng.integers(0, len(domains), m)]
    seg["country"][:] = country
    seg["tz"][:] = TZ.get(country, 8)
    seg["plan"][:] = "api"
    seg["channel"][:] = "api_console"
    # Some get caught and suspended part-way.
    caught = rng.random(m) < 0.3
    seg["status"] = np.where(caught, "suspended", "active").astype(object)
    seg["act_end"] = np.where(caught, START + (spec.first_day + rng.integers(4, 12, m)) * DAY, END)
    net = cat.HOSTING[index % len(cat.HOSTING)]
    pool = w.ips.block_v4(net, max(8, min(480, m // 2)))
    seg["ip1"] = pool[rng.integers(0, len(pool), m)]
    seg["ex_ip2"] = pool[rng.integers(0, len(pool), m)]
    ua = UA_INDEX[cat.SCRAPER_UAS[index % len(cat.SCRAPER_UAS)]]
    seg["ua1"][:] = ua
    seg["ua2"][:] = ua
    cards = w.pop.instruments.add(rng, max(2, m // 20), "card", cat.PREPAID_BINS[index % 5], country)
    return Plant(
        spec,
        index,
        np.empty(0, np.int64),
        cards,
        pool,
        fams,
        [net],
        domains,
        variant_mode=VARIANTS_FIXED,
        follow=0.5,
        sigma=0.35,
    )


def _medium(
    w: World,
    spec: CampaignSpec,
    index: int,
    seg: dict[str, npt.NDArray[Any]],
    fams: list[int],
    plants: dict[str, Plant],
) -> Plant:
    rng = w.rng
    m = len(seg["kind"])
    countries = ["CN", "HK"] if index % 2 else ["RU", "KZ"]
    seg["country"] = np.array(countries, dtype=object)[rng.integers(0, 2, m)]
    tz = 8 if index % 2 else 3
    seg["tz"][:] = tz
    waves = START + np.array([-12, -5, spec.first_day, spec.first_day + 6]) * DAY
    seg["created"] = waves[rng.integers(0, len(waves), m)] + rng.integers(0, 20 * HOUR, m)
    own = small_domains(rng, 1)[0]
    seg["email"] = np.where(rng.random(m) < 0.4, own, seg["email"]).astype(object)
    seg["channel"] = np.where(rng.random(m) < 0.7, rng.choice(["research_program", "startup_program"]), "web")
    seg["channel"] = seg["channel"].astype(object)
    seg["plan"] = np.where(rng.random(m) < 0.6, "api", "pro").astype(object)
    seg["status"][:] = "active"
    seg["act_end"][:] = END
    reused = plants.get(spec.reuses) if spec.reuses else None
    nets = [cat.HOSTING[(index + k) % len(cat.HOSTING)] for k in range(3)]
    if reused is not None:
        nets[0] = reused.hosting[0]
    # The third provider's range is on an IP-intelligence list, so the platform types it `proxy`.
    pool = np.concatenate(
        [w.ips.block_v4(n, max(3, m // 9), "proxy" if k == 2 else None) for k, n in enumerate(nets)]
    )
    if reused is not None:
        # Same operator, same rented proxies: part of the old pool comes back.
        pool = np.concatenate([pool, reused.ips[: max(2, len(reused.ips) // 4)]])
    v6 = w.ips.v6(nets[1], 2, max(4, m // 2), rng)
    seg["ip1"] = pool[rng.integers(0, len(pool), m)]
    seg["ex_ip2"] = v6[rng.integers(0, len(v6), m)]
    sdk = [UA_INDEX[u] for u in cat.SDK_UAS[:2]]
    seg["ua1"] = np.array(sdk, dtype=np.int16)[rng.integers(0, 2, m)]
    seg["ua2"] = seg["ua1"]
    cards = w.pop.instruments.add(
        rng, max(2, m // 5), "card", cat.PREPAID_BINS[(index + 1) % 5], countries[0]
    )
    domains = sorted({str(e) for e in seg["email"]})
    return Plant(
        spec,
        index,
        np.empty(0, np.int64),
        cards,
        np.concatenate([pool, v6]),
        fams,
        nets,
        domains,
        variant_mode=VARIANTS_FEW,
        follow=0.7,
        profile=PROFILE_WORKDAY,
        tz=tz,
        old_model=MINI_MODEL,
        sigma=0.6,
    )


def _careful(
    w: World,
    spec: CampaignSpec,
    index: int,
    seg: dict[str, npt.NDArray[Any]],
    fams: list[int],
    plants: dict[str, Plant],
) -> Plant:
    rng = w.rng
    m = len(seg["kind"])
    # Aged (or bought) accounts, created over the past year like anyone else's.
    seg["created"] = START - rng.integers(30, 400, m) * DAY - rng.integers(0, DAY, m)
    seg["plan"] = np.where(rng.random(m) < 0.7, "pro", "api").astype(object)
    seg["channel"] = np.where(rng.random(m) < 0.7, "web", "api_console").astype(object)
    seg["status"][:] = "active"
    seg["act_end"][:] = END
    # One residential-proxy exit per account; about a third are real customers' home connections.
    fresh = rng.random(m) >= 0.3
    ips = np.empty(m, dtype=np.int32)
    nets = rng.integers(0, len(cat.RESIDENTIAL), m)
    for i in range(len(cat.RESIDENTIAL)):
        sel = np.flatnonzero(fresh & (nets == i))
        if len(sel):
            ips[sel] = w.ips.scattered_v4(cat.RESIDENTIAL[i], len(sel))
    # Every home address was allocated once, so the concatenation has no duplicates.
    homes = np.concatenate(w.home_ips) if w.home_ips else np.empty(0, np.int32)
    borrowed = np.flatnonzero(~fresh)
    if len(borrowed) and len(homes) >= len(borrowed):
        ips[borrowed] = rng.choice(homes, size=len(borrowed), replace=False)
    else:
        ips[borrowed] = w.ips.scattered_v4(cat.RESIDENTIAL[0], len(borrowed))
    seg["ip1"] = ips
    seg["shift"] = (np.arange(m) % max(1, spec.shifts)).astype(np.int16)
    cards = w.pop.instruments.add(
        rng,
        m,
        "card",
        # Fresh virtual cards from two issuers: one card each, but a telling BIN mix.
        (cat.PREPAID_BINS[index % 5], cat.PREPAID_BINS[(index + 2) % 5]),
        seg["country"].tolist(),
    )
    return Plant(
        spec,
        index,
        np.empty(0, np.int64),
        cards,
        ips,
        fams,
        [],
        sorted({str(e) for e in seg["email"]}),
        variant_mode=VARIANTS_ALL,
        follow=0.85,
        sigma=0.5,
    )


def plant_all(w: World) -> list[Plant]:
    plants: dict[str, Plant] = {}
    out: list[Plant] = []
    for i, spec in enumerate(w.scenario.campaigns):
        p = plant(w, spec, i, plants)
        plants[spec.campaign_id] = p
        out.append(p)
    return out
