"""One detection run at a time per `LINKWATCH_HOME`, across threads and processes.

An OS file lock (`filelock`) under `$LINKWATCH_HOME/state/detect.lock`: the kernel releases it when the
holder dies, so a crashed run never leaves a stale lock behind. Next to it, `detect.owner.json` says who
holds it, so a refused run can tell the user which run is in the way. Every process that runs detection
against one database must share the same `LINKWATCH_HOME` (CLI, scheduler and API do by default).
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock, Timeout

from app.platform.settings import Settings


class DetectionBusyError(RuntimeError):
    """Another detection run holds the lock."""


def lock_path(settings: Settings) -> Path:
    return settings.home / "state" / "detect.lock"


def _owner_path(settings: Settings) -> Path:
    return lock_path(settings).with_name("detect.owner.json")


def holder(settings: Settings) -> dict[str, object] | None:
    try:
        data = json.loads(_owner_path(settings).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


class LockHandle:
    """Lets the holder say which run it is, once it knows (a fresh run gets its id inside the lock)."""

    def __init__(self, settings: Settings) -> None:
        self._path = _owner_path(settings)

    def describe(self, label: str) -> None:
        owner = {
            "run": label,
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "since": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        self._path.write_text(json.dumps(owner), encoding="utf-8")


@contextmanager
def detection_lock(settings: Settings, timeout: float, label: str) -> Iterator[LockHandle]:
    """Hold the detection lock; wait up to `timeout` seconds (0: refuse at once, < 0: wait forever)."""
    path = lock_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    # A fresh, non-thread-local lock object per attempt: two threads of one process exclude each other too.
    lock = FileLock(path, timeout=timeout, thread_local=False)
    try:
        lock.acquire()
    except Timeout:
        raise DetectionBusyError(_busy_message(settings, timeout)) from None
    handle = LockHandle(settings)
    try:
        handle.describe(label)
        yield handle
    finally:
        _owner_path(settings).unlink(missing_ok=True)
        lock.release()


def _busy_message(settings: Settings, timeout: float) -> str:
    owner = holder(settings)
    who = (
        f"run {owner.get('run')} (pid {owner.get('pid')} on {owner.get('host')}, since {owner.get('since')})"
        if owner
        else "another process"
    )
    waited = f" after waiting {timeout:g}s" if timeout > 0 else ""
    return (
        f"another detection run is in progress: {who}; refused{waited}. "
        f"Runs never overlap (lock {lock_path(settings)}): retry when it has finished."
    )
