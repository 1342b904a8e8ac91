"""Shadow schedule: each account looks like one ordinary heavy user — its own home line, card, browser,
e-mail and sign-up date, a mix of everyday questions — but all of them are worked by one office on one
clock: the same shift hours in UTC+8, the same lunch break, Sundays off and the same public holiday.

Real-world behaviour: coordinated networks are often exposed by shared operating rhythms rather than shared
infrastructure — takedown reports on coordinated inauthentic behaviour describe accounts posting on an office
schedule in the operators' time zone, with gaps on their national holidays, whatever location the accounts
claim. The operator here has avoided every shared identifier; only the rhythm, a steady daily quota and the
task mix (long-horizon software-engineering tasks, about two thirds of requests) give it away.

Signals: timing only (plus content focus). No labels.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import identity
from ..clock import DAY, HOUR, PRO, WINDOW_END, WINDOW_START, epoch, model_for
from ..knobs import Labelling, Sizing
from ..population import places
from ..population.person import give_card
from ..text.everyday import ordinary_prompt
from ..text.fill import cumulative, pick
from ..text.harvest import agentic_task
from ..world import World, tokens_in, tokens_out

STYLE = "shadow_schedule"


_SIZE = Sizing(0.010)
_LABELS = Labelling("Heron Yard")


@dataclass(frozen=True)
class Knobs:
    size: Sizing = _SIZE
    labels: Labelling = _LABELS
    signals: frozenset[str] = field(default_factory=lambda: frozenset({"timing", "content"}))
    camouflage: float = 0.35
    volume: float = 5.5
    shifts_utc: tuple[tuple[int, int], ...] = ((1, 4), (5, 10))  # 09:00-12:00 and 13:00-18:00 in UTC+8
    rest_weekdays: tuple[int, ...] = (6,)
    holidays: tuple[int, ...] = (epoch(2026, 4, 4), epoch(2026, 4, 5), epoch(2026, 4, 6))
    claimed_countries: tuple[str, ...] = ("US", "CA", "GB", "AU", "DE", "NL")


DEFAULT = Knobs()
_CASUAL = ("curious", "work", "email", "travel", "cooking", "money", "personal")


def build(world: World, count: int, knobs: Knobs = DEFAULT) -> None:
    rng = world.rng(STYLE)
    campaign = f"{STYLE}-1"
    actor = knobs.labels.truth_actor
    holidays = {h // DAY for h in knobs.holidays}
    workdays = [
        d
        for d in range(WINDOW_START // DAY, WINDOW_END // DAY)
        if (d + 3) % 7 not in knobs.rest_weekdays and d not in holidays
    ]
    topic_cum = cumulative([1.0] * len(_CASUAL))
    for _ in range(count):
        country = pick(rng, knobs.claimed_countries)
        created = rng.randrange(epoch(2024, 6, 1), epoch(2026, 2, 15))
        acct = world.new_account(
            created, identity.webmail(rng, country), country, pick(rng, ("plus", "pro", "plus"))
        )
        world.mark_campaign(acct.account_id, campaign, actor, STYLE)
        give_card(world, rng, acct, created + rng.randint(HOUR, 20 * DAY), "card")
        browser = identity.browser_ua(rng)
        home = places.home(world, rng, country, browser)
        lines = [home]
        if rng.random() < 0.3:
            lines.append(places.mobile(world, rng, country, identity.mobile_ua(rng), 0.3))
        weights = [p.weight for p in lines]
        tau = rng.lognormvariate(1.6, 0.5)
        quota = max(1.0, world.rpa * knobs.volume / len(workdays))
        for day in workdays:
            n = int(quota + rng.uniform(-0.8, 0.8) + 0.5)
            for _ in range(max(0, n)):
                if "timing" in knobs.signals:
                    lo, hi = pick(rng, knobs.shifts_utc)
                    ts = day * DAY + lo * HOUR + rng.randrange((hi - lo) * HOUR) + rng.randint(-600, 600)
                else:
                    ts = day * DAY + rng.randrange(DAY)
                place = rng.choices(lines, weights)[0]
                if rng.random() < knobs.camouflage:
                    prompt, mean_out = ordinary_prompt(rng, _CASUAL, topic_cum, 0.3)
                else:
                    prompt, mean_out = agentic_task(rng), 1500
                model = model_for(rng, ts, acct.plan, tau, PRO)
                world.emit(
                    acct.account_id,
                    ts,
                    prompt,
                    place.address(rng),
                    model,
                    tokens_in(prompt),
                    tokens_out(rng, mean_out, 0.4),
                    place.ua,
                )
