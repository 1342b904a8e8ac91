"""One Spark session for a load: local (`local[N]`) or a standalone cluster (`spark://host:port`).

A cluster that cannot be reached fails fast with its URL in the message: the standalone client would
otherwise retry its registration for a minute before giving up without naming the master. Two checks:
the master's port must accept a connection, and the master must register the application within the
timeout (a proxy or another service can accept the connection without being a Spark master).
"""

from __future__ import annotations

import socket
import threading
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


def start_session(
    master: str | None, shuffle_partitions: int, timeout: float, extra: dict[str, str] | None = None
) -> tuple[SparkSession, bool]:
    """The session, and whether this call created it (a session already running in the process, as in
    the tests, is reused whatever its master)."""
    master = master or DEFAULT_MASTER
    check_master(master, timeout)
    try:
        from pyspark.sql import SparkSession
    except ImportError as e:  # an optional dependency: pip install 'linkwatch[spark]'
        raise SparkUnavailableError("pyspark is not installed: pip install 'linkwatch[spark]'") from e
    running = SparkSession.getActiveSession()
    if running is not None:
        return running, False
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
    for key, value in (extra or {}).items():
        builder = builder.config(key, value)
    if master.startswith("local"):
        # A laptop load listens on loopback only; a cluster driver must be reachable by its executors.
        builder = builder.config("spark.driver.host", "127.0.0.1").config(
            "spark.driver.bindAddress", "127.0.0.1"
        )
    session = builder.getOrCreate() if master.startswith("local") else _registered(builder, master, timeout)
    session.sparkContext.setLogLevel("ERROR")
    return session, True


def _registered(builder: SparkSession.Builder, master: str, timeout: float) -> SparkSession:
    """The session once the master has registered the application; the standalone client blocks until
    then, so it runs on a helper thread that is abandoned (with the process) when the master is silent."""
    done: dict[str, object] = {}

    def build() -> None:
        try:
            done["session"] = builder.getOrCreate()
        except Exception as e:  # reported below, with the master's URL
            done["error"] = e

    thread = threading.Thread(target=build, name="spark-register", daemon=True)
    thread.start()
    thread.join(timeout)
    session = done.get("session")
    if thread.is_alive() or session is None:
        reason = f"no answer within {timeout:g} s" if thread.is_alive() else f"{done.get('error')}"
        raise SparkUnavailableError(
            f"Spark master {master} did not accept the application ({reason}); "
            "check --master and that the master and its workers are running"
        )
    from pyspark.sql import SparkSession

    assert isinstance(session, SparkSession)
    return session
