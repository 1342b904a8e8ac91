"""The synthetic platform: accounts, networks, payment instruments, the request log and what analysts know.

Every style writes through a :class:`World`; the world keeps the rows and writes the input-format-v1 files.
Times are kept as epoch seconds and formatted on output.
"""

from __future__ import annotations

import csv
import gzip
import ipaddress
import json
import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any

import numpy as np

WINDOW_START = datetime(2026, 3, 2, tzinfo=UTC)
WINDOW_DAYS = 42
T0 = WINDOW_START.timestamp()
T_END = T0 + WINDOW_DAYS * 86400.0
DAY = 86400.0
HOUR = 3600.0
#: The new flagship model goes live in the middle of the window (a Tuesday afternoon, UTC).
RELEASE = (WINDOW_START + timedelta(days=22, hours=16)).timestamp()
OLD_MODELS = ("lumen-2", "lumen-2-mini", "lumen-2-code")
OLD_WEIGHTS = (0.5, 0.35, 0.15)
NEW_MODEL = "lumen-3"
NEW_MINI = "lumen-3-mini"
#: The small model of the new family ships a week after the flagship.
RELEASE_MINI = RELEASE + 7 * DAY

#: UTC offset (hours) of a country's main population centre, for diurnal activity.
TZ: dict[str, float] = {
    "US": -5,
    "CA": -5,
    "MX": -6,
    "BR": -3,
    "AR": -3,
    "CO": -5,
    "GB": 0,
    "IE": 0,
    "FR": 1,
    "DE": 1,
    "NL": 1,
    "ES": 1,
    "IT": 1,
    "PL": 1,
    "SE": 1,
    "RO": 2,
    "TR": 3,
    "RU": 3,
    "IN": 5.5,
    "PK": 5,
    "BD": 6,
    "NG": 1,
    "KE": 3,
    "EG": 2,
    "ZA": 2,
    "AE": 4,
    "SG": 8,
    "HK": 8,
    "CN": 8,
    "TW": 8,
    "KR": 9,
    "JP": 9,
    "PH": 8,
    "VN": 7,
    "ID": 7,
    "TH": 7,
    "MY": 8,
    "AU": 10,
    "NZ": 12,
    "UA": 2,
    "PT": 0,
}

BACKGROUND_COUNTRIES: tuple[tuple[str, float], ...] = (
    ("US", 26),
    ("IN", 9),
    ("GB", 6),
    ("DE", 5),
    ("BR", 5),
    ("FR", 4),
    ("CA", 4),
    ("JP", 3.5),
    ("KR", 3),
    ("ES", 2.5),
    ("IT", 2.5),
    ("NL", 2),
    ("AU", 2.5),
    ("MX", 2.5),
    ("ID", 2.5),
    ("PH", 2),
    ("NG", 1.5),
    ("PL", 1.5),
    ("TR", 1.5),
    ("VN", 1.5),
    ("SG", 1),
    ("PK", 1),
    ("EG", 1),
    ("KE", 0.7),
    ("ZA", 1),
    ("AR", 1),
    ("CO", 1),
    ("SE", 1),
    ("UA", 1),
    ("TW", 1),
    ("AE", 0.8),
    ("PT", 0.7),
    ("IE", 0.6),
    ("TH", 1),
    ("MY", 0.8),
    ("NZ", 0.4),
    ("BD", 0.7),
    ("RO", 0.6),
    ("HK", 0.8),
)

FREE_MAIL = ("gmail.com", "outlook.com", "yahoo.com", "hotmail.com", "icloud.com", "proton.me")
FREE_MAIL_W = (52, 16, 8, 7, 10, 3)
REGIONAL_MAIL: dict[str, tuple[str, ...]] = {
    "DE": ("gmx.de", "web.de", "t-online.de"),
    "FR": ("orange.fr", "free.fr", "laposte.net"),
    "JP": ("yahoo.co.jp", "docomo.ne.jp"),
    "KR": ("naver.com", "daum.net"),
    "CN": ("qq.com", "163.com"),
    "BR": ("uol.com.br", "bol.com.br"),
    "IN": ("rediffmail.com",),
    "RU": ("yandex.ru", "mail.ru"),
    "GB": ("btinternet.com",),
    "IT": ("libero.it",),
    "PL": ("wp.pl", "o2.pl"),
}


