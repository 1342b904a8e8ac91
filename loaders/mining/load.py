"""Loads the `requests` files of a directory as one unit: mine, write, mark done."""

from __future__ import annotations

import hashlib
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from app.platform.logging import get_logger
from loaders.discovery import DataFile
from loaders.graph import GraphWriter
from loaders.mining.aggregate import Mined, open_or_mine
from loaders.mining.engines import mining_engine
from loaders.mining.grouping import KnownTemplate
from loaders.mining.registry import Registry
from loaders.mining.resolve import TemplateResolver
from loaders.mining.writes import write_mined
from loaders.reading import content_hash
from loaders.rejects import RejectWriter
from loaders.report import FileReport
from loaders.settings import LoadSettings

log = get_logger(__name__)
KIND = "requests"


def known_templates(writer: GraphWriter) -> list[KnownTemplate]:
    return [
        KnownTemplate(str(r["template_id"]), str(r["text"]))
        for r in writer.read("load/templates_all")
        if r["text"]
    ]


def template_resolver(writer: GraphWriter, state_dir: Path, settings: LoadSettings) -> TemplateResolver:
    known = known_templates(writer)
    live = {t.template_id for t in known}
    return TemplateResolver(
        known,
        lambda: Registry(state_dir).read(live),
        settings.near_dup_threshold,
        settings.minhash_perms,
        settings.shingle_words,
    )


def unit_of(files: list[DataFile]) -> str:
    """All request files of a load are mined together; their combined content is the unit's identity."""
    hashes = sorted(content_hash(df.path) for df in files)
    return hashlib.sha256("|".join(hashes).encode()).hexdigest()[:32]


def load_requests(
    files: list[DataFile],
    writer: GraphWriter,
    rejects: RejectWriter,
    state_dir: Path,
    settings: LoadSettings,
    min_accounts: int,
    stage: Callable[[str], None] | None = None,
    advance: Callable[[int], None] | None = None,
) -> tuple[list[FileReport], int, dict[str, float]]:
    """Per-file reports, the number of templates the load touched, and seconds per phase."""
    started = time.monotonic()
    reports = [FileReport(file=df.name, kind=KIND) for df in files]
    if not files:
        return reports, 0, {}
    unit = unit_of(files)
    if writer.unit_done(unit, KIND):
        for r in reports:
            r.status = "already loaded"
        log.info("request files already loaded", files=[df.name for df in files])
        return reports, 0, {}
    registry = Registry(state_dir)
    work_dir = state_dir / "mining" / unit
    with mining_engine(settings) as engine:
        mined = open_or_mine(
            files, work_dir, settings, known_templates(writer), registry, min_accounts, rejects, stage, engine
        )
    timings = {"mine": time.monotonic() - started}
    _report_rate(mined, timings["mine"], settings.mining_engine, stage)
    try:
        # Also on a resumed load: adding the same entries again changes nothing.
        registry.add_from(mined.con)
        if stage is not None:
            stage("writing usage")
        applied, skipped = write_mined(mined, writer, unit, settings.batch_size, advance, settings.writers)
        writer.mark_unit_done(unit, KIND, mined.loaded)
        timings["write"] = time.monotonic() - started - timings["mine"]
    finally:
        mined.close()
    shutil.rmtree(work_dir, ignore_errors=True)
    fill_reports(reports, mined, applied, skipped, time.monotonic() - started)
    return reports, mined.templates, timings


def _report_rate(mined: Mined, seconds: float, engine: str, stage: Callable[[str], None] | None) -> None:
    requests = sum(f.read for f in mined.files)
    rate = requests / seconds if seconds > 0 else 0.0
    log.info(
        "mining rate", engine=engine, requests=requests, seconds=round(seconds, 2), per_second=round(rate)
    )
    if stage is not None:
        stage(f"mined {requests:,} requests in {seconds:.1f} s ({rate:,.0f}/s, {engine})")


def fill_reports(reports: list[FileReport], mined: Mined, applied: int, skipped: int, seconds: float) -> None:
    """Rows read / loaded / rejected per request file; the files are mined and written as one unit."""
    for report, stats in zip(reports, mined.files, strict=True):
        report.read, report.rejected = stats.read, stats.rejected
        report.loaded = stats.read - stats.rejected
        report.batches_applied, report.batches_skipped = applied, skipped
        report.finish()
        report.seconds = seconds
