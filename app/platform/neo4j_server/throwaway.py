"""A throw-away Neo4j for tests and benchmarks: a free loopback port, its own home, a random password.

One place for what every test session and benchmark used to write for itself, so they all start the
server the same way and none can leave one running: the server is stopped however the block ends.
"""

from __future__ import annotations

import secrets
import socket
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from app.platform.neo4j_server import server

LOOPBACK = "127.0.0.1"


def free_port(host: str = LOOPBACK) -> int:
    """A port nobody listens on now. (Another process may take it before the caller binds it; on a
    loopback address picked by the kernel that race has not been worth more than this.)"""
    with socket.socket() as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class Throwaway:
    config: server.ServerConfig
    root: Path  # the directory to use as LINKWATCH_HOME; the server's own files are under `config.home`
    status: server.ServerStatus

    @property
    def uri(self) -> str:
        return f"bolt://{self.config.host}:{self.config.port}"

    @property
    def password(self) -> str:
        return self.config.password or ""

    def env(self) -> dict[str, str]:
        """The settings that point Linkwatch at this server (`os.environ.update(t.env())`)."""
        return {"NEO4J_URI": self.uri, "NEO4J_PASSWORD": self.password, "LINKWATCH_HOME": str(self.root)}


@contextmanager
def throwaway_neo4j(
    root: Path | None = None,
    *,
    heap: str = "2g",
    pagecache: str = "1g",
    password: str | None = None,
    server_home: Path | None = None,
    prefix: str = "lw-neo4j-",
) -> Iterator[Throwaway]:
    """A started Neo4j + GDS, stopped when the block ends (also on an error or KeyboardInterrupt).

    `root` defaults to a temporary directory removed afterwards; a given one is kept (benchmarks reuse
    a loaded store). The server lives in `server_home`, by default `root / "neo4j"`. `password` defaults
    to a fresh random one; give the stored one to reopen a kept store.
    """
    with tempfile.TemporaryDirectory(prefix=prefix) if root is None else _kept(root) as where:
        base = Path(where)
        cfg = server.ServerConfig(
            home=server_home or base / "neo4j",
            host=LOOPBACK,
            port=free_port(),
            heap=heap,
            pagecache=pagecache,
            auth=True,
            password=password or secrets.token_urlsafe(16),
        )
        status = server.start(cfg)
        try:
            yield Throwaway(config=cfg, root=base, status=status)
        finally:
            server.stop(cfg)


@contextmanager
def _kept(root: Path) -> Iterator[Path]:
    root.mkdir(parents=True, exist_ok=True)
    yield root
