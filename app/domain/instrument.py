"""Payment instruments: the graph holds only a keyed hash of the provider's token, never the token."""

from __future__ import annotations

import hashlib
import hmac
import re

_CARD_CHARS = re.compile(r"^[0-9][0-9 \-]*[0-9]$")
RAW_CARD_REASON = "looks like a raw card number (13-19 digits passing Luhn); tokens only"


def normalise_token(token: str) -> str:
    """Exports pad tokens and analysts paste them with stray spaces; the hash must not see either."""
    return token.strip()


def instrument_key(token: str, key: bytes) -> str:
    """The only form of a payment instrument the graph ever holds (data model: HMAC-SHA256, hex).

    `key` is the deployment's secret (settings), so the same token gives the same key in every process
    of one deployment and an unrelated one elsewhere.
    """
    return hmac.new(key, normalise_token(token).encode("utf-8"), hashlib.sha256).hexdigest()


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


def check_token(token: str) -> str:
    """The normalised token; ValueError (never quoting it) when it is a raw card number."""
    if looks_like_card_number(token):
        raise ValueError(RAW_CARD_REASON)
    return normalise_token(token)
