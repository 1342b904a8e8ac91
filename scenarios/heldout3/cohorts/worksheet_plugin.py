"""Teachers using a worksheet add-on: the add-on's servers call the model with each teacher's own key, asking
for batches of quiz questions with answers as JSON; teachers also chat on the web from home.

Resembles a synthetic-data generator (generate-N-items-as-JSON template, long outputs, the same few cloud
egress addresses and one user agent across hundreds of unrelated accounts) but the accounts are individual
teachers with their own school domains, cards and evening/Sunday preparation rhythm."""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.heldout3 import text
from scenarios.heldout3.base import BROWSER_UAS, CONTENT, INFRA, CohortStyle
from scenarios.heldout3.world import DAY, HOUR, RELEASE, T0, WINDOW_START, World

_SCHOOLS = (
    "springfieldschools.org",
    "lakeview.k12.mn.us",
    "cps.edu",
    "wcpss.net",
    "dpsk12.org",
    "schools.nyc.gov",
    "mcpsmd.org",
    "pps.net",
    "sd61.bc.ca",
    "st-marys-academy.co.uk",
)
_SUBJECTS = (
    "fractions",
    "the water cycle",
    "the American Revolution",
    "photosynthesis",
    "persuasive writing",
    "the solar system",
    "linear equations",
    "ancient Egypt",
    "states of matter",
    "Spanish verbs",
)


@dataclass(frozen=True, kw_only=True)
class WorksheetPlugin(CohortStyle):
    name: str = "worksheet_plugin"
    share: float = 0.012
    resembles: tuple[str, ...] = (CONTENT, INFRA)
    vendor_ips: int = 4
    user_agent: str = "WorksheetWizard/2.3 (+https://worksheetwizard.app)"
    plugin_share: float = 0.7
    requests_mean: float = 14.0

    def build(self, w: World, n: int) -> list[str]:
        r = w.rng
        gcp = w.asn_by_number(15169)
        vendor = [w.new_ip(gcp) for _ in range(self.vendor_ips)]
        made: list[str] = []
        for _ in range(n):
            school = r.choice(_SCHOOLS)
            country = "GB" if school.endswith(".uk") else ("CA" if school.endswith(".ca") else "US")
            created = T0 - r.uniform(10, 500) * DAY
            acct = w.new_account(
                created_at=created,
                email_domain=school,
                country=country,
                plan=r.choice(("free", "plus")),
                signup_channel="education",
            )
            made.append(acct)
            if w.accounts[acct]["plan"] == "plus":
                w.own_card(acct, country, created + DAY)
            home = w.new_ip(w.asn_of("residential", country))
            tz = w.account_tz[acct]
            for _ in range(w.count(self.requests_mean)):
                d = r.randrange(42)
                wd = (WINDOW_START.weekday() + d) % 7
                hour = r.uniform(13, 18) if wd == 6 else r.uniform(18, 22.5)
                t = T0 + d * DAY + (hour - tz) * HOUR
                if r.random() < self.plugin_share:
                    prompt = (
                        f"Generate {r.choice((5, 8, 10, 12, 15, 20))} "
                        f"{r.choice(('multiple-choice', 'short-answer', 'true/false'))} "
                        f"questions about {r.choice(_SUBJECTS)} for grade {r.randint(3, 10)} "
                        "students, with an answer key. "
                        'Return a JSON array of objects with keys "question", "choices", '
                        '"answer", "explanation".'
                    )
                    ip, ua, out = r.choice(vendor), self.user_agent, r.randint(1200, 3500)
                else:
                    prompt, ip, ua, out = (
                        text.benign_prompt(r),
                        home,
                        r.choice(BROWSER_UAS),
                        text.benign_output_tokens(r),
                    )
                model = "lumen-3-mini" if t > RELEASE + 8 * DAY and r.random() < 0.6 else "lumen-2-mini"
                w.request(acct, t, prompt, ip, model, output_tokens=out, user_agent=ua)
        return made
