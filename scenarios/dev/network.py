"""Autonomous systems and a collision-free IP address allocator.

ASN numbers and organisation names are those of real networks (public registry data) so the traffic
looks familiar; the addresses inside them are synthetic. Every allocated address is registered with its
ASN, organisation and ``ip_type`` so ``ip_links.csv`` can describe it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Asn:
    number: int
    org: str
    kind: str  # default ip_type for addresses in this AS
    country: str


def _asns(kind: str, rows: tuple[tuple[int, str, str], ...]) -> tuple[Asn, ...]:
    return tuple(Asn(n, org, kind, cc) for n, org, cc in rows)


RESIDENTIAL = _asns(
    "residential",
    (
        (7922, "COMCAST-7922", "US"),
        (20115, "CHARTER-20115", "US"),
        (7018, "ATT-INTERNET4", "US"),
        (22773, "ASN-CXA-ALL-CCI-22773-RDC", "US"),
        (701, "UUNET", "US"),
        (2856, "BT-UK-AS BTnet UK Regional network", "GB"),
        (5089, "NTL Virgin Media Limited", "GB"),
        (3320, "DTAG Internet service provider operations", "DE"),
        (3209, "VODANET International IP-Backbone of Vodafone", "DE"),
        (3215, "Orange S.A.", "FR"),
        (12322, "PROXAD Free SAS", "FR"),
        (24560, "AIRTELBROADBAND-AS-AP Bharti Airtel Ltd.", "IN"),
        (28573, "Claro NXT Telecomunicacoes Ltda", "BR"),
        (18881, "TELEFONICA BRASIL S.A", "BR"),
        (2516, "KDDI KDDI CORPORATION", "JP"),
        (4713, "OCN NTT Communications Corporation", "JP"),
        (812, "ROGERS-COMMUNICATIONS", "CA"),
        (577, "BACOM", "CA"),
        (3352, "TELEFONICA_DE_ESPANA", "ES"),
        (3269, "ASN-IBSNAZ", "IT"),
        (1136, "KPN KPN National", "NL"),
        (5617, "TPNET", "PL"),
        (4766, "KIXS-AS-KR Korea Telecom", "KR"),
        (1221, "ASN-TELSTRA Telstra Limited", "AU"),
        (8151, "UNINET", "MX"),
        (7713, "TELKOMNET-AS-AP PT Telekomunikasi Indonesia", "ID"),
        (9506, "SINGTEL-FIBRE Singtel Fibre Broadband", "SG"),
        (9121, "TTNET", "TR"),
        (7552, "VIETEL-AS-AP Viettel Group", "VN"),
        (4760, "HKTIMS-AP HKT Limited", "HK"),
    ),
)

MOBILE = _asns(
    "mobile",
    (
        (21928, "T-MOBILE-AS21928", "US"),
        (22394, "CELLCO", "US"),
        (12576, "EE-AS", "GB"),
        (6805, "TDDE-ASN1", "DE"),
        (55836, "RELIANCEJIO-IN Reliance Jio Infocomm Limited", "IN"),
        (45609, "BHARTI-MOBILITY-AS-AP", "IN"),
        (26615, "TIM SA", "BR"),
        (51207, "FREEM", "FR"),
        (9605, "DOCOMO NTT DOCOMO, INC.", "JP"),
        (23693, "TELKOMSEL-ASN-ID", "ID"),
    ),
)

HOSTING_BIG = _asns(
    "hosting",
    (
        (16509, "AMAZON-02", "US"),
        (14618, "AMAZON-AES", "US"),
        (396982, "GOOGLE-CLOUD-PLATFORM", "US"),
        (8075, "MICROSOFT-CORP-MSN-AS-BLOCK", "US"),
        (14061, "DIGITALOCEAN-ASN", "US"),
        (24940, "HETZNER-AS", "DE"),
        (16276, "OVH", "FR"),
        (63949, "AKAMAI-LINODE-AP", "US"),
    ),
)

#: Smaller hosters, the kind cheap fleets and proxy resellers rent from.
HOSTING_SMALL = _asns(
    "hosting",
    (
        (20473, "AS-CHOOPA", "US"),
        (51167, "CONTABO", "DE"),
        (45102, "ALIBABA-CN-NET Alibaba US Technology Co., Ltd.", "SG"),
        (132203, "TENCENT-NET-AP-CN Tencent Building, Kejizhongyi Avenue", "HK"),
        (136907, "HWCLOUDS-AS-AP HUAWEI CLOUDS", "HK"),
        (49981, "WORLDSTREAM", "NL"),
        (8100, "ASN-QUADRANET-GLOBAL", "US"),
        (40676, "AS40676 Psychz Networks", "US"),
        (62240, "CLOUVIDER", "GB"),
        (35916, "MULTA-ASN1", "US"),
    ),
)

VPN = _asns(
    "vpn",
    (
        (9009, "M247 Europe SRL", "RO"),
        (60068, "CDN77 Datacamp Limited", "GB"),
        (212238, "CDNEXT Datacamp Limited", "GB"),
        (136787, "TEFINCOMHOST Packethub S.A.", "PA"),
        (39351, "ESAB-AS 31173 Services AB", "SE"),
    ),
)

EDUCATION = _asns(
    "education",
    (
        (3, "MIT-GATEWAYS", "US"),
        (25, "UCB University of California at Berkeley", "US"),
        (32, "STANFORD", "US"),
        (59, "WISC-MADISON-AS", "US"),
        (786, "JANET Jisc Services Limited", "GB"),
        (680, "DFN Verein zur Foerderung eines Deutschen Forschungsnetzes e.V.", "DE"),
        (2200, "FR-RENATER Reseau National de telecommunications", "FR"),
        (7377, "UCSD", "US"),
    ),
)

BUSINESS = _asns(
    "corporate",
    (
        (174, "COGENT-174", "US"),
        (3356, "LEVEL3", "US"),
        (6461, "ZAYO-6461", "US"),
        (1299, "TWELVE99 Arelion", "SE"),
        (3257, "GTT-BACKBONE GTT Communications Inc.", "DE"),
        (6830, "LGI-UPC Liberty Global B.V.", "NL"),
    ),
)

_FIRST_OCTETS = tuple(a for a in range(11, 224) if a not in (100, 127, 169, 172, 192, 198, 203))


class Network:
    """Hands out unique addresses per ASN and remembers (asn, org, ip_type) for each."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self.meta: dict[str, tuple[int, str, str]] = {}
        self._blocks16: dict[int, list[tuple[int, int]]] = {}
        self._taken16: set[tuple[int, int]] = set()
        self._v6: dict[int, str] = {}
        self._reserved24: set[tuple[int, int, int]] = set()

    def _slash16(self, asn: Asn) -> list[tuple[int, int]]:
        blocks = self._blocks16.get(asn.number)
        if blocks is None:
            blocks = []
            while len(blocks) < 6:
                cand = (self._rng.choice(_FIRST_OCTETS), self._rng.randrange(256))
                if cand not in self._taken16:
                    self._taken16.add(cand)
                    blocks.append(cand)
            self._blocks16[asn.number] = blocks
        return blocks

    def register(self, ip: str, asn: Asn, kind: str | None = None) -> str:
        self.meta[ip] = (asn.number, asn.org, kind or asn.kind)
        return ip

    def ip(self, asn: Asn, kind: str | None = None, v6: bool = False) -> str:
        """A fresh address inside ``asn`` that nobody else has been given."""
        rng = self._rng
        if v6:
            prefix = self._v6.get(asn.number)
            if prefix is None:
                # Eight groups of at most four hex digits: 2xxx:xxxx:xxxx (the /48) then five more.
                head = f"2{rng.choice('0468ac')}{rng.randrange(256):02x}"
                prefix = f"{head}:{rng.randrange(1, 65536):x}:{rng.randrange(65536):x}"
                self._v6[asn.number] = prefix
            while True:
                cand = (
                    f"{prefix}:{rng.randrange(65536):x}:{rng.randrange(65536):x}:"
                    f"{rng.randrange(65536):x}:{rng.randrange(65536):x}:{rng.randrange(1, 65536):x}"
                )
                if cand not in self.meta:
                    return self.register(cand, asn, kind)
        blocks = self._slash16(asn)
        while True:
            a, b = blocks[rng.randrange(len(blocks))]
            c = rng.randrange(256)
            if (a, b, c) in self._reserved24:
                continue
            cand = f"{a}.{b}.{c}.{rng.randint(1, 254)}"
            if cand not in self.meta:
                return self.register(cand, asn, kind)

    def block(self, asn: Asn) -> str:
        """Reserve a whole /24 inside ``asn`` (returned as ``a.b.c``); ``ip`` never allocates in it."""
        blocks = self._slash16(asn)
        while True:
            a, b = blocks[self._rng.randrange(len(blocks))]
            c = self._rng.randrange(256)
            if (a, b, c) not in self._reserved24:
                self._reserved24.add((a, b, c))
                return f"{a}.{b}.{c}"

    def block_ips(self, asn: Asn, count: int, kind: str | None = None) -> list[str]:
        """``count`` distinct addresses in one freshly reserved /24."""
        prefix = self.block(asn)
        hosts = sorted(self._rng.sample(range(2, 254), count))
        return [self.register(f"{prefix}.{h}", asn, kind) for h in hosts]

    def residential_pool(
        self, size: int, countries: tuple[str, ...] | None = None, v6_share: float = 0.1
    ) -> list[str]:
        """Addresses of home connections, as rented out by residential proxy services."""
        asns = [a for a in RESIDENTIAL if countries is None or a.country in countries] or list(RESIDENTIAL)
        return [self.ip(self._rng.choice(asns), v6=self._rng.random() < v6_share) for _ in range(size)]


def asn_for(country: str, table: tuple[Asn, ...], rng: random.Random) -> Asn:
    """An AS of ``table`` in ``country`` (any of the table when the country has none)."""
    local = [a for a in table if a.country == country]
    return rng.choice(local or list(table))
