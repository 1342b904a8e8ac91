"""One Spark session for a load: local (`local[N]`) or a standalone cluster (`spark://host:port`).

A cluster that cannot be reached fails fast with its URL in the message: the standalone client would
otherwise retry its registration for a minute before giving up without naming the master.
"""

from __future__ import annotations

import socket
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

DEFAULT_MASTER = "local[*]"


class SparkUnavailableError(RuntimeError):
    """The Spark master named by the load cannot be reached (or pyspark is not installed)."""


def check_master(master: str, timeout: float) -> None:
    """Raises SparkUnavailableError unless `master` is local or a standalone master that accepts a
    connection within `timeout` seconds."""
    if master == "local" or master.startswith("local["):
        return
    parts = urlsplit(master)
    if parts.scheme != "spark" or not parts.hostname:
        raise SparkUnavailableError(f"unsupported Spark master {master!r}: use local[N] or spark://host:port")
    port = parts.port or 7077
    try:
        with socket.create_connection((parts.hostname, port), timeout=timeout):
            pass
    except OSError as e:
        raise SparkUnavailableError(
            f"Spark master {master} is unreachable ({e.strerror or e}); "
            "check --master, that the master is running and that this host can reach it"
        ) from e


def start_session(master: str | None, shuffle_partitions: int, timeout: float) -> SparkSession:
    master = master or DEFAULT_MASTER
    check_master(master, timeout)
    try:
        from pyspark.sql import SparkSession
    except ImportError as e:  # an optional dependency: pip install 'linkwatch[spark]'
        raise SparkUnavailableError("pyspark is not installed: pip install 'linkwatch[spark]'") from e
    builder = (
        SparkSession.builder.master(master)
        .appName("linkwatch-mining")
        .config("spark.ui.enabled", "false")
        # Progress is the loader's own (stages with rates), not Spark's console bar.
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", str(shuffle_partitions))
        # The mining's casts expect NULL on bad input (DuckDB's try_cast), not ANSI errors.
        .config("spark.sql.ansi.enabled", "false")
        .config("spark.sql.legacy.timeParserPolicy", "CORRECTED")
    )
    if master.startswith("local"):
        # A laptop load listens on loopback only; a cluster driver must be reachable by its executors.
        builder = builder.config("spark.driver.host", "127.0.0.1").config(
            "spark.driver.bindAddress", "127.0.0.1"
        )
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session
