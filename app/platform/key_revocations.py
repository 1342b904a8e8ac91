"""The key-revocation signal: a small file under `$LINKWATCH_HOME` that every revocation replaces.

API workers cache verified keys so that a request does not pay a database round trip for its key. A
cache alone means a revoked key keeps working until its entry expires, in every worker process. Every
revocation therefore replaces `run/key-revocations` with a new random generation, after the revocation
has committed, and every worker checks that file on every request (about a microsecond, no database): a
cached key is trusted only under the generation it was verified in. The first request after a
revocation, on any worker sharing this `LINKWATCH_HOME`, verifies its key against the database again.

The file is written to a temporary name and renamed over the old one, so a reader sees a whole
generation or the previous one, never a torn write; the content is compared, not the file's
timestamps (which the kernel keeps at a coarse granularity: two revocations in one tick would look
like one). Only `bump` may write the file: an edit in place would go unnoticed by a reader holding it.
"""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path

from app.platform.settings import private_dir

SIGNAL_FILE = "key-revocations"
_MAX_READ = 256


def signal_path(home: Path) -> Path:
    return home / "run" / SIGNAL_FILE


def bump(home: Path) -> str:
    """Starts a new revocation generation; returns it. Call it after the revocation has committed: a
    worker that re-verified a key in between would otherwise cache it under the new generation."""
    path = signal_path(home)
    private_dir(path.parent)
    generation = f"{time.time_ns()}-{secrets.token_hex(8)}"
    tmp = path.with_name(f".{SIGNAL_FILE}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    try:
        os.write(fd, f"{generation}\n".encode())
    finally:
        os.close(fd)
    os.replace(tmp, path)
    return generation


class RevocationSignal:
    """Reads the current generation for a verifier, cheaply enough to ask on every request.

    It keeps the file it last read open: `bump` renames a new file over it, which drops the old one's
    link count to zero, so one `fstat` (well under a microsecond) tells whether the generation may have
    changed, and the file is only opened and read again when it has.
    """

    def __init__(self, home: Path) -> None:
        self.path = signal_path(home)
        self._fd: int | None = None
        self._generation = ""

    def generation(self) -> str | None:
        """The current generation: "" before any revocation, None when the file cannot be read (the
        caller must then trust no cached key: a signal it cannot see may be a revocation)."""
        fd = self._fd
        if fd is not None:
            try:
                if os.fstat(fd).st_nlink > 0:
                    return self._generation
            except OSError:
                pass
            self.close()
        try:
            fd = os.open(self.path, os.O_RDONLY | os.O_CLOEXEC)
        except FileNotFoundError:
            return ""
        except OSError:
            return None
        try:
            generation = os.read(fd, _MAX_READ).decode("ascii", "replace").strip()
        except OSError:
            os.close(fd)
            return None
        self._fd, self._generation = fd, generation
        return generation

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