@dataclass(frozen=True)
class Asn:
    number: int
    org: str
    kind: str  # default ip_type of the network's addresses
    country: str
    v4: tuple[str, ...]  # /16 bases "a.b"
    v6: str  # /32 base "2a0x:yyyy"


# Networks: (number, organisation, kind, country). Public carriers and clouds under their usual names;
# the small hosting and VPN outfits are fictitious.
_NETWORKS: tuple[tuple[int, str, str, str], ...] = (
    (7922, "Comcast Cable Communications, LLC", "residential", "US"),
    (701, "Verizon Business", "residential", "US"),
    (20115, "Charter Communications", "residential", "US"),
    (812, "Rogers Communications Canada Inc.", "residential", "CA"),
    (3320, "Deutsche Telekom AG", "residential", "DE"),
    (2856, "British Telecommunications PLC", "residential", "GB"),
    (3215, "Orange S.A.", "residential", "FR"),
    (12322, "Free SAS", "residential", "FR"),
    (3352, "Telefonica de Espana", "residential", "ES"),
    (3269, "Telecom Italia S.p.A.", "residential", "IT"),
    (1136, "KPN B.V.", "residential", "NL"),
    (5617, "Orange Polska S.A.", "residential", "PL"),
    (9121, "Turk Telekomunikasyon A.S.", "residential", "TR"),
    (4766, "Korea Telecom", "residential", "KR"),
    (4713, "NTT Communications Corporation", "residential", "JP"),
    (1221, "Telstra Limited", "residential", "AU"),
    (28573, "Claro NXT Telecomunicacoes Ltda", "residential", "BR"),
    (8151, "UNINET", "residential", "MX"),
    (24560, "Bharti Airtel Ltd.", "residential", "IN"),
    (17488, "Hathway IP over Cable", "residential", "IN"),
    (7713, "PT Telekomunikasi Indonesia", "residential", "ID"),
    (9299, "Philippine Long Distance Telephone Co.", "residential", "PH"),
    (7552, "Viettel Group", "residential", "VN"),
    (36873, "Airtel Networks Limited", "residential", "NG"),
    (8452, "TE Data", "residential", "EG"),
    (17557, "Pakistan Telecommunication Company", "residential", "PK"),
    (33771, "Safaricom Limited", "residential", "KE"),
    (37457, "Telkom SA Ltd.", "residential", "ZA"),
    (7303, "Telecom Argentina S.A.", "residential", "AR"),
    (3301, "Telia Company AB", "residential", "SE"),
    (15895, "Kyivstar PJSC", "residential", "UA"),
    (3462, "Chunghwa Telecom Co., Ltd.", "residential", "TW"),
    (5384, "Emirates Telecommunications Group", "residential", "AE"),
    (3243, "MEO - Servicos de Comunicacoes", "residential", "PT"),
    (5466, "Eircom Limited", "residential", "IE"),
    (7470, "True Internet Co., Ltd.", "residential", "TH"),
    (4788, "TM Technology Services Sdn Bhd", "residential", "MY"),
    (9790, "One New Zealand Group", "residential", "NZ"),
    (24389, "Grameenphone Ltd.", "residential", "BD"),
    (8708, "RCS & RDS SA", "residential", "RO"),
    (9269, "Hong Kong Broadband Network", "residential", "HK"),
    (10620, "Telmex Colombia S.A.", "residential", "CO"),
    (4134, "Chinanet", "residential", "CN"),
    (7018, "AT&T Services, Inc.", "residential", "US"),
    (4809, "China Telecom Next Generation Carrier Network", "residential", "CN"),
    (9498, "Bharti Airtel Broadband", "residential", "IN"),
    (21928, "T-Mobile USA, Inc.", "mobile", "US"),
    (22394, "Verizon Wireless", "mobile", "US"),
    (3209, "Vodafone GmbH", "mobile", "DE"),
    (25135, "Vodafone Limited", "mobile", "GB"),
    (55836, "Reliance Jio Infocomm Limited", "mobile", "IN"),
    (26599, "Telefonica Brasil S.A.", "mobile", "BR"),
    (29465, "MTN Nigeria Communication Limited", "mobile", "NG"),
    (132199, "Globe Telecom Inc.", "mobile", "PH"),
    (4760, "HKT Limited", "mobile", "HK"),
    (45143, "Singtel Mobile", "mobile", "SG"),
    (24445, "China Mobile Communications Corporation", "mobile", "CN"),
    (2516, "KDDI Corporation", "mobile", "JP"),
    (23693, "PT Telekomunikasi Selular", "mobile", "ID"),
    (16509, "Amazon.com, Inc.", "hosting", "US"),
    (15169, "Google LLC", "hosting", "US"),
    (8075, "Microsoft Corporation", "hosting", "US"),
    (14061, "DigitalOcean, LLC", "hosting", "US"),
    (24940, "Hetzner Online GmbH", "hosting", "DE"),
    (16276, "OVH SAS", "hosting", "FR"),
    (63949, "Akamai Connected Cloud", "hosting", "US"),
    (45102, "Alibaba (US) Technology Co., Ltd.", "hosting", "SG"),
    (132203, "Tencent Building, Kejizhongyi Avenue", "hosting", "HK"),
    (20473, "The Constant Company, LLC", "hosting", "US"),
    (401187, "Kolvane Datacenter SRL", "hosting", "NL"),
    (9009, "M247 Europe SRL", "vpn", "RO"),
    (60068, "Datacamp Limited", "vpn", "GB"),
    (401392, "Brightpath Tunnel Networks", "vpn", "SE"),
    (13335, "Cloudflare, Inc.", "proxy", "US"),
    (36183, "Akamai Technologies, Inc.", "proxy", "US"),
    (54113, "Fastly, Inc.", "proxy", "US"),
    (2152, "CENIC", "education", "US"),
    (786, "Jisc Services Limited", "education", "GB"),
    (680, "Verein zur Foerderung eines Deutschen Forschungsnetzes", "education", "DE"),
    (7575, "Australian Academic and Research Network", "education", "AU"),
    (1916, "Rede Nacional de Ensino e Pesquisa", "education", "BR"),
)

