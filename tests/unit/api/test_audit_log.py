"""The audit trail's kept-open descriptor: reopened when its file goes, whole lines from several writers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.api.audit import AuditLog


def test_audit_log_reopens_its_file_when_needed(tmp_path: Path) -> None:
    log = AuditLog(tmp_path)
    log.record({"n": 1})
    [path] = (tmp_path / "audit").glob("audit-*.jsonl")
    path.unlink()  # e.g. an operator removed it: the next entry must land in a new file, not the orphan
    log.record({"n": 2})
    assert [e["n"] for e in log.entries()] == [2]
    log.close()
    log.record({"n": 3})  # a closed log opens again on demand
    log.close()
    assert [e["n"] for e in AuditLog(tmp_path).entries()] == [3, 2]
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_audit_log_appends_from_several_writers(tmp_path: Path) -> None:
    """Workers are separate processes with their own descriptors: O_APPEND keeps every line whole."""
    writers: list[Callable[[dict[str, Any]], None]] = [AuditLog(tmp_path).record for _ in range(3)]
    for i in range(300):
        writers[i % 3]({"n": i, "pad": "x" * 500})
    assert sorted(e["n"] for e in AuditLog(tmp_path).entries()) == list(range(300))
