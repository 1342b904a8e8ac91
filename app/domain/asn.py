"""Autonomous system numbers: stored as integers, written as `64500` or `AS64500` in the inputs."""

from __future__ import annotations

import re
from typing import Final

ASN_MAX: Final = 4_294_967_295  # 32-bit AS numbers (RFC 6793)
_ASN = re.compile(r"^(?:AS)?\s*(\d{1,10})$", re.IGNORECASE)


def parse_asn(value: str) -> int:
    m = _ASN.match(value.strip())
    if m is None:
        raise ValueError("not an AS number (expected 64500 or AS64500)")
    asn = int(m.group(1))
    if asn > ASN_MAX:
        raise ValueError("AS number out of range")
    return asn
