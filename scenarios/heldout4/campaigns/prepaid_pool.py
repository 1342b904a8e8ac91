"""Expert-domain harvesting paid with pooled prepaid gift cards: accounts are opened in batches, each batch
paying with one prepaid card, and some accounts later move to a card of another batch, chaining the batches.
Traffic exits through commercial VPN servers that many honest customers use too. Prompts role-play a
specialist on clinical, legal and financial cases. The payment processor named one card; a customer report
names a VPN exit with low confidence (that exit also carries ordinary users)."""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout4 import kit, text
from scenarios.heldout4.world import BROWSER_UAS, DAY, TZ, WINDOW_END, WINDOW_START, World, local_times

HEADS = (
    "As a board-certified {spec}, give a detailed, evidence-based assessment of the case below, including a "
    "differential diagnosis ranked by likelihood and the reasoning for each.\n\nCase: {case}",
    "You are a senior {spec}. Walk through your clinical reasoning step by step for this presentation, then "
    "give the most likely diagnosis and next investigations.\n\n{case}",
    "Act as an experienced {law} lawyer. Analyse the following facts, identify every legal issue, cite the "
    "governing principles and predict the outcome with reasons.\n\nFacts: {facts}",
    "As a chartered financial analyst, evaluate this situation in depth and recommend a course of action "
    "with "
    "a full justification.\n\nSituation: {fin}",
)
SPECS = (
    "cardiologist",
    "neurologist",
    "endocrinologist",
    "rheumatologist",
    "emergency physician",
    "pediatrician",
    "gastroenterologist",
    "nephrologist",
)
LAWS = ("employment", "tenancy", "contract", "intellectual property", "immigration", "family")
SYMPTOMS = (
    "chest tightness on exertion",
    "intermittent palpitations",
    "progressive leg weakness",
    "weight loss and night sweats",
    "morning joint stiffness",
    "polyuria and thirst",
    "sudden severe headache",
    "recurrent abdominal pain after meals",
    "facial swelling",
    "a rash spreading from the trunk",
)
HISTORY = ("type 2 diabetes", "asthma", "hypertension", "no chronic illness", "smoking")
ACTS = (
    "terminated the contract by e-mail",
    "cut pay by 15 percent",
    "refused parental leave",
    "changed the job location",
)
GOALS = ("buy a house", "retire early", "fund two degrees", "start a business")


def case(rng: random.Random) -> str:
    s1, s2 = rng.sample(SYMPTOMS, 2)
    return (
        f"A {rng.randint(18, 84)}-year-old {rng.choice(('man', 'woman'))} presents with {s1} for "
        f"{rng.randint(2, 30)} days and {s2}. Blood pressure {rng.randint(95, 170)}/{rng.randint(55, 105)}, "
        f"heart rate {rng.randint(52, 130)}, temperature {rng.uniform(36.1, 39.4):.1f} C. "
        f"History of {rng.choice(HISTORY)}."
    )


def facts(rng: random.Random) -> str:
    return (
        f"An employee worked {rng.randint(1, 15)} years for a firm of {rng.randint(8, 900)} staff. "
        f"{rng.choice(text.SENTENCES)} The employer {rng.choice(ACTS)} "
        f"without consultation."
    )


def fin(rng: random.Random) -> str:
    return (
        f"A family with income of {rng.randint(40, 250)}k and debt of {rng.randint(5, 120)}k at "
        f"{rng.uniform(3, 24):.1f}% wants to {rng.choice(GOALS)} "
        f"within {rng.randint(2, 15)} years."
    )


@dataclass(frozen=True)
class PrepaidPool:
    name: str = "prepaid_pool"
    share: float = 0.011
    signals: tuple[str, ...] = (
        "money:pooled-prepaid-cards",
        "infra:shared-vpn",
        "content:specialist-roleplay",
    )
    camouflage_share: float = 0.25
    labelled: bool = True
    actor: str = "Marrow Street"
    batch: tuple[int, int] = (6, 10)
    card_hop_share: float = 0.3
    volume_scale: float = 2.5

    def plant(self, w: World, group_id: str, n: int) -> None:
        rng = w.rng(self.name)
        # half its exits are the busiest servers of the VPN providers (popular locations), half elsewhere
        exits = rng.sample(w.vpn_exits[:12], 6) + rng.sample(w.vpn_exits[12:], 8)
        cards: list[tuple[str, str]] = []
        accts: list[tuple[str, float]] = []
        while len(accts) < n:
            k = min(n - len(accts), rng.randint(*self.batch))
            pcard = (w.instrument("prepaid"), rng.choice(("404038", "511563")))
            cards.append(pcard)
            day = WINDOW_START + rng.uniform(-25, 40) * DAY
            for _ in range(k):
                country = rng.choice(("US", "US", "CA", "GB", "AU"))
                created = day + rng.random() * 20 * 3600
                acct = w.add_account(created, text.personal_mail(rng, country), country, "plus")
                w.pay(acct, pcard[0], "prepaid", pcard[1], "US", created + 900)
                w.mark_campaign(acct, group_id, self.name, self.actor if self.labelled else "")
                accts.append((acct, created))
        for acct, created in accts:
            if len(cards) > 1 and rng.random() < self.card_hop_share:
                other = rng.choice(cards)
                w.pay(acct, other[0], "prepaid", other[1], "US", created + rng.uniform(5, 20) * DAY)
            my_exits = rng.sample(exits, rng.randint(2, 4))
            ua = rng.choice(BROWSER_UAS)
            total = int(w.rpa * self.volume_scale * rng.uniform(0.6, 1.4))
            harvest = int(total * (1 - self.camouflage_share))
            for ts in local_times(rng, harvest, TZ["US"], created + 7200, WINDOW_END):
                head = rng.choice(HEADS)
                prompt = head.format(
                    spec=rng.choice(SPECS),
                    case=case(rng),
                    law=rng.choice(LAWS),
                    facts=facts(rng),
                    fin=fin(rng),
                )
                w.req(
                    rng,
                    acct,
                    ts,
                    prompt,
                    rng.choice(my_exits),
                    kit.operator_model(rng, ts, 0.6, 72, 0.35),
                    ua,
                    1200,
                )
            kit.camouflage(w, rng, acct, total - harvest, my_exits, [ua], TZ["US"], created)
        if self.labelled and cards:
            w.label(
                "instrument",
                cards[0][0],
                self.actor,
                0.95,
                "payments_processor",
                "gift-card batch bought with a stolen card",
            )
            w.label("ip", exits[0], self.actor, 0.3, "customer_report", "unverified tip; shared VPN exit")
