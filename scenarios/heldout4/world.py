"""The synthetic platform: address space, accounts, payments, request log, labels and the writers.

Every style plants into one `World`. Each style draws from its own random stream (derived from the seed and
the style's name), so choosing a subset of styles leaves the others' traffic unchanged.
"""

from __future__ import annotations

import csv
import gzip
import io
import ipaddress
import json
import math
import random
import string
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import IO, Protocol

import numpy as np

DAY = 86400.0
HOUR = 3600.0
WINDOW_START = datetime(2026, 3, 2, tzinfo=UTC).timestamp()
WINDOW_DAYS = 56
WINDOW_END = WINDOW_START + WINDOW_DAYS * DAY
# A stronger model ships in week six, on a Monday afternoon UTC.
RELEASE_TS = datetime(2026, 4, 6, 17, 0, tzinfo=UTC).timestamp()
OLD_MODELS = ("orion-3-mini", "orion-3", "orion-3-pro")
NEW_MODEL = "orion-3.5-pro"


class Style(Protocol):
    """What the generator needs from a campaign or cohort style (each a frozen dataclass of knobs)."""

    @property
    def name(self) -> str: ...

    @property
    def share(self) -> float: ...

    def plant(self, w: World, group_id: str, n: int) -> None: ...


@dataclass(frozen=True)
class Asn:
    number: int
    org: str
    kind: str
    country: str
    v4: tuple[str, ...]
    v6: str


