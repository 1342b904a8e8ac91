"""Stages the entity kinds in parallel worker processes, feeding the parent's progress bars.

Python validation holds the GIL, so parallelism needs processes. They are spawned, not forked: the parent
runs threads (progress display, driver pools) that a fork would copy mid-state.
"""

from __future__ import annotations

import multiprocessing
import queue
from concurrent.futures import FIRST_EXCEPTION, Future, ProcessPoolExecutor, wait

import structlog
from rich.progress import Progress

from loaders.bulk.staging import KindJob, KindResult, init_worker, set_progress, stage_kind
from loaders.discovery import Kind

# Below this much input, starting processes (about a second each) costs more than it saves.
PARALLEL_MIN_BYTES = 32 << 20


def _json_logs() -> bool:
    """Whether the parent renders logs as JSON, so the workers' lines look the same."""
    processors = structlog.get_config().get("processors") or []
    return bool(processors) and isinstance(processors[-1], structlog.processors.JSONRenderer)


def stage_all(jobs: list[KindJob], progress: Progress, processes: int) -> dict[Kind, KindResult]:
    if not jobs:
        return {}
    tasks = {df.name: progress.add_task(df.name, total=None) for job in jobs for df in job.files}
    size = sum(df.path.stat().st_size for job in jobs for df in job.files)
    if processes == 1 or len(jobs) == 1 or size < PARALLEL_MIN_BYTES:
        set_progress(lambda name, n: progress.advance(tasks[name], n))
        try:
            return {job.kind: stage_kind(job) for job in jobs}
        finally:
            set_progress(None)
    ctx = multiprocessing.get_context("spawn")
    messages: multiprocessing.Queue[tuple[str, int]] = ctx.Queue()

    def drain(timeout: float) -> None:
        try:
            name, n = messages.get(timeout=timeout)
            progress.advance(tasks[name], n)
            while True:
                name, n = messages.get_nowait()
                progress.advance(tasks[name], n)
        except queue.Empty:
            pass

    # Largest kind first, so the longest job starts at once and the others share the second process.
    ordered = sorted(jobs, key=lambda j: -sum(df.path.stat().st_size for df in j.files))
    with ProcessPoolExecutor(
        max_workers=max(1, min(processes, len(jobs))),
        mp_context=ctx,
        initializer=init_worker,
        initargs=(messages, _json_logs()),
    ) as pool:
        futures: list[Future[KindResult]] = [pool.submit(stage_kind, job) for job in ordered]
        while not all(f.done() for f in futures):
            drain(0.2)
            done, _ = wait(futures, timeout=0, return_when=FIRST_EXCEPTION)
            if any(f.exception() is not None for f in done):
                break
        results = [f.result() for f in futures]  # re-raises a worker's error here
    drain(0.05)
    messages.close()
    return {r.kind: r for r in results}
