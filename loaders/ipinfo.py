"""IP canonicalisation and enrichment: one text form per address, and the block it belongs to."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from functools import lru_cache

# Rotating addresses inside one allocation still link through the block: /24 for v4, /48 for v6.
PREFIX_LENGTH = {4: 24, 6: 48}

IP_TYPES = frozenset(
    {"residential", "mobile", "hosting", "vpn", "proxy", "education", "corporate", "unknown"}
)


@dataclass(frozen=True)
class IpInfo:
    address: str
    version: int
    prefix: str


# Links repeat addresses (carrier NAT, offices, proxies): parsing each distinct text once is a large share
# of a link file's Python time. IpInfo is immutable, so cached values are safe to hand out.
@lru_cache(maxsize=1 << 17)
def canonical_ip(value: str) -> IpInfo:
    """Raises ValueError for anything that is not a single v4 or v6 address."""
    addr = ipaddress.ip_address(value.strip())
    # An IPv4-mapped v6 address is the v4 host: same block, same node.
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    net = ipaddress.ip_network(f"{addr}/{PREFIX_LENGTH[addr.version]}", strict=False)
    return IpInfo(address=str(addr), version=addr.version, prefix=str(net))


def try_canonical_ip(value: str) -> IpInfo | None:
    try:
        return canonical_ip(value)
    except ValueError:
        return None
