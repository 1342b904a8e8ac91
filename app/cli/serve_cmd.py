"""`linkwatch serve` (foreground or `--detach`) and `linkwatch serve-stop`: the GraphQL API under uvicorn."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import httpx
import typer
import uvicorn
from rich.console import Console

from app.api.metrics import prepare_multiprocess_dir
from app.api.workers import run_workers
from app.cli.background import Background, start, stop
from app.cli.store import using_store
from app.platform.settings import Settings, get_settings

err = Console(stderr=True)


def register(cli: typer.Typer) -> None:
    cli.command("serve")(serve)
    cli.command("serve-stop")(serve_stop)


def _pid_file(settings: Settings) -> Path:
    return settings.home / "run" / "api.pid"


def _url(settings: Settings) -> str:
    host = settings.api_host if ":" not in settings.api_host else f"[{settings.api_host}]"
    return f"http://{host}:{settings.api_port}"


def serve(
    workers: int = typer.Option(1, "--workers", "-w", min=1, max=32, help="uvicorn worker processes."),
    detach: bool = typer.Option(False, "--detach", help="Start in the background and return once healthy."),
    wait: float = typer.Option(60.0, help="With --detach: seconds to wait for /healthz."),
    host: str | None = typer.Option(None, "--host", help="Bind address (default LINKWATCH_API_HOST)."),
    port: int | None = typer.Option(
        None, "--port", min=1, max=65535, help="Port (default LINKWATCH_API_PORT)."
    ),
) -> None:
    """Serve the GraphQL API at /graphql and the analyst console at / on LINKWATCH_API_HOST:LINKWATCH_API_PORT
    (loopback by default)."""
    # Through the environment, so a detached child and every uvicorn worker read the same address.
    if host is not None:
        os.environ["LINKWATCH_API_HOST"] = host
    if port is not None:
        os.environ["LINKWATCH_API_PORT"] = str(port)
    if host is not None or port is not None:
        get_settings.cache_clear()
    settings = get_settings()
    if detach:
        _detach(settings, workers, wait)
        return
    config = uvicorn.Config(
        "app.api.app:create_app",
        factory=True,
        host=settings.api_host,
        port=settings.api_port,
        log_level="warning",
        access_log=False,
        proxy_headers=False,
        server_header=False,
    )
    # Held by the serving process (the supervisor with several workers) for as long as it serves.
    with using_store(settings, "serve"):
        if workers == 1:
            server = uvicorn.Server(config)
            server.run()
            if not server.started:  # the app could not start (see the log above)
                raise typer.Exit(3)
        else:
            # A scrape reaches one worker of N: they share their samples through files (metrics.py).
            prepare_multiprocess_dir(settings.home / "run" / "metrics")
            run_workers(config, workers)


def _background(settings: Settings) -> Background:
    return Background("API", _pid_file(settings), settings.home / "logs" / "api.log", "linkwatch serve-stop")


def _detach(settings: Settings, workers: int, wait: float) -> None:
    logging.getLogger("httpx").setLevel(logging.WARNING)  # no log line per health poll

    def answers(_pid: int) -> bool:
        try:
            return httpx.get(f"{_url(settings)}/healthz", timeout=1.0).status_code == 200
        except httpx.HTTPError:
            return False

    start(
        _background(settings),
        [sys.executable, "-m", "app.cli.serve_cmd", "--workers", str(workers)],
        answers,
        wait,
        f"API up at {_url(settings)}/graphql, console at {_url(settings)}/",
    )


def serve_stop(timeout: float = typer.Option(20.0, help="Seconds to wait before giving up.")) -> None:
    """Stop an API started with `serve --detach`."""
    # The session leader and its uvicorn workers.
    stop(_background(get_settings()), timeout, group=True)


if __name__ == "__main__":
    typer.run(serve)
