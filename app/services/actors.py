"""Actors (known operators) and the labels that tie entities to them."""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

from neo4j.exceptions import ConstraintError

from app.services.db import Graph, Row


class LabelEntity(StrEnum):
    """What a label can point at (one Cypher file each: labels never build Cypher from input)."""

    ACCOUNT = "account"
    IP = "ip"
    INSTRUMENT = "instrument"
    ASN = "asn"
    EMAIL_DOMAIN = "email_domain"
    TEMPLATE = "template"


class ActorExistsError(Exception):
    pass


def slug(name: str) -> str:
    """`actor_id`: the lower-case ASCII slug of the name (docs/data-model.md)."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


async def page(graph: Graph, search: str | None, skip: int, limit: int) -> tuple[int, list[Row]]:
    row = await graph.fetch_one("api/actors_page", search=search, skip=skip, limit=limit)
    return (int(row["total"]), list(row["rows"])) if row else (0, [])


async def by_ids(graph: Graph, ids: list[str]) -> dict[str, Row]:
    rows = await graph.fetch("api/actors_by_ids", ids=ids)
    return {r["actor"]["actor_id"]: r["actor"] for r in rows}


async def campaigns(graph: Graph, actor_id: str, limit: int) -> list[Row]:
    return await graph.fetch("api/actor_campaigns", actor_id=actor_id, limit=limit)


async def labels(graph: Graph, actor_id: str, limit: int) -> list[Row]:
    return await graph.fetch("api/actor_labels", actor_id=actor_id, limit=limit)


async def create(graph: Graph, name: str, aliases: list[str], by: str) -> Row:
    try:
        row = await graph.fetch_one(
            "api/actor_create", actor_id=slug(name), name=name, aliases=aliases, by=by
        )
    except ConstraintError as exc:
        raise ActorExistsError(slug(name)) from exc
    assert row is not None  # CREATE always returns its node
    return dict(row["actor"])


async def add_label(
    graph: Graph,
    entity: LabelEntity,
    key: str | int,
    actor_id: str,
    confidence: float,
    source: str,
    note: str | None,
    by: str,
) -> Row | None:
    """The new label, or None when the entity or the actor does not exist."""
    return await graph.fetch_one(
        f"api/label_{entity.value}",
        key=key,
        actor_id=actor_id,
        confidence=confidence,
        source=source,
        note=note,
        by=by,
    )
