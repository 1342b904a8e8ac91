"""Running totals of finished loads in `$LINKWATCH_HOME/state/load-totals.json`, read by `/metrics`.

A load is a CLI process that exits when it is done, and the graph keeps no record of the rows it read or
rejected, so counters kept in its memory would be gone before any scrape. This file is the durable
record instead: it lives beside the loader's other state (never in `run/metrics`, which `serve` empties),
so the totals survive API and host restarts, and the API on the same `LINKWATCH_HOME` exposes them.

Only finished loads are added. A load that dies adds nothing; its rerun reports every row of the files it
completes (batches already written included), so each file is counted once. A file already loaded is
reported with no rows, so loading a directory again adds nothing either.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from loaders.report import LoadReport

LEDGER_FILE = "load-totals.json"
OUTCOMES = ("read", "loaded", "rejected")


@dataclass
class LoadTotals:
    loads: int = 0
    last_finished: float | None = None  # unix seconds
    rows: dict[str, dict[str, int]] = field(default_factory=dict)  # kind -> outcome -> rows

    def add(self, report: LoadReport, finished: float) -> None:
        self.loads += 1
        self.last_finished = finished
        for f in report.files:
            counts = self.rows.setdefault(f.kind, dict.fromkeys(OUTCOMES, 0))
            counts["read"] += f.read
            counts["loaded"] += f.loaded
            counts["rejected"] += f.rejected


def ledger_path(home: Path) -> Path:
    return home / "state" / LEDGER_FILE


def read_totals(home: Path) -> LoadTotals:
    """The totals so far; none before the first finished load."""
    try:
        raw = json.loads(ledger_path(home).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return LoadTotals()
    rows = {str(k): {o: int(c.get(o, 0)) for o in OUTCOMES} for k, c in raw.get("rows", {}).items()}
    last = raw.get("last_finished")
    return LoadTotals(
        loads=int(raw.get("loads", 0)), last_finished=None if last is None else float(last), rows=rows
    )


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    # Two loads finishing together must not both read the old totals and each drop the other's rows.
    with (path.parent / f"{path.name}.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def record_load(home: Path, report: LoadReport, finished: float | None = None) -> LoadTotals:
    """Adds a finished load's rows to the totals; replaced atomically, so a scrape never reads half a file."""
    path = ledger_path(home)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with _locked(path):
        totals = read_totals(home)
        totals.add(report, time.time() if finished is None else finished)
        data = {"loads": totals.loads, "last_finished": totals.last_finished, "rows": totals.rows}
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, sort_keys=True), encoding="utf-8")
        tmp.chmod(0o600)
        os.replace(tmp, path)
    return totals
