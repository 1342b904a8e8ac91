"""The account table as parallel numpy arrays, built segment by segment (people, households, firms...).

Each builder in `background.py` and `campaigns.py` appends a segment; `finish()` orders all accounts by
creation time (platforms number accounts as they sign up, so a sign-up burst gets near-consecutive ids
interleaved with ordinary sign-ups) and remaps every index that points at accounts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from scenarios.standard.catalog import ALL_UAS

K_INDIVIDUAL, K_HOUSEHOLD, K_COMPANY, K_TEAM, K_UNIVERSITY, K_CAMPAIGN, K_PRODUCT = range(7)

F_HOUSEHOLD = 1
F_CORPORATE = 2
F_UNIVERSITY = 4
F_CARRIER_NAT = 8
F_VPN = 16
F_VIRAL = 32
F_PRODUCT = 64
# Broad memberships first, tight clusters last: a reader keeping one row per account keeps the tightest.
CONFOUNDER_KINDS = (
    (F_VIRAL, "viral_template"),
    (F_VPN, "vpn"),
    (F_CARRIER_NAT, "carrier_nat"),
    (F_HOUSEHOLD, "household"),
    (F_UNIVERSITY, "university"),
    (F_CORPORATE, "corporate"),
    (F_PRODUCT, "api_product"),
)

# column name -> numpy dtype; "O" columns hold Python strings.
COLUMNS: dict[str, Any] = {
    "kind": np.int8,
    "group": np.int32,
    "created": np.int64,
    "email": object,
    "country": object,
    "plan": object,
    "org_id": object,
    "channel": object,
    "status": object,
    "n_org": np.int32,
    "n_ex": np.int32,
    "act_start": np.int64,
    "act_end": np.int64,
    "tz": np.int8,
    "ip1": np.int32,
    "ip2": np.int32,
    "p_ip2": np.float32,
    "ua1": np.int16,
    "ua2": np.int16,
    "p_viral": np.float32,
    "p_group": np.float32,
    "camp": np.int16,
    "shift": np.int16,
    "ex_ip2": np.int32,
    "flags": np.int16,
}
_DEFAULTS: dict[str, Any] = {"group": -1, "ip2": -1, "camp": -1, "ex_ip2": -1, "org_id": ""}

UA_INDEX = {ua: i for i, ua in enumerate(ALL_UAS)}


def blank(m: int) -> dict[str, npt.NDArray[Any]]:
    """A segment of `m` accounts with every column at its neutral value."""
    seg: dict[str, npt.NDArray[Any]] = {}
    for name, dtype in COLUMNS.items():
        fill = _DEFAULTS.get(name, "" if dtype is object else 0)
        seg[name] = np.full(m, fill, dtype=dtype)
    return seg


@dataclass
class Instruments:
    token: list[str] = field(default_factory=list)
    type: list[str] = field(default_factory=list)
    bin: list[str] = field(default_factory=list)
    issuer_country: list[str] = field(default_factory=list)

    def add(
        self,
        rng: np.random.Generator,
        count: int,
        itype: str,
        bins: tuple[str, ...] | list[str] | str,
        country: str | list[str],
    ) -> npt.NDArray[np.int32]:
        """`count` new instruments. `bins`: one BIN for all, a tuple to draw each from, or a list with
        one per instrument; `country` likewise one for all or one per instrument."""
        start = len(self.token)
        self.token.extend(opaque_tokens(rng, count))
        self.type.extend([itype] * count)
        if isinstance(bins, str):
            self.bin.extend([bins] * count)
        elif isinstance(bins, list):
            self.bin.extend(bins)  # one per instrument
        else:
            self.bin.extend(np.asarray(bins)[rng.integers(0, len(bins), count)].tolist())
        self.issuer_country.extend([country] * count if isinstance(country, str) else country)
        return np.arange(start, start + count, dtype=np.int32)


_ALPHABET = np.frombuffer(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", dtype=np.uint8)


def opaque_tokens(rng: np.random.Generator, count: int) -> list[str]:
    """`tok_` + 24 base62 characters: shaped like a processor's token, never like a card number."""
    raw = _ALPHABET[rng.integers(0, len(_ALPHABET), (count, 24))]
    return ["tok_" + b.decode() for b in raw.view("S24").ravel().tolist()]


@dataclass
class Payments:
    account: list[npt.NDArray[np.int64]] = field(default_factory=list)
    instrument: list[npt.NDArray[np.int32]] = field(default_factory=list)
    first_used: list[npt.NDArray[np.int64]] = field(default_factory=list)

    def link(
        self,
        account: npt.NDArray[np.int64],
        instrument: npt.NDArray[np.int32],
        first_used: npt.NDArray[np.int64],
    ) -> None:
        self.account.append(np.asarray(account, dtype=np.int64))
        self.instrument.append(np.asarray(instrument, dtype=np.int32))
        self.first_used.append(np.asarray(first_used, dtype=np.int64))


@dataclass
class Population:
    cols: dict[str, npt.NDArray[Any]]
    account_ids: npt.NDArray[np.str_]
    pay_account: npt.NDArray[np.int64]
    pay_instrument: npt.NDArray[np.int32]
    pay_first_used: npt.NDArray[np.int64]

    @property
    def n(self) -> int:
        return len(self.account_ids)


@dataclass
class PopulationBuilder:
    segments: list[dict[str, npt.NDArray[Any]]] = field(default_factory=list)
    count: int = 0
    payments: Payments = field(default_factory=Payments)
    instruments: Instruments = field(default_factory=Instruments)

    def add(self, seg: dict[str, npt.NDArray[Any]]) -> npt.NDArray[np.int64]:
        """Append a segment; returns the (pre-ordering) indices of its accounts."""
        m = len(seg["kind"])
        idx = np.arange(self.count, self.count + m, dtype=np.int64)
        self.segments.append(seg)
        self.count += m
        return idx

    def finish(self, rng: np.random.Generator) -> tuple[Population, npt.NDArray[np.int64]]:
        """Accounts ordered by creation time; also returns old index -> new index."""
        cols = {name: np.concatenate([s[name] for s in self.segments]) for name in COLUMNS}
        tie = rng.random(self.count)
        order = np.lexsort((tie, cols["created"]))
        remap = np.empty(self.count, dtype=np.int64)
        remap[order] = np.arange(self.count)
        cols = {name: arr[order] for name, arr in cols.items()}
        ids = np.char.add("acct_", np.char.zfill(np.arange(1, self.count + 1).astype(str), 7))
        p = self.payments
        pay_account = remap[np.concatenate(p.account)] if p.account else np.empty(0, np.int64)
        pay_instrument = np.concatenate(p.instrument) if p.instrument else np.empty(0, np.int32)
        pay_first = np.concatenate(p.first_used) if p.first_used else np.empty(0, np.int64)
        pay_order = np.lexsort((pay_instrument, pay_account))
        pop = Population(cols, ids, pay_account[pay_order], pay_instrument[pay_order], pay_first[pay_order])
        return pop, remap
