"""Field-level parsing shared by the row models: timestamps (identifier rules live in `app.domain`)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

_EPOCH = re.compile(r"^-?\d+(\.\d+)?$")


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
