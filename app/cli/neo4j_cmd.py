"""`linkwatch neo4j start|stop|status`."""

from __future__ import annotations

import typer
from rich.console import Console

from app.cli.store import using_store
from app.platform.neo4j_server import server
from app.platform.neo4j_server.config import server_config
from app.platform.neo4j_server.java import JavaError
from app.platform.neo4j_server.launcher_build import BuildError
from app.platform.settings import get_settings

app = typer.Typer(no_args_is_help=True, help="The Docker-less Neo4j + GDS server.")
console = Console(stderr=True)


@app.command()
def start() -> None:
    """Start Neo4j (building the launcher on first use) and wait until Bolt answers."""
    settings = get_settings()
    cfg = server_config(settings)
    try:
        with using_store(settings, "neo4j-start"):
            st = server.start(cfg)
    except (server.ServerError, JavaError, BuildError) as e:
        console.print(f"[red]error:[/red] {e}")
        raise typer.Exit(1) from e
    ready = st.ready or {}
    console.print(
        f"Neo4j {ready.get('neo4j')} + GDS {ready.get('gds')} ready on "
        f"bolt://{cfg.host}:{cfg.port} (pid {st.pid}, started in {ready.get('startup_ms')} ms)"
    )
    console.print(f"  data: {cfg.data_dir}\n  logs: {cfg.log_dir}")


@app.command()
def stop() -> None:
    """Stop Neo4j cleanly (SIGTERM, checkpoint)."""
    settings = get_settings()
    with using_store(settings, "neo4j-stop"):
        stopped = server.stop(server_config(settings))
    console.print("stopped" if stopped else "not running")


@app.command()
def status() -> None:
    """Versions, memory and uptime of the running server."""
    cfg = server_config(get_settings())
    st = server.status(cfg)
    if not st.running:
        console.print(f"not running (home {cfg.home})")
        raise typer.Exit(3)
    ready = st.ready or {}
    rss = (st.rss_bytes or 0) / 2**20
    console.print(
        f"running: pid {st.pid}, bolt://{ready.get('host')}:{ready.get('port')}, "
        f"Neo4j {ready.get('neo4j')}, GDS {ready.get('gds')}, auth {ready.get('auth')}\n"
        f"  resident memory {rss:.0f} MiB, uptime {st.uptime_s or 0:.0f}s, "
        f"heap {cfg.heap}, page cache {cfg.pagecache}\n  data: {cfg.data_dir}\n  logs: {cfg.log_dir}"
    )
