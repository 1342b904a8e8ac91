"""Ordinary platform users: individuals, households, small teams, offices behind NAT, phones on carrier NAT,
VPN users, students on campus networks and developers on their own servers."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from scenarios.heldout4 import text
from scenarios.heldout4.world import (
    BROWSER_UAS,
    COUNTRIES,
    COUNTRY_WEIGHTS,
    DAY,
    HOURS_EVENING,
    HOURS_PERSONAL,
    HOURS_WORK,
    MOBILE_BY_COUNTRY,
    RESIDENTIAL_BY_COUNTRY,
    SDK_UAS,
    TZ,
    WINDOW_END,
    WINDOW_START,
    World,
    benign_model,
    local_times,
    mobile_ua,
)

VISA_MC_BINS = (
    "414720",
    "426684",
    "453201",
    "476173",
    "485932",
    "510510",
    "522182",
    "531106",
    "546616",
    "552433",
    "601100",
    "371449",
    "400115",
    "439286",
    "516732",
    "520082",
    "535522",
)
BUSINESS_BY_COUNTRY = {
    "US": ("lumen", "zayo", "cogent"),
    "GB": ("colt",),
    "FR": ("orange_business",),
    "SE": ("arelion",),
    "DE": ("colt", "arelion"),
}


def pick_country(rng: random.Random) -> str:
    return rng.choices(COUNTRIES, COUNTRY_WEIGHTS)[0]


def created_before(rng: random.Random, new_share: float = 0.18) -> float:
    """Account creation: most accounts predate the window, some sign up during it."""
    if rng.random() < new_share:
        return WINDOW_START + rng.random() * (WINDOW_END - WINDOW_START - 2 * DAY)
    return WINDOW_START - rng.expovariate(1 / 300) * DAY - rng.random() * DAY


def card(w: World, rng: random.Random, account: str, country: str, first_used: float) -> str:
    instrument = w.instrument("card")
    issuer = country if rng.random() < 0.93 else rng.choice(("US", "GB", "IE", "NL"))
    kind = rng.choice(("credit", "credit", "debit"))
    w.pay(account, instrument, kind, rng.choice(VISA_MC_BINS), issuer, first_used)
    return instrument


def emit(
    w: World,
    rng: random.Random,
    account: str,
    times: Sequence[float],
    ips: Sequence[str],
    ip_weights: Sequence[float],
    uas: Sequence[str],
    prompt: Callable[[random.Random], str],
    *,
    eagerness: float = 1.0,
    out_mean: float = 380.0,
) -> None:
    for ts in times:
        ip = rng.choices(ips, ip_weights)[0] if len(ips) > 1 else ips[0]
        w.req(rng, account, ts, prompt(rng), ip, benign_model(rng, ts, eagerness), rng.choice(uas), out_mean)


def _activity(
    w: World,
    rng: random.Random,
    account: str,
    created: float,
    ip: str,
    scale: float,
    tz: float,
    hours: Sequence[float],
    weekdays: bool = False,
) -> list[float]:
    n = w.volume(rng, scale)
    start = max(created, WINDOW_START)
    if n == 0:
        w.login(account, ip, start + rng.random() * (WINDOW_END - start))
        return []
    return local_times(rng, n, tz, start, WINDOW_END, hours, weekdays)


def individual(w: World, rng: random.Random, budget: int) -> int:
    country = pick_country(rng)
    tz = TZ[country]
    created = created_before(rng)
    paid = rng.random() < 0.35
    acct = w.add_account(
        created, text.personal_mail(rng, country), country, rng.choice(("plus", "pro")) if paid else "free"
    )
    if paid:
        card(w, rng, acct, country, max(created, WINDOW_START - 30 * DAY))
    home = w.net.v4(rng, rng.choice(RESIDENTIAL_BY_COUNTRY[country]))
    ips, weights = [home], [1.0]
    if country in MOBILE_BY_COUNTRY and rng.random() < 0.3:
        ips.append(rng.choice(w.cgnat[rng.choice(MOBILE_BY_COUNTRY[country])]))
        weights.append(0.3)
    if rng.random() < 0.05:
        ips.append(w.net.v6(rng, rng.choice(RESIDENTIAL_BY_COUNTRY[country])))
        weights.append(0.5)
    uas = [rng.choice(BROWSER_UAS)] if rng.random() < 0.93 else [rng.choice(SDK_UAS)]
    times = _activity(w, rng, acct, created, home, 1.0, tz, HOURS_PERSONAL)
    emit(w, rng, acct, times, ips, weights, uas, text.benign_prompt)
    return 1


def household(w: World, rng: random.Random, budget: int) -> int:
    k = min(budget, rng.randint(2, 4))
    country = pick_country(rng)
    home = w.net.v4(rng, rng.choice(RESIDENTIAL_BY_COUNTRY[country]))
    shared_card = w.instrument("card") if rng.random() < 0.5 else ""
    bin_ = rng.choice(VISA_MC_BINS)
    for _ in range(k):
        created = created_before(rng)
        paid = bool(shared_card) or rng.random() < 0.3
        acct = w.add_account(created, text.personal_mail(rng, country), country, "plus" if paid else "free")
        if shared_card:
            w.pay(acct, shared_card, "credit", bin_, country, max(created, WINDOW_START - 60 * DAY))
        elif paid:
            card(w, rng, acct, country, created)
        times = _activity(w, rng, acct, created, home, 0.8, TZ[country], HOURS_EVENING)
        emit(w, rng, acct, times, [home], [1.0], [rng.choice(BROWSER_UAS)], text.benign_prompt)
    return k


def small_team(w: World, rng: random.Random, budget: int) -> int:
    k = min(budget, rng.randint(3, 12))
    country = rng.choice(("US", "US", "GB", "DE", "FR", "SE"))
    tz = TZ[country]
    domain = text.company_domain(rng)
    org = w.new_id("org_", 8)
    office = w.net.block24(rng, rng.choice(BUSINESS_BY_COUNTRY.get(country, ("cogent",))))
    office_ips = [w.net.v4_in(rng, office, "corporate") for _ in range(rng.randint(1, 2))]
    team_card = w.instrument("card")
    bin_ = rng.choice(VISA_MC_BINS)
    for _ in range(k):
        created = created_before(rng, 0.1)
        acct = w.add_account(created, domain, country, "team", org_id=org)
        w.pay(acct, team_card, "credit", bin_, country, max(created, WINDOW_START - 90 * DAY))
        home_country = country if country in RESIDENTIAL_BY_COUNTRY else "DE"
        home = w.net.v4(rng, rng.choice(RESIDENTIAL_BY_COUNTRY[home_country]))
        times = _activity(w, rng, acct, created, office_ips[0], 1.3, tz, HOURS_WORK, True)
        prompt = text.dev_prompt if rng.random() < 0.4 else text.benign_prompt
        emit(
            w,
            rng,
            acct,
            times,
            [*office_ips, home],
            [0.75 / len(office_ips)] * len(office_ips) + [0.25],
            [rng.choice(BROWSER_UAS)],
            prompt,
        )
    return k


def office_nat(w: World, rng: random.Random, budget: int) -> int:
    k = min(budget, rng.randint(25, 180))
    country = rng.choice(("US", "US", "US", "GB", "FR", "DE", "SE"))
    tz = TZ[country]
    domain = text.company_domain(rng, rng.choice(("com", "com", "co.uk", "de", "fr", "se")))
    org = w.new_id("org_", 8)
    block = w.net.block24(rng, rng.choice(BUSINESS_BY_COUNTRY.get(country, ("cogent",))))
    nat = [w.net.v4_in(rng, block, "corporate") for _ in range(rng.randint(2, 4))]
    invoice = w.instrument("invoice")
    first = WINDOW_START - rng.randint(60, 400) * DAY

    def office_prompt(r: random.Random) -> str:
        return text.benign_prompt(r, 0.4, 0.02)

    for _ in range(k):
        created = first + rng.random() * (WINDOW_END - first - 3 * DAY)
        acct = w.add_account(created, domain, country, "enterprise", org_id=org, channel="sales")
        w.pay(acct, invoice, "invoice", "", country, max(first, created))
        times = _activity(w, rng, acct, created, nat[0], 0.9, tz, HOURS_WORK, True)
        emit(
            w,
            rng,
            acct,
            times,
            nat,
            [1.0] * len(nat),
            [rng.choice(BROWSER_UAS[:4])],
            office_prompt,
            eagerness=0.4,
        )
    return k


def mobile(w: World, rng: random.Random, budget: int) -> int:
    country = rng.choice(tuple(MOBILE_BY_COUNTRY))
    carrier = rng.choice(MOBILE_BY_COUNTRY[country])
    created = created_before(rng, 0.25)
    paid = rng.random() < 0.3
    acct = w.add_account(
        created,
        text.personal_mail(rng, country),
        country,
        "plus" if paid else "free",
        channel=rng.choice(("ios_app", "android_app")),
    )
    if paid:
        w.pay(
            acct, w.instrument("app_store"), "app_store", "", country, max(created, WINDOW_START - 20 * DAY)
        )
    pool = w.cgnat[carrier]
    ips = rng.sample(pool, rng.randint(2, 5))
    times = _activity(w, rng, acct, created, ips[0], 0.7, TZ[country], HOURS_EVENING)
    emit(w, rng, acct, times, ips, [1.0] * len(ips), [mobile_ua(rng)], text.benign_prompt, out_mean=260)
    return 1


def vpn_user(w: World, rng: random.Random, budget: int) -> int:
    country = pick_country(rng)
    created = created_before(rng)
    acct = w.add_account(
        created, text.personal_mail(rng, country), country, rng.choice(("free", "plus", "pro"))
    )
    if rng.random() < 0.5:
        card(w, rng, acct, country, max(created, WINDOW_START - 10 * DAY))
    exits = rng.sample(w.vpn_exits, rng.randint(1, 4))
    home = w.net.v4(rng, rng.choice(RESIDENTIAL_BY_COUNTRY[country]))
    times = _activity(w, rng, acct, created, exits[0], 1.0, TZ[country], HOURS_PERSONAL)
    emit(
        w,
        rng,
        acct,
        times,
        [*exits, home],
        [1.0] * len(exits) + [0.4],
        [rng.choice(BROWSER_UAS)],
        text.benign_prompt,
    )
    return 1


UNIVERSITIES = (
    ("cenic", "csun.edu", "US"),
    ("cenic", "sdsu.edu", "US"),
    ("jisc", "ed.ac.uk", "GB"),
    ("jisc", "manchester.ac.uk", "GB"),
    ("dfn", "tum.de", "DE"),
    ("dfn", "uni-heidelberg.de", "DE"),
    ("sinet", "u-tokyo.ac.jp", "JP"),
    ("cenic", "sfsu.edu", "US"),
)


def students(w: World, rng: random.Random, budget: int) -> int:
    k = min(budget, rng.randint(10, 60))
    key, domain, country = rng.choice(UNIVERSITIES)
    campus = w.net.block24(rng, key)
    nat = [w.net.v4_in(rng, campus) for _ in range(rng.randint(2, 6))]
    for _ in range(k):
        created = created_before(rng, 0.3)
        acct = w.add_account(
            created,
            domain,
            country,
            rng.choice(("free", "free", "plus")),
            channel=rng.choice(("web", "education")),
        )
        home = w.net.v4(rng, rng.choice(RESIDENTIAL_BY_COUNTRY[country]))
        times = _activity(w, rng, acct, created, nat[0], 1.0, TZ[country], HOURS_EVENING)
        emit(
            w,
            rng,
            acct,
            times,
            [*nat, home],
            [1.0] * len(nat) + [1.5],
            [rng.choice(BROWSER_UAS)],
            text.benign_prompt,
        )
    return k


def developer(w: World, rng: random.Random, budget: int) -> int:
    country = pick_country(rng)
    created = created_before(rng)
    acct = w.add_account(
        created,
        text.personal_mail(rng, country) if rng.random() < 0.6 else text.company_domain(rng),
        country,
        "pay_as_you_go",
        channel="api",
    )
    card(w, rng, acct, country, max(created, WINDOW_START - 15 * DAY))
    if rng.random() < 0.35:
        ips = rng.sample(w.aws_egress if rng.random() < 0.7 else w.gcp_egress, rng.randint(2, 12))
    else:
        ips = [w.net.v4(rng, rng.choice(("hetzner", "digitalocean", "ovh", "vultr", "akamai")))]
    home = w.net.v4(rng, rng.choice(RESIDENTIAL_BY_COUNTRY[country]))
    times = _activity(w, rng, acct, created, home, 2.0, TZ[country], HOURS_PERSONAL)
    emit(
        w,
        rng,
        acct,
        times,
        [*ips, home],
        [1.0] * len(ips) + [0.5],
        [rng.choice(SDK_UAS)],
        text.dev_prompt,
        eagerness=2.0,
        out_mean=520,
    )
    return 1


SEGMENTS: tuple[tuple[Callable[[World, random.Random, int], int], float], ...] = (
    (individual, 40.0),
    (household, 10.0 / 3),
    (small_team, 8.0 / 7.5),
    (office_nat, 10.0 / 100),
    (mobile, 20.0),
    (vpn_user, 6.0),
    (students, 5.0 / 35),
    (developer, 4.0),
)


def plant_background(w: World, n: int) -> None:
    rng = w.rng("background")
    made = 0
    funcs = [f for f, _ in SEGMENTS]
    weights = [wt for _, wt in SEGMENTS]
    while made < n:
        seg = rng.choices(funcs, weights)[0]
        made += seg(w, rng, n - made)
    # Stale intelligence: old, low-confidence labels on entities now used by ordinary customers.
    if w.accounts:
        some_ip = rng.choice(w.vpn_exits)
        w.label("ip", some_ip, "Ghost Orchid", 0.35, "osint_blocklist", "seen in a 2025 scraping report")
        w.label(
            "asn", "20473", "Ghost Orchid", 0.2, "osint_blocklist", "hosting range named in a 2025 report"
        )
