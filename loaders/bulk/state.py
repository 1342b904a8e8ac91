"""The bulk load's crash-safety record: `LINKWATCH_HOME/state/bulk-load.json`.

Written before the server is stopped and removed once the whole directory is loaded. While it exists
the store may be half-imported: a rerun for the same inputs skips the empty-store check and imports
again; a bulk load of other inputs is refused until that run is finished.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

STATE_FILE = "bulk-load.json"


@dataclass(frozen=True)
class InputFile:
    name: str
    kind: str
    unit: str  # content hash (`loaders.reading.content_hash`)


@dataclass(frozen=True)
class BulkState:
    directory: str
    files: tuple[InputFile, ...]
    # How the server ran before it was stopped, to start it the same way if a rerun finds it down.
    server: dict[str, Any] = field(default_factory=dict)
    started_at: str = ""

    def same_inputs(self, other: BulkState) -> bool:
        return self.directory == other.directory and self.files == other.files

    def describe(self) -> str:
        return f"{self.directory} ({len(self.files)} files, started {self.started_at or 'unknown'})"


def state_path(home: Path) -> Path:
    return home / "state" / STATE_FILE


def read_state(home: Path) -> BulkState | None:
    path = state_path(home)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    return BulkState(
        directory=str(data["directory"]),
        files=tuple(InputFile(**f) for f in data["files"]),
        server=dict(data.get("server", {})),
        started_at=str(data.get("started_at", "")),
    )


def write_state(home: Path, state: BulkState) -> BulkState:
    stamped = BulkState(state.directory, state.files, state.server, datetime.now(UTC).isoformat())
    path = state_path(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(stamped), indent=2) + "\n", encoding="utf-8")
    with tmp.open("rb") as fh:
        os.fsync(fh.fileno())
    tmp.replace(path)  # atomic: a crash leaves the old record or the new one, never half of one
    return stamped


def remove_state(home: Path) -> None:
    state_path(home).unlink(missing_ok=True)
