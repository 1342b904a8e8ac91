"""Ordinary platform users and the traffic helpers every style shares."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from scenarios.heldout7.core import (
    ASNS,
    CONSUMER_DOMAINS,
    COUNTRY_WEIGHTS,
    MOBILE_BY_COUNTRY,
    SDK_UAS,
    T0,
    T1,
    Account,
    World,
    browser_ua,
    mobile_ua,
    weighted,
)
from scenarios.heldout7.text import benign_prompt

PromptFn = Callable[[random.Random], tuple[str, int, int]]
EPOCH_2023 = int(datetime(2023, 3, 1, tzinfo=UTC).timestamp())

UNIVERSITIES = (
    ("umich.edu", "internet2", "US"), ("berkeley.edu", "internet2", "US"), ("utexas.edu", "internet2", "US"),
    ("ox.ac.uk", "jisc", "GB"), ("ucl.ac.uk", "jisc", "GB"), ("tum.de", "dfn", "DE"),
    ("rwth-aachen.de", "dfn", "DE"),
    ("purdue.edu", "internet2", "US"),
)  # fmt: skip
COMPANY_DOMAINS = (
    "brightwell-logistics.com", "northgate-insurance.co.uk", "tannery-studio.io", "helix-dental.com",
    "kobalt-engineering.de", "lumen-realty.com", "pinecrest-law.com", "suncoast-health.org",
    "arbor-analytics.com", "marlow-foods.co.uk", "vertex-payroll.com", "fjord-design.no",
    "quarry-games.com", "saltmarsh-media.com", "ironbridge-capital.com", "opal-retail.com.au",
    "redwood-hr.com", "castellan-security.com", "bluefin-travel.es", "maple-clinic.ca",
)  # fmt: skip


def pick_country(rng: random.Random) -> str:
    return weighted(rng, COUNTRY_WEIGHTS)


def consumer_domain(rng: random.Random) -> str:
    return weighted(rng, CONSUMER_DOMAINS)


def past_created(rng: random.Random, in_window: float = 0.08) -> int:
    if rng.random() < in_window:
        return int(rng.uniform(T0, T0 + 38 * 86400))
    # Skewed towards the recent past.
    return int(T0 - (T0 - EPOCH_2023) * rng.random() ** 1.8)


def card(w: World, rng: random.Random, acc: Account, itype: str = "card", issuer: str | None = None) -> str:
    inst = w.new_instrument(rng)
    bin_ = str(rng.choice((4, 5))) + "".join(str(rng.randint(0, 9)) for _ in range(5))
    w.pay(acc, inst, itype, bin_, issuer or acc.country, acc.created_at + rng.randint(60, 86400 * 20))
    return inst


def session_times(
    w: World,
    rng: random.Random,
    tz: float,
    n: int,
    start: float = T0,
    end: float = T1,
    peak: tuple[float, float] = (9.0, 23.0),
    weekend: float = 0.8,
) -> list[int]:
    """Request times grouped into sessions of a few requests a couple of minutes apart."""
    start = max(start, T0)
    if end - start < 600:
        start = end - 600
    out: list[int] = []
    while len(out) < n:
        t = float(w.diurnal_ts(rng, tz, start, end, peak, weekend))
        k = min(n - len(out), 1 + int(rng.expovariate(1 / 3)))
        for _ in range(k):
            if t >= end:
                break
            out.append(int(t))
            t += rng.uniform(15, 420)
    out.sort()
    return out


def emit(
    w: World,
    rng: random.Random,
    acc: Account,
    n: int,
    ips: Sequence[str],
    uas: Sequence[str],
    *,
    persona: str = "general",
    prompt_fn: PromptFn | None = None,
    start: float | None = None,
    end: float = T1,
    peak: tuple[float, float] = (9.0, 23.0),
    weekend: float = 0.8,
    fixed_model: str | None = None,
) -> None:
    """Ordinary-looking traffic for one account."""
    times = session_times(w, rng, acc.tz_offset, n, max(acc.created_at, start or T0), end, peak, weekend)
    for t in times:
        if prompt_fn is not None:
            p, tin, tout = prompt_fn(rng)
        else:
            p, tin, tout = benign_prompt(rng, persona)
        ip = ips[0] if len(ips) == 1 or rng.random() < 0.6 else rng.choice(ips)
        model = fixed_model or w.model_for(rng, t)
        w.req(acc, t, p, ip, model, tin, tout, uas[0] if rng.random() < 0.85 else rng.choice(uas))


def carrier_pool(w: World, rng: random.Random, key: str, size: int) -> list[str]:
    """Carrier-grade NAT: a few public addresses in front of a whole region's phones."""
    blk = w.block24(rng, key)
    return [w.ip4(rng, key, blk) for _ in range(size)]


