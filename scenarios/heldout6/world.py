"""Shared state of one generated platform: accounts, networks, payments, request log and labels."""

from __future__ import annotations

import ipaddress
import math
import random
import string
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

START = datetime(2026, 3, 2, tzinfo=UTC)
DAYS = 42
END = START + timedelta(days=DAYS)
RELEASE = START + timedelta(days=24, hours=17)
OLD_MODELS = ("nova-2-lite", "nova-2", "nova-2-pro")
NEW_MODEL = "nova-3"


def substream(seed: int, name: str) -> random.Random:
    """An independent, stable random stream per component so that subsets do not reshuffle the rest."""
    return random.Random((seed * 1_000_003) ^ zlib.crc32(name.encode()))


@dataclass(frozen=True)
class Asn:
    number: int
    org: str
    ip_type: str
    country: str
    v6: bool = False


ASNS: dict[str, Asn] = {
    # residential broadband
    "comcast": Asn(7922, "COMCAST-7922", "residential", "US", True),
    "charter": Asn(20115, "CHARTER-20115", "residential", "US", True),
    "att": Asn(7018, "ATT-INTERNET4", "residential", "US"),
    "dtag": Asn(3320, "DTAG Deutsche Telekom AG", "residential", "DE", True),
    "orange": Asn(3215, "France Telecom - Orange", "residential", "FR", True),
    "bt": Asn(2856, "BT-UK-AS BTnet UK Regional network", "residential", "GB"),
    "rogers": Asn(812, "ROGERS-COMMUNICATIONS", "residential", "CA"),
    "chinanet": Asn(4134, "CHINANET-BACKBONE", "residential", "CN"),
    "unicom": Asn(4837, "CHINA169-BACKBONE CHINA UNICOM", "residential", "CN"),
    "kt": Asn(4766, "KIXS-AS-KR Korea Telecom", "residential", "KR", True),
    "ntt": Asn(4713, "OCN NTT Communications Corporation", "residential", "JP", True),
    "vivo": Asn(26599, "TELEFONICA BRASIL S.A", "residential", "BR"),
    "act": Asn(24309, "CABLELITE-AS-AP Atria Convergence Technologies", "residential", "IN"),
    "telstra": Asn(1221, "ASN-TELSTRA Telstra Limited", "residential", "AU"),
    "ziggo": Asn(33915, "TNF-AS Vodafone Libertel B.V.", "residential", "NL"),
    "hkbn": Asn(9269, "HKBN-AS-AP Hong Kong Broadband Network Ltd.", "residential", "HK"),
    "viettel_fixed": Asn(7552, "VIETEL-AS-AP Viettel Group", "residential", "VN"),
    "sat": Asn(14593, "SPACEX-STARLINK", "residential", "US", True),
    # mobile carriers (carrier-grade NAT: thousands of subscribers behind one address)
    "tmobile": Asn(21928, "T-MOBILE-AS21928", "mobile", "US", True),
    "verizon_w": Asn(22394, "CELLCO-PART Verizon Wireless", "mobile", "US", True),
    "jio": Asn(55836, "RELIANCEJIO-IN Reliance Jio Infocomm Limited", "mobile", "IN", True),
    "airtel": Asn(45609, "BHARTI-MOBILITY-AS-AP Bharti Airtel Ltd.", "mobile", "IN"),
    "vodafone_de": Asn(3209, "VODANET International IP-Backbone of Vodafone", "mobile", "DE"),
    "cmcc": Asn(9808, "CHINAMOBILE-CN China Mobile Gprs and Spe Network", "mobile", "CN", True),
    "claro": Asn(28573, "CLARO S.A.", "mobile", "BR"),
    "ee": Asn(12576, "EE-AS", "mobile", "GB"),
    # hosting / cloud
    "aws": Asn(16509, "AMAZON-02", "hosting", "US", True),
    "gcp": Asn(396982, "GOOGLE-CLOUD-PLATFORM", "hosting", "US", True),
    "azure": Asn(8075, "MICROSOFT-CORP-MSN-AS-BLOCK", "hosting", "US", True),
    "do": Asn(14061, "DIGITALOCEAN-ASN", "hosting", "US", True),
    "hetzner": Asn(24940, "Hetzner Online GmbH", "hosting", "DE", True),
    "ovh": Asn(16276, "OVH SAS", "hosting", "FR", True),
    "vultr": Asn(20473, "AS-CHOOPA", "hosting", "US", True),
    "alibaba": Asn(45102, "ALIBABA-CN-NET Alibaba US Technology Co., Ltd.", "hosting", "SG"),
    "tencent": Asn(132203, "TENCENT-NET-AP-CN Tencent Building, Kejizhongyi Avenue", "hosting", "HK"),
    "oracle": Asn(31898, "ORACLE-BMC-31898", "hosting", "US"),
    "kamatera": Asn(36007, "KAMATERA", "hosting", "US"),
    # vpn / proxy
    "m247": Asn(9009, "M247 Europe SRL", "vpn", "RO"),
    "datacamp": Asn(60068, "Datacamp Limited", "vpn", "GB"),
    "packethub": Asn(147049, "PacketHub S.A.", "vpn", "PA"),
    "privacyrelay": Asn(13335, "CLOUDFLARENET", "vpn", "US", True),
    "proxyres": Asn(212238, "Datacamp Limited Residential", "proxy", "US"),
    # education
    "janet": Asn(786, "JANET Jisc Services Limited", "education", "GB"),
    "cenic": Asn(2152, "CSUNET-NW California State University Network", "education", "US"),
    "dfn": Asn(680, "DFN Verein zur Foerderung eines Deutschen Forschungsnetzes e.V.", "education", "DE"),
    "cernet": Asn(4538, "ERX-CERNET-BKB China Education and Research Network Center", "education", "CN"),
    "internet2": Asn(11537, "INTERNET2-RESEARCH-EDU", "education", "US"),
    # corporate / business
    "zayo": Asn(6461, "ZAYO-6461", "corporate", "US"),
    "cogent": Asn(174, "COGENT-174", "corporate", "US"),
    "colt": Asn(8220, "COLT Technology Services Group Limited", "corporate", "GB"),
    "lumen": Asn(3356, "LEVEL3", "corporate", "US"),
    "sify": Asn(9583, "SIFY-AS-IN Sify Limited", "corporate", "IN"),
    # small regional broadband (leasable blocks)
    "netlink_pk": Asn(152045, "NETLINK-BROADBAND-PK", "residential", "PK"),
    "kyivnet": Asn(209871, "KYIVNET-LTD", "residential", "UA"),
    "hypersky": Asn(271932, "HYPERSKY TELECOM LTDA", "residential", "BR"),
    "unknown_small": Asn(399471, "CLOUDRISE-NETWORKS", "unknown", "US"),
}

