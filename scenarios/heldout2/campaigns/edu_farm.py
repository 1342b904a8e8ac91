# ruff: noqa: E501 -- prompt templates and data tables read better unwrapped.
"""Education-programme abuse: free student credits farmed for competitive-programming solutions.

Sign-ups come in bursts through the education channel with university addresses (the same domains real
students use). Shared: two rented /24s the scripts run from, lockstep batches, one instruction template with
a free problem payload. Hidden: no payment at all, e-mail domains spread over several universities.
"""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.heldout2 import infra, text
from scenarios.heldout2.common import Ctx, burst
from scenarios.heldout2.world import DAY, END, START, Label, clamp_ts, lognormal_int, model_for


@dataclass(frozen=True)
class Knobs:
    universities: int = 6
    subnets: int = 2
    batch_every_minutes: int = 30
    batch_jitter_seconds: int = 50
    batch_participation: float = 0.06  # credits run out after a few weeks, then the account is dropped
    bursts: int = 5
    vpn_share: float = 0.15


_INSTR = (
    "Solve the following competitive programming problem. First explain the key idea and the time complexity, then give a complete, well-commented C++17 solution.\n\n{p}",
    "Solve the following competitive programming problem. First explain the key idea and the time complexity, then give a complete Python 3 solution that reads from stdin.\n\n{p}",
    "Problem:\n{p}\n\nWrite an editorial for this problem (observations, proof of correctness, complexity) followed by reference code in C++.",
)


def build(ctx: Ctx, k: Knobs = Knobs()) -> None:
    rng, world, shared = ctx.rng, ctx.world, ctx.shared
    unis = rng.sample(text.UNIVERSITIES, k.universities)
    host = rng.choice([infra.asn(51167), infra.asn(24940), infra.asn(16276)])
    subnets = [infra.new_slash24(rng, host) for _ in range(k.subnets)]
    ips = [infra.new_ip(world, rng, host, slash24=rng.choice(subnets)) for _ in range(max(4, ctx.n // 12))]
    starts = sorted(START - 12 * DAY + rng.randrange(38 * DAY) for _ in range(k.bursts))
    accounts = []
    for i in range(ctx.n):
        dom, country, _ = unis[i % len(unis)]
        created = burst(rng, starts[i % len(starts)], 1.5)
        acc = world.add_account(
            rng, created_at=created, email_domain=dom, country=country, plan="edu", signup_channel="education"
        )
        ctx.mark(acc)
        accounts.append((acc, rng.choice(ips)))
    ua = infra.sdk_ua(rng)
    lags = {"orion-3": 5 * DAY, "orion-3.1": 5 * DAY}
    step = k.batch_every_minutes * 60
    budget = {a.account_id: lognormal_int(rng, ctx.volume * 3.5, 0.4) for a, _ in accounts}
    for tick in range(START + rng.randrange(step), END, step):
        for acc, ip in accounts:
            if acc.created_at > tick or budget[acc.account_id] <= 0 or rng.random() >= k.batch_participation:
                continue
            budget[acc.account_id] -= 1
            ts = clamp_ts(tick + rng.randrange(k.batch_jitter_seconds))
            use_ip = shared.vpn_ip(rng) if rng.random() < k.vpn_share else ip
            prompt = rng.choice(_INSTR).format(p=text.cp_problem(rng))
            world.request(
                acc, ts, prompt, use_ip, model_for(ts, "large", lags), lognormal_int(rng, 1300, 0.35), ua
            )
    for acc, ip in accounts:
        world.login(acc, ip, acc.created_at)
    for ip in ips[:2]:
        world.labels.append(
            Label(
                "ip",
                ip,
                ctx.actor,
                0.8,
                "partner:edu-programme",
                "VPS range behind a wave of education-programme sign-ups",
            )
        )
