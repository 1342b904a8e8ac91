"""`linkwatch load DIR --bulk`: the first load of an empty store through Neo4j's offline importer.

Stages: checks (managed server, empty store or an interrupted run of the same inputs) → state file → stop
server, meanwhile read, validate and stage accounts / ip_links / payment_links, mine the request log (the
transactional path's own mining, into DuckDB) and write the importer files from both → import → start
server (same settings) and check it sees the imported graph → schema → template registry → labels through
the transactional pipeline → state file removed. All-or-nothing per run: until the state
file is gone the same command redoes the import from scratch. A failure while staging (nothing imported
yet) starts the server again and removes the state file.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
from filelock import FileLock, Timeout
from rich.console import Console
from rich.progress import Progress

from app.platform.driver import sync_driver
from app.platform.logging import get_logger
from app.platform.neo4j_server import server
from app.platform.neo4j_server.config import server_config
from app.platform.neo4j_server.server import ServerConfig
from app.platform.schema import apply_schema
from app.platform.settings import Settings
from app.platform.store_lock import StoreInUseError, store_exclusive
from loaders.bulk.import_files import ImportFiles, Marker, attach_mined, attach_staged, write_import_files
from loaders.bulk.importer import ImporterError, run_import
from loaders.bulk.preflight import (
    TRANSACTIONAL_HINT,
    BulkRefusedError,
    config_from_state,
    graph_size,
    require_empty,
    require_importable_home,
    running_server,
    server_settings,
)
from loaders.bulk.staging import ENTITY_KINDS, KindJob
from loaders.bulk.state import BulkState, InputFile, read_state, remove_state, state_path, write_state
from loaders.bulk.workers import stage_all
from loaders.discovery import LOAD_ORDER, DataFile, Kind, discover, ignored_files
from loaders.graph import GraphWriter
from loaders.mining.aggregate import Mined, open_or_mine
from loaders.mining.engines import mining_engine
from loaders.mining.load import fill_reports, unit_of
from loaders.mining.registry import Registry
from loaders.pipeline import load_requests_and_labels
from loaders.progress import load_progress
from loaders.reading import connect, content_hash
from loaders.rejects import RejectWriter, new_run_id
from loaders.report import FileReport, LoadReport
from loaders.settings import LoadSettings

log = get_logger(__name__)


class BulkLoadError(RuntimeError):
    """The run stopped after the server was stopped; rerunning the same command redoes it."""


@dataclass
class _Staged:
    """What staging hands to the import and after it."""

    files: ImportFiles
    # The mined request log (None without one): its registry entries are recorded once the templates
    # are in the store.
    mined: Path | None


@contextmanager
def _stage(report: LoadReport, progress: Progress, name: str) -> Iterator[None]:
    task = progress.add_task(name, total=None)
    started = time.monotonic()
    log.info("bulk load stage started", stage=name)
    yield
    took = time.monotonic() - started
    report.stages[name] = took
    progress.update(task, description=f"{name} ({took:.1f} s)", total=1, completed=1)
    log.info("bulk load stage finished", stage=name, seconds=round(took, 2))


def _server_to_use(settings: Settings, previous: BulkState | None) -> ServerConfig:
    if previous is None:
        cfg = running_server(settings)
        require_empty(settings)
        return cfg
    # The store may be half-imported: its contents say nothing, and the server may be down.
    if server.status(server_config(settings)).running:
        return running_server(settings)
    return config_from_state(settings, previous.server)


def bulk_load_directory(
    directory: Path,
    settings: Settings,
    load_settings: LoadSettings,
    console: Console | None = None,
    min_template_accounts: int = 2,
) -> LoadReport:
    """Raises BulkRefusedError (nothing changed) or BulkLoadError (rerun the same command)."""
    require_importable_home(settings)
    (settings.home / "state").mkdir(parents=True, exist_ok=True)
    lock = FileLock(settings.home / "state" / "bulk-load.lock", thread_local=False)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise BulkRefusedError(
            f"another bulk load is running for LINKWATCH_HOME={settings.home}. Nothing was changed."
        ) from None
    try:
        # From before the emptiness check until the server is back with the imported graph: nothing of
        # Linkwatch's may write between the check and the stop, or start the server on the store being
        # written (app/platform/store_lock.py).
        with store_exclusive(settings.home):
            return _bulk_load(directory, settings, load_settings, console, min_template_accounts)
    except StoreInUseError as exc:
        raise BulkRefusedError(
            f"{exc}: a bulk load replaces the store, and what they wrote after its emptiness check would "
            "be lost; stop them (`linkwatch serve-stop`, `linkwatch worker-stop`, let loads and detection "
            f"runs finish) and run it again, or {TRANSACTIONAL_HINT}. Nothing was changed."
        ) from None
    finally:
        lock.release()


def _bulk_load(
    directory: Path,
    settings: Settings,
    load_settings: LoadSettings,
    console: Console | None,
    min_template_accounts: int,
) -> LoadReport:
    console = console or Console(stderr=True)
    started = time.monotonic()
    directory = directory.resolve()
    files = discover(directory)
    report = LoadReport(directory=str(directory))
    skipped = ignored_files(directory)
    if skipped:
        log.info("files ignored (not an input kind)", files=skipped)
    home, key = settings.home, settings.hash_key()
    state_dir = home / "state"

    if not any(files[kind] for kind in (*ENTITY_KINDS, Kind.REQUESTS)):
        raise BulkRefusedError(
            f"{directory} has no accounts, ip_links, payment_links or requests files, which is what --bulk "
            "imports; load it with `linkwatch load DIR` (without --bulk). Nothing was changed."
        )
    t0 = time.monotonic()
    inputs = tuple(
        InputFile(df.name, kind.value, content_hash(df.path)) for kind in LOAD_ORDER for df in files[kind]
    )
    current = BulkState(str(directory), inputs)
    previous = read_state(home)
    if previous is not None and not previous.same_inputs(current):
        raise BulkRefusedError(
            f"an interrupted bulk load of {previous.describe()} is not finished; rerun it with the same "
            f"directory and files, or restore the store from a backup (its state file: "
            f"{state_path(home)}). Nothing was changed."
        )
    cfg = _server_to_use(settings, previous)
    was_running = server.status(cfg).running
    if previous is not None:
        log.warning("redoing an interrupted bulk load of the same inputs", started_at=previous.started_at)
    report.stages["checks"] = time.monotonic() - t0

    work = state_dir / "bulk"
    shutil.rmtree(work, ignore_errors=True)  # scratch of an earlier, interrupted run
    work.mkdir(parents=True)
    try:
        with RejectWriter(home / "rejects", new_run_id()) as rejects, load_progress(console) as progress:
            write_state(home, BulkState(str(directory), inputs, server_settings(cfg)))
            # Stopping takes seconds of waiting (checkpoint, Bolt shutdown): overlap it with staging.
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="bulk-stop") as pool:
                stopping = pool.submit(_stop_server, report, progress, cfg)
                try:
                    staged = _stage_inputs(
                        files, inputs, report, progress, rejects, key, load_settings, work,
                        min_template_accounts,
                    )  # fmt: skip
                except Exception:
                    # Nothing was imported by this run: leave server and state as they were before it.
                    stopping.result()
                    if was_running:
                        server.start(cfg)
                    if previous is None:
                        remove_state(home)
                    raise
                stopping.result()
            _swap_store(report, progress, cfg, settings, load_settings, staged.files, work)
            shutil.rmtree(work / "csv", ignore_errors=True)
            if staged.mined is not None:
                remember_templates(Registry(state_dir), staged.mined)
            _load_rest(files, report, progress, rejects, settings, load_settings, key, min_template_accounts)
            report.reject_file = str(rejects.path) if rejects.count else None
        remove_state(home)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report.seconds = time.monotonic() - started
    log.info(
        "bulk load finished",
        directory=str(directory),
        files=len(report.files),
        rejected=report.rejected,
        seconds=round(report.seconds, 1),
        stages={k: round(v, 2) for k, v in report.stages.items()},
    )
    return report


def _stage_inputs(
    files: dict[Kind, list[DataFile]],
    inputs: tuple[InputFile, ...],
    report: LoadReport,
    progress: Progress,
    rejects: RejectWriter,
    key: bytes,
    load_settings: LoadSettings,
    work: Path,
    min_template_accounts: int,
) -> _Staged:
    """Validated rows into DuckDB (a worker process per kind), the mined request log, the importer's files."""
    units = {(f.name, f.kind): f.unit for f in inputs}
    processes = load_settings.bulk_workers or max(1, min(len(ENTITY_KINDS), os.cpu_count() or 1))
    mem, threads = load_settings.duckdb_memory_limit, load_settings.duckdb_threads
    jobs = [
        KindJob(
            kind, tuple(files[kind]), tuple(units[(df.name, kind.value)] for df in files[kind]), key, work,
            mem, max(1, threads // processes),
        )
        for kind in ENTITY_KINDS
        if files[kind]
    ]  # fmt: skip
    with _stage(report, progress, "validate and stage"):
        results = stage_all(jobs, progress, processes)
    markers: list[Marker] = []
    for job in jobs:  # discovery order of kinds: reports and reject lines as the transactional loader
        result = results[job.kind]
        report.files.extend(result.reports)
        rejects.extend(job.rejects)
        markers.extend(Marker(unit, job.kind.value, rows) for unit, rows in result.staged)
    mined_db = None
    if files[Kind.REQUESTS]:
        with _stage(report, progress, "mine requests"):
            mined = _mine_requests(
                files[Kind.REQUESTS], report, progress, rejects, load_settings, work, min_template_accounts
            )
        markers.append(Marker(unit_of(files[Kind.REQUESTS]), Kind.REQUESTS.value, mined.loaded))
        mined_db = mined.database
    con = connect(mem, threads, work / "tmp")
    try:
        attach_staged(con, {job.kind: job.database for job in jobs})
        attach_mined(con, mined_db)
        with _stage(report, progress, "importer files"):
            return _Staged(write_import_files(con, markers, work / "csv"), mined_db)
    finally:
        con.close()
        for job in jobs:
            job.database.unlink(missing_ok=True)


def _mine_requests(
    files: list[DataFile],
    report: LoadReport,
    progress: Progress,
    rejects: RejectWriter,
    load_settings: LoadSettings,
    work: Path,
    min_template_accounts: int,
) -> Mined:
    """The request log mined as `linkwatch load` mines it (an empty store knows no templates yet), its
    reports added; the mined tables are closed, readable from their DuckDB file."""
    started = time.monotonic()
    task = progress.add_task("requests: reading", total=None)
    with mining_engine(load_settings) as engine:
        mined = open_or_mine(
            files, work / "mining", load_settings, [], None, min_template_accounts, rejects,
            lambda s: progress.update(task, description=f"requests: {s}"), engine,
        )  # fmt: skip
    try:
        reports = [FileReport(file=df.name, kind=Kind.REQUESTS.value) for df in files]
        fill_reports(reports, mined, 0, 0, time.monotonic() - started)
    finally:
        mined.close()
    progress.update(task, description="requests", total=1, completed=1)
    report.files.extend(reports)
    report.templates = mined.templates
    return mined


def remember_templates(registry: Registry, mined_db: Path) -> None:
    """The bulk-loaded templates' member skeletons into the registry, read from the mined database."""
    con = duckdb.connect(str(mined_db), read_only=True)
    try:
        registry.add_from(con)
    finally:
        con.close()


def _load_rest(
    files: dict[Kind, list[DataFile]],
    report: LoadReport,
    progress: Progress,
    rejects: RejectWriter,
    settings: Settings,
    load_settings: LoadSettings,
    key: bytes,
    min_template_accounts: int,
) -> None:
    """Schema, then labels through the transactional pipeline (the request log was imported)."""
    state_dir = settings.home / "state"
    with sync_driver(settings) as driver:
        with _stage(report, progress, "schema"):
            apply_schema(driver, settings.neo4j_database)
        if not files[Kind.LABELS]:
            return
        writer = GraphWriter(driver, settings.neo4j_database, load_settings.retry_seconds)
        con = connect(
            load_settings.duckdb_memory_limit, load_settings.duckdb_threads, state_dir / "duckdb-tmp"
        )
        try:
            with _stage(report, progress, "labels"):
                load_requests_and_labels(
                    {**files, Kind.REQUESTS: []}, report, writer, rejects, progress, con, state_dir,
                    load_settings, key, min_template_accounts,
                )  # fmt: skip
        finally:
            con.close()


def _stop_server(report: LoadReport, progress: Progress, cfg: ServerConfig) -> None:
    with _stage(report, progress, "stop server"):
        server.stop(cfg)


def _swap_store(
    report: LoadReport,
    progress: Progress,
    cfg: ServerConfig,
    settings: Settings,
    load_settings: LoadSettings,
    import_files: ImportFiles,
    work: Path,
) -> None:
    """Import into the stopped server's own store, start it as before, check it sees the graph."""
    try:
        with _stage(report, progress, "import"):
            result = run_import(
                cfg, import_files, work, load_settings.bulk_import_heap, os.cpu_count() or 1,
                settings.neo4j_database,
            )  # fmt: skip
        with _stage(report, progress, "start server"):
            server.start(cfg)
    except (ImporterError, server.ServerError) as e:
        raise BulkLoadError(
            f"{e}\nThe store may be incomplete: rerun the same `linkwatch load DIR --bulk` to redo the "
            "import."
        ) from e
    found = graph_size(settings)
    if found != (result.nodes, result.relationships):
        raise BulkLoadError(
            f"the restarted server sees {found[0]:,} nodes and {found[1]:,} relationships; the importer "
            f"wrote {result.nodes:,} and {result.relationships:,}; is {cfg.data_dir} the server's store?"
        )
    log.info("server sees the imported graph", nodes=found[0], relationships=found[1])
