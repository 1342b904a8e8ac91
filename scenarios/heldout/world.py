"""The shared state of one generation run: accounts, payments, labels, ground truth and the request log.

Styles add to it through a small API; the writer turns it into files. Requests are rendered into CSV lines
as they are emitted and kept in per-day buckets, so the log can be written in time order.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from .clock import DAY, WINDOW_END, WINDOW_START, iso
from .identity import Bins
from .network import Network


@dataclass
class Account:
    account_id: str
    created_at: int
    email_domain: str
    country: str
    plan: str
    org_id: str = ""
    signup_channel: str = "web"
    status: str = "active"


@dataclass(frozen=True)
class PaymentLink:
    account_id: str
    instrument_id: str
    instrument_type: str
    bin: str
    issuer_country: str
    first_used: int


@dataclass(frozen=True)
class Label:
    entity: str
    value: str
    actor: str
    confidence: float
    source: str
    note: str


def csv_field(text: str) -> str:
    if "," in text or '"' in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


_ID_CHARS = "abcdefghijkmnpqrstuvwxyz23456789"  # 32 symbols, no l/o/0/1


class World:
    """Mutable container for everything one `generate` call produces."""

    def __init__(self, seed: int, total_accounts: int, requests_per_account: float) -> None:
        self.seed = seed
        self.total_accounts = total_accounts
        self.rpa = requests_per_account
        self.net = Network(self.rng("network"))
        self.bins = Bins(self.rng("bins"))
        self.accounts: dict[str, Account] = {}
        self.payments: list[PaymentLink] = []
        self.labels: list[Label] = []
        self.truth: dict[str, tuple[str, str, str]] = {}
        self.confounders: dict[str, str] = {}
        self.links: dict[tuple[str, str], list[int]] = {}
        self.buckets: dict[int, list[tuple[int, str]]] = {}
        self._ids = self.rng("account-ids")
        self._ua_cache: dict[str, str] = {}

    def rng(self, name: str) -> random.Random:
        """An independent, reproducible stream per concern (so one style never shifts another)."""
        return random.Random(f"{self.seed}:{name}")

    # --- accounts -------------------------------------------------------------------------------------
    def new_account(
        self,
        created_at: int,
        email_domain: str,
        country: str,
        plan: str,
        *,
        org_id: str = "",
        signup_channel: str = "web",
        status: str = "active",
    ) -> Account:
        while True:
            bits = self._ids.getrandbits(60)
            chars = []
            for _ in range(12):
                bits, r = divmod(bits, 32)
                chars.append(_ID_CHARS[r])
            account_id = "acct_" + "".join(chars)
            if account_id not in self.accounts:
                break
        account = Account(account_id, created_at, email_domain, country, plan, org_id, signup_channel, status)
        self.accounts[account_id] = account
        self.truth[account_id] = ("", "", "")
        return account

    def new_org_id(self, rng: random.Random) -> str:
        return "org_" + "".join(rng.choice(_ID_CHARS) for _ in range(10))

    def pay(
        self,
        account_id: str,
        instrument_id: str,
        instrument_type: str,
        bin_: str,
        issuer_country: str,
        first_used: int,
    ) -> None:
        self.payments.append(
            PaymentLink(account_id, instrument_id, instrument_type, bin_, issuer_country, first_used)
        )

    def label(self, entity: str, value: str, actor: str, confidence: float, source: str, note: str) -> None:
        self.labels.append(Label(entity, value, actor, confidence, source, note))

    def mark_campaign(self, account_id: str, campaign_id: str, actor: str, style: str) -> None:
        self.truth[account_id] = (campaign_id, actor, style)

    def mark_cohort(self, account_id: str, cohort: str) -> None:
        self.confounders[account_id] = cohort

    # --- requests -------------------------------------------------------------------------------------
    def emit(
        self,
        account_id: str,
        ts: int,
        prompt: str,
        ip: str,
        model: str,
        input_tokens: int,
        output_tokens: int,
        user_agent: str,
    ) -> None:
        created = self.accounts[account_id].created_at
        if ts < created:
            ts = created + 30
        if ts < WINDOW_START:
            ts = WINDOW_START
        elif ts >= WINDOW_END:
            ts = WINDOW_END - 1
        ua = self._ua_cache.get(user_agent)
        if ua is None:
            ua = csv_field(user_agent)
            self._ua_cache[user_agent] = ua
        line = (
            f"{account_id},{iso(ts)},{csv_field(prompt)},{ip},{model},{input_tokens},{output_tokens},{ua}\n"
        )
        day = ts // DAY
        bucket = self.buckets.get(day)
        if bucket is None:
            bucket = []
            self.buckets[day] = bucket
        bucket.append((ts, line))
        key = (account_id, ip)
        link = self.links.get(key)
        if link is None:
            self.links[key] = [ts, ts, 1]
        else:
            if ts < link[0]:
                link[0] = ts
            if ts > link[1]:
                link[1] = ts
            link[2] += 1


def tokens_in(prompt: str, context: int = 0) -> int:
    """Rough tokenizer: four characters a token plus the chat-format overhead and any earlier turns."""
    return len(prompt) // 4 + 7 + context


_NORMAL = random.Random(7)
_Z = [_NORMAL.gauss(0.0, 1.0) for _ in range(4096)]
del _NORMAL


def tokens_out(rng: random.Random, mean: float, spread: float = 0.6, cap: int = 8192) -> int:
    """Answer length: log-normal around `mean` (a table of normal draws keeps this cheap)."""
    value = int(mean * math.exp(spread * _Z[int(rng.random() * 4096)] - spread * spread / 2.0))
    return 1 if value < 1 else cap if value > cap else value