ASNS: dict[str, Asn] = {
    # residential broadband
    "comcast": Asn(
        7922,
        "Comcast Cable Communications, LLC",
        "residential",
        "US",
        ("73.12", "73.45", "98.210", "24.60", "67.180"),
        "2601:4c1",
    ),
    "verizon_fios": Asn(
        701, "Verizon Business", "residential", "US", ("71.105", "108.28", "100.12"), "2600:4040"
    ),
    "charter": Asn(
        20115, "Charter Communications", "residential", "US", ("47.150", "97.84", "66.190"), "2603:6000"
    ),
    "dtag": Asn(3320, "Deutsche Telekom AG", "residential", "DE", ("79.200", "87.150", "93.210"), "2003:e6"),
    "bt": Asn(
        2856,
        "British Telecommunications PLC",
        "residential",
        "GB",
        ("86.150", "81.140", "109.150"),
        "2a00:23c7",
    ),
    "orange": Asn(3215, "Orange S.A.", "residential", "FR", ("90.30", "86.240", "92.150"), "2a01:cb00"),
    "ntt": Asn(
        4713,
        "NTT Communications Corporation",
        "residential",
        "JP",
        ("153.140", "180.10", "126.80"),
        "2400:4050",
    ),
    "kt": Asn(4766, "Korea Telecom", "residential", "KR", ("121.160", "175.200"), "2001:e60"),
    "bsnl": Asn(9829, "National Internet Backbone", "residential", "IN", ("117.200", "59.95"), "2401:4900"),
    "claro": Asn(
        28573, "Claro NXT Telecomunicacoes Ltda", "residential", "BR", ("177.20", "191.180"), "2804:14c"
    ),
    "ziggo": Asn(33915, "Vodafone Libertel B.V.", "residential", "NL", ("84.80", "62.195"), "2001:1c00"),
    "rogers": Asn(
        812, "Rogers Communications Canada Inc.", "residential", "CA", ("99.230", "174.112"), "2607:fea8"
    ),
    "telstra": Asn(1221, "Telstra Limited", "residential", "AU", ("101.180", "120.150"), "2001:8003"),
    "vnpt": Asn(45899, "VNPT Corp", "residential", "VN", ("113.170", "14.230"), "2405:4802"),
    "telkom_id": Asn(
        7713, "PT Telekomunikasi Indonesia", "residential", "ID", ("36.70", "180.250"), "2001:448a"
    ),
    "telefonica_es": Asn(3352, "Telefonica de Espana", "residential", "ES", ("83.44", "88.12"), "2a0c:5a80"),
    "pldt": Asn(
        9299,
        "Philippine Long Distance Telephone Company",
        "residential",
        "PH",
        ("112.198", "180.190"),
        "2001:4450",
    ),
    # mobile carriers (carrier-grade NAT)
    "tmobile": Asn(21928, "T-Mobile USA, Inc.", "mobile", "US", ("172.56", "172.58"), "2607:fb90"),
    "vzw": Asn(22394, "Verizon Wireless", "mobile", "US", ("174.192", "174.205"), "2600:1000"),
    "jio": Asn(55836, "Reliance Jio Infocomm Limited", "mobile", "IN", ("49.36", "157.40"), "2409:4040"),
    "airtel": Asn(45609, "Bharti Airtel Ltd.", "mobile", "IN", ("106.200", "106.205"), "2401:4900"),
    "vodafone_de": Asn(3209, "Vodafone GmbH", "mobile", "DE", ("109.40", "109.42"), "2a02:3030"),
    "tim_br": Asn(26615, "TIM S/A", "mobile", "BR", ("177.90", "191.240"), "2804:18"),
    "globe": Asn(132199, "Globe Telecom Inc.", "mobile", "PH", ("110.54", "175.176"), "2405:8d40"),
    # hosting and cloud
    "aws": Asn(
        16509,
        "Amazon.com, Inc.",
        "hosting",
        "US",
        ("3.80", "18.204", "34.224", "52.90", "54.160"),
        "2600:1f18",
    ),
    "gcp": Asn(396982, "Google LLC", "hosting", "US", ("34.70", "35.190"), "2600:1900"),
    "azure": Asn(8075, "Microsoft Corporation", "hosting", "US", ("20.50", "40.76"), "2603:1030"),
    "hetzner": Asn(
        24940, "Hetzner Online GmbH", "hosting", "DE", ("95.216", "135.181", "65.108"), "2a01:4f8"
    ),
    "ovh": Asn(16276, "OVH SAS", "hosting", "FR", ("51.75", "54.38", "141.94"), "2001:41d0"),
    "digitalocean": Asn(
        14061, "DigitalOcean, LLC", "hosting", "US", ("159.65", "167.99", "64.227"), "2604:a880"
    ),
    "akamai": Asn(63949, "Akamai Connected Cloud", "hosting", "US", ("172.105", "45.79"), "2600:3c00"),
    "alibaba": Asn(
        45102, "Alibaba (US) Technology Co., Ltd.", "hosting", "SG", ("47.74", "8.222"), "2408:4000"
    ),
    "tencent": Asn(
        132203, "Tencent Building, Kejizhongyi Avenue", "hosting", "SG", ("43.134", "129.226"), "240d:c000"
    ),
    "vultr": Asn(20473, "The Constant Company, LLC", "hosting", "US", ("45.76", "149.28"), "2001:19f0"),
    # commercial VPN exits
    "m247": Asn(9009, "M247 Europe SRL", "vpn", "RO", ("185.156", "37.120", "89.238"), "2a0d:5600"),
    "datacamp": Asn(60068, "Datacamp Limited", "vpn", "GB", ("156.146", "212.102"), "2a02:6ea0"),
    "tefincom": Asn(136787, "TEFINCOM S.A.", "vpn", "PA", ("45.134", "194.34"), "2a0e:1d80"),
    # research and education networks
    "cenic": Asn(
        2152,
        "California State University, Office of the Chancellor",
        "education",
        "US",
        ("130.86", "134.139"),
        "2607:f380",
    ),
    "jisc": Asn(786, "Jisc Services Limited", "education", "GB", ("128.232", "129.67"), "2001:630"),
    "dfn": Asn(
        680,
        "Verein zur Foerderung eines Deutschen Forschungsnetzes e.V.",
        "education",
        "DE",
        ("141.20", "134.76"),
        "2001:638",
    ),
    "sinet": Asn(
        2907,
        "Research Organization of Information and Systems, NII",
        "education",
        "JP",
        ("133.11", "130.54"),
        "2001:2f8",
    ),
    # business connectivity (office NAT)
    "lumen": Asn(3356, "Lumen Technologies", "corporate", "US", ("4.14", "8.40"), "2001:1900"),
    "zayo": Asn(6461, "Zayo Bandwidth", "corporate", "US", ("64.125", "208.185"), "2001:438"),
    "arelion": Asn(1299, "Arelion Sweden AB", "corporate", "SE", ("62.115", "80.239"), "2001:2000"),
    "orange_business": Asn(
        5511, "Orange S.A. (Business)", "corporate", "FR", ("193.251", "193.252"), "2001:688"
    ),
    "cogent": Asn(174, "Cogent Communications", "corporate", "US", ("38.100", "38.140"), "2001:550"),
    "colt": Asn(
        8220, "COLT Technology Services Group Limited", "corporate", "GB", ("212.36", "213.86"), "2a00:2380"
    ),
}

