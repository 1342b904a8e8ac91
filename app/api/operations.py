"""What orchestrators and monitoring ask: `/healthz`, `/readyz` and `/metrics` (docs/operations.md).

`/healthz` and `/readyz` need no key: a kubelet or load balancer cannot hold one, and they say only
"up" or "not ready". `/readyz` reaches Neo4j, so one probe at a time per worker runs and its answer is
reused for a second: an unauthenticated caller cannot turn it into load on the database. `/metrics`
needs a valid API key: operation counts and error rates tell an attacker when detection runs and what
analysts look at.
"""

from __future__ import annotations

import asyncio
import logging
import time

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from neo4j import READ_ACCESS, AsyncDriver
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.api import metrics
from app.api.deps import authenticate
from app.api.errors import (
    FORBIDDEN,
    RATE_LIMITED,
    SERVICE_UNAVAILABLE,
    UNAUTHENTICATED,
)
from app.platform.cypher import q

logger = logging.getLogger(__name__)

READY_CACHE_SECONDS = 1.0


class ReadinessProbe:
    """Whether Neo4j answers a query on the configured database within `timeout` seconds."""

    def __init__(self, driver: AsyncDriver, database: str, timeout: float) -> None:
        self.driver = driver
        self.database = database
        self.timeout = timeout
        self._lock = asyncio.Lock()
        self._checked_at = float("-inf")
        self._ready = False

    async def ready(self) -> bool:
        if time.monotonic() - self._checked_at < READY_CACHE_SECONDS:
            return self._ready
        async with self._lock:
            # Probes that waited for the lock take the answer the one before them just got.
            if time.monotonic() - self._checked_at >= READY_CACHE_SECONDS:
                self._ready = await self._probe()
                self._checked_at = time.monotonic()
            return self._ready

    async def _probe(self) -> bool:
        try:
            async with asyncio.timeout(self.timeout):
                async with self.driver.session(
                    database=self.database, default_access_mode=READ_ACCESS
                ) as session:
                    result = await session.run(q("api/ready"))
                    await result.consume()
            return True
        except Exception as exc:  # any failure, a timeout included, means "not ready"
            logger.warning("readiness probe failed: %s", type(exc).__name__)
            return False


_CODES = {401: UNAUTHENTICATED, 403: FORBIDDEN, 429: RATE_LIMITED, 503: SERVICE_UNAVAILABLE}


async def http_error(request: Request, exc: Exception) -> Response:
    """HTTP-level refusals in the shape of a GraphQL response, so clients read `extensions.code` whether
    the refusal came from GraphQL or from before it; `detail` stays for clients that read FastAPI's."""
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code in (401, 429, 503):
        metrics.REFUSED.labels(str(exc.status_code)).inc()
    code = _CODES.get(exc.status_code, "BAD_REQUEST")
    return JSONResponse(
        {"detail": exc.detail, "errors": [{"message": exc.detail, "extensions": {"code": code}}]},
        status_code=exc.status_code,
        headers=exc.headers,
    )


def add_operational_routes(app: FastAPI) -> None:
    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, str]:
        """The process answers; says nothing about Neo4j (restarting the API would not fix Neo4j)."""
        return {"status": "ok"}

    @app.get("/readyz", include_in_schema=False)
    async def readyz(request: Request) -> Response:
        probe: ReadinessProbe = request.app.state.readiness
        if await probe.ready():
            return JSONResponse({"status": "ready"})
        return JSONResponse({"status": "unavailable", "reason": "neo4j unreachable"}, status_code=503)

    @app.get("/metrics", include_in_schema=False)
    async def prometheus_metrics(request: Request) -> Response:
        state = request.app.state
        await authenticate(request, state.settings, state.audit)
        jobs = await state.job_metrics.collector()
        return Response(metrics.exposition(jobs), media_type=metrics.CONTENT_TYPE)

    app.add_exception_handler(StarletteHTTPException, http_error)
