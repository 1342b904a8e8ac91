"""Campaign reads and analysts' decisions on campaigns."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from app.domain.vocabulary import DECISION_OF_STATUS, CampaignStatus
from app.platform.runner import AsyncQueryRunner, Row


class SharedKind(StrEnum):
    """Entity kinds whose sharing ties a campaign's accounts together (one Cypher file each)."""

    IP = "ips"
    PREFIX = "prefixes"
    ASN = "asns"
    INSTRUMENT = "instruments"
    EMAIL_DOMAIN = "email_domains"


SORT_FIELDS = frozenset({"score", "size", "first_seen", "last_seen", "campaign_id"})


@dataclass(frozen=True)
class CampaignFilter:
    statuses: list[str] | None = None
    min_score: float | None = None
    max_score: float | None = None
    capability: str | None = None
    active: bool | None = None
    min_size: int | None = None
    actor_id: str | None = None

    def params(self) -> dict[str, Any]:
        return {
            "statuses": self.statuses,
            "min_score": self.min_score,
            "max_score": self.max_score,
            "capability": self.capability,
            "active": self.active,
            "min_size": self.min_size,
            "actor_id": self.actor_id,
        }


async def page(
    graph: AsyncQueryRunner, where: CampaignFilter, sort: str, desc: bool, skip: int, limit: int
) -> list[Row]:
    if sort not in SORT_FIELDS:
        raise ValueError(f"unknown sort field {sort!r}")
    rows = await graph.fetch(
        "api/campaigns_page", **where.params(), sort=sort, desc=desc, skip=skip, limit=limit
    )
    return [r["campaign"] for r in rows]


async def aggregate(graph: AsyncQueryRunner, where: CampaignFilter) -> Row:
    row = await graph.fetch_one("api/campaigns_aggregate", **where.params())
    return row or {"total": 0}


async def by_ids(graph: AsyncQueryRunner, ids: list[str]) -> dict[str, Row]:
    rows = await graph.fetch("api/campaigns_by_ids", ids=ids)
    return {r["campaign"]["campaign_id"]: r["campaign"] for r in rows}


async def members(graph: AsyncQueryRunner, campaign_id: str, skip: int, limit: int) -> tuple[int, list[Row]]:
    row = await graph.fetch_one("api/campaign_members", campaign_id=campaign_id, skip=skip, limit=limit)
    if row is None:
        return 0, []
    return int(row["total"]), list(row["rows"])


async def shared_entities(
    graph: AsyncQueryRunner, campaign_id: str, kind: SharedKind, limit: int
) -> list[Row]:
    return await graph.fetch(f"api/campaign_{kind.value}", campaign_id=campaign_id, limit=limit)


async def templates(graph: AsyncQueryRunner, campaign_id: str, limit: int) -> list[Row]:
    return await graph.fetch("api/campaign_templates", campaign_id=campaign_id, limit=limit)


async def capabilities(graph: AsyncQueryRunner, campaign_id: str) -> list[Row]:
    return await graph.fetch("api/campaign_capabilities", campaign_id=campaign_id)


async def timeline(graph: AsyncQueryRunner, campaign_id: str) -> list[Row]:
    return await graph.fetch("api/campaign_timeline", campaign_id=campaign_id)


async def lineage(graph: AsyncQueryRunner, campaign_id: str) -> Row:
    row = await graph.fetch_one("api/campaign_lineage", campaign_id=campaign_id)
    return row or {"parents": [], "children": []}


async def decide(
    graph: AsyncQueryRunner, campaign_id: str, status: CampaignStatus, by: str, note: str | None
) -> Row | None:
    """The updated campaign (its decision also appended to the case history), or None if there is none."""
    kind = DECISION_OF_STATUS.get(status)
    if kind is None:
        raise ValueError(f"{status!r} is not a decision")
    row = await graph.fetch_one(
        "api/campaign_decide",
        campaign_id=campaign_id,
        status=status.value,
        kind=kind.value,
        by=by,
        note=note,
    )
    return row["campaign"] if row else None


async def history(graph: AsyncQueryRunner, campaign_id: str, skip: int, limit: int) -> tuple[int, list[Row]]:
    """One page of the campaign's decision records, newest first, and how many there are."""
    row = await graph.fetch_one("api/campaign_history", campaign_id=campaign_id, skip=skip, limit=limit)
    if row is None:
        return 0, []
    return int(row["total"]), list(row["rows"])


async def graph(
    graph: AsyncQueryRunner, campaign_id: str, max_accounts: int, max_entities: int
) -> Row | None:
    """The strongest members and the entities they share (with each entity's users among them)."""
    return await graph.fetch_one(
        "api/campaign_graph", campaign_id=campaign_id, max_accounts=max_accounts, max_entities=max_entities
    )
