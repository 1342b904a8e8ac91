"""/metrics on a real API shows work done by other processes: detection runs as the job worker records
them in the graph, and the rows of a `linkwatch load` that finished after the API started."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from neo4j import Driver

from app.cli.load_cmd import load
from app.jobs import runs
from app.platform.settings import Settings

from .conftest import Api, Keys
from .test_operations import _sample

LOOP = pytest.mark.asyncio(loop_scope="session")
RUNS = "linkwatch_detection_runs_total"
UNFINISHED = "linkwatch_detection_runs_unfinished"
DURATION = "linkwatch_detection_run_duration_seconds"
ROWS = "linkwatch_load_rows_total"


@pytest_asyncio.fixture(loop_scope="session")
async def fresh(make_api: Any, keys: Keys) -> Api:
    """An API that re-reads the records at every scrape, so each step shows at once."""
    api: Api = await make_api(api_metrics_cache_seconds=0)
    return api


async def _scrape(api: Api, keys: Keys) -> str:
    response = await api.client.get("/metrics", headers={"Authorization": f"Bearer {keys.viewer}"})
    assert response.status_code == 200
    return response.text


@LOOP
async def test_detection_runs_follow_the_run_records(
    fresh: Api, keys: Keys, driver: Driver, settings: Settings
) -> None:
    text = await _scrape(fresh, keys)
    assert _sample(text, "linkwatch_detection_metrics_up") == 1
    # The planted graph holds one run: succeeded, triggered from the CLI, 60 s from start to finish.
    assert _sample(text, RUNS, status="succeeded", trigger="cli") == 1
    assert _sample(text, f"{DURATION}_count", status="succeeded") == 1
    assert _sample(text, f"{DURATION}_sum", status="succeeded") == 60.0
    assert f'{DURATION}_bucket{{le="30.0",status="succeeded"}} 0.0' in text
    assert _sample(text, f"{DURATION}_bucket", le="60.0", status="succeeded") == 1
    assert _sample(text, "linkwatch_detection_last_success_timestamp_seconds") == 1777680060.0

    # The steps the worker takes with a run the API queued, each visible at the next scrape.
    db = settings.neo4j_database
    run_id = runs.queue(driver, db, "metrics-test", "api")
    assert _sample(await _scrape(fresh, keys), UNFINISHED, status="queued", trigger="api") == 1
    assert runs.start(driver, db, run_id)
    text = await _scrape(fresh, keys)
    assert _sample(text, UNFINISHED, status="running", trigger="api") == 1
    assert f'{UNFINISHED}{{status="queued"' not in text
    runs.fail(driver, db, run_id, "boom")
    text = await _scrape(fresh, keys)
    assert _sample(text, RUNS, status="failed", trigger="api") == 1
    assert _sample(text, f"{DURATION}_count", status="failed") == 1
    assert UNFINISHED + "{" not in text
    assert _sample(text, RUNS, status="succeeded", trigger="cli") == 1


@LOOP
async def test_a_finished_load_adds_its_rows(fresh: Api, keys: Keys, tmp_path: Path) -> None:
    before = await _scrape(fresh, keys)
    (tmp_path / "accounts.csv").write_text(
        "account_id,country\nm-metrics-1,DE\nm-metrics-2,FR\nm-metrics-3,not-a-country\n", encoding="utf-8"
    )
    load(tmp_path, batch_size=None, min_template_accounts=2, engine=None, master=None, bulk=False)
    after = await _scrape(fresh, keys)

    def delta(name: str, **labels: str) -> float:
        return _sample(after, name, **labels) - _sample(before, name, **labels)

    assert delta(ROWS, kind="accounts", outcome="read") == 3
    assert delta(ROWS, kind="accounts", outcome="loaded") == 2
    assert delta(ROWS, kind="accounts", outcome="rejected") == 1
    assert delta("linkwatch_loads_total") == 1
    assert _sample(after, "linkwatch_load_last_finished_timestamp_seconds") > 0

    # The same directory again: every file is already loaded, so no row is counted twice.
    load(tmp_path, batch_size=None, min_template_accounts=2, engine=None, master=None, bulk=False)
    again = await _scrape(fresh, keys)
    assert _sample(again, ROWS, kind="accounts", outcome="read") == _sample(
        after, ROWS, kind="accounts", outcome="read"
    )
    assert _sample(again, "linkwatch_loads_total") == _sample(after, "linkwatch_loads_total") + 1