def build_background(w: World, n: int, rng: random.Random) -> None:
    # Shared pools: phones behind carrier NAT, commercial VPN exits.
    # Big carriers put whole metro areas behind a couple of addresses.
    nat = {k: carrier_pool(w, rng, k, 1 if k in ("tmobile_us", "jio") else 3) for k in MOBILE_CARRIERS}
    vpn_exits = [w.ip4(rng, "m247") for _ in range(40)] + [w.ip4(rng, "datacamp") for _ in range(25)]
    # Segments by share of accounts (the rest after these is individuals on home broadband).
    quotas = {"phone": 0.25, "company": 0.15, "household": 0.08, "vpn": 0.07, "dev": 0.07, "student": 0.08}
    made = dict.fromkeys(quotas, 0)
    total = 0
    while total < n:
        left = n - total
        seg = weighted(rng, [(s, q) for s, q in quotas.items() if made[s] < q * n] + [("individual", 0.3)])
        if seg == "phone":
            k = _phone(w, rng, nat)
        elif seg == "company":
            k = _company(w, rng, min(left, max(2, int(rng.paretovariate(1.1) * 3)), 220))
        elif seg == "household":
            k = _household(w, rng, min(left, rng.randint(2, 4)))
        elif seg == "vpn":
            k = _vpn_user(w, rng, vpn_exits)
        elif seg == "dev":
            k = _developer(w, rng)
        elif seg == "student":
            k = _student(w, rng)
        else:
            k = _individual(w, rng)
        made[seg] = made.get(seg, 0) + k
        total += k


def _individual(w: World, rng: random.Random) -> int:
    c = pick_country(rng)
    plan = "plus" if rng.random() < 0.3 else "free"
    acc = w.new_account(
        rng,
        past_created(rng),
        email_domain=consumer_domain(rng),
        country=c,
        plan=plan,
        signup_channel=rng.choice(("web", "web", "ios", "android", "google_sso")),
    )
    if plan != "free":
        card(w, rng, acc)
    home = w.residential_ip(rng, c)
    ips = [home] + ([w.residential_ip(rng, c)] if rng.random() < 0.5 else [])
    if rng.random() < 0.3 and c in MOBILE_BY_COUNTRY:
        ips.append(w.ip4(rng, rng.choice(MOBILE_BY_COUNTRY[c])))
    emit(w, rng, acc, w.volume(rng, 0.6, 1.0), ips, [browser_ua(rng), mobile_ua(rng)])
    return 1


def _household(w: World, rng: random.Random, k: int) -> int:
    c = pick_country(rng)
    home = w.residential_ip(rng, c)
    v6 = rng.random() < 0.3 and c == "US"
    shared_card = rng.random() < 0.25
    inst = ""
    for _ in range(k):
        plan = "plus" if shared_card or rng.random() < 0.25 else "free"
        acc = w.new_account(rng, past_created(rng), email_domain=consumer_domain(rng), country=c, plan=plan)
        if plan != "free":
            if shared_card and inst:
                w.pay(acc, inst, "card", "4" + "53120", c, acc.created_at + 3600)
            else:
                inst = card(w, rng, acc)
        ips = [home] + ([w.ip6(rng, "comcast")] if v6 else [])
        emit(w, rng, acc, w.volume(rng, 0.7, 1.0), ips, [browser_ua(rng), mobile_ua(rng)])
    return k


MOBILE_CARRIERS = [k for ks in MOBILE_BY_COUNTRY.values() for k in ks]
PHONE_MIX = [("tmobile_us", 28), ("verizon_wireless", 16), ("jio", 26), ("vodafone_uk", 10), ("tim_br", 10),
             ("mtn_ng", 10)]  # fmt: skip


