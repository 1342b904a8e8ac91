"""Harvesting computer-use trajectories: an agent loop sends a screenshot and the action history, and asks
for the next GUI action, step after step, around the clock.

Infrastructure is careful (a mobile-proxy service: carrier NAT addresses shared with thousands of real
phones); money and content are not (virtual cards each shared by a handful of accounts, one screenshot-step
template, image-sized inputs and tiny outputs); timing shows the agent loop and a jump to the new model
within hours of release.
"""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.heldout3.base import CONTENT, MONEY, TIMING, CampaignStyle
from scenarios.heldout3.world import DAY, HOUR, NEW_MODEL, OLD_MODELS, RELEASE, T0, T_END, World

_ENVS = ("web browser", "Windows desktop", "Android phone", "spreadsheet application", "e-mail client")
_GOALS = (
    "book the cheapest direct flight from {a} to {b} next Friday",
    "export last month's invoices as PDF",
    "change the account password and enable two-factor authentication",
    "add a product to the cart and check out",
    "create a pivot table of sales by region",
    "unsubscribe from all marketing e-mails",
    "find the return policy and start a return for order {n}",
    "schedule a meeting with {n} attendees",
    "rename every file in Downloads to lowercase",
    "fill in the job application form with the given CV",
)
_ACTIONS = ("click", "type", "scroll", "key", "double_click", "drag")
_AIRPORTS = ("SFO", "LHR", "CDG", "HND", "SIN", "JFK", "FRA", "DXB", "GRU", "SYD")


@dataclass(frozen=True, kw_only=True)
class ComputerUseScrape(CampaignStyle):
    name: str = "computer_use_scrape"
    actor: str = "AMBER LANTERN"
    share: float = 0.018
    signals: tuple[str, ...] = (MONEY, CONTENT, TIMING)
    camouflage: float = 0.0
    labelled: bool = False
    accounts_per_card: int = 6
    episode_steps: tuple[int, int] = (6, 14)
    #: hours after release when the loop is pointed at the new model, and the share it then takes
    switch_after_hours: float = 5.0
    switch_share: float = 0.85
    requests_mean: float = 36.0

    def build(self, w: World, campaign_id: str, n: int) -> list[str]:
        r = w.rng
        cgnat = w.shared_pools.get("cgnat") or [w.new_ip(w.asn_of("mobile")) for _ in range(10)]
        exits = r.sample(cgnat, min(len(cgnat), max(4, len(cgnat) // 3)))
        v6_carriers = [w.asn_of("mobile", c) for c in ("US", "GB", "IN")]
        made: list[str] = []
        card = ("", "")
        switch = RELEASE + self.switch_after_hours * HOUR
        for i in range(n):
            if i % self.accounts_per_card == 0:
                card = (w.instrument_token(), r.choice(("489514", "489515")))
            batch = i // max(1, n // 3)
            created = T0 - (30 - 7 * batch) * DAY + r.uniform(0, 4) * HOUR
            country = r.choice(("US", "GB", "IN", "BR", "PH"))
            acct = w.new_account(
                created_at=created,
                email_domain=w.free_mail(country),
                country=country,
                plan="pro",
                signup_channel="web",
            )
            made.append(acct)
            w.pay(
                acct,
                card[0],
                instrument_type="virtual_card",
                bin_=card[1],
                issuer_country="SG",
                first_used=created + r.uniform(120, 1800),
            )
            own_v6 = w.new_ip(r.choice(v6_carriers), v6=True)
            steps_left = w.count(self.requests_mean)
            ua = (
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                "HeadlessChrome/133.0.6943.53 Safari/537.36"
            )
            while steps_left > 0:
                t = r.uniform(max(created, T0), T_END)
                eid = f"{r.randrange(16**8):08x}"
                goal = r.choice(_GOALS).format(
                    a=r.choice(_AIRPORTS), b=r.choice(_AIRPORTS), n=r.randint(3, 99999)
                )
                env = r.choice(_ENVS)
                hist: list[str] = []
                width, height = r.choice(((1280, 800), (1440, 900), (1920, 1080), (1080, 2340)))
                for step in range(1, min(steps_left, r.randint(*self.episode_steps)) + 1):
                    steps_left -= 1
                    t += r.uniform(6, 40)
                    prompt = (
                        f"<image: screenshot {width}x{height} png>\nYou are a computer-use agent "
                        f"operating a {env}.\n"
                        f"Goal: {goal}\nEpisode {eid}, step {step}.\nPrevious actions:\n"
                        + ("\n".join(hist[-4:]) if hist else "(none)")
                        + '\nRespond with the next action only, as JSON: {"action": ..., "x": '
                        'int, "y": int, "text": str}'
                    )
                    ip = own_v6 if r.random() < 0.2 else r.choice(exits)
                    model = NEW_MODEL if t > switch and r.random() < self.switch_share else OLD_MODELS[0]
                    w.request(
                        acct,
                        t,
                        prompt,
                        ip,
                        model,
                        output_tokens=r.randint(25, 140),
                        user_agent=ua,
                        input_tokens=r.randint(1400, 2600),
                    )
                    act, x, y = r.choice(_ACTIONS), r.randint(0, width), r.randint(0, height)
                    hist.append(f'{step}. {{"action": "{act}", "x": {x}, "y": {y}}}')
        return made
