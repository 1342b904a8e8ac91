"""Actors (known operators) and the labels that tie entities to them."""

from __future__ import annotations

from neo4j.exceptions import ConstraintError

from app.domain.actor import actor_id
from app.domain.vocabulary import DecisionKind, LabelEntity
from app.platform.runner import AsyncQueryRunner, Row


class ActorExistsError(Exception):
    pass


async def page(graph: AsyncQueryRunner, search: str | None, skip: int, limit: int) -> tuple[int, list[Row]]:
    row = await graph.fetch_one("api/actors_page", search=search, skip=skip, limit=limit)
    return (int(row["total"]), list(row["rows"])) if row else (0, [])


async def by_ids(graph: AsyncQueryRunner, ids: list[str]) -> dict[str, Row]:
    rows = await graph.fetch("api/actors_by_ids", ids=ids)
    return {r["actor"]["actor_id"]: r["actor"] for r in rows}


async def campaigns(graph: AsyncQueryRunner, actor_id: str, limit: int) -> list[Row]:
    return await graph.fetch("api/actor_campaigns", actor_id=actor_id, limit=limit)


async def labels(graph: AsyncQueryRunner, actor_id: str, limit: int) -> list[Row]:
    return await graph.fetch("api/actor_labels", actor_id=actor_id, limit=limit)


async def create(graph: AsyncQueryRunner, name: str, aliases: list[str], by: str) -> Row:
    """ValueError when no actor id can be made from the name (`app.domain.actor`)."""
    aid = actor_id(name)
    try:
        row = await graph.fetch_one("api/actor_create", actor_id=aid, name=name, aliases=aliases, by=by)
    except ConstraintError as exc:
        raise ActorExistsError(aid) from exc
    assert row is not None  # CREATE always returns its node
    return dict(row["actor"])


async def add_label(
    graph: AsyncQueryRunner,
    entity: LabelEntity,
    key: str | int,
    actor_id: str,
    confidence: float,
    source: str,
    note: str | None,
    by: str,
    campaign_id: str | None = None,
) -> Row | None:
    """The new label, or None when the entity, the actor or the given campaign does not exist. With a
    campaign (the one the analyst labelled from), the label is also appended to its case history."""
    return await graph.fetch_one(
        f"api/label_{entity.value}",
        key=key,
        actor_id=actor_id,
        confidence=confidence,
        source=source,
        note=note,
        by=by,
        campaign_id=campaign_id,
        kind=DecisionKind.LABEL.value,
    )
