"""Which skeletons already belong to which template, kept across loads under LINKWATCH_HOME/state.

The graph holds templates' canonical text; this registry adds every member skeleton seen so far (its key
and text), so a later load maps a known paraphrase straight to its template even when it arrives alone,
and near-duplicates are compared with every known member, not only the canonical text. Entries whose
template is no longer in the graph (a wiped database) are ignored, so a stale registry cannot resurrect
templates.

Mining reads and extends the registry inside DuckDB (`readable`, `add_from`): it never passes through
Python objects, however many skeletons it remembers.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
from filelock import FileLock

SCHEMA = pa.schema([("skel_key", pa.string()), ("template_id", pa.string()), ("skeleton", pa.string())])
# Entries per written batch: bounds the memory of a merge whatever the registry's size.
_BATCH = 65_536


class Registry:
    def __init__(self, state_dir: Path) -> None:
        self.path = state_dir / "template-registry.parquet"
        self.lock = FileLock(str(state_dir / "template-registry.lock"))

    def readable(self) -> Path | None:
        """The registry file, if there is one in the current layout (an older layout starts afresh).
        Writers replace the file atomically, so a reader always sees one whole version."""
        with self.lock:
            if not self.path.exists() or pq.read_schema(self.path).names != SCHEMA.names:
                return None
        return self.path

    def read(self, live_template_ids: set[str]) -> dict[str, tuple[str, str]]:
        """skeleton key -> (template id, skeleton text), for templates still in the graph."""
        path = self.readable()
        if path is None:
            return {}
        table = pq.read_table(path)
        cols = [table.column(c).to_pylist() for c in SCHEMA.names]
        return {k: (t, s) for k, t, s in zip(*cols, strict=True) if t in live_template_ids}

    def add_from(self, con: duckdb.DuckDBPyConnection, table: str = "m_registry") -> int:
        """Merges the entries of `table` (skel_key, template_id, skeleton; a table of ours, never a user
        string) into the registry, a later entry replacing an earlier one of the same key. Returns the
        number of entries added or replaced."""
        cursor = con.cursor()
        try:
            added = int(cursor.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])  # noqa: S608
            if not added:
                return 0
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.lock:
                old = self.readable()
                sql = f"SELECT skel_key, template_id, skeleton FROM {table}"  # noqa: S608
                params: list[str] = []
                if old is not None:
                    sql += (
                        " UNION ALL SELECT o.skel_key, o.template_id, o.skeleton FROM read_parquet(?) o"  # noqa: S608
                        f" ANTI JOIN {table} n ON o.skel_key = n.skel_key"
                    )
                    params.append(str(old))
                ordered = f"SELECT * FROM ({sql}) ORDER BY skel_key"  # noqa: S608
                tmp = self.path.with_suffix(".tmp")
                with pq.ParquetWriter(tmp, SCHEMA) as out:
                    for batch in cursor.sql(ordered, params=params).to_arrow_reader(_BATCH):
                        out.write_batch(batch.cast(SCHEMA))
                os.replace(tmp, self.path)
        finally:
            cursor.close()
        return added
