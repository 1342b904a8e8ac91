"""Starts, stops and inspects the Docker-less Neo4j (the Maven-built launcher in `neo4j/`).

State lives under `<home>/run`: `neo4j.pid` (written by us when the JVM is spawned) and `ready.json`
(written by the JVM once Bolt answers and GDS is registered). A pid whose process is gone is stale:
that is how a SIGKILLed server is recognised, and the next start lets Neo4j recover the store.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil

from app.platform.neo4j_server import launcher_build
from app.platform.neo4j_server.java import check_java

EXIT_MESSAGES = {
    10: "port in use",
    11: "incompatible data directory",
    12: "bad configuration",
    13: "Neo4j failed to start",
}


class ServerError(RuntimeError):
    pass


@dataclass(frozen=True)
class ServerConfig:
    home: Path
    host: str = "127.0.0.1"
    port: int = 7687
    heap: str = "2g"
    pagecache: str = "1g"
    auth: bool = True
    password: str | None = None
    start_timeout: float = 180.0
    port_setting: str = "NEO4J_URI"

    @property
    def run_dir(self) -> Path:
        return self.home / "run"

    @property
    def log_dir(self) -> Path:
        return self.home / "logs"

    @property
    def data_dir(self) -> Path:
        return self.home / "data"

    @property
    def pid_file(self) -> Path:
        return self.run_dir / "neo4j.pid"

    @property
    def ready_file(self) -> Path:
        return self.run_dir / "ready.json"

    @property
    def launcher_log(self) -> Path:
        return self.log_dir / "launcher.log"


@dataclass(frozen=True)
class ServerStatus:
    running: bool
    pid: int | None = None
    ready: dict[str, Any] | None = None
    rss_bytes: int | None = None
    uptime_s: float | None = None


def _alive(pid: int) -> bool:
    try:
        proc = psutil.Process(pid)
        return proc.status() != psutil.STATUS_ZOMBIE and "java" in " ".join(proc.cmdline()[:1]).lower()
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return False


def _read_pid(cfg: ServerConfig) -> int | None:
    try:
        return int(cfg.pid_file.read_text().strip())
    except (FileNotFoundError, ValueError):
        return None


def status(cfg: ServerConfig) -> ServerStatus:
    pid = _read_pid(cfg)
    if pid is None or not _alive(pid):
        return ServerStatus(running=False)
    ready = None
    if cfg.ready_file.exists():
        try:
            ready = json.loads(cfg.ready_file.read_text())
        except json.JSONDecodeError:
            ready = None
    proc = psutil.Process(pid)
    return ServerStatus(
        running=True,
        pid=pid,
        ready=ready,
        rss_bytes=proc.memory_info().rss,
        uptime_s=time.time() - proc.create_time(),
    )


def port_in_use(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return True
    return False


def start(cfg: ServerConfig) -> ServerStatus:
    current = status(cfg)
    if current.running:
        port = (current.ready or {}).get("port", "?")
        raise ServerError(f"Neo4j is already running for {cfg.home} (pid {current.pid}, port {port})")
    # A server just killed may hold its port for a moment while the kernel tears it down.
    stale = cfg.pid_file.exists()
    deadline = time.monotonic() + (15.0 if stale else 0.0)
    while port_in_use(cfg.host, cfg.port) and time.monotonic() < deadline:
        time.sleep(0.25)
    if port_in_use(cfg.host, cfg.port):
        raise ServerError(
            f"port {cfg.port} on {cfg.host} is in use by another program; "
            f"choose another port with {cfg.port_setting} (e.g. bolt://127.0.0.1:7688)"
        )
    if cfg.auth and not cfg.password:
        raise ServerError("authentication is on but no password was given")
    java, _ = check_java()
    launcher_build.ensure_built()

    for d in (cfg.run_dir, cfg.log_dir, cfg.data_dir):
        d.mkdir(parents=True, exist_ok=True)
    # A server killed with SIGKILL leaves these behind; its pid is dead (checked above).
    cfg.ready_file.unlink(missing_ok=True)
    cfg.pid_file.unlink(missing_ok=True)

    cmd = [
        java,
        f"-Xms{cfg.heap}",
        f"-Xmx{cfg.heap}",
        "-XX:+UseG1GC",
        "-XX:+ExitOnOutOfMemoryError",
        "-XX:-OmitStackTraceInFastThrow",
        "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "-Dio.netty.tryReflectionSetAccessible=true",
        f"-Dlinkwatch.home={cfg.home}",
        f"-Dlinkwatch.bolt.host={cfg.host}",
        f"-Dlinkwatch.bolt.port={cfg.port}",
        f"-Dlinkwatch.pagecache={cfg.pagecache}",
        f"-Dlinkwatch.auth={'true' if cfg.auth else 'false'}",
        f"-Dlinkwatch.gds.lib={launcher_build.gds_lib()}",
        "-cp",
        launcher_build.classpath(),
        launcher_build.MAIN_CLASS,
    ]
    env = dict(os.environ)
    env.pop("NEO4J_PASSWORD", None)
    if cfg.auth and cfg.password:
        env["NEO4J_PASSWORD"] = cfg.password
    log = cfg.launcher_log.open("ab")
    proc = subprocess.Popen(
        cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env, start_new_session=True
    )
    log.close()
    cfg.pid_file.write_text(f"{proc.pid}\n")
    return _wait_ready(cfg, proc)


def _wait_ready(cfg: ServerConfig, proc: subprocess.Popen[bytes]) -> ServerStatus:
    deadline = time.monotonic() + cfg.start_timeout
    while time.monotonic() < deadline:
        code = proc.poll()
        if code is not None:
            cfg.pid_file.unlink(missing_ok=True)
            raise ServerError(f"{EXIT_MESSAGES.get(code, f'exit code {code}')}: {_launcher_error(cfg)}")
        if cfg.ready_file.exists():
            return status(cfg)
        time.sleep(0.2)
    stop(cfg)
    raise ServerError(f"Neo4j was not ready after {cfg.start_timeout:.0f}s; see {cfg.launcher_log}")


def _launcher_error(cfg: ServerConfig) -> str:
    try:
        lines = cfg.launcher_log.read_text(errors="replace").splitlines()
    except FileNotFoundError:
        return "no log"
    ours = [ln.split("linkwatch-neo4j: ", 1)[1] for ln in lines if "linkwatch-neo4j: " in ln]
    return ours[-1] if ours else "\n".join(lines[-15:])


def stop(cfg: ServerConfig, timeout: float = 90.0) -> bool:
    """SIGTERM lets Neo4j checkpoint and close the store; SIGKILL only if it hangs."""
    pid = _read_pid(cfg)
    if pid is None or not _alive(pid):
        cfg.pid_file.unlink(missing_ok=True)
        cfg.ready_file.unlink(missing_ok=True)
        return False
    os.kill(pid, signal.SIGTERM)
    try:
        psutil.Process(pid).wait(timeout)
    except psutil.TimeoutExpired:
        os.kill(pid, signal.SIGKILL)
        psutil.Process(pid).wait(10)
    except psutil.NoSuchProcess:
        pass
    cfg.pid_file.unlink(missing_ok=True)
    cfg.ready_file.unlink(missing_ok=True)
    return True
