"""Which skeletons already belong to which template, kept across loads under LINKWATCH_HOME/state.

The graph holds templates' canonical text; this registry adds every member skeleton seen so far (its key
and text), so a later load maps a known paraphrase straight to its template even when it arrives alone,
and near-duplicates are compared with every known member, not only the canonical text. Entries whose
template is no longer in the graph (a wiped database) are ignored, so a stale registry cannot resurrect
templates.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from filelock import FileLock

SCHEMA = pa.schema([("skel_key", pa.string()), ("template_id", pa.string()), ("skeleton", pa.string())])


class Registry:
    def __init__(self, state_dir: Path) -> None:
        self.path = state_dir / "template-registry.parquet"
        self.lock = FileLock(str(state_dir / "template-registry.lock"))

    def _all(self) -> dict[str, tuple[str, str]]:
        with self.lock:
            if not self.path.exists():
                return {}
            table = pq.read_table(self.path)
        if table.schema.names != SCHEMA.names:  # written by an older layout: start afresh
            return {}
        cols = [table.column(c).to_pylist() for c in ("skel_key", "template_id", "skeleton")]
        return {k: (t, s) for k, t, s in zip(*cols, strict=True)}

    def read(self, live_template_ids: set[str]) -> dict[str, tuple[str, str]]:
        """skeleton key -> (template id, skeleton text), for templates still in the graph."""
        return {k: v for k, v in self._all().items() if v[0] in live_template_ids}

    def add(self, entries: dict[str, tuple[str, str]]) -> None:
        if not entries:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        merged = self._all()
        merged.update(entries)
        keys = sorted(merged)
        table = pa.table(
            {
                "skel_key": keys,
                "template_id": [merged[k][0] for k in keys],
                "skeleton": [merged[k][1] for k in keys],
            },
            schema=SCHEMA,
        )
        with self.lock:
            tmp = self.path.with_suffix(".tmp")
            pq.write_table(table, tmp)
            os.replace(tmp, self.path)
