"""Field-level parsing shared by the row models: timestamps, ASNs, card-number detection, hashing."""

from __future__ import annotations

import hashlib
import hmac
import re
from datetime import UTC, datetime

_EPOCH = re.compile(r"^-?\d+(\.\d+)?$")
_CARD_CHARS = re.compile(r"^[0-9][0-9 \-]*[0-9]$")
_ASN = re.compile(r"^(?:AS)?\s*(\d{1,10})$", re.IGNORECASE)


def parse_timestamp(value: str) -> datetime:
    """ISO 8601 (UTC when no offset) or epoch seconds, as an aware UTC datetime."""
    text = value.strip()
    if _EPOCH.match(text):
        return datetime.fromtimestamp(float(text), tz=UTC)
    # DuckDB renders time zones as `+00`; fromisoformat wants `+00:00` only for minutes, which it accepts.
    dt = datetime.fromisoformat(text.replace(" ", "T", 1) if "T" not in text else text)
    if dt.tzinfo is None:
        return dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC)


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def looks_like_card_number(value: str) -> bool:
    """13-19 digits (spaces and dashes allowed between them) passing the Luhn check: a raw PAN."""
    text = value.strip()
    if not _CARD_CHARS.match(text):
        return False
    digits = text.replace(" ", "").replace("-", "")
    return 13 <= len(digits) <= 19 and luhn_ok(digits)


def parse_asn(value: str) -> int:
    m = _ASN.match(value.strip())
    if m is None:
        raise ValueError("not an AS number (expected 64500 or AS64500)")
    asn = int(m.group(1))
    if asn > 4_294_967_295:
        raise ValueError("AS number out of range")
    return asn


def instrument_key(token: str, key: bytes) -> str:
    """The only form of a payment instrument the graph ever holds (data model: HMAC-SHA256, hex)."""
    return hmac.new(key, token.strip().encode("utf-8"), hashlib.sha256).hexdigest()
