"""Alert events (the feed) and watched entities."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.scalars import JSON

from app.api.pagination import encode_seq_cursor
from app.api.types.common import PageInfo
from app.domain.alerts import EventType, WatchKind, shown_key
from app.platform.runner import Row
from app.services.alerts import WatchRow
from app.services.convert import parse_json, to_datetime

# The domain's vocabularies are the GraphQL enums: one list of event types and watch kinds, not two.
strawberry.enum(EventType, description="What a detection run raised (docs/alerts.md).")
strawberry.enum(WatchKind, description="What an analyst can watch.")


@strawberry.type(
    description="Something a detection run changed that an analyst should know: what, where (campaign "
    "and console link) and the figures. The same body is what webhooks receive."
)
class AlertEvent:
    id: strawberry.ID
    type: EventType
    sequence: int = strawberry.field(description="Position in the feed; increases with every event.")
    run_id: str
    campaign_id: strawberry.ID
    summary: str
    link: str = strawberry.field(description="The campaign in the console (a path unless configured).")
    data: JSON = strawberry.field(description="Counts, previous values and an evidence summary.")
    created_at: datetime | None

    @classmethod
    def of(cls, row: Row) -> AlertEvent:
        return cls(
            id=strawberry.ID(row["event_id"]),
            type=EventType(row["type"]),
            sequence=int(row["seq"]),
            run_id=str(row["run_id"]),
            campaign_id=strawberry.ID(row["campaign_id"]),
            summary=str(row["summary"]),
            link=str(row["link"]),
            data=parse_json(row.get("data"), {}),
            created_at=to_datetime(row.get("created_at")),
        )


@strawberry.type
class AlertEventEdge:
    cursor: str
    node: AlertEvent


@strawberry.type(
    description="Events after a cursor, oldest first. Poll with `after: pageInfo.endCursor` (keep the "
    "previous cursor when a page is empty): no event is skipped or repeated."
)
class AlertEventConnection:
    edges: list[AlertEventEdge]
    page_info: PageInfo

    @classmethod
    def of(cls, rows: list[Row], limit: int, after_given: bool) -> AlertEventConnection:
        nodes = [AlertEvent.of(r) for r in rows[:limit]]
        edges = [AlertEventEdge(cursor=encode_seq_cursor(n.sequence), node=n) for n in nodes]
        return cls(
            edges=edges,
            page_info=PageInfo(
                has_next_page=len(rows) > limit,
                has_previous_page=after_given,
                start_cursor=edges[0].cursor if edges else None,
                end_cursor=edges[-1].cursor if edges else None,
            ),
        )


@strawberry.type(description="A watched entity: a campaign reaching it raises `watch.joined` once.")
class Watch:
    id: strawberry.ID
    kind: WatchKind
    key: str = strawberry.field(description="The entity's key; an instrument only by its key prefix.")
    note: str | None
    created_by: str | None
    created_at: datetime | None
    campaigns: list[strawberry.ID] = strawberry.field(
        description="Campaigns it has been seen in (at most 50), including those it was in when added."
    )

    @classmethod
    def of(cls, data: WatchRow) -> Watch:
        row = data.watch
        kind = WatchKind(row["kind"])
        return cls(
            id=strawberry.ID(row["watch_id"]),
            kind=kind,
            key=shown_key(kind.value, str(row["key"])),
            note=row.get("note"),
            created_by=row.get("created_by"),
            created_at=to_datetime(row.get("created_at")),
            campaigns=[strawberry.ID(c) for c in data.campaigns],
        )


@strawberry.input(description="An entity to watch; for an instrument the raw token (hashed, never stored).")
class WatchInput:
    entity: WatchKind
    value: str
    note: str | None = None
