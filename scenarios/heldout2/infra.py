# ruff: noqa: E501 -- prompt templates and data tables read better unwrapped.
"""Networks, user agents, e-mail domains, card BINs and countries shared by every style.

Campaigns and honest users draw from the same pools on purpose: a residential ISP, a cloud region or a
consumer e-mail domain is only evidence when combined with something else.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios.heldout2.world import IpMeta, World


@dataclass(frozen=True, slots=True)
class Asn:
    asn: int
    org: str
    ip_type: str
    country: str
    v4: tuple[str, ...]  # "a.b" /16 prefixes the ASN announces (illustrative, not an allocation registry)
    v6: str = ""  # a /32 written as "xxxx:yyyy"; empty when the network does not hand out v6 here
    v6_share: float = 0.0


ASNS: tuple[Asn, ...] = (
    # residential
    Asn(
        7922,
        "Comcast Cable Communications, LLC",
        "residential",
        "US",
        ("73.15", "73.92", "24.6", "98.207", "76.104"),
        "2601:0184",
        0.45,
    ),
    Asn(
        20115,
        "Charter Communications",
        "residential",
        "US",
        ("47.150", "71.86", "97.90", "24.164"),
        "2603:6010",
        0.3,
    ),
    Asn(701, "Verizon Business", "residential", "US", ("71.191", "108.20", "100.36"), "", 0.0),
    Asn(
        3320,
        "Deutsche Telekom AG",
        "residential",
        "DE",
        ("79.211", "87.150", "91.54", "93.207"),
        "2003:00e2",
        0.5,
    ),
    Asn(
        2856,
        "British Telecommunications PLC",
        "residential",
        "GB",
        ("81.129", "86.150", "109.155"),
        "2a00:23c5",
        0.35,
    ),
    Asn(3215, "Orange S.A.", "residential", "FR", ("90.27", "86.246", "92.184"), "2a01:0cb0", 0.4),
    Asn(4134, "CHINANET-BACKBONE", "residential", "CN", ("113.88", "116.230", "117.136"), "240e:0390", 0.3),
    Asn(9498, "Bharti Airtel Ltd.", "residential", "IN", ("122.161", "59.89", "223.190"), "", 0.0),
    Asn(
        18881,
        "TELEFONICA BRASIL S.A",
        "residential",
        "BR",
        ("177.95", "179.228", "191.250"),
        "2804:0014",
        0.25,
    ),
    Asn(
        4713,
        "NTT Communications Corporation",
        "residential",
        "JP",
        ("114.150", "153.206", "180.31"),
        "2400:4051",
        0.4,
    ),
    Asn(4766, "Korea Telecom", "residential", "KR", ("121.134", "175.198", "211.36"), "", 0.0),
    Asn(12389, "Rostelecom", "residential", "RU", ("95.31", "178.66", "217.107"), "", 0.0),
    Asn(6327, "Shaw Communications Inc.", "residential", "CA", ("68.146", "70.72", "96.51"), "", 0.0),
    Asn(1136, "KPN B.V.", "residential", "NL", ("77.160", "84.85", "145.53"), "2a02:a440", 0.4),
    Asn(7545, "TPG Telecom Limited", "residential", "AU", ("101.190", "124.168", "203.206"), "", 0.0),
    Asn(3352, "TELEFONICA DE ESPANA", "residential", "ES", ("80.31", "83.57", "88.27"), "", 0.0),
    Asn(
        9299,
        "Philippine Long Distance Telephone Company",
        "residential",
        "PH",
        ("112.198", "120.29"),
        "",
        0.0,
    ),
    Asn(7552, "Viettel Group", "residential", "VN", ("27.72", "116.110", "171.224"), "", 0.0),
    Asn(8151, "UNINET", "residential", "MX", ("187.190", "189.203", "201.141"), "", 0.0),
    Asn(45899, "VNPT Corp", "residential", "VN", ("14.161", "113.185"), "", 0.0),
    Asn(3269, "Telecom Italia S.p.A.", "residential", "IT", ("79.36", "87.11", "93.44"), "", 0.0),
    Asn(17676, "SoftBank Corp.", "residential", "JP", ("126.24", "219.100"), "", 0.0),
    Asn(9121, "Turk Telekom", "residential", "TR", ("78.168", "88.230", "95.10"), "", 0.0),
    Asn(5089, "Virgin Media Limited", "residential", "GB", ("82.4", "86.4", "92.236"), "", 0.0),
    Asn(6830, "Liberty Global B.V.", "residential", "DE", ("46.223", "31.16"), "", 0.0),
    Asn(4788, "TM Net, Internet Service Provider", "residential", "MY", ("115.132", "175.139"), "", 0.0),
    Asn(
        24560, "Bharti Airtel Ltd., Telemedia Services", "residential", "IN", ("122.172", "106.215"), "", 0.0
    ),
    Asn(9829, "National Internet Backbone", "residential", "IN", ("117.207", "59.94"), "", 0.0),
    Asn(17974, "PT Telekomunikasi Indonesia", "residential", "ID", ("36.68", "110.137", "180.244"), "", 0.0),
    Asn(
        3462, "Data Communication Business Group", "residential", "TW", ("1.164", "36.224", "114.44"), "", 0.0
    ),
    Asn(4657, "StarHub Ltd", "residential", "SG", ("58.182", "116.89"), "", 0.0),
    Asn(8452, "TE-AS", "residential", "EG", ("41.45", "156.201"), "", 0.0),
    Asn(5384, "Emirates Telecommunications Group", "residential", "AE", ("94.200", "86.96"), "", 0.0),
    Asn(36935, "Vodafone Egypt", "residential", "EG", ("41.234",), "", 0.0),
    Asn(12322, "Free SAS", "residential", "FR", ("78.192", "82.64", "88.120"), "2a01:0e0a", 0.6),
    # mobile carriers: CGNAT, so a handful of v4 addresses front very many devices
    Asn(21928, "T-Mobile USA, Inc.", "mobile", "US", ("172.56", "172.58"), "2607:fb90", 0.7),
    Asn(
        6167,
        "Cellco Partnership DBA Verizon Wireless",
        "mobile",
        "US",
        ("174.192", "174.205"),
        "2600:1004",
        0.6,
    ),
    Asn(
        55836,
        "Reliance Jio Infocomm Limited",
        "mobile",
        "IN",
        ("49.36", "49.43", "157.38"),
        "2409:4042",
        0.75,
    ),
    Asn(
        45609,
        "Bharti Airtel Ltd. AS for GPRS Service",
        "mobile",
        "IN",
        ("106.192", "106.210"),
        "2401:4900",
        0.5,
    ),
    Asn(23693, "PT. Telekomunikasi Selular", "mobile", "ID", ("114.125", "182.2"), "", 0.0),
    Asn(26615, "TIM S/A", "mobile", "BR", ("177.79", "191.21"), "", 0.0),
    Asn(3209, "Vodafone GmbH", "mobile", "DE", ("109.40", "94.134"), "2a02:3032", 0.4),
    Asn(25135, "Vodafone Limited", "mobile", "GB", ("148.252", "92.40"), "", 0.0),
    Asn(2516, "KDDI CORPORATION", "mobile", "JP", ("106.128", "111.239"), "2001:0268", 0.5),
    Asn(45899, "VNPT Corp", "mobile", "VN", ("113.160",), "", 0.0),
    Asn(9644, "SK Telecom", "mobile", "KR", ("223.38", "223.62"), "", 0.0),
    Asn(132199, "Globe Telecom Inc.", "mobile", "PH", ("110.54", "112.206"), "", 0.0),
    # hosting / cloud
    Asn(
        16509,
        "Amazon.com, Inc.",
        "hosting",
        "US",
        ("3.91", "18.204", "44.192", "52.21", "54.87"),
        "2600:1f18",
        0.2,
    ),
    Asn(14618, "Amazon.com, Inc.", "hosting", "US", ("3.236", "34.230", "52.70")),
    Asn(396982, "Google LLC", "hosting", "US", ("34.16", "34.122", "35.188", "35.230"), "2600:1900", 0.15),
    Asn(8075, "Microsoft Corporation", "hosting", "US", ("20.42", "20.106", "40.76", "52.152"), "", 0.0),
    Asn(
        14061,
        "DigitalOcean, LLC",
        "hosting",
        "US",
        ("159.89", "167.99", "64.227", "143.198"),
        "2604:a880",
        0.2,
    ),
    Asn(
        24940, "Hetzner Online GmbH", "hosting", "DE", ("5.9", "88.99", "95.216", "135.181"), "2a01:04f8", 0.3
    ),
    Asn(16276, "OVH SAS", "hosting", "FR", ("51.68", "54.36", "137.74", "51.195"), "2001:41d0", 0.3),
    Asn(63949, "Akamai Connected Cloud", "hosting", "US", ("45.33", "139.162", "172.105"), "2600:3c00", 0.2),
    Asn(
        20473,
        "The Constant Company, LLC",
        "hosting",
        "US",
        ("45.32", "45.76", "149.28", "207.148"),
        "2001:19f0",
        0.2,
    ),
    Asn(45102, "Alibaba (US) Technology Co., Ltd.", "hosting", "SG", ("47.74", "47.88", "8.219", "161.117")),
    Asn(132203, "Tencent Building, Kejizhongyi Avenue", "hosting", "SG", ("43.134", "43.156", "119.28")),
    Asn(60781, "LeaseWeb Netherlands B.V.", "hosting", "NL", ("37.48", "85.17", "212.32")),
    Asn(51167, "Contabo GmbH", "hosting", "DE", ("62.171", "161.97", "173.212", "207.180")),
    Asn(13335, "Cloudflare, Inc.", "hosting", "US", ("104.28",), "2a06:98c0", 0.5),
    # VPN / proxy: privacy-minded honest users and operators alike
    Asn(9009, "M247 Europe SRL", "vpn", "RO", ("185.156", "146.70", "89.187", "37.120")),
    Asn(60068, "Datacamp Limited", "vpn", "GB", ("138.199", "156.146", "212.102")),
    Asn(147049, "PacketHub S.A.", "vpn", "PA", ("103.108", "185.216")),
    Asn(212238, "Datacamp Limited", "vpn", "GB", ("143.244", "37.19")),
    Asn(62044, "Zscaler, Inc.", "corporate", "US", ("136.226", "165.225", "147.161")),
    Asn(209242, "Cloudflare London, LLC", "proxy", "GB", ("172.71",), "2a09:bac1", 0.6),
    # education and research networks
    Asn(3, "Massachusetts Institute of Technology", "education", "US", ("18.29",)),
    Asn(32, "Stanford University", "education", "US", ("171.64", "171.66")),
    Asn(786, "Jisc Services Limited", "education", "GB", ("128.232", "129.67", "131.111"), "2001:0630", 0.4),
    Asn(
        680,
        "Verein zur Foerderung eines Deutschen Forschungsnetzes e.V.",
        "education",
        "DE",
        ("141.20", "134.2", "129.187"),
        "2001:0638",
        0.4,
    ),
    Asn(
        4538,
        "China Education and Research Network Center",
        "education",
        "CN",
        ("166.111", "202.120", "219.224"),
    ),
    Asn(7575, "Australian Academic and Research Network", "education", "AU", ("130.56", "129.94")),
    Asn(2200, "Renater", "education", "FR", ("193.48", "194.254")),
    Asn(1103, "SURF B.V.", "education", "NL", ("145.18", "131.174")),
    Asn(55824, "NKN Core Network", "education", "IN", ("14.139", "103.27")),
    Asn(17579, "KREONet", "education", "KR", ("134.75", "150.183")),
)

BY_NUMBER: dict[tuple[int, str], Asn] = {(a.asn, a.ip_type): a for a in ASNS}


def asns(ip_type: str, country: str | None = None) -> list[Asn]:
    found = [a for a in ASNS if a.ip_type == ip_type and (country is None or a.country == country)]
    return found or [a for a in ASNS if a.ip_type == ip_type]


def asn(number: int, ip_type: str | None = None) -> Asn:
    for a in ASNS:
        if a.asn == number and (ip_type is None or a.ip_type == ip_type):
            return a
    raise KeyError(number)


def new_ip(world: World, rng: random.Random, a: Asn, *, v6: bool | None = None, slash24: str = "") -> str:
    """A fresh address inside the ASN; `slash24` ("a.b.c") pins it to one /24 the caller owns."""
    use_v6 = bool(a.v6) and (rng.random() < a.v6_share if v6 is None else v6)
    if slash24:
        ip = f"{slash24}.{rng.randrange(2, 254)}"
    elif use_v6:
        groups = ":".join(f"{rng.randrange(65536):x}" for _ in range(6))
        ip = f"{a.v6}:{groups}"
    else:
        ip = f"{rng.choice(a.v4)}.{rng.randrange(0, 256)}.{rng.randrange(1, 255)}"
    world.ip_meta.setdefault(ip, IpMeta(a.asn, a.org, a.ip_type))
    return ip


def new_slash24(rng: random.Random, a: Asn) -> str:
    return f"{rng.choice(a.v4)}.{rng.randrange(0, 256)}"


def register(world: World, ip: str, a: Asn) -> str:
    world.ip_meta.setdefault(ip, IpMeta(a.asn, a.org, a.ip_type))
    return ip


class CgnatPool:
    """Carrier-grade NAT: many subscribers of one carrier surface on a small, shared set of v4 addresses."""

    def __init__(self, world: World, rng: random.Random, a: Asn, size: int) -> None:
        self.asn = a
        self.ips = [new_ip(world, rng, a, v6=False) for _ in range(size)]
        self.world = world

    def pick(self, rng: random.Random) -> str:
        # A few exits carry most of the load, as on real CGNAT gateways.
        i = min(len(self.ips) - 1, int(rng.paretovariate(1.3)) - 1)
        return self.ips[i] if rng.random() < 0.6 else rng.choice(self.ips)


# Countries with rough weights for an international consumer platform; unsupported regions are absent.
COUNTRIES: tuple[tuple[str, float], ...] = (
    ("US", 30),
    ("IN", 10),
    ("GB", 5),
    ("DE", 5),
    ("BR", 5),
    ("FR", 4),
    ("JP", 4),
    ("CA", 3.5),
    ("KR", 3),
    ("ID", 3),
    ("MX", 2.5),
    ("ES", 2.5),
    ("IT", 2),
    ("NL", 2),
    ("AU", 2),
    ("VN", 2),
    ("PH", 2),
    ("TR", 1.5),
    ("TW", 1.5),
    ("SG", 1.2),
    ("MY", 1),
    ("EG", 1),
    ("AE", 1),
)

TZ: dict[str, float] = {
    "US": -6,
    "IN": 5.5,
    "GB": 0,
    "DE": 1,
    "BR": -3,
    "FR": 1,
    "JP": 9,
    "CA": -5,
    "KR": 9,
    "ID": 7,
    "MX": -6,
    "ES": 1,
    "IT": 1,
    "NL": 1,
    "AU": 10,
    "VN": 7,
    "PH": 8,
    "TR": 3,
    "TW": 8,
    "SG": 8,
    "MY": 8,
    "EG": 2,
    "AE": 4,
    "CN": 8,
    "RU": 3,
    "PA": -5,
    "RO": 2,
}

CONSUMER_DOMAINS: tuple[tuple[str, float], ...] = (
    ("gmail.com", 52),
    ("outlook.com", 8),
    ("hotmail.com", 6),
    ("yahoo.com", 5),
    ("icloud.com", 6),
    ("proton.me", 2.5),
    ("protonmail.com", 1),
    ("gmx.de", 1.2),
    ("web.de", 1),
    ("naver.com", 1.2),
    ("yahoo.co.jp", 0.8),
    ("qq.com", 0.6),
    ("163.com", 0.4),
    ("mail.ru", 0.6),
    ("yandex.ru", 0.4),
    ("orange.fr", 0.5),
    ("live.com", 1.5),
    ("hey.com", 0.3),
    ("duck.com", 0.4),
    ("fastmail.com", 0.3),
    ("tutanota.com", 0.2),
    ("aol.com", 0.6),
    ("libero.it", 0.3),
    ("uol.com.br", 0.4),
    ("rediffmail.com", 0.3),
)

# Card BINs: a major-bank debit/credit mix, plus fintech virtual-card and prepaid programmes used by honest
# freelancers as much as by operators.
BANK_BINS: tuple[tuple[str, str], ...] = (
    ("414720", "US"),
    ("426684", "US"),
    ("440066", "US"),
    ("515676", "US"),
    ("542418", "US"),
    ("492181", "GB"),
    ("475129", "GB"),
    ("535522", "DE"),
    ("455673", "DE"),
    ("497040", "FR"),
    ("524374", "IN"),
    ("461796", "IN"),
    ("516292", "BR"),
    ("356600", "JP"),
    ("540926", "KR"),
    ("450875", "CA"),
    ("519151", "AU"),
    ("410039", "ES"),
    ("531421", "NL"),
    ("464018", "SG"),
    ("520082", "MX"),
    ("481588", "IT"),
    ("427533", "TR"),
)
VIRTUAL_BINS: tuple[tuple[str, str], ...] = (
    ("485953", "US"),
    ("559666", "US"),
    ("537100", "GB"),
    ("404038", "LT"),
    ("428837", "SG"),
    ("531993", "HK"),
)
PREPAID_BINS: tuple[tuple[str, str], ...] = (
    ("444796", "US"),
    ("423223", "US"),
    ("516732", "GB"),
    ("489537", "HK"),
)


def bank_bin(rng: random.Random, country: str) -> tuple[str, str]:
    local = [b for b in BANK_BINS if b[1] == country]
    if local and rng.random() < 0.85:
        return rng.choice(local)
    return rng.choice(BANK_BINS)


_BROWSERS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{c}.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{c}.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{s} Safari/605.1.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:{f}.0) Gecko/20100101 Firefox/{f}.0",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{c}.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{c}.0.0.0 Safari/537.36 Edg/{c}.0.0.0",
)
_MOBILE = (
    "OrionChat/{a} (iPhone; iOS {i}; Scale/3.00)",
    "OrionChat/{a} (Android {n}; {d})",
    "Mozilla/5.0 (iPhone; CPU iPhone OS {iu} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{s} Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android {n}; {d}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{c}.0.0.0 Mobile Safari/537.36",
)
_DEVICES = ("SM-S918B", "Pixel 8", "Pixel 7a", "SM-A546E", "M2101K6G", "CPH2581", "22101316I", "moto g54 5G")
_SDKS = (
    "orion-python/{p}",
    "orion-python/{p}",
    "orion-python/{p}",
    "orion-node/{nd}",
    "orion-node/{nd}",
    "python-requests/2.{r}.0",
    "python-httpx/0.{h}.0",
    "curl/8.{cu}.0",
    "Go-http-client/2.0",
    "okhttp/4.12.0",
    "langchain-orion/0.{lc}",
    "axios/1.{ax}.2",
    "llama-index/0.10.{li}",
)


def browser_ua(rng: random.Random) -> str:
    t = rng.choice(_BROWSERS)
    return t.format(
        c=rng.choice((121, 122, 122, 123, 123, 124)),
        s=rng.choice(("17.3", "17.4", "17.4.1")),
        f=rng.choice((122, 123, 124)),
    )


def mobile_ua(rng: random.Random) -> str:
    t = rng.choice(_MOBILE)
    i = rng.choice(("17.3", "17.4", "17.3.1", "16.7"))
    return t.format(
        a=rng.choice(("3.8.1", "3.9.0", "3.9.2", "3.10.0")),
        i=i,
        iu=i.replace(".", "_"),
        n=rng.choice((12, 13, 14, 14)),
        d=rng.choice(_DEVICES),
        s=rng.choice(("17.3", "17.4")),
        c=rng.choice((122, 123, 124)),
    )


def sdk_ua(rng: random.Random) -> str:
    t = rng.choice(_SDKS)
    return t.format(
        p=rng.choice(("1.40.2", "1.41.0", "1.42.1", "1.43.0", "1.44.0")),
        nd=rng.choice(("4.7.0", "4.8.1", "4.9.0")),
        r=rng.choice((28, 31, 31, 32)),
        h=rng.choice((25, 26, 27, 27)),
        cu=rng.choice((4, 5, 6)),
        lc=rng.choice(("1.4", "1.6", "2.1")),
        ax=rng.choice((6, 7)),
        li=rng.choice((30, 36, 41)),
    )
