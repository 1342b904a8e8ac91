"""A marketing agency that opened accounts for its clients through the partner programme and pays for all.

One card behind many accounts, clients' own domains, the agency office line plus a VPN, and heavy reuse of
the agency's copywriting templates.
"""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.heldout2 import infra, text
from scenarios.heldout2.common import Ctx, sessions, signup_before
from scenarios.heldout2.world import DAY, lognormal_int, model_for


@dataclass(frozen=True)
class Knobs:
    template_share: float = 0.7
    vpn_share: float = 0.2
    volume_multiplier: float = 2.5


_TEMPLATES = (
    "Write 5 Facebook ad variations for {p} targeting {a}. Tone: {t}. Max 125 characters each.",
    'Write an SEO blog post outline for "{p}" with H2/H3 headings, target keyword: {kw}.',
    "Write 3 subject lines and a 120-word promotional email for {p}. Audience: {a}. Tone: {t}.",
    "Create a one-week Instagram content calendar for {p}: caption, hashtags, and image idea per day.",
)
_AUD = ("new parents", "small business owners", "students", "retirees", "gamers", "runners", "home cooks")
_TONE = ("playful", "professional", "warm", "bold", "minimal")


def build(ctx: Ctx, k: Knobs = Knobs()) -> None:
    rng, world, shared = ctx.rng, ctx.world, ctx.shared
    country = rng.choice(("GB", "US", "DE", "ES", "NL"))
    tz = infra.TZ.get(country, 0)
    _, agency_domain = text.company(rng)
    b, c = infra.bank_bin(rng, country)
    card = world.new_instrument(rng, "credit_card", b, c)
    a = rng.choice(infra.asns("residential", country))
    office = infra.new_ip(world, rng, a, v6=False)
    lags = {"orion-3": 2 * DAY, "orion-3.1": 2 * DAY}
    for _ in range(ctx.n):
        client, client_domain = text.company(rng)
        acc = world.add_account(
            rng,
            created_at=signup_before(rng, 300),
            country=country,
            plan="team",
            email_domain=client_domain if rng.random() < 0.6 else agency_domain,
            org_id="",
            signup_channel="partner_reseller",
        )
        ctx.mark(acc)
        world.pay(acc, card, acc.created_at)
        ua = infra.browser_ua(rng)
        product = f"{client.split()[0]}'s {text.pick(rng, text.NOUNS)} app"
        n_req = lognormal_int(rng, ctx.volume * k.volume_multiplier, 0.6)
        for ts in sessions(rng, n_req, first=acc.created_at, tz=tz, profile="work", weekday_bias=0.8):
            if rng.random() < k.template_share:
                prompt = rng.choice(_TEMPLATES).format(
                    p=product, a=rng.choice(_AUD), t=rng.choice(_TONE), kw=text.pick(rng, text.NOUNS)
                )
            else:
                prompt = text.ordinary_prompt(rng, "work")
            ip = shared.vpn_ip(rng) if rng.random() < k.vpn_share else office
            world.request(
                acc,
                ts,
                prompt,
                ip,
                model_for(ts, "large", lags),
                lognormal_int(rng, 600, 0.5),
                ua,
                context_tokens=40,
            )
