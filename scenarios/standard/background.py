"""Legitimate accounts, including the benign tight clusters detection must not flag.

Individuals and households on home broadband (some also on carrier NAT or a VPN), companies whose staff
share a card, a domain, an org and a NAT, small teams, and universities behind one NAT whose students send
the same homework in the same evenings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from scenarios.standard import catalog as cat
from scenarios.standard.network import IpTable
from scenarios.standard.population import (
    F_CARRIER_NAT,
    F_CORPORATE,
    F_HOUSEHOLD,
    F_PRODUCT,
    F_UNIVERSITY,
    F_VIRAL,
    F_VPN,
    K_COMPANY,
    K_HOUSEHOLD,
    K_INDIVIDUAL,
    K_PRODUCT,
    K_TEAM,
    K_UNIVERSITY,
    UA_INDEX,
    PopulationBuilder,
    blank,
)
from scenarios.standard.prompt_families import CORPORATE, PRODUCT, indices
from scenarios.standard.scenarios import Scenario
from scenarios.standard.timeline import DAY, DAYS, END, START

TZ = {
    "US": -6, "IN": 5, "GB": 0, "DE": 1, "FR": 1, "BR": -3, "CA": -5, "JP": 9, "KR": 9, "ES": 1, "IT": 1,
    "NL": 1, "PL": 1, "AU": 10, "MX": -6, "SE": 1, "NG": 1, "ID": 7, "TR": 3, "SG": 8, "CH": 1, "PA": -5,
}  # fmt: skip
_RESIDENTIAL_BY_COUNTRY: dict[str, list[int]] = {}
for _i, _n in enumerate(cat.RESIDENTIAL):
    _RESIDENTIAL_BY_COUNTRY.setdefault(_n.country, []).append(_i)
_MOBILE_BY_COUNTRY: dict[str, list[int]] = {}
for _i, _n in enumerate(cat.MOBILE):
    _MOBILE_BY_COUNTRY.setdefault(_n.country, []).append(_i)

_BROWSER = np.array([UA_INDEX[u] for u in cat.BROWSER_UAS], dtype=np.int16)
_MOBILE_UA = np.array([UA_INDEX[u] for u in cat.MOBILE_UAS], dtype=np.int16)
_SDK = np.array([UA_INDEX[u] for u in cat.SDK_UAS], dtype=np.int16)
# Plain HTTP libraries: some honest API users never set a user agent either.
_API_CLIENTS = np.array([UA_INDEX[u] for u in cat.SDK_UAS * 3 + cat.SCRAPER_UAS], dtype=np.int16)


@dataclass
class Group:
    name: str
    org_id: str
    domain: str
    families: list[int]


@dataclass
class World:
    """Everything builders share: randomness, address table, accounts so far, named groups."""

    rng: np.random.Generator
    scenario: Scenario
    accounts: int
    rpa: float  # mean organic requests per account
    ips: IpTable = field(default_factory=IpTable)
    pop: PopulationBuilder = field(default_factory=PopulationBuilder)
    companies: list[Group] = field(default_factory=list)
    universities: list[Group] = field(default_factory=list)
    nat_pools: list[npt.NDArray[np.int32]] = field(default_factory=list)
    vpn_exits: npt.NDArray[np.int32] = field(default_factory=lambda: np.empty(0, np.int32))
    home_ips: list[npt.NDArray[np.int32]] = field(default_factory=list)

    def __post_init__(self) -> None:
        mobile_users = self.accounts * self.scenario.mobile_share
        # Carrier-grade NAT: a handful of public addresses per carrier, thousands of subscribers each.
        per_carrier = max(1, round(mobile_users / len(cat.MOBILE) / 4000))
        self.nat_pools = [self.ips.block_v4(net, per_carrier) for net in cat.MOBILE]
        exits = max(3, round(self.accounts * self.scenario.vpn_share / 250))
        per_vpn = -(-exits // len(cat.VPN))
        self.vpn_exits = np.concatenate([self.ips.block_v4(net, per_vpn) for net in cat.VPN])


def _choice(rng: np.random.Generator, table: tuple[tuple[str, float], ...], m: int) -> npt.NDArray[Any]:
    names = np.array([t[0] for t in table], dtype=object)
    weights = np.array([t[1] for t in table])
    return names[rng.choice(len(names), size=m, p=weights / weights.sum())]


def organic_activity(
    rng: np.random.Generator, m: int, mean: float, dormant: float = 0.1
) -> npt.NDArray[np.int32]:
    """Heavy-tailed requests per account: most send a few, a few send thousands."""
    sigma = 1.5
    mu = np.log(max(mean, 0.01)) - sigma**2 / 2
    n = np.floor(rng.lognormal(mu, sigma, m) + rng.random(m))
    n = np.minimum(n, 150 * max(mean, 1.0))
    n[rng.random(m) < dormant] = 0
    return n.astype(np.int32)


def small_domains(rng: np.random.Generator, m: int) -> npt.NDArray[Any]:
    words = np.array(cat.SMALL_DOMAIN_WORDS, dtype=object)
    tlds = np.array(cat.SMALL_DOMAIN_TLDS, dtype=object)
    a = words[rng.integers(0, len(words), m)]
    b = words[rng.integers(0, len(words), m)]
    out: npt.NDArray[Any] = a + b + tlds[rng.integers(0, len(tlds), m)]
    return out


def people(w: World, m: int, kind: int = K_INDIVIDUAL) -> dict[str, npt.NDArray[Any]]:
    """Ordinary people: sign-up history, mail, plan, heavy-tailed activity, phones and VPNs."""
    rng = w.rng
    seg = blank(m)
    seg["kind"][:] = kind
    seg["country"] = _choice(rng, cat.COUNTRIES, m)
    in_window = rng.random(m) < 0.12
    age = rng.exponential(260 * DAY, m)
    # The platform is about three years old: older draws land anywhere in its history instead.
    age = np.where(age > 1000 * DAY, rng.uniform(0, 1000 * DAY, m), age)
    before = START - age.astype(np.int64) - 3600
    seg["created"] = np.where(in_window, START + rng.integers(0, DAYS * DAY, m), before)
    free = rng.random(m) < 0.86
    seg["email"] = np.where(free, _choice(rng, cat.FREE_MAIL, m), small_domains(rng, m))
    # A few honest people sign up with disposable addresses too.
    throwaway = rng.random(m) < 0.005
    seg["email"][throwaway] = np.array(cat.THROWAWAY_DOMAINS, dtype=object)[
        rng.integers(0, len(cat.THROWAWAY_DOMAINS), int(throwaway.sum()))
    ]
    seg["plan"] = _choice(rng, cat.PLANS_ORGANIC, m)
    seg["channel"] = _choice(rng, cat.CHANNELS_ORGANIC, m)
    seg["status"] = _choice(rng, (("active", 0.96), ("closed", 0.025), ("suspended", 0.015)), m)
    seg["n_org"] = organic_activity(rng, m, w.rpa)
    seg["act_start"] = np.maximum(seg["created"], START)
    stopped = seg["status"] != "active"
    seg["act_end"] = np.where(
        stopped, seg["act_start"] + (rng.random(m) * (END - seg["act_start"])).astype(np.int64), END
    )
    seg["tz"] = np.array([TZ[c] for c in seg["country"]], dtype=np.int8)
    seg["tz"] += (seg["country"] == "US") * rng.integers(-2, 2, m).astype(np.int8)
    ua = _BROWSER[rng.integers(0, len(_BROWSER), m)]
    ua = np.where(seg["channel"] == "mobile_app", _MOBILE_UA[rng.integers(0, len(_MOBILE_UA), m)], ua)
    ua = np.where(seg["channel"] == "api_console", _API_CLIENTS[rng.integers(0, len(_API_CLIENTS), m)], ua)
    seg["ua1"] = ua
    seg["ua2"] = _MOBILE_UA[rng.integers(0, len(_MOBILE_UA), m)]
    seg["p_viral"] = rng.beta(1.5, 5.0, m).astype(np.float32)
    heavy = rng.random(m) < w.scenario.viral_heavy_share
    seg["p_viral"][heavy] = rng.uniform(0.6, 0.9, int(heavy.sum()))
    seg["flags"][heavy] |= F_VIRAL
    _phones_and_vpns(w, seg)
    return seg


def _phones_and_vpns(w: World, seg: dict[str, npt.NDArray[Any]]) -> None:
    rng = w.rng
    m = len(seg["kind"])
    mobile = rng.random(m) < w.scenario.mobile_share
    mobile_idx = np.flatnonzero(mobile)
    carrier = _pick_by_country(rng, seg["country"][mobile_idx], _MOBILE_BY_COUNTRY, len(cat.MOBILE))
    for k, pool in enumerate(w.nat_pools):
        sel = mobile_idx[carrier == k]
        seg["ip2"][sel] = pool[rng.integers(0, len(pool), len(sel))]
    seg["p_ip2"][mobile] = rng.uniform(0.2, 0.8, len(mobile_idx))
    seg["flags"][mobile] |= F_CARRIER_NAT
    seg["ua2"][mobile] = _MOBILE_UA[rng.integers(0, len(_MOBILE_UA), len(mobile_idx))]
    vpn = rng.random(m) < w.scenario.vpn_share
    k = int(vpn.sum())
    seg["ip2"][vpn] = w.vpn_exits[rng.integers(0, len(w.vpn_exits), k)]
    seg["p_ip2"][vpn] = rng.uniform(0.3, 1.0, k)
    seg["flags"][vpn] = (seg["flags"][vpn] | F_VPN) & ~F_CARRIER_NAT


def _drop_vpn(seg: dict[str, npt.NDArray[Any]]) -> None:
    """Managed networks (a firm, a campus) do not route staff through consumer VPNs."""
    vpn = (seg["flags"] & F_VPN) > 0
    seg["ip2"][vpn] = -1
    seg["p_ip2"][vpn] = 0.0
    seg["flags"][vpn] &= ~F_VPN


def home_ips(w: World, countries: npt.NDArray[Any], v6_share: float = 0.12) -> npt.NDArray[np.int32]:
    """One residential address per entry, from an ISP of its country (some IPv6)."""
    rng = w.rng
    m = len(countries)
    out = np.empty(m, dtype=np.int32)
    nets = _pick_by_country(rng, countries, _RESIDENTIAL_BY_COUNTRY, len(cat.RESIDENTIAL))
    v6 = rng.random(m) < v6_share
    for net_i in range(len(cat.RESIDENTIAL)):
        net = cat.RESIDENTIAL[net_i]
        for use_v6 in (False, True):
            sel = np.flatnonzero((nets == net_i) & (v6 == use_v6))
            if len(sel) == 0:
                continue
            out[sel] = w.ips.v6(net, len(sel), 1, rng) if use_v6 else w.ips.scattered_v4(net, len(sel))
    w.home_ips.append(out)
    return out


def _own_cards(w: World, idx: npt.NDArray[np.int64], seg: dict[str, npt.NDArray[Any]], share: float) -> None:
    """Each paying account its own instrument (a card, sometimes a wallet or SEPA mandate)."""
    rng = w.rng
    paying = (seg["plan"] != "free") & (rng.random(len(idx)) < share)
    paying |= (seg["plan"] == "free") & (rng.random(len(idx)) < 0.08)
    sel = np.flatnonzero(paying)
    if len(sel) == 0:
        return
    types = _choice(rng, (("card", 0.86), ("wallet", 0.09), ("sepa_debit", 0.05)), len(sel))
    for itype in ("card", "wallet", "sepa_debit"):
        s = sel[types == itype]
        if len(s) == 0:
            continue
        # Mostly bank cards; a few percent prepaid or virtual cards, the kind operators buy in bulk.
        bins = np.where(
            rng.random(len(s)) < 0.04,
            np.array(cat.PREPAID_BINS)[rng.integers(0, len(cat.PREPAID_BINS), len(s))],
            np.array(cat.ORGANIC_BINS)[rng.integers(0, len(cat.ORGANIC_BINS), len(s))],
        ).tolist()
        inst = w.pop.instruments.add(rng, len(s), itype, bins, seg["country"][s].tolist())
        first = seg["created"][s] + rng.integers(0, 3 * DAY, len(s))
        w.pop.payments.link(idx[s], inst, first)


def add_individuals(w: World, m: int) -> None:
    if m <= 0:
        return
    seg = people(w, m)
    seg["ip1"] = home_ips(w, seg["country"])
    idx = w.pop.add(seg)
    _own_cards(w, idx, seg, 0.92)


def add_households(w: World, total: int) -> None:
    """2-4 accounts behind one home router; a third of households also share one card."""
    rng = w.rng
    sizes = _sizes(rng, total, 2, 4)
    if not sizes:
        return
    m = sum(sizes)
    house, first = _groups(sizes)
    seg = people(w, m, K_HOUSEHOLD)
    # Members live in one country and one time zone.
    seg["country"] = seg["country"][first][house]
    seg["tz"] = seg["tz"][first][house]
    seg["group"] = house.astype(np.int32)
    seg["flags"] |= F_HOUSEHOLD
    seg["ip1"] = home_ips(w, seg["country"][first])[house]
    share_card = rng.random(len(sizes)) < 0.35
    shared_members = share_card[house]
    seg["plan"][shared_members] = "pro"
    idx = w.pop.add(seg)
    sharing = np.flatnonzero(share_card)
    if len(sharing):
        inst = w.pop.instruments.add(
            rng, len(sharing), "card", cat.ORGANIC_BINS, seg["country"][first[sharing]].tolist()
        )
        member_inst = np.full(len(sizes), -1, dtype=np.int32)
        member_inst[sharing] = inst
        members = np.flatnonzero(shared_members)
        first_used = seg["created"][members] + rng.integers(0, 3 * DAY, len(members))
        w.pop.payments.link(idx[members], member_inst[house[members]], first_used)
    rest = np.flatnonzero(~shared_members)
    _own_cards(w, idx[rest], {k: v[rest] for k, v in seg.items()}, 0.92)


def _sizes(rng: np.random.Generator, total: int, lo: int, hi: int) -> list[int]:
    """Group sizes in [lo, hi] adding up to at most `total`."""
    sizes: list[int] = []
    acc = 0
    while acc + lo <= total:
        size = int(rng.integers(lo, hi + 1))
        sizes.append(size)
        acc += size
    if sizes and acc > total:
        sizes[-1] = max(lo, sizes[-1] - (acc - total))
    return sizes


def _groups(sizes: list[int]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """(group of each member, index of each group's first member)."""
    grp = np.repeat(np.arange(len(sizes)), sizes)
    first = np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.int64)
    return grp, first


