# ruff: noqa: E501 -- prompt templates and data tables read better unwrapped.
"""A company's fleet of service accounts: one invoice, three NAT gateways, one SDK build, nightly batch jobs.

Looks like a campaign on nearly every static signal (shared bill, cloud IPs, templated prompts, lockstep
cron), but it is one declared organisation whose accounts all sit in its org and corporate domain.
"""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.heldout2 import infra, text
from scenarios.heldout2.common import Ctx, sessions
from scenarios.heldout2.world import DAY, END, HOUR, START, at, clamp_ts, lognormal_int


@dataclass(frozen=True)
class Knobs:
    nat_gateways: int = 3
    batch_hour_utc: int = 2
    # One deploy moves the whole fleet to the new small model the morning after its release.
    migrate_to_new_model: int = at(4, 1, 14)
    volume_multiplier: float = 4.0


_JOBS = (
    "Classify the following customer support ticket into exactly one of: billing, bug, feature_request, account, other. Reply with the label only.\n\nTicket: {t}",
    "Summarize this support conversation in two sentences for the CRM, then list follow-up actions.\n\n{t}\n{p}",
    "Extract the order number, product and sentiment (positive/neutral/negative) from this message as JSON.\n\n{t}",
)


def build(ctx: Ctx, k: Knobs = Knobs()) -> None:
    rng, world = ctx.rng, ctx.world
    _, domain = text.company(rng)
    org = world.new_org_id(rng)
    invoice = world.new_instrument(rng, "invoice", "", "US")
    aws = infra.asn(16509)
    nats = [infra.new_ip(world, rng, aws, v6=False) for _ in range(k.nat_gateways)]
    provisioned = START - rng.randrange(20, 200) * DAY
    ua = infra.sdk_ua(rng)
    for _ in range(ctx.n):
        acc = world.add_account(
            rng,
            created_at=provisioned + rng.randrange(600),
            email_domain=domain,
            country="US",
            plan="enterprise",
            org_id=org,
            signup_channel="api_console",
        )
        ctx.mark(acc)
        world.pay(acc, invoice, acc.created_at)
        job = rng.randrange(len(_JOBS))
        n_req = lognormal_int(rng, ctx.volume * k.volume_multiplier, 0.3)
        nightly = int(n_req * 0.6)
        times = [
            clamp_ts(START + rng.randrange(42) * DAY + k.batch_hour_utc * HOUR + rng.randrange(900))
            for _ in range(nightly)
        ]
        times += sessions(
            rng, n_req - nightly, first=START, last=END, tz=-5, profile="work", weekday_bias=0.8
        )
        for ts in sorted(times):
            model = "orion-3-mini" if ts >= k.migrate_to_new_model else "orion-2.5-mini"
            prompt = _JOBS[job].format(t=text.support_ticket(rng), p=text.sentence(rng))
            world.request(
                acc, ts, prompt, rng.choice(nats), model, lognormal_int(rng, 60, 0.8), ua, context_tokens=220
            )
