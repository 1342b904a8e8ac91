"""The in-memory world every style writes into, and the calendar it lives on.

Styles never write files: they add accounts, requests, payments and labels here, and `output.py`
serialises the world once at the end, so a style cannot leak its identity through file order.
"""

from __future__ import annotations

import math
import random
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

BASE = datetime(2026, 3, 1, tzinfo=UTC)
START = int(BASE.timestamp())
DAY = 86_400
HOUR = 3_600
WINDOW_DAYS = 42
END = START + WINDOW_DAYS * DAY


def at(month: int, day: int, hour: int = 0, minute: int = 0, year: int = 2026) -> int:
    return int(datetime(year, month, day, hour, minute, tzinfo=UTC).timestamp())


@dataclass(frozen=True, slots=True)
class Release:
    model: str
    tier: str
    ts: int


# Two lines of models. The releases inside the window are what make "moved to the new model within a day"
# observable; ordinary users drift over with personal lags measured in days or never.
RELEASES: tuple[Release, ...] = (
    Release("orion-2.5-mini", "small", at(9, 18, 17, year=2025)),
    Release("orion-2.5", "large", at(11, 4, 17, year=2025)),
    Release("orion-3", "large", at(3, 17, 16)),
    Release("orion-3-mini", "small", at(3, 31, 16)),
    Release("orion-3.1", "large", at(4, 8, 16)),
)
RELEASE_TS: dict[str, int] = {r.model: r.ts for r in RELEASES}

_ID_ALPHABET = string.ascii_lowercase + string.digits
_TOKEN_ALPHABET = string.ascii_letters + string.digits


@dataclass(slots=True)
class Account:
    account_id: str
    created_at: int
    email_domain: str
    country: str
    plan: str
    org_id: str
    signup_channel: str
    status: str


@dataclass(frozen=True, slots=True)
class IpMeta:
    asn: int
    asn_org: str
    ip_type: str


@dataclass(slots=True)
class Request:
    account_id: str
    ts: int
    prompt: str
    ip: str
    model: str
    input_tokens: int
    output_tokens: int
    user_agent: str


@dataclass(frozen=True, slots=True)
class Payment:
    account_id: str
    instrument_id: str
    instrument_type: str
    bin: str
    issuer_country: str
    first_used: int


@dataclass(frozen=True, slots=True)
class Label:
    entity: str
    value: str
    actor: str
    confidence: float
    source: str
    note: str


@dataclass(frozen=True, slots=True)
class Instrument:
    instrument_id: str
    instrument_type: str
    bin: str
    issuer_country: str


