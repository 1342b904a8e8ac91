"""Actors and labels: ids made from names before anything is written, one query per label entity kind."""

from __future__ import annotations

from typing import Any

import pytest
from neo4j.exceptions import ConstraintError

from app.domain.vocabulary import LabelEntity
from app.services import actors
from tests.unit.fakes import FakeRunner


async def test_create_writes_the_slug_of_the_name(fake: FakeRunner) -> None:
    fake.answer("api/actor_create", lambda p: [{"actor": {"actor_id": p["actor_id"], "name": p["name"]}}])
    row = await actors.create(fake, "  Sandworm Team ", ["Voodoo Bear"], "ana")
    assert row == {"actor_id": "sandworm-team", "name": "  Sandworm Team "}
    assert fake.only_call().params == {
        "actor_id": "sandworm-team",
        "name": "  Sandworm Team ",
        "aliases": ["Voodoo Bear"],
        "by": "ana",
    }


async def test_create_of_a_name_without_letters_writes_nothing(fake: FakeRunner) -> None:
    with pytest.raises(ValueError, match="letters or digits"):
        await actors.create(fake, " -- ", [], "ana")
    assert fake.calls == []


async def test_a_duplicate_actor_is_reported_by_id(fake: FakeRunner) -> None:
    def duplicate(params: dict[str, Any]) -> list[dict[str, Any]]:
        raise ConstraintError("already exists")

    fake.answer("api/actor_create", duplicate)
    with pytest.raises(actors.ActorExistsError) as err:
        await actors.create(fake, "APT 28", [], "ana")
    assert err.value.args == ("apt-28",)


@pytest.mark.parametrize("entity", list(LabelEntity))
async def test_each_label_entity_has_its_own_query(fake: FakeRunner, entity: LabelEntity) -> None:
    fake.answer(f"api/label_{entity.value}", [{"actor": {"actor_id": "apt-28"}, "edge": {"confidence": 0.5}}])
    row = await actors.add_label(fake, entity, "k", "apt-28", 0.5, "intel", None, "ana")
    assert row is not None
    assert row["edge"] == {"confidence": 0.5}
    call = fake.only_call()
    assert call.name == f"api/label_{entity.value}"
    assert call.params["key"] == "k"
    assert call.params["actor_id"] == "apt-28"
    assert (call.params["campaign_id"], call.params["kind"]) == (None, "label")
    await actors.add_label(fake, entity, "k", "apt-28", 0.5, "intel", None, "ana", campaign_id="C-1")
    assert fake.calls[-1].params["campaign_id"] == "C-1"


async def test_a_label_on_a_missing_entity_is_none(fake: FakeRunner) -> None:
    assert await actors.add_label(fake, LabelEntity.IP, "192.0.2.1", "x", 0.9, "s", "n", "ana") is None


async def test_page_reads_total_and_rows(fake: FakeRunner) -> None:
    fake.answer("api/actors_page", [{"total": 3, "rows": [{"actor_id": "a"}]}])
    assert await actors.page(fake, "ap", 2, 1) == (3, [{"actor_id": "a"}])
    assert fake.only_call().params == {"search": "ap", "skip": 2, "limit": 1}
    fake.answers.clear()
    assert await actors.page(fake, None, 0, 10) == (0, [])


async def test_by_ids_keys_rows_by_actor_id_and_skips_unknown(fake: FakeRunner) -> None:
    fake.answer("api/actors_by_ids", [{"actor": {"actor_id": "b"}}, {"actor": {"actor_id": "a"}}])
    found = await actors.by_ids(fake, ["a", "b", "missing"])
    assert found == {"a": {"actor_id": "a"}, "b": {"actor_id": "b"}}
    assert fake.only_call().params == {"ids": ["a", "b", "missing"]}


async def test_campaigns_and_labels_are_bounded(fake: FakeRunner) -> None:
    await actors.campaigns(fake, "apt-28", 5)
    await actors.labels(fake, "apt-28", 7)
    assert [(c.name, c.params) for c in fake.calls] == [
        ("api/actor_campaigns", {"actor_id": "apt-28", "limit": 5}),
        ("api/actor_labels", {"actor_id": "apt-28", "limit": 7}),
    ]
