"""Near-duplicate grouping of skeletons: MinHash over word shingles, LSH candidates, verified Jaccard.

Groups are the connected components of "estimated Jaccard >= threshold" among the skeletons and the
already known templates, so paraphrase chains (variant A ~ B ~ C) end up together. Everything here is
independent of input order: components do not depend on insertion order, and a group's template id comes
from an existing template in it (the smallest id) or from its canonical skeleton (most requests, then
smallest text).

The work runs over DuckDB tables (`near_dups`, `assignment`), so mining groups any number of skeletons
in bounded memory; `group` is the same pipeline for inputs already in Python.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import duckdb
import pyarrow as pa

from loaders.mining import assignment, near_dups


@dataclass(frozen=True)
class Skeleton:
    key: str  # skeleton_key (md5 hex)
    text: str
    requests: int


@dataclass(frozen=True)
class KnownTemplate:
    template_id: str
    text: str


@dataclass(frozen=True)
class NewTemplate:
    template_id: str
    text: str
    capability: str


@dataclass
class Grouping:
    assignment: dict[str, str]  # skeleton key -> template id
    new_templates: dict[str, NewTemplate]


def group_items(
    con: duckdb.DuckDBPyConnection, n: int, nskels: int, threshold: float, num_perm: int, shingle_words: int
) -> None:
    """`g_items` (skeletons first, then known templates) into `g_assign` and `g_new`; the signatures are
    dropped once used."""
    near_dups.sign_items(con, num_perm, shingle_words)
    near_dups.link_items(con, n, nskels, threshold, num_perm)
    assignment.assign(con)
    con.execute("DROP TABLE g_sigs")


def group(
    skeletons: Iterable[Skeleton],
    known: Iterable[KnownTemplate],
    threshold: float,
    num_perm: int,
    shingle_words: int,
) -> Grouping:
    """Components in order of their smallest row, each skeleton in row order (key order)."""
    skels = sorted(skeletons, key=lambda s: s.key)
    temps = sorted(known, key=lambda t: (t.template_id, t.text))
    if not skels:
        return Grouping({}, {})
    none = [None] * len(temps)
    items = pa.table(
        {
            "row": pa.array(range(len(skels) + len(temps)), pa.int32()),
            "skel_hash": pa.nulls(len(skels) + len(temps), pa.uint64()),
            "skel_key": [s.key for s in skels] + none,
            "text": [s.text for s in skels] + [t.text for t in temps],
            "requests": pa.array([s.requests for s in skels] + none, pa.int64()),
            "known_tid": [None] * len(skels) + [t.template_id for t in temps],
        }
    )
    with duckdb.connect() as con:
        con.register("items_arrow", items)
        con.execute("CREATE TABLE g_items AS SELECT * FROM items_arrow")
        group_items(con, len(items), len(skels), threshold, num_perm, shingle_words)
        assigned = con.execute(
            """SELECT a.skel_key, a.template_id FROM g_assign a JOIN g_labels l USING (row)
               ORDER BY l.comp, a.row"""
        ).fetchall()
        new = con.execute("SELECT template_id, text, capability FROM g_new ORDER BY comp").fetchall()
    return Grouping(
        {str(k): str(t) for k, t in assigned},
        {str(t): NewTemplate(str(t), str(x), str(c)) for t, x, c in new},
    )
