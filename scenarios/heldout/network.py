"""Autonomous systems and IP addresses of the simulated internet.

Each ASN owns a few /16 blocks (IPv4) and one /32 (IPv6) that never overlap; the prefixes do not depend on
the seed, as real address space does not change between runs. Every address handed out is registered with
its ASN and IP type, which the writer uses to fill `ip_links`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Asn:
    number: int
    org: str
    ip_type: str
    country: str
    blocks: int = 1
    v6: bool = False


ASNS: tuple[Asn, ...] = (
    # residential broadband
    Asn(7922, "Comcast Cable Communications, LLC", "residential", "US", 6, True),
    Asn(701, "Verizon Business", "residential", "US", 3),
    Asn(20115, "Charter Communications", "residential", "US", 4, True),
    Asn(7018, "AT&T Services, Inc.", "residential", "US", 4, True),
    Asn(22773, "Cox Communications Inc.", "residential", "US", 2),
    Asn(812, "Rogers Communications Canada Inc.", "residential", "CA", 2),
    Asn(577, "Bell Canada", "residential", "CA", 2),
    Asn(2856, "British Telecommunications PLC", "residential", "GB", 3, True),
    Asn(5089, "Virgin Media Limited", "residential", "GB", 2),
    Asn(3320, "Deutsche Telekom AG", "residential", "DE", 3, True),
    Asn(3209, "Vodafone GmbH", "residential", "DE", 2),
    Asn(3215, "Orange S.A.", "residential", "FR", 2),
    Asn(12322, "Free SAS", "residential", "FR", 2, True),
    Asn(3352, "Telefonica de Espana S.A.U.", "residential", "ES", 2),
    Asn(3269, "Telecom Italia S.p.A.", "residential", "IT", 2),
    Asn(1136, "KPN B.V.", "residential", "NL", 1),
    Asn(5617, "Orange Polska Spolka Akcyjna", "residential", "PL", 1),
    Asn(3301, "Telia Company AB", "residential", "SE", 1),
    Asn(24560, "Bharti Airtel Ltd., Telemedia Services", "residential", "IN", 3),
    Asn(9829, "National Internet Backbone", "residential", "IN", 2),
    Asn(28573, "Claro NXT Telecomunicacoes Ltda", "residential", "BR", 3),
    Asn(18881, "TELEFONICA BRASIL S.A", "residential", "BR", 2),
    Asn(8151, "UNINET", "residential", "MX", 2),
    Asn(7303, "Telecom Argentina S.A.", "residential", "AR", 1),
    Asn(1221, "Telstra Limited", "residential", "AU", 2),
    Asn(4713, "NTT Communications Corporation", "residential", "JP", 2, True),
    Asn(2516, "KDDI CORPORATION", "residential", "JP", 2),
    Asn(4766, "Korea Telecom", "residential", "KR", 2),
    Asn(7713, "PT Telekomunikasi Indonesia", "residential", "ID", 2),
    Asn(9299, "Philippine Long Distance Telephone Company", "residential", "PH", 2),
    Asn(45899, "VNPT Corp", "residential", "VN", 2),
    Asn(9121, "Turk Telekomunikasyon Anonim Sirketi", "residential", "TR", 2),
    Asn(15895, "Kyivstar PJSC", "residential", "UA", 1),
    Asn(8452, "TE Data", "residential", "EG", 1),
    Asn(17557, "Pakistan Telecommunication Company Limited", "residential", "PK", 1),
    Asn(37457, "Telkom SA Ltd.", "residential", "ZA", 1),
    Asn(36866, "Jamii Telecommunications Limited", "residential", "KE", 1),
    Asn(37282, "MAINONE CABLE COMPANY", "residential", "NG", 1),
    Asn(9506, "Singtel Fibre Broadband", "residential", "SG", 1),
    Asn(4788, "TM TECHNOLOGY SERVICES SDN. BHD.", "residential", "MY", 1),
    # mobile carriers (CGNAT)
    Asn(21928, "T-Mobile USA, Inc.", "mobile", "US", 4, True),
    Asn(20057, "AT&T Mobility LLC", "mobile", "US", 2, True),
    Asn(6167, "Cellco Partnership DBA Verizon Wireless", "mobile", "US", 2),
    Asn(852, "TELUS Communications Inc.", "mobile", "CA", 1),
    Asn(25135, "Vodafone Limited", "mobile", "GB", 1),
    Asn(6805, "Telefonica Germany GmbH & Co.OHG", "mobile", "DE", 1),
    Asn(51207, "Free Mobile SAS", "mobile", "FR", 1),
    Asn(12430, "VODAFONE ESPANA S.A.U.", "mobile", "ES", 1),
    Asn(30722, "Vodafone Italia S.p.A.", "mobile", "IT", 1),
    Asn(33915, "Vodafone Libertel B.V.", "mobile", "NL", 1),
    Asn(12912, "T-Mobile Polska S.A.", "mobile", "PL", 1),
    Asn(1257, "Tele2 Sverige AB", "mobile", "SE", 1),
    Asn(45609, "Bharti Airtel Ltd. AS for GPRS Service", "mobile", "IN", 2),
    Asn(55836, "Reliance Jio Infocomm Limited", "mobile", "IN", 4, True),
    Asn(26599, "TELEFONICA BRASIL S.A", "mobile", "BR", 1),
    Asn(28403, "RadioMovil Dipsa, S.A. de C.V.", "mobile", "MX", 1),
    Asn(22927, "Telefonica de Argentina", "mobile", "AR", 1),
    Asn(4804, "Microplex PTY LTD", "mobile", "AU", 1),
    Asn(9605, "NTT DOCOMO, INC.", "mobile", "JP", 1),
    Asn(9644, "SK Telecom", "mobile", "KR", 1),
    Asn(23693, "PT. Telekomunikasi Selular", "mobile", "ID", 2),
    Asn(4761, "INDOSAT Internet Network Provider", "mobile", "ID", 1),
    Asn(24203, "PT XL Axiata", "mobile", "ID", 1),
    Asn(132199, "Globe Telecom Inc.", "mobile", "PH", 1),
    Asn(7552, "Viettel Group", "mobile", "VN", 1),
    Asn(16135, "Turkcell A.S.", "mobile", "TR", 1),
    Asn(21497, "PrJSC VF UKRAINE", "mobile", "UA", 1),
    Asn(36935, "Vodafone Egypt", "mobile", "EG", 1),
    Asn(45669, "Mobilink-PK", "mobile", "PK", 1),
    Asn(36994, "Vodacom", "mobile", "ZA", 1),
    Asn(33771, "Safaricom Limited", "mobile", "KE", 1),
    Asn(29465, "MTN NIGERIA Communication limited", "mobile", "NG", 1),
    Asn(4773, "MobileOne Ltd.", "mobile", "SG", 1),
    Asn(4818, "DiGi Telecommunications Sdn. Bhd.", "mobile", "MY", 1),
    # hosting / cloud
    Asn(16509, "Amazon.com, Inc.", "hosting", "US", 6),
    Asn(14618, "Amazon.com, Inc.", "hosting", "US", 2),
    Asn(396982, "Google LLC", "hosting", "US", 4),
    Asn(8075, "Microsoft Corporation", "hosting", "US", 6),
    Asn(14061, "DigitalOcean, LLC", "hosting", "US", 3),
    Asn(24940, "Hetzner Online GmbH", "hosting", "DE", 3),
    Asn(16276, "OVH SAS", "hosting", "FR", 3),
    Asn(63949, "Akamai Connected Cloud", "hosting", "US", 2),
    Asn(20473, "The Constant Company, LLC", "hosting", "US", 2),
    Asn(51167, "Contabo GmbH", "hosting", "DE", 2),
    Asn(45102, "Alibaba (US) Technology Co., Ltd.", "hosting", "SG", 2),
    Asn(132203, "Tencent Building, Kejizhongyi Avenue", "hosting", "SG", 2),
    Asn(44477, "STARK INDUSTRIES SOLUTIONS LTD", "hosting", "GB", 1),
    Asn(210644, "AEZA INTERNATIONAL LTD", "hosting", "GB", 1),
    Asn(49981, "WorldStream B.V.", "hosting", "NL", 1),
    Asn(202425, "IP Volume inc", "hosting", "NL", 1),
    Asn(53813, "Zscaler, Inc.", "hosting", "US", 2),
    Asn(62044, "Zscaler Switzerland GmbH", "hosting", "CH", 1),
    # commercial VPN exits
    Asn(9009, "M247 Europe SRL", "vpn", "RO", 3),
    Asn(212238, "Datacamp Limited", "vpn", "GB", 3),
    Asn(147049, "PacketHub S.A.", "vpn", "PA", 1),
    Asn(136787, "TEFINCOM S.A.", "vpn", "PA", 2),
    Asn(39351, "31173 Services AB", "vpn", "SE", 1),
    # research and education networks
    Asn(786, "Jisc Services Limited", "education", "GB", 2),
    Asn(680, "Verein zur Foerderung eines Deutschen Forschungsnetzes e.V.", "education", "DE", 2),
    Asn(11537, "University Corporation for Advanced Internet Development", "education", "US", 3),
    Asn(2200, "Renater", "education", "FR", 1),
    Asn(1916, "Associacao Rede Nacional de Ensino e Pesquisa", "education", "BR", 1),
    Asn(
        2907,
        "Research Organization of Information and Systems, National Institute of Informatics",
        "education",
        "JP",
        1,
    ),
    Asn(7575, "Australian Academic and Research Network", "education", "AU", 1),
    Asn(55824, "NKN Core Network", "education", "IN", 1),
    # business transit (corporate egress)
    Asn(3356, "Level 3 Parent, LLC", "corporate", "US", 3),
    Asn(174, "Cogent Communications", "corporate", "US", 2),
    Asn(6939, "Hurricane Electric LLC", "corporate", "US", 1),
    Asn(1299, "Arelion Sweden AB", "corporate", "SE", 1),
    Asn(3257, "GTT Communications Inc.", "corporate", "US", 1),
    Asn(8220, "COLT Technology Services Group Limited", "corporate", "GB", 1),
    Asn(9498, "BHARTI Airtel Ltd.", "corporate", "IN", 1),
)

_PUBLIC_FIRST_OCTETS = (
    *range(23, 26),
    *range(31, 32),
    *range(37, 39),
    *range(41, 43),
    *range(45, 47),
    *range(49, 51),
    *range(62, 100),
    *range(101, 127),
    *range(128, 169),
    *range(170, 172),
    *range(173, 192),
    *range(193, 198),
    *range(199, 223),
)


class Network:
    """Allocates addresses and remembers (asn, org, ip_type) for each one handed out."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        layout = random.Random(20260302)
        pool = [(a, b) for a in _PUBLIC_FIRST_OCTETS for b in range(256)]
        layout.shuffle(pool)
        self.by_number: dict[int, Asn] = {}
        self._blocks: dict[int, list[str]] = {}
        self._v6: dict[int, str] = {}
        taken_v6: set[str] = set()
        cursor = 0
        for asn in ASNS:
            self.by_number[asn.number] = asn
            self._blocks[asn.number] = [f"{a}.{b}" for a, b in pool[cursor : cursor + asn.blocks]]
            cursor += asn.blocks
            while True:
                head = f"2{layout.choice('4a6c')}{layout.randrange(0x10, 0xFF):02x}"
                prefix = f"{head}:{layout.randrange(0x1000, 0xFFFF):x}"
                if prefix not in taken_v6:
                    taken_v6.add(prefix)
                    self._v6[asn.number] = prefix
                    break
        self.registry: dict[str, tuple[int, str, str]] = {}
        self._used24: set[str] = set()
        self._pools: dict[tuple[int, str], list[str]] = {}
        self._by_type: dict[tuple[str, str], list[Asn]] = {}

    # --- lookup -------------------------------------------------------------------------------------------
    def of_type(self, ip_type: str, country: str | None = None) -> list[Asn]:
        key = (ip_type, country or "")
        found = self._by_type.get(key)
        if found is None:
            found = [a for a in ASNS if a.ip_type == ip_type and (country is None or a.country == country)]
            if not found and country is not None:
                found = self.of_type(ip_type)
            self._by_type[key] = found
        return found

    def pick(self, rng: random.Random, ip_type: str, country: str | None = None) -> Asn:
        options = self.of_type(ip_type, country)
        if len(options) == 1:
            return options[0]
        return rng.choices(options, [a.blocks for a in options])[0]

    # --- allocation ---------------------------------------------------------------------------------------
    def register(self, ip: str, asn: Asn, ip_type: str | None = None) -> str:
        if ip not in self.registry:
            self.registry[ip] = (asn.number, asn.org, ip_type or asn.ip_type)
        return ip

    def fresh_v4(self, rng: random.Random, asn: Asn, ip_type: str | None = None) -> str:
        blocks = self._blocks[asn.number]
        while True:
            ip = f"{rng.choice(blocks)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"
            if ip not in self.registry:
                return self.register(ip, asn, ip_type)

    def fresh_v6(self, rng: random.Random, asn: Asn, ip_type: str | None = None) -> str:
        prefix = self._v6[asn.number]
        while True:
            ip = (
                f"{prefix}:{rng.randrange(0x10000):x}:{rng.randrange(0x10000):x}::"
                f"{rng.randrange(1, 0x10000):x}"
            )
            if ip not in self.registry:
                return self.register(ip, asn, ip_type)

    def fresh(self, rng: random.Random, asn: Asn, ip_type: str | None = None, v6_share: float = 0.3) -> str:
        if asn.v6 and rng.random() < v6_share:
            return self.fresh_v6(rng, asn, ip_type)
        return self.fresh_v4(rng, asn, ip_type)

    def block24(self, rng: random.Random, asn: Asn) -> str:
        """Reserve an unused /24 ("a.b.c") inside the ASN."""
        blocks = self._blocks[asn.number]
        while True:
            prefix = f"{rng.choice(blocks)}.{rng.randrange(256)}"
            if prefix not in self._used24:
                self._used24.add(prefix)
                return prefix

    def in_block(self, prefix: str, host: int, asn: Asn, ip_type: str | None = None) -> str:
        return self.register(f"{prefix}.{host}", asn, ip_type)

    def shared_pool(self, asn: Asn, size: int, kind: str = "cgnat") -> list[str]:
        """A fixed pool of public addresses shared by many subscribers (carrier NAT, VPN exits, runners)."""
        key = (asn.number, kind)
        pool = self._pools.get(key)
        if pool is None:
            pool_rng = random.Random(f"pool:{asn.number}:{kind}")
            pool = [self.fresh_v4(pool_rng, asn) for _ in range(max(1, size))]
            self._pools[key] = pool
        return pool
