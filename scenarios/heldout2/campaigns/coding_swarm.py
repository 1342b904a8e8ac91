# ruff: noqa: E501 -- prompt templates and data tables read better unwrapped.
"""Agentic-coding harvest at scale: the ~25k-account, six-week software-engineering campaign, scaled down.

A central task queue hands repository tasks to accounts in turn (round robin), so each account looks like a
busy but unremarkable API developer. Shared: a few virtual cards per many accounts, scaffolding of the agent
prompt, one SDK build. Hidden: exits rotate over a residential proxy pool, e-mails are plain consumer ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.heldout2 import infra, text
from scenarios.heldout2.common import Ctx, burst
from scenarios.heldout2.world import DAY, END, RELEASE_TS, START, Label, lognormal_int, weighted


@dataclass(frozen=True)
class Knobs:
    accounts_per_card: int = 18
    volume_multiplier: float = 5.0
    followup_share: float = 0.4
    hosting_share: float = 0.25  # accounts running from rented VPS rather than the proxy pool
    exits_per_account: int = 5
    signup_waves: int = 6
    suspended_share: float = 0.07
    switch_lag_days: float = 3.0


_HEADERS = (
    "You are an autonomous software engineering agent working in the repository `{repo}`.\nAvailable tools: {tools}.\n\n## Task\n{issue}\n\n## Instructions\nFirst write a short plan. Then give every tool call you would make, in order, and finish with the complete patch as a unified diff. Explain why each change is needed.",
    "<repository>{repo}</repository>\n<tools>{tools}</tools>\n<issue>\n{issue}\n</issue>\nWork through this issue as an expert engineer would: investigate, propose a fix, write the patch (unified diff) and the tests that prove it.",
    "Repository: {repo}\nTools you may call: {tools}\n\nIssue:\n{issue}\n\nProduce: (1) root-cause analysis, (2) step-by-step plan, (3) final code changes as a diff, (4) new or updated tests.",
    "Act as a senior engineer pairing with me on `{repo}`. We can use these tools: {tools}.\nHere is the ticket:\n{issue}\nReason about the codebase, then write the full implementation and tests. Be thorough.",
)
_FOLLOW = (
    "Tool `{tool}` returned:\n```\n{out}\n```\nContinue with the next step. Output the next tool call or, if done, the final patch.",
    "Observation from {tool}:\n{out}\n\nUpdate your plan and continue.",
    "The tests now show:\n{out}\nFix the remaining failures and show the full updated diff.",
)


def build(ctx: Ctx, k: Knobs = Knobs()) -> None:
    rng, world = ctx.rng, ctx.world
    # The proxy provider's exits: residential lines in rich countries, re-used across the operator's accounts.
    pool_asns = [
        a for a in infra.asns("residential") if a.country in ("US", "GB", "DE", "CA", "NL", "FR", "AU")
    ]
    pool = [infra.new_ip(world, rng, rng.choice(pool_asns)) for _ in range(max(20, int(ctx.n * 1.5)))]
    vps_asns = [infra.asn(14061), infra.asn(20473), infra.asn(51167)]
    vps = [infra.new_ip(world, rng, rng.choice(vps_asns), v6=False) for _ in range(max(3, ctx.n // 40))]
    cards = [
        world.new_instrument(rng, "virtual_card", *rng.choice(infra.VIRTUAL_BINS[:3]))
        for _ in range(max(1, ctx.n // k.accounts_per_card))
    ]
    waves = sorted(START - 16 * DAY + rng.randrange(30 * DAY) for _ in range(k.signup_waves))
    ua = infra.sdk_ua(rng)
    accounts = []
    for i in range(ctx.n):
        created = burst(rng, waves[i % len(waves)], 7)
        country = weighted(rng, (("US", 70), ("SG", 10), ("GB", 10), ("CA", 10)))
        acc = world.add_account(
            rng,
            created_at=created,
            email_domain=weighted(rng, infra.CONSUMER_DOMAINS[:8]),
            country=country,
            plan="api",
            signup_channel=weighted(rng, (("api_console", 7), ("web", 3))),
        )
        ctx.mark(acc)
        world.pay(acc, cards[i % len(cards)], created + rng.randrange(3600))
        if rng.random() < k.hosting_share:
            exits = [rng.choice(vps)]
        else:
            exits = rng.sample(pool, min(len(pool), k.exits_per_account))
        stop = END
        if rng.random() < k.suspended_share:
            acc.status = "suspended"
            stop = max(created + 2 * DAY, START + rng.randrange(10 * DAY, 40 * DAY))
        accounts.append((acc, exits, stop))
        world.login(acc, exits[0], created)
    # Round robin: a global task stream dispatched to whichever accounts are live, one after another.
    total = sum(lognormal_int(rng, ctx.volume * k.volume_multiplier, 0.3) for _ in range(ctx.n))
    first = max(START, min(a.created_at for a, _, _ in accounts))
    times = sorted(first + rng.randrange(END - first) for _ in range(total))
    lag = int(k.switch_lag_days * DAY)
    cursor = 0
    tools = ", ".join(rng.sample(text.TOOLS, 6))
    for ts in times:
        for _ in range(len(accounts)):
            acc, exits, stop = accounts[cursor % len(accounts)]
            cursor += 1
            if acc.created_at <= ts < stop:
                break
        else:
            continue
        if rng.random() < k.followup_share:
            prompt = rng.choice(_FOLLOW).format(tool=rng.choice(text.TOOLS), out=text.tool_output(rng))
            ctx_tok = rng.randrange(2000, 14000)
        else:
            prompt = rng.choice(_HEADERS).format(
                repo=rng.choice(text.REPOS), tools=tools, issue=text.coding_issue(rng)
            )
            ctx_tok = 0
        model = "orion-3" if ts > RELEASE_TS["orion-3"] + lag else "orion-2.5"
        if ts > RELEASE_TS["orion-3.1"] + lag:
            model = "orion-3.1"
        world.request(
            acc,
            ts,
            prompt,
            rng.choice(exits),
            model,
            lognormal_int(rng, 1400, 0.5),
            ua,
            context_tokens=ctx_tok,
        )
    a0 = accounts[0][0]
    world.labels.append(
        Label(
            "instrument",
            cards[0].instrument_id,
            ctx.actor,
            round(rng.uniform(0.8, 0.95), 2),
            "partner:fraud-consortium",
            "virtual card seen funding a coding-data harvest cluster",
        )
    )
    for ip in rng.sample(pool, 2):
        world.labels.append(
            Label(
                "ip",
                ip,
                ctx.actor,
                round(rng.uniform(0.5, 0.75), 2),
                "partner:threat-share",
                "residential proxy exit observed in the operator's rotation",
            )
        )
    world.labels.append(
        Label(
            "template",
            _HEADERS[0].split("\n")[0].format(repo="{repo}"),
            ctx.actor,
            0.7,
            "partner:threat-share",
            "agent scaffold shared by the operator's workers",
        )
    )
    world.labels.append(
        Label("account", a0.account_id, ctx.actor, 1.0, "analyst", "confirmed after manual review")
    )
