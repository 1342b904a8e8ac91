"""IP addresses: one canonical text per address, and the block (prefix) it belongs to."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

# Rotating addresses inside one allocation still link through the block: /24 for v4, /48 for v6.
PREFIX_LENGTH: Final = {4: 24, 6: 48}

_OCTET = r"(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
# Exactly the dotted quads `ipaddress` accepts (decimal, no leading zeros, each at most 255); such a text
# is already its own canonical form. Also read by RE2 (the bulk load's SQL), so ASCII classes only.
DOTTED_QUAD: Final = rf"{_OCTET}\.{_OCTET}\.{_OCTET}\.{_OCTET}"
_DOTTED_QUAD = re.compile(DOTTED_QUAD, re.ASCII)
INVALID_IP_REASON: Final = "not a valid IPv4 or IPv6 address"


@dataclass(frozen=True)
class IpInfo:
    address: str
    version: int
    prefix: str


# Links repeat addresses (carrier NAT, offices, proxies): parsing each distinct text once is a large share
# of a link file's Python time. IpInfo is immutable, so cached values are safe to hand out.
@lru_cache(maxsize=1 << 17)
def canonical_ip(value: str) -> IpInfo:
    """Raises ValueError (not quoting the value) for anything that is not a single v4 or v6 address.

    v6 comes out compressed and lower-case; an IPv4-mapped v6 address (`::ffff:192.0.2.1`) is the v4
    host it carries, in dotted form, because that is the client the traffic came from.
    """
    text = value.strip()
    quad = _DOTTED_QUAD.fullmatch(text)
    if quad is not None:
        # Most addresses: a million links hold hundreds of thousands of distinct ones, more than the cache
        # keeps, and `ipaddress` spends ~35 µs on each where the pattern takes ~1.
        a, b, c, _ = quad.groups()
        return IpInfo(address=text, version=4, prefix=f"{a}.{b}.{c}.0/24")
    try:
        addr = ipaddress.ip_address(text)
    except ValueError:
        raise ValueError(INVALID_IP_REASON) from None
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    # The block's first address by masking the integer: what ip_network(strict=False) gives, without
    # parsing the text a second time (the slowest step for v6).
    host_bits = addr.max_prefixlen - PREFIX_LENGTH[addr.version]
    first = type(addr)(int(addr) >> host_bits << host_bits)
    return IpInfo(address=str(addr), version=addr.version, prefix=f"{first}/{PREFIX_LENGTH[addr.version]}")


def try_canonical_ip(value: str) -> IpInfo | None:
    try:
        return canonical_ip(value)
    except ValueError:
        return None
