"""Writes mined tables to the graph in exactly-once batches, then recomputes template totals."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from loaders.graph import GraphWriter, Step, batch_id
from loaders.mining.aggregate import Mined

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_TIME_FIELDS = ("first_seen", "last_seen")

# table -> query, in dependency order: nodes before the links that MATCH them.
_PLAN: tuple[tuple[str, str], ...] = (
    ("templates", "load/templates"),
    ("ips", "load/ips"),
    ("used_ip", "load/used_ip_log"),
    ("sent", "load/sent"),
    ("usage", "load/account_usage"),
    ("models", "load/used_model"),
)


def _times(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for row in rows:
        for f in _TIME_FIELDS:
            if f in row and row[f] is not None:
                row[f] = _EPOCH + timedelta(milliseconds=int(row[f]))
    return rows


def _ip_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for row in rows:
        row.update(ip_type=None, asn=None, asn_org=None)
    return rows


def write_mined(
    mined: Mined,
    writer: GraphWriter,
    unit: str,
    batch_size: int,
    advance: Callable[[int], None] | None = None,
) -> tuple[int, int]:
    """Returns (batches applied, batches skipped because an earlier run applied them)."""
    kind = "requests"
    size = writer.pinned_batch_size(unit, kind, batch_size)
    done = writer.done_batches(f"{unit}:")
    applied = skipped = 0
    for table, query in _PLAN:
        sub = f"{kind}.{table}"
        for index, rows in enumerate(mined.rows(table, size)):
            bid = batch_id(unit, sub, size, index)
            if bid in done:
                skipped += 1
            else:
                prepared = _ip_rows(rows) if table == "ips" else _times(rows)
                if writer.apply_batch(bid, unit, sub, len(rows), [Step(query, {"rows": prepared})]):
                    applied += 1
                else:
                    skipped += 1
            if advance is not None and table == "sent":
                advance(sum(int(r["requests"]) for r in rows))
    ids = [r["template_id"] for chunk in mined.rows("templates", 50_000) for r in chunk]
    for start in range(0, len(ids), size):
        writer.write("load/template_totals", template_ids=ids[start : start + size])
    return applied, skipped
