"""A translation agency: remote translators in many countries on one team plan and one company card, all
pasting UI strings into the same translation prompt, in bursts when a client drops a release.

Resembles a multi-language harvest (shared card, shared org, one template across many target languages,
lockstep on drop days); the translators work office hours in their own time zones from home lines."""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.heldout3.base import BROWSER_UAS, CONTENT, MONEY, TIMING, CohortStyle
from scenarios.heldout3.world import DAY, HOUR, RELEASE, T0, World

_TARGETS = (
    ("Spanish", "ES"),
    ("French", "FR"),
    ("German", "DE"),
    ("Brazilian Portuguese", "BR"),
    ("Italian", "IT"),
    ("Japanese", "JP"),
    ("Korean", "KR"),
    ("Turkish", "TR"),
    ("Polish", "PL"),
    ("Vietnamese", "VN"),
    ("Indonesian", "ID"),
)
_PRODUCTS = ("fitness app", "banking dashboard", "e-commerce checkout", "photo editor", "travel booking site")
_STRINGS = (
    '"cart.empty": "Your cart is empty"',
    '"items.count": "{count} items selected"',
    '"auth.reset": "We sent a reset link to %s"',
    '"plan.upgrade": "Upgrade to unlock all features"',
    '"sync.error": "Could not sync. Check your connection and try again."',
    '"booking.confirm": "Confirm booking for {nights} nights"',
    '"photo.saved": "Saved to your library"',
)


@dataclass(frozen=True, kw_only=True)
class LocalizationVendor(CohortStyle):
    name: str = "localization_vendor"
    share: float = 0.008
    resembles: tuple[str, ...] = (MONEY, CONTENT, TIMING)
    company_domain: str = "lingobridge-translations.com"
    drop_days: tuple[int, ...] = (3, 10, 17, 24, 31, 38)
    requests_mean: float = 22.0

    def build(self, w: World, n: int) -> list[str]:
        r = w.rng
        org = w.new_id("org_", 8)
        card = w.instrument_token()
        office = w.new_ip(w.asn_of("residential", "PL"), ip_type="corporate")
        made: list[str] = []
        for i in range(n):
            lang, country = _TARGETS[i % len(_TARGETS)]
            created = T0 - r.uniform(30, 600) * DAY
            acct = w.new_account(
                created_at=created,
                email_domain=self.company_domain,
                country=country,
                plan="team",
                org_id=org,
                signup_channel="invite",
            )
            made.append(acct)
            w.pay(acct, card, instrument_type="card", bin_="454313", issuer_country="PL", first_used=created)
            home = w.new_ip(w.asn_of("residential", country))
            tz = w.account_tz[acct]
            for _ in range(w.count(self.requests_mean)):
                if r.random() < 0.6:
                    d = r.choice(self.drop_days) + r.choice((0.0, 0.0, 1.0))
                    t = T0 + d * DAY + (r.uniform(9, 18) - tz) * HOUR
                else:
                    t = w.workday_ts(tz)
                strings = "\n".join(r.sample(_STRINGS, r.randint(2, 5)))
                prompt = (
                    f"Translate the following {r.choice(_PRODUCTS)} UI strings from English into "
                    f"{lang}. Keep "
                    "placeholders such as {count} and %s unchanged. Return JSON with the same keys.\n\n"
                    + strings
                )
                model = "lumen-3" if t > RELEASE + 9 * DAY else "lumen-2-mini"
                w.request(
                    acct,
                    t,
                    prompt,
                    office if r.random() < 0.15 else home,
                    model,
                    output_tokens=r.randint(60, 400),
                    user_agent=r.choice(BROWSER_UAS),
                )
        return made