def _pick_by_country(
    rng: np.random.Generator, countries: npt.NDArray[Any], options: dict[str, list[int]], n_all: int
) -> npt.NDArray[np.int64]:
    """For each entry, one of its country's options (any option for a country without its own)."""
    out = np.empty(len(countries), dtype=np.int64)
    for country in np.unique(countries).tolist():
        sel = np.flatnonzero(countries == country)
        opts = np.array(options.get(str(country)) or range(n_all), dtype=np.int64)
        out[sel] = opts[rng.integers(0, len(opts), len(sel))]
    return out


def add_companies(w: World, total: int) -> None:
    """Firms: one domain, org, corporate card(s) and NAT for 50-300 staff, plus internal templates."""
    rng = w.rng
    lo, hi = w.scenario.company_size
    corp_families = np.array(indices(CORPORATE), dtype=np.int32)
    for size in _sizes(rng, total, lo, hi):
        c = len(w.companies)
        word = cat.COMPANY_WORDS[c % len(cat.COMPANY_WORDS)]
        suffix = cat.COMPANY_SUFFIXES[int(rng.integers(0, len(cat.COMPANY_SUFFIXES)))]
        name = f"{word} {suffix}" + (
            f" {c // len(cat.COMPANY_WORDS) + 1}" if c >= len(cat.COMPANY_WORDS) else ""
        )
        domain = f"{name.lower().replace(' ', '-')}.com"
        org_id = f"org_{rng.integers(0, 16**10):010x}"
        fams = rng.choice(corp_families, size=3, replace=False).tolist()
        w.companies.append(Group(name, org_id, domain, [int(f) for f in fams]))
        seg = people(w, size, K_COMPANY)
        country = str(rng.choice(["US", "GB", "DE", "FR", "CA", "NL", "JP"]))
        seg["country"][:] = country
        seg["tz"][:] = TZ[country]
        seg["group"][:] = c
        seg["email"][:] = domain
        seg["org_id"][:] = org_id
        seg["plan"] = np.where(rng.random(size) < 0.8, "team", "enterprise").astype(object)
        seg["channel"] = np.where(rng.random(size) < 0.7, "web", "api_console").astype(object)
        seg["status"][:] = "active"
        seg["act_end"][:] = END
        # Onboarding waves: a benign sign-up burst of hundreds of accounts in a day or two.
        waves = START - rng.integers(20, 500, 3) * DAY
        seg["created"] = waves[rng.integers(0, 3, size)] + rng.integers(0, 2 * DAY, size)
        seg["act_start"] = np.full(size, START, dtype=np.int64)
        seg["n_org"] = organic_activity(rng, size, w.rpa * 1.5, dormant=0.05)
        _drop_vpn(seg)
        seg["flags"] |= F_CORPORATE
        nat = w.ips.block_v4(cat.BUSINESS, int(rng.integers(1, 3)))
        seg["ip1"] = nat[rng.integers(0, len(nat), size)]
        remote = rng.random(size) < 0.3
        seg["flags"][remote] &= ~F_CARRIER_NAT
        seg["ip2"][remote] = home_ips(w, seg["country"][remote], 0.0)
        seg["p_ip2"][remote] = rng.uniform(0.1, 0.5, int(remote.sum()))
        seg["p_group"][:] = rng.uniform(0.2, 0.5, size)
        seg["p_viral"] = rng.beta(1.5, 6.0, size).astype(np.float32)
        idx = w.pop.add(seg)
        cards = w.pop.instruments.add(rng, int(rng.integers(1, 3)), "card", "552233", country)
        w.pop.payments.link(idx, cards[rng.integers(0, len(cards), size)], seg["created"])