RESIDENTIAL_BY_COUNTRY: dict[str, tuple[str, ...]] = {
    "US": ("comcast", "verizon_fios", "charter"),
    "DE": ("dtag",),
    "GB": ("bt",),
    "FR": ("orange",),
    "JP": ("ntt",),
    "KR": ("kt",),
    "IN": ("bsnl",),
    "BR": ("claro",),
    "NL": ("ziggo",),
    "CA": ("rogers",),
    "AU": ("telstra",),
    "VN": ("vnpt",),
    "ID": ("telkom_id",),
    "ES": ("telefonica_es",),
    "PH": ("pldt",),
}
MOBILE_BY_COUNTRY: dict[str, tuple[str, ...]] = {
    "US": ("tmobile", "vzw"),
    "IN": ("jio", "airtel"),
    "DE": ("vodafone_de",),
    "BR": ("tim_br",),
    "PH": ("globe",),
}
# Rough platform mix of user countries and their UTC offsets (hours).
COUNTRIES: tuple[str, ...] = tuple(RESIDENTIAL_BY_COUNTRY)
COUNTRY_WEIGHTS: tuple[float, ...] = (30, 7, 7, 5, 5, 3, 10, 6, 3, 4, 3, 3, 4, 4, 3)
TZ: dict[str, float] = {
    "US": -6,
    "DE": 1,
    "GB": 0,
    "FR": 1,
    "JP": 9,
    "KR": 9,
    "IN": 5.5,
    "BR": -3,
    "NL": 1,
    "CA": -5,
    "AU": 10,
    "VN": 7,
    "ID": 7,
    "ES": 1,
    "PH": 8,
    "SG": 8,
    "CN": 8,
    "RO": 2,
    "PA": -5,
    "SE": 1,
}

# Local-hour activity profiles (weights for hours 0..23).
HOURS_PERSONAL = (
    1,
    0.6,
    0.4,
    0.3,
    0.3,
    0.4,
    0.8,
    1.5,
    2.5,
    3,
    3.2,
    3.3,
    3.2,
    3.2,
    3.3,
    3.3,
    3.2,
    3.2,
    3.4,
    3.8,
    4,
    3.8,
    3,
    2,
)
HOURS_WORK = (
    0.1,
    0.1,
    0.1,
    0.1,
    0.1,
    0.2,
    0.5,
    1.5,
    4,
    6,
    6.5,
    6,
    4.5,
    5.5,
    6,
    6,
    5.5,
    4,
    2,
    1,
    0.6,
    0.4,
    0.3,
    0.2,
)
HOURS_EVENING = (
    1.5,
    0.8,
    0.4,
    0.2,
    0.2,
    0.2,
    0.4,
    0.8,
    1,
    1,
    1,
    1.2,
    1.5,
    1.5,
    1.8,
    2.5,
    3.5,
    4.5,
    5.5,
    6,
    6,
    5,
    3.5,
    2.5,
)

