"""API test fixtures: planted data, API keys per role, and an HTTP client on the ASGI app (lifespan run)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import pytest_asyncio
from fastapi import FastAPI
from neo4j import Driver

from app.api.app import create_app
from app.platform.settings import Settings
from app.services import api_keys
from app.services.api_keys import Role

from . import graphdata


@dataclass(frozen=True)
class Keys:
    viewer: str
    analyst: str
    admin: str
    revoked: str


@pytest.fixture(scope="module")
def planted(driver: Driver, settings: Settings) -> dict[str, str]:
    """Each API test module starts from an empty database and plants its own graph."""
    graphdata.wipe(driver)
    return graphdata.build(driver, settings.hash_key())


@pytest.fixture(scope="module")
def keys(planted: dict[str, str], driver: Driver, settings: Settings) -> Keys:
    db = settings.neo4j_database
    revoked = api_keys.create_key(driver, db, "revoked-bot", Role.ADMIN)
    api_keys.revoke_key(driver, db, revoked.key_id, settings.home)
    return Keys(
        viewer=api_keys.create_key(driver, db, "vera-viewer", Role.VIEWER).token,
        analyst=api_keys.create_key(driver, db, "ana-analyst", Role.ANALYST).token,
        admin=api_keys.create_key(driver, db, "adam-admin", Role.ADMIN).token,
        revoked=revoked.token,
    )


class Api:
    """A GraphQL client over HTTP (httpx on the ASGI app): `await api.gql(query, key=..., **variables)`."""

    def __init__(self, client: httpx.AsyncClient, app: FastAPI) -> None:
        self.client = client
        self.app = app

    async def post(
        self, query: str, key: str | None, variables: dict[str, Any] | None = None, header: str = "bearer"
    ) -> httpx.Response:
        headers = {}
        if key is not None:
            headers = {"Authorization": f"Bearer {key}"} if header == "bearer" else {"X-API-Key": key}
        return await self.client.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
        )

    async def gql(self, query: str, key: str, **variables: Any) -> dict[str, Any]:
        response = await self.post(query, key, variables)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body


@pytest_asyncio.fixture(loop_scope="session")
async def make_api(settings: Settings) -> AsyncIterator[Callable[..., Any]]:
    """Builds clients on apps with optional settings overrides; closes every one afterwards."""
    stack: list[tuple[Any, httpx.AsyncClient]] = []

    async def make(**overrides: Any) -> Api:
        app = create_app(settings.model_copy(update=overrides) if overrides else settings)
        lifespan = app.router.lifespan_context(app)
        await lifespan.__aenter__()
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")
        stack.append((lifespan, client))
        return Api(client, app)

    yield make
    for lifespan, client in reversed(stack):
        await client.aclose()
        await lifespan.__aexit__(None, None, None)


@pytest_asyncio.fixture(loop_scope="session")
async def api(make_api: Callable[..., Any], keys: Keys) -> Api:
    result: Api = await make_api()
    return result


def data(body: dict[str, Any]) -> dict[str, Any]:
    assert not body.get("errors"), body.get("errors")
    result: dict[str, Any] = body["data"]
    return result


def error_messages(body: dict[str, Any]) -> list[str]:
    return [e["message"] for e in body.get("errors") or []]
