"""Where the heavy statements of mining run: the local DuckDB database, or Spark.

Mining keeps one local DuckDB database (the mined tables the writers read, kept for a resumed load). The
statements over the whole log run on the *engine*; the small tables in between (distinct IPs checked by
the domain's rules, the skeletons to group into near-duplicate templates, the template map) move between
the engine and the local database with `to_local` / `to_engine`. On DuckDB the two are the same
database, so both moves are nothing and the statements run exactly as they always did.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

import duckdb

from loaders.discovery import DataFile, Kind
from loaders.mining.statements import statement
from loaders.reading import Source, source

Params = dict[str, Any] | list[Any] | None


class MiningEngine(Protocol):
    name: str

    def source(self, index: int, df: DataFile) -> Source:
        """A SELECT over the request file `df` (the `index`-th of the unit): `line`, the kind's columns as
        text and the malformed-line flag, as `loaders.reading.source` gives them."""
        ...

    def create(self, table: str, sql: str, params: Params = None) -> None:
        """Table `table` (an identifier of ours) from the SELECT `sql`, on the engine."""

    def view(self, name: str, sql: str) -> None:
        """A view on the engine: recomputed by each statement that reads it."""

    def count(self, table: str) -> int: ...

    def to_local(self, table: str) -> None:
        """The engine's table `table` as a table of the same name in the local database."""

    def to_engine(self, table: str) -> None:
        """The local table `table` as a table of the same name on the engine."""

    def drop(self, table: str) -> None: ...

    def close(self) -> None: ...


class DuckDBEngine:
    """The local database is the engine."""

    name = "duckdb"

    def __init__(self, con: duckdb.DuckDBPyConnection, work_dir: Path | None = None) -> None:
        self.con = con
        self._views: set[str] = set()

    def source(self, index: int, df: DataFile) -> Source:
        return source(self.con, df, Kind.REQUESTS)

    def create(self, table: str, sql: str, params: Params = None) -> None:
        self.con.execute(f"CREATE TABLE {table} AS {sql}", params)

    def view(self, name: str, sql: str) -> None:
        self.con.execute(f"CREATE VIEW {name} AS {sql}")
        self._views.add(name)

    def count(self, table: str) -> int:
        return int(self.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])  # noqa: S608

    def to_local(self, table: str) -> None:
        pass

    def to_engine(self, table: str) -> None:
        pass

    def drop(self, table: str) -> None:
        kind = "VIEW" if table in self._views else "TABLE"
        self._views.discard(table)
        self.con.execute(f"DROP {kind} IF EXISTS {table}")

    def close(self) -> None:
        pass


def run(engine: MiningEngine, table: str, name: str, params: Params = None) -> None:
    """`table` from the statement file `name`."""
    engine.create(table, statement(name), params)
