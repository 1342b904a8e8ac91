"""Detection runs."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry
from strawberry.scalars import JSON

from app.platform.runner import Row
from app.services.convert import parse_json, to_datetime


@strawberry.enum(description="A full recompute, or only what loads since the last run touched.")
class RunKind(Enum):
    FULL = "full"
    INCREMENTAL = "incremental"


@strawberry.type(description="One detection run: parameters, timings, graph sizes and quality metrics.")
class DetectionRun:
    id: strawberry.ID
    status: str = strawberry.field(description="queued | running | succeeded | failed")
    queued_at: datetime | None
    started_at: datetime | None
    finished_at: datetime | None
    params: JSON
    timings: JSON
    graph: JSON
    metrics: JSON
    error: str | None
    campaigns: int | None
    requested_by: str | None
    trigger: str | None
    kind: RunKind = strawberry.field(description="What ran (for a queued or running run, what was asked for)")
    requested_kind: RunKind | None = strawberry.field(
        description="What was asked for: an incremental request with no full run before it runs full"
    )

    @classmethod
    def of(cls, row: Row) -> DetectionRun:
        return cls(
            id=strawberry.ID(row["run_id"]),
            status=str(row.get("status") or "unknown"),
            queued_at=to_datetime(row.get("queued_at")),
            started_at=to_datetime(row.get("started_at")),
            finished_at=to_datetime(row.get("finished_at")),
            params=parse_json(row.get("params"), {}),
            timings=parse_json(row.get("timings"), {}),
            graph=parse_json(row.get("graph"), {}),
            metrics=parse_json(row.get("metrics"), {}),
            error=row.get("error"),
            campaigns=row.get("campaigns"),
            requested_by=row.get("requested_by"),
            trigger=row.get("trigger"),
            # Runs recorded before kinds existed were full runs.
            kind=RunKind(row.get("kind") or "full"),
            requested_kind=RunKind(row["requested_kind"]) if row.get("requested_kind") else None,
        )
