"""The mining's SQL statements, one per file under `loaders/mining/sql/`, loaded by name.

They are written once, in DuckDB's dialect, and run as they are on DuckDB; the Spark engine translates
the very same text (`loaders/mining/spark/dialect.py`). Parameters are `$name`.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def statement(name: str) -> str:
    if not name.replace("_", "").isalnum():
        raise ValueError(f"bad statement name {name!r}")
    return resources.files("loaders.mining").joinpath("sql", f"{name}.sql").read_text(encoding="utf-8")
