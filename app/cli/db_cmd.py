"""`linkwatch db init`."""

from __future__ import annotations

import typer
from rich.console import Console

from app.cli.store import using_store
from app.platform.driver import sync_driver
from app.platform.schema import apply_schema
from app.platform.settings import get_settings

app = typer.Typer(no_args_is_help=True, help="Database schema.")
console = Console(stderr=True)


@app.command("init")
def init() -> None:
    """Apply constraints and indexes (idempotent)."""
    settings = get_settings()
    with using_store(settings, "db-init"), sync_driver(settings) as driver:
        constraints = apply_schema(driver, settings.neo4j_database)
    console.print(f"schema applied: {len(constraints)} constraints")
