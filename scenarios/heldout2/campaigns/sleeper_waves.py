"""Aged accounts bought on a market, woken together and driven in cron-like waves with paraphrased prompts.

The hard one. Nothing static is shared: accounts were registered months apart by different people, each
has its own card and e-mail, and a rotating residential proxy gives nearly every request a fresh address.
Prompts are machine-paraphrased so no template repeats. What remains: the waves, and one narrow topic.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout2 import infra, text
from scenarios.heldout2.common import Ctx, sessions, signup_before
from scenarios.heldout2.world import DAY, HOUR, START, Label, at, clamp_ts, lognormal_int, model_for, weighted


@dataclass(frozen=True)
class Knobs:
    wake: int = at(3, 24, 2)
    wave_every_minutes: int = 20
    wave_jitter_seconds: int = 90
    volume_multiplier: float = 6.0
    pause_hours: tuple[int, int] = (14, 20)  # daily UTC break, when the operator's workers reload
    aging_requests: int = 3
    sticky_hours: int = 24


_OPEN = (
    "Design",
    "Write",
    "Create",
    "Draft",
    "Produce",
    "Give me",
    "I need",
    "Could you write",
    "Please make",
)
_WHAT = (
    "a JSON schema",
    "an OpenAPI tool definition",
    "a function signature with JSON arguments",
    "the tool spec",
    "a function-calling definition",
)
_FOR = (
    "for a tool that {v}s {n}s",
    "so an assistant can {v} {n}s",
    "that lets a model {v} the user's {n}",
    "for an API call which will {v} a {n}",
)
_THEN = (
    "Then show an example call and the model's reply.",
    "After that, demonstrate a multi-step conversation using it.",
    "Include a sample invocation and how the assistant should handle an error.",
    "Also write the assistant's reasoning for when to call it.",
    "Add two realistic example dialogues.",
)
_STYLE = (
    "Be precise.",
    "Keep it production-ready.",
    "",
    "",
    "Explain design choices briefly.",
    "Use strict types.",
)


def _paraphrase(rng: random.Random) -> str:
    first = f"{rng.choice(_OPEN)} {rng.choice(_WHAT)} {rng.choice(_FOR)}".format(
        v=text.pick(rng, text.VERBS), n=text.pick(rng, text.NOUNS)
    )
    parts = [first + ".", rng.choice(_THEN), rng.choice(_STYLE)]
    if rng.random() < 0.3:
        parts.insert(
            1, f"Fields: {', '.join(text.pick(rng, text.NOUNS) for _ in range(rng.randrange(2, 5)))}."
        )
    if rng.random() < 0.4:
        parts[1], parts[-1] = parts[-1], parts[1]
    s = " ".join(p for p in parts if p)
    return text.roughen(rng, s) if rng.random() < 0.3 else s


def build(ctx: Ctx, k: Knobs = Knobs()) -> None:
    rng, world = ctx.rng, ctx.world
    res = infra.asns("residential")
    accounts = []
    for _ in range(ctx.n):
        country = weighted(rng, infra.COUNTRIES[:12])
        created = signup_before(rng, 420, 90)
        email = weighted(rng, infra.CONSUMER_DOMAINS) if rng.random() < 0.85 else text.company(rng)[1]
        acc = world.add_account(
            rng,
            created_at=created,
            email_domain=email,
            country=country,
            plan=rng.choice(("plus", "plus", "pro")),
            signup_channel=weighted(rng, (("web", 6), ("mobile_app", 3), ("api_console", 1))),
        )
        ctx.mark(acc)
        b, c = infra.bank_bin(rng, country)
        world.pay(
            acc,
            world.new_instrument(rng, rng.choice(("credit_card", "debit_card")), b, c),
            created + rng.randrange(30 * DAY),
        )
        ua = infra.browser_ua(rng)
        # Pre-wake: a trickle of ordinary use that keeps the account looking lived-in.
        for ts in sessions(
            rng, k.aging_requests, first=START, last=k.wake - DAY, tz=infra.TZ.get(country, 0)
        ):
            world.request(
                acc,
                ts,
                text.ordinary_prompt(rng, "casual"),
                infra.new_ip(world, rng, rng.choice(res)),
                "orion-2.5",
                lognormal_int(rng, 300, 0.6),
                ua,
                context_tokens=40,
            )
        accounts.append((acc, ua))
    step = k.wave_every_minutes * 60
    active_hours = 24 - (k.pause_hours[1] - k.pause_hours[0])
    ticks = max(1, (START + 42 * DAY - k.wake) // step * active_hours // 24)
    participation = min(1.0, ctx.volume * k.volume_multiplier / (ticks * 1.33))
    lags = {"orion-3.1": 30 * HOUR}
    sticky: dict[tuple[str, int], str] = {}
    for tick in range(k.wake, START + 42 * DAY, step):
        hour = (tick // HOUR) % 24
        if k.pause_hours[0] <= hour < k.pause_hours[1]:
            continue
        for acc, ua in accounts:
            if rng.random() >= participation:
                continue
            # Sticky proxy sessions: the exit changes once the session expires, not on every request.
            key = (acc.account_id, (tick - k.wake) // (k.sticky_hours * HOUR))
            if key not in sticky:
                sticky[key] = infra.new_ip(world, rng, rng.choice(res))
            ip = sticky[key]
            for _ in range(rng.choice((1, 1, 2))):
                ts = clamp_ts(tick + rng.randrange(k.wave_jitter_seconds))
                world.request(
                    acc,
                    ts,
                    _paraphrase(rng),
                    ip,
                    model_for(ts, "large", lags),
                    lognormal_int(rng, 1100, 0.35),
                    ua,
                    context_tokens=40,
                )
    world.labels.append(
        Label(
            "account",
            accounts[0][0].account_id,
            ctx.actor,
            0.85,
            "analyst",
            "bought aged account, woke with many others",
        )
    )
