"""Test fixtures: one throw-away Neo4j + GDS for the whole session (temp directory, free port)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver, GraphDatabase

from app.platform.neo4j_server import server
from app.platform.neo4j_server.throwaway import throwaway_neo4j
from app.platform.schema import apply_schema
from app.platform.settings import Settings, get_settings


@pytest.fixture(scope="session")
def neo4j_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("linkwatch-home")


@pytest.fixture(scope="session")
def neo4j_server(neo4j_home: Path) -> Iterator[server.ServerConfig]:
    heap = os.environ.get("LINKWATCH_TEST_HEAP", "2g")
    with throwaway_neo4j(neo4j_home, heap=heap, pagecache="512m") as neo4j:
        # Everything the code under test reads through Settings points at this instance.
        os.environ.update(
            {
                **neo4j.env(),
                "NEO4J_USER": "neo4j",
                "LINKWATCH_INSTRUMENT_HASH_KEY": "test-hash-key-not-secret",
                # One test process builds many apps: freezing its heap each time would only slow the run.
                # tests/api/test_hot_path.py checks the freeze on an app of its own.
                "LINKWATCH_API_FREEZE_HEAP": "false",
                # Tests fire requests faster than any analyst; tests/api/test_cost.py sets its own limit.
                "LINKWATCH_API_RATE_LIMIT": "",
            }
        )
        get_settings.cache_clear()
        try:
            yield neo4j.config
        finally:
            get_settings.cache_clear()


@pytest.fixture(scope="session")
def settings(neo4j_server: server.ServerConfig) -> Settings:
    return get_settings()


@pytest.fixture(scope="session")
def driver(settings: Settings) -> Iterator[Driver]:
    drv = GraphDatabase.driver(settings.neo4j_uri, auth=(settings.neo4j_user, settings.password()))
    apply_schema(drv, settings.neo4j_database)
    yield drv
    drv.close()


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The generator's demo scenario (ground truth included), small enough for the loader tests
    (with and without a database)."""
    from scenarios.standard import simulate

    path = tmp_path_factory.mktemp("loader-demo")
    simulate(path, "demo", accounts=500, seed=5, requests_per_account=4.0)
    return path


def wipe(drv: Driver) -> None:
    with drv.session() as s:
        s.run(
            "CALL gds.graph.list() YIELD graphName "
            "CALL gds.graph.drop(graphName, false) YIELD graphName AS g "
            "RETURN count(g)"
        ).consume()
        s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


@pytest.fixture
def clean_db(driver: Driver) -> Driver:
    """An empty database (schema kept) for tests that need one."""
    wipe(driver)
    return driver