_FIRST_OCTETS = [o for o in range(1, 224) if o not in (10, 100, 127, 169, 172, 192, 198, 203)]


class Net:
    """Hands out /24 blocks and /48 prefixes per ASN and remembers each address's owner."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used16: set[int] = set()
        self.ranges: dict[str, list[int]] = {}
        self.next24: dict[str, int] = {}
        self.meta: dict[str, tuple[int, str, str]] = {}
        self.v6: dict[str, int] = {}
        self.v6_next: dict[str, int] = {}

    def _new16(self) -> int:
        while True:
            base = (self.rng.choice(_FIRST_OCTETS) << 8) | self.rng.randrange(256)
            if base not in self.used16:
                self.used16.add(base)
                return base

    def block(self, asn: str) -> int:
        """A fresh /24 of the ASN, as the integer of its network address."""
        if asn not in self.ranges or self.next24[asn] >= 256:
            self.ranges.setdefault(asn, []).append(self._new16())
            self.next24[asn] = self.rng.randrange(0, 64)
        b16 = self.ranges[asn][-1]
        idx = self.next24[asn]
        self.next24[asn] = idx + self.rng.randrange(1, 4)
        return (b16 << 16) | (idx << 8)

    def host(self, asn: str, block: int, octet: int | None = None) -> str:
        last = octet if octet is not None else self.rng.randrange(2, 255)
        ip = str(ipaddress.IPv4Address(block | last))
        if ip not in self.meta:
            a = ASNS[asn]
            self.meta[ip] = (a.number, a.org, a.ip_type)
        return ip

    def fresh(self, asn: str) -> str:
        return self.host(asn, self.block(asn))

    def prefix48(self, asn: str) -> int:
        if asn not in self.v6:
            self.v6[asn] = (0x2A00 + self.rng.randrange(0x0400)) << 16 | self.rng.randrange(0x10000)
            self.v6_next[asn] = self.rng.randrange(0x100)
        n = self.v6_next[asn]
        self.v6_next[asn] = n + 1
        return (self.v6[asn] << 16) | n

    def host6(self, asn: str, p48: int, subnet: int | None = None) -> str:
        sub = subnet if subnet is not None else self.rng.randrange(0x10000)
        iid = self.rng.getrandbits(64)
        ip = str(ipaddress.IPv6Address((p48 << 80) | (sub << 64) | iid))
        if ip not in self.meta:
            a = ASNS[asn]
            self.meta[ip] = (a.number, a.org, a.ip_type)
        return ip


@dataclass
class IpLink:
    first: datetime
    last: datetime
    requests: int


@dataclass(frozen=True)
class Country:
    code: str
    tz: int
    home: tuple[str, ...]
    mobile: tuple[str, ...]


COUNTRIES: dict[str, Country] = {
    "US": Country("US", -6, ("comcast", "charter", "att"), ("tmobile", "verizon_w")),
    "CA": Country("CA", -5, ("rogers",), ("tmobile",)),
    "GB": Country("GB", 0, ("bt",), ("ee",)),
    "DE": Country("DE", 1, ("dtag",), ("vodafone_de",)),
    "FR": Country("FR", 1, ("orange",), ("orange",)),
    "NL": Country("NL", 1, ("ziggo",), ("vodafone_de",)),
    "IN": Country("IN", 5, ("act",), ("jio", "airtel")),
    "CN": Country("CN", 8, ("chinanet", "unicom"), ("cmcc",)),
    "HK": Country("HK", 8, ("hkbn",), ("cmcc",)),
    "KR": Country("KR", 9, ("kt",), ("kt",)),
    "JP": Country("JP", 9, ("ntt",), ("ntt",)),
    "BR": Country("BR", -3, ("vivo",), ("claro",)),
    "AU": Country("AU", 10, ("telstra",), ("telstra",)),
    "VN": Country("VN", 7, ("viettel_fixed",), ("viettel_fixed",)),
}
COUNTRY_WEIGHTS = {
    "US": 30,
    "IN": 12,
    "GB": 7,
    "DE": 6,
    "FR": 4,
    "CA": 4,
    "BR": 6,
    "JP": 4,
    "KR": 3,
    "AU": 3,
    "NL": 2,
    "CN": 3,
    "HK": 2,
    "VN": 2,
}

BINS = {
    "US": ("414720", "426684", "517805", "552433", "440393", "371449"),
    "GB": ("475129", "535522", "465901"),
    "DE": ("492181", "520416"),
    "FR": ("497040", "513150"),
    "IN": ("652150", "524193", "416021"),
    "BR": ("516292", "406655"),
    "JP": ("356999", "490219"),
    "CN": ("622848", "625907"),
    "HK": ("456351", "545140"),
    "SG": ("469321", "557732"),
    "KR": ("540926", "465887"),
    "CA": ("450060", "520978"),
    "AU": ("456445", "516361"),
    "NL": ("535514", "474178"),
    "VN": ("970436", "422150"),
}

FREEMAIL = ("gmail.com", "outlook.com", "yahoo.com", "hotmail.com", "icloud.com", "proton.me")
FREEMAIL_BY_COUNTRY = {
    "CN": ("qq.com", "163.com", "126.com", "gmail.com"),
    "KR": ("naver.com", "gmail.com", "daum.net"),
    "JP": ("gmail.com", "yahoo.co.jp", "icloud.com"),
    "DE": ("gmail.com", "web.de", "gmx.de", "t-online.de"),
    "FR": ("gmail.com", "orange.fr", "free.fr", "outlook.fr"),
    "BR": ("gmail.com", "hotmail.com", "uol.com.br"),
    "IN": ("gmail.com", "yahoo.co.in", "outlook.com", "rediffmail.com"),
    "GB": ("gmail.com", "outlook.com", "btinternet.com", "icloud.com"),
}

UA_SDK_PY = tuple(
    f"nova-sdk-python/1.{m}.{p} (CPython 3.{py}; Linux)"
    for m, p, py in ((7, 2, 11), (8, 0, 12), (8, 2, 11), (8, 3, 12), (9, 0, 12))
)
UA_SDK_NODE = tuple(
    f"nova-sdk-node/1.{m}.{p} (node v{n}.x)" for m, p, n in ((5, 1, 20), (6, 0, 20), (6, 2, 22))
)
_WK = "AppleWebKit/537.36 (KHTML, like Gecko)"
_WIN = "Mozilla/5.0 (Windows NT 10.0; Win64; x64)"
_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)"
UA_BROWSER = (
    f"{_WIN} {_WK} Chrome/133.0.0.0 Safari/537.36",
    f"{_WIN} {_WK} Chrome/134.0.0.0 Safari/537.36",
    f"{_MAC} AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.3 Safari/605.1.15",
    f"{_MAC} {_WK} Chrome/134.0.0.0 Safari/537.36",
    "Mozilla/5.0 (X11; Linux x86_64; rv:136.0) Gecko/20100101 Firefox/136.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:135.0) Gecko/20100101 Firefox/135.0",
    f"{_WIN} {_WK} Chrome/133.0.0.0 Safari/537.36 Edg/133.0.0.0",
)
UA_MOBILE = (
    "NovaChat/4.12.0 (iPhone; iOS 18.3.1; Scale/3.00)",
    "NovaChat/4.12.1 (iPhone; iOS 18.4; Scale/3.00)",
    "NovaChat/4.11.3 (iPad; iOS 17.7; Scale/2.00)",
    "NovaChat/4.12.0 (Android 14; SM-S921B; okhttp/4.12.0)",
    "NovaChat/4.12.1 (Android 15; Pixel 8; okhttp/4.12.0)",
    "NovaChat/4.10.2 (Android 13; Redmi Note 12; okhttp/4.11.0)",
)
UA_TOOLS = (
    "python-requests/2.32.3",
    "python-httpx/0.27.2",
    "Go-http-client/2.0",
    "curl/8.5.0",
    "axios/1.7.9",
)

_B62 = string.ascii_letters + string.digits


@dataclass
class World:
    seed: int
    accounts_total: int
    rpa: float
    rng: random.Random
    net: Net
    accounts: list[dict[str, str]] = field(default_factory=list)
    payments: list[dict[str, str]] = field(default_factory=list)
    requests: list[tuple[str, int, str, str, str, int, int, str]] = field(default_factory=list)
    links: dict[tuple[str, str], IpLink] = field(default_factory=dict)
    labels: list[dict[str, str]] = field(default_factory=list)
    truth: list[tuple[str, str, str, str]] = field(default_factory=list)
    confounders: list[tuple[str, str]] = field(default_factory=list)
    pools: dict[str, list[str]] = field(default_factory=dict)
    _ids: set[str] = field(default_factory=set)

    @classmethod
    def create(cls, seed: int, accounts: int, rpa: float) -> World:
        rng = substream(seed, "world")
        return cls(seed=seed, accounts_total=accounts, rpa=rpa, rng=rng, net=Net(substream(seed, "net")))

    # ---- identities -------------------------------------------------------------------------
    def _token(self, prefix: str, n: int) -> str:
        while True:
            tok = prefix + "".join(self.rng.choice(_B62) for _ in range(n))
            if tok not in self._ids and not tok[len(prefix) :].isdigit():
                self._ids.add(tok)
                return tok

    def account(
        self,
        created: datetime,
        email_domain: str,
        country: str,
        plan: str = "free",
        org_id: str = "",
        channel: str = "web",
        status: str = "active",
    ) -> str:
        aid = "acct_" + "".join(self.rng.choice("0123456789abcdef") for _ in range(12))
        while aid in self._ids:
            aid = "acct_" + "".join(self.rng.choice("0123456789abcdef") for _ in range(12))
        self._ids.add(aid)
        self.accounts.append(
            {
                "account_id": aid,
                "created_at": iso(created),
                "email_domain": email_domain,
                "country": country,
                "plan": plan,
                "org_id": org_id,
                "signup_channel": channel,
                "status": status,
            }
        )
        return aid

    def org(self) -> str:
        return self._token("org_", 14)

    def instrument(self) -> str:
        return self._token("pm_", 24)

    def pay(self, acct: str, inst: str, itype: str, bin6: str, issuer: str, first: datetime) -> None:
        self.payments.append(
            {
                "account_id": acct,
                "instrument_id": inst,
                "instrument_type": itype,
                "bin": bin6,
                "issuer_country": issuer,
                "first_used": iso(first),
            }
        )

    def card(self, acct: str, country: str, first: datetime, itype: str = "card") -> str:
        inst = self.instrument()
        bins = BINS.get(country, BINS["US"])
        self.pay(acct, inst, itype, self.rng.choice(bins), country, first)
        return inst

    def label(self, entity: str, value: str, actor: str, confidence: float, source: str, note: str) -> None:
        self.labels.append(
            {
                "entity": entity,
                "value": value,
                "actor": actor,
                "confidence": f"{confidence:.2f}",
                "source": source,
                "note": note,
            }
        )

    # ---- traffic ----------------------------------------------------------------------------
    def req(
        self,
        acct: str,
        ts: datetime,
        prompt: str,
        ip: str,
        model: str,
        tin: int,
        tout: int,
        ua: str,
    ) -> None:
        epoch = int(ts.timestamp())
        self.requests.append((acct, epoch, prompt, ip, model, max(1, tin), max(1, tout), ua))
        key = (acct, ip)
        link = self.links.get(key)
        if link is None:
            self.links[key] = IpLink(ts, ts, 1)
        else:
            if ts < link.first:
                link.first = ts
            if ts > link.last:
                link.last = ts
            link.requests += 1

    def seen(self, acct: str, ip: str, ts: datetime) -> None:
        """An address seen at sign-up or login without API traffic."""
        key = (acct, ip)
        if key not in self.links:
            self.links[key] = IpLink(ts, ts, 0)

    def model_for(
        self, ts: datetime, adopt: float = 0.25, base: tuple[float, float, float] = (0.3, 0.5, 0.2)
    ) -> str:
        """Pick a model; after the release, `adopt` of the traffic goes to the new model."""
        if ts >= RELEASE and self.rng.random() < adopt:
            return NEW_MODEL
        return self.rng.choices(OLD_MODELS, weights=base)[0]

    def country(self, rng: random.Random | None = None) -> str:
        r = rng or self.rng
        return r.choices(list(COUNTRY_WEIGHTS), weights=list(COUNTRY_WEIGHTS.values()))[0]

    def freemail(self, country: str) -> str:
        return self.rng.choice(FREEMAIL_BY_COUNTRY.get(country, FREEMAIL))

    def count(self, mean: float, spread: float = 0.9) -> int:
        """A heavy-tailed request count with the given mean."""
        if mean <= 0:
            return 0
        mu = math.log(mean) - spread * spread / 2
        return max(0, round(self.rng.lognormvariate(mu, spread)))


def iso(ts: datetime) -> str:
    return ts.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def at(day: float) -> datetime:
    return START + timedelta(days=day)


def human_times(
    rng: random.Random, n: int, tz: int, lo: float = 0.0, hi: float = DAYS, per_session: float = 3.0
) -> list[datetime]:
    """Requests in sessions at plausible local waking hours between days lo and hi (UTC window)."""
    lo = min(max(lo, 0.0), DAYS - 1.0)
    hi = min(max(hi, lo + 1.0), float(DAYS))
    t_lo, t_hi = at(lo), at(hi)
    out: list[datetime] = []
    tries = 0
    while len(out) < n:
        tries += 1
        day = math.floor(rng.uniform(lo - 1, hi + 1))
        local_hour = rng.choices(range(24), weights=_DIURNAL)[0] + rng.random()
        t = START + timedelta(days=day, hours=local_hour - tz)
        if not t_lo <= t < t_hi and tries < 50 * (n + 10):
            continue
        k = min(n - len(out), max(1, round(rng.expovariate(1 / per_session))))
        for _ in range(k):
            if t_lo <= t < t_hi or tries >= 50 * (n + 10):
                out.append(min(max(t, t_lo), t_hi - timedelta(seconds=1)))
            t += timedelta(seconds=rng.uniform(20, 600))
    out.sort()
    return out


_DIURNAL = [
    1,
    0.6,
    0.4,
    0.3,
    0.3,
    0.4,
    0.8,
    1.5,
    2.5,
    3.5,
    4,
    4,
    3.5,
    3.8,
    4,
    3.8,
    3.5,
    3,
    2.8,
    3,
    3.2,
    3,
    2.4,
    1.6,
]
WORK_HOURS = [
    0.1,
    0.1,
    0.1,
    0.1,
    0.1,
    0.1,
    0.3,
    1,
    3,
    5,
    5,
    4.5,
    3,
    4.5,
    5,
    5,
    4.5,
    3,
    1.2,
    0.6,
    0.4,
    0.3,
    0.2,
    0.1,
]


def work_times(rng: random.Random, n: int, tz: int, lo: float = 0.0, hi: float = DAYS) -> list[datetime]:
    """Requests on weekdays during office hours (local)."""
    lo = min(max(lo, 0.0), DAYS - 1.0)
    hi = min(max(hi, lo + 1.0), float(DAYS))
    t_lo, t_hi = at(lo), at(hi)
    out: list[datetime] = []
    tries = 0
    while len(out) < n:
        tries += 1
        day = math.floor(rng.uniform(lo - 1, hi + 1))
        if (START + timedelta(days=day)).weekday() >= 5 and rng.random() < 0.9:
            continue
        hour = rng.choices(range(24), weights=WORK_HOURS)[0] + rng.random()
        t = START + timedelta(days=day, hours=hour - tz)
        if t_lo <= t < t_hi:
            out.append(t)
        elif tries > 50 * (n + 10):
            out.append(min(max(t, t_lo), t_hi - timedelta(seconds=1)))
    out.sort()
    return out


def approx_tokens(text: str) -> int:
    return max(1, round(len(text) / 3.9))


def out_tokens(rng: random.Random, median: float, sigma: float = 0.45, cap: int = 32000) -> int:
    return min(cap, max(1, round(rng.lognormvariate(math.log(median), sigma))))