def _phone(w: World, rng: random.Random, nat: dict[str, list[str]]) -> int:
    carrier = weighted(rng, PHONE_MIX)
    c = ASNS[carrier][3]
    pool = nat[carrier]
    acc = w.new_account(
        rng,
        past_created(rng, 0.12),
        email_domain=consumer_domain(rng),
        country=c,
        plan="plus" if rng.random() < 0.15 else "free",
        signup_channel=rng.choice(("ios", "android", "apple_sso", "google_sso")),
    )
    if acc.plan != "free":
        card(w, rng, acc, itype=rng.choice(("card", "apple_pay", "google_pay")))
    ips = rng.sample(pool, min(len(pool), rng.randint(1, 2)))
    if c == "US" and rng.random() < 0.4:
        ips.append(w.ip6(rng, "tmobile_us"))
    emit(w, rng, acc, w.volume(rng, 0.55, 1.0), ips, [mobile_ua(rng)], peak=(7.0, 24.0))
    return 1


def _company(w: World, rng: random.Random, k: int) -> int:
    key = rng.choice(("zayo", "lumen", "colt") if k > 20 else ("zayo", "lumen", "colt", "comcast", "dtag"))
    c = ASNS[key][3]
    blk = w.block24(rng, key)
    egress = [w.ip4(rng, key, blk) for _ in range(1 + k // 60)]
    dom = (
        rng.choice(COMPANY_DOMAINS)
        if rng.random() < 0.6
        else f"{rng.choice(COMPANY_DOMAINS).split('.')[0]}{rng.randint(2, 99)}.com"
    )
    org = w.new_org(rng)
    plan = "team" if k < 40 else "enterprise"
    inst = ""
    for i in range(k):
        acc = w.new_account(
            rng,
            past_created(rng),
            email_domain=dom,
            country=c,
            plan=plan,
            org_id=org,
            signup_channel="sso" if plan == "enterprise" else "invite",
        )
        if i == 0:
            inst = card(w, rng, acc, itype="invoice" if plan == "enterprise" else "card")
        home = w.residential_ip(rng, c)
        ips = egress + ([home] if rng.random() < 0.5 else [])
        emit(
            w,
            rng,
            acc,
            w.volume(rng, 1.0, 0.9),
            ips,
            [browser_ua(rng)],
            peak=(8.5, 18.5),
            weekend=0.1,
            persona="developer" if rng.random() < 0.3 else "general",
        )
    del inst
    return k


def _vpn_user(w: World, rng: random.Random, exits: list[str]) -> int:
    c = pick_country(rng)
    acc = w.new_account(
        rng,
        past_created(rng),
        email_domain=consumer_domain(rng),
        country=c,
        plan="plus" if rng.random() < 0.35 else "free",
    )
    if acc.plan != "free":
        card(w, rng, acc)
    ips = rng.sample(exits, rng.randint(1, 5)) + ([w.residential_ip(rng, c)] if rng.random() < 0.4 else [])
    emit(w, rng, acc, w.volume(rng, 0.8, 1.0), ips, [browser_ua(rng)])
    return 1


def _developer(w: World, rng: random.Random) -> int:
    c = pick_country(rng)
    acc = w.new_account(
        rng,
        past_created(rng),
        email_domain=consumer_domain(rng) if rng.random() < 0.6 else rng.choice(COMPANY_DOMAINS),
        country=c,
        plan="api_payg",
        signup_channel="api_console",
    )
    card(w, rng, acc)
    key = rng.choice(("aws", "gcp", "azure", "hetzner", "digitalocean", "ovh", "linode"))
    ips = [w.ip4(rng, key), w.residential_ip(rng, c)]
    if rng.random() < 0.2 and ASNS[key][5]:
        ips.append(w.ip6(rng, key))
    uas = [rng.choice(SDK_UAS)]
    model = rng.choice(("orion-2", "orion-2-mini", "orion-2-pro"))
    n = w.volume(rng, 1.4, 1.2)
    if rng.random() < 0.5:
        emit(w, rng, acc, n, ips, uas, persona="developer", fixed_model=model, peak=(0.0, 24.0))
    else:
        emit(w, rng, acc, n, ips, uas, persona="developer", peak=(8.0, 20.0))
    return 1


def _student(w: World, rng: random.Random) -> int:
    dom, key, c = rng.choice(UNIVERSITIES)
    campus = [w.ip4(rng, key, f"{ASNS[key][4][0]}.{rng.choice((4, 17, 201))}") for _ in range(2)]
    acc = w.new_account(
        rng,
        past_created(rng),
        email_domain=dom,
        country=c,
        plan="edu" if rng.random() < 0.4 else "free",
        signup_channel="education" if rng.random() < 0.4 else "web",
    )
    ips = [*campus, w.residential_ip(rng, c)]
    emit(w, rng, acc, w.volume(rng, 0.8, 1.0), ips, [browser_ua(rng)], persona="student")
    return 1
