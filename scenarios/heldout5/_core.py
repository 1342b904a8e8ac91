"""Shared machinery: the world being written, networks, identities, time and tokens."""

from __future__ import annotations

import csv
import gzip
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

Rng = np.random.Generator

WINDOW_START = datetime(2026, 3, 2, tzinfo=UTC)
WINDOW_DAYS = 42
T0 = int(WINDOW_START.timestamp())
T_END = T0 + WINDOW_DAYS * 86400
# A new flagship model is released mid-window.
NEW_MODEL = "atlas-3"
RELEASE_TS = T0 + 22 * 86400 + 17 * 3600
OLD_MODELS = ("atlas-2.5-mini", "atlas-2.5", "atlas-2.5-pro")
NEW_MODELS = ("atlas-3-mini", NEW_MODEL)

B32 = "abcdefghijkmnpqrstuvwxyz23456789"
B62 = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789"


def token(rng: Rng, n: int, alphabet: str = B62) -> str:
    idx = rng.integers(0, len(alphabet), n)
    return "".join(alphabet[i] for i in idx)


def pick(rng: Rng, seq: Sequence[Any]) -> Any:
    return seq[int(rng.integers(0, len(seq)))]


def iso(ts: float) -> str:
    return datetime.fromtimestamp(int(ts), tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def tokens_of(text: str) -> int:
    return max(1, math.ceil(len(text) / 3.7))


# Output-token ranges by what a request asks for (lognormal around the geometric middle).
OUTPUT_RANGES: dict[str, tuple[int, int]] = {
    "classify": (1, 12),
    "label": (2, 40),
    "short": (30, 220),
    "chat": (60, 450),
    "summary": (120, 520),
    "json": (80, 600),
    "write": (250, 1100),
    "translate": (0, 0),  # proportional to the input
    "code": (350, 2600),
    "reasoning": (700, 5500),
    "agent": (400, 3200),
    "dialogue": (300, 1400),
}


def out_tokens(rng: Rng, kind: str, in_tok: int) -> int:
    if kind == "translate":
        return max(5, int(in_tok * rng.uniform(0.9, 1.35)))
    lo, hi = OUTPUT_RANGES[kind]
    mid = math.sqrt(max(lo, 1) * hi)
    v = mid * math.exp(rng.normal(0.0, 0.45))
    return int(min(max(v, lo), hi * 1.6))


# ---------------------------------------------------------------- networks


@dataclass
class Net:
    asn: int
    org: str
    ip_type: str
    country: str
    v4: list[tuple[int, int]]
    v6: str

    def block24(self, rng: Rng) -> tuple[int, int, int]:
        a, b = pick(rng, self.v4)
        return (a, b, int(rng.integers(0, 256)))

    def v4_in(self, rng: Rng, block: tuple[int, int, int] | None = None) -> str:
        a, b, c = block if block is not None else self.block24(rng)
        return f"{a}.{b}.{c}.{int(rng.integers(1, 255))}"

    def v6_in(self, rng: Rng, sub48: str | None = None) -> str:
        p48 = sub48 if sub48 is not None else f"{self.v6}:{int(rng.integers(0, 0xFFFF)):x}"
        h = rng.integers(0, 0xFFFF, 5)
        return f"{p48}:{int(h[0]):x}:{int(h[1]):x}:{int(h[2]):x}:{int(h[3]):x}:{int(h[4]):x}"


NET_SPECS: list[tuple[int, str, str, str]] = [
    # residential
    (7922, "Comcast Cable Communications", "residential", "US"),
    (701, "Verizon Business", "residential", "US"),
    (7018, "AT&T Services", "residential", "US"),
    (3320, "Deutsche Telekom AG", "residential", "DE"),
    (3215, "Orange S.A.", "residential", "FR"),
    (2856, "British Telecommunications PLC", "residential", "GB"),
    (4134, "Chinanet", "residential", "CN"),
    (4837, "China Unicom Backbone", "residential", "CN"),
    (4766, "Korea Telecom", "residential", "KR"),
    (2516, "KDDI Corporation", "residential", "JP"),
    (28573, "Claro NXT Telecomunicacoes", "residential", "BR"),
    (24560, "Bharti Airtel Ltd.", "residential", "IN"),
    (9299, "Philippine Long Distance Telephone", "residential", "PH"),
    (6830, "Liberty Global B.V.", "residential", "NL"),
    (12389, "Rostelecom", "residential", "RU"),
    (45899, "VNPT Corp", "residential", "VN"),
    # mobile carriers (CGNAT)
    (21928, "T-Mobile USA, Inc.", "mobile", "US"),
    (22394, "Verizon Wireless", "mobile", "US"),
    (55836, "Reliance Jio Infocomm Limited", "mobile", "IN"),
    (9808, "China Mobile Communications Group", "mobile", "CN"),
    (3209, "Vodafone GmbH", "mobile", "DE"),
    (26615, "TIM S/A", "mobile", "BR"),
    (17676, "SoftBank Corp.", "mobile", "JP"),
    # hosting
    (16509, "Amazon.com, Inc.", "hosting", "US"),
    (14061, "DigitalOcean, LLC", "hosting", "US"),
    (24940, "Hetzner Online GmbH", "hosting", "DE"),
    (16276, "OVH SAS", "hosting", "FR"),
    (45102, "Alibaba US Technology Co., Ltd.", "hosting", "SG"),
    (132203, "Tencent Building, Kejizhongyi Avenue", "hosting", "HK"),
    (20473, "The Constant Company, LLC", "hosting", "US"),
    (63949, "Akamai Connected Cloud", "hosting", "US"),
    (396982, "Google LLC", "hosting", "US"),
    (8075, "Microsoft Corporation", "hosting", "US"),
    # vpn / proxy
    (9009, "M247 Europe SRL", "vpn", "RO"),
    (212238, "Datacamp Limited", "vpn", "GB"),
    (136787, "TEFINCOM S.A.", "vpn", "PA"),
    (207990, "HostRoyale Technologies Pvt Ltd", "proxy", "IN"),
    (62240, "Clouvider Limited", "proxy", "GB"),
    # education
    (25, "University of California at Berkeley", "education", "US"),
    (786, "Jisc Services Limited", "education", "GB"),
    (680, "Verein zur Foerderung eines Deutschen Forschungsnetzes", "education", "DE"),
    (4538, "China Education and Research Network Center", "education", "CN"),
    # corporate
    (15475, "Meridian Logistics Group", "corporate", "DE"),
    (33182, "Halvorsen & Pike LLP", "corporate", "US"),
    (64271, "Northwind Retail Corp", "corporate", "US"),
    (39326, "Sagebrush Insurance Holdings", "corporate", "GB"),
    (58453, "Orient Pacific Trading Co.", "corporate", "HK"),
    (211457, "Foundry Coworking Spaces Ltd", "corporate", "GB"),
    (398811, "Brightline Coworking Inc.", "corporate", "US"),
    # satellite / in-flight connectivity, not classified by the IP-intel feed
    (64294, "Skyline Inflight Connectivity", "unknown", "US"),
]


def build_nets(rng: Rng) -> dict[int, Net]:
    nets: dict[int, Net] = {}
    used: set[tuple[int, int]] = set()
    for asn, org, typ, cc in NET_SPECS:
        v4: list[tuple[int, int]] = []
        for _ in range(3 if typ in ("residential", "mobile", "hosting") else 1):
            while True:
                a = int(rng.integers(2, 223))
                if a in (10, 100, 127, 169, 172, 192, 198, 203):
                    continue
                b = int(rng.integers(0, 256))
                if (a, b) not in used:
                    used.add((a, b))
                    v4.append((a, b))
                    break
        v6 = f"2a0{int(rng.integers(0, 10))}:{int(rng.integers(0x1000, 0xFFFF)):x}"
        nets[asn] = Net(asn, org, typ, cc, v4, v6)
    return nets


# ---------------------------------------------------------------- identities

CONSUMER_DOMAINS = {
    "US": ["gmail.com", "outlook.com", "yahoo.com", "icloud.com", "proton.me"],
    "DE": ["gmail.com", "gmx.de", "web.de", "t-online.de"],
    "FR": ["gmail.com", "orange.fr", "free.fr"],
    "GB": ["gmail.com", "outlook.com", "btinternet.com"],
    "CN": ["qq.com", "163.com", "126.com", "gmail.com"],
    "KR": ["naver.com", "gmail.com", "daum.net"],
    "JP": ["gmail.com", "yahoo.co.jp", "icloud.com"],
    "BR": ["gmail.com", "hotmail.com", "uol.com.br"],
    "IN": ["gmail.com", "rediffmail.com", "outlook.com"],
    "PH": ["gmail.com", "yahoo.com"],
    "NL": ["gmail.com", "ziggo.nl", "outlook.com"],
    "RU": ["yandex.ru", "mail.ru", "gmail.com"],
    "VN": ["gmail.com", "yahoo.com.vn"],
}
COUNTRY_WEIGHTS = {
    "US": 0.30,
    "IN": 0.10,
    "DE": 0.07,
    "GB": 0.07,
    "FR": 0.05,
    "BR": 0.07,
    "JP": 0.06,
    "KR": 0.05,
    "CN": 0.05,
    "PH": 0.04,
    "NL": 0.04,
    "RU": 0.03,
    "VN": 0.04,
    "CA": 0.0,
}
TZ = {
    "US": -6,
    "IN": 5,
    "DE": 1,
    "GB": 0,
    "FR": 1,
    "BR": -3,
    "JP": 9,
    "KR": 9,
    "CN": 8,
    "PH": 8,
    "NL": 1,
    "RU": 3,
    "VN": 7,
}
# Human activity by local hour (rough diurnal curve).
_DIURNAL = np.array(
    [1, 0.6, 0.4, 0.3, 0.3, 0.5, 1.2, 2.5, 4, 5.5, 6, 6, 5.5, 6, 6.2, 6, 5.5, 5, 4.6, 4.8, 5, 4.5, 3.4, 2]
)
DIURNAL_P = _DIURNAL / _DIURNAL.sum()

BROWSER_UAS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/134.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/18.3 Safari/605.1.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:136.0) Gecko/20100101 Firefox/136.0",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/134.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/134.0.0.0 Safari/537.36 Edg/134.0.0.0",
]
MOBILE_UAS = [
    "AtlasChat/5.14.0 (iPhone; iOS 19.3; Scale/3.00)",
    "AtlasChat/5.14.1 (iPhone; iOS 19.2; Scale/3.00)",
    "AtlasChat/5.13.2 (Android 15; Pixel 9)",
    "AtlasChat/5.14.0 (Android 14; SM-S921B)",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 19_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
    "Gecko) Mobile/15E148",
]
SDK_UAS = [
    "atlas-python/1.42.0 CPython/3.12.8",
    "atlas-python/1.41.2 CPython/3.11.11",
    "atlas-node/2.9.1 node/22.13.0",
    "atlas-go/0.18.0 go1.24",
    "curl/8.12.1",
    "python-httpx/0.28.1",
]


