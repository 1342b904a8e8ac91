"""Shared world state for the heldout7 generator: ids, address space, clocks, models, writers."""

from __future__ import annotations

import csv
import gzip
import io
import json
import math
import random
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

# Six weeks of traffic.
T0 = int(datetime(2026, 3, 2, tzinfo=UTC).timestamp())
DAYS = 42
T1 = T0 + DAYS * 86400
# A new flagship model ships in the middle of the window.
NEW_MODEL = "orion-3"
NEW_MODEL_AT = T0 + 23 * 86400 + 17 * 3600
OLD_MODELS = ("orion-2", "orion-2-mini", "orion-2-pro")

UTC_OFFSET: dict[str, float] = {
    "US": -5, "CA": -5, "BR": -3, "MX": -6, "AR": -3, "GB": 0, "IE": 0, "DE": 1, "FR": 1, "ES": 1,
    "IT": 1, "NL": 1, "PL": 1, "SE": 1, "LT": 2, "UA": 2, "TR": 3, "AE": 4, "IN": 5.5, "PK": 5,
    "BD": 6, "SG": 8, "MY": 8, "CN": 8, "HK": 8, "TW": 8, "PH": 8, "JP": 9, "KR": 9, "AU": 10,
    "NZ": 12, "NG": 1, "KE": 3, "ZA": 2, "EG": 2, "VN": 7, "ID": 7, "TH": 7,
}  # fmt: skip
COUNTRY_WEIGHTS: list[tuple[str, float]] = [
    ("US", 30),
    ("IN", 9),
    ("GB", 6),
    ("DE", 5),
    ("BR", 5),
    ("FR", 4),
    ("CA", 4),
    ("JP", 3),
    ("KR", 3),
    ("ES", 2.5),
    ("IT", 2),
    ("NL", 2),
    ("PL", 1.5),
    ("AU", 2),
    ("MX", 2),
    ("PH", 1.5),
    ("ID", 1.5),
    ("TR", 1),
    ("NG", 1),
    ("SG", 1),
    ("VN", 1),
    ("SE", 1),
    ("UA", 1),
    ("AR", 1),
    ("ZA", 1),
]

