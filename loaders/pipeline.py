"""`linkwatch load DIR`: every input file of a directory into the graph, in dependency order."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import duckdb
from neo4j import Driver
from rich.console import Console
from rich.progress import Progress, TaskID

from app.platform.logging import get_logger
from app.platform.settings import Settings
from loaders.discovery import DataFile, Kind, discover, ignored_files
from loaders.graph import GraphWriter
from loaders.mining.load import load_requests, template_resolver
from loaders.progress import load_progress
from loaders.reading import connect
from loaders.rejects import RejectWriter, new_run_id
from loaders.report import LoadReport
from loaders.settings import LoadSettings
from loaders.tabular import load_file

log = get_logger(__name__)


def _advancer(progress: Progress, task: TaskID) -> Callable[[int], None]:
    def advance(n: int) -> None:
        progress.advance(task, n)

    return advance


def load_requests_and_labels(
    files: dict[Kind, list[DataFile]],
    report: LoadReport,
    writer: GraphWriter,
    rejects: RejectWriter,
    progress: Progress,
    con: duckdb.DuckDBPyConnection,
    state_dir: Path,
    load_settings: LoadSettings,
    key: bytes,
    min_template_accounts: int,
) -> None:
    """The kinds after the entity files: the request log (mined) and labels; also the bulk path's tail."""
    if files[Kind.REQUESTS]:
        task = progress.add_task("requests: reading", total=None)
        reports, templates, report.timings = load_requests(
            files[Kind.REQUESTS],
            writer,
            rejects,
            state_dir,
            load_settings,
            min_template_accounts,
            stage=lambda s: progress.update(task, description=f"requests: {s}"),
            advance=lambda n: progress.advance(task, n),
        )
        progress.update(task, description="requests")
        report.files.extend(reports)
        report.templates = templates
    if files[Kind.LABELS]:
        resolver = template_resolver(writer, state_dir, load_settings)
        for df in files[Kind.LABELS]:
            task = progress.add_task(df.name, total=None)
            report.files.append(
                load_file(
                    df, con, writer, rejects, load_settings.batch_size, key, resolver,
                    advance=_advancer(progress, task),
                )
            )  # fmt: skip


def load_directory(
    directory: Path,
    driver: Driver,
    settings: Settings,
    load_settings: LoadSettings,
    console: Console | None = None,
    min_template_accounts: int = 2,
) -> LoadReport:
    console = console or Console(stderr=True)
    started = time.monotonic()
    files = discover(directory)
    report = LoadReport(directory=str(directory))
    skipped = ignored_files(directory)
    if skipped:
        log.info("files ignored (not an input kind)", files=skipped)
    home = settings.home
    state_dir = home / "state"
    writer = GraphWriter(driver, settings.neo4j_database, load_settings.retry_seconds)
    key = settings.hash_key()
    con = connect(load_settings.duckdb_memory_limit, load_settings.duckdb_threads, state_dir / "duckdb-tmp")
    with RejectWriter(home / "rejects", new_run_id()) as rejects, load_progress(console) as progress:
        try:
            for kind in (Kind.ACCOUNTS, Kind.IP_LINKS, Kind.PAYMENT_LINKS):
                for df in files[kind]:
                    task = progress.add_task(df.name, total=None)
                    report.files.append(
                        load_file(
                            df, con, writer, rejects, load_settings.batch_size, key,
                            advance=_advancer(progress, task), writers=load_settings.writers,
                        )
                    )  # fmt: skip
            load_requests_and_labels(
                files, report, writer, rejects, progress, con, state_dir, load_settings, key,
                min_template_accounts,
            )  # fmt: skip
        finally:
            con.close()
        report.reject_file = str(rejects.path) if rejects.count else None
    report.seconds = time.monotonic() - started
    log.info(
        "load finished",
        directory=str(directory),
        files=len(report.files),
        rejected=report.rejected,
        seconds=round(report.seconds, 1),
    )
    return report