_V4_FIRST = tuple(o for o in range(2, 224) if o not in (10, 100, 127, 169, 172, 192, 198, 203, 0))


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(round(ts), tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Request:
    account: str
    ts: float
    prompt: str
    ip: str
    model: str
    input_tokens: int
    output_tokens: int
    user_agent: str


@dataclass
class World:
    seed: int
    platform_size: int
    requests_per_account: float
    rng: random.Random = field(init=False)
    np_rng: np.random.Generator = field(init=False)
    asns: dict[int, Asn] = field(init=False, default_factory=dict)
    ip_meta: dict[str, tuple[int, str]] = field(init=False, default_factory=dict)  # ip -> (asn, type)
    accounts: dict[str, dict[str, str]] = field(init=False, default_factory=dict)
    account_tz: dict[str, float] = field(init=False, default_factory=dict)
    payments: list[dict[str, str]] = field(init=False, default_factory=list)
    requests: list[Request] = field(init=False, default_factory=list)
    ip_links: dict[tuple[str, str], list[float]] = field(init=False, default_factory=dict)
    labels: list[dict[str, str]] = field(init=False, default_factory=list)
    truth: list[tuple[str, str, str, str]] = field(init=False, default_factory=list)
    confounders: list[tuple[str, str]] = field(init=False, default_factory=list)
    shared_pools: dict[str, list[str]] = field(init=False, default_factory=dict)
    _used_v4_16: set[str] = field(init=False, default_factory=set)
    _v4_cursor: dict[str, int] = field(init=False, default_factory=dict)
    _ids: set[str] = field(init=False, default_factory=set)
    by_kind: dict[str, list[int]] = field(init=False, default_factory=dict)
    by_country: dict[tuple[str, str], list[int]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed * 7919 + 17)
        self.np_rng = np.random.default_rng(self.seed + 1_000_003)
        rng = random.Random(self.seed * 31 + 5)
        for number, org, kind, country in _NETWORKS:
            v4: list[str] = []
            for _ in range(3):
                while True:
                    base = f"{rng.choice(_V4_FIRST)}.{rng.randrange(0, 256)}"
                    if base not in self._used_v4_16:
                        self._used_v4_16.add(base)
                        v4.append(base)
                        break
            v6 = f"2{rng.choice('0a4c6')}{rng.randrange(0, 256):02x}:{rng.randrange(0x1000, 0xFFFF):04x}"
            a = Asn(number, org, kind, country, tuple(v4), v6)
            self.asns[number] = a
            self.by_kind.setdefault(kind, []).append(number)
            self.by_country.setdefault((kind, country), []).append(number)

    # ---- scale ---------------------------------------------------------------------------------------
    def scale(self) -> float:
        return self.requests_per_account / 12.0

    def count(self, mean: float, *, minimum: int = 1) -> int:
        """A request count around ``mean`` (at the default 12 requests/account), scaled by the "
        "platform rate."""
        m = max(mean * self.scale(), 0.05)
        return max(minimum, int(self.np_rng.poisson(m)))

    # ---- identities ----------------------------------------------------------------------------------
    def new_id(self, prefix: str, n: int = 10, alphabet: str = "abcdefghijkmnpqrstuvwxyz23456789") -> str:
        while True:
            s = prefix + "".join(self.rng.choice(alphabet) for _ in range(n))
            if s not in self._ids:
                self._ids.add(s)
                return s

    def new_account(
        self,
        *,
        created_at: float,
        email_domain: str,
        country: str,
        plan: str = "free",
        org_id: str = "",
        signup_channel: str = "web",
        status: str = "active",
        tz: float | None = None,
    ) -> str:
        acct = self.new_id("acct_", 12)
        self.accounts[acct] = {
            "account_id": acct,
            "created_at": str(created_at),
            "email_domain": email_domain,
            "country": country,
            "plan": plan,
            "org_id": org_id,
            "signup_channel": signup_channel,
            "status": status,
        }
        self.account_tz[acct] = TZ.get(country, 0.0) if tz is None else tz
        return acct

    def free_mail(self, country: str) -> str:
        regional = REGIONAL_MAIL.get(country)
        if regional and self.rng.random() < 0.3:
            return self.rng.choice(regional)
        return self.rng.choices(FREE_MAIL, FREE_MAIL_W)[0]

    def background_country(self) -> str:
        names = [c for c, _ in BACKGROUND_COUNTRIES]
        weights = [w for _, w in BACKGROUND_COUNTRIES]
        return self.rng.choices(names, weights)[0]

    def instrument_token(self) -> str:
        alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789"
        return self.new_id(self.rng.choice(("pm_", "pm_", "card_", "src_")), 20, alphabet)

    def bin_for(self, country: str) -> str:
        first = self.rng.choice("4455552")
        return first + "".join(str(self.rng.randrange(10)) for _ in range(5))

    def pay(
        self,
        acct: str,
        instrument_id: str,
        *,
        instrument_type: str = "card",
        bin_: str = "",
        issuer_country: str = "",
        first_used: float,
    ) -> None:
        self.payments.append(
            {
                "account_id": acct,
                "instrument_id": instrument_id,
                "instrument_type": instrument_type,
                "bin": bin_,
                "issuer_country": issuer_country,
                "first_used": _iso(min(first_used, T_END - 60.0)),
            }
        )

    def own_card(self, acct: str, country: str, first_used: float) -> str:
        tok = self.instrument_token()
        kind = self.rng.choices(("card", "card", "debit_card", "paypal", "apple_pay"), (5, 3, 3, 1, 1))[0]
        bin_ = self.bin_for(country) if kind in ("card", "debit_card", "apple_pay") else ""
        self.pay(acct, tok, instrument_type=kind, bin_=bin_, issuer_country=country, first_used=first_used)
        return tok

    # ---- networks ------------------------------------------------------------------------------------
    def asn_of(self, kind: str, country: str | None = None) -> Asn:
        if country is not None:
            local = self.by_country.get((kind, country))
            if local:
                return self.asns[self.rng.choice(local)]
        return self.asns[self.rng.choice(self.by_kind[kind])]

    def asn_by_number(self, number: int) -> Asn:
        return self.asns[number]

    def new_ip(self, asn: Asn, *, ip_type: str | None = None, v6: bool = False) -> str:
        if v6:
            r = self.rng
            ip = (
                f"{asn.v6}:{r.randrange(0, 0xFFFF):x}:{r.randrange(0, 0xFFFF):x}:"
                f"{r.randrange(0, 0xFFFF):x}:{r.randrange(0, 0xFFFF):x}:{r.randrange(0, 0xFFFF):x}:"
                f"{r.randrange(1, 0xFFFF):x}"
            )
            ip = ipaddress.IPv6Address(ip).compressed
        else:
            while True:
                base = self.rng.choice(asn.v4)
                ip = f"{base}.{self.rng.randrange(0, 256)}.{self.rng.randrange(1, 255)}"
                if ip not in self.ip_meta:
                    break
        self.ip_meta[ip] = (asn.number, ip_type or asn.kind)
        return ip

    def new_subnet(self, asn: Asn) -> str:
        """A fresh /24 "a.b.c" inside the network."""
        base = self.rng.choice(asn.v4)
        n = self._v4_cursor.get(base, self.rng.randrange(0, 64))
        self._v4_cursor[base] = n + 1 + self.rng.randrange(0, 3)
        return f"{base}.{n % 256}"

    def ip_in_subnet(self, subnet: str, asn: Asn, *, ip_type: str | None = None) -> str:
        for _ in range(500):
            ip = f"{subnet}.{self.rng.randrange(2, 254)}"
            if ip not in self.ip_meta:
                self.ip_meta[ip] = (asn.number, ip_type or asn.kind)
                return ip
        return self.new_ip(asn, ip_type=ip_type)

    def v6_prefix48(self, asn: Asn) -> str:
        return f"{asn.v6}:{self.rng.randrange(0x100, 0xFFFF):x}"

    def ip_in_v6_48(self, prefix48: str, asn: Asn, *, ip_type: str | None = None) -> str:
        r = self.rng
        ip = ipaddress.IPv6Address(
            f"{prefix48}:{r.randrange(0, 0xFFFF):x}:{r.randrange(0, 0xFFFF):x}:{r.randrange(0, 0xFFFF):x}:"
            f"{r.randrange(0, 0xFFFF):x}:{r.randrange(1, 0xFFFF):x}"
        ).compressed
        self.ip_meta[ip] = (asn.number, ip_type or asn.kind)
        return ip

    def touch_ip(self, acct: str, ip: str, ts: float, n: int = 0) -> None:
        key = (acct, ip)
        rec = self.ip_links.get(key)
        if rec is None:
            self.ip_links[key] = [ts, ts, float(n)]
        else:
            rec[0] = min(rec[0], ts)
            rec[1] = max(rec[1], ts)
            rec[2] += n

    # ---- requests ------------------------------------------------------------------------------------
    def request(
        self,
        acct: str,
        ts: float,
        prompt: str,
        ip: str,
        model: str,
        *,
        output_tokens: int,
        user_agent: str,
        input_tokens: int | None = None,
    ) -> None:
        if ts < T0 or ts >= T_END:
            return
        if input_tokens is None:
            input_tokens = max(3, int(len(prompt) / 3.9) + self.rng.randrange(0, 12))
        self.requests.append(Request(acct, ts, prompt, ip, model, input_tokens, output_tokens, user_agent))
        if ip:
            self.touch_ip(acct, ip, ts, 1)

    def model_at(
        self, ts: float, *, adopt_at: float, new_share: float = 0.7, mini_share: float = 0.35
    ) -> str:
        """Model of a request at ``ts`` by a user who moves to the new family at ``adopt_at``."""
        r = self.rng
        if ts >= max(adopt_at, RELEASE) and r.random() < new_share:
            if ts >= RELEASE_MINI and r.random() < mini_share:
                return NEW_MINI
            return NEW_MODEL
        return r.choices(OLD_MODELS, OLD_WEIGHTS)[0]

    def diurnal(self, day: float, tz: float, *, peak: tuple[float, float] = (9.0, 23.0)) -> float:
        """A timestamp on window day ``day`` at a waking local hour."""
        lo, hi = peak
        h = lo + (hi - lo) * self.rng.betavariate(2.0, 1.8)
        return T0 + math.floor(day) * DAY + (h - tz) * HOUR + self.rng.random() * 60

    def workday_ts(self, tz: float, *, start: float = 8.5, end: float = 18.5) -> float:
        while True:
            d = self.rng.randrange(0, WINDOW_DAYS)
            if (WINDOW_START + timedelta(days=d)).weekday() < 5:
                break
        h = self.rng.uniform(start, end)
        return T0 + d * DAY + (h - tz) * HOUR

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

    # ---- output --------------------------------------------------------------------------------------
    def write(self, out: Path) -> None:
        out.mkdir(parents=True, exist_ok=True)
        acct_cols = [
            "account_id",
            "created_at",
            "email_domain",
            "country",
            "plan",
            "org_id",
            "signup_channel",
            "status",
        ]
        order = sorted(self.accounts)  # opaque ids: sorting shuffles the styles together
        cut = datetime(2026, 1, 1, tzinfo=UTC).timestamp()
        recent: list[list[str]] = []
        archive: list[list[str]] = []
        for a in order:
            row = self.accounts[a]
            created = float(row["created_at"])
            vals = [row[c] for c in acct_cols]
            vals[1] = _iso(created)
            (recent if created >= cut else archive).append(vals)
        _write_csv(out / "accounts.csv", acct_cols, recent)
        _write_csv(out / "accounts_archive.csv.gz", acct_cols, archive)

        ip_cols = ["account_id", "ip", "first_seen", "last_seen", "requests", "asn", "asn_org", "ip_type"]
        ip_rows: list[list[str]] = []
        for (acct, ip), (first, last, n) in sorted(self.ip_links.items()):
            asn_no, ip_type = self.ip_meta[ip]
            asn = self.asns[asn_no]
            ip_rows.append([acct, ip, _iso(first), _iso(last), str(int(n)), f"AS{asn_no}", asn.org, ip_type])
        _write_csv(out / "ip_links.csv", ip_cols, ip_rows)

        with open(out / "payment_links.jsonl", "w", encoding="utf-8") as fh:
            for p in sorted(self.payments, key=lambda d: (d["account_id"], d["instrument_id"])):
                rec: dict[str, Any] = {k: v for k, v in p.items() if v != ""}
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")

        self.requests.sort(key=lambda q: (q.ts, q.account))
        april = datetime(2026, 4, 1, tzinfo=UTC).timestamp()
        req_cols = [
            "account_id",
            "ts",
            "prompt",
            "ip",
            "model",
            "input_tokens",
            "output_tokens",
            "user_agent",
        ]
        march = [
            [
                q.account,
                _iso(q.ts),
                q.prompt,
                q.ip,
                q.model,
                str(q.input_tokens),
                str(q.output_tokens),
                q.user_agent,
            ]
            for q in self.requests
            if q.ts < april
        ]
        _write_csv(out / "requests-2026-03.csv.gz", req_cols, march)
        with gzip.open(out / "requests-2026-04.jsonl.gz", "wt", encoding="utf-8", compresslevel=5) as gz:
            for q in self.requests:
                if q.ts < april:
                    continue
                rec = {
                    "account_id": q.account,
                    "ts": round(q.ts),
                    "prompt": q.prompt,
                    "model": q.model,
                    "input_tokens": q.input_tokens,
                    "output_tokens": q.output_tokens,
                    "user_agent": q.user_agent,
                }
                if q.ip:
                    rec["ip"] = q.ip
                gz.write(json.dumps(rec, ensure_ascii=False) + "\n")

        lab_cols = ["entity", "value", "actor", "confidence", "source", "note"]
        _write_csv(out / "labels.csv", lab_cols, [[d[c] for c in lab_cols] for d in self.labels])

        labelled_actors = {d["actor"] for d in self.labels}
        _write_csv(
            out / "truth.csv",
            ["account_id", "campaign_id", "actor", "style"],
            [[a, c, actor if actor in labelled_actors else "", s] for a, c, actor, s in sorted(self.truth)],
        )
        _write_csv(
            out / "confounders.csv", ["account_id", "cohort"], [list(t) for t in sorted(self.confounders)]
        )


def _open_text(path: Path) -> IO[str]:
    if path.suffix == ".gz":
        return gzip.open(path, "wt", encoding="utf-8", newline="", compresslevel=5)
    return open(path, "w", encoding="utf-8", newline="")


def _write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    with _open_text(path) as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
