"""A creator's video tells viewers to paste a "life coach" prompt: thousands sign up on their phones within a
day and a half, paste the same prompt, ask a follow-up or two and mostly never return.

Resembles trial churn (a creation burst of free accounts, short lives, one shared template, simultaneous
first requests) but on carrier and home connections, with personal payloads and human follow-ups."""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.heldout3 import text
from scenarios.heldout3.base import CONTENT, MOBILE_UAS, MONEY, TIMING, CohortStyle
from scenarios.heldout3.world import DAY, HOUR, T0, World

PROMPT = (
    "Act as my brutally honest life coach. Ask me 5 questions about my goals, then build me a 30-day plan. "
    "My biggest goal right now is {g}."
)
_GOALS = (
    "to lose 10 kg",
    "getting a job in tech",
    "saving for a house",
    "to stop procrastinating",
    "learning to code",
    "starting a small business",
    "running a marathon",
    "to read more books",
    "getting better grades",
    "to fix my sleep schedule",
    "growing my YouTube channel",
)


@dataclass(frozen=True, kw_only=True)
class PromoSignupWave(CohortStyle):
    name: str = "promo_signup_wave"
    share: float = 0.02
    resembles: tuple[str, ...] = (MONEY, CONTENT, TIMING)
    video_at_day: float = 16.75
    burst_hours: float = 36.0
    follow_ups: tuple[int, int] = (0, 3)
    returning_share: float = 0.15

    def build(self, w: World, n: int) -> list[str]:
        r = w.rng
        cgnat = w.shared_pools.get("cgnat", [])
        made: list[str] = []
        start = T0 + self.video_at_day * DAY
        for _ in range(n):
            country = r.choice(("US", "US", "US", "GB", "CA", "AU", "PH", "IN"))
            created = (
                start + r.expovariate(1 / (self.burst_hours * HOUR / 3))
                if r.random() < 0.85
                else (start + r.uniform(0, 7) * DAY)
            )
            acct = w.new_account(
                created_at=created,
                email_domain=w.free_mail(country),
                country=country,
                plan="free",
                signup_channel=r.choice(("mobile_app", "mobile_app", "apple_sso", "google_sso")),
            )
            made.append(acct)
            ips = (
                [r.choice(cgnat)]
                if cgnat and r.random() < 0.7
                else [w.new_ip(w.asn_of("residential", country))]
            )
            ua = r.choice(MOBILE_UAS)
            t = created + r.uniform(30, 600)
            w.request(
                acct,
                t,
                PROMPT.format(g=r.choice(_GOALS)),
                ips[0],
                "lumen-2-mini",
                output_tokens=r.randint(150, 500),
                user_agent=ua,
            )
            for _ in range(r.randint(*self.follow_ups)):
                t += r.uniform(60, 900)
                answer = r.choice(
                    (
                        "1. I work 9-5 2. I have 1 hour a day 3. I tried before 4. money 5. yes",
                        "ok",
                        "can you make it shorter",
                        "what should i do on day 1?",
                        "I am 24, student, motivated but lazy lol",
                    )
                )
                w.request(
                    acct, t, answer, ips[0], "lumen-2-mini", output_tokens=r.randint(80, 600), user_agent=ua
                )
            if r.random() < self.returning_share:
                for _ in range(r.randint(1, 6)):
                    t2 = t + r.uniform(1, 20) * DAY
                    w.request(
                        acct,
                        t2,
                        text.benign_prompt(r),
                        ips[0],
                        w.model_at(t2, adopt_at=t2),
                        output_tokens=text.benign_output_tokens(r),
                        user_agent=ua,
                    )
        return made
