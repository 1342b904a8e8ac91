"""The GraphQL context: the authenticated caller, the graph, settings and the audit log."""

from __future__ import annotations

import time

from fastapi import HTTPException, Request, Response, status

from app.api.audit import AuditLog
from app.api.auth import KeyVerifier, presented_token
from app.api.budget import BudgetedGraph
from app.api.context import Context
from app.api.errors import UNAVAILABLE_MESSAGE, UNAVAILABLE_RETRY_AFTER, unavailable
from app.api.ratelimit import KeyRateLimit
from app.platform.settings import Settings
from app.services.api_keys import Principal

_UNAUTHORIZED = HTTPException(
    status_code=status.HTTP_401_UNAUTHORIZED,
    detail="a valid API key is required (Authorization: Bearer lw_... or X-API-Key)",
    headers={"WWW-Authenticate": "Bearer"},
)


def _ide_page_request(request: Request, settings: Settings) -> bool:
    """The GraphiQL page itself (no query) may load without a key; it then sends the key with each query."""
    return (
        settings.api_graphiql
        and request.method == "GET"
        and "query" not in request.query_params
        and "text/html" in request.headers.get("accept", "")
    )


async def authenticate(request: Request, settings: Settings, audit: AuditLog) -> Principal | None:
    """The caller behind the request's API key; None only for the GraphiQL page; 401 otherwise."""
    headers = request.headers
    token = presented_token(headers.get("authorization"), headers.get("x-api-key"))
    if token is None:
        if _ide_page_request(request, settings):
            return None
        audit.record({"outcome": "unauthenticated", "reason": "missing key", "path": request.url.path})
        raise _UNAUTHORIZED
    verifier: KeyVerifier = request.app.state.verifier
    try:
        principal = await verifier.verify(token)
    except Exception as exc:
        if not unavailable(exc):
            raise
        # Fail closed, and say why: the key cannot be checked, so nothing runs; the client may retry.
        raise HTTPException(
            status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
            detail=UNAVAILABLE_MESSAGE,
            headers={"Retry-After": UNAVAILABLE_RETRY_AFTER},
        ) from exc
    if principal is None:
        # Only the key id part is kept: enough to trace a leaked or revoked key, useless to an attacker.
        key_id = token.split("_")[1][:16] if token.startswith("lw_") and token.count("_") >= 2 else None
        audit.record(
            {
                "outcome": "unauthenticated",
                "reason": "invalid or revoked key",
                "key_id": key_id,
                "path": request.url.path,
            }
        )
        raise _UNAUTHORIZED
    limiter: KeyRateLimit = request.app.state.rate_limit
    wait = limiter.admit(principal.key_id)
    if wait is not None:
        audit.record(
            {
                "outcome": "rate_limited",
                "key_id": principal.key_id,
                "key_name": principal.name,
                "path": request.url.path,
            }
        )
        raise HTTPException(
            status_code=status.HTTP_429_TOO_MANY_REQUESTS,
            detail=f"rate limit of this key exceeded; retry in {wait} s",
            headers={"Retry-After": str(wait)},
        )
    return principal


async def get_context(request: Request, response: Response | None = None) -> Context:
    """The request's context, read from the app state and the headers; `response` is the one whose
    status and headers the GraphQL view merges into its answer (503 / Retry-After during an outage)."""
    state = request.app.state
    settings: Settings = state.settings
    audit: AuditLog = state.audit
    # The budget starts before the key check: a request waiting on the database for it is already late.
    deadline = time.monotonic() + settings.api_request_timeout
    principal = await authenticate(request, settings, audit)
    return Context(
        settings=settings,
        graph=BudgetedGraph(state.graph, deadline),
        principal=principal,
        audit=audit,
        response=response,
        deadline=deadline,
    )
