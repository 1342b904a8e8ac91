"""Detection runs as the API lists them."""

from __future__ import annotations

from app.services import runs
from tests.unit.fakes import FakeRunner


async def test_page_passes_its_window_and_status_filter(fake: FakeRunner) -> None:
    fake.answer("api/runs_page", [{"total": 7, "rows": [{"run_id": "r2"}, {"run_id": "r1"}]}])
    total, rows = await runs.page(fake, "succeeded", 20, 2)
    assert (total, [r["run_id"] for r in rows]) == (7, ["r2", "r1"])
    assert fake.only_call().params == {"status": "succeeded", "skip": 20, "limit": 2}


async def test_page_without_a_row_is_empty(fake: FakeRunner) -> None:
    assert await runs.page(fake, None, 0, 20) == (0, [])


async def test_get_unwraps_the_run(fake: FakeRunner) -> None:
    fake.answer("api/run_get", [{"run": {"run_id": "r1", "status": "running"}}])
    assert await runs.get(fake, "r1") == {"run_id": "r1", "status": "running"}
    assert fake.only_call().params == {"run_id": "r1"}


async def test_get_of_an_unknown_run_is_none(fake: FakeRunner) -> None:
    assert await runs.get(fake, "nope") is None
