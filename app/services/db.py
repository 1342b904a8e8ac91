"""Running named queries: one auto-managed session per call, so concurrent resolvers never share one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from neo4j import AsyncDriver, Driver, Query, RoutingControl

from app.db.cypher import query

Row = dict[str, Any]


def _routing(name: str) -> RoutingControl:
    return RoutingControl.WRITE if query(name).mode == "write" else RoutingControl.READ


@dataclass(frozen=True)
class Graph:
    """The process-wide async driver and the database to use; each call is its own unit of work."""

    driver: AsyncDriver
    database: str
    # A server-side transaction timeout: one expensive request must not hold a worker or the database.
    timeout: float = 30.0

    async def fetch(self, name: str, /, **params: Any) -> list[Row]:
        """Every row of query `name` as dicts (execute_query opens and closes its own session)."""
        records, _, _ = await self.driver.execute_query(
            Query(query(name).text, timeout=self.timeout),
            params,
            database_=self.database,
            routing_=_routing(name),
        )
        return [r.data() for r in records]

    async def fetch_one(self, name: str, /, **params: Any) -> Row | None:
        rows = await self.fetch(name, **params)
        return rows[0] if rows else None


def fetch_sync(driver: Driver, database: str, name: str, /, **params: Any) -> list[Row]:
    """The same for synchronous callers (CLI)."""
    records, _, _ = driver.execute_query(
        query(name).text, params, database_=database, routing_=_routing(name)
    )
    return [r.data() for r in records]