def add_teams(w: World, total: int) -> None:
    """Small teams (3-15) on a shared card and org, working from home."""
    rng = w.rng
    sizes = _sizes(rng, total, 3, 15)
    if not sizes:
        return
    grp, first = _groups(sizes)
    seg = people(w, sum(sizes), K_TEAM)
    seg["country"] = seg["country"][first][grp]
    seg["tz"] = seg["tz"][first][grp]
    seg["email"] = small_domains(rng, len(sizes))[grp]
    seg["org_id"] = _org_ids(rng, len(sizes), "org_")[grp]
    seg["plan"][:] = "team"
    seg["ip1"] = home_ips(w, seg["country"])
    idx = w.pop.add(seg)
    cards = w.pop.instruments.add(rng, len(sizes), "card", cat.ORGANIC_BINS, seg["country"][first].tolist())
    w.pop.payments.link(idx, cards[grp], seg["created"])


def _org_ids(rng: np.random.Generator, count: int, prefix: str) -> npt.NDArray[Any]:
    return np.array([f"{prefix}{x:010x}" for x in rng.integers(0, 16**10, count).tolist()], dtype=object)


def add_universities(w: World, total: int) -> None:
    """Students behind the campus NAT, signed up in semester waves, doing homework the same evenings."""
    rng = w.rng
    lo, hi = w.scenario.university_size
    for size in _sizes(rng, total, lo, hi):
        u = len(w.universities)
        word = cat.UNIVERSITY_WORDS[u % len(cat.UNIVERSITY_WORDS)]
        name = f"{word} University" + (
            f" {u // len(cat.UNIVERSITY_WORDS) + 1}" if u >= len(cat.UNIVERSITY_WORDS) else ""
        )
        domain = f"student.{name.lower().replace(' university', '').replace(' ', '')}.edu"
        w.universities.append(Group(name, "", domain, []))
        country = str(rng.choice(["US", "GB", "CA", "AU", "DE"]))
        net = cat.Network(cat.EDUCATION_ASN_BASE + u, f"{name} Network", "education", country)
        seg = people(w, size, K_UNIVERSITY)
        seg["country"][:] = country
        seg["tz"][:] = TZ[country]
        seg["group"][:] = u
        seg["email"][:] = domain
        seg["plan"][:] = "education"
        seg["channel"][:] = "education"
        semester = np.array([START - 215 * DAY, START - 75 * DAY])
        seg["created"] = semester[rng.integers(0, 2, size)] + rng.integers(0, 10 * DAY, size)
        seg["act_start"][:] = START
        _drop_vpn(seg)
        seg["flags"] |= F_UNIVERSITY
        nat = w.ips.block_v4(net, int(rng.integers(1, 3)))
        seg["ip1"] = nat[rng.integers(0, len(nat), size)]
        home = rng.random(size) < 0.5
        seg["flags"][home] &= ~F_CARRIER_NAT
        seg["ip2"][home] = home_ips(w, seg["country"][home], 0.05)
        seg["p_ip2"][home] = rng.uniform(0.2, 0.5, int(home.sum()))
        seg["p_group"][:] = rng.uniform(0.3, 0.6, size)
        seg["ua1"] = _BROWSER[rng.integers(0, len(_BROWSER), size)]
        idx = w.pop.add(seg)
        _own_cards(w, idx, {**seg, "plan": np.full(size, "free", dtype=object)}, 0.0)


