"""The fake runner keeps the contract the database would: a test over it still catches a renamed query
or parameter."""

from __future__ import annotations

import pytest

from app.platform.cypher import UnknownQueryError
from app.platform.runner import AsyncQueryRunner
from tests.unit import fakes
from tests.unit.fakes import FakeRunner, FakeRunnerError


def test_the_fake_is_an_async_query_runner() -> None:
    # Typed, so mypy checks the Protocol; the assertion keeps the line from being dead code.
    runner: AsyncQueryRunner = FakeRunner()
    assert hasattr(runner, "fetch_one_plain")


async def test_a_query_without_a_cypher_file_is_refused(fake: FakeRunner) -> None:
    with pytest.raises(UnknownQueryError):
        await fake.fetch("api/no_such_query", key="x")
    assert fake.calls == []


async def test_a_renamed_parameter_is_refused(fake: FakeRunner) -> None:
    # api/run_get reads $run_id.
    with pytest.raises(FakeRunnerError, match=r"\$run_id"):
        await fake.fetch_one("api/run_get", id="r1")


async def test_an_extra_parameter_is_allowed_when_the_header_declares_none(fake: FakeRunner) -> None:
    # Neo4j ignores parameters a query does not use, so the fake does too.
    assert await fake.fetch_one("api/run_get", run_id="r1", unused=1) is None
    assert fake.only_call().params == {"run_id": "r1", "unused": 1}


async def test_declared_params_must_match_exactly(monkeypatch: pytest.MonkeyPatch, fake: FakeRunner) -> None:
    monkeypatch.setattr(fakes, "declared_params", lambda name: frozenset({"run_id"}))
    await fake.fetch("api/run_get", run_id="r1")
    with pytest.raises(FakeRunnerError, match="declares params"):
        await fake.fetch("api/run_get", run_id="r1", unused=1)


def test_declared_params_are_read_from_the_header(monkeypatch: pytest.MonkeyPatch) -> None:
    from app.platform.cypher import parse

    parsed = parse("api/run_get", "// name: api/run_get\n// params: $run_id, limit\nRETURN $run_id")
    monkeypatch.setattr(fakes, "query", lambda name: parsed)
    fakes.declared_params.cache_clear()
    try:
        assert fakes.declared_params("api/run_get") == frozenset({"run_id", "limit"})
    finally:
        fakes.declared_params.cache_clear()


async def test_plain_fetch_refuses_a_write_query_as_the_graph_does(fake: FakeRunner) -> None:
    with pytest.raises(ValueError, match="write query"):
        await fake.fetch_one_plain("api/key_revoke", key_id="k")


async def test_answers_are_rows_or_functions_of_the_parameters(fake: FakeRunner) -> None:
    fake.answer("api/run_get", lambda p: [{"run": {"run_id": p["run_id"]}}])
    assert await fake.fetch_one("api/run_get", run_id="r9") == {"run": {"run_id": "r9"}}


async def test_strict_fake_refuses_an_unexpected_query() -> None:
    with pytest.raises(FakeRunnerError, match="no answer"):
        await FakeRunner(strict=True).fetch("api/run_get", run_id="r1")
