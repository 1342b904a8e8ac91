"""`linkwatch export campaigns`: the current campaigns as a CSV, one row per (campaign, account)."""

from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path

from neo4j import Driver

from app.platform.cypher import q

COLUMNS = (
    "campaign_id",
    "account_id",
    "campaign_score",
    "membership",
    "status",
    "actor",
    "attribution_confidence",
)


def export_campaigns(driver: Driver, database: str, out: Path) -> int:
    """Write the active campaigns' memberships to `out`; returns the number of rows.

    Written to a temporary file next to `out` and renamed, so a reader never sees half a file.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    rows = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(COLUMNS)
            with driver.session(database=database, notifications_min_severity="OFF") as session:
                for record in session.run(q("detection/export_campaigns")):
                    writer.writerow([_cell(record[c]) for c in COLUMNS])
                    rows += 1
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return rows


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}"
    return value
