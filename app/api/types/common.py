"""Shared GraphQL types: Relay page info, generic connections, evidence paths."""

from __future__ import annotations

from enum import Enum
from typing import Generic, TypeVar

import strawberry

from app.api.pagination import encode_cursor
from app.services.attribution import EvidencePath as EvidencePathData

T = TypeVar("T")


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type(description="A Relay cursor connection; page sizes are capped by the server.")
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    total_count: int


def connection(nodes: list[T], skip: int, total: int) -> Connection[T]:
    """A connection over one offset page (`skip` = offset of the first node)."""
    edges = [Edge(cursor=encode_cursor(skip + i), node=n) for i, n in enumerate(nodes)]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=skip + len(nodes) < total,
            has_previous_page=skip > 0,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        total_count=total,
    )


@strawberry.enum
class SortDirection(Enum):
    ASC = "asc"
    DESC = "desc"


@strawberry.type(description="A node on an evidence path; payment instruments only by key prefix.")
class PathNode:
    label: str
    key: str


@strawberry.type(description="A chain of graph entities that justifies a link, strongest evidence first.")
class EvidencePath:
    kind: str = strawberry.field(
        description="membership | shared_entity | analyst_decision | detection | label | prior_campaign"
    )
    summary: str
    nodes: list[PathNode]
    relationships: list[str] = strawberry.field(
        description="Cypher-style hops between consecutive nodes, e.g. '-[:USED_IP]->'."
    )
    strength: float | None

    @classmethod
    def of(cls, data: EvidencePathData) -> EvidencePath:
        return cls(
            kind=data.kind,
            summary=data.summary,
            nodes=[PathNode(label=n.label, key=n.key) for n in data.nodes],
            relationships=list(data.relationships),
            strength=data.strength,
        )
