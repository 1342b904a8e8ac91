"""Actors and labels."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from app.api.context import Info
from app.api.fields import resolver
from app.domain.vocabulary import AttributionSource, AttributionStatus
from app.platform.runner import Row
from app.services import actors as actor_service
from app.services.attribution import display_key
from app.services.convert import to_datetime

if TYPE_CHECKING:
    from app.api.types.campaigns import Campaign

CampaignRef = Annotated["Campaign", strawberry.lazy("app.api.types.campaigns")]


@strawberry.type(description="A label: analyst or partner knowledge tying an entity to an actor.")
class Label:
    entity: str
    key: str
    actor_id: strawberry.ID
    confidence: float | None
    source: str | None
    note: str | None
    created_at: datetime | None
    created_by: str | None

    @classmethod
    def of(cls, entity: str, key: str, actor_id: str, edge: Row) -> Label:
        return cls(
            entity=entity,
            key=display_key(entity, key),
            actor_id=strawberry.ID(actor_id),
            confidence=edge.get("confidence"),
            source=edge.get("source"),
            note=edge.get("note"),
            created_at=to_datetime(edge.get("created_at")),
            created_by=edge.get("created_by"),
        )


@strawberry.type(description="A known operator behind campaigns.")
class Actor:
    id: strawberry.ID
    name: str
    aliases: list[str]
    created_at: datetime | None
    created_by: str | None

    @classmethod
    def of(cls, row: Row) -> Actor:
        return cls(
            id=strawberry.ID(row["actor_id"]),
            name=str(row.get("name") or row["actor_id"]),
            aliases=list(row.get("aliases") or []),
            created_at=to_datetime(row.get("created_at")),
            created_by=row.get("created_by"),
        )

    @resolver(description="Campaigns attributed to this actor (rejected ones excluded).")
    async def campaigns(self, info: Info, first: int | None = None) -> list[ActorCampaign]:
        from app.api.types.campaigns import Campaign

        limit = min(first or 20, info.context.settings.api_max_page_size)
        rows = await actor_service.campaigns(info.context.graph, str(self.id), limit)
        return [
            ActorCampaign(
                campaign=Campaign.of(r["campaign"]),
                confidence=float(r["edge"].get("confidence") or 0.0),
                source=str(r["edge"].get("source") or AttributionSource.AUTO),
                status=str(r["edge"].get("status") or AttributionStatus.PROPOSED),
            )
            for r in rows
        ]

    @resolver(description="Entities labelled as this actor (instruments by key prefix).")
    async def labels(self, info: Info, first: int | None = None) -> list[Label]:
        limit = min(first or 20, info.context.settings.api_max_page_size)
        rows = await actor_service.labels(info.context.graph, str(self.id), limit)
        return [Label.of(r["kind"], str(r["key"]), str(self.id), r["edge"]) for r in rows]


@strawberry.type
class ActorCampaign:
    campaign: CampaignRef
    confidence: float
    source: str
    status: str
