"""`linkwatch load DIR`: input format v1 into the graph (idempotent, resumable)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from app.core.config import get_settings
from app.db.driver import sync_driver
from app.db.schema import apply_schema
from loaders.pipeline import load_directory
from loaders.settings import get_load_settings

console = Console(stderr=True)


def load(
    directory: Path = typer.Argument(..., exists=True, file_okay=False, help="Directory in input format v1."),
    batch_size: int | None = typer.Option(
        None, "--batch-size", min=1, help="Rows per write transaction (default LINKWATCH_LOAD_BATCH_SIZE)."
    ),
    min_template_accounts: int = typer.Option(
        2,
        "--min-template-accounts",
        min=1,
        help="A prompt skeleton becomes a template once this many accounts send it, or joins a known one.",
    ),
) -> None:
    """Load accounts, IP links, payment links, requests (mining prompt templates) and labels."""
    settings = get_settings()
    load_settings = get_load_settings()
    if batch_size is not None:
        load_settings = load_settings.model_copy(update={"batch_size": batch_size})
    with sync_driver(settings) as driver:
        apply_schema(driver, settings.neo4j_database)
        report = load_directory(
            directory.resolve(), driver, settings, load_settings, console, min_template_accounts
        )
    report.print(console)
    if report.rejected:
        console.print(f"[yellow]{report.rejected:,} rows rejected[/yellow]")


def register(cli: typer.Typer) -> None:
    cli.command("load")(load)
