"""Processes the CLI leaves running (`serve --detach`, `worker --detach`): a pid file under
`LINKWATCH_HOME/run`, an owner-only log, a start that waits until the process says it is ready, and a
stop that waits for it to finish. One copy, so the API and the worker cannot drift apart."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psutil
import typer
from rich.console import Console

err = Console(stderr=True)


@dataclass(frozen=True)
class Background:
    name: str  # "API", "worker"
    pid_file: Path
    log_path: Path
    stop_command: str


def alive(pid: int) -> bool:
    # A zombie has exited: its parent (a test, a shell) has only not reaped it yet.
    try:
        return bool(pid) and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
    except psutil.AccessDenied:
        return True


def _recorded_pid(bg: Background) -> int:
    return int(bg.pid_file.read_text().strip() or 0) if bg.pid_file.exists() else 0


def start(bg: Background, argv: list[str], ready: Callable[[int], bool], wait: float, up: str) -> None:
    """Start `argv` in its own session, logging to `bg.log_path`, and return once `ready(pid)` holds;
    exit 1 if it is already running, dies, or is not ready within `wait` seconds."""
    pid = _recorded_pid(bg)
    if alive(pid):
        err.print(f"the {bg.name} is already running (pid {pid}); `{bg.stop_command}` first")
        raise typer.Exit(1)
    bg.pid_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    bg.log_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    # Owner-only like the rest of LINKWATCH_HOME: tracebacks in it name hosts, paths and queries.
    with os.fdopen(os.open(bg.log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600), "ab") as log:
        proc = subprocess.Popen(
            argv, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True
        )
    bg.pid_file.write_text(f"{proc.pid}\n")
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            bg.pid_file.unlink(missing_ok=True)
            err.print(f"the {bg.name} exited with {proc.returncode}; see {bg.log_path}")
            raise typer.Exit(1)
        if ready(proc.pid):
            err.print(f"{up} (pid {proc.pid}, log {bg.log_path})")
            return
        time.sleep(0.2)
    err.print(f"the {bg.name} was not ready within {wait:.0f}s; see {bg.log_path}")
    raise typer.Exit(1)


def stop(bg: Background, timeout: float, *, group: bool, late: str = "") -> None:
    """SIGTERM the recorded process (its whole session when `group`) and wait for it to exit."""
    if not bg.pid_file.exists():
        err.print(f"the {bg.name} is not running (no pid file)")
        return
    pid = _recorded_pid(bg)
    if alive(pid):
        if group:
            os.killpg(pid, signal.SIGTERM)
        else:
            os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while alive(pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        if alive(pid):
            err.print(f"the {bg.name} (pid {pid}) did not stop within {timeout:.0f}s{late}")
            raise typer.Exit(1)
    bg.pid_file.unlink(missing_ok=True)
    err.print(f"{bg.name} stopped")
