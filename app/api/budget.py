"""The per-request time budget (`LINKWATCH_API_REQUEST_TIMEOUT`), enforced in Neo4j.

Every query a request runs is a Neo4j transaction whose server-side timeout is what is left of the
request's budget, so a request that starts many queries cannot outlast its budget by running each one
for a full timeout, and a query that would run past it is stopped by the database itself (which frees
its memory and CPU there, not only this worker's await). A query due to start after the budget has run
out is not sent at all. Either way the client gets `QUERY_TIMEOUT`.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, replace
from typing import Any

from app.api.errors import TIMEOUT_MESSAGE, QueryTimeoutError
from app.platform.runner import Graph, Row

# Below this a transaction timeout rounds to nothing useful (the driver sends milliseconds, 0 = none).
_MIN_SECONDS = 0.01


@dataclass
class BudgetedGraph:
    """`AsyncQueryRunner` over the process's `Graph`, each query bounded by the request's deadline.

    `fanout`, when set (by the cost guard, for an expensive operation), bounds how many of the request's
    queries are in flight at once. graphql-core resolves a list's fields concurrently: a hundred member
    pages are a hundred queries whose answers all land in the worker's event loop together, and every
    other request's next step waits behind all of them. A few at a time leaves room between them.
    """

    graph: Graph
    deadline: float  # time.monotonic()
    fanout: asyncio.Semaphore | None = None

    def _bounded(self) -> Graph:
        remaining = self.deadline - time.monotonic()
        if remaining < _MIN_SECONDS:
            raise QueryTimeoutError(TIMEOUT_MESSAGE)
        return replace(self.graph, timeout=remaining)

    async def fetch(self, name: str, /, **params: Any) -> list[Row]:
        if self.fanout is None:
            return await self._bounded().fetch(name, **params)
        async with self.fanout:
            return await self._bounded().fetch(name, **params)

    async def fetch_one(self, name: str, /, **params: Any) -> Row | None:
        rows = await self.fetch(name, **params)
        return rows[0] if rows else None

    async def fetch_one_plain(self, name: str, /, **params: Any) -> Row | None:
        if self.fanout is None:
            return await self._bounded().fetch_one_plain(name, **params)
        async with self.fanout:
            return await self._bounded().fetch_one_plain(name, **params)
