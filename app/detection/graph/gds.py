"""The GDS client for one detection run, on the run's own driver and database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from graphdatascience import GraphDataScience
from neo4j import Driver


@contextmanager
def gds_client(driver: Driver, database: str) -> Iterator[GraphDataScience]:
    # Bolt only: the Arrow endpoint would need the password handed over separately, and the streams here
    # are small. No progress bars: they poll the server from a thread and write to a batch job's stderr.
    gds = GraphDataScience(driver, database=database, arrow=False, show_progress=False)
    try:
        yield gds
    finally:
        # A client built on a caller's driver leaves that driver open; the caller closes it.
        gds.close()
