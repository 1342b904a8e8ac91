"""The ordinary platform: individuals, small teams and companies, with heavy-tailed use.

Sharing is normal here too: households and carrier NAT put strangers on one address, a team pays with one
card, a company's staff leave through one corporate proxy, and popular templates are pasted by many.
"""

from __future__ import annotations

import math
import random

from scenarios.heldout2 import infra, text
from scenarios.heldout2.common import Ctx, sessions, signup_before
from scenarios.heldout2.world import (
    DAY,
    END,
    START,
    Account,
    adoption_lags,
    lognormal_int,
    model_for,
    weighted,
)

_OUT_TOKENS = {"casual": 320.0, "work": 420.0, "dev": 650.0, "student": 480.0}


def _n_requests(rng: random.Random, volume: float, heavy: float = 1.0) -> int:
    if rng.random() < 0.14:
        return 0  # signed up, never came back in this window
    sigma = 1.35
    median = volume * heavy / math.exp(sigma * sigma / 2)
    return lognormal_int(rng, median, sigma, lo=1, hi=int(volume * 120))


def _created(rng: random.Random) -> int:
    if rng.random() < 0.2:
        return START + rng.randrange(40 * DAY)
    return signup_before(rng, 720)


def _email(rng: random.Random, country: str) -> str:
    if country == "KR" and rng.random() < 0.35:
        return "naver.com"
    if country == "JP" and rng.random() < 0.3:
        return "yahoo.co.jp"
    if country == "DE" and rng.random() < 0.3:
        return rng.choice(("gmx.de", "web.de", "t-online.de"))
    if country == "FR" and rng.random() < 0.2:
        return rng.choice(("orange.fr", "free.fr"))
    return weighted(rng, infra.CONSUMER_DOMAINS)


def _activity(
    ctx: Ctx,
    acc: Account,
    persona: str,
    n_req: int,
    ips: list[tuple[str, float]],
    ua_kind: str,
    tz: float,
    profile: str,
) -> None:
    rng, world = ctx.rng, ctx.world
    uas = [_ua(rng, ua_kind) for _ in range(rng.choice((1, 1, 1, 2)))]
    tier = "small" if (ua_kind == "sdk" and rng.random() < 0.45) or rng.random() < 0.12 else "large"
    web = ua_kind != "sdk"
    lags = adoption_lags(rng, 0.6 if web else 0.2)
    if web:
        # The apps flip their default model in staged rollout waves over about three days.
        wave = rng.random() * 3 * DAY
        lags = {m: (wave if rng.random() < 0.85 else v) for m, v in lags.items()}
    times = sessions(
        rng,
        n_req,
        first=acc.created_at,
        tz=tz,
        profile=profile,
        per_session=2.0 if persona == "casual" else 3.5,
        weekday_bias=0.5 if profile == "work" else 0.0,
    )
    weights = [w for _, w in ips]
    prev = ""
    for ts in times:
        ip = rng.choices(ips, weights=weights)[0][0]
        prompt = text.followup(rng) if prev and rng.random() < 0.12 else text.ordinary_prompt(rng, persona)
        ctx_tok = rng.randrange(0, 1500) if prev and rng.random() < 0.4 else 0
        out = int(_OUT_TOKENS[persona] * math.exp(rng.gauss(0, 0.7)))
        world.request(
            acc,
            ts,
            prompt,
            ip,
            model_for(ts, tier, lags),
            max(4, out),
            rng.choice(uas),
            context_tokens=ctx_tok + (40 if web else 0),
        )
        prev = prompt


def _ua(rng: random.Random, kind: str) -> str:
    if kind == "mobile":
        return infra.mobile_ua(rng)
    if kind == "sdk":
        return infra.sdk_ua(rng)
    return infra.browser_ua(rng)


