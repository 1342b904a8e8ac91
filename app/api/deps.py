"""FastAPI dependencies as `Annotated` aliases: settings, the graph, the authenticated caller, the context.

All are `async def`: FastAPI runs plain `def` dependencies in a thread pool, a thread hop per request.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request, status

from app.api.audit import AuditLog
from app.api.auth import KeyVerifier, presented_token
from app.api.context import Context
from app.core.config import Settings
from app.services.api_keys import Principal
from app.services.db import Graph


async def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_graph(request: Request) -> Graph:
    graph: Graph = request.app.state.graph
    return graph


async def get_audit(request: Request) -> AuditLog:
    audit: AuditLog = request.app.state.audit
    return audit


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
GraphDep = Annotated[Graph, Depends(get_graph)]
AuditDep = Annotated[AuditLog, Depends(get_audit)]

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


async def get_principal(
    request: Request,
    settings: SettingsDep,
    audit: AuditDep,
    authorization: Annotated[str | None, Header()] = None,
    x_api_key: Annotated[str | None, Header()] = None,
) -> Principal | None:
    token = presented_token(authorization, x_api_key)
    if token is None:
        if _ide_page_request(request, settings):
            return None
        audit.record({"outcome": "unauthenticated", "reason": "missing key", "path": request.url.path})
        raise _UNAUTHORIZED
    verifier: KeyVerifier = request.app.state.verifier
    principal = await verifier.verify(token)
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
    return principal


PrincipalDep = Annotated[Principal | None, Depends(get_principal)]


async def get_context(
    settings: SettingsDep, graph: GraphDep, audit: AuditDep, principal: PrincipalDep
) -> Context:
    return Context(settings=settings, graph=graph, principal=principal, audit=audit)