def add_products(w: World, total: int) -> None:
    """Customers' apps: 2-5 accounts (prod, staging, dev) calling from cloud servers with one product
    template at high volume. The benign twin of a sloppy campaign: hosting IPs, SDK agent, one template."""
    rng = w.rng
    sizes = _sizes(rng, total, 2, 5)
    if not sizes:
        return
    n_groups = len(sizes)
    grp, first = _groups(sizes)
    families = np.array(indices(PRODUCT), dtype=np.int64)[rng.integers(0, len(PRODUCT), n_groups)]
    org_ids = _org_ids(rng, n_groups, "org_p")
    base = len(w.companies)
    for g in range(n_groups):
        word = cat.PRODUCT_NAMES[g % len(cat.PRODUCT_NAMES)]
        name = word + (f" {g // len(cat.PRODUCT_NAMES) + 1}" if g >= len(cat.PRODUCT_NAMES) else "")
        fam = int(families[g])
        w.companies.append(
            Group(name, str(org_ids[g]), f"{name.lower().replace(' ', '')}.app", [fam, fam, fam])
        )
    m = sum(sizes)
    seg = people(w, m, K_PRODUCT)
    _drop_vpn(seg)
    seg["country"] = seg["country"][first][grp]
    seg["tz"] = seg["tz"][first][grp]
    seg["group"] = (base + grp).astype(np.int32)
    seg["email"] = np.array([w.companies[base + g].domain for g in range(n_groups)], dtype=object)[grp]
    seg["org_id"] = org_ids[grp]
    seg["plan"][:] = "api"
    seg["channel"][:] = "api_console"
    seg["status"][:] = "active"
    seg["act_end"][:] = END
    seg["flags"] = (seg["flags"] & ~F_CARRIER_NAT) | F_PRODUCT
    seg["ip2"][:] = -1
    # Production carries the traffic; staging and dev accounts far less.
    volume = organic_activity(rng, m, w.rpa * 25, dormant=0.0)
    volume[np.arange(m) != first[grp]] //= 10
    seg["n_org"] = volume
    # 1-3 servers per product in one hosting provider.
    net_of = rng.integers(0, len(cat.HOSTING), n_groups)
    servers_of = rng.integers(1, 4, n_groups)
    start_of = np.empty(n_groups, dtype=np.int64)
    servers: list[npt.NDArray[np.int32]] = []
    offset = 0
    for n, net in enumerate(cat.HOSTING):
        sel = np.flatnonzero(net_of == n)
        if len(sel) == 0:
            continue
        ids = w.ips.scattered_v4(net, int(servers_of[sel].sum()))
        start_of[sel] = offset + np.concatenate(([0], np.cumsum(servers_of[sel])[:-1]))
        servers.append(ids)
        offset += len(ids)
    pool = np.concatenate(servers)
    seg["ip1"] = pool[start_of[grp] + rng.integers(0, servers_of[grp])]
    seg["ua1"] = _SDK[rng.integers(0, len(_SDK), n_groups)][grp]
    seg["ua2"] = seg["ua1"]
    seg["p_group"][:] = 0.95
    seg["p_viral"][:] = 0.0
    idx = w.pop.add(seg)
    cards = w.pop.instruments.add(rng, n_groups, "card", cat.ORGANIC_BINS, seg["country"][first].tolist())
    w.pop.payments.link(idx, cards[grp], seg["created"])


def add_background(w: World, total: int) -> None:
    """`total` legitimate accounts; call before any campaign is planted."""
    s = w.scenario
    companies = round(total * s.company_share)
    universities = round(total * s.university_share)
    households = round(total * s.household_share)
    teams = round(total * s.team_share)
    products = round(total * s.product_share)
    add_companies(w, companies if companies >= s.company_size[0] else 0)
    add_universities(w, universities if universities >= s.university_size[0] else 0)
    add_households(w, households)
    add_teams(w, teams)
    add_products(w, products)
    add_individuals(w, total - w.pop.count)
