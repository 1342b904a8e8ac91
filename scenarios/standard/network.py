"""The IP address table: who owns each address (ASN), what kind of network it is, and unique allocation.

Each network owns a private slice of IPv4 space. Scattered addresses (homes, proxies) come from a
multiplicative permutation of the lower half of that slice, so they never repeat and spread over many
/24s; whole /24 blocks (hosting racks, NAT pools) come from the upper half.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from scenarios.standard.catalog import Network

# First octets used for simulated networks (public unicast space).
_FIRST_OCTETS = (23, 31, 37, 45, 51, 62, 66, 77, 81, 85, 89, 91, 94, 103, 109, 141, 146, 151, 161, 176, 178,
                 185, 188, 193, 194, 195, 203, 212, 213, 217)  # fmt: skip
_SLICE_BITS = 22  # 64 /16s per network
_HALF = 1 << (_SLICE_BITS - 1)
_HOSTS = (_HALF // 256) * 254  # usable scattered hosts: .1 to .254 of each /24 in the lower half
_MULT = 1_000_003  # a prime not dividing _HOSTS, so k -> k*_MULT mod _HOSTS is a bijection
_V6_HOSTS = 0xFFFF * 0xFFFF  # interface ids with two non-zero low groups; 2654435761 is coprime to it


@dataclass
class _NetState:
    base: int
    scattered: int = 0
    blocks: int = 0
    v6_prefixes: int = 0


@dataclass
class IpTable:
    addresses: list[str] = field(default_factory=list)
    asn: list[int] = field(default_factory=list)
    asn_org: list[str] = field(default_factory=list)
    ip_type: list[str] = field(default_factory=list)
    _nets: dict[int, _NetState] = field(default_factory=dict)

    def _state(self, net: Network) -> _NetState:
        if net.asn not in self._nets:
            i = len(self._nets)
            first = _FIRST_OCTETS[i % len(_FIRST_OCTETS)]
            second = (i // len(_FIRST_OCTETS)) * 64
            self._nets[net.asn] = _NetState(base=(first << 24) | (second << 16))
        return self._nets[net.asn]

    def _append(self, texts: list[str], net: Network, ip_type: str | None) -> npt.NDArray[np.int32]:
        start = len(self.addresses)
        self.addresses.extend(texts)
        self.asn.extend([net.asn] * len(texts))
        self.asn_org.extend([net.org] * len(texts))
        self.ip_type.extend([ip_type or net.ip_type] * len(texts))
        return np.arange(start, len(self.addresses), dtype=np.int32)

    def scattered_v4(self, net: Network, count: int, ip_type: str | None = None) -> npt.NDArray[np.int32]:
        """`count` distinct addresses spread over the network's space (one per home, proxy exit...)."""
        st = self._state(net)
        k = np.arange(st.scattered, st.scattered + count, dtype=np.int64)
        st.scattered += count
        if st.scattered > _HOSTS:
            raise ValueError(f"network {net.asn} ran out of simulated address space")
        j = (k * _MULT) % _HOSTS
        offsets = (j // 254) * 256 + 1 + j % 254
        return self._append(_dotted(st.base + offsets), net, ip_type)

    def block_v4(self, net: Network, count: int, ip_type: str | None = None) -> npt.NDArray[np.int32]:
        """`count` consecutive addresses in fresh /24 blocks of the network (a rack, a NAT pool)."""
        st = self._state(net)
        blocks = max(1, -(-count // 250))
        first = st.blocks
        st.blocks += blocks
        if st.blocks * 256 > _HALF:
            raise ValueError(f"network {net.asn} ran out of /24 blocks")
        k = np.arange(count, dtype=np.int64)
        offsets = _HALF + (first + k // 250) * 256 + 2 + k % 250
        return self._append(_dotted(st.base + offsets), net, ip_type)

    def v6(
        self, net: Network, prefixes: int, per_prefix: int, rng: np.random.Generator
    ) -> npt.NDArray[np.int32]:
        """`per_prefix` addresses in each of `prefixes` fresh /48s of the network."""
        st = self._state(net)
        net_no = list(self._nets).index(net.asn)
        prefix = np.repeat(np.arange(st.v6_prefixes + 1, st.v6_prefixes + prefixes + 1), per_prefix)
        # A multiplier coprime to the range is a bijection: distinct, scattered interface ids per prefix,
        # with both low groups non-zero so the text below is already the canonical (RFC 5952) form.
        k = np.tile(np.arange(per_prefix, dtype=np.int64), prefixes)
        host = (k * 2_654_435_761 + 0x5BD1E995) % _V6_HOSTS
        hi, lo = 1 + host // 0xFFFF, 1 + host % 0xFFFF
        subnet = rng.integers(1, 1 << 16, prefixes * per_prefix)
        st.v6_prefixes += prefixes
        head = f"2a0{net_no % 10:x}:{0x1000 + net_no:x}"
        texts = [
            f"{head}:{p:x}:{s:x}::{h:x}:{low:x}"
            for p, s, h, low in zip(prefix.tolist(), subnet.tolist(), hi.tolist(), lo.tolist(), strict=True)
        ]
        return self._append(texts, net, None)


def _dotted(values: npt.NDArray[np.int64]) -> list[str]:
    v = values.tolist()
    return [f"{x >> 24}.{(x >> 16) & 255}.{(x >> 8) & 255}.{x & 255}" for x in v]
