"""One local Spark session for every Spark test (JVM start-up is seconds; the session is shared)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pyspark.sql import SparkSession

from loaders.mining.spark.session import start_session
from tests.loaders.conftest import fresh  # noqa: F401 - the graph-parity test loads into a wiped store


@pytest.fixture(scope="session")
def spark() -> Iterator[SparkSession]:
    session, created = start_session(
        "local[2]",
        2,
        60,
        # Small splits, so that even the tests' small text files are read as several partitions and the
        # line numbering across partitions is exercised.
        {"spark.sql.files.maxPartitionBytes": "16384", "spark.default.parallelism": "2"},
    )
    yield session
    if created:
        session.stop()