# asn key -> (asn, asn_org, ip_type, country, v4 /16 bases, v6 /32 bases)
ASNS: dict[str, tuple[int, str, str, str, tuple[str, ...], tuple[str, ...]]] = {
    "comcast": (7922, "Comcast Cable Communications, LLC", "residential", "US",
                ("73.12", "73.158", "98.207", "24.61", "68.44"), ("2601:0", "2601:1c0")),
    "charter": (20115, "Charter Communications", "residential", "US", ("47.149", "71.84", "76.91"), ()),
    "verizon_fios": (701, "Verizon Business", "residential", "US", ("108.28", "100.11"), ()),
    "dtag": (3320, "Deutsche Telekom AG", "residential", "DE", ("79.203", "91.47", "87.161"), ("2003:e6",)),
    "orange": (3215, "Orange S.A.", "residential", "FR", ("90.12", "86.238", "92.154"), ("2a01:cb00",)),
    "bt": (2856, "British Telecommunications PLC", "residential", "GB", ("86.140", "81.151", "109.150"), ()),
    "claro_br": (28573, "Claro NXT Telecomunicacoes Ltda", "residential", "BR", ("177.34", "189.78"), ()),
    "airtel_in": (24560, "Bharti Airtel Ltd., Telemedia Services", "residential", "IN",
                  ("122.161", "59.89", "182.69"), ()),
    "ntt_ocn": (4713, "NTT Communications Corporation", "residential", "JP", ("153.203", "114.160"), ()),
    "kt": (4766, "Korea Telecom", "residential", "KR", ("175.195", "121.134"), ()),
    "telefonica_es": (3352, "Telefonica de Espana SAU", "residential", "ES", ("83.45", "88.27"), ()),
    "rogers": (812, "Rogers Communications Canada Inc.", "residential", "CA", ("99.230", "174.112"), ()),
    "telstra": (1221, "Telstra Limited", "residential", "AU", ("101.164", "120.148"), ()),
    "vodafone_it": (30722, "Vodafone Italia S.p.A.", "residential", "IT", ("93.41", "2.36"), ()),
    "pldt": (9299, "Philippine Long Distance Telephone Company", "residential", "PH", ("112.198",), ()),
    "telkom_id": (7713, "PT Telekomunikasi Indonesia", "residential", "ID", ("36.72", "110.137"), ()),
    "viettel": (7552, "Viettel Group", "residential", "VN", ("27.72", "171.224"), ()),
    "turk_telekom": (9121, "Turk Telekom", "residential", "TR", ("78.180", "88.230"), ()),
    "mtn_ng": (29465, "MTN NIGERIA Communication limited", "mobile", "NG", ("102.89", "105.112"), ()),
    "tmobile_us": (21928, "T-Mobile USA, Inc.", "mobile", "US", ("172.58",), ("2607:fb90",)),
    "verizon_wireless": (6167, "Cellco Partnership DBA Verizon Wireless", "mobile", "US", ("174.205",), ()),
    "jio": (55836, "Reliance Jio Infocomm Limited", "mobile", "IN", ("49.36", "157.48"), ("2409:4042",)),
    "vodafone_uk": (25135, "Vodafone Limited", "mobile", "GB", ("85.255",), ()),
    "tim_br": (26615, "TIM SA", "mobile", "BR", ("177.79",), ()),
    "aws": (16509, "Amazon.com, Inc.", "hosting", "US", ("3.91", "18.208", "44.197", "54.172", "52.14"),
            ("2600:1f18",)),
    "gcp": (396982, "Google LLC", "hosting", "US", ("34.74", "35.188"), ("2600:1900",)),
    "azure": (8075, "Microsoft Corporation", "hosting", "US", ("20.84", "40.76", "52.168"), ()),
    "hetzner": (24940, "Hetzner Online GmbH", "hosting", "DE", ("88.198", "116.202", "135.181"),
                ("2a01:4f8",)),
    "ovh": (16276, "OVH SAS", "hosting", "FR", ("51.75", "141.94", "54.36"), ("2001:41d0",)),
    "digitalocean": (14061, "DigitalOcean, LLC", "hosting", "US", ("159.203", "167.99", "143.198"),
                     ("2604:a880",)),
    "linode": (63949, "Akamai Connected Cloud", "hosting", "US", ("172.105", "45.79"), ("2600:3c03",)),
    "vultr": (20473, "The Constant Company, LLC", "hosting", "US", ("45.77", "149.28", "207.148"),
              ("2001:19f0",)),
    "alibaba_sg": (45102, "Alibaba (US) Technology Co., Ltd.", "hosting", "SG", ("47.236", "8.219"), ()),
    "m247": (9009, "M247 Europe SRL", "vpn", "RO", ("185.156", "146.70", "89.187"), ()),
    "datacamp": (212238, "Datacamp Limited", "vpn", "GB", ("143.244", "156.146"), ()),
    "proxy_dc": (62240, "Clouvider Limited", "proxy", "GB", ("45.134", "193.29"), ()),
    "zayo": (6461, "Zayo Bandwidth", "corporate", "US", ("64.125", "208.184"), ()),
    "lumen": (3356, "Level 3 Parent, LLC", "corporate", "US", ("4.14", "8.42"), ()),
    "colt": (8220, "COLT Technology Services Group Limited", "corporate", "GB", ("212.36", "62.189"), ()),
    "globe_biz": (4775, "Globe Telecoms", "corporate", "PH", ("124.106",), ()),
    "pccw_biz": (4515, "PCCW IMS Limited", "corporate", "HK", ("203.198",), ()),
    "venue_isp": (174, "Cogent Communications", "unknown", "US", ("38.122", "154.27"), ()),
    "internet2": (11537, "Internet2", "education", "US", ("128.84", "129.79", "169.229"), ()),
    "jisc": (786, "Jisc Services Limited", "education", "GB", ("131.111", "163.1"), ()),
    "dfn": (680, "Verein zur Foerderung eines Deutschen Forschungsnetzes e.V.", "education", "DE",
            ("141.84",), ()),
    "starlink": (14593, "Space Exploration Technologies Corporation", "residential", "US", ("98.97",),
                 ("2605:59c8",)),
}  # fmt: skip
RESIDENTIAL_BY_COUNTRY: dict[str, list[str]] = {}
for _k, _v in ASNS.items():
    if _v[2] == "residential":
        RESIDENTIAL_BY_COUNTRY.setdefault(_v[3], []).append(_k)
MOBILE_BY_COUNTRY: dict[str, list[str]] = {}
for _k, _v in ASNS.items():
    if _v[2] == "mobile":
        MOBILE_BY_COUNTRY.setdefault(_v[3], []).append(_k)
RESIDENTIAL_KEYS = [k for k, v in ASNS.items() if v[2] == "residential"]
HOSTING_KEYS = [k for k, v in ASNS.items() if v[2] == "hosting"]

CONSUMER_DOMAINS = [
    ("gmail.com", 50),
    ("outlook.com", 10),
    ("hotmail.com", 7),
    ("yahoo.com", 7),
    ("icloud.com", 8),
    ("proton.me", 3),
    ("gmx.de", 2),
    ("web.de", 1.5),
    ("yandex.com", 1),
    ("naver.com", 1.5),
    ("qq.com", 0.5),
    ("mail.ru", 0.5),
    ("orange.fr", 1),
    ("libero.it", 0.7),
    ("uol.com.br", 0.8),
    ("rediffmail.com", 0.6),
    ("fastmail.com", 0.5),
    ("btinternet.com", 0.5),
]

