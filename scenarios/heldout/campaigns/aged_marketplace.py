"""Sleeper stock: aged accounts bought from an account marketplace and switched on together.

Real-world behaviour: "established-account fraud" — operators buy or grow accounts that are months or years
old (sleeper accounts) because older accounts get less scrutiny, then use them all at once (IP Services,
"Established-Account Fraud: When Bad Guys Get Sneaky", 2023; marketplaces reselling bulk and aged accounts,
CyberParse "Fake Accounts and the Black Market"). The buyer here adds a fresh virtual card from the same
small BIN range to every account when it reactivates, drives them through a few static ISP-proxy subnets,
and sends each harvesting prompt to several accounts at once to collect multiple completions for rejection
sampling (fan-out sampling: identical prompts across accounts within seconds).

Signals: money (shared BINs, a few reused cards), infrastructure (/24 reuse inside residential ASNs), content
(exact duplicates across accounts), timing (joint reactivation). Accounts look old and diverse: created_at
years back, many countries and free-mail domains, a few warm-up requests from the seller before the sale.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import identity
from ..clock import DAY, HOUR, NEW_MODEL, PRO, RELEASE_TS, STANDARD, WINDOW_END, WINDOW_START, epoch
from ..knobs import Labelling, Sizing
from ..network import Asn
from ..ops import cover_traffic, volume
from ..population import places
from ..population.person import Place
from ..text.everyday import CHITCHAT
from ..text.harvest import agentic_task
from ..world import Account, World, tokens_in, tokens_out

STYLE = "aged_marketplace"


_SIZE = Sizing(0.014)
_LABELS = Labelling("Tallow Ridge", ("instrument", "account"), 0.9, "card_network_alert")


@dataclass(frozen=True)
class Knobs:
    size: Sizing = _SIZE
    labels: Labelling = _LABELS
    signals: frozenset[str] = field(default_factory=lambda: frozenset({"money", "infrastructure", "content"}))
    camouflage: float = 0.15
    volume: float = 3.5
    fan_out: tuple[int, int] = (3, 5)
    reactivation_day: float = 19.0
    reactivation_spread_h: float = 36.0
    card_bins: int = 2
    card_reuse: float = 0.1
    proxy_subnets: int = 6
    suspended_share: float = 0.03
    warmup_share: float = 0.4


DEFAULT = Knobs()
_SELLER_COUNTRIES = ("US", "US", "GB", "CA", "DE", "FR", "BR", "IN", "AU", "NL", "PL", "ES", "IT", "MX")


def build(world: World, count: int, knobs: Knobs = DEFAULT) -> None:
    rng = world.rng(STYLE)
    campaign = f"{STYLE}-1"
    actor = knobs.labels.truth_actor
    # infrastructure: static ISP proxies leased in a few residential /24s
    subnets: list[tuple[str, Asn]] = []
    for _ in range(knobs.proxy_subnets):
        asn = world.net.pick(rng, "residential", rng.choice(("US", "GB", "DE", "CA")))
        subnets.append((world.net.block24(rng, asn), asn))
    bins = [world.bins.new() for _ in range(knobs.card_bins)]
    automation_uas = [identity.browser_ua(rng) for _ in range(3)]
    react0 = WINDOW_START + int(knobs.reactivation_day * DAY)

    accounts: list[tuple[Account, int, str, int]] = []  # account, reactivation ts, ip, utc offset
    cards: list[str] = []
    used_hosts: set[str] = set()
    for _ in range(count):
        country = rng.choice(_SELLER_COUNTRIES)
        created = rng.randrange(epoch(2023, 2, 1), epoch(2025, 6, 1))
        acct = world.new_account(
            created,
            identity.webmail(rng, country),
            country,
            "plus",
            signup_channel=rng.choice(("web", "web", "android", "ios")),
        )
        if rng.random() < knobs.suspended_share:
            acct.status = "suspended"
        react = react0 + int(rng.random() * knobs.reactivation_spread_h * HOUR)
        offset = identity.utc_offset(rng, country)
        if "infrastructure" in knobs.signals:
            while True:
                prefix, asn = rng.choice(subnets)
                host = rng.randrange(2, 255)
                if f"{prefix}.{host}" not in used_hosts:
                    break
            used_hosts.add(f"{prefix}.{host}")
            ip = world.net.in_block(prefix, host, asn, "proxy" if rng.random() < 0.25 else None)
        else:
            ip = places.home(world, rng, country, "").ip
        # money: a fresh virtual card at reactivation, from the buyer's BINs; a few cards are reused
        if "money" in knobs.signals:
            if cards and rng.random() < knobs.card_reuse:
                token = rng.choice(cards)
                world.pay(acct.account_id, token, "virtual_card", bins[0], "LT", react)
            else:
                token = identity.instrument_token(rng)
                cards.append(token)
                world.pay(acct.account_id, token, "virtual_card", rng.choice(bins), "LT", react)
        else:
            token = identity.instrument_token(rng)
            world.pay(acct.account_id, token, "card", world.bins.pick(rng, country), country, react)
        world.mark_campaign(acct.account_id, campaign, actor, STYLE)
        accounts.append((acct, react, ip, offset))
        # the seller keeps the account warm from its own farm line
        if rng.random() < knobs.warmup_share:
            line = places.home(world, rng, country, "").ip
            ua = identity.browser_ua(rng)
            for _ in range(rng.randint(1, 2)):
                ts = rng.randrange(WINDOW_START, react0 - DAY)
                text = rng.choice(CHITCHAT)
                world.emit(
                    acct.account_id, ts, text, line, STANDARD, tokens_in(text), tokens_out(rng, 60), ua
                )

    # fan-out sampling: each seed prompt goes to k accounts within seconds of each other
    ua_of = {a.account_id: rng.choice(automation_uas) for a, _, _, _ in accounts}
    per_account = [volume(world, rng, knobs.volume) for _ in accounts]
    harvest_total = int(sum(per_account) * (1.0 - knobs.camouflage))
    lo, hi = knobs.fan_out
    accounts.sort(key=lambda item: item[1])
    last_react = accounts[-1][1]
    emitted = 0
    while emitted < harvest_total:
        ts = rng.randrange(accounts[0][1] + 600, WINDOW_END - HOUR)
        ready = accounts if ts >= last_react else [a for a in accounts if a[1] <= ts]
        k = min(len(ready), rng.randint(lo, hi))
        prompt = agentic_task(rng)
        model = PRO
        if ts > RELEASE_TS + 2 * DAY and rng.random() < 0.6:
            model = NEW_MODEL
        tin = tokens_in(prompt)
        for acct, _react, ip, _off in rng.sample(ready, k):
            world.emit(
                acct.account_id,
                ts + rng.randint(0, 40),
                prompt,
                ip,
                model,
                tin,
                tokens_out(rng, 1400, 0.35),
                ua_of[acct.account_id],
            )
            emitted += 1
    for (acct, react, ip, offset), n in zip(accounts, per_account, strict=True):
        cover = Place(ip, ua_of[acct.account_id])
        cover_traffic(world, rng, acct, [cover], int(n * knobs.camouflage), offset, start=react)

    labels = knobs.labels
    if "instrument" in labels.entities and cards:
        for token in rng.sample(cards, min(2, len(cards))):
            world.label(
                "instrument",
                token,
                labels.actor,
                labels.confidence,
                labels.source,
                "virtual card from a batch sold with marketplace accounts",
            )
    if "account" in labels.entities:
        acct = rng.choice(accounts)[0]
        world.label(
            "account",
            acct.account_id,
            labels.actor,
            0.8,
            "marketplace_listing_match",
            "account appeared in a bulk aged-account listing; buyer handle tied to actor",
        )
