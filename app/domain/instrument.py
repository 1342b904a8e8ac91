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


CARD_REDACTED = "[CARD]"
# A run of digits, single spaces or dashes between them: every place a card number could sit in free text.
_DIGIT_RUN = re.compile(r"[0-9](?:[ \-]?[0-9])*")
# Past this many digits a run is redacted whole: checking every window of a huge run would cost more than
# it is worth, and no legitimate identifier in a request is that long a number.
_LONGEST_CHECKED_RUN = 64


def _card_spans(run: str) -> list[tuple[int, int]]:
    positions = [i for i, ch in enumerate(run) if ch.isdigit()]
    if len(positions) < 13:
        return []
    if len(positions) > _LONGEST_CHECKED_RUN:
        return [(0, len(run))]
    digits = "".join(run[i] for i in positions)
    spans = []
    # Every window, not only the whole run: "1 4111 1111 1111 1111" hides a card behind one more digit.
    for start in range(len(digits) - 12):
        for length in range(13, min(19, len(digits) - start) + 1):
            if luhn_ok(digits[start : start + length]):
                spans.append((positions[start], positions[start + length - 1] + 1))
    return spans


def redact_card_numbers(text: str) -> str:
    """`text` with anything that could be a raw card number (13-19 digits passing Luhn, wherever they
    sit, spaces or dashes between them) replaced by `[CARD]`. Errs towards redacting: a run of 13 or more
    digits with any Luhn-valid stretch of 13-19 of them is hidden, which is most long numbers; numbers
    that long are rare in an analyst's request, and hiding one costs an audit reader little."""
    if not any(ch.isdigit() for ch in text):
        return text
    out: list[str] = []
    last = 0
    for match in _DIGIT_RUN.finditer(text):
        spans = _card_spans(match.group())
        if not spans:
            continue
        lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
        out.append(text[last : match.start() + lo])
        out.append(CARD_REDACTED)
        last = match.start() + hi
    out.append(text[last:])
    return "".join(out)


# Instrument types are free text in input format v1 ("virtual_card", "Prepaid Card", "gift-card"): a type
# is disposable when it names one of these. They are what an operation buys in bulk; a bank-issued card
# in someone's name is not.
_DISPOSABLE_WORDS = ("prepaid", "virtual", "gift")


def is_disposable_type(instrument_type: str | None) -> bool:
    """Whether a declared instrument type names a prepaid, virtual or gift card (any case or spelling)."""
    t = (instrument_type or "").lower()
    return any(w in t for w in _DISPOSABLE_WORDS)
