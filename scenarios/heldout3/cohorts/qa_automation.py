"""A SaaS company's QA team runs computer-use agents against its own staging site from CI runners: every
night and after merges, many service seats step through screenshot/action loops from fresh cloud addresses.

Resembles a computer-use harvest (screenshot-step prompts, headless browser, tiny outputs, 24/7 bursts,
hosting IPs) but it is one paying organisation testing its own product, pinned to an older model."""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.heldout3.base import CONTENT, INFRA, TIMING, CohortStyle
from scenarios.heldout3.world import DAY, HOUR, RELEASE, T0, WINDOW_DAYS, World

_FLOWS = (
    "sign up with a new e-mail and verify it",
    "create a project and invite a teammate",
    "upgrade the plan to Business and pay with the test card",
    "export the report as CSV",
    "reset the password from the login page",
    "archive the oldest project",
    "change the workspace logo",
)


@dataclass(frozen=True, kw_only=True)
class QaAutomation(CohortStyle):
    name: str = "qa_automation"
    share: float = 0.006
    resembles: tuple[str, ...] = (CONTENT, INFRA, TIMING)
    company_domain: str = "shipyard-apps.io"
    nightly_hour_utc: float = 2.0
    runs_per_night: tuple[int, int] = (1, 3)
    requests_mean: float = 30.0

    def build(self, w: World, n: int) -> list[str]:
        r = w.rng
        org = w.new_id("org_", 8)
        card = w.instrument_token()
        ci = w.asn_by_number(8075)
        made: list[str] = []
        for i in range(n):
            created = T0 - r.uniform(20, 200) * DAY
            acct = w.new_account(
                created_at=created,
                email_domain=self.company_domain,
                country="DE",
                plan="team",
                org_id=org,
                signup_channel="api_console",
            )
            made.append(acct)
            w.pay(acct, card, instrument_type="card", bin_="402360", issuer_country="DE", first_used=created)
            budget = w.count(self.requests_mean)
            while budget > 0:
                day = r.randrange(WINDOW_DAYS)
                base = (
                    T0 + day * DAY + (self.nightly_hour_utc if r.random() < 0.7 else r.uniform(8, 17)) * HOUR
                )
                t = base + r.uniform(0, 40) * 60
                runner = w.new_ip(ci)  # each CI job gets a fresh runner address
                flow = r.choice(_FLOWS)
                for step in range(1, min(budget, r.randint(4, 9)) + 1):
                    budget -= 1
                    t += r.uniform(4, 25)
                    prompt = (
                        "<image: screenshot 1280x800 png>\nYou are testing "
                        "https://staging.shipyard-apps.io in a "
                        f"browser.\nTest case: {flow}\nStep {step}. Return the next action as JSON "
                        '{"action": ..., "selector": str, "text": str} or {"assert": str} when done.'
                    )
                    model = "lumen-3" if t > RELEASE + 12 * DAY and i % 2 == 0 else "lumen-2"
                    w.request(
                        acct,
                        t,
                        prompt,
                        runner,
                        model,
                        output_tokens=r.randint(20, 90),
                        input_tokens=r.randint(1100, 1500),
                        user_agent="shipyard-e2e/1.4 HeadlessChrome/133.0.6943.53",
                    )
        return made
