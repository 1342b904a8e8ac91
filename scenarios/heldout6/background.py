"""Ordinary platform users: individuals, households, teams, offices, phones, VPN users and developers."""

from __future__ import annotations

import random
from datetime import datetime

from .base import consumer_ua, home_ip, in_window, mobile_ip, old_signup, vpn_exits
from .text import CONSUMER, DEVELOPER, OFFICE, benign
from .world import (
    COUNTRIES,
    START,
    UA_BROWSER,
    UA_MOBILE,
    UA_SDK_NODE,
    UA_SDK_PY,
    UA_TOOLS,
    World,
    human_times,
    work_times,
)

_SYL = (
    "bri",
    "lan",
    "tor",
    "vex",
    "ka",
    "mo",
    "sol",
    "quin",
    "dar",
    "eli",
    "nova",
    "pix",
    "rem",
    "zu",
    "tal",
    "cor",
    "fen",
    "ly",
    "mar",
    "os",
    "ter",
    "wy",
    "ash",
    "bel",
    "cro",
    "dun",
    "gal",
    "hex",
    "ivo",
    "jun",
)
_TLD = (".com", ".io", ".co", ".ai", ".de", ".co.uk", ".fr", ".in", ".com.br", ".jp", ".dev", ".net")


def company_domain(rng: random.Random) -> str:
    return "".join(rng.choice(_SYL) for _ in range(rng.randint(2, 3))) + rng.choice(_TLD)


def _traffic(
    w: World,
    rng: random.Random,
    acct: str,
    n: int,
    country: str,
    ips: list[str],
    uas: list[str],
    mix: str = "consumer",
    office: bool = False,
    lo: float = 0,
) -> None:
    tz = COUNTRIES[country].tz
    times = work_times(rng, n, tz, lo) if office else human_times(rng, n, tz, lo)
    bank = {"consumer": CONSUMER, "dev": DEVELOPER, "office": OFFICE}[mix]
    adopt = rng.choice((0.0, 0.1, 0.3, 0.6))
    ua = rng.choice(uas)
    for t in times:
        p, tin, tout = benign(rng, bank)
        if rng.random() < 0.1:
            ua = rng.choice(uas)
        w.req(acct, t, p, rng.choice(ips), w.model_for(t, adopt), tin, tout, ua)


def populate(w: World, rng: random.Random, n: int) -> None:
    made = 0
    while made < n:
        kind = rng.choices(
            ("individual", "household", "team", "office", "mobile", "vpn", "dev", "dormant"),
            # per event; groups are divided by their mean size so the account mix is about
            # 36 % individuals, 8 % households, 9 % teams, 10 % offices, 16 % phones, 6 % VPN, 8 % devs
            weights=(36, 8 / 3, 9 / 7.5, 10 / 52, 16, 6, 8, 7),
        )[0]
        left = n - made
        if kind == "individual":
            made += _individual(w, rng)
        elif kind == "household":
            made += _household(w, rng, min(left, rng.randint(2, 4)))
        elif kind == "team":
            made += _team(w, rng, min(left, rng.randint(3, 12)))
        elif kind == "office":
            made += _office(w, rng, min(left, rng.randint(15, 90)))
        elif kind == "mobile":
            made += _mobile(w, rng)
        elif kind == "vpn":
            made += _vpn(w, rng)
        elif kind == "dev":
            made += _dev(w, rng)
        else:
            made += _dormant(w, rng)


def _created(rng: random.Random) -> tuple[datetime, float]:
    if rng.random() < 0.12:
        t = in_window(rng, 0, 38)
        return t, (t - START).total_seconds() / 86400
    return old_signup(rng), 0.0


def _individual(w: World, rng: random.Random) -> int:
    c = w.country(rng)
    created, lo = _created(rng)
    plan = rng.choices(("free", "plus", "pro"), weights=(70, 25, 5))[0]
    a = w.account(created, w.freemail(c), c, plan)
    if plan != "free":
        w.card(a, c, created)
    ips = [home_ip(w, c, rng)]
    if rng.random() < 0.5:
        ips.append(mobile_ip(w, c, rng))
    _traffic(w, rng, a, w.count(w.rpa * 0.8), c, ips, [*UA_BROWSER[:3], *UA_MOBILE[:2]], lo=lo)
    return 1


