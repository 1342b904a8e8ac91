"""Ordinary platform users: individuals, households, small offices, phones behind carrier NAT, VPN users,
students, hobby developers. Many share IPs, cards or popular templates without being related."""

from __future__ import annotations

from scenarios.heldout3 import text
from scenarios.heldout3.base import BROWSER_UAS, MOBILE_UAS, SDK_UAS, created_before_window
from scenarios.heldout3.world import DAY, RELEASE, T0, T_END, WINDOW_DAYS, World

_CO_A = (
    "bright",
    "north",
    "blue",
    "oak",
    "river",
    "summit",
    "harbor",
    "cedar",
    "iron",
    "silver",
    "maple",
    "stone",
    "clear",
    "swift",
    "green",
    "lumen",
    "pixel",
    "delta",
    "nova",
    "atlas",
)
_CO_B = (
    "field",
    "path",
    "works",
    "labs",
    "logistics",
    "dental",
    "legal",
    "media",
    "studio",
    "partners",
    "health",
    "foods",
    "analytics",
    "systems",
    "design",
    "realty",
    "consulting",
    "robotics",
    "tours",
)
_TLD = (".com", ".com", ".com", ".io", ".co", ".net", ".de", ".co.uk", ".fr", ".com.br", ".in", ".jp")
_UNIS = (
    "stanford.edu",
    "umich.edu",
    "utexas.edu",
    "ox.ac.uk",
    "ucl.ac.uk",
    "tum.de",
    "uni-heidelberg.de",
    "unimelb.edu.au",
    "usp.br",
    "ethz.ch",
    "nyu.edu",
    "berkeley.edu",
)
_UNI_ASN = {"edu": 2152, "uk": 786, "de": 680, "au": 7575, "br": 1916, "ch": 680}


def company_domain(w: World) -> str:
    r = w.rng
    return f"{r.choice(_CO_A)}{r.choice(_CO_B)}{r.choice(_TLD)}"


def user_times(w: World, n: int, tz: float, start: float) -> list[float]:
    """``n`` request times of a human: a few active days after ``start``, waking hours, small sessions."""
    r = w.rng
    first_day = max(0.0, (start - T0) / DAY)
    span = WINDOW_DAYS - first_day
    if span <= 0.2:
        return []
    days = max(1, min(n, int(r.expovariate(1 / 5.0)) + 1))
    day_list = sorted(first_day + r.random() * span for _ in range(days))
    out: list[float] = []
    for i in range(n):
        d = day_list[i % days]
        # the first visit of each active day, then often more requests in the same session
        t = w.diurnal(d, tz) if i < days or r.random() < 0.5 else out[-1] + r.expovariate(1 / 240.0)
        out.append(max(t, start + 60))
    return [t for t in out if t < T_END]


def user_requests(
    w: World,
    acct: str,
    n: int,
    ips: list[str],
    uas: list[str],
    *,
    start: float,
    template: str | None = None,
    template_share: float = 0.0,
    coding: bool = False,
) -> None:
    r = w.rng
    tz = w.account_tz[acct]
    adopt = RELEASE + r.expovariate(1 / (6 * DAY)) if r.random() < 0.8 else T_END
    new_share = r.uniform(0.4, 0.95)
    for t in user_times(w, n, tz, start):
        if template is not None and r.random() < template_share:
            prompt = text.popular_prompt(r, template)
        elif coding and r.random() < 0.6:
            lang = r.choice(text.LANGS)
            prompt = r.choice(
                (
                    f"Write a {lang} function to {r.choice(text.CODE_TASKS)}.",
                    f"Refactor this {lang} code for readability:\n\n{text.code_snippet(r, lang)}",
                    f"{r.choice(text.ERRORS)}\n\n{text.code_snippet(r, lang)}",
                )
            )
        else:
            prompt = text.benign_prompt(r)
        ip = r.choice(ips) if ips else ""
        if r.random() < 0.004:
            ip = ""
        w.request(
            acct,
            t,
            prompt,
            ip,
            w.model_at(t, adopt_at=adopt, new_share=new_share),
            output_tokens=text.benign_output_tokens(r),
            user_agent=r.choice(uas),
        )


#: Public throw-away mailbox services that some ordinary users sign up with too.
_DISPOSABLE = ("inboxflash.net", "tmpmail.world", "guerrillamail.com", "10minutemail.com")


