"""Schema-driven fuzzing (hypothesis-graphql) over HTTP against a live uvicorn: no unmasked server error,
no crash, whatever valid-by-schema queries and mutations come in."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn
from graphql import build_schema
from hypothesis import HealthCheck, given
from hypothesis import settings as fuzz_settings
from hypothesis import strategies as st
from hypothesis_graphql import mutations, queries

from app.api.app import create_app
from app.api.schema import sdl
from app.platform.neo4j_server.throwaway import free_port
from app.platform.settings import Settings

from .conftest import Keys

SCHEMA = build_schema(sdl())
# Fuzzed mutations run against the test graph; a detection run would only add minutes, not coverage.
MUTATIONS = [
    name
    for name in SCHEMA.mutation_type.fields
    if name != "triggerDetectionRun"  # type: ignore[union-attr]
]


@pytest.fixture(scope="module")
def live_url(keys: Keys, settings: Settings) -> Iterator[str]:
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started
    yield f"http://127.0.0.1:{port}/graphql"
    server.should_exit = True
    thread.join(timeout=30)


@fuzz_settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    document=st.one_of(queries(SCHEMA), mutations(SCHEMA, fields=MUTATIONS)),
    # Every role: a permission refusal, a cost refusal or a budget must be a coded error for each.
    role=st.sampled_from(["viewer", "analyst", "admin"]),
)
def test_fuzzed_operations_never_fail_unmasked(live_url: str, keys: Keys, document: str, role: str) -> None:
    key = getattr(keys, role)
    response = httpx.post(live_url, json={"query": document}, headers={"X-API-Key": key}, timeout=60)
    assert response.status_code in {200, 400}, response.text[:500]
    body = response.json()
    messages = [e.get("message", "") for e in body.get("errors") or []]
    # "Internal error." is what a masked crash looks like: a bug the fuzzer found.
    assert "Internal error." not in messages, (document, messages)
    codes = [e.get("extensions", {}).get("code") for e in body.get("errors") or []]
    assert None not in codes, (document, body.get("errors"))
