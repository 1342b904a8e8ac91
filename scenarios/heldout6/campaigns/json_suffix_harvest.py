"""Ordinary-looking questions through consumer VPN exits, each carrying the same structured-output suffix."""

from __future__ import annotations

from dataclasses import dataclass

from ..base import CampaignStyle, Ctx, home_ip, in_window, vpn_exits
from ..text import CONSUMER, OFFICE, benign
from ..world import COUNTRIES, UA_BROWSER, approx_tokens, human_times, out_tokens

SUFFIX = (
    '\n\nReturn your answer as JSON: {"answer": string, "reasoning": string, "confidence": number '
    "between 0 and 1}. Do not add anything outside the JSON."
)


@dataclass(frozen=True)
class JsonSuffixHarvest(CampaignStyle):
    name: str = "json_suffix_harvest"
    share: float = 0.013
    signals: tuple[str, ...] = ("content", "infra")
    camouflage: float = 0.2
    labelled: bool = True
    volume: float = 2.5
    active_from_day: float = 10.0
    active_to_day: float = 31.0
    gift_cards: bool = True

    def build(self, ctx: Ctx, n: int) -> list[str]:
        w, rng = ctx.w, ctx.rng
        exits = vpn_exits(w)
        mine = rng.sample(exits, min(len(exits), 8))
        out: list[str] = []
        for _ in range(n):
            c = rng.choice(("US", "GB", "DE", "IN", "BR", "JP"))
            created = in_window(rng, 0, self.active_from_day)
            a = w.account(created, w.freemail(c), c, "plus", "", "web")
            if self.gift_cards:
                w.pay(a, w.instrument(), "gift_card", "", c, created)
            else:
                w.card(a, c, created)
            ips = [rng.choice(mine), rng.choice(mine)]
            if rng.random() < 0.3:
                ips.append(home_ip(w, c, rng))
            ua = rng.choice(UA_BROWSER)
            times = human_times(
                rng,
                ctx.n_requests(self.volume, 0.5),
                COUNTRIES[c].tz,
                self.active_from_day,
                self.active_to_day,
            )
            for t in times:
                base, tin, tout = benign(rng, OFFICE if rng.random() < 0.4 else CONSUMER)
                if rng.random() < self.camouflage:
                    p = base
                else:
                    p = base + SUFFIX
                    tin, tout = approx_tokens(p), out_tokens(rng, 520, 0.4)
                w.req(a, t, p, rng.choice(ips), w.model_for(t, 0.3), tin, tout, ua)
            out.append(a)
        ctx.label(
            "account",
            out[0],
            0.6,
            "abuse-report",
            "reported for automated scraping, structured-output suffix",
        )
        return out