def _individual(ctx: Ctx) -> None:
    rng, world, shared = ctx.rng, ctx.world, ctx.shared
    country = weighted(rng, infra.COUNTRIES)
    tz = infra.TZ.get(country, 0)
    persona = weighted(rng, (("casual", 55), ("dev", 20), ("work", 15), ("student", 10)))
    created = _created(rng)
    email = _email(rng, country)
    channel = weighted(rng, (("web", 60), ("mobile_app", 28), ("api_console", 12)))
    if persona == "dev":
        channel = weighted(rng, (("web", 45), ("api_console", 50), ("mobile_app", 5)))
    plan = "free"
    if persona == "student" and rng.random() < 0.5:
        uni = rng.choice([u for u in text.UNIVERSITIES if u[1] == country] or list(text.UNIVERSITIES))
        email = uni[0]
        if rng.random() < 0.4:
            channel = "education"
            plan = "edu"
    if plan == "free":
        api = 9 if persona != "dev" else 45
        plan = weighted(rng, (("free", 62), ("plus", 25), ("pro", 4), ("promo", 1), ("api", api)))
    if persona == "dev" and rng.random() < 0.04:
        channel = rng.choice(("research", "startup_program"))
    status = weighted(rng, (("active", 975), ("suspended", 8), ("closed", 17)))
    acc = world.add_account(
        rng,
        created_at=created,
        email_domain=email,
        country=country,
        plan=plan,
        signup_channel=channel,
        status=status,
    )
    if plan in ("plus", "pro", "api"):
        if rng.random() < 0.08:
            b, c = rng.choice(infra.VIRTUAL_BINS)
            inst = world.new_instrument(rng, "virtual_card", b, c)
        elif rng.random() < 0.025:
            b, c = rng.choice(infra.PREPAID_BINS)
            inst = world.new_instrument(rng, "prepaid_card", b, c)
        elif country == "IN" and rng.random() < 0.35:
            inst = world.new_instrument(rng, "upi", "", country)
        elif rng.random() < 0.12:
            inst = world.new_instrument(rng, "paypal", "", country)
        else:
            b, c = infra.bank_bin(rng, country)
            inst = world.new_instrument(rng, rng.choice(("credit_card", "debit_card")), b, c)
        world.pay(acc, inst, created + rng.randrange(0, 20 * DAY))
    ua_kind = "sdk" if plan == "api" else ("mobile" if channel == "mobile_app" else "browser")
    ips: list[tuple[str, float]] = [(shared.home_ip(world, rng, country), 6.0)]
    if rng.random() < 0.5 or ua_kind == "mobile":
        ips.append((shared.mobile_ip(world, rng, country), 8.0 if ua_kind == "mobile" else 2.0))
        # Phones get a different carrier NAT exit now and then.
        ips.extend((shared.mobile_ip(world, rng, country), 2.0) for _ in range(rng.choice((0, 1, 1, 2, 3))))
    if rng.random() < 0.07:
        ips.append((shared.vpn_ip(rng), 4.0))
    elif rng.random() < 0.04:
        # Privacy relays (iCloud Private Relay, WARP) egress through a CDN's proxy range.
        ips.append((infra.new_ip(world, rng, infra.asn(209242)), 5.0))
    if ua_kind == "sdk" and rng.random() < 0.5:
        ips.append((infra.new_ip(world, rng, rng.choice(infra.asns("hosting"))), 6.0))
    if rng.random() < 0.1:
        ips.append((shared.home_ip(world, rng, country), 1.0))  # a second address: moved, or a DHCP change
    if persona == "student" and email != "gmail.com" and email in shared.campus:
        ips.append((rng.choice(shared.campus[email]), 5.0))
    n_req = _n_requests(rng, ctx.volume, heavy=1.8 if ua_kind == "sdk" else 0.9)
    if n_req == 0:
        world.login(acc, ips[0][0], max(created, START + rng.randrange(40 * DAY)))
    _activity(ctx, acc, persona, n_req, ips, ua_kind, tz, "work" if persona == "work" else "home")


def _group(ctx: Ctx, size: int, company: bool) -> None:
    """A team or company: one org, one bill, one office or proxy egress, people also working from home."""
    rng, world, shared = ctx.rng, ctx.world, ctx.shared
    country = weighted(rng, infra.COUNTRIES)
    tz = infra.TZ.get(country, 0)
    _, domain = text.company(rng)
    org = world.new_org_id(rng)
    founded = signup_before(rng, 540, 10)
    if company:
        inst = world.new_instrument(rng, "invoice", "", country)
        plan, channel = "enterprise", "sso"
    else:
        b, c = infra.bank_bin(rng, country)
        inst = world.new_instrument(rng, rng.choice(("credit_card", "virtual_card")), b, c)
        plan, channel = "team", ("startup_program" if rng.random() < 0.2 else "web")
    if company and rng.random() < 0.35:
        office = shared.zscaler[:]
    else:
        a = rng.choice(infra.asns("residential", country))
        s24 = infra.new_slash24(rng, a)
        office = [infra.new_ip(world, rng, a, slash24=s24) for _ in range(rng.choice((1, 1, 2, 4)))]
    dev_team = rng.random() < 0.5
    cloud = infra.new_ip(world, rng, rng.choice(infra.asns("hosting"))) if dev_team else ""
    for i in range(size):
        created = founded + int(rng.expovariate(1 / (30 * DAY))) if i else founded
        if created >= END:
            created = END - rng.randrange(1, 5 * DAY)
        persona = "dev" if dev_team and rng.random() < 0.6 else "work"
        acc = world.add_account(
            rng,
            created_at=created,
            email_domain=domain,
            country=country,
            plan=plan,
            org_id=org,
            signup_channel=channel if rng.random() < 0.9 else "web",
            status="active" if rng.random() < 0.98 else "closed",
        )
        if i == 0 or company or rng.random() < 0.85:
            world.pay(acc, inst, created)
        ips: list[tuple[str, float]] = [(rng.choice(office), 8.0), (shared.home_ip(world, rng, country), 3.0)]
        if rng.random() < 0.4:
            ips.append((shared.mobile_ip(world, rng, country), 1.0))
        ua_kind = "browser"
        if cloud and persona == "dev" and rng.random() < 0.4:
            ips.append((cloud, 6.0))
            ua_kind = "sdk"
        n_req = _n_requests(rng, ctx.volume, heavy=1.4)
        if n_req == 0:
            world.login(acc, ips[0][0], max(created, START + rng.randrange(40 * DAY)))
        _activity(ctx, acc, persona, n_req, ips, ua_kind, tz, "work")


def build(ctx: Ctx) -> None:
    left = ctx.n
    rng = ctx.rng
    # Odds per draw are account shares (about 72% individuals, 13% teams, 15% company staff) divided by the
    # mean group size, so big companies are rare draws but still hold a fair share of accounts.
    while left > 0:
        r = rng.random()
        if r < 0.97 or left < 3:
            _individual(ctx)
            left -= 1
        elif r < 0.995:
            size = min(left, rng.randrange(2, 13))
            _group(ctx, size, company=False)
            left -= size
        else:
            size = min(left, lognormal_int(rng, 25, 0.9, lo=12), max(12, ctx.n // 25))
            _group(ctx, size, company=True)
            left -= size
