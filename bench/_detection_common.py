"""Shared by the detection benchmarks: a Neo4j per scenario directory whose store is kept between runs
(loading is not what these benchmarks measure), and heap sampling while detection runs."""

from __future__ import annotations

import os
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from neo4j import GraphDatabase
from rich.console import Console

from app.platform.driver import sync_driver
from app.platform.neo4j_server.throwaway import throwaway_neo4j
from app.platform.schema import apply_schema
from app.platform.settings import Settings, get_settings
from loaders.bulk.run import bulk_load_directory
from loaders.pipeline import load_directory
from loaders.settings import get_load_settings
from scenarios.standard.generator import simulate

LOADED_MARK = "loaded.ok"


@contextmanager
def scenario_db(
    work: Path,
    scenario: str,
    accounts: int,
    seed: int,
    heap: str,
    requests_per_account: float = 25.0,
    bulk: bool = False,
) -> Iterator[tuple[Settings, Path]]:
    """Neo4j holding the own generator's `scenario` at `accounts`: generated and loaded under `work` once
    (`bulk`: by `linkwatch load --bulk`, the way a million accounts gets loaded in minutes)."""

    def generate(data: Path) -> None:
        simulate(
            data, scenario=scenario, accounts=accounts, seed=seed, requests_per_account=requests_per_account
        )

    root = work / f"{scenario}-{accounts}-s{seed}-r{requests_per_account:g}"
    with store_db(root, generate, heap, bulk) as ready:
        yield ready


@contextmanager
def store_db(
    root: Path, generate: Callable[[Path], None], heap: str, bulk: bool = False
) -> Iterator[tuple[Settings, Path]]:
    """Neo4j holding what `generate(root / "data")` writes: generated and loaded once, reused after (a
    `.generated` mark and `loaded.ok` tell a finished step from an interrupted one). `bulk`: the first
    load goes through the offline importer (the store must be empty, as a fresh one is)."""
    data = root / "data"
    if not (root / ".generated").exists():
        generate(data)
        (root / ".generated").write_text("ok\n")
    password_file = root / "password"
    root.mkdir(parents=True, exist_ok=True)
    if not password_file.exists():
        password_file.write_text(secrets.token_urlsafe(16))
        password_file.chmod(0o600)
    password = password_file.read_text().strip()
    with throwaway_neo4j(root, heap=heap, pagecache="2g", password=password) as neo4j:
        os.environ.update({**neo4j.env(), "LINKWATCH_INSTRUMENT_HASH_KEY": "bench-key"})
        get_settings.cache_clear()
        try:
            settings = get_settings()
            if not (root / LOADED_MARK).exists():
                if bulk:
                    bulk_load_directory(data, settings, get_load_settings(), Console(quiet=True))
                else:
                    with sync_driver(settings) as driver:
                        apply_schema(driver, settings.neo4j_database)
                        load_directory(data, driver, settings, get_load_settings(), Console(quiet=True))
                (root / LOADED_MARK).write_text("ok\n")
            yield settings, data
        finally:
            get_settings.cache_clear()


class HeapSampler:
    """Peak JVM heap in use while a block runs, sampled over Bolt from the server's JMX bean."""

    def __init__(self, settings: Settings, every: float = 0.5) -> None:
        self._settings = settings
        self._every = every
        self._stop = threading.Event()
        self.peak_bytes = 0
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> HeapSampler:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        auth = (self._settings.neo4j_user, self._settings.password())
        with GraphDatabase.driver(self._settings.neo4j_uri, auth=auth) as d:
            while not self._stop.is_set():
                records, _, _ = d.execute_query(
                    "CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes "
                    "RETURN attributes.HeapMemoryUsage.value.properties.used AS used"
                )
                self.peak_bytes = max(self.peak_bytes, int(records[0]["used"] or 0))
                time.sleep(self._every)
