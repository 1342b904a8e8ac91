"""Entities and neighbourhoods: one query per kind; the path's `from` (a Python keyword) passed through."""

from __future__ import annotations

import pytest

from app.services import entities
from app.services.entities import NeighbourhoodKind
from tests.unit.fakes import FakeRunner


async def test_accounts_by_ids_keys_rows_by_account_id(fake: FakeRunner) -> None:
    fake.answer("api/accounts_by_ids", [{"account": {"account_id": "a1", "org": None}}])
    assert await entities.accounts_by_ids(fake, ["a1", "a2"]) == {"a1": {"account_id": "a1", "org": None}}


@pytest.mark.parametrize("kind", list(NeighbourhoodKind))
async def test_each_neighbourhood_kind_has_its_query(fake: FakeRunner, kind: NeighbourhoodKind) -> None:
    await entities.neighbourhood(fake, kind, "k", 10, 500)
    call = fake.only_call()
    assert (call.name, call.params) == (
        f"api/{kind.value}_neighbourhood",
        {"key": "k", "limit": 10, "scan": 500},
    )


async def test_account_reads_are_keyed_and_bounded(fake: FakeRunner) -> None:
    await entities.account_neighbourhood(fake, "a1", 5)
    await entities.linked_accounts(fake, "a1", 5, 1000)
    assert [c.params for c in fake.calls] == [
        {"key": "a1", "limit": 5},
        {"key": "a1", "limit": 5, "max_degree": 1000},
    ]


async def test_shortest_path_passes_both_ends_and_the_bounds(fake: FakeRunner) -> None:
    fake.answer("api/path_accounts", [{"nodes": [], "relationships": []}])
    assert await entities.shortest_path(fake, "a1", "a2", 4, 1000) == {"nodes": [], "relationships": []}
    assert fake.only_call().params == {"from": "a1", "to": "a2", "max_length": 4, "max_degree": 1000}


async def test_no_path_is_none(fake: FakeRunner) -> None:
    assert await entities.shortest_path(fake, "a1", "a2", 8, 1000) is None
