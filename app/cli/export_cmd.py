"""`linkwatch export ...`: results as files for other tools."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from app.detection.graph.export import export_campaigns
from app.platform.driver import sync_driver
from app.platform.settings import get_settings

app = typer.Typer(no_args_is_help=True, help="Export results as files.")
console = Console(stderr=True)


@app.command("campaigns")
def campaigns(
    out: Path = typer.Option(..., "--out", help="CSV file to write (replaced atomically)."),
) -> None:
    """Active campaigns, one row per (campaign, account), with score, membership, status and actor."""
    settings = get_settings()
    with sync_driver(settings) as driver:
        rows = export_campaigns(driver, settings.neo4j_database, out)
    console.print(f"wrote {rows} rows to {out}")
