"""The legitimate background population.

Models an ordinary consumer/developer AI platform: account creation spread over two years with growth,
free-mail domains (gmail.com dominating), casual web and mobile users, students behind campus NATs,
developers calling the API from cloud VMs and shared CI runners, heavy users with personal batch jobs,
small organisations sharing an office IP and a company card, households sharing a home IP (and
sometimes a family card), mobile carrier-NAT gateways shared by thousands, commercial VPN exits shared
by hundreds, and viral copy-paste templates used by a large share of the platform. Uptake of the new
model is uncoordinated: a staged rollout for paid app users, gradual adoption for API developers.

Background structures an unwary detector could mistake for coordination are recorded as confounders:
``household``, ``family_card``, ``carrier_nat``, ``vpn_exit``, ``campus_nat``, ``ci_runner``,
``organisation``, ``heavy_user``, ``viral_template``.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from . import identity
from .clock import DAY, MINI_MODEL, OLD_MODEL, T0, T_END, cumulative, local_hour_weights, release_adoption
from .identity import Country
from .network import BUSINESS, EDUCATION, HOSTING_BIG, MOBILE, RESIDENTIAL, VPN, Asn, asn_for
from .text.ordinary import mix, voice
from .users import Persona, behave, cum, paid_switch
from .world import RequestRow, World


@dataclass(frozen=True)
class Profile:
    name: str
    weight: float
    volume: float  # multiple of requests_per_account
    mix: list[float]
    hours: str
    plans: tuple[tuple[str, float], ...]


PROFILES: tuple[Profile, ...] = (
    Profile(
        "casual",
        58,
        0.75,
        mix(question=30, personal=28, writing=14, coding=3, homework=6, work=6, viral=18),
        "day",
        (("free", 62), ("plus", 30), ("pro", 8)),
    ),
    Profile(
        "mobile",
        16,
        0.6,
        mix(question=30, personal=40, writing=8, homework=6, work=2, viral=14),
        "night",
        (("free", 70), ("plus", 28), ("pro", 2)),
    ),
    Profile(
        "student",
        6,
        0.9,
        mix(question=25, homework=35, writing=18, coding=8, personal=8, viral=10),
        "student",
        (("free", 72), ("plus", 28)),
    ),
    Profile(
        "developer",
        8,
        1.6,
        mix(coding=60, question=12, work=10, writing=8, personal=5, viral=5),
        "office",
        (("api", 55), ("plus", 20), ("pro", 15), ("free", 10)),
    ),
    Profile(
        "heavy",
        2,
        15.0,
        mix(question=20, writing=25, work=25, coding=15, personal=5, viral=10),
        "day",
        (("pro", 55), ("plus", 40), ("api", 5)),
    ),
)
_CUM_PROFILES = cumulative(tuple(p.weight for p in PROFILES))
ORG_MIX = mix(work=45, writing=25, question=12, coding=10, personal=3, viral=5)

UNIVERSITIES: tuple[tuple[str, str], ...] = (
    ("mit.edu", "US"),
    ("berkeley.edu", "US"),
    ("stanford.edu", "US"),
    ("wisc.edu", "US"),
    ("ucsd.edu", "US"),
    ("umich.edu", "US"),
    ("utexas.edu", "US"),
    ("nyu.edu", "US"),
    ("ox.ac.uk", "GB"),
    ("cam.ac.uk", "GB"),
    ("ucl.ac.uk", "GB"),
    ("ed.ac.uk", "GB"),
    ("tum.de", "DE"),
    ("uni-heidelberg.de", "DE"),
    ("sorbonne-universite.fr", "FR"),
    ("u-tokyo.ac.jp", "JP"),
    ("kyoto-u.ac.jp", "JP"),
    ("iitb.ac.in", "IN"),
    ("iitd.ac.in", "IN"),
    ("usp.br", "BR"),
    ("unicamp.br", "BR"),
    ("utoronto.ca", "CA"),
    ("ubc.ca", "CA"),
    ("snu.ac.kr", "KR"),
    ("kaist.ac.kr", "KR"),
    ("nus.edu.sg", "SG"),
    ("unimelb.edu.au", "AU"),
    ("uva.nl", "NL"),
    ("uw.edu.pl", "PL"),
    ("unam.mx", "MX"),
    ("ui.ac.id", "ID"),
    ("uniroma1.it", "IT"),
    ("ucm.es", "ES"),
)
BATCH_TEMPLATES = (
    "Classify the sentiment of this review as positive, negative or neutral. Reply with one "
    "word.\n\nReview: {text}",
    "Extract the vendor, date and total amount from this invoice text and return JSON.\n\n{text}",
    "Write a 120-word SEO product description based on these notes: {text}",
    "Turn this transcript excerpt into three tweet-length takeaways: {text}",
    "Tag this support message with one of: billing, bug, feature_request, other.\n{text}",
)


@dataclass
class Background:
    """Handles on background infrastructure that campaigns and decoy labels reuse."""

    home_ips: list[str] = field(default_factory=list)
    carrier_nat: list[str] = field(default_factory=list)
    vpn_exits: list[str] = field(default_factory=list)
    ci_ips: list[str] = field(default_factory=list)
    viral_example: str = ""


@dataclass
class _Household:
    country: Country
    ip: str
    card: tuple[str, str, str] | None  # (token, type, bin)
    members: list[str] = field(default_factory=list)
    card_users: list[str] = field(default_factory=list)


def created_at(rng: random.Random, max_age_days: int = 730) -> int:
    """Sign-up time: two years of growth, ~16% of accounts created inside the window."""
    return T_END - int(max_age_days * DAY * rng.random() ** 1.4) - rng.randrange(DAY)


def volume(rng: random.Random, rpa: float, mult: float, dormant: float = 0.1) -> int:
    if rng.random() < dormant:
        return 0
    sigma = 1.0
    k = rpa * mult * rng.lognormvariate(-0.5 * sigma * sigma, sigma)
    return max(1, min(int(rpa * 60), round(k)))


def _pick_plan(rng: random.Random, plans: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([p for p, _ in plans], weights=[w for _, w in plans])[0]


def _base_model(rng: random.Random, plan: str) -> str:
    return MINI_MODEL if plan == "free" and rng.random() < 0.65 else OLD_MODEL


def _switch(rng: random.Random, plan: str, api: bool) -> int | None:
    if api:
        return release_adoption(rng, 8.0, 0.35)
    if plan == "free":
        return release_adoption(rng, 14.0, 0.55)
    return paid_switch(rng)


class _Builder:
    def __init__(self, world: World, rng: random.Random, n: int) -> None:
        self.w, self.rng, self.n = world, rng, n
        self.bg = Background()
        net = world.net
        self.nat: dict[str, list[str]] = {}
        n_nat = max(4, n // 12_000)
        mobile_countries = sorted({a.country for a in MOBILE})
        weights = [identity.BY_CODE[c].weight for c in mobile_countries]
        for _ in range(n_nat):
            cc = rng.choices(mobile_countries, weights=weights)[0]
            ip = net.ip(asn_for(cc, MOBILE, rng))
            self.nat.setdefault(cc, []).append(ip)
            self.bg.carrier_nat.append(ip)
        self.bg.vpn_exits = [net.ip(rng.choice(VPN)) for _ in range(max(25, n // 350))]
        gh = [a for a in HOSTING_BIG if a.number in (8075, 16509)]
        self.bg.ci_ips = [net.ip(rng.choice(gh)) for _ in range(max(12, n // 1500))]
        self.campus: dict[str, list[str]] = {}
        self.households: dict[str, list[_Household]] = {}
        self.all_households: list[_Household] = []
        self.marks: dict[str, list[str]] = {}

    # -- infrastructure helpers ---------------------------------------------------------------------
    def home_ip(self, c: Country) -> str:
        ip = self.w.net.ip(asn_for(c.code, RESIDENTIAL, self.rng), v6=self.rng.random() < 0.12)
        self.bg.home_ips.append(ip)
        return ip

    def mobile_ip(self, c: Country, aid: str) -> str | None:
        nat = self.nat.get(c.code)
        if nat and self.rng.random() < 0.8:
            self.mark(aid, "carrier_nat")
            return self.rng.choice(nat)
        local = [a for a in MOBILE if a.country == c.code]
        if not local:
            return None
        return self.w.net.ip(self.rng.choice(local), v6=self.rng.random() < 0.3)

    def campus_ip(self, uni: str, cc: str) -> str:
        ips = self.campus.get(uni)
        if ips is None:
            local = [a for a in EDUCATION if a.country == cc]
            asn = local[hash_index(uni, len(local))] if local else asn_for(cc, RESIDENTIAL, self.rng)
            ips = [self.w.net.ip(asn, kind="education") for _ in range(self.rng.randint(1, 3))]
            self.campus[uni] = ips
        return self.rng.choice(ips)

    def mark(self, aid: str, cohort: str) -> None:
        self.marks.setdefault(cohort, []).append(aid)

    def card(self, aid: str, c: Country, first_used: int) -> tuple[str, str, str]:
        kind, bin_ = identity.ordinary_instrument(self.rng, c.code)
        tok = identity.instrument_id(self.rng)
        self.w.pay(aid, tok, kind, bin_, c.code, first_used)
        return tok, kind, bin_

    # -- people -------------------------------------------------------------------------------------
    def individual(self) -> None:
        rng, w = self.rng, self.w
        prof = rng.choices(PROFILES, cum_weights=_CUM_PROFILES)[0]
        c = identity.country(rng)
        created = created_at(rng)
        plan = _pick_plan(rng, prof.plans)
        domain = identity.webmail(rng, c)
        channel = "mobile_app" if prof.name == "mobile" and rng.random() < 0.7 else "web"
        uni = ""
        if prof.name == "student":
            local = [u for u, cc in UNIVERSITIES if cc == c.code]
            if local and rng.random() < 0.7:
                uni = rng.choice(local)
                domain = uni
                channel = "education" if rng.random() < 0.5 else "web"
        status = "suspended" if rng.random() < 0.008 else "closed" if rng.random() < 0.005 else "active"
        aid = w.new_account(created, domain, c.code, plan, channel=channel, status=status)

        hh: _Household | None = None
        if prof.name in ("casual", "mobile", "student") and rng.random() < 0.16:
            pool = self.households.get(c.code)
            if pool:
                hh = pool[-1 - rng.randrange(min(len(pool), 300))]
        if hh is None:
            hh = _Household(c, self.home_ip(c), None)
            self.households.setdefault(c.code, []).append(hh)
            self.all_households.append(hh)
        hh.members.append(aid)

        if plan != "free" or rng.random() < 0.08:
            if hh.card is not None and rng.random() < 0.35:
                tok, kind, bin_ = hh.card
                w.pay(aid, tok, kind, bin_, c.code, created + rng.randrange(DAY * 3))
                hh.card_users.append(aid)
            else:
                card = self.card(aid, c, created + rng.randrange(DAY * 2))
                if hh.card is None:
                    hh.card = card
                    hh.card_users.append(aid)

        browser = rng.choice(identity.BROWSER_UAS)
        phone = rng.choice(identity.MOBILE_UAS)
        home_ua = phone if prof.name == "mobile" else browser
        ips, weights, uas = [hh.ip], [6.0], [home_ua]
        p_mobile = {"mobile": 0.95, "casual": 0.35, "student": 0.45}.get(prof.name, 0.2)
        if rng.random() < p_mobile:
            ip = self.mobile_ip(c, aid)
            if ip is not None:
                ips.append(ip)
                weights.append(4.0 if prof.name == "mobile" else 1.5)
                uas.append(phone)
        if rng.random() < 0.06:
            ips.append(rng.choice(self.bg.vpn_exits))
            weights.append(2.5)
            uas.append(browser)
            self.mark(aid, "vpn_exit")
        if uni and rng.random() < 0.6:
            ips.append(self.campus_ip(uni, c.code))
            weights.append(3.0)
            uas.append(browser)
            self.mark(aid, "campus_nat")
        if prof.name == "casual" and rng.random() < 0.08:
            ips.append(self.w.net.ip(asn_for(c.code, BUSINESS, rng), kind="corporate"))
            weights.append(1.5)
            uas.append(browser)
        api = prof.name == "developer" or plan == "api"
        if prof.name == "developer":
            sdk = rng.choice(identity.SDK_UAS)
            for _ in range(rng.randint(1, 3)):
                ips.append(self.w.net.ip(rng.choice(HOSTING_BIG)))
                weights.append(4.0)
                uas.append(sdk)
            if rng.random() < 0.3:
                ips.append(rng.choice(self.bg.ci_ips))
                weights.append(2.0)
                uas.append(sdk)
                self.mark(aid, "ci_runner")
        batch, batch_share = "", 0.0
        if prof.name == "heavy" and rng.random() < 0.35:
            batch, batch_share = rng.choice(BATCH_TEMPLATES), rng.uniform(0.4, 0.8)
            self.mark(aid, "heavy_user")
            if rng.random() < 0.4:
                ips.append(self.w.net.ip(rng.choice(HOSTING_BIG)))
                weights.append(6.0)
                uas.append(rng.choice(identity.SDK_UAS))
        v = voice(rng, c.code, 0.45)
        persona = Persona(
            aid=aid,
            tz=c.tz + rng.choice((0, 0, 0, -1, 1)),
            ips=ips,
            ip_cum=cum(weights),
            uas=uas,
            voice=v,
            mix=prof.mix if v.viral >= 0 else _no_viral(prof.mix),
            hours=_HOURS[prof.hours],
            base_model=_base_model(rng, plan),
            switch_at=_switch(rng, plan, api),
            out_hi=2600 if prof.name == "developer" else 1400,
            batch=batch,
            batch_share=batch_share,
        )
        k = volume(rng, w.rpa, prof.volume)
        start = len(w.requests)
        if behave(w, persona, k, max(created, T0), T_END, rng):
            self.mark(aid, "viral_template")
            if not self.bg.viral_example:
                self.bg.viral_example = _viral_prompt(w.requests[start:])

    def organisation(self, size: int) -> None:
        rng, w = self.rng, self.w
        c = identity.country(rng)
        _, domain = identity.company(rng)
        org_id = f"org_{rng.getrandbits(40):010x}"
        founded = created_at(rng, 900) - 60 * DAY
        office_asn: Asn = asn_for(c.code, BUSINESS, rng)
        office = [w.net.ip(office_asn, kind="corporate") for _ in range(1 if size < 8 else rng.randint(2, 3))]
        shared_card = rng.random() < 0.55
        card: tuple[str, str, str] | None = None
        enterprise = size > 15 and rng.random() < 0.5
        for _ in range(size):
            created = min(T_END - DAY, founded + int(rng.expovariate(1 / (40 * DAY))))
            plan = "enterprise" if enterprise else "team"
            aid = w.new_account(
                created, domain, c.code, plan, org_id=org_id, channel="sales" if enterprise else "web"
            )
            self.mark(aid, "organisation")
            if shared_card:
                if card is None:
                    tok = identity.instrument_id(rng)
                    kind = "invoice" if enterprise else "card"
                    card = (tok, kind, "" if enterprise else identity.card_bin(rng, c.code))
                w.pay(aid, card[0], card[1], card[2], c.code, created)
            elif rng.random() < 0.5:
                self.card(aid, c, created)
            browser = rng.choice(identity.BROWSER_UAS)
            home = self.home_ip(c)
            ips, weights, uas = [rng.choice(office), home], [7.0, 2.0], [browser, browser]
            v = voice(rng, c.code, 0.15)
            persona = Persona(
                aid=aid,
                tz=c.tz,
                ips=ips,
                ip_cum=cum(weights),
                uas=uas,
                voice=v,
                mix=ORG_MIX if v.viral >= 0 else _no_viral(ORG_MIX),
                hours=_HOURS["office"],
                base_model=OLD_MODEL,
                switch_at=paid_switch(rng),
            )
            if behave(w, persona, volume(rng, w.rpa, 1.1, 0.06), max(created, T0), T_END, rng):
                self.mark(aid, "viral_template")

    def finish(self) -> None:
        for hh in self.all_households:
            if len(hh.members) > 1:
                for aid in hh.members:
                    self.mark(aid, "household")
            if len(hh.card_users) > 1:
                for aid in hh.card_users:
                    self.mark(aid, "family_card")
        for cohort in sorted(self.marks):
            seen: set[str] = set()
            for aid in self.marks[cohort]:
                if aid not in seen:
                    seen.add(aid)
                    self.w.mark(aid, cohort)


_HOURS = {k: cumulative(local_hour_weights(k)) for k in ("day", "office", "student", "night")}


def _no_viral(m: list[float]) -> list[float]:
    """The same mix with the viral family four times rarer (users without a favourite template)."""
    return [*m[:-1], m[-2] + (m[-1] - m[-2]) * 0.25]


def _viral_prompt(rows: list[RequestRow]) -> str:
    for row in rows:
        if row[2].startswith("Summarize the following: "):
            return row[2]
    return ""


def hash_index(text: str, n: int) -> int:
    """A stable (not per-process salted) index for ``text`` in ``range(n)``."""
    h = 0
    for ch in text:
        h = (h * 131 + ord(ch)) % 1_000_003
    return h % n


def populate(world: World, n: int, rng: random.Random, org_share: float = 0.09) -> Background:
    """Create ``n`` legitimate background accounts with their traffic."""
    b = _Builder(world, rng, n)
    in_orgs = 0
    target = int(n * org_share)
    while in_orgs < target:
        size = min(target - in_orgs, max(2, int(math.exp(rng.gauss(1.6, 0.8)))), 120)
        b.organisation(size)
        in_orgs += size
    for _ in range(n - in_orgs):
        b.individual()
    b.finish()
    return b.bg
