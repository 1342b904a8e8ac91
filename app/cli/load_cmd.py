"""`linkwatch load DIR`: input format v1 into the graph (idempotent, resumable)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.console import Console

from app.cli.store import using_store
from app.platform.driver import sync_driver
from app.platform.schema import apply_schema
from app.platform.settings import Settings, get_settings
from loaders.bulk.preflight import BulkRefusedError
from loaders.bulk.run import BulkLoadError, bulk_load_directory
from loaders.ledger import record_load
from loaders.mining.spark.session import SparkUnavailableError, start_session
from loaders.pipeline import load_directory
from loaders.settings import LoadSettings, get_load_settings

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
    engine: str = typer.Option(
        None,
        "--engine",
        help="Where the request-log mining runs: duckdb (in-process, the default) or spark "
        "(default LINKWATCH_MINING_ENGINE). Same statements, same results; see docs/scaling.md.",
    ),
    master: str | None = typer.Option(
        None,
        "--master",
        help="Spark master for --engine spark: local[N] or spark://host:port "
        "(default LINKWATCH_SPARK_MASTER, local[*]).",
    ),
    bulk: bool = typer.Option(
        False,
        "--bulk",
        help="First load of an EMPTY store: accounts, links and the mined request log through Neo4j's "
        "offline importer (stops and restarts the managed server); labels as usual. See docs/loading.md.",
    ),
) -> None:
    """Load accounts, IP links, payment links, requests (mining prompt templates) and labels."""
    settings = get_settings()
    load_settings = _with_engine(get_load_settings(), engine, master)
    if bulk:
        with _spark_session(load_settings):
            _bulk(directory, settings, load_settings, min_template_accounts)
        return
    if batch_size is not None:
        load_settings = load_settings.model_copy(update={"batch_size": batch_size})
    with _spark_session(load_settings), using_store(settings, "load"), sync_driver(settings) as driver:
        apply_schema(driver, settings.neo4j_database)
        report = load_directory(
            directory.resolve(), driver, settings, load_settings, console, min_template_accounts
        )
    record_load(settings.home, report)
    report.print(console)
    if report.rejected:
        console.print(f"[yellow]{report.rejected:,} rows rejected[/yellow]")


def _with_engine(load_settings: LoadSettings, engine: str | None, master: str | None) -> LoadSettings:
    """The load settings with the command line's engine; an unreachable Spark master fails here, before
    anything is written."""
    update: dict[str, str] = {}
    if engine is not None:
        if engine not in ("duckdb", "spark"):
            console.print(f"[red]unknown --engine {engine!r}:[/red] use duckdb or spark")
            raise typer.Exit(2)
        update["mining_engine"] = engine
    if master is not None:
        if (engine or load_settings.mining_engine) != "spark":
            console.print("[red]--master needs --engine spark[/red]")
            raise typer.Exit(2)
        update["spark_master"] = master
    return load_settings.model_copy(update=update)


@contextmanager
def _spark_session(load_settings: LoadSettings) -> Iterator[None]:
    """For --engine spark, the session for the whole load, started before anything is written: an
    unreachable master fails the command at once, naming it."""
    if load_settings.mining_engine != "spark":
        yield
        return
    try:
        session, created = start_session(
            load_settings.spark_master,
            load_settings.spark_shuffle_partitions,
            load_settings.spark_connect_timeout,
            {"spark.driver.memory": load_settings.spark_driver_memory},
        )
    except SparkUnavailableError as e:
        console.print(f"[red]cannot mine on Spark:[/red] {e}")
        raise typer.Exit(2) from e
    try:
        yield
    finally:
        if created:
            session.stop()


def _bulk(
    directory: Path, settings: Settings, load_settings: LoadSettings, min_template_accounts: int
) -> None:
    try:
        report = bulk_load_directory(directory, settings, load_settings, console, min_template_accounts)
    except BulkRefusedError as e:
        console.print(f"[red]refused:[/red] {e}")
        raise typer.Exit(2) from e
    except BulkLoadError as e:
        console.print(f"[red]bulk load failed:[/red] {e}")
        raise typer.Exit(1) from e
    record_load(settings.home, report)
    report.print(console)
    if report.rejected:
        console.print(f"[yellow]{report.rejected:,} rows rejected[/yellow]")


def register(cli: typer.Typer) -> None:
    cli.command("load")(load)
