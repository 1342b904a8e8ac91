"""Extraction traffic relayed through compromised home routers (a residential-proxy botnet).

Every request leaves from a different residential address in a different country; some of those routers
belong to real households that keep using them. The operator is careful about infrastructure but buys all
accounts' prepaid virtual cards from one programme and runs the same chain-of-thought elicitation script
around the clock.
"""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.heldout3.base import (
    BROWSER_UAS,
    CONTENT,
    MONEY,
    TIMING,
    CampaignStyle,
    camouflage_request,
    flat_times,
)
from scenarios.heldout3.world import DAY, OLD_MODELS, RELEASE, T0, T_END, World

FRAMES = (
    "Solve the following problem. Think step by step and write out your complete reasoning before giving "
    "the final answer in the form 'Answer: <value>'.\n\nProblem: {p}",
    "Problem: {p}\n\nPlease reason through this carefully, showing every intermediate step, then state the "
    "final answer as 'Answer: <value>'.",
    "Let's work through this step by step. Show all of your reasoning in detail.\n\n{p}\n\n"
    "End with: Answer: <value>",
    "{p}\n\nExplain your full chain of thought, step by step, and only then give 'Answer: <value>'.",
)
_CITIES = ("Lyon", "Osaka", "Denver", "Porto", "Leeds", "Pune", "Perth", "Quito", "Graz", "Busan")


def problem(w: World) -> str:
    r = w.rng
    k = r.randrange(6)
    if k == 0:
        a, b = r.randint(40, 120), r.randint(40, 120)
        return (
            f"A train leaves {r.choice(_CITIES)} at {r.randint(5, 11)}:{r.choice(('00', '15', '30', '45'))} "
            f"travelling at {a} km/h. A second train leaves {r.randint(1, 3)} hours later on the "
            "same track at "
            f"{b + 30} km/h. When does the second train catch up with the first?"
        )
    if k == 1:
        x, y = r.randint(-12, 12), r.randint(-12, 12)
        return f"Find all real solutions of x^2 - ({x + y})x + ({x * y}) = 0 and verify each one."
    if k == 2:
        n, m = r.randint(5, 12), r.randint(2, 4)
        return (
            f"In how many ways can {n} people be seated around a round table if {m} particular "
            "people must sit together?"
        )
    if k == 3:
        return (
            f"Three boxes are labelled apples, oranges and mixed, and every label is wrong. You may take "
            f"{r.choice(('one fruit', 'a single fruit'))} from one box without looking. Which "
            "box do you pick from, and how "
            "do you relabel all three?"
        )
    if k == 4:
        p, q = r.randint(2, 9), r.randint(10, 60)
        return (
            f"A bag has {p} red and {q} blue marbles. Two are drawn without replacement. What is the "
            "probability both are red? Give an exact fraction."
        )
    n = r.randint(50, 500)
    return f"What is the sum of all positive integers below {n} that are divisible by 3 or 5 but not by both?"


@dataclass(frozen=True, kw_only=True)
class BotnetResidential(CampaignStyle):
    name: str = "botnet_residential"
    actor: str = "COPPER HERON"
    share: float = 0.015
    signals: tuple[str, ...] = (MONEY, CONTENT, TIMING)
    camouflage: float = 0.08
    labelled: bool = True
    #: compromised residential exits per campaign account
    pool_per_account: float = 1.6
    #: share of the exit pool that are routers of real households still using them
    household_overlap: float = 0.25
    #: BINs of the prepaid virtual-card programme every account pays with
    card_bins: tuple[str, ...] = ("531993", "531994")
    card_issuer_country: str = "US"
    requests_mean: float = 30.0

    def build(self, w: World, campaign_id: str, n: int) -> list[str]:
        r = w.rng
        size = max(8, int(n * self.pool_per_account))
        households = list(w.shared_pools.get("household_ips", []))
        take = min(len(households), int(size * self.household_overlap))
        pool = r.sample(households, take)
        while len(pool) < size:
            pool.append(w.new_ip(w.asn_of("residential", w.background_country())))
        made: list[str] = []
        for _ in range(n):
            country = w.background_country()
            created = T0 - r.uniform(2, 75) * DAY
            acct = w.new_account(
                created_at=created,
                email_domain=w.free_mail(country),
                country=country,
                plan="plus",
                signup_channel=r.choice(("web", "google_sso")),
            )
            made.append(acct)
            w.pay(
                acct,
                w.instrument_token(),
                instrument_type="prepaid_card",
                bin_=r.choice(self.card_bins),
                issuer_country=self.card_issuer_country,
                first_used=created + r.uniform(600, 3 * DAY),
            )
            start = T0 + r.uniform(0, 10) * DAY
            switch = RELEASE + r.uniform(6, 48) * 3600
            for t in flat_times(w, w.count(self.requests_mean), start, T_END):
                ip = r.choice(pool)
                ua = r.choice(BROWSER_UAS)
                if r.random() < self.camouflage:
                    camouflage_request(w, acct, t, ip, ua)
                    continue
                model = "lumen-3" if t > switch and r.random() < 0.6 else OLD_MODELS[0]
                prompt = r.choice(FRAMES).format(p=problem(w))
                w.request(acct, t, prompt, ip, model, output_tokens=r.randint(900, 3200), user_agent=ua)
        if self.labelled:
            for ip in (pool[0], pool[-1]):
                w.label(
                    "ip",
                    ip,
                    self.actor,
                    0.55,
                    "partner-feed",
                    "exit of a residential proxy service seen relaying reasoning-harvest traffic",
                )
        return made
