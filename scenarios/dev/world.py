"""The in-memory platform being generated: accounts, instruments, requests, IP links, labels and truth.

Styles add to a :class:`World`; :mod:`scenarios.dev.writer` turns it into files. Every method is
deterministic given the calls made (no set or dict iteration decides anything).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .network import Network
from .text.corpus import Corpus
from .text.ordinary import Ordinary

AccountRow = tuple[str, int, str, str, str, str, str, str]
PaymentRow = tuple[str, str, str, str, str, int]
RequestRow = tuple[int, str, str, str, str, int, int, str]
LabelRow = tuple[str, str, str, str, str, str]


@dataclass
class Truth:
    campaign_id: str = ""
    actor: str = ""
    style: str = ""


@dataclass
class World:
    """Everything generated so far."""

    seed: int
    rng: random.Random
    net: Network
    corpus: Corpus
    ordinary: Ordinary
    rpa: float
    accounts: list[AccountRow] = field(default_factory=list)
    payments: list[PaymentRow] = field(default_factory=list)
    requests: list[RequestRow] = field(default_factory=list)
    labels: list[LabelRow] = field(default_factory=list)
    truth: dict[str, Truth] = field(default_factory=dict)
    cohorts: dict[str, list[str]] = field(default_factory=dict)
    links: dict[tuple[str, str], list[int]] = field(default_factory=dict)

    def new_account(
        self,
        created: int,
        email_domain: str,
        country: str,
        plan: str,
        *,
        org_id: str = "",
        channel: str = "web",
        status: str = "active",
    ) -> str:
        """Create an account and return its id."""
        while True:
            aid = f"acct_{self.rng.getrandbits(56):014x}"
            if aid not in self.truth:
                break
        self.truth[aid] = Truth()
        self.accounts.append((aid, created, email_domain, country, plan, org_id, channel, status))
        return aid

    def pay(
        self, aid: str, instrument: str, kind: str, bin_: str, issuer_country: str, first_used: int
    ) -> None:
        self.payments.append((aid, instrument, kind, bin_, issuer_country, first_used))

    def request(self, aid: str, ts: int, prompt: str, ip: str, model: str, out_tokens: int, ua: str) -> None:
        """Log one request and keep the (account, ip) link statistics up to date."""
        in_tokens = len(prompt) // 4 + 6
        self.requests.append((ts, aid, prompt, ip, model, in_tokens, out_tokens, ua))
        key = (aid, ip)
        rec = self.links.get(key)
        if rec is None:
            self.links[key] = [ts, ts, 1]
        else:
            if ts < rec[0]:
                rec[0] = ts
            elif ts > rec[1]:
                rec[1] = ts
            rec[2] += 1

    def mark(self, aid: str, cohort: str) -> None:
        """Record that a legitimate account belongs to a benign cohort or background structure."""
        self.cohorts.setdefault(cohort, []).append(aid)

    def assign(self, members: list[str], campaign_id: str, style: str, actor: str) -> None:
        for aid in members:
            self.truth[aid] = Truth(campaign_id, actor, style)

    def label(self, entity: str, value: str, actor: str, confidence: float, source: str, note: str) -> None:
        self.labels.append((entity, value, actor, f"{confidence:.2f}", source, note))
