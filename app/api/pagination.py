"""Relay cursors: opaque, base64 offsets into a deterministic ordering (every sort ends on a unique key)."""

from __future__ import annotations

import base64
import binascii

from app.api.errors import InvalidInputError

_PREFIX = "off:"


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"{_PREFIX}{offset}".encode()).decode()


def decode_cursor(cursor: str | None) -> int:
    """The offset just after `cursor` (0 without a cursor)."""
    if cursor is None:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise InvalidInputError("invalid cursor") from exc
    if not text.startswith(_PREFIX) or not text[len(_PREFIX) :].isdigit():
        raise InvalidInputError("invalid cursor")
    return int(text[len(_PREFIX) :]) + 1


def page_size(first: int | None, cap: int, default: int = 20) -> int:
    """The server-capped page size: `first` beyond the cap is clamped, not refused."""
    if first is None:
        return min(default, cap)
    if first < 0:
        raise InvalidInputError("first must be >= 0")
    return min(first, cap)


_SEQ_PREFIX = "seq:"


def encode_seq_cursor(seq: int) -> str:
    """A feed cursor: the position of an event in the feed's own order, stable as events are added."""
    return base64.urlsafe_b64encode(f"{_SEQ_PREFIX}{seq}".encode()).decode()


def decode_seq_cursor(cursor: str | None) -> int:
    """The sequence number `cursor` stands for (0, before the first event, without one)."""
    if cursor is None:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise InvalidInputError("invalid cursor") from exc
    digits = text[len(_SEQ_PREFIX) :]
    if not text.startswith(_SEQ_PREFIX) or not digits.isdigit() or len(digits) > 18:
        raise InvalidInputError("invalid cursor")
    return int(digits)
