"""A synthetic-data "startup": a few team seats from a start-up programme run a self-instruct generator
around the clock, asking for batches of instruction/response pairs as JSON.

Sloppy on money and identity (two organisations, one corporate card each, a shared company domain) and on
infrastructure (static cloud egress); the traffic is few accounts with very heavy, very long outputs at a
near-constant rate. One card is labelled.
"""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.heldout3.base import CONTENT, INFRA, MONEY, CampaignStyle
from scenarios.heldout3.world import DAY, NEW_MODEL, OLD_MODELS, RELEASE, T0, T_END, World

_DOMAINS = (
    "organic chemistry",
    "contract law",
    "distributed systems",
    "pharmacology",
    "tax accounting",
    "competitive programming",
    "linear algebra",
    "cybersecurity incident response",
    "macroeconomics",
    "clinical diagnosis",
    "shell scripting",
    "supply-chain logistics",
    "philosophy of mind",
    "structural engineering",
    "creative writing",
    "SQL query optimisation",
)
_SEEDS = (
    "Explain why the reaction is exothermic",
    "Draft a clause limiting liability",
    "Find the bug in this consumer loop",
    "Estimate the dosage for a 20 kg child",
    "Prove the matrix is invertible",
    "Write a one-liner that renames all files",
    "Classify the fallacy in the argument",
    "Rewrite the query to use an index",
)


@dataclass(frozen=True, kw_only=True)
class SelfInstructFactory(CampaignStyle):
    name: str = "self_instruct_factory"
    actor: str = "IRON PELICAN"
    share: float = 0.005
    signals: tuple[str, ...] = (MONEY, INFRA, CONTENT)
    camouflage: float = 0.0
    labelled: bool = True
    company_domain: str = "corpusforge.ai"
    orgs: int = 2
    egress_ips_per_org: int = 2
    items_per_prompt: tuple[int, int] = (10, 25)
    requests_mean: float = 80.0

    def build(self, w: World, campaign_id: str, n: int) -> list[str]:
        r = w.rng
        made: list[str] = []
        orgs = []
        for k in range(self.orgs):
            asn = w.asn_by_number(r.choice((16509, 15169, 14061)))
            prefix = w.v6_prefix48(asn)
            ips = [w.new_ip(asn) for _ in range(self.egress_ips_per_org)] + [w.ip_in_v6_48(prefix, asn)]
            orgs.append(
                (w.new_id("org_", 8), w.instrument_token(), T0 - r.uniform(20, 90) * DAY - k * DAY, ips)
            )
        for i in range(n):
            org, card, since, ips = orgs[i % self.orgs]
            created = since + r.uniform(0, 3) * DAY
            domain = self.company_domain if r.random() < 0.7 else "gmail.com"
            acct = w.new_account(
                created_at=created,
                email_domain=domain,
                country="US",
                plan="team",
                org_id=org,
                signup_channel="startup_program",
            )
            made.append(acct)
            w.pay(
                acct,
                card,
                instrument_type="card",
                bin_="556677",
                issuer_country="US",
                first_used=since + 3600,
            )
            k = w.count(self.requests_mean)
            step = (T_END - T0) / max(1, k)
            for j in range(k):
                t = T0 + j * step + r.uniform(0, step * 0.3)
                prompt = (
                    f"Generate {r.randint(*self.items_per_prompt)} diverse, challenging instructions about "
                    f"{r.choice(_DOMAINS)}, each paired with an expert-quality response. Vary difficulty and "
                    'format. Return only a JSON array of objects with keys "instruction", "input", "output". '
                    f"Do not repeat any of these earlier instructions: {'; '.join(r.sample(_SEEDS, 3))}."
                )
                model = NEW_MODEL if t > RELEASE + 2 * DAY else OLD_MODELS[0]
                w.request(
                    acct,
                    t,
                    prompt,
                    r.choice(ips),
                    model,
                    output_tokens=r.randint(3000, 8000),
                    user_agent="lumen-python/2.5.0",
                )
        if self.labelled:
            w.label(
                "instrument",
                orgs[0][1],
                self.actor,
                0.7,
                "payments-risk",
                "corporate card of a synthetic-data vendor reported by a partner lab",
            )
        return made
