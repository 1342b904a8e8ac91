"""Unit tests: no database, no Java. A test that reaches for either fails at once instead of quietly
starting a server, which would make `make unit` slow and let a database test hide among the fast ones."""

from __future__ import annotations

from typing import NoReturn

import pytest

from app.platform.neo4j_server import server
from tests.unit.fakes import FakeRunner

_REFUSED = "unit tests run without Neo4j: move a test that needs {what} out of tests/unit"


@pytest.fixture(scope="session")
def neo4j_server() -> NoReturn:
    # `settings`, `driver`, `clean_db` and every fixture built on them depend on this one.
    raise RuntimeError(_REFUSED.format(what="the session's Neo4j"))


@pytest.fixture(autouse=True)
def _no_server_start(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> NoReturn:
        raise RuntimeError(_REFUSED.format(what="a Neo4j server"))

    monkeypatch.setattr(server, "start", refuse)


@pytest.fixture
def fake() -> FakeRunner:
    return FakeRunner()