BROWSER_UAS: tuple[str, ...] = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",  # noqa: E501
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36",  # noqa: E501
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",  # noqa: E501
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",  # noqa: E501
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
    "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0",  # noqa: E501
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15",  # noqa: E501
)
SDK_UAS: tuple[str, ...] = (
    "orion-python/1.42.0",
    "orion-python/1.39.2",
    "orion-node/0.27.1",
    "python-requests/2.31.0",
    "python-httpx/0.27.0",
    "curl/8.5.0",
    "Go-http-client/2.0",
    "langchain-orion/0.2.4 orion-python/1.40.0",
    "axios/1.6.8",
)
IOS_DEVICES = (
    "iPhone14,5",
    "iPhone15,2",
    "iPhone15,3",
    "iPhone16,1",
    "iPhone16,2",
    "iPhone13,2",
    "iPhone14,7",
)
ANDROID_DEVICES = (
    "SM-S918B",
    "SM-A546E",
    "Pixel 8",
    "Pixel 7a",
    "moto g84 5G",
    "RMX3771",
    "2201117TG",
    "CPH2487",
)


def mobile_ua(rng: random.Random) -> str:
    if rng.random() < 0.55:
        ios = rng.choice(("17.4.1", "17.3.1", "17.5", "16.7.7", "17.4"))
        return (
            f"OrionAssistant/5.{rng.randint(6, 9)}.{rng.randint(0, 3)} ({rng.choice(IOS_DEVICES)}; iOS {ios})"
        )
    android = rng.choice(("14", "13", "12"))
    return (
        f"OrionAssistant/5.{rng.randint(6, 9)}.{rng.randint(0, 3)} "
        f"(Linux; Android {android}; {rng.choice(ANDROID_DEVICES)})"
    )


def stable_seed(seed: int, name: str) -> int:
    return (seed * 1_000_003 + zlib.crc32(name.encode())) & 0xFFFFFFFF


_ID_ALPHABET = string.ascii_lowercase + string.digits


class Net:
    """Address allocation with per-address ASN metadata."""

    def __init__(self) -> None:
        self.meta: dict[str, tuple[int, str, str]] = {}

    def _register(self, ip: str, asn: Asn, ip_type: str | None) -> str:
        if ip not in self.meta:
            self.meta[ip] = (asn.number, asn.org, ip_type or asn.kind)
        return ip

    def v4(self, rng: random.Random, key: str, ip_type: str | None = None) -> str:
        asn = ASNS[key]
        ip = f"{rng.choice(asn.v4)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
        return self._register(ip, asn, ip_type)

    def block24(self, rng: random.Random, key: str) -> tuple[str, str]:
        asn = ASNS[key]
        return key, f"{rng.choice(asn.v4)}.{rng.randint(0, 255)}"

    def v4_in(self, rng: random.Random, block: tuple[str, str], ip_type: str | None = None) -> str:
        key, prefix = block
        return self._register(f"{prefix}.{rng.randint(2, 254)}", ASNS[key], ip_type)

    def net48(self, rng: random.Random, key: str) -> tuple[str, str]:
        return key, f"{ASNS[key].v6}:{rng.randint(0x1000, 0xFFFF):x}"

    def net64_in(self, rng: random.Random, net48: tuple[str, str]) -> tuple[str, str]:
        key, prefix = net48
        return key, f"{prefix}:{rng.randint(0, 0xFFFF):x}"

    def v6_in(self, rng: random.Random, net64: tuple[str, str], ip_type: str | None = None) -> str:
        key, prefix = net64
        groups = prefix.split(":")
        while len(groups) < 4:
            groups.insert(1, "0")
        iid = ":".join(f"{rng.randint(0, 0xFFFF):x}" for _ in range(4))
        ip = str(ipaddress.IPv6Address(":".join(groups) + ":" + iid))
        return self._register(ip, ASNS[key], ip_type)

    def v6(self, rng: random.Random, key: str, ip_type: str | None = None) -> str:
        return self.v6_in(rng, self.net64_in(rng, self.net48(rng, key)), ip_type)


