"""The FastAPI application: one async driver per process (lifespan), GraphQL at /graphql."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from neo4j import AsyncDriver, AsyncGraphDatabase
from strawberry.fastapi import GraphQLRouter

from app.api.audit import AuditLog
from app.api.auth import KeyVerifier
from app.api.context import Context
from app.api.deps import get_context
from app.api.schema import build_schema
from app.core.config import Settings, get_settings
from app.db.driver import auth
from app.services.db import Graph


def api_driver(settings: Settings) -> AsyncDriver:
    """The process's one async driver. Server notifications are off: they are advice for query authors
    (checked with EXPLAIN in the tests), and logging one per request would cost more than the request."""
    return AsyncGraphDatabase.driver(
        settings.neo4j_uri,
        auth=auth(settings),
        max_connection_pool_size=100,
        notifications_min_severity="OFF",
    )


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        driver = api_driver(settings)
        try:
            await driver.verify_connectivity()
            graph = Graph(driver=driver, database=settings.neo4j_database)
            app.state.graph = graph
            app.state.verifier = KeyVerifier(graph=graph)
            yield
        finally:
            await driver.close()
            app.state.audit.close()

    app = FastAPI(
        title="Linkwatch",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.settings = settings
    app.state.audit = AuditLog(settings.home)
    router: GraphQLRouter[Context, None] = GraphQLRouter(
        build_schema(settings),
        context_getter=get_context,
        graphql_ide="graphiql" if settings.api_graphiql else None,
        # Queries only over POST: GET URLs end up in proxy and browser logs, with their variables.
        allow_queries_via_get=False,
    )
    app.include_router(router, prefix="/graphql")

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    return app
