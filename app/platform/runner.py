"""Running named queries: one auto-managed session per call, so concurrent resolvers never share one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from neo4j import READ_ACCESS, AsyncDriver, Driver, Query, RoutingControl
from neo4j.exceptions import DriverError, Neo4jError

from app.platform.cypher import query

Row = dict[str, Any]


class AsyncQueryRunner(Protocol):
    """What services need of the graph: named queries in, rows out. `Graph` is the real one; unit tests
    pass a fake, so a service can be tested without a database and cannot reach past this seam."""

    async def fetch(self, name: str, /, **params: Any) -> list[Row]: ...

    async def fetch_one(self, name: str, /, **params: Any) -> Row | None: ...

    async def fetch_one_plain(self, name: str, /, **params: Any) -> Row | None: ...


# A read that fails in a retryable way (a pooled connection the server closed, a transient error) is
# tried once more: it has nothing to roll back, and an API request should not fail for a stale socket.
_READ_ATTEMPTS = 2


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
        """Every row of query `name` as dicts, in a session of its own."""
        spec = query(name)
        if spec.mode != "write":
            return await self._read(spec.text, params)
        records, _, _ = await self.driver.execute_query(
            Query(spec.text, timeout=self.timeout),
            params,
            database_=self.database,
            routing_=RoutingControl.WRITE,
        )
        return [r.data() for r in records]

    async def fetch_one(self, name: str, /, **params: Any) -> Row | None:
        rows = await self.fetch(name, **params)
        return rows[0] if rows else None

    async def fetch_one_plain(self, name: str, /, **params: Any) -> Row | None:
        """`fetch_one` for a read query that returns only maps, lists and scalars (map projections such as
        `n {.*}`, never nodes or paths): the driver's values as they are, without `Record.data()`'s deep
        copy, which changes nothing for such values and was a fifth of the driver's CPU time on hot paths."""
        spec = query(name)
        if spec.mode == "write":
            raise ValueError(f"{name} is a write query")
        rows = await self._read(spec.text, params, plain=True)
        return rows[0] if rows else None

    async def _read(self, text: str, params: dict[str, Any], *, plain: bool = False) -> list[Row]:
        # An auto-commit transaction sends RUN and PULL together: one round trip, where a managed
        # transaction (execute_query) adds BEGIN and COMMIT, a second round trip on every API read.
        # The bookmark manager is execute_query's, so reads still see the writes made through it.
        for attempt in range(1, _READ_ATTEMPTS + 1):
            try:
                async with self.driver.session(
                    database=self.database,
                    default_access_mode=READ_ACCESS,
                    bookmark_manager=self.driver.execute_query_bookmark_manager,
                ) as session:
                    result = await session.run(Query(text, timeout=self.timeout), params)
                    if plain:
                        return [dict(r) async for r in result]
                    return await result.data()
            except (Neo4jError, DriverError) as exc:
                if attempt == _READ_ATTEMPTS or not exc.is_retryable():
                    raise
        raise AssertionError("unreachable: the last attempt returns or raises")


def fetch_sync(driver: Driver, database: str, name: str, /, **params: Any) -> list[Row]:
    """The same for synchronous callers (CLI)."""
    records, _, _ = driver.execute_query(
        query(name).text, params, database_=database, routing_=_routing(name)
    )
    return [r.data() for r in records]


# --- Synchronous runner seam for batch work (detection) ---------------------------------------------------
# Kept apart from the async `Graph` above: detection runs in one worker on one session, and its database
# steps take this seam rather than a `neo4j.Session` so the pure steps between them can be exercised with a
# fake that answers named queries with canned rows. Its imports live here, not at the top, so a parallel
# change to the head of this module merges cleanly.

from typing import TYPE_CHECKING, Protocol  # noqa: E402

if TYPE_CHECKING:
    # Type-only: the API process imports this module and must not pay for the GDS client's imports.
    from graphdatascience import GraphDataScience
    from neo4j import Session


class SyncRunner(Protocol):
    """Runs a named `.cypher` query and returns every row as a dict. The queries return maps, lists and
    scalars only (map projections, never nodes, relationships or paths)."""

    def run(self, name: str, /, **params: Any) -> list[Row]: ...


class SyncGdsRunner(SyncRunner, Protocol):
    """A `SyncRunner` that also hands out the GDS client bound to the same database."""

    @property
    def gds(self) -> GraphDataScience: ...


@dataclass(frozen=True)
class SessionRunner:
    """`SyncRunner` over one open session: every query of a unit of work on the same connection."""

    session: Session

    def run(self, name: str, /, **params: Any) -> list[Row]:
        # The driver's values as they are, as `Graph.fetch_one_plain` does: `Record.data()` copies every
        # nested map and list again, which for member profiles (a map per address, card and template) cost
        # about 0.2 s of an incremental run and 0.4-0.5 s of a full one at 20,000 accounts.
        return [dict(r) for r in self.session.run(query(name).text, params)]


@dataclass(frozen=True)
class SessionGdsRunner(SessionRunner):
    """`SyncGdsRunner`: a `SessionRunner` and the GDS client built on the same driver and database."""

    gds: GraphDataScience
