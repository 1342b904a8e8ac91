"""Guests of a hotel chain: strangers sharing a handful of venue addresses for a few days each."""

from __future__ import annotations

from dataclasses import dataclass

from ..base import CohortStyle, Ctx, consumer_ua, home_ip, old_signup
from ..text import CONSUMER, OFFICE, benign
from ..world import COUNTRIES, human_times

HOTEL_CITIES = ("US", "GB", "FR", "JP", "DE")


@dataclass(frozen=True)
class HotelGuestWifi(CohortStyle):
    name: str = "hotel_guest_wifi"
    share: float = 0.007
    signals: tuple[str, ...] = ("infra",)
    volume: float = 1.0
    properties: int = 3
    stay_days: float = 4.0

    def build(self, ctx: Ctx, n: int) -> list[str]:
        w, rng = ctx.w, ctx.rng
        venues = [w.net.fresh("unknown_small") for _ in range(self.properties)]
        out: list[str] = []
        for _ in range(n):
            c = w.country(rng)
            a = w.account(old_signup(rng), w.freemail(c), c, rng.choice(("free", "plus")), "", "web")
            if w.accounts[-1]["plan"] == "plus":
                w.card(a, c, old_signup(rng))
            venue = rng.choice(venues)
            home = home_ip(w, c, rng)
            arrive = rng.uniform(0, 38)
            tz = COUNTRIES[c].tz
            for t in human_times(rng, ctx.n_requests(self.volume), tz, arrive, arrive + self.stay_days):
                p, tin, tout = benign(rng, CONSUMER if rng.random() < 0.6 else OFFICE)
                w.req(a, t, p, venue, w.model_for(t, 0.2), tin, tout, consumer_ua(rng))
            for t in human_times(rng, max(1, ctx.n_requests(self.volume / 2)), tz):
                p, tin, tout = benign(rng)
                w.req(a, t, p, home, w.model_for(t, 0.2), tin, tout, consumer_ua(rng))
            out.append(a)
        return out
