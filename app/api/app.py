"""The FastAPI application: one async driver per process (lifespan), GraphQL at /graphql."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from neo4j import AsyncDriver, AsyncGraphDatabase
from starlette.middleware.gzip import GZipMiddleware
from starlette.routing import Route

from app.api.audit import AuditLog
from app.api.auth import KeyVerifier
from app.api.console import add_console
from app.api.endpoint import GraphQLEndpoint
from app.api.heap import freeze_startup_heap
from app.api.job_metrics import JobMetrics
from app.api.limits import BodyLimit
from app.api.operations import ReadinessProbe, add_operational_routes
from app.api.ratelimit import KeyRateLimit
from app.api.schema import build_schema
from app.platform.driver import auth
from app.platform.key_revocations import RevocationSignal
from app.platform.runner import Graph
from app.platform.settings import Settings, get_settings

# Below about a kilobyte gzip's header and the CPU cost outweigh the bytes saved.
GZIP_MIN_BYTES = 1024
# Level 6, not Starlette's 9: on the console's 500 KB drawing, 9 took ~120 ms of CPU for 5% fewer bytes
# than 6 (~7 ms), and that CPU is the API worker's.
GZIP_LEVEL = 6


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
            graph = Graph(
                driver=driver, database=settings.neo4j_database, timeout=settings.api_request_timeout
            )
            app.state.graph = graph
            app.state.verifier = KeyVerifier(
                graph=graph, revocations=RevocationSignal(settings.home), ttl=settings.api_key_cache_seconds
            )
            app.state.readiness = ReadinessProbe(driver, settings.neo4j_database, settings.api_ready_timeout)
            app.state.job_metrics = JobMetrics(graph, settings.home, settings.api_metrics_cache_seconds)
            if settings.api_freeze_heap:
                freeze_startup_heap()
            yield
        finally:
            if hasattr(app.state, "verifier"):
                app.state.verifier.close()
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
    app.state.rate_limit = KeyRateLimit(settings.api_rate_limit)
    graphql = GraphQLEndpoint(
        build_schema(settings),
        graphql_ide="graphiql" if settings.api_graphiql else None,
        # Queries only over POST: GET URLs end up in proxy and browser logs, with their variables.
        allow_queries_via_get=False,
    )
    # GET serves the GraphiQL page when enabled (and is refused as a query otherwise).
    app.router.routes.append(Route("/graphql", graphql, methods=["GET", "POST"]))

    add_operational_routes(app)
    add_console(app, settings.console_dir)  # last: it is mounted at `/`
    app.add_middleware(BodyLimit, max_bytes=settings.api_max_body_bytes)
    # Responses only (requests are never decompressed). GraphQL answers are JSON a client's key unlocks,
    # carried in a header a cross-site page cannot set, so compression gives BREACH nothing to work with.
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MIN_BYTES, compresslevel=GZIP_LEVEL)
    return app
