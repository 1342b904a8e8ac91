"""Turning driver values into plain Python: temporals to datetimes, stored JSON strings to objects."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any


def to_datetime(value: Any) -> datetime | None:
    if value is None:
        return None
    native = value.to_native() if hasattr(value, "to_native") else value
    return native if isinstance(native, datetime) else None


def parse_json(value: Any, default: Any) -> Any:
    """A JSON property written by detection; tolerant of absent or malformed values (older runs)."""
    if value is None:
        return default
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError:
        return default


def evidence_items(value: Any) -> list[dict[str, Any]]:
    """A campaign's `evidence` JSON as a list of {kind, key, accounts, weight, detail} dicts."""
    items = parse_json(value, [])
    return (
        [i for i in items if isinstance(i, dict) and "kind" in i and "key" in i]
        if isinstance(items, list)
        else []
    )
