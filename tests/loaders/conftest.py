"""Loader test helpers: load a directory in-process against the session's Neo4j, and snapshot the graph."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver
from rich.console import Console

from app.platform.settings import Settings
from loaders.pipeline import load_directory
from loaders.report import LoadReport
from loaders.settings import LoadSettings

# Properties that record *when* a load ran, not what it loaded.
# `load_batch` is load bookkeeping (which batch created an account or an account-entity link: its id depends
# on the file's content hash and the writer partitions), read by incremental detection, not part of what was
# loaded.
VOLATILE = {"created_at", "loaded_at", "load_batch"}


def run_load(
    directory: Path, driver: Driver, settings: Settings, min_template_accounts: int = 2, **overrides: Any
) -> LoadReport:
    ls = LoadSettings().model_copy(update=overrides)
    return load_directory(
        directory, driver, settings, ls, Console(stderr=True, quiet=True), min_template_accounts
    )


def _clean(props: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k, repr(v)) for k, v in props.items() if k not in VOLATILE))


def snapshot(driver: Driver) -> dict[str, Any]:
    """Every node and relationship (but load markers) with its properties, in a comparable form."""
    with driver.session() as s:
        nodes = sorted(
            (r["labels"], _clean(r["props"]))
            for r in s.run(
                "MATCH (n) WHERE NOT n:LoadBatch RETURN labels(n)[0] AS labels, properties(n) AS props"
            )
        )
        rels = sorted(
            (r["type"], _clean(r["a"]), _clean(r["b"]), _clean(r["props"]))
            for r in s.run(
                "MATCH (a)-[r]->(b) RETURN type(r) AS type, properties(a) AS a, properties(b) AS b, "
                "properties(r) AS props"
            )
        )
    return {"nodes": nodes, "rels": rels}


def counts(driver: Driver) -> dict[str, int]:
    with driver.session() as s:
        out = {
            f"node:{r['l']}": r["n"]
            for r in s.run("MATCH (n) WHERE NOT n:LoadBatch RETURN labels(n)[0] AS l, count(*) AS n")
        }
        out.update(
            {f"rel:{r['t']}": r["n"] for r in s.run("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS n")}
        )
    return out


def reset_state(settings: Settings) -> None:
    """Registry and mining scratch live under LINKWATCH_HOME; a wiped graph starts from a clean state too."""
    import shutil

    shutil.rmtree(settings.home / "state", ignore_errors=True)


@pytest.fixture
def fresh(clean_db: Driver, settings: Settings) -> Driver:
    reset_state(settings)
    return clean_db


def graph_text(driver: Driver) -> str:
    """Every property value of every node and relationship, as one string to search for leaks."""
    with driver.session() as s:
        nodes = [repr(r["p"]) for r in s.run("MATCH (n) RETURN properties(n) AS p")]
        rels = [repr(r["p"]) for r in s.run("MATCH ()-[r]->() RETURN properties(r) AS p")]
    return "\n".join(nodes + rels)
