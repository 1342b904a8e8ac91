"""Template ids for near-duplicate components, in DuckDB.

A component with a known template takes its smallest id; any other is a new template named after its
canonical skeleton (most requests, then smallest text: byte order of UTF-8 is code point order, as
Python compares). Only the new templates' canonical texts pass through Python, a chunk at a time, for
their id, display text and capability tag.

Input: `g_items` (row, skel_hash, skel_key, text, requests, known_tid) and `g_labels` (row, comp).
Output: `g_assign(row, skel_hash, skel_key, text, template_id)` for every skeleton row and
`g_new(comp, template_id, text, capability)`.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from loaders.mining.capability import tag
from loaders.mining.chunked import map_into
from loaders.mining.normalise import template_id, template_text

_CHUNK = 4096


def assign(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        """CREATE TABLE g_groups AS
           SELECT l.comp, min(i.known_tid) AS known_tid,
                  first(i.text ORDER BY i.requests DESC, i.text) FILTER (WHERE i.known_tid IS NULL) AS canon
           FROM g_items i JOIN g_labels l USING (row)
           GROUP BY l.comp"""
    )

    def named(batch: pa.RecordBatch) -> pa.Table:
        canons = [str(c) for c in batch.column(1).to_pylist()]
        return pa.table(
            {
                "comp": batch.column(0),
                "template_id": [template_id(c) for c in canons],
                "text": [template_text(c) for c in canons],
                "capability": [tag(c) for c in canons],
            }
        )

    con.execute("CREATE TABLE g_new (comp INTEGER, template_id VARCHAR, text VARCHAR, capability VARCHAR)")
    map_into(
        con,
        "SELECT comp, canon FROM g_groups WHERE known_tid IS NULL AND canon IS NOT NULL ORDER BY comp",
        "g_new",
        named,
        _CHUNK,
    )
    con.execute(
        """CREATE TABLE g_assign AS
           SELECT i.row, i.skel_hash, i.skel_key, i.text, coalesce(g.known_tid, n.template_id) AS template_id
           FROM g_items i JOIN g_labels l USING (row) JOIN g_groups g USING (comp)
                LEFT JOIN g_new n USING (comp)
           WHERE i.known_tid IS NULL"""
    )


def drop_tables(con: duckdb.DuckDBPyConnection) -> None:
    for table in ("g_groups", "g_new", "g_assign"):
        con.execute(f"DROP TABLE IF EXISTS {table}")
