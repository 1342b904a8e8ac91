"""`/graphql` as Strawberry's own ASGI view on a plain route.

Strawberry's FastAPI router is an APIRoute: on every request FastAPI solves its dependency graph
(context and root-value getters, the request and response parameters) before the view runs. That was
about a tenth of an API worker's calls per attribution lookup; the plain ASGI view gets the same
context from `get_context` directly. FastAPI's middleware and exception handlers still wrap it, so a
refused key is the same 401 with `WWW-Authenticate` as on every other route.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from app.api.context import Context
from app.api.deps import get_context


class GraphQLEndpoint(GraphQL[Context, None]):
    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> Context:
        if not isinstance(request, Request):
            # No subscriptions in the schema; a WebSocket upgrade never gets this far.
            raise TypeError("GraphQL over WebSocket is not served")
        return await get_context(request, response if isinstance(response, Response) else None)
