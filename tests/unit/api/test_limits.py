"""The body limit refuses an oversized body (declared or chunked) before the app reads any of it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from starlette.types import Receive, Scope, Send

from app.api.limits import BodyLimit

pytestmark = pytest.mark.asyncio(loop_scope="session")

LIMIT = 1000


class Echo:
    """The app behind the limit: records whether it ran and echoes the body's length."""

    def __init__(self) -> None:
        self.calls = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.calls += 1
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": str(len(body)).encode()})


def client(app: Echo) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=BodyLimit(app, LIMIT)), base_url="http://t")


async def _chunks(total: int) -> AsyncIterator[bytes]:
    for _ in range(total // 100):
        yield b"x" * 100


@pytest.mark.parametrize("size", [0, 1, LIMIT])
async def test_bodies_up_to_the_limit_pass(size: int) -> None:
    app = Echo()
    async with client(app) as c:
        response = await c.post("/graphql", content=b"x" * size)
    assert response.status_code == 200
    assert response.text == str(size)


async def test_declared_body_over_the_limit_is_refused_before_the_app() -> None:
    app = Echo()
    async with client(app) as c:
        response = await c.post("/graphql", content=b"x" * (LIMIT + 1))
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"
    assert response.headers["connection"] == "close"
    assert app.calls == 0


async def test_chunked_body_is_counted_as_it_arrives() -> None:
    app = Echo()
    async with client(app) as c:
        small = await c.post("/graphql", content=_chunks(LIMIT))
        large = await c.post("/graphql", content=_chunks(LIMIT + 100))
    assert small.status_code == 200
    assert small.text == str(LIMIT)
    assert large.status_code == 413
    assert app.calls == 1


async def test_malformed_length_is_refused() -> None:
    app = Echo()
    limit = BodyLimit(app, LIMIT)
    sent: list[dict[str, object]] = []

    async def receive() -> dict[str, object]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, object]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/graphql", "headers": [(b"content-length", b"-5")]}
    await limit(scope, receive, send)  # type: ignore[arg-type]
    assert sent[0]["status"] == 413
    assert app.calls == 0