def _status(w: World) -> str:
    x = w.rng.random()
    return "closed" if x < 0.02 else ("suspended" if x < 0.03 else "active")


def _creation(w: World) -> float:
    r = w.rng
    if r.random() < 0.13:
        return T0 + r.random() * (T_END - T0 - DAY)
    return created_before_window(w)


def _volume(w: World) -> int:
    r = w.rng
    if r.random() < 0.05:
        return 0
    return w.count(min(400.0, r.lognormvariate(1.75, 1.05)), minimum=1)


def _plan_and_card(w: World, acct: str, country: str, created: float, *, paid_share: float = 0.45) -> None:
    r = w.rng
    if r.random() < paid_share:
        w.accounts[acct]["plan"] = r.choices(("plus", "pro", "api_payg"), (6, 2, 2))[0]
        w.own_card(acct, country, created + r.uniform(0, 20 * DAY))


def build_background(w: World, n: int) -> list[str]:
    r = w.rng
    made: list[str] = []
    template_of: dict[str, str] = {}

    # Carrier-grade NAT gateways: a handful of addresses per mobile carrier carry thousands of phones.
    gateways: dict[int, list[str]] = {}
    for number in w.by_kind["mobile"]:
        asn = w.asns[number]
        gateways[number] = [w.new_ip(asn) for _ in range(max(2, w.platform_size // 8000))]
    vpn_exits = [w.new_ip(w.asn_of("vpn")) for _ in range(max(12, w.platform_size // 180))]
    w.shared_pools["vpn_exits"] = vpn_exits
    w.shared_pools["cgnat"] = [ip for v in gateways.values() for ip in v]

    def maybe_template(acct: str) -> tuple[str | None, float]:
        if r.random() < 0.16:
            t = template_of.setdefault(acct, r.choice(text.POPULAR))
            return t, r.uniform(0.3, 0.9)
        return None, 0.0

    def individual(country: str, *, kind: str) -> None:
        created = _creation(w)
        acct = w.new_account(
            created_at=created,
            email_domain=w.free_mail(country) if r.random() > 0.006 else r.choice(_DISPOSABLE),
            country=country,
            signup_channel=r.choices(("web", "mobile_app", "google_sso", "apple_sso"), (5, 3, 3, 1))[0],
            status=_status(w),
        )
        made.append(acct)
        if kind != "dev":
            _plan_and_card(w, acct, country, created)
        tpl, share = maybe_template(acct)
        if kind == "mobile" and ("mobile", country) not in w.by_country:
            kind = "residential"
        if kind == "mobile":
            number = r.choice(w.by_country[("mobile", country)])
            asn = w.asns[number]
            # the carrier's busiest gateway carries most of its phones; others now and then
            pool = gateways[number]
            ips = [pool[0] if r.random() < 0.75 else r.choice(pool)]
            if r.random() < 0.3:
                ips.append(r.choice(pool))
            if r.random() < 0.3:
                ips.append(w.new_ip(asn, v6=True))
            uas = [r.choice(MOBILE_UAS)]
        elif kind == "vpn":
            ips = r.sample(vpn_exits, r.randint(1, 4))
            home = w.asn_of("residential", country)
            if r.random() < 0.5:
                ips.append(w.new_ip(home))
            uas = [r.choice(BROWSER_UAS)]
        elif kind == "dev":
            cloud = w.asn_of("hosting")
            ips = [w.new_ip(cloud), w.new_ip(w.asn_of("residential", country))]
            uas = [r.choice(SDK_UAS), r.choice(BROWSER_UAS)]
            w.accounts[acct]["plan"] = "api_payg"
            w.accounts[acct]["signup_channel"] = "api_console"
            w.own_card(acct, country, created + DAY)
        else:
            home = w.asn_of("residential", country)
            ips = [w.new_ip(home)]
            if r.random() < 0.35:
                ips.append(w.new_ip(w.asn_of("mobile", country)))
            uas = [r.choice(BROWSER_UAS)] + ([r.choice(MOBILE_UAS)] if r.random() < 0.4 else [])
        vol = _volume(w) * (2 if kind == "dev" else 1)
        if vol == 0:
            w.touch_ip(acct, ips[0], max(created, T0 + r.random() * (T_END - T0)))
            return
        user_requests(
            w,
            acct,
            vol,
            ips,
            uas,
            start=max(created, T0),
            template=tpl,
            template_share=share,
            coding=kind == "dev",
        )

    def household(size: int) -> None:
        country = w.background_country()
        home = w.asn_of("residential", country)
        ip = w.new_ip(home)
        w.shared_pools.setdefault("household_ips", []).append(ip)
        family_card = w.instrument_token() if r.random() < 0.4 else ""
        fbin = w.bin_for(country)
        for _ in range(size):
            created = _creation(w)
            acct = w.new_account(
                created_at=created,
                email_domain=w.free_mail(country),
                country=country,
                signup_channel=r.choice(("web", "mobile_app", "google_sso")),
            )
            made.append(acct)
            if family_card and r.random() < 0.8:
                w.accounts[acct]["plan"] = "plus"
                w.pay(
                    acct,
                    family_card,
                    instrument_type="card",
                    bin_=fbin,
                    issuer_country=country,
                    first_used=created + r.uniform(0, 5 * DAY),
                )
            ips = [ip] + ([w.new_ip(w.asn_of("mobile", country))] if r.random() < 0.5 else [])
            tpl, share = maybe_template(acct)
            vol = _volume(w)
            if vol:
                user_requests(
                    w,
                    acct,
                    vol,
                    ips,
                    [r.choice(BROWSER_UAS + MOBILE_UAS)],
                    start=max(created, T0),
                    template=tpl,
                    template_share=share,
                )
            else:
                w.touch_ip(acct, ip, T0 + r.random() * (T_END - T0))

    def office(size: int) -> None:
        country = w.background_country()
        isp = w.asn_of("residential", country)
        nat = [w.new_ip(isp, ip_type="corporate") for _ in range(r.randint(1, 2))]
        domain = company_domain(w)
        team = r.random() < 0.6
        org = w.new_id("org_", 8) if team else ""
        card = w.instrument_token() if team else ""
        cbin = w.bin_for(country)
        made_at = created_before_window(w, max_days=500)
        for i in range(size):
            created = made_at + (r.uniform(0, 3 * DAY) if i < size // 2 else r.uniform(0, 200 * DAY))
            created = min(created, T_END - 2 * DAY)
            acct = w.new_account(
                created_at=created,
                email_domain=domain,
                country=country,
                plan="team" if team else "free",
                org_id=org,
                signup_channel="web" if not team else r.choice(("invite", "google_sso")),
            )
            made.append(acct)
            if team:
                w.pay(
                    acct,
                    card,
                    instrument_type="card",
                    bin_=cbin,
                    issuer_country=country,
                    first_used=made_at + 3600,
                )
            else:
                _plan_and_card(w, acct, country, created, paid_share=0.3)
            ips = list(nat) + ([w.new_ip(w.asn_of("residential", country))] if r.random() < 0.5 else [])
            tpl, share = maybe_template(acct)
            vol = _volume(w)
            if vol:
                user_requests(
                    w,
                    acct,
                    vol,
                    ips,
                    [r.choice(BROWSER_UAS)],
                    start=max(created, T0),
                    template=tpl,
                    template_share=share,
                    coding=r.random() < 0.3,
                )

    def student() -> None:
        uni = r.choice(_UNIS)
        tld = uni.rsplit(".", 1)[-1]
        asn = w.asn_by_number(_UNI_ASN.get(tld, 2152))
        pool = w.shared_pools.setdefault(f"uni:{uni}", [w.new_ip(asn) for _ in range(4)])
        created = _creation(w)
        acct = w.new_account(
            created_at=created,
            email_domain=uni,
            country=asn.country,
            signup_channel=r.choice(("web", "education")),
        )
        made.append(acct)
        ips = [*r.sample(pool, 2), w.new_ip(w.asn_of("residential", asn.country))]
        vol = _volume(w)
        if vol:
            user_requests(
                w, acct, vol, ips, [r.choice(BROWSER_UAS)], start=max(created, T0), coding=r.random() < 0.4
            )

    while len(made) < n:
        left = n - len(made)
        x = r.random()
        if x < 0.34 or left < 4:
            individual(w.background_country(), kind="residential")
        elif x < 0.65:
            individual(w.background_country(), kind="mobile")
        elif x < 0.70:
            individual(w.background_country(), kind="vpn")
        elif x < 0.75:
            individual(w.background_country(), kind="dev")
        elif x < 0.80:
            student()
        elif x < 0.89:
            household(min(left, r.randint(2, 4)))
        else:
            office(min(left, int(min(40, 2 + r.paretovariate(1.3) * 2))))
    return made