@dataclass
class Account:
    account_id: str
    created_at: float
    email_domain: str
    country: str
    plan: str
    org_id: str
    signup_channel: str
    status: str


class World:
    def __init__(self, seed: int, accounts: int, requests_per_account: float) -> None:
        self.seed = seed
        self.size = accounts
        self.rpa = requests_per_account
        self.net = Net()
        self.accounts: list[Account] = []
        self.payments: list[tuple[str, str, str, str, str, float]] = []
        self.requests: list[tuple[str, float, str, str, str, int, int, str]] = []
        self.logins: list[tuple[str, str, float]] = []
        self.labels: list[tuple[str, str, str, float, str, str]] = []
        self.truth: dict[str, tuple[str, str]] = {}
        self.campaign_actor: dict[str, str] = {}
        self.cohorts: dict[str, str] = {}
        self._ids: set[str] = set()
        self._id_rng = self.rng("ids")
        rng = self.rng("shared-pools")
        # Infrastructure many unrelated parties share: commercial VPN exits, carrier NAT pools, cloud egress.
        self.vpn_exits: list[str] = [
            self.net.v4(rng, key) for key in ("m247", "datacamp", "tefincom") for _ in range(30)
        ]
        self.cgnat: dict[str, list[str]] = {
            key: [self.net.v4(rng, key) for _ in range(6)]
            for keys in MOBILE_BY_COUNTRY.values()
            for key in keys
        }
        self.aws_egress: list[str] = [self.net.v4(rng, "aws") for _ in range(260)]
        self.gcp_egress: list[str] = [self.net.v4(rng, "gcp") for _ in range(120)]

    # -- random streams -------------------------------------------------------------------------------
    def rng(self, name: str) -> random.Random:
        return random.Random(stable_seed(self.seed, name))

    def nprng(self, name: str) -> np.random.Generator:
        return np.random.default_rng(stable_seed(self.seed, "np:" + name))

    def new_id(self, prefix: str, length: int = 12) -> str:
        while True:
            value = prefix + "".join(self._id_rng.choices(_ID_ALPHABET, k=length))
            if value not in self._ids and not value[len(prefix) :].isdigit():
                self._ids.add(value)
                return value

    # -- entities -------------------------------------------------------------------------------------
    def add_account(
        self,
        created_at: float,
        email_domain: str,
        country: str,
        plan: str,
        *,
        org_id: str = "",
        channel: str = "web",
        status: str = "active",
    ) -> str:
        account_id = self.new_id("acct_")
        self.accounts.append(
            Account(account_id, created_at, email_domain, country, plan, org_id, channel, status)
        )
        return account_id

    def instrument(self, kind: str = "card") -> str:
        prefix = {"card": "pm_", "prepaid": "pm_", "virtual": "vcn_", "app_store": "aps_", "invoice": "inv_"}
        return self.new_id(prefix.get(kind, "pm_"), 20 if kind != "invoice" else 10)

    def pay(
        self, account: str, instrument: str, itype: str, bin_: str, issuer_country: str, first_used: float
    ) -> None:
        self.payments.append((account, instrument, itype, bin_, issuer_country, first_used))

    def req(
        self,
        rng: random.Random,
        account: str,
        ts: float,
        prompt: str,
        ip: str,
        model: str,
        ua: str,
        out_mean: float,
        system_tokens: int = 0,
    ) -> None:
        tin = max(4, int(len(prompt) / 3.9 * rng.uniform(0.92, 1.08))) + system_tokens
        tout = max(1, int(rng.lognormvariate(math.log(out_mean), 0.45)))
        self.requests.append((account, ts, prompt, ip, model, tin, tout, ua))

    def login(self, account: str, ip: str, ts: float) -> None:
        self.logins.append((account, ip, ts))

    def label(
        self, entity: str, value: str, actor: str, confidence: float, source: str, note: str = ""
    ) -> None:
        self.labels.append((entity, value, actor, confidence, source, note))

    def mark_campaign(self, account: str, campaign_id: str, style: str, actor: str = "") -> None:
        self.truth[account] = (campaign_id, style)
        if actor:
            self.campaign_actor[campaign_id] = actor

    def mark_cohort(self, account: str, cohort: str) -> None:
        self.cohorts[account] = cohort

    # -- volume and time ------------------------------------------------------------------------------
    def volume(self, rng: random.Random, scale: float = 1.0, sigma: float = 1.0) -> int:
        mean = self.rpa * scale
        if mean <= 0:
            return 0
        lam = rng.lognormvariate(math.log(mean) - sigma * sigma / 2, sigma)
        return int(np.random.default_rng(rng.getrandbits(32)).poisson(lam))


