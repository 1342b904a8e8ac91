"""Reject files: one JSON line per bad row under LINKWATCH_HOME/rejects/, sensitive fields redacted."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from app.domain.instrument import looks_like_card_number
from loaders.records import SENSITIVE_FIELDS

REDACTED = "[REDACTED]"
_MAX_TEXT = 300


def redact(row: dict[str, Any]) -> dict[str, Any]:
    """The row as safe to keep on disk: instrument tokens and anything shaped like a card number go."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        if key in SENSITIVE_FIELDS:
            out[key] = None if value is None else REDACTED
        elif isinstance(value, str) and looks_like_card_number(value):
            out[key] = REDACTED
        elif isinstance(value, str) and len(value) > _MAX_TEXT:
            out[key] = value[:_MAX_TEXT] + "…"
        else:
            out[key] = value
    return out


class RejectWriter:
    """Opened lazily: a clean load leaves no empty reject file behind."""

    def __init__(self, directory: Path, run_id: str) -> None:
        self.path = directory / f"load-{run_id}.jsonl"
        self._fh: Any = None
        self.count = 0

    def _open(self) -> Any:
        if self._fh is None:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            self._fh = self.path.open("a", encoding="utf-8")
        return self._fh

    def write(self, file: str, line: int, field: str, reason: str, row: dict[str, Any]) -> None:
        rec = {"file": file, "line": line, "field": field, "reason": reason, "row": redact(row)}
        self._open().write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
        self.count += 1

    def extend(self, other: Path) -> None:
        """Appends the finished file of another writer (a parallel worker's), already redacted."""
        if not other.exists():
            return
        with other.open(encoding="utf-8") as src:
            for line in src:
                self._open().write(line)
                self.count += 1

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    def __enter__(self) -> RejectWriter:
        return self

    def __exit__(
        self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