def _household(w: World, rng: random.Random, k: int) -> int:
    c = w.country(rng)
    ip = home_ip(w, c, rng)
    shared_card = rng.random() < 0.4
    inst = ""
    for i in range(k):
        created = old_signup(rng)
        plan = "plus" if (shared_card or rng.random() < 0.2) else "free"
        a = w.account(created, w.freemail(c), c, plan)
        if plan == "plus":
            if shared_card and inst:
                w.pay(a, inst, "card", w.payments[-1]["bin"] if w.payments else "414720", c, created)
            else:
                inst = w.card(a, c, created)
        ips = [ip] + ([mobile_ip(w, c, rng)] if rng.random() < 0.5 else [])
        mix = "consumer" if i or rng.random() < 0.7 else "dev"
        _traffic(w, rng, a, w.count(w.rpa * 0.7), c, ips, [consumer_ua(rng)], mix)
    return k


def _team(w: World, rng: random.Random, k: int) -> int:
    c = w.country(rng)
    dom = company_domain(rng)
    org = w.org()
    office_asn = rng.choice((*COUNTRIES[c].home, "zayo", "cogent", "colt"))
    office = w.net.fresh(office_asn)
    created0 = old_signup(rng, 1.5)
    inst = ""
    bin6 = ""
    for _ in range(k):
        a = w.account(created0 + (old_signup(rng, 0.1) - old_signup(rng, 0.1)), dom, c, "team", org, "web")
        if not inst:
            inst = w.card(a, c, created0)
            bin6 = w.payments[-1]["bin"]
        else:
            w.pay(a, inst, "card", bin6, c, created0)
        ips = [office, home_ip(w, c, rng)]
        mix = rng.choice(("office", "dev", "dev"))
        uas = list(UA_SDK_PY[:2]) if mix == "dev" and rng.random() < 0.5 else list(UA_BROWSER)
        _traffic(w, rng, a, w.count(w.rpa * 1.1), c, ips, uas, mix, office=True)
    return k


def _office(w: World, rng: random.Random, k: int) -> int:
    c = rng.choice(("US", "US", "GB", "DE", "IN", "JP", "FR", "CA"))
    dom = company_domain(rng)
    org = w.org()
    asn = rng.choice(("zayo", "cogent", "colt", "lumen", "sify"))
    block = w.net.block(asn)
    egress = [w.net.host(asn, block) for _ in range(rng.randint(2, 4))]
    inst = w.instrument()
    for _ in range(k):
        created = old_signup(rng, 1.0)
        a = w.account(created, dom, c, "enterprise", org, "sales")
        w.pay(a, inst, "invoice", "", c, created)
        mix = rng.choice(("office", "office", "dev"))
        _traffic(w, rng, a, w.count(w.rpa * 0.9), c, egress, list(UA_BROWSER), mix, office=True)
    return k


def _mobile(w: World, rng: random.Random) -> int:
    c = w.country(rng)
    created, lo = _created(rng)
    a = w.account(
        created, w.freemail(c), c, rng.choices(("free", "plus"), weights=(85, 15))[0], "", "ios_app"
    )
    if w.accounts[-1]["plan"] == "plus":
        w.card(a, c, created, "app_store")
    ips = [mobile_ip(w, c, rng) for _ in range(rng.randint(1, 4))]
    _traffic(w, rng, a, w.count(w.rpa * 0.6), c, ips, list(UA_MOBILE), lo=lo)
    return 1


def _vpn(w: World, rng: random.Random) -> int:
    c = w.country(rng)
    created, lo = _created(rng)
    a = w.account(created, rng.choice(("proton.me", "tutanota.com", w.freemail(c))), c, "plus")
    w.card(a, c, created)
    exits = vpn_exits(w)
    ips = rng.sample(exits, rng.randint(1, 5)) + ([home_ip(w, c, rng)] if rng.random() < 0.4 else [])
    _traffic(w, rng, a, w.count(w.rpa * 0.9), c, ips, list(UA_BROWSER), lo=lo)
    return 1


def _dev(w: World, rng: random.Random) -> int:
    c = w.country(rng)
    created, lo = _created(rng)
    dom = w.freemail(c) if rng.random() < 0.6 else company_domain(rng)
    a = w.account(created, dom, c, "api_payg", "", "api")
    w.card(a, c, created)
    ips = [home_ip(w, c, rng)]
    if rng.random() < 0.6:
        ips.append(w.net.fresh(rng.choice(("aws", "gcp", "do", "hetzner", "azure", "vultr", "ovh"))))
    uas = [rng.choice(UA_SDK_PY + UA_SDK_NODE), rng.choice(UA_TOOLS)]
    _traffic(w, rng, a, w.count(w.rpa * 1.6, 1.1), c, ips, uas, "dev", lo=lo)
    return 1


def _dormant(w: World, rng: random.Random) -> int:
    c = w.country(rng)
    created, _ = _created(rng)
    a = w.account(created, w.freemail(c), c, "free", "", rng.choice(("web", "ios_app", "android_app")))
    w.seen(a, home_ip(w, c, rng), created)
    return 1
