"""Accounts, IPs, instruments and templates with their neighbourhoods, and evidence paths between accounts."""

from __future__ import annotations

from enum import StrEnum

from app.platform.runner import AsyncQueryRunner, Row


class NeighbourhoodKind(StrEnum):
    IP = "ip"
    INSTRUMENT = "instrument"
    TEMPLATE = "template"


async def accounts_by_ids(graph: AsyncQueryRunner, ids: list[str]) -> dict[str, Row]:
    rows = await graph.fetch("api/accounts_by_ids", ids=ids)
    return {r["account"]["account_id"]: r["account"] for r in rows}


async def account_neighbourhood(graph: AsyncQueryRunner, account_id: str, limit: int) -> Row | None:
    return await graph.fetch_one("api/account_neighbourhood", key=account_id, limit=limit)


async def linked_accounts(graph: AsyncQueryRunner, account_id: str, limit: int, max_degree: int) -> list[Row]:
    return await graph.fetch("api/account_linked", key=account_id, limit=limit, max_degree=max_degree)


async def neighbourhood(
    graph: AsyncQueryRunner, kind: NeighbourhoodKind, key: str, limit: int, scan: int
) -> Row | None:
    return await graph.fetch_one(f"api/{kind.value}_neighbourhood", key=key, limit=limit, scan=scan)


async def shortest_path(
    graph: AsyncQueryRunner, source: str, target: str, max_length: int, max_degree: int
) -> Row | None:
    """Shortest path through shared entities; supernodes (more than `max_degree` links) are not crossed."""
    return await graph.fetch_one(
        "api/path_accounts", **{"from": source, "to": target}, max_length=max_length, max_degree=max_degree
    )


async def templates_by_text(
    graph: AsyncQueryRunner, template_id: str, text: str, head: str, limit: int
) -> list[Row]:
    """Templates whose id or masked text is the given skeleton's, or whose text starts with `head`."""
    rows = await graph.fetch(
        "api/templates_by_text", template_id=template_id, text=text, head=head, limit=limit
    )
    return [r["template"] for r in rows]


async def models(graph: AsyncQueryRunner) -> list[Row]:
    return await graph.fetch("api/models")