def weighted(rng: Rng, d: dict[str, float]) -> str:
    keys = list(d)
    p = np.array([d[k] for k in keys], dtype=float)
    return str(keys[int(rng.choice(len(keys), p=p / p.sum()))])


def instrument(rng: Rng, prefix: str = "pm") -> str:
    return f"{prefix}_{token(rng, 24)}"


def bin6(rng: Rng) -> str:
    return str(int(pick(rng, [4, 5, 2, 3]))) + "".join(str(int(d)) for d in rng.integers(0, 10, 5))


def org_id(rng: Rng) -> str:
    return f"org-{token(rng, 12, B32)}"


# ---------------------------------------------------------------- the world


@dataclass
class World:
    rng: Rng
    total: int
    rpa: float
    nets: dict[int, Net]
    free_ids: list[str]
    accounts: list[dict[str, Any]] = field(default_factory=list)
    payments: list[dict[str, Any]] = field(default_factory=list)
    requests: list[tuple[str, int, str, str, str, int, int, str]] = field(default_factory=list)
    labels: list[dict[str, Any]] = field(default_factory=list)
    truth: list[tuple[str, str, str, str]] = field(default_factory=list)
    confounders: list[tuple[str, str]] = field(default_factory=list)
    ip_meta: dict[str, tuple[int, str, str]] = field(default_factory=dict)
    cgnat: dict[int, list[str]] = field(default_factory=dict)
    domains: set[str] = field(default_factory=set)

    # ---- ids
    def take_ids(self, n: int) -> list[str]:
        n = min(n, len(self.free_ids))
        out = self.free_ids[-n:] if n else []
        del self.free_ids[len(self.free_ids) - n :]
        return out

    # ---- networks
    def nets_of(self, ip_type: str, country: str | None = None) -> list[Net]:
        c = [
            n
            for n in self.nets.values()
            if n.ip_type == ip_type and (country is None or n.country == country)
        ]
        return c or [n for n in self.nets.values() if n.ip_type == ip_type]

    def net(self, rng: Rng, ip_type: str, country: str | None = None) -> Net:
        return pick(rng, self.nets_of(ip_type, country))  # type: ignore[no-any-return]

    def ip(self, rng: Rng, net: Net, block: tuple[int, int, int] | None = None, v6: bool = False) -> str:
        addr = net.v6_in(rng) if v6 else net.v4_in(rng, block)
        self.ip_meta[addr] = (net.asn, net.org, net.ip_type)
        return addr

    def carrier_ip(self, rng: Rng, net: Net) -> str:
        """A carrier-grade NAT address: thousands of subscribers behind few addresses."""
        pool = self.cgnat.get(net.asn)
        if pool is None:
            pool = [self.ip(rng, net) for _ in range(max(6, self.total // 3000))]
            self.cgnat[net.asn] = pool
        return pick(rng, pool)  # type: ignore[no-any-return]

    # ---- rows
    def account(
        self,
        aid: str,
        created: float,
        email_domain: str,
        country: str,
        plan: str,
        org: str = "",
        channel: str = "organic",
        status: str = "active",
    ) -> None:
        self.accounts.append(
            {
                "account_id": aid,
                "created_at": iso(created),
                "email_domain": email_domain,
                "country": country,
                "plan": plan,
                "org_id": org,
                "signup_channel": channel,
                "status": status,
            }
        )

    def pay(self, aid: str, inst: str, itype: str, bin_: str, issuer: str, first_used: float) -> None:
        self.payments.append(
            {
                "account_id": aid,
                "instrument_id": inst,
                "instrument_type": itype,
                "bin": bin_,
                "issuer_country": issuer,
                "first_used": iso(first_used),
            }
        )

    def req(
        self, aid: str, ts: float, prompt: str, ip: str, model: str, kind: str, ua: str, context: int = 0
    ) -> None:
        pt = tokens_of(prompt)
        out = out_tokens(self.rng, kind, pt)
        self.requests.append((aid, int(ts), prompt, ip, model, pt + context, out, ua))

    def label(self, entity: str, value: str, actor: str, conf: float, source: str, note: str) -> None:
        self.labels.append(
            {
                "entity": entity,
                "value": value,
                "actor": actor,
                "confidence": conf,
                "source": source,
                "note": note,
            }
        )

    # ---- volume and time
    def volume(self, rng: Rng, factor: float = 1.0, sigma: float = 0.9) -> int:
        mean = self.rpa * factor
        v = rng.lognormal(math.log(mean) - sigma * sigma / 2, sigma)
        return max(1, round(v))

    def human_ts(self, rng: Rng, country: str, start: float = T0, end: float = T_END) -> float:
        start = max(start, T0)
        day = int(
            rng.integers(
                int((start - T0) // 86400), max(int((end - T0) // 86400), int((start - T0) // 86400) + 1)
            )
        )
        hour = int(rng.choice(24, p=DIURNAL_P))
        utc_h = hour - TZ.get(country, 0)
        ts = T0 + day * 86400 + utc_h * 3600 + int(rng.integers(0, 3600))
        return float(min(max(ts, start), end - 1))

    def model_at(self, rng: Rng, ts: float, adopt: float = 0.35, tier: int = 1) -> str:
        if ts >= RELEASE_TS and rng.random() < adopt:
            return NEW_MODELS[1] if tier >= 1 else NEW_MODELS[0]
        return OLD_MODELS[min(max(tier, 0), 2)] if rng.random() < 0.8 else str(pick(rng, OLD_MODELS))


@dataclass(frozen=True)
class Style:
    name: str
    kind: str  # "campaign" or "cohort"
    knobs: Any
    build: Callable[[World, list[str], Any, Rng, str], None]


# ---------------------------------------------------------------- writing


def _csv(path: Path, cols: Sequence[str], rows: Sequence[dict[str, Any]]) -> None:
    opener: Any = gzip.open if path.suffix == ".gz" else open
    with opener(
        path, "wt", newline="", encoding="utf-8", **({"compresslevel": 4} if path.suffix == ".gz" else {})
    ) as f:
        w = csv.DictWriter(f, fieldnames=list(cols))
        w.writeheader()
        w.writerows(rows)


def write_world(out: Path, w: World) -> None:
    out.mkdir(parents=True, exist_ok=True)
    acc_cols = [
        "account_id",
        "created_at",
        "email_domain",
        "country",
        "plan",
        "org_id",
        "signup_channel",
        "status",
    ]
    half = len(w.accounts) * 4 // 5
    _csv(out / "accounts.csv", acc_cols, w.accounts[:half])
    _csv(out / "accounts_late_signups.csv", acc_cols, w.accounts[half:])

    reqs = sorted(w.requests, key=lambda r: (r[1], r[0]))
    # ip_links aggregated from the request log
    agg: dict[tuple[str, str], list[int]] = {}
    for r in reqs:
        k = (r[0], r[3])
        a = agg.get(k)
        if a is None:
            agg[k] = [r[1], r[1], 1]
        else:
            a[1] = r[1]
            a[2] += 1
    ip_rows = []
    for (aid, ip), (first, last, n) in agg.items():
        asn, org, typ = w.ip_meta.get(ip, (0, "", "unknown"))
        ip_rows.append(
            {
                "account_id": aid,
                "ip": ip,
                "first_seen": iso(first),
                "last_seen": iso(last),
                "requests": n,
                "asn": asn,
                "asn_org": org,
                "ip_type": typ,
            }
        )
    _csv(
        out / "ip_links.csv.gz",
        ["account_id", "ip", "first_seen", "last_seen", "requests", "asn", "asn_org", "ip_type"],
        ip_rows,
    )
    with open(out / "payment_links.jsonl", "w", encoding="utf-8") as f:
        for p in w.payments:
            f.write(json.dumps(p) + "\n")

    cut = T0 + 30 * 86400  # 2026-04-01
    rcols = ["account_id", "ts", "prompt", "ip", "model", "input_tokens", "output_tokens", "user_agent"]
    with gzip.open(out / "requests-2026-03.csv.gz", "wt", newline="", encoding="utf-8", compresslevel=4) as f:
        cw = csv.writer(f)
        cw.writerow(rcols)
        for r in reqs:
            if r[1] < cut:
                cw.writerow((r[0], iso(r[1]), r[2], r[3], r[4], r[5], r[6], r[7]))
    with gzip.open(out / "requests-2026-04.jsonl.gz", "wt", encoding="utf-8", compresslevel=4) as f:
        for r in reqs:
            if r[1] >= cut:
                f.write(
                    json.dumps(
                        dict(zip(rcols, (r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]), strict=True))
                    )
                    + "\n"
                )

    _csv(out / "labels.csv", ["entity", "value", "actor", "confidence", "source", "note"], w.labels)
    _csv(
        out / "truth.csv",
        ["account_id", "campaign_id", "actor", "style"],
        [dict(zip(("account_id", "campaign_id", "actor", "style"), t, strict=True)) for t in w.truth],
    )
    _csv(
        out / "confounders.csv",
        ["account_id", "cohort"],
        [{"account_id": a, "cohort": c} for a, c in w.confounders],
    )
