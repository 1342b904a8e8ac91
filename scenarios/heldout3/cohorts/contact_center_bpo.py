"""An outsourced contact centre: hundreds of agents on one enterprise seat plan and invoice, behind two office
NAT addresses, drafting customer replies and call summaries in three shifts that cover the whole day.

Resembles an enterprise front (one organisation and invoice, corporate egress, seats busy around the clock,
one dominant template) but each agent keeps an eight-hour shift, weekends are quieter and the payloads are
customers' own messages."""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.heldout3 import text
from scenarios.heldout3.base import BROWSER_UAS, CONTENT, MONEY, TIMING, CohortStyle
from scenarios.heldout3.world import DAY, HOUR, RELEASE, T0, WINDOW_DAYS, WINDOW_START, World

_ISSUES = (
    "my package says delivered but it's not here",
    "I was charged twice for the same order",
    "the app keeps logging me out",
    "I want to cancel my subscription",
    "the item arrived broken",
    "I never got the refund you promised",
    "how do I change my delivery address",
    "your agent hung up on me yesterday",
)


@dataclass(frozen=True, kw_only=True)
class ContactCenterBpo(CohortStyle):
    name: str = "contact_center_bpo"
    share: float = 0.01
    resembles: tuple[str, ...] = (MONEY, TIMING, CONTENT)
    company_domain: str = "apexcx-solutions.com"
    country: str = "PH"
    #: shift start hours, local time
    shifts: tuple[float, ...] = (6.0, 14.0, 22.0)
    requests_mean: float = 30.0

    def build(self, w: World, n: int) -> list[str]:
        r = w.rng
        org = w.new_id("org_", 8)
        invoice = w.instrument_token()
        isp = w.asn_of("residential", self.country)
        nat = [w.new_ip(isp, ip_type="corporate") for _ in range(2)]
        tz = 8.0
        made: list[str] = []
        for i in range(n):
            created = T0 - r.uniform(20, 400) * DAY
            acct = w.new_account(
                created_at=created,
                email_domain=self.company_domain,
                country=self.country,
                plan="enterprise",
                org_id=org,
                signup_channel="sso",
            )
            made.append(acct)
            w.pay(
                acct,
                invoice,
                instrument_type="invoice",
                issuer_country=self.country,
                first_used=T0 - 400 * DAY,
            )
            shift = self.shifts[i % len(self.shifts)]
            for _ in range(w.count(self.requests_mean)):
                while True:
                    d = r.randrange(WINDOW_DAYS)
                    wd = (WINDOW_START.weekday() + d) % 7
                    if wd < 5 or r.random() < 0.35:
                        break
                t = T0 + d * DAY + (shift + r.uniform(0, 8.5) - tz) * HOUR
                if r.random() < 0.65:
                    prompt = (
                        "Draft a polite reply to this customer message. Keep it under 120 "
                        "words, apologise once, "
                        f"and offer the next step.\n\nCustomer: {r.choice(_ISSUES)}. {text.sentence(r)}"
                    )
                elif r.random() < 0.7:
                    prompt = (
                        "Summarize this call transcript in 3 bullet points for the "
                        f"CRM:\n\n{text.paragraph(r)}"
                    )
                else:
                    prompt = text.benign_prompt(r)
                model = "lumen-3-mini" if t > RELEASE + 10 * DAY else "lumen-2-mini"
                w.request(
                    acct,
                    t,
                    prompt,
                    r.choice(nat),
                    model,
                    output_tokens=r.randint(60, 300),
                    user_agent=BROWSER_UAS[0],
                )
        return made