def day_index(ts: float) -> int:
    return int((ts - WINDOW_START) // DAY)


def local_times(
    rng: random.Random,
    n: int,
    tz: float,
    start: float,
    end: float,
    hours: Sequence[float] = HOURS_PERSONAL,
    weekdays_only: bool = False,
) -> list[float]:
    """n timestamps in [start, end) (clipped to the window) following a local-hour profile."""
    start, end = max(start, WINDOW_START), min(end, WINDOW_END)
    if n <= 0 or end <= start:
        return []
    out: list[float] = []
    hour_list = list(range(24))
    days = max(1, int((end - start) // DAY) + 1)
    first_day = WINDOW_START + math.floor((start - WINDOW_START) / DAY) * DAY
    tries = 0
    while len(out) < n and tries < n * 30:
        tries += 1
        day = first_day + rng.randrange(days) * DAY
        hour = rng.choices(hour_list, hours)[0]
        ts = day + (hour - tz) * HOUR + rng.random() * HOUR
        if not start <= ts < end:
            continue
        if weekdays_only and datetime.fromtimestamp(ts + tz * HOUR, UTC).weekday() >= 5:
            continue
        out.append(ts)
    out.sort()
    return out


def benign_model(rng: random.Random, ts: float, eagerness: float = 1.0, heavy: float = 0.15) -> str:
    """Ordinary users drift to the new model over a couple of weeks after its release."""
    if ts >= RELEASE_TS:
        ramp = min(1.0, (ts - RELEASE_TS) / (14 * DAY))
        if rng.random() < 0.45 * ramp * eagerness:
            return NEW_MODEL
    x = rng.random()
    if x < heavy:
        return OLD_MODELS[2]
    return OLD_MODELS[0] if x < heavy + (1 - heavy) * 0.5 else OLD_MODELS[1]


# -- writers --------------------------------------------------------------------------------------------
def iso(ts: float, offset_hours: float = 0.0) -> str:
    if offset_hours == 0:
        return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    tz = timezone(timedelta(hours=offset_hours))
    return datetime.fromtimestamp(ts, tz).isoformat(timespec="seconds")


def _open(path: Path) -> IO[str]:
    if path.suffix == ".gz":
        # mtime=0 keeps the bytes identical across runs with the same seed
        return io.TextIOWrapper(
            gzip.GzipFile(path, "wb", compresslevel=3, mtime=0), encoding="utf-8", newline=""
        )
    return path.open("w", encoding="utf-8", newline="")


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    with _open(path) as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)


def write_jsonl(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    with _open(path) as fh:
        for row in rows:
            fh.write(json.dumps(dict(zip(header, row, strict=True)), ensure_ascii=False))
            fh.write("\n")


def write_world(w: World, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rng = w.rng("writer")
    # accounts: the bulk export plus a late delta file, as a nightly job would leave them
    acc_header = (
        "account_id",
        "created_at",
        "email_domain",
        "country",
        "plan",
        "org_id",
        "signup_channel",
        "status",
    )
    acc_sorted = sorted(w.accounts, key=lambda a: a.created_at)
    cut = WINDOW_START + 42 * DAY
    acc_rows = [
        (
            a.account_id,
            iso(a.created_at, TZ.get(a.country, 0) if rng.random() < 0.3 else 0),
            a.email_domain,
            a.country,
            a.plan,
            a.org_id,
            a.signup_channel,
            a.status,
        )
        for a in acc_sorted
    ]
    write_csv(
        out / "accounts.csv",
        acc_header,
        [r for a, r in zip(acc_sorted, acc_rows, strict=True) if a.created_at < cut],
    )
    write_csv(
        out / "accounts_delta.csv.gz",
        acc_header,
        [r for a, r in zip(acc_sorted, acc_rows, strict=True) if a.created_at >= cut],
    )

    # ip links: aggregated from the request log plus console logins without API traffic
    agg: dict[tuple[str, str], list[float]] = {}
    for account, ts, _p, ip, *_rest in w.requests:
        cell = agg.get((account, ip))
        if cell is None:
            agg[(account, ip)] = [ts, ts, 1.0]
        else:
            cell[0] = min(cell[0], ts)
            cell[1] = max(cell[1], ts)
            cell[2] += 1
    for account, ip, ts in w.logins:
        cell = agg.get((account, ip))
        if cell is None:
            agg[(account, ip)] = [ts, ts, 0.0]
        else:
            cell[0] = min(cell[0], ts)
    ip_rows: list[tuple[object, ...]] = []
    for (account, ip), (first, last, count) in sorted(agg.items()):
        asn, org, ip_type = w.net.meta.get(ip, (0, "", "unknown"))
        ip_rows.append((account, ip, iso(first), iso(last), int(count), asn or "", org, ip_type))
    write_csv(
        out / "ip_links.csv.gz",
        ("account_id", "ip", "first_seen", "last_seen", "requests", "asn", "asn_org", "ip_type"),
        ip_rows,
    )

    pay_rows = [(a, i, t, b, c, iso(f)) for a, i, t, b, c, f in sorted(w.payments)]
    write_jsonl(
        out / "payment_links.jsonl",
        ("account_id", "instrument_id", "instrument_type", "bin", "issuer_country", "first_used"),
        pay_rows,
    )

    req_header = ("account_id", "ts", "prompt", "ip", "model", "input_tokens", "output_tokens", "user_agent")
    reqs = sorted(w.requests, key=lambda r: (r[1], r[0]))
    april = datetime(2026, 4, 1, tzinfo=UTC).timestamp()
    write_csv(
        out / "requests-2026-03.csv.gz",
        req_header,
        ((a, iso(t), p, ip, m, i, o, ua) for a, t, p, ip, m, i, o, ua in reqs if t < april),
    )
    write_jsonl(
        out / "requests-2026-04.jsonl.gz",
        req_header,
        ((a, int(t), p, ip, m, i, o, ua) for a, t, p, ip, m, i, o, ua in reqs if t >= april),
    )

    write_csv(out / "labels.csv", ("entity", "value", "actor", "confidence", "source", "note"), w.labels)

    labelled_actors = {row[2] for row in w.labels}
    truth_rows = []
    for account, (campaign_id, style) in sorted(w.truth.items()):
        actor = w.campaign_actor.get(campaign_id, "")
        truth_rows.append((account, campaign_id, actor if actor in labelled_actors else "", style))
    write_csv(out / "truth.csv", ("account_id", "campaign_id", "actor", "style"), truth_rows)
    write_csv(out / "confounders.csv", ("account_id", "cohort"), sorted(w.cohorts.items()))
