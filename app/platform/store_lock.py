"""Who uses the managed store: a lock a bulk load takes exclusively and every other user shares.

`linkwatch load --bulk` replaces the store offline: it checks that the database is empty, stops the
server, imports and starts it again. A write that lands after the check (a transactional load, a
detection run, an analyst's decision, a new API key) would be replaced without a trace. So everything
of Linkwatch's that reads or writes the store (`serve`, `worker`, `detect`, `load`, `keys`, `db init`,
`neo4j start|stop`) holds this lock shared while it runs, and the bulk load holds it exclusively from
before its check until the server is back with the imported graph:

- a bulk load started while any of them runs is refused, and says which (`store-users/` keeps one marker
  per holder: pid and command);
- any of them started while a bulk load runs is refused, instead of writing into a store about to be
  replaced (or starting a server on a half-written one).

`flock` locks belong to the open file, so they go with the process however it ends (a SIGKILLed API
leaves no stale lock; its marker is ignored once its pid is gone). Clients that do not go through
Linkwatch (cypher-shell) are outside this: Bolt listens on loopback only, and docs/loading.md says to
keep them away during a bulk load.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

import psutil

from app.platform.settings import private_dir

LOCK_FILE = "store.lock"
USERS_DIR = "store-users"


class StoreBusyError(RuntimeError):
    """A bulk load holds the store: nothing else may use it until it finishes."""


class StoreInUseError(RuntimeError):
    """Other Linkwatch processes use the store: a bulk load may not replace it."""

    def __init__(self, users: list[str]) -> None:
        self.users = users
        who = ", ".join(users) if users else "another Linkwatch process"
        super().__init__(f"the store is in use by {who}")


def _open(home: Path) -> int:
    run = private_dir(home / "run")
    return os.open(run / LOCK_FILE, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)


@contextlib.contextmanager
def store_in_use(home: Path, what: str) -> Iterator[None]:
    """Holds the store shared for the block; raises StoreBusyError at once if a bulk load holds it."""
    fd = _open(home)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise StoreBusyError(
            f"a bulk load (`linkwatch load --bulk`) is replacing the store of LINKWATCH_HOME={home}; "
            f"`{what}` can start once it has finished"
        ) from None
    marker = private_dir(home / "run" / USERS_DIR) / f"{os.getpid()}-{what.replace('/', '_')}"
    try:
        marker.touch(mode=0o600)
        yield
    finally:
        marker.unlink(missing_ok=True)
        os.close(fd)


def users(home: Path) -> list[str]:
    """The live holders that left a marker: `pid N (command)`."""
    folder = home / "run" / USERS_DIR
    found = []
    for marker in sorted(folder.glob("*-*")) if folder.is_dir() else []:
        pid, _, what = marker.name.partition("-")
        if pid.isdigit() and int(pid) != os.getpid() and psutil.pid_exists(int(pid)):
            found.append(f"pid {pid} (linkwatch {what})")
    return found


@contextlib.contextmanager
def store_exclusive(home: Path) -> Iterator[None]:
    """Holds the store exclusively for the block; raises StoreInUseError at once if anyone uses it."""
    fd = _open(home)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreInUseError(users(home)) from None
        yield
    finally:
        os.close(fd)
