"""The alert events feed and watchlists, as the API reads and writes them.

Events are written by detection runs (`app.jobs.alerts.outbox`); here they are only read, in sequence
order after a cursor. A watch is keyed by the entity's graph key: an instrument by its keyed hash, which
the API computes from the token the analyst gives and never stores or echoes.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.alerts import EventType, WatchKind, watch_id
from app.platform.runner import AsyncQueryRunner, Row


@dataclass(frozen=True)
class WatchRow:
    watch: Row
    campaigns: list[str]


async def events_after(
    graph: AsyncQueryRunner,
    after: int,
    limit: int,
    types: list[EventType] | None = None,
    campaign_id: str | None = None,
) -> list[Row]:
    rows = await graph.fetch(
        "api/events_page",
        after=after,
        limit=limit,
        types=None if types is None else [t.value for t in types],
        campaign_id=campaign_id,
    )
    return [r["event"] for r in rows]


async def add_watch(
    graph: AsyncQueryRunner, kind: WatchKind, key: str, note: str | None, who: str | None
) -> WatchRow:
    row = await graph.fetch_one(
        "api/watch_add", watch_id=watch_id(kind, key), kind=kind.value, key=key, note=note, who=who
    )
    if row is None:  # MERGE always returns its node
        raise RuntimeError("watch not written")
    return WatchRow(row["watch"], list(row["campaigns"]))


async def remove_watch(graph: AsyncQueryRunner, id: str) -> WatchRow | None:
    row = await graph.fetch_one("api/watch_remove", watch_id=id)
    return WatchRow(row["watch"], []) if row else None


async def watches(graph: AsyncQueryRunner, skip: int, limit: int) -> tuple[int, list[WatchRow]]:
    row = await graph.fetch_one("api/watches_page", skip=skip, limit=limit)
    if row is None:
        return 0, []
    return int(row["total"]), [WatchRow(r["watch"], list(r["campaigns"])) for r in row["rows"]]
