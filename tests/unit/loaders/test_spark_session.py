"""A Spark master that cannot be reached fails at once, naming it (no JVM is started for that)."""

from __future__ import annotations

import re
import socket

import pytest

from loaders.mining.spark.session import SparkUnavailableError, check_master, start_session


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_refused_master_is_named_in_the_error() -> None:
    master = f"spark://127.0.0.1:{_closed_port()}"
    with pytest.raises(SparkUnavailableError, match=re.escape(f"Spark master {master} is unreachable")):
        start_session(master, 2, timeout=1.0)


def test_an_unknown_host_is_named_in_the_error() -> None:
    with pytest.raises(SparkUnavailableError, match=re.escape("spark://spark-master.invalid:7077")):
        check_master("spark://spark-master.invalid:7077", timeout=1.0)


@pytest.mark.parametrize("master", ["yarn", "http://host:7077", "spark://"])
def test_other_master_urls_are_refused_with_the_accepted_forms(master: str) -> None:
    with pytest.raises(SparkUnavailableError, match=r"use local\[N\] or spark://host:port"):
        check_master(master, timeout=1.0)


def test_local_masters_need_no_check() -> None:
    check_master("local[2]", timeout=0.001)
    check_master("local", timeout=0.001)
