"""A phone farm: racks of identical handsets on prepaid SIMs run the consumer app through carrier NAT, so
their addresses are shared with thousands of ordinary mobile users. A controller sends one request from every
device within seconds of each round (lockstep), eliciting long chain-of-thought on logic puzzles. Every device
reports the same app build and model; billing is through the app store, one token per device."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout4 import text
from scenarios.heldout4.world import DAY, NEW_MODEL, OLD_MODELS, RELEASE_TS, WINDOW_END, WINDOW_START, World

HEAD = (
    "Solve this and show every step of your reasoning before the final answer. Don't skip any steps.\n\n{p}"
)
PEOPLE = ("Ana", "Ben", "Carla", "Dev", "Eli", "Farah", "Gus", "Hana")


def puzzle(rng: random.Random) -> str:
    k = rng.randrange(4)
    a, b, c = rng.sample(PEOPLE, 3)
    if k == 0:
        return (
            f"{a} says {b} is lying. {b} says {c} is lying. {c} says both {a} and {b} are lying. "
            "Who is telling the truth?"
        )
    if k == 1:
        n = rng.randint(3, 9)
        return f"How many ways can {n} people sit around a round table if {a} and {b} refuse to sit together?"
    if k == 2:
        return (
            f"{a} is older than {b} but younger than {c}. {b} is {rng.randint(2, 9)} years younger than "
            f"{a}, and the sum of their ages is {rng.randint(60, 140)}. Can you determine everyone's age?"
        )
    return (
        f"There are {rng.randint(3, 12)} boxes; one has gold. Each box label is false except one. "
        f"Box 1 says 'gold is in box {rng.randint(2, 5)}'. Find a strategy and the answer."
    )


@dataclass(frozen=True)
class PhoneFarm:
    name: str = "phone_farm"
    share: float = 0.01
    signals: tuple[str, ...] = (
        "timing:lockstep-rounds",
        "infra:carrier-nat",
        "agent:identical-build",
        "content:cot-template",
    )
    camouflage_share: float = 0.0
    labelled: bool = False
    actor: str = "Rackline"
    round_spread_s: float = 8.0
    racks: int = 3
    volume_scale: float = 2.5
    device_ua: str = "OrionAssistant/5.7.2 (iPhone13,2; iOS 16.7.7)"

    def plant(self, w: World, group_id: str, n: int) -> None:
        rng = w.rng(self.name)
        carriers = ("jio", "airtel")
        devices: list[tuple[str, int]] = []
        for i in range(n):
            rack = i % self.racks
            created = WINDOW_START + (rack * 9 - 5) * DAY + rng.random() * DAY
            acct = w.add_account(
                created,
                "icloud.com" if rng.random() < 0.8 else text.FREE_MAIL[0],
                "IN",
                "plus",
                channel="ios_app",
            )
            w.pay(acct, w.instrument("app_store"), "app_store", "", "IN", created + 3600)
            w.mark_campaign(acct, group_id, self.name, self.actor if self.labelled else "")
            devices.append((acct, rack))
        for rack in range(self.racks):
            members = [d for d, r in devices if r == rack]
            if not members:
                continue
            carrier = carriers[rack % 2]
            pool = w.cgnat[carrier]
            start = WINDOW_START + (rack * 9 - 5) * DAY + 1.5 * DAY
            rounds = int(w.rpa * self.volume_scale)
            day_start = max(start, WINDOW_START)
            span_days = (WINDOW_END - day_start) / DAY
            for _ in range(rounds):
                day = int(rng.random() * span_days)
                # farm runs 10:00 to 02:00 local (UTC+5:30)
                local_h = 10 + rng.random() * 16
                t = day_start - (day_start % DAY) + day * DAY + (local_h - 5.5) * 3600
                if not WINDOW_START <= t < WINDOW_END - 60:
                    continue
                for acct in members:
                    ts = t + rng.random() * self.round_spread_s
                    model = NEW_MODEL if ts > RELEASE_TS + 5 * DAY and rng.random() < 0.5 else OLD_MODELS[1]
                    w.req(
                        rng,
                        acct,
                        ts,
                        HEAD.format(p=puzzle(rng)),
                        rng.choice(pool),
                        model,
                        self.device_ua,
                        1300,
                    )
