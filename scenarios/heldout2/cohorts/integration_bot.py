"""An honest chat-workspace integration: each customer connects its own account, the vendor's servers call.

Customers pay with their own cards and have their own domains, but every request comes from the vendor's
few cloud addresses with the vendor's wrapper prompt around ordinary questions: the honest hydra look-alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.heldout2 import infra, text
from scenarios.heldout2.common import Ctx, sessions, signup_before
from scenarios.heldout2.world import DAY, START, lognormal_int, model_for, weighted


@dataclass(frozen=True)
class Knobs:
    vendor_ips: int = 4
    volume_multiplier: float = 3.0


_WRAP = (
    "[Workspace assistant]\nYou are answering inside a team chat. Be concise and use Markdown.\n"
    "Channel: #{ch}\nUser message: {m}"
)
_CHANNELS = ("general", "engineering", "sales", "support", "random", "marketing", "ops", "design")


def build(ctx: Ctx, k: Knobs = Knobs()) -> None:
    rng, world = ctx.rng, ctx.world
    gcp = infra.asn(396982)
    vendor = [infra.new_ip(world, rng, gcp, v6=False) for _ in range(k.vendor_ips)]
    ua = "python-httpx/0.27.0"
    launch = START - 240 * DAY
    for _ in range(ctx.n):
        country = weighted(rng, infra.COUNTRIES)
        tz = infra.TZ.get(country, 0)
        _, domain = text.company(rng)
        created = max(launch, signup_before(rng, 240))
        acc = world.add_account(
            rng,
            created_at=created,
            email_domain=domain,
            country=country,
            plan=rng.choice(("api", "team")),
            org_id=world.new_org_id(rng) if rng.random() < 0.5 else "",
            signup_channel="api_console",
        )
        ctx.mark(acc)
        b, c = infra.bank_bin(rng, country)
        world.pay(acc, world.new_instrument(rng, rng.choice(("credit_card", "virtual_card")), b, c), created)
        lags = {"orion-3": 6 * DAY, "orion-3.1": 5 * DAY, "orion-3-mini": float("inf")}
        n_req = lognormal_int(rng, ctx.volume * k.volume_multiplier, 1.0)
        for ts in sessions(rng, n_req, first=created, tz=tz, profile="work", weekday_bias=0.7, per_session=4):
            prompt = _WRAP.format(
                ch=rng.choice(_CHANNELS), m=text.ordinary_prompt(rng, rng.choice(("work", "dev")))
            )
            world.request(
                acc,
                ts,
                prompt,
                rng.choice(vendor),
                model_for(ts, "large", lags),
                lognormal_int(rng, 350, 0.6),
                ua,
                context_tokens=rng.randrange(0, 800),
            )