CHROME = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/{v}.0.0.0 Safari/537.36"
)
MAC_CHROME = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/{v}.0.0.0 Safari/537.36"
)
FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:{v}.0) Gecko/20100101 Firefox/{v}.0"
SAFARI = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/18.{v} Safari/605.1.15"
)
IOS_APP = "OrionChat/5.{v}.1 (iPhone; iOS 19.{w}; Scale/3.00)"
ANDROID_APP = "OrionChat/5.{v}.0 (Android 15; {dev})"
ANDROID_DEVICES = ("SM-S928B", "Pixel 9", "Pixel 8a", "moto g84", "Redmi Note 13", "CPH2581", "SM-A556E")
SDK_UAS = (
    "orion-python/1.42.0",
    "orion-python/1.39.4",
    "orion-node/4.8.2",
    "orion-go/0.9.1",
    "python-httpx/0.27.2",
    "python-requests/2.32.3",
    "curl/8.5.0",
    "langchain-orion/0.3.11",
)


def browser_ua(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.45:
        return CHROME.format(v=rng.choice((132, 133, 134, 135)))
    if r < 0.6:
        return MAC_CHROME.format(v=rng.choice((133, 134, 135)))
    if r < 0.75:
        return FIREFOX.format(v=rng.choice((135, 136, 137)))
    return SAFARI.format(v=rng.choice((2, 3, 4)))


def mobile_ua(rng: random.Random) -> str:
    if rng.random() < 0.55:
        return IOS_APP.format(v=rng.randint(8, 14), w=rng.randint(1, 4))
    return ANDROID_APP.format(v=rng.randint(8, 14), dev=rng.choice(ANDROID_DEVICES))


def weighted(rng: random.Random, items: Sequence[tuple[str, float]]) -> str:
    total = sum(w for _, w in items)
    x = rng.random() * total
    for k, w in items:
        x -= w
        if x <= 0:
            return k
    return items[-1][0]


def iso(ts: float, offset_hours: float = 0.0) -> str:
    tz = timezone(timedelta(hours=offset_hours))
    d = datetime.fromtimestamp(int(ts), tz=tz)
    if offset_hours == 0:
        return d.strftime("%Y-%m-%dT%H:%M:%SZ")
    return d.isoformat()


def tokens_of(text: str) -> int:
    """Rough token count for English prose and code (about four characters a token)."""
    return max(1, int(len(text) / 3.8) + 1)


@dataclass
class Account:
    account_id: str
    created_at: int
    email_domain: str
    country: str
    plan: str
    org_id: str
    signup_channel: str
    status: str
    tz_offset: float = 0.0


@dataclass
class World:
    """Everything generated so far; the styles add to it and `write` puts it on disk."""

    seed: int
    total_accounts: int
    rpa: float
    scale: float = 1.0  # multiplies every `volume`; the background is tuned to hit the platform rate
    accounts: list[Account] = field(default_factory=list)
    requests: list[tuple[str, int, str, str, str, int, int, str]] = field(default_factory=list)
    payments: list[tuple[str, str, str, str, str, int]] = field(default_factory=list)
    ip_meta: dict[str, tuple[int, str, str]] = field(default_factory=dict)
    signup_ips: list[tuple[str, str, int]] = field(default_factory=list)
    labels: list[tuple[str, str, str, float, str, str]] = field(default_factory=list)
    truth: list[tuple[str, str, str, str]] = field(default_factory=list)
    confounders: list[tuple[str, str]] = field(default_factory=list)
    _ids: set[str] = field(default_factory=set)

    # ---- ids -------------------------------------------------------------------------------------
    def _token(self, rng: random.Random, prefix: str, n: int, alphabet: str) -> str:
        while True:
            t = prefix + "".join(rng.choice(alphabet) for _ in range(n))
            if t not in self._ids:
                self._ids.add(t)
                return t

    def new_account(
        self,
        rng: random.Random,
        created_at: float,
        *,
        email_domain: str,
        country: str,
        plan: str = "free",
        org_id: str = "",
        signup_channel: str = "web",
        status: str = "active",
    ) -> Account:
        aid = self._token(rng, "acct_", 12, string.ascii_lowercase + string.digits)
        acc = Account(
            aid,
            int(created_at),
            email_domain,
            country,
            plan,
            org_id,
            signup_channel,
            status,
            UTC_OFFSET.get(country, 0.0),
        )
        self.accounts.append(acc)
        return acc

    def new_org(self, rng: random.Random) -> str:
        return self._token(rng, "org-", 10, string.ascii_letters + string.digits)

    def new_instrument(self, rng: random.Random) -> str:
        return self._token(rng, "pm_", 22, string.ascii_letters + string.digits)

    def pay(
        self,
        acc: Account,
        instrument: str,
        itype: str,
        bin_: str,
        issuer_country: str,
        first_used: float,
    ) -> None:
        self.payments.append((acc.account_id, instrument, itype, bin_, issuer_country, int(first_used)))

    # ---- address space ---------------------------------------------------------------------------
    def _register(self, ip: str, key: str) -> str:
        if ip not in self.ip_meta:
            asn, org, itype, _c, _b4, _b6 = ASNS[key]
            self.ip_meta[ip] = (asn, org, itype)
        return ip

    def block24(self, rng: random.Random, key: str) -> str:
        """A /24 prefix 'a.b.c' inside the ASN."""
        base = rng.choice(ASNS[key][4])
        return f"{base}.{rng.randint(0, 255)}"

    def ip4(self, rng: random.Random, key: str, block: str | None = None) -> str:
        blk = block or self.block24(rng, key)
        return self._register(f"{blk}.{rng.randint(2, 253)}", key)

    def block48(self, rng: random.Random, key: str) -> str:
        base = rng.choice(ASNS[key][5])
        return f"{base}:{rng.randint(0x10, 0xFFFF):x}"

    def ip6(self, rng: random.Random, key: str, block48: str | None = None, subnet: int | None = None) -> str:
        blk = block48 or self.block48(rng, key)
        sub = subnet if subnet is not None else rng.randint(0, 0xFFFF)
        host = ":".join(f"{rng.randint(0, 0xFFFF):x}" for _ in range(4))
        return self._register(f"{blk}:{sub:x}:{host}", key)

    def residential_ip(self, rng: random.Random, country: str) -> str:
        keys = RESIDENTIAL_BY_COUNTRY.get(country) or RESIDENTIAL_KEYS
        return self.ip4(rng, rng.choice(keys))

    # ---- clocks and models -----------------------------------------------------------------------
    def diurnal_ts(
        self,
        rng: random.Random,
        tz: float,
        start: float = T0,
        end: float = T1,
        peak: tuple[float, float] = (9.0, 23.0),
        weekend: float = 0.8,
    ) -> int:
        """A time in [start, end) whose local hour falls mostly between `peak` hours."""
        for _ in range(20):
            t = rng.uniform(start, end)
            local = (t / 3600 + tz) % 24
            dow = int((t + tz * 3600) // 86400 + 3) % 7  # 1970-01-01 was a Thursday: 0 = Monday
            p = 1.0 if peak[0] <= local < peak[1] else 0.12
            if dow >= 5:
                p *= weekend
            if rng.random() < p:
                return int(t)
        return int(rng.uniform(start, end))

    def model_for(self, rng: random.Random, ts: float, adopt_days: float = 8.0, ceiling: float = 0.5) -> str:
        if ts >= NEW_MODEL_AT:
            frac = min(1.0, (ts - NEW_MODEL_AT) / (adopt_days * 86400))
            if rng.random() < ceiling * frac + 0.04:
                return NEW_MODEL
        return weighted(rng, [("orion-2", 55), ("orion-2-mini", 35), ("orion-2-pro", 10)])

    def req(
        self,
        acc: Account,
        ts: float,
        prompt: str,
        ip: str,
        model: str,
        tin: int,
        tout: int,
        ua: str,
    ) -> None:
        self.requests.append((acc.account_id, int(ts), prompt, ip, model, int(tin), int(tout), ua))

    def label(self, entity: str, value: str, actor: str, confidence: float, source: str, note: str) -> None:
        self.labels.append((entity, value, actor, confidence, source, note))

    def scaled(self, share: float, minimum: int) -> int:
        return max(minimum, round(share * self.total_accounts))

    def volume(self, rng: random.Random, mult: float, spread: float = 0.5) -> int:
        """Requests for one account: lognormal around `mult` x the platform's per-account rate."""
        mu = math.log(max(1.0, self.rpa * mult * self.scale)) - spread * spread / 2
        return max(1, int(rng.lognormvariate(mu, spread)))


@dataclass(frozen=True)
class StyleSpec:
    name: str
    kind: str  # "campaign" or "cohort"
    knobs: Any
    build: Callable[[World, Any, str, random.Random], None]


# ---- writers --------------------------------------------------------------------------------------
def _open_text(path: Path) -> io.TextIOWrapper:
    if path.suffix == ".gz":
        raw = gzip.GzipFile(filename=str(path), mode="wb", compresslevel=5, mtime=0)
        return io.TextIOWrapper(raw, encoding="utf-8", newline="")
    return path.open("w", encoding="utf-8", newline="")


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    with _open_text(path) as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def write_jsonl(path: Path, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    with _open_text(path) as f:
        for r in rows:
            f.write(json.dumps(dict(zip(header, r, strict=True)), ensure_ascii=False))
            f.write("\n")