@dataclass
class World:
    seed: int
    accounts: list[Account] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)
    ip_meta: dict[str, IpMeta] = field(default_factory=dict)
    # Accounts seen on an IP without a logged request (sign-up, console logins).
    login_links: list[tuple[str, str, int]] = field(default_factory=list)
    payments: list[Payment] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    truth: list[tuple[str, str, str, str]] = field(default_factory=list)
    confounders: list[tuple[str, str]] = field(default_factory=list)
    _ids: set[str] = field(default_factory=set)

    # One id space for everybody: ids are random draws, so nothing in an id says which style made it.
    def new_account_id(self, rng: random.Random) -> str:
        while True:
            prefix = "user-" if rng.random() < 0.93 else "acct-"
            aid = prefix + "".join(rng.choices(_ID_ALPHABET, k=rng.choice((10, 12, 12, 12))))
            if aid not in self._ids:
                self._ids.add(aid)
                return aid

    def new_org_id(self, rng: random.Random) -> str:
        while True:
            oid = "org-" + "".join(rng.choices(_TOKEN_ALPHABET, k=16))
            if oid not in self._ids:
                self._ids.add(oid)
                return oid

    def new_instrument(
        self, rng: random.Random, instrument_type: str, bin_: str, issuer_country: str
    ) -> Instrument:
        while True:
            iid = "pm_" + "".join(rng.choices(_TOKEN_ALPHABET, k=22))
            if iid not in self._ids:
                self._ids.add(iid)
                return Instrument(iid, instrument_type, bin_, issuer_country)

    def add_account(
        self,
        rng: random.Random,
        *,
        created_at: int,
        email_domain: str,
        country: str,
        plan: str,
        org_id: str = "",
        signup_channel: str = "web",
        status: str = "active",
    ) -> Account:
        acc = Account(
            self.new_account_id(rng),
            created_at,
            email_domain,
            country,
            plan,
            org_id,
            signup_channel,
            status,
        )
        self.accounts.append(acc)
        return acc

    def pay(self, account: Account, inst: Instrument, first_used: int) -> None:
        self.payments.append(
            Payment(
                account.account_id,
                inst.instrument_id,
                inst.instrument_type,
                inst.bin,
                inst.issuer_country,
                max(first_used, account.created_at),
            )
        )

    def request(
        self,
        account: Account,
        ts: int,
        prompt: str,
        ip: str,
        model: str,
        output_tokens: int,
        user_agent: str,
        *,
        context_tokens: int = 0,
    ) -> None:
        # About 4 characters a token, plus hidden context (system prompt, history) riding along.
        in_tok = max(1, len(prompt) // 4 + context_tokens)
        # Nobody sends before their account exists; styles schedule loosely, so enforce it once here.
        ts = min(END - 1, max(ts, account.created_at + 20))
        self.requests.append(
            Request(account.account_id, ts, prompt, ip, model, in_tok, output_tokens, user_agent)
        )

    def login(self, account: Account, ip: str, ts: int) -> None:
        self.login_links.append((account.account_id, ip, ts))


def clamp_ts(ts: int) -> int:
    return min(END - 1, max(START, ts))


def lognormal_int(rng: random.Random, median: float, sigma: float, lo: int = 1, hi: int = 10**7) -> int:
    return max(lo, min(hi, round(median * math.exp(rng.gauss(0.0, sigma)))))


def weighted(rng: random.Random, options: Sequence[tuple[str, float]]) -> str:
    total = sum(w for _, w in options)
    x = rng.random() * total
    for value, w in options:
        x -= w
        if x <= 0:
            return value
    return options[-1][0]


# Share of a day's activity by local hour for people at work and at home; both have a trough at night.
_WORK_HOURS = (1, 1, 1, 1, 1, 2, 4, 8, 14, 18, 18, 16, 12, 16, 18, 17, 14, 10, 7, 6, 5, 4, 3, 2)
_HOME_HOURS = (4, 2, 1, 1, 1, 1, 2, 4, 6, 7, 8, 8, 9, 9, 8, 8, 8, 9, 11, 13, 14, 14, 11, 7)


def local_hour(rng: random.Random, profile: str) -> int:
    weights = _WORK_HOURS if profile == "work" else _HOME_HOURS
    return rng.choices(range(24), weights=weights)[0]


def diurnal_ts(
    rng: random.Random, day_start: int, tz_hours: float, profile: str = "home", weekday_bias: float = 0.0
) -> int:
    """A timestamp on the given UTC day that follows a local activity curve."""
    for _ in range(4):
        hour = local_hour(rng, profile)
        ts = day_start + int((hour - tz_hours) * HOUR) + rng.randrange(HOUR)
        wd = datetime.fromtimestamp(ts, UTC).weekday()
        if wd < 5 or rng.random() > weekday_bias:
            return ts
    return ts


def day_of(ts: int) -> int:
    return START + ((ts - START) // DAY) * DAY


def model_for(ts: int, tier: str, lags: Mapping[str, float]) -> str:
    """Newest model of the tier this user has moved to by `ts`; `lags` holds per-release delays in seconds."""
    best = ""
    best_ts = -1
    for r in RELEASES:
        if r.tier != tier:
            continue
        if r.ts + lags.get(r.model, 0.0) <= ts and r.ts > best_ts:
            best, best_ts = r.model, r.ts
    return best or ("orion-2.5" if tier == "large" else "orion-2.5-mini")


def adoption_lags(rng: random.Random, eager: float) -> dict[str, float]:
    """Per-release delay before an ordinary user switches; pinned API users may never switch in the window."""
    lags: dict[str, float] = {}
    for r in RELEASES:
        if r.ts < START:
            continue
        if rng.random() < 0.25 * (1 - eager):
            lags[r.model] = float("inf")
        else:
            lags[r.model] = rng.lognormvariate(math.log(4 * DAY * (1.2 - eager)), 0.9)
    return lags
