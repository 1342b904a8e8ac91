"""Shared by the loader benchmarks: a throw-away Neo4j, input directories, peak memory."""

from __future__ import annotations

import os
import resource
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.platform.driver import sync_driver
from app.platform.neo4j_server.throwaway import throwaway_neo4j
from app.platform.settings import Settings, get_settings


@contextmanager
def neo4j(heap: str = "2g", pagecache: str = "1g") -> Iterator[Settings]:
    """A fresh Neo4j in a temporary home on a free loopback port, stopped afterwards."""
    with throwaway_neo4j(heap=heap, pagecache=pagecache, prefix="lw-bench-load-") as neo4j:
        os.environ.update({**neo4j.env(), "LINKWATCH_INSTRUMENT_HASH_KEY": "bench-key"})
        get_settings.cache_clear()
        try:
            yield get_settings()
        finally:
            get_settings.cache_clear()


def subset(source: Path, kinds: tuple[str, ...], target: Path) -> Path:
    """A directory with only the files of `kinds` from `source` (symlinks, no copies)."""
    target.mkdir(parents=True, exist_ok=True)
    for p in sorted(source.iterdir()):
        if p.is_file() and p.name.startswith(kinds):
            (target / p.name).symlink_to(p)
    return target


def peak_rss_mib() -> float:
    """The process's maximum resident set so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_child_rss_mib() -> float:
    """The largest resident set of any finished child process (the importer's JVM)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def wipe(settings: Settings) -> None:
    """Deletes every node, so a bulk load (empty store only) can run again."""
    with sync_driver(settings) as drv, drv.session() as s:  # IN TRANSACTIONS needs an auto-commit query
        s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 20000 ROWS").consume()
