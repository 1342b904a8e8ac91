"""`linkwatch worker` (foreground or `--detach`), `linkwatch worker-stop` and `linkwatch schedule`.

The worker executes the runs the API (or anyone) queued and, with `--every` / `--cron`, queues the
scheduled ones (`app.jobs.worker`). `schedule` is the same worker with a schedule required: the command
scripts already use, kept so they go on working.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from types import FrameType

import typer
from rich.console import Console

from app.cli.background import Background, start, stop
from app.cli.detect_cmd import summary_line
from app.cli.store import using_store
from app.jobs.runner import RunSummary
from app.jobs.schedule import make_trigger, parse_every
from app.jobs.worker import Worker
from app.platform.logging import configure_logging, get_logger
from app.platform.settings import Settings, get_settings

log = get_logger(__name__)
err = Console(stderr=True)

EVERY_HELP = "Scheduled full runs at this interval, e.g. 6h, 30m, 1d (UTC) [LINKWATCH_DETECT_FULL_EVERY]."
INCREMENTAL_HELP = (
    "Scheduled incremental runs at this interval, e.g. 15m (UTC), between the full ones "
    "[LINKWATCH_DETECT_INCREMENTAL_EVERY]."
)
CRON_HELP = 'Scheduled full runs at this cron expression in UTC, e.g. "0 */6 * * *".'
NOW_HELP = "Queue a scheduled run at start (default: yes with --every, no with --cron)."
POLL_HELP = "How often to look for queued runs when idle, e.g. 5s, 1m."
MAX_RUNS_HELP = "Stop after executing this many runs (queued or scheduled, failed ones included)."


def register(cli: typer.Typer) -> None:
    cli.command("worker")(worker)
    cli.command("worker-stop")(worker_stop)
    cli.command("schedule")(schedule)


def _pid_file(settings: Settings) -> Path:
    return settings.home / "run" / "worker.pid"


def _ready_file(settings: Settings) -> Path:
    return settings.home / "run" / "worker.ready"


def worker(
    every: str | None = typer.Option(None, "--every", help=EVERY_HELP),
    cron: str | None = typer.Option(None, "--cron", help=CRON_HELP),
    incremental_every: str | None = typer.Option(None, "--incremental-every", help=INCREMENTAL_HELP),
    now: bool | None = typer.Option(None, "--now/--no-now", help=NOW_HELP),
    poll: str = typer.Option("5s", "--poll", help=POLL_HELP),
    max_runs: int | None = typer.Option(None, "--max-runs", min=1, help=MAX_RUNS_HELP),
    detach: bool = typer.Option(False, "--detach", help="Start in the background and return once ready."),
    wait: float = typer.Option(60.0, "--wait", help="With --detach: seconds to wait for it to be ready."),
    ready_file: Path | None = typer.Option(None, "--ready-file", hidden=True),
) -> None:
    """Execute queued detection runs (and scheduled ones) until SIGTERM / SIGINT.

    A run in progress finishes first; a second signal stops at once."""
    _start(every, cron, now, poll, max_runs, detach, wait, ready_file, incremental_every)


def schedule(
    every: str | None = typer.Option(None, "--every", help=EVERY_HELP),
    cron: str | None = typer.Option(None, "--cron", help=CRON_HELP),
    incremental_every: str | None = typer.Option(None, "--incremental-every", help=INCREMENTAL_HELP),
    now: bool | None = typer.Option(None, "--now/--no-now", help=NOW_HELP),
    max_runs: int | None = typer.Option(None, "--max-runs", min=1, help=MAX_RUNS_HELP),
    poll: str = typer.Option("5s", "--poll", help=POLL_HELP),
) -> None:
    """`worker` with a schedule: periodic detection until SIGTERM / SIGINT; queued runs execute too."""
    settings = get_settings()
    if every is None and cron is None:
        every = settings.detect_full_every
    if (every is None) == (cron is None):
        raise typer.BadParameter("give exactly one of --every or --cron (or LINKWATCH_DETECT_FULL_EVERY)")
    _start(every, cron, now, poll, max_runs, False, 0.0, None, incremental_every)


def _start(
    every: str | None,
    cron: str | None,
    now: bool | None,
    poll: str,
    max_runs: int | None,
    detach: bool,
    wait: float,
    ready_file: Path | None,
    incremental_every: str | None = None,
) -> None:
    if every is not None and cron is not None:
        raise typer.BadParameter("give at most one of --every or --cron")
    settings = get_settings()
    if every is None and cron is None:
        every = settings.detect_full_every
    incremental_every = incremental_every or settings.detect_incremental_every
    try:
        poll_s = parse_every(poll).total_seconds()
        trigger = make_trigger(parse_every(every) if every else None, cron) if every or cron else None
        inc_trigger = make_trigger(parse_every(incremental_every)) if incremental_every else None
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    if detach:
        args = ["--poll", poll]
        args += ["--every", every] if every else []
        args += ["--cron", cron] if cron else []
        args += ["--incremental-every", incremental_every] if incremental_every else []
        args += [] if now is None else ["--now" if now else "--no-now"]
        args += ["--max-runs", str(max_runs)] if max_runs else []
        _detach(settings, args, wait)
        return
    try:
        with (
            using_store(settings, "worker"),
            Worker(
                settings,
                poll=poll_s,
                trigger=trigger,
                incremental_trigger=inc_trigger,
                run_now=now if now is not None else every is not None,
                max_runs=max_runs,
                on_run=_print_summary,
                deliver_alerts=True,
            ) as w,
        ):
            try:
                w.check()
            except Exception as exc:
                err.print(f"[red]the worker cannot reach the database: {exc}[/red]")
                raise typer.Exit(1) from None
            _handle_signals(w)
            what = (
                f"full runs every {every}"
                if every
                else f"full runs at cron {cron}"
                if cron
                else "no schedule"
            )
            if incremental_every:
                what += f", incremental runs every {incremental_every}"
            done = w.run(on_ready=lambda wk: _ready(wk, what, ready_file))
    finally:
        if ready_file is not None:
            ready_file.unlink(missing_ok=True)
    err.print(f"worker stopped after {done} run(s)")


def _ready(w: Worker, what: str, ready_file: Path | None) -> None:
    nxt = w.next_scheduled()
    err.print(
        f"worker {w.name}: executing queued runs (idle poll {w.poll:g}s); {what}"
        + (f" (UTC), next scheduled run {nxt}" if nxt else ""),
        soft_wrap=True,  # one line, whatever the terminal width: scripts wait for it
    )
    log.info("worker ready", worker=w.name, next_scheduled=nxt)
    if ready_file is not None:
        ready_file.write_text(f"{os.getpid()}\n", encoding="utf-8")


def _print_summary(summary: RunSummary) -> None:
    err.print(summary_line(summary))


def _handle_signals(w: Worker) -> None:
    def on_signal(signum: int, _frame: FrameType | None) -> None:
        err.print(f"signal {signal.Signals(signum).name}: stopping after the current run")
        w.stop()
        # A second signal stops at once; an unfinished switch transaction is then rolled back.
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)


def _background(settings: Settings) -> Background:
    return Background(
        "worker", _pid_file(settings), settings.home / "logs" / "worker.log", "linkwatch worker-stop"
    )


def _detach(settings: Settings, args: list[str], wait: float) -> None:
    ready_file = _ready_file(settings)
    ready_file.unlink(missing_ok=True)

    def ready(pid: int) -> bool:
        return ready_file.exists() and ready_file.read_text().strip() == str(pid)

    start(
        _background(settings),
        [sys.executable, "-m", "app.cli.worker_cmd", *args, "--ready-file", str(ready_file)],
        ready,
        wait,
        "worker up",
    )


def worker_stop(
    timeout: float = typer.Option(
        900.0, help="Seconds to wait: a run in progress finishes before the worker exits."
    ),
) -> None:
    """Stop a worker started with `worker --detach` (after its current run, if any)."""
    stop(_background(get_settings()), timeout, group=False, late=" (a run in progress?)")


if __name__ == "__main__":
    configure_logging()
    typer.run(worker)
